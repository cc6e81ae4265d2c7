"""Hedging and certainty: how sure a text sounds, and who it leans on.

Four categories of cue, read from ``analysis/lexicons/hedging.tsv``:

- ``hedge``: makes a claim less certain (may, might, could, appears,
  reportedly, "is expected to", approximators such as "about 50,000");
- ``booster``: makes a claim sound certain (clearly, undoubtedly, "made it
  clear", "will certainly");
- ``weasel``: attributes a claim to nobody in particular ("some say",
  "critics argue", "it is believed");
- ``anonymous_source``: attributes it to a source the reader cannot check
  ("on condition of anonymity", "indicated anonymously", "a source familiar
  with").

Some cues are ambiguous, so a lexicon row may name a context rule that must
accept each match (see :data:`CONTEXT_RULES` and docs/hedging.md). Words inside
a direct quote are the speaker's, not the outlet's: they are reported with
``in_quote=True`` and counted apart from the outlet's own wording.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from analysis import messages
from analysis.results.doc import Doc
from analysis.results.hedging import HedgeMatch, HedgingCounts, HedgingRates, HedgingResult
from analysis.text.lexicon import Entry, PhraseMatcher, Token, load_lexicon, matcher, tokenize

LEXICON = "hedging"
"""The lexicon file this analyser reads."""

CATEGORIES = ("hedge", "booster", "weasel", "anonymous_source")
"""Category names, as they appear in the JSON."""

EVALUATED_CATEGORIES = frozenset({"hedge", "weasel", "anonymous_source"})
"""Categories that flag a sentence as uncertain in :mod:`analysis.evaluate.hedging`."""

ERR_UNKNOWN_CATEGORY = messages.HEDGING_UNKNOWN_CATEGORY
ERR_UNKNOWN_RULE = messages.HEDGING_UNKNOWN_RULE

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


def _rule_epistemic(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Accept "may" / "could" only where they voice doubt about what is or was so.

    Both modals also state a general possibility, an ability or a permission
    ("players may choose a card", "a fever may last a week", "he could
    swim", "May I ask?"), which is not a hedge. Without a parser we accept the
    contexts that mark the epistemic reading:

    - a perfect or "well" after the modal, perhaps past one adverb: "may have
      been", "could well be", "may also have had";
    - a pronoun or demonstrative subject just before it: "it may", "this
      could", "there may", "he may";
    - a name as subject, inside the sentence: "Russia may retaliate";
    - a definite subject: "the deal may collapse", "its future could" (a
      determiner two words back).

    Bare plural subjects ("prices may rise", "users may choose") are left out
    with the generic readings; that costs some news hedges but removes most
    false alarms (see docs/hedging.md). "May" the month and "could not" are
    rejected first.
    """
    word = tokens[first].norm
    if word == "may" and not _rule_not_month(text, tokens, first, last):
        return False
    if word == "could" and not _rule_not_negated(text, tokens, first, last):
        return False
    k = last + 1
    # Look past one adverb: "may also have", "could well be", "may not have".
    if k < len(tokens) and tokens[k].joined and tokens[k].norm in _MODAL_ADVERBS:
        k += 1
    if k < len(tokens) and tokens[k].joined and tokens[k].norm in _EPISTEMIC_AFTER:
        # "may have been" is a guess about the past. "may have to go" and "may
        # not have a pet" (obligation, permission) fall through to the subject.
        after = tokens[k + 1].norm if k + 1 < len(tokens) else ""
        if tokens[k].norm == "well" or after not in _NOT_PARTICIPLE:
            return True
    if first == 0 or _sentence_start(text, tokens, first) or not tokens[first].joined:
        return False
    prev = tokens[first - 1]
    if prev.norm in _EPISTEMIC_SUBJECTS:
        return True
    if prev.text[:1].isupper() and not _sentence_start(text, tokens, first - 1):
        return True  # a name: "Russia may retaliate", "Smith could resign"
    return (
        first >= 2
        and prev.joined
        and tokens[first - 2].norm in _DEFINITE
        and prev.norm[:1].isalpha()
    )


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

    Rejected before a number (that is the approximator row) and in set phrases
    of time or degree ("some time", "at some point", "to some extent").
    """
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
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


ContextRule = Callable[[str, Sequence[Token], int, int], bool]

CONTEXT_RULES: dict[str, ContextRule] = {
    "not_month": _rule_not_month,
    "not_noun": _rule_not_noun,
    "not_negated": _rule_not_negated,
    "epistemic": _rule_epistemic,
    "number_follows": _rule_number_follows,
    "vague_quantifier": _rule_vague_quantifier,
    "vague_some": _rule_vague_some,
    "not_physical": _rule_not_physical,
    "not_feasible": _rule_not_feasible,
}
"""Context rules a lexicon row may name in its ``context`` column."""


@cache
def _checked_matcher() -> PhraseMatcher:
    """Build the hedging matcher, after checking each row's category and context rule."""
    for entry in load_lexicon(LEXICON).entries:
        if entry.category not in CATEGORIES:
            raise ValueError(ERR_UNKNOWN_CATEGORY.format(category=entry.category, term=entry.term))
        if entry.context and entry.context not in CONTEXT_RULES:
            raise ValueError(ERR_UNKNOWN_RULE.format(rule=entry.context, term=entry.term))
    return matcher(LEXICON)


def find_matches(
    text: str, in_quote: Callable[[int, int], bool] | None = None
) -> tuple[HedgeMatch, ...]:
    """Find every hedging cue in a text, context rules applied.

    Args:
        text: Any text.
        in_quote: Tells whether a span lies in a direct quote; by default
            nothing does.

    Returns:
        Matches in text order, never overlapping.

    """
    tokens = tokenize(text)

    def accept(toks: Sequence[Token], first: int, last: int, entry: Entry) -> str | None:
        if not entry.context:
            return "lexicon"
        return entry.context if CONTEXT_RULES[entry.context](text, toks, first, last) else None

    out = []
    for m in _checked_matcher().find(tokens, accept):
        start, end = tokens[m.first].start, tokens[m.last].end
        out.append(
            HedgeMatch(
                start=start,
                end=end,
                text=text[start:end],
                category=m.entry.category,
                rule=m.rule,
                entry=m.entry.headword,
                in_quote=bool(in_quote and in_quote(start, end)),
            )
        )
    return tuple(out)


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
    matches = find_matches(doc.text, doc.in_quote)
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
