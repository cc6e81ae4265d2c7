"""The students' worksheet and the teacher key: what each contains, and what it must not."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from analysis.results import figures
from analysis.results.comparison import Contrast, Difference, Side
from dashboard.lesson import findings
from dashboard.lesson.letters import letters
from dashboard.lesson.teacher_key import teacher_key_html
from dashboard.lesson.text import esc
from dashboard.lesson.worksheet import worksheet_html

OWN = Path(__file__).resolve().parent / "lesson_story"


@pytest.fixture(scope="module")
def own_story():
    """The teacher's own story in tests/lesson_story."""
    from analysis.pipeline import analyze_paths

    return analyze_paths([OWN])


@pytest.fixture(scope="module")
def hostile_story(tmp_path_factory):
    """Two articles whose headline and quotes carry markup."""
    from analysis.pipeline import analyze_paths

    folder = tmp_path_factory.mktemp("hostile")
    (folder / "a.txt").write_text(
        "Council <script>alert(1)</script> approves budget\n\n"
        "The council approved the budget on Monday, officials said in a statement.\n"
        'Members said the vote may be close & the mayor "slammed <b>critics</b>" at the '
        "meeting.\n", encoding="utf-8")
    (folder / "b.txt").write_text(
        "Council approves the budget\n\n"
        "The council approved the budget on Monday, officials said in a statement.\n"
        "Members said the vote was close and the mayor criticized opponents at the "
        "meeting.\n", encoding="utf-8")
    return analyze_paths([folder])


def test_lesson_worksheet_has_one_grid_row_per_coverage_row(seeds_story):
    html = worksheet_html(seeds_story, 3)
    rows = seeds_story.comparison.coverage
    assert html.count('<tr class="fact">') == len(rows) > 0
    # One column per letter and a tick box per letter on every row.
    assert html.count('<td class="mark">') == len(rows) * len(seeds_story.articles)


def test_lesson_worksheet_marks_where_each_outlet_reports_a_fact(own_story):
    html = worksheet_html(own_story)  # file order: gazette A, ledger B, northside C
    # Row 1, the closure, is in the Gazette's headline and every first paragraph.
    first = re.search(r'<tr class="fact">(.*?)</tr>', html).group(1)
    assert re.findall(r'<td class="mark">([^<]*)</td>', first) == ["H", "1", "1"]
    # The Civic Ledger alone says the branch is the most neglected building.
    row = next(r for r in re.findall(r'<tr class="fact">(.*?)</tr>', html) if "neglected" in r)
    assert re.findall(r'<td class="mark">([^<]*)</td>', row) == ["", "H", ""]


def test_lesson_worksheet_has_three_contrasts_with_answer_space(seeds_story):
    html = worksheet_html(seeds_story, 3)
    picks = findings.lesson_contrasts(seeds_story.comparison, 3)
    assert html.count('class="keep contrast"') == len(picks) == 3
    assert html.count("Which sounds more certain?") == 3
    assert html.count("Which sounds more loaded?") == 3
    for pick in picks:
        for words in (pick.difference.a, pick.difference.b):
            if words:
                assert f"<mark>{esc(words)}</mark>" in html


def test_lesson_worksheet_hides_outlet_names_inside_the_text(own_story):
    html = worksheet_html(own_story)
    # The Gazette names itself and its reporter; the Ledger credits both.
    for real in ("Harbor Gazette", "Dana Whitlock", "Civic Ledger", "Northside Now", "Omar Feld"):
        assert real.lower() not in html.lower()
    assert "Outlet A of the Outlet A first reported the leaks in 2019." in html


def test_lesson_worksheet_quotes_and_sources_per_letter(own_story):
    html = worksheet_html(own_story)
    section = html[html.index("Who is quoted, and how"):html.index("To discuss")]
    assert [m for m in re.findall(r"<h3>(Outlet [A-Z])</h3>", section)] == [
        "Outlet A", "Outlet B", "Outlet C"]
    # The Ledger (B) has the mayor "claim" what the others have her "say".
    assert "Ortiz claimed" in section and section.count("Ortiz said") == 2
    assert section.count("1 direct quotes") == 3


