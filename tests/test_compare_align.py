"""Alignment on small stories whose right answer is known."""

from __future__ import annotations

import builders
import pytest

from analysis.compare import compare
from analysis.compare.align import align
from analysis.compare.scorer import load_weights
from analysis.compare.words import content_stems, stem
from analysis.results.article import Article


def article(id: str, text: str, title: str = "", outlet: str = "") -> Article:
    """An :class:`Article` with its text segmented and analysed (see ``tests/builders.py``)."""
    return builders.article(id, text, title=title, outlet=outlet)


# A story whose right alignment is known: the opening, the quote (with three
# different attribution verbs) and the budget; one fact only in "c".
BRIDGE = (
    article(
        "a",
        "The mayor opened the new bridge over the river on Monday morning.\n"
        "“This bridge joins our whole city together,” Mayor Ana Ruiz said.\n"
        "The council approved a repair budget of 4 million dollars last year.",
        title="Mayor opens the new river bridge",
    ),
    article(
        "b",
        "On Monday morning the mayor inaugurated a new bridge across the river.\n"
        "“This bridge joins our whole city together,” Ruiz told reporters.\n"
        "The council had approved a 4 million dollar repair budget last year.",
        title="New bridge opens",
    ),
    article(
        "c",
        "Crowds cheered on Monday as the mayor opened the river bridge.\n"
        "Mayor Ana Ruiz insisted that “this bridge joins our whole city together.”\n"
        "Schools across the county closed early because of heavy snow.",
        title="Snow closes county schools",
    ),
)


def _groups(comparison):
    return [{(m.article, m.sentence) for m in g.members} for g in comparison.groups]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("plans", "plan"),
        ("planned", "plan"),
        ("planning", "plan"),
        ("countries", "countr"),
        ("emphasizes", "emphasiz"),
        ("emphasized", "emphasiz"),
        ("spending", "spend"),
        ("controversy", "controvers"),
        ("controversial", "controvers"),
        ("pass", "pass"),
        ("bus", "bus"),
    ],
)
def test_compare_align_stem(word, expected):
    assert stem(word) == expected


def test_compare_align_content_words_split_compounds_and_drop_function_words():
    assert content_stems("The U.S.-Japan plans of Japan’s army") == [
        "u.s",
        "japan",
        "plan",
        "japan",
        "army",
    ]


def test_compare_align_synonym_table_maps_each_row_to_its_first_word():
    from analysis.compare.words import SYNONYMS_PATH, synonym_rows

    head = [line for line in SYNONYMS_PATH.read_text("utf-8").splitlines() if line[:1] == "#"]
    assert any(line.startswith("# sources: Written for Slant") for line in head)
    assert any(line.startswith("# licence: CC0") for line in head)
    rows = dict(synonym_rows())
    assert rows["ban"] == ("ban", "prohibit", "bar", "forbid", "outlaw")
    # Every word of a row, in any of its forms, counts as the row's first word.
    assert content_stems("banned prohibits forbidding") == ["ban", "ban", "ban"]
    assert content_stems("probe inquiry investigated") == ["investigat"] * 3
    words = [w for _, ws in synonym_rows() for w in ws]
    assert len(words) == len(set(words))  # a word belongs to one row at most


def test_compare_align_groups_known_story():
    result = compare(BRIDGE)
    groups = _groups(result)
    assert {("a", 0), ("b", 0), ("c", 0)} in groups  # the opening
    assert {("a", 1), ("b", 1), ("c", 1)} in groups  # the shared quote
    assert {("a", 2), ("b", 2)} in groups  # the budget, not in c
    assert all(("c", 2) not in g for g in groups)  # the snow is c's alone


def test_compare_align_quote_group_links_name_the_quote():
    result = compare(BRIDGE)
    group = next(
        g for g in result.groups if ("a", 1) in {(m.article, m.sentence) for m in g.members}
    )
    assert group.quote == "This bridge joins our whole city together"
    first = group.links[0]
    assert first.anchor and first.score == 1.0
    assert first.quote == "This bridge joins our whole city together"
    assert {first.a, first.b} <= {"a", "b", "c"} and first.a != first.b


def test_compare_align_similarity_links_are_structured():
    result = compare(BRIDGE)
    group = next(
        g for g in result.groups if ("a", 2) in {(m.article, m.sentence) for m in g.members}
    )
    (link,) = group.links
    assert (link.a, link.a_sentence, link.b, link.b_sentence) == ("a", 2, "b", 2)
    assert {"budget", "repair", "council", "approved"} <= set(link.shared)
    assert not link.anchor and link.score == 1.0  # the same content words, reordered
    assert "budget" in group.keywords


def test_compare_align_numbers_written_differently_are_one_word():
    # "two percent" and "2%", "roughly $9 million" and "about $9 million".
    assert content_stems("raises two percent") == content_stems("raises 2%")
    assert content_stems("raises roughly $9 million") == content_stems("raises about $9 million")
    assert content_stems("50,000 troops") == ["50000", "troop"]


