"""Keep the fuzz harness working: run its check on fixed inputs.

``tests/fuzz/fuzz_loader.py`` is run by hand with atheris for a fixed time
(``docs/fuzzing.md`` records the result); this test imports its check
function without atheris and feeds it one input per file type plus the
hostile cases the fuzzer found interesting, so a change to the loader that
breaks the harness is caught in CI.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

HARNESS = Path(__file__).resolve().parent / "fuzz" / "fuzz_loader.py"


@pytest.fixture(scope="module")
def check_one_input():
    spec = importlib.util.spec_from_file_location("fuzz_loader", HARNESS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.check_one_input


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x00Officials met.\r\nThe talks went well.\rAfter.",
        b"\x01# Title\n\n[link](javascript:x) **bold**",
        b"\x02<div>" * 500 + b"text",
        b"\x02<!DOCTYPE x [<!ENTITY a 'b'>]><p>&a;</p>",
        b'\x03text\n"unclosed\nrow\n',
        b'\x04{"text": "\\u0000\\r"}\n[[[[\n',
        b"\x00\xff\xfe\x00\xd8",  # UTF-16 BOM then a lone surrogate
        b"\x00" + "caf\u00e9 ".encode() + b"\x93\x94\x81\x8d",
        b"\x00\x1b[2J\x07\x7f\x85 text",
    ],
    ids=[
        "empty",
        "txt-newlines",
        "md",
        "html-deep",
        "html-entities",
        "csv-unclosed",
        "jsonl",
        "utf16-surrogate",
        "mixed-cp1252",
        "controls",
    ],
)
def test_hardening_fuzz_harness_accepts_fixed_inputs(check_one_input, data):
    check_one_input(data)
