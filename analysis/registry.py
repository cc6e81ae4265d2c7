"""The analysers, registered in one place.

Each analyser is a module with a function ``analyse(doc: Doc) -> Result`` whose
result is a frozen dataclass. Its name is the :class:`~analysis.results.article.Article`
field the result fills. Modules are imported on first use, so a command that
needs only some of them does not pay for the rest.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from analysis.results.doc import Doc


@dataclass(frozen=True)
class Analyser:
    """One registered analyser.

    Args:
        name: The Article field it fills, also the JSON key.
        module: Dotted path of the module that defines ``analyse``.
        label: What the stage is called in timings and progress messages.
    """

    name: str
    module: str
    label: str

    @cached_property
    def function(self) -> Callable[[Doc], object]:
        """The module's ``analyse`` function, imported on first use."""
        return importlib.import_module(self.module).analyse

    def __call__(self, doc: Doc) -> object:
        """Run the analyser on ``doc``."""
        return self.function(doc)


ANALYSERS: tuple[Analyser, ...] = (
    Analyser("sentiment", "analysis.measures.sentiment", "sentiment"),
    Analyser("hedging", "analysis.measures.hedging", "hedging"),
    Analyser("loaded", "analysis.measures.loaded", "loaded"),
    Analyser("readability", "analysis.measures.readability", "readability"),
)
"""Every analyser, in the order they run; each fills the Article field of its name."""

HEADLINE_ANALYSERS: tuple[str, ...] = ("sentiment", "hedging", "loaded")
"""The analysers run on the headline and standfirst (readability needs a body)."""
