"""Coverage matrix: which outlet reports which fact, and where.

Facts are the aligned groups plus the sentences only one outlet has (headings
and sentences with fewer than :data:`MIN_FACT_WORDS` words left out). Each
row has a fact label (:mod:`analysis.compare.labels`) and, per outlet, where
the fact appears: ``"headline"``, ``"lead"`` (first paragraph) or ``"later"``.
Each headline is matched to the one fact it reports: among the article's
facts, the one whose sentence shares the most IDF-weighted content words with
the headline, if it shares at least :data:`HEADLINE_MIN_SHARED` of them. The
matching reads an index of each article's rows, so it costs one pass over
the rows, not one per article.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.compare.align import Alignment, is_heading
from analysis.compare.groups import representative
from analysis.compare.labels import LABEL_SENTENCES, fact_label, label_stems
from analysis.compare.units import Unit
from analysis.compare.words import content_stems
from analysis.results.comparison import CoverageRow

MIN_FACT_WORDS = 6
HEADLINE_MIN_SHARED = 2


def _position(article, unit: Unit) -> float:
    return round(unit.start / len(article.text), 3) if article.text else 0.0


def _in_first_paragraph(article, unit: Unit) -> bool:
    paras = article.paragraphs or ()
    return bool(paras) and paras[0].start <= unit.start < paras[0].end


def _facts(al: Alignment) -> list[tuple[int | None, list[Unit]]]:
    # (group id or None, units) for every fact, groups first.
    facts: list[tuple[int | None, list[Unit]]] = [
        (gi, [al.units[m] for m in ms]) for gi, ms in enumerate(al.groups)
    ]
    grouped = {m for ms in al.groups for m in ms}
    for k, u in enumerate(al.units):
        if k in grouped or is_heading(u.text) or len(u.text.split()) < MIN_FACT_WORDS:
            continue
        facts.append((None, [u]))
    return facts


def _headline_rows(articles: Sequence, al: Alignment, facts) -> dict[int, set[int]]:
    # Fact index -> articles whose headline reports it.
    titles = [set(content_stems(a.title or "")) for a in articles]
    best: dict[int, tuple[float, int]] = {}
    for k, (_, units) in enumerate(facts):
        per: dict[int, set[str]] = {}
        for u in units:
            if titles[u.article]:
                per.setdefault(u.article, set()).update(u.stems & titles[u.article])
        for art, shared in per.items():
            score = sum(al.idf.get(s, 0.0) for s in shared)
            if len(shared) >= HEADLINE_MIN_SHARED and score > best.get(art, (0.0, -1))[0]:
                best[art] = (score, k)
    out: dict[int, set[int]] = {}
    for art, (_, k) in best.items():
        out.setdefault(k, set()).add(art)
    return out


def build_coverage(
    articles: Sequence, al: Alignment, group_labels: Sequence[str] = ()
) -> tuple[CoverageRow, ...]:
    """One row per fact, most widely reported first, then by position.

    Args:
        articles: The story's articles.
        al: The alignment.
        group_labels: The groups' labels when already made (``Group.label``).
    """
    n = len(articles)
    facts = _facts(al)
    headlines = _headline_rows(articles, al, facts)
    rows: list[tuple[float, CoverageRow]] = []
    for k, (gi, units) in enumerate(facts):
        first: dict[int, Unit] = {}
        for u in units:
            first.setdefault(u.article, u)
        order = sorted(first)
        positions = tuple(_position(articles[i], first[i]) for i in order)
        lead = [_in_first_paragraph(articles[i], first[i]) for i in order]
        in_head = headlines.get(k, set())
        where = tuple(
            "headline" if i in in_head else ("lead" if lead[j] else "later")
            for j, i in enumerate(order)
        )
        if gi is not None and gi < len(group_labels):
            label = group_labels[gi]
        else:
            label = fact_label(units, al.idf, al_quote(al, gi), al.themes)
        rows.append(
            (
                sum(positions) / len(positions),
                CoverageRow(
                    label=label,
                    articles=tuple(articles[i].id for i in order),
                    text=representative(units[:LABEL_SENTENCES]).text,
                    group=gi,
                    positions=positions,
                    where=where,
                    in_headline=tuple(articles[i].id for i in order if i in in_head),
                    in_first_paragraph=tuple(
                        articles[i].id for j, i in enumerate(order) if lead[j]
                    ),
                    only_one=len(order) == 1,
                    most_omit=n > 1 and len(order) <= n / 2,
                    keywords=tuple(
                        next(u.surface[s] for u in units if s in u.surface)
                        for s in label_stems(units, al.idf, al.themes)[:3]
                    ),
                ),
            )
        )
    rows.sort(key=lambda r: (-len(r[1].articles), r[0]))
    return tuple(r for _, r in rows)


def al_quote(al: Alignment, gi: int | None) -> str:
    """The quote anchoring group ``gi``, or ""."""
    if gi is None:
        return ""
    return next((e.quote for e in al.explained(gi, 3) if e.anchor), "")
