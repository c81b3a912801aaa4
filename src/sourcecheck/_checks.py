"""The named deterministic checks: each looks at one kind of fact in a statement sentence.

Every check takes a ``Statement`` (one sentence, tokenized) and the ``SourceFacts`` of the
source, and returns ``Finding`` s: a ``Check`` (named, with an outcome, a message and the
source spans it looked at), the label a failure implies, and a severity. A severity of
1 decides a sentence alone; 0.5 is a doubt that needs a second doubt to decide.

Most checks ask the same question of different tokens: is this number (name, date,
word) in the part of the source the rest of the sentence talks about? "Local evidence"
is the few source sentences that BM25 ranks best for the words around the token, the
token itself left out; a token found there passes, a token found only elsewhere in the
source is a doubt, a token found nowhere fails.

The word lists they rest on (opposites, closed classes, synonyms, aliases) live in
``_lexicon``.

The checks:
    evidence    some source sentence shares the statement's words
    numbers     digits, number words, percentages, money, ranges
    dates       years, months, weekdays
    entities    people, places, organisations, with aliases ("U.S." = "United States")
    negation    a "not" the source lacks, or one the statement drops
    antonyms    "rose" where the source says "fell"
    quotes      quoted words verbatim in the source, said by the same speaker
    novelty     content words the source does not contain
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from sourcecheck._document import Document
from sourcecheck._evidence import EvidenceIndex, Hit, Token, form, stem, tokenize
from sourcecheck._lexicon import (
    ABSENCE,
    ALIASES,
    CARDINALS,
    CITY_OF,
    IMPLICIT_NEGATORS,
    MONTHS,
    NEGATION_HEDGES,
    NEGATORS,
    NOT_NAMES,
    OPPOSITE,
    ORDINALS,
    RIVAL,
    SAME_SIDE,
    SCALE_WORDS,
    SYNONYM,
    TIME_UNITS,
    WEEKDAYS,
)
from sourcecheck._models import Check, CheckOutcome, Label, Quote, Span

__all__ = [
    "CHECKS",
    "Finding",
    "SourceFacts",
    "Statement",
    "check_antonyms",
    "check_dates",
    "check_entities",
    "check_evidence",
    "check_negation",
    "check_novelty",
    "check_numbers",
    "check_quotes",
    "parse_quantities",
    "run_checks",
]


# -- findings -------------------------------------------------------------------------

STRONG = 1.0  # decides the sentence alone
DOUBT = 0.5  # two doubts decide it


@dataclass(frozen=True, slots=True)
class Finding:
    """One check's result: the ``Check``, the label a failure implies, and its weight."""

    check: Check
    label: Label = Label.SUPPORTED
    severity: float = 0.0

    @property
    def failed(self) -> bool:
        return self.check.outcome is CheckOutcome.FAIL


def _pass(name: str, message: str, evidence: Iterable[Span] = ()) -> Finding:
    return Finding(
        Check(name=name, outcome=CheckOutcome.PASS, message=message, evidence=tuple(evidence))
    )


def _fail(
    name: str, message: str, label: Label, severity: float, evidence: Iterable[Span] = ()
) -> Finding:
    check = Check(name=name, outcome=CheckOutcome.FAIL, message=message, evidence=tuple(evidence))
    return Finding(check, label, severity)


# -- the source and the statement, prepared once --------------------------------------


