"""The lesson's content files, and the package's promise to stay free of Streamlit."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.results import figures
from dashboard.lesson import content, limits
from dashboard.lesson.method import COMPARISON_PARTS
from dashboard.lesson.prompts import PAGES, TOPICS

ROOT = Path(__file__).resolve().parent.parent
README_ROWS = {
    # agreement.toml entry: (README table row start, agreement fields in the order of the
    # bold figures on that row)
    "sentiment_mean": ("| sentiment, per sentence", ("pearson_r",)),
    "hedge_per_100_words": ("| hedging, per sentence", ("precision", "recall", "f1")),
    "loaded_per_100_words": ("| loaded wording, per word", ("precision", "recall", "f1")),
    "aligned": ("| aligned facts, sentence pairs", ("precision", "recall", "f1")),
}


def test_lesson_content_has_every_entry_the_pages_need():
    keys = [f.name for f in figures.CARD_FIGURES]
    for key in keys:
        assert set(content.explanation("figure", key)) == {"title", "counts", "cannot_tell"}
    for part in COMPARISON_PARTS:
        assert set(content.explanation("comparison", part)) == {"title", "counts", "cannot_tell"}
    for key in (*keys, *COMPARISON_PARTS):
        assert content.agreement_words(key)
    assert set(content.general_prompts()) == set(TOPICS) | set(PAGES)


@pytest.mark.parametrize("key", list(README_ROWS))
def test_lesson_content_agreement_figures_match_the_readme(key):
    start, fields = README_ROWS[key]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next((line for line in readme.splitlines() if line.startswith(start)), None)
    assert row is not None, f"README has no row starting {start!r}: update README_ROWS"
    bold = [float(x) for x in re.findall(r"\*\*([\d.]+)\*\*", row)]
    entry = content.agreement(key)
    assert [entry[f] for f in fields] == bold[: len(fields)], (
        f"dashboard/lesson/content/agreement.toml [{key}] differs from the README: update it")


def test_lesson_content_agreement_in_words():
    # Hedging in the README: P 0.585, R 0.722 on 7,363 Wikipedia sentences (cross-validated).
    assert content.agreement_words("hedge_per_100_words", detail=False) == (
        "58% of Slant's marks match people's, and Slant finds 72% of theirs.")
    assert content.agreement_words("sentiment_mean").startswith("On 2,568 sentences (")
    assert content.agreement_words("booster_per_100_words").startswith("Not measured")


def test_lesson_limits_are_read_from_the_analysers():
    from analysis.measures import readability, sentiment

    assert limits.limitations(figures.figure("sentiment_mean")) == sentiment.LIMITATIONS
    assert limits.limitations(figures.figure("flesch_kincaid_grade")) == readability.LIMITATIONS
    assert limits.analyser(figures.figure("hedge_per_100_words")) == "hedging"


def test_lesson_package_imports_no_streamlit():
    code = (
        "import sys\n"
        "import dashboard.lesson.worksheet, dashboard.lesson.teacher_key\n"
        "import dashboard.lesson.method, dashboard.lesson.prompts, dashboard.lesson.letters\n"
        "bad = [m for m in ('streamlit', 'altair') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=120)
    for path in (ROOT / "dashboard" / "lesson").rglob("*.py"):
        assert "streamlit" not in path.read_text(encoding="utf-8"), path
