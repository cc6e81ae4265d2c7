"""Grouped k-fold splits, so that tuning is always measured on unseen groups.

Every tuning decision in Slant (a lexicon entry kept or dropped, a weight, a
threshold) is made on training folds and scored on the held-out fold; the
figure we report is the mean over held-out folds, never a figure fitted on
the data it is reported on. Rows that belong together (one BABE topic, one
NYT article, one Wikipedia sentence) always fall in the same fold, so a fold
never sees a near-copy of what it is scored on.

Assignment is deterministic: a group goes to the fold given by a stable hash
of its key and the seed, so the same data always gives the same folds on
every machine, and adding rows does not reshuffle the others.
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable, Sequence

DEFAULT_FOLDS = 5
"""Folds used by every cross-validated figure in the README."""


def fold_of(group: Hashable, k: int = DEFAULT_FOLDS, seed: int = 0) -> int:
    """The fold (0..k-1) that ``group`` belongs to.

    Args:
        group: The group key (a topic name, an article id, a row number).
        k: Number of folds.
        seed: Changes the assignment as a whole.
    """
    digest = hashlib.blake2b(f"{seed}\x00{group!r}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % k


def grouped_folds(
    groups: Sequence[Hashable], k: int = DEFAULT_FOLDS, seed: int = 0
) -> list[tuple[list[int], list[int]]]:
    """Train and test row indices for each of ``k`` folds, grouped by key.

    Args:
        groups: One group key per row.
        k: Number of folds; with fewer distinct groups than ``k``, each group
            is its own fold (leave-one-group-out).
        seed: Changes the assignment as a whole.

    Returns:
        ``k`` pairs ``(train, test)`` of row indices; every row is in exactly
        one ``test`` list, and no group is split across ``train`` and ``test``.
    """
    distinct = list(dict.fromkeys(groups))
    if len(distinct) <= k:
        index = {g: i for i, g in enumerate(distinct)}
        assign = [index[g] for g in groups]
        k = len(distinct)
    else:
        assign = [fold_of(g, k, seed) for g in groups]
    folds = []
    for f in range(k):
        test = [i for i, a in enumerate(assign) if a == f]
        train = [i for i, a in enumerate(assign) if a != f]
        folds.append((train, test))
    return folds
