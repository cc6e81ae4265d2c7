"""Hedging and certainty: how sure a text sounds, and who it leans on.

Four categories of cue, read from ``analysis/lexicons/hedging.tsv``:

- ``hedge``: makes a claim less certain (might, possibly, reportedly, "is
  expected to", "it may have been");
- ``booster``: makes a claim sound certain (clearly, undoubtedly, "made it
  clear", "will certainly");
- ``weasel``: attributes a claim to nobody in particular ("some say", "critics
  argue", "it is believed", "is viewed as"), and, as kind ``peacock``, praise
  nobody can check ("one of the most", "best known", "famous");
- ``anonymous_source``: attributes it to a source the reader cannot check
  ("on condition of anonymity", "Japanese officials privately worried", "a
  person briefed on").

Each row's ``kind`` is its CoNLL-2010 / Szeged guideline class. A row may name a
context rule (:data:`CONTEXT_RULES`) that accepts or rejects each match and may
name the context it found ("pronoun subject", "number follows", "people").
Epistemic hedges the guidelines define ("might", "probably", "it may", "may
have been"), anonymous sources and boosters count by their row and rule alone.
Every other cue (weasels, peacocks, ambiguous hedges such as modals after a
noun, approximators, frequency words) is *weighed in its sentence*: a small
logistic model (``analysis/data/hedging_weights.tsv``, see
:mod:`analysis.evaluate.train_hedging` and docs/hedging.md) sums the weights of
the sentence's own features and of every weighed cue in it, and the sentence's
weighed cues count when its probability reaches the table's threshold. Every
match carries its span, row, rule, context, the probability that decided it
and who decided (``rule`` or ``weight``).

Words inside a direct quote are the speaker's, not the outlet's: they are
reported with ``in_quote=True`` and counted apart from the outlet's own wording.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from analysis import messages
from analysis.results.doc import Doc
from analysis.results.hedging import HedgeMatch, HedgingCounts, HedgingRates, HedgingResult
from analysis.text.lexicon import Entry, PhraseMatcher, Token, load_lexicon, matcher, tokenize
from analysis.text.tokens import tokens_of

LEXICON = "hedging"
"""The lexicon file this analyser reads."""

CATEGORIES = ("hedge", "booster", "weasel", "anonymous_source")
"""Category names, as they appear in the JSON."""

EVALUATED_CATEGORIES = frozenset({"hedge", "weasel", "anonymous_source"})
"""Categories that flag a sentence as uncertain in :mod:`analysis.evaluate.hedging`."""

ERR_UNKNOWN_CATEGORY = messages.HEDGING_UNKNOWN_CATEGORY
ERR_UNKNOWN_RULE = messages.HEDGING_UNKNOWN_RULE
ERR_UNKNOWN_KIND = messages.HEDGING_UNKNOWN_KIND

KINDS = ("hedge", "booster", "weasel", "peacock", "anonymous_source")
"""Guideline classes (the lexicon's ``kind`` column); ``peacock`` rows have category ``weasel``."""

WEIGHTS_PATH = Path(__file__).resolve().parent.parent / "data" / "hedging_weights.tsv"
"""The learned weights table, written by :mod:`analysis.evaluate.train_hedging`."""

# Words after which "can" or "kind" is a noun ("a can of", "this kind of").
_DETERMINERS = frozenset(
    "a an the this that these those each every one per his her their its my our your "
    "any no some what which tin trash garbage soda beer paint watering".split()
)
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred hundreds thousand thousands million millions billion billions "
    "trillion dozen dozens half third quarter fifth tenth".split()
)
# Words that open a clause, after which a quantifier is the clause's subject.
_CLAUSE_OPENERS = frozenset(
    "although though while whereas however but yet since because and that which who".split()
)
# Neighbours that make a bare quantifier an unnamed group: "by some",
# "some of them", "many other critics", "others argue".
_QUANTIFIER_BEFORE = frozenset({"by", "among", "to"})
_QUANTIFIER_AFTER = frozenset(
    "of other say said argue argued believe believed claim claimed suggest suggested "
    "think thought feel felt consider considered contend contended have had fear feared".split()
)
_TIME_NOUNS = frozenset(
    "time times day days week weeks month months year years decade decades century centuries "
    "hour hours minute minutes generation generations while".split()
)
_SOME_SET_PHRASES = _TIME_NOUNS | {"point", "extent", "degree", "sort", "kind", "way"}
# Words after "appear" that show it means "show up", not "seem".
_PHYSICAL_AFTER = frozenset(
    "in on at before as with for alongside from onstage together during again twice once "
    "briefly live nude".split()
)
# Context that marks "may" / "could" as epistemic (see _rule_epistemic).
_EPISTEMIC_AFTER = frozenset({"have", "well"})
_NOT_PARTICIPLE = frozenset(
    "a an the to no any some his her their its our my your this that these those".split()
)
_MODAL_ADVERBS = frozenset("also not even still never already once".split())
_EPISTEMIC_SUBJECTS = frozenset({"it", "this", "that", "there", "he", "she"})
_DEFINITE = frozenset("the this that these those such its his her their our".split())
# Verbs of saying or feeling after an unnamed group ("officials fear").
_SAY_OR_FEEL = frozenset(
    "say says said saying note notes noted tell told fear fears feared worry worries worried "
    "believe believes believed think thinks thought express expresses expressed warn warns "
    "warned acknowledge acknowledged concede conceded indicate indicates indicated suggest "
    "suggests suggested argue argues argued insist insisted expect expects expected estimate "
    "estimated predict predicted caution cautioned confirm confirmed concluded hope hoped "
    "hopes see sees saw view views viewed describe described admit admitted added explained "
    "claim claims claimed voiced raised signaled signalled stressed assessed".split()
)
# Nouns for people or sources: "most historians", "various critics".
_PEOPLE = frozenset(
    "people persons individuals men women scholars historians critics experts observers "
    "commentators analysts scientists researchers sources authorities officials politicians "
    "writers authors academics economists theologians philosophers fans viewers readers "
    "listeners audiences residents citizens voters members users editors reviewers journalists "
    "reporters believers supporters opponents followers proponents advocates skeptics sceptics "
    "commentators pundits insiders diplomats leaders groups organizations organisations "
    "commentaries accounts reports studies others observers witnesses locals americans "
    "christians muslims jews scholars critics".split()
)
_PEOPLE_PRONOUNS = ("them", "whom", "those", "these", "us", "you")
# Words allowed between the group and its verb: auxiliaries (and any -ly adverb).
_GROUP_GAP = frozenset("have has had are were was also long still now privately publicly".split())
_BACK_REFERENCE = frozenset({"the", "both", "these", "those", "two", "three"})
# Words that name an institution before "officials": "senior defense officials".
_INSTITUTION_WORDS = frozenset(
    "administration government defense defence military intelligence security senior top "
    "foreign trade state federal local city police army navy embassy ministry campaign white "
    "house western european".split()
)
# Capitalised words at a sentence start that are not a country or institution.
_NOT_MODIFIERS = (
    _DETERMINERS
    | _BACK_REFERENCE
    | frozenset("some many most several other others all few no any".split())
)
# Words before a group that point back to people already named ("the two officials").
# After "seen as" / "viewed as", words that make "as" a comparison.
_COMPARATIVE_AS = frozenset("many much well soon far long often early recently little few".split())
# Characters that end a sentence before the next token.
_SENTENCE_BREAK = frozenset('.!?\n"“‘(')


