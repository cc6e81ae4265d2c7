"""Sentence alignment across outlets.

Method (thresholds are module constants, documented in ``docs/compare.md``):

1. **Units.** Every sentence with at least :data:`MIN_CONTENT_WORDS` content
   words (see :mod:`analysis.compare.words`), or with a direct quote.
2. **Quote anchors.** Two sentences from different articles that quote the
   same words (a common run of at least :data:`QUOTE_MIN_WORDS` words inside
   quotation marks, summed over their quotes) are linked outright: a shared
   direct quote is the strongest evidence that two outlets report the same
   moment. Shorter shared quotes (two or three words, often slogans such as
   "America First") link only when the sentences are also similar
   (:data:`SIM_MIN`), like any other pair.
3. **Content-word similarity.** Cosine similarity of TF-IDF vectors of the
   sentences' content words (binary term frequency, smoothed IDF over every
   sentence of the story), computed as one sparse matrix product with
   ``scipy.sparse``. A pair is a candidate at cosine >= :data:`SIM_MIN` with
   at least :data:`MIN_SHARED` content words in common, or at cosine >=
   :data:`SIM_WEAK` with :data:`MIN_SHARED_WEAK` shared words that are not
   story themes (:func:`theme_stems`), one of them distinctive
   (:func:`distinctive_stems`): paraphrases often share only one telling word.
4. **Many-to-one, without chaining.** Each sentence keeps, per other article,
   its best candidate and any other within :data:`SECOND_MATCH_RATIO` of it
   (so one outlet's sentence may match two of another's); a link is kept
   only when both ends keep it. Links are then merged into groups: quote
   anchors first, then similarity links touching a quoting sentence, then
   the rest, each batch strongest first, refusing any merge that
   would put more than :data:`MAX_PER_ARTICLE` sentences of one article in a
   group, sentences of one article that are not consecutive, two groups
   that already both hold sentences of the same article (only a single
   sentence may join its neighbour's group), or whose two
   sides are, on average, less similar than :data:`LINK_MIN`. This stops A~B,
   B~C from pulling unrelated A and C together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from math import log

from analysis.compare.words import DATE_WORDS, content_tokens, plain_words

MIN_CONTENT_WORDS = 3
QUOTE_MIN_WORDS = 4
QUOTE_WEAK_MIN_WORDS = 2
SIM_MIN = 0.2
SIM_WEAK = 0.12
MIN_SHARED = 3
MIN_SHARED_WEAK = 2
THEME_SHARE = 0.15
SECOND_MATCH_RATIO = 0.75
MAX_PER_ARTICLE = 3
LINK_MIN = 0.06
LABEL_MAX_WORDS = 12
HEADING_MAX_WORDS = 12

_TERMINAL = re.compile(r"[.!?…:;][\"”’)\]]*$")
KEYWORDS = 5


@dataclass
class Unit:
    """One alignable sentence (internal)."""

    article: int
    sentence: int
    start: int
    end: int
    text: str
    stems: frozenset[str]
    surface: dict[str, str]
    quotes: tuple[tuple[tuple[str, ...], str], ...]  # (words, original text)


@dataclass
class Edge:
    """A link between two units (internal)."""

    x: int
    y: int
    score: float
    shared: tuple[str, ...] = ()
    quote: str = ""
    quote_words: int = 0
    anchor: bool = False
    distinctive: tuple[str, ...] = ()
    run: tuple = ((), "")
    explained: bool = False

    @property
    def rank(self) -> float:
        """Merge order: quote anchors first, then by similarity."""
        return self.score + (1.0 if self.anchor else 0.0)


@dataclass
class Alignment:
    """Everything alignment computed, for the other comparison stages."""

    units: list[Unit]
    groups: list[list[int]]
    edges: dict[tuple[int, int], Edge]
    idf: dict[str, float]
    by_sentence: dict[tuple[int, int], int] = field(default_factory=dict)
    rare: frozenset[str] = frozenset()
    group_edges: list[list[Edge]] = field(default_factory=list)

    def explained(self, gi: int, limit: int) -> list[Edge]:
        """Group ``gi``'s links, quote anchors then strongest first, explained."""
        edges = sorted(self.group_edges[gi], key=lambda e: (not e.anchor, -e.score, e.x, e.y))
        return [_explain(e, self.units, self.idf, self.rare) for e in edges[:limit]]


