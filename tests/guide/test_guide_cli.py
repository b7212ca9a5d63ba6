"""`gehecht guide --json FILE`: the route as JSON; bad input exits 2 with a clear message on stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gehecht.cli import app

ROOT = Path(__file__).resolve().parents[2]
GEHECHT = ROOT / ".venv" / "bin" / "gehecht"
GOOD = {"rol": "ouder", "regio": "nl", "leeftijd_maanden": 36, "signalen": ["driftbuien"]}


def invoke(args: list[str], stdin: str | None = None):
    return CliRunner().invoke(app, args, input=stdin)


def test_a_file_gives_one_json_object_per_contract(tmp_path):
    path = tmp_path / "intake.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    result = invoke(["guide", "--json", str(path)])
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    for key in ("urgentie", "urgentie_uitleg", "onderwerpen", "cirkel", "wat_u_kunt_doen", "behandelingen",
                "organisaties", "casussen", "disclaimer"):
        assert key in out
    assert out["urgentie"] in ("informatie", "bespreken", "hulp-zoeken", "direct")
    assert {"concept", "id", "titel", "waarom"} <= set(out["onderwerpen"][0])


def test_dash_reads_stdin():
    result = invoke(["guide", "--json", "-"], stdin=json.dumps({**GOOD, "signalen": ["suicidale-uitingen"]}))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["urgentie"] == "direct"


@pytest.mark.parametrize(("intake", "words"), [
    ({**GOOD, "signalen": ["driftbui"]}, ["driftbui", "driftbuien", "weglopen"]),
    ({**GOOD, "gezin": ["eenouder"]}, ["eenouder", "adoptie", "pleegzorg"]),
    ({**GOOD, "rol": "oma"}, ["oma", "hulpverlener"]),
    ({**GOOD, "leeftijd_maanden": 217}, ["leeftijd_maanden", "216"]),
    ({**GOOD, "leeftijd_maanden": -1}, ["leeftijd_maanden", "0"]),
    ({**GOOD, "leeftijd_maanden": "36"}, ["leeftijd_maanden", "getal"]),
    ({**GOOD, "leeftijd_maanden": 3.5}, ["leeftijd_maanden", "geheel"]),
    ({**GOOD, "signalen": "driftbuien"}, ["signalen", "lijst"]),
    ({"regio": "nl", "leeftijd_maanden": 36}, ["rol", "ontbreekt"]),
    ({**GOOD, "leeftijd": 3}, ["leeftijd", "onbekend veld"]),
    ([GOOD], ["JSON-object"]),
])
def test_bad_input_exits_2_with_a_clear_message(intake, words):
    result = invoke(["guide", "--json", "-"], stdin=json.dumps(intake))
    assert result.exit_code == 2
    assert result.stdout == ""
    for word in words:
        assert word in result.stderr
    assert "Traceback" not in result.stderr


def test_malformed_json_and_missing_file_exit_2(tmp_path):
    bad = invoke(["guide", "--json", "-"], stdin='{"rol": "ouder",')
    assert bad.exit_code == 2 and "geen geldige JSON" in bad.stderr
    missing = invoke(["guide", "--json", str(tmp_path / "nergens.json")])
    assert missing.exit_code == 2 and "bestaat niet" in missing.stderr
    none = invoke(["guide"])
    assert none.exit_code == 2 and "--json" in none.stderr


def test_the_installed_command_reads_stdin_and_never_shows_a_traceback():
    ok = subprocess.run([str(GEHECHT), "guide", "--json", "-", "--no-search"], input=json.dumps(GOOD),
                        capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0 and json.loads(ok.stdout)["urgentie"] == "informatie"
    bad = subprocess.run([str(GEHECHT), "guide", "--json", "-"], input='{"rol": "ouder", "regio": "fr"}',
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2
    assert "fr" in bad.stderr and "nl, be" in bad.stderr
    assert "Traceback" not in bad.stderr and bad.stdout == ""


def test_pdf_option_writes_the_gesprekskaart(tmp_path):
    target = tmp_path / "kaart.pdf"
    result = invoke(["guide", "--json", "-", "--pdf", str(target), "--no-search"], stdin=json.dumps(GOOD))
    assert result.exit_code == 0
    assert target.read_bytes().startswith(b"%PDF")
