"""The real search engine (its query analyser over the real index) on arbitrary text: results of the
contract's shape, or a QueryError with a message. The toy analyser is covered in tests/search."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from gehecht.search.query import QueryError

words = st.sampled_from(["hechting", "driftbuien", "adoptie", "kind", "slaapt", "niet", "pleegzorg", "ADHD",
                         "hechtingsproblemen", "gehechtheids-stoornis", "school", "'", "-", "é", "ß", "İ"])
queries = st.one_of(st.text(max_size=200), st.lists(words, max_size=12).map(" ".join),
                    st.lists(st.one_of(words, st.text(max_size=4)), max_size=30).map("".join))


@settings(max_examples=200, deadline=None)
@given(queries)
@example("\x00\x01\x02")
@example("\u200b\u200d\ufeff")
@example("a" * 25_000)
@example("ﬁ ﬂ Ⅻ ẞ")
@example("🙂" * 500)
def test_lexical_search_never_crashes(engine, text):
    try:
        response = engine.search(text, limit=5, mode="bm25")
    except QueryError as exc:
        assert str(exc)
        return
    assert len(response.hits) <= 5
    for hit in response.hits:
        assert hit.id and hit.url.startswith("/") and 0 <= hit.score <= 1.0001


@settings(max_examples=15, deadline=None)
@given(queries)
def test_hybrid_search_never_crashes(engine, text):
    try:
        response = engine.search(text, limit=3)
    except QueryError:
        return
    assert len(response.hits) <= 3
