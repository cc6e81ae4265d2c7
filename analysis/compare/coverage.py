"""Coverage matrix: which outlet reports which fact, where.

Facts are the aligned groups plus the sentences only one outlet has (headings
and sentences with fewer than :data:`MIN_FACT_WORDS` words left out). A fact
is "in the headline" of an article when the headline shares at least
:data:`HEADLINE_MIN_SHARED` of the fact's content words that are not story
themes (words in more than :data:`THEME_SHARE` of all sentences, such as the
main actors' names).
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.compare.align import Alignment, Unit, is_heading
from analysis.compare.groups import keywords_stems, label
from analysis.compare.model import CoverageRow
from analysis.compare.words import content_stems

MIN_FACT_WORDS = 6
HEADLINE_MIN_SHARED = 2
THEME_SHARE = 0.2


def _themes(al: Alignment) -> set[str]:
    n = len(al.units)
    df: dict[str, int] = {}
    for u in al.units:
        for s in u.stems:
            df[s] = df.get(s, 0) + 1
    return {s for s, d in df.items() if n and d / n > THEME_SHARE}


def _position(article, unit: Unit) -> float:
    return round(unit.start / len(article.text), 3) if article.text else 0.0


def _in_first_paragraph(article, unit: Unit) -> bool:
    paras = article.paragraphs or ()
    return bool(paras) and paras[0].start <= unit.start < paras[0].end


def build_coverage(articles: Sequence, al: Alignment) -> tuple[CoverageRow, ...]:
    """One row per fact, most widely reported first, then by position."""
    themes = _themes(al)
    titles = [set(content_stems(getattr(a, "title", "") or "")) for a in articles]
    n = len(articles)
    rows: list[tuple[float, CoverageRow]] = []
    for gi, members in enumerate(al.groups):
        units = [al.units[m] for m in members]
        first: dict[int, Unit] = {}
        for u in units:
            first.setdefault(u.article, u)
        order = sorted(first)
        stems = set(keywords_stems(units)) - themes
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
                    in_headline=tuple(
                        articles[i].id for i in order if len(titles[i] & stems) >= HEADLINE_MIN_SHARED
                    ),
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
        stems = u.stems - themes
        rows.append(
            (
                _position(article, u),
                CoverageRow(
                    label=label(u.text),
                    articles=(article.id,),
                    text=u.text,
                    group=None,
                    positions=(_position(article, u),),
                    in_headline=(article.id,)
                    if len(titles[u.article] & stems) >= HEADLINE_MIN_SHARED
                    else (),
                    in_first_paragraph=(article.id,) if _in_first_paragraph(article, u) else (),
                    only_one=True,
                    most_omit=n > 1,
                ),
            )
        )
    rows.sort(key=lambda r: (-len(r[1].articles), r[0]))
    return tuple(r for _, r in rows)
