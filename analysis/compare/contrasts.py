"""Word-choice contrasts inside aligned groups, like with like.

For each link in a group (two outlets' sentences that report the same thing):

* **attribution**: the verbs of saying each side uses for the same speaker:
  the verb nearest the shared quote on each side when the link is a quote,
  otherwise each side's first verb with a speaker ("emphasized" / "spoke
  harshly");
* **quote**: the same statement quoted in different words ("war-fighting
  headquarters" / "battle headquarters"), or quoted by one side and
  paraphrased without quote marks by the other;
* **loaded**: a loaded-lexicon hit against a comparable phrase in the same
  place (same kind of word: a verb of saying against a verb of saying, a
  modifier against a modifier, a label against a label), or a loaded word one
  side uses that the other does not;
* **wording**: two plain single words in the same place of otherwise
  matching sentences.

Pairs of a name against anything are dropped ("U.S" / "encourage China",
"Japanese" / "U.S"), and so are phrases of very different length. Every
difference keeps its offsets into both articles' texts. The contrasts are
ranked by :mod:`analysis.compare.rank`, and a contrast whose differences
repeat another's is listed once, with every pair of outlets (``also``).
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from analysis.compare.align import Alignment, Edge
from analysis.compare.quotes import Attribution, attributions, is_saying_verb
from analysis.compare.rank import rank_contrasts
from analysis.compare.units import Unit
from analysis.compare.words import content_tokens, plain_words
from analysis.measures.loaded import lookup
from analysis.results.comparison import Contrast, Difference, Side
from analysis.results.doc import Span

MAX_RUN = 3
MAX_DIFFERENCES = 12
MAX_CONTRASTS_PER_GROUP = 45  # every pair of ten outlets; larger groups keep the strongest
QUOTE_SAME = 0.5  # word-sequence ratio at which two quotes are one statement
PARAPHRASE_SHARE = 0.6  # share of a quote's content words the other side repeats unquoted
PARAPHRASE_EXTRA_WORDS = 3  # a paraphrase is at most this many words longer than the quote
SHORT_QUOTE_WORDS = 6  # quotes up to this long are shown whole when they differ
SAYING = frozenset({"attribution", "manner"})


def _lookup(phrase: str) -> tuple[str, str]:
    entry = lookup(phrase)
    return (entry.category, entry.neutral) if entry is not None else ("", "")


def _loaded_spans(article, unit: Unit) -> list:
    if article.loaded is None:
        return []
    return [m for m in article.loaded.matches if unit.start <= m.start and m.end <= unit.end]


def _attributions(article, u: Unit, cache: dict) -> list[Attribution]:
    # Each sentence takes part in many links of a large group: find its verbs once.
    key = ("atts", id(article), u.start)
    if key not in cache:
        cache[key] = attributions(article.text, Span(u.start, u.end, u.text), article.quotes)
    return cache[key]


def _attribution_pair(
    article_a, ua: Unit, article_b, ub: Unit, edge: Edge, cache: dict
) -> tuple[Attribution, Attribution] | None:
    atts_a = _attributions(article_a, ua, cache)
    atts_b = _attributions(article_b, ub, cache)
    if not atts_a or not atts_b:
        return None
    if edge.quote:
        qa = _quote_pos(article_a, ua, edge.quote)
        qb = _quote_pos(article_b, ub, edge.quote)
        if qa is not None and qb is not None:
            return _nearest(atts_a, qa), _nearest(atts_b, qb)
    # Without a shared quote, only verbs with a speaker on both sides are
    # comparable ("Hegseth emphasized" / "Mr. Hegseth spoke harshly").
    named_a = [a for a in atts_a if a.speaker]
    named_b = [b for b in atts_b if b.speaker]
    if not named_a or not named_b:
        return None
    return named_a[0], named_b[0]


def _quote_pos(article, u: Unit, quote: str) -> int | None:
    i = article.text.find(quote, u.start, u.end)
    if i >= 0:
        return i
    first = quote.split()[0] if quote.split() else ""
    i = article.text.find(first, u.start, u.end) if first else -1
    return i if i >= 0 else None


def _nearest(atts: Sequence[Attribution], pos: int) -> Attribution:
    with_speaker = [a for a in atts if a.speaker] or list(atts)
    return min(with_speaker, key=lambda a: abs(a.start - pos))


def _quotes_in(article, u: Unit) -> list[Span]:
    return [q for q in article.quotes if u.start <= q.start and q.end <= u.end + 1]


def _inner(text: str, q: Span) -> tuple[int, int]:
    # The quote without its marks and trailing punctuation.
    start, end = q.start, q.end
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def quote_differences(article_a, ua: Unit, article_b, ub: Unit) -> list[Difference]:
    """Differences in the quoted wording of the same statement.

    Two quotes are one statement when their words match at a ratio of at
    least :data:`QUOTE_SAME`; their differing runs (the whole quotes when
    short) become ``quote`` differences. A quote whose content words the
    other side repeats outside quote marks (:data:`PARAPHRASE_SHARE`) is a
    paraphrase: the quote against the unquoted phrase.
    """
    out: list[Difference] = []
    qs_b = _quotes_in(article_b, ub)
    matched_b: set[int] = set()
    for qa in _quotes_in(article_a, ua):
        a0, a1 = _inner(article_a.text, qa)
        wa = plain_words(article_a.text[a0:a1])
        if len(wa) < 2:
            continue
        best, best_ratio = None, 0.0
        for k, qb in enumerate(qs_b):
            b0, b1 = _inner(article_b.text, qb)
            wb = plain_words(article_b.text[b0:b1])
            ratio = SequenceMatcher(
                None, [w[2] for w in wa], [w[2] for w in wb], autojunk=False
            ).ratio()
            if ratio > best_ratio:
                best, best_ratio = (k, b0, wb), ratio
        if best is not None and best_ratio >= QUOTE_SAME:
            k, b0, wb = best
            matched_b.add(k)
            if best_ratio < 1.0:
                out.extend(_quote_runs(article_a, a0, wa, article_b, b0, wb))
            continue
        para = _paraphrase(article_a.text, a0, a1, article_b, ub)
        if para is not None:
            out.append(para)
    for k, qb in enumerate(qs_b):
        if k in matched_b:
            continue
        b0, b1 = _inner(article_b.text, qb)
        para = _paraphrase(article_b.text, b0, b1, article_a, ua)
        if para is not None:
            out.append(_swap(para))
    return out


def _quote_runs(article_a, a0, wa, article_b, b0, wb) -> list[Difference]:
    ma = [w[2] for w in wa]
    mb = [w[2] for w in wb]
    ops = [
        op for op in SequenceMatcher(None, ma, mb, autojunk=False).get_opcodes() if op[0] != "equal"
    ]
    if not ops:
        return []
    if len(wa) <= SHORT_QUOTE_WORDS and len(wb) <= SHORT_QUOTE_WORDS:
        spans = [(0, len(wa), 0, len(wb))]
    else:
        spans = [(i1, i2, j1, j2) for _, i1, i2, j1, j2 in ops if i2 > i1 and j2 > j1]
    out = []
    for i1, i2, j1, j2 in spans:
        s_a, e_a = a0 + wa[i1][0], a0 + wa[i2 - 1][1]
        s_b, e_b = b0 + wb[j1][0], b0 + wb[j2 - 1][1]
        out.append(
            Difference(
                article_a.text[s_a:e_a],
                article_b.text[s_b:e_b],
                "quote",
                "quoted",
                "",
                "quoted",
                "",
                s_a,
                e_a,
                s_b,
                e_b,
            )
        )
    return out


def _paraphrase(text_q: str, q0: int, q1: int, other, u: Unit) -> Difference | None:
    # The quoted words repeated by the other sentence without (all) quote marks.
    stems = {s for _, _, s in content_tokens(text_q[q0:q1])}
    if len(stems) < 2:
        return None
    toks = [t for t in content_tokens(u.text, u.start) if t[2] in stems]
    found = {t[2] for t in toks}
    if len(found) < PARAPHRASE_SHARE * len(stems):
        return None
    start, end = toks[0][0], toks[-1][1]
    inside = sum(q.end - q.start for q in other.quotes if start <= q.start and q.end <= end + 1)
    if inside >= end - start:  # quoted there too: not a paraphrase
        return None
    if len(other.text[start:end].split()) > len(text_q[q0:q1].split()) + PARAPHRASE_EXTRA_WORDS:
        return None
    # Take in the quote marks of a phrase that starts or ends inside one.
    while end < u.end and other.text[end] in "”’\"'":
        end += 1
    while start > u.start and other.text[start - 1] in "“‘\"'":
        start -= 1
    return Difference(
        text_q[q0:q1], other.text[start:end], "quote", "quoted", "", "paraphrase", "",
        q0, q1, start, end,
    )  # fmt: skip


def _swap(d: Difference) -> Difference:
    return Difference(
        d.b, d.a, d.kind, d.b_category, d.b_neutral, d.a_category, d.a_neutral,
        d.b_start, d.b_end, d.a_start, d.a_end,
    )  # fmt: skip


def _has_name(text: str) -> bool:
    # Any capitalised word or acronym: a name, a nationality, an institution.
    return any(w[:1].isupper() for w in text.split())


def _comparable(wa: str, wb: str, la, lb) -> str:
    """The kind of a wording pair, or "" when the two are not like with like."""
    if _has_name(wa) or _has_name(wb):
        return ""
    na, nb = len(wa.split()), len(wb.split())
    if la and lb:
        ca, cb = la.category, lb.category
        if (ca in SAYING) == (cb in SAYING) and abs(na - nb) <= 1:
            return "loaded"
        return ""
    if la or lb:
        hit, plain = (la, wb) if la else (lb, wa)
        if len(plain.split()) > 1 or max(na, nb) > 2:
            return ""
        if hit.category in SAYING:
            return "loaded" if is_saying_verb(plain.split()[0]) else ""
        if hit.text.lower().endswith("ly") != plain.lower().endswith("ly"):
            return ""
        return "loaded"
    if na == 1 and nb == 1 and len(wa) > 3 and len(wb) > 3 and wa.isalpha() and wb.isalpha():
        same_shape = wa.endswith("ly") == wb.endswith("ly") and wa.endswith("ed") == wb.endswith(
            "ed"
        )
        return "wording" if same_shape else ""
    return ""


def differences(
    article_a, ua: Unit, article_b, ub: Unit, edge: Edge, cache: dict | None = None
) -> tuple[Difference, ...]:
    """The differences between two aligned sentences.

    Args:
        article_a: The first article.
        ua: Its sentence.
        article_b: The second article.
        ub: Its sentence.
        edge: The link between them.
        cache: Per-sentence results shared across calls (one comparison only).

    Returns:
        At most :data:`MAX_DIFFERENCES` differences, attribution and quotes first.
    """
    cache = {} if cache is None else cache
    out: list[Difference] = []
    skip_a: list[tuple[int, int]] = []
    skip_b: list[tuple[int, int]] = []
    pair = _attribution_pair(article_a, ua, article_b, ub, edge, cache)
    if pair is not None:
        a, b = pair
        skip_a.append((a.start, a.end))
        skip_b.append((b.start, b.end))
        if a.verb.lower() != b.verb.lower():
            ca, na = _lookup(a.verb)
            cb, nb = _lookup(b.verb)
            out.append(
                Difference(
                    a.verb, b.verb, "attribution", ca, na, cb, nb, a.start, a.end, b.start, b.end
                )
            )
    out.extend(quote_differences(article_a, ua, article_b, ub))
    loaded_a = _loaded_spans(article_a, ua)
    loaded_b = _loaded_spans(article_b, ub)
    toks_a = _tokens(article_a, ua, skip_a, cache)
    toks_b = _tokens(article_b, ub, skip_b, cache)
    matcher = SequenceMatcher(None, [t[2] for t in toks_a], [t[2] for t in toks_b], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "replace" or i2 - i1 > MAX_RUN or j2 - j1 > MAX_RUN:
            continue
        sa, ea = toks_a[i1][0], toks_a[i2 - 1][1]
        sb, eb = toks_b[j1][0], toks_b[j2 - 1][1]
        wa, wb = article_a.text[sa:ea], article_b.text[sb:eb]
        la = _covering(loaded_a, sa, ea)
        lb = _covering(loaded_b, sb, eb)
        kind = _comparable(wa, wb, la, lb)
        if not kind:
            continue
        out.append(
            Difference(
                wa, wb, kind,
                la.category if la else "", la.neutral if la else "",
                lb.category if lb else "", lb.neutral if lb else "",
                sa, ea, sb, eb,
            )
        )  # fmt: skip
    a_words = {t[2] for t in toks_a}
    b_words = {t[2] for t in toks_b}
    # Loaded words inside quotes are the speaker's, not the outlet's choice.
    # A verb of saying is compared only with the other side's verb (above).
    loaded_a = [m for m in loaded_a if m.category not in SAYING]
    loaded_b = [m for m in loaded_b if m.category not in SAYING]
    for m in loaded_a:
        if m.in_quote or _skipped(m, skip_a) or _stems(m.text) <= b_words:
            continue
        if _already(out, m.start, "a"):
            continue
        out.append(
            Difference(m.text, "", "loaded", m.category, m.neutral, a_start=m.start, a_end=m.end)
        )
    for m in loaded_b:
        if m.in_quote or _skipped(m, skip_b) or _stems(m.text) <= a_words:
            continue
        if _already(out, m.start, "b"):
            continue
        out.append(
            Difference("", m.text, "loaded", b_category=m.category, b_neutral=m.neutral,
                       b_start=m.start, b_end=m.end)
        )  # fmt: skip
    return tuple(out[:MAX_DIFFERENCES])


def _tokens(article, u: Unit, skip: list[tuple[int, int]], cache: dict):
    key = ("tokens", id(article), u.start)
    if key not in cache:
        quotes = [q for q in article.quotes if q.start < u.end and u.start < q.end]
        cache[key] = [
            t
            for t in content_tokens(u.text, u.start)
            if not any(q.start <= t[0] < q.end for q in quotes)
        ]
    return [t for t in cache[key] if not any(s <= t[0] < e for s, e in skip)]


def _covering(matches, start: int, end: int):
    return next((m for m in matches if m.start < end and start < m.end), None)


def _skipped(m, skip) -> bool:
    return any(s <= m.start < e for s, e in skip)


def _stems(text: str) -> set[str]:
    return {t[2] for t in content_tokens(text)}


def _already(out: list[Difference], start: int, side: str) -> bool:
    return any(
        (d.a_start <= start < d.a_end) if side == "a" else (d.b_start <= start < d.b_end)
        for d in out
    )


def build_contrasts(
    articles: Sequence, al: Alignment, atts: Sequence[Sequence[Sequence]] | None = None
) -> tuple[Contrast, ...]:
    """Contrasts for the links inside every group, ranked, duplicates collapsed.

    Args:
        articles: The story's articles.
        al: The alignment.
        atts: Each article's :func:`~analysis.compare.quotes.sentence_attributions`,
            when already found (otherwise found here, sentence by sentence).
    """
    cache: dict = {}
    for a, found in zip(articles, atts or (), strict=False):
        for sent, sent_atts in zip(a.sentences or (), found, strict=True):
            cache[("atts", id(a), sent.start)] = sent_atts
    out: list[Contrast] = []
    for gi in range(len(al.groups)):
        for e in al.explained(gi, MAX_CONTRASTS_PER_GROUP):
            ua, ub = al.units[e.x], al.units[e.y]
            if ua.article > ub.article:
                ua, ub = ub, ua
            art_a, art_b = articles[ua.article], articles[ub.article]
            diffs = differences(art_a, ua, art_b, ub, e, cache)
            if not diffs:
                continue
            out.append(
                Contrast(
                    gi,
                    Side(art_a.id, ua.text, ua.start, ua.end),
                    Side(art_b.id, ub.text, ub.start, ub.end),
                    diffs,
                )
            )
    return rank_contrasts(out)
