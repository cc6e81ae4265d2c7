"""From raw articles to analysed results: the one path every front end uses.

``load → clean → decide actors → segment → analysers → compare``. There are
two entry points, and both take a ``map``: :func:`analyse_story` (a whole
story, then its comparison) and :func:`analyse_stream` (articles one by one,
for tables too large to hold). ``map(fn, chunks)`` applies ``fn`` to each
chunk of work and yields the results in order; the built-in :func:`map` runs
in this process, :mod:`analysis.batch.engines` provide a process pool and Dask.
The CLI, the dashboard, the benchmarks and the engines all come through here,
so they all produce the same :class:`~analysis.results.article.Article`.

Every article is analysed inside its own error boundary: an analyser that
fails on one article makes that article a :class:`FileError` and the rest of
the story is still analysed.

Actors are decided once per story, on the cleaned text: the manifest's, else
the most mentioned names of the cleaned articles (:func:`decide_actors`), and
:attr:`~analysis.results.article.StoryInfo.actors_guessed` says which.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from analysis import messages
from analysis.batch.collection import batch_collection
from analysis.batch.maps import Mapper
from analysis.input.loading import MAX_FILE_BYTES, LoadedStory, RawArticle, load_paths
from analysis.registry import ANALYSERS, HEADLINE_ANALYSERS
from analysis.results.article import Article, FileError, Headline, Source, Story
from analysis.results.comparison import Comparison
from analysis.results.doc import Actor, Doc, Span
from analysis.text.cleaning import Cleaned, clean
from analysis.text.quotes import find_quotes
from analysis.text.segment import count_words, paragraphs, sentences
from analysis.text.tokens import tokenize  # wp-tokens

Timings = dict[str, float]
Progress = Callable[[int, int | None, str], None]
"""``progress(done, total, article_id)`` after each article (``total`` None for a stream)."""

CHUNK_SIZE = 16
"""Articles per task: large enough to amortise inter-process costs, small enough to balance."""
ACTOR_SAMPLE = 100
"""Articles read ahead to guess a streamed story's actors when no manifest names them."""
MAX_COMPARED_ARTICLES = 300
"""The most articles one comparison takes (the first ones, in story order).

The comparison of n articles costs more than n times one article's (see
``docs/scale.md``); beyond this many, every article is still analysed and
listed, and a note in the comparison says which articles it left out.
"""


@dataclass(frozen=True)
class Prepared:
    """A raw article and its cleaned text, cleaned early to guess the actors."""

    raw: RawArticle
    cleaned: Cleaned


Item = RawArticle | Prepared | FileError
"""One unit of work: a raw article, an already cleaned one, or a reading error."""


@contextmanager
def _stage(timings: Timings | None, name: str) -> Iterator[None]:
    # CPU seconds of this process: on a shared machine wall time also counts
    # the time other programs held the CPU, and stage figures would drift.
    if timings is None:
        yield
        return
    start = time.process_time()
    try:
        yield
    finally:
        timings[name] = timings.get(name, 0.0) + time.process_time() - start


def make_doc(
    text: str, id: str = "doc", actors: tuple[Actor, ...] = (), actors_guessed: bool = False
) -> Doc:
    """Segment already-clean text into a :class:`Doc`.

    Args:
        text: Clean body text, one paragraph per line.
        id: The document's id.
        actors: Actors for per-actor measures.
        actors_guessed: Whether ``actors`` were guessed rather than named.

    Returns:
        The document with paragraphs, sentences, quotes, word count and tokens.
    """
    paras = paragraphs(text)
    return Doc(
        id=id,
        text=text,
        paragraphs=paras,
        sentences=sentences(text, paras),
        quotes=find_quotes(text, paras),
        word_count=count_words(text),
        actors=actors,
        actors_guessed=actors_guessed,
        tokens=tokenize(text),
    )


