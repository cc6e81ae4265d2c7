"""Who said it, and how: attribution verbs, speakers and sourcing counts.

An attribution is a verb of saying ("said", "told reporters", "made it clear",
"spoke harshly") found outside quotation marks, with the speaker named next to
it: a capitalised name or a pronoun to its left ("Mr. Hegseth told", "Ruiz,
54, argued"), or, after a quote, to its right ("said Mr. Hegseth", "said
Chamber of Commerce president Alan Whitfield": speaker Alan Whitfield, role
"Chamber of Commerce president"); an institution or role with its article
("the minister slammed", "the company said"); or a generic source
("officials said"). A participle after a comma ("..., saying") has the
subject of the verb before it. A pronoun is resolved to the previous named
speaker only when no other person was named since (otherwise it stays
unresolved). These are surface rules, not a parser: they miss speakers far
from their verb and long noun phrases ("the minister of ...").

Sourcing counts read the hedging analyser's ``anonymous_source`` matches
(``article.hedging``): one detector of anonymous sources for the whole app.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from analysis.compare.align import is_heading
from analysis.compare.units import UNNAMED
from analysis.results.comparison import Quote, Sourcing
from analysis.results.doc import Actor, Span
from analysis.text.segment import word_spans

# Verbs of saying (lemmas). Neutral and loaded ones alike: the comparison shows
# which one each outlet chose. Loaded ones are also marked from analysis.measures.loaded.
SAY_VERBS = (
    "say", "tell", "add", "state", "note", "emphasize", "emphasise", "stress",
    "underscore", "highlight", "affirm", "reaffirm", "assure", "insist", "claim",
    "allege", "warn", "remark", "announce", "declare", "explain", "acknowledge",
    "argue", "admit", "concede", "pledge", "vow", "promise", "reveal", "indicate",
    "express", "criticize", "criticise", "praise", "speak", "talk", "comment",
    "respond", "reply", "write", "suggest", "contend", "maintain", "deny",
    "confirm", "boast", "slam", "blast", "accuse", "urge", "predict", "describe",
    "call", "assert", "caution", "complain", "recall", "pinpoint", "tout",
)  # fmt: skip
# "make it clear" style phrases: lemma followed by these words.
PHRASES = {"make": (("it", "clear"), ("clear",)), "point": (("out",),)}
# Objects kept with "tell" ("told reporters").
TELL_OBJECTS = frozenset(
    "reporters journalists the press lawmakers parliament congress an interviewer "
    "a news conference the audience".split()
)
# Heads of generic, unnamed sources.
GENERIC_SOURCES = frozenset(
    """official officials source sources people person expert experts analyst
    analysts diplomat diplomats aide aides insider insiders observer observers
    critic critics representative representatives authorities authority
    spokesperson spokesman spokeswoman residents witnesses some others many
    reports""".split()
)
PRONOUNS = frozenset("he she they it we i".split())
# Words skipped between a speaker and the verb ("Hegseth also said").
BETWEEN = frozenset(
    "also later then has have had had previously again further privately "
    "publicly repeatedly reportedly later".split()
)
TITLES = frozenset("mr mrs ms dr gen sen rep gov prof president secretary minister".split())
# Lower-case role and institution words that name an on-record source
# ("the minister said", "said councillor Ana Ruiz", "the company said").
ROLE_WORDS = frozenset(
    """president councillor councilor minister secretary spokesman spokeswoman
    spokesperson director chief executive chairman chairwoman chair mayor
    governor senator leader head professor economist adviser advisor ceo
    founder manager commissioner superintendent deputy vice treasurer
    prosecutor judge attorney sheriff coach captain general commander
    company ministry government council department agency police court
    union committee board administration campaign firm bank university
    school hospital city county state""".split()
)
CONNECTORS = frozenset("of the for and de".split())
PARTICIPLES = frozenset("saying adding noting insisting arguing warning explaining".split())
ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
NAMED_AFTER = frozenset("like including such as".split())
SPEAKER_WINDOW = 4
CONTINUATION_GAP = 3  # characters between quotes that continue one speaker


@dataclass(frozen=True)
class Attribution:
    """A verb of saying in a sentence (internal to the comparison).

    Args:
        start: Offset of the verb phrase in the article text.
        end: Offset one past it.
        verb: The verb phrase as written ("told reporters").
        speaker: The speaker as written ("Mr. Hegseth"), "" if none found.
        kind: "named", "role" (an institution or role: "the company"),
            "pronoun", "anonymous" or "" (no speaker found).
        role: The speaker's title or role as written, or "".
    """

    start: int
    end: int
    verb: str
    speaker: str
    kind: str
    role: str = ""


@cache
def _forms() -> dict[str, str]:
    from analysis.text.lexicon import verb_forms

    out: dict[str, str] = {}
    for lemma in (*SAY_VERBS, *PHRASES):
        for form in verb_forms(lemma):
            out.setdefault(form, lemma)
    return out


def is_saying_verb(word: str) -> bool:
    """Whether ``word`` is a form of a verb of saying ("said", "emphasized")."""
    return word.lower() in _forms()


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(start + m.start(), start + m.end(), m.group()) for m in word_spans(text[start:end])]


# What separates the runs of ASCII letters and digits. A verb form is plain
# lower-case letters, and a word is bounded by characters that are not
# letters or digits, so a word that is a verb form is one of these runs of
# the lower-cased sentence.
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def _may_attribute(text: str, start: int, end: int) -> bool:
    """Whether the sentence could hold an attribution (a cheap test first).

    False only when no word is a form of a verb of saying and "according to"
    does not occur: most sentences of a story, which then cost one split.
    """
    if ACCORDING.search(text, start, end) or not _plain_forms():
        return True
    return not _forms().keys().isdisjoint(_NOT_ALNUM.split(text[start:end].lower()))


@cache
def _plain_forms() -> bool:
    # The quick test holds while every verb form is plain ASCII letters.
    return all(f.isascii() and f.isalpha() and f.islower() for f in _forms())


def attributions(text: str, sent: Span, quotes: Sequence[Span]) -> list[Attribution]:
    """Find the attributions in one sentence.

    Args:
        text: The article text.
        sent: The sentence.
        quotes: The article's direct quotes (verbs inside them are not the outlet's).

    Returns:
        Attributions in text order.
    """
    if not _may_attribute(text, sent.start, sent.end):
        return []
    forms = _forms()
    quotes = [q for q in quotes if q.start < sent.end and sent.start < q.end]
    words = _words(text, sent.start, sent.end)
    for q in quotes:  # drop the words inside each quote (one pass per quote)
        words = [w for w in words if not (q.start <= w[0] and w[1] <= q.end)]
    out: list[Attribution] = []
    for k, (start, _end, word) in enumerate(words):
        lemma = forms.get(word.lower())
        if lemma is None or _not_a_verb(text, words, k):
            continue
        last = k
        if lemma in PHRASES:
            for tail in PHRASES[lemma]:
                got = tuple(w[2].lower() for w in words[k + 1 : k + 1 + len(tail)])
                if got == tail:
                    last = k + len(tail)
                    break
            else:
                continue
        elif lemma == "tell":
            for n in (3, 2, 1):
                got = " ".join(w[2].lower() for w in words[k + 1 : k + 1 + n])
                if len(words) > k + n and got in TELL_OBJECTS:
                    last = k + n
                    break
        if last + 1 < len(words) and _is_manner(words[last + 1][2]):
            last += 1
        speaker, kind = _speaker_left(text, words, k)
        role = ""
        if not speaker and _quote_before(quotes, start, sent.start):
            speaker, kind, role = _speaker_right(text, words, last)
        if not speaker and out and word.lower() in PARTICIPLES and _after_comma(text, words, k):
            # "Mr. Hegseth spoke harshly of the alliance, saying ...": same subject.
            speaker, kind, role = out[-1].speaker, out[-1].kind, out[-1].role
        out.append(
            Attribution(start, words[last][1], text[start : words[last][1]], speaker, kind, role)
        )
    for m in ACCORDING.finditer(text, sent.start, sent.end):
        after = [w for w in words if w[0] >= m.end()][:SPEAKER_WINDOW]
        speaker, kind, role = _speaker_right(text, [(m.end(), m.end(), ""), *after], 0)
        out.append(Attribution(m.start(), m.end(), m.group(), speaker, kind, role))
    out.sort(key=lambda a: a.start)
    return out


# Words before a noun: "his remarks", "the comments", "Hegseth's promises".
_DETERMINERS = frozenset("a an the his her their its our my your this that these those".split())


def _not_a_verb(text: str, words, k: int) -> bool:
    word = words[k][2]
    if word[:1].isupper() and k > 0:  # "United States", "Comments" mid-sentence
        return True
    if k == 0:
        return word[:1].isupper() and word.lower().endswith("s")  # "Comments also ..."
    prev = words[k - 1][2]
    return prev.lower() in _DETERMINERS or prev.endswith(("'s", "’s"))


def _after_comma(text: str, words, k: int) -> bool:
    return k > 0 and text[words[k - 1][1] : words[k][0]].strip() == ","


def _gap_ok(text: str, a, b) -> bool:
    # Only spaces (or the dot of "Mr.") between two words of a name or phrase.
    return text[a[1] : b[0]].strip(" .") == ""


def _is_manner(word: str) -> bool:
    return word.lower().endswith("ly") and word.isalpha() and len(word) > 4


def _quote_before(quotes: Sequence[Span], pos: int, floor: int) -> bool:
    return any(floor <= q.end <= pos and pos - q.end < 4 for q in quotes)


def _speaker_left(text: str, words, k: int) -> tuple[str, str]:
    j = k - 1
    while (
        j >= 0
        and words[j][2].lower() in BETWEEN | {"not", "never"}
        and _gap_ok(text, words[j], words[j + 1])
    ):
        j -= 1
    # "Ruiz, 54, argued": skip an age in apposition.
    if (
        j >= 1
        and words[j][2].isdigit()
        and text[words[j][1] : words[j + 1][0]].strip() == ","
        and text[words[j - 1][1] : words[j][0]].strip() == ","
    ):
        j -= 1
        if words[j][2][:1].isupper():
            first = j
            while first - 1 >= 0 and words[first - 1][2][:1].isupper() and j - first < 3:
                if not _gap_ok(text, words[first - 1], words[first]):
                    break
                first -= 1
            return text[words[first][0] : words[j][1]], "named"
    if j < 0 or not _gap_ok(text, words[j], words[j + 1]):
        return "", ""
    word = words[j][2]
    if word.lower() in ROLE_WORDS and word[:1].islower() and j >= 1:
        det = words[j - 1][2].lower()
        if det in {"the", "a", "an", "its", "his", "her", "their"} and _gap_ok(
            text, words[j - 1], words[j]
        ):
            return text[words[j - 1][0] : words[j][1]], "role"
    if word.lower() in PRONOUNS:
        return word, "pronoun"
    if word.lower() in GENERIC_SOURCES:
        return _generic(text, words, j)
    if word[:1].isupper() and not word.endswith(("'s", "’s")):
        first = j
        while (
            first - 1 >= 0
            and words[first - 1][2][:1].isupper()
            and j - first < 5
            and _gap_ok(text, words[first - 1], words[first])
        ):
            first -= 1
        if words[first][2] in _OPENERS and first < j:
            first += 1
        return text[words[first][0] : words[j][1]], "named"
    return "", ""


# Capitalised words that open a sentence without being part of a name.
_OPENERS = frozenset("The A An But And Then So Yet Still However Meanwhile".split())


def _generic(text: str, words, j: int) -> tuple[str, str]:
    first = j
    while (
        first - 1 >= 0
        and j - first < 3
        and words[first - 1][2][:1].isupper()
        and _gap_ok(text, words[first - 1], words[first])
    ):
        first -= 1
    return text[words[first][0] : words[j][1]], "anonymous"


def _speaker_right(text: str, words, last: int) -> tuple[str, str, str]:
    # After the verb: "said Mr. Hegseth", "said councillor Ana Ruiz", "said
    # Chamber of Commerce president Alan Whitfield"; the trailing run of
    # capitalised words is the name, what comes before it the role.
    run: list = []
    for w in words[last + 1 : last + 1 + 2 * SPEAKER_WINDOW]:
        prev = run[-1] if run else words[last]
        if not _gap_ok(text, prev, w):
            break
        low = w[2].lower()
        if not run and low in PRONOUNS:
            return w[2], "pronoun", ""
        if w[2][:1].isupper() or low in ROLE_WORDS or (run and low in CONNECTORS):
            run.append(w)
        else:
            break
    while run and run[-1][2].lower() in CONNECTORS | {"the", "a", "an"}:
        run.pop()
    if run:
        name_from = len(run)
        while name_from > 0 and run[name_from - 1][2][:1].isupper():
            name_from -= 1
        if name_from < len(run):
            name = text[run[name_from][0] : run[-1][1]]
            role = text[run[0][0] : run[name_from - 1][1]] if name_from else ""
            if role.lower().startswith(("the ", "a ", "an ")):
                role = role.split(" ", 1)[1]
            return name, "named", role
    following = [w[2].lower() for w in words[last + 1 : last + 1 + SPEAKER_WINDOW]]
    for n, word in enumerate(following):
        if word in GENERIC_SOURCES:
            speaker, kind = _generic(text, words, last + 1 + n)
            return speaker, kind, ""
    if run and run[-1][2].lower() in ROLE_WORDS:
        return text[run[0][0] : run[-1][1]], "role", ""
        if word in ROLE_WORDS and n > 0 and following[n - 1] in {"the", "a", "an"}:
            w0, w1 = words[last + n], words[last + 1 + n]
            return text[w0[0] : w1[1]], "role", ""
    return "", "", ""


def resolve_actor(speaker: str, actors: Sequence[Actor]) -> str:
    """The actor a speaker's name belongs to ("Mr. Hegseth" -> "Hegseth"), or ""."""
    if not speaker:
        return ""
    for actor in actors:
        for name in actor.names:
            if name == speaker or speaker.endswith(" " + name) or name.endswith(" " + speaker):
                return actor.name
    return ""


