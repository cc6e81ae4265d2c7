"""Text reuse between articles: who copies or rewrites whom.

Two measures, averaged into ``score``:

* ``shingles``: the share of the shorter article's word 5-grams (all words,
  lower-cased) that the other article also contains: near 1 for a copy, near
  0 for independent writing;
* ``aligned``: the share of both articles' sentences that sit in a group with
  a sentence of the other, which also catches rewrites that change the words
  but keep the facts and their order.

``shared`` lists the longest word-for-word passages (at least
:data:`SHINGLE` words), longest first.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.compare.align import Alignment
from analysis.compare.words import plain_words
from analysis.results.comparison import Passage, Reuse

SHINGLE = 5
MAX_PASSAGES = 5


def _shingles(words: list[str]) -> dict[tuple[str, ...], list[int]]:
    out: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(words) - SHINGLE + 1):
        out.setdefault(tuple(words[i : i + SHINGLE]), []).append(i)
    return out


def _passages(text_a, wa, index_a, text_b, wb, index_b, common) -> list[Passage]:
    # Grow each shared shingle into the longest common run; visit only the
    # positions of shared shingles, so unrelated pairs cost nothing.
    na = [w[2] for w in wa]
    nb = [w[2] for w in wb]
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


def build_reuse(articles: Sequence, al: Alignment) -> tuple[Reuse, ...]:
    """Pairwise reuse, highest score first."""
    words = [plain_words(a.text) for a in articles]
    shingles = [_shingles([w[2] for w in ws]) for ws in words]
    units_per = [0] * len(articles)
    for u in al.units:
        units_per[u.article] += 1
    together: dict[tuple[int, int], int] = {}
    for members in al.groups:
        per: dict[int, int] = {}
        for m in members:
            per[al.units[m].article] = per.get(al.units[m].article, 0) + 1
        for a in per:
            for b in per:
                if a != b:
                    together[(a, b)] = together.get((a, b), 0) + per[a]
    out = []
    for a in range(len(articles)):
        for b in range(a + 1, len(articles)):
            sa, sb = shingles[a], shingles[b]
            common_keys = sa.keys() & sb.keys()
            common = len(common_keys)
            smaller = min(len(sa), len(sb))
            shingle_share = common / smaller if smaller else 0.0
            denom = units_per[a] + units_per[b]
            aligned = (together.get((a, b), 0) + together.get((b, a), 0)) / denom if denom else 0.0
            shared = (
                _passages(
                    articles[a].text, words[a], sa, articles[b].text, words[b], sb, common_keys
                )
                if common
                else []
            )
            out.append(
                Reuse(
                    articles[a].id,
                    articles[b].id,
                    round((shingle_share + aligned) / 2, 3),
                    round(shingle_share, 3),
                    round(aligned, 3),
                    tuple(shared),
                )
            )
    out.sort(key=lambda r: (-r.score, r.a, r.b))
    return tuple(out)
