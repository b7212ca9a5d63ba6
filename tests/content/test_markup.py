"""Our Markdown conventions: regional wording, citations, sections, plain text."""

from gehecht.content.markup import cited_keys, parent_part, resolve_region, split_sections, to_plain_text


def test_region_markers_pick_the_readers_wording():
    text = "In {nl:groep 7|be:het 5e leerjaar} gaat het mis."
    assert resolve_region(text, "nl") == "In groep 7 gaat het mis."
    assert resolve_region(text, "be") == "In het 5e leerjaar gaat het mis."
    assert resolve_region(text, None) == "In groep 7 (Vlaanderen: het 5e leerjaar) gaat het mis."


def test_citations_are_collected_in_order_without_duplicates():
    assert cited_keys("a [@b-1; @c-2] d [@b-1] e [@d-3]") == ["b-1", "c-2", "d-3"]


def test_sections_after_the_teacher_heading_are_not_for_parents():
    body = "Intro.\n## Wat is het?\nUitleg.\n## Voor leerkrachten\nKlas.\n### Tip\nMeer.\n## Voor professionals\nDSM-5."
    audiences = [(s.heading, s.audience) for s in split_sections(body)]
    assert audiences == [("", "ouder"), ("Wat is het?", "ouder"), ("Voor leerkrachten", "leerkracht"),
                         ("Voor professionals", "hulpverlener")]
    assert "Klas" not in parent_part(body) and "DSM" not in parent_part(body)


def test_plain_text_has_no_markup():
    text = to_plain_text("## Kop\n**Vet** en [link](gehecht:x) [@a-1].\n\n::: hulp\nBel 112.\n:::\n")
    assert "**" not in text and "[" not in text and "(" not in text and ":::" not in text
    assert "Vet en link." in text and "Bel 112." in text