def sentence_attributions(article) -> list[list[Attribution]]:
    """Every sentence's attributions (:func:`attributions`), in sentence order.

    Computed once per article and shared by its quotes, its sourcing counts
    and the contrasts, which all read the same verbs.
    """
    text, quotes = article.text, tuple(article.quotes or ())
    return [attributions(text, sent, quotes) for sent in article.sentences or ()]


def starting_in(positions: Sequence[int], sentences: Sequence[Span]) -> list[list[int]]:
    """For each sentence, the indices of the positions inside it (ascending).

    One sort and two bisections per sentence, instead of every position
    tested against every sentence.
    """
    order = sorted(range(len(positions)), key=positions.__getitem__)
    ordered = [positions[k] for k in order]
    return [
        sorted(order[bisect_left(ordered, s.start) : bisect_left(ordered, s.end)])
        for s in sentences
    ]


def article_quotes(
    article,
    article_index: int,
    actors: Sequence[Actor],
    atts: Sequence[Sequence[Attribution]] | None = None,
) -> list[Quote]:
    """Every direct quote of an article with its speaker and attribution verb.

    A pronoun ("he added") takes the previous named speaker only when that
    is unambiguous (:func:`_competing`); otherwise the quote keeps no speaker
    and ``unresolved`` holds the pronoun. ``atts``: the article's
    :func:`sentence_attributions`, when already found.
    """
    text, quotes = article.text, tuple(article.quotes or ())
    sentences = article.sentences or ()
    if atts is None:
        atts = sentence_attributions(article)
    out: list[Quote] = []
    last_named, last_named_at = "", 0
    prev: Quote | None = None
    inside = starting_in([q.start for q in quotes], sentences)
    for sent_atts, ks in zip(atts, inside, strict=True):
        for q in (quotes[k] for k in ks):
            best = _nearest(sent_atts, q)
            speaker, verb, vs, ve, role, unresolved = "", "", -1, -1, "", ""
            if best is not None:
                speaker, role = best.speaker, best.role
                if best.kind == "pronoun":
                    ambiguous = not last_named or _competing(
                        text, last_named, last_named_at, best.start
                    )
                    speaker, unresolved = ("", best.speaker) if ambiguous else (last_named, "")
                verb, vs, ve = best.verb, best.start, best.end
            elif prev is not None and prev.speaker and _continues(text, prev, q):
                speaker, role = prev.speaker, prev.role
            quote = Quote(
                article.id, q.start, q.end, q.text, speaker, verb, vs, ve,
                actor=resolve_actor(speaker, actors), role=role, unresolved=unresolved,
            )  # fmt: skip
            out.append(quote)
            prev = quote
        named = [a for a in sent_atts if a.kind == "named"]
        if named:
            last_named, last_named_at = named[-1].speaker, named[-1].end
    return out


