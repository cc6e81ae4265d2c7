"""Tests for analysis.measures.loaded: categories, inflections, phrases, quotes, lookup, seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from handmade import hand_doc

from analysis.evaluate import loaded as loaded_eval
from analysis.measures import loaded
from analysis.results.doc import Doc
from analysis.text.lexicon import Entry, PhraseMatcher, load_lexicon, read_lexicon

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.category) for m in loaded.find_matches(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The senator claimed victory.", [("claimed", "attribution")]),
        ("He lashed out at reporters.", [("lashed out", "attribution")]),
        ("She spoke harshly of the deal.", [("spoke harshly", "manner")]),
        ("They stand firmly together.", [("firmly", "manner")]),
        ("The rules are wildly unpopular.", [("wildly", "intensifier")]),
        ("Officials of the regime met.", [("regime", "label")]),
        ("The war room opened.", [("war room", "conflict")]),
        ("It is a crisis.", [("crisis", "emotive")]),
        ("It is a game changer.", [("game changer", "puffery")]),
        ("The minister said the talks went well.", []),
    ],
)
def test_loaded_categories(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("form", ["slam", "slams", "slammed", "slamming", "SLAMMED"])
def test_loaded_inflections_of_slam(form):
    (m,) = loaded.find_matches(f"Critics {form} the plan.")
    assert m.text == form and m.entry == "slam" and m.category == "attribution"


@pytest.mark.parametrize(
    ("text", "form", "entry"),
    [
        ("The rollout was clumsily handled.", "clumsily", "clumsy"),
        ("It was the stupidest plan yet.", "stupidest", "stupid"),
        ("The mayor acted corruptly.", "corruptly", "corrupt"),
        ("The debate grew uglier.", "uglier", "ugly"),
    ],
)
def test_loaded_adjectives_match_as_adverbs_and_degrees(text, form, entry):
    (m,) = loaded.find_matches(text)
    assert (m.text, m.entry, m.category) == (form, entry, "emotive")


@pytest.mark.parametrize(
    "text",
    [
        # Adverbs whose sense differs from the adjective's are not derived:
        # "historically" is about history, "slightly" and "perfectly" are plain degree.
        "The district has historically voted early.",
        "Prices rose slightly in May.",
        "The filing was perfectly legal.",
    ],
)
def test_loaded_sense_shifted_adverbs_not_marked(text):
    # Checked against the candidate pool too: "historic", "slight" and "perfect"
    # are candidates, and a selection that kept them must not bring the adverbs.
    pool = read_lexicon(Path(loaded_eval.CANDIDATES)).entries
    everything = PhraseMatcher((*load_lexicon("loaded").entries, *pool))
    assert loaded.find_matches(text, phrases=everything) == ()


@pytest.mark.parametrize(
    "phrase",
    [
        "claimed", "insisted", "admitted", "conceded", "boasted", "slammed", "blasted",
        "vowed", "warned", "emphasized", "underscored", "stressed", "touted", "lashed out",
        "harshly", "sharply", "fiercely", "firmly", "aggressively", "spoke harshly",
        "communist China", "regime", "radical", "extremist", "illegal aliens", "thugs", "mob",
        "war room", "battle headquarters", "war-fighting", "crisis", "slam",
        "game changer", "crucial", "significant move", "in a significant move",
    ],
)  # fmt: skip
def test_loaded_lexicon_covers_required_terms(phrase):
    assert loaded.lookup(phrase) is not None


def test_loaded_longest_phrase_wins_without_overlap():
    text = "In a significant move, the war-fighting headquarters opened."
    assert found(text) == [
        ("In a significant move", "puffery"),
        ("war-fighting headquarters", "conflict"),
    ]


def test_loaded_match_fields():
    (m,) = loaded.find_matches("Critics blasted the plan.")
    assert (m.start, m.end, m.text) == (8, 15, "blasted")
    assert m.entry == "blast" and m.neutral and m.connotation and not m.in_quote


def test_loaded_quoted_words_are_the_speakers():
    doc = hand_doc("Critics slammed the plan. “It is a crisis,” she said.")
    result = loaded.analyse(doc)
    assert [(m.text, m.in_quote) for m in result.matches] == [("slammed", False), ("crisis", True)]
    assert (result.count, result.quoted) == (1, 1)
    rates = {r.category: r for r in result.rates}
    assert rates["attribution"].count == 1 and rates["emotive"].quoted == 1
    assert rates["emotive"].count == 0


def test_loaded_rates_per_100_words():
    doc = hand_doc("Critics slammed the bizarre plan.")  # 5 words, 2 matches
    result = loaded.analyse(doc)
    assert result.rate == pytest.approx(40.0)
    assert [r.category for r in result.rates][: len(loaded.CATEGORIES)] == list(loaded.CATEGORIES)
    assert {r.category: r.rate for r in result.rates}["attribution"] == pytest.approx(20.0)


def test_loaded_empty_doc():
    result = loaded.analyse(Doc(id="e", text=""))
    assert result.matches == () and result.count == 0 and result.rate == 0.0


@pytest.mark.parametrize(
    ("word", "headword"),
    [("slammed", "slam"), ("Lashing out", "lash out"), ("thugs", "thug"), ("SAID", None)],
)
def test_loaded_lookup(word, headword):
    entry = loaded.lookup(word)
    assert (entry.term if entry else None) == headword


@pytest.mark.parametrize(
    ("word", "neutral"),
    [("said", True), ("told", True), ("according to", True), ("added", True), ("stated", True),
     ("slammed", False), ("claimed", False)],
)  # fmt: skip
def test_loaded_neutral_attribution(word, neutral):
    # Neutral verbs of saying are not in the lexicon: they are never marked.
    assert (loaded.lookup(word) is None) is neutral


def test_loaded_every_entry_has_connotation_and_neutral():
    entries = load_lexicon("loaded").entries
    assert all(e.connotation and e.neutral for e in entries)
    assert {e.category for e in entries} == set(loaded.CATEGORIES)


def test_loaded_spans_round_trip():
    text = "He slammed—“bizarre!”—the so-called mob’s war-fighting, ‘radical’ crisis."
    for m in loaded.find_matches(text):
        assert text[m.start : m.end] == m.text


def test_loaded_seed_001_acceptance():
    text = (SEEDS / "001_7071a2296e3eb8a2.txt").read_text(encoding="utf-8")
    result = loaded.analyse(hand_doc(text))
    by_text = {m.text: m for m in result.matches}
    assert by_text["spoke harshly"].category == "manner"
    assert not by_text["spoke harshly"].in_quote
    start = text.index("communist China’s aggressive and coercive actions")
    near = [
        (m.text, m.category, m.in_quote) for m in result.matches if start <= m.start < start + 50
    ]
    assert near == [
        ("communist China", "label", True),
        ("aggressive", "emotive", True),
        ("coercive", "emotive", True),
    ]
    assert all(text[m.start : m.end] == m.text for m in result.matches)


def graded(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.grade) for m in loaded.find_matches(text)]


# --- senses: territorial "claims" ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Taiwan is a territory China claims as its own.",
        "Taiwan, a self-governing island that China claims as part of its territory, voted.",
        "The islands Japan claims lie to the south.",
        "China claims the whole sea as its own.",
        "Both states press claims to the disputed islands.",
        "Vietnam rejects China's territorial claims.",
        "No group claimed responsibility for the attack.",
        "The fires have claimed 24 lives.",
        "Migrants claiming asylum waited at the border.",
    ],
)
def test_loaded_claims_territorial_and_standard_senses_not_loaded(text):
    assert [m for m in loaded.find_matches(text) if m.entry == "claim"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The senator claimed the election was stolen.",
        "He claims he never met her.",
        "Her claim that taxes will fall is disputed.",
    ],
)
def test_loaded_claims_of_doubtful_statements_still_loaded(text):
    assert [(m.entry, m.grade) for m in loaded.find_matches(text)] == [("claim", "loaded")]


# --- senses: "crisis" -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Banks failed in the 2008 financial crisis.",
        "The Cuban missile crisis lasted 13 days.",
        "Ministers held crisis talks on Monday.",
        "Call the crisis line for help.",
        "Shops closed during the coronavirus crisis.",
        "The government failed to handle the crisis.",
        "Voters rank the climate crisis first.",
    ],
)
def test_loaded_crisis_as_plain_noun_not_loaded(text):
    assert loaded.find_matches(text) == ()


@pytest.mark.parametrize(
    "text", ["The city faces a crisis over bus fares.", "A government in crisis met."]
)
def test_loaded_crisis_as_the_writers_label_is_loaded(text):
    assert [(m.text, m.grade) for m in loaded.find_matches(text)] == [("crisis", "loaded")]


# --- senses: "warned" and "stressed" -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The weather service warned of flooding.",
        "Forecasters warned that the storm would strengthen.",
        "Police warned residents to stay indoors.",
        "The mayor warned of heavy snow on Friday.",
        "A flood warning is in force.",
        "The agency issued a warning on Monday.",
    ],
)
def test_loaded_official_and_weather_warnings_not_matched(text):
    assert loaded.find_matches(text) == ()


def test_loaded_warned_by_a_speaker_is_emphatic():
    assert graded("He warned that the plan would fail.") == [("warned", "emphatic")]


@pytest.mark.parametrize(
    "text", ["Nurses work under stress.", "The banks passed the stress test.", "I am stressed out."]
)
def test_loaded_stress_as_noun_or_adjective_not_matched(text):
    assert loaded.find_matches(text) == ()


# --- senses: "elite", "regime", "fringe" ----------------------------------------


def test_loaded_elite_as_rank_and_regime_as_rules_not_loaded():
    assert loaded.find_matches("Only 200 elite athletes ran under the sanctions regime.") == ()
    assert [m.text for m in loaded.find_matches("The elites backed the regime.")] == [
        "elites",
        "regime",
    ]


def test_loaded_capitalised_word_inside_a_name_not_loaded():
    assert loaded.find_matches("She went to the Orlando Fringe Festival.") == ()
    assert [m.text for m in loaded.find_matches("Fringe groups met.")] == ["Fringe"]


# --- grades of verbs of saying ----------------------------------------------------


@pytest.mark.parametrize("verb", ["said", "told", "added", "stated"])
def test_loaded_neutral_verbs_of_saying_not_matched(verb):
    assert loaded.find_matches(f"She {verb} that the plan would work.") == ()


@pytest.mark.parametrize(
    "verb", ["emphasized", "underscored", "stressed", "insisted", "reiterated", "warned"]
)
def test_loaded_emphatic_verbs_of_saying(verb):
    assert graded(f"She {verb} that the plan would work.") == [(verb, "emphatic")]


@pytest.mark.parametrize(
    "verb", ["spoke harshly", "slammed", "claimed", "blasted", "boasted", "admitted"]
)
def test_loaded_loaded_verbs_of_saying(verb):
    assert graded(f"She {verb} that the plan would work.") == [(verb, "loaded")]


def test_loaded_emphatic_counted_apart_not_in_rate():
    doc = hand_doc("She emphasized the plan. Critics slammed it.")  # 7 words
    result = loaded.analyse(doc)
    assert [(m.text, m.grade) for m in result.matches] == [
        ("emphasized", "emphatic"),
        ("slammed", "loaded"),
    ]
    assert (result.count, result.emphatic) == (1, 1)
    assert result.rate == pytest.approx(100 / 7)
    assert sum(r.count for r in result.rates) == 1


def test_loaded_seed_lesson_reads_right():
    text_001 = (SEEDS / "001_7071a2296e3eb8a2.txt").read_text(encoding="utf-8")
    text_002 = (SEEDS / "002_ff2eca70195de861.txt").read_text(encoding="utf-8")
    by_text = {m.text: m for m in loaded.find_matches(text_001)}
    assert by_text["spoke harshly"].grade == "loaded"
    assert "claims" not in by_text  # "an island that China claims as part of its territory"
    emphasized = [m for m in loaded.find_matches(text_002) if m.text == "emphasized"]
    assert emphasized and all(m.grade == "emphatic" for m in emphasized)


# --- coverage and alternatives ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "category", "neutral"),
    [
        ("The controversial plan passed.", "controversial", "emotive", "disputed"),
        ("Riders are furious.", "furious", "emotive", "angry"),
        ("The council is jacking up fares.", "jacking up", "emotive", "raise"),
        ("It is a modest fare adjustment.", "modest", "minimiser", "small"),
        ("The budget is a mess.", "mess", "emotive", "problems"),
    ],
)
def test_loaded_hand_story_words_found_with_alternatives(text, word, category, neutral):
    (m,) = loaded.find_matches(text)
    assert (m.text, m.category, m.grade) == (word, category, "loaded")
    assert m.neutral.startswith(neutral)


def test_loaded_warrior_ethos_has_a_military_alternative():
    (m,) = loaded.find_matches("He praised the warrior ethos of both forces.")
    assert m.text == "warrior ethos" and "supporter" not in m.neutral
    assert "military" in m.neutral
    (w,) = loaded.find_matches("She is a culture warrior.")
    assert "supporter" not in w.neutral


# --- headlines and one-sentence texts ----------------------------------------------


def test_loaded_headline_as_one_sentence_doc():
    result = loaded.analyse(hand_doc("Council slams riders with shocking fare hike"))  # 7 words
    assert [m.text for m in result.matches] == ["slams", "shocking"]
    assert result.count == 2 and result.word_count == 7
    assert result.rate == pytest.approx(200 / 7)


@pytest.mark.parametrize("text", ["Slammed", "   ", "Said."])
def test_loaded_tiny_docs_never_divide_by_zero(text):
    result = loaded.analyse(Doc(id="h", text=text))  # word_count 0: not counted
    assert result.rate == 0.0 and all(r.rate == 0.0 for r in result.rates)


# --- the lexicon files ---------------------------------------------------------


@pytest.mark.parametrize("lexicon", ["shipped", "candidates"])
def test_loaded_lexicon_files_have_header_category_and_alternative(lexicon):
    from analysis.evaluate.loaded import CANDIDATES

    lex = load_lexicon("loaded") if lexicon == "shipped" else read_lexicon(CANDIDATES)
    assert lex.sources and lex.licence.startswith("CC0")
    assert "BABE" in lex.sources  # says BABE's lists were not used
    assert all(e.category in loaded.CATEGORIES for e in lex.entries)
    assert all(e.neutral and e.connotation for e in lex.entries)
    assert all(e.grade in ("", *loaded.GRADES) for e in lex.entries)


def test_loaded_candidate_pool_header_names_pattern_licence():
    from analysis.evaluate.loaded import CANDIDATES

    sources = read_lexicon(CANDIDATES).sources
    assert "Pattern" in sources and "PDDL" in sources


def test_loaded_unknown_context_rule_or_grade_rejected():
    with pytest.raises(ValueError, match="context rule"):
        loaded.check_entries([Entry("x", "emotive", context="no_such_rule")])
    with pytest.raises(ValueError, match="grade"):
        loaded.check_entries([Entry("x", "emotive", grade="mild")])


# --- senses: "woke", "lie", "destroy", "anti-" ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Joe woke up early.",
        "Nobody knows what lies ahead.",
        "The answer lies in the data.",
        "The fire destroyed 2,000 homes.",
        "Storms destroyed the bridge.",
        "She joined an anti-fascist march.",
        "The counter-terrorist unit arrived.",
    ],
)
def test_loaded_literal_senses_and_anti_compounds_not_loaded(text):
    assert loaded.find_matches(text) == ()


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("They oppose woke politics.", "woke"),
        ("He lied about the money.", "lied"),
        ("He told lies.", "lies"),
        ("The plan is destroying the party.", "destroying"),
        ("A fascist group marched.", "fascist"),
    ],
)
def test_loaded_charged_senses_still_loaded(text, word):
    assert [m.text for m in loaded.find_matches(text)] == [word]
