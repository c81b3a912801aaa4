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
from functools import lru_cache

__all__ = [
    "CUE_WORDS",
    "LY_NOUNS",
    "NOUN_LIKE",
    "Cue",
    "CueInfo",
    "cue_info",
    "find_cues",
    "trie_pattern",
]


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
    plural: bool = False  # a base form that is also a noun ("show"): needs a plural subject
    infinitive: bool = False  # attributes only a to-infinitive ("declined to comment")


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
    disagree apologize lash call echo condemn denounce decry applaud hail laud mock
    scold grill rip hammer knock dispute proclaim label liken dub portray
    characterize reaffirm request rule decide regret
    discuss exhort encourage brand pound advocate reference assure
    remind inform press implore beg plead lobby trumpet champion chastise rebuke berate
    lambaste excoriate assail castigate deride ridicule belittle disparage insult denigrate
    thank congratulate commend fault swear:swore,sworn posit opine muse wonder
    speculate theorize term nickname depict frame paint
    highlight downplay imply:implied confess refute rebut reassure scoff affirm
    unveil outline offer promote link express detail invoke repudiate disavow taunt concur
    contradict compliment read:read
    """
)
_OTHER = _wordlist(
    """
    believe think:thought feel:felt know:knew,known want hope fear worry expect plan
    intend wish doubt suspect assume consider understand:understood realize recognize
    prefer support oppose back endorse favor find:found show:showed,shown indicate
    project forecast seek:sought refuse decline vote
    admire hate dislike appreciate welcome embrace approve disapprove trust distrust learn
    discover determine notice envision imagine reckon regard deem view judge dread
    anticipate bemoan lament resent cheer celebrate foresee:foresaw,foreseen ponder
    convince see:saw,seen ignore
    """
)
# Verbs that take the listener as their object before the content.
_OBJECT_TAKERS = frozenset({"tell", "ask", "remind", "assure", "inform", "reassure"})
# Verbs with other, non-attributive senses ("added a stop", "continues his adulation"):
# they attribute only a quote, a colon-introduced content or a that-clause.
_FRAMED = frozenset(
    {
        "add",
        "continue",
        "write",
        "answer",
        "reply",
        "repeat",
        "joke",
        "quip",
        "advise",
        "defend",
        "knock",
        "rule",
        "speak",
        "conclude",
        "press",
        "paint",
        "frame",
        "determine",
        "learn",
        "notice",
        "judge",
        "swear",
        "read",  # '"...," the letter reads' (not "she read the report")
    }
)
# Verbs whose finite forms also mean "take on" ("would assume office", "has assumed a
# role"): framed like the above, but the gerund states a premise ("assuming no cuts").
_FRAMED_BUT_GERUND = frozenset({"assume"})
# Third-person forms that are plural nouns as often as verbs ("phone calls", "his
# remarks"): they count only after a name or a pronoun, never after an auxiliary.
NOUN_LIKE = frozenset(
    _wordlist(
        """
    calls questions claims comments remarks reports plans charges votes promises fears
    hopes demands estimates forecasts projects signals doubts wishes worries notes
    challenges rules states answers replies attacks cautions concerns supports backs
    counters praises pledges blasts knocks labels requests views terms frames thanks
    cheers presses trusts judges brands paints insults references champions
    advocates tweets jokes vows lobbies hints offers links details
    """
    )
)
# Verbs that attribute only an intention: "declined to comment", "refuses to say".
_INFINITIVE = frozenset({"decline", "refuse", "seek", "intend"})
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
        "view",
        "term",
        "frame",
        "thank",
        "cheer",
        "press",
        "trust",
        "judge",
        "brand",
        "paint",
        "insult",
        "reference",
        "champion",
        "welcome",
        "fault",
        "beg",
        "muse",
        "dread",
        "offer",
        "link",
        "detail",
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
# "expressed deep concern about", "voiced strong support for"
_INTENSIFIED = tuple(
    f"{adjective} {tail}"
    for adjective in ("deep", "serious", "grave", "strong", "growing", "great", "some")
    for tail in ("concern about", "concerns about", "concern over", "support for", "doubts about")
)
# Verb + noun (+ preposition) phrases of stance: "expressed concern about", "took aim at".
for _verb_forms, _rest, _speech in (
    (
        ("express", "expresses", "expressed", "expressing"),
        (
            "concern about",
            "concerns about",
            "concern over",
            "support for",
            "doubt about",
            "doubts about",
            "frustration with",
            "confidence in",
            "regret",
            "concern",
            "skepticism about",
            "interest in",
            "opposition to",
            "misgivings about",
            "reservations about",
            "outrage over",
            "outrage at",
            "anger over",
            "anger at",
            *_INTENSIFIED,
        ),
        True,
    ),
    (
        ("voice", "voices", "voiced", "voicing"),
        (
            "concern about",
            "concerns about",
            "support for",
            "opposition to",
            "doubts about",
            *_INTENSIFIED,
        ),
        True,
    ),
    (
        ("raise", "raises", "raised", "raising"),
        ("concerns about", "questions about", "doubts about", "the possibility"),
        True,
    ),
    (
        ("take", "takes", "took", "taking"),
        ("aim at", "issue with", "offense at", "exception to", "umbrage at"),
        True,
    ),
    (("lash", "lashes", "lashed", "lashing"), ("out at",), True),
    (("rail", "rails", "railed", "railing"), ("against",), True),
    (("weigh", "weighs", "weighed", "weighing"), ("in on",), True),
    (("speak", "speaks", "spoke", "speaking"), ("out against", "out about", "of"), True),
    (("push", "pushes", "pushed", "pushing"), ("back on", "back against", "for"), True),
    (("cast", "casts", "casting"), ("doubt on",), True),
    (("go", "goes", "went", "going"), ("after",), True),
    (("make", "makes", "made", "making"), ("clear", "it clear", "the case for", "the case"), True),
    (("point", "points", "pointed", "pointing"), ("out",), True),
    (
        ("put", "puts", "putting"),
        ("it", "the figure at", "the number at", "the cost at", "the total at", "the odds at"),
        True,
    ),
):
    for _form in _verb_forms:
        for _tail in _rest:
            _PHRASES.setdefault(
                f"{_form} {_tail}",
                CueInfo(
                    f"{_verb_forms[0]} {_tail}",
                    speech=_speech,
                    takes_object=False,
                    gerund=_form.endswith("ing"),
                ),
            )


def _regular(lemma: str) -> tuple[str, str, str]:
    """Third person singular, past, gerund of a regular verb."""
    if lemma.endswith("ee"):
        return lemma + "s", lemma + "d", lemma + "ing"
    if lemma.endswith("e"):
        return lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return lemma + "es", lemma + "ed", lemma + "ing"
    if lemma in {
        "admit",
        "quip",
        "regret",
        "plan",
        "slam",
        "brag",
        "prefer",
        "rip",
        "dub",
        "rebut",
    }:
        return lemma + "s", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"
    return lemma + "s", lemma + "ed", lemma + "ing"


# -ing forms that are prepositions, never cues: "questions regarding the plan".
_PREPOSITION_FORMS = frozenset({"regarding"})


def _expand(entries: list[str], *, speech: bool) -> dict[str, CueInfo]:
    forms: dict[str, CueInfo] = {}
    for entry in entries:
        lemma, _, irregular = entry.partition(":")
        third, past, gerund = _regular(lemma)
        if lemma == "say":
            third = "says"
        pasts = irregular.split(",") if irregular else [past]
        info = CueInfo(
            lemma,
            speech,
            lemma in _OBJECT_TAKERS,
            framed=lemma in _FRAMED or lemma in _FRAMED_BUT_GERUND,
            infinitive=lemma in _INFINITIVE,
        )
        for form in [third, *pasts]:
            forms.setdefault(form, info)
        if lemma not in _NOT_BASE:
            forms.setdefault(lemma, info)
        else:
            forms.setdefault(
                lemma,
                CueInfo(
                    lemma,
                    speech,
                    info.takes_object,
                    framed=info.framed,
                    plural=True,
                    infinitive=info.infinitive,
                ),
            )
        if gerund in _PREPOSITION_FORMS:
            continue
        forms.setdefault(
            gerund,
            CueInfo(
                lemma,
                speech,
                info.takes_object,
                True,
                lemma in _FRAMED,
                False,
                info.infinitive,
            ),
        )
    return forms


_FORMS: dict[str, CueInfo] = {**_expand(_SPEECH, speech=True), **_expand(_OTHER, speech=False)}
_FORMS.update(_PHRASES)
# The one-word cue forms: a phrase that contains one is a clause, not a noun phrase.
CUE_WORDS = frozenset(
    form
    for form, info in _FORMS.items()
    if " " not in form and not info.plural and form not in NOUN_LIKE
)

_AUX = frozenset(
    _wordlist(
        """
    has have had also previously repeatedly publicly privately later again already
    recently would will could did does do not never just then still often once
    immediately quickly even only first long since further similarly explicitly
    specifically reportedly forcefully strongly openly can may might should must is are
    was were been be being am cannot now perhaps always ever
    isn't aren't wasn't weren't hasn't haven't hadn't don't doesn't didn't won't
    wouldn't can't couldn't shouldn't mustn't
    """
    )
)
# A pronoun with a contracted auxiliary: "it's denouncing", "they've said", "he'll say".
_CONTRACTED = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Yy]ou|[Ww]ho|(?P<it>[Ii]t|[Tt]hat))(['’](?:s|re|m|ve|ll|d))\s+$"
)


# Words in -ly that are nouns, not adverbs: "Scott's family has called on ..." keeps its
# subject out of the cue.
LY_NOUNS = frozenset(
    _wordlist(
        """
    family rally ally assembly supply reply anomaly monopoly bully tally homily panoply
    butterfly belly jelly folly lily holly italy july
    """
    )
)


class _Trie(dict[str, "_Trie"]):
    """A prefix tree of characters; the key "" marks the end of a word."""


def trie_pattern(words: list[str]) -> str:
    """A regex alternation shaped as a prefix tree: fast to match, same language."""
    trie = _Trie()
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, _Trie())
        node[""] = _Trie()

    def render(node: _Trie) -> str:
        parts = [
            (r"\s+" if ch == " " else re.escape(ch)) + render(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return f"(?:{body})?" if "" in node else body

    return render(trie)


# Lower case, capitalised and upper case spellings, matched case-sensitively: about
# three times faster than one IGNORECASE alternation.
_SPELLINGS = sorted({v for f in _FORMS for v in (f, f[0].upper() + f[1:], f.upper())})
_CUE_BODY = rf"(?:{trie_pattern(_SPELLINGS)})\b(?!-|['’]s\b)"
# A cue starts a word, not after a hyphen ("well-known"). The pattern consumes the
# character before the cue instead of looking behind: opening with a character class
# lets the engine skip along the letters of a word in C and try the lexicon only after
# a space or a mark (about three times faster). Every form starts with a letter and ends
# with one, so the cue is always group 1 and no match can hide the next one.
_CUE_WORDS = re.compile(rf"[^\w-]({_CUE_BODY})")
_CUE_AT_TEXT_START = re.compile(_CUE_BODY)  # no character before it to consume
_SO_BEFORE = re.compile(r"\b(?:[Ss]o|[Tt]hus)\s+$")


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue in the text: ``start``/``end`` include auxiliaries ("has also said")."""

    start: int
    end: int
    verb_start: int
    info: CueInfo


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """Every cue in ``text[start:end]``, left to right.

    Lexicon words and phrases (the longest match wins); auxiliaries and adverbs right
    before one join the cue. Whether a match really is a cue (and not a name, a noun,
    or a word inside a quote) is for the caller to decide, with the context.

    Example:
        >>> t = "He has also said it, according to aides."
        >>> [t[c.start:c.end] for c in find_cues(t, 0, len(t))]
        ['has also said', 'according to']
    """
    cues = []
    pos = start - 1  # the character before the first possible cue
    if start == 0:
        first = _CUE_AT_TEXT_START.match(text, 0, end)
        if first is not None:
            info = _cue_info_cached(first.group())
            begin = _auxiliaries_start(text, start, 0, info.gerund)
            cues.append(Cue(begin, first.end(), 0, info))
            pos = first.end()
        else:
            pos = 0
    for m in _CUE_WORDS.finditer(text, pos, end):
        verb = m.start(1)
        info = _cue_info_cached(m.group(1))
        begin = _auxiliaries_start(text, start, verb, info.gerund)
        cues.append(Cue(begin, m.end(), verb, info))
    return cues