# A sentence that opens with a name and a past-tense verb ("Whitfield
# disagreed."): another person has entered, so a later "he" is ambiguous.
_SUBJECT = re.compile(r"(?:^|[.!?]\s+)([A-Z][a-z]+(?:\s[A-Z][a-z]+)*)\s+[a-z]+ed\b")


def _competing(text: str, speaker: str, since: int, pos: int) -> bool:
    """Whether a person other than ``speaker`` was named between ``since`` and ``pos``."""
    between = text[since:pos]
    parts = set(speaker.replace(".", " ").split())
    for m in _SUBJECT.finditer(between):
        if not set(m.group(1).split()) <= parts and m.group(1) not in _OPENERS:
            return True
    return False


def _nearest(atts: Sequence[Attribution], q: Span) -> Attribution | None:
    def distance(a: Attribution) -> int:
        return q.start - a.end if a.end <= q.start else a.start - q.end

    with_speaker = [a for a in atts if a.speaker]
    pool = with_speaker or list(atts)
    return min(pool, key=distance) if pool else None


def _continues(text: str, prev: Quote, q: Span) -> bool:
    # A quote right after another, with no attribution of its own, goes on the
    # same speaker's words ("...alone," Mr. Hegseth told reporters. "America ...").
    gap = text[prev.end : q.start]
    return len(gap) < 200 and prev.end <= q.start


