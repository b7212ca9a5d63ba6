"""The rules file is reviewed data: it loads, and every kind of mistake names rule id and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from gehecht.cli import app
from gehecht.guide.rules import RULES_FILE, RulesError, load_rules, parse_rules, rule_problems

ROOT = Path(__file__).resolve().parents[2]

GOOD_RULE = {
    "id": "voorbeeld",
    "als": {"leeftijd_maanden": [12, 48], "signalen": ["driftbuien"], "niet": {"gezin": ["pleegzorg"]}},
    "dan": {"onderwerpen": {"driftbuien": 2}, "cirkel": ["troost-mij"], "urgentie": "bespreken",
            "urgentie_uitleg": "Bespreek het met iemand die het kind kent.", "behandelingen": {"pcit": 1}},
}
REFERRAL = {"id": "overal", "tekst": "Bespreek het met de huisarts of het CJG."}


def write_rules(tmp_path: Path, rules: list[dict], referrals: list[dict] | None = None) -> Path:
    path = tmp_path / "regels.yaml"
    path.write_text(yaml.safe_dump({"regels": rules, "verwijzingen": referrals or [REFERRAL]}, allow_unicode=True),
                    encoding="utf-8")
    return path


def broken(**changes: object) -> dict:
    rule = yaml.safe_load(yaml.safe_dump(GOOD_RULE))
    for dotted, value in changes.items():
        *parents, leaf = dotted.split("__")
        target = rule
        for name in parents:
            target = target.setdefault(name, {})
        if value is None:
            target.pop(leaf, None)
        else:
            target[leaf] = value
    return rule


def test_the_real_rules_load_without_problems(kb):
    rules = load_rules(kb)
    assert len(rules.rules) >= 40
    assert [p for p in rule_problems(kb) if p.severity == "error"] == []


def test_a_valid_fixture_rule_loads(kb, tmp_path):
    rule_set, problems = parse_rules(write_rules(tmp_path, [GOOD_RULE]), kb)
    assert problems == [] and rule_set is not None and rule_set.rules[0].id == "voorbeeld"


@pytest.mark.parametrize(("rule", "field", "words"), [
    (broken(dan__onderwerpen={"driftbui": 2}), "dan.onderwerpen", "driftbui"),
    (broken(dan__cirkel=["knuffel-mij"]), "dan.cirkel", "knuffel-mij"),
    (broken(dan__behandelingen={"knuffeltherapie": 1}), "dan.behandelingen", "knuffeltherapie"),
    (broken(als__signalen=["boos"]), "als.signalen", "boos"),
    (broken(als__niet__gezin=["eenoudergezin"]), "als.niet.gezin", "eenoudergezin"),
    (broken(als__geschiedenis=["oorlog"]), "als.geschiedenis", "oorlog"),
    (broken(als__rol=["oma"]), "als.rol", "oma"),
    (broken(dan__urgentie="heel-dringend"), "dan.urgentie", "heel-dringend"),
    (broken(dan__urgentie_uitleg=None), "dan.urgentie_uitleg", "uitleg"),
    (broken(als__leeftijd_maanden=[48, 12]), "als.leeftijd_maanden", "van"),
    (broken(als__leeftijd_maanden=[0, 300]), "als.leeftijd_maanden", "216"),
    (broken(als__leeftijdmaanden=[0, 12]), "als.leeftijdmaanden", "onbekende sleutel"),
    (broken(dan__urgentie_uitleg="Uw kind heeft een hechtingsstoornis."), "dan.urgentie_uitleg", "diagnose"),
    (broken(dan__gewoon_voor_leeftijd=["driftbuien"], als__leeftijd_maanden=None), "als.leeftijd_maanden",
     "leeftijdsgrens"),
])
def test_each_kind_of_mistake_names_rule_id_and_field(kb, tmp_path, rule, field, words):
    path = write_rules(tmp_path, [rule])
    with pytest.raises(RulesError) as caught:
        load_rules(kb, path)
    message = str(caught.value)
    assert "regel voorbeeld" in message
    assert field in message
    assert words in message


def test_a_duplicate_rule_id_is_named(kb, tmp_path):
    _, problems = parse_rules(write_rules(tmp_path, [GOOD_RULE, GOOD_RULE]), kb)
    assert any("voorbeeld" in p.field and "dubbele" in p.message for p in problems)


def test_a_rule_without_id_is_named_by_its_position(kb, tmp_path):
    _, problems = parse_rules(write_rules(tmp_path, [GOOD_RULE, {"dan": {"onderwerpen": {"driftbuien": 1}}}]), kb)
    assert any(p.field.startswith("regel #2") for p in problems)


def test_broken_yaml_and_missing_file_are_clear_errors(kb, tmp_path):
    bad = tmp_path / "regels.yaml"
    bad.write_text("regels: [\n  - id: x\n", encoding="utf-8")
    with pytest.raises(RulesError, match="geen geldige YAML"):
        load_rules(kb, bad)
    with pytest.raises(RulesError, match="ontbreekt"):
        load_rules(kb, tmp_path / "bestaat-niet.yaml")


def test_each_region_and_urgency_needs_a_referral(kb, tmp_path):
    path = write_rules(tmp_path, [GOOD_RULE], referrals=[{"id": "alleen-nl", "regio": ["nl"], "tekst": "Ga naar het CJG."}])
    _, problems = parse_rules(path, kb)
    assert any("regio be" in p.message for p in problems)


def _content_copy(tmp_path: Path) -> Path:
    """The real content, linked folder by folder, with a rules folder of our own."""
    root = tmp_path / "content"
    root.mkdir()
    for item in (ROOT / "content").iterdir():
        if item.name != "wegwijzer":
            (root / item.name).symlink_to(item)
    (root / "wegwijzer").mkdir()
    return root


def test_gehecht_check_reports_broken_rules_by_rule_id(tmp_path):
    root = _content_copy(tmp_path)
    write_rules(root / "wegwijzer", [broken(dan__onderwerpen={"driftbui": 2})])
    result = CliRunner().invoke(app, ["check", "--content", str(root), "--allow-missing-concepts"])
    assert result.exit_code == 1
    assert "regel voorbeeld" in result.output and "driftbui" in result.output


def test_a_knowledge_base_without_rules_gets_a_warning_not_an_error(tmp_path):
    from gehecht.content.loader import load_knowledge_base

    root = _content_copy(tmp_path)
    problems = rule_problems(load_knowledge_base(root))
    assert [p.severity for p in problems] == ["warning"]
    assert str(RULES_FILE) in str(problems[0].path)


def test_the_rules_file_explains_its_format_in_dutch():
    header = (ROOT / "content" / RULES_FILE).read_text(encoding="utf-8").split("\nregels:\n", 1)[0]
    for word in ("als:", "dan:", "onderwerpen", "urgentie", "leeftijd_maanden", "niet:", "toelichting"):
        assert word in header
    assert all(line.startswith("#") or not line.strip() for line in header.splitlines())
