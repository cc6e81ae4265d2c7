"""An article's key figures, declared once.

Every flat view of an article (the CSV export, the Parquet/Spark schema, the
CLI report, the overview and handout cards, the generated documentation
table) is derived from :data:`FIGURES`. Each :class:`Figure` names a path into
the :class:`~analysis.results.article.Article` result; its type is read from
the result dataclasses' annotations, never guessed from the column name.
Adding a measure to every output is one line here.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from analysis.results.article import Article

KINDS = {str: "string", int: "bigint", float: "double", bool: "boolean"}
"""Python type of a figure to its column kind (SQL / Arrow / Spark names)."""


@dataclass(frozen=True)
class Figure:
    """One key figure of an article.

    Args:
        name: The column name in CSV, Parquet and JSON rows.
        label: A short label for cards and reports ("Hedges").
        help: One sentence a teacher can read: what the figure counts.
        path: Attribute names from the article to the value, e.g.
            ``("sentiment", "mean")``; a property is allowed at any step.
        format: How to show it: ``"text"``, ``"int"``, ``"signed"`` (+0.12),
            ``"rate"`` (1.3), ``"share"`` (12%), ``"grade"`` (9.8) or
            ``"bool"``.
        unit: What the number is in ("per 100 words", "US grade"), shown with it.
        card: Whether the overview and handout cards show it.
        centred: Whether its bar is centred on zero (a -1..+1 score).
        reliable: Path to a boolean that says whether the value is meaningful;
            an unreliable value is shown as a dash.
        report: The line of the CLI's text report it is printed on
            ("sentiment", "hedging", "loaded", "reading"); "" for none.
    """

    name: str
    label: str
    help: str
    path: tuple[str, ...]
    format: str = "rate"
    unit: str = ""
    card: bool = False
    centred: bool = False
    reliable: tuple[str, ...] = ()
    report: str = ""

    @property
    def kind(self) -> str:
        """The column kind: "string", "bigint", "double" or "boolean"."""
        return KINDS[value_type(self.path)]


_RATE = "per 100 words"

FIGURES: tuple[Figure, ...] = (
    Figure("id", "Id", "The article's identifier within its story.", ("id",), "text"),
    Figure("outlet", "Outlet", "Who published the article.", ("outlet",), "text"),
    Figure("kind", "Kind", "What sort of text it is (news, wire, opinion...).", ("kind",), "text"),
    Figure("title", "Headline", "The headline, as detected or given.", ("title",), "text"),
    Figure("byline", "Byline", "The author line, as detected or given.", ("byline",), "text"),
    Figure("file", "File", "The file the article was read from.", ("source", "file"), "text"),
    Figure("words", "Words", "Words in the cleaned body.", ("word_count",), "int", "words"),
    Figure("sentences", "Sentences", "Sentences in the cleaned body.",
           ("sentence_count",), "int", "sentences"),
    Figure("removed_blocks", "Removed", "Blocks of boilerplate the cleaner took out.",
           ("removed_count",), "int", "blocks"),
    Figure("sentiment_mean", "Sentiment",
           "Mean VADER score of the sentences, from -1 (negative) to +1 (positive).",
           ("sentiment", "mean"), "signed", "-1 to +1", card=True, centred=True,
           report="sentiment"),
    Figure("sentiment_positive_share", "Positive sentences",
           "Share of sentences scoring +0.05 or more.", ("sentiment", "positive_share"),
           "share", report="sentiment"),
    Figure("sentiment_neutral_share", "Neutral sentences",
           "Share of sentences scoring between -0.05 and +0.05.",
           ("sentiment", "neutral_share"), "share", report="sentiment"),
    Figure("sentiment_negative_share", "Negative sentences",
           "Share of sentences scoring -0.05 or less.", ("sentiment", "negative_share"),
           "share", report="sentiment"),
    Figure("hedge_per_100_words", "Hedges",
           "Hedging words (may, could, reportedly...) per 100 words, outside quotes.",
           ("hedging", "rates", "hedge"), "rate", _RATE, card=True, report="hedging"),
    Figure("booster_per_100_words", "Boosters",
           "Certainty words (clearly, undoubtedly...) per 100 words, outside quotes.",
           ("hedging", "rates", "booster"), "rate", _RATE, card=True, report="hedging"),
    Figure("weasel_per_100_words", "Weasel words",
           "Vague attributions (some say, critics argue...) per 100 words, outside quotes.",
           ("hedging", "rates", "weasel"), "rate", _RATE, report="hedging"),
    Figure("anonymous_source_per_100_words", "Anonymous sources",
           "Unnamed sources (officials said, people familiar with...) per 100 words.",
           ("hedging", "rates", "anonymous_source"), "rate", _RATE, report="hedging"),
    Figure("weasels_and_anonymous_per_100_words", "Weasels",
           "Weasel words and anonymous sources together, per 100 words, outside quotes.",
           ("hedging", "rates", "weasel_and_anonymous"), "rate", _RATE, card=True),
    Figure("hedge_booster_balance", "Hedge balance",
           "Hedges minus boosters over their sum: +1 all hedges, -1 all boosters.",
           ("hedging", "balance"), "signed", "-1 to +1", report="hedging"),
    Figure("loaded_per_100_words", "Loaded",
           "Loaded words (slammed, regime, so-called...) per 100 words, outside quotes.",
           ("loaded", "rate"), "rate", _RATE, card=True, report="loaded"),
    Figure("headline_loaded", "Loaded words in headline",
           "Loaded words in the headline and standfirst (outside their quotes), a count.",
           ("headline", "loaded", "count"), "int", report="loaded"),
    Figure("flesch_reading_ease", "Reading ease",
           "Flesch reading ease: 0-100, higher is easier.",
           ("readability", "flesch_reading_ease"), "grade", "0-100",
           reliable=("readability", "reliable"), report="reading"),
    Figure("flesch_kincaid_grade", "Grade",
           "Flesch-Kincaid grade: the US school year that reads it comfortably.",
           ("readability", "flesch_kincaid_grade"), "grade", "US grade", card=True,
           reliable=("readability", "reliable"), report="reading"),
    Figure("gunning_fog", "Gunning fog", "Gunning fog index, in US school years.",
           ("readability", "gunning_fog"), "grade", "US grade",
           reliable=("readability", "reliable")),
    Figure("smog_index", "SMOG", "SMOG index, in US school years.",
           ("readability", "smog_index"), "grade", "US grade",
           reliable=("readability", "reliable")),
    Figure("coleman_liau_index", "Coleman-Liau", "Coleman-Liau index, in US school years.",
           ("readability", "coleman_liau_index"), "grade", "US grade",
           reliable=("readability", "reliable")),
    Figure("automated_readability_index", "ARI",
           "Automated readability index, in US school years.",
           ("readability", "automated_readability_index"), "grade", "US grade",
           reliable=("readability", "reliable")),
    Figure("dale_chall_readability_score", "Dale-Chall",
           "Dale-Chall score: 4.9 or less is grade 4, 9.0-9.9 college.",
           ("readability", "dale_chall_readability_score"), "grade", "score",
           reliable=("readability", "reliable")),
    Figure("text_standard", "Consensus grade", "textstat's consensus of the grade formulas.",
           ("readability", "text_standard"), "grade", "US grade",
           reliable=("readability", "reliable")),
    Figure("passive_share", "Passive", "Share of sentences with a passive verb.",
           ("readability", "passive_share"), "share", report="reading"),
    Figure("agentless_passive_share", "Passive, no doer",
           "Share of sentences with a passive verb that does not say who acted "
           "('mistakes were made').",
           ("readability", "agentless_passive_share"), "share", card=True, report="reading"),
    Figure("actor_tone", "Tone towards actors",
           "How each actor named in the story is spoken of, from -1 (negatively) to +1 "
           "(positively), measured at each mention.",
           ("sentiment", "actor_tones"), "text", report="sentiment"),
    Figure("readability_reliable", "Grades reliable",
           "Whether the text is long and punctuated enough for the grade formulas.",
           ("readability", "reliable"), "bool"),
)
"""The key figures, in display order: CSV columns, report lines and cards follow it."""

CARD_FIGURES: tuple[Figure, ...] = tuple(f for f in FIGURES if f.card)
"""The figures on an overview or handout card, in order."""


@cache
def figure(name: str) -> Figure:
    """The figure called ``name``.

    Raises:
        KeyError: When no figure has that name.
    """
    for f in FIGURES:
        if f.name == name:
            return f
    raise KeyError(name)


def get(obj: Any, path: tuple[str, ...]) -> Any:
    """Follow ``path`` from ``obj``, stopping at the first None."""
    for name in path:
        if obj is None:
            return None
        obj = getattr(obj, name)
    return obj


def value(article: Article, fig: Figure) -> Any:
    """The figure's value for ``article`` (None where the analyser gave none)."""
    return get(article, fig.path)


