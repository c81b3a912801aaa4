"""Attribution audits: who said what, what no one is credited with, and misquotes.

``build_audit()`` turns an ``Extraction`` into an ``AttributionAudit``: one row per attribution
(the PARC source-cue-content triple, flattened for tables), a summary per source, the
claims no one is credited with, the quotes with no speaker, and, given a derived text (a
briefing, a rewrite, another outlet's copy), a check of every quote in it against the
source: verbatim or not, and credited to the same speaker or not.

Every span in an audit indexes the source text, except the derived quotes' own spans,
which index the derived text; the model checks both on construction.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Self

from pydantic import Field, model_validator
from rapidfuzz import fuzz

from sourcecheck._models import (
    Attribution,
    AttributionKind,
    Claim,
    Extraction,
    FrozenModel,
    GroundingStatus,
    Quote,
    QuoteKind,
    ReaderInfo,
    Span,
    iter_spans,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "AttributionAudit",
    "AuditRow",
    "DerivedQuoteCheck",
    "QuoteMatch",
    "SourceSummary",
    "SpeakerMatch",
    "build_audit",
    "check_quotes",
    "derived_quotes",
    "render_text",
    "same_person",
]

# A derived quote at least this similar (rapidfuzz partial ratio, 0-100, on folded text)
# to a stretch of the source is taken as an altered copy of it; below, it is not found.
_ALTERED_MIN_SIMILARITY = 70.0
# Quotes this short are too easy to match by chance against a long source.
_MIN_FUZZY_CHARS = 12
_UNNAMED = "(no source named)"


class QuoteMatch(StrEnum):
    """How a quote in a derived text compares with the source."""

    VERBATIM = "verbatim"  # the source has these words inside quotation marks
    ALTERED = "altered"  # the source has something close, but not these words
    UNQUOTED = "unquoted"  # the words are in the source, but no one is quoted saying them
    NOT_FOUND = "not-found"  # nothing like it in the source


class SpeakerMatch(StrEnum):
    SAME = "same"
    DIFFERENT = "different"
    UNKNOWN = "unknown"  # one side names no speaker


class AuditRow(FrozenModel):
    """One attribution, flattened: source, role, named or anonymous, cue, kind, content."""

    source_name: str | None
    source_role: str | None
    anonymous: bool
    cue: str | None
    kind: AttributionKind
    content: str
    content_span: Span
    source_span: Span | None = None
    cue_span: Span | None = None
    grounding: GroundingStatus = GroundingStatus.EXACT

    @property
    def named(self) -> bool:
        """True when the text credits a named source (not anonymous, not missing)."""
        return bool(self.source_name) and not self.anonymous

    @classmethod
    def of(cls, attribution: Attribution) -> AuditRow:
        return cls(
            source_name=attribution.source_name
            or (attribution.source.text if attribution.source else None),
            source_role=attribution.source_role,
            anonymous=attribution.anonymous,
            cue=attribution.cue.text if attribution.cue else None,
            kind=attribution.kind,
            content=attribution.content.text,
            content_span=attribution.content,
            source_span=attribution.source,
            cue_span=attribution.cue,
            grounding=attribution.grounding,
        )


class SourceSummary(FrozenModel):
    """Everything one source is credited with."""

    name: str
    role: str | None = None
    anonymous: bool = False
    attributions: int = 0
    claims: int = 0
    direct_quotes: int = 0
    quotes: tuple[Span, ...] = ()  # every quote the source is credited with
    cues: tuple[str, ...] = ()


class DerivedQuoteCheck(FrozenModel):
    """One quote of a derived text, checked against the source.

    ``quote`` indexes the derived text; ``source_span`` indexes the source.
    """

    quote: Span
    speaker: str | None = None
    match: QuoteMatch
    similarity: float = Field(ge=0.0, le=1.0)
    source_span: Span | None = None
    source_speaker: str | None = None
    speaker_match: SpeakerMatch = SpeakerMatch.UNKNOWN
    changes: tuple[str, ...] = ()  # "strongly -> firmly", word by word

    @property
    def flagged(self) -> bool:
        """True when the quote is not verbatim or is credited to someone else."""
        return self.match is not QuoteMatch.VERBATIM or self.speaker_match is SpeakerMatch.DIFFERENT


class AttributionAudit(FrozenModel):
    """Who said what in an article, and what no one is credited with.

    Example:
        >>> import sourcecheck as sc
        >>> report = sc.audit('"Prices will fall," the minister said on Friday.')
        >>> [(row.source_name, row.kind.value) for row in report.rows]
        [('minister', 'direct')]
    """

    text: str
    rows: tuple[AuditRow, ...] = ()
    sources: tuple[SourceSummary, ...] = ()
    uncredited: tuple[Claim, ...] = ()
    unattributed_quotes: tuple[Quote, ...] = ()
    derived: str | None = None
    derived_quotes: tuple[DerivedQuoteCheck, ...] = ()
    reader: ReaderInfo = ReaderInfo()
    warnings: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _spans_are_grounded(self) -> Self:
        held = (self.rows, self.sources, self.uncredited, self.unattributed_quotes)
        for span in iter_spans(held):
            span.check(self.text)
        for check in self.derived_quotes:
            if self.derived is None:
                raise ValueError("derived quote checks need the derived text")
            check.quote.check(self.derived)
            if check.source_span is not None:
                check.source_span.check(self.text)
        return self

    @property
    def flagged(self) -> tuple[DerivedQuoteCheck, ...]:
        """The derived text's quotes that are altered, missing or misattributed."""
        return tuple(c for c in self.derived_quotes if c.flagged)

    def source(self, name: str) -> SourceSummary | None:
        """The summary of the source called ``name`` (or a shorter form of it)."""
        for summary in self.sources:
            if same_person(summary.name, name):
                return summary
        return None

    def to_text(self) -> str:
        """A plain-text report for the terminal."""
        return render_text(self)

    def __str__(self) -> str:
        return self.to_text()

    def to_pandas(self, what: str = "attributions") -> pd.DataFrame:
        """A table: ``attributions`` (default), ``sources``, ``uncredited``,
        ``unattributed_quotes`` or ``derived``. Needs the ``pandas`` extra."""
        from sourcecheck._tables import audit_frame

        return audit_frame(self, what)

    def _repr_html_(self) -> str:
        from sourcecheck._html import audit_html

        return audit_html(self)


