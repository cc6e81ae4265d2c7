"""Building many small objects at once without the cyclic collector.

CPython's cyclic garbage collector runs after every few hundred new container
objects, and its older generations traverse every object that is still
alive. A long text becomes hundreds of thousands of tokens and sentence spans
at once, each a tracked object, so collections run again and again during the
build and each traverses all those built so far: on 1 MB of text the
collections cost more than the build and grew faster than the text (4x the
text, 6-12x the collector's time). Tokens and spans hold only numbers and
strings, so they can never be part of a reference cycle; nothing is lost by
not looking for cycles while they are built.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block, then restore it.

    Reference counting still frees everything as usual; only the search for
    cycles waits, and the objects built meanwhile are examined once, by the
    next collection, instead of at every one.

    Yields:
        Nothing; the collector is enabled again on leaving the block if it
        was enabled on entering it.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
