"""Passes that regroup sentences after the clustering.

The clustering (:mod:`analysis.compare.align`) is precision-first: a
sentence joins a group only when it matches most of its members, and a group
holds one sentence per outlet. These passes then add what it leaves out, each
only where nothing contradicts it: two lone sentences that are each other's
best match (:func:`mutual_singles`), a lone sentence that is the other half
of its neighbour's fact (:func:`split_singles`), and one outlet's statement
told in two sentences (:func:`merge_statements`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from analysis.compare.scorer import Weights
from analysis.compare.units import MAX_PER_ARTICLE, UNNAMED, Scores, Unit, pair_score

# Two groups that each hold one half of one outlet's statement merge only
# when each spans at least this many articles.
STATEMENT_MIN_ARTICLES = 2


def statement_pairs(units: Sequence[Unit]) -> list[tuple[int, int]]:
    """Neighbouring sentences of one article that tell one statement.

    Sentence ``s`` and ``s + 1`` of an article are one statement when they
    name a common speaker (a quote and its attribution, or a quote and its
    continuation: "'Nobody is banning anything,' he said." then "'Every one
    of these books is at the public library ...'") and one of them quotes.
    """
    at = {(u.article, u.sentence): k for k, u in enumerate(units)}
    out = []
    for k, u in enumerate(units):
        nb = at.get((u.article, u.sentence + 1))
        if nb is None or not (u.quotes or units[nb].quotes):
            continue
        after = units[nb].speakers
        named = (u.speakers & after) - {UNNAMED}
        if named or (UNNAMED in after and (u.speakers or u.names)):
            out.append((k, nb))
    return out


def merge_statements(
    units: Sequence[Unit],
    groups: list[list[int]],
    scores: Scores,
    weights: Weights,
    linked: dict[tuple[int, int], float] | None = None,
) -> list[list[int]]:
    """Merge two groups that each hold one half of one outlet's statement.

    One outlet quotes a statement in one sentence and names its speaker or
    goes on quoting in the next (:func:`statement_pairs`); other outlets'
    sentences match one half or the other, so the clustering forms two
    groups, which may not merge because both hold a sentence of that outlet.
    They merge when both span two articles, every article they share has its
    sentences next to each other (at most :data:`MAX_PER_ARTICLE`), and the
    mean score of the pairs across them (different articles) reaches
    the table's ``statement`` share of its ``average`` (chosen with the other
    thresholds when the table is fitted).
    """
    where = {m: gi for gi, g in enumerate(groups) for m in g}
    minimum = weights.statement * weights.average
    maps: dict[int, dict[int, list[int]]] = {}  # group -> article -> its members

    def members_by_article(gi: int) -> dict[int, list[int]]:
        if gi not in maps:
            out: dict[int, list[int]] = {}
            for m in groups[gi]:
                out.setdefault(units[m].article, []).append(m)
            maps[gi] = out
        return maps[gi]

    for k1, k2 in statement_pairs(units):
        g1, g2 = where[k1], where[k2]
        if g1 == g2:
            continue
        pa, pb = members_by_article(g1), members_by_article(g2)
        if min(len(pa), len(pb)) < STATEMENT_MIN_ARTICLES:
            continue
        shared = pa.keys() & pb.keys()
        if not all(_side_by_side(units, pa[art] + pb[art]) for art in shared):
            continue
        if _cross_mean(units, scores, groups[g1], groups[g2], pa, pb, shared) < minimum:
            continue
        if linked is not None:  # the strongest pair across explains the merge
            x, y = max(
                ((x, y) for x in groups[g1] for y in groups[g2]
                 if units[x].article != units[y].article),
                key=lambda xy: _stored(scores, units[xy[0]].sig, units[xy[1]].sig),
            )  # fmt: skip
            linked[(min(x, y), max(x, y))] = _stored(scores, units[x].sig, units[y].sig)
        groups[g1].extend(groups[g2])
        for art, ms in pb.items():
            pa.setdefault(art, []).extend(ms)
        for m in groups[g2]:
            where[m] = g1
        groups[g2] = []
        del maps[g2]
    return [g for g in groups if g]


def _side_by_side(units: Sequence[Unit], members: Sequence[int]) -> bool:
    # One article's sentences in a group: next to each other, at most MAX_PER_ARTICLE.
    sents = sorted(units[m].sentence for m in members)
    return len(sents) <= MAX_PER_ARTICLE and sents[-1] - sents[0] + 1 == len(sents)


def _stored(scores: Scores, sa: int, sb: int) -> float:
    # A pair of signatures' score, matching or support (0 when not stored).
    return pair_score(scores.matches, sa, sb, scores.n) or pair_score(
        scores.support, sa, sb, scores.n
    )


def _cross_mean(units, scores: Scores, a, b, pa, pb, shared) -> float:
    # Mean score of the pairs across groups a and b from different articles,
    # summed per pair of signatures (copies of a sentence are scored once).
    def score(sa: int, sb: int) -> float:
        return _stored(scores, sa, sb)

    ca, cb = Counter(units[m].sig for m in a), Counter(units[m].sig for m in b)
    total = sum(na * nb * score(sa, sb) for sa, na in ca.items() for sb, nb in cb.items())
    same = 0
    for art in shared:
        for x in pa[art]:
            for y in pb[art]:
                total -= score(units[x].sig, units[y].sig)
                same += 1
    count = len(a) * len(b) - same
    return total / count if count > 0 else 0.0


def single_pairs(units: Sequence[Unit], scores: Scores) -> list[tuple[int, int, float]]:
    """Every stored pair of units of different articles whose sentences have no copy.

    A sentence with copies in other articles is grouped with them already, so
    it never waits alone for :func:`mutual_singles`.
    """
    only: dict[int, int] = {}
    for k, u in enumerate(units):
        only[u.sig] = -1 if u.sig in only else k
    out = []
    for table in (scores.matches, scores.support):
        for key, score in table.items():
            x, y = only.get(key // scores.n, -1), only.get(key % scores.n, -1)
            if x >= 0 and y >= 0 and units[x].article != units[y].article:
                out.append((x, y, score))
    return out


def mutual_singles(
    units: Sequence[Unit],
    groups: list[list[int]],
    pairs: Sequence[tuple[int, int, float]],
    minimum: float,
    linked: dict[tuple[int, int], float] | None = None,
) -> list[list[int]]:
    """Pair two sentences left alone when each is the other's best match.

    A pair scoring at least ``minimum`` (the weights table's ``mutual``,
    below its ``link`` threshold) links two sentences that no group took when each is the
    other's best-scoring partner in the other's article: nothing else in
    either article competes for it, so the link cannot bridge two facts.

    Args:
        units: The alignment units.
        groups: The groups so far (single sentences included).
        pairs: ``(unit, unit, score)`` of sentences without copies
            (:func:`single_pairs`).
        minimum: The least score.
        linked: Filled with ``(unit, unit) -> score`` of the pairs linked
            (a group's explained links list them).
    """
    best = _best(units, pairs)
    alone = {g[0]: gi for gi, g in enumerate(groups) if len(g) == 1}
    found = sorted(
        (-s, min(x, y), max(x, y))
        for x, y, s in pairs
        if s >= minimum
        and x in alone
        and y in alone
        and best[(x, units[y].article)] == s
        and best[(y, units[x].article)] == s
    )
    for neg, x, y in found:
        if x in alone and y in alone:
            gx, gy = alone.pop(x), alone.pop(y)
            groups[gx].append(y)
            groups[gy] = []
            if linked is not None:
                linked[(x, y)] = -neg
    return [g for g in groups if g]


def _best(units: Sequence[Unit], pairs) -> dict[tuple[int, int], float]:
    # Each unit's best score in each other article.
    best: dict[tuple[int, int], float] = {}
    for x, y, s in pairs:
        for a, b in ((x, y), (y, x)):
            key = (a, units[b].article)
            if s > best.get(key, 0.0):
                best[key] = s
    return best


def split_singles(
    units: Sequence[Unit],
    groups: list[list[int]],
    pairs: Sequence[tuple[int, int, float]],
    average: float,
    linked: dict[tuple[int, int], float] | None = None,
) -> list[list[int]]:
    """A sentence left alone joins the group holding its neighbour (a split).

    One outlet may tell in two sentences what another tells in one. A
    sentence that no group took joins the group of the sentence before or
    after it in its article when its mean score with that group's members
    of other articles reaches ``average`` (the weights table's) and each of
    them is its best match in its article. This is the split rule of the
    clustering for pairs below the ``link`` threshold, which the clustering
    never tries.

    Args:
        units: The alignment units.
        groups: The groups so far (single sentences included).
        pairs: ``(unit, unit, score)`` of sentences without copies.
        average: The least mean score.
        linked: Filled with the pair that explains each join.
    """
    best = _best(units, pairs)
    score = {}
    for x, y, s in pairs:
        score[(x, y)] = score[(y, x)] = s
    where = {m: gi for gi, g in enumerate(groups) for m in g}
    at = {(u.article, u.sentence): k for k, u in enumerate(units)}
    for k, u in enumerate(units):
        if len(groups[where[k]]) != 1:
            continue
        options = []
        for step in (-1, 1):
            nb = at.get((u.article, u.sentence + step))
            if nb is None or len(groups[where[nb]]) < 2:
                continue
            g = groups[where[nb]]
            if sum(1 for m in g if units[m].article == u.article) >= MAX_PER_ARTICLE:
                continue
            others = [m for m in g if units[m].article != u.article]
            scores = [score.get((k, m), 0.0) for m in others]
            if not others or sum(scores) / len(others) < average:
                continue
            pairs_ok = zip(others, scores, strict=True)
            if any(s <= 0 or best.get((k, units[m].article)) != s for m, s in pairs_ok):
                continue
            options.append((sum(scores) / len(others), -step, where[nb]))
        if options:
            _, _, gi = max(options)
            groups[gi].append(k)
            groups[where[k]] = []
            where[k] = gi
            if linked is not None:
                m = max((m for m in groups[gi] if units[m].article != u.article),
                        key=lambda m: score.get((k, m), 0.0))  # fmt: skip
                linked[tuple(sorted((k, m)))] = score[(k, m)]
    return [g for g in groups if g]