# -- building an audit ---------------------------------------------------------------


def build_audit(extraction: Extraction, derived: Extraction | None = None) -> AttributionAudit:
    """The audit of an extraction already made (and of a derived text's, if given).

    ``sourcecheck.audit`` reads text first; this is the part that needs no reader, so
    renderers can use it without reaching the reading layer.
    """
    rows = tuple(AuditRow.of(a) for a in extraction.attributions)
    groups = _SourceGroups(rows, extraction.quotes)
    return AttributionAudit(
        text=extraction.text,
        rows=rows,
        sources=groups.summaries(extraction.claims),
        uncredited=tuple(c for c in extraction.claims if not _credited(c)),
        unattributed_quotes=tuple(q for q in extraction.quotes if not _speaker_of(q)),
        derived=derived.text if derived else None,
        derived_quotes=tuple(check_quotes(extraction, derived_quotes(derived))) if derived else (),
        reader=extraction.reader,
        warnings=extraction.warnings,
    )


# Words in double quotation marks (curly or straight), inside one paragraph.
_QUOTED = re.compile(r"“([^“”\n]+)”|\"([^\"\n]+)\"")


def derived_quotes(derived: Extraction) -> list[Quote]:
    """The quotes of a derived text to check: the reader's, plus any other words of two
    or more in double quotation marks. A reader sets short quoted phrases aside as scare
    quotes, but in a text written from a source a quoted phrase is a claim that someone
    said those words, and it is checked like any other quote."""
    quotes = sorted(derived.quotes, key=lambda q: q.span.start)
    for match in _QUOTED.finditer(derived.text):
        group = 1 if match.group(1) is not None else 2
        span = Span.of(derived.text, match.start(group), match.end(group))
        if len(span.text.split()) >= 2 and not any(q.span.overlaps(span) for q in quotes):
            quotes.append(Quote(span=span, kind=QuoteKind.PARTIAL))
    return sorted(quotes, key=lambda q: q.span.start)


def _credited(claim: Claim) -> bool:
    attribution = claim.attribution
    return attribution is not None and bool(attribution.source_name or attribution.source)


def _speaker_of(quote: Quote) -> str | None:
    return quote.speaker_name or (quote.speaker.text if quote.speaker else None)


# -- names -----------------------------------------------------------------------------

_NAME_NOISE = frozenset({"the", "a", "an", "mr", "mrs", "ms", "dr", "prof", "sir"})


