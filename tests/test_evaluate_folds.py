"""Grouped folds: every row tested once, no group split."""

from __future__ import annotations

from analysis.evaluate.folds import fold_of, grouped_folds


def test_folds_every_row_tested_once_and_groups_kept_whole():
    groups = [f"topic{i % 7}" for i in range(50)]
    folds = grouped_folds(groups, k=5)
    assert len(folds) == 5
    tested = sorted(i for _, test in folds for i in test)
    assert tested == list(range(50))
    for train, test in folds:
        assert set(train).isdisjoint(test)
        assert {groups[i] for i in train}.isdisjoint({groups[i] for i in test})


def test_folds_few_groups_leave_one_group_out():
    folds = grouped_folds(["a", "b", "a", "c"], k=5)
    assert [test for _, test in folds] == [[0, 2], [1], [3]]


def test_folds_assignment_is_stable():
    assert fold_of("marriage equality", 5, 0) == fold_of("marriage equality", 5, 0)
    assert grouped_folds(list(range(100)), 5, 1) == grouped_folds(list(range(100)), 5, 1)
    assert grouped_folds(list(range(100)), 5, 1) != grouped_folds(list(range(100)), 5, 2)
