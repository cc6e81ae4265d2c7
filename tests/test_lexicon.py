"""Tests for analysis.text.lexicon: tokeniser, inflection, file format and matcher."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.measures import hedging, loaded
from analysis.text import lexicon
from analysis.text.cleaning import clean
from analysis.text.lexicon import (
    Entry,
    PhraseMatcher,
    adjective_forms,
    available_lexicons,
    expand_term,
    load_lexicon,
    noun_forms,
    tokenize,
    verb_forms,
)


def _found(matcher: PhraseMatcher, text: str, accept=None) -> list[str]:
    tokens = tokenize(text)
    return [text[tokens[m.first].start : tokens[m.last].end] for m in matcher.find(tokens, accept)]


def test_lexicon_tokenize_offsets_round_trip():
    text = "Mr. Hegseth couldn't say—he said “war-fighting”."
    tokens = tokenize(text)
    assert [t.text for t in tokens] == [
        "Mr", "Hegseth", "couldn't", "say", "he", "said", "war", "fighting"
    ]  # fmt: skip
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_lexicon_tokenize_splits_possessive():
    tokens = tokenize("communist China’s actions")
    assert [t.norm for t in tokens] == ["communist", "china", "'s", "actions"]
    assert tokens[2].text == "’s"


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("war room", True),
        ("war-room", True),
        ("war\u2011room", True),
        ("war, room", False),
        ("war. Room", False),
        ("war “room", False),
    ],
)
def test_lexicon_tokenize_joined_only_by_space_or_hyphen(text, joined):
    assert tokenize(text)[1].joined is joined


@pytest.mark.parametrize(
    ("verb", "forms"),
    [
        ("slam", {"slam", "slams", "slammed", "slamming"}),
        ("emphasize", {"emphasize", "emphasizes", "emphasized", "emphasizing"}),
        ("stress", {"stress", "stresses", "stressed", "stressing"}),
        ("vow", {"vow", "vows", "vowed", "vowing"}),
        ("admit", {"admit", "admits", "admitted", "admitting"}),
        ("bully", {"bully", "bullies", "bullied", "bullying"}),
        ("speak", {"speak", "speaks", "spoke", "spoken", "speaking"}),
    ],
)
def test_lexicon_verb_forms_include_inflections(verb, forms):
    assert forms <= verb_forms(verb)


def test_lexicon_verb_forms_do_not_double_w():
    assert "vowwed" not in verb_forms("vow")


@pytest.mark.parametrize(
    ("noun", "forms"),
    [("thug", {"thug", "thugs"}), ("crisis", {"crisis", "crises"}), ("mob", {"mob", "mobs"})],
)
def test_lexicon_noun_forms(noun, forms):
    assert noun_forms(noun) == forms


@pytest.mark.parametrize(
    ("adjective", "forms"),
    [
        ("stupid", {"stupid", "stupidly", "stupider", "stupidest"}),
        ("clumsy", {"clumsy", "clumsily", "clumsier", "clumsiest"}),
        ("pathetic", {"pathetic", "pathetically"}),
        ("terrible", {"terrible", "terribly"}),
        ("rude", {"rude", "rudely", "ruder", "rudest"}),
        ("grim", {"grim", "grimly", "grimmer", "grimmest"}),
        ("full", {"full", "fully"}),
        ("true", {"true", "truly"}),
    ],
)
def test_lexicon_adjective_forms_include_adverb_and_degrees(adjective, forms):
    assert forms <= adjective_forms(adjective)


def test_lexicon_adjective_forms_of_ly_adjective_are_degrees_only():
    # "ugly" already ends in -ly: no adverb "uglily" is made up.
    assert adjective_forms("ugly") == {"ugly", "uglier", "ugliest"}


def test_lexicon_expand_term_inflects_last_word_of_adjective_phrase():
    assert expand_term("self serving", "adj") >= {("self", "serving"), ("self", "servingly")}


def test_lexicon_expand_term_alternatives_and_optional_words():
    assert expand_term("(is|was) (widely|) believed") == {
        ("is", "widely", "believed"),
        ("is", "believed"),
        ("was", "widely", "believed"),
        ("was", "believed"),
    }


def test_lexicon_expand_term_inflects_first_word_of_verb_phrase():
    phrases = expand_term("lash out", "verb")
    assert {("lashed", "out"), ("lashes", "out"), ("lashing", "out")} <= phrases


def test_lexicon_expand_term_inflects_last_word_of_noun_phrase():
    assert expand_term("illegal alien", "noun") == {("illegal", "alien"), ("illegal", "aliens")}


def test_lexicon_expand_term_hyphen_is_two_words():
    assert expand_term("war-fighting") == {("war", "fighting")}


def test_lexicon_entry_headword_takes_first_alternative():
    assert Entry("(speak|talk) harshly", "manner").headword == "speak harshly"
    assert Entry("it is (|widely) believed", "weasel").headword == "it is widely believed"


def test_lexicon_matcher_prefers_longest_and_never_overlaps():
    m = PhraseMatcher(
        [Entry("significant move", "puffery"), Entry("in a significant move", "puffery")]
    )
    assert _found(m, "In a significant move, they left.") == ["In a significant move"]
    assert _found(m, "It was a significant move.") == ["significant move"]


def test_lexicon_matcher_phrase_does_not_cross_punctuation():
    m = PhraseMatcher([Entry("war room", "conflict")])
    assert _found(m, "a war room here") == ["war room"]
    assert _found(m, "the war. Room service") == []


def test_lexicon_matcher_case_and_inflection_insensitive():
    m = PhraseMatcher([Entry("slam", "attribution", "verb")])
    assert _found(m, "SLAMS, Slammed and slamming") == ["SLAMS", "Slammed", "slamming"]


def test_lexicon_matcher_accept_hook_can_reject_and_fall_back():
    m = PhraseMatcher([Entry("some", "hedge", context="x"), Entry("some", "weasel")])
    seen = []

    def accept(tokens, first, last, entry):
        seen.append(entry.category)
        return None if entry.category == "hedge" else "ok"

    tokens = tokenize("some say")
    (match,) = m.find(tokens, accept)
    assert match.entry.category == "weasel" and match.rule == "ok"
    assert seen == ["hedge", "weasel"]


def test_lexicon_matcher_repeated_word_input():
    m = PhraseMatcher([Entry("a a a b", "x"), Entry("a", "y")])
    text = " ".join(["a"] * 5000)
    matches = m.find(tokenize(text))
    assert len(matches) == 5000
    assert {x.entry.category for x in matches} == {"y"}


def test_lexicon_available_includes_shipped_lexicons():
    assert {"hedging", "loaded"} <= set(available_lexicons())


@pytest.mark.parametrize("name", ["hedging", "loaded"])
def test_lexicon_files_have_header_and_entries(name):
    lex = load_lexicon(name)
    assert lex.title and lex.sources and lex.licence
    assert lex.columns[0] == "term"
    assert len(lex.entries) > 50
    assert all(e.term and e.category for e in lex.entries)


def test_lexicon_unknown_name_raises_key_error():
    with pytest.raises(KeyError):
        load_lexicon("no-such-lexicon")


def test_lexicon_parse_reads_header_and_rows():
    lex = lexicon._parse(
        "demo",
        ["# title: Demo", "# licence: CC0", "term\tcategory\tpos", "slam\tattribution\tverb", ""],
    )
    assert lex.title == "Demo" and lex.licence == "CC0" and lex.sources == ""
    assert lex.entries == (Entry("slam", "attribution", "verb"),)
    assert lex.rows == (("slam", "attribution", "verb"),)


def test_lexicon_parse_keeps_extra_columns_in_rows():
    lex = lexicon._parse("demo", ["term\tcategory\tvalence", "harshly\tmanner\t-1.9", "x\ty"])
    assert lex.columns == ("term", "category", "valence")
    assert lex.rows == (("harshly", "manner", "-1.9"), ("x", "y", ""))
    assert lex.entries[0] == Entry("harshly", "manner")


@pytest.mark.parametrize(
    "lines",
    [
        ["# title: no columns", "slam\tattribution"],
        ["term\tcategory", "slam\tattribution\tverb\textra"],
    ],
)
def test_lexicon_parse_rejects_malformed_file(lines):
    with pytest.raises(ValueError):
        lexicon._parse("demo", lines)


_PIECES = st.sampled_from(
    [*"aAmMyY \u2019'-.,\n\r\u201c\u201d\"\u0301\u00e9\u00df\u05d0", "\U0001f642"]
    + ["May", "may ", "could not ", "slammed ", "war-", "about ", "50", "it is "]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_lexicon_matches_round_trip_and_never_overlap(text):
    for matches in (hedging.find_matches(text), loaded.find_matches(text)):
        previous_end = 0
        for m in matches:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.text
            assert m.start >= previous_end
            previous_end = m.end


@pytest.mark.parametrize("name", available_lexicons())
def test_lexicon_every_shipped_file_loads_with_sources_and_licence(name):
    lex = load_lexicon(name)
    assert lex.sources and lex.licence
    assert all(len(row) == len(lex.columns) for row in lex.rows)


SEED_000 = Path(__file__).resolve().parent.parent / "seeds" / "000_8c1bc84542067341.txt"


def _seed_texts() -> list[str]:
    paths = sorted(SEED_000.parent.glob("*.txt"))
    return [clean(p.read_text(encoding="utf-8")).text for p in paths]


def test_lexicon_matcher_on_seed_paragraph_hand_checked():
    paragraph = clean(SEED_000.read_text(encoding="utf-8")).text.split("\n")[1]
    assert paragraph.startswith("Part of the conversation focused on expediting a plan")
    tokens = tokenize(paragraph)

    def hits(name):
        found = lexicon.matcher(name).find(tokens)
        return [(m.first, m.last, m.entry.term, m.entry.category) for m in found]

    # "... exercises around Okinawa ...": the approximator "around", before any
    # context rule (which rejects it: no number follows); "strategically
    # significant" (token 53): an evaluative peacock candidate, which the
    # learned weight decides on later.
    found = hits("hedging")
    assert [(a, b, cat) for a, b, _, cat in found] == [(46, 46, "hedge"), (53, 53, "weasel")]
    assert found[0][2] == "around" and "significant" in found[1][2].split("|")
    # "a "war-fighting headquarters,"" (tokens 24-26: war, fighting,
    # headquarters) and "a territory China claims as its own" ("claims" is
    # token 63; the territorial context rule rejects it later).
    assert hits("loaded") == [
        (24, 26, "war-fighting headquarters", "conflict"),
        (63, 63, "claim", "attribution"),
    ]
    assert [tokens[i].text for i in (24, 25, 26, 46, 53, 63)] == [
        "war", "fighting", "headquarters", "around", "significant", "claims"
    ]  # fmt: skip


def _reference_find(m: PhraseMatcher, name: str, tokens) -> list[tuple[int, int, str]]:
    """The matcher's contract, written the slow way: at every position try every
    length, longest first, through the public ``lookup``."""
    longest = max(len(p) for e in load_lexicon(name).entries for p in expand_term(e.term, e.pos))
    return _reference_scan(m, tokens, longest)


def _reference_scan(m: PhraseMatcher, tokens, longest: int) -> list[tuple[int, int, str]]:
    """Every position, every length up to ``longest`` (longest first), through ``lookup``."""
    out, i = [], 0
    while i < len(tokens):
        for length in range(min(longest, len(tokens) - i), 0, -1):
            span = tokens[i : i + length]
            entry = m.lookup([t.norm for t in span])
            if entry is not None and all(t.joined for t in span[1:]):
                out.append((i, i + length - 1, entry.term))
                i += length
                break
        else:
            i += 1
    return out


@pytest.mark.parametrize("name", ["hedging", "loaded"])
def test_lexicon_matcher_equals_reference_scan_on_seeds(name):
    m = lexicon.matcher(name)
    total = 0
    for text in _seed_texts():
        tokens = tokenize(text)
        found = [(x.first, x.last, x.entry.term) for x in m.find(tokens)]
        assert found == _reference_find(m, name, tokens)
        total += len(found)
    assert total > 20


def test_lexicon_candidates_longest_first_within_joined_tokens():
    m = PhraseMatcher([Entry("war", "a"), Entry("war room", "b"), Entry("war room chief", "c")])
    tokens = tokenize("the war-room chief said")
    assert [(last, e.category) for last, e in m.candidates(tokens, 1)] == [
        (3, "c"), (2, "b"), (1, "a")
    ]  # fmt: skip
    assert [(last, e.category) for last, e in m.candidates(tokenize("the war, room"), 1)] == [
        (1, "a")
    ]
    assert list(m.candidates(tokens, 0)) == []


_SMALL = [Entry("war", "a"), Entry("war room", "b"), Entry("the war room chief", "c"),
          Entry("a chief", "d"), Entry("room chief said", "e")]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["war", "room", "chief", "said", "the", "a", ",", "-"]),
                max_size=14))
def test_lexicon_matcher_start_filter_equals_reference_scan(words):
    # find() visits only positions whose word is a one-word phrase or whose
    # two words begin a longer phrase: on text made of phrase pieces (a phrase
    # at the very end, "the" before a non-phrase word, pieces split by a
    # comma) it must find what trying every position finds.
    m = PhraseMatcher(_SMALL)
    tokens = tokenize(" ".join(words))
    found = [(x.first, x.last, x.entry.term) for x in m.find(tokens)]
    assert found == _reference_scan(m, tokens, 4)


def test_lexicon_matcher_one_word_phrase_at_the_end():
    m = PhraseMatcher(_SMALL)
    assert _found(m, "the chief said war") == ["war"]
    assert _found(m, "the war room chief") == ["the war room chief"]
    assert _found(m, "the war, room chief said") == ["war", "room chief said"]


def test_lexicon_matchers_in_turn_on_one_token_tuple():
    # The second matcher reuses the first one's token columns: both must
    # still find what each finds alone, and a list changed in place between
    # two calls is read afresh.
    text = "Officials said the war room chief would probably resign."
    tokens = tokenize(text)
    alone = {n: [(x.first, x.last) for x in lexicon.matcher(n).find(tokenize(text + " "))]
             for n in ("hedging", "loaded")}
    for name in ("hedging", "loaded", "hedging"):
        assert [(x.first, x.last) for x in lexicon.matcher(name).find(tokens)] == alone[name]
    m = PhraseMatcher(_SMALL)
    listed = list(tokenize("the war room chief"))
    assert _found(m, "the war room chief") == ["the war room chief"]
    assert [x.entry.term for x in m.find(listed)] == ["the war room chief"]
    listed[1:] = tokenize("a chief")
    assert [x.entry.term for x in m.find(listed)] == ["a chief"]
