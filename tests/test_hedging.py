"""Tests for analysis.measures.hedging: categories, context rules, quotes, rates, seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from handmade import hand_doc

from analysis.measures import hedging
from analysis.results.doc import Doc
from analysis.text.lexicon import Entry, Lexicon

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.category) for m in hedging.find_matches(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks might fail.", [("might", "hedge")]),
        ("The plan is expected to pass.", [("is expected to", "hedge")]),
        ("It appears to be over.", [("appears", "hedge")]),
        ("He reportedly left.", [("reportedly", "hedge")]),
        ("She clearly won.", [("clearly", "booster")]),
        ("He made it clear that he would stay.", [("made it clear", "booster")]),
        ("Some critics argue the plan is late.", [("Some critics", "weasel")]),
        ("Critics argue the plan is late.", [("Critics argue", "weasel")]),
        ("It is believed the plan is late.", [("It is believed", "weasel")]),
        ("Observers note the plan is late.", [("Observers note", "weasel")]),
        (
            "An official spoke on condition of anonymity.",
            [("on condition of anonymity", "anonymous_source")],
        ),
        (
            "A source familiar with the talks said no.",
            [("A source familiar with", "anonymous_source")],
        ),
        (
            "Officials indicated anonymously that it was over.",
            [("anonymously", "anonymous_source")],
        ),
        ("The minister met the press on Monday.", []),
    ],
)
def test_hedging_categories(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "May" the month, or the surname, is not the modal.
        ("The vote may slip.", [("may", "hedge")]),
        # Opening a sentence, "May" is a request or the month, never a guess.
        ("May I ask a question?", []),
        ("The vote is in May.", []),
        ("May 5 is the date.", []),
        ("The law passed in May 2025.", []),
        ("Theresa May spoke.", []),
        # "can" states ability and is not a hedge; as a noun it never fires either.
        ("It can be argued that the plan failed.", [("can be argued", "hedge")]),
        ("He opened a can of soup.", []),
        ("They kicked the can down the road.", []),
        ("Japan can operate with confidence.", []),
        # "could not" / "couldn't" state an inability, not a possibility.
        ("It could undermine trust.", [("could", "hedge")]),
        ("He could not attend.", []),
        ("He couldn't attend.", []),
        ("He could n't attend.", []),
        # "about" approximates only before a number.
        ("About 50,000 troops are based there.", [("About", "hedge")]),
        ("It took about a dozen tries.", [("about", "hedge")]),
        ("They talked about the plan.", []),
        ("Concerns about security grew.", []),
        # Plain "will" is the future; "will" with a certainty adverb is a booster.
        ("The team will certainly win.", [("will certainly", "booster")]),
        ("The ministers will meet on Monday.", []),
        ("Talks will resume next week.", []),
    ],
)
def test_hedging_context_rules(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some say the plan failed.", [("Some say", "weasel")]),
        ("Some residents left.", [("Some", "weasel")]),
        ("Many believe it failed.", [("Many believe", "weasel")]),
        ("Many of them left.", [("Many", "weasel")]),
        ("It was considered by many to be late.", [("considered by many", "weasel")]),
        ("Some 300 people came.", [("Some", "hedge")]),
        ("It has been like this for some time.", []),
        ("Many years ago it rained.", []),
        ("Many times it rained.", []),
        ("Officials said many residents fled.", [("many", "weasel")]),
        ("Others argue it failed.", [("Others argue", "weasel")]),
        ("The others arrived.", []),
        ("It appeared in the film.", []),
        ("He appeared before the court.", []),
        ("It is kind of odd.", [("kind of", "hedge")]),
        ("It is a kind of bird.", []),
        ("It appeared to work.", [("appeared", "hedge")]),
        ("It appears the talks failed.", [("appears", "hedge")]),
        ("It would appear so.", [("appear", "hedge")]),
        ("The logo appears twice.", []),
        ("Several residents left.", [("Several", "weasel")]),
        ("It took several years.", []),
        ("Critics of the plan objected.", [("Critics", "weasel")]),
    ],
)
def test_hedging_quantifier_and_appear_rules(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Epistemic: a guess about what is or was so.
        ("It may rain.", [("may", "hedge")]),
        ("The deal may collapse.", [("may", "hedge")]),
        ("The talks could collapse.", [("could", "hedge")]),
        ("He may resign.", [("may", "hedge")]),
        ("Officials said Russia may retaliate.", [("may", "hedge")]),
        ("Its future could change.", [("could", "hedge")]),
        ("They may have left.", [("may", "hedge")]),
        ("The suspect may also have had help.", [("may", "hedge")]),
        ("It may have an effect.", [("may", "hedge")]),
        ("Prices could well rise.", [("could", "hedge")]),
        ("The rule may or may not apply.", [("may or may not", "hedge")]),
        # General possibility, ability, permission or obligation: not a hedge.
        ("Users may choose a colour.", []),
        ("Visitors may apply online.", []),
        ("Guests may not have a pet.", []),
        ("They may have to leave.", []),
        ("Talks could collapse.", []),
        ("It could not be worse.", []),
    ],
)
def test_hedging_epistemic_modal_rule(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is possible that he left.", [("It is possible", "hedge")]),
        ("It is possible.", [("It is possible", "hedge")]),
        ("It is possible to cross the river.", []),
        ("It was possible for him to stay.", []),
    ],
)
def test_hedging_possible_feasible_rule(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The song is widely praised.", [("widely praised", "weasel")]),
        ("The drug has been suggested as a cause.", [("has been suggested", "weasel")]),
        ("The record is claimed by two towns.", [("is claimed", "weasel")]),
        ("It is questioned whether the plan works.", [("It is questioned", "weasel")]),
        ("Everyone knows the plan failed.", [("Everyone knows", "weasel")]),
        ("Studies show that coffee helps.", [("Studies show", "weasel")]),
        ("There is a perception that the mayor lied.", [("There is a perception that", "weasel")]),
        ("Sources said the deal was off.", [("Sources said", "anonymous_source")]),
        ("It is not yet clear whether he left.", [("is not yet clear", "hedge")]),
        ("The origin is unknown.", [("is unknown", "hedge")]),
        ("He is reputed to be rich.", [("reputed", "hedge")]),
        ("There is reason to believe it failed.", [("reason to believe", "hedge")]),
        ("Speculation grew.", [("Speculation", "hedge")]),
    ],
)
def test_hedging_attribution_and_uncertainty_entries(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A stated bound or a tendency, not doubt about whether a claim is true.
        "He faces up to 10 years in prison.",
        "Nearly 300 people came.",
        "Almost 300 people came.",
        "They tend to vote early.",
        "It is somewhat odd.",
    ],
)
def test_hedging_bounds_and_tendencies_not_counted(text):
    assert found(text) == []


def test_hedging_rule_names_reported():
    (month,) = hedging.find_matches("The vote may slip.")
    assert month.rule == "epistemic" and month.entry == "may"
    (plain,) = hedging.find_matches("He reportedly left.")
    assert plain.rule == "lexicon" and plain.entry == "reportedly"


def test_hedging_quoted_modals_are_the_speakers():
    doc = hand_doc('The deal may collapse. "It might work," he said.')
    result = hedging.analyse(doc)
    assert [(m.text, m.in_quote) for m in result.matches] == [("may", False), ("might", True)]
    assert result.counts == hedging.HedgingCounts(hedge=1)
    assert result.quoted == hedging.HedgingCounts(hedge=1)


def test_hedging_rates_and_balance():
    # 10 words: two hedges and one booster outside quotes.
    doc = hand_doc("It may fail and might stall but clearly it matters.")
    result = hedging.analyse(doc)
    assert doc.word_count == 10
    assert result.counts == hedging.HedgingCounts(hedge=2, booster=1)
    assert result.rates.hedge == pytest.approx(20.0)
    assert result.rates.booster == pytest.approx(10.0)
    assert result.balance == pytest.approx(1 / 3)


@pytest.mark.parametrize(
    ("h", "b", "expected"), [(0, 0, None), (3, 0, 1.0), (0, 2, -1.0), (1, 1, 0.0)]
)
def test_hedging_balance_definition(h, b, expected):
    assert hedging.balance(h, b) == expected


def test_hedging_empty_doc_has_zero_rates():
    result = hedging.analyse(Doc(id="e", text=""))
    assert result.matches == () and result.rates == hedging.HedgingRates()
    assert result.balance is None


def test_hedging_spans_round_trip():
    text = "Some say it may, perhaps, be clear that “it could” end—about 5 days."
    for m in hedging.find_matches(text):
        assert text[m.start : m.end] == m.text


def test_hedging_seed_000_could_potentially_undermine():
    text = (SEEDS / "000_8c1bc84542067341.txt").read_text(encoding="utf-8")
    result = hedging.analyse(hand_doc(text))
    start = text.index("could potentially undermine")
    near = [m for m in result.matches if start <= m.start < start + 30]
    assert [(m.text, m.category) for m in near] == [("could", "hedge"), ("potentially", "hedge")]
    assert all(text[m.start : m.end] == m.text for m in result.matches)


def test_hedging_seed_003_indicated_anonymously():
    text = (SEEDS / "003_97f363e9f661e74d.txt").read_text(encoding="utf-8")
    result = hedging.analyse(hand_doc(text))
    start = text.index("indicated anonymously")
    near = [m for m in result.matches if start <= m.start < start + 21]
    assert [(m.text, m.category) for m in near] == [("anonymously", "anonymous_source")]
    assert result.counts.anonymous_source == 1


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (Entry("maybe", "doubt"), "unknown category"),
        (Entry("maybe", "hedge", context="no_such_rule"), "unknown context rule"),
    ],
)
def test_hedging_lexicon_rows_are_checked(monkeypatch, entry, message):
    fake = Lexicon("hedging", "t", "", "s", "l", ("term", "category"), (entry,))
    monkeypatch.setattr(hedging, "load_lexicon", lambda name: fake)
    hedging._checked_matcher.cache_clear()
    try:
        with pytest.raises(ValueError, match=message):
            hedging.find_matches("maybe")
    finally:
        hedging._checked_matcher.cache_clear()
