"""Sources: finding the source phrase next to a cue, naming it, and resolving pronouns.

A source is the noun phrase that says, thinks or found something: "Steve Witkoff",
"U.S. Special Envoy Steve Witkoff", "Kerr Putney, the Charlotte-Mecklenburg police
chief,", "he", "officials", "a person familiar with the matter", "Obama and Clinton".

- ``source_before`` reads backward from a cue ("X said"), ``source_after`` forward
  ("said X", "according to X");
- ``describe`` splits a source into its name and its role; the role stays with the name
  ("U.S. Special Envoy Steve Witkoff" -> name "Steve Witkoff", role "U.S. Special Envoy");
- ``People`` remembers the people named so far and resolves a pronoun to the nearest
  compatible one before it.

Example:
    >>> describe("U.S. Special Envoy Steve Witkoff")
    SourceInfo(name='Steve Witkoff', role='U.S. Special Envoy', anonymous=False, pronoun=False)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from sourcecheck._offline._cues import CUE_WORDS, LY_NOUNS

__all__ = [
    "People",
    "SourceInfo",
    "describe",
    "infinitive_subject",
    "leading_subject",
    "named_after_cue",
    "named_source",
    "plausible_source",
    "plural_source",
    "source_after",
    "source_before",
]


def _wordlist(words: str) -> list[str]:
    """Whitespace-separated words (keeps long lexicons readable)."""
    return words.split()


_TOKEN = re.compile(r"[\w’'.&/-]*\w[\w’'&/-]*\.?|\(|\)|\S")

PRONOUNS = frozenset(
    _wordlist(
        """
    he she they it we i you who which that one someone somebody both
    """
    )
)
_PERSON_PRONOUNS = frozenset({"he", "she"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
# Words that never stand in a title before a name ("Special Envoy Steve Witkoff").
_NOT_IN_TITLE = frozenset(
    _wordlist(
        """
    that who which whom whose in at from for with by about on into than as and or to
    """
    )
)
_PERSONAL = frozenset({"he", "she", "they", "we", "i", "it", "you"})
_PREPOSITIONS = frozenset(
    _wordlist(
        """
    in on at with for from by of to into about despite during under over among through
    without within against between toward towards like unlike upon via amid following
    """
    )
)
_OBJECTS = frozenset({"him", "her", "them", "us", "me", "it", "you"})
_POSSESSIVES = frozenset({"his", "her", "their", "its", "my", "our", "your", "whose"})
_DETERMINERS = frozenset(
    _wordlist(
        """
    the a an this that these those his her their its our my your some many most several
    few all both each every any no other another
    """
    )
)
# Words that cannot end a source phrase (the word right before a cue).
_BAD_LAST = frozenset(
    _wordlist(
        """
    the a an to of in on at by for with from as and or but nor so if than then that is
    are was were be been being am has have had do does did will would can could should
    shall may might must not never also just only even still yet already there here this
    these those what which where when why how while because although though since until
    unless after before about into onto over under again very too more less most least
    out up down off it its
    """
    )
)
# Words that, inside a candidate, show it is a clause rather than a noun phrase.
_CLAUSE_WORDS = frozenset(
    _wordlist(
        """
    is are was were be been being am has have had do does did will would can could
    should may might must not if because although though since unless while when where
    there it
    """
    )
)
# Quantifiers that "not" may open a subject with ("Not everyone agrees").
_NEGATED_QUANTIFIERS = frozenset(_wordlist("everyone everybody all every many enough"))
# Words that open a clause before its subject: "But X said", "After X insisted".
_LEADING = frozenset(
    _wordlist(
        """
    but and yet so or nor while after when as because although though since before if
    once now then also meanwhile however still instead indeed even later earlier thus
    hence until whereas
    """
    )
)
_TITLE_WORDS = frozenset(
    _wordlist(
        """
    president vice sen senator rep representative gov governor secretary special envoy
    minister prime chairman chairwoman chair director speaker house mayor judge justice
    general gen lt col maj adm dr mr mrs ms miss rev reverend chief executive officer
    spokesman spokeswoman spokesperson former democratic republican nominee candidate
    leader majority minority whip attorney ambassador commissioner deputy assistant
    senior adviser advisor aide pollster host anchor correspondent professor prof
    analyst strategist founder ceo cfo coo chancellor king queen prince pope sheriff
    police superintendent councilman councilwoman congressman congresswoman sgt capt
    cmdr the u.s. us state federal gop dnc rnc interim acting first lady campaign
    manager chairperson economist columnist editor writer author mogul billionaire
    businessman businesswoman candidate presumptive libertarian green
    """
    )
)
_HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "dr", "rev"])
_FEMALE_HONORIFICS = frozenset(["mrs", "ms", "miss"])
_ORG_WORDS = frozenset(
    _wordlist(
        """
    news post times journal poll polls survey committee party campaign inc corp company
    association council institute university college center centre department agency
    bureau administration government court congress senate house network foundation
    group union bank fund office ministry commission cnn fox nbc abc cbs msnbc reuters
    ap press tribune herald gazette daily magazine review study report team coalition
    league alliance organization organisation pac caucus
    """
    )
)
_ANONYMOUS_HEADS = frozenset(
    _wordlist(
        """
    official officials source sources person people aide aides adviser advisers advisor
    advisors insider insiders spokesman spokeswoman spokesperson diplomat diplomats
    staffer staffers someone one observers critics experts analysts individual
    individuals member members operative operatives
        those
    """
    )
)
# Where a forward source ("said X ...") stops.
_AFTER_STOP = frozenset(
    _wordlist(
        """
    in on at during to after before while as when last this that because from about
    since yesterday today tonight earlier later following amid and-then monday tuesday
    wednesday thursday friday saturday sunday
    """
    )
)


def _words(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text, lo, hi)]


def _low(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]].lower().rstrip(".")


def _is_capital(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _plausible_np(text: str, toks: list[tuple[int, int]]) -> bool:
    """A short phrase that can be a subject: ends in a noun-like word, no clause words."""
    if not toks or len(toks) > 16:
        return False
    last = text[toks[-1][0] : toks[-1][1]]
    if not (last.isalpha() or any(c.isalpha() for c in last)) and last != ")":
        return False
    low_last = last.lower().rstrip(".")
    if low_last in _POSSESSIVES or low_last.endswith(("'s", "’s", "s'", "s’")):
        return False  # "his remarks", "Trump's comments": the cue word is a noun
    if low_last in _BAD_LAST and low_last not in PRONOUNS:
        return False
    if len(toks) == 1 and low_last in PRONOUNS:
        return True
    lows = [text[a:b].lower().rstrip(".") for a, b in toks]
    if any(w.endswith(("n't", "n’t")) for w in lows):
        return False  # "Don't blame Bush": an imperative, not a subject
    first = text[toks[0][0] : toks[0][1]]
    if (
        len(toks) > 1
        and not _is_capital(first)
        and (
            (lows[0].endswith("ing") and (lows[1] in _DETERMINERS or _is_capital(text[toks[1][0]])))
            or (lows[0].endswith("ed") and lows[1] in _DETERMINERS)
        )
    ):
        return False  # "joining a coalition ...": a participle clause, not a subject
    negated = len(lows) > 1 and lows[0] == "not" and lows[1] in _NEGATED_QUANTIFIERS
    if not _CLAUSE_WORDS.isdisjoint(lows[1:] if negated else lows):
        return False  # but "Not everyone finds ...", "Not all voters agree": a subject
    if not CUE_WORDS.isdisjoint(lows[1:]) or (
        len(toks) > 1 and lows[0] in CUE_WORDS and text[toks[0][0]].islower()
    ):
        return False  # "Schultz say RT's management", "said the union": a clause with a cue
    for (a, _), (b, _), low in zip(toks, toks[1:], lows[1:], strict=False):
        if low.endswith("ed") and text[b].islower() and _is_capital(text[a]):
            return False  # "Mrs. Clinton enjoyed tremendous": a name and its verb
    for (a, _), low_next in zip(toks, lows[1:], strict=False):
        if (
            text[a : a + 3] == "to "
            and low_next not in _DETERMINERS
            and low_next not in _OBJECTS
            and text[a + 3].islower()
        ):
            return False  # "bloc aims to rely less on": an infinitive, not a noun phrase
    if low_last in PRONOUNS and low_last not in {"who", "one", "both", "someone"}:
        return False  # "... told him" is not a subject
    # Verbs in -ed/-ing right before the cue signal a clause ("the plan was announced").
    return not (len(toks) > 1 and low_last.endswith(("ed", "ing")) and not _is_capital(last))


_AUXILIARY = frozenset(
    _wordlist(
        """
    is are was were has have had will would can could did does do may might must should
    """
    )
)


# Common irregular past tenses: the verb after a subject ("Sanders made the comment:").
_IRREGULAR_PASTS = frozenset(
    _wordlist(
        """
    made took gave got went came kept left held thought found brought began ran saw spent
    sent sat stood spoke became
    """
    )
)


def leading_subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The subject that opens ``text[start:end]``: the words before its first verb.

    Example:
        >>> t = "President Obama is rolling out a new message"
        >>> s = leading_subject(t, 0, len(t))
        >>> t[s[0]:s[1]]
        'President Obama'
    """
    toks = _words(text, start, end)
    while toks and text[toks[0][0] : toks[0][1]] in {",", ";", ":"}:
        toks = toks[1:]  # the rest of a sentence after a quote: '"...," Blige sings'
    comma = next((i for i, t in enumerate(toks[:8]) if text[t[0] : t[1]] == ","), None)
    opener = _low(text, toks[0]) if toks else ""
    if comma is not None and (
        opener in _PREPOSITIONS or opener in _LEADING or opener.endswith("ly")
    ):
        toks = toks[comma + 1 :]  # past a leading "In a speech on Monday,"
        if len(toks) > 2 and text[toks[0][0] : toks[0][1]].isdigit() and text[toks[1][0]] == ",":
            toks = toks[2:]  # and past the year of "On July 6, 2015,"
    taken: list[tuple[int, int]] = []
    for tok in toks:
        word = text[tok[0] : tok[1]]
        low = word.lower()
        if text[tok[0]].islower() and (
            low in _AUXILIARY or low.endswith("ed") or low in CUE_WORDS or low in _IRREGULAR_PASTS
        ):
            break
        taken.append(tok)
        if len(taken) > 24:
            return None
    whole = len(taken) == len(toks)
    if len(taken) > 8:
        if whole:
            return None
        # "Dean, a former party chairman and candidate, poked at ...": the noun phrase
        # (with an appositive) right before the verb
        return source_before(text, toks[0][0], toks[len(taken)][0])
    taken = _trim_leading(text, taken) if taken else taken
    taken = _drop_time(text, taken)  # "He recently pitched": the adverb is no part of it
    if taken and not whole and _low(text, taken[-1]) in _SUBJECT_PRONOUNS:
        return taken[-1]  # "On September 27 they published"
    if not taken or whole:
        return None
    if not _plausible_np(text, taken):
        if text[taken[-1][0] : taken[-1][1]] != ",":
            return None
        # "Dean, a medical doctor, then appeared": a name and its appositive
        return source_before(text, taken[0][0], taken[-1][1])
    return taken[0][0], taken[-1][1]


