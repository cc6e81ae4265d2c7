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
    assert {A000, A001, A002} <= set(group.articles)
    assert group.quote == "America first does not mean America alone"
    verbs = {
        q.article: q.verb
        for q in comparison.quotes
        if q.group == group.id and "America" in q.text and q.verb
    }
    assert verbs == {A000: "emphasized", A001: "told reporters", A002: "made it clear"}


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("Iwo Jima", {A003}),
        ("spending", {A002, A004}),
        ("Signal", {A000, A001, A004}),
    ],
)
def test_compare_seeds_coverage(comparison, fragment, expected):
    def mentions(row) -> bool:
        if row.group is None:
            return fragment in row.text
        return any(fragment in m.text for m in comparison.groups[row.group].members)

    rows = [r for r in comparison.coverage if mentions(r)]
    assert rows and set(rows[0].articles) == expected
    if len(expected) == 1:
        assert rows[0].only_one


def test_compare_seeds_reuse_000_001_among_highest(comparison):
    top = comparison.reuse[:2]
    assert any({r.a, r.b} == {A000, A001} for r in top)


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
    assert {"label", "members", "reason"} <= data["groups"][0].keys()
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
