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
