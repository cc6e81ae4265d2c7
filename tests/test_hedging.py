"""Tests for analysis.measures.hedging: categories, context rules, quotes, rates, seeds."""

from __future__ import annotations

import math
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
            [("Officials indicated anonymously", "anonymous_source")],
        ),
        (
            "He gave anonymously to the charity.",
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
        ("It may slip.", [("may", "hedge")]),
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
        # "about" is a candidate only before a number (the weight then decides,
        # see test_hedging_weight_decides_ambiguous_cues); a topic never is.
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
        # "Some 300" is the approximator row (not the weasel), and its weight drops it.
        ("Some 300 people came.", []),
        ("It has been like this for some time.", []),
        ("Many years ago it rained.", []),
        ("Many times it rained.", []),
        (
            "Officials said many residents fled.",
            [("Officials said", "anonymous_source"), ("many", "weasel")],
        ),
        ("He has seen as many as 300 ships.", []),
        ("Others argue it failed.", [("Others argue", "weasel")]),
        ("The others arrived.", []),
        ("It appeared in the film.", []),
        ("He appeared before the court.", []),
        ("It is a kind of bird.", []),
        ("It appeared to work.", [("appeared", "hedge")]),
        ("It appears the talks failed.", [("appears", "hedge")]),
        # "would" is weighed in its sentence, and counts here with "appear".
        ("It would appear so.", [("would", "hedge"), ("appear", "hedge")]),
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
        # Epistemic, counted by rule: a perfect or a pronoun subject.
        ("It may rain.", [("may", "hedge")]),
        ("He may resign.", [("may", "hedge")]),
        ("It could undermine trust.", [("could", "hedge")]),
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
    (modal,) = hedging.find_matches("It may slip.")
    assert (modal.rule, modal.entry, modal.context) == ("epistemic", "may", "pronoun subject")
    assert modal.decided_by == "rule" and modal.kind == "hedge"
    (plain,) = hedging.find_matches("He reportedly left.")
    assert plain.rule == "lexicon" and plain.entry == "reportedly" and plain.context == ""


def test_hedging_quoted_modals_are_the_speakers():
    doc = hand_doc('It may collapse. "It might work," he said.')
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
    # "an issue that could potentially undermine trust": "that" is a pronoun subject.
    text = (SEEDS / "000_8c1bc84542067341.txt").read_text(encoding="utf-8")
    result = hedging.analyse(hand_doc(text))
    start = text.index("could potentially undermine")
    near = [m for m in result.matches if start <= m.start < start + 30]
    assert [(m.text, m.category) for m in near] == [("could", "hedge"), ("potentially", "hedge")]
    assert all(text[m.start : m.end] == m.text for m in result.matches)


def test_hedging_seed_003_indicated_anonymously():
    text = (SEEDS / "003_97f363e9f661e74d.txt").read_text(encoding="utf-8")
    result = hedging.analyse(hand_doc(text))
    # One attribution, one match: the group, its verb and "anonymously".
    start = text.index("Japanese defense officials indicated anonymously")
    near = [m for m in result.matches if start <= m.start < start + 50]
    assert [(m.text, m.category) for m in near] == [
        ("Japanese defense officials indicated anonymously", "anonymous_source")
    ]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (Entry("maybe", "doubt"), "unknown category"),
        (Entry("maybe", "hedge", context="no_such_rule"), "unknown context rule"),
        (Entry("maybe", "hedge"), "unknown kind"),
    ],
)
def test_hedging_lexicon_rows_are_checked(monkeypatch, entry, message):
    kind = "doubt" if message == "unknown kind" else ""
    fake = Lexicon(
        "hedging", "t", "", "s", "l", ("term", "category", "kind"), (entry,), (("maybe", "", kind),)
    )
    monkeypatch.setattr(hedging, "load_lexicon", lambda name: fake)
    hedging._cues.cache_clear()
    hedging._checked_matcher.cache_clear()
    try:
        with pytest.raises(ValueError, match=message):
            hedging.find_matches("maybe")
    finally:
        hedging._cues.cache_clear()
        hedging._checked_matcher.cache_clear()


# --- Guideline classes: weasel quantifiers, peacock praise (CoNLL-2010 / Szeged) ---


