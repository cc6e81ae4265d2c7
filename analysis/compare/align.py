"""Sentence alignment across outlets.

Method (constants here, learned weights and thresholds in
``analysis/data/alignment_weights.tsv``; documented in ``docs/compare.md``):

1. **Units.** Every sentence with at least :data:`MIN_CONTENT_WORDS` content
   words (see :mod:`analysis.compare.words`), or with a direct quote.
   Sentences with the same content words and quotes share one *signature*:
   scores are computed once per pair of distinct signatures, so a sentence
   repeated in many articles costs one comparison, not one per copy.
2. **Candidates.** From an inverted index of content words and quoted word
   pairs: only pairs of signatures that share something are ever visited.
3. **Pair scores.** A small logistic model (:mod:`analysis.compare.scorer`)
   over explainable features of each candidate pair: the TF-IDF cosine of
   the content words, the weight of shared words that are not story themes,
   shared distinctive words, numbers, names and quoted words, whether each
   is the other's best match in its article, their places in the articles
   (ledes pair with ledes), and their lengths. A pair *matches* when its
   score reaches the table's ``match`` threshold and may *link* (start or
   extend a group) when it reaches ``link``.
4. **Strongest links first, joined only on average, by most members.** The
   linking pairs are taken strongest first; each merges the two groups of
   its sentences when the *average* pair score across the two groups (a pair
   that is no candidate scores 0) reaches the table's ``average`` and more
   than :data:`LINK_SHARE` of those pairs match (:func:`joins`): a sentence
   joins a group only when it matches most of its members, so one strong
   link (A~B, B~C) cannot pull unrelated A and C together. A group holds one
   sentence per article, except that a single sentence may join a group
   holding its direct neighbour (one outlet may tell in two sentences what
   another tells in one; at most :data:`MAX_PER_ARTICLE`).
5. **Mutual best matches left alone.** Two sentences that no group took
   link at a lower score (the table's ``mutual``) when each is the other's
   best-scoring partner in the other's article (:func:`mutual_singles`).
6. **Statements told in two sentences.** Two groups that each hold one half
   of one outlet's statement (a quote and its attribution or continuation
   in the next sentence, :func:`statement_pairs`) merge when the mean score
   across them reaches the table's ``statement`` share of its ``average``
   (:func:`merge_statements`).

The groups do not depend on the order of the computation: the merge order is
fixed by the scores and the sentence positions, and :func:`reference_groups` (an
all-pairs version used by the tests) gives the same groups.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from math import log, sqrt

from analysis.compare.regroup import merge_statements, mutual_singles, single_pairs, split_singles
from analysis.compare.scorer import (
    LEDE_SENTENCES,
    Weights,
    contributions,
    load_weights,
    pair_features,
    probability,
)
from analysis.compare.units import MAX_PER_ARTICLE, Scores, Unit, pair_score
from analysis.compare.words import DATE_WORDS, content_tokens, plain_words

MIN_CONTENT_WORDS = 3
QUOTE_MIN_WORDS = 4
DATE_WEIGHT = 0.3
THEME_SHARE = 0.15
# A group is joined only when most of the pairs across the two groups
# (different articles) match: a sentence must match most of the members it
# joins, not one of them strongly...
LINK_SHARE = 0.5
# ...once the merge spans at least this many pairs (always, in effect: a
# single pair is the link being tried).
SHARE_MIN_PAIRS = 2
# The content-word rule of the previous aligner, kept as one feature of the
# learned scorer (see qualifies): chosen on the seed gold only, before it.
SIM_MIN = 0.2
SIM_WEAK = 0.12
MIN_SHARED = 2
MIN_SHARED_WEAK = 2
# Pairs scoring below this neither match nor count in a group's average:
# they are not stored (a compact store; their share of an average is tiny).
SUPPORT_MIN = 0.01
REPEAT_SHARE = 1.0
QUOTE_INTROS = True  # measured: CV F1 0.753 without, 0.758 with (docs/compare.md)
# Two groups that each hold one half of one outlet's statement (a quote and
# its attribution or continuation in the next sentence) merge when the mean
# score across them reaches the table's `statement` share of its `average`
# and each spans at least STATEMENT_MIN_ARTICLES articles (merge_statements).
STATEMENTS = True
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
# A link's explanation lists at most this many features, each raising the
# log-odds by at least EVIDENCE_MIN against a typical candidate pair.
EVIDENCE_MAX = 4
EVIDENCE_MIN = 0.1

_TERMINAL = re.compile(r"[.!?…:;][\"”’)\]]*$")
KEYWORDS = 5


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
    cosine: float = 0.0
    evidence: tuple[tuple[str, float], ...] = ()


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
    cosines: dict[int, float] = field(default_factory=dict)
    context: _Context | None = None

    def score(self, x: int, y: int) -> float:
        """The learned score of units ``x`` and ``y`` (0 when the pair does not match)."""
        return pair_score(self.scores, self.units[x].sig, self.units[y].sig, self.n_sigs)

    def cosine(self, x: int, y: int) -> float:
        """The content-word cosine of units ``x`` and ``y``, if they match (else 0)."""
        return pair_score(self.cosines, self.units[x].sig, self.units[y].sig, self.n_sigs)

    def explained(self, gi: int, limit: int) -> list[Edge]:
        """Group ``gi``'s links, quote anchors then strongest first, explained."""
        edges = self.group_edges[gi][:limit]
        return [_explain(e, self.units, self.context) for e in edges]