def build_units(articles: Sequence) -> list[Unit]:
    """Turn every article's sentences into alignment units."""
    units: list[Unit] = []
    for ai, article in enumerate(articles):
        quotes = tuple(article.quotes or ())
        for si, sent in enumerate(article.sentences or ()):
            tokens = content_tokens(sent.text, sent.start)
            stems = frozenset(s for _, _, s in tokens)
            surface: dict[str, str] = {}
            for start, end, s in tokens:
                surface.setdefault(s, article.text[start:end])
            inside = []
            for q in quotes:
                lo, hi = max(q.start, sent.start), min(q.end, sent.end)
                if hi - lo > 2:
                    words = tuple(w for _, _, w in plain_words(article.text[lo:hi]))
                    if words:
                        inside.append((words, article.text[lo:hi]))
            if not inside and (len(stems) < MIN_CONTENT_WORDS or is_heading(sent.text)):
                continue
            units.append(
                Unit(ai, si, sent.start, sent.end, sent.text, stems, surface, tuple(inside))
            )
    return units


def is_heading(text: str) -> bool:
    """Whether a "sentence" is a subheading: short, without closing punctuation."""
    return len(text.split()) <= HEADING_MAX_WORDS and not _TERMINAL.search(text)


def _idf(units: Sequence[Unit]) -> dict[str, float]:
    df: dict[str, int] = {}
    for u in units:
        for s in u.stems:
            df[s] = df.get(s, 0) + 1
    n = len(units)
    return {s: log((1 + n) / (1 + d)) + 1.0 for s, d in df.items()}


def similarity_pairs(
    units: Sequence[Unit],
    idf: dict[str, float],
    floor: float,
    rare: frozenset[str] = frozenset(),
    themes: frozenset[str] = frozenset(),
):
    """Cosine similarities >= ``floor`` between units of different articles.

    Returns:
        Parallel numpy arrays ``(rows, cols, cosine, shared, distinctive,
        plain)``, ``rows < cols``: the two units, their cosine, how many content
        words they share, how many of those are distinctive and how many are
        not story themes.
    """
    import numpy as np  # imported here: only the comparison needs them
    from scipy import sparse

    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, u in enumerate(units):
        for s in u.stems:
            rows.append(i)
            cols.append(vocab.setdefault(s, len(vocab)))
            vals.append(idf[s])
    empty = np.zeros(0, dtype=np.int64)
    if not vals:
        return empty, empty, np.zeros(0), empty, empty, empty
    shape = (len(units), len(vocab))
    matrix = sparse.csr_matrix((np.asarray(vals, dtype=np.float64), (rows, cols)), shape=shape)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    matrix = sparse.diags(1.0 / norms) @ matrix
    product = sparse.triu(matrix @ matrix.T, k=1).tocoo()
    article = np.asarray([u.article for u in units])
    keep = (product.data >= floor) & (article[product.row] != article[product.col])
    r, c, v = product.row[keep], product.col[keep], product.data[keep]
    binary = sparse.csr_matrix((np.ones(len(vals)), (rows, cols)), shape=shape)

    def shared_within(stems) -> np.ndarray:
        if not len(r):
            return empty
        masked = binary
        if stems is not None:
            mask = np.zeros(len(vocab))
            for stem in stems:
                if stem in vocab:
                    mask[vocab[stem]] = 1.0
            masked = binary @ sparse.diags(mask)
        return np.asarray(masked[r].multiply(masked[c]).sum(axis=1)).ravel().astype(np.int64)

    plain = set(vocab) - themes
    return r, c, v, shared_within(None), shared_within(rare), shared_within(plain)


def theme_stems(units: Sequence[Unit]) -> frozenset[str]:
    """Stems in more than :data:`THEME_SHARE` of all sentences: the story's themes."""
    df: dict[str, int] = {}
    for u in units:
        for s in u.stems:
            df[s] = df.get(s, 0) + 1
    n = len(units)
    return frozenset(s for s, d in df.items() if d > THEME_SHARE * n)


def _shared_quote(x: Unit, y: Unit) -> tuple[int, tuple[tuple[str, ...], str]]:
    # Longest common run of quoted words per quote of x, summed; and the longest
    # run with the quote it came from (turned into text only when explained).
    total, best_len, best = 0, 0, ((), "")
    for words_x, text_x in x.quotes:
        longest = 0
        for words_y, _ in y.quotes:
            m = SequenceMatcher(None, words_x, words_y, autojunk=False).find_longest_match(
                0, len(words_x), 0, len(words_y)
            )
            if m.size > longest:
                longest = m.size
                run = words_x[m.a : m.a + m.size]
        if longest >= QUOTE_WEAK_MIN_WORDS:
            total += longest
            if longest > best_len:
                best_len, best = longest, (run, text_x)
    return total, best