def headline_doc(
    title: str,
    standfirst: str,
    id: str = "doc",
    actors: tuple[Actor, ...] = (),
    actors_guessed: bool = False,
) -> Doc:
    """The headline and standfirst as a :class:`Doc`, each line one sentence.

    A headline is read as one unit (it often has no full stop, or two
    clauses a segmenter would cut apart), so each line is one sentence span.

    Args:
        title: The headline ("" when there is none).
        standfirst: The standfirst ("" when there is none).
        id: The article's id.
        actors: The story's actors.
        actors_guessed: Whether they were guessed.

    Returns:
        The document; the headline, when there is one, starts at offset 0.
    """
    lines = [line for line in (title, standfirst) if line]
    text = "\n".join(lines)
    spans: list[Span] = []
    start = 0
    for line in lines:
        spans.append(Span(start, start + len(line), line))
        start += len(line) + 1
    paras = tuple(spans)
    return Doc(
        id=id,
        text=text,
        paragraphs=paras,
        sentences=paras,
        quotes=find_quotes(text, paras),
        word_count=count_words(text),
        actors=actors,
        actors_guessed=actors_guessed,
    )


def _run(doc: Doc, names: Iterable[str], timings: Timings | None) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for analyser in ANALYSERS:
        if analyser.name in names:
            with _stage(timings, analyser.label):
                results[analyser.name] = analyser(doc)
    return results


def analyse_headline(doc: Doc, timings: Timings | None = None) -> Headline:
    """Run the headline analysers (sentiment, hedging, loaded) on a headline doc."""
    return Headline(doc=doc, **_run(doc, HEADLINE_ANALYSERS, timings))


def decide_actors(
    named: tuple[Actor, ...], cleaned_texts: Iterable[str]
) -> tuple[tuple[Actor, ...], bool]:
    """The story's actors: the manifest's, else guessed from the cleaned texts.

    Args:
        named: The actors a manifest names (empty without one).
        cleaned_texts: The cleaned bodies to guess from (read only when guessing).

    Returns:
        The actors, and whether they were guessed.
    """
    if named:
        return named, False
    from analysis.text.actors import guess_actors

    return guess_actors(cleaned_texts), True


def prepare(item: Item) -> Item:
    """Clean a raw article ahead of analysis, inside its error boundary."""
    if not isinstance(item, RawArticle):
        return item
    try:
        return Prepared(item, clean(item.text))
    except Exception as exc:  # noqa: BLE001 - one bad article must not sink the story
        return _failure(item, exc)


def _failure(raw: RawArticle, exc: Exception) -> FileError:
    reason = f"{type(exc).__name__}: {exc}"
    return FileError(raw.file, messages.ANALYSIS_FAILED.format(reason=reason))


def analyse_item(
    item: Item,
    actors: tuple[Actor, ...] = (),
    actors_guessed: bool = False,
    timings: Timings | None = None,
) -> Article | FileError:
    """Clean (unless done), segment and analyse one article, never raising.

    Args:
        item: A raw or prepared article, or a reading error (passed through).
        actors: The story's actors.
        actors_guessed: Whether they were guessed.
        timings: If given, CPU seconds per stage are added to it.

    Returns:
        The analysed article, or the error that replaced it: nothing left
        after cleaning, or an analyser that failed (a bug, reported as such).
    """
    if isinstance(item, FileError):
        return item
    raw = item.raw if isinstance(item, Prepared) else item
    try:
        if isinstance(item, Prepared):
            cleaned = item.cleaned
        else:
            with _stage(timings, "cleaning"):
                cleaned = clean(raw.text)
        return _analyse(raw, cleaned, actors, actors_guessed, timings)
    except MemoryError:
        # Not this article's fault, and the process may be short of memory for
        # anything else: the caller (the CLI, the dashboard's worker) decides.
        raise
    except Exception as exc:  # noqa: BLE001 - reported per article, see docstring
        return _failure(raw, exc)


def _analyse(
    raw: RawArticle,
    cleaned: Cleaned,
    actors: tuple[Actor, ...],
    actors_guessed: bool,
    timings: Timings | None,
) -> Article | FileError:
    if not cleaned.text.strip():
        return FileError(raw.file, messages.NO_BODY)
    if raw.actors:  # a table row named its own actors: they are measured here
        actors, actors_guessed = raw.actors, False
    with _stage(timings, "segmentation"):
        doc = make_doc(cleaned.text, raw.id, actors, actors_guessed)
    title = raw.title or cleaned.title
    results = _run(doc, [a.name for a in ANALYSERS], timings)
    head_doc = headline_doc(title, cleaned.standfirst, raw.id, actors, actors_guessed)
    head = analyse_headline(head_doc, timings)
    return Article(
        id=raw.id,
        outlet=raw.outlet or raw.id,
        kind=raw.kind,
        byline=raw.byline or cleaned.byline,
        evidence=raw.evidence,
        title=title,
        standfirst=cleaned.standfirst,
        # The tokens served the analysers and are derived from the text: a
        # stored article keeps none (they were two thirds of its objects, each
        # scanned again by every full garbage collection while a story grows).
        doc=replace(doc, tokens=None),
        removed=cleaned.removed,
        source=Source(raw.file, raw.encoding, raw.url, raw.date),
        headline=head,
        warnings=raw.warnings,
        **results,
    )


