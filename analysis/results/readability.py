"""Result types of the readability analyser (:mod:`analysis.measures.readability`).

Types only: this module imports nothing else of the project but other result
types, so reading results never loads textstat or the CMU table.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.results.doc import Span

WORDS_PER_MINUTE = 238
"""Silent reading speed for non-fiction (Brysbaert 2019, mean of 190 studies)."""


@dataclass(frozen=True)
class PassiveVerb:
    """One passive verb group.

    Args:
        start: Offset of the auxiliary (the *be*/*get* form).
        end: Offset one past the participle.
        text: ``text[start:end]``.
        agent: True when a "by"-agent follows ("approved by parliament").
        reduced: True for a reduced relative clause, a participle with no
            *be*/*get* form ("the plan announced by the mayor"); ``start`` is
            then the participle's own start.

    """

    start: int
    end: int
    text: str
    agent: bool
    reduced: bool = False


@dataclass(frozen=True)
class PassiveSummary:
    """Passive voice over a set of sentences.

    Args:
        passive_share: Share of sentences with at least one passive verb
            group (None if there are no sentences).
        agentless_passive_share: Share of sentences with at least one
            passive whose doer is not named.
        sentences: The passive sentences, as spans into the text.
        verbs: Every passive verb group found, in text order.

    """

    passive_share: float | None
    agentless_passive_share: float | None
    sentences: tuple[Span, ...]
    verbs: tuple[PassiveVerb, ...]


@dataclass(frozen=True)
class ReadabilityResult:
    """Readability of one article.

    Args:
        reliable: Whether the grade formulas are meaningful for this text.
        reason: Why not, in words a reader understands; None when reliable.
        words: Words in the text (:func:`analysis.text.segment.count_words`).
        sentences: Sentences in ``doc.sentences``.
        flesch_reading_ease: 0-100, higher is easier (None when unreliable).
        flesch_kincaid_grade: US school grade.
        gunning_fog: US school grade.
        smog_index: US school grade.
        coleman_liau_index: US school grade.
        automated_readability_index: US school grade.
        dale_chall_readability_score: 4.9 or less: grade 4; 9.0-9.9: college.
        text_standard: textstat's consensus grade.
        mean_sentence_words: Mean words per sentence (None without sentences).
        longest_sentence_words: Words in the longest sentence.
        long_sentence_share: Share of sentences over 30 words.
        passive_share: Share of sentences with a passive verb group.
        agentless_passive_share: Share of sentences with a passive that does
            not name its doer.
        passive_sentences: The passive sentences.
        passives: The passive verb groups.
        reading_time: Seconds to read at :data:`WORDS_PER_MINUTE`.
        words_per_minute: The reading speed assumed.

    """

    reliable: bool
    reason: str | None
    words: int
    sentences: int
    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    gunning_fog: float | None
    smog_index: float | None
    coleman_liau_index: float | None
    automated_readability_index: float | None
    dale_chall_readability_score: float | None
    text_standard: float | None
    mean_sentence_words: float | None
    longest_sentence_words: int | None
    long_sentence_share: float | None
    passive_share: float | None
    agentless_passive_share: float | None
    passive_sentences: tuple[Span, ...]
    passives: tuple[PassiveVerb, ...]
    reading_time: float
    words_per_minute: int = WORDS_PER_MINUTE