def sourcing(
    article, actors: Sequence[Actor] = (), atts: Sequence[Sequence[Attribution]] | None = None
) -> Sourcing:
    """Quote share and named / anonymous / unsourced counts of one article.

    ``anonymous`` is the hedging analyser's count of anonymous-source cues
    outside quotes (``article.hedging.counts.anonymous_source``, the figure
    the Overview shows), so the two pages agree; 0 when hedging was not
    analysed. Of the other sentences, one counts as named when one of its
    attributions has a named, role or pronoun speaker ("the company said"),
    and unsourced otherwise; quoted sentences with no attribution of their
    own follow the previous sentence's speaker. ``atts``: the article's
    :func:`sentence_attributions`, when already found.
    """
    text, quotes = article.text, tuple(article.quotes or ())
    sentences = article.sentences or ()
    hedging = article.hedging
    cues = [] if hedging is None else [
        m.start for m in hedging.matches if m.category == "anonymous_source" and not m.in_quote
    ]  # fmt: skip
    cued = starting_in(cues, sentences)
    quoted_in = starting_in([q.start for q in quotes], sentences)
    named = unsourced = 0
    prev_named = False
    for k, sent in enumerate(sentences):
        if is_heading(sent.text):
            continue
        if cued[k]:
            prev_named = False
            continue
        found = atts[k] if atts is not None else attributions(text, sent, quotes)
        kinds = {a.kind for a in found}
        has_quote = bool(quoted_in[k])
        if kinds & {"named", "role", "pronoun"} or (has_quote and prev_named):
            named += 1
            prev_named = True
        else:
            unsourced += 1
            prev_named = False
    quoted = sum(q.end - q.start for q in quotes)
    share = round(quoted / len(text), 3) if text else 0.0
    anonymous = 0 if hedging is None else hedging.counts.anonymous_source
    return Sourcing(article.id, share, len(quotes), named, anonymous, unsourced)