def _name_tokens(name: str) -> frozenset[str]:
    words = re.findall(r"[^\W_]+", name.casefold())
    return frozenset(w for w in words if w not in _NAME_NOISE)


def same_person(a: str | None, b: str | None) -> bool:
    """True when two names plausibly name one source: equal, or one is a shorter form
    of the other ("Witkoff" and "Steve Witkoff").

    Example:
        >>> same_person("Witkoff", "Steve Witkoff"), same_person("Witkoff", "Trump")
        (True, False)
    """
    if not a or not b:
        return False
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb:
        return False
    return ta <= tb or tb <= ta


class _SourceGroups:
    """Attributions and quotes grouped by source, a short name merged into the one
    longer name that contains it."""

    def __init__(self, rows: Sequence[AuditRow], quotes: Sequence[Quote]) -> None:
        self.rows = rows
        self.quotes = quotes
        names = [r.source_name for r in rows if r.source_name]
        names += [n for n in (_speaker_of(q) for q in quotes) if n]
        self.canonical = _canonical_names(names)

    def key(self, name: str | None) -> str:
        if not name:
            return _UNNAMED
        return self.canonical.get(name, name)

    def summaries(self, claims: Sequence[Claim]) -> tuple[SourceSummary, ...]:
        tallies: dict[str, _Tally] = {}  # in order of first appearance

        def tally(name: str | None) -> _Tally:
            return tallies.setdefault(self.key(name), _Tally())

        for row in self.rows:
            entry = tally(row.source_name)
            entry.attributions += 1
            entry.roles.append(row.source_role)
            entry.anonymous.append(row.anonymous)
            if row.cue:
                entry.cues.append(row.cue)
        for quote in self.quotes:
            speaker = _speaker_of(quote)
            if not speaker:
                continue  # listed with the quotes that have no speaker, not as a source
            entry = tally(speaker)
            entry.quotes.append(quote.span)
            entry.roles.append(quote.speaker_role)
            entry.direct_quotes += quote.kind is QuoteKind.DIRECT
        for claim in claims:
            if claim.attribution is not None and _credited(claim):
                attribution = claim.attribution
                tally(attribution.source_name or _source_text(attribution)).claims += 1
        return tuple(entry.summary(name) for name, entry in tallies.items())


@dataclass
class _Tally:
    """What one source is credited with, gathered before it becomes a summary."""

    attributions: int = 0
    claims: int = 0
    direct_quotes: int = 0
    roles: list[str | None] = field(default_factory=list)
    anonymous: list[bool] = field(default_factory=list)
    quotes: list[Span] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)

    def summary(self, name: str) -> SourceSummary:
        roles = [r for r in self.roles if r]
        return SourceSummary(
            name=name,
            # The role the text gives most often ("U.S. Special Envoy"), if any.
            role=max(roles, key=roles.count) if roles else None,
            anonymous=bool(self.anonymous) and all(self.anonymous),
            attributions=self.attributions,
            claims=self.claims,
            direct_quotes=self.direct_quotes,
            quotes=tuple(sorted(self.quotes, key=lambda s: s.start)),
            cues=tuple(dict.fromkeys(self.cues)),
        )


def _source_text(attribution: Attribution) -> str | None:
    return attribution.source.text if attribution.source else None


def _canonical_names(names: Iterable[str]) -> dict[str, str]:
    """Map each name to the longest name it is a short form of, when that is unique."""
    distinct = list(dict.fromkeys(names))
    canonical: dict[str, str] = {}
    for name in distinct:
        tokens = _name_tokens(name)
        if not tokens:
            continue
        longer = [o for o in distinct if tokens < _name_tokens(o)]
        if longer:
            best = max(longer, key=lambda o: len(_name_tokens(o)))
            # Two full names ("Ann Lee", "Bo Lee") both contain "Lee": leave it alone.
            if all(_name_tokens(o) <= _name_tokens(best) for o in longer):
                canonical[name] = best
                continue
        # The same name written twice ("Steve Witkoff", "steve witkoff"): the first wins.
        first = next(o for o in distinct if _name_tokens(o) == tokens)
        if first != name:
            canonical[name] = first
    # A short form may map to a name that itself maps on; follow the chain once.
    return {name: canonical.get(target, target) for name, target in canonical.items()}


# -- derived quotes --------------------------------------------------------------------

_FOLD = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "—": "-",
        "–": "-",
        "‑": "-",
        "―": "-",
        "\u00a0": " ",
    }
)
_EDGE_PUNCTUATION = " \t\n.,;:!?…\"'“”‘’"


