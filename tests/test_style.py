"""The code base stays lint-clean: ruff runs as part of the test command."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("target", ["analysis", "dashboard", "tests", "benchmarks"])
def test_style_ruff_reports_nothing(target):
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    done = subprocess.run(
        [ruff, "check", "--output-format", "concise", target],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_style_library_never_imports_streamlit_or_altair():
    # analysis/ is a pure library: the dashboard imports it, never the reverse.
    offenders = [
        str(path.relative_to(REPO))
        for path in (REPO / "analysis").rglob("*.py")
        if any(
            line.lstrip().startswith(
                ("import streamlit", "from streamlit", "import altair", "from altair")
            )
            for line in path.read_text("utf-8").splitlines()
        )
    ]
    assert offenders == []


# --- messages: one module, stable codes ---------------------------------------------
#
# A user-facing message literal is a string (or f-string) with three or more
# words of literal text that is
#   (a) the value of a module-level constant named ERR_*, NOTE_*, WARN_*, MSG_* or REASON_*;
#   (b) an argument of FileError, EngineError, NotText, Message, warnings.warn,
#       st.error or st.warning;
#   (c) printed to stderr: print(..., file=...) or sys.stderr.write(...);
#   (d) the message of a raised ValueError, OSError or RuntimeError.
# Log records (log.warning, logger.exception, ...) are for developers and exempt, as
# are TypeError/KeyError raised for a programming mistake.

MESSAGE_CONSTANTS = ("ERR_", "NOTE_", "WARN_", "MSG_", "REASON_")
MESSAGE_CALLS = {"FileError", "EngineError", "NotText", "Message", "warn", "error", "warning"}
USER_ERRORS = {"ValueError", "OSError", "RuntimeError"}
LOGGERS = {"log", "logger", "logging", "_log", "LOG"}


def _literal_words(node) -> int:
    import ast

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return len(node.value.split())
    if isinstance(node, ast.JoinedStr):
        return sum(_literal_words(v) for v in node.values)
    if isinstance(node, ast.BinOp):
        return _literal_words(node.left) + _literal_words(node.right)
    return 0


def message_literals(source: str) -> list[tuple[int, str]]:
    """(line, what) for each user-facing message literal in ``source`` (rule above)."""
    import ast

    tree = ast.parse(source)
    found = []
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id.startswith(MESSAGE_CONSTANTS)
            and _literal_words(node.value) >= 1
        ):
            found.append((node.lineno, node.targets[0].id))
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            func = node.exc.func
            if isinstance(func, ast.Name) and func.id in USER_ERRORS and node.exc.args and (
                _literal_words(node.exc.args[0]) >= 3
            ):
                found.append((node.lineno, f"raise {func.id}"))
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        receiver = getattr(func, "value", None)
        if isinstance(receiver, ast.Name) and receiver.id in LOGGERS:
            continue
        if max(_literal_words(arg) for arg in node.args) < 3:
            continue
        to_stderr = (name == "print" and any(k.arg == "file" for k in node.keywords)) or (
            name == "write" and isinstance(receiver, ast.Attribute) and receiver.attr == "stderr"
        )
        if name in MESSAGE_CALLS or to_stderr:
            found.append((node.lineno, name))
    return found


def test_style_user_messages_live_in_messages_py():
    offenders = []
    for folder in ("analysis", "dashboard"):
        for path in sorted((REPO / folder).rglob("*.py")):
            if path == REPO / "analysis" / "messages.py":
                continue
            for line, what in message_literals(path.read_text("utf-8")):
                offenders.append(f"{path.relative_to(REPO)}:{line}: {what}")
    assert offenders == []


@pytest.mark.parametrize(
    "source",
    [
        'ERR_X = "the file is broken"',
        'from x import FileError\nFileError("f", "could not read this file")',
        'import sys\nprint(f"slant: {x} was not found here", file=sys.stderr)',
        'raise ValueError("rows must be given here")',
        'import streamlit as st\nst.warning(f"{n} inputs could not be read")',
    ],
)
def test_style_message_literal_rule_catches(source):
    assert len(message_literals(source)) == 1


@pytest.mark.parametrize(
    "source",
    [
        "from analysis import messages\nERR_X = messages.EMPTY",
        'log.warning("could not write the analysis cache")',
        'raise TypeError("a.b is not a field of C")',
        'FileError("f", messages.EMPTY)',
    ],
)
def test_style_message_literal_rule_allows(source):
    assert message_literals(source) == []


def test_style_every_message_has_a_unique_well_formed_code():
    import re

    from analysis import messages

    found = {name: value for name, value in vars(messages).items()
             if isinstance(value, messages.Message)}
    assert len(found) > 60
    codes = [m.code for m in found.values()]
    assert all(re.fullmatch(r"[EW]\d{3}", c) for c in codes), codes
    assert len(set(codes)) == len(codes)
    # Constants are Message objects with their code, or aliases of one: no plain strings.
    plain = [n for n, v in vars(messages).items()
             if n.isupper() and isinstance(v, str) and not isinstance(v, messages.Message)]
    assert plain == []


def test_style_message_keeps_its_code_through_format_and_pickle():
    import pickle

    from analysis import messages

    filled = messages.TOO_LARGE.format(size=3, limit=2)
    assert filled.code == "E005" and filled.startswith("the file is 3 bytes")
    assert filled.coded() == "[E005] " + filled
    back = pickle.loads(pickle.dumps(filled))
    assert back == filled and back.code == "E005"
    assert messages.coded("plain text") == "plain text"