def kinds(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.kind, m.decided_by) for m in hedging.find_matches(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A vague group of people is found, and its sentence model counts it; of
        # two cues, only those that reach the threshold on their own count
        # ("critics" alone does here) ...
        ("Various critics objected.", [("critics", "weasel", "weight")]),
        ("Numerous scholars disagree.", [("Numerous", "weasel", "weight")]),
        ("Most of them left.", [("Most", "weasel", "weight")]),
        # ... a quantity of things is left to the weight, which drops these.
        ("Various species live there.", []),
        # The superlative and the bound are not vague quantities.
        ("At most 300 people came.", []),
        ("It is the most expensive car.", []),
        # Peacock praise: nobody can check it.
        ("He is one of the most gifted painters.", [("one of the most", "peacock", "weight")]),
        ("She is best known for her novels.", [("best known", "peacock", "weight")]),
        ("The well-known actor arrived.", [("well-known", "peacock", "weight")]),
        ("The famous bridge opened.", [("famous", "peacock", "weight")]),
        (
            "The mayor is widely regarded as honest.",
            [("is widely regarded as", "weasel", "weight")],
        ),
        (
            "It is often said that the city never sleeps.",
            [("It is often said", "weasel", "weight")],
        ),
        # A plain frequency is not an attribution; the weight decides and drops it.
        ("The bus usually leaves at eight.", []),
    ],
)
def test_hedging_guideline_weasel_and_peacock(text, expected):
    assert kinds(text) == expected


def test_hedging_peacock_counts_as_weasel():
    (match,) = hedging.find_matches("The famous bridge opened.")
    assert (match.category, match.kind) == ("weasel", "peacock")
    result = hedging.analyse(hand_doc("The famous bridge opened."))
    assert result.counts == hedging.HedgingCounts(weasel=1)


# --- News attribution: unnamed groups and agentless judgements ---

SEED_ATTRIBUTIONS = [
    ("001_7071a2296e3eb8a2.txt", "Japanese officials privately worried", "anonymous_source"),
    ("002_ff2eca70195de861.txt", "U.S. officials have noted", "anonymous_source"),
    ("002_ff2eca70195de861.txt", "Japanese officials fear", "anonymous_source"),
    ("002_ff2eca70195de861.txt", "is viewed as", "weasel"),
    ("002_ff2eca70195de861.txt", "seen as", "weasel"),
    ("003_97f363e9f661e74d.txt", "Japanese defense representatives expressed", "anonymous_source"),
]


@pytest.mark.parametrize(("seed", "phrase", "category"), SEED_ATTRIBUTIONS)
def test_hedging_seed_anonymous_attributions(seed, phrase, category):
    text = (SEEDS / seed).read_text(encoding="utf-8")
    start = text.index(phrase)
    result = hedging.analyse(hand_doc(text))
    hits = [(m.text, m.category) for m in result.matches if m.start == start]
    assert hits == [(phrase, category)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Japanese officials privately worried that it would fail.",
            "Japanese officials privately worried",
        ),
        ("U.S. officials have noted the change.", "U.S. officials have noted"),
        ("Senior defense officials said the talks went well.", "Senior defense officials said"),
        ("An official said the plan was sound.", "official said"),
        (
            "Japanese defense representatives expressed concern.",
            "Japanese defense representatives expressed",
        ),
        (
            "According to people familiar with the talks, it is off.",
            "According to people familiar with",
        ),
        ("A person briefed on the talks said no.", "A person briefed on"),
        ("He spoke on background.", "spoke on background"),
    ],
)
def test_hedging_unnamed_groups_found(text, expected):
    found = hedging.find_matches(text)
    assert [(m.text, m.category) for m in found if m.category == "anonymous_source"] == [
        (expected, "anonymous_source")
    ]
    # Counted by the row alone: no uncertainty weight was learned for news sources.
    assert all(m.decided_by == "rule" for m in found if m.category == "anonymous_source")


