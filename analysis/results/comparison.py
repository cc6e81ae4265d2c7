"""Result types of the cross-outlet comparison.

Plain frozen dataclasses only (no heavy imports here): :mod:`analysis.results.article`
imports :class:`Comparison` at start-up, and JSON is produced from these
objects by the generic dataclass-to-dict in :mod:`analysis.outputs.serialize`.
Every ``start``/``end`` pair indexes into the named article's ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Member:
    """One article's sentence (or sentences) in an aligned group.

    Args:
        article: The article id.
        start: Offset of the sentence's first character in the article's text.
        end: Offset one past its last character.
        text: ``article.text[start:end]``.
        sentence: Index of the sentence in the article's ``sentences``.
    """

    article: str
    start: int
    end: int
    text: str
    sentence: int = 0


@dataclass(frozen=True)
class Group:
    """Sentences from different outlets that report the same thing.

    Args:
        id: Position of the group in ``Comparison.groups`` (stable within one run).
        label: A short label taken from the group's text.
        members: The sentences, in article order then text order.
        reason: Why they were grouped, in words.
        quote: The shared direct quote that anchors the group, if any.
        score: The strongest content-word similarity inside the group (0 to 1).
        keywords: Content words the members share, most distinctive first.
        articles: Ids of the articles in the group, in story order.
    """

    id: int
    label: str
    members: tuple[Member, ...]
    reason: str
    quote: str = ""
    score: float = 0.0
    keywords: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Side:
    """One side of a contrast: an article's sentence(s) in a group."""

    article: str
    text: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Difference:
    """A word or phrase one side uses where the other does not.

    Args:
        a: The wording on side ``a`` ("" when side ``a`` has nothing in its place).
        b: The wording on side ``b``.
        kind: ``"attribution"`` (both are attribution verbs), ``"loaded"``
            (at least one is a loaded-lexicon hit) or ``"wording"``.
        a_category: Loaded-lexicon category of ``a`` ("attribution", "manner"
            ...), "" when it is not in the lexicon.
        a_neutral: The lexicon's neutral alternative to ``a``, if any.
        b_category: Same for ``b``.
        b_neutral: Same for ``b``.
    """

    a: str
    b: str
    kind: str
    a_category: str = ""
    a_neutral: str = ""
    b_category: str = ""
    b_neutral: str = ""


@dataclass(frozen=True)
class Contrast:
    """The words that differ between two outlets' versions in one group."""

    group: int
    a: Side
    b: Side
    differences: tuple[Difference, ...]


@dataclass(frozen=True)
class CoverageRow:
    """One fact (an aligned group, or a sentence only one outlet has).

    Args:
        label: A short label taken from the text.
        articles: Ids of the articles that report it, in story order.
        text: The representative sentence in full.
        group: The group id, or ``None`` for a single-outlet fact.
        positions: For each id in ``articles``, where the fact first appears,
            as a fraction of the article (0 = top, 1 = end).
        in_headline: Ids of the articles whose headline mentions it.
        in_first_paragraph: Ids of the articles whose first paragraph reports it.
        only_one: True when a single outlet reports it.
        most_omit: True when more than half of the outlets leave it out.
    """

    label: str
    articles: tuple[str, ...]
    text: str = ""
    group: int | None = None
    positions: tuple[float, ...] = ()
    in_headline: tuple[str, ...] = ()
    in_first_paragraph: tuple[str, ...] = ()
    only_one: bool = False
    most_omit: bool = False


@dataclass(frozen=True)
class Passage:
    """A run of words two articles share, located in each.

    Args:
        text: The passage as written in article ``a``.
        a_start: Its offset in ``a``'s text.
        a_end: One past its end in ``a``'s text.
        b_start: Its offset in ``b``'s text.
        b_end: One past its end in ``b``'s text.
        words: Its length in words.
        b_text: The passage as written in ``b`` (case and punctuation may differ).
    """

    text: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    words: int
    b_text: str = ""