class SourceFacts:
    """A source document prepared for checking: tokens, stems, names and numbers.

    Build it once per source and check many statements against it.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self.index = EvidenceIndex(document)
        self.tokens: list[list[Token]] = self.index.tokens
        self.stems: frozenset[str] = frozenset(t.stem for toks in self.tokens for t in toks)
        self.lowers: frozenset[str] = frozenset(t.lower for toks in self.tokens for t in toks)
        self.sentence_stems: list[frozenset[str]] = [
            frozenset(t.stem for t in toks) for toks in self.tokens
        ]
        self.sentence_lowers: list[frozenset[str]] = [
            frozenset(t.lower for t in toks) for toks in self.tokens
        ]
        self.quantities: list[list[Quantity]] = [parse_quantities(toks) for toks in self.tokens]
        self.forms: frozenset[str] = frozenset(form(t.lower) for toks in self.tokens for t in toks)

    @cached_property
    def folded(self) -> tuple[str, list[int]]:
        """The source with quote marks, dashes, case and spaces folded, for verbatim quote
        search, and the original offset of every folded character."""
        chars: list[str] = []
        origin: list[int] = []
        for pos, ch in enumerate(self.document.text):
            if ch.isspace():
                if chars and chars[-1] == " ":
                    continue
                ch = " "
            for out in ch.translate(_FOLD).lower():
                chars.append(out)
                origin.append(pos)
        return "".join(chars), origin

    def find_folded(self, words: str) -> Span | None:
        """The span of the source that ``words`` match once both are folded."""
        folded, origin = self.folded
        needle = _fold(words)
        at = folded.find(needle) if needle else -1
        if at < 0:
            return None
        return Span.of(self.document.text, origin[at], origin[at + len(needle) - 1] + 1)

    @cached_property
    def quotes(self) -> tuple[Quote, ...]:
        """The source's quotes with their speakers, as the offline reader finds them;
        read only when a statement quotes something."""
        from sourcecheck._offline import OfflineReader

        return OfflineReader().read(self.document).quotes

    @cached_property
    def capitalised(self) -> frozenset[str]:
        """Stems of the words the source capitalises mid-sentence: its names."""
        return frozenset(
            t.stem for toks in self.tokens for i, t in enumerate(toks) if i and t.is_capitalised
        )

    @cached_property
    def names(self) -> frozenset[str]:
        """Every name key the source mentions, aliases included."""
        return frozenset(key for toks in self.tokens for key in _name_keys_in(toks))

    @cached_property
    def sentence_names(self) -> list[frozenset[str]]:
        return [frozenset(_name_keys_in(toks)) for toks in self.tokens]

    def span(self, sentence: int) -> Span:
        return self.document.sentences[sentence].span


@dataclass
class Statement:
    """One sentence of a statement, tokenized, with a cache of local-evidence queries."""

    text: str
    source: SourceFacts
    tokens: list[Token] = field(init=False)
    _local: dict[tuple[int, int, int, frozenset[int]], list[Hit]] = field(
        init=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        self.tokens = tokenize(self.text)

    @cached_property
    def stems(self) -> frozenset[str]:
        return frozenset(t.stem for t in self.tokens)

    @cached_property
    def ranked(self) -> list[Hit]:
        """The source sentences that best match the whole sentence."""
        return self.source.index.rank_terms([t.stem for t in self.tokens if not t.is_stop], k=3)

    def local(self, positions: Sequence[int], *, window: int = 6, k: int = 3) -> list[Hit]:
        """The ``k`` source sentences that best match the words around ``positions``,
        the words at ``positions`` themselves left out."""
        lo = max(0, min(positions) - window)
        hi = min(len(self.tokens), max(positions) + window + 1)
        skip = frozenset(positions)
        key = (lo, hi, k, skip)
        if key not in self._local:
            terms = [
                t.stem
                for i, t in enumerate(self.tokens[lo:hi], lo)
                if i not in skip and not t.is_stop
            ]
            self._local[key] = self.source.index.rank_terms(terms, k=k)
        return self._local[key]


def _spans(source: SourceFacts, hits: Iterable[Hit]) -> list[Span]:
    return [source.span(h.sentence) for h in hits]


# -- numbers ------------------------------------------------------------------------------

_UNITS = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12}
_NUMBER = re.compile(r"([$£€¥]?)(\d+(?:,\d{3})*(?:\.\d+)?)(%|[a-zA-Z]{1,3})?$")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in a text: its value, its kind, the unit after it, and its tokens."""

    value: float
    kind: str  # number, money, percent, ordinal, year
    unit: str | None
    first: int  # token positions [first, last]
    last: int


def _unit_after(tokens: Sequence[Token], i: int) -> tuple[str | None, int]:
    """The unit word after token ``i`` ("35 years" -> year), and the last token used."""
    if i + 1 < len(tokens):
        nxt = tokens[i + 1]
        if nxt.lower in {"percent", "per"}:
            return "percent", i + 1 + (nxt.lower == "per")
        if nxt.text.isalpha() and not nxt.is_stop:
            return nxt.stem, i + 1
    return None, i


def _word_number(lower: str) -> tuple[float, str] | None:
    if lower in CARDINALS:
        return CARDINALS[lower], "number"
    if lower in ORDINALS:
        return ORDINALS[lower], "ordinal"
    return None


def _parse_digits(token: Token) -> tuple[float, str, float] | None:
    match = _NUMBER.match(token.text)
    if not match:
        return None
    currency, digits, suffix = match.groups()
    try:
        value = float(digits.replace(",", ""))
    except ValueError:
        return None
    kind = "money" if currency else "number"
    scale = 1.0
    suffix = (suffix or "").lower()
    if suffix == "%":
        kind = "percent"
    elif suffix in {"st", "nd", "rd", "th"}:
        kind = "ordinal"
    elif suffix in _UNITS:
        scale = _UNITS[suffix]
    elif suffix:
        return None  # "3D", "G7", "mRNA-1345" parts: a name, not a number
    if kind == "number" and not currency and "," not in digits and 1800 <= value <= 2100:
        kind = "year"
    return value, kind, scale


