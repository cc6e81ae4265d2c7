"""Fuzz the loader and the cleaner with atheris (libFuzzer for Python).

Each input's first byte picks a file type (.txt, .md, .html, .csv, .jsonl);
the rest is the file's bytes. :func:`check_one_input` reads them with
:func:`analysis.input.loading.read_upload`, cleans every article with
:func:`analysis.text.cleaning.clean` and segments the result with
:func:`analysis.pipeline.make_doc`, checking the invariants below. Any
exception, or a failed invariant, is a crash that atheris reports with the
input that caused it.

Run for a fixed time (results go in ``docs/fuzzing.md``)::

    .venv/bin/python tests/fuzz/fuzz_loader.py -max_total_time=60 -rss_limit_mb=2048

This file is a script, not a test module: pytest does not collect it (its name
does not start with ``test_``), and ``tests/test_hardening_fuzz.py`` runs
:func:`check_one_input` on a few fixed inputs so the harness cannot rot.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

SUFFIXES = (".txt", ".md", ".html", ".csv", ".jsonl")
# Keep each input small so the fuzzer explores structure, not size.
MAX_INPUT = 4096


def check_one_input(data: bytes) -> None:
    """Load, clean and segment one fuzzed file; raise if an invariant breaks.

    Args:
        data: First byte: the file type; the rest: the file's bytes.
    """
    from analysis.input.loading import read_upload
    from analysis.pipeline import make_doc
    from analysis.results.article import FileError
    from analysis.text.cleaning import clean

    if not data:
        return
    name = "fuzz" + SUFFIXES[data[0] % len(SUFFIXES)]
    articles, errors = read_upload(name, data[1:MAX_INPUT])
    for error in errors:
        assert isinstance(error, FileError) and error.message, error
    for raw in articles:
        assert raw.text.strip(), "an empty article was not reported as empty"
        # Valid Unicode at the loading boundary: every writer can encode it.
        for value in (raw.text, raw.outlet, raw.title, raw.id, *raw.warnings):
            value.encode("utf-8")
        assert "\r" not in raw.text and "\x00" not in raw.text, "newlines or NUL not normalised"
        cleaned = clean(raw.text)
        for removed in cleaned.removed:
            assert removed.reason, removed
        doc = make_doc(cleaned.text)
        for span in (*doc.paragraphs, *doc.sentences, *doc.quotes):
            assert 0 <= span.start <= span.end <= len(doc.text), span
            assert doc.text[span.start : span.end] == span.text, span


def main() -> None:
    """Run atheris on :func:`check_one_input` with the command line's options."""
    import atheris

    with atheris.instrument_imports(include=["analysis"]):
        import analysis.input.encoding  # noqa: F401
        import analysis.input.html  # noqa: F401
        import analysis.input.loading  # noqa: F401
        import analysis.input.manifest  # noqa: F401
        import analysis.pipeline  # noqa: F401
        import analysis.text.cleaning  # noqa: F401
        import analysis.text.segment  # noqa: F401
    atheris.Setup(sys.argv, check_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
