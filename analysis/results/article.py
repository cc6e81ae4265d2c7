"""The result types: one immutable result per article, one per story.

The same objects feed the dashboard, the CLI and every export; JSON is their
:func:`analysis.outputs.serialize.to_dict` form (documented in ``docs/schema.md``).
"""

from __future__ import annotations

from dataclasses import dataclass

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
class Article:
    """Everything Slant knows about one article.

    Offsets in ``paragraphs``, ``sentences``, ``quotes`` and in every analyser
    result index into ``text``, the cleaned body.
    """

    id: str
    outlet: str
    kind: str
    byline: str
    evidence: str
    title: str
    standfirst: str
    text: str
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    quotes: tuple[Span, ...]
    word_count: int
    removed: tuple[Removed, ...]
    source: Source
    warnings: tuple[str, ...] = ()
    sentiment: SentimentResult | None = None
    hedging: HedgingResult | None = None
    loaded: LoadedResult | None = None
    readability: ReadabilityResult | None = None

    @property
    def sentence_count(self) -> int:
        """Sentences in the cleaned body."""
        return len(self.sentences)

    @property
    def removed_count(self) -> int:
        """Blocks of boilerplate the cleaner took out."""
        return len(self.removed)

    def doc(self, actors: tuple[Actor, ...] = ()) -> Doc:
        """The :class:`Doc` this article was analysed from."""
        return Doc(
            self.id,
            self.text,
            self.paragraphs,
            self.sentences,
            self.quotes,
            self.word_count,
            actors,
        )


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
    """

    title: str
    date: str = ""
    date_note: str = ""
    actors: tuple[Actor, ...] = ()
    source: str = ""


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
