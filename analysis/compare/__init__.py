"""Compare a story's outlets: aligned sentences, contrasts, coverage, reuse.

:func:`compare` is the entry point; the stages live in their own modules
(:mod:`~analysis.compare.align`, :mod:`~analysis.compare.contrasts`,
:mod:`~analysis.compare.coverage`, :mod:`~analysis.compare.reuse`,
:mod:`~analysis.compare.quotes`, :mod:`~analysis.compare.leads`). This module
imports them only when called, because :mod:`analysis.results.article` imports the
result types from here at start-up. Method and thresholds: ``docs/compare.md``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from analysis import messages
from analysis.results.comparison import Comparison
from analysis.text.bulk import no_collection

if TYPE_CHECKING:
    from analysis.results.article import Article
    from analysis.results.doc import Actor

__all__ = ["Comparison", "compare"]

NOTE_ONE_ARTICLE = messages.COMPARISON_ONE_ARTICLE
NOTE_NO_SENTENCES = messages.COMPARISON_NO_SENTENCES
REUSE_MAX_ARTICLES = 500


def compare(articles: Sequence[Article], actors: tuple[Actor, ...] = ()) -> Comparison:
    """Compare the articles of one story.

    Args:
        articles: The analysed articles, in story order (every result present;
            the headline analysed too, see :class:`~analysis.results.article.Headline`).
            Above :data:`REUSE_MAX_ARTICLES` articles pairwise reuse is left
            out (with a note): it is a list of pairs, quadratic by nature.
        actors: The story's actors, used to name quote speakers.

    Returns:
        Groups of aligned sentences, word-choice contrasts, the coverage
        matrix, pairwise reuse, quotes with speakers and verbs, per-outlet
        sourcing and the headlines and leads side by side.
    """
    # The comparison builds hundreds of thousands of small tuples, sets and
    # dicts (units, shingles, pair tables) that form no reference cycles:
    # the cyclic collector would traverse them again and again for nothing.
    with no_collection():
        return _compare(articles, actors)


def _compare(articles: Sequence[Article], actors: tuple[Actor, ...]) -> Comparison:
    from dataclasses import replace

    from analysis.compare.align import align
    from analysis.compare.contrasts import build_contrasts
    from analysis.compare.coverage import build_coverage
    from analysis.compare.groups import build_groups
    from analysis.compare.leads import build_leads
    from analysis.compare.quotes import (
        article_quotes,
        sentence_attributions,
        sentence_speakers,
        sourcing,
        starting_in,
    )
    from analysis.compare.reuse import build_reuse

    articles = list(articles)
    notes = [NOTE_NO_SENTENCES.format(id=a.id) for a in articles if not a.sentences]
    # Each sentence's verbs of saying, found once: the alignment (who each
    # sentence quotes), the quotes, the sourcing counts and the contrasts all
    # read them.
    atts = [sentence_attributions(a) for a in articles]
    found_quotes = [article_quotes(a, i, actors, atts[i]) for i, a in enumerate(articles)]
    speakers = [
        sentence_speakers(a, atts[i], found_quotes[i]) for i, a in enumerate(articles)
    ]
    al = align(articles, speakers=speakers)
    quotes = []
    for i, a in enumerate(articles):
        found = found_quotes[i]
        sentences = a.sentences or ()
        at = [None] * len(found)
        for k, ks in enumerate(starting_in([q.start for q in found], sentences)):
            for j in ks:
                if at[j] is None:  # the first sentence holding the quote
                    at[j] = k
        for q, sentence in zip(found, at, strict=True):
            group = al.by_sentence.get((i, sentence)) if sentence is not None else None
            quotes.append(replace(q, group=group))
    if len(articles) < 2:
        notes.insert(0, NOTE_ONE_ARTICLE)
    reuse = ()
    if len(articles) <= REUSE_MAX_ARTICLES:
        reuse = build_reuse(articles, al)
    else:
        notes.append(messages.COMPARE_NO_REUSE.format(n=REUSE_MAX_ARTICLES))
    groups = build_groups(articles, al)
    return Comparison(
        articles=tuple(a.id for a in articles),
        groups=groups,
        contrasts=build_contrasts(articles, al, atts),
        coverage=build_coverage(articles, al, [g.label for g in groups]),
        reuse=reuse,
        quotes=tuple(quotes),
        sourcing=tuple(sourcing(a, actors, atts[i]) for i, a in enumerate(articles)),
        leads=build_leads(articles),
        notes=tuple(notes),
    )
