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
class Link:
    """Why two sentences of a group were linked: structured, no names in it.

    Args:
        a: The first article's id.
        b: The second article's id.
        a_sentence: Index of the sentence in ``a``'s ``sentences``.
        b_sentence: Index of the sentence in ``b``'s ``sentences``.
        score: The learned pair score (0 to 1: how likely the two report one
            fact; 1.0 for the same content words), see docs/compare.md.
        anchor: True when the two sentences quote the same words (>= 4 words).
        shared: Content words the two sentences share, most distinctive first.
        distinctive: Those of ``shared`` no other sentence of either article uses.
        quote: The longest run of quoted words they share, as written, or "".
        cosine: The cosine of their content words (one of the score's features).
        evidence: The features that set the score, as ``(feature, push)``:
            the push on the log-odds against a typical candidate pair, largest
            first (feature names as in ``analysis.compare.scorer.FEATURES``).
    """

    a: str
    b: str
    a_sentence: int
    b_sentence: int
    score: float
    anchor: bool = False
    shared: tuple[str, ...] = ()
    distinctive: tuple[str, ...] = ()
    quote: str = ""
    cosine: float = 0.0
    evidence: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class Group:
    """Sentences from different outlets that report the same thing.

    Args:
        id: Position of the group in ``Comparison.groups`` (stable within one run).
        label: A short fact label from the group's distinctive words.
        members: The sentences, in article order then text order.
        links: Why they were grouped: the strongest links, quote anchors first.
        more_links: How many further links the group has beyond ``links``.
        quote: The shared direct quote that anchors the group, if any.
        score: The strongest pair score inside the group (0 to 1).
        keywords: Content words the members share, most distinctive first.
        articles: Ids of the articles in the group, in story order.
    """

    id: int
    label: str
    members: tuple[Member, ...]
    links: tuple[Link, ...] = ()
    more_links: int = 0
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
        kind: ``"attribution"`` (both are verbs of saying), ``"quote"`` (the
            same statement quoted in different words, or quoted by one side
            and paraphrased by the other), ``"loaded"`` (a loaded-lexicon hit
            against a comparable phrase, or alone) or ``"wording"`` (two
            plain single words in the same place).
        a_category: Loaded-lexicon category of ``a`` ("attribution", "manner"
            ...), "" when it is not in the lexicon.
        a_neutral: The lexicon's neutral alternative to ``a``, if any.
        b_category: Same for ``b``.
        b_neutral: Same for ``b``.
        a_start: Offset of ``a`` in side ``a``'s article text (-1 when ``a`` is "").
        a_end: One past its end (-1 when ``a`` is "").
        b_start: Offset of ``b`` in side ``b``'s article text (-1 when ``b`` is "").
        b_end: One past its end (-1 when ``b`` is "").
    """

    a: str
    b: str
    kind: str
    a_category: str = ""
    a_neutral: str = ""
    b_category: str = ""
    b_neutral: str = ""
    a_start: int = -1
    a_end: int = -1
    b_start: int = -1
    b_end: int = -1


@dataclass(frozen=True)
class Pair:
    """Another pair of outlets whose versions show the same differences."""

    group: int
    a: str
    b: str


@dataclass(frozen=True)
class Contrast:
    """The words that differ between two outlets' versions in one group.

    Args:
        group: The group id.
        a: Side ``a`` (the earlier article in story order).
        b: Side ``b``.
        differences: The differences, most telling first.
        weight: How telling the contrast is (see ``analysis.compare.rank``);
            ``Comparison.contrasts`` is sorted by it.
        also: Other pairs of outlets whose versions differ in the same words
            (the same contrast is listed once).
    """

    group: int
    a: Side
    b: Side
    differences: tuple[Difference, ...]
    weight: int = 0
    also: tuple[Pair, ...] = ()


@dataclass(frozen=True)
class CoverageRow:
    """One fact: an aligned group, or a sentence only one outlet has.

    Args:
        label: A short label a student can read, from the fact's distinctive words.
        articles: Ids of the articles that report it, in story order.
        text: The representative sentence in full.
        group: The group id, or ``None`` for a single-outlet fact.
        positions: For each id in ``articles``, where the fact first appears,
            as a fraction of the article (0 = top, 1 = end).
        where: For each id in ``articles``, ``"headline"``, ``"lead"`` (first
            paragraph) or ``"later"``.
        in_headline: Ids of the articles whose headline mentions it.
        in_first_paragraph: Ids of the articles whose first paragraph reports it.
        only_one: True when a single outlet reports it.
        most_omit: True when more than half of the outlets leave it out.
        keywords: The words the label was made from.
    """

    label: str
    articles: tuple[str, ...]
    text: str = ""
    group: int | None = None
    positions: tuple[float, ...] = ()
    where: tuple[str, ...] = ()
    in_headline: tuple[str, ...] = ()
    in_first_paragraph: tuple[str, ...] = ()
    only_one: bool = False
    most_omit: bool = False
    keywords: tuple[str, ...] = ()


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
    """How much two articles share: copied wording and common facts, apart.

    Args:
        a: First article id.
        b: Second article id.
        copying: Share of the shorter article's 5-word runs that the other
            also contains (0 to 1): word-for-word copying.
        common_facts: Share of the two articles' sentences that sit in an
            aligned group with a sentence of the other (0 to 1): the same
            facts, in any words.
        close: Share of those aligned sentence pairs that are close
            paraphrases (pair score >= 0.5).
        verdict: ``"copy"``, ``"likely rewrite"`` (copying or close
            paraphrase supports it) or ``""`` (nothing beyond common facts).
        earlier: The id of the article dated earlier, "" when the dates do
            not tell.
        shared: The longest passages they share word for word, longest first.
    """

    a: str
    b: str
    copying: float
    common_facts: float
    close: float = 0.0
    verdict: str = ""
    earlier: str = ""
    shared: tuple[Passage, ...] = ()


@dataclass(frozen=True)
class Quote:
    """A direct quote with whoever said it and how it was introduced.

    Args:
        article: The article id.
        start: Offset of the quote (marks included) in the article's text.
        end: Offset one past it.
        text: The quote, marks included.
        speaker: Who is credited, "" when no one is named nearby (or a
            pronoun could not be resolved: see ``unresolved``).
        role: The speaker's title or role as written ("Chamber of Commerce
            president"), or "".
        verb: The attribution verb or phrase ("said", "told reporters"), or "".
        verb_start: Offset of the verb in the text, -1 when none.
        verb_end: Offset one past the verb, -1 when none.
        group: The aligned group holding this quote's sentence, if any.
        actor: The story actor the speaker is ("Hegseth" for "Mr. Hegseth"), or "".
        unresolved: A pronoun ("He added") whose speaker is not certain.
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
    role: str = ""
    unresolved: str = ""


@dataclass(frozen=True)
class Sourcing:
    """One outlet's quoting and sourcing habits.

    Args:
        article: The article id.
        quote_share: Share of the body's characters inside direct quotes (0 to 1).
        quotes: Number of direct quotes.
        named: Sentences whose claim is credited to a named source.
        anonymous: Sentences with an anonymous-source match of the hedging
            analyser (``article.hedging``), the one sourcing detector.
        unsourced: Sentences making a claim with no source given.
    """

    article: str
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

    ``contrasts`` are ranked, most telling first (``analysis.compare.rank``).
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
