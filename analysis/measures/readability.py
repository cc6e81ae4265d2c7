"""Readability of the cleaned body: textstat's formulas, guarded against nonsense.

The grade formulas (Flesch, Flesch-Kincaid, Gunning fog, SMOG, Coleman-Liau,
ARI, Dale-Chall and textstat's consensus grade) are textstat's, computed on
``doc.text`` from counts taken once (:mod:`analysis.measures.readability_counts`)
and equal to textstat's own figures to the last bit; Slant adds nothing. They
were made for passages of a few hundred words of ordinary prose, so they are
withheld (``None``) and the result marked unreliable when the text is:

* empty or under :data:`MIN_WORDS` words ("too short to measure"),
* without sentence punctuation, or with an average sentence longer than
  :data:`MAX_MEAN_SENTENCE_WORDS` words (pasted lists, transcripts, text that
  lost its full stops: textstat then gives a Flesch score of about -2000).

Sentence figures (mean and longest sentence, share over
:data:`LONG_SENTENCE_WORDS` words), the passive-voice shares (see
:mod:`analysis.measures.passive`) and the reading time are given whenever there is text,
since they describe the text as segmented rather than estimate a grade.
"""

from __future__ import annotations

import re

from analysis import messages
from analysis.measures import readability_counts as formulas
from analysis.measures.passive import summarise
from analysis.results.doc import Doc
from analysis.results.readability import WORDS_PER_MINUTE, ReadabilityResult
from analysis.text.segment import count_words

MIN_WORDS = 100
"""Fewer words than this and the formulas are not shown."""
MAX_MEAN_SENTENCE_WORDS = 60
"""A longer average sentence means the punctuation is missing, not that prose is hard."""
LONG_SENTENCE_WORDS = 30
"""Sentences over this many words count as long."""

REASON_EMPTY = messages.READABILITY_EMPTY
REASON_TOO_SHORT = messages.READABILITY_TOO_SHORT
REASON_NO_PUNCTUATION = messages.READABILITY_NO_PUNCTUATION
REASON_LONG_SENTENCES = messages.READABILITY_LONG_SENTENCES

REASON_FAILED = messages.READABILITY_FAILED

LIMITATIONS: tuple[str, ...] = (
    "Readability formulas only count sentence length and word length (letters or "
    "syllables); they do not know whether the ideas, the vocabulary or the order of the "
    "argument are hard. A short sentence full of jargon scores as easy.",
    f"They were made for passages of 100 words or more; under {MIN_WORDS} words they "
    "are not shown, because one long or short sentence would swing them by several grades.",
    "Grades are US school grades (grade 12 is the last year of secondary school). The "
    "formulas disagree by two or three grades on the same text; the consensus grade is "
    "textstat's most frequent estimate across them.",
    "Syllables are counted with the CMU Pronouncing Dictionary; names and new words are "
    "estimated by hyphenation rules and may be off by one.",
    "The passive-voice share uses a word-pattern rule (a form of 'be' or 'get' followed by "
    "a past participle), not a grammar parser: 'she was tired' counts as passive, and "
    "passives without 'be' ('the man arrested yesterday') are missed.",
    f"Reading time assumes {WORDS_PER_MINUTE} words per minute, an average adult's silent "
    "reading speed for non-fiction; students and readers of a second language read slower.",
)
"""Plain-language limits of the readability figures, for the dashboard."""

_SENTENCE_PUNCTUATION = re.compile(r"[.!?…。！？]")
# The formulas were made for English: below this share of Latin letters among
# all letters they are withheld (CJK text scored Flesch 121 and was "reliable").
MIN_LATIN_SHARE = 0.5


def unreliable_reason(
    text: str,
    words: int,
    mean_sentence_words: float | None,
    counts: formulas.Counts | None = None,
) -> str | None:
    """Why the grade formulas should not be shown for ``text``, or None.

    Args:
        text: The text.
        words: Its word count.
        mean_sentence_words: Mean words per sentence, if known.
        counts: The text's readability counts, when already taken.

    Returns:
        One of the ``REASON_*`` messages, filled in, or None.

    """
    if words == 0:
        return REASON_EMPTY
    if words < MIN_WORDS:
        return REASON_TOO_SHORT.format(words=words, min=MIN_WORDS)
    if not _SENTENCE_PUNCTUATION.search(text):
        return REASON_NO_PUNCTUATION
    counts = counts or formulas.count(text)
    if counts.alphabetic and counts.latin < MIN_LATIN_SHARE * counts.alphabetic:
        return messages.READABILITY_NOT_LATIN
    mean = mean_sentence_words if mean_sentence_words is not None else float(words)
    # textstat splits sentences its own way; trust the longer of the two averages.
    mean = max(mean, formulas.words_per_sentence(counts))
    if mean > MAX_MEAN_SENTENCE_WORDS:
        return REASON_LONG_SENTENCES.format(mean=mean, max=MAX_MEAN_SENTENCE_WORDS)
    return None


def analyse(doc: Doc) -> ReadabilityResult:
    """Readability figures for ``doc.text``.

    Args:
        doc: The cleaned article.

    Returns:
        The figures; the grade formulas are None when the text is too short or
        not punctuated (see ``reason``).

    """
    text = doc.text
    words = doc.word_count
    lengths = [count_words(text[s.start : s.end]) for s in doc.sentences]
    n = len(lengths)
    mean_len = sum(lengths) / n if n else None
    passive = summarise(text, doc.sentences)
    grades: dict[str, float | None] = dict.fromkeys(_GRADE_FIELDS)
    try:
        counts = formulas.count(text) if words else None
        reason = unreliable_reason(text, words, mean_len, counts)
        if reason is None and counts is not None:
            grades = _grades(counts)
    except Exception as exc:  # noqa: BLE001 - odd text must not sink the article
        reason = REASON_FAILED.format(error=type(exc).__name__)
        grades = dict.fromkeys(_GRADE_FIELDS)
    return ReadabilityResult(
        reliable=reason is None,
        reason=reason,
        words=words,
        sentences=n,
        **grades,
        mean_sentence_words=mean_len,
        longest_sentence_words=max(lengths) if lengths else None,
        long_sentence_share=(sum(x > LONG_SENTENCE_WORDS for x in lengths) / n) if n else None,
        passive_share=passive.passive_share,
        agentless_passive_share=passive.agentless_passive_share,
        passive_sentences=passive.sentences,
        passives=passive.verbs,
        reading_time=words / WORDS_PER_MINUTE * 60,
    )


_GRADE_FIELDS = (*formulas.FORMULAS, "text_standard")


def _grades(counts: formulas.Counts) -> dict[str, float | None]:
    """The grade figures, named as in :class:`ReadabilityResult`, equal to textstat's."""
    grades: dict[str, float | None] = {
        name: getattr(formulas, name)(counts) for name in formulas.FORMULAS
    }
    grades["text_standard"] = formulas.text_standard(counts)
    return grades
