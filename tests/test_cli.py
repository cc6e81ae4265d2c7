"""Tests for analysis.cli: ``slant analyze`` formats, output file, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from analysis import messages
from analysis.cli import main

ARTICLES = {
    "ledger.txt": (
        "Council approves new bike lanes on Main Street\n"
        "The city council voted 7-2 on Tuesday to add protected bike lanes on Main Street. "
        "The vote ended a year of debate.\n"
        "Supporters said the lanes would make the road safer. "
        "Opponents warned that removing parking would hurt shops.\n"
        "Leave a Reply\n"
        "Your email address will not be published.\n"
    ),
    "courier.txt": (
        "Bike lanes approved after heated debate\n"
        "Councillors approved bike lanes on Main Street on Tuesday by seven votes to two. "
        "Shop owners are furious.\n"
        "“This will ruin us,” said one baker. Cyclists celebrated outside city hall.\n"
    ),
}
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


@pytest.fixture
def story(tmp_path) -> Path:
    folder = tmp_path / "bikes"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["analyze", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_json_contract(capsys, story):
    code, out, err = _run(capsys, str(story), "--format", "json")
    assert code == 0
    assert err == ""
    data = json.loads(out)
    assert list(data) == ["story", "articles", "comparison", "errors"]
    assert data["story"]["title"] == "bikes"
    assert data["errors"] == []
    assert isinstance(data["comparison"], dict)
    courier, ledger = data["articles"]
    assert (courier["id"], courier["outlet"]) == ("courier", "courier")
    assert (ledger["id"], ledger["outlet"]) == ("ledger", "ledger")
    assert ledger["title"] == "Council approves new bike lanes on Main Street"
    assert ledger["removed"] == [
        {
            "text": "Leave a Reply\nYour email address will not be published.",
            "reason": "comment form: page furniture after the article, not part of it",
            "rule": "comment_form",
        }
    ]
    for article in data["articles"]:
        for key in ("id", "outlet", "title", "doc", "removed", "headline"):
            assert key in article
        doc = article["doc"]
        for sentence in doc["sentences"]:
            assert doc["text"][sentence["start"] : sentence["end"]] == sentence["text"]
    assert [s["text"] for s in courier["doc"]["sentences"]] == [
        "Councillors approved bike lanes on Main Street on Tuesday by seven votes to two.",
        "Shop owners are furious.",
        "“This will ruin us,” said one baker.",
        "Cyclists celebrated outside city hall.",
    ]


def test_cli_no_compare_gives_null_comparison(capsys, story):
    code, out, _ = _run(capsys, str(story), "--format", "json", "--no-compare")
    assert code == 0
    assert json.loads(out)["comparison"] is None


def test_cli_jsonl_one_article_per_line(capsys, story):
    code, out, _ = _run(capsys, str(story), "--format", "jsonl")
    assert code == 0
    lines = out.strip().split("\n")
    assert [json.loads(line)["id"] for line in lines] == ["courier", "ledger"]
    assert json.loads(lines[1])["removed"][0]["rule"] == "comment_form"


def test_cli_csv_one_row_per_article(capsys, story):
    code, out, _ = _run(capsys, str(story), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["id"], r["outlet"]) for r in rows] == [("courier", "courier"), ("ledger", "ledger")]
    assert rows[1]["title"] == "Council approves new bike lanes on Main Street"
    assert rows[1]["removed_blocks"] == "1"
    assert rows[0]["sentences"] == "4"


def test_cli_table_names_each_outlet(capsys, story):
    code, out, _ = _run(capsys, str(story))
    assert code == 0
    assert "courier" in out
    assert "ledger" in out
    assert "Council approves new bike lanes on Main Street" in out


@pytest.mark.parametrize("fmt", ["json", "csv", "table", "jsonl"])
def test_cli_output_file(capsys, story, tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    code, out, _ = _run(capsys, str(story), "--format", fmt, "-o", str(target), "--no-compare")
    assert code == 0
    assert out == ""
    _, expected, _ = _run(capsys, str(story), "--format", fmt, "--no-compare")
    assert target.read_text("utf-8") == expected


def test_cli_one_bad_file_is_reported_and_the_rest_analysed(capsys, story):
    (story / "scan.txt").write_bytes(PNG)
    code, out, err = _run(capsys, str(story), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [a["id"] for a in data["articles"]] == ["courier", "ledger"]
    assert data["errors"] == [
        {"file": "scan.txt", "message": data["errors"][0]["message"], "line": None}
    ]
    assert data["errors"][0]["message"].startswith("not a text file")
    assert "scan.txt" in err


def test_cli_nothing_analysed_exits_2_with_message(capsys, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "scan.txt").write_bytes(PNG)
    (folder / "empty.txt").write_text("\n", encoding="utf-8")
    code, out, err = _run(capsys, str(folder), "--format", "json")
    assert code == 2
    assert out == ""
    assert messages.NOTHING_ANALYSED in err
    assert "scan.txt" in err and "empty.txt" in err


def test_cli_missing_path_exits_2(capsys, tmp_path):
    code, out, err = _run(capsys, str(tmp_path / "nowhere"))
    assert code == 2
    assert out == ""
    assert messages.NOTHING_ANALYSED in err


def test_cli_csv_and_jsonl_inputs(capsys, tmp_path):
    table = tmp_path / "rows.csv"
    table.write_text(
        f'id,outlet,title,text\nl1,Ledger,Bikes,"{ARTICLES["courier.txt"].splitlines()[1]}"\n',
        encoding="utf-8",
    )
    lines = tmp_path / "rows.jsonl"
    lines.write_text(
        json.dumps(
            {"text": ARTICLES["ledger.txt"], "outlet": "Courier", "url": "https://c.example"}
        )
        + "\n",
        encoding="utf-8",
    )
    code, out, _ = _run(capsys, str(table), str(lines), "--format", "json")
    assert code == 0
    first, second = json.loads(out)["articles"]
    assert (first["id"], first["outlet"], first["title"]) == ("l1", "Ledger", "Bikes")
    assert (second["id"], second["outlet"]) == ("rows-1", "Courier")
    assert second["source"]["url"] == "https://c.example"
    assert second["title"] == "Council approves new bike lanes on Main Street"


def test_cli_csv_output_is_formula_safe(capsys, tmp_path):
    table = tmp_path / "rows.jsonl"
    table.write_text(
        json.dumps(
            {
                "id": "x",
                "title": "=HYPERLINK(1)",
                "outlet": "@evil",
                "text": "It rained. Then it stopped.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    code, out, _ = _run(capsys, str(table), "--format", "csv")
    assert code == 0
    (row,) = csv.DictReader(io.StringIO(out))
    assert row["title"] == "'=HYPERLINK(1)"
    assert row["outlet"] == "'@evil"


def test_cli_jsonl_reports_a_bad_file_as_an_error_line(capsys, story):
    (story / "scan.txt").write_bytes(PNG)
    code, out, err = _run(capsys, str(story), "--format", "jsonl")
    assert code == 0
    rows = [json.loads(line) for line in out.strip().split("\n")]
    errors = [r["error"] for r in rows if "error" in r]
    assert [e["file"] for e in errors] == ["scan.txt"]
    assert sorted(r["id"] for r in rows if "id" in r) == ["courier", "ledger"]
    assert "scan.txt" in err


def test_cli_no_break_space_article_does_not_crash_the_story(capsys, story):
    # A capital letter, a no-break space and a full stop (see test_segment).
    (story / "nbsp.txt").write_text(
        "The committee chose Plan A\u00a0. Officials said the vote was close.\n", encoding="utf-8"
    )
    code, out, _ = _run(capsys, str(story), "--format", "json", "--no-compare")
    assert code == 0
    assert [a["id"] for a in json.loads(out)["articles"]] == ["courier", "ledger", "nbsp"]


# --- what the terminal sees: -o problems, Ctrl-C, evaluate ----------------------


@pytest.fixture
def no_analysis(monkeypatch):
    """Fail the test if any article is loaded or analysed."""
    import analysis.input.loading
    import analysis.pipeline

    def refuse(*args, **kwargs):
        raise AssertionError("analysis ran before the -o check")

    monkeypatch.setattr(analysis.input.loading, "load_paths", refuse)
    monkeypatch.setattr(analysis.pipeline, "analyse_story", refuse)
    monkeypatch.setattr(analysis.pipeline, "analyse_stream", refuse)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_cli_output_in_a_missing_folder_is_refused_before_analysis(
    capsys, story, tmp_path, no_analysis, fmt
):
    target = tmp_path / "nonexistent" / "dir" / "x.json"
    code, out, err = _run(capsys, str(story), "--format", fmt, "-o", str(target))
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"slant: {messages.OUTPUT_NO_FOLDER.format(folder=target.parent).coded()}"
    ]


def test_cli_output_naming_a_folder_is_refused_before_analysis(capsys, story, tmp_path,
                                                              no_analysis):
    code, _, err = _run(capsys, str(story), "-o", str(tmp_path))
    assert code == 2
    assert err.splitlines() == [
        "slant: " + messages.OUTPUT_IS_FOLDER.format(
            path=tmp_path, example=tmp_path / "story.json"
        ).coded()
    ]
    assert "[E306]" in err


def test_cli_output_without_permission_is_refused_before_analysis(
    capsys, story, tmp_path, monkeypatch, no_analysis
):
    # Tests may run as root, for whom every path is writable: fake the answer.
    import analysis.cli

    monkeypatch.setattr(analysis.cli.os, "access", lambda path, mode: False)
    target = tmp_path / "x.json"
    code, _, err = _run(capsys, str(story), "-o", str(target))
    assert code == 2
    assert err.splitlines() == [f"slant: {messages.OUTPUT_DENIED.format(path=target).coded()}"]


def test_cli_bad_workers_is_refused(capsys, story, no_analysis):
    code, _, err = _run(capsys, str(story), "--workers", "0")
    assert code == 2 and "[E309]" in err


def test_cli_ctrl_c_prints_one_line_and_exits_130(capsys, story, monkeypatch):
    import analysis.pipeline

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(analysis.pipeline, "analyse_story", interrupted)
    code, out, err = _run(capsys, str(story))
    assert code == 130 and out == ""
    assert err.splitlines() == [f"slant: {messages.INTERRUPTED.coded()}"]


def test_cli_ctrl_c_during_a_long_parallel_run_has_no_traceback(tmp_path):
    # A real SIGINT to the whole process group, as a terminal sends it, while
    # two workers are busy: one line from the parent, none from the workers.
    import os
    import signal
    import subprocess
    import sys
    import time

    # Enough rows that the run is still going when the signal comes, however
    # fast the machine: it is interrupted after 3 s.
    rows = [json.dumps({"text": ARTICLES["courier.txt"]}) for _ in range(30_000)]
    table = tmp_path / "long.jsonl"
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "analysis", "analyze", str(table), "--format", "jsonl",
         "--workers", "2", "-o", str(tmp_path / "out.jsonl")],
        cwd=Path(__file__).resolve().parents[1],
        stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    time.sleep(3)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert err.splitlines()[-1] == f"slant: {messages.INTERRUPTED.coded()}"
    assert [line for line in err.splitlines() if "[E304]" in line] == [err.splitlines()[-1]]


def test_cli_evaluate_file_without_columns_is_one_line(capsys, tmp_path):
    bad = tmp_path / "nocols.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    code = main(["evaluate", "hedging", str(bad)])
    _, err = capsys.readouterr()
    assert code == 2
    reason = messages.EVAL_HEDGING_COLUMNS.format(path=bad)
    assert err.splitlines() == [
        f"slant: {messages.EVALUATION_FAILED.format(reason=reason).coded()}"
    ]
    assert err.count(str(bad)) == 1


def test_cli_evaluate_missing_file_is_one_line(capsys, tmp_path):
    code = main(["evaluate", "loaded", str(tmp_path / "absent.csv")])
    _, err = capsys.readouterr()
    assert code == 2 and len(err.splitlines()) == 1 and "[E008]" in err


def test_cli_evaluate_kind_not_installed_is_one_line(capsys, tmp_path, monkeypatch):
    import analysis.cli

    monkeypatch.setattr(analysis.cli, "EVALUATIONS", (*analysis.cli.EVALUATIONS, "nosuchkind"))
    code = main(["evaluate", "nosuchkind", str(tmp_path / "x.csv")])
    _, err = capsys.readouterr()
    assert code == 2
    assert err.splitlines() == [
        f"slant: {messages.EVALUATION_MISSING.format(kind='nosuchkind').coded()}"
    ]


def test_cli_evaluate_registers_alignment_and_actors():
    from analysis.cli import build_parser

    parser = build_parser()
    for kind in ("alignment", "actors"):
        assert parser.parse_args(["evaluate", kind, "x"]).kind == kind


def test_cli_csv_skips_the_comparison_unless_asked(capsys, story, monkeypatch):
    import analysis.pipeline

    compared = []
    real = analysis.pipeline.compare_articles
    monkeypatch.setattr(analysis.pipeline, "compare_articles",
                        lambda *a: compared.append(1) or real(*a))
    _run(capsys, str(story), "--format", "csv")
    assert compared == []
    _run(capsys, str(story), "--format", "csv", "--compare")
    assert compared == [1]


# --- progress -----------------------------------------------------------------------


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def _progress(tty: bool):
    from analysis.cli import Progress

    now = [0.0]
    stream = _Stream(tty)
    return Progress(stream, clock=lambda: now[0]), stream, now


def test_cli_progress_silent_for_short_runs():
    progress, stream, now = _progress(tty=True)
    now[0] = 1.0
    progress.update(5, 10)
    progress.close()
    assert stream.getvalue() == ""


def test_cli_progress_bar_on_a_terminal():
    progress, stream, now = _progress(tty=True)
    now[0] = 3.0
    progress.update(5, 10)
    now[0] = 4.0
    progress.update(10, 10)
    progress.close()
    assert stream.getvalue() == (
        "\r[##########----------] 5/10 articles analysed, 3 s"
        "\r[####################] 10/10 articles analysed, 4 s\n"
    )


def test_cli_progress_lines_in_a_log():
    progress, stream, now = _progress(tty=False)
    now[0] = 3.0
    progress.update(5, None)  # too early for a log line
    now[0] = 11.0
    progress.update(50, None)
    now[0] = 20.0
    progress.update(90, None)  # within 30 s of the last line
    now[0] = 42.0
    progress.update(200, None)
    progress.close()
    assert stream.getvalue() == (
        "slant: 50 articles analysed, 11 s\nslant: 200 articles analysed, 42 s\n"
    )


def test_cli_quiet_prints_no_progress(capsys, story, monkeypatch):
    import analysis.cli

    monkeypatch.setattr(analysis.cli, "PROGRESS_LINE_AFTER", -1.0)
    _, _, err = _run(capsys, str(story), "--format", "csv")
    assert "articles analysed" in err
    _, _, err = _run(capsys, str(story), "--format", "csv", "--quiet")
    assert err == ""


def test_cli_parallel_by_default_only_for_many_articles(monkeypatch):
    import analysis.batch.maps
    from analysis.cli import PARALLEL_MIN_ARTICLES, _mapper, build_parser

    seen = []
    monkeypatch.setattr(analysis.batch.maps, "mapper", lambda *a: seen.append(a[:4]))
    args = build_parser().parse_args(["analyze", "x"])
    _mapper(args, PARALLEL_MIN_ARTICLES)
    _mapper(args, PARALLEL_MIN_ARTICLES + 1)
    _mapper(args)  # a stream: the engine reads ahead to decide
    one = build_parser().parse_args(["analyze", "x", "--workers", "1"])
    _mapper(one, 10_000)
    chunks = PARALLEL_MIN_ARTICLES // 16
    assert seen == [
        ("local", 1, None, chunks),
        ("local", None, None, chunks),
        ("local", None, None, chunks),
        ("local", 1, None, 0),
    ]


# --- the text report ---------------------------------------------------------------

GOLDEN = Path(__file__).resolve().parent / "golden" / "seeds_table.txt"


def test_cli_table_on_the_seeds_matches_the_golden_file(capsys, seeds_dir):
    """The per-article report on the seeds, pinned.

    After an intended change to a figure or to the report, regenerate with::

        PYTHONPATH=$PWD python -m analysis analyze seeds --format table --no-compare \\
            -o tests/golden/seeds_table.txt

    and review the diff.
    """
    code, out, _ = _run(capsys, str(seeds_dir), "--format", "table", "--no-compare")
    assert code == 0
    assert out == GOLDEN.read_text("utf-8")


def test_cli_table_report_has_every_figure_line(capsys, story):
    from analysis.results import figures

    _, out, _ = _run(capsys, str(story), "--format", "table", "--no-compare")
    block = out.split("\n\n")[1].splitlines()
    names = [line.split()[0] for line in block[3:]]
    assert names == [name for name, _ in figures.report_lines()]
    loaded = next(line for line in block if line.startswith("  loaded"))
    assert "Loaded words in headline 0" in loaded and "per 100 words" in loaded


def test_cli_table_shows_manifest_strings_with_stand_ins(capsys, tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLES["courier.txt"], encoding="utf-8")
    (folder / "story.toml").write_text(
        '[story]\ntitle = "T\\u001b]0;owned\\u0007 \\u202egnp.exe"\n'
        '[[article]]\nfile = "a.txt"\noutlet = "Out\\u001b[2Jlet"\nbyline = "B\\u009b"\n',
        encoding="utf-8",
    )
    for fmt in ("table", "csv"):
        _, out, _ = _run(capsys, str(folder), "--format", fmt, "--no-compare")
        assert not any(ch in out for ch in "\x1b\x07\u202e\x9b"), fmt
        assert "Out␛[2Jlet" in out
    _, out, _ = _run(capsys, str(folder), "--format", "table", "--no-compare")
    assert out.startswith("T␛]0;owned␇ [U+202E]gnp.exe\n")


def test_cli_json_output_is_bounded_on_hostile_input(capsys, tmp_path, monkeypatch):
    # One-word sentences are the worst case (a record per sentence); with the
    # compact form past the threshold, JSON stays under 250 bytes per input byte
    # (measured: 229 for this text, docs/schema.md "Size").
    import analysis.cli

    monkeypatch.setattr(analysis.cli, "JSON_INDENT_MAX_SENTENCES", 500)
    hostile = tmp_path / "h.txt"
    hostile.write_text("Officials said the plan passed.\n" + "Bad! " * 2000 + "\n", "utf-8")
    code, out, _ = _run(capsys, str(hostile), "--format", "json")
    assert code == 0
    assert "\n" not in out.rstrip("\n")  # compact: one line
    assert len(out.encode()) < 250 * hostile.stat().st_size
    small = tmp_path / "s.txt"
    small.write_text("Officials said the plan passed. Bad! Bad!\n", "utf-8")
    _, out, _ = _run(capsys, str(small), "--format", "json")
    assert out.startswith("{\n  ")  # small stories stay indented for people

def _run_cv(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_evaluate_cv_alignment_has_none(capsys):
    code, out, err = _run_cv(capsys, "evaluate", "alignment", "tests/gold/alignment/seeds", "--cv")
    assert code == 2 and out == ""
    assert "[E516]" in err and "'alignment' has no cross-validation" in err


def test_cli_evaluate_cv_calls_the_modules_cross_validation(capsys, monkeypatch, tmp_path):
    import analysis.evaluate.sentiment as sentiment

    calls = []

    def fake(path, *, cv=False, **kwargs):
        calls.append(cv)
        return {"n": 3, "pearson_r": 0.5, "folds": [0.4, 0.6]}

    monkeypatch.setattr(sentiment, "evaluate", fake)
    rated = tmp_path / "r.tsv"
    rated.write_text("1_1\t1.0\tGood.\n", encoding="utf-8")
    code, out, _ = _run_cv(capsys, "evaluate", "sentiment", str(rated), "--cv", "--format", "json")
    assert code == 0 and calls == [True]
    assert json.loads(out)["folds"] == [0.4, 0.6]
    # The table leaves the per-fold detail to --format json.
    code, out, _ = _run_cv(capsys, "evaluate", "sentiment", str(rated), "--cv")
    assert "pearson_r  0.500" in out and "folds" not in out


def test_cli_out_of_memory_is_one_line(capsys, story, monkeypatch):
    import analysis.pipeline

    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(analysis.pipeline, "analyse_story", exhausted)
    code, out, err = _run(capsys, str(story))
    assert code == 1 and out == ""
    assert err.splitlines() == [f"slant: {messages.OUT_OF_MEMORY.coded()}"]