def parse_quantities(tokens: Sequence[Token]) -> list[Quantity]:
    """Every number in ``tokens``: digits, number words, money, percentages, ordinals.

    Bare "one" and "a" are pronouns and articles too often to count; "one" counts when a
    unit follows it ("one year") or in a compound ("one-year").

    Example:
        >>> [(q.value, q.kind, q.unit) for q in parse_quantities(tokenize(
        ...     "Sales fell 30% to $5bn in 2023, the second drop in two years."))]
        [(30.0, 'percent', None), (5000000000.0, 'money', None), (2023.0, 'year', None), \
(2.0, 'ordinal', 'drop'), (2.0, 'number', 'year')]
    """
    found: list[Quantity] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        parsed = _parse_digits(token) if token.is_number else None
        if parsed is not None:
            value, kind, scale = parsed
            last = i
            if i + 1 < len(tokens) and tokens[i + 1].lower in SCALE_WORDS:
                scale *= SCALE_WORDS[tokens[i + 1].lower]
                last = i + 1
            unit, unit_at = (
                _unit_after(tokens, last) if kind in {"number", "ordinal"} else (None, last)
            )
            if unit == "percent":
                kind, unit, last = "percent", None, unit_at
            if unit in {"dollar", "euro", "pound"}:
                kind = "money"
            found.append(Quantity(value * scale, kind, unit, i, last))
            i = last + 1
            continue
        head, _, rest = token.lower.partition("-")
        word = _word_number(head)
        if word is not None and (rest or head != "one" or _unit_after(tokens, i)[0] in TIME_UNITS):
            value, kind = word
            if rest:
                # "one-year", "35-year-old": the unit is the first word after the number
                found.append(Quantity(value, kind, stem(rest.split("-")[0]), i, i))
            else:
                unit, last = _unit_after(tokens, i)
                if unit is not None and unit in SCALE_WORDS:
                    value *= SCALE_WORDS[tokens[last].lower]
                    unit, last = _unit_after(tokens, last)
                found.append(Quantity(value, kind, unit, i, max(i, last if unit else i)))
        i += 1
    return found


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _quantity_in(q: Quantity, quantities: Iterable[Quantity], *, with_unit: bool) -> bool:
    """True when ``quantities`` hold ``q``'s value; a span of time must have the same unit
    ("one month" is not "one year", "third quarter" is not "three products"), other
    units must match only ``with_unit``."""
    timed = q.unit in TIME_UNITS
    for other in quantities:
        if other.kind == "year" or not _same_value(q.value, other.value):
            continue
        if timed and other.unit != q.unit:
            continue
        if not with_unit or q.unit is None or other.unit is None or q.unit == other.unit:
            return True
    return False


def check_numbers(statement: Statement) -> list[Finding]:
    """Every number of the statement (years aside: see ``check_dates``) is in the source.

    Found near the words around it: pass. Found elsewhere with the same unit: a doubt.
    Not found, while the local evidence has a number of the same kind: contradicted;
    not found at all: unsupported.
    """
    source = statement.source
    findings = []
    for q in parse_quantities(statement.tokens):
        if q.kind == "year":
            continue
        words = statement.text[statement.tokens[q.first].start : statement.tokens[q.last].end]
        hits = statement.local(range(q.first, q.last + 1))
        near = [source.quantities[h.sentence] for h in hits]
        if any(_quantity_in(q, qs, with_unit=False) for qs in near):
            findings.append(
                _pass("numbers", f"{words!r} is in the source", _spans(source, hits[:1]))
            )
            continue
        elsewhere = [
            i for i, qs in enumerate(source.quantities) if _quantity_in(q, qs, with_unit=True)
        ]
        if elsewhere:
            findings.append(
                _fail(
                    "numbers",
                    f"{words!r} appears in the source, but not where this is said",
                    Label.UNSUPPORTED,
                    DOUBT,
                    [source.span(elsewhere[0])],
                )
            )
            continue
        rival = any(o.kind == q.kind and o.kind != "year" for qs in near for o in qs)
        label = Label.CONTRADICTED if rival else Label.UNSUPPORTED
        findings.append(
            _fail(
                "numbers",
                f"the source does not give {words!r}",
                label,
                STRONG,
                _spans(source, hits[:1]),
            )
        )
    return findings


# -- dates ------------------------------------------------------------------------------


def _date_parts(tokens: Sequence[Token]) -> list[tuple[int, str, str]]:
    """(position, kind, key) for every year, month and weekday in ``tokens``."""
    parts = []
    for i, t in enumerate(tokens):
        word = t.lower.rstrip(".")
        if t.is_number:
            parsed = _parse_digits(t)
            if parsed and parsed[1] == "year":
                parts.append((i, "year", str(int(parsed[0]))))
        elif t.is_capitalised and word in MONTHS and (len(word) > 3 or t.text.endswith(".")):
            parts.append((i, "month", str(MONTHS[word])))
        elif t.is_capitalised and word in WEEKDAYS and len(word) > 3:
            parts.append((i, "weekday", str(WEEKDAYS[word])))
        elif word in {"may"} and t.is_capitalised and i > 0:
            parts.append((i, "month", "5"))
    return parts


