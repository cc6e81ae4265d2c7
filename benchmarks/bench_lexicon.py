"""Show that lexicon matching grows linearly with input length, even on pathological text.

Run: .venv/bin/python benchmarks/bench_lexicon.py

For each input family it times hedging and loaded-wording matching at
n, 2n, 4n and 8n words and prints the time and the time per 1,000 words. Linear
growth shows as a flat "ms/1k words" column; a backtracking regex would show
that column growing with n. Families:

- "a" repeated (the 50,000 x "a" case from the hardening issue);
- one loaded word repeated ("slammed slammed ...");
- a phrase prefix repeated, so every position starts a long candidate phrase
  that never completes ("in a in a in a ...", "it is it is ...");
- "May May May ..." and "could not could not ...", which exercise context rules;
- one 50,000-word "word" made of letters only (a single huge token);
- possessives and apostrophes ("China's China's ...", one "s's's's..." token,
  a run of apostrophes), which exercise the tokenizer's possessive split.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.measures import (
    hedging,
    loaded,  # noqa: E402
)

FAMILIES = {
    "'a' x n": lambda n: " ".join(["a"] * n),
    "'slammed' x n": lambda n: " ".join(["slammed"] * n),
    "'in a' x n/2": lambda n: " ".join(["in a"] * (n // 2)),
    "'it is' x n/2": lambda n: " ".join(["it is"] * (n // 2)),
    "'May' x n": lambda n: " ".join(["May"] * n),
    "'could not' x n/2": lambda n: " ".join(["could not"] * (n // 2)),
    "one n-letter token": lambda n: "a" * n,
    "'China's' x n": lambda n: " ".join(["China's"] * n),
    "one 's's's... token": lambda n: "s" + "'s" * n,
    "n apostrophes": lambda n: "a" + "'" * n,
}
SIZES = (12_500, 25_000, 50_000, 100_000)


def _time(func, text: str) -> float:
    start = time.perf_counter()
    func(text)
    return time.perf_counter() - start


def main() -> None:
    # Warm the lexicon caches so the first timing does not include file loading.
    hedging.find_matches("warm up")
    loaded.find_matches("warm up")
    print(f"{'input':<20} {'words':>8} {'hedging s':>10} {'ms/1k':>7} {'loaded s':>9} {'ms/1k':>7}")
    for name, build in FAMILIES.items():
        for n in SIZES:
            text = build(n)
            h = _time(hedging.find_matches, text)
            lo = _time(loaded.find_matches, text)
            print(
                f"{name:<20} {n:>8} {h:>10.3f} {h / n * 1e6:>7.2f} {lo:>9.3f} {lo / n * 1e6:>7.2f}"
            )
    print("Flat ms/1k columns within each input mean linear growth.")


if __name__ == "__main__":
    main()
