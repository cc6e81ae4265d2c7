"""Quote speakers, attribution verbs and sourcing counts."""

from __future__ import annotations

import pytest
from test_compare_align import BRIDGE, article

from analysis.compare import compare
from analysis.compare.quotes import attributions, resolve_actor, sourcing
from analysis.results.doc import Actor


def _atts(text: str):
    a = article("x", text)
    return [(t.verb, t.speaker, t.kind) for t in attributions(a.text, a.sentences[0], a.quotes)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“We will win,” Mr. Hegseth told reporters.",
            [("told reporters", "Mr. Hegseth", "named")],
        ),
        ("“We will win,” said Ana Ruiz.", [("said", "Ana Ruiz", "named")]),
        ("He made it clear that “we will win.”", [("made it clear", "He", "pronoun")]),
        ("Mr. Hegseth spoke harshly of the alliance.", [("spoke harshly", "Mr. Hegseth", "named")]),
        (
            "Japanese officials said the talks failed.",
            [("said", "Japanese officials", "anonymous")],
        ),
        ("The talks failed, according to officials.", [("according to", "officials", "anonymous")]),
        ("The United States sent ships.", []),
        ("“We will win,” said councillor Ana Ruiz.", [("said", "Ana Ruiz", "named")]),
        ("Ruiz, 54, argued that “fares must fall.”", [("argued", "Ruiz", "named")]),
        (
            "The minister slammed the report as “fake news.”",
            [("slammed", "The minister", "role")],
        ),
        (
            "The company said in a statement that it would appeal.",
            [("said", "The company", "role")],
        ),
        ("His remarks drew criticism.", []),
    ],
)
def test_compare_quotes_attributions(text, expected):
    assert _atts(text) == expected


def test_compare_quotes_verbs_for_the_same_quote():
    result = compare(BRIDGE)
    verbs = {q.article: (q.verb, q.speaker) for q in result.quotes}
    assert verbs == {
        "a": ("said", "Mayor Ana Ruiz"),
        "b": ("told reporters", "Ruiz"),
        "c": ("insisted", "Mayor Ana Ruiz"),
    }
    groups = {q.group for q in result.quotes}
    assert len(groups) == 1 and None not in groups


def test_compare_quotes_offsets_round_trip():
    result = compare(BRIDGE)
    texts = {a.id: a.text for a in BRIDGE}
    for q in result.quotes:
        assert texts[q.article][q.start : q.end] == q.text
        assert texts[q.article][q.verb_start : q.verb_end] == q.verb


def test_compare_quotes_pronoun_resolves_to_last_named_speaker():
    a = article("x", "Ana Ruiz spoke at noon.\nShe said “the bridge is safe.”")
    (quote,) = compare([a, a.__class__(**{**a.__dict__, "id": "y"})]).quotes[:1]
    assert quote.speaker == "Ana Ruiz"


def test_compare_quotes_continuation_keeps_speaker():
    a = article("x", "“We are ready,” Ruiz said. “The bridge is safe.”")
    quotes = compare([a]).quotes
    assert [q.speaker for q in quotes] == ["Ruiz", "Ruiz"]
    assert quotes[1].verb == ""


def test_compare_quotes_actor_resolution():
    actors = (Actor("Hegseth", ("Pete Hegseth", "Mr. Hegseth")),)
    assert resolve_actor("Mr. Hegseth", actors) == "Hegseth"
    assert resolve_actor("U.S. Defense Secretary Pete Hegseth", actors) == "Hegseth"
    assert resolve_actor("Ana Ruiz", actors) == ""


def _quotes(text: str):
    a = article("x", text)
    return compare([a]).quotes


def test_compare_quotes_speaker_with_title_and_role():
    (q,) = _quotes(
        "“Reliable buses bring customers,” said Chamber of Commerce president Alan Whitfield."
    )
    assert (q.speaker, q.role, q.verb) == (
        "Alan Whitfield",
        "Chamber of Commerce president",
        "said",
    )


def test_compare_quotes_role_before_a_name_after_the_verb():
    (q,) = _quotes("“The plan is fair,” said councillor Ana Ruiz.")
    assert (q.speaker, q.role) == ("Ana Ruiz", "councillor")


def test_compare_quotes_apposition_with_age():
    (q,) = _quotes("Ruiz, 54, argued that “fares must fall.”")
    assert (q.speaker, q.verb) == ("Ruiz", "argued")


def test_compare_quotes_lower_case_and_institutional_speakers():
    (q,) = _quotes("The minister slammed the report as “fake news.”")
    assert (q.speaker, q.verb) == ("The minister", "slammed")
    (q,) = _quotes("“We will appeal,” the company said in a statement.")
    assert (q.speaker, q.verb) == ("the company", "said")


def test_compare_quotes_he_added_resolved_when_unambiguous():
    quotes = _quotes(
        "“Fares must rise,” Mayor Ana Ruiz said on Monday. He added: “Nobody likes it.”"
    )
    assert [q.speaker for q in quotes] == ["Mayor Ana Ruiz", "Mayor Ana Ruiz"]
    assert quotes[1].unresolved == ""