def is_reliable(article: Article, fig: Figure) -> bool:
    """Whether the figure's value is meaningful for ``article``."""
    return not fig.reliable or bool(get(article, fig.reliable))


def formatted(article: Article, fig: Figure, unit: bool = False) -> str:
    """The figure as a reader sees it: "+0.12", "1.3", "12%", or "—" when missing.

    Args:
        article: An analysed article.
        fig: The figure.
        unit: Append the figure's unit ("1.3 per 100 words").
    """
    v = value(article, fig)
    if v is None or not is_reliable(article, fig):
        return "—"
    return format_value(v, fig, unit)


def format_value(v: Any, fig: Figure, unit: bool = False) -> str:
    """Format a figure's value as :func:`formatted` does."""
    if v is None or (isinstance(v, float) and not math.isfinite(v)):
        return "—"
    shown = {
        "text": lambda: str(v),
        "int": lambda: f"{v:,}",
        "signed": lambda: f"{v:+.2f}",
        "rate": lambda: f"{v:.1f}",
        "share": lambda: f"{v * 100:.0f}%",
        "grade": lambda: f"{v:.1f}",
        "bool": lambda: "yes" if v else "no",
    }[fig.format]()
    return f"{shown} {fig.unit}" if unit and fig.unit and fig.format != "share" else shown