def check_dates(statement: Statement) -> list[Finding]:
    """Years, months and weekdays of the statement are in the source, near its words.

    A date the source lacks while the local evidence gives another date of the same
    kind is contradicted; a date found only elsewhere in the source is a doubt.
    """
    source = statement.source
    findings = []
    for i, kind, key in _date_parts(statement.tokens):
        word = statement.tokens[i].text
        hits = statement.local([i])
        near = {(k, v) for h in hits for _, k, v in _date_parts(source.tokens[h.sentence])}
        if (kind, key) in near:
            findings.append(_pass("dates", f"{word!r} is in the source", _spans(source, hits[:1])))
            continue
        elsewhere = [
            s
            for s, toks in enumerate(source.tokens)
            if any((k, v) == (kind, key) for _, k, v in _date_parts(toks))
        ]
        if elsewhere:
            findings.append(
                _fail(
                    "dates",
                    f"{word!r} appears in the source, but not where this is said",
                    Label.UNSUPPORTED,
                    DOUBT,
                    [source.span(elsewhere[0])],
                )
            )
            continue
        rival = any(k == kind for k, _ in near)
        label = Label.CONTRADICTED if rival else Label.UNSUPPORTED
        findings.append(
            _fail(
                "dates",
                f"the source does not give {word!r}",
                label,
                STRONG,
                _spans(source, hits[:1]),
            )
        )
    return findings


# -- names ------------------------------------------------------------------------------


def _name_keys(token: Token, nxt: Token | None = None, *, implied: bool = False) -> list[str]:
    """The keys a capitalised token stands for: its alias group and its own stem; with
    ``implied`` (source side), a city's country too."""
    return _keys_of(token.lower, nxt.lower if nxt is not None else "", implied)


@lru_cache(maxsize=16384)
def _keys_of(lower: str, following: str, implied: bool) -> list[str]:
    word = lower.replace("’", "'").removesuffix("'s").rstrip(".")
    keys = []
    if implied and word in CITY_OF:
        keys.append(CITY_OF[word])
    if following:
        pair = f"{word} {following.removesuffix(chr(39) + 's').rstrip('.')}"
        if pair in ALIASES:
            keys.append(ALIASES[pair])
    for variant in (lower.removesuffix("'s"), word):
        if variant in ALIASES:
            keys.append(ALIASES[variant])
    keys.append(stem(word))
    return keys


def _is_name(tokens: Sequence[Token], i: int, known: frozenset[str] = frozenset()) -> bool:
    t = tokens[i]
    if not t.is_capitalised or t.is_number or t.lower.rstrip(".") in NOT_NAMES:
        return False
    if i > 0:
        return True
    # The first word of a sentence is capitalised anyway: a name only if it is an
    # acronym, has a capital inside, is followed by another capitalised word, is a known
    # place, or is a name the source writes capitalised mid-sentence (``known``).
    word = t.lower.removesuffix("'s").rstrip(".")
    return (
        any(ch.isupper() for ch in t.text[1:])
        or (len(tokens) > 1 and tokens[1].is_capitalised)
        or word in ALIASES
        or word in CITY_OF
        or stem(word) in known
    )


# Before a place name, these make it a place, not an actor standing for a government.
_LOCATIVE = frozenset(
    [
        "in",
        "at",
        "to",
        "from",
        "near",
        "outside",
        "inside",
        "into",
        "across",
        "around",
        "via",
        "through",
    ]
)
# "America" after these is a continent or region, not the United States.
_REGION = frozenset(("south", "latin", "central", "north"))


def _as_actor(token: Token, before: str) -> bool:
    """True when a place name may stand for its government: not after a locative ("in
    Paris") and not as a modifier after an article ("the London embassy"); "the
    Kremlin" is an actor all the same."""
    if before in _LOCATIVE:
        return False
    return before not in {"the", "a", "an"} or token.lower == "kremlin"


def _name_keys_in(tokens: Sequence[Token]) -> list[str]:
    """The name keys of a source sentence. A seat of government backs its country only
    as an actor ("Moscow refused"), not as a place ("in Paris"): see ``_lexicon``."""
    keys = []
    for i, t in enumerate(tokens):
        if t.is_capitalised:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            before = tokens[i - 1].lower if i else ""
            found = _name_keys(t, nxt, implied=_as_actor(t, before))
            if before in _REGION and t.lower == "america":
                found = [key for key in found if key != ALIASES["america"]]
            keys.extend(found)
    return keys


def check_entities(statement: Statement) -> list[Finding]:
    """Every name (person, place, organisation) of the statement is in the source.

    Aliases count ("U.S." = "United States" = "American"), and a capital used as an
    actor counts as its country ("Moscow refused" = "Russia refused"; "in Paris" is not
    "France"); a surname alone matches the full name. A name the source lacks is
    contradicted when the local evidence names someone or something else instead (a
    substitution), unsupported otherwise; a name found only far from where the rest of
    the sentence is said is a doubt.
    """
    source = statement.source
    tokens = statement.tokens
    findings = []
    for i, t in enumerate(tokens):
        if not _is_name(tokens, i, source.capitalised) or _ends_alias(tokens, i):
            continue
        # A seat of government as an actor is its country ("Moscow refused" is backed
        # by "Russia refused"); as a place it is only itself.
        before = tokens[i - 1].lower if i else ""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        keys = set(_name_keys(t, nxt, implied=_as_actor(t, before)))
        hits = statement.local([i])
        if any(keys & source.sentence_names[h.sentence] for h in hits):
            findings.append(
                _pass("entities", f"{t.text!r} is in the source", _spans(source, hits[:1]))
            )
        elif keys & source.names:
            where = next(s for s, names in enumerate(source.sentence_names) if keys & names)
            findings.append(
                _fail(
                    "entities",
                    f"{t.text!r} is in the source, but not where this is said",
                    Label.UNSUPPORTED,
                    DOUBT,
                    [source.span(where)],
                )
            )
        else:
            rivals = _rival_names(statement, hits, i)
            label = Label.CONTRADICTED if rivals else Label.UNSUPPORTED
            message = f"the source never mentions {t.text!r}"
            evidence = _spans(source, hits[:1])
            if rivals:
                message += f" (it says {rivals[0][0]!r} here)"
                evidence = [source.span(rivals[0][1])]
            findings.append(_fail("entities", message, label, STRONG, evidence))
    return findings


