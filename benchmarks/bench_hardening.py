"""Time the pipeline on hostile sizes: a 1 MB single line, a 20 MB file, pathological words.

Issue 7, case 8 asks that a single 1 MB line and a 20 MB file either finish
in bounded time or are refused with the configured limit stated. The tests
check the behaviour; this script prints the figures (seconds per stage).

Run::

    .venv/bin/python benchmarks/bench_hardening.py
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.input.loading import MAX_FILE_BYTES, RawArticle, read_file  # noqa: E402
from analysis.pipeline import analyse_raw  # noqa: E402

WORDS = (
    "the government said officials reportedly claimed that strong military ties could "
    "allegedly boost regional security and trade"
).split()


def _line(chars: int, stop_every: int | None, seed: int = 1) -> str:
    rng = random.Random(seed)
    out, size, i = [], 0, 0
    while size < chars:
        word = rng.choice(WORDS) + ("." if stop_every and i % stop_every == stop_every - 1 else "")
        out.append(word)
        size += len(word) + 1
        i += 1
    return " ".join(out)


def _run(label: str, text: str) -> None:
    timings: dict[str, float] = {}
    start = time.perf_counter()
    result = analyse_raw(RawArticle("x", "x.txt", text), timings=timings)
    total = time.perf_counter() - start
    stages = ", ".join(f"{k} {v:.2f}" for k, v in timings.items())
    kind = type(result).__name__
    print(f"{label:<44} {len(text):>9,} chars  {total:6.2f} s  ({stages})  -> {kind}")


def main() -> None:
    print(f"Python {sys.version.split()[0]}")
    _run("1 MB line, full stop every 20 words", _line(1_000_000, 20))
    _run("1 MB line, no punctuation", _line(1_000_000, None))
    _run("50,000 x 'a '", "a " * 50_000)
    _run("50,000 x 'a' (one word)", "a" * 50_000)
    _run("20,000 x 'allegedly '", "allegedly " * 20_000)
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "twenty.txt"
        with big.open("wb") as handle:
            handle.truncate(20 * 1024 * 1024)
        start = time.perf_counter()
        _, errors = read_file(big)
        print(
            f"{'20 MB file, default limit':<44} {20 * 1024 * 1024:>9,} bytes "
            f"{time.perf_counter() - start:6.3f} s  -> refused: {errors[0].message}"
        )
    print(f"(default limit MAX_FILE_BYTES = {MAX_FILE_BYTES:,} bytes; raise with --max-bytes)")


if __name__ == "__main__":
    main()