def build_units(
    articles: Sequence, speakers: Sequence[Sequence[frozenset[str]]] | None = None
) -> list[Unit]:
    """Turn every article's sentences into alignment units.

    Args:
        articles: The articles.
        speakers: Per article, per sentence, the speakers it quotes or
            reports (:func:`analysis.compare.quotes.sentence_speakers`);
            without them no statement is known to span two sentences.
    """
    units: list[Unit] = []
    sigs: dict[tuple, int] = {}
    for ai, article in enumerate(articles):
        said = speakers[ai] if speakers is not None else ()
        quotes = tuple(article.quotes or ())
        last = max(1, len(article.sentences or ()) - 1)
        for si, sent in enumerate(article.sentences or ()):
            tokens = content_tokens(sent.text, sent.start)
            stems = frozenset(s for _, _, s in tokens)
            surface: dict[str, str] = {}
            names = set()
            for start, end, s in tokens:
                surface.setdefault(s, article.text[start:end])
                if article.text[start].isupper():
                    names.add(s)
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
                Unit(
                    ai,
                    si,
                    sent.start,
                    sent.end,
                    sent.text,
                    stems,
                    surface,
                    tuple(inside),
                    sig,
                    si / last,
                    frozenset(names),
                    said[si] if si < len(said) else frozenset(),
                )
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
    """The distinct signatures: one stem set (with quotes) per entry (internal).

    ``article``, ``sentence``, ``position`` and ``names`` are those of the
    signature's first unit: a sentence repeated word for word in several
    articles is placed where it first occurs.
    """

    stems: list[frozenset[str]]
    quotes: list[tuple[tuple[tuple[str, ...], str], ...]]
    weights: list[dict[str, float]]
    norms: list[float]
    article: list[int]
    sentence: list[int]
    position: list[float]
    names: list[frozenset[str]]


def _signatures(units: Sequence[Unit], idf: dict[str, float]) -> _Signatures:
    n = max((u.sig for u in units), default=-1) + 1
    first: list[Unit | None] = [None] * n
    for u in units:
        if first[u.sig] is None:
            first[u.sig] = u
    heads = [u for u in first if u is not None]
    weights = [{s: idf[s] for s in u.stems} for u in heads]
    return _Signatures(
        stems=[u.stems for u in heads],
        quotes=[u.quotes for u in heads],
        weights=weights,
        norms=[sqrt(sum(w * w for w in ws.values())) or 1.0 for ws in weights],
        article=[u.article for u in heads],
        sentence=[u.sentence for u in heads],
        position=[u.position for u in heads],
        names=[u.names for u in heads],
    )


