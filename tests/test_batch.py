"""The CLI's batch path: streaming JSONL, worker processes, Parquet, errors."""

from __future__ import annotations

import json
from pathlib import Path

import builders
import pytest

from analysis import messages, pipeline
from analysis.batch import rows, spark
from analysis.batch.engines import ordered_window
from analysis.cli import main
from analysis.input.loading import RawArticle
from analysis.results.article import FileError

ARTICLES = [
    {
        "id": "harbour",
        "outlet": "Harbour Times",
        "text": (
            "Maria Lopez opened the new harbour bridge on Monday.\n"
            "Maria Lopez said the bridge would cut travel times for thousands of commuters. "
            "Officials said the project came in under budget.\n"
            "Critics called the toll a disgraceful burden on families."
        ),
    },
    {
        "outlet": "Capital Wire",
        "text": (
            "The bridge may possibly ease congestion, according to some experts.\n"
            "Maria Lopez praised the engineers for their excellent work. "
            "Traffic was light on the first morning."
        ),
    },
    {
        "id": "gazette",
        "outlet": "Northern Gazette",
        "text": (
            "Drivers welcomed the bridge, though several complained about the toll.\n"
            "Maria Lopez promised a review of the charges within a year."
        ),
    },
]


def write_jsonl(path: Path, rows: list[dict | str]) -> Path:
    lines = [row if isinstance(row, str) else json.dumps(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def table(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "story.jsonl", ARTICLES)


def run(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(["analyze", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_batch_jsonl_matches_single_process_json(seeds_dir: Path, capsys) -> None:
    # The seeds folder has a manifest, so both paths use its actors; the
    # streamed lines must be exactly the articles of the ordinary JSON output.
    code, whole, _ = run([str(seeds_dir), "--format", "json", "--no-compare"], capsys)
    assert code == 0
    code, streamed, _ = run([str(seeds_dir), "--format", "jsonl", "--no-compare"], capsys)
    assert code == 0
    lines = [json.loads(line) for line in streamed.splitlines()]
    assert len(lines) == 5
    assert lines == json.loads(whole)["articles"]


def test_batch_table_guessed_actors_match_single_process(table: Path, capsys) -> None:
    # Fewer rows than ACTOR_SAMPLE: the guess is made over the whole story, as
    # the single-process path makes it.
    _, whole, _ = run([str(table), "--format", "json", "--no-compare"], capsys)
    _, streamed, _ = run([str(table), "--format", "jsonl"], capsys)
    lines = [json.loads(line) for line in streamed.splitlines()]
    assert [a["id"] for a in lines] == ["harbour", "story-2", "gazette"]
    assert lines == json.loads(whole)["articles"]
    actors = [a["actor"] for a in lines[0]["sentiment"]["actors"]]
    assert "Maria Lopez" in actors


def test_batch_two_workers_write_the_same_bytes(table: Path, tmp_path: Path, capsys) -> None:
    many = write_jsonl(tmp_path / "many.jsonl", ARTICLES * 14)  # 42 rows: several chunks
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["analyze", str(many), "--format", "jsonl", "-o", str(one)]) == 0
    assert main(["analyze", str(many), "--format", "jsonl", "--workers", "2", "-o", str(two)]) == 0
    assert one.read_bytes() == two.read_bytes()
    assert len(one.read_text(encoding="utf-8").splitlines()) == 42


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_batch_collected_formats_identical_to_single_process(table: Path, fmt: str, capsys) -> None:
    _, single, _ = run([str(table), "--format", fmt, "--no-compare"], capsys)
    code, pooled, _ = run([str(table), "--format", fmt, "--no-compare", "--workers", "2"], capsys)
    assert code == 0
    assert pooled == single


def test_batch_bad_rows_are_reported_in_place(tmp_path: Path, capsys) -> None:
    path = write_jsonl(
        tmp_path / "mixed.jsonl",
        [ARTICLES[0], "{not json", {"text": "   "}, ARTICLES[2]],
    )
    code, out, err = run([str(path), "--format", "jsonl"], capsys)
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [("error" in x) for x in lines] == [False, True, True, False]
    assert lines[1]["error"]["line"] == 2
    assert lines[2]["error"]["message"] == messages.ROW_EMPTY_TEXT.format(line=3)
    assert "mixed.jsonl (line 2)" in err and "mixed.jsonl (line 3)" in err


def test_batch_nothing_analysed_exits_2(tmp_path: Path, capsys) -> None:
    path = write_jsonl(tmp_path / "bad.jsonl", ["[1, 2]", '{"title": "no text"}'])
    code, _, err = run([str(path), "--format", "jsonl"], capsys)
    assert code == 2
    assert messages.NOTHING_ANALYSED in err


def test_batch_missing_table_is_an_error_not_a_traceback(tmp_path: Path, capsys) -> None:
    code, out, err = run([str(tmp_path / "absent.jsonl"), "--format", "jsonl"], capsys)
    assert code == 2
    assert json.loads(out)["error"]["file"] == "absent.jsonl"
    assert "could not be read" in err


def test_batch_analyser_crash_costs_only_that_article(monkeypatch) -> None:
    builders.fail_on(monkeypatch, "failed")
    items = [
        RawArticle(id="boom", file="t.jsonl:1", text="It failed."),
        RawArticle(id="fine", file="t.jsonl:2", text=ARTICLES[2]["text"]),
    ]
    out = pipeline.analyse_chunk(items, finish=rows.outcome)
    assert out[0].error == FileError(
        "t.jsonl:1", messages.ANALYSIS_FAILED.format(reason="ValueError: bad input")
    )
    assert json.loads(out[0].line)["error"]["file"] == "t.jsonl:1"
    assert out[1].error is None
    assert json.loads(out[1].line)["id"] == "fine"


def test_batch_lone_surrogate_row_is_reported_and_the_rest_analysed(tmp_path, capsys) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text(
        '{"text": "Officials said on Monday the plan would pass."}\n'
        '{"text": "Lone surrogate \\udfff here. Officials said the plan would pass."}\n',
        encoding="utf-8",
    )
    for fmt in ("table", "jsonl"):
        code, out, err = run([str(path), "--format", fmt], capsys)
        assert code == 0
        # The loader makes the text valid Unicode and warns on the row, by its
        # line; both rows are analysed.
        assert "s-1" in out and "s-2" in out
        assert "line 2: 1 invalid character(s) (lone UTF-16 surrogates" in out
    assert "Lone surrogate \ufffd here." in out  # JSONL: the character is replaced


def test_batch_ordered_window_keeps_order_and_bounds_work_in_flight() -> None:
    in_flight: list[int] = []
    peak = 0

    def submit(chunk):
        nonlocal peak
        in_flight.append(chunk[0])
        peak = max(peak, len(in_flight))
        return chunk

    def wait(chunk):
        in_flight.remove(chunk[0])
        return [x * 10 for x in chunk]

    chunks = pipeline.chunked(range(10), 3)
    results = list(ordered_window(submit, wait, chunks, window=2))
    assert results == [[0, 10, 20], [30, 40, 50], [60, 70, 80], [90]]
    assert peak == 2


def test_batch_stream_actors_reads_only_the_sample() -> None:
    texts = ["Ana Ruiz spoke. Ana Ruiz left. Ana Ruiz won."] * 2 + ["Bo Li spoke."] * 3
    items = [RawArticle(id=str(i), file="f", text=t) for i, t in enumerate(texts)]
    source = iter(items)
    stream = pipeline.analyse_stream(source, sample=2)
    first = next(stream)  # the first chunk: the sample and what follows it
    assert [a.name for a in first.doc.actors] == ["Ana Ruiz"]
    assert first.doc.actors_guessed
    assert [x.id for x in [first, *stream]] == ["0", "1", "2", "3", "4"]


def test_batch_stream_reads_no_further_than_the_sample_before_guessing(monkeypatch) -> None:
    seen: list[str] = []

    def guess(texts):
        texts = list(texts)
        seen.append(f"guess {len(texts)}")
        return ()

    import analysis.text.actors

    monkeypatch.setattr(analysis.text.actors, "guess_actors", guess)

    def items():
        for i in range(5):
            seen.append(f"read {i}")
            yield RawArticle(id=str(i), file="f", text="Bo Li spoke.")

    stream = pipeline.analyse_stream(items(), sample=2)
    next(stream)
    assert seen[:3] == ["read 0", "read 1", "guess 2"]


def test_batch_parquet_has_flat_figures_and_full_json(tmp_path: Path, capsys) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path = write_jsonl(tmp_path / "t.jsonl", [ARTICLES[0], '{"title": "x"}', ARTICLES[1]])
    out = tmp_path / "out.parquet"
    assert main(["analyze", str(path), "--format", "jsonl", "-o", str(out)]) == 0
    _, lines, _ = run([str(path), "--format", "jsonl"], capsys)
    table = pq.read_table(out)
    rows = table.to_pylist()
    assert table.column_names[-3:] == ["error", "error_line", "json"]
    assert [r["json"] for r in rows] == lines.splitlines()
    assert rows[0]["id"] == "harbour" and rows[0]["error"] is None
    assert rows[0]["words"] == json.loads(rows[0]["json"])["doc"]["word_count"]
    assert rows[1]["error"] == messages.ROW_NO_TEXT.format(line=2)
    assert rows[1]["error_line"] == 2 and rows[1]["words"] is None
    assert str(table.schema.field("sentiment_mean").type) == "double"
    # textstat's consensus grade is a number in the result, so a number here too.
    assert str(table.schema.field("text_standard").type) == "double"


@pytest.mark.parametrize("fmt", [[], ["--format", "table"], ["--format", "json"]])
def test_batch_parquet_output_name_alone_writes_parquet(tmp_path: Path, fmt) -> None:
    # "-o out.parquet" means Parquet whatever --format says (the suffix decides).
    pq = pytest.importorskip("pyarrow.parquet")
    path = write_jsonl(tmp_path / "t.jsonl", [ARTICLES[0], ARTICLES[2]])
    out = tmp_path / "out.parquet"
    assert main(["analyze", str(path), "-o", str(out), *fmt]) == 0
    assert [r["id"] for r in pq.read_table(out).to_pylist()] == ["harbour", "gazette"]


def test_batch_analyse_frames_gives_the_streamed_rows(tmp_path: Path, capsys) -> None:
    # The function handed to Spark's mapInPandas: same figures as the CLI's
    # Parquet rows for the same articles, one output row per input row.
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"id": ["harbour", "gazette", "empty"],
                          "text": [ARTICLES[0]["text"], ARTICLES[2]["text"], " "]})
    (out,) = list(spark.analyse_frames([frame]))
    assert list(out.columns) == rows.parquet_columns()
    assert list(out["id"][:2]) == ["harbour", "gazette"]
    assert out["error"][2] == messages.ROW_EMPTY_TEXT.format(line=3)
    article = json.loads(out["json"][0])
    assert out["words"][0] == article["doc"]["word_count"]
    assert out["sentiment_mean"][0] == pytest.approx(round(article["sentiment"]["mean"], 4))
    assert str(out["words"].dtype) == "Int64" and str(out["sentiment_mean"].dtype) == "float64"


def test_batch_spark_schema_names_every_column() -> None:
    schema = rows.spark_schema()
    assert schema.startswith("`id` STRING, `outlet` STRING")
    assert "`words` BIGINT" in schema and "`sentiment_mean` DOUBLE" in schema
    assert "`readability_reliable` BOOLEAN" in schema and schema.endswith("`json` STRING")
    assert schema.count("`") == 2 * len(rows.parquet_columns())
