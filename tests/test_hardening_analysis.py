"""Hostile or degenerate article text through the whole pipeline (issue 7, cases 5-8, 15).

Short texts, texts without punctuation, VADER's known IndexError inputs, a
1 MB line and pathological lexicon input. Speed is not asserted (see
``benchmarks/bench_hardening.py`` for the figures); these tests check that each
case finishes with sane, explained results and no exception.
"""

from __future__ import annotations

import dataclasses
import random

import pytest

from analysis import messages
from analysis.input.loading import RawArticle, read_upload
from analysis.measures import hedging, loaded, readability
from analysis.measures.sentiment import analyse as sentiment
from analysis.measures.vader_explain import MAX_WORDS_PER_CALL
from analysis.pipeline import analyse_raw, make_doc
from analysis.results.article import Article, FileError
from analysis.results.doc import Span

WORDS = (
    "the government said officials reportedly claimed that strong military ties could "
    "allegedly boost regional security and trade"
).split()


def _analyse(text: str, name: str = "a.txt") -> Article | FileError:
    (raw,), errors = read_upload(name, text.encode())
    assert errors == []
    return analyse_raw(raw)


# 5. Very short text --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "mean"),
    [
        ("Hello.", 1, 0.0),
        ("A test", 2, 0.0),
        ("Great news!", 2, 0.6588),  # VADER: "great" 3.1 with "!" emphasis
    ],
)
def test_hardening_short_text_sentiment_shown_readability_too_short(text, words, mean):
    article = _analyse(text)
    assert isinstance(article, Article)
    assert article.sentiment is not None
    # VADER's compound before Slant's calibration (SentenceSentiment.vader)
    vader = [s.vader for s in article.sentiment.sentences]
    assert sum(vader) / len(vader) == pytest.approx(mean, abs=1e-4)
    assert article.readability.reliable is False
    assert article.readability.reason.startswith("too short to measure")
    assert article.readability.words == words
    assert article.readability.flesch_reading_ease is None
    assert article.readability.flesch_kincaid_grade is None


# 6. No punctuation -----------------------------------------------------------------


def test_hardening_no_punctuation_readability_unreliable_no_absurd_figure():
    rng = random.Random(7)
    text = " ".join(rng.choice(WORDS) for _ in range(2000))
    article = _analyse(text)
    r = article.readability
    assert r.words == 2000
    assert r.reliable is False
    assert "no sentence punctuation" in r.reason
    grades = (
        r.flesch_reading_ease,
        r.flesch_kincaid_grade,
        r.gunning_fog,
        r.smog_index,
        r.coleman_liau_index,
        r.automated_readability_index,
        r.dale_chall_readability_score,
        r.text_standard,
    )
    assert grades == (None,) * 8


# 7. VADER's IndexError inputs --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "compound"),
    [
        ("no", -0.296),
        ("The answer was no", -0.296),
        ("No", -0.296),
        ("It was not no", 0.2235),
        ("kind of", 0.0),
        ("at least", 0.0),
        ("!!!", 0.0),
        ("?!?! ...", 0.0),
        ("😀", 0.3612),
        ("🔥🔥🔥", -0.7351),  # "fire" -1.4 three times: -4.2 / sqrt(4.2² + 15)
        ("\u200b", 0.0),
    ],
)
def test_hardening_vader_index_error_inputs_never_raise(text, compound):
    result = sentiment(make_doc(text))
    (sentence,) = result.sentences
    assert sentence.error is None
    assert sentence.vader == pytest.approx(compound, abs=1e-4)


@pytest.mark.parametrize(
    "text",
    [
        "Talks end without deal\nOfficials met on Tuesday to discuss the plan for the region.\n"
        "Asked whether a deal was close, the minister said no",
        "Talks end\nOfficials met on Tuesday.\nThey talked for hours.\nThe answer was no",
    ],
)
def test_hardening_text_ending_in_no_through_pipeline(text):
    article = _analyse(text)
    assert isinstance(article, Article)
    assert article.text.endswith("no")
    assert article.sentiment.sentences[-1].error is None


@pytest.mark.parametrize(
    "text",
    [
        "The answer was no",
        "Officials met on Tuesday to discuss the plan.\nAsked whether a deal was close, he said no",
        "Officials met on Tuesday to discuss the plan for the region, a spokesman said.\n"
        "Asked whether a deal was close, the minister, who had flown in, said no",
    ],
    ids=["one-line", "two-lines", "two-long-lines"],
)
def test_hardening_short_text_ending_in_no_is_analysed(text):
    assert isinstance(_analyse(text), Article)