def _original_run(text: str, run: tuple[str, ...]) -> str:
    # The run of words as written, without the quotation marks.
    words = plain_words(text)
    norm = [w for _, _, w in words]
    for i in range(len(norm) - len(run) + 1):
        if tuple(norm[i : i + len(run)]) == run:
            return text[words[i][0] : words[i + len(run) - 1][1]]
    return " ".join(run)


def _quote_candidates(units: Sequence[Unit]) -> set[tuple[int, int]]:
    # Pairs of units (different articles) whose quotes share a word bigram.
    index: dict[tuple[str, str], list[int]] = {}
    for i, u in enumerate(units):
        grams = {g for words, _ in u.quotes for g in zip(words, words[1:], strict=False)}
        for g in grams:
            index.setdefault(g, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        for a, i in enumerate(members):
            for j in members[a + 1 :]:
                if units[i].article != units[j].article:
                    pairs.add((i, j))
    return pairs


def distinctive_stems(units: Sequence[Unit]) -> frozenset[str]:
    """Stems that no article uses in more than one sentence.

    Such a word belongs to one fact ("spending", "Signal"), not to the story's
    theme ("Japan", "alliance"), so sharing it is good evidence.
    """
    seen: dict[str, set[int]] = {}
    repeated: set[str] = set()
    for u in units:
        for s in u.stems:
            articles = seen.setdefault(s, set())
            if u.article in articles:
                repeated.add(s)
            articles.add(u.article)
    return frozenset(
        s
        for s, arts in seen.items()
        if len(arts) > 1 and s not in repeated and s not in DATE_WORDS and not s.isdigit()
    )


def _links(units: Sequence[Unit], arrays, sims: dict) -> list[Edge]:
    """Quote anchors, and similarity links that both of their ends keep.

    Vectorised with numpy: a large story has hundreds of thousands of
    candidate pairs.
    """
    import numpy as np

    r, c, v, shared, rare, plain = arrays
    quoted: dict[tuple[int, int], Edge] = {}
    for i, j in _quote_candidates(units):
        words, run = _shared_quote(units[i], units[j])
        if words >= QUOTE_WEAK_MIN_WORDS:
            sim = sims.get((i, j), 0.0)
            anchor = words >= QUOTE_MIN_WORDS
            if anchor or sim >= SIM_MIN:
                quoted[(i, j)] = Edge(i, j, sim, quote_words=words, anchor=anchor, run=run)
    links = [e for e in quoted.values() if e.anchor]
    if not len(r):
        return links
    n = len(units)
    codes = r.astype(np.int64) * n + c
    anchor_codes = np.asarray([i * n + j for (i, j), e in quoted.items() if e.anchor], np.int64)
    candidate = ((v >= SIM_MIN) & (shared >= MIN_SHARED)) | (
        (plain >= MIN_SHARED_WEAK) & (rare > 0)
    )
    candidate &= ~np.isin(codes, anchor_codes)
    article = np.asarray([u.article for u in units], dtype=np.int64)
    n_articles = int(article.max()) + 1
    rc, cc, vc = r[candidate], c[candidate], v[candidate]
    # Best similarity per (unit, other article); keep links within the ratio.
    key_r = rc.astype(np.int64) * n_articles + article[cc]
    key_c = cc.astype(np.int64) * n_articles + article[rc]
    best = np.zeros(n * n_articles)
    np.maximum.at(best, key_r, vc)
    np.maximum.at(best, key_c, vc)
    kept = (vc >= SECOND_MATCH_RATIO * best[key_r]) & (vc >= SECOND_MATCH_RATIO * best[key_c])
    for i, j, sim in zip(rc[kept].tolist(), cc[kept].tolist(), vc[kept].tolist(), strict=True):
        links.append(quoted.get((i, j)) or Edge(i, j, sim))
    return links


def _explain(e: Edge, units: Sequence[Unit], idf: dict[str, float], rare: frozenset[str]) -> Edge:
    # The shared words, most distinctive first, and the quote as written.
    if e.explained:
        return e
    x, y = units[e.x], units[e.y]
    common = x.stems & y.stems
    e.shared = _shared_words(x, y, idf)
    e.distinctive = tuple(x.surface[s] for s in sorted(common & rare))
    if e.run[0]:
        e.quote = _original_run(e.run[1], e.run[0])
    e.explained = True
    return e


def _shared_words(x: Unit, y: Unit, idf: dict[str, float]) -> tuple[str, ...]:
    common = sorted(x.stems & y.stems, key=lambda s: (-idf.get(s, 0.0), s))
    return tuple(x.surface[s] for s in common)


class _Groups:
    """Union-find over units that keeps each group's members per article."""

    def __init__(self, units: Sequence[Unit], sims: dict):
        self.units = units
        self.sims = sims
        self.parent = list(range(len(units)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(units))}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def try_merge(self, e: Edge) -> bool:
        ra, rb = self.find(e.x), self.find(e.y)
        if ra == rb:
            return True
        merged = self.members[ra] + self.members[rb]
        shared = {self.units[m].article for m in self.members[ra]} & {
            self.units[m].article for m in self.members[rb]
        }
        # Many-to-one means one sentence joining a group that holds its
        # neighbour; two groups that both span the same articles stay apart.
        if shared and min(len(self.members[ra]), len(self.members[rb])) > 1:
            return False
        if not self._consistent(merged):
            return False
        if not e.anchor and self._linkage(self.members[ra], self.members[rb]) < LINK_MIN:
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] = merged
        del self.members[rb]
        return True

    def _consistent(self, members: list[int]) -> bool:
        per: dict[int, list[int]] = {}
        for m in members:
            per.setdefault(self.units[m].article, []).append(self.units[m].sentence)
        for sents in per.values():
            if len(sents) > MAX_PER_ARTICLE or max(sents) - min(sents) + 1 != len(sents):
                return False
        return True

    def _linkage(self, a: list[int], b: list[int]) -> float:
        # Mean similarity across the two sides, over pairs from different articles.
        total, count = 0.0, 0
        for x in a:
            for y in b:
                if self.units[x].article == self.units[y].article:
                    continue
                total += self.sims.get((min(x, y), max(x, y)), 0.0)
                count += 1
        return total / count if count else 0.0


