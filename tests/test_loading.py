"""Tests for analysis.input.loading: folders, manifests, tables and encodings.

The normal paths a user takes. Hostile and malformed inputs are tested in
depth elsewhere; here only the acceptance case of one bad file in a folder.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.input.loading import load_paths, read_upload

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BODY = (
    "Mr. Hegseth met Gen. Nakatani in Tokyo on Sunday. "
    "They agreed to speed up plans for a joint headquarters.\n"
    "“America first does not mean America alone,” he said.\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


def _folder(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    for name, content in files.items():
        path = folder / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return folder


def test_loading_seed_folder_uses_manifest():
    loaded = load_paths([SEEDS])
    assert loaded.errors == ()
    assert [a.id[:3] for a in loaded.articles] == ["000", "001", "002", "003", "004"]
    outlets = [a.outlet for a in loaded.articles]
    assert outlets == [
        "Unnamed rewrite",
        "The New York Times (republished copy)",
        "HERE Orlando",
        "Wire report (agency not named)",
        "Devdiscourse",
    ]
    assert [a.kind for a in loaded.articles] == [
        "rewrite",
        "original reporting",
        "aggregator",
        "wire",
        "aggregator",
    ]
    assert loaded.articles[1].byline == "Martin Fackler"
    assert "Leave a Reply" in loaded.articles[1].evidence
    assert loaded.info.title == "Hegseth's first Asia trip: U.S.-Japan military ties and China"
    china = next(a for a in loaded.info.actors if a.name == "China")
    assert china.aliases == ("Beijing", "Chinese")


def test_loading_folder_without_manifest_names_outlets_after_files(tmp_path):
    folder = _folder(
        tmp_path,
        {
            "daily_ledger.txt": BODY,
            "city-news.md": "# Talks in Tokyo\n\n" + BODY,
            "notes.pdf": b"%PDF-1.4",  # not an article type: ignored in a folder
        },
    )
    loaded = load_paths([folder])
    assert loaded.errors == ()
    assert [(a.id, a.outlet, a.kind) for a in loaded.articles] == [
        ("city-news", "city-news", "unknown"),
        ("daily_ledger", "daily_ledger", "unknown"),
    ]
    assert loaded.info.title == "story"
    assert loaded.info.actors == ()


def test_loading_markdown_structure_removed(tmp_path):
    folder = _folder(
        tmp_path,
        {
            "a.md": "# Talks in Tokyo\n\nHe met [Gen. Nakatani](https://x.example/n) today.\n"
            "![photo](img.png)\n"
        },
    )
    (article,) = load_paths([folder]).articles
    assert article.text.split("\n")[0] == "Talks in Tokyo"
    assert "He met Gen. Nakatani today." in article.text
    assert "https://" not in article.text
    assert "img.png" not in article.text


def test_loading_html_main_text_extracted(tmp_path):
    paragraphs = [
        "Defense Secretary Pete Hegseth ended his first official visit to Asia on Sunday "
        "by assuring Japan that the alliance would grow stronger.",
        "After an 85-minute meeting in Tokyo with his Japanese counterpart, Mr. Hegseth said "
        "the administration would stick to its promises to boost security cooperation.",
        "Japanese officials had privately worried that such concessions might encourage "
        "China to make a move on Taiwan, officials said on Monday.",
    ]
    html = (
        "<html><head><title>Hegseth in Tokyo</title><script>var tracking = 1;</script>"
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<article><h1>Hegseth vows to boost military cooperation with Japan</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article><footer>Copyright 2025 Example News</footer></body></html>"
    )
    folder = _folder(tmp_path, {"page.html": html})
    loaded = load_paths([folder])
    assert loaded.errors == ()
    (article,) = loaded.articles
    for paragraph in paragraphs:
        assert paragraph in article.text
    assert "tracking" not in article.text


@pytest.mark.parametrize(
    "encoding, data",
    [
        ("utf-8", BODY.encode("utf-8")),
        ("utf-8 (with BOM)", b"\xef\xbb\xbf" + BODY.encode("utf-8")),
        ("utf-16 (with BOM)", BODY.encode("utf-16")),
        ("cp1252", BODY.encode("cp1252")),
        ("utf-8", BODY.replace("\n", "\r\n").encode("utf-8")),
    ],
    ids=["utf8", "utf8_bom", "utf16", "cp1252", "crlf"],
)
def test_loading_detects_encoding(encoding, data):
    (article,), errors = read_upload("a.txt", data)
    assert errors == []
    assert article.text == BODY
    assert article.encoding == encoding


def test_loading_latin1_accents(tmp_path):
    text = "Le ministre a déclaré à Tokyo que l'alliance était « solide ».\n"
    folder = _folder(tmp_path, {"fr.txt": text.encode("latin-1")})
    (article,) = load_paths([folder]).articles
    assert article.text == text
    assert article.encoding == "cp1252"


CSV = (
    "id,outlet,title,url,date,text\n"
    'a1,Daily Ledger,Talks in Tokyo,https://ledger.example/a1,2025-03-30,"'
    + BODY.replace('"', '""')
    + '"\n'
    ',,,,,"Second article, no metadata. It has two sentences."\n'
)


def test_loading_csv_rows(tmp_path):
    path = tmp_path / "articles.csv"
    path.write_text(CSV, encoding="utf-8")
    loaded = load_paths([path])
    assert loaded.errors == ()
    first, second = loaded.articles
    assert (first.id, first.outlet, first.title, first.url, first.date) == (
        "a1",
        "Daily Ledger",
        "Talks in Tokyo",
        "https://ledger.example/a1",
        "2025-03-30",
    )
    assert first.text == BODY
    # Without id or outlet: numbered after the file, outlet = id.
    assert (second.id, second.outlet, second.title) == ("articles-2", "articles-2", "")
    assert second.text == "Second article, no metadata. It has two sentences."
    assert loaded.info.title == "articles"


def test_loading_csv_text_column_only(tmp_path):
    path = tmp_path / "only.csv"
    path.write_text('text\n"One article. Two sentences."\n', encoding="utf-8")
    (article,) = load_paths([path]).articles
    assert (article.id, article.outlet, article.text) == (
        "only-1",
        "only-1",
        "One article. Two sentences.",
    )


def test_loading_jsonl_rows(tmp_path):
    rows = [
        {
            "id": "x",
            "outlet": "Wire",
            "title": "Talks",
            "url": "https://w.example/x",
            "date": "2025-03-30",
            "text": BODY,
        },
        {"text": "No metadata here. Just text."},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    loaded = load_paths([path])
    assert loaded.errors == ()
    first, second = loaded.articles
    assert (first.id, first.outlet, first.title, first.url, first.date, first.text) == (
        "x",
        "Wire",
        "Talks",
        "https://w.example/x",
        "2025-03-30",
        BODY,
    )
    assert (second.id, second.outlet) == ("batch-2", "batch-2")
    assert first.file.startswith("batch.jsonl")


def test_loading_jsonl_row_without_text_is_an_error_not_a_crash(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text('{"id": "a", "text": "Fine. Two."}\n{"id": "b"}\n', encoding="utf-8")
    loaded = load_paths([path])
    assert [a.id for a in loaded.articles] == ["a"]
    (error,) = loaded.errors
    assert error.line == 2
    assert "text" in error.message


def test_loading_one_unreadable_file_becomes_an_error(tmp_path):
    folder = _folder(tmp_path, {"good.txt": BODY, "image.txt": PNG, "empty.txt": "  \n"})
    loaded = load_paths([folder])
    assert [a.id for a in loaded.articles] == ["good"]
    errors = {e.file: e.message for e in loaded.errors}
    assert set(errors) == {"image.txt", "empty.txt"}
    assert errors["image.txt"].startswith("not a text file")
    assert errors["empty.txt"].startswith("the file is empty")


def test_loading_missing_path_is_an_error(tmp_path):
    loaded = load_paths([tmp_path / "nowhere"])
    assert loaded.articles == ()
    (error,) = loaded.errors
    assert error.message.startswith("not found")


def test_loading_duplicate_ids_made_unique(tmp_path):
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "story.txt").write_text(BODY, encoding="utf-8")
    table = tmp_path / "t.jsonl"
    table.write_text(
        '{"id": "story", "text": "A. B."}\n{"id": "story", "text": "C. D."}\n', encoding="utf-8"
    )
    loaded = load_paths([tmp_path / "one", tmp_path / "two", table])
    assert [a.id for a in loaded.articles] == ["story", "story-2", "story-3", "story-4"]
    assert len({a.id for a in loaded.articles}) == 4


def test_loading_several_paths_mixed(tmp_path):
    text_file = tmp_path / "single.txt"
    text_file.write_text(BODY, encoding="utf-8")
    csv_file = tmp_path / "rows.csv"
    csv_file.write_text(CSV, encoding="utf-8")
    loaded = load_paths([text_file, csv_file])
    assert [a.id for a in loaded.articles] == ["single", "a1", "rows-2"]
    assert loaded.info.title == "Story"