def test_compare_align_numbers_link_facts():
    a = article("a", "The new levy raises roughly $9 million a year for the county buses.")
    b = article("b", "Officials expect the levy to raise about $9 million a year for buses.")
    groups = _groups(compare([a, b]))
    assert {("a", 0), ("b", 0)} in groups


def test_compare_align_weak_link_does_not_bridge_into_a_group():
    # Four outlets quote the mayor; c's sentence is like b's only (the harbour
    # plan), not like the other three: on average it is not like the group.
    q = "“We stand together against aggression,”"
    arts = [
        article("a", q + " Mayor Ruiz told the council on Monday."),
        article("b", q + " Ruiz said, praising the harbour plan."),
        article(
            "c",
            "Local shipping firms and dock workers praised the harbour plan at a crowded "
            "meeting in the port district.",
        ),
        article("d", q + " the mayor said."),
        article("e", q + " said Ruiz."),
    ]
    result = align(arts)
    b_c = result.score(1, 2)
    assert b_c >= load_weights().link  # a strong link by itself...
    assert result.groups == [[0, 1, 3, 4]]  # ...but c matches one member of four


def test_compare_align_fast_path_gives_the_reference_groups():
    # The indexed, incremental alignment against the all-pairs version, on
    # the seeds and every development gold story (the held-out stories are
    # aligned only when they are measured, once).
    # With each sentence's speakers, so the statement merge is checked too.
    from analysis.compare.align import reference_groups
    from analysis.compare.quotes import sentence_speakers

    stories = [BRIDGE, *_gold_stories()]
    assert len(stories) >= 9
    for story in stories:
        speakers = [sentence_speakers(a) for a in story]
        assert sorted(align(story, speakers=speakers).groups) == reference_groups(story, speakers)


def _gold_stories():
    from pathlib import Path

    from analysis.evaluate.alignment import gold_files, read_gold
    from analysis.pipeline import analyze_paths

    gold = Path(__file__).resolve().parent / "gold" / "alignment"
    files = gold_files(gold)
    return [analyze_paths([read_gold(f).story]).articles for f in files]


def test_compare_align_copies_of_one_sentence_share_a_signature():
    text = "The council approved a repair budget of 4 million dollars last year."
    story = [article(f"x{i}", text) for i in range(4)]
    result = align(story)
    assert len({u.sig for u in result.units}) == 1
    assert result.groups == [[0, 1, 2, 3]]


def test_compare_align_member_offsets_round_trip():
    result = compare(BRIDGE)
    texts = {a.id: a.text for a in BRIDGE}
    for g in result.groups:
        for m in g.members:
            assert texts[m.article][m.start : m.end] == m.text


def test_compare_align_many_to_one():
    # c's one sentence reports what a says in two.
    a = article(
        "a",
        "The storm cut power to 4,000 homes in Dover.\nCrews restored the lines by Friday night.",
    )
    c = article(
        "c",
        "The storm cut power to 4,000 Dover homes, and crews restored the lines by Friday night.",
    )
    groups = _groups(compare([a, c]))
    assert {("a", 0), ("a", 1), ("c", 0)} in groups


def test_compare_align_does_not_chain_unrelated_sentences():
    # Each pair shares words with a middle sentence, but the ends are unrelated.
    a = article("a", "The school board voted to close Lincoln school in June.")
    b = article("b", "Parents protested at the board meeting about the new bus routes.")
    c = article("c", "Bus drivers went on strike over pay on Tuesday.")
    result = align([a, b, c])
    for members in result.groups:
        arts = {result.units[m].article for m in members}
        assert arts != {0, 1, 2}


def test_compare_align_generic_words_alone_do_not_align():
    a = article("a", "Officials said on Monday that the city would review the plan.")
    b = article("b", "The zoo said on Monday that its panda had given birth to twins.")
    assert compare([a, b]).groups == ()


@pytest.mark.parametrize(
    "texts", [[], ["Only one article here, with one sentence."], ["", "Some text."]]
)
def test_compare_align_degenerate_stories_do_not_fail(texts):
    arts = [article(f"x{i}", t) for i, t in enumerate(texts)]
    result = compare(arts)
    assert result.groups == ()
    assert result.articles == tuple(a.id for a in arts)


def _bare_units(places):
    from analysis.compare.units import Unit

    return [Unit(a, s, 0, 0, "", frozenset(), {}, (), k) for k, (a, s) in enumerate(places)]


def test_compare_align_mutual_singles_links_each_others_best():
    from analysis.compare.regroup import mutual_singles

    # Unit 0 (article 0) scores 0.25 with unit 1 and 0.22 with unit 2 (both
    # article 1): 0 and 1 are each other's best, so they link at 0.2.
    units = _bare_units([(0, 0), (1, 0), (1, 1)])
    pairs = [(0, 1, 0.25), (0, 2, 0.22)]
    linked = {}
    assert mutual_singles(units, [[0], [1], [2]], pairs, 0.2, linked) == [[0, 1], [2]]
    assert linked == {(0, 1): 0.25}
    # Below the threshold nothing links.
    assert mutual_singles(units, [[0], [1], [2]], pairs, 0.3) == [[0], [1], [2]]