@dataclass
class _Context:
    """What scoring a pair of signatures needs (internal; kept to explain links)."""

    sig: _Signatures
    idf: dict[str, float]
    rare: frozenset[str]
    themes: frozenset[str]
    weights: Weights
    best: dict[tuple[int, int], float] = field(default_factory=dict)
    # (unit, unit) -> score of the links added after the clustering (quote
    # introductions, mutual best matches), so that the groups explain them.
    intros: dict[tuple[int, int], float] = field(default_factory=dict)

    def cosine(self, i: int, j: int) -> float:
        """Cosine of signatures ``i`` and ``j``'s TF-IDF vectors."""
        sig = self.sig
        common = sig.stems[i] & sig.stems[j]
        return sum(sig.weights[i][s] ** 2 for s in common) / (sig.norms[i] * sig.norms[j])

    def note_best(self, i: int, j: int, cos: float) -> None:
        """Record ``cos`` as a candidate for each side's best match in the other's article."""
        for a, b in ((i, j), (j, i)):
            key = (a, self.sig.article[b])
            if cos > self.best.get(key, 0.0):
                self.best[key] = cos

    def features(self, i: int, j: int, cos: float) -> dict[str, float]:
        """The scorer's features of signatures ``i`` and ``j`` (see ``pair_features``)."""
        sig = self.sig
        common = sig.stems[i] & sig.stems[j]
        # One pass over the shared words (this runs for every candidate pair).
        plain = rare = numbers = names = 0
        shared_idf = 0.0
        names_i, names_j = sig.names[i], sig.names[j]
        for s in common:
            if s in self.rare:
                rare += 1
            if s[:1].isdigit():
                numbers += 1
            if s not in self.themes:
                plain += 1
                shared_idf += self.idf[s]
                if s in names_i and s in names_j:
                    names += 1
        quoted = 0
        if sig.quotes[i] and sig.quotes[j]:
            quoted = _shared_quote(sig.quotes[i], sig.quotes[j])[0]
        best_i = self.best.get((i, sig.article[j]), 0.0)
        best_j = self.best.get((j, sig.article[i]), 0.0)
        ratio = min(cos / best_i if best_i else 0.0, cos / best_j if best_j else 0.0)
        n_i, n_j = len(sig.stems[i]), len(sig.stems[j])
        return pair_features(
            cos=cos,
            rule=qualifies(cos, len(common), plain, rare),
            shared_idf=shared_idf,
            rare=rare,
            numbers=numbers,
            names=names,
            quoted=quoted,
            ratio=ratio,
            mutual=cos > 0 and cos >= best_i and cos >= best_j,
            distance=abs(sig.position[i] - sig.position[j]),
            lede=sig.sentence[i] < LEDE_SENTENCES and sig.sentence[j] < LEDE_SENTENCES,
            length_ratio=min(n_i, n_j) / max(n_i, n_j, 1),
            theme_share=1 - plain / max(1, len(common)),
        )

    def probability(self, i: int, j: int, cos: float) -> float:
        """The learned score of signatures ``i`` and ``j``."""
        return probability(self.features(i, j, cos), self.weights)


def qualifies(cos: float, shared: int, plain: int, rare: int) -> bool:
    """The content-word rule: whether a pair's shared words look like one fact.

    Cosine >= :data:`SIM_MIN` with :data:`MIN_SHARED` words in common, or
    cosine >= :data:`SIM_WEAK` with :data:`MIN_SHARED_WEAK` common words that
    are not story themes, one of them distinctive. It was the whole
    aligner before the learned scorer; now it is one of the scorer's features.

    Args:
        cos: The pair's cosine similarity.
        shared: Content words in common.
        plain: Common words that are not story themes.
        rare: Common words that are distinctive.
    """
    if cos >= SIM_MIN and shared >= MIN_SHARED:
        return True
    return cos >= SIM_WEAK and plain >= MIN_SHARED_WEAK and rare > 0


