"""Text reuse between articles: copied wording and common facts, told apart.

Two figures, never averaged:

* ``copying``: the share of the shorter article's word 5-grams (all words,
  lower-cased; runs wholly inside a direct quote left out) that the other
  article also contains: near 1 for a copy, near
  0 for independent writing. ``shared`` lists the longest passages behind it.
* ``common_facts``: the share of both articles' sentences that sit in an
  aligned group with a sentence of the other. Outlets covering one event
  share facts without copying anything, so this alone says nothing about
  copying.

``verdict`` says "copy" at :data:`COPY_SHARE` copying, "likely rewrite" only
when copying (:data:`REWRITE_COPY`) or close paraphrase supports it, and
nothing otherwise. Close paraphrase is either many close pairs
(:data:`CLOSE_SHARE` of the aligned pairs score >= :data:`CLOSE_SIM`) or the
same facts told in the same order: at least :data:`REWRITE_FACTS` common
facts with :data:`SAME_ORDER` of the aligned pairs in the same order in
both (independent reports of one event share facts, but rarely most of
them in one sequence). ``earlier`` names the article dated earlier when both have dates.

Shared shingles come from one inverted index (shingle -> articles), so only
pairs of articles that share a 5-word run are ever compared word by word; a
run found in more than :data:`COMMON_RUN_SHARE` of the articles (and more
than :data:`COMMON_RUN_MIN`) is common phrasing and not counted. A story of
more than :data:`ALL_PAIRS_MAX` articles lists each article's
:data:`PARTNERS` closest pairs, not all pairs.
"""

from __future__ import annotations

import datetime
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence

from analysis.compare.align import Alignment
from analysis.compare.words import plain_words
from analysis.results.comparison import Passage, Reuse

SHINGLE = 5
MAX_PASSAGES = 5
COPY_SHARE = 0.5
REWRITE_COPY = 0.05
CLOSE_SIM = 0.5
CLOSE_SHARE = 0.3
REWRITE_FACTS = 0.5
SAME_ORDER = 0.8
COMMON_RUN_SHARE = 0.1
COMMON_RUN_MIN = 20
ALL_PAIRS_MAX = 30
PARTNERS = 5
# Shared groups are counted through bit sets (one AND per pair of articles)
# once BITS_SHARE times the groups' pairs of articles outnumber the story's
# pairs of articles; below that, walking each group's pairs is cheaper.
BITS_SHARE = 4


def _shingles(
    words: list[str], quoted: list[tuple[int, int]]
) -> dict[tuple[str, ...], Sequence[int]]:
    # Every 5-word run -> its positions (ascending). Runs wholly inside a
    # direct quote are left out: outlets that quote the same words copy nobody.
    n = len(words) - SHINGLE + 1
    if n <= 0:
        return {}
    grams = list(zip(*(words[k:] for k in range(SHINGLE)), strict=False))
    kept = _kept(n, quoted)
    # Each run at its first position, in a dict built in C (later intervals
    # first, so earlier positions win); then the few runs an article repeats
    # get all their positions.
    first: dict[tuple[str, ...], Sequence[int]] = {}
    for start, end in reversed(kept):
        positions = zip(range(end - 1, start - 1, -1))  # 1-tuples, made in C
        first.update(zip(reversed(grams[start:end]), positions, strict=True))
    if len(first) == sum(end - start for start, end in kept):
        return first
    counts: Counter[tuple[str, ...]] = Counter()
    for start, end in kept:
        counts.update(grams[start:end])
    repeated: dict[tuple[str, ...], list[int]] = {g: [] for g, c in counts.items() if c > 1}
    for start, end in kept:
        for i in range(start, end):
            if grams[i] in repeated:
                repeated[grams[i]].append(i)
    first.update(repeated)
    return first


def _kept(n: int, quoted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # The intervals of run positions [start, end) not wholly inside a quoted
    # stretch of words (``quoted``: word intervals, sorted and merged).
    out, pos = [], 0
    for start, end in quoted:
        if end - start < SHINGLE:
            continue
        if start > pos:
            out.append((pos, min(start, n)))
        pos = max(pos, end - SHINGLE + 1)
    if pos < n:
        out.append((pos, n))
    return [(s, e) for s, e in out if e > s]


def _quoted(article, words) -> list[tuple[int, int]]:
    # The stretches of words [start, end) inside direct quotes, merged where
    # they touch (one bisection per quote).
    starts = [w[0] for w in words]
    ends = [w[1] for w in words]
    spans = []
    for q in article.quotes or ():
        k0 = bisect_left(starts, q.start)
        k1 = bisect_right(ends, q.end, k0)
        if k1 > k0:
            spans.append((k0, k1))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for k0, k1 in spans:
        if merged and k0 <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], k1))
        else:
            merged.append((k0, k1))
    return merged