# Verbs that take a to-infinitive whose subject is their own: "X went on to say",
# "X needs to explain", "X was able to tout", "X declined to comment"; and meetings with
# a purpose: "leaders gathered Friday to discuss".
_CONTROL_VERBS = frozenset(
    _wordlist(
        """
    go goes went gone going need needs needed want wants wanted try tries tried seem
    seems seemed begin begins began begun continue continues continued decline declines
    declined refuse refuses refused fail fails failed manage manages managed attempt
    attempts attempted struggle struggles struggled rush rushes rushed move moves moved
    vow vows vowed plan plans planned hope hopes hoped intend intends intended appear
    appears appeared wait waits waited hesitate hesitates hesitated stop stops stopped
    pause pauses paused gather gathers gathered meet meets met convene convenes convened
    """
    )
)


def infinitive_subject(text: str, lo: int, to_start: int) -> tuple[tuple[int, int], int] | None:
    """The subject of the verb that governs a to-infinitive at ``to_start``, and where
    that verb begins: "Caddell went on to discuss" -> ("Caddell", start of "went").

    Example:
        >>> t = "Later, the senator went on to explain the plan."
        >>> (a, b), verb = infinitive_subject(t, 0, t.index("to explain"))
        >>> t[a:b], t[verb:verb + 4]
        ('the senator', 'went')
    """
    toks = _trim_leading(text, _words(text, _clause_start(text, lo, to_start), to_start))
    for k in range(1, min(len(toks), 12)):
        word = text[toks[k][0] : toks[k][1]]
        if not word[0].islower():
            continue
        low = word.lower()
        if not (low in _AUXILIARY or low in _CONTROL_VERBS or low in CUE_WORDS):
            continue
        verb_group = {_low(text, t) for t in toks[k:]}
        if not verb_group & _CONTROL_VERBS and "yet" not in verb_group:
            return None  # "X was simply creating a way to report": no verb of intent
        subject = _drop_time(text, toks[:k])
        if _plausible_np(text, subject):
            return (subject[0][0], subject[-1][1]), toks[k][0]
        return None
    return None


