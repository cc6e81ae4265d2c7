"""Loaded wording: words that carry a judgement a reporter could have avoided.

Entries come from ``analysis/lexicons/loaded.tsv``; each has a category, a
connotation (what the word adds) and a neutral alternative. Categories:

- ``attribution``: attribution verbs other than said/told ("claimed",
  "insisted", "slammed", "lashed out");
- ``manner``: how something was said or done ("spoke harshly", "firmly");
- ``intensifier``: exaggerated degree ("wildly", "absurdly");
- ``minimiser``: understated degree that plays something down ("modest",
  "mere", "a slight adjustment");
- ``label``: labels for actors ("communist China", "regime", "thugs");
- ``conflict``: war and conflict metaphors ("war room", "witch hunt");
- ``emotive``: charged judgement words ("bizarre", "aggressive", "furious");
- ``puffery``: the writer's own praise or emphasis ("game changer", "crucial").

Each match also has a **grade** (see docs/loaded.md): ``loaded`` words count
towards the loaded rate; ``emphatic`` verbs of saying ("emphasized",
"underscored", "stressed", "warned") report weight the speaker gave their words.
They are shown in their own colour and counted apart, never in the loaded rate.
Neutral verbs of saying ("said", "told") are not matched at all.

Some words have a plain sense beside the loaded one, so a lexicon row may name
a context rule that must accept each match (:data:`CONTEXT_RULES`): the
territorial "a territory China claims as its own", "crisis" in an established
name ("the 2008 financial crisis", "crisis talks"), "warned" in weather or
official-warning use ("the weather service warned of flooding").

Inflections and phrases are handled by :mod:`analysis.text.lexicon`; the longest
phrase wins and matches never overlap. Words inside direct quotes are the
speaker's: reported with ``in_quote=True`` and counted apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache

from analysis import messages
from analysis.results.doc import Doc
from analysis.results.loaded import EMPHATIC, LOADED, CategoryRate, LoadedMatch, LoadedResult
from analysis.text.lexicon import (
    Entry,
    PhraseMatcher,
    Token,
    load_lexicon,
    matcher,
    tokenize,
)
from analysis.text.tokens import tokens_of

LEXICON = "loaded"
"""The lexicon file this analyser reads."""

CATEGORIES = (
    "attribution", "manner", "intensifier", "minimiser", "label", "conflict", "emotive", "puffery",
)  # fmt: skip
"""Category names, in display order."""


GRADES = (LOADED, EMPHATIC)
"""Grade names; a lexicon row with an empty ``grade`` cell is ``loaded``."""

ERR_UNKNOWN_RULE = messages.LOADED_UNKNOWN_RULE
ERR_UNKNOWN_GRADE = messages.LOADED_UNKNOWN_GRADE

# Characters between two tokens that end a clause: context rules never look
# across them.
_CLAUSE_BREAK = frozenset('.!?;:\n"“”()')

# Places and holdings a state claims: "a territory China claims", "claims to
# the islands".
_TERRITORY = frozenset(
    """island islands territory territories land lands waters sea seas region regions reef
    reefs atoll atolls archipelago province provinces area areas peninsula border borders
    enclave shoal shoals airspace zone coast coastline strait sovereignty mainland""".split()
)
_POSSESSIVE = frozenset("its their his her own".split())
_RELATIVE = frozenset({"that", "which", "it", "they"})
# Words that may stand between a place and the state claiming it ("the islands
# China has long claimed").
_NAME_GLUE = frozenset("'s has have had long also still now".split())

# "claimed responsibility", "claimed the lives of": standard phrases, no doubt cast.
_CLAIM_OBJECTS = frozenset({"responsibility", "lives", "life"})
# Legal and administrative claims ("asylum claims", "claiming damages",
# "a claim for unemployment"): a filing, not a statement of doubtful truth.
_CLAIM_FILINGS = frozenset(
    """asylum insurance unemployment legal damages disability benefit benefits compensation
    patent tax injury pension refugee""".split()
)

# Modifiers of "crisis" that form the established name of an event or field
# ("the 2008 financial crisis", "the Cuban missile crisis", "a hostage crisis").
# "climate crisis" counts as a name too: AP accepts it, and annotators do not
# mark it (see docs/loaded.md).
_CRISIS_NAMES = frozenset(
    """financial economic debt banking fiscal currency credit liquidity budget pension euro
    eurozone refugee migrant migration humanitarian hostage missile energy oil fuel gas housing
    opioid food hunger water health constitutional diplomatic midlife identity suez climate
    coronavirus covid pandemic virus wildfire""".split()
)
# Words that make "crisis" refer back to an event already named ("the crisis",
# "this crisis", "the growing crisis"): the writer's label is the "a crisis"
# that first calls a situation one.
_DEFINITE_REFERENCE = frozenset("the this that these those its their our".split())
# Nouns after "crisis" that make it a plain modifier ("crisis talks", "a crisis line").
_CRISIS_HEADS = frozenset(
    """talks center centre centers centres line lines hotline hotlines management team teams
    meeting meetings response unit units counselor counselors counsellor counsellors
    counseling counselling intervention negotiations summit cell plan plans fund funds
    pregnancy""".split()
)

# Who issues warnings as a matter of office ("the weather service warned").
_WARNING_ISSUERS = frozenset(
    """weather forecaster forecasters meteorologist meteorologists service agency agencies
    authorities authority police officials regulators regulator ministry department
    guard coastguard fda cdc who nws met office bureau""".split()
)
# Hazards one is warned of ("warned of flooding").
_HAZARDS = frozenset(
    """flood floods flooding storm storms rain rains snow snowfall blizzard heat heatwave winds
    wind gusts fire fires wildfire wildfires hurricane hurricanes tornado tornadoes tornados
    tsunami avalanche avalanches landslide landslides mudslides ice icy fog smoke frost drought
    surge surf delays delay outages outage shortages shortage disruption disruptions closures
    thunderstorms thunderstorm hail cyclone typhoon lightning""".split()
)
# Whom an official warning addresses ("warned residents to stay indoors").
_WARNED_PUBLIC = frozenset(
    """residents drivers motorists travelers travellers passengers people public visitors
    swimmers boaters hikers consumers customers parents patients""".split()
)
_DETERMINERS = frozenset("a an the this that its their his her no any every".split())
_NEGATING_PREFIXES = frozenset({"anti", "counter", "non"})

# What follows an emphatic verb when it reports speech ("stressed that",
# "stressed the importance"), as opposed to "stressed out" or "under stress".
_SAYING_OBJECTS = frozenset(
    """that the importance need needs his her their its how what a an this these those our
    again repeatedly""".split()
)


def _clause_tokens(text: str, tokens: Sequence[Token], first: int, last: int, width: int):
    """Token indices before ``first`` and after ``last`` within one clause.

    Returns:
        ``(before, after)``: up to ``width`` indices each, nearest first.
    """
    before: list[int] = []
    i = first
    while i > 0 and len(before) < width:
        if any(c in _CLAUSE_BREAK for c in text[tokens[i - 1].end : tokens[i].start]):
            break
        i -= 1
        before.append(i)
    after: list[int] = []
    i = last
    while i + 1 < len(tokens) and len(after) < width:
        if any(c in _CLAUSE_BREAK for c in text[tokens[i].end : tokens[i + 1].start]):
            break
        i += 1
        after.append(i)
    return before, after


def _rule_not_territorial(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Reject "claim" in the territorial and other standard senses.

    "A territory China claims as its own", "China claims the island as part
    of its territory", "the islands Japan claims", "claims to the waters" and
    "claimed responsibility" / "claimed the lives of" describe a position or a
    fact, not the truth of something said: nothing is cast in doubt.
    """
    before, after = _clause_tokens(text, tokens, first, last, 8)
    words_after = [tokens[i].norm for i in after]
    # "... claims (X) as (part of) its own / its territory"
    for k, word in enumerate(words_after):
        if word == "as" and any(w in _POSSESSIVE for w in words_after[k + 1 : k + 4]):
            return False
    # "claims sovereignty", "claimed responsibility", "claiming 24 lives"
    if words_after[:1] and words_after[0] in _CLAIM_OBJECTS | {"sovereignty"}:
        return False
    if "lives" in words_after[1:3]:
        return False
    # "asylum claims", "claiming damages", "a claim for unemployment"
    if words_after[:1] and words_after[0] in _CLAIM_FILINGS | {"for"}:
        return False
    if words_after[:1] and words_after[0] in ("to", "over", "on"):
        if any(w in _TERRITORY for w in words_after[1:5]):
            return False
    # "a territory (that) China (has long) claims", "territorial claims"
    words_before = [tokens[i].norm for i in before]
    if words_before[:1] and words_before[0] in _CLAIM_FILINGS | {"territorial", "maritime"}:
        return False
    for k, word in enumerate(words_before[:6]):
        if word not in _TERRITORY:
            continue
        between = [tokens[i] for i in before[:k]]
        # "the island that China has long claimed" / "the islands Japan claims"
        if any(t.norm in _RELATIVE for t in between) or all(
            t.text[:1].isupper() or t.norm in _NAME_GLUE for t in between
        ):
            return False
    return True