def _is_number(token: Token) -> bool:
    return token.norm[:1].isdigit() or token.norm in _NUMBER_WORDS


def _sentence_start(text: str, tokens: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` opens a sentence (or the text, or a quote)."""
    if i == 0:
        return True
    gap = text[tokens[i - 1].end : tokens[i].start]
    return any(c in _SENTENCE_BREAK for c in gap)


def _rule_not_month(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Reject "May" the month (or the surname): it is not the modal.

    Rejects a capitalised "May" that does not open a sentence ("in May", "Theresa
    May"), and any "may" followed by a number ("May 5", "May 2025").
    """
    token = tokens[first]
    if last + 1 < len(tokens) and tokens[last + 1].norm[:1].isdigit():
        return False
    return not (token.text == "May" and not _sentence_start(text, tokens, first))


def _rule_not_noun(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Reject "can" / "kind of" used as a noun ("a can of", "this kind of")."""
    if first > 0 and tokens[first].joined and tokens[first - 1].norm in _DETERMINERS:
        return False
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    return not (nxt is not None and nxt.joined and nxt.norm == "of" and first == last)


def _rule_not_negated(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Reject "could not" (also split as "could n't"): an inability, not a possibility."""
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    return not (nxt is not None and nxt.joined and nxt.norm in ("not", "n't"))


def _modal_subject(text: str, tokens: Sequence[Token], first: int) -> str:
    """Name the kind of subject just before a modal (see :func:`_rule_epistemic`)."""
    if first == 0 or _sentence_start(text, tokens, first) or not tokens[first].joined:
        return "sentence start"
    prev = tokens[first - 1]
    if prev.norm in _EPISTEMIC_SUBJECTS:
        return "pronoun subject"
    if prev.text[:1].isupper() and not _sentence_start(text, tokens, first - 1):
        return "name subject"  # "Russia may retaliate", "Smith could resign"
    if (
        first >= 2
        and prev.joined
        and tokens[first - 2].norm in _DEFINITE
        and prev.norm[:1].isalpha()
    ):
        return "definite subject"
    return "other subject"


def _rule_epistemic(text: str, tokens: Sequence[Token], first: int, last: int) -> str | None:
    """Read the context of a modal ("may", "might", "could") and name it.

    The modals also state a general possibility, an ability or a permission
    ("players may choose a card", "he could swim", "May I ask?"), which is not
    a hedge. Without a parser we name the context that tells the readings apart,
    and the learned weight of that context (``hedging_weights.tsv``) decides
    whether the match counts:

    - ``perfect``: a perfect or "well" after the modal, perhaps past one adverb
      ("may have been", "could well be", "may also have had"), a guess about
      the past. "may have to go" and "may not have a pet" (obligation,
      permission) are not perfects;
    - ``pronoun subject``: "it may", "this could", "there may", "he may";
    - ``name subject``: a capitalised word inside the sentence: "Russia may";
    - ``definite subject``: a determiner two words back: "the deal may";
    - ``sentence start`` and ``other subject`` (bare plurals: "prices may
      rise", "users may choose"), where the general readings dominate.

    "May" the month (or the surname) and "could not" are rejected outright.

    Returns:
        The context's name, or None when the word is not the modal.

    """
    word = tokens[first].norm
    if word == "may" and not _rule_not_month(text, tokens, first, last):
        return None
    if word == "could" and not _rule_not_negated(text, tokens, first, last):
        return None
    k = last + 1
    # Look past one adverb: "may also have", "could well be", "may not have".
    if k < len(tokens) and tokens[k].joined and tokens[k].norm in _MODAL_ADVERBS:
        k += 1
    if k < len(tokens) and tokens[k].joined and tokens[k].norm in _EPISTEMIC_AFTER:
        after = tokens[k + 1].norm if k + 1 < len(tokens) else ""
        if tokens[k].norm == "well" or after not in _NOT_PARTICIPLE:
            return "perfect"
    return _modal_subject(text, tokens, first)


def _rule_number_follows(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Accept approximators only before a number: "about 50,000", "about a dozen"."""
    k = last + 1
    if k < len(tokens) and tokens[k].norm in ("a", "an") and tokens[k].joined:
        k += 1
    if k >= len(tokens):
        return False
    # Allow a currency sign or similar between the two words ("about $5").
    gap = text[tokens[k - 1].end : tokens[k].start]
    return len(gap) <= 2 and "\n" not in gap and _is_number(tokens[k])


def _rule_vague_quantifier(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Accept "others" (and similar words) only as an unnamed group of people or sources.

    Accepts the quantifier when it opens a sentence or clause ("Some say",
    "although many believe"), follows "by"/"among" ("considered by many"), or
    is followed by "of", "other" or a verb of saying or thinking ("some of them",
    "others argue"). Plain counting ("many years", "many of 20") is left out.
    """
    prev = tokens[first - 1] if first > 0 else None
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if nxt is not None and (_is_number(nxt) or nxt.norm in _TIME_NOUNS):
        return False
    if prev is None or _sentence_start(text, tokens, first):
        return True
    if prev.joined and (prev.norm in _CLAUSE_OPENERS or prev.norm in _QUANTIFIER_BEFORE):
        return True
    return nxt is not None and nxt.joined and nxt.norm in _QUANTIFIER_AFTER


def _rule_vague_some(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Accept "some" or "many" as a vague quantity ("some critics", "many residents").

    Rejected before a number (that is the approximator row), in set phrases
    of time or degree ("some time", "at some point", "to some extent") and in
    the bound "as many as".
    """
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if nxt is not None and nxt.norm == "as" and first > 0 and tokens[first - 1].norm == "as":
        return False  # "as many as 300" states a bound, like "up to"
    return nxt is None or not (_is_number(nxt) or nxt.norm in _SOME_SET_PHRASES)


def _rule_not_physical(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Accept "appear" as "seem" ("appears to", "it appeared that"), not as "show up".

    The "seem" reading needs "to" or "that" after the verb, or "it" / "would"
    before it ("it appears the talks failed", "would appear"). Without them,
    "appear" means "show up" ("appeared in the film", "appears twice").
    """
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if nxt is None or not nxt.joined or nxt.norm in _PHYSICAL_AFTER:
        return False
    if nxt.norm in ("to", "that"):
        return True
    prev = tokens[first - 1] if first > 0 else None
    return prev is not None and tokens[first].joined and prev.norm in ("it", "would")


def _rule_not_feasible(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Reject "possible" meaning "feasible": "it is possible to cross", "possible for him to".

    "It is possible that ..." and "it is possible." are hedges; "it is possible
    to do X" states that X can be done.
    """
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    return not (nxt is not None and nxt.joined and nxt.norm in ("to", "for"))


def _rule_vague_most(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Accept "most" as a vague quantity ("most historians", "most of them").

    Rejects the superlative and set phrases: "the most", "a most", "at most",
    "most likely" (its own hedge row), "most recently", "mostly" (another word).
    "one of the most" is a peacock row of its own and wins as the longer match.
    """
    prev = tokens[first - 1] if first > 0 else None
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if prev is not None and tokens[first].joined and prev.norm in ("the", "a", "at", "'s"):
        return False
    if nxt is None or not nxt.joined:
        return False
    return not (nxt.norm.endswith("ly") or _is_number(nxt) or nxt.norm in _TIME_NOUNS)


def _rule_vague_people(text: str, tokens: Sequence[Token], first: int, last: int) -> str | None:
    """Name what a vague quantifier ("most", "various", "numerous") counts: people or things.

    The guidelines' weasel is a vague group that holds or voices a view: "most
    historians", "various critics", "numerous sources", "most of them", "many
    believe". Those read ``people`` and count by rule. Anything else ("most of
    the island", "various species") reads ``things``, and its learned weight
    decides. "most" is first checked by :func:`_rule_vague_most`.
    """
    if tokens[first].norm == "most" and not _rule_vague_most(text, tokens, first, last):
        return None
    if not _rule_vague_some(text, tokens, first, last):
        return None
    ahead = [t.norm for t in tokens[last + 1 : last + 4]]
    if ahead[:1] and ahead[0] in _SAY_OR_FEEL:
        return "people"
    if ahead[:2] in (["of", w] for w in _PEOPLE_PRONOUNS):
        return "people"
    if any(w in _PEOPLE for w in ahead[:3] if w != "of"):
        return "people"
    return "things"


def _group_verb_end(tokens: Sequence[Token], last: int) -> int | None:
    """The last token of a verb of saying or feeling right after an unnamed group.

    "officials said", "officials privately worried", "officials have long
    noted": up to two auxiliaries or adverbs may come between, and an
    "anonymously" right after the verb belongs to it ("officials indicated
    anonymously"). None when no such verb follows, or a comma or other
    punctuation comes first ("officials from the Pentagon, including Hegseth,
    said" names its source).
    """
    k = last + 1
    for _ in range(3):
        if k >= len(tokens) or not tokens[k].joined:
            return None
        word = tokens[k].norm
        if word in _SAY_OR_FEEL:
            nxt = k + 1
            if nxt < len(tokens) and tokens[nxt].joined and tokens[nxt].norm == "anonymously":
                return nxt
            return k
        if word not in _GROUP_GAP and not word.endswith("ly"):
            return None
        k += 1
    return None


def _initial_before(text: str, tokens: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` follows a capital initial and a full stop, as in "U.S. officials"."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    gap = text[prev.end : tokens[i].start]
    return len(prev.text) == 1 and prev.text.isupper() and gap.strip() == "."


def _group_start(text: str, tokens: Sequence[Token], first: int) -> int:
    """The first token of an unnamed group with its modifiers ("Japanese defense officials").

    Takes in up to two words just before the group noun that name a country or
    an institution: capitalised words (not "Some" or "The" opening a sentence),
    initials such as "U.S.", and words such as "defense", "senior",
    "administration".
    """
    start = first
    for _ in range(2):
        if start > 0 and _initial_before(text, tokens, start):
            start -= 1
            while start > 0 and _initial_before(text, tokens, start):
                start -= 1  # "U.S.": every initial of one abbreviation
            continue
        if start == 0 or not tokens[start].joined:
            break
        prev = tokens[start - 1]
        named = prev.text[:1].isupper() and prev.norm not in _NOT_MODIFIERS
        if not (named or prev.norm in _INSTITUTION_WORDS):
            break
        start -= 1
    return start


def _rule_unnamed_group(text: str, tokens: Sequence[Token], first: int, last: int) -> str | None:
    """Accept "officials" / "representatives" only as speakers nobody names.

    "Japanese officials privately worried", "U.S. officials have noted",
    "defense representatives expressed" give a claim to a group the reader
    cannot check. Rejected: no verb of saying or feeling right after ("met
    officials on Monday"), and a group that refers back to people already
    named ("the officials said", "both officials said", "the two officials").
    """
    start = _group_start(text, tokens, first)
    if start > 0 and tokens[start].joined and tokens[start - 1].norm in _BACK_REFERENCE:
        return None
    end = _group_verb_end(tokens, last)
    if end is None:
        return None
    if tokens[end].norm == "anonymously":
        end -= 1  # name the verb, not the adverb it took in
    return tokens[end].norm


def _rule_agentless_view(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Accept "seen as" / "viewed as" as a judgement with nobody named.

    "is viewed as a game changer", "a move seen as a necessary step": by whom?
    Rejected when "as" starts a comparison ("seen as many as 300", "as well
    as", "as soon as"). An agent named after the complement ("seen as a
    necessary step by the ministry") is not looked for, so that sentence still
    counts (a known error, docs/hedging.md).
    """
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    return nxt is not None and nxt.joined and nxt.norm not in _COMPARATIVE_AS


def _rule_approximator(text: str, tokens: Sequence[Token], first: int, last: int) -> str:
    """Name whether an approximator stands before a number ("roughly 300").

    "approximately", "roughly" and "an estimated" hedge a figure; before a
    number they are the approximators of the guidelines, elsewhere ("roughly
    the same", "roughly handled") something else. The learned weight of each
    reading decides.
    """
    return "number follows" if _rule_number_follows(text, tokens, first, last) else "no number"


ContextRule = Callable[[str, Sequence[Token], int, int], "bool | str | None"]
"""A context rule: ``(text, tokens, first, last)``.

It returns False or None to reject a match, True to accept it, or a string that
accepts it and names the context it found (the learned weight of that context
then takes part in the decision, see :func:`cue_features`).
"""

CONTEXT_RULES: dict[str, ContextRule] = {
    "not_month": _rule_not_month,
    "not_noun": _rule_not_noun,
    "not_negated": _rule_not_negated,
    "epistemic": _rule_epistemic,
    "number_follows": _rule_number_follows,
    "vague_quantifier": _rule_vague_quantifier,
    "vague_some": _rule_vague_some,
    "vague_most": _rule_vague_most,
    "vague_people": _rule_vague_people,
    "not_physical": _rule_not_physical,
    "not_feasible": _rule_not_feasible,
    "unnamed_group": _rule_unnamed_group,
    "agentless_view": _rule_agentless_view,
    "approximator": _rule_approximator,
}
"""Context rules a lexicon row may name in its ``context`` column."""


@dataclass(frozen=True)
class Cue:
    """How a lexicon row is classed and decided (its ``kind`` and ``decided_by`` cells).

    Args:
        kind: The guideline class: ``hedge``, ``weasel``, ``peacock``,
            ``anonymous_source`` or ``booster``.
        by_weight: Whether the learned weight decides (ambiguous cues such as
            modals and approximators); otherwise the row and its context rule
            alone decide (cues the CoNLL-2010 guidelines define, boosters).
        rule_contexts: Contexts in which the rule decides after all
            (``decided_by`` = ``weight except people``: "most historians"
            counts by rule, "most of the island" by weight).

    """

    kind: str
    by_weight: bool
    rule_contexts: frozenset[str] = frozenset()

    def decided_by_weight(self, context: str) -> bool:
        """Whether the weight decides a match read in this context."""
        return self.by_weight and context not in self.rule_contexts


@dataclass(frozen=True)
class Weights:
    """The learned weights table (``analysis/data/hedging_weights.tsv``).

    Args:
        weights: Feature name to weight (log-odds).
        threshold: A weighed cue counts when its sentence's probability reaches this.
        sources: The header's ``sources`` line.
        licence: The header's ``licence`` line.

    """

    weights: dict[str, float]
    threshold: float
    sources: str = ""
    licence: str = ""

    def probability(self, features: Sequence[str]) -> float:
        """The logistic of the features' summed weights (a sentence's chance of being uncertain)."""
        z = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-z))


def _parse_weights(lines: Sequence[str]) -> Weights:
    """Parse the weights file: ``# key: value`` header lines, then ``feature<TAB>weight``."""
    meta: dict[str, str] = {}
    weights: dict[str, float] = {}
    for raw in lines:
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            if sep:
                meta.setdefault(key.strip().lower(), value.strip())
            continue
        feature, _, value = line.partition("\t")
        if feature != "feature":
            weights[feature] = float(value)
    return Weights(
        weights=weights,
        threshold=float(meta.get("threshold", "0.5")),
        sources=meta.get("sources", ""),
        licence=meta.get("licence", ""),
    )


@cache
def load_weights() -> Weights:
    """Read the learned weights table (once)."""
    with WEIGHTS_PATH.open(encoding="utf-8") as handle:
        return _parse_weights(handle.readlines())


@cache
def _cues() -> dict[Entry, Cue]:
    """Each lexicon row's :class:`Cue`, after checking categories, kinds and rules."""
    lexicon = load_lexicon(LEXICON)
    out = {}
    for entry, row in zip(
        lexicon.entries, lexicon.rows or [()] * len(lexicon.entries), strict=True
    ):
        if entry.category not in CATEGORIES:
            raise ValueError(ERR_UNKNOWN_CATEGORY.format(category=entry.category, term=entry.term))
        if entry.context and entry.context not in CONTEXT_RULES:
            raise ValueError(ERR_UNKNOWN_RULE.format(rule=entry.context, term=entry.term))
        cells = dict(zip(lexicon.columns, row, strict=False))
        kind = cells.get("kind") or entry.category
        if kind not in KINDS:
            raise ValueError(ERR_UNKNOWN_KIND.format(kind=kind, term=entry.term))
        by, _, exempt = (cells.get("decided_by") or "rule").partition(" except ")
        contexts = frozenset(c.strip() for c in exempt.split(",") if c.strip())
        out[entry] = Cue(kind=kind, by_weight=by == "weight", rule_contexts=contexts)
    return out


@cache
def _checked_matcher() -> PhraseMatcher:
    """Build the hedging matcher, after checking each row (see :func:`_cues`)."""
    _cues()
    return matcher(LEXICON)


def cue_features(
    entry: Entry, kind: str, context: str, before: str = "", after: str = "", rule: bool = False
) -> tuple[str, ...]:
    """The features a cue match adds to its sentence: its class, row, context and neighbours.

    Args:
        entry: The lexicon row.
        kind: Its guideline class.
        context: The context its rule named ("pronoun subject"), or "".
        before: The word just before the match ("^" at the start of a
            sentence or after punctuation), or "" to leave it out.
        after: The word just after it ("$" before punctuation), or "".
        rule: Whether the row (in this context) is one the guidelines define
            as a cue (``decided_by`` empty, or an ``except`` context); it adds
            the shared feature ``rule``, a prior the data can only move.

    Returns:
        Feature names as in the weights table, e.g. ``("kind=hedge",
        "cue=hedge:may", "context=perfect", "cue=hedge:may|perfect", "rule",
        "cue=hedge:may|before=it", "cue=hedge:may|after=have")``.

    """
    # The class is part of the name: "some" is a weasel row and an approximator row.
    cue = f"cue={kind}:{entry.headword}"
    features = [f"kind={kind}", cue]
    if context:
        features += [f"context={context}", f"{cue}|{context}"]
    if rule:
        features.append("rule")
    if before:
        features.append(f"{cue}|before={before}")
    if after:
        features.append(f"{cue}|after={after}")
    return tuple(features)


SENTENCE_LENGTHS = (10, 20, 30, 45)
"""Edges of the sentence-length bands (words) the sentence model weighs."""


def sentence_features(words: int, cues: int) -> tuple[str, ...]:
    """The features of a sentence as a whole: the intercept, its length, its cue count.

    Args:
        words: Words (tokens) in the sentence.
        cues: Hedge, weasel and anonymous-source cues found in it.

    Returns:
        E.g. ``("bias", "length<20", "cues=2")``; ``"length>=45"`` past the
        last band, ``"cues=3"`` for three or more.

    """
    band = next((f"length<{edge}" for edge in SENTENCE_LENGTHS if words < edge), None)
    return ("bias", band or f"length>={SENTENCE_LENGTHS[-1]}", f"cues={min(cues, 3)}")


def _neighbours(tokens: Sequence[Token], first: int, last: int) -> tuple[str, str]:
    """The words either side of a match, within its sentence and clause."""
    before = tokens[first - 1].norm if first > 0 and tokens[first].joined else "^"
    after = "$"
    if last + 1 < len(tokens) and tokens[last + 1].joined:
        after = tokens[last + 1].norm
    return before, after


@dataclass(frozen=True)
class Candidate:
    """A cue match before the sentence model decides (what the trainer learns from).

    Args:
        first: Index of the first token.
        last: Index of the last token of the span (a rule may extend it).
        entry: The lexicon row.
        cue: Its class and how it is decided.
        rule: ``"lexicon"`` or the name of the rule that accepted it.
        context: The context the rule named, or "".
        features: From :func:`cue_features`.

    """

    first: int
    last: int
    entry: Entry
    cue: Cue
    rule: str
    context: str
    features: tuple[str, ...]

    @property
    def weighed(self) -> bool:
        """Whether the sentence model decides it, or its row and rule alone (see below)."""
        if self.cue.kind in ALWAYS_COUNTED_KINDS:
            return False
        return not (self.cue.kind == "hedge" and not self.cue.decided_by_weight(self.context))


ALWAYS_COUNTED_KINDS = frozenset({"booster", "anonymous_source"})
"""Kinds counted by their rows alone, never weighed.

Boosters do not flag a sentence, so the uncertainty data says nothing about
them; anonymous news sources ("Japanese officials privately worried") do not
occur in Wikipedia, so no weight could be learned for them. Epistemic hedges
the guidelines define ("might", "probably", "it could", "may have been": rows
and contexts decided by rule) also count alone; weasel and peacock cues and
the ambiguous hedges are weighed in their sentence (docs/hedging.md).
"""


@lru_cache(maxsize=65536)  # bounded: neighbour words are an open vocabulary
def _features_of(
    entry: Entry, kind: str, context: str, before: str, after: str, rule: bool
) -> tuple[str, ...]:
    """:func:`cue_features`, shared between the many matches that read alike."""
    return cue_features(entry, kind, context, before, after, rule)


def _scan(text: str, tokens: Sequence[Token]) -> list[Candidate]:
    """Every cue match the context rules accept, in text order, never overlapping."""
    cues = _cues()
    out: list[Candidate] = []
    reach = -1

    def accept(toks: Sequence[Token], first: int, last: int, entry: Entry) -> str | None:
        nonlocal reach
        context = ""
        if entry.context:
            verdict = CONTEXT_RULES[entry.context](text, toks, first, last)
            if verdict is None or verdict is False:
                return None
            context = verdict if isinstance(verdict, str) else ""
        cue = cues[entry]
        rule = entry.context or "lexicon"
        # The matcher takes the first accepted candidate at a position, so each
        # accepted one is a match, in text order.
        start, end = first, last
        if entry.context == "unnamed_group":
            start, end = _group_start(text, toks, first), _group_verb_end(toks, last) or last
        if start > reach:  # not inside a span a rule extended ("officials privately worried")
            before, after = _neighbours(toks, first, last)
            by_rule = not cue.decided_by_weight(context)
            features = _features_of(entry, cue.kind, context, before, after, by_rule)
            out.append(Candidate(start, end, entry, cue, rule, context, features))
            reach = end
        return rule

    _checked_matcher().find(tokens, accept)
    return out


def candidates(text: str) -> list[Candidate]:
    """Every cue match the context rules accept, before the sentence model decides.

    This is what :mod:`analysis.evaluate.train_hedging` learns from.
    """
    return _scan(text, tokenize(text))


def _sentence_of(
    tokens: Sequence[Token], found: Sequence[Candidate], sentences: Sequence[tuple[int, int]]
) -> tuple[list[int], list[int]]:
    """Each candidate's sentence (an index into ``sentences``), and each sentence's word count.

    A candidate belongs to the sentence its first token starts in; tokens
    outside every sentence (a gap between spans) belong to none and take the
    index -1.
    """
    token_starts = [t.start for t in tokens]
    words = [
        bisect.bisect_left(token_starts, end) - bisect.bisect_left(token_starts, start)
        for start, end in sentences
    ]
    starts = [start for start, _ in sentences]
    index = []
    for c in found:
        at = tokens[c.first].start
        i = bisect.bisect_right(starts, at) - 1
        index.append(i if i >= 0 and at < sentences[i][1] else -1)
    return index, words


def decide(
    found: Sequence[Candidate], sentence: Sequence[int], words: Sequence[int], weights: Weights
) -> list[tuple[float, bool] | None]:
    """The sentence model's verdict on each weighed candidate (None: not weighed).

    Each sentence's log-odds is the sum of the weights of its own features
    (:func:`sentence_features`) and of every weighed cue's share (the sum of
    the cue's :func:`cue_features` weights); its probability is the logistic
    of that sum. When it reaches ``weights.threshold``, the cues that count
    are the fewest, largest shares that reach it on their own: the cues that
    made the sentence uncertain. "about $400,000" beside "critics argue" in
    one sentence does not count, since "critics argue" alone reaches the
    threshold; a sentence is marked exactly when one of its cues counts.

    Returns:
        For each weighed candidate: its sentence's probability, and whether it
        counts.

    """
    members: dict[int, list[int]] = {}
    for k, c in enumerate(found):
        if c.weighed:
            members.setdefault(sentence[k], []).append(k)
    out: list[tuple[float, bool] | None] = [None] * len(found)
    table = weights.weights
    for s, ks in members.items():
        z = sum(table.get(f, 0.0) for f in sentence_features(words[s] if s >= 0 else 0, len(ks)))
        shares = {k: sum(table.get(f, 0.0) for f in found[k].features) for k in ks}
        p = 1.0 / (1.0 + math.exp(-(z + sum(shares.values()))))
        counted: set[int] = set()
        if p >= weights.threshold:
            for k in sorted(ks, key=lambda k: -shares[k]):  # largest share first
                counted.add(k)
                z += shares[k]
                if 1.0 / (1.0 + math.exp(-z)) >= weights.threshold:
                    break
        for k in ks:
            out[k] = (p, k in counted)
    return out


def find_matches(
    text: str,
    in_quote: Callable[[int, int], bool] | None = None,
    weights: Weights | None = None,
    tokens: Sequence[Token] | None = None,
    sentences: Sequence[tuple[int, int]] | None = None,
) -> tuple[HedgeMatch, ...]:
    """Find every hedging cue in a text, context rules and the sentence model applied.

    Args:
        text: Any text.
        in_quote: Tells whether a span lies in a direct quote; by default
            nothing does.
        weights: The learned weights; by default the shipped table
            (cross-validation passes weights fitted on the training folds).
        tokens: ``text``'s tokens when already taken (``doc.tokens``).
        sentences: ``(start, end)`` spans of the sentences, in order; by
            default the whole text is one sentence (as in the training data).

    Returns:
        Matches in text order, never overlapping; a weighed cue whose
        sentence falls below the threshold is left out.

    """
    tokens = tokenize(text) if tokens is None else tokens
    weights = weights or load_weights()
    found = _scan(text, tokens)
    spans = [(0, len(text))] if sentences is None else sentences
    sentence, words = _sentence_of(tokens, found, spans)
    verdicts = decide(found, sentence, words, weights)
    out = []
    for c, verdict in zip(found, verdicts, strict=True):
        p = None if verdict is None else verdict[0]
        if verdict is not None and not verdict[1]:
            continue  # its sentence did not reach the threshold, or other cues made it
        start, end = tokens[c.first].start, tokens[c.last].end
        out.append(
            HedgeMatch(
                start=start,
                end=end,
                text=text[start:end],
                category=c.entry.category,
                rule=c.rule,
                entry=c.entry.headword,
                in_quote=bool(in_quote and in_quote(start, end)),
                kind=c.cue.kind,
                context=c.context,
                weight=None if p is None else round(p, 3),
                decided_by="weight" if c.weighed else "rule",
            )
        )
    return tuple(out)


_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s+|\n\s*")


def fallback_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans for a Doc that has none (built by hand): cut after . ! ? and a space.

    The pipeline's Docs carry their sentences; this rough cut (one linear
    regex) only keeps a hand-made Doc from being weighed as one long sentence.
    """
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def quote_test(quotes: Sequence[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A fast ``in_quote(start, end)`` over quote spans (one bisect per call).

    :meth:`Doc.in_quote` looks at every quote for every span, which grows with
    the square of the text when quotes are many (issue 16); this gives the
    same answer: a span is inside a quote when some quote starting at or
    before it ends at or after it.
    """
    ordered = sorted(quotes)
    starts = [start for start, _ in ordered]
    reach = list(itertools.accumulate((end for _, end in ordered), max))

    def inside(start: int, end: int) -> bool:
        i = bisect.bisect_right(starts, start) - 1
        return i >= 0 and reach[i] >= end

    return inside


def balance(hedges: int, boosters: int) -> float | None:
    """Hedges against boosters on a -1..+1 scale; None when both are zero."""
    total = hedges + boosters
    return None if total == 0 else (hedges - boosters) / total


def analyse(doc: Doc) -> HedgingResult:
    """Find hedges, boosters, weasel words and anonymous sources in an article.

    Args:
        doc: The cleaned article.

    Returns:
        The matches, the outlet's and the quoted counts, rates per 100 words
        (outlet's words only) and the hedge/booster balance.

    """
    matches = find_matches(
        doc.text,
        quote_test([(q.start, q.end) for q in doc.quotes]),
        tokens=tokens_of(doc),
        sentences=[(s.start, s.end) for s in doc.sentences] or fallback_sentences(doc.text),
    )
    own = {c: 0 for c in CATEGORIES}
    quoted = {c: 0 for c in CATEGORIES}
    for m in matches:
        (quoted if m.in_quote else own)[m.category] += 1
    per100 = 100.0 / doc.word_count if doc.word_count > 0 else 0.0
    return HedgingResult(
        matches=matches,
        counts=HedgingCounts(**own),
        quoted=HedgingCounts(**quoted),
        rates=HedgingRates(**{c: own[c] * per100 for c in CATEGORIES}),
        balance=balance(own["hedge"], own["booster"]),
        word_count=doc.word_count,
    )
