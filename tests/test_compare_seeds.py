"""The comparison on the five seed articles (issue 5's acceptance)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from analysis.outputs.render import summary_lines
from analysis.outputs.serialize import from_dict, to_dict
from analysis.results.comparison import Comparison

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
A000, A001, A002, A003, A004 = (
    "000_8c1bc84542067341",
    "001_7071a2296e3eb8a2",
    "002_ff2eca70195de861",
    "003_97f363e9f661e74d",
    "004_19e8375bc47b31e1",
)


@cache
def _story():
    from analysis.pipeline import analyze_paths

    return analyze_paths([SEEDS])


@pytest.fixture
def comparison() -> Comparison:
    return _story().comparison


def _group_with(comparison, article_id: str, fragment: str):
    return next(
        g
        for g in comparison.groups
        if any(m.article == article_id and fragment in m.text for m in g.members)
    )


def test_compare_seeds_spoke_harshly_against_emphasized(comparison):
    group = _group_with(comparison, A001, "spoke harshly")
    assert any(m.article == A000 and "emphasized" in m.text for m in group.members)
    pairs = {
        (d.a, d.b)
        for c in comparison.contrasts
        if c.group == group.id and {c.a.article, c.b.article} == {A000, A001}
        for d in c.differences
        if d.kind == "attribution"
    }
    assert ("emphasized", "spoke harshly") in pairs
    diff = next(
        d
        for c in comparison.contrasts
        for d in c.differences
        if (d.a, d.b) == ("emphasized", "spoke harshly")
    )
    assert (diff.b_category, diff.b_neutral) == ("manner", "said")


def test_compare_seeds_america_first_quote_and_verbs(comparison):
    group = _group_with(comparison, A001, "America first does not mean America alone")
    assert group.articles == (A000, A001, A002)
    assert group.quote == "America first does not mean America alone"
    verbs = {
        q.article: q.verb
        for q in comparison.quotes
        if q.group == group.id and "America" in q.text and q.verb
    }
    assert verbs == {A000: "emphasized", A001: "told reporters", A002: "made it clear"}


def _row(comparison, fragment: str):
    # The coverage row of the fact whose sentences contain ``fragment``.
    def mentions(row) -> bool:
        if row.group is None:
            return fragment in row.text
        return any(fragment in m.text for m in comparison.groups[row.group].members)

    return next(r for r in comparison.coverage if mentions(r))


@pytest.mark.parametrize(
    ("fragment", "expected", "in_label"),
    [
        ("America first does not mean America alone", (A000, A001, A002), "America first"),
        ("Iwo Jima", (A003,), "Iwo Jima"),
        # 002 ~ 004 on doubling defence spending: each is the other's best
        # match, linked at a score below the link threshold (mutual_singles).
        ("spending", (A002, A004), "spending"),
        # A gold fact the learned aligner finds in part (docs/compare.md,
        # "Measured"): 000's and 004's Signal sentences are each other's best
        # match, 001's is left out. Kept as an expected failure so that the
        # row shows up again the day the aligner finds all three.
        pytest.param(
            "Signal",
            (A000, A001, A004),
            "Signal",
            marks=pytest.mark.xfail(strict=True, reason="001 s10 is left out (see comment)"),
        ),
    ],
)
def test_compare_seeds_coverage_rows_are_facts(comparison, fragment, expected, in_label):
    row = _row(comparison, fragment)
    assert row.articles == expected
    assert in_label in row.label
    assert row.only_one == (len(expected) == 1)
    assert len(row.where) == len(row.articles)
    assert set(row.where) <= {"headline", "lead", "later"}


def test_compare_seeds_coverage_labels_are_short(comparison):
    assert all(0 < len(r.label.split()) <= 8 for r in comparison.coverage)


# Every contrast of the seeds, in rank order: (article a, article b,
# differences as (a, b, kind)). Checked by hand against the texts: verbs of
# saying against verbs of saying, quotes against quotes (or the unquoted
# paraphrase), loaded words against one plain word or against nothing (the
# other outlet does not use them); no name against a phrase.
AMERICA = "America first does not mean America alone"
EQUATE = "“America first” does not equate to “America alone"
BATTLE, WAR = "battle headquarters", "war-fighting headquarters"
SIGNIFICANT = "In a significant move"
SEED_CONTRASTS = [
    # A loaded verb of saying against an emphatic one (15), then emphatic
    # against neutral (12), then two neutral verbs (10), most alike first.
    ("000", "001", (("emphasized", "spoke harshly", "attribution"), ("aggression", "", "loaded"))),
    ("000", "001", (("emphasized", "told reporters", "attribution"), ("aggression", "", "loaded"))),
    ("000", "002", (("emphasized", "made it clear", "attribution"), (AMERICA, EQUATE, "quote"))),
    # 003 s5 "'Japan is our indispensable partner in deterring Communist
    # Chinese military aggression,' he remarked" / 004 s0 "Hegseth underscored
    # Japan's indispensable role in the face of Chinese aggression" (the gold's
    # "indispensable partner" fact; 003's words are inside its quote, so only
    # 004's count as the outlet's loaded words).
    (
        "003",
        "004",
        (
            ("remarked", "underscored", "attribution"),
            ("", "indispensable", "loaded"),
            ("", "aggression", "loaded"),
        ),
    ),
    ("000", "001", (("highlighted", "said", "attribution"),)),
    ("000", "001", (("affirmed", "said", "attribution"), ("", "staunch", "loaded"))),
    ("001", "003", (("called", "revealed", "attribution"), (BATTLE, WAR, "quote"))),
    (
        "001",
        "002",
        (
            ("told reporters", "made it clear", "attribution"),
            (AMERICA, EQUATE, "quote"),
            ("", "aggression", "loaded"),
        ),
    ),
    ("000", "001", ((WAR, BATTLE, "quote"), ("referred", "called", "wording"))),
    ("001", "002", ((BATTLE, WAR, "quote"),)),
    # 003 "Japan's vital role" / 004 "Japan's indispensable role".
    ("003", "004", (("vital", "indispensable", "loaded"), ("", "aggression", "loaded"))),
    ("000", "001", (("strong message", "", "loaded"),)),
    ("001", "002", (("", SIGNIFICANT, "loaded"),)),
    # (002 s1 ~ 003 s2, a pair the gold does not have, is no longer linked:
    # with the retrained table of wp-align2 it scores below the mutual-best
    # threshold 0.2.)
    ("000", "002", (("strong message", "", "loaded"), ("", SIGNIFICANT, "loaded"))),
    ("000", "002", (("area", "islands", "wording"),)),
    # Another pair the gold does not have: 003 s7 (concerns about the "America
    # First" policy) and 004 s2 (Japan a cornerstone of peace "under President
    # Donald Trump's administration"): two facts sharing a setting.
    ("003", "004", (("policy", "administration", "wording"),)),
]


def test_compare_seeds_contrasts_ranked_as_written_by_hand(comparison):
    got = [
        (c.a.article[:3], c.b.article[:3], tuple((d.a, d.b, d.kind) for d in c.differences))
        for c in comparison.contrasts
    ]
    assert got == SEED_CONTRASTS


def test_compare_seeds_no_contrast_pairs_a_name_with_a_phrase(comparison):
    for c in comparison.contrasts:
        for d in c.differences:
            if d.kind in {"wording", "loaded"} and d.a and d.b:
                assert not any(w[:1].isupper() for w in (d.a + " " + d.b).split()), d
                assert len(d.a.split()) <= 3 and len(d.b.split()) <= 3, d


def test_compare_seeds_contrasts_listed_once(comparison):
    keys = [
        tuple(sorted((d.kind, *sorted((d.a.lower(), d.b.lower()))) for d in c.differences))
        for c in comparison.contrasts
    ]
    assert len(keys) == len(set(keys))


def test_compare_seeds_difference_offsets_round_trip(comparison):
    texts = {a.id: a.text for a in _story().articles}
    for c in comparison.contrasts:
        for d in c.differences:
            if d.a:
                assert texts[c.a.article][d.a_start : d.a_end] == d.a
            if d.b:
                assert texts[c.b.article][d.b_start : d.b_end] == d.b


def test_compare_seeds_table_and_json_list_contrasts_in_one_order(comparison):
    lines = summary_lines(comparison)
    start = next(i for i, line in enumerate(lines) if line.startswith("Word choices"))
    assert "'emphasized' vs 'spoke harshly'" in lines[start + 1]
    data = to_dict(comparison)
    first = data["contrasts"][0]["differences"][0]
    assert (first["a"], first["b"]) == ("emphasized", "spoke harshly")


def test_compare_seeds_reuse_closest_pair_two_figures(comparison):
    top = comparison.reuse[0]
    assert {top.a, top.b} == {A000, A001}
    assert top.common_facts > 0.6 and top.copying < 0.05
    assert top.verdict == "likely rewrite"  # most facts, in the same order
    # The shared quote is not copying: passages are the outlets' own words.
    assert top.shared and all("America alone" not in p.text for p in top.shared)


def test_compare_seeds_quote_speakers_and_verbs(comparison):
    quotes = {(q.article, q.text[:20]): q for q in comparison.quotes}
    peace = quotes[(A001, "“peace through stren")]
    assert (peace.speaker, peace.verb) == ("Mr. Hegseth", "saying")
    clear = quotes[(A002, "“America first”")]
    assert (clear.speaker, clear.verb) == ("Hegseth", "made it clear")


def test_compare_seeds_sourcing_reads_the_hedging_analyser(comparison):
    story = _story()
    for article, s in zip(story.articles, comparison.sourcing, strict=True):
        assert s.anonymous == article.hedging.counts.anonymous_source


def test_compare_seeds_offsets_round_trip(comparison):
    story = _story()
    texts = {a.id: a.text for a in story.articles}
    for g in comparison.groups:
        for m in g.members:
            assert texts[m.article][m.start : m.end] == m.text
    for r in comparison.reuse:
        for p in r.shared:
            assert texts[r.a][p.a_start : p.a_end] == p.text
            assert texts[r.b][p.b_start : p.b_end] == p.b_text
    for lead in comparison.leads:
        assert texts[lead.article][lead.lead_start : lead.lead_end] == lead.lead
        for w in lead.loaded:
            assert texts[lead.article][w.start : w.end] == w.text


def test_compare_seeds_json_round_trip(comparison):
    data = json.loads(json.dumps(to_dict(comparison)))
    assert {"groups", "contrasts", "coverage", "reuse", "quotes"} <= data.keys()
    assert {"label", "members", "links"} <= data["groups"][0].keys()
    assert {"a", "b", "score", "shared"} <= data["groups"][0]["links"][0].keys()
    assert {"article", "start", "end", "text"} <= data["groups"][0]["members"][0].keys()
    assert from_dict(Comparison, data) == comparison


def test_compare_seeds_leads_carry_tone_and_loaded_words(comparison):
    leads = {lead.article: lead for lead in comparison.leads}
    assert leads[A001].headline.startswith("Hegseth vows")
    assert leads[A001].headline_sentiment is not None
    assert leads[A003].headline == "" and leads[A003].headline_sentiment is None
    assert all(lead.sentiment is not None for lead in leads.values())


def test_compare_seeds_summary_lines(comparison):
    lines = summary_lines(comparison)
    assert lines[0] == "Comparison of 5 articles"
    assert all(isinstance(line, str) for line in lines)
    assert any("told reporters" in line for line in lines)