def row(article: Article, digits: int = 4) -> dict[str, Any]:
    """Every figure of ``article`` as a flat row, floats rounded, non-finite as None.

    Args:
        article: An analysed article.
        digits: Decimal places kept for floats.
    """
    out: dict[str, Any] = {}
    for fig in FIGURES:
        v = value(article, fig)
        if isinstance(v, float):
            v = round(v, digits) if math.isfinite(v) else None
        out[fig.name] = v
    return out


def report_lines() -> tuple[tuple[str, tuple[Figure, ...]], ...]:
    """The report's figure lines: ``(line name, its figures)`` in table order."""
    groups: dict[str, list[Figure]] = {}
    for f in FIGURES:
        if f.report:
            groups.setdefault(f.report, []).append(f)
    return tuple((name, tuple(figs)) for name, figs in groups.items())


def markdown_table() -> str:
    """The figures as a Markdown table, for ``docs/schema.md`` (generated, test-checked)."""
    rows = [
        f"| `{f.name}` | {f.label} | {f.kind} | {f.unit or '–'} | `{'.'.join(f.path)}` | {f.help} |"
        for f in FIGURES
    ]
    head = "| column | label | type | unit | path in the article | what it counts |\n"
    return head + "|---|---|---|---|---|---|\n" + "\n".join(rows)


def columns() -> tuple[tuple[str, str], ...]:
    """``(name, kind)`` for every figure, in order (for Parquet and Spark schemas)."""
    return tuple((f.name, f.kind) for f in FIGURES)


def _unwrap(tp: Any) -> Any:
    """``X | None`` to ``X``; other types unchanged."""
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0] if len(args) == 1 else tp
    return tp


@cache
def value_type(path: tuple[str, ...], root: type = Article) -> type:
    """The Python type at the end of ``path``, read from the result annotations.

    Args:
        path: Attribute names from ``root``.
        root: The result class the path starts from.

    Returns:
        ``str``, ``int``, ``float`` or ``bool``.

    Raises:
        TypeError: When the path does not end in one of those (a wrong table).
    """
    tp: Any = root
    for name in path:
        if dataclasses.is_dataclass(tp) and name in {f.name for f in dataclasses.fields(tp)}:
            tp = _unwrap(typing.get_type_hints(tp)[name])
        else:
            prop = getattr(tp, name, None)
            if not isinstance(prop, property) or prop.fget is None:
                raise TypeError(f"{'.'.join(path)}: {name!r} is not a field of {tp!r}")
            tp = _unwrap(typing.get_type_hints(prop.fget)["return"])
    if tp not in KINDS:
        raise TypeError(f"{'.'.join(path)} ends in {tp!r}, not a plain value")
    return tp