def candidates(sig: _Signatures) -> list[tuple[int, int]]:
    """Pairs of signatures that share a content word or a quoted word pair.

    Content words used by more than :data:`DF_CAP` signatures (and by more
    than :data:`DF_CAP_SHARE` of them) generate no candidates.
    """
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
    out: list[tuple[int, int]] = []
    for i in range(n):
        found: set[int] = set()
        for s in sig.stems[i]:
            posting = postings[s]
            if len(posting) <= cap:
                found.update(j for j in posting if j > i)
        for words, _ in sig.quotes[i]:
            for g in zip(words, words[1:], strict=False):
                found.update(j for j in quote_postings.get(g, ()) if j > i)
        out.extend((i, j) for j in sorted(found))
    return out


def pair_cosines(ctx: _Context, pairs: Sequence[tuple[int, int]]) -> list[float]:
    """Each candidate pair's cosine; each side's best match is noted on the way."""
    cos = [ctx.cosine(i, j) for i, j in pairs]
    for (i, j), c in zip(pairs, cos, strict=True):
        ctx.note_best(i, j, c)
    return cos


def score_pairs(ctx: _Context, pairs: Sequence[tuple[int, int]]) -> Scores:
    """Score candidate pairs: cosines first (for each side's best match), then the model."""
    cos = pair_cosines(ctx, pairs)
    probs = [ctx.probability(i, j, c) for (i, j), c in zip(pairs, cos, strict=True)]
    return split_scores(pairs, cos, probs, len(ctx.sig.stems), ctx.weights.match)


def split_scores(
    pairs: Sequence[tuple[int, int]],
    cos: Sequence[float],
    probs: Sequence[float],
    n: int,
    match: float,
) -> Scores:
    """Store scored pairs: matching ones (score >= ``match``) apart from the support."""
    matches: dict[int, float] = {}
    support: dict[int, float] = {}
    cosines: dict[int, float] = {}
    for (i, j), c, prob in zip(pairs, cos, probs, strict=True):
        p = round(prob, 6)
        if p >= match:
            matches[i * n + j] = p
            cosines[i * n + j] = round(c, 6)
        elif p >= SUPPORT_MIN:
            support[i * n + j] = p
    return Scores(matches, support, cosines, n)


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


def _explain(e: Edge, units: Sequence[Unit], ctx: _Context) -> Edge:
    # The shared words, most distinctive first, the quote as written, and the
    # features that set the learned score (largest push first).
    if e.explained:
        return e
    x, y = units[e.x], units[e.y]
    common = sorted(x.stems & y.stems, key=lambda s: (-ctx.idf.get(s, 0.0), s))
    e.shared = tuple(x.surface[s] for s in common)
    e.distinctive = tuple(x.surface[s] for s in common if s in ctx.rare)
    if x.quotes and y.quotes:
        words, run = _shared_quote(x.quotes, y.quotes)
        if words >= 2 and run[0]:
            e.quote = _original_run(run[1], run[0])
    if x.sig != y.sig:
        e.cosine = round(ctx.cosine(x.sig, y.sig), 3)
        features = ctx.features(x.sig, y.sig, ctx.cosine(x.sig, y.sig))
        pushes = contributions(features, ctx.weights)
        e.evidence = tuple((f, c) for f, c in pushes[:EVIDENCE_MAX] if c >= EVIDENCE_MIN)
    else:
        e.cosine = 1.0
    e.explained = True
    return e


def link_order(scores: dict[int, float], link: float) -> list[int]:
    """The pairs that may link, in the order they are tried: strongest first, ties by position."""
    return [k for k, v in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])) if v >= link]


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
        average_min: float,
    ):
        self.units = units
        self.average_min = average_min
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
        kind = self.kind(a, b)
        share = self.linked_share(a, b)
        if kind == "repeat":
            return share >= REPEAT_SHARE and self.average(a, b) >= self.average_min
        return joins(
            self.average(a, b), share, self._pairs(a, b), kind == "split", self.average_min
        )

    def kind(self, a: int, b: int) -> str:
        """How clusters ``a`` and ``b`` would share articles if merged.

        Returns:
            "plain" (no article in common), "split" (a single sentence
            beside its neighbour), "repeat" (a single sentence with another,
            not adjacent, of its article: it must match every member of the
            other articles, :data:`REPEAT_SHARE`) or "" (not allowed).
        """
        pa, pb = self.per_article[a], self.per_article[b]
        shared = pa.keys() & pb.keys()
        if not shared:
            return "plain"
        if min(len(self.members[a]), len(self.members[b])) > 1:
            return ""
        out = "split"
        for art in shared:
            sents = sorted(pa[art] + pb[art])
            if len(sents) > MAX_PER_ARTICLE:
                return ""
            if sents[-1] - sents[0] + 1 != len(sents):
                out = "repeat"
        return out

    def allowed(self, a: int, b: int) -> bool:
        """One sentence per article, or a single sentence joining its neighbour."""
        return bool(self.kind(a, b))

    def run(self, order: Sequence[int], n_sigs: int) -> None:
        """Try every linking pair once, in ``order`` (see :func:`link_order`).

        A pair merges its two groups when they may share a group
        (:meth:`allowed`) and :meth:`joins` accepts the merge.
        """
        for key in order:
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


