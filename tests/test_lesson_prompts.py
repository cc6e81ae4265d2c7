"""Discussion prompts from the story's own findings, general ones where it has none."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from analysis.results.comparison import Contrast, Difference, Side
from dashboard.lesson import content, findings, prompts
from dashboard.lesson.letters import letters

TESTS = Path(__file__).resolve().parent
OWN = TESTS / "lesson_story"
BUS = TESTS / "gold" / "alignment" / "bus-fares" / "articles"
SEED_WORDS = (
    "spoke harshly", "emphasized", "Hegseth", "Japan", "China", "Nakatani", "Tokyo",
    "Taiwan", "Iwo Jima", "headquarters", "America first", "Pentagon", "defense",
)


@pytest.fixture(scope="module")
def own_story():
    """The teacher's own story in tests/lesson_story (no word of the seed story)."""
    from analysis.pipeline import analyze_paths

    return analyze_paths([OWN])


@pytest.fixture(scope="module")
def bus_story():
    """The gold bus-fares story (written for Slant, CC0)."""
    from analysis.pipeline import analyze_paths

    return analyze_paths([BUS])


def _blind(story, seed=None):
    return letters([a.id for a in story.articles], seed).__getitem__


def _real(story):
    return lambda aid: story.article(aid).outlet


@pytest.mark.parametrize("which", ["own_story", "bus_story"])
def test_lesson_prompts_never_mention_the_seed_story_on_a_teachers_story(request, which):
    story = request.getfixturevalue(which)
    texts = [p.text for p in prompts.story_prompts(story, _blind(story, 3))]
    texts += list(prompts.page_prompts(story, _blind(story, 3)).values())
    for text in texts:
        for word in SEED_WORDS:
            assert word.lower() not in text.lower(), (word, text)
    # And they are about this story: most prompts come from its findings.
    assert sum(p.from_story for p in prompts.story_prompts(story, _blind(story))) >= 4


def test_lesson_prompts_general_prompts_fit_any_story():
    for text in content.general_prompts().values():
        for word in SEED_WORDS:
            assert word.lower() not in text.lower(), (word, text)


def test_lesson_prompts_compare_uses_the_seeds_top_contrast(seeds_story):
    comparison = seeds_story.comparison
    name = _blind(seeds_story, 3)
    pick = findings.top_contrast(comparison)
    # The comparison lists contrasts most telling first; the prompt takes the first.
    assert pick.contrast is comparison.contrasts[0]
    d = pick.difference
    text = prompts.prompt(seeds_story, "compare", name).text
    words = [w for w in (d.a, d.b) if w]
    assert words and all(f"“{w}”" in text for w in words)
    assert name(pick.contrast.a.article) in text and name(pick.contrast.b.article) in text
    assert prompts.page_prompts(seeds_story, name)["compare"] == text


def test_lesson_prompts_compare_in_the_words_of_both_sides(seeds_story):
    ids = [a.id for a in seeds_story.articles]
    harsh = Contrast(
        group=6,
        a=Side(ids[0], "Hegseth emphasized that ..."),
        b=Side(ids[1], "Mr. Hegseth spoke harshly of ..."),
        differences=(
            Difference("Citing", "meeting", "wording"),
            Difference("emphasized", "spoke harshly", "attribution",
                       "attribution", "say", "manner", "said"),
        ),
    )
    story = replace(seeds_story, comparison=replace(
        seeds_story.comparison, contrasts=(harsh, *seeds_story.comparison.contrasts)))
    name = {ids[0]: "Outlet A", ids[1]: "Outlet B"}.get
    assert prompts.compare_prompt(story, name) == (
        "Outlet A writes “emphasized” where Outlet B writes “spoke harshly”. Which makes the "
        "speaker sound angrier or more certain? Why might an outlet choose it?"
    )


def test_lesson_prompts_shown_difference_prefers_two_sided_telling_words():
    side = Side("x", "")
    plain, one_sided, verbs = (
        Difference("Defense", "Defence", "wording"),
        Difference("In a significant move", "", "loaded", "puffery", "(drop it)"),
        Difference("said", "admitted", "attribution"),
    )
    assert findings.shown_difference(Contrast(0, side, side, (plain, one_sided, verbs))) is verbs
    assert findings.shown_difference(Contrast(0, side, side, (plain, one_sided))) is one_sided
    assert findings.shown_difference(Contrast(0, side, side, (plain,))) is plain
    assert findings.shown_difference(Contrast(0, side, side, ())) is None