def _ends_alias(tokens: Sequence[Token], i: int) -> bool:
    """True when token ``i`` ends a two-word alias ("States" of "United States"): the
    first word already stands for the whole name."""
    if i == 0:
        return False
    pair = f"{tokens[i - 1].lower} {tokens[i].lower.removesuffix(chr(39) + 's')}"
    return pair in ALIASES


def _adjacent(tokens: Sequence[Token], i: int) -> bool:
    """True when token ``i + 1`` follows token ``i`` after one space at most."""
    return tokens[i + 1].start - tokens[i].end <= 1


def _name_run(tokens: Sequence[Token], i: int) -> str:
    """The whole run of names a name token belongs to ("United States")."""
    start = end = i
    while start > 0 and _is_name(tokens, start - 1) and _adjacent(tokens, start - 1):
        start -= 1
    while end + 1 < len(tokens) and _is_name(tokens, end + 1) and _adjacent(tokens, end):
        end += 1
    return " ".join(t.text for t in tokens[start : end + 1])


def _rival_names(statement: Statement, hits: Sequence[Hit], at: int) -> list[tuple[str, int]]:
    """Names in the local evidence that the statement does not mention, best first,
    each with its sentence."""
    before = statement.tokens[at - 1].lower if at > 0 else ""
    mine = {
        k
        for i, t in enumerate(statement.tokens)
        if t.is_capitalised
        for k in _name_keys(t, statement.tokens[i + 1] if i + 1 < len(statement.tokens) else None)
    }
    rivals: list[tuple[int, str, int]] = []
    for rank, hit in enumerate(hits):
        toks = statement.source.tokens[hit.sentence]
        for i, t in enumerate(toks):
            keys = set(_name_keys(t, toks[i + 1] if i + 1 < len(toks) else None))
            if _is_name(toks, i) and not keys & mine:
                # A name in the same slot ("in Paris" for "in Berlin") ranks first.
                slot = i > 0 and toks[i - 1].lower == before
                rivals.append((rank + (0 if slot else len(hits)), _name_run(toks, i), hit.sentence))
    return [(text, sentence) for _, text, sentence in sorted(rivals, key=lambda r: r[0])]


# -- negation -----------------------------------------------------------------------------


def _is_negator(token: Token) -> bool:
    return token.lower in NEGATORS or token.lower.endswith("n't")


