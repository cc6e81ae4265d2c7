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


def test_compare_quotes_sourcing_counts():
    a = article(
        "x",
        "“We are ready,” Ruiz said. Officials said the cost doubled. "
        "The bridge is 300 metres long.",
    )
    s = sourcing(a)
    assert (s.named, s.anonymous, s.unsourced, s.quotes) == (1, 1, 1, 1)
    assert s.quote_share == round(len("“We are ready,”") / len(a.text), 3)