def _passages(text_a, wa, na, index_a, text_b, wb, nb, index_b, common) -> list[Passage]:
    # Grow each shared shingle into the longest common run; visit only the
    # positions of shared shingles, so unrelated pairs cost nothing. ``na``
    # and ``nb``: the plain words of ``wa`` and ``wb``.
    starts = sorted(i for g in common for i in index_a[g])
    out: list[Passage] = []
    covered = -1
    for i in starts:
        if i < covered:
            continue
        best_len, best_j = 0, 0
        for j in index_b[tuple(na[i : i + SHINGLE])]:
            n = SHINGLE
            while i + n < len(na) and j + n < len(nb) and na[i + n] == nb[j + n]:
                n += 1
            if n > best_len:
                best_len, best_j = n, j
        a0, a1 = wa[i][0], wa[i + best_len - 1][1]
        b0, b1 = wb[best_j][0], wb[best_j + best_len - 1][1]
        out.append(Passage(text_a[a0:a1], a0, a1, b0, b1, best_len, text_b[b0:b1]))
        covered = i + best_len
    out.sort(key=lambda p: (-p.words, p.a_start))
    return out[:MAX_PASSAGES]


def _date(article) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(article.source.date[:10])
    except (AttributeError, ValueError, TypeError):
        return None


def earlier(a, b) -> str:
    """The id of the article dated earlier, "" when either date is missing or equal."""
    da, db = _date(a), _date(b)
    if da is None or db is None or da == db:
        return ""
    return a.id if da < db else b.id


def verdict(copying: float, close: float, facts: float = 0.0, order: float = 0.0) -> str:
    """What the figures support: "copy", "likely rewrite" or "".

    Args:
        copying: Share of shared 5-word runs.
        close: Share of aligned pairs that are close paraphrases.
        facts: Share of sentences in common facts.
        order: Share of pairs of common facts told in the same order by both.
    """
    if copying >= COPY_SHARE:
        return "copy"
    if copying >= REWRITE_COPY or close >= CLOSE_SHARE:
        return "likely rewrite"
    if facts >= REWRITE_FACTS and order >= SAME_ORDER:
        return "likely rewrite"
    return ""


def same_order(positions: list[tuple[int, int]]) -> float:
    """Share of pairs of common facts that both articles tell in the same order.

    Args:
        positions: For each common fact, its sentence index in each article.
    """
    pairs = same = 0
    for i, (a1, b1) in enumerate(positions):
        for a2, b2 in positions[i + 1 :]:
            pairs += 1
            same += (a1 - a2) * (b1 - b2) > 0
    return same / pairs if pairs else 0.0


