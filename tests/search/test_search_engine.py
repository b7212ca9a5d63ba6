"""The engine over the real content: contract shape, filters, snippets, typical questions."""

from __future__ import annotations

import pytest

from gehecht.search.engine import FilterError, Filters


def test_results_follow_the_contract(engine):
    response = engine.search("wat is gehechtheid", limit=4).as_json()
    assert response["query"] == "wat is gehechtheid" and len(response["results"]) == 4
    scores = [r["score"] for r in response["results"]]
    assert scores == sorted(scores, reverse=True) and 0 < scores[-1] <= scores[0] <= 1


@pytest.mark.parametrize("query, expected", [
    ("ze wil de hele dag aandacht maar blijft nooit op schoot", "dubbele-signalen"),
    ("woedeaanval bij het aankleden", "driftbuien"),
    ("loopt met iedereen mee, ook met vreemden", "ontremd-sociaal-contactstoornis"),
    ("puberteid en hechting", "puberteit"),
    ("reactive attachment disorder criteria", "reactieve-hechtingsstoornis"),
    ("kind in het 5e leerjaar wordt gepest", "sociale-relaties"),
])
def test_typical_questions_find_their_article_in_the_top_3(engine, query, expected):
    top = [hit.concepts[0] for hit in engine.search(query, limit=3).hits]
    assert expected in top, top


def test_filters_restrict_results(engine, kb):
    hits = engine.search("therapie voor pubers", limit=20, filters=Filters(type="behandeling", age=15)).hits
    assert hits
    for hit in hits:
        entry = kb.entries[hit.id]
        assert entry.type == "behandeling" and entry.ages[0] <= 15 <= entry.ages[1]


def test_unknown_filter_values_are_refused():
    with pytest.raises(FilterError, match="toegestaan"):
        Filters(region="fr")


def test_snippets_contain_matched_words(engine):
    hit = engine.search("separatieangst verlatingsangst", limit=1).hits[0]
    assert hit.snippet


def test_index_is_cached_and_reused(kb, isolated_data_dir):
    from gehecht.search.index import content_hash, load_index
    from gehecht.search.service import open_engine

    engine = open_engine(kb, isolated_data_dir)
    key = content_hash(kb, engine.index.model_id)
    assert load_index(isolated_data_dir, key) is not None
