"""The journal's pictures: the Circle with counts and scores, the weekly timeline, text alternatives."""

from __future__ import annotations

import re
from datetime import date, timedelta
from xml.etree import ElementTree

from gehecht.journal.observations import now_local
from gehecht.pictures.journal_svg import WeekBar, week_timeline_svg
from tests.dbtesting import make_child, make_observation, make_user, signed_in


def test_it_draws_one_bar_segment_per_half_and_week_with_title_and_description():
    weeks = [WeekBar(date(2025, 1, 6), {"boven": 2, "onder": 1}, 3.5), WeekBar(date(2025, 1, 13), {}, None),
             WeekBar(date(2025, 1, 20), {"handen": 1, "onbekend": 2}, 1.0)]
    svg = week_timeline_svg(weeks)
    tree = ElementTree.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert tree.find(f"{ns}title").text == "Momenten per week"
    desc = tree.find(f"{ns}desc").text
    assert "week van 6 jan: 3 momenten (2 bovenkant, 1 onderkant), gemiddeld 3,5 van 5" in desc
    assert "week van 13 jan: 0 momenten" in desc
    bars = [r for r in tree.iter(f"{ns}rect") if r.find(f"{ns}title") is not None]
    assert len(bars) == 4
    assert len(list(tree.iter(f"{ns}circle"))) == 2 + 1  # two weekly means and the legend


def test_it_draws_an_empty_timeline_without_failing():
    assert "Nog geen momenten." in week_timeline_svg([])


def test_the_journal_page_draws_the_circle_with_counts_and_a_table(db, journal_app):
    parent = signed_in(journal_app, db, make_user(db, "anna"))
    child = make_child(db, parent.user, "Lara")
    make_observation(db, parent.user, child, need="troost-mij", score=2)
    make_observation(db, parent.user, child, need="troost-mij", score=4)
    make_observation(db, parent.user, child, need="steun-mijn-ontdekken", score=5,
                     occurred_at=now_local() - timedelta(days=8))
    page = parent.get(f"/dagboek/{child.id}/").text
    assert "Troost mij: 2 keer, gemiddeld 3.0 van 5" in page
    assert "Steun mijn ontdekken: 1 keer, gemiddeld 5.0 van 5" in page
    row = re.search(r"<tr><th scope=\"row\">Troost mij</th>.*?</tr>", page, re.S).group(0)
    assert "<td>2</td>" in row and "<td>3,0</td>" in row
    assert 'class="weken-svg"' in page and "Per week als tabel" in page
    for svg in re.findall(r"<svg.*?</svg>", page, re.S):
        ElementTree.fromstring(svg)  # well-formed, server-rendered


def test_the_journal_pages_carry_no_inline_style_or_script(db, journal_app):
    parent = signed_in(journal_app, db, make_user(db, "anna"))
    child = make_child(db, parent.user)
    observation = make_observation(db, parent.user, child, need="troost-mij", score=2)
    for path in (f"/dagboek/{child.id}/", f"/dagboek/{child.id}/delen", f"/dagboek/{child.id}/logboek",
                 f"/dagboek/{child.id}/bewerken", f"/dagboek/{child.id}/observaties/{observation}/bewerken",
                 f"/dagboek/{child.id}/observaties/{observation}/verwijderen", "/account/logboek"):
        html = parent.get(path).text
        assert " style=" not in html and "<style" not in html, path
        assert re.search(r"<script(?![^>]*\bsrc=)", html) is None, path