def test_compare_align_mutual_singles_needs_both_sides_best():
    from analysis.compare.regroup import mutual_singles

    # Unit 1's best in article 0 is unit 3 (0.3), not unit 0 (0.25): 1 and 3
    # link, 0 stays alone though unit 1 is its best.
    units = _bare_units([(0, 0), (1, 0), (1, 1), (0, 1)])
    pairs = [(0, 1, 0.25), (1, 3, 0.3)]
    assert mutual_singles(units, [[0], [1], [2], [3]], pairs, 0.2) == [[0], [1, 3], [2]]
    # Unit 3 grouped already: unit 1 still prefers it, so 0 and 1 stay apart.
    assert mutual_singles(units, [[0], [1], [2, 3]], pairs, 0.2) == [[0], [1], [2, 3]]


def test_compare_align_mutual_singles_leaves_groups_alone():
    from analysis.compare.regroup import mutual_singles

    # Unit 1 is grouped already: a mutual best match never pulls it out.
    units = _bare_units([(0, 0), (1, 0), (2, 0)])
    assert mutual_singles(units, [[0], [1, 2]], [(0, 1, 0.4)], 0.2) == [[0], [1, 2]]


def test_compare_align_split_singles_joins_neighbours_group():
    from analysis.compare.regroup import split_singles

    # Article 0's sentence 1 is alone beside sentence 0, grouped with article
    # 1's sentence; it scores 0.55 with that sentence, its best there.
    units = _bare_units([(0, 0), (0, 1), (1, 0)])
    linked = {}
    assert split_singles(units, [[0, 2], [1]], [(1, 2, 0.55)], 0.5, linked) == [[0, 2, 1]]
    assert linked == {(1, 2): 0.55}
    # Below the table's average it stays alone.
    assert split_singles(units, [[0, 2], [1]], [(1, 2, 0.55)], 0.6) == [[0, 2], [1]]
    # Not beside a member of the group: no split.
    far = _bare_units([(0, 0), (0, 2), (1, 0)])
    assert split_singles(far, [[0, 2], [1]], [(1, 2, 0.55)], 0.5) == [[0, 2], [1]]


def _statement_story(between: str = ""):
    # "a" tells Holcomb's statement in two sentences (its speaker, then the
    # quote with "he said"); b paraphrases the first half, c and d quote the
    # second: two groups that both hold a sentence of "a".
    return [
        article(
            "a",
            "The school board voted 4-3 on Tuesday to pull eleven books from the libraries.\n"
            "Board President Gary Holcomb rejected claims that the district was banning books.\n"
            + between
            + "“Nobody is banning anything,” he said.",
        ),
        article(
            "b",
            "On Tuesday the school board voted 4-3 to remove eleven library books.\n"
            "Holcomb insisted the district was not banning books at the meeting.",
        ),
        article(
            "c",
            "The board pulled eleven books from the libraries in a 4-3 vote Tuesday.\n"
            "“Nobody is banning anything,” Holcomb said before the vote.",
        ),
        article(
            "d",
            "The vote came after a long meeting.\n"
            "“Nobody is banning anything,” Board President Gary Holcomb said.",
        ),
    ]


def _keyed(result):
    return [[(result.units[m].article, result.units[m].sentence) for m in g] for g in result.groups]


def test_compare_align_statement_in_two_sentences_is_one_group(monkeypatch):
    from analysis.compare import align as al
    from analysis.compare.quotes import sentence_speakers

    story = _statement_story()
    speakers = [sentence_speakers(a) for a in story]
    vote = [(0, 0), (1, 0), (2, 0)]
    holcomb = [(0, 1), (0, 2), (1, 1), (2, 1), (3, 1)]
    assert _keyed(align(story, speakers=speakers)) == [vote, holcomb]
    # Without the statement merge the statement is cut in two...
    monkeypatch.setattr(al, "STATEMENTS", False)
    assert _keyed(align(story, speakers=speakers)) == [
        vote,
        [(0, 1), (1, 1)],
        [(0, 2), (2, 1), (3, 1)],
    ]
    # ...and without speakers no statement is known.
    monkeypatch.setattr(al, "STATEMENTS", True)
    assert len(align(story).groups) == 3


def test_compare_align_statement_needs_neighbouring_sentences():
    from analysis.compare.quotes import sentence_speakers

    story = _statement_story("The meeting ran past midnight with ninety speakers.\n")
    speakers = [sentence_speakers(a) for a in story]
    groups = _keyed(align(story, speakers=speakers))
    assert [(0, 1), (1, 1)] in groups
    assert [(0, 3), (2, 1), (3, 1)] in groups