def _together(al: Alignment, n: int):
    # Per pair of articles (a < b): sentences of both in common groups, a
    # function giving the groups they share (read again only for the pairs
    # listed), and each group's members per article.
    members_of: list[dict[int, list[int]]] = []
    for members in al.groups:
        per: dict[int, list[int]] = {}
        for m in members:
            per.setdefault(al.units[m].article, []).append(m)
        members_of.append(per)
    pairs = sum(len(per) * (len(per) - 1) // 2 for per in members_of)
    if BITS_SHARE * pairs > n * (n - 1) // 2:
        together, bits = _together_bits(members_of, n)
        return together, lambda pair: _groups_in(bits.get(pair, 0)), members_of
    together: dict[tuple[int, int], int] = {}
    shared: dict[tuple[int, int], list[int]] = {}
    for gi, per in enumerate(members_of):
        arts = sorted(per)
        for i, a in enumerate(arts):
            for b in arts[i + 1 :]:
                together[(a, b)] = together.get((a, b), 0) + len(per[a]) + len(per[b])
                shared.setdefault((a, b), []).append(gi)
    return together, lambda pair: shared.get(pair, []), members_of


def _together_bits(members_of: list[dict[int, list[int]]], n: int):
    # Big groups (most articles report most facts): each article's groups as
    # bit sets, one AND per pair of articles instead of one step per pair per
    # group. layers[a][t] holds the groups with more than t sentences of a,
    # so a pair's sentences in common groups are counts of layer overlaps.
    layers: list[list[int]] = [[] for _ in range(n)]
    for gi, per in enumerate(members_of):
        bit = 1 << gi
        for a, ms in per.items():
            layer = layers[a]
            layer.extend([0] * (len(ms) - len(layer)))
            for t in range(len(ms)):
                layer[t] |= bit
    together: dict[tuple[int, int], int] = {}
    shared: dict[tuple[int, int], int] = {}
    for a in range(n):
        la = layers[a]
        if not la:
            continue
        for b in range(a + 1, n):
            lb = layers[b]
            both = la[0] & lb[0] if lb else 0
            if not both:
                continue
            count = 2 * both.bit_count()
            for extra in (*la[1:], *lb[1:]):
                count += (extra & both).bit_count()
            together[(a, b)] = count
            shared[(a, b)] = both
    return together, shared


def _groups_in(bits: int) -> list[int]:
    # The group indices of a bit set, ascending.
    out = []
    while bits:
        low = bits & -bits
        out.append(low.bit_length() - 1)
        bits ^= low
    return out


def _pair_facts(
    al: Alignment, a: int, b: int, groups: list[int], members_of
) -> tuple[float, float]:
    # (close, same order) of one pair from the groups it shares.
    scores, where = [], []
    for gi in groups:
        xs, ys = members_of[gi][a], members_of[gi][b]
        scores.append(max(al.cosine(x, y) for x in xs for y in ys))
        where.append((min(al.units[x].sentence for x in xs), min(al.units[y].sentence for y in ys)))
    close = sum(1 for s in scores if s >= CLOSE_SIM) / len(scores) if scores else 0.0
    return close, same_order(where)


def _common_runs(shingles: list[dict]) -> dict[tuple[int, int], list]:
    # Shared 5-word runs per pair of articles, from one inverted index. A run
    # found in more than COMMON_RUN_SHARE of the articles (and more than
    # COMMON_RUN_MIN of them) is common phrasing, not copying between two.
    cap = max(COMMON_RUN_MIN, int(COMMON_RUN_SHARE * len(shingles)))
    df: Counter[tuple[str, ...]] = Counter()
    for sh in shingles:
        df.update(sh.keys())
    # Only the runs of a few articles are posted: most runs are one article's.
    wanted = {g for g, count in df.items() if 1 < count <= cap}
    index: dict[tuple[str, ...], list[int]] = {}
    for k, sh in enumerate(shingles):
        for g in sh.keys() & wanted:
            index.setdefault(g, []).append(k)
    common: dict[tuple[int, int], list] = {}
    for g, arts in index.items():
        for i, a in enumerate(arts):
            for b in arts[i + 1 :]:
                common.setdefault((a, b), []).append(g)
    return common


def _listed(pairs: dict[tuple[int, int], tuple[float, float]], n: int) -> list[tuple[int, int]]:
    # Every pair for a small story; otherwise each article's closest partners.
    ranked = sorted(pairs, key=lambda p: (-pairs[p][0], -pairs[p][1], p))
    if n <= ALL_PAIRS_MAX:
        return ranked
    kept: list[tuple[int, int]] = []
    count = [0] * n
    for a, b in ranked:
        if count[a] < PARTNERS or count[b] < PARTNERS:
            kept.append((a, b))
            count[a] += 1
            count[b] += 1
    return kept


def build_reuse(articles: Sequence, al: Alignment) -> tuple[Reuse, ...]:
    """Pairwise reuse for the pairs that share a fact or a 5-word run.

    Returns:
        Pairs sorted by common facts, then copying (closest pair first).
        Pairs that share neither are left out; above :data:`ALL_PAIRS_MAX`
        articles, only each article's :data:`PARTNERS` closest pairs.
    """
    words = [plain_words(a.text) for a in articles]
    plain = [[w[2] for w in ws] for ws in words]
    shingles = [
        _shingles(p, _quoted(a, ws)) for a, ws, p in zip(articles, words, plain, strict=True)
    ]
    common = _common_runs(shingles)
    units_per = [0] * len(articles)
    for u in al.units:
        units_per[u.article] += 1
    together, shared_groups, members_of = _together(al, len(articles))
    figures: dict[tuple[int, int], tuple[float, float]] = {}
    for a, b in together.keys() | common.keys():
        smaller = min(len(shingles[a]), len(shingles[b]))
        copying = len(common.get((a, b), ())) / smaller if smaller else 0.0
        denom = units_per[a] + units_per[b]
        figures[(a, b)] = (together.get((a, b), 0) / denom if denom else 0.0, copying)
    out = []
    for a, b in _listed(figures, len(articles)):
        facts, copying = figures[(a, b)]
        keys = common.get((a, b), [])
        close, order = _pair_facts(al, a, b, shared_groups((a, b)), members_of)
        shared = (
            _passages(
                articles[a].text,
                words[a],
                plain[a],
                shingles[a],
                articles[b].text,
                words[b],
                plain[b],
                shingles[b],
                keys,
            )
            if keys
            else []
        )
        out.append(
            Reuse(
                articles[a].id,
                articles[b].id,
                round(copying, 3),
                round(facts, 3),
                round(close, 3),
                verdict(copying, close, facts, order),
                earlier(articles[a], articles[b]),
                tuple(shared),
            )
        )
    out.sort(key=lambda r: (-r.common_facts, -r.copying, r.a, r.b))
    return tuple(out)
