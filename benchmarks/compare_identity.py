"""Check that a change leaves the comparison byte for byte the same.

Computes the comparison (``analysis.compare.compare``, written with
``analysis.outputs.serialize.dumps``) of the same stories in two source trees
(a checkout from before the change, and this one) and compares the JSON:

* the seed story and every alignment gold story (``tests/gold/alignment*/``),
  each analysed in full from its files (``analyze_paths``);
* the benchmark stories of :mod:`bench_compare` (10, 100 and 300 articles by
  default; ``--sizes`` for others), cleaned and segmented only;
* the 300-article corpus story analysed in full (``--story N`` for another
  size, 0 for none), actors guessed, as ``slant analyze CORPUS --format
  json`` compares it.

Each tree runs in its own process with one fixed hash seed (the comparison
breaks ties between equal scores in set order on stories with repeated
sentences). Prints one line per story, "identical" or the size of both, and
exits 1 on any difference.

    python benchmarks/compare_identity.py /work/main
    python benchmarks/compare_identity.py /work/main --sizes 10 100 300 1000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SIZES = (10, 100, 300)


def story_folders(root: Path) -> list[tuple[str, Path]]:
    """The seed story and each gold story's article folder, by name."""
    out = [("seeds", root / "seeds")]
    for gold in sorted(root.glob("tests/gold/alignment*/*/")):
        articles = gold / "articles"
        if articles.is_dir():
            out.append((f"{gold.parent.name}/{gold.name}", articles))
    return out


def dump(out_dir: Path, sizes: list[int], root: Path, corpus_size: int) -> None:
    """Write each story's comparison JSON into ``out_dir`` (run in the tree timed)."""
    sys.path.insert(0, str(HERE))
    import bench_compare

    from analysis.compare import compare
    from analysis.outputs.serialize import dumps
    from analysis.pipeline import analyze_paths

    for name, folder in story_folders(root):
        story = analyze_paths([folder])
        (out_dir / _file(name)).write_text(dumps(story.comparison), encoding="utf-8")
    for n in sizes:
        text = dumps(compare(bench_compare.articles(n)))
        (out_dir / _file(f"bench-{n}")).write_text(text, encoding="utf-8")
    if corpus_size:
        from corpus import corpus

        analysed = analyze_paths([corpus(corpus_size)])
        text = dumps(analysed.comparison)
        (out_dir / _file(f"corpus-{corpus_size}")).write_text(text, encoding="utf-8")


def _file(name: str) -> str:
    return name.replace("/", "__") + ".json"


def run_tree(tree: Path, out_dir: Path, sizes: list[int], story: int) -> None:
    """Dump the comparisons computed by ``tree``'s code into ``out_dir``."""
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--dump", str(out_dir),
           "--root", str(ROOT), "--story", str(story), "--sizes", *map(str, sizes)]  # fmt: skip
    subprocess.run(cmd, cwd=tree, env=env, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("baseline", type=Path, nargs="?", help="a checkout before the change")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--story", type=int, default=300, help="corpus story analysed in full")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump:
        dump(args.dump, args.sizes, args.root, args.story)
        return 0
    if args.baseline is None:
        parser.error("give the checkout to compare with")
    sys.path.insert(0, str(HERE))
    import bench_compare

    for n in args.sizes:
        bench_compare.articles(n)  # build the article caches once, outside both runs
    with tempfile.TemporaryDirectory() as tmp:
        before, after = Path(tmp, "before"), Path(tmp, "after")
        before.mkdir()
        after.mkdir()
        run_tree(args.baseline.resolve(), before, args.sizes, args.story)
        run_tree(ROOT, after, args.sizes, args.story)
        names = [name for name, _ in story_folders(ROOT)] + [f"bench-{n}" for n in args.sizes]
        names += [f"corpus-{args.story}"] if args.story else []
        differ = 0
        for name in names:
            old = (before / _file(name)).read_bytes()
            new = (after / _file(name)).read_bytes()
            digest = hashlib.sha256(new).hexdigest()[:12]
            if old == new:
                groups = len(json.loads(new)["groups"])
                print(f"{name:<36} identical  {len(new):>10,} bytes  {groups:>4} groups  {digest}")
            else:
                differ += 1
                print(f"{name:<36} DIFFERS    {len(old):>10,} vs {len(new):,} bytes")
    print("all identical" if not differ else f"{differ} stories differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