@pytest.mark.parametrize(
    "text",
    [
        # Named sources.
        "Japanese Defense Minister Gen Nakatani said the plan was sound.",
        "Officials from the Pentagon, including Hegseth, said the plan was sound.",
        "The company's representatives, led by Ana Ruiz, expressed concern.",
        # A group that points back to people already named.
        "The two officials said they would meet again.",
        "Both officials said they would meet again.",
        "The U.S. officials said they would meet again.",
        # No verb of saying or feeling after the group.
        "Hegseth met Japanese officials on Monday.",
        "Trade officials from South Korea, Japan and China will meet.",
        "The officials, who were named earlier, left.",
        "Officials at the ministry said no.",
        # "seen as" starting a comparison, and "as many as" a bound.
        "It had seen as many as 300 ships.",
        "We have seen as well as heard it.",
    ],
)
def test_hedging_named_sources_not_anonymous(text):
    assert [m for m in hedging.find_matches(text) if m.category != "booster"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The headquarters is viewed as a game changer.", "is viewed as"),
        ("It is a move seen as a necessary step.", "seen as"),
        ("The film was seen as a failure.", "was seen as"),
    ],
)
def test_hedging_agentless_view_is_weasel(text, expected):
    assert [(m.text, m.category) for m in hedging.find_matches(text)] == [(expected, "weasel")]


def test_hedging_extended_spans_round_trip():
    text = "Senior U.S. defense officials privately worried, and Japanese officials fear it."
    matches = hedging.find_matches(text)
    assert [m.text for m in matches] == [
        "U.S. defense officials privately worried",
        "Japanese officials fear",
    ]
    assert all(text[m.start : m.end] == m.text for m in matches)


# --- Modal contexts and the learned weights ---


def readings(text: str) -> list[tuple[str, str]]:
    return [(c.entry.headword, c.context) for c in hedging.candidates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They may have left.", [("may", "perfect")]),
        ("Prices could well rise.", [("could", "perfect")]),
        ("It may rain.", [("may", "pronoun subject")]),
        ("He said Russia may retaliate.", [("may", "name subject")]),
        ("The deal may collapse.", [("may", "definite subject")]),
        ("Users may choose a colour.", [("may", "other subject")]),
        ("Talks could collapse.", [("could", "other subject")]),
        ("Could it be true?", [("could", "sentence start")]),
        ("It may have to go.", [("may", "pronoun subject")]),
        ("The vote is in May.", []),
        ("He could not attend.", []),
        ("About 50,000 troops are based there.", [("about", "")]),
        ("Roughly 300 people came.", [("roughly", "number follows")]),
        ("It was roughly handled.", [("roughly", "no number")]),
    ],
)
def test_hedging_context_readings(text, expected):
    assert readings(text) == expected


def test_hedging_sentence_model_decides_ambiguous_cues():
    # "The deal may collapse." reads "definite subject": the sentence model decides.
    # Its features: bias, length<10, cues=1 and the cue's own; 2.0 - 0.5 -> p 0.818.
    high = hedging.Weights({"cue=hedge:may|definite subject": 2.0, "bias": -0.5}, 0.5)
    low = hedging.Weights({"cue=hedge:may|definite subject": -2.0}, threshold=0.5)
    (match,) = hedging.find_matches("The deal may collapse.", weights=high)
    assert (match.text, match.decided_by, match.weight) == ("may", "weight", 0.818)
    assert hedging.find_matches("The deal may collapse.", weights=low) == ()
    may = hedging.load_lexicon("hedging").entries[0]
    assert hedging.cue_features(may, "hedge", "definite subject") == (
        "kind=hedge", "cue=hedge:may", "context=definite subject", "cue=hedge:may|definite subject"
    )


def test_hedging_sentence_probability_sums_every_weighed_cue():
    # "Some critics say most of the island flooded." has two weighed weasel cues.
    # Two cues (cues=2, -1.0) and two weasels (kind=weasel 0.5 each): 0.0 -> p 0.5.
    weights = hedging.Weights({"cues=2": -1.0, "kind=weasel": 0.5}, threshold=0.5)
    text = "Some critics say most of the island flooded."
    found = hedging.find_matches(text, weights=weights)
    assert [(m.text, m.weight) for m in found] == [("Some critics", 0.5), ("most", 0.5)]
    stricter = hedging.Weights(weights.weights, threshold=0.51)
    assert hedging.find_matches(text, weights=stricter) == ()


