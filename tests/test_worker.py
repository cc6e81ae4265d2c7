"""Tests for dashboard.worker: bounded analysis in a worker process."""

from __future__ import annotations

import threading
import time
from functools import partial

import pytest

from analysis import messages
from analysis.input.loading import LoadedStory, RawArticle, load_paths
from analysis.pipeline import analyse_story
from analysis.results.article import FileError, StoryInfo
from dashboard import disk_cache, worker

MEMORY_MB = 32  # the analysis of a short story needs under 20 MB more, 2.9 MB of text over 32
BODY = "Officials said on Monday the plan would pass. Critics slammed the deal.\n"


def _story(*texts: str) -> LoadedStory:
    articles = tuple(RawArticle(id=f"a{i}", file=f"a{i}.txt", text=t) for i, t in enumerate(texts))
    return LoadedStory(StoryInfo(title="T"), articles, ())


def test_worker_returns_the_same_story_as_in_process(seeds_dir):
    loaded = load_paths([seeds_dir])
    bounded = worker.analyse_bounded(loaded, timeout_s=300, memory_mb=4096)
    assert bounded == analyse_story(loaded)


def test_worker_slow_input_times_out_with_message_and_parent_stays_responsive():
    # About 3 MB of distinct prose takes far longer than a second to analyse
    # (repeated lines would not: cleaning drops exact duplicate paragraphs).
    loaded = _story("".join(f"Report {i}: {BODY}" for i in range(30_000)))
    ticks = []
    stop = threading.Event()

    def heartbeat():
        while not stop.is_set():
            ticks.append(time.monotonic())
            time.sleep(0.01)

    beat = threading.Thread(target=heartbeat)
    beat.start()
    started = time.monotonic()
    try:
        with pytest.raises(worker.AnalysisTimeout) as caught:
            worker.analyse_bounded(loaded, timeout_s=1.0, memory_mb=4096)
    finally:
        stop.set()
        beat.join()
    assert str(caught.value) == messages.ANALYSIS_TIMEOUT.format(seconds=1.0)
    # The parent's threads kept running while the worker was busy: no gap of
    # a second between heartbeats (the analysis holds the GIL only in the child).
    during = [t for t in ticks if t >= started]
    gaps = [b - a for a, b in zip(during, during[1:], strict=False)]
    assert len(during) > 20 and max(gaps) < 0.5


def test_worker_memory_budget_stops_the_analysis_with_message():
    # The same budget analyses a short story; 2.9 MB of text needs more.
    small = worker.analyse_bounded(_story(BODY), timeout_s=120, memory_mb=MEMORY_MB)
    assert [a.id for a in small.articles] == ["a0"]
    with pytest.raises(worker.AnalysisOutOfMemory) as caught:
        worker.analyse_bounded(_story(BODY * 40_000), timeout_s=120, memory_mb=MEMORY_MB)
    assert str(caught.value) == messages.ANALYSIS_OUT_OF_MEMORY.format(megabytes=MEMORY_MB)


def test_worker_cap_articles_names_what_was_left_out():
    loaded = _story(*[BODY] * 14)
    capped, message = worker.cap_articles(loaded, limit=3)
    assert [a.id for a in capped.articles] == ["a0", "a1", "a2"]
    names = ", ".join(f"a{i}.txt" for i in range(3, 13)) + " and 1 more"
    assert message == messages.TOO_MANY_ARTICLES.format(count=14, limit=3, left=11, names=names)
    same, none = worker.cap_articles(loaded, limit=14)
    assert same is loaded and none is None


def _prose(sentences: int) -> str:
    # Distinct sentences: repeated lines would be dropped as page furniture.
    return " ".join(f"Officials said on day {i} the plan would pass." for i in range(sentences))


def _sentences(story) -> dict[str, int]:
    return {a.id: len(a.doc.sentences) for a in story.articles}


def test_worker_bound_sentences_leaves_out_the_longest_articles_with_message():
    story = analyse_story(_story(_prose(6), _prose(20), _prose(2)), compare=False)
    assert _sentences(story) == {"a0": 6, "a1": 20, "a2": 2}
    bounded = worker.bound_sentences(story, limit=10)
    assert _sentences(bounded) == {"a0": 6, "a2": 2}
    assert bounded.errors == (
        FileError("a1.txt", messages.TOO_MANY_SENTENCES.format(sentences=20, limit=10)),
    )
    # Longest first, until the rest fits.
    assert _sentences(worker.bound_sentences(story, limit=5)) == {"a2": 2}
    assert worker.bound_sentences(story, limit=28) is story


def test_worker_then_runs_in_the_worker_before_the_parent_returns(tmp_path):
    # Long enough that writing its JSON takes longer than the parent's unpickling.
    loaded = _story(_prose(1000))
    folder = tmp_path / "cache"
    story = worker.analyse_bounded(
        loaded, timeout_s=120, memory_mb=4096, then=partial(disk_cache.write, "k", folder)
    )
    assert _sentences(story) == {"a0": 1000}
    # The worker wrote the entry, and the parent waited for it.
    assert disk_cache.read("k", folder) == story