def _auxiliaries_start(text: str, lo: int, verb: int, gerund: bool = False) -> int:
    """Where up to three auxiliaries or adverbs right before ``verb`` begin
    ("has also said", "forcefully told")."""
    begin = verb
    for _ in range(3):
        found = _word_before(text, max(lo, begin - 16), begin)
        if found is None:
            break
        word_start, word = found
        low = word.lower().replace("’", "'")
        if low == "t" or low.endswith(("'s", "'re", "'m", "'ve", "'ll", "'d")):
            break
        if low == "far":  # "has so far shown", "has thus far refused": one adverb
            m = _SO_BEFORE.search(text, max(lo, word_start - 8), word_start)
            if m is None:
                break
            begin = m.start()
            continue
        if low not in _AUX and not (
            len(low) >= 5 and low.endswith("ly") and word.islower() and low not in LY_NOUNS
        ):
            break
        begin = word_start
    contracted = (
        _CONTRACTED.search(text, max(lo, begin - 8), begin)
        if "'" in text[begin - 5 : begin] or "’" in text[begin - 5 : begin]
        else None
    )
    if contracted is not None and (gerund or contracted.group("it") is None):
        # "it's" before a participle is a passive ("it's considered"): not joined
        return contracted.start(2)  # "it's denouncing": the cue starts at the apostrophe
    return begin


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _word_before(text: str, lo: int, hi: int) -> tuple[int, str] | None:
    r"""The last word of ``text[lo:hi]`` when only whitespace follows it: where the
    regex ``([A-Za-z]+(?:['’]t)?)\s+$`` searched in the window matches, and its group.

    String methods, not that regex: a search tries every start in the window, and
    this runs for every cue and each auxiliary before it.
    """
    window = text[lo:hi]
    body = window.rstrip()  # str.isspace is the same test as the regex's \s
    if len(body) == len(window):
        return None
    end = lo + len(body)
    letters_end = end
    if body.endswith(("'t", "’t")) and len(body) >= 3 and body[-3] in _LETTERS:
        letters_end = end - 2  # "didn't", "can’t"
    start = lo + len(body[: letters_end - lo].rstrip(_LETTERS))
    if start == letters_end:
        return None
    return start, text[start:end]


def cue_info(verb: str) -> CueInfo:
    """The lexicon entry for a cue verb or phrase (any case, spaces normalised)."""
    return _FORMS[" ".join(verb.lower().split())]


@lru_cache(maxsize=4096)
def _cue_info_cached(verb: str) -> CueInfo:
    # The same few cue words recur in every text: look each spelling up once.
    return cue_info(verb)
