"""Compare a story's outlets: aligned sentences, contrasts, coverage, reuse."""

from __future__ import annotations

from analysis.compare.model import Comparison

__all__ = ["Comparison"]