# 8. A 1 MB single line ------------------------------------------------------------------


def test_hardening_megabyte_line_bounded_sentiment_calls():
    rng = random.Random(8)
    text = " ".join(rng.choice(WORDS) for _ in range(150_000))
    assert len(text) > 1_000_000
    # One sentence of a megabyte, built by hand: segmentation itself cuts
    # sentences at segment.PIECE_CHARS, so VADER's own bound is tested alone.
    plain = make_doc(text)
    doc = dataclasses.replace(plain, sentences=(Span(0, len(text), text),))
    (sentence,) = sentiment(doc).sentences
    # VADER is quadratic in sentence length, so the sentence is scored in
    # bounded parts; 150,000 words need at least 750 calls of 200 words.
    assert sentence.chunks >= 150_000 // MAX_WORDS_PER_CALL
    assert sentence.error is None


def test_hardening_long_line_whole_pipeline_finishes():
    rng = random.Random(9)
    text = " ".join(rng.choice(WORDS) + ("." if i % 25 == 24 else "") for i in range(20_000))
    article = _analyse(text)
    assert isinstance(article, Article)
    assert article.word_count == 20_000
    assert len(article.sentences) == 800
    assert article.readability.reliable is True


# 15. Lexicon matching on pathological input ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "hedges", "loaded_count"),
    [
        ("a " * 50_000, 50_000, 0, 0),
        ("a" * 50_000, 1, 0, 0),
        ("allegedly " * 20_000, 20_000, 20_000, 0),
        ("regime " * 20_000, 20_000, 0, 20_000),
        ("according to " * 10_000, 20_000, 0, 0),
    ],
    ids=["a-spaced", "a-run", "hedge-repeated", "loaded-repeated", "phrase-prefix-repeated"],
)
def test_hardening_lexicon_pathological_input(text, words, hedges, loaded_count):
    doc = make_doc(text.strip())
    assert doc.word_count == words
    h = hedging.analyse(doc)
    lo = loaded.analyse(doc)
    assert h.counts.hedge == hedges
    assert h.counts.booster == 0
    assert lo.count == loaded_count
    assert h.rates.hedge == pytest.approx(100.0 * hedges / words)
    assert lo.rate == pytest.approx(100.0 * loaded_count / words)
    for m in (*h.matches, *lo.matches):
        assert doc.text[m.start : m.end] == m.text


def test_hardening_punctuation_only_file_has_no_words():
    article = _analyse("... !!! ???")
    assert isinstance(article, Article)
    assert article.word_count == 0
    assert article.readability.reliable is False
    assert article.readability.reason == "no text to measure"


def test_hardening_no_body_after_cleaning_is_an_error():
    raw = RawArticle("x", "x.txt", "Leave a Reply\nYour email address will not be published.")
    result = analyse_raw(raw)
    assert result == FileError("x.txt", messages.NO_BODY)


# --- Issue 16, low items ---


def test_hardening_readability_cjk_text_not_marked_reliable():
    # 120 "words" of Chinese in 60 sentences scored Flesch 121 and "reliable".
    doc = make_doc("东京电视台报道，美国国防部长周日访问日本。" * 60)
    result = readability.analyse(doc)
    assert result.reliable is False
    assert result.reason == messages.READABILITY_NOT_LATIN
    assert result.flesch_reading_ease is None


def test_hardening_readability_english_with_some_cjk_names_still_measured():
    text = ("Officials in 東京 said on Monday that the plan would pass next week. " * 12).strip()
    result = readability.analyse(make_doc(text))
    assert result.reliable is True and result.flesch_reading_ease is not None


def test_hardening_sentiment_sentence_with_emoji_is_scored():
    doc = make_doc("The Statue of Liberty 🗽 stands proud and beautiful in New York.")
    (sentence,) = sentiment(doc).sentences
    assert sentence.error is None
    assert sentence.compound > 0
    # The emoji's span carries the valence of the word VADER read it as.
    emoji = next(w for w in sentence.explanation if w.text == "🗽")
    assert emoji.valence == 2.4 and emoji.rules == ("proper_name",)
