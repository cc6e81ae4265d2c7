"""No network at all, first run, empty caches (issue 7, case 16).

A fresh Python process with every socket call blocked and HOME, NLTK and
cache folders pointing at empty directories analyses the seed story in every
output format, renders the highlights, writes the exports and renders every
dashboard page (AppTest). URL import, the one feature that needs the network,
says it is offline.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

BLOCK = """
import socket

def _blocked(*args, **kwargs):
    raise OSError("network disabled by the offline test")

# Local IPC stays allowed (the dashboard's analysis worker talks to its
# fork server over a Unix socket); every network family is refused.
_connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex

def _local_only(original):
    def connect(self, *args, **kwargs):
        if self.family != socket.AF_UNIX:
            _blocked()
        return original(self, *args, **kwargs)
    return connect

socket.socket.connect = _local_only(_connect)
socket.socket.connect_ex = _local_only(_connect_ex)
socket.socket.sendto = _blocked
socket.create_connection = _blocked
socket.getaddrinfo = _blocked
"""

SCRIPT = BLOCK + textwrap.dedent(
    """
    import contextlib, io, json, sys
    from analysis.cli import main
    from analysis.pipeline import analyze_paths
    from analysis.outputs.export import story_csv, story_json
    from dashboard.builders.highlight import highlight_article

    report = {}
    for fmt in ("json", "csv", "table"):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            report[fmt] = main(["analyze", "seeds", "--format", fmt])
        report[fmt + "_chars"] = len(out.getvalue())
    story = analyze_paths(["seeds"])
    report["articles"] = len(story.articles)
    report["errors"] = [e.message for e in story.errors]
    report["readability"] = [a.readability.flesch_kincaid_grade for a in story.articles]
    report["comparison"] = story.comparison is not None
    report["html"] = all(highlight_article(a).startswith("<div") for a in story.articles)
    json.loads(story_json(story))
    report["csv_rows"] = story_csv(story.articles).count("\\n")

    from dashboard.url_import import OFFLINE, fetch

    file, message = fetch("https://example.com/article")
    report["url_file"] = file
    report["url_message"] = message == OFFLINE.format(host="example.com")

    from streamlit.testing.v1 import AppTest

    pages = {}
    for page in ("views/overview.py", "views/article.py", "views/compare.py",
                 "views/coverage.py", "views/method.py", "views/own_articles.py"):
        at = AppTest.from_file("dashboard/app.py", default_timeout=180)
        at.run()
        at.switch_page(page)
        at.run()
        pages[page] = [str(e.value) for e in (*at.exception, *at.error)]
    report["pages"] = pages
    print(json.dumps(report))
    """
)


def test_offline_every_feature_works(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(empty),
        "NLTK_DATA": str(empty),
        "XDG_CACHE_HOME": str(empty),
        "PYTHONPATH": str(REPO),
        "PYTHONDONTWRITEBYTECODE": "1",
        "SLANT_STORE": str(tmp_path / "store"),
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert (report["json"], report["csv"], report["table"]) == (0, 0, 0)
    assert min(report["json_chars"], report["csv_chars"], report["table_chars"]) > 0
    assert report["articles"] == 5
    assert report["errors"] == []
    assert all(isinstance(g, float) for g in report["readability"])  # CMU dictionary bundled
    assert report["comparison"] is True
    assert report["html"] is True
    assert report["csv_rows"] == 6
    assert report["url_file"] is None
    assert report["url_message"] is True
    assert report["pages"] == {
        page: []
        for page in (
            "views/overview.py",
            "views/article.py",
            "views/compare.py",
            "views/coverage.py",
            "views/method.py",
            "views/own_articles.py",
        )
    }