def plausible_source(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` reads as a noun phrase (no verb, no clause)."""
    toks = _words(text, start, end)
    head = toks[: next((i for i, t in enumerate(toks) if text[t[0] : t[1]] == ","), len(toks))]
    return _plausible_np(text, head)


def named_after_cue(text: str, start: int, end: int) -> bool:
    """'said the ruling', 'wrote the report's authors': after an inverted cue, a short
    phrase opening with a determiner may hold cue-like nouns."""
    toks = _words(text, start, end)
    head = toks[: next((i for i, t in enumerate(toks) if text[t[0] : t[1]] == ","), len(toks))]
    lows = [_low(text, t) for t in head]
    return (
        0 < len(head) <= 6
        and lows[0] in {"the", "a", "an", "his", "her", "their", "its"}
        and not any(w in _CLAUSE_WORDS for w in lows)
        and lows[-1].isalpha()
        and lows[-1] not in _BAD_LAST
    )


def named_source(source: str) -> bool:
    """A subject that is a name or a personal pronoun ("Trump", "the I.R.S.", "she")."""
    words = source.strip().rstrip(",").split()
    if not words:
        return False
    last = words[-1].strip(".,)")
    return last.lower() in _PERSONAL or last.lower() == "who" or _is_capital(last)


def plural_source(source: str) -> bool:
    """A subject that takes a plural verb: "polls", "they", "46 percent", "X and Y"."""
    words = source.strip().rstrip(",").split()
    if not words:
        return False
    head = next((i for i, w in enumerate(words[1:], 1) if w.lower() in _HEAD_ENDS), 0)
    if head and _plural_word(words[head - 1].lower()):
        return True  # "advisers to Mr. Obama", "lawyers for the family"
    last = words[-1].lower().strip(".,)")
    if last in {"they", "we", "i", "you", "percent", "who", "both", "many", "most", "some"}:
        return True
    if words[0].lower() in {
        "those",
        "these",
        "many",
        "most",
        "some",
        "both",
        "all",
        "few",
        "several",
        "others",
        "two",
        "three",
        "four",
        "five",
    }:
        return True  # "Those close to him", "Many in the party"
    return " and " in f" {source} " or _plural_word(last)


_HEAD_ENDS = frozenset({"to", "for", "from", "with"})


def _plural_word(word: str) -> bool:
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return True
    return word in {"people", "police", "men", "women", "children", "media", "data"}


def _appositive_start(text: str, lo: int, comma: int, outer_lo: int) -> int | None:
    """Where ``NAME, APPOSITIVE,`` starts, given the comma that closes the appositive.

    Accepts "Kerr Putney, the police chief," and "A lawyer for the outlets, David
    Schulz,"; returns None if the text before ``comma`` is neither.
    """
    inner = text.rfind(",", lo, comma)
    if inner < 0:
        return None
    appositive = _words(text, inner + 1, comma)
    name = _trim_leading(text, _words(text, lo, inner))
    if len(name) == 1 and text[name[0][0]].isdigit():
        # "Dianne Feinstein, 56, who ...,": an age between the name and the appositive
        outer = text.rfind(",", outer_lo, inner)
        if outer < 0:
            return None
        name = _trim_leading(text, _words(text, _clause_start(text, outer_lo, outer), outer))
        return name[0][0] if name and _ends_in_name(text, name) and len(name) <= 8 else None
    if not appositive or not name or len(name) > 10:
        return None
    if len(appositive) <= 2 and all(_is_capital(text[a:b]) for a, b in appositive):
        # "Johnnie Wilson, of Springfield, Va.,": a state after a place is part of it
        outer = text.rfind(",", outer_lo, inner)
        if outer >= 0 and _PLACE_OPENING.match(text, outer + 1, inner):
            return _appositive_start(text, _clause_start(text, outer_lo, outer), inner, outer_lo)
    if len(appositive) > (40 if _low(text, appositive[0]) in {"who", "which"} else 24):
        return None
    if _role_then_name(text, name, appositive):
        return name[0][0]
    first = _low(text, appositive[0])
    first_raw = text[appositive[0][0] : appositive[0][1]]
    descriptive = (
        _PARTY.fullmatch(text, appositive[0][0], appositive[-1][1]) is not None
        or first in _DETERMINERS
        or first in {"who", "of", "(", "including", "both", "each"}
        or first_raw[0].isdigit()
        or first in _TITLE_WORDS
        or (not _is_capital(first_raw) and len(appositive) <= 6)
        or any(text[a].islower() for a, _ in appositive)  # "Democrat of California"
    )
    if not descriptive or len(name) > 8:
        return None
    if not _ends_in_name(text, name) and not (
        (first in {"who", "which", "including"} or (first.endswith("ed") and first_raw.islower()))
        and _plausible_np(text, name)
    ):
        return None  # "The alliance, which includes ..., advocates": a relative appositive
    return name[0][0]


def _ends_in_name(text: str, toks: list[tuple[int, int]]) -> bool:
    """'Steve Witkoff' or 'Gregory W. Meeks (D-N.Y.)': a capitalised word, then maybe a
    parenthesised party and state."""
    words = [text[a:b] for a, b in toks]
    if words[-1] == ")" and "(" in words:
        words = words[: len(words) - 1 - words[::-1].index("(")]
    return bool(words) and _is_capital(words[-1])


def _role_then_name(text: str, role: list[tuple[int, int]], name: list[tuple[int, int]]) -> bool:
    """'A lawyer for the outlets, David Schulz,': a described role, then the name."""
    return (
        (_low(text, role[0]) in _DETERMINERS or _low(text, role[0]) == "one")
        and len(name) <= 4
        and all(_is_capital(text[a:b]) for a, b in name)
    )


_SUBORDINATORS = frozenset(
    _wordlist(
        """
    as while when because after before if although though since until but so where
    whereas unless once lest
    """
    )
)


def _adverbial_so(text: str, toks: list[tuple[int, int]], k: int) -> bool:
    """'so far', 'so much': an adverb, not the conjunction that opens a clause."""
    if _low(text, toks[k]) != "so" or k + 1 >= len(toks):
        return False
    return _low(text, toks[k + 1]) in {"far", "much", "often", "long"}


def _trim_leading(text: str, toks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    lows = [text[a:b].lower().rstrip(".") for a, b in toks]
    for k in range(len(toks) - 2, -1, -1):
        if lows[k] in _SUBORDINATORS and not _adverbial_so(text, toks, k):
            toks = toks[k + 1 :]  # "The crowd cheered as she said": the clause after "as"
            lows = lows[k + 1 :]
            break
    i = 0
    while i < len(toks) - 1 and lows[i] in _LEADING:
        i += 1
    while i < len(toks) - 1 and text[toks[i][0] : toks[i][1]] in "\"“”'‘’()":
        i += 1
    return toks[i:]


_BOUNDARY = re.compile(r"[;:—―–]|--|[”\"»](?=\s*[,A-Za-z(])|(?:^|\s)-(?=\s)")
_BOUNDARY_CHAR = re.compile(r"[;:—―–”\"»-]")


_HOMETOWN = re.compile(
    r"(?<=\w),\s+(?:of|from)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2},\s+[A-Z][\w.]*,$"
)


def source_before(text: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """The subject phrase right before a cue at ``cue_start``, within ``text[lo:]``.

    Example:
        >>> t = "In Paris, U.S. Special Envoy Steve Witkoff said it."
        >>> s = source_before(t, 0, t.index("said"))
        >>> t[s[0]:s[1]]
        'U.S. Special Envoy Steve Witkoff'
    """
    end = cue_start
    while end > lo and text[end - 1].isspace():
        end -= 1
    if end <= lo:
        return None
    if text[end - 1] == ",":
        home = _HOMETOWN.search(text, max(lo, end - 60), end)
        if home is not None:  # "John Smith, of Springfield, Va., said": the name
            name = source_before(text, lo, home.start())
            return (name[0], end) if name is not None else None
        inner = text.rfind(",", lo, end - 1)
        if inner < 0:
            return None
        if _SCENE.match(text, inner + 1, end - 1) or (
            _low_word(text, inner + 1) == "who" and not _appositive_follows(text, inner + 1, end)
        ):
            # "Trump, speaking to veterans in Virginia, said": the source is the name alone;
            # so too "Mr. Obama, who understood that ..., told": an attribution of its own
            return source_before(text, lo, inner)
        start = _appositive_start(text, _clause_start(text, lo, inner), end - 1, lo)
        if start is None and _RELATIVE.match(text, inner + 1):
            # "Jane Roe, a developer, which ..., said": an appositive and a relative clause
            outer = text.rfind(",", lo, inner)
            if outer >= 0:
                start = _appositive_start(text, _clause_start(text, lo, outer), inner, lo)
        if start is not None:
            start = _name_before_description(text, lo, start)
        return (start, end) if start is not None else None
    dash = _DASH_BEFORE.search(text, max(lo, end - 3), end)
    if dash is not None:
        return _dash_appositive(text, lo, dash.start(), end, dash.group())
    begin = _clause_start(text, lo, end)
    toks = _trim_leading(text, _words(text, begin, end))
    whole = _cut_relative(text, toks)
    toks = _drop_time(text, whole)
    if len(toks) < len(whole) and _participle(text, toks[-1]) and len(toks) > 1:
        toks = whole  # "A report released last year found": the time is the participle's
    toks = _after_leading_phrase(text, toks)
    if not _plausible_np(text, toks) and not _relative_subject(text, toks):
        if _contact_relative(text, toks):
            return toks[0][0], toks[-1][1]  # "all the experts I interviewed said"
        toks = _after_conjunction(text, toks)
        if not toks or not _plausible_np(text, toks):
            return None
    return toks[0][0], toks[-1][1]


def _contact_relative(text: str, toks: list[tuple[int, int]]) -> bool:
    """A noun phrase and a relative clause with no "who": a subject pronoun and a verb in
    the past ("the experts I interviewed", "everyone we spoke with")."""
    lows = [text[a:b].lower() for a, b in toks]
    if len(lows) >= 3 and lows[-1] in _CONTACT_PREPOSITIONS:
        lows, toks = lows[:-1], toks[:-1]
    if len(lows) < 3 or lows[-2] not in _SUBJECT_PRONOUNS:
        return False
    verb = lows[-1]
    if not (verb.endswith("ed") or verb in _CONTACT_VERBS):
        return False
    return _plausible_np(text, toks[:-2]) and lows[-3] not in PRONOUNS


_CONTACT_PREPOSITIONS = frozenset({"to", "with"})
_CONTACT_VERBS = frozenset(_wordlist("spoke talked met saw heard knew"))


def _name_before_description(text: str, lo: int, start: int) -> int:
    """'Scott Pruitt, the attorney general of Oklahoma, one of the states ..., said': a
    source that starts with a description may follow the name it describes."""
    first = _words(text, start, min(len(text), start + 40))
    if not first or (
        _is_capital(text[first[0][0] : first[0][1]]) and _low(text, first[0]) not in _DETERMINERS
    ):
        return start  # already a name
    comma = start - 1
    while comma > lo and text[comma].isspace():
        comma -= 1
    if comma <= lo or text[comma] != ",":
        return start
    name = _trim_leading(text, _words(text, _clause_start(text, lo, comma), comma))
    if (
        name
        and len(name) <= 6
        and _low(text, name[0]) not in _LEADING
        and _ends_in_name(text, name)
        and all(_is_capital(text[a:b]) or text[a:b] in "()" for a, b in name)
    ):
        return name[0][0]
    return start


_RELATIVE = re.compile(r"\s*(?:who|which)\b")
_PLACE_OPENING = re.compile(r"\s*(?:of|from|in)\s+[A-Z]")
_DASH_BEFORE = re.compile(r"\s*(?:--|[—―–])$")


def _low_word(text: str, pos: int) -> str:
    toks = _words(text, pos, min(len(text), pos + 20))
    return _low(text, toks[0]) if toks else ""


def _dash_appositive(
    text: str, lo: int, closing: int, end: int, mark: str
) -> tuple[int, int] | None:
    """'Kall -- co-editor of a book on the debates -- said': the name before a dashed aside."""
    opening = text.rfind(mark.strip(), lo, closing)
    if opening < 0 or len(text[opening:closing].split()) > 30:
        return None
    name = source_before(text, lo, opening)
    if name is None or len(_words(text, *name)) > 8:
        return None
    return name[0], end


def _relative_subject(text: str, toks: list[tuple[int, int]]) -> bool:
    """'Two officials who spoke on condition of anonymity': a noun phrase and a short
    relative clause about it (whose verbs would otherwise make it look like a clause)."""
    if len(toks) < 3 or not _RELATIVE_WORD.search(text, toks[0][0], toks[-1][1]):
        return False  # most candidates: one scan, no loop
    for i in range(1, min(len(toks) - 1, 7)):
        if _low(text, toks[i]) in {"who", "that", "which"}:
            return (
                len(toks) - i <= 14
                and _low(text, toks[-1]) not in _BAD_LAST
                and _plausible_np(text, toks[:i])
                and not any(_low(text, t) in _NOT_IN_RELATIVE for t in toks[i + 1 :])
                and not any(text[a] in "\"“”'‘’" for a, _ in toks[i:])
            )
        if _low(text, toks[i]) in _NOT_IN_RELATIVE:
            return False
    return False


_RELATIVE_WORD = re.compile(r"\b(?:who|that|which)\b")
_NOT_IN_RELATIVE = frozenset({",", ";", ":", "and", "or", "but", "that", "which", "who"})


def _after_conjunction(text: str, toks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'... mishandled the investigation and Democrats' -> 'Democrats': a clause, then a
    coordinated clause whose subject stands right before the cue."""
    for k in range(len(toks) - 2, 0, -1):
        if _low(text, toks[k]) in {"and", "but", "or"}:
            return toks[k + 1 :]
    return []


_PARTY = re.compile(r"\(?[RDI]-[A-Z][\w.]*\)?")
# A parenthesis that belongs to a name: a party and state, an acronym, a state.
_PAREN_NAME = re.compile(r"\((?:[RDI]-[A-Z][\w.]*|[A-Z][A-Z.&-]+|[A-Z][a-z]+\.?)\)")
# An interposed scene, not an appositive: "X, speaking to reporters," "X, at the debate,"
_SCENE = re.compile(
    r"\s*(?:(?!including\b)[a-z]+ing|in|at|on|during|after|before|for|since|until|once|again|too|also|"
    r"however|meanwhile|so\s+far|thus\s+far|[a-z]+ly)\b"
)
_TIME_WORDS = frozenset(
    _wordlist(
        """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    just now then really also promptly barely recently earlier later again week month
    year on this last next often
    """
    )
)


_WEEKDAYS = frozenset(_wordlist("monday tuesday wednesday thursday friday saturday sunday"))


def _participle(text: str, tok: tuple[int, int]) -> bool:
    return text[tok[0]].islower() and _low(text, tok).endswith("ed")


def _drop_time(text: str, toks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'Wells Fargo just this month' -> 'Wells Fargo'; 'The Times on Saturday' -> 'The Times'."""
    while len(toks) > 1:
        a, b = toks[-1]
        low = text[a:b].lower().rstrip(".")
        if (low in _TIME_WORDS and (text[a].islower() or low in _WEEKDAYS)) or (
            low.endswith("ly") and text[a].islower() and low not in LY_NOUNS
        ):
            toks = toks[:-1]
        else:
            break
    return toks


def _after_leading_phrase(text: str, toks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'In a Bloomberg interview Trump' -> 'Trump': a leading phrase with no comma."""
    if len(toks) < 3 or _low(text, toks[0]) not in _PREPOSITIONS:
        return toks
    if _low(text, toks[-1]) in _SUBJECT_PRONOUNS:
        return toks[-1:]  # "In an interview with RT he blasted"
    i = len(toks)
    while i > 0 and _is_capital(text[toks[i - 1][0] : toks[i - 1][1]]):
        i -= 1
    if i == len(toks) or i == 0 or text[toks[i - 1][0]].isupper():
        return []
    return toks[i:]


def _clause_start(text: str, lo: int, end: int) -> int:
    begin = lo
    first = _BOUNDARY_CHAR.search(text, lo, end)  # every boundary holds one of these
    for m in _BOUNDARY.finditer(text, max(lo, first.start() - 1) if first else end, end):
        begin = m.end()
    comma = text.rfind(",", begin, end)
    return comma + 1 if comma >= 0 else begin


_RELATIVE_WORDS = frozenset({"who", "which", "that"})


def _cut_relative(text: str, toks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'voters who said' -> 'who'; 'the plan that he said' -> 'he'; 'dresses that
    showed' -> nothing (a relative "that" is not a speaker)."""
    lows = [text[a:b].lower().rstrip(".") for a, b in toks]
    if len(toks) > 1 and lows[0] in {"which", "what"}:
        return toks[1:]  # "which he said were ...", "what the senators said was ..."
    if _RELATIVE_WORDS.isdisjoint(lows):
        return toks  # most subjects: no relative word, nothing to cut
    for i in range(len(toks) - 1, -1, -1):
        word = lows[i]
        if (
            word in {"who", "which"}
            and i < len(toks) - 1
            and lows[i + 1] in _PREPOSITIONS | _TIME_WORDS
        ):
            return toks[i : i + 1]  # "who in 2010 said": the time is no part of it
        if word in {"who", "which", "that"} and i > 0:
            if i == len(toks) - 1:
                return [] if word == "that" else toks[i:]
            after = text[toks[i + 1][0] : toks[i + 1][1]]
            if after.lower() in _PERSONAL or after.lower() in _DETERMINERS or _is_capital(after):
                return toks[i + 1 :]  # an object relative: its own subject speaks
            return toks  # "A study that appeared in the journal found": the whole phrase
    return toks


def source_after(
    text: str,
    start: int,
    hi: int,
    *,
    to_clause_end: bool = False,
    appositive: bool = True,
    any_first: bool = False,
) -> tuple[int, int] | None:
    """The source phrase right after a cue ("said X", "according to X").

    It runs to the end of the sentence or the clause, keeps an appositive ("said Donna
    Brazile, the interim chairwoman of the party"), and, unless ``to_clause_end``, stops
    before a time or place phrase ("said X on Tuesday").

    Example:
        >>> t = '"No," said Jane Roe, the mayor of Springfield, on Monday.'
        >>> s = source_after(t, t.index("said") + 4, len(t))
        >>> t[s[0]:s[1]]
        'Jane Roe, the mayor of Springfield'
    """
    toks = _words(text, start, hi)
    if not toks:
        return None
    first = text[toks[0][0] : toks[0][1]]
    if not (_is_capital(first) or _low(text, toks[0]) in _DETERMINERS | PRONOUNS) and not (
        (to_clause_end or any_first) and first.isalpha()  # "according to federal statistics"
    ):
        return None
    if _low(text, toks[0]) in _TIME_WORDS:
        return None  # "said Tuesday"
    taken: list[tuple[int, int]] = []
    commas = 0
    for tok in toks:
        word = text[tok[0] : tok[1]]
        low = word.lower().rstrip(".")
        if word in ".;:!?—―–" or word in '"“”':
            break
        if word == "(" and taken and not _PAREN_NAME.match(text, tok[0]):
            break  # "said Mr. Burman (a view echoed by others)": an aside
        if word == ",":
            commas += 1
            if commas > 2 or not appositive or not _appositive_follows(text, tok[1], hi):
                break
            taken.append(tok)
            continue
        if taken and not to_clause_end and low in _AFTER_STOP and commas == 0:
            break
        taken.append(tok)
        if len(taken) == 1 and low in _PERSONAL:
            break
    while taken and text[taken[-1][0] : taken[-1][1]] in ",(":
        taken.pop()
    if not taken:
        return None
    end = taken[-1][1]
    if text[end - 1] == "." and _sentence_final(text, end, hi):
        end -= 1  # the sentence's own period, not an abbreviation
    return (taken[0][0], end) if end > taken[0][0] else None


def _sentence_final(text: str, end: int, hi: int) -> bool:
    word = text[text.rfind(" ", 0, end - 1) + 1 : end - 1].lower()
    if word in {"jr", "sr", "inc", "co", "corp", "ltd"} or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
        return end >= hi or text[end:hi].strip() == ""
    return True


def _appositive_follows(text: str, pos: int, hi: int) -> bool:
    toks = _words(text, pos, min(hi, pos + 40))
    if not toks:
        return False
    word = text[toks[0][0] : toks[0][1]]
    low = word.lower()
    if low == "who" and any(_low(text, t) in CUE_WORDS for t in toks[1:3]):
        return False  # "said Mr. Kamin, who emphasized that ...": an attribution of its own
    return low in _DETERMINERS or low in {"who", "of"} or word[0].isdigit() or low in _TITLE_WORDS


@dataclass(frozen=True, slots=True)
class SourceInfo:
    name: str | None
    role: str | None
    anonymous: bool
    pronoun: bool


_OF_PLACE = re.compile(r"^(.*?[A-Z][\w.’'-]*)\s+of\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*$")
_PAREN = re.compile(r"\s*\([^)]*\)")


@lru_cache(maxsize=2048)  # pure, and the same source phrase recurs ("he", "Trump")
def describe(source: str) -> SourceInfo:
    """Split a source phrase into name and role; flag pronouns and anonymous sources.

    Example:
        >>> info = describe("Donna Brazile, the interim chairwoman of the party,")
        >>> info.name, info.role
        ('Donna Brazile', 'interim chairwoman of the party')
        >>> describe("a person familiar with the matter").anonymous
        True
    """
    text = source.strip().rstrip(",").strip()
    if text.lower() in PRONOUNS or text.lower() in _POSSESSIVES:
        return SourceInfo(None, None, anonymous=False, pronoun=True)
    if text.endswith(("'s", "’s")):
        text = text[:-2]  # "Donald Trump's claim": the source is Donald Trump
    head, _, appositive = text.partition(",")
    head = _PAREN.sub("", head).strip()
    role = _strip_article(appositive.strip().rstrip(",")) or None
    if role and _PARTY.fullmatch(role):
        role = None  # "Mitch McConnell, R-Ky.": a party and state, not a role
    words = head.split()
    of_place = _OF_PLACE.match(head)
    if of_place:
        before_of = of_place.group(1).split()
        start = _name_start(before_of)
        if start is not None and len(before_of) - start >= 2 and not is_org(of_place.group(1)):
            words = before_of  # "Representative Charles B. Rangel of New York"
    split = _name_start(words)
    if (
        split is None
        and len(words) == 2
        and words[0].lower().rstrip(".") in _HONORIFICS
        and words[1].lower() in _TITLE_WORDS
    ):
        split = len(words) - 1  # "Mr. King": a surname that is also a title word
    if split is None:
        name = _strip_article(head)
        anonymous = _is_anonymous(words)
        return SourceInfo(name or None, role, anonymous=anonymous, pronoun=False)
    title = " ".join(w for w in words[:split] if w.lower().rstrip(".") not in _HONORIFICS)
    name = " ".join(words[split:])
    if title.lower() in _DETERMINERS:
        title = ""
    if not role:
        role = _strip_article(title) or None
    return SourceInfo(name, role, anonymous=False, pronoun=False)


def _strip_article(text: str) -> str:
    words = text.split()
    if words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    return " ".join(words)


def _name_start(words: list[str]) -> int | None:
    """Index where the proper name at the end of ``words`` starts (None if no name)."""
    if not words or not _is_capital(words[-1]) or words[-1][0].isdigit():
        return None
    i = len(words)
    while (
        i > 0 and _is_capital(words[i - 1]) and words[i - 1].lower().rstrip(".") not in _TITLE_WORDS
    ):
        i -= 1
    if i == len(words):
        return None
    if any(w.lower() in _ORG_WORDS for w in words[i:]):
        # An organisation: the whole capitalised run is its name ("The New York Post").
        while i > 0 and _is_capital(words[i - 1]) and words[i - 1].lower() != "the":
            i -= 1
    if words[i - 1].lower() == "of" or any(w.lower() in _NOT_IN_TITLE for w in words[:i]):
        return None  # "a study that appeared in the Journal": a description, not a title
    return i


def _is_anonymous(words: list[str]) -> bool:
    lows = [w.lower().strip(",.") for w in words]
    for i, word in enumerate(lows):
        if word in _ANONYMOUS_HEADS:
            return not any(_is_capital(w) for w in words[:i] if w.lower() not in _DETERMINERS)
        if word in {"to", "of", "with", "familiar", "close", "who"}:
            break
    return False


def is_org(name: str) -> bool:
    return any(w.lower().strip(".,") in _ORG_WORDS for w in name.split())


@dataclass(slots=True)
class People:
    """Named sources and people seen so far, to resolve pronouns and short names.

    Example:
        >>> people = People()
        >>> people.add(0, "Steve Witkoff")
        >>> people.resolve(50, "he"), people.resolve(60, "Witkoff")
        ('Steve Witkoff', 'Steve Witkoff')
    """

    offsets: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    female: list[bool | None] = field(default_factory=list)

    def add(self, offset: int, name: str, *, honorific: str | None = None) -> None:
        i = bisect_left(self.offsets, offset)
        self.offsets.insert(i, offset)
        self.names.insert(i, name)
        gender = None if honorific is None else honorific.lower().rstrip(".") in _FEMALE_HONORIFICS
        self.female.insert(i, gender)

    def resolve(self, offset: int, mention: str) -> str | None:
        """The full name a mention at ``offset`` refers to, or None if unknown."""
        low = mention.strip().lower()
        i = bisect_left(self.offsets, offset) - 1
        low = {"his": "he", "her": "she", "their": "they", "its": "it"}.get(low, low)
        if low in _PERSON_PRONOUNS:
            want_female = low == "she"
            for j in range(i, -1, -1):
                if is_org(self.names[j]) or self.female[j] is (not want_female):
                    continue
                return self.names[j]
            return None
        if low in {"they", "who", "which", "that", "it", "we"}:
            return self.names[i] if i >= 0 and low in {"they", "it"} else None
        last = mention.split()[-1] if mention.split() else ""
        for j in range(i, -1, -1):
            full = self.names[j]
            if full != mention and full.split()[-1] == last and len(full) > len(mention):
                return full
        return None
