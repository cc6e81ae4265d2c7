"""From raw articles to analysed results: the one path every front end uses.

``load → clean → segment → analysers → compare``. The CLI, the dashboard, the
benchmarks and the Dask engine all call these functions, so they all produce
the same :class:`~analysis.results.article.Article` and :class:`~analysis.results.article.Story`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from analysis import messages
from analysis.input.loading import MAX_FILE_BYTES, LoadedStory, RawArticle, load_paths
from analysis.registry import ANALYSERS
from analysis.results.article import Article, FileError, Source, Story
from analysis.results.doc import Actor, Doc
from analysis.text.cleaning import clean
from analysis.text.quotes import find_quotes
from analysis.text.segment import count_words, paragraphs, sentences
from analysis.text.tokens import tokenize  # wp-tokens

Timings = dict[str, float]


@contextmanager
def _stage(timings: Timings | None, name: str) -> Iterator[None]:
    if timings is None:
        yield
        return
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - start


def make_doc(text: str, id: str = "doc", actors: tuple[Actor, ...] = ()) -> Doc:
    """Segment already-clean text into a :class:`Doc`.

    Args:
        text: Clean body text, one paragraph per line.
        id: The document's id.
        actors: Actors for per-actor measures.

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
        tokens=tokenize(text),  # wp-tokens: tokens once, on the Doc
    )


def analyse_raw(
    raw: RawArticle,
    actors: tuple[Actor, ...] = (),
    timings: Timings | None = None,
    analysers: Sequence[str] | None = None,
) -> Article | FileError:
    """Clean, segment and analyse one raw article.

    Args:
        raw: The article as read.
        actors: The story's actors.
        timings: If given, seconds per stage are added to it.
        analysers: Names of the analysers to run (default: all).

    Returns:
        The analysed article, or an error when nothing was left to analyse.
    """
    with _stage(timings, "cleaning"):
        cleaned = clean(raw.text)
    if not cleaned.text.strip():
        return FileError(raw.file, messages.NO_BODY)
    with _stage(timings, "segmentation"):
        doc = make_doc(cleaned.text, raw.id, actors)
    results = {}
    for analyser in ANALYSERS:
        if analysers is None or analyser.name in analysers:
            with _stage(timings, analyser.label):
                results[analyser.name] = analyser(doc)
    return Article(
        id=raw.id,
        outlet=raw.outlet or raw.id,
        kind=raw.kind,
        byline=raw.byline or cleaned.byline,
        evidence=raw.evidence,
        title=raw.title or cleaned.title,
        standfirst=cleaned.standfirst,
        text=doc.text,
        paragraphs=doc.paragraphs,
        sentences=doc.sentences,
        quotes=doc.quotes,
        word_count=doc.word_count,
        removed=cleaned.removed,
        source=Source(raw.file, raw.encoding, raw.url, raw.date),
        warnings=raw.warnings,
        **results,
    )


def story_actors(loaded: LoadedStory) -> tuple[Actor, ...]:
    """The manifest's actors, or the most mentioned names across the story.

    Args:
        loaded: The raw story.

    Returns:
        The actors used for per-actor sentiment.
    """
    if loaded.info.actors:
        return loaded.info.actors
    from analysis.text.actors import guess_actors

    return guess_actors(raw.text for raw in loaded.articles)


def analyse_story(
    loaded: LoadedStory,
    compare: bool = True,
    timings: Timings | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> Story:
    """Analyse every article of a loaded story and compare them.

    Args:
        loaded: The raw story from :func:`analysis.input.loading.load_paths` or uploads.
        compare: Run the cross-article comparison (skip it for large batches).
        timings: If given, seconds per stage are added to it.
        progress: Called as ``progress(done, total, article_id)`` after each article.

    Returns:
        The analysed story; articles that failed are listed in ``errors``.
    """
    actors = story_actors(loaded)
    info = replace(loaded.info, actors=actors)
    articles: list[Article] = []
    errors: list[FileError] = list(loaded.errors)
    for done, raw in enumerate(loaded.articles, start=1):
        result = analyse_raw(raw, actors, timings)
        (errors if isinstance(result, FileError) else articles).append(result)
        if progress is not None:
            progress(done, len(loaded.articles), raw.id)
    comparison = None
    if compare and len(articles) >= 2:
        from analysis.compare import compare as run_compare

        with _stage(timings, "comparison"):
            comparison = run_compare(articles, actors)
    return Story(info, tuple(articles), comparison, tuple(errors))


def analyze_paths(
    paths: Sequence[Path | str],
    compare: bool = True,
    max_bytes: int = MAX_FILE_BYTES,
    timings: Timings | None = None,
) -> Story:
    """Load and analyse a story from folders and files.

    Args:
        paths: Folders and files (.txt, .md, .html, .csv, .jsonl).
        compare: Run the cross-article comparison.
        max_bytes: Size limit for one article file.
        timings: If given, seconds per stage are added to it.

    Returns:
        The analysed story.
    """
    with _stage(timings, "loading"):
        loaded = load_paths([Path(p) for p in paths], max_bytes)
    return analyse_story(loaded, compare=compare, timings=timings)
