"""Sentence alignment across outlets.

Method (thresholds are module constants, documented in ``docs/compare.md``):

1. **Units.** Every sentence with at least :data:`MIN_CONTENT_WORDS` content
   words (see :mod:`analysis.compare.words`), or with a direct quote.
   Sentences with the same content words and quotes share one *signature*:
   similarities are computed once per pair of distinct signatures, so a
   sentence repeated in many articles costs one comparison, not one per copy.
2. **Pair scores.** Cosine of TF-IDF vectors of the content words (binary
   term frequency, smoothed IDF over every sentence of the story), from an
   inverted index of content words: only pairs that share a word are ever
   visited. A pair counts (:func:`qualifies`) at cosine >= :data:`SIM_MIN`
   with at least :data:`MIN_SHARED` content words in common, or at cosine >=
   :data:`SIM_WEAK` with :data:`MIN_SHARED_WEAK` shared words that are not
   story themes, one of them distinctive (used by one sentence per article).
   Two sentences that quote the same run of at least :data:`QUOTE_MIN_WORDS`
   words are a *quote anchor* and score :data:`ANCHOR_SIM`.
3. **Strongest links first, joined only on average.** The scored pairs are
   taken strongest first; each merges the two groups of its sentences when
   the *average* pair score across the two groups (a pair that does not
   count scores 0) is at least :data:`LINK_AVG`. A sentence joins a group
   only when it is, on average, like all of its members, so one weak link
   (A~B, B~C) cannot pull unrelated A and C together. A group holds one
   sentence per article, except that a single sentence may join a group
   holding its direct neighbour (one outlet may tell in two sentences what
   another tells in one; at most :data:`MAX_PER_ARTICLE`). Once a merge
   spans :data:`SHARE_MIN_PAIRS` pairs, more than :data:`LINK_SHARE` of them
   must count (:func:`joins`): a sentence matches most of the members it
   joins, not one of them strongly.

The groups do not depend on the order of the computation: the merge order is
fixed by the scores and the sentence positions, and :func:`reference_groups` (an
all-pairs version used by the tests) gives the same groups.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from math import log, sqrt

from analysis.compare.words import DATE_WORDS, content_tokens, plain_words

MIN_CONTENT_WORDS = 3
QUOTE_MIN_WORDS = 4
SIM_MIN = 0.2
SIM_WEAK = 0.12
MIN_SHARED = 2
DATE_WEIGHT = 0.3
MIN_SHARED_WEAK = 2
THEME_SHARE = 0.15
ANCHOR_SIM = 1.0
LINK_AVG = 0.095
# A group is joined only when most of the pairs across the two groups
# (different articles) count: a sentence must match most of the members it
# joins, not one of them strongly.
LINK_SHARE = 0.5
# ...once the merge spans at least this many pairs: a sentence joining a
# group of two needs to match one of them (the other may be its looser half).
SHARE_MIN_PAIRS = 3
WEAK_SHARE = 0.0  # measured on the seed gold: 0.3 to 1.0 all lowered F1
MAX_PER_ARTICLE = 3
LABEL_MAX_WORDS = 12
HEADING_MAX_WORDS = 12
# Content words used by more signatures than this (and by more than
# DF_CAP_SHARE of them) do not generate candidate pairs: pairs that share only
# such words are scored from their other words only. Never reached on a story
# of a few dozen articles, so small stories are compared exactly.
DF_CAP = 400
DF_CAP_SHARE = 0.05
# A group keeps at most this many explained links (its strongest).
MAX_GROUP_LINKS = 45

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
    sig: int = 0


@dataclass
class Edge:
    """A link between two units of different articles (internal)."""

    x: int
    y: int
    score: float
    anchor: bool = False
    shared: tuple[str, ...] = ()
    distinctive: tuple[str, ...] = ()
    quote: str = ""
    run: tuple = ((), "")
    explained: bool = False


@dataclass
class Alignment:
    """Everything alignment computed, for the other comparison stages."""

    units: list[Unit]
    groups: list[list[int]]
    idf: dict[str, float]
    scores: dict[int, float]
    by_sentence: dict[tuple[int, int], int] = field(default_factory=dict)
    rare: frozenset[str] = frozenset()
    group_edges: list[list[Edge]] = field(default_factory=list)
    n_sigs: int = 0
    themes: frozenset[str] = frozenset()

    def score(self, x: int, y: int) -> float:
        """The pair score of units ``x`` and ``y`` (0 when the pair does not count)."""
        return pair_score(self.scores, self.units[x].sig, self.units[y].sig, self.n_sigs)

    def explained(self, gi: int, limit: int) -> list[Edge]:
        """Group ``gi``'s links, quote anchors then strongest first, explained."""
        edges = self.group_edges[gi][:limit]
        return [_explain(e, self.units, self.idf, self.rare) for e in edges]


