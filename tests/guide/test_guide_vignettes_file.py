"""bench/guide/vignettes.jsonl is a fair test set: enough vignettes, valid intakes, full coverage."""

from __future__ import annotations

import json
from pathlib import Path

from gehecht.content.vocabulary import FAMILY, ROLES
from gehecht.guide.intake import parse_intake

VIGNETTES = Path(__file__).resolve().parents[2] / "bench" / "guide" / "vignettes.jsonl"


def test_the_vignettes_cover_ages_families_regions_roles_and_safety(kb):
    rows = [json.loads(line) for line in VIGNETTES.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 44
    assert len({r["id"] for r in rows}) == len(rows)
    intakes = [parse_intake(r["intake"]) for r in rows]
    ages = [i.leeftijd_maanden for i in intakes]
    assert min(ages) == 0 and max(ages) == 216
    assert {i.regio for i in intakes} == {"nl", "be"}
    assert {i.rol for i in intakes} == set(ROLES)
    assert {f for i in intakes for f in i.gezin} == set(FAMILY)
    assert sum(r["expect"]["urgentie"] == ["direct"] for r in rows) >= 10
    treatments = {e.id for e in kb.of_type("behandeling")}
    concepts = kb.concept_slugs
    for row in rows:
        expect = row["expect"]
        assert set(expect["urgentie"]) <= {"informatie", "bespreken", "hulp-zoeken", "direct"}
        assert set(expect["treatments_must"]) <= treatments and set(expect["treatments_never"]) <= treatments
        assert set(expect["topics_in_first_8"]) <= concepts
        assert expect["org_region"] in ("nl", "be")
