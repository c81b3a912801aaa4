"""The cue lexicon: words that attribute content to a source.

PARC/PolNeAR cues are not only speech verbs ("said", "told") but also verbs of thought,
intention, evidence and stance ("believes", "wants", "found", "criticized", "has called
for"). Each lemma is expanded to its inflected forms once, at import, and compiled into
one regular expression with optional auxiliaries and adverbs in front ("has also said").

Example:
    >>> t = "The minister has also said that prices will fall."
    >>> [(t[c.start:c.end], c.info.speech) for c in find_cues(t, 0, len(t))]
    [('has also said', True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Cue", "CueInfo", "cue_info", "find_cues"]


def _wordlist(words: str) -> list[str]:
    """Whitespace-separated words (keeps long lexicons readable)."""
    return words.split()


@dataclass(frozen=True, slots=True)
class CueInfo:
    lemma: str
    speech: bool  # a verb of saying (as opposed to thought, intention, evidence, stance)
    takes_object: bool  # "told reporters that ...": skip the listener to reach the content
    gerund: bool = False  # "..., adding that ...": continues the previous clause
    framed: bool = False  # counts only before a quote, a colon or "that" ("continued:")


# lemma: irregular forms (past, participle) where the regular rules would be wrong.
_SPEECH = _wordlist(
    """
    say:said tell:told add state note write:wrote,written argue claim explain insist
    declare announce report acknowledge admit ask answer reply respond recall remark
    observe comment conclude tweet testify concede contend assert maintain predict warn
    promise pledge vow threaten urge demand complain deny confirm emphasize stress
    mention describe cite quip joke boast brag chant yell shout reveal disclose estimate
    propose recommend advise allege accuse blame criticize blast slam attack praise
    defend question dismiss reject hint counter retort tout lament reiterate repeat
    recount suggest speak:spoke,spoken continue declare charge caution signal agree
    disagree apologize lash call
    """
)
_OTHER = _wordlist(
    """
    believe think:thought feel:felt know:knew,known want hope fear worry expect plan
    intend wish doubt suspect assume consider understand:understood realize recognize
    prefer support oppose back endorse favor find:found show:showed,shown indicate
    demonstrate project forecast seek:sought refuse decline vote
    """
)
# Verbs that take the listener as their object before the content.
_OBJECT_TAKERS = frozenset({"tell", "ask", "remind", "assure", "inform"})
# Verbs with other, non-attributive senses ("added a stop", "continues his adulation"):
# they attribute only a quote, a colon-introduced content or a that-clause.
_FRAMED = frozenset(
    {
        "add",
        "continue",
        "write",
        "answer",
        "reply",
        "respond",
        "repeat",
        "joke",
        "quip",
        "describe",
        "advise",
        "attack",
        "defend",
        "question",
    }
)
# Nouns too: only these forms count (the base form reads as a noun too often).
_NOT_BASE = frozenset(
    {
        "back",
        "support",
        "report",
        "project",
        "plan",
        "call",
        "question",
        "attack",
        "charge",
        "vote",
        "blast",
        "signal",
        "counter",
        "note",
        "answer",
        "reply",
        "demand",
        "comment",
        "fear",
        "hope",
        "wish",
        "doubt",
        "promise",
        "pledge",
        "estimate",
        "forecast",
        "praise",
        "respond",
        "state",
        "add",
        "continue",
        "quip",
        "joke",
        "tweet",
        "cite",
        "show",
        "find",
        "know",
        "want",
        "feel",
        "slam",
        "lash",
        "speak",
        "write",
        "ask",
        "agree",
        "remark",
    }
)
# Phrasal cues, matched as wholes.
_PHRASES = {
    "according to": CueInfo("according to", speech=True, takes_object=False),
    "called for": CueInfo("call for", speech=True, takes_object=False),
    "calls for": CueInfo("call for", speech=True, takes_object=False),
    "calling for": CueInfo("call for", speech=True, takes_object=False, gerund=True),
    "call for": CueInfo("call for", speech=True, takes_object=False),
    "called on": CueInfo("call on", speech=True, takes_object=False),
    "calls on": CueInfo("call on", speech=True, takes_object=False),
    "pointed to": CueInfo("point to", speech=True, takes_object=False),
    "points to": CueInfo("point to", speech=True, takes_object=False),
    "pointed out": CueInfo("point out", speech=True, takes_object=False),
    "points out": CueInfo("point out", speech=True, takes_object=False),
    "went on to say": CueInfo("say", speech=True, takes_object=False),
    "made clear": CueInfo("make clear", speech=True, takes_object=False),
    "makes clear": CueInfo("make clear", speech=True, takes_object=False),
    "made the case": CueInfo("make the case", speech=True, takes_object=False),
    "spoke about": CueInfo("speak about", speech=True, takes_object=False),
    "talked about": CueInfo("talk about", speech=True, takes_object=False),
}


def _regular(lemma: str) -> tuple[str, str, str]:
    """Third person singular, past, gerund of a regular verb."""
    if lemma.endswith("e") and not lemma.endswith("ee"):
        return lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return lemma + "es", lemma + "ed", lemma + "ing"
    if lemma in {"admit", "quip", "regret", "plan", "slam"}:
        return lemma + "s", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"
    return lemma + "s", lemma + "ed", lemma + "ing"


def _expand(entries: list[str], *, speech: bool) -> dict[str, CueInfo]:
    forms: dict[str, CueInfo] = {}
    for entry in entries:
        lemma, _, irregular = entry.partition(":")
        third, past, gerund = _regular(lemma)
        if lemma == "say":
            third = "says"
        pasts = irregular.split(",") if irregular else [past]
        info = CueInfo(lemma, speech, lemma in _OBJECT_TAKERS, framed=lemma in _FRAMED)
        for form in [third, *pasts]:
            forms.setdefault(form, info)
        if lemma not in _NOT_BASE:
            forms.setdefault(lemma, info)
        forms.setdefault(gerund, CueInfo(lemma, speech, info.takes_object, True, info.framed))
    return forms


_FORMS: dict[str, CueInfo] = {**_expand(_SPEECH, speech=True), **_expand(_OTHER, speech=False)}
_FORMS.update(_PHRASES)

_AUX = frozenset(
    _wordlist(
        """
    has have had also previously repeatedly publicly privately later again already
    recently would will could did does do not never just then still often once
    immediately quickly even only first long since further similarly explicitly
    specifically reportedly forcefully strongly openly
    """
    )
)
# Phrase heads: the first word of a phrasal cue and the phrases it may open.
_HEADS: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _PHRASES:
    _words_of = tuple(_phrase.split())
    _HEADS.setdefault(_words_of[0], []).append(_words_of)
for _heads in _HEADS.values():
    _heads.sort(key=len, reverse=True)

_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue in the text: ``start``/``end`` include auxiliaries ("has also said")."""

    start: int
    end: int
    verb_start: int
    info: CueInfo


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """Every cue in ``text[start:end]``, left to right.

    A word is looked up in the lexicon (phrases first); auxiliaries and adverbs right
    before it join the cue. A capitalised verb in the middle of a sentence is a name or
    a title ("the United States"), not a cue; the caller decides about headlines.

    Example:
        >>> t = "He has also said it, according to aides."
        >>> [t[c.start:c.end] for c in find_cues(t, 0, len(t))]
        ['has also said', 'according to']
    """
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text, start, end)]
    cues: list[Cue] = []
    i = 0
    while i < len(words):
        found = _match_at(text, words, i)
        if found is None:
            i += 1
            continue
        length, info = found
        verb_start = words[i][0]
        first = i
        while (
            first > 0
            and words[first - 1][2] in _AUX
            and i - first < 3
            and _adjacent(text, words[first - 1][1], words[first][0])
        ):
            first -= 1
        cues.append(Cue(words[first][0], words[i + length - 1][1], verb_start, info))
        i += length
    return cues


def _adjacent(text: str, end: int, start: int) -> bool:
    return text[end:start].isspace()


def _match_at(text: str, words: list[tuple[int, int, str]], i: int) -> tuple[int, CueInfo] | None:
    word = words[i][2]
    for phrase in _HEADS.get(word, ()):
        n = len(phrase)
        if i + n <= len(words) and all(
            words[i + k][2] == phrase[k] and _adjacent(text, words[i + k - 1][1], words[i + k][0])
            for k in range(1, n)
        ):
            return n, _PHRASES[" ".join(phrase)]
    info = _FORMS.get(word)
    if info is None:
        return None
    after = text[words[i][1] : words[i][1] + 2]
    if after[:1] == "-" or after in {"'s", "’s"}:
        return None  # "said-to-be", "the report's"
    return 1, info


def cue_info(verb: str) -> CueInfo:
    """The lexicon entry for a cue verb or phrase (any case, spaces normalised)."""
    return _FORMS[" ".join(verb.lower().split())]
