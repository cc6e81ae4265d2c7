"""Passive voice, found with a small, documented heuristic (no parser).

A passive verb group is a form of *be* or *get*, then at most
:data:`MAX_ADVERBS` adverbs ("not", "never", "widely", any word in -ly), an
optional "being"/"been", then a past participle: a regular "-ed" word, or one
of the irregular participles in ``analysis/data/irregular_participles.txt``.

    "The plan was quickly approved"      -> passive ("was ... approved")
    "The law has been widely criticised" -> passive ("been ... criticised")
    "He got arrested"                    -> passive ("got arrested")
    "Sources said the talks were held"   -> passive ("were held")

A passive is *agentful* when "by" follows the participle within
:data:`AGENT_WINDOW` words with no comma, semicolon or colon between ("was
approved by parliament"); "by" followed by a time or a number ("by Monday",
"by 2030", "by the end of May") does not count. Otherwise it is *agentless*: the doer is not named,
which is what media-literacy classes look for ("mistakes were made").

A participle that stands after a noun with no *be*/*get* form, directly
followed by a "by"-agent, is a *reduced relative* passive ("the plan
announced by the administration", "a report, published by the agency"): it
always names its doer, so it never counts as agentless. "by" with a means of
travel or contact ("arrived by train", "voted by mail") is not an agent.

Semi-modal idioms are not passives: "is set to", "is supposed to", "is bound
to", "is poised to" followed by a verb say what will or should happen ("The
council is set to vote on Monday"); "was set to music" is missed with them.

Known errors: adjectives that look like participles are counted ("she was
tired", "they were concerned"); reduced relatives without an agent ("the man
arrested yesterday") and "had it repaired" are missed, since without a parser
they cannot be told from a simple past ("the police arrested a man"); British
and American spellings both work, but misspellings do not.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import compress, count
from operator import methodcaller
from pathlib import Path

from analysis.results.doc import Span
from analysis.results.readability import PassiveSummary, PassiveVerb

MAX_ADVERBS = 2
"""Adverbs allowed between the auxiliary and the participle."""
AGENT_WINDOW = 8
"""Words after the participle in which a "by"-agent may appear."""

PARTICIPLES_FILE = Path(__file__).resolve().parent.parent / "data" / "irregular_participles.txt"

_BE = frozenset(
    """am is are was were be been being isn't aren't wasn't weren't
    isn’t aren’t wasn’t weren’t get gets got gotten getting""".split()
)
_BEING = frozenset({"being", "been"})
_ADVERBS = frozenset(
    """not never also already still just only now often always then soon even
    once both all later reportedly allegedly""".split()
)
# -ed words that are not participles after "be" (or are nearly always adjectives).
_NOT_PARTICIPLES = frozenset(
    """need bed red shed seed speed feed breed hundred sacred naked wicked
    ragged rugged kindred weed deed greed steed indeed""".split()
)
# "by" followed by these names a time or a quantity, not an agent.
_NOT_AGENTS = frozenset(
    """then now far midnight noon tomorrow today tonight next
    january february march april may june july august september october
    november december monday tuesday wednesday thursday friday saturday sunday
    spring summer autumn fall winter early late mid about around some half
    percent per""".split()
)

_NOT_AGENTS_AFTER_THE = frozenset({"end", "time", "way", "start", "middle"})

# "set to" and the like, before a verb, say what is planned or expected.
_SEMI_MODALS = frozenset({"set", "supposed", "bound", "poised"})
# "by" + these is a means, not a doer ("arrived by train", "voted by mail").
_MEANS = frozenset(
    """train bus car plane air sea road rail boat ship foot bike bicycle taxi
    phone telephone email mail post letter text hand video satellite""".split()
)
# Words before a participle that make it a verb of its own clause, not a
# reduced relative ("they announced by ...", "who visited by ...").
_NOT_HEADS = frozenset(
    """i you he she it we they who which that this these those there here
    had has have having and or but not then also""".split()
) | _BE

# Not the shared word rule of analysis.text.tokens, on purpose: the rules above
# need ", ; :" as tokens (they end an agent window) and a number as one token
# ("by 2,030"), and the participle rules are English-only (see docs/tokens.md).
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d[\d.,]*|[,;:]")
_BY = "by"
_SPAN = methodcaller("span")


@cache
def irregular_participles() -> frozenset[str]:
    """Read the irregular participles from the data file (comments skipped)."""
    lines = PARTICIPLES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip().lower() for s in lines if s.strip() and not s.startswith("#"))


def is_participle(word: str) -> bool:
    """Whether ``word`` (lower case) can be a past participle."""
    if word in irregular_participles():
        return True
    return len(word) > 3 and word.endswith("ed") and word not in _NOT_PARTICIPLES


def _is_adverb(word: str) -> bool:
    return word in _ADVERBS or (len(word) > 4 and word.endswith("ly"))


def find_passives(text: str, start: int = 0, end: int | None = None) -> list[PassiveVerb]:
    """Passive verb groups in ``text[start:end]``, with offsets into ``text``.

    Args:
        text: The whole text.
        start: Where to begin (e.g. a sentence's start).
        end: Where to stop; the end of ``text`` if None.

    Returns:
        The passive verb groups, in order.

    """
    stop = len(text) if end is None else end
    # The rules read words only; offsets are taken for the few sentences that
    # hold a passive. Every pass below runs in C (``map``, ``compress``): a
    # sentence costs no Python code per token, only per form of "be" or "by".
    words = list(map(str.lower, _TOKEN.findall(text, start, stop)))
    auxiliaries = list(compress(count(), map(_BE.__contains__, words)))
    agents = list(compress(count(), map(_BY.__eq__, words)))
    if not auxiliaries and not agents:
        return []
    found: list[tuple[int, int, bool, bool]] = []  # (first token, participle, agent, reduced)
    used: set[int] = set()  # participles already claimed ("is being reviewed" counts once)
    for i in auxiliaries:
        word = words[i]
        j = i + 1
        adverbs = 0
        while j < len(words) and _is_adverb(words[j]) and adverbs < MAX_ADVERBS:
            j += 1
            adverbs += 1
        if j < len(words) and words[j] in _BEING and word not in _BEING:
            j += 1
        if j >= len(words) or j in used or not is_participle(words[j]):
            continue
        if _semi_modal(words, j):
            continue
        used.add(j)
        found.append((i, j, _has_agent(words, j), False))
    found.extend(_reduced_relatives(words, agents, used))
    if not found:
        return []
    spans = list(map(_SPAN, _TOKEN.finditer(text, start, stop)))
    verbs = []
    for i, j, agent, reduced in found:
        a, b = spans[i][0], spans[j][1]
        verbs.append(PassiveVerb(a, b, text[a:b], agent, reduced=reduced))
    verbs.sort(key=lambda v: v.start)
    return verbs


def _semi_modal(words: list[str], j: int) -> bool:
    """Whether participle ``j`` is "set to", "supposed to" ... before a verb."""
    if words[j] not in _SEMI_MODALS:
        return False
    nxt = words[j + 1] if j + 1 < len(words) else ""
    after = words[j + 2] if j + 2 < len(words) else ""
    # A word after "to" is read as a verb ("set to vote"); without a parser
    # "set to music" is missed too, a price worth paying in news text.
    return nxt == "to" and bool(after) and after[0].isalpha() and after not in {"the", "a", "an"}


def _reduced_relatives(
    words: list[str], agents: list[int], used: set[int]
) -> list[tuple[int, int, bool, bool]]:
    """Participles after a noun (or a comma) followed at once by a "by"-agent."""
    found = []
    for k in agents:
        j = k - 1  # the participle stands right before "by"
        if not 1 <= j < len(words) - 2:
            continue
        word = words[j]
        if j in used or not is_participle(word):
            continue
        head = words[j - 1]
        if head in _NOT_HEADS or _is_adverb(head) or head in {";", ":"}:
            continue
        if words[j + 2] in _MEANS or not _has_agent(words, j):
            continue
        found.append((j, j, True, True))
    return found


def _has_agent(words: list[str], j: int) -> bool:
    """Whether "by" + a non-time word follows word ``j`` within the window."""
    for k in range(j + 1, min(j + 1 + AGENT_WINDOW, len(words))):
        word = words[k]
        if word in {",", ";", ":"}:
            return False
        if word == "by":
            following = [*words[k + 1 : k + 3], "", ""]
            nxt, after = following[0], following[1]
            if not nxt or nxt[0].isdigit() or nxt in _NOT_AGENTS or nxt in {",", ";", ":"}:
                return False
            return not (nxt == "the" and after in _NOT_AGENTS_AFTER_THE)
    return False


def summarise(text: str, sentences: tuple[Span, ...]) -> PassiveSummary:
    """Passive and agentless-passive shares over ``sentences`` of ``text``.

    Args:
        text: The text the sentence spans point into.
        sentences: Sentence spans.

    Returns:
        The shares (None without sentences), the passive sentences and verbs.

    """
    if not sentences:
        return PassiveSummary(None, None, (), ())
    passive: list[Span] = []
    agentless = 0
    verbs: list[PassiveVerb] = []
    for s in sentences:
        found = find_passives(text, s.start, s.end)
        if found:
            passive.append(s)
            verbs.extend(found)
            agentless += any(not v.agent for v in found)
    n = len(sentences)
    return PassiveSummary(len(passive) / n, agentless / n, tuple(passive), tuple(verbs))
