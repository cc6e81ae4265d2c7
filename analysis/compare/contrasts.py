"""Word-choice contrasts inside aligned groups.

For each link in a group (two outlets' sentences that report the same thing):

* **attribution**: the verbs of saying each side uses for the same speaker,
  paired: the verb nearest the shared quote on each side when the link is a
  quote, otherwise each side's first verb with a speaker, when both sides
  have one ("emphasized" / "spoke harshly");
* **wording**: short runs of content words that differ where the rest of the
  two sentences agree (``difflib`` opcodes over the content words, runs of at
  most :data:`MAX_RUN` words), marked ``loaded`` when either side is a
  loaded-lexicon hit;
* **loaded**: loaded words one side uses that the other does not.

Loaded marks come from the articles' ``loaded`` results; when that analyser
was skipped they are simply absent.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from analysis.compare.align import Alignment, Edge, Unit
from analysis.compare.quotes import Attribution, attributions
from analysis.compare.words import content_tokens
from analysis.results.comparison import Contrast, Difference, Side

MAX_RUN = 3
MAX_DIFFERENCES = 12
MAX_CONTRASTS_PER_GROUP = 45  # every pair of ten outlets; larger groups keep the strongest


def _lookup(phrase: str) -> tuple[str, str]:
    try:
        from analysis.measures.loaded import lookup
    except ImportError:  # the loaded-wording analyser is not installed
        return "", ""
    entry = lookup(phrase)
    return (entry.category, entry.neutral) if entry is not None else ("", "")


def _loaded_spans(article, unit: Unit) -> list:
    loaded = getattr(article, "loaded", None)
    if loaded is None:
        return []
    return [m for m in loaded.matches if unit.start <= m.start and m.end <= unit.end]


def _attributions(article, u: Unit, cache: dict) -> list[Attribution]:
    # Each sentence takes part in many links of a large group: find its verbs once.
    key = ("atts", id(article), u.start)
    if key not in cache:
        cache[key] = attributions(article.text, _span(u), tuple(article.quotes or ()))
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


def _span(u: Unit):
    from analysis.results.doc import Span

    return Span(u.start, u.end, u.text)


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
        At most :data:`MAX_DIFFERENCES` differences, attribution first.
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
            out.append(Difference(a.verb, b.verb, "attribution", ca, na, cb, nb))
    loaded_a = _loaded_spans(article_a, ua)
    loaded_b = _loaded_spans(article_b, ub)
    toks_a = _tokens(article_a, ua, skip_a, cache)
    toks_b = _tokens(article_b, ub, skip_b, cache)
    matcher = SequenceMatcher(None, [t[2] for t in toks_a], [t[2] for t in toks_b], autojunk=False)
    used_a: set[int] = set()
    used_b: set[int] = set()
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "replace" or i2 - i1 > MAX_RUN or j2 - j1 > MAX_RUN:
            continue
        wa = _phrase(article_a, toks_a[i1:i2])
        wb = _phrase(article_b, toks_b[j1:j2])
        la = _covering(loaded_a, toks_a[i1][0], toks_a[i2 - 1][1])
        lb = _covering(loaded_b, toks_b[j1][0], toks_b[j2 - 1][1])
        kind = "loaded" if la or lb else "wording"
        out.append(
            Difference(
                wa,
                wb,
                kind,
                la.category if la else "",
                la.neutral if la else "",
                lb.category if lb else "",
                lb.neutral if lb else "",
            )
        )
        used_a.update(range(i1, i2))
        used_b.update(range(j1, j2))
    a_words = {t[2] for t in toks_a}
    b_words = {t[2] for t in toks_b}
    # Loaded words inside quotes are the speaker's, not the outlet's choice.
    loaded_a = [m for m in loaded_a if not m.in_quote]
    loaded_b = [m for m in loaded_b if not m.in_quote]
    for m in loaded_a:
        if _skipped(m, skip_a) or _stems(m.text) <= b_words or _already(out, m.text, "a"):
            continue
        out.append(Difference(m.text, "", "loaded", m.category, m.neutral))
    for m in loaded_b:
        if _skipped(m, skip_b) or _stems(m.text) <= a_words or _already(out, m.text, "b"):
            continue
        out.append(Difference("", m.text, "loaded", b_category=m.category, b_neutral=m.neutral))
    return tuple(out[:MAX_DIFFERENCES])


def _tokens(article, u: Unit, skip: list[tuple[int, int]], cache: dict):
    key = ("tokens", id(article), u.start)
    if key not in cache:
        quotes = [q for q in article.quotes or () if q.start < u.end and u.start < q.end]
        cache[key] = [
            t
            for t in content_tokens(u.text, u.start)
            if not any(q.start <= t[0] < q.end for q in quotes)
        ]
    return [t for t in cache[key] if not any(s <= t[0] < e for s, e in skip)]


def _phrase(article, toks) -> str:
    return article.text[toks[0][0] : toks[-1][1]]


def _covering(matches, start: int, end: int):
    return next((m for m in matches if m.start < end and start < m.end), None)


def _skipped(m, skip) -> bool:
    return any(s <= m.start < e for s, e in skip)


def _stems(text: str) -> set[str]:
    return {t[2] for t in content_tokens(text)}


def _already(out: list[Difference], text: str, side: str) -> bool:
    return any(text in (d.a if side == "a" else d.b) for d in out)


def build_contrasts(articles: Sequence, al: Alignment) -> tuple[Contrast, ...]:
    """Contrasts for every link inside every group."""
    cache: dict = {}
    out: list[Contrast] = []
    for gi in range(len(al.groups)):
        for e in al.explained(gi, MAX_CONTRASTS_PER_GROUP):
            ua, ub = al.units[e.x], al.units[e.y]
            if ua.article > ub.article:
                ua, ub = ub, ua
            art_a, art_b = articles[ua.article], articles[ub.article]
            out.append(
                Contrast(
                    gi,
                    Side(art_a.id, ua.text, ua.start, ua.end),
                    Side(art_b.id, ub.text, ub.start, ub.end),
                    differences(art_a, ua, art_b, ub, e, cache),
                )
            )
    return tuple(out)