def test_lesson_worksheet_and_key_escape_article_text(hostile_story):
    for html in (worksheet_html(hostile_story), teacher_key_html(hostile_story)):
        assert "<script" not in html and "<b>critics" not in html
    sheet = worksheet_html(hostile_story)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in sheet  # the headline, on its card
    assert "&lt;b&gt;critics&lt;/b&gt;" in sheet  # the quote


def test_lesson_key_maps_every_letter_to_its_outlet(own_story):
    html = teacher_key_html(own_story, 3)
    names = letters([a.id for a in own_story.articles], 3)
    for aid, who in names.items():
        a = own_story.article(aid)
        row = (f'<tr><td class="nowrap"><b>{who}</b></td><td>{esc(a.outlet)}</td>'
               f"<td>{esc(a.kind)}</td>")
        assert row in html
    assert "seed 3" in html
    assert "Letters follow the order of the files" in teacher_key_html(own_story)


def test_lesson_key_gives_slants_answer_per_contrast(own_story):
    ids = [a.id for a in own_story.articles]
    # The Gazette/Ledger contrast (said/admitted), wherever the ranking puts it.
    gazette_ledger = next(
        c for c in own_story.comparison.contrasts
        if (c.a.article, c.b.article) == ("gazette", "ledger")
    )  # fmt: skip
    said = Contrast(
        group=0,
        a=gazette_ledger.a,
        b=gazette_ledger.b,
        differences=(Difference("said", "admitted", "attribution", "", "",
                                "attribution", "say, acknowledge"),),
    )
    story = replace(own_story, comparison=replace(own_story.comparison, contrasts=(said,)))
    assert (said.a.article, said.b.article) == ("gazette", "ledger")
    html = teacher_key_html(story)  # file order: gazette A, ledger B, northside C
    assert ids == ["gazette", "ledger", "northside"]
    assert "<li>Outlet A: “said” — not in Slant's loaded list</li>" in html
    assert ("<li>Outlet B: “admitted” — in Slant's loaded list (attribution); neutral "
            "alternative: say, acknowledge</li>") in html
    # The Ledger's sentence has "admitted" (loaded); the Gazette's none.
    assert "<b>More loaded:</b> Outlet B (loaded words: Outlet A 0, Outlet B 1)" in html


def test_lesson_key_explains_every_card_figure_with_its_limits(seeds_story):
    from analysis.measures import readability, sentiment

    html = teacher_key_html(seeds_story)
    for fig in figures.CARD_FIGURES:
        assert f"<p>{esc(fig.help)}</p>" in html
    for limit in (*sentiment.LIMITATIONS, *readability.LIMITATIONS):
        assert f"<li>{esc(limit)}</li>" in html
    assert "58% of Slant&#x27;s marks match people&#x27;s" in html  # hedging, README figure


def test_lesson_verdict_counts_hedges_and_boosters_in_each_sentence(own_story):
    # Built by hand: the Ledger's "clearly" sentence against the Northside's "Some say".
    ledger, northside = own_story.article("ledger"), own_story.article("northside")
    a = next(s for s in ledger.sentences if "clearly" in s.text)
    b = next(s for s in northside.sentences if "Some say" in s.text)
    pick = findings.Pick(1, Contrast(0, Side("ledger", a.text, a.start, a.end),
                                     Side("northside", b.text, b.start, b.end),
                                     (Difference("clearly", "Some say", "wording"),)),
                         Difference("clearly", "Some say", "wording"))
    v = findings.verdict(own_story, pick)
    assert [m.text for m in v.a.boosters] == ["clearly"] and v.a.certainty == 1
    assert [m.text for m in v.b.hedges] == ["Some say"] and v.b.certainty == -1
    assert v.more_certain == "ledger"
