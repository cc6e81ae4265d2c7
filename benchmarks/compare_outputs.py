"""Check that a change leaves ``slant analyze`` output byte for byte the same.

Runs ``python -m analysis analyze INPUT`` with the same arguments in two source
trees (a checkout from before the change, and this one), with one fixed hash
seed, and compares the outputs. Prints "identical" or the first line that
differs, and exits 1 on a difference.

    python benchmarks/corpus.py 300 -o /tmp/corpus-300.jsonl
    git worktree add /tmp/slant-before <commit before the change>
    python benchmarks/compare_outputs.py /tmp/slant-before /tmp/corpus-300.jsonl \
        --format jsonl --no-compare
    python benchmarks/compare_outputs.py /tmp/slant-before seeds --format json
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(tree: Path, args: list[str]) -> bytes:
    """The stdout of ``python -m analysis analyze ARGS`` run from ``tree``."""
    # One hash seed for both runs: the comparison breaks ties between equal
    # scores in set order, so on a corpus with repeated sentences two runs of
    # the same code can differ (seen on 40 corpus articles, --format json).
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    cmd = [sys.executable, "-m", "analysis", "analyze", *args]
    return subprocess.run(cmd, cwd=tree, env=env, capture_output=True, check=True).stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("baseline", type=Path, help="a checkout of the code before the change")
    parser.add_argument("input", type=Path, help="what to analyse (a folder or a file)")
    args, rest = parser.parse_known_args()
    target = [str(args.input.resolve()), *rest]
    before, after = run(args.baseline.resolve(), target), run(ROOT, target)
    if before == after:
        lines = after.count(b"\n")
        print(f"identical: {len(after):,} bytes, {lines:,} lines")
        return 0
    pairs = zip(before.splitlines(), after.splitlines(), strict=False)
    for number, (old, new) in enumerate(pairs, start=1):
        if old != new:
            print(f"line {number} differs:\n- {old[:300]!r}\n+ {new[:300]!r}")
            break
    else:
        print(f"outputs differ in length: {len(before):,} vs {len(after):,} bytes")
    return 1


if __name__ == "__main__":
    sys.exit(main())