def _negation_cues(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Every negation of a sentence as (cue position, first position it negates): "not",
    "no", "never", "n't"; "refused to", "failed to", "unable to", "unwilling to" (the
    act did not happen); "lack of" (the thing is absent)."""
    cues = []
    for i, t in enumerate(tokens):
        if _is_negator(t):
            cues.append((i, i + 1))
        elif t.stem in IMPLICIT_NEGATORS and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
            cues.append((i, i + 2))
        elif t.stem in ABSENCE:
            cues.append((i, i + 1))
    return cues


def _negated_tokens(tokens: Sequence[Token], start: int, *, reach: int = 6) -> list[Token]:
    """The content words a negation starting at ``start`` applies to, nearest first:
    hedges that pass it on ("no clear willingness to make concessions" negates
    "concessions") come last, and the scope ends at a comma or another negation."""
    words: list[Token] = []
    hedges: list[Token] = []
    for k in range(start, min(len(tokens), start + reach)):
        token = tokens[k]
        if _is_negator(token) or (k > start and tokens[k - 1].end < token.start - 1):
            break  # another negation, or punctuation between the words: a new clause
        if not token.is_stop:
            (hedges if token.stem in NEGATION_HEDGES else words).append(token)
    return words + hedges


def _negated_word(tokens: Sequence[Token], start: int) -> str | None:
    """The stem of the content word a negation applies to ("not known" -> know)."""
    return next((t.stem for t in _negated_tokens(tokens, start, reach=4)), None)


def check_negation(statement: Statement) -> list[Finding]:
    """A negation in the statement is in the source where the same thing is said, and a
    negation the source puts on a word the statement repeats is not dropped.

    Negations include "refused to", "failed to" and "lack of", and reach past hedges
    ("no clear sign of"); a dropped negation is looked for in the best evidence sentence
    and in the next one when it ranks almost as well."""
    source = statement.source
    tokens = statement.tokens
    findings = []
    cues = _negation_cues(tokens)
    for i, start in cues:
        hits = statement.local([i], window=5, k=2)
        target = _negated_word(tokens, start)
        plain = _states_plainly(statement, target)
        if plain is not None:
            # The sentence that best matches the whole statement says it without the
            # negation: that outweighs a negation of the same word somewhere nearby
            # ("pleaded not guilty to murder" does not back "pleaded not guilty to
            # manslaughter" where the source says "pleaded guilty to manslaughter").
            findings.append(
                _fail(
                    "negation",
                    f"{tokens[i].text!r}: the best matching source sentence says it "
                    "without negation",
                    Label.CONTRADICTED,
                    STRONG,
                    [source.span(plain)],
                )
            )
        elif any(_negates(source.tokens[h.sentence], target) for h in hits):
            findings.append(
                _pass(
                    "negation",
                    f"the source also negates ({tokens[i].text!r})",
                    _spans(source, hits[:1]),
                )
            )
        elif hits:
            findings.append(
                _fail(
                    "negation",
                    f"{tokens[i].text!r}: the source says it without negation",
                    Label.CONTRADICTED,
                    STRONG,
                    _spans(source, hits[:1]),
                )
            )
    if not cues:
        findings.extend(_dropped_findings(statement))
    return findings


def _states_plainly(statement: Statement, target: str | None) -> int | None:
    """The statement's best evidence sentence, when it has ``target`` and no negation of
    it: the source states plainly what the statement negates."""
    if target is None or not statement.ranked:
        return None
    best = statement.ranked[0].sentence
    sentence = statement.source.tokens[best]
    if target in statement.source.sentence_stems[best] and not _negates(sentence, target):
        return best
    return None


def _dropped_findings(statement: Statement, *, close: float = 0.7) -> list[Finding]:
    """A negation of the best evidence sentences that the statement drops, if any."""
    ranked = statement.ranked
    best = [h for h in ranked[:2] if ranked and h.score >= close * ranked[0].score]
    for hit in best:
        dropped = _dropped_negation(statement, statement.source.tokens[hit.sentence])
        if dropped:
            return [
                _fail(
                    "negation",
                    f"the source says {dropped!r}; the statement drops the negation",
                    Label.CONTRADICTED,
                    STRONG,
                    [statement.source.span(hit.sentence)],
                )
            ]
    return []


def _negates(sentence: Sequence[Token], target: str | None) -> bool:
    """True when ``sentence`` has a negation, with the negated word (or a word of the
    same meaning) in its scope when given: the source negates the same thing."""
    cues = _negation_cues(sentence)
    if target is None or not cues:
        return bool(cues)
    near = {target} | SAME_SIDE.get(target, frozenset()) | SYNONYM.get(target, frozenset())
    return any(t.stem in near for _, start in cues for t in _negated_tokens(sentence, start))


def _dropped_negation(statement: Statement, evidence: Sequence[Token]) -> str | None:
    """A negated word of ``evidence`` the statement uses without negation, if any."""
    for j, start in _negation_cues(evidence):
        head = next(iter(_negated_tokens(evidence, start)), None)
        if head is None:
            continue
        # The word must occur in the evidence only under this negation, and the
        # statement must use it.
        uses = sum(1 for other in evidence if other.stem == head.stem)
        if uses == 1 and head.stem in statement.stems:
            return statement.source.document.text[evidence[j].start : head.end]
    return None


# -- antonyms ---------------------------------------------------------------------------------


def _in_compound(word: str, sentence: Sequence[Token]) -> str | None:
    """A token of ``sentence`` that starts with ``word`` as a compound ("cliff" in
    "clifftop"), if any; short words never match, so "car" is not in "career"."""
    if len(word) < 4:
        return None
    for token in sentence:
        rest = token.lower[len(word) :]
        if token.lower.startswith(word) and len(rest) >= 3 and rest.isalpha():
            return token.text
    return None


def _find_word(words: frozenset[str], sentence: Sequence[Token]) -> str | None:
    """The first token of ``sentence`` whose stem is one of ``words``, or that is a
    compound of one."""
    for token in sentence:
        if token.stem in words:
            return token.text
    for word in sorted(words):
        found = _in_compound(word, sentence)
        if found is not None:
            return found
    return None


def check_antonyms(statement: Statement) -> list[Finding]:
    """Opposites and swaps: a word of the statement that the local evidence lacks while
    it holds the word's opposite ("sales rose" where the source says "sales fell") or a
    rival of its closed class (a colour, a gender, a role, a crime) is contradicted."""
    source = statement.source
    findings = []
    for i, t in enumerate(statement.tokens):
        opposites = OPPOSITE.get(t.stem, frozenset()) | RIVAL.get(t.stem, frozenset())
        if not opposites:
            continue
        hits = statement.local([i], window=5, k=2)
        near = [source.sentence_stems[h.sentence] for h in hits]
        same = SAME_SIDE.get(t.stem, frozenset()) | {t.stem}
        if any(same & s for s in near) or any(
            _in_compound(t.stem, source.tokens[h.sentence]) for h in hits
        ):
            findings.append(
                _pass("antonyms", f"{t.text!r} is what the source says", _spans(source, hits[:1]))
            )
            continue
        clash = [
            (h, found)
            for h in hits
            for found in [_find_word(opposites, source.tokens[h.sentence])]
            if found is not None
        ]
        if clash:
            sentence = clash[0][0].sentence
            found = clash[0][1]
            kind = "the opposite" if t.stem in OPPOSITE else "something else"
            findings.append(
                _fail(
                    "antonyms",
                    f"{t.text!r}: the source says {kind} ({found!r})",
                    Label.CONTRADICTED,
                    STRONG,
                    [source.span(sentence)],
                )
            )
    return findings


# -- quotes -----------------------------------------------------------------------------------

_QUOTED = re.compile(r"[\"“”]([^\"“”]{2,}?)[\"“”]|‘([^‘’]{2,}?)’(?!\w)")
_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "})
_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|stated|states|wrote|writes|added|adds|"
    r"according|asked|insisted|claimed|declared|announced|noted|warned)\b",
    re.IGNORECASE,
)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_FOLD)).lower()


def check_quotes(statement: Statement) -> list[Finding]:
    """Quoted words are verbatim in the source (quote marks, dashes, case and spacing
    folded, nothing else), and the person the statement says spoke them is named where
    the source gives them. A quote that is not verbatim never passes."""
    source = statement.source
    findings = []
    for match in _QUOTED.finditer(statement.text):
        words = (match.group(1) or match.group(2) or "").strip(" ,.")
        if len(words.split()) < 2:
            continue  # a scare-quoted term, not speech
        span = source.find_folded(words)
        if span is None:
            findings.append(_misquote(statement, words))
            continue
        found = source.document.sentence_at(span.start)
        sentence = found.index if found is not None else None
        findings.append(_pass("quotes", f"verbatim in the source: {words[:50]!r}", [span]))
        if sentence is not None:
            speaker = _speaker_finding(statement, match.start(), match.end(), span, sentence)
            if speaker is not None:
                findings.append(speaker)
    return findings


def _misquote(statement: Statement, words: str) -> Finding:
    """A quote that is not verbatim: contradicted when a close variant is in the source."""
    hits = statement.source.index.rank(words, k=1)
    if hits:
        evidence = statement.source.tokens[hits[0].sentence]
        mine = {t.stem for t in tokenize(words) if not t.is_stop}
        theirs = {t.stem for t in evidence}
        if mine and len(mine & theirs) / len(mine) >= 0.6:
            return _fail(
                "quotes",
                f"misquoted: {words[:50]!r} is not verbatim in the source",
                Label.CONTRADICTED,
                STRONG,
                _spans(statement.source, hits),
            )
    return _fail(
        "quotes", f"the source has no such quote: {words[:50]!r}", Label.UNSUPPORTED, STRONG
    )


def _paragraph_of(source: SourceFacts, sentence: int) -> list[int]:
    para = source.document.sentences[sentence].paragraph
    return [s.index for s in source.document.sentences if s.paragraph == para]


def _speaker_finding(
    statement: Statement, start: int, end: int, found: Span, sentence: int
) -> Finding | None:
    """Check the speaker the statement names for a quote against the source: the speaker
    the offline reader found for that quote, else the names around it."""
    outside = statement.text[:start] + " " * (end - start) + statement.text[end:]
    if not _SPEECH.search(outside):
        return None
    toks = [t for t in statement.tokens if t.start < start or t.start >= end]
    names = [t for i, t in enumerate(toks) if _is_name(toks, i, statement.source.capitalised)]
    if not names:
        return None
    mine = {key for t in names for key in _name_keys(t)}
    source = statement.source
    around, near_names = _names_around(source, sentence)
    spans = [source.span(i) for i in around[:3]]
    quote = next((q for q in source.quotes if q.span.overlaps(found)), None)
    speaker = _speaker_keys(quote) if quote is not None else frozenset()
    who = names[0].text
    if speaker:
        assert quote is not None
        said_by = quote.speaker_name or (quote.speaker.text if quote.speaker else "someone")
        cited = [span for span in (quote.speaker, quote.span) if span is not None]
        if mine & speaker:
            return _pass("quotes", f"said by {said_by} in the source too", cited)
        # Named near the quote, but not its speaker: a doubt (the reader may be wrong).
        severity = DOUBT if mine & near_names else STRONG
        message = f"the source gives this quote to {said_by}, not {who}"
        return _fail("quotes", message, Label.CONTRADICTED, severity, cited)
    if mine & near_names:
        return _pass("quotes", f"{who} is named where the source gives the quote", spans)
    message = f"the source does not attribute this quote to {who}"
    return _fail("quotes", message, Label.CONTRADICTED, STRONG, spans)


def _names_around(source: SourceFacts, sentence: int) -> tuple[list[int], set[str]]:
    """The sentences of a quote's paragraph and the names in them; the paragraph before
    joins when this one names nobody ("..., he said")."""
    around = _paragraph_of(source, sentence)
    names: set[str] = set().union(*(source.sentence_names[i] for i in around))
    if not names:
        para = source.document.sentences[sentence].paragraph
        before = [s.index for s in source.document.sentences if s.paragraph == para - 1]
        around = before + around
        names = set().union(*(source.sentence_names[i] for i in around))
    return around, names


def _speaker_keys(quote: Quote) -> frozenset[str]:
    """Name keys of a source quote's speaker: its resolved name and its mention."""
    words = " ".join(
        part for part in (quote.speaker_name, quote.speaker.text if quote.speaker else None) if part
    )
    tokens = tokenize(words)
    return frozenset(
        key for i, t in enumerate(tokens) if _is_name(tokens, i) for key in _name_keys(t)
    )


# -- novelty ----------------------------------------------------------------------------------


def _is_content(statement: Statement, i: int) -> bool:
    token = statement.tokens[i]
    return (
        not token.is_stop
        and not token.is_number
        and _word_number(token.lower) is None  # "two"; "one-year" stays content
        and token.text.replace("-", "").isalpha()
        and len(token.text) > 2
        and not token.text.isupper()
        and not (
            token.is_capitalised
            and (i or _is_name(statement.tokens, i, statement.source.capitalised))
        )
    )


def _known(word: str, stems: frozenset[str]) -> bool:
    """True when the stem or one of its listed synonyms is in ``stems``. (The sides of
    the opposites list are not synonyms: "accept" and "support" share a side.)"""
    return word in stems or bool(SYNONYM.get(word, frozenset()) & stems)


def check_novelty(statement: Statement, *, max_share: float = 0.3, run: int = 3) -> list[Finding]:
    """Content the source does not contain: the share of the statement's content words
    (names and numbers aside: other checks cover them) that appear nowhere in the source,
    listed synonyms allowed. Above ``max_share``, or with ``run`` new content words in a
    row (an inserted phrase: "a nuclear bomb test"), the sentence is unsupported; fewer
    new words are a doubt in proportion."""
    source = statement.source
    content = [t for i, t in enumerate(statement.tokens) if _is_content(statement, i)]
    if not content:
        return []
    new = [not _known(t.stem, source.stems) for t in content]
    novel = [t for t, is_new in zip(content, new, strict=True) if is_new]
    # A verb the source has only as its noun ("agreed" for "agreement"), or the other
    # way round, is half new: the source may not say that the act happened.
    related = [
        t for t, is_new in zip(content, new, strict=True) if not is_new and _other_form(t, source)
    ]
    share = (len(novel) + 0.5 * len(related)) / len(content)
    evidence = _spans(source, statement.ranked[:1])
    if not novel and not related:
        return [_pass("novelty", "every content word is in the source", evidence)]
    parts = []
    if novel:
        parts.append("the source never says " + ", ".join(repr(t.text) for t in novel[:5]))
    if related:
        others = ", ".join(repr(t.text) for t in related[:5])
        parts.append(f"it has {others} only in another word form")
    message = f"{'; '.join(parts)} ({share:.0%} of the content words)"
    inserted = _longest_run(new) >= run
    if inserted:
        message += f"; {run} or more new words in a row"
    severity = STRONG if share > max_share or inserted else DOUBT * share / max_share
    return [_fail("novelty", message, Label.UNSUPPORTED, severity, evidence)]


def _other_form(token: Token, source: SourceFacts) -> bool:
    """True when the source has the token's stem only in another derivational form (a
    verb only as its noun, a noun only as its verb), and no listed synonym."""
    return form(token.lower) not in source.forms and not (
        SYNONYM.get(token.stem, frozenset()) & source.stems
    )


def _longest_run(flags: Sequence[bool]) -> int:
    longest = current = 0
    for flag in flags:
        current = current + 1 if flag else 0
        longest = max(longest, current)
    return longest


def check_evidence(statement: Statement) -> list[Finding]:
    """The source has at least one sentence that shares a content word with the
    statement; with none, there is nothing it could rest on."""
    if statement.ranked:
        top = statement.source.span(statement.ranked[0].sentence)
        return [_pass("evidence", "the best matching source sentence", [top])]
    if not any(not t.is_stop for t in statement.tokens):
        return [
            _fail("evidence", "the sentence states nothing to check", Label.UNSUPPORTED, STRONG)
        ]
    return [
        _fail(
            "evidence",
            "no source sentence shares a word with it",
            Label.UNSUPPORTED,
            STRONG,
        )
    ]


# -- all checks ---------------------------------------------------------------------------------

CHECKS: dict[str, Callable[[Statement], list[Finding]]] = {
    "evidence": check_evidence,
    "numbers": check_numbers,
    "dates": check_dates,
    "entities": check_entities,
    "negation": check_negation,
    "antonyms": check_antonyms,
    "quotes": check_quotes,
    "novelty": check_novelty,
}


def run_checks(statement: Statement) -> list[Finding]:
    """Every check's findings for one statement sentence, in a fixed order."""
    return [finding for check in CHECKS.values() for finding in check(statement)]
