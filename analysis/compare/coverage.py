"""Coverage matrix: which outlet reports which fact, where.

Facts are the aligned groups plus the sentences only one outlet has (headings
and sentences with fewer than :data:`MIN_FACT_WORDS` words left out). Each
headline is matched to the one fact it reports: among the article's facts,
the one whose sentence shares the most IDF-weighted content words with the
headline, if it shares at least :data:`HEADLINE_MIN_SHARED` of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from analysis.compare.align import Alignment, Unit, is_heading
from analysis.compare.groups import keywords_stems, label
from analysis.compare.words import content_stems
from analysis.results.comparison import CoverageRow

MIN_FACT_WORDS = 6
HEADLINE_MIN_SHARED = 2


def _position(article, unit: Unit) -> float:
    return round(unit.start / len(article.text), 3) if article.text else 0.0


def _in_first_paragraph(article, unit: Unit) -> bool:
    paras = article.paragraphs or ()
    return bool(paras) and paras[0].start <= unit.start < paras[0].end


def build_coverage(articles: Sequence, al: Alignment) -> tuple[CoverageRow, ...]:
    """One row per fact, most widely reported first, then by position."""
    titles = [set(content_stems(getattr(a, "title", "") or "")) for a in articles]
    n = len(articles)
    rows: list[tuple[float, CoverageRow]] = []
    for gi, members in enumerate(al.groups):
        units = [al.units[m] for m in members]
        first: dict[int, Unit] = {}
        for u in units:
            first.setdefault(u.article, u)
        order = sorted(first)
        stems = set(keywords_stems(units))
        rep = max(units, key=lambda u: (len(u.stems & stems), -len(u.text)))
        positions = tuple(_position(articles[i], first[i]) for i in order)
        rows.append(
            (
                sum(positions) / len(positions),
                CoverageRow(
                    label=label(rep.text),
                    articles=tuple(articles[i].id for i in order),
                    text=rep.text,
                    group=gi,
                    positions=positions,
                    in_headline=(),
                    in_first_paragraph=tuple(
                        articles[i].id for i in order if _in_first_paragraph(articles[i], first[i])
                    ),
                    only_one=False,
                    most_omit=len(order) <= n / 2,
                ),
            )
        )
    grouped = {m for ms in al.groups for m in ms}
    for k, u in enumerate(al.units):
        if k in grouped or is_heading(u.text) or len(u.text.split()) < MIN_FACT_WORDS:
            continue
        article = articles[u.article]
        rows.append(
            (
                _position(article, u),
                CoverageRow(
                    label=label(u.text),
                    articles=(article.id,),
                    text=u.text,
                    group=None,
                    positions=(_position(article, u),),
                    in_headline=(),
                    in_first_paragraph=(article.id,) if _in_first_paragraph(article, u) else (),
                    only_one=True,
                    most_omit=n > 1,
                ),
            )
        )
    rows.sort(key=lambda r: (-len(r[1].articles), r[0]))
    out = [r for _, r in rows]
    members = _row_units(al, out)
    for i, article in enumerate(articles):
        best, best_score = None, 0.0
        for k in range(len(out)):
            shared = {s for u in members[k] if u.article == i for s in u.stems & titles[i]}
            score = sum(al.idf.get(s, 0.0) for s in shared)
            if len(shared) >= HEADLINE_MIN_SHARED and score > best_score:
                best, best_score = k, score
        if best is not None:
            row = out[best]
            out[best] = replace(
                row,
                in_headline=tuple(a for a in row.articles if a in {*row.in_headline, article.id}),
            )
    return tuple(out)


def _row_units(al: Alignment, rows: list[CoverageRow]) -> list[list[Unit]]:
    by_text = {(u.article, u.text): u for u in al.units}
    out = []
    for row in rows:
        if row.group is not None:
            out.append([al.units[m] for m in al.groups[row.group]])
        else:
            out.append([u for (_, text), u in by_text.items() if text == row.text][:1])
    return out