def analyse_raw(
    raw: RawArticle, actors: tuple[Actor, ...] = (), timings: Timings | None = None
) -> Article | FileError:
    """Analyse one raw article with the given actors (see :func:`analyse_item`)."""
    return analyse_item(raw, actors, False, timings)


def analyse_chunk(
    items: Sequence[Item],
    actors: tuple[Actor, ...] = (),
    actors_guessed: bool = False,
    finish: Callable[[Article | FileError], Any] | None = None,
    timings: Timings | None = None,
) -> list[Any]:
    """Analyse a chunk of articles: the task every ``map`` runs.

    A pure top-level function of plain data, so any engine (a process pool,
    Dask, Spark's ``mapInPandas``) can run it.

    Args:
        items: Raw or prepared articles, or errors.
        actors: The story's actors.
        actors_guessed: Whether they were guessed.
        finish: Applied to each result in the worker (e.g. serialising it, so
            only a string crosses back to the parent); default: none.
        timings: If given, CPU seconds per stage are added to it (in this process
            only: a worker's copy is not sent back).

    Returns:
        One result (or ``finish(result)``) per item, in order.
    """
    out = []
    for item in items:
        result = analyse_item(item, actors, actors_guessed, timings)
        out.append(finish(result) if finish is not None else result)
    return out


