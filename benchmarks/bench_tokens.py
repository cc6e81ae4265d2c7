"""Tokenisation and phrase matching, before and after tokens moved onto the Doc.

Three comparisons, each measured side by side in one run, in CPU time
(``time.process_time``), alternating old and new round by round so that a
busy shared machine slows both alike; the figure is the ratio of the median
round times.

1. **tokenize**: the tokenizer as it was (a frozen dataclass per token and a
   Python loop, copied below for comparison only) against
   :func:`analysis.text.tokens._tokenize` (one ``re.split``, named tuples
   built in C), on every article of the corpus. Both give the same tokens
   (checked before timing).
2. **matching**: ``PhraseMatcher.find`` as it was (a generator per position)
   against today's (positions that start no phrase skipped in C), on the
   hedging and loaded matchers, without context rules.
3. **loaded + hedging** (only with ``--baseline``): the two analysers on every
   article in two worker processes, one running the code in ``--baseline`` (a
   checkout from before the change) and one running this tree. Each round
   tokenises once and runs both analysers, as the pipeline does: the old code
   through ``hedging``'s ``tokenize`` and the shared cache, the new code
   through ``Doc.tokens``.
4. **the whole pipeline** (only with ``--baseline --pipeline``): ``python -m
   analysis analyze CORPUS --format jsonl --no-compare`` run from each tree in
   turn, CPU time of the child process; the two outputs are compared byte for
   byte.

Run (from the repository root)::

    python benchmarks/corpus.py 300 -o /tmp/corpus-300.jsonl
    git worktree add /tmp/slant-before <commit before the change>
    python benchmarks/bench_tokens.py /tmp/corpus-300.jsonl --baseline /tmp/slant-before \
        --pipeline
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.text import lexicon  # noqa: E402
from analysis.text.tokens import _tokenize  # noqa: E402

# --- the tokenizer and matcher scan as they were (for comparison only) -------

_OLD_TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_OLD_JOINERS = frozenset(" \t\n\u00a0-\u2010\u2011")


@dataclass(frozen=True)
class OldToken:
    start: int
    end: int
    text: str
    norm: str
    joined: bool


def _old_normalise(word: str) -> str:
    return word.lower().replace("’", "'")


def old_tokenize(text: str) -> tuple[OldToken, ...]:
    tokens: list[OldToken] = []
    prev_end = 0
    for m in _OLD_TOKEN_RE.finditer(text):
        start, end = m.span()
        word = m.group()
        joined = bool(tokens) and all(c in _OLD_JOINERS for c in text[prev_end:start])
        if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
            tokens.append(OldToken(start, end - 2, word[:-2], _old_normalise(word[:-2]), joined))
            tokens.append(OldToken(end - 2, end, word[-2:], "'s", True))
        else:
            tokens.append(OldToken(start, end, word, _old_normalise(word), joined))
        prev_end = end
    return tuple(tokens)


def _old_candidates(m: lexicon.PhraseMatcher, tokens: Sequence, i: int) -> Iterator:
    for length in m._lengths.get(tokens[i].norm, ()):
        last = i + length - 1
        if last >= len(tokens):
            continue
        if any(not tokens[k].joined for k in range(i + 1, last + 1)):
            continue
        for entry in m._phrases.get(tuple(t.norm for t in tokens[i : last + 1]), ()):
            yield last, entry


def old_find(m: lexicon.PhraseMatcher, tokens: Sequence) -> list[tuple[int, int]]:
    matches = []
    i, n = 0, len(tokens)
    while i < n:
        found = None
        for last, _entry in _old_candidates(m, tokens, i):
            found = (i, last)
            break
        if found is None:
            i += 1
        else:
            matches.append(found)
            i = found[1] + 1
    return matches


# --- timing ------------------------------------------------------------------


def _cpu(func: Callable[[], object]) -> float:
    start = time.process_time()
    func()
    return time.process_time() - start


def _each(func: Callable[[object], object], items: Sequence) -> Callable[[], None]:
    """A round: ``func`` on every item, each result dropped at once (as the pipeline does)."""

    def run() -> None:
        for item in items:
            func(item)

    return run


def alternate(old: Callable[[], object], new: Callable[[], object], rounds: int):
    """Median CPU seconds of ``old`` and ``new``, run in alternating rounds."""
    times: tuple[list[float], list[float]] = ([], [])
    for r in range(rounds):
        pair = (old, new) if r % 2 == 0 else (new, old)
        for func in pair:
            times[func is new].append(_cpu(func))
    return statistics.median(times[0]), statistics.median(times[1])


def _report(name: str, old: float, new: float) -> None:
    print(f"{name:<28} old {old:8.3f} s   new {new:8.3f} s   old/new {old / new:5.2f}x")


# A worker process: loads one tree's analysers, prepares the Docs, then times
# one round (one tokenisation + hedging + loaded on every article) per line
# read from stdin and prints its CPU seconds.
WORKER = r"""
import json, sys, time
from analysis.measures import hedging, loaded
from analysis.pipeline import make_doc
from analysis.results.doc import Doc
from analysis.text import lexicon
from analysis.text.cleaning import clean

texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
docs = [make_doc(clean(t).text, str(i)) for i, t in enumerate(texts)]
on_doc = "tokens" in Doc.__dataclass_fields__
if on_doc:
    from dataclasses import replace
    from analysis.text.tokens import tokenize

def one_round():
    for doc in docs:
        if on_doc:   # what make_doc does now: tokens once, on the Doc
            doc = replace(doc, tokens=tokenize(doc.text))
        hedging.analyse(doc)
        loaded.analyse(doc)

one_round()  # warm: lexicons loaded, matchers built
print("ready", flush=True)
for _ in sys.stdin:
    lexicon.tokenize.cache_clear()
    start = time.process_time()
    one_round()
    print(time.process_time() - start, flush=True)
"""


def _worker(tree: Path, corpus_path: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", WORKER, str(corpus_path)],
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def _worker_round(proc: subprocess.Popen) -> float:
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("go\n")
    proc.stdin.flush()
    return float(proc.stdout.readline())


def _pipeline_cpu(tree: Path, corpus_path: Path, out: Path) -> float:
    """CPU seconds of one ``analyze`` run from ``tree`` (itself and its workers)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [sys.executable, "-m", "analysis", "analyze", str(corpus_path.resolve()),
         "--format", "jsonl", "--no-compare", "-o", str(out)],
        cwd=tree, env={**os.environ, "PYTHONPATH": str(tree)}, check=True,
    )  # fmt: skip
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def pipeline(baseline: Path, corpus_path: Path, rounds: int) -> None:
    """Time the whole pipeline from both trees in alternating rounds; compare outputs."""
    trees = (baseline.resolve(), ROOT)
    outs = tuple(Path(f"/tmp/bench-tokens-{k}.jsonl") for k in ("old", "new"))
    times: tuple[list[float], list[float]] = ([], [])
    for r in range(rounds):
        for k in (0, 1) if r % 2 == 0 else (1, 0):
            times[k].append(_pipeline_cpu(trees[k], corpus_path, outs[k]))
    _report("analyze --no-compare", statistics.median(times[0]), statistics.median(times[1]))
    same = outs[0].read_bytes() == outs[1].read_bytes()
    print(f"outputs {'identical' if same else 'DIFFER'} ({outs[0]}, {outs[1]})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a JSONL corpus (benchmarks/corpus.py)")
    parser.add_argument("--baseline", type=Path, help="a checkout of the code before the change")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--pipeline", action="store_true", help="also time the whole analyze run (with --baseline)"
    )
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in args.corpus.open(encoding="utf-8")]
    words = sum(len(_tokenize(t)) for t in texts)
    print(f"{len(texts)} articles, {words:,} tokens, {args.rounds} alternating rounds, CPU time")

    for text in texts:
        assert [tuple(vars(t).values()) for t in old_tokenize(text)] == list(_tokenize(text))
    old, new = alternate(_each(old_tokenize, texts), _each(_tokenize, texts), args.rounds)
    _report("tokenize", old, new)

    token_lists = [_tokenize(t) for t in texts]
    for name in ("hedging", "loaded"):
        m = lexicon.matcher(name)
        for tokens in token_lists:
            assert old_find(m, tokens) == [(x.first, x.last) for x in m.find(tokens)]
        scan_old = _each(lambda t, m=m: old_find(m, t), token_lists)
        old, new = alternate(scan_old, _each(m.find, token_lists), args.rounds)
        _report(f"PhraseMatcher.find ({name})", old, new)

    if args.baseline is None:
        print("(give --baseline DIR to time loaded + hedging against the old code)")
        return
    workers = (_worker(args.baseline.resolve(), args.corpus), _worker(ROOT, args.corpus))
    times: tuple[list[float], list[float]] = ([], [])
    for r in range(args.rounds):
        for k in (0, 1) if r % 2 == 0 else (1, 0):
            times[k].append(_worker_round(workers[k]))
    for proc in workers:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait()
    _report("loaded + hedging", statistics.median(times[0]), statistics.median(times[1]))
    if args.pipeline:
        pipeline(args.baseline, args.corpus, min(args.rounds, 4))


if __name__ == "__main__":
    main()
