"""Shared fixtures.

Keep this file small: fixtures used by more than one test module only. The
analysed seed story is session-scoped because analysing five articles is the
slowest thing the tests do, and every consumer only reads it (results are
frozen dataclasses).
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The folder of the five seed articles and their manifest."""
    return SEEDS


@pytest.fixture(scope="session")
def seeds_story():
    """The seed story analysed once, with the comparison, as the CLI does it."""
    from analysis.pipeline import analyze_paths

    return analyze_paths([SEEDS])