@dataclass(frozen=True)
class Reuse:
    """How much of one article another one shares.

    Args:
        a: First article id.
        b: Second article id.
        score: Combined similarity, 0 to 1 (mean of ``shingles`` and ``aligned``).
        shingles: Jaccard overlap of the two articles' 5-word shingles.
        aligned: Share of the two articles' sentences that fall in a common group.
        shared: The longest passages they share word for word, longest first.
    """

    a: str
    b: str
    score: float
    shingles: float
    aligned: float
    shared: tuple[Passage, ...] = ()


@dataclass(frozen=True)
class Quote:
    """A direct quote with whoever said it and how it was introduced.

    Args:
        article: The article id.
        start: Offset of the quote (marks included) in the article's text.
        end: Offset one past it.
        text: The quote, marks included.
        speaker: Who is credited, "" when no one is named nearby.
        verb: The attribution verb or phrase ("said", "told reporters"), or "".
        verb_start: Offset of the verb in the text, -1 when none.
        verb_end: Offset one past the verb, -1 when none.
        group: The aligned group holding this quote's sentence, if any.
        actor: The story actor the speaker is ("Hegseth" for "Mr. Hegseth"), or "".
    """

    article: str
    start: int
    end: int
    text: str
    speaker: str = ""
    verb: str = ""
    verb_start: int = -1
    verb_end: int = -1
    group: int | None = None
    actor: str = ""


@dataclass(frozen=True)
class Sourcing:
    """One outlet's quoting and sourcing habits.

    Args:
        article: The article id.
        outlet: The outlet's name.
        quote_share: Share of the body's characters inside direct quotes (0 to 1).
        quotes: Number of direct quotes.
        named: Sentences whose claim is credited to a named source.
        anonymous: Sentences credited to an unnamed source ("officials said").
        unsourced: Sentences making a claim with no source given.
    """

    article: str
    outlet: str
    quote_share: float
    quotes: int
    named: int
    anonymous: int
    unsourced: int


@dataclass(frozen=True)
class WordHit:
    """A loaded word in a headline or lead."""

    start: int
    end: int
    text: str
    category: str = ""
    neutral: str = ""


@dataclass(frozen=True)
class Lead:
    """An article's headline and first paragraph, side by side with others.

    Args:
        article: The article id.
        outlet: The outlet's name.
        headline: The headline.
        lead: The first paragraph (offsets in ``lead_start``/``lead_end``).
        lead_start: Offset of the first paragraph in the text.
        lead_end: Offset one past it.
        sentiment: Mean sentiment of the lead's sentences (-1 to 1), or ``None``
            when sentiment was not analysed.
        headline_sentiment: Sentiment of the headline, or ``None`` when unavailable.
        loaded: Loaded words in the lead (offsets into the text).
        headline_loaded: Loaded words in the headline (offsets into the headline).
    """

    article: str
    outlet: str
    headline: str
    lead: str
    lead_start: int
    lead_end: int
    sentiment: float | None = None
    headline_sentiment: float | None = None
    loaded: tuple[WordHit, ...] = ()
    headline_loaded: tuple[WordHit, ...] = ()


@dataclass(frozen=True)
class Comparison:
    """Everything the comparison found across a story's articles.

    Args:
        articles: Ids of the compared articles, in story order.
        groups: Aligned groups of sentences.
        contrasts: Word-choice differences between pairs inside each group.
        coverage: Facts against outlets.
        reuse: Pairwise text reuse, highest score first.
        quotes: Direct quotes with speaker and verb.
        sourcing: Per-outlet quote share and sourcing counts.
        leads: Headlines and first paragraphs side by side.
        notes: Limitations met on this story, in words.
    """

    articles: tuple[str, ...] = ()
    groups: tuple[Group, ...] = ()
    contrasts: tuple[Contrast, ...] = ()
    coverage: tuple[CoverageRow, ...] = ()
    reuse: tuple[Reuse, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sourcing: tuple[Sourcing, ...] = ()
    leads: tuple[Lead, ...] = ()
    notes: tuple[str, ...] = ()
