"""The teacher-facing wording in ``content/*.toml``, read once on first use.

Prompts, the Method page's plain-word explanations and the agreement figures
are data, so a teacher or the lead can edit them without touching code.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONTENT = Path(__file__).resolve().parent / "content"
"""The folder of the content files."""


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed content file ``content/<name>.toml``.

    Args:
        name: The file's stem: "prompts", "method" or "agreement".

    Returns:
        Its tables, as :mod:`tomllib` reads them (do not modify: cached).
    """
    return tomllib.loads((CONTENT / f"{name}.toml").read_text(encoding="utf-8"))


def general_prompts() -> dict[str, str]:
    """The general prompt for each topic (see ``content/prompts.toml``)."""
    return dict(load("prompts")["general"])


def explanation(section: str, key: str) -> dict[str, str]:
    """A Method entry: ``title``, ``counts`` and ``cannot_tell``.

    Args:
        section: "figure" (a card figure) or "comparison".
        key: The figure's name ("hedge_per_100_words") or the comparison
            part ("aligned", "contrasts", "coverage", "reuse").
    """
    return dict(load("method")[section][key])


def agreement(key: str) -> dict[str, Any]:
    """The agreement entry for a figure name or comparison part (``content/agreement.toml``)."""
    return dict(load("agreement")[key])


def agreement_words(key: str, detail: bool = True) -> str:
    """How well a detector agrees with people, in plain words.

    Args:
        key: A figure name or comparison part, as in ``agreement.toml``.
        detail: Say what it was tested on (the teacher key); without it, one
            short sentence for a projector (the Method page).

    Returns:
        For a correlation: how closely the scores follow people's ratings; for
        precision and recall: what share of Slant's marks people made too, and
        what share of people's marks Slant finds; otherwise the entry's note.
    """
    entry = agreement(key)
    if not entry.get("measured", True):
        return str(entry["note"])
    tested = f"On {entry['n']:,} {entry['unit']} ({entry['data']}): " if detail else ""
    if "pearson_r" in entry:
        return (
            f"{tested}correlation {entry['pearson_r']:.2f} with people's ratings, where 1 is "
            "perfect agreement and 0 none."
        )
    return (
        f"{tested}{entry['precision']:.0%} of Slant's marks match people's, and Slant finds "
        f"{entry['recall']:.0%} of theirs."
    )