def _rule_crisis_not_name(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Reject "crisis" as the plain noun of an established name or a reference back.

    "The 2008 financial crisis", "the Cuban missile crisis", "a hostage
    crisis", "crisis talks", "a crisis line" name an event or a service;
    "the crisis", "this crisis", "the growing crisis" refer to one already
    named. The writer's own "a crisis" or "in crisis", calling a situation a
    crisis in the first place, stays loaded.
    """
    before, after = _clause_tokens(text, tokens, first, last, 2)
    words_before = [tokens[i].norm for i in before]
    if words_before[:1] and words_before[0] in _CRISIS_NAMES:
        return False
    if any(w in _DEFINITE_REFERENCE for w in words_before[:2]):
        return False
    return not (after and tokens[after[0]].norm in _CRISIS_HEADS)


# Nouns after "elite" that make it a rank, not a sneer ("elite athletes").
_ELITE_RANKS = frozenset(
    """athlete athletes runner runners player players squad squads team teams club clubs level
    school schools university universities college colleges force forces unit units troops
    soldiers sport sports competition competitions performance""".split()
)
# Words before "regime" that make it a system of rules ("the sanctions regime").
_RULE_SYSTEMS = frozenset(
    """sanctions sanction tax regulatory inspection inspections testing test visa trade legal
    treaty detention tariff fiscal monetary exchange-rate currency safety training
    immigration licensing""".split()
)


def _rule_elite_not_rank(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Reject "elite" as a rank ("elite athletes", "an elite unit"); keep "the elites"."""
    _, after = _clause_tokens(text, tokens, first, last, 1)
    return not (after and tokens[after[0]].norm in _ELITE_RANKS)


def _rule_regime_not_rules(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Reject "regime" as a system of rules ("the sanctions regime", "a tax regime")."""
    before, _ = _clause_tokens(text, tokens, first, last, 1)
    return not (before and tokens[before[0]].norm in _RULE_SYSTEMS)


def _rule_not_in_name(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Reject a capitalised word inside a sentence: part of a name ("the Fringe Festival")."""
    if not tokens[first].text[:1].isupper() or first == 0:
        return True
    gap = text[tokens[first - 1].end : tokens[first].start]
    return any(c in _CLAUSE_BREAK for c in gap)


# Words after the verb "lie" that make it "be located" ("lies ahead", "the
# answer lies in"), not "say something false".
_LIE_PLACES = frozenset(
    "ahead in at on with behind beneath below between within low down dormant outside".split()
)
# Objects that make "destroy" literal ("destroyed 2,000 homes").
_PHYSICAL = frozenset(
    """home homes house houses building buildings property properties crops car cars vehicle
    vehicles records documents evidence files bridge bridges town towns village villages
    forest forests acres habitat habitats structures store stores shop shops business
    businesses tank tanks aircraft ship ships""".split()
)


def _rule_woke_not_verb(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Reject "woke up", the past tense of "wake": only the label is loaded."""
    _, after = _clause_tokens(text, tokens, first, last, 1)
    return not (after and tokens[after[0]].norm == "up")


def _rule_lie_not_located(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Reject "lie" meaning "be located" ("the unknown that lies ahead", "lies in ruins")."""
    _, after = _clause_tokens(text, tokens, first, last, 1)
    return not (after and tokens[after[0]].norm in _LIE_PLACES)


def _rule_destroy_not_literal(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Reject literal destruction ("the fire destroyed 2,000 homes"): a fact, not a charge."""
    _, after = _clause_tokens(text, tokens, first, last, 4)
    return not any(tokens[i].norm in _PHYSICAL or tokens[i].norm[:1].isdigit() for i in after)


def _rule_not_official_warning(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Reject "warned" / "warning" in weather or official-warning use.

    "The weather service warned", "police warned residents to stay indoors",
    "warned of flooding", "a flood warning", "issued a warning" report a
    warning as an office issues it, not weight a writer added.
    """
    before, after = _clause_tokens(text, tokens, first, last, 4)
    words_before = [tokens[i].norm for i in before]
    words_after = [tokens[i].norm for i in after]
    if any(w in _WARNING_ISSUERS for w in words_before):
        return False
    if words_after[:1] == ["of"] and any(w in _HAZARDS for w in words_after[1:4]):
        return False
    if words_after[:1] and words_after[0] in _WARNED_PUBLIC:
        return False
    if tokens[first].norm in ("warning", "warnings"):
        # The noun: "a warning", "flood warnings", "warning signs".
        if words_before[:1] and words_before[0] in _DETERMINERS | _HAZARDS | {"issued", "issue"}:
            return False
        if words_after[:1] and words_after[0] in ("sign", "signs", "shot", "shots", "label"):
            return False
    return True


def _rule_reports_speech(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Accept "stress" only as a verb of saying ("stressed that", "stresses the need").

    Rejects the noun and the adjective ("under stress", "stress test",
    "stressed out"): they report no speech.
    """
    if tokens[first].norm == "stress":
        return False
    _, after = _clause_tokens(text, tokens, first, last, 1)
    return bool(after) and tokens[after[0]].norm in _SAYING_OBJECTS


CONTEXT_RULES: dict[str, Callable[[str, Sequence[Token], int, int], bool]] = {
    "not_territorial": _rule_not_territorial,
    "crisis_not_name": _rule_crisis_not_name,
    "not_official_warning": _rule_not_official_warning,
    "reports_speech": _rule_reports_speech,
    "elite_not_rank": _rule_elite_not_rank,
    "regime_not_rules": _rule_regime_not_rules,
    "not_in_name": _rule_not_in_name,
    "woke_not_verb": _rule_woke_not_verb,
    "lie_not_located": _rule_lie_not_located,
    "destroy_not_literal": _rule_destroy_not_literal,
}
"""Context rules a lexicon row may name in its ``context`` column."""


def _after_negating_prefix(text: str, tokens: Sequence[Token], first: int) -> bool:
    """Whether the match is the second half of "anti-fascist", "counter-terrorist".

    Such a compound names opposition to the thing, so the label does not apply.
    """
    if first == 0:
        return False
    gap = text[tokens[first - 1].end : tokens[first].start]
    return tokens[first - 1].norm in _NEGATING_PREFIXES and gap in ("-", "\u2010", "\u2011")


def grade_of(entry: Entry) -> str:
    """The grade of a lexicon entry: ``loaded`` unless its row says otherwise."""
    return entry.grade or LOADED


def check_entries(entries: Iterable[Entry]) -> None:
    """Raise ValueError if a row names an unknown context rule or grade."""
    for entry in entries:
        if entry.context and entry.context not in CONTEXT_RULES:
            raise ValueError(ERR_UNKNOWN_RULE.format(rule=entry.context, term=entry.term))
        if grade_of(entry) not in GRADES:
            raise ValueError(ERR_UNKNOWN_GRADE.format(grade=entry.grade, term=entry.term))


@cache
def _checked_matcher() -> PhraseMatcher:
    """Build the loaded-wording matcher, after checking each row's rule and grade."""
    check_entries(load_lexicon(LEXICON).entries)
    return matcher(LEXICON)


def lookup(word_or_phrase: str) -> Entry | None:
    """Return the lexicon entry for a word or phrase, any inflection ("slammed": slam).

    Context rules are not applied: this names the entry a form belongs to.

    Args:
        word_or_phrase: As it appears in text; case and apostrophes do not matter.

    Returns:
        The entry, or None when it is not loaded wording.

    """
    words = [t.norm for t in tokenize(word_or_phrase)]
    return _checked_matcher().lookup(words) if words else None


def find_matches(
    text: str,
    in_quote: Callable[[int, int], bool] | None = None,
    phrases: PhraseMatcher | None = None,
    tokens: Sequence[Token] | None = None,
) -> tuple[LoadedMatch, ...]:
    """Find every loaded or emphatic word or phrase in a text, context rules applied.

    Args:
        text: Any text.
        in_quote: Tells whether a span lies in a direct quote; by default
            nothing does.
        phrases: The matcher to use; by default the shipped lexicon's (the
            evaluation passes matchers built from other entry selections).
        tokens: ``tokenize(text)`` when the caller has it already (a Doc's
            ``tokens``); by default the text is tokenised here.

    Returns:
        Matches in text order, never overlapping, longest phrase first.

    """
    if tokens is None:
        tokens = tokenize(text)

    def accept(toks: Sequence[Token], first: int, last: int, entry: Entry) -> str | None:
        if _after_negating_prefix(text, toks, first):
            return None
        if not entry.context:
            return "lexicon"
        return entry.context if CONTEXT_RULES[entry.context](text, toks, first, last) else None

    out = []
    for m in (phrases or _checked_matcher()).find(tokens, accept):
        start, end = tokens[m.first].start, tokens[m.last].end
        out.append(
            LoadedMatch(
                start=start,
                end=end,
                text=text[start:end],
                category=m.entry.category,
                connotation=m.entry.connotation,
                neutral=m.entry.neutral,
                entry=m.entry.headword,
                in_quote=bool(in_quote and in_quote(start, end)),
                grade=grade_of(m.entry),
            )
        )
    return tuple(out)


# Called for every article; the lexicon is read once, so the answer never changes.
@cache
def categories() -> tuple[str, ...]:
    """Return the categories in display order, then any others the lexicon uses."""
    extra = sorted({e.category for e in load_lexicon(LEXICON).entries} - set(CATEGORIES))
    return (*CATEGORIES, *extra)


def per_100_words(count: int, word_count: int) -> float:
    """``count`` per 100 words; 0.0 for an empty text (no division by zero)."""
    return 100.0 * count / word_count if word_count > 0 else 0.0


def analyse(doc: Doc) -> LoadedResult:
    """Find loaded wording in an article, a headline or any one sentence.

    Args:
        doc: The cleaned text.

    Returns:
        The matches (emphatic ones included) and, per category, the outlet's
        own count of loaded words, the quoted count and the rate per 100
        words (outlet's words only). Emphatic verbs are counted apart, in
        ``emphatic``, and never in a rate.

    """
    matches = find_matches(doc.text, doc.in_quote, tokens=tokens_of(doc))
    loaded = [m for m in matches if m.grade == LOADED]
    rows = []
    for category in categories():
        own = sum(1 for m in loaded if m.category == category and not m.in_quote)
        quoted = sum(1 for m in loaded if m.category == category and m.in_quote)
        rows.append(CategoryRate(category, own, quoted, per_100_words(own, doc.word_count)))
    count = sum(r.count for r in rows)
    return LoadedResult(
        matches=matches,
        rates=tuple(rows),
        count=count,
        quoted=sum(r.quoted for r in rows),
        rate=per_100_words(count, doc.word_count),
        word_count=doc.word_count,
        emphatic=sum(1 for m in matches if m.grade == EMPHATIC and not m.in_quote),
    )