def joins(average: float, share: float, pairs: int, split: bool, minimum: float) -> bool:
    """Whether two groups merge: average pair score and share of matching pairs.

    Args:
        average: Mean pair score across the two groups (pairs of different
            articles; a pair that is no candidate scores 0).
        share: Share of those pairs that match; it must exceed
            :data:`LINK_SHARE` (a sentence matches most of the members it
            joins, not one strongly) once there are :data:`SHARE_MIN_PAIRS`
            pairs.
        pairs: The number of those pairs.
        split: The merge puts a sentence beside its neighbour of the same
            article (one outlet telling in two sentences what another tells
            in one): it joins on its neighbour's matches, so the share rule
            does not apply.
        minimum: The least average (the weights table's ``average``).
    """
    if average < minimum:
        return False
    return split or pairs < SHARE_MIN_PAIRS or share > LINK_SHARE


def align(
    articles: Sequence,
    weights: Weights | None = None,
    speakers: Sequence[Sequence[frozenset[str]]] | None = None,
) -> Alignment:
    """Group the sentences of ``articles`` that report the same thing.

    Args:
        articles: Objects with ``text``, ``sentences`` and ``quotes`` (Spans).
        weights: The pair scorer's table; the shipped one by default
            (training passes its own).
        speakers: Per article, per sentence, who it quotes or reports
            (:func:`analysis.compare.quotes.sentence_speakers`): a statement
            told in two sentences is kept together (:func:`merge_statements`).

    Returns:
        The alignment: units, groups (lists of unit indices, each spanning at
        least two articles), the pair scores, each group's strongest links
        and the IDF weights.
    """
    units = build_units(articles, speakers)
    ctx = context(units, weights)
    scores = score_pairs(ctx, candidates(ctx.sig))
    return _finish(units, cluster(units, scores, ctx.weights, ctx), ctx, scores)


def cluster(
    units: Sequence[Unit], scores: Scores, weights: Weights, ctx: _Context | None = None
) -> list[list[int]]:
    """The groups (unit indices, single sentences included) from the pair scores.

    With ``ctx``, the first halves of split quotes are then added
    (:func:`quote_intros`).
    """
    clusters = _Clusters(units, scores.matches, scores.support, scores.n, weights.average)
    clusters.run(link_order(scores.matches, weights.link), scores.n)
    groups = [list(m) for m in clusters.members.values()]
    linked: dict[tuple[int, int], float] = {}
    singles = single_pairs(units, scores)
    groups = mutual_singles(units, groups, singles, weights.mutual, linked)
    groups = split_singles(units, groups, singles, weights.average, linked)
    if ctx is not None:
        ctx.intros.update(linked)
    if ctx is not None and QUOTE_INTROS:
        groups = quote_intros(units, groups, ctx)
    if STATEMENTS:
        groups = merge_statements(units, groups, scores, weights, linked_out(ctx))
    return groups


def linked_out(ctx: _Context | None) -> dict[tuple[int, int], float] | None:
    """Where the passes after the clustering record their links (``ctx.intros``)."""
    return ctx.intros if ctx is not None else None


