"""Tests for analysis.evaluate.alignment: hand-checked scores, and the gold's consistency."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from analysis.evaluate import alignment as ev
from analysis.pipeline import analyze_paths

GOLD = Path(__file__).resolve().parent / "gold" / "alignment"
HELD_OUT = Path(__file__).resolve().parent / "gold" / "alignment-heldout"
GOLD_FILES = sorted([*GOLD.glob(f"*/{ev.GOLD_NAME}"), *HELD_OUT.glob(f"*/{ev.GOLD_NAME}")])


def pair(a, b):
    return frozenset((a, b))


# ---------------------------------------------------------------------------
# The pure functions, on tiny inputs checked by hand.


def test_evaluate_alignment_pair_scores_by_hand():
    # 3 predicted pairs, 2 of them correct; 4 gold pairs.
    a, b, c, d, e = ("A", 0), ("B", 0), ("C", 0), ("B", 1), ("C", 1)
    gold = {pair(a, b), pair(a, c), pair(b, c), pair(d, e)}
    predicted = {pair(a, b), pair(b, c), pair(a, d)}
    assert ev.pair_scores(predicted, gold) == {
        "n_pairs_gold": 4,
        "n_pairs_predicted": 3,
        "n_pairs_correct": 2,
        "precision": 0.6667,
        "recall": 0.5,
        "f1": 0.5714,  # 2 * (2/3) * (1/2) / (2/3 + 1/2) = 4/7
    }


def test_evaluate_alignment_prf_zero_denominators():
    assert ev.prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert ev.prf(0, 3, 0) == (0.0, 0.0, 0.0)
    assert ev.prf(2, 2, 4) == (1.0, 0.5, pytest.approx(2 / 3))


def test_evaluate_alignment_pairs_only_across_articles():
    # A group of A0, A1, B0: A0-A1 is one article, so two pairs only.
    assert ev.pairs([[("A", 0), ("A", 1), ("B", 0)]]) == {
        pair(("A", 0), ("B", 0)),
        pair(("A", 1), ("B", 0)),
    }


def test_evaluate_alignment_pairs_count_a_group_of_four():
    # Four sentences of four articles: 4 * 3 / 2 = 6 pairs; a repeat adds none.
    group = [("A", 0), ("B", 0), ("C", 0), ("D", 0), ("A", 0)]
    assert len(ev.pairs([group])) == 6


def test_evaluate_alignment_pairs_ignore_singletons_and_empty_groups():
    assert ev.pairs([[("A", 0)], []]) == set()


def test_evaluate_alignment_purity_by_hand():
    fact_of = {("A", 0): 1, ("B", 0): 1, ("C", 0): 2, ("A", 1): 2, ("B", 1): 2}
    groups = [
        [("A", 0), ("B", 0), ("C", 0)],  # two of fact 1, one of fact 2 -> 2 of 3
        [("A", 1), ("B", 1)],  # both fact 2 -> 2 of 2
        [("A", 5), ("B", 5), ("C", 5)],  # in no fact: singletons -> 1 of 3
    ]
    assert ev.purity_counts(groups, fact_of) == (5, 8)
    assert ev.purity(groups, fact_of) == pytest.approx(5 / 8)


def test_evaluate_alignment_purity_of_nothing_is_zero():
    assert ev.purity([], {}) == 0.0
    assert ev.purity_counts([[]], {}) == (0, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“America first” does  not\nmean", '"America first" does not mean'),
        ("Japan’s ‘war room’", "Japan's 'war room'"),
        ("  plain text ", "plain text"),
    ],
)
def test_evaluate_alignment_normalise(text, expected):
    assert ev.normalise(text) == expected


def test_evaluate_alignment_resolve_article_by_prefix():
    ids = ["000_abc", "001_def", "courier"]
    assert ev.resolve_article("000", ids) == ("000_abc", "")
    assert ev.resolve_article("courier", ids) == ("courier", "")
    assert ev.resolve_article("00", ids)[0] is None  # two articles
    assert ev.resolve_article("zzz", ids)[0] is None


def test_evaluate_alignment_locate_reports_missing_and_ambiguous():
    sentences = {"a": ["The fare rises to $2.50.", "The fare rises on Sept. 1."]}
    key, _ = ev.locate(ev.GoldLine("a", "The fare rises to $2.50"), sentences)
    assert key == ("a", 0)
    key, reason = ev.locate(ev.GoldLine("a", "The fare rises"), sentences)
    assert key is None and "sentences 0, 1" in reason
    key, reason = ev.locate(ev.GoldLine("a", "no such words here"), sentences)
    assert key is None and "no sentence" in reason


@dataclass
class _Span:
    start: int
    end: int


@dataclass
class _Member:
    article: str
    start: int
    end: int
    sentence: int


def test_evaluate_alignment_member_covering_two_sentences():
    spans = [_Span(0, 10), _Span(11, 20), _Span(21, 30)]
    assert ev.member_keys(_Member("a", 0, 20, 0), spans) == [("a", 0), ("a", 1)]
    assert ev.member_keys(_Member("a", 21, 30, 2), spans) == [("a", 2)]


# ---------------------------------------------------------------------------
# The whole evaluation on a tiny story written here.


@dataclass(frozen=True)
class _Sent:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Article:
    id: str
    sentences: tuple


@dataclass(frozen=True)
class _Group:
    members: tuple


@dataclass(frozen=True)
class _Comparison:
    groups: tuple


@dataclass(frozen=True)
class _Story:
    articles: tuple
    comparison: _Comparison | None
    errors: tuple = ()


def _article(id, *texts):
    out, pos = [], 0
    for t in texts:
        out.append(_Sent(pos, pos + len(t), t))
        pos += len(t) + 1
    return _Article(id, tuple(out))


def _member(article, i):
    s = article.sentences[i]
    return _Member(article.id, s.start, s.end, i)


def test_evaluate_alignment_score_story_by_hand(tmp_path):
    a = _article("a", "The council voted to raise fares.", "It happened on Tuesday.", "Promo.")
    b = _article("b", "Fares will rise, the council decided.", "The vote was on Tuesday night.")
    gold_file = tmp_path / ev.GOLD_NAME
    gold_file.write_text(
        'story = "."\n'
        "[[fact]]\n"
        'label = "Fare rise"\n'
        'members = [{ article = "a", text = "The council voted to raise fares" },'
        ' { article = "b", text = "Fares will rise, the council decided" }]\n'
        "[[fact]]\n"
        'label = "Tuesday"\n'
        'members = [{ article = "a", text = "It happened on Tuesday" },'
        ' { article = "b", text = "no such sentence anywhere" }]\n'
        "[[not_body]]\n"
        'article = "a"\n'
        'text = "Promo."\n',
        encoding="utf-8",
    )
    gold = ev.read_gold(gold_file)
    # Predicted: {a0, b1} (wrong) and {a1, a2(not body), b0} (a1-b0 wrong).
    story = _Story(
        (a, b),
        _Comparison(
            (
                _Group((_member(a, 0), _member(b, 1))),
                _Group((_member(a, 1), _member(a, 2), _member(b, 0))),
            )
        ),
    )
    result = ev.score_story(gold, story, detail=True)
    # Gold pairs: a0-b0 only (the Tuesday fact lost its b member).
    assert result["n_pairs_gold"] == 1
    assert result["n_pairs_predicted"] == 2
    assert result["n_pairs_correct"] == 0
    assert result["precision"] == 0.0 and result["recall"] == 0.0
    # Group 1: a0 (fact 1), b1 (none) -> 1 of 2; group 2 without a2: a1 (fact 2),
    # b0 (fact 1) -> 1 of 2. Purity 2 / 4.
    assert result["purity"] == 0.5
    assert [u["text"] for u in result["unmatched"]] == ["no such sentence anywhere"]
    assert any("fewer than two articles" in p for p in result["problems"])
    assert len(result["missed"]) == 1 and len(result["wrong"]) == 2


def test_evaluate_alignment_micro_average_sums_counts():
    stories = {
        "x": {
            "n_pairs_correct": 1,
            "n_pairs_predicted": 1,
            "n_pairs_gold": 4,
            "dominant": 2,
            "grouped": 2,
            "unmatched": [],
        },
        "y": {
            "n_pairs_correct": 3,
            "n_pairs_predicted": 9,
            "n_pairs_gold": 4,
            "dominant": 6,
            "grouped": 8,
            "unmatched": [{"text": "t"}],
        },
    }
    total = ev._total(stories)
    # 4 correct of 10 predicted, of 8 gold: P 0.4, R 0.5, F1 4/9; purity 8/10.
    assert (total["precision"], total["recall"], total["f1"]) == (0.4, 0.5, 0.4444)
    assert total["purity"] == 0.8
    assert total["unmatched"] == [{"story": "y", "text": "t"}]


def test_evaluate_alignment_rejects_missing_gold(tmp_path):
    with pytest.raises(ValueError, match="no alignment.toml"):
        ev.gold_files(tmp_path)
    with pytest.raises(ValueError, match="no such file"):
        ev.gold_files(tmp_path / "nope")


def test_evaluate_alignment_rejects_gold_without_story(tmp_path):
    path = tmp_path / ev.GOLD_NAME
    path.write_text("[[fact]]\nlabel = 'x'\nmembers = []\n", encoding="utf-8")
    with pytest.raises(ValueError, match="story"):
        ev.read_gold(path)


# ---------------------------------------------------------------------------
# The gold standard itself: every member names exactly one sentence.


def test_evaluate_alignment_gold_files_exist():
    names = {f.parent.name for f in GOLD_FILES}
    development = {"seeds", "bus-fares", "plant-closure", "wildfire", "rental-cap"}
    # Evaluated once as held-out stories, development stories since session 4.
    development |= {"derailment", "hospital-merger", "book-vote"}
    assert development <= names
    assert {f.parent.name for f in GOLD.glob(f"*/{ev.GOLD_NAME}")} >= development


def test_evaluate_alignment_held_out_stories_live_apart():
    # Training reads tests/gold/alignment only: no held-out story may sit there,
    # nor share a name with a development story, nor be one that was seen.
    held = {f.parent.name for f in HELD_OUT.glob(f"*/{ev.GOLD_NAME}")}
    development = {f.parent.name for f in GOLD.glob(f"*/{ev.GOLD_NAME}")}
    assert not held & development
    assert not held & {"derailment", "hospital-merger", "book-vote"}


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.parent.name)
def test_evaluate_alignment_gold_is_consistent(path):
    gold = ev.read_gold(path)
    assert gold.problems == ()
    assert gold.story.is_dir(), gold.story
    story = analyze_paths([gold.story], compare=False)
    assert story.errors == ()
    sentences = {a.id: [s.text for s in a.sentences] for a in story.articles}
    raw = {
        a.id: ev.normalise((gold.story / a.source.file).read_text(encoding="utf-8-sig"))
        for a in story.articles
    }
    facts, ignored, unmatched, problems = ev.match_gold(gold, sentences)
    assert unmatched == []
    assert problems == []
    for fact, keys in zip(gold.facts, facts, strict=True):
        assert len({k[0] for k in keys}) >= 2, fact.label
        assert 2 <= len(fact.label.split()) <= 8, fact.label
        for line, (article, index) in zip(fact.members, keys, strict=True):
            text = ev.normalise(line.text)
            # In the raw file as written, and in exactly one cleaned sentence.
            assert text in raw[article], line
            assert len(text.split()) >= 6 or text == ev.normalise(sentences[article][index]), line
    for line in gold.not_body:
        article, _ = ev.resolve_article(line.article, list(raw))
        assert ev.normalise(line.text) in raw[article], line
    # No sentence is in two facts.
    keys = [k for ks in facts for k in ks]
    assert len(keys) == len(set(keys))


def test_evaluate_alignment_command_line_json(capsys):
    import json

    from analysis.cli import main

    gold = Path(__file__).resolve().parent / "gold" / "alignment" / "seeds"
    assert main(["evaluate", "alignment", str(gold), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"precision", "recall", "f1", "purity", "stories"} <= data.keys()
    assert data["n_stories"] == 1 and data["n_pairs_gold"] > 0


def test_evaluate_alignment_command_line_bad_gold_one_line(tmp_path, capsys):
    from analysis.cli import main

    (tmp_path / "alignment.toml").write_text("story = [", encoding="utf-8")
    assert main(["evaluate", "alignment", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("slant: ") and "not valid TOML" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_evaluate_alignment_train_fit_learns_which_feature_tells():
    # Label = first column > 0.5; the second column is noise.
    import numpy as np

    from analysis.compare.scorer import FEATURES
    from analysis.evaluate import train_alignment as train

    rng = np.random.default_rng(0)
    x = rng.random((400, len(FEATURES)))
    y = (x[:, 0] > 0.5).astype(float)
    weights, bias, means = train.fit(x, y)
    names = list(FEATURES)
    assert weights[names[0]] > 5 * max(abs(weights[f]) for f in names[1:])
    assert bias < 0  # the boundary sits at 0.5 on a positive weight
    assert means[names[0]] == pytest.approx(float(x[:, 0].mean()), abs=1e-4)


def test_evaluate_alignment_train_table_round_trips(tmp_path):
    from analysis.compare.scorer import FEATURES, Weights, load_weights
    from analysis.evaluate import train_alignment as train

    w = Weights(
        {f: 0.5 for f in FEATURES}, {f: 0.25 for f in FEATURES}, -3.0, 0.4, 0.2, 0.3, 0.25, 0.5
    )
    path = tmp_path / "weights.tsv"
    train.write_weights(w, 123, path)
    assert load_weights(path) == w
    assert "# trained_pairs: 123" in path.read_text("utf-8")
    assert "# mutual: 0.25" in path.read_text("utf-8")
    assert "# statement: 0.5" in path.read_text("utf-8")
    grid = train.grid()
    assert all(
        match <= link and (mutual <= link or mutual >= 1) for link, match, _, mutual, _ in grid
    )
    assert {point[4] for point in grid} == set(train.GRID_STATEMENT)