def test_hedging_only_the_cues_that_made_the_sentence_count():
    # The sentence reaches the threshold (z = -1 + 3 + 0.5, p 0.924); "critics
    # argue" alone already does (z = 2, p 0.881), so "about 400" is not marked.
    # ("critics argue" is a form of the row whose headword is "some say".)
    weights = hedging.Weights(
        {"bias": -1.0, "cue=weasel:some say": 3.0, "cue=hedge:about": 0.5}, threshold=0.5
    )
    text = "It cost about 400 dollars, money critics argue was wasted."
    found = hedging.find_matches(text, weights=weights)
    assert [(m.text, m.weight) for m in found] == [("critics argue", 0.924)]
    # Alone, "about 400" stays below the threshold (z = -0.5).
    assert hedging.find_matches("It cost about 400 dollars.", weights=weights) == ()


def test_hedging_sentence_features_by_hand():
    assert hedging.sentence_features(9, 1) == ("bias", "length<10", "cues=1")
    assert hedging.sentence_features(10, 2) == ("bias", "length<20", "cues=2")
    assert hedging.sentence_features(45, 7) == ("bias", "length>=45", "cues=3")


def test_hedging_each_sentence_weighed_apart():
    # Two sentences, one cue each: each has its own probability.
    text = "The famous bridge opened. It was rebuilt by some of the workers."
    spans = hedging.fallback_sentences(text)
    assert spans == [(0, 26), (26, len(text))]
    weights = hedging.Weights({"cue=peacock:famous": 3.0, "bias": -1.0}, threshold=0.5)
    found = hedging.find_matches(text, weights=weights, sentences=spans)
    assert [(m.text, m.weight) for m in found] == [("famous", 0.881)]


def test_hedging_rule_decided_hedges_ignore_the_weight():
    # "It may rain." reads "pronoun subject", an epistemic hedge the guidelines define.
    low = hedging.Weights({"cue=hedge:may": -9.0, "bias": -9.0}, threshold=0.9)
    (match,) = hedging.find_matches("It may rain.", weights=low)
    assert match.decided_by == "rule" and match.weight is None


def test_hedging_quote_test_matches_doc_in_quote():
    text = 'He said "it may rain" and “they might” go.'
    doc = hand_doc(text)
    inside = hedging.quote_test([(q.start, q.end) for q in doc.quotes])
    for start in range(len(text)):
        for end in range(start, len(text) + 1):
            assert inside(start, end) == doc.in_quote(start, end)
    assert hedging.quote_test([])(0, 1) is False


def test_hedging_boosters_have_no_weight():
    (match,) = hedging.find_matches("She clearly won.")
    assert match.weight is None and match.kind == "booster"


def test_hedging_weight_is_a_logistic_of_the_feature_sum():
    weights = hedging.Weights({"bias": -1.0, "cue=may": 1.5}, threshold=0.5)
    assert weights.probability(("bias", "cue=may", "unknown")) == pytest.approx(
        1 / (1 + math.exp(-0.5))
    )


def test_hedging_weights_file_names_source_and_licence():
    header = hedging.WEIGHTS_PATH.read_text(encoding="utf-8").split("feature\tweight")[0]
    weights = hedging.load_weights()
    assert "CoNLL-2010" in weights.sources and "Wikipedia" in weights.sources
    assert "CC BY-SA" in weights.sources and "CC BY-SA" in weights.licence
    assert "# threshold:" in header and 0.0 < weights.threshold < 1.0
    assert weights.weights["bias"] != 0.0


def test_hedging_weights_parse_by_hand():
    lines = [
        "# sources: test data\n",
        "# licence: CC0\n",
        "# threshold: 0.25\n",
        "feature\tweight\n",
        "bias\t-0.5\n",
        "cue=may\t1.25\n",
    ]
    parsed = hedging._parse_weights(lines)
    assert parsed == hedging.Weights({"bias": -0.5, "cue=may": 1.25}, 0.25, "test data", "CC0")


def test_hedging_weight_except_contexts_parsed():
    cues = hedging._cues()
    entries = {e.term: e for e in hedging.load_lexicon("hedging").entries}
    may = cues[entries["may"]]
    assert may.by_weight and may.rule_contexts == frozenset({"perfect", "pronoun subject"})
    assert not may.decided_by_weight("perfect") and may.decided_by_weight("definite subject")
    assert not cues[entries["reportedly"]].by_weight
