"""`gehecht check` rules, one broken rule per test, on a tiny fixture knowledge base."""

from __future__ import annotations

from pathlib import Path

import pytest

from gehecht.content.loader import load_knowledge_base
from gehecht.content.validate import errors, validate

from tests.content.kbfactory import edit, write_article, write_kb


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    return write_kb(tmp_path / "content")


def problems_of(root: Path, **kwargs):
    return errors(validate(load_knowledge_base(root), **kwargs))


def only_problem(root: Path) -> str:
    found = problems_of(root)
    assert len(found) == 1, [str(p) for p in found]
    return str(found[0])


def test_it_accepts_the_valid_fixture(root):
    assert problems_of(root) == []


def test_it_names_file_and_field_for_an_unknown_concept(root):
    edit(root / "artikelen" / "driftbuien.md", "concepts: [driftbuien, gehechtheid]", "concepts: [driftbuien, onbekend]")
    message = only_problem(root)
    assert "driftbuien.md" in message and "concepts" in message and "onbekend" in message


def test_it_rejects_more_than_six_concepts(root):
    edit(root / "artikelen" / "driftbuien.md", "concepts: [driftbuien, gehechtheid]",
         "concepts: [driftbuien, gehechtheid, a, b, c, d, e]")
    assert any("concepts" in str(p) and "driftbuien.md" in str(p) for p in problems_of(root))


def test_it_requires_a_source_for_an_article(root):
    edit(root / "artikelen" / "gehechtheid.md", "sources: [bowlby-1969]", "sources: []")
    found = [str(p) for p in problems_of(root)]
    assert any("gehechtheid.md" in p and "sources" in p and "at least one source" in p for p in found)


def test_it_rejects_a_source_key_not_in_the_bibliography(root):
    edit(root / "artikelen" / "driftbuien.md", "sources: [bowlby-1969]", "sources: [bowlby-1969, nergens-2020]")
    message = only_problem(root)
    assert "nergens-2020" in message and "sources" in message


def test_it_rejects_an_inline_citation_missing_from_front_matter(root):
    edit(root / "artikelen" / "driftbuien.md", "Meestal niet.", "Meestal niet [@bowlby-1973].")
    assert any("bowlby-1973" in str(p) for p in problems_of(root))


def test_it_rejects_a_broken_internal_link(root):
    edit(root / "artikelen" / "gehechtheid.md", "(gehecht:driftbuien)", "(gehecht:bestaat-niet)")
    message = only_problem(root)
    assert "gehechtheid.md" in message and "gehecht:bestaat-niet" in message


def test_it_rejects_a_duplicate_id(root):
    path = write_article(root, "kopie", "Kopie", "gehechtheid", "Tekst [@bowlby-1969].")
    edit(path, "id: kopie", "id: gehechtheid")
    found = [str(p) for p in problems_of(root)]
    assert any("duplicate id" in p and "kopie.md" in p for p in found)


def test_it_reports_a_required_concept_without_primary_entry(root):
    (root / "artikelen" / "driftbuien.md").unlink()
    edit(root / "artikelen" / "gehechtheid.md", "- [Driftbuien](gehecht:driftbuien)\n", "")
    message = only_problem(root)
    assert "driftbuien" in message and "primary" in message


def test_missing_concepts_can_be_warnings_but_never_silent(root):
    (root / "artikelen" / "driftbuien.md").unlink()
    edit(root / "artikelen" / "gehechtheid.md", "- [Driftbuien](gehecht:driftbuien)\n", "")
    kb = load_knowledge_base(root)
    all_problems = validate(kb, missing_concepts_as_warning=True)
    assert errors(all_problems) == []
    assert [p.severity for p in all_problems] == ["warning"]


def test_it_rejects_a_wrong_safety_number(root):
    edit(root / "artikelen" / "driftbuien.md", "Veilig Thuis 0800-2000", "Veilig Thuis 0800-2001")
    assert "0800-2000" in only_problem(root)


def test_it_rejects_text_that_diagnoses_the_readers_child(root):
    edit(root / "artikelen" / "driftbuien.md", "Meestal niet.", "Uw kind heeft een hechtingsstoornis.")
    assert "diagnosis" in only_problem(root)


def test_problem_articles_follow_the_question_order(root):
    edit(root / "artikelen" / "driftbuien.md", "## Is het ernstig?\nMeestal niet.\n", "")
    assert "Is het ernstig?" in only_problem(root)


def test_broken_front_matter_is_reported_not_raised(root):
    (root / "artikelen" / "driftbuien.md").write_text("---\nid: [unclosed\n---\nbody", encoding="utf-8")
    found = [str(p) for p in problems_of(root)]
    assert any("driftbuien.md" in p and "front matter" in p for p in found)


def test_an_uncited_reference_is_an_error(root):
    (root / "bronnen" / "extra.yaml").write_text(
        "- {key: ainsworth-1978, kind: boek, authors: ['Ainsworth, M.'], year: '1978', title: Patterns}\n",
        encoding="utf-8")
    assert "ainsworth-1978" in only_problem(root)