def quote_intros(units: Sequence[Unit], groups: list[list[int]], ctx: _Context) -> list[list[int]]:
    """Add the sentence that leads into a shared quote to the quote's group.

    One outlet may characterise a statement in one sentence and quote it in
    the next ("spoke harshly of the alliance, saying ..." then "'America
    first does not mean America alone,' Mr. Hegseth told reporters") while
    another does both in one (the guidelines' rule 3, a split). A sentence
    left on its own joins the group of the sentence right after it when that
    group is held together by a shared quote (a quote anchor) and, for a
    member of another article, the sentence passes the content-word rule
    (:func:`qualifies`) and that member is its best match in its article.
    """
    where = {m: gi for gi, ms in enumerate(groups) for m in ms}
    at = {(u.article, u.sentence): k for k, u in enumerate(units)}
    for k, u in enumerate(units):
        if len(groups[where[k]]) != 1:
            continue
        nb = at.get((u.article, u.sentence + 1))
        if nb is None or len(groups[where[nb]]) < 2:
            continue
        g = groups[where[nb]]
        if sum(1 for m in g if units[m].article == u.article) >= MAX_PER_ARTICLE - 1:
            continue
        if not any(is_anchor(units[nb], units[m]) for m in g if units[m].article != u.article):
            continue
        match = next((m for m in g if units[m].article != u.article
                      and _intro_match(ctx, u, units[m])), None)  # fmt: skip
        if match is not None:
            y = units[match]
            ctx.intros[tuple(sorted((k, match)))] = ctx.probability(
                u.sig, y.sig, ctx.cosine(u.sig, y.sig)
            )
            g.append(k)
            groups[where[k]] = []
            where[k] = where[nb]
    return [g for g in groups if g]


def _intro_match(ctx: _Context, x: Unit, y: Unit) -> bool:
    # x passes the content-word rule with y, and y is x's best match in y's article.
    cos = ctx.cosine(x.sig, y.sig)
    common = x.stems & y.stems
    plain = sum(1 for s in common if s not in ctx.themes)
    rare = sum(1 for s in common if s in ctx.rare)
    best = ctx.best.get((x.sig, y.article), 0.0)
    return qualifies(cos, len(common), plain, rare) and 0 < best <= cos


def context(units: Sequence[Unit], weights: Weights | None = None) -> _Context:
    """The story-level statistics the scorer reads (IDF, themes, distinctive words)."""
    idf = _idf(units)
    return _Context(
        _signatures(units, idf),
        idf,
        distinctive_stems(units),
        theme_stems(units),
        weights or load_weights(),
    )


def _finish(units, raw_groups, ctx: _Context, scores: Scores) -> Alignment:
    out = []
    for members in raw_groups:
        if len({units[m].article for m in members}) < 2:
            continue
        out.append(sorted(members, key=lambda m: (units[m].article, units[m].sentence)))
    out.sort(key=lambda ms: (units[ms[0]].article, units[ms[0]].sentence))
    by_sentence = {
        (units[m].article, units[m].sentence): gi for gi, ms in enumerate(out) for m in ms
    }
    al = Alignment(
        units,
        out,
        ctx.idf,
        scores.matches,
        by_sentence,
        ctx.rare,
        [],
        scores.n,
        ctx.themes,
        scores.cosines,
        ctx,
    )
    al.group_edges = [_group_links(al, ms) for ms in out]
    return al


def _group_links(al: Alignment, members: list[int]) -> list[Edge]:
    # The group's matching pairs (different articles, distinct sentences), quote
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
                edges.append(Edge(x, y, score, anchor=is_anchor(units[x], units[y])))
        if len(edges) > 4 * MAX_GROUP_LINKS:
            break
    inside = set(members)
    for (x, y), score in al.context.intros.items():
        if x in inside and y in inside:
            edges.append(Edge(x, y, round(score, 6)))
    edges.sort(key=lambda e: (not e.anchor, -e.score, e.x, e.y))
    return edges[:MAX_GROUP_LINKS]


def is_anchor(x: Unit, y: Unit) -> bool:
    """Whether two units quote a common run of at least :data:`QUOTE_MIN_WORDS` words."""
    return bool(x.quotes and y.quotes) and _shared_quote(x.quotes, y.quotes)[0] >= QUOTE_MIN_WORDS