def chunked(items: Iterable[Any], size: int = CHUNK_SIZE) -> Iterator[list[Any]]:
    """Cut ``items`` into lists of ``size`` (the last may be shorter)."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def analyse_story(
    loaded: LoadedStory,
    compare: bool = True,
    map: Mapper = map,  # noqa: A002 - the parameter is a map function by design
    timings: Timings | None = None,
    progress: Progress | None = None,
) -> Story:
    """Analyse every article of a loaded story and compare them.

    Args:
        loaded: The raw story from :func:`analysis.input.loading.load_paths` or uploads.
        compare: Run the cross-article comparison.
        map: How chunks are mapped (the built-in ``map``: in this process).
        timings: If given, CPU seconds per stage are added to it (in-process stages only).
        progress: Called after each article as ``progress(done, total, article_id)``.

    Returns:
        The analysed story; articles that failed are listed in ``errors``.
    """
    items: list[Item] = list(loaded.articles)
    named = loaded.info.actors
    if not named:
        with _stage(timings, "cleaning"):
            items = [prepare(item) for item in items]
    actors, guessed = decide_actors(named, _cleaned_texts(items))
    info = replace(loaded.info, actors=actors, actors_guessed=guessed)
    task = partial(analyse_chunk, actors=actors, actors_guessed=guessed)
    articles: list[Article] = []
    errors: list[FileError] = list(loaded.errors)
    if timings is not None:
        task = partial(task, timings=timings)
    done = 0
    for results in map(task, chunked(items)):
        for result in results:
            (errors if isinstance(result, FileError) else articles).append(result)
            if progress is not None:
                progress(done + 1, len(items), _item_id(items[done]))
            done += 1
    comparison = None
    if compare and len(articles) >= 2:
        with _stage(timings, "comparison"):
            comparison = compare_articles(articles, actors)
    return Story(info, tuple(articles), comparison, tuple(errors))


def _item_id(item: Item) -> str:
    if isinstance(item, FileError):
        return item.file
    return item.raw.id if isinstance(item, Prepared) else item.id


def _cleaned_texts(items: Iterable[Item]) -> Iterator[str]:
    return (item.cleaned.text for item in items if isinstance(item, Prepared))


def compare_articles(articles: Sequence[Article], actors: tuple[Actor, ...]) -> Comparison:
    """Compare at most :data:`MAX_COMPARED_ARTICLES` articles, noting what was left out."""
    # Imported on first use: the comparison needs numpy and scipy, which a
    # command that does not compare (``--format csv``, one article) never pays for.
    from analysis.compare import compare

    kept = list(articles[:MAX_COMPARED_ARTICLES])
    comparison = compare(kept, actors)
    if len(articles) > len(kept):
        note = messages.COMPARISON_CAPPED.format(
            limit=MAX_COMPARED_ARTICLES,
            left=len(articles) - len(kept),
            first=articles[len(kept)].id,
            last=articles[-1].id,
        )
        comparison = replace(comparison, notes=(note, *comparison.notes))
    return comparison


def analyse_stream(
    items: Iterable[Item],
    named: tuple[Actor, ...] = (),
    map: Mapper = map,  # noqa: A002 - the parameter is a map function by design
    finish: Callable[[Article | FileError], Any] | None = None,
    sample: int = ACTOR_SAMPLE,
    progress: Progress | None = None,
) -> Iterator[Any]:
    """Analyse articles as they are read, yielding each result in input order.

    Only a bounded number of chunks is ever in memory, so 100,000 articles
    take the memory of a few dozen. Without named actors they are guessed
    from the cleaned text of the first ``sample`` articles (for a story
    shorter than that, the same guess :func:`analyse_story` makes).

    Args:
        items: Raw articles or reading errors, in order.
        named: The actors a manifest names.
        map: How chunks are mapped.
        finish: Applied to each result in the worker (see :func:`analyse_chunk`).
        sample: Articles read ahead to guess the actors.
        progress: Called after each article as ``progress(done, None, "")``.

    Yields:
        ``finish(result)`` (or the result) for each item.
    """
    stream: Iterator[Item] = iter(items)
    actors, guessed = named, False
    if not named:
        head = [prepare(item) for item in itertools.islice(stream, sample)]
        actors, guessed = decide_actors(named, _cleaned_texts(head))
        stream = itertools.chain(head, stream)
    task = partial(analyse_chunk, actors=actors, actors_guessed=guessed, finish=finish)
    done = 0
    # A batch run: every lazy table loaded first, then frozen, and the
    # collector looks less often (see analysis.batch.collection).
    warm_up()
    with batch_collection():
        for results in map(task, chunked(stream)):
            for result in results:
                done += 1
                if progress is not None:
                    progress(done, None, "")
                yield result


WARM_UP_TEXT = (
    "Officials said on Monday that the plan would probably be approved. "
    "Critics called it a reckless and shameful gamble, Hegseth said."
)
"""Touches every lazy table: "Hegseth" is not in the CMU dictionary, so the
hyphenation dictionary (readability's fallback) is loaded too."""


def warm_up() -> None:
    """Load every analyser's lazy data (lexicons, dictionaries) in this process.

    Worker processes are forked from this one, so they start with the data
    already in memory instead of each loading it again (about a second each).
    """
    analyse_raw(RawArticle(id="warm-up", file="warm-up", text=WARM_UP_TEXT))


def analysis_key(loaded: LoadedStory) -> str:
    """A cache key for the analysis of ``loaded``: what the analysis reads, no names.

    Outlets, kinds, bylines and evidence are metadata the analysis never
    reads, so renaming an outlet keeps the key (and the cached analysis; apply
    the new names with :meth:`~analysis.results.article.Story.with_outlets`).

    Args:
        loaded: The raw story.

    Returns:
        A hex digest.
    """
    parts = [
        [loaded.info.title, [[a.name, list(a.aliases)] for a in loaded.info.actors]],
        [[r.id, r.file, r.text, r.title, r.encoding, r.url, r.date] for r in loaded.articles],
        [[e.file, e.message, e.line] for e in loaded.errors],
    ]
    data = json.dumps(parts, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def analyze_paths(
    paths: Sequence[Path | str],
    compare: bool = True,
    max_bytes: int = MAX_FILE_BYTES,
    timings: Timings | None = None,
    map: Mapper = map,  # noqa: A002 - the parameter is a map function by design
) -> Story:
    """Load and analyse a story from folders and files.

    Args:
        paths: Folders and files (.txt, .md, .html, .csv, .jsonl).
        compare: Run the cross-article comparison.
        max_bytes: Size limit for one article file.
        timings: If given, CPU seconds per stage are added to it.
        map: How chunks are mapped.

    Returns:
        The analysed story.
    """
    with _stage(timings, "loading"):
        loaded = load_paths([Path(p) for p in paths], max_bytes)
    return analyse_story(loaded, compare=compare, map=map, timings=timings)