def _fold(text: str, start: int = 0) -> tuple[str, list[int]]:
    """Case, quote marks, dashes and whitespace runs folded; ``positions[i]`` is the
    offset in the original text of folded character ``i`` (plus ``start``)."""
    chars: list[str] = []
    positions: list[int] = []
    previous_space = False
    for i, original in enumerate(text):
        # casefold may turn one character into several ("ß" -> "ss"): each keeps the
        # offset of the character it came from, so the map stays exact.
        for char in original.translate(_FOLD).casefold():
            if char.isspace():
                if previous_space:
                    continue
                char = " "
            previous_space = char == " "
            chars.append(char)
            positions.append(start + i)
    return "".join(chars), positions


def _core(text: str) -> tuple[int, int]:
    """The quote without surrounding whitespace and punctuation, as offsets."""
    start, end = 0, len(text)
    while start < end and text[start] in _EDGE_PUNCTUATION:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCTUATION:
        end -= 1
    return start, end


def check_quotes(source: Extraction, quotes: Sequence[Quote]) -> list[DerivedQuoteCheck]:
    """Check each quote of a derived text against the source extraction."""
    folded, positions = _fold(source.text)
    return [_check_quote(source, folded, positions, quote) for quote in quotes]


def _check_quote(
    source: Extraction, folded: str, positions: list[int], quote: Quote
) -> DerivedQuoteCheck:
    start, end = _core(quote.span.text)
    words = quote.span.text[start:end]
    found = _find(source, folded, positions, words)
    speaker = _speaker_of(quote)
    if found is None:
        return DerivedQuoteCheck(
            quote=quote.span, speaker=speaker, match=QuoteMatch.NOT_FOUND, similarity=0.0
        )
    span, match, similarity = found
    source_speaker = _source_speaker(source, span)
    return DerivedQuoteCheck(
        quote=quote.span,
        speaker=speaker,
        match=match,
        similarity=round(similarity, 3),
        source_span=span,
        source_speaker=source_speaker,
        speaker_match=_speaker_match(speaker, source_speaker),
        changes=tuple(_changes(span.text, words)) if match is QuoteMatch.ALTERED else (),
    )


def _find(
    source: Extraction, folded: str, positions: list[int], words: str
) -> tuple[Span, QuoteMatch, float] | None:
    if not words:
        return None
    needle, _ = _fold(words)
    quoted = [q.span for q in source.quotes]
    hits = [m.start() for m in re.finditer(re.escape(needle), folded)]
    if hits:
        spans = [_unfold(source.text, positions, at, at + len(needle)) for at in hits]
        inside = [s for s in spans if any(q.contains(s) for q in quoted)]
        if inside:
            return inside[0], QuoteMatch.VERBATIM, 1.0
        return spans[0], QuoteMatch.UNQUOTED, 1.0
    if len(needle) < _MIN_FUZZY_CHARS:
        return None
    return _closest(source.text, folded, positions, needle, quoted)


def _closest(
    text: str, folded: str, positions: list[int], needle: str, quoted: Sequence[Span]
) -> tuple[Span, QuoteMatch, float] | None:
    """The stretch of the source most like ``needle``: first among the source's quotes,
    then anywhere (a paraphrase put in quotation marks)."""
    regions = [(_folded_index(positions, q.start), _folded_index(positions, q.end)) for q in quoted]
    regions.append((0, len(folded)))
    for begin, finish in regions:
        if finish - begin < _MIN_FUZZY_CHARS // 2:
            continue
        hay = folded[begin:finish]
        found = fuzz.partial_ratio_alignment(needle, hay)
        if found is not None and found.score >= _ALTERED_MIN_SIMILARITY:
            span = _unfold(text, positions, begin + found.dest_start, begin + found.dest_end)
            span = _widen_to_words(text, span)
            return span, QuoteMatch.ALTERED, found.score / 100.0
    return None


def _folded_index(positions: list[int], offset: int) -> int:
    return bisect_left(positions, offset)


def _unfold(text: str, positions: list[int], start: int, end: int) -> Span:
    if start >= len(positions):
        return Span.of(text, len(text), len(text))
    begin = positions[start]
    finish = positions[end - 1] + 1 if end > start else begin
    return Span.of(text, begin, finish)


