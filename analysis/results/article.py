"""The result types: one immutable result per article, one per story.

The same objects feed the dashboard, the CLI and every export; JSON is their
:func:`analysis.outputs.serialize.to_dict` form (documented in ``docs/schema.md``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from analysis.results.comparison import Comparison
from analysis.results.doc import Actor, Doc, Removed, Span
from analysis.results.hedging import HedgingResult
from analysis.results.loaded import LoadedResult
from analysis.results.readability import ReadabilityResult
from analysis.results.sentiment import SentimentResult


@dataclass(frozen=True)
class Source:
    """Where an article came from.

    Args:
        file: The file name, with ``:line N`` for a row of a CSV or JSONL file.
        encoding: The detected encoding ("utf-8", "cp1252", ...).
        url: The article's address, if the input gave one.
        date: The publication date, if the input gave one.
    """

    file: str
    encoding: str = "utf-8"
    url: str = ""
    date: str = ""


@dataclass(frozen=True)
class Headline:
    """An article's headline and standfirst, analysed like its body.

    The headline is the first paragraph of ``doc`` and the standfirst (when
    there is one) the second; each is one sentence span, because a headline
    is read as one unit. Offsets in the results index into ``doc.text``.

    Args:
        doc: The headline and standfirst as a :class:`Doc`.
        sentiment: VADER over the headline and standfirst.
        hedging: Hedges, boosters and weasel words in them.
        loaded: Loaded words in them.
    """

    doc: Doc
    sentiment: SentimentResult
    hedging: HedgingResult
    loaded: LoadedResult

    @property
    def text(self) -> str:
        """The headline and standfirst, one per line."""
        return self.doc.text

    @property
    def title(self) -> Span | None:
        """The headline's span, or None when the article has none."""
        return self.doc.paragraphs[0] if self.doc.paragraphs else None

    @property
    def loaded_count(self) -> int:
        """Loaded words in the headline and standfirst (outside their quotes)."""
        return self.loaded.count


@dataclass(frozen=True)
class Article:
    """Everything Slant knows about one article.

    Metadata (``outlet``, ``kind``, ``byline``, ``evidence``) is what the
    input says about the article; nothing in the analysis depends on it, so
    a story can be renamed without re-analysis (:meth:`Story.with_outlets`).
    Offsets in every analyser result index into ``doc.text``, the cleaned body.
    """

    id: str
    outlet: str
    kind: str
    byline: str
    evidence: str
    title: str
    standfirst: str
    doc: Doc
    removed: tuple[Removed, ...]
    source: Source
    sentiment: SentimentResult
    hedging: HedgingResult
    loaded: LoadedResult
    readability: ReadabilityResult
    headline: Headline
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The cleaned body."""
        return self.doc.text

    @property
    def paragraphs(self) -> tuple[Span, ...]:
        """Paragraph spans into :attr:`text`."""
        return self.doc.paragraphs

    @property
    def sentences(self) -> tuple[Span, ...]:
        """Sentence spans into :attr:`text`."""
        return self.doc.sentences

    @property
    def quotes(self) -> tuple[Span, ...]:
        """Direct-quote spans into :attr:`text`."""
        return self.doc.quotes

    @property
    def word_count(self) -> int:
        """Words in the cleaned body."""
        return self.doc.word_count

    @property
    def sentence_count(self) -> int:
        """Sentences in the cleaned body."""
        return len(self.doc.sentences)

    @property
    def removed_count(self) -> int:
        """Blocks of boilerplate the cleaner took out."""
        return len(self.removed)

    @property
    def headline_loaded_count(self) -> int:
        """Loaded words in the headline and standfirst."""
        return self.headline.loaded.count


@dataclass(frozen=True)
class FileError:
    """A file, or a row of a table, that could not be analysed.

    Args:
        file: The file name as the user gave it.
        message: What went wrong and what to do (from :mod:`analysis.messages`).
        line: The line number, for a row of a CSV or JSONL file.
    """

    file: str
    message: str
    line: int | None = None


@dataclass(frozen=True)
class StoryInfo:
    """Story-level facts, from the manifest when there is one.

    Args:
        title: The story's title (the folder name without a manifest).
        date: When it happened, as precisely as the sources show.
        date_note: What the date rests on.
        actors: Who the story is about, with aliases.
        source: The path or upload the story was read from.
        actors_guessed: True when no manifest named the actors and they were
            guessed from the cleaned articles' capitalised names.
    """

    title: str
    date: str = ""
    date_note: str = ""
    actors: tuple[Actor, ...] = ()
    source: str = ""
    actors_guessed: bool = False


@dataclass(frozen=True)
class Story:
    """A story: its articles, their comparison, and what could not be read."""

    story: StoryInfo
    articles: tuple[Article, ...]
    comparison: Comparison | None = None
    errors: tuple[FileError, ...] = ()

    def article(self, article_id: str) -> Article:
        """The article with id ``article_id``."""
        return next(a for a in self.articles if a.id == article_id)

    def with_outlets(self, outlets: Mapping[str, str]) -> Story:
        """The same story with some outlets renamed; nothing is re-analysed.

        Outlet names are metadata: the analysis never reads them, so renaming
        replaces the name wherever a result carries it and keeps every figure.

        Args:
            outlets: Article id to its new outlet name; ids not given keep theirs.

        Returns:
            The renamed story.
        """

        def name(article_id: str, old: str) -> str:
            return outlets.get(article_id, old)

        articles = tuple(replace(a, outlet=name(a.id, a.outlet)) for a in self.articles)
        comparison = self.comparison
        if comparison is not None:
            comparison = replace(
                comparison,
                leads=tuple(replace(x, outlet=name(x.article, x.outlet)) for x in comparison.leads),
            )
        return replace(self, articles=articles, comparison=comparison)
