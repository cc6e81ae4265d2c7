"""The command line with bad input: messages on stderr, the right exit code, no traceback.

Exit code 0 when at least one article was analysed, 2 when none was; every
bad file is named on stderr with what to do.
"""

from __future__ import annotations

import json

import pytest

from analysis import messages
from analysis.cli import main

GOOD = "Officials met on Tuesday to discuss the alliance.\nThe talks went well, a spokesman said.\n"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_hardening_cli_bad_file_reported_rest_analysed(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "image.txt").write_bytes(b"GIF89a\x01\x00")
    (tmp_path / "empty.md").write_text("  \n")
    code, out, err = _run(capsys, "analyze", str(tmp_path), "--format", "json", "--no-compare")
    assert code == 0
    data = json.loads(out)
    assert [a["id"] for a in data["articles"]] == ["good"]
    assert data["errors"] == [
        {"file": "empty.md", "message": messages.EMPTY, "line": None},
        {
            "file": "image.txt",
            "message": messages.NOT_TEXT_SIGNATURE.format(what="a GIF image"),
            "line": None,
        },
    ]
    assert err.splitlines() == [
        f"slant: empty.md: {messages.EMPTY.coded()}",
        f"slant: image.txt: {messages.NOT_TEXT_SIGNATURE.format(what='a GIF image').coded()}",
    ]
    assert "Traceback" not in err


def test_hardening_cli_nothing_analysed_exit_two(tmp_path, capsys):
    (tmp_path / "blank.txt").write_text("\n\n")
    code, out, err = _run(capsys, "analyze", str(tmp_path), "--format", "json")
    assert code == 2
    assert out == ""
    assert err.splitlines() == [
        f"slant: blank.txt: {messages.EMPTY.coded()}",
        f"slant: {messages.NOTHING_ANALYSED.coded()}",
    ]


def test_hardening_cli_missing_path_exit_two(tmp_path, capsys):
    code, _, err = _run(capsys, "analyze", str(tmp_path / "nowhere"))
    assert code == 2
    assert f"slant: nowhere: {messages.NOT_FOUND.coded()}" in err.splitlines()


def test_hardening_cli_table_rows_reported_by_line(tmp_path, capsys):
    table = tmp_path / "rows.jsonl"
    table.write_text('{"text": "' + GOOD.replace("\n", " ") + '"}\n{oops\n{"title": "no text"}\n')
    code, out, err = _run(capsys, "analyze", str(table), "--format", "csv", "--no-compare")
    assert code == 0
    assert len(out.strip().splitlines()) == 2  # header and the one good row
    lines = err.splitlines()
    assert lines[0].startswith("slant: rows.jsonl (line 2): [E103] line 2: not valid JSON")
    assert lines[1] == f"slant: rows.jsonl (line 3): {messages.ROW_NO_TEXT.format(line=3).coded()}"


def test_hardening_cli_manifest_problems_on_stderr(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "story.toml").write_text('[[article]]\nfile = "missing.txt"\noutlet = "Gone"\n')
    code, _, err = _run(capsys, "analyze", str(tmp_path), "--format", "json", "--no-compare")
    assert code == 0
    where = tmp_path / "story.toml"
    assert err.splitlines() == [
        f"slant: {where}: {messages.MANIFEST_MISSING_FILE.format(name='missing.txt').coded()}"
    ]


def test_hardening_cli_oversized_file_states_limit(tmp_path, capsys):
    (tmp_path / "big.txt").write_text("word " * 400)
    code, _, err = _run(capsys, "analyze", str(tmp_path), "--max-bytes", "1000")
    assert code == 2
    too_large = messages.TOO_LARGE.format(size=2000, limit=1000).coded()
    assert f"slant: big.txt: {too_large}" in err.splitlines()


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_hardening_cli_hostile_names_escaped_on_stderr(tmp_path, capsys, fmt):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "bad\x1b[2J<b>.txt").write_bytes(b"")
    code, _, err = _run(capsys, "analyze", str(tmp_path), "--format", fmt, "--no-compare")
    assert code == 0
    assert "\x1b" not in err
    assert f"slant: bad␛[2J<b>.txt: {messages.EMPTY.coded()}" in err.splitlines()