def reference_groups(
    articles: Sequence, speakers: Sequence[Sequence[frozenset[str]]] | None = None
) -> list[list[int]]:
    """The same grouping computed the slow, obvious way (for tests).

    Every pair of units is scored directly (each side's best match found by
    scanning all pairs), and the best pair of groups is found by scanning all
    pairs at each step. Quadratic and cubic; only for small stories.
    """
    units = build_units(articles, speakers)
    ctx = context(units)
    sig, w = ctx.sig, ctx.weights
    n = len(sig.stems)

    def shares(i: int, j: int) -> bool:
        grams = [{g for ws, _ in sig.quotes[k] for g in zip(ws, ws[1:], strict=False)}
                 for k in (i, j)]  # fmt: skip
        return bool(sig.stems[i] & sig.stems[j]) or bool(grams[0] & grams[1])

    pairs = [(i, j) for i in range(n) for j in range(i + 1, n) if shares(i, j)]
    for i, j in pairs:
        ctx.note_best(i, j, ctx.cosine(i, j))
    p = {(i, j): ctx.probability(i, j, ctx.cosine(i, j)) for i, j in pairs}

    def score(x: int, y: int) -> float:
        if units[x].article == units[y].article:
            return 0.0
        a, b = sorted((units[x].sig, units[y].sig))
        return 1.0 if a == b else round(p.get((a, b), 0.0), 6)

    def joined(ga, gb) -> bool:
        cross = [(x, y) for x in ga for y in gb if units[x].article != units[y].article]
        if not cross:
            return False
        kept = [score(x, y) for x, y in cross]
        average = sum(v for v in kept if v >= SUPPORT_MIN) / len(cross)
        share = sum(1 for v in kept if v >= w.match) / len(cross)
        how = kind(ga, gb)
        if how == "repeat":
            return share >= REPEAT_SHARE and average >= w.average
        return joins(average, share, len(cross), how == "split", w.average)

    def kind(ga, gb) -> str:
        shared = {units[x].article for x in ga} & {units[y].article for y in gb}
        if not shared:
            return "plain"
        if min(len(ga), len(gb)) > 1:
            return ""
        out = "split"
        for art in shared:
            sents = sorted(units[k].sentence for k in ga + gb if units[k].article == art)
            if len(sents) > MAX_PER_ARTICLE:
                return ""
            if sents[-1] - sents[0] + 1 != len(sents):
                out = "repeat"
        return out

    groups = [[k] for k in range(len(units))]
    edges = sorted(
        (-score(x, y), x, y)
        for x in range(len(units))
        for y in range(x + 1, len(units))
        if score(x, y) >= w.link
    )
    for _, x, y in edges:
        ga = next(g for g in groups if x in g)
        gb = next(g for g in groups if y in g)
        if ga is not gb and kind(ga, gb) and joined(ga, gb):
            groups.remove(gb)
            ga.extend(gb)
    copies = Counter(u.sig for u in units)
    singles = [
        (x, y, score(x, y))
        for x in range(len(units))
        for y in range(x + 1, len(units))
        if copies[units[x].sig] == 1 == copies[units[y].sig]
        and units[x].article != units[y].article
        and score(x, y) >= SUPPORT_MIN
    ]
    groups = mutual_singles(units, groups, singles, w.mutual)
    groups = split_singles(units, groups, singles, w.average)
    groups = quote_intros(units, groups, ctx)
    if STATEMENTS:
        all_pairs = {}
        for i, j in pairs:
            all_pairs[i * n + j] = round(p[(i, j)], 6)
        store = Scores(
            {k: v for k, v in all_pairs.items() if v >= w.match},
            {k: v for k, v in all_pairs.items() if SUPPORT_MIN <= v < w.match},
            {},
            n,
        )
        groups = merge_statements(units, groups, store, w)
    return sorted(
        sorted(g, key=lambda m: (units[m].article, units[m].sentence))
        for g in groups
        if len({units[m].article for m in g}) > 1
    )