def align(articles: Sequence) -> Alignment:
    """Group the sentences of ``articles`` that report the same thing.

    Args:
        articles: Objects with ``text``, ``sentences`` and ``quotes`` (Spans).

    Returns:
        The alignment: units, groups (lists of unit indices, each spanning at
        least two articles), the links used and the IDF weights.
    """
    units = build_units(articles)
    idf = _idf(units)
    rare = distinctive_stems(units)
    arrays = similarity_pairs(units, idf, SIM_WEAK, rare, theme_stems(units))
    r, c, v = arrays[0].tolist(), arrays[1].tolist(), arrays[2].tolist()
    sims = dict(zip(zip(r, c, strict=True), v, strict=True))
    links = sorted(_links(units, arrays, sims), key=lambda e: (-e.rank, e.x, e.y))
    sims.update({(e.x, e.y): 1.0 for e in links if e.anchor})
    groups = _Groups(units, sims)
    used: dict[tuple[int, int], Edge] = {}
    # Anchors first; then similarity links that attach to an anchored sentence
    # (a shared quote fixes the moment, so a sentence like a quoting one most
    # likely reports that moment); then the rest, strongest first.
    anchored = {i for e in links if e.anchor for i in (e.x, e.y)}
    passes = (
        [e for e in links if e.anchor],
        [e for e in links if not e.anchor and (e.x in anchored or e.y in anchored)],
        [e for e in links if not e.anchor and e.x not in anchored and e.y not in anchored],
    )
    for batch in passes:
        for e in batch:
            if groups.try_merge(e):
                used[(e.x, e.y)] = e
    out = []
    for members in groups.members.values():
        if len({units[m].article for m in members}) < 2:
            continue
        out.append(sorted(members, key=lambda m: (units[m].article, units[m].sentence)))
    out.sort(key=lambda ms: (units[ms[0]].article, units[ms[0]].sentence))
    by_sentence = {
        (units[m].article, units[m].sentence): gi for gi, ms in enumerate(out) for m in ms
    }
    group_edges: list[list[Edge]] = [[] for _ in out]
    for e in used.values():
        gx = by_sentence.get((units[e.x].article, units[e.x].sentence))
        if gx is not None:
            group_edges[gx].append(e)
    return Alignment(units, out, used, idf, by_sentence, rare, group_edges)
