"""Dutch analysis: folding, stemming with overrides, compounds against the vocabulary, synonyms, typos."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gehecht.search.analysis import Analyzer, normalise, tokenise
from gehecht.search.query import QueryAnalyser, QueryError, clean_query, parse_synonyms

VOCAB = frozenset({"hechting", "problemen", "gehechtheid", "problematiek", "slaap", "kind"})


def test_diacritics_are_folded_and_case_lowered():
    assert normalise("Één ÜBER café") == "een uber cafe"
    assert tokenise("Zo'n kind—échte angst!") == ["zo", "n", "kind", "echte", "angst"]


def test_overrides_join_forms_the_stemmer_leaves_apart():
    plain = Analyzer()
    assert plain.stem("kinderen") != plain.stem("kind")
    joined = Analyzer(overrides={"kinderen": "kind"})
    assert joined.stem("kinderen") == joined.stem("kind")


def test_compounds_split_against_the_corpus_vocabulary_with_linking_s():
    analyzer = Analyzer(vocabulary=VOCAB)
    assert analyzer.split_compound("hechtingsproblemen") == ["hechting", "problemen"]
    assert analyzer.split_compound("gehechtheidsproblematiek") == ["gehechtheid", "problematiek"]
    assert analyzer.split_compound("verwaarlozing") == []


def test_document_terms_include_compound_parts():
    analyzer = Analyzer(vocabulary=VOCAB)
    terms = analyzer.terms("hechtingsproblemen")
    assert analyzer.stem("hechting") in terms and analyzer.stem("problemen") in terms


def make_analyser(synonyms=None) -> QueryAnalyser:
    analyzer = Analyzer(vocabulary=VOCAB)
    words = sorted(VOCAB | {"puberteit", "driftbui", "woedeaanval"})
    stems = frozenset(analyzer.stem(w) for w in words)
    return QueryAnalyser(analyzer, parse_synonyms(synonyms or []), words, stems)


def test_split_query_words_also_match_the_joined_compound():
    analyser = Analyzer(vocabulary=VOCAB)
    words = sorted(VOCAB | {"hechtingsproblemen"})
    qa = QueryAnalyser(analyser, [], words, frozenset(analyser.stem(w) for w in words))
    query = qa.analyse("hechtings problemen")
    assert analyser.stem("hechtingsproblemen") in query.terms


def test_typos_are_corrected_to_corpus_words():
    qa = make_analyser()
    query = qa.analyse("puberteid")
    assert qa.analyzer.stem("puberteit") in query.terms


def test_synonyms_expand_lay_words_to_professional_terms():
    qa = make_analyser([["driftbui", "woedeaanval", "boze bui"]])
    query = qa.analyse("mijn kind heeft elke dag een boze bui")
    assert qa.analyzer.stem("driftbui") in query.terms
    assert query.terms[qa.analyzer.stem("driftbui")] < 1.0  # expansions weigh less than typed words


def test_synonym_words_are_never_typo_corrected_into_other_words():
    qa = make_analyser([["vervelend", "ambetant"]])
    query = qa.analyse("ambetant")
    assert qa.analyzer.stem("ambetant") in query.terms


@pytest.mark.parametrize("raw", ["", "   ", "\n\t", "\x00\x01"])
def test_empty_queries_are_refused_with_a_message(raw):
    with pytest.raises(QueryError, match="leeg"):
        clean_query(raw)


def test_absurdly_long_queries_are_refused():
    with pytest.raises(QueryError, match="te lang"):
        clean_query("a" * 100_000)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_the_query_analyser_never_crashes(raw):
    qa = make_analyser([["driftbui", "woedeaanval"]])
    try:
        query = qa.analyse(raw)
    except QueryError:
        return
    assert all(weight > 0 for weight in query.terms.values())
