"""The ``slant`` command line: analyse stories and evaluate the detectors.

``slant analyze PATH ...`` prints the same results the dashboard shows, as a
table, JSON, JSONL or CSV. ``slant evaluate KIND FILE`` measures a detector
against human annotations. The CLI never imports Streamlit or Altair.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from analysis import messages
from analysis.input.loading import MAX_FILE_BYTES

FORMATS = ("table", "json", "jsonl", "csv")
EVALUATIONS = ("sentiment", "hedging", "loaded", "alignment")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``slant``."""
    parser = argparse.ArgumentParser(
        prog="slant", description="Framing and tone analysis for news articles."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    analyze = sub.add_parser("analyze", help="analyse a story's articles")
    analyze.add_argument(
        "paths", nargs="+", type=Path, help="folders, .txt/.md/.html, .csv or .jsonl files"
    )
    analyze.add_argument("--format", choices=FORMATS, default="table")
    analyze.add_argument(
        "-o", "--output", type=Path, help="write to FILE instead of standard output"
    )
    analyze.add_argument(
        "--no-compare", action="store_true", help="skip the cross-article comparison"
    )
    analyze.add_argument(
        "--max-bytes",
        type=int,
        default=MAX_FILE_BYTES,
        help=f"refuse article files larger than this (default {MAX_FILE_BYTES})",
    )
    analyze.add_argument(
        "--workers", type=int, default=1, help="processes for per-article analysis"
    )
    analyze.add_argument("--engine", choices=("local", "dask"), default="local")
    analyze.add_argument("--scheduler", help="Dask scheduler address (with --engine dask)")

    evaluate = sub.add_parser("evaluate", help="measure a detector against human annotations")
    evaluate.add_argument("kind", choices=EVALUATIONS)
    evaluate.add_argument("file", type=Path)
    evaluate.add_argument("--format", choices=("table", "json"), default="table")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI.

    Args:
        argv: Arguments (default: ``sys.argv[1:]``).

    Returns:
        The exit code: 0 on success, 2 when nothing could be analysed.
    """
    args = build_parser().parse_args(argv)
    if args.command == "evaluate":
        return _evaluate(args)
    return _analyze(args)


def _analyze(args: argparse.Namespace) -> int:
    parquet = args.output is not None and args.output.suffix.lower() == ".parquet"
    if args.engine == "dask" or args.workers > 1 or args.format == "jsonl" or parquet:
        from analysis.batch.core import run_batch

        return run_batch(args)
    from analysis.outputs.export import story_csv, story_json
    from analysis.pipeline import analyze_paths

    story = analyze_paths(args.paths, compare=not args.no_compare, max_bytes=args.max_bytes)
    for error in story.errors:
        where = f"{error.file}" + (f" (line {error.line})" if error.line else "")
        print(f"slant: {where}: {error.message}", file=sys.stderr)
    if not story.articles:
        print(f"slant: {messages.NOTHING_ANALYSED}", file=sys.stderr)
        return 2
    if args.format == "json":
        text = story_json(story) + "\n"
    elif args.format == "csv":
        text = story_csv(story.articles)
    else:
        from analysis.outputs.report import story_table

        text = story_table(story) + "\n"
    _write(text, args.output)
    return 0


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def _evaluate(args: argparse.Namespace) -> int:
    module = importlib.import_module(f"analysis.evaluate.{args.kind}")
    try:
        scores = module.evaluate(args.file)
    except OSError as exc:
        print(
            f"slant: {args.file}: {messages.UNREADABLE.format(reason=exc.strerror or exc)}",
            file=sys.stderr,
        )
        return 2
    except ValueError as exc:  # a gold file that is not valid (alignment)
        print(f"slant: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(scores))
    else:
        for key, value in scores.items():
            shown = f"{value:.3f}" if isinstance(value, float) else value
            print(f"{key:>10}  {shown}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
