"""Coverage flags, headlines and leads, and the plain-text summary."""

from __future__ import annotations

from test_compare_align import BRIDGE

from analysis.compare import compare
from analysis.outputs.render import summary_lines


def test_compare_coverage_flags():
    rows = compare(BRIDGE).coverage
    snow = next(r for r in rows if "snow" in r.text)
    assert snow.articles == ("c",) and snow.only_one and snow.most_omit
    budget = next(r for r in rows if "budget" in r.text)
    assert set(budget.articles) == {"a", "b"} and not budget.only_one and not budget.most_omit
    opening = next(r for r in rows if len(r.articles) == 3 and "opened" in r.text)
    assert opening.in_first_paragraph == ("a", "b", "c")
    # "Mayor opens the new river bridge", "New bridge opens"; c headlines the snow.
    assert opening.in_headline == ("a", "b")
    assert snow.in_headline == ("c",)
    assert all(0.0 <= p <= 1.0 for p in opening.positions)
    assert opening.where == ("headline", "headline", "lead")
    assert snow.where == ("headline",)


def test_compare_coverage_summary_lines_plain_text():
    lines = summary_lines(compare(BRIDGE))
    assert lines[0] == "Comparison of 3 articles"
    assert any("told reporters" in line for line in lines)
    snow = next(r for r in compare(BRIDGE).coverage if "snow" in r.text)
    assert any(line.strip() == f"* {snow.label}  [c]" for line in lines)


def test_compare_coverage_leads_read_the_analysed_headline():
    # Leads only read results: the headline's tone is its Headline's sentence score.
    leads = compare(BRIDGE).leads
    assert [lead.headline for lead in leads] == [a.title for a in BRIDGE]
    for lead, a in zip(leads, BRIDGE, strict=True):
        assert lead.headline_sentiment == round(a.headline.sentiment.sentences[0].compound, 3)
    assert all(lead.loaded == () and lead.headline_loaded == () for lead in leads)
    assert leads[0].lead == BRIDGE[0].text[: BRIDGE[0].paragraphs[0].end]


def test_compare_coverage_short_names_stay_distinct():
    from analysis.outputs.render import short_names

    assert short_names(("000_ab", "001_cd")) == {"000_ab": "000", "001_cd": "001"}
    assert short_names(("story_a", "story_b")) == {"story_a": "story_a", "story_b": "story_b"}


def test_compare_coverage_labels_from_distinctive_words():
    from test_compare_align import article

    a = article(
        "a",
        "Japan will raise its defence spending to 2% of GDP by 2027, officials said on Monday.\n"
        "The mayor laid a wreath at the memorial to the Battle of Iwo Jima in the rain.",
    )
    b = article("b", "Defence spending in Japan will rise to two percent of GDP by 2027.")
    rows = compare([a, b]).coverage
    assert rows[0].articles == ("a", "b")  # "2%" and "two percent" are one number
    assert rows[0].label == "2% of GDP by 2027"
    iwo = next(r for r in rows if r.articles == ("a",))
    assert "Iwo Jima" in iwo.label


def test_compare_coverage_label_never_cuts_a_name():
    from analysis.compare.labels import _whole_name
    from analysis.compare.words import content_tokens

    text = "Defense Secretary Pete Hegseth met President Donald Trump's aides."
    toks = content_tokens(text)  # defens secretar pete hegseth met president donald trump aide
    # A run on "Secretary Pete" is carried to the whole name; one on "Donald
    # Trump" back to "President", without the possessive.
    assert _whole_name(text, toks, 1, 2) == "Defense Secretary Pete Hegseth"
    assert _whole_name(text, toks, 6, 7) == "President Donald Trump"
    assert _whole_name(text, toks, 4, 4) == "met"
    # Never past LABEL_MAX_WORDS (6) words.
    text = "Alpha Beta Gamma Delta Epsilon Zeta Eta said"
    assert _whole_name(text, content_tokens(text), 6, 6) == "Beta Gamma Delta Epsilon Zeta Eta"


def test_compare_coverage_label_carries_a_measure_to_its_noun():
    from analysis.compare.labels import _whole_name
    from analysis.compare.words import content_tokens

    text = "They held an 85-minute meeting at the Pentagon."
    toks = content_tokens(text)  # held 85 minut meet pentagon
    assert _whole_name(text, toks, 1, 2) == "85-minute meeting"
    assert _whole_name(text, toks, 3, 3) == "meeting"
    assert _whole_name(text, toks, 1, 1) == "85"
