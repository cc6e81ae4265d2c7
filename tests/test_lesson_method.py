"""The Method page for teachers: plain words, examples from the story on screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.results import figures
from dashboard.lesson import content
from dashboard.lesson.letters import letters
from dashboard.lesson.method import method_sections, quoted_sentence

OWN = Path(__file__).resolve().parent / "lesson_story"
CODE_MARKS = (
    "analysis/", "dashboard/", "docs/", "tests/", "python -m", "slant analyze", "slant evaluate",
    ".py", "`", "pip ",
)
PROJECTOR_CHARS = 6200
"""Budget for all sections together on the seeds (about 5,760 characters today). Drawn by
Streamlit (a subheader and one st.markdown per section) in Chromium at 1280×720, they were
2,656 px tall, 3.7 screens (6.6 screens in classroom mode's 21 px type)."""


@pytest.fixture(scope="module")
def own_story():
    """The teacher's own story in tests/lesson_story."""
    from analysis.pipeline import analyze_paths

    return analyze_paths([OWN])


def _sections(story):
    name = letters([a.id for a in story.articles]).get
    return {s.title: s.body for s in method_sections(story, name)}


def test_lesson_method_has_a_section_per_card_figure_and_comparison_part(seeds_story):
    titles = list(_sections(seeds_story))
    expected = [content.explanation("figure", f.name)["title"] for f in figures.CARD_FIGURES]
    assert titles == ["How Slant measures", *expected,
                      "Aligned facts", "Contrasts", "Coverage", "Reuse"]
    assert expected == ["Sentiment", "Hedges", "Boosters", "Weasels and anonymous sources",
                        "Loaded words", "Reading grade", "Passive, no doer"]


def test_lesson_method_examples_come_from_the_story_on_screen(own_story):
    body = _sections(own_story)
    # Letters in file order: Gazette A, Ledger B, Northside C. Checked by hand:
    # the first hedge is Northside's "reportedly"; "about $400,000" states a
    # price, not a doubt, so it is not a hedge (CoNLL-2010 approximators).
    assert body["Hedges"].count("**In this story:** Outlet C: “The repairs will "
                                "**reportedly** cost about \\$400,000 from the city's "
                                "building fund\\.”") == 1
    assert "**In this story:** Outlet B: “The branch is **clearly** the most" in body["Boosters"]
    assert "“The repairs will cost about \\$400,000, money **critics argue** should" in body[
        "Weasels and anonymous sources"]
    assert "Outlet B: “… on Friday for six weeks, Mayor Lina Ortiz **admitted** on Tuesday, " \
           "after years of complaints about a …” (attribution)" in body["Loaded words"]
    assert "A plainer word: say, acknowledge." in body["Loaded words"]
    assert "No article of this story is long enough for a reliable grade." in body["Reading grade"]
    # Checked by hand: "claimed"/"said" (Ledger B, Northside C) and
    # "said"/"admitted" (Gazette A, Ledger B) are both a loaded verb against a
    # neutral one; the first pair quote the same words and differ only in the
    # verb, so they are the more alike and rank first.
    assert "The first contrast: Outlet B has “claimed”, Outlet C has “said”." in body["Contrasts"]
    # The Ledger's "money critics argue should have been spent long ago": a
    # passive whose spender is not named.
    assert "Outlet B: “… cost about \\$400,000, money critics argue should have **been spent** " \
           "long ago\\.”" in body["Passive, no doer"]


def test_lesson_method_examples_change_with_the_story(own_story, seeds_story):
    own, seeds = _sections(own_story), _sections(seeds_story)
    for title in ("Sentiment", "Hedges", "Loaded words", "Contrasts", "Coverage"):
        assert own[title] != seeds[title]
        assert "Hegseth" not in own[title] and "Maple" not in seeds[title]


def test_lesson_method_has_no_code_paths_or_commands(seeds_story, own_story):
    for story in (seeds_story, own_story, None):
        for section in method_sections(story, str):
            for mark in CODE_MARKS:
                assert mark not in section.title + section.body, (section.title, mark)


def test_lesson_method_reports_agreement_with_people(seeds_story):
    body = _sections(seeds_story)
    # README figures: hedging P 0.585, R 0.722; sentiment r 0.543; loaded P 0.593,
    # R 0.345 (shown as 34%: the float 0.345 is stored just below it).
    assert "58% of Slant's marks match people's, and Slant finds 72% of theirs" in body["Hedges"]
    assert "correlation 0.54" in body["Sentiment"]
    assert "59% of Slant's marks match people's, and Slant finds 34%" in body["Loaded words"]
    assert "Not measured yet: no data set of certainty words" in body["Boosters"]


def test_lesson_method_fits_a_projector(seeds_story):
    total = sum(len(s.title) + len(s.body) for s in method_sections(seeds_story, str))
    assert total < PROJECTOR_CHARS


def test_lesson_method_without_a_story_has_no_examples():
    sections = method_sections(None, str)
    assert len(sections) == 12
    assert not any("In this story" in s.body for s in sections)


def test_lesson_method_example_sentence_is_escaped_and_cut(own_story):
    gazette = own_story.article("gazette")
    start = gazette.text.index("$400,000")
    text = quoted_sentence(gazette, start, start + len("$400,000"))
    # Eight words are kept on each side of the marked words, then the cut is shown.
    assert text == ("“The repairs will cost about **\\$400,000**, paid from the city's building "
                    "fund, according to …”")
    northside = own_story.article("northside")
    at = northside.text.index("slammed")
    cut = quoted_sentence(northside, at, at + 7)
    assert cut == "“Parents **slammed** the timing, saying the closure comes in the …”"


def test_lesson_method_hides_outlet_names_quoted_from_the_text(own_story):
    from dataclasses import replace

    # A fact label that names the Gazette and its reporter, shown in blind mode.
    row = next(
        r for r in own_story.comparison.coverage
        if "Harbor Gazette first reported" in r.text
    )
    story = replace(own_story, comparison=replace(
        own_story.comparison, coverage=(replace(row, articles=("ledger",)),)))
    body = _sections(story)["Coverage"]
    assert "Harbor Gazette" not in body and "Dana Whitlock" not in body
    assert "only Outlet B: “Outlet A of the Outlet A first reported the leaks in 2019”" in body