def _widen_to_words(text: str, span: Span) -> Span:
    """A fuzzy match may start or stop mid-word; show whole words."""
    start, end = span.start, span.end
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and end > 0 and text[end - 1].isalnum():
        end += 1
    return Span.of(text, start, end)


def _changes(original: str, copy: str) -> list[str]:
    """Word-level differences, as ``old -> new`` (``+ new`` or ``- old`` for one side)."""
    old = re.findall(r"\S+", original)
    new = re.findall(r"\S+", copy)
    matcher = difflib.SequenceMatcher(
        a=[_fold(w.strip(_EDGE_PUNCTUATION))[0] for w in old],
        b=[_fold(w.strip(_EDGE_PUNCTUATION))[0] for w in new],
        autojunk=False,
    )
    changes = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        before = " ".join(w.strip(_EDGE_PUNCTUATION) for w in old[a1:a2])
        after = " ".join(w.strip(_EDGE_PUNCTUATION) for w in new[b1:b2])
        if tag == "replace":
            changes.append(f"{before} -> {after}")
        elif tag == "delete":
            changes.append(f"- {before}")
        elif tag == "insert":
            changes.append(f"+ {after}")
    return changes


def _source_speaker(source: Extraction, span: Span) -> str | None:
    for quote in source.quotes:
        if quote.span.overlaps(span) and _speaker_of(quote):
            return _speaker_of(quote)
    for attribution in source.attributions:
        if attribution.content.overlaps(span) and (attribution.source_name or attribution.source):
            return attribution.source_name or _source_text(attribution)
    return None


_PRONOUNS = frozenset(
    ["he", "she", "they", "we", "i", "it", "him", "her", "them", "his", "hers", "their"]
)


def _speaker_match(derived: str | None, source: str | None) -> SpeakerMatch:
    # A pronoun the reader could not resolve names no one: it cannot confirm or contradict.
    if not derived or not source or _name_tokens(derived) <= _PRONOUNS:
        return SpeakerMatch.UNKNOWN
    return SpeakerMatch.SAME if same_person(derived, source) else SpeakerMatch.DIFFERENT


# -- text rendering --------------------------------------------------------------------


def _clip(text: str, limit: int = 110) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _who(name: str | None, role: str | None, anonymous: bool) -> str:
    who = name or _UNNAMED
    if role:
        who += f" ({role})"
    return who + (" [anonymous]" if anonymous else "")


def render_text(report: AttributionAudit) -> str:
    """The audit as plain text: sources, attributions, uncredited claims, quote checks."""
    lines = [
        f"{len(report.rows)} attributions, {len(report.sources)} sources, "
        f"{len(report.uncredited)} uncredited claims, "
        f"{len(report.unattributed_quotes)} quotes without a speaker",
        "",
        "Sources",
    ]
    for s in report.sources:
        lines.append(
            f"  - {_who(s.name, s.role, s.anonymous)}: {s.attributions} attributions, "
            f"{s.claims} claims, {len(s.quotes)} quotes ({s.direct_quotes} direct)"
        )
    lines += ["", "Attributions"]
    for r in report.rows:
        lines.append(
            f"  - {_who(r.source_name, r.source_role, r.anonymous)} | {r.cue or '-'} | "
            f"{r.kind.value} @{r.content_span.start}: {_clip(r.content)}"
        )
    lines += ["", "Claims no one is credited with"]
    lines += [f"  - [{c.kind.value}] {_clip(c.text)}" for c in report.uncredited] or ["  (none)"]
    lines += ["", "Quotes without a speaker"]
    lines += [f"  - “{_clip(q.span.text)}”" for q in report.unattributed_quotes] or ["  (none)"]
    if report.derived is not None:
        lines += ["", f"Quotes in the derived text ({len(report.flagged)} flagged)"]
        lines += [_derived_line(c) for c in report.derived_quotes] or ["  (no quotes found)"]
    lines += [f"warning: {w}" for w in report.warnings]
    return "\n".join(lines)


def _derived_line(check: DerivedQuoteCheck) -> str:
    mark = "✗" if check.flagged else "✓"
    speaker = f"speaker {check.speaker_match.value}"
    if check.speaker_match is SpeakerMatch.DIFFERENT:
        speaker += f" ({check.speaker} vs {check.source_speaker})"
    detail = f"; changes: {', '.join(check.changes)}" if check.changes else ""
    return f"  {mark} “{_clip(check.quote.text, 80)}” — {check.match.value}, {speaker}{detail}"
