"""The CLI's contract and its errors: clear messages, exit code 2, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GEHECHT = [sys.executable, "-m", "gehecht.cli"]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*GEHECHT, *args], capture_output=True, text=True, input=stdin, cwd=ROOT, timeout=120)


def assert_clean_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    for fragment in fragments:
        assert fragment in result.stderr


def test_help_lists_every_command():
    result = run("--help")
    for command in ("check", "export", "search", "index", "serve", "guide"):
        assert command in result.stdout


def test_check_passes_on_the_bundled_content():
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok:")


def test_check_fails_naming_file_and_field(tmp_path: Path):
    from tests.content.kbfactory import edit, write_kb

    root = write_kb(tmp_path / "content")
    edit(root / "artikelen" / "driftbuien.md", "concepts: [driftbuien, gehechtheid]", "concepts: [driftbuien, nope]")
    result = run("check", "--content", str(root))
    assert result.returncode == 1
    assert "driftbuien.md" in result.stderr and "concepts" in result.stderr and "nope" in result.stderr


def test_check_on_a_missing_folder_is_a_clear_error(tmp_path: Path):
    assert_clean_error(run("check", "--content", str(tmp_path / "nergens")), "does not exist")


def test_export_writes_every_entry_as_json_lines_with_plain_text(kb):
    result = run("export", "--json")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len(kb.entries)
    required = {"id", "type", "title", "concepts", "audiences", "ages", "regions", "sources", "text"}
    for record in records:
        assert required <= set(record)
        assert "**" not in record["text"] and "](gehecht:" not in record["text"] and ":::" not in record["text"]
    assert len({r["id"] for r in records}) == len(records)


def test_export_without_json_flag_is_a_clear_error():
    assert_clean_error(run("export"), "--json")


@pytest.mark.parametrize("query", ["", "   ", "\t\n"])
def test_empty_search_is_a_clear_error(query: str):
    assert_clean_error(run("search", query, "--json"), "leeg")


def test_unknown_filter_value_is_a_clear_error():
    assert_clean_error(run("search", "driftbuien", "--audience", "opa"), "opa", "ouder")


def test_missing_batch_file_is_a_clear_error(tmp_path: Path):
    assert_clean_error(run("search", "--batch", str(tmp_path / "weg.txt"), "--json"), "does not exist")


def test_search_returns_the_contract_shape():
    result = run("search", "mijn peuter krijgt woedeaanvallen", "--json", "--limit", "3")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["query"] == "mijn peuter krijgt woedeaanvallen"
    assert len(payload["results"]) == 3
    first = payload["results"][0]
    assert set(first) >= {"id", "type", "title", "concepts", "score", "snippet", "url"}
    assert first["url"].startswith("/")


def test_batch_search_answers_in_input_order(tmp_path: Path):
    batch = tmp_path / "vragen.txt"
    batch.write_text("wat is gehechtheid\n\nreactieve hechtingsstoornis\nsecure base\n", encoding="utf-8")
    result = run("search", "--batch", str(batch), "--json", "--limit", "2")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["query"] for line in lines] == ["wat is gehechtheid", "reactieve hechtingsstoornis", "secure base"]
    assert all(len(line["results"]) == 2 for line in lines)