def build_units(articles: Sequence) -> list[Unit]:
    """Turn every article's sentences into alignment units."""
    units: list[Unit] = []
    sigs: dict[tuple, int] = {}
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
            key = (stems, tuple(w for w, _ in inside))
            sig = sigs.setdefault(key, len(sigs))
            units.append(
                Unit(ai, si, sent.start, sent.end, sent.text, stems, surface, tuple(inside), sig)
            )
    return units


def is_heading(text: str) -> bool:
    """Whether a "sentence" is a subheading: short, without closing punctuation."""
    return len(text.split()) <= HEADING_MAX_WORDS and not _TERMINAL.search(text)


def _idf(units: Sequence[Unit]) -> dict[str, float]:
    # Smoothed IDF; calendar words weigh DATE_WEIGHT of theirs: the day is the
    # setting of a fact, not the fact (the gold guidelines' rule 2).
    df: dict[str, int] = {}
    for u in units:
        for s in u.stems:
            df[s] = df.get(s, 0) + 1
    n = len(units)
    return {
        s: (log((1 + n) / (1 + d)) + 1.0) * (DATE_WEIGHT if s in DATE_WORDS else 1.0)
        for s, d in df.items()
    }


def theme_stems(units: Sequence[Unit]) -> frozenset[str]:
    """Stems in more than :data:`THEME_SHARE` of all sentences: the story's themes."""
    df: dict[str, int] = {}
    for u in units:
        for s in u.stems:
            df[s] = df.get(s, 0) + 1
    n = len(units)
    return frozenset(s for s, d in df.items() if d > THEME_SHARE * n)


