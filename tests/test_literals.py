"""The prefilter of required strings (analysis/text/literals.py): exact, never a guess."""

from __future__ import annotations

import random
import re
import sys

import pytest

from analysis.text import cleaning, literals

sys.path.insert(0, "benchmarks")
from corpus import make_article  # noqa: E402


def test_literals_required_reads_words_from_a_pattern():
    assert literals.required(r"\byears of (dedicated )?(reporting|experience)\b") == {"years of "}
    assert literals.required(r"\b(has|have) (covered|reported on)\b") == {"covered", "reported on"}
    # Literals around an optional group multiply out; a set too large is split.
    assert literals.required(r"\.(com|org|co\.uk)\b") == {".com", ".org", ".co.uk"}
    # One necessary set per branch, joined.
    assert literals.required(r"\b(follow (him|her) on|can be reached at)\b") == {
        "follow ",
        "can be reached at",
    }


def test_literals_required_lowers_and_keeps_only_ascii():
    assert literals.required("Reporter", re.IGNORECASE) == {"reporter"}
    # "é" is no ASCII literal: it breaks the run ("caf" is too short to pick over "latte").
    assert literals.required("café latte") == {" latte"}


def test_literals_required_gives_none_when_nothing_is_required():
    assert literals.required(r"\w+") is None
    assert literals.required(r"(abc)?") is None
    assert literals.required(r"abc|\d+") is None  # one branch needs no literal
    assert literals.required("") is None


def test_literals_ascii_folds_are_every_non_ascii_match_of_an_ascii_letter():
    letter = re.compile("[a-z]", re.IGNORECASE)
    found = "".join(chr(c) for c in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(c)))
    assert found == literals.ASCII_FOLDS
    # str.lower makes no other non-ASCII character an ASCII letter.
    assert all(
        not any(ch.isascii() and ch.isalpha() for ch in chr(c).lower())
        for c in range(128, sys.maxunicode + 1)
        if chr(c) not in literals.ASCII_FOLDS
    )


def test_literals_fold_characters_switch_the_prefilter_off():
    cue = re.compile(r"\bspeciali[sz](es|ing) in\b", re.IGNORECASE)
    words = literals.required(cue.pattern, re.IGNORECASE)
    line = "She \u017fpeciali\u017fes in courts."  # long s: re folds it to "s"
    assert cue.search(line)
    assert literals.lowered(line) is None
    assert literals.may_match(words, literals.lowered(line))
    assert not literals.may_match(words, literals.lowered("She covers courts."))


def test_literals_union_needs_every_set():
    assert literals.union([frozenset({"a"}), frozenset({"b"})]) == {"a", "b"}
    assert literals.union([frozenset({"a"}), None]) is None


def _lines():
    rng = random.Random(15)
    lines = [line for n in range(60) for line in make_article(rng, n)["text"].split("\n")]
    bios = [
        "Jane Doe is an award-winning reporter who has covered politics for years.",
        "Follow her on X or email her at jane@example.com. She specializes in courts.",
        "Our team represents the experienced team at HEREOrlando.com, your go-to source.",
        "He is a staff writer; we cover the network, including radio.",
        "JANE DOE IS A SENIOR CORRESPONDENT WHO HAS REPORTED ON WARS FOR NEWS.CO.UK",
        "Jane \u017fpeciali\u017fes in courts and is a reporter.",
    ]
    alphabet = list("abcdeorst .,-'’") + ["com", "org", "reporter", "is a ", "has ", "\u212a"]
    odd = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) for _ in range(3000)]
    return lines + bios + odd


@pytest.fixture(scope="module")
def lines():
    return _lines()


def test_literals_prefilter_admits_every_line_each_bio_cue_matches(lines):
    _, heuristics = cleaning._config()
    matched = 0
    for line in lines:
        low = literals.lowered(line)
        for cue, words in zip(heuristics.bio_cues, heuristics.bio_words, strict=True):
            if cue.search(line):
                matched += 1
                assert literals.may_match(words, low), (cue.pattern, line)
                assert literals.may_match(heuristics.any_bio_word, low)
    assert matched > 20  # the check saw real matches, not only misses


def test_literals_every_bio_cue_has_a_prefilter():
    # A cue the parser cannot read would be run on every line: slower, so flagged here.
    _, heuristics = cleaning._config()
    assert None not in heuristics.bio_words
    assert heuristics.any_bio_word is not None
