"""Real result objects for tests, built by the real analysers from short texts.

Tests that need an :class:`~analysis.results.article.Article` or a
:class:`~analysis.results.article.Story` build them here instead of faking
attributes, so a change to a result type breaks the tests that read it.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.pipeline import analyse_headline, headline_doc, make_doc
from analysis.registry import ANALYSERS
from analysis.results.article import Article, FileError, Source, Story, StoryInfo
from analysis.results.doc import Actor


def article(
    id: str,
    text: str,
    title: str = "",
    outlet: str = "",
    standfirst: str = "",
    kind: str = "",
    actors: tuple[Actor, ...] = (),
) -> Article:
    """An article analysed from ``text`` as it stands (no cleaning), every result real.

    Args:
        id: The article id (also the outlet when none is given).
        text: Clean body text, one paragraph per line.
        title: The headline.
        outlet: The outlet's name.
        standfirst: The standfirst.
        kind: The outlet kind.
        actors: The story's actors.
    """
    doc = make_doc(text, id, actors)
    results = {a.name: a(doc) for a in ANALYSERS}
    return Article(
        id=id,
        outlet=outlet or id,
        kind=kind,
        byline="",
        evidence="",
        title=title,
        standfirst=standfirst,
        doc=doc,
        removed=(),
        source=Source(file=id),
        headline=analyse_headline(headline_doc(title, standfirst, id, actors)),
        **results,
    )


def story(
    articles: Sequence[Article],
    title: str = "Story",
    errors: Sequence[FileError] = (),
    actors: tuple[Actor, ...] = (),
    compare: bool = False,
) -> Story:
    """A story of ``articles``, compared when ``compare`` is set."""
    comparison = None
    if compare:
        from analysis.pipeline import compare_articles

        comparison = compare_articles(articles, actors)
    return Story(StoryInfo(title, actors=actors), tuple(articles), comparison, tuple(errors))


def fail_on(monkeypatch, word: str, analyser: int = 0) -> None:
    """Make one registered analyser raise ``ValueError("bad input")`` on docs containing ``word``.

    :class:`~analysis.registry.Analyser` is frozen; its lazily imported
    function lives in its ``__dict__``, which is where this patches it.
    """
    entry = ANALYSERS[analyser]
    real = entry.function

    def flaky(doc):
        if word in doc.text:
            raise ValueError("bad input")
        return real(doc)

    monkeypatch.setitem(entry.__dict__, "function", flaky)