def test_lesson_prompts_quote_wording_when_the_comparison_has_the_kind(seeds_story):
    ids = [a.id for a in seeds_story.articles]
    quote = Contrast(
        group=2, a=Side(ids[1], ""), b=Side(ids[3], ""),
        differences=(Difference("battle headquarters", "war-fighting headquarters", "quote"),),
    )
    story = replace(seeds_story, comparison=replace(seeds_story.comparison, contrasts=(quote,)))
    name = letters(ids, 3).__getitem__  # seed 3: 001 is Outlet E, 003 Outlet C
    assert prompts.prompt(story, "quotes", name) == prompts.Prompt(
        "quotes",
        "Outlet E quotes “battle headquarters”, Outlet C “war-fighting headquarters”. Which "
        "words did the speaker really use? Why does it matter?",
        True,
    )


def test_lesson_prompts_without_a_quote_difference_fall_back(own_story):
    # All three outlets quote the mayor in the same words.
    p = prompts.prompt(own_story, "quotes", _blind(own_story))
    assert p == prompts.Prompt("quotes", content.general_prompts()["quotes"], False)


def test_lesson_prompts_without_a_comparison_are_general(own_story):
    story = replace(own_story, comparison=None)
    general = content.general_prompts()
    for topic in ("compare", "coverage", "quotes", "headline"):
        p = prompts.prompt(story, topic, _blind(story))
        assert (p.text, p.from_story) == (general[topic], False)
    assert prompts.page_prompts(None, str) == {page: general[page] for page in prompts.PAGES}


def test_lesson_prompts_hedging_names_who_hedges_most_and_least(own_story):
    # Counted by hand: Northside Now has one hedge, "reportedly", in 72 words
    # (1.4 per 100); the Gazette (94 words) and the Ledger (76) have none, and
    # of two outlets tied for least the first in file order is named.
    text = prompts.overview_prompt(own_story, _real(own_story))
    assert text.startswith(
        "Northside Now hedges most (1.4 per 100 words), Harbor Gazette least (0.0 per 100 words)."
    )


def test_lesson_prompts_hide_outlet_names_quoted_from_the_text(own_story):
    # The Gazette and the Ledger share "Dana Whitlock of the Harbor Gazette first
    # reported..."; a prompt quoting it must not name them in blind mode.
    ids = [a.id for a in own_story.articles]
    row = next(
        r for r in own_story.comparison.coverage
        if "Harbor Gazette first reported" in r.text
    )
    story = replace(own_story, comparison=replace(
        own_story.comparison, coverage=(replace(row, articles=("ledger",)),)))
    blind = prompts.prompt(story, "coverage", letters(ids).__getitem__).text
    assert blind == ("Only Outlet B reports this: “Outlet A of the Outlet A first reported the "
                     "leaks in 2019”. Did the others leave it out by choice? How could you tell?")
    named = prompts.prompt(story, "coverage", _real(story)).text
    assert "“Dana Whitlock of the Harbor Gazette first reported" in named


def test_lesson_prompts_name_outlets_by_the_given_function(own_story):
    blind = [p.text for p in prompts.story_prompts(own_story, _blind(own_story, 5))]
    real = [p.text for p in prompts.story_prompts(own_story, _real(own_story))]
    outlets = ("Harbor Gazette", "Northside Now", "Civic Ledger")
    assert not any(o in t for o in outlets for t in blind)
    assert any("Outlet " in t for t in blind)
    assert any(o in t for o in outlets for t in real)
    assert not any("Outlet " in t for t in real)


def test_lesson_prompts_a_fact_only_one_outlet_reports(own_story):
    text = prompts.coverage_prompt(own_story, _real(own_story))
    # The most prominent single-outlet fact: the Civic Ledger's, in its headline.
    row = findings.only_one_rows(own_story.comparison)[0]
    assert row.articles == ("ledger",) and row.in_headline == ("ledger",)
    assert text.startswith("Only Civic Ledger reports this: “")