def speaker_key(speaker: str) -> str:
    """The word that names a speaker across outlets: the last word, lower-cased.

    "Mr. Hegseth", "Defense Secretary Pete Hegseth" and "Hegseth" all give
    "hegseth"; "the company" gives "company".
    """
    words = [w for w in speaker.replace(".", " ").split() if w[:1].isalnum()]
    return words[-1].lower() if words else ""


def sentence_speakers(
    article,
    atts: Sequence[Sequence[Attribution]] | None = None,
    found: Sequence[Quote] | None = None,
) -> list[frozenset[str]]:
    """For each sentence, the speakers it quotes or reports (:func:`speaker_key`).

    A sentence's speakers are those of the quotes starting in it (a pronoun
    resolved as :func:`article_quotes` resolves it; a quote continuing the
    previous one takes its speaker) and of its attributions with a named or
    role speaker ("Board President Gary Holcomb insisted ..."); a quote whose
    speaker is not known gives :data:`UNNAMED`. Alignment reads
    them to keep a statement told in two sentences together.

    Args:
        article: The article.
        atts: Its :func:`sentence_attributions`, when already found.
        found: Its :func:`article_quotes`, when already found.
    """
    if atts is None:
        atts = sentence_attributions(article)
    sentences = article.sentences or ()
    out = [
        {speaker_key(a.speaker) for a in sent if a.kind in ("named", "role")} for sent in atts
    ]
    if found is None:
        found = article_quotes(article, 0, (), atts)
    for k, ks in enumerate(starting_in([q.start for q in found], sentences)):
        for j in ks:
            out[k].add(speaker_key(found[j].speaker) if found[j].speaker else UNNAMED)
    return [frozenset(s - {""}) for s in out]