def test_compare_quotes_he_added_unresolved_after_another_person():
    quotes = _quotes(
        "“Fares must rise,” Mayor Ana Ruiz said on Monday. Whitfield disagreed. "
        "He added: “Nobody likes it.”"
    )
    assert quotes[1].speaker == "" and quotes[1].unresolved == "He"
    assert quotes[1].verb == "added"


def test_compare_quotes_participle_introduces_its_quote():
    # The verb for "peace through strength" is "saying", not "spoke harshly".
    (q,) = _quotes(
        "Mr. Hegseth spoke harshly of the alliance, saying the allies would ensure "
        "“peace through strength” in the region."
    )
    assert (q.speaker, q.verb) == ("Mr. Hegseth", "saying")


def _with_anonymous_cue(a, start: int | None = None, end: int | None = None):
    """``a`` with a hedging result holding one anonymous-source cue, or none."""
    from dataclasses import replace

    from analysis.results.hedging import HedgeMatch, HedgingCounts, HedgingRates, HedgingResult

    if start is None:
        result = HedgingResult((), HedgingCounts(), HedgingCounts(), HedgingRates(), None, 10)
        return replace(a, hedging=result)
    match = HedgeMatch(start, end, a.text[start:end], "anonymous_source", "lexicon", "x", False)
    result = HedgingResult(
        (match,), HedgingCounts(anonymous_source=1), HedgingCounts(), HedgingRates(), None, 10
    )
    return replace(a, hedging=result)


def test_compare_quotes_sourcing_reads_the_hedging_analyser():
    a = article(
        "x",
        "“We are ready,” Ruiz said. Officials said the cost doubled. "
        "The bridge is 300 metres long.",
    )
    # The real hedging analyser finds "Officials said"; with its cue taken out,
    # no anonymous source is counted here: one detector (hedging's
    # anonymous_source) decides, for Overview and Compare.
    assert sourcing(a).anonymous == 1
    s = sourcing(_with_anonymous_cue(a))
    assert (s.named, s.anonymous, s.unsourced, s.quotes) == (1, 0, 2, 1)
    start = a.text.index("Officials said")
    s = sourcing(_with_anonymous_cue(a, start, start + len("Officials said")))
    assert (s.named, s.anonymous, s.unsourced) == (1, 1, 1)
    assert s.quote_share == round(len("“We are ready,”") / len(a.text), 3)


@pytest.mark.parametrize(
    ("text", "may"),
    [
        ("The sky over the harbour was grey all week.", False),
        ("Ana Ruiz SAID the vote was close.", True),
        ("According to the county, the road reopens in May.", True),
        ("The essay was long.", False),  # "say" inside a word is no verb
    ],
)
def test_compare_quotes_quick_test_never_skips_an_attribution(text, may):
    from analysis.compare.quotes import _may_attribute

    a = article("x", text)
    s = a.sentences[0]
    assert _may_attribute(a.text, s.start, s.end) is may
    if not may:
        assert attributions(a.text, s, a.quotes) == []


def test_compare_quotes_starting_in_places_positions_in_sentences():
    from analysis.compare.quotes import starting_in

    a = article("x", "One said this. Two said that. Three.")
    starts = [s.start for s in a.sentences]
    # Positions out of order: each sentence lists the indices it holds, ascending.
    positions = [starts[1] + 2, starts[0], starts[1], len(a.text) + 5]
    assert starting_in(positions, a.sentences) == [[1], [0, 2], []]


def test_compare_quotes_shared_attributions_give_the_same_sourcing():
    from analysis.compare.quotes import article_quotes, sentence_attributions

    a = BRIDGE[0]
    atts = sentence_attributions(a)
    assert len(atts) == len(a.sentences)
    assert sourcing(a, (), atts) == sourcing(a)
    assert article_quotes(a, 0, (), atts) == article_quotes(a, 0, ())


def test_compare_quotes_sentence_speakers_name_each_sentence_s_speaker():
    from analysis.compare.quotes import UNNAMED, sentence_speakers, speaker_key

    a = article(
        "x",
        "Board President Gary Holcomb pushed back on the critics.\n"
        "“Nobody is banning anything,” he said.\n"
        "Trustee Denise Albright said the vote was a mistake.\n"
        "“We are letting one petition decide,” Albright said.\n"
        "“Every student loses.”\n"
        "The meeting ended at midnight.",
    )
    # "pushed back" is no verb of saying, so "he" stays unresolved: UNNAMED;
    # the continuing quote takes Albright from the quote before it.
    assert sentence_speakers(a) == [
        frozenset(),
        frozenset({UNNAMED}),
        frozenset({"albright"}),
        frozenset({"albright"}),
        frozenset({"albright"}),
        frozenset(),
    ]
    assert speaker_key("Defense Secretary Pete Hegseth") == speaker_key("Mr. Hegseth") == "hegseth"
    assert speaker_key("the company") == "company"