def distinctive_stems(units: Sequence[Unit]) -> frozenset[str]:
    """Stems that no article uses in more than one sentence.

    Such a word belongs to one fact ("spending", "Signal"), not to the story's
    theme ("Japan", "alliance"), so sharing it is good evidence. Dates and
    numbers are never distinctive.
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


@dataclass
class _Signatures:
    """The distinct signatures: one stem set (with quotes) per entry (internal)."""

    stems: list[frozenset[str]]
    quotes: list[tuple[tuple[tuple[str, ...], str], ...]]
    weights: list[dict[str, float]]
    norms: list[float]


def _signatures(units: Sequence[Unit], idf: dict[str, float]) -> _Signatures:
    n = max((u.sig for u in units), default=-1) + 1
    stems: list[frozenset[str]] = [frozenset()] * n
    quotes: list = [()] * n
    for u in units:
        stems[u.sig], quotes[u.sig] = u.stems, u.quotes
    weights = [{s: idf[s] for s in st} for st in stems]
    norms = [sqrt(sum(w * w for w in ws.values())) or 1.0 for ws in weights]
    return _Signatures(stems, quotes, weights, norms)


def qualifies(cos: float, shared: int, plain: int, rare: int) -> bool:
    """Whether a pair's content-word evidence counts as reporting the same thing.

    Args:
        cos: The pair's cosine similarity.
        shared: Content words in common.
        plain: Common words that are not story themes.
        rare: Common words that are distinctive.
    """
    if cos >= SIM_MIN and shared >= MIN_SHARED:
        return True
    return cos >= SIM_WEAK and plain >= MIN_SHARED_WEAK and rare > 0


def _pair_evidence(
    sig: _Signatures, i: int, j: int, rare: frozenset[str], themes: frozenset[str]
) -> tuple[float, float]:
    # (score, support) of one signature pair. Score: ANCHOR_SIM for a shared
    # quote, the cosine when the content words qualify, else 0. Support, for
    # pairs that do not qualify: WEAK_SHARE of their cosine, which counts in
    # a group's average but never links by itself.
    common = sig.stems[i] & sig.stems[j]
    cos = sum(sig.weights[i][s] ** 2 for s in common) / (sig.norms[i] * sig.norms[j])
    if (
        sig.quotes[i]
        and sig.quotes[j]
        and _shared_quote(sig.quotes[i], sig.quotes[j])[0] >= (QUOTE_MIN_WORDS)
    ):
        return ANCHOR_SIM, 0.0
    plain = sum(1 for s in common if s not in themes)
    n_rare = sum(1 for s in common if s in rare)
    if qualifies(cos, len(common), plain, n_rare):
        return round(cos, 6), 0.0
    return 0.0, round(WEAK_SHARE * cos, 6)


def pair_score(scores: dict[int, float], a: int, b: int, n: int) -> float:
    """The stored score of signatures ``a`` and ``b`` (1.0 for the same signature)."""
    if a == b:
        return 1.0
    if a > b:
        a, b = b, a
    return scores.get(a * n + b, 0.0)


def signature_scores(
    units: Sequence[Unit], idf: dict[str, float], rare: frozenset[str], themes: frozenset[str]
) -> tuple[dict[int, float], dict[int, float], int]:
    """Scores of every pair of distinct signatures that counts, and support.

    Candidates come from an inverted index of content words and of quoted
    word pairs, so only pairs that share something are visited.

    Returns:
        ``({a * n + b: score}, {a * n + b: support}, n)`` with ``a < b``
        signature indices and ``n`` the number of signatures: a compact
        store (one int key per pair). Pairs that score have no support entry.
    """
    sig = _signatures(units, idf)
    n = len(sig.stems)
    cap = max(DF_CAP, int(DF_CAP_SHARE * n))
    postings: dict[str, list[int]] = {}
    for i, stems in enumerate(sig.stems):
        for s in stems:
            postings.setdefault(s, []).append(i)
    quote_postings: dict[tuple[str, str], list[int]] = {}
    for i, qs in enumerate(sig.quotes):
        grams = {g for words, _ in qs for g in zip(words, words[1:], strict=False)}
        for g in grams:
            quote_postings.setdefault(g, []).append(i)
    scores: dict[int, float] = {}
    support: dict[int, float] = {}
    for i in range(n):
        candidates: set[int] = set()
        for s in sig.stems[i]:
            posting = postings[s]
            if len(posting) <= cap:
                candidates.update(j for j in posting if j > i)
        for words, _ in sig.quotes[i]:
            for g in zip(words, words[1:], strict=False):
                candidates.update(j for j in quote_postings.get(g, ()) if j > i)
        for j in candidates:
            score, weak = _pair_evidence(sig, i, j, rare, themes)
            if score > 0:
                scores[i * n + j] = score
            elif weak > 0:
                support[i * n + j] = weak
    return scores, support, n


def _shared_quote(qx, qy) -> tuple[int, tuple[tuple[str, ...], str]]:
    # Longest common run of quoted words per quote of x, summed; and the longest
    # run with the quote it came from (turned into text only when explained).
    total, best_len, best = 0, 0, ((), "")
    for words_x, text_x in qx:
        longest = 0
        for words_y, _ in qy:
            m = SequenceMatcher(None, words_x, words_y, autojunk=False).find_longest_match(
                0, len(words_x), 0, len(words_y)
            )
            if m.size > longest:
                longest = m.size
                run = words_x[m.a : m.a + m.size]
        if longest >= 2:
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


def _explain(e: Edge, units: Sequence[Unit], idf: dict[str, float], rare: frozenset[str]) -> Edge:
    # The shared words, most distinctive first, and the quote as written.
    if e.explained:
        return e
    x, y = units[e.x], units[e.y]
    common = sorted(x.stems & y.stems, key=lambda s: (-idf.get(s, 0.0), s))
    e.shared = tuple(x.surface[s] for s in common)
    e.distinctive = tuple(x.surface[s] for s in common if s in rare)
    if x.quotes and y.quotes:
        words, run = _shared_quote(x.quotes, y.quotes)
        if words >= 2 and run[0]:
            e.quote = _original_run(run[1], run[0])
    e.explained = True
    return e


def link_order(scores: dict[int, float], n_sigs: int) -> list[int]:
    """The scored pairs in the order they are tried.

    Quote anchors first, then links that touch an anchored sentence (a shared
    quote fixes the moment, so a sentence like a quoting one most likely
    reports that moment), then the rest; strongest first within each, ties
    by position.
    """
    anchored = set()
    for key, score in scores.items():
        if score >= ANCHOR_SIM:
            anchored.update(divmod(key, n_sigs))

    def tier(key: int, score: float) -> int:
        if score >= ANCHOR_SIM:
            return 0
        a, b = divmod(key, n_sigs)
        return 1 if a in anchored or b in anchored else 2

    return [k for k, v in sorted(scores.items(), key=lambda kv: (tier(*kv), -kv[1], kv[0]))]


class _Clusters:
    """Average-linkage clustering with incremental bookkeeping (internal).

    Each cluster keeps its members, its article -> sentences map and the sum
    of pair scores to each neighbouring cluster; merging two clusters adds
    their neighbour sums (the smaller map into the larger), so no merge ever
    rescans members.
    """

    def __init__(
        self,
        units: Sequence[Unit],
        scores: dict[int, float],
        support: dict[int, float],
        n_sigs: int,
    ):
        self.units = units
        self.members: dict[int, list[int]] = {}
        self.per_article: dict[int, dict[int, list[int]]] = {}
        self.sums: dict[int, dict[int, float]] = {}
        self.links: dict[int, dict[int, int]] = {}
        self.parent = list(range(len(units)))
        by_sig: dict[int, list[int]] = {}
        for k, u in enumerate(units):
            by_sig.setdefault(u.sig, []).append(k)
        # Copies of one sentence in different articles start as one cluster.
        clusters_of_sig: dict[int, list[int]] = {}
        for s, ks in by_sig.items():
            open_: list[int] = []
            for k in ks:
                target = next(
                    (c for c in open_ if units[k].article not in self.per_article[c]), None
                )
                if target is None:
                    self._new(k)
                    open_.append(k)
                else:
                    self.members[target].append(k)
                    self.per_article[target][units[k].article] = [units[k].sentence]
            clusters_of_sig[s] = open_
            for k in ks:
                if k not in open_:
                    self.parent[k] = next(c for c in open_ if k in self.members[c])
        self.of_sig = clusters_of_sig
        for key, score in [*scores.items(), *support.items()]:
            a, b = divmod(key, n_sigs)
            for ca in clusters_of_sig.get(a, ()):
                for cb in clusters_of_sig.get(b, ()):
                    # Only pairs from different articles count.
                    total = score * self._pairs(ca, cb)
                    if not total:
                        continue
                    self.sums[ca][cb] = self.sums[ca].get(cb, 0.0) + total
                    self.sums[cb][ca] = self.sums[cb].get(ca, 0.0) + total
                    if score > 0 and key in scores:
                        count = self._pairs(ca, cb)
                        self.links[ca][cb] = self.links[ca].get(cb, 0) + count
                        self.links[cb][ca] = self.links[cb].get(ca, 0) + count

    def _new(self, k: int) -> None:
        u = self.units[k]
        self.members[k] = [k]
        self.per_article[k] = {u.article: [u.sentence]}
        self.sums[k] = {}
        self.links[k] = {}

    def _pairs(self, a: int, b: int) -> int:
        # Pairs across the two clusters from different articles.
        pa, pb = self.per_article[a], self.per_article[b]
        if len(pa) > len(pb):
            pa, pb = pb, pa
        same = sum(len(v) * len(pb[art]) for art, v in pa.items() if art in pb)
        return len(self.members[a]) * len(self.members[b]) - same

    def average(self, a: int, b: int) -> float:
        """Mean pair score across clusters ``a`` and ``b``."""
        pairs = self._pairs(a, b)
        return self.sums[a].get(b, 0.0) / pairs if pairs else 0.0

    def linked_share(self, a: int, b: int) -> float:
        """Share of the pairs across clusters ``a`` and ``b`` that count."""
        pairs = self._pairs(a, b)
        return self.links[a].get(b, 0) / pairs if pairs else 0.0

    def joins(self, a: int, b: int) -> bool:
        """Whether clusters ``a`` and ``b`` may merge (see :func:`joins`)."""
        split = not self.per_article[a].keys().isdisjoint(self.per_article[b])
        return joins(self.average(a, b), self.linked_share(a, b), self._pairs(a, b), split)

    def allowed(self, a: int, b: int) -> bool:
        """One sentence per article, or a single sentence joining its neighbour."""
        pa, pb = self.per_article[a], self.per_article[b]
        shared = pa.keys() & pb.keys()
        if not shared:
            return True
        if min(len(self.members[a]), len(self.members[b])) > 1:
            return False
        for art in shared:
            sents = sorted(pa[art] + pb[art])
            if len(sents) > MAX_PER_ARTICLE or sents[-1] - sents[0] + 1 != len(sents):
                return False
        return True

    def run(self, scores: dict[int, float], n_sigs: int) -> None:
        """Try every scored pair once, strongest first (ties by position).

        A pair merges its two groups when they may share a group
        (:meth:`allowed`) and their average pair score reaches :data:`LINK_AVG`.
        """
        for key in link_order(scores, n_sigs):
            a, b = divmod(key, n_sigs)
            for ka in self.of_sig.get(a, ()):
                for kb in self.of_sig.get(b, ()):
                    if self.units[ka].article == self.units[kb].article:
                        continue  # a pair within one article links nothing
                    ca, cb = self.find(ka), self.find(kb)
                    if ca != cb and self.allowed(ca, cb) and self.joins(ca, cb):
                        self._merge(ca, cb)

    def find(self, k: int) -> int:
        """The cluster holding unit ``k``."""
        root = k
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[k] != root:
            self.parent[k], k = root, self.parent[k]
        return root

    def _merge(self, a: int, b: int) -> None:
        if len(self.sums[a]) < len(self.sums[b]):
            a, b = b, a
        self.members[a].extend(self.members.pop(b))
        for art, sents in self.per_article.pop(b).items():
            self.per_article[a].setdefault(art, []).extend(sents)
        self.parent[b] = a
        for table in (self.sums, self.links):
            nb = table.pop(b)
            na = table[a]
            na.pop(b, None)
            for c, total in nb.items():
                if c == a:
                    continue
                na[c] = na.get(c, 0) + total
                sc = table[c]
                sc.pop(b, None)
                sc[a] = na[c]


def joins(average: float, share: float, pairs: int, split: bool) -> bool:
    """Whether two groups merge: average pair score and share of counting pairs.

    Args:
        average: Mean pair score across the two groups (pairs of different
            articles; a pair that does not count scores 0).
        share: Share of those pairs that count; it must exceed
            :data:`LINK_SHARE` (a sentence matches most of the members it
            joins, not one strongly) once there are :data:`SHARE_MIN_PAIRS`
            pairs.
        pairs: The number of those pairs.
        split: The merge puts a sentence beside its neighbour of the same
            article (one outlet telling in two sentences what another tells
            in one): it joins on its neighbour's matches, so the share rule
            does not apply.
    """
    if average < LINK_AVG:
        return False
    return split or pairs < SHARE_MIN_PAIRS or share > LINK_SHARE


def align(articles: Sequence) -> Alignment:
    """Group the sentences of ``articles`` that report the same thing.

    Args:
        articles: Objects with ``text``, ``sentences`` and ``quotes`` (Spans).

    Returns:
        The alignment: units, groups (lists of unit indices, each spanning at
        least two articles), the pair scores, each group's strongest links
        and the IDF weights.
    """
    units = build_units(articles)
    idf = _idf(units)
    rare = distinctive_stems(units)
    themes = theme_stems(units)
    scores, support, n_sigs = signature_scores(units, idf, rare, themes)
    clusters = _Clusters(units, scores, support, n_sigs)
    clusters.run(scores, n_sigs)
    groups = [list(m) for m in clusters.members.values()]
    return _finish(units, groups, idf, scores, n_sigs, rare, themes)


def _finish(units, raw_groups, idf, scores, n_sigs, rare, themes) -> Alignment:
    out = []
    for members in raw_groups:
        if len({units[m].article for m in members}) < 2:
            continue
        out.append(sorted(members, key=lambda m: (units[m].article, units[m].sentence)))
    out.sort(key=lambda ms: (units[ms[0]].article, units[ms[0]].sentence))
    by_sentence = {
        (units[m].article, units[m].sentence): gi for gi, ms in enumerate(out) for m in ms
    }
    al = Alignment(units, out, idf, scores, by_sentence, rare, [], n_sigs, themes)
    al.group_edges = [_group_links(al, ms) for ms in out]
    return al


def _group_links(al: Alignment, members: list[int]) -> list[Edge]:
    # The group's scored pairs (different articles, distinct sentences), quote
    # anchors then strongest first; one pair per pair of signatures, so copies
    # of one sentence add nothing.
    units = al.units
    by_sig: dict[int, list[int]] = {}
    for m in members:
        by_sig.setdefault(units[m].sig, []).append(m)
    sigs = sorted(by_sig)
    edges: list[Edge] = []
    for sa in sigs:  # the same content words in two articles
        first = by_sig[sa][0]
        other = next((y for y in by_sig[sa] if units[y].article != units[first].article), None)
        if other is not None:
            edges.append(Edge(first, other, 1.0))
    for ia, sa in enumerate(sigs):
        for sb in sigs[ia + 1 :]:
            score = pair_score(al.scores, sa, sb, al.n_sigs)
            if score <= 0:
                continue
            pair = next(
                (
                    (x, y)
                    for x in by_sig[sa]
                    for y in by_sig[sb]
                    if units[x].article != units[y].article
                ),
                None,
            )
            if pair is not None:
                x, y = sorted(pair)
                edges.append(Edge(x, y, score, anchor=score >= ANCHOR_SIM))
        if len(edges) > 4 * MAX_GROUP_LINKS:
            break
    edges.sort(key=lambda e: (not e.anchor, -e.score, e.x, e.y))
    return edges[:MAX_GROUP_LINKS]


def reference_groups(articles: Sequence) -> list[list[int]]:
    """The same grouping computed the slow, obvious way (for tests).

    Every pair of units is scored directly and the best pair of groups is
    found by scanning all pairs at each step. Quadratic and cubic; only for
    small stories.
    """
    units = build_units(articles)
    idf = _idf(units)
    rare = distinctive_stems(units)
    themes = theme_stems(units)
    sig = _signatures(units, idf)
    groups = [[k] for k in range(len(units))]

    def evidence(x: int, y: int) -> tuple[float, float]:
        if units[x].article == units[y].article:
            return 0.0, 0.0
        if units[x].sig == units[y].sig:
            return 1.0, 0.0
        return _pair_evidence(sig, units[x].sig, units[y].sig, rare, themes)

    def score(x: int, y: int) -> float:
        return evidence(x, y)[0]

    def joined(ga, gb) -> bool:
        pairs = [(x, y) for x in ga for y in gb if units[x].article != units[y].article]
        if not pairs:
            return False
        average = sum(sum(evidence(x, y)) for x, y in pairs) / len(pairs)
        share = sum(1 for x, y in pairs if score(x, y) > 0) / len(pairs)
        split = bool({units[x].article for x in ga} & {units[y].article for y in gb})
        return joins(average, share, len(pairs), split)

    def allowed(ga, gb) -> bool:
        arts_a = {units[x].article for x in ga}
        arts_b = {units[y].article for y in gb}
        shared = arts_a & arts_b
        if not shared:
            return True
        if min(len(ga), len(gb)) > 1:
            return False
        for art in shared:
            sents = sorted(units[k].sentence for k in ga + gb if units[k].article == art)
            if len(sents) > MAX_PER_ARTICLE or sents[-1] - sents[0] + 1 != len(sents):
                return False
        return True

    anchored = {
        k for x in range(len(units)) for y in range(len(units)) if score(x, y) >= ANCHOR_SIM
        for k in (x, y)
    }  # fmt: skip

    def tier(x: int, y: int) -> int:
        if score(x, y) >= ANCHOR_SIM:
            return 0
        return 1 if x in anchored or y in anchored else 2

    edges = sorted(
        (tier(x, y), -score(x, y), x, y)
        for x in range(len(units))
        for y in range(x + 1, len(units))
        if score(x, y) > 0
    )
    for _, _, x, y in edges:
        ga = next(g for g in groups if x in g)
        gb = next(g for g in groups if y in g)
        if ga is not gb and allowed(ga, gb) and joined(ga, gb):
            groups.remove(gb)
            ga.extend(gb)
    return sorted(
        sorted(g, key=lambda m: (units[m].article, units[m].sentence))
        for g in groups
        if len({units[m].article for m in g}) > 1
    )
