"""The held-out alignment gold loads and names real sentences, checked without aligning.

These stories must stay untouched by the aligner until someone measures it
on them, so the checks read them only through the loader, the cleaner and the
segmenter (``clean`` and ``make_doc``, the same calls the pipeline makes
before its analysers): no comparison is run and no alignment figure appears.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.evaluate import alignment as ev
from analysis.input.loading import load_paths
from analysis.pipeline import make_doc
from analysis.text.cleaning import clean

GOLD = Path(__file__).resolve().parent / "gold"
HELD_OUT = GOLD / "alignment-heldout"

# Articles, facts and gold pairs per story, counted by hand from the gold
# files (the table in alignment-heldout/README.md). A pair is two members of
# one fact from different articles: a fact of members from outlets A, B, C
# and two from D has 10 - 1 = 9.
STORIES = {
    "bridge-closure": (4, 15, 55),
    "utility-breach": (4, 15, 57),
    "university-strike": (4, 15, 45),
    "drought-rules": (4, 14, 45),
}


def story_sentences(gold: ev.Gold) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Each article's sentences as Slant splits them, and its raw text, normalised."""
    loaded = load_paths([gold.story])
    assert loaded.errors == ()
    sentences, raw = {}, {}
    for article in loaded.articles:
        doc = make_doc(clean(article.text).text, article.id)
        sentences[article.id] = [s.text for s in doc.sentences]
        raw[article.id] = ev.normalise(article.text)
    return sentences, raw


def test_evaluate_alignment_heldout_stories_sit_apart_from_the_development_gold():
    found = {f.parent.name for f in ev.gold_files(HELD_OUT)}
    assert set(STORIES) <= found
    # Training reads tests/gold/alignment only: none of these may be there.
    assert not set(STORIES) & {f.parent.name for f in ev.gold_files(GOLD / "alignment")}


@pytest.mark.parametrize("name", sorted(STORIES))
def test_evaluate_alignment_heldout_gold_names_one_sentence_per_member(name):
    gold = ev.read_gold(HELD_OUT / name / ev.GOLD_NAME)
    assert gold.problems == ()
    assert gold.story == (HELD_OUT / name / "articles").resolve()
    sentences, raw = story_sentences(gold)
    facts, ignored, unmatched, problems = ev.match_gold(gold, sentences)
    assert unmatched == []
    # No fact with fewer than two outlets, no sentence in two facts or in not_body.
    assert problems == []
    keys = [k for ks in facts for k in ks]
    assert len(keys) == len(set(keys))
    for fact, fact_keys in zip(gold.facts, facts, strict=True):
        assert 2 <= len(fact.label.split()) <= 8, fact.label
        for line, (article, index) in zip(fact.members, fact_keys, strict=True):
            text = ev.normalise(line.text)
            # Copied from the file as written, and long enough to be distinctive.
            assert text in raw[article], line
            assert len(text.split()) >= 6 or text == ev.normalise(sentences[article][index]), line
    assert len(ignored) == len(gold.not_body)
    n_articles, n_facts, n_pairs = STORIES[name]
    assert len(sentences) == n_articles
    assert len(facts) == n_facts
    assert len(ev.pairs(facts)) == n_pairs
