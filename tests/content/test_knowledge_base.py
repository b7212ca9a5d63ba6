"""The bundled knowledge base meets the content issue's counts and rules."""

from __future__ import annotations

from pathlib import Path

import yaml

from gehecht.content.loader import KnowledgeBase
from gehecht.content.models import Case, Organisation, Treatment
from gehecht.content.readability_report import readability_failures, readability_rows
from gehecht.content.validate import errors, validate
from gehecht.pictures.static_files import STATIC_DIR, static_pictures

SHARED_CONCEPTS = Path(__file__).resolve().parents[3] / "shared" / "spec" / "concepts.yaml"


def test_the_bundled_knowledge_base_passes_every_check(kb: KnowledgeBase):
    assert [str(p) for p in errors(validate(kb))] == []


def test_every_required_concept_is_some_entrys_primary_concept(kb: KnowledgeBase):
    primaries = {e.primary_concept for e in kb.entries.values()}
    assert {c.slug for c in kb.concepts} <= primaries


def test_the_concept_list_matches_the_shared_contract(kb: KnowledgeBase):
    if SHARED_CONCEPTS.exists():
        shared = {c["slug"] for c in yaml.safe_load(SHARED_CONCEPTS.read_text(encoding="utf-8"))}
        assert shared <= kb.concept_slugs


def test_cases_cover_the_opening_cases_ages_families_and_flanders(kb: KnowledgeBase):
    cases = [e for e in kb.of_type("casus") if isinstance(e, Case)]
    ids = {c.id for c in cases}
    assert len(cases) >= 18
    assert {"casus-lara", "casus-ruben", "casus-sara"} <= ids
    assert sum(1 for c in cases if c.regions == ["be"]) >= 4
    families = {f for c in cases for f in c.family}
    assert {"adoptie", "pleegzorg", "biologisch", "samengesteld-gezin"} <= families
    assert min(c.ages[0] for c in cases) < 1 and max(c.ages[1] for c in cases) >= 16


def test_treatments_have_ages_evidence_and_the_required_ones_exist(kb: KnowledgeBase):
    treatments = {e.id: e for e in kb.of_type("behandeling") if isinstance(e, Treatment)}
    required = {"fasetherapie", "cos-p", "vipp-sd", "abc-interventie", "itgg", "basic-trust", "ddp", "theraplay",
                "video-interactiebegeleiding", "pcit", "emdr-bij-kinderen", "abft"}
    assert len(treatments) >= 14 and required <= set(treatments)
    for treatment in treatments.values():
        assert treatment.evidence.status and treatment.evidence.source in kb.references
        assert treatment.duration and treatment.providers


def test_holding_therapy_is_only_an_article_about_what_to_avoid(kb: KnowledgeBase):
    assert "holding-therapie" not in {e.id for e in kb.of_type("behandeling")}
    assert kb.entries["holding-therapie"].type == "artikel"


def test_organisations_in_both_regions(kb: KnowledgeBase):
    orgs = [e for e in kb.of_type("organisatie") if isinstance(e, Organisation)]
    assert sum(1 for o in orgs if "nl" in o.regions) >= 10
    assert sum(1 for o in orgs if "be" in o.regions) >= 8


def test_the_bibliography_is_large_and_every_reference_is_cited(kb: KnowledgeBase):
    assert len(kb.references) >= 60
    cited = {key for e in kb.entries.values() for key in e.sources}
    cited |= {e.evidence.source for e in kb.of_type("behandeling") if isinstance(e, Treatment)}
    assert set(kb.references) <= cited


def test_emergency_numbers_are_exact(kb: KnowledgeBase):
    numbers = {(n.regio, n.naam): n.nummer for n in kb.emergency_numbers}
    assert numbers[("nl", "Alarmnummer")] == "112"
    assert numbers[("nl", "Veilig Thuis")] == "0800-2000"
    assert numbers[("nl", "113 Zelfmoordpreventie")] == "113 of 0800-0113"
    assert numbers[("be", "Noodnummer")] == "112"
    assert numbers[("be", "1712")] == "1712"
    assert numbers[("be", "Zelfmoordlijn")] == "1813"


def test_parent_parts_meet_the_readability_targets(kb: KnowledgeBase):
    rows = readability_rows(kb)
    assert len(rows) >= 100
    assert readability_failures(rows) == []


def test_static_pictures_are_generated_from_the_content(kb: KnowledgeBase):
    for name, svg in static_pictures(kb).items():
        assert (STATIC_DIR / name).read_text(encoding="utf-8").strip() == svg.strip(), \
            f"{name} is stale: run gehecht pictures"


def test_the_circle_picture_names_every_need(kb: KnowledgeBase):
    svg = static_pictures(kb)["cirkel.svg"]
    assert len(kb.circle) == 11
    for need in kb.circle:
        assert need.label.split()[0] in svg
    assert "<title" in svg and "<desc" in svg
