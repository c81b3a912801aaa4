"""The data model: spans, quotes, attributions, claims, verdicts and extractions.

Every span anywhere obeys one invariant: ``source[span.start:span.end] == span.text``.
A ``Span`` checks its own length; an ``Extraction`` checks every span it holds against
its ``text`` when it is built or loaded from JSON, so a result that breaks the invariant
cannot exist.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any, Self, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sourcecheck._exceptions import GroundingError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Attribution",
    "AttributionKind",
    "Check",
    "CheckOutcome",
    "Claim",
    "ClaimKind",
    "Extraction",
    "FrozenModel",
    "GroundingStatus",
    "Label",
    "Quote",
    "QuoteKind",
    "ReaderInfo",
    "Span",
    "Usage",
    "Verdict",
    "iter_spans",
]


_new_object = object.__new__
_set_attribute = object.__setattr__
_Model = TypeVar("_Model", bound=BaseModel)


def build_trusted(model: type[_Model], /, **values: Any) -> _Model:
    """A model from values that already have its field types, without validation.

    For the readers' hot loops only (hundreds of models per article, 2-3 us of
    validation each): the caller guarantees the types (values taken from typed
    fields, enum members, not strings), and ``Extraction`` still checks every span
    against its text. A model with validators of its own, or whose defaults are
    mutable, must not be built this way.
    """
    template, required = _field_template(model)
    fields = template.copy()
    fields.update(values)
    if len(fields) != len(template) or not values.keys() >= required:
        raise TypeError(f"{model.__name__}: unknown or missing fields in {sorted(values)}")
    built = _new_object(model)
    _set_attribute(built, "__dict__", fields)
    _set_attribute(built, "__pydantic_fields_set__", set(values))
    _set_attribute(built, "__pydantic_extra__", None)
    _set_attribute(built, "__pydantic_private__", None)
    return built


@cache
def _field_template(model: type[BaseModel]) -> tuple[dict[str, Any], frozenset[str]]:
    """Every field of ``model`` in order with its default (None if it has none), and
    the names of the required fields."""
    template: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        if field.default_factory is not None:
            raise TypeError(f"{model.__name__}.{name} has a default factory")
        template[name] = None if field.is_required() else field.default
    required = frozenset(n for n, f in model.model_fields.items() if f.is_required())
    return template, required


class FrozenModel(BaseModel):
    """The base of every result model: immutable, and an unknown field is an error
    (a typo in a field name, or JSON from another version, fails loudly).

    Shared inside the package, not exported from ``sourcecheck``.

    Example:
        >>> from pydantic import ValidationError
        >>> try:
        ...     Span(start=0, end=3, text="dog", colour="red")
        ... except ValidationError as error:
        ...     print(error.errors()[0]["type"])
        extra_forbidden
    """

    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(FrozenModel):
    """A half-open character range ``[start, end)`` of a source text, with its text.

    Example:
        >>> source = "Witkoff said it."
        >>> span = Span.of(source, 0, 7)
        >>> span
        Span(start=0, end=7, text='Witkoff')
        >>> source[span.start:span.end] == span.text
        True
    """

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _length_matches(self) -> Self:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span [{self.start}, {self.end}) holds {len(self.text)} characters, "
                f"not {self.end - self.start}"
            )
        return self

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        """The span of ``source[start:end]``; raises ``GroundingError`` out of range."""
        if not 0 <= start <= end <= len(source):
            raise GroundingError(
                f"span [{start}, {end}) lies outside a text of {len(source)} characters"
            )
        if cls is not Span or type(start) is not int or type(end) is not int:
            return cls(start=start, end=end, text=source[start:end])
        # The text is sliced here, so validation has nothing left to check: set the
        # fields as ``model_construct`` would, without its per-field work (the readers
        # build hundreds of spans per article; validation was 2-3 us each).
        span = _new_object(Span)
        _set_attribute(span, "__dict__", {"start": start, "end": end, "text": source[start:end]})
        _set_attribute(span, "__pydantic_fields_set__", {"start", "end", "text"})
        _set_attribute(span, "__pydantic_extra__", None)
        _set_attribute(span, "__pydantic_private__", None)
        return span

    def check(self, source: str) -> None:
        """Raise ``GroundingError`` unless ``source[start:end] == text``."""
        if source[self.start : self.end] != self.text:
            raise GroundingError(
                f"span [{self.start}, {self.end}) says {self.text[:60]!r} but the source "
                f"holds {source[self.start : self.end][:60]!r}"
            )

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


class GroundingStatus(StrEnum):
    """How a piece of text returned by a reader was found in the source.

    Example:
        >>> import sourcecheck as sc
        >>> result = sc.extract('"We will rebuild," Mayor Ann Lee said on Monday.')
        >>> result.quotes[0].grounding
        <GroundingStatus.EXACT: 'exact'>
    """

    EXACT = "exact"
    NORMALIZED = "normalized"  # equal after folding case, whitespace, quotes, dashes
    FUZZY = "fuzzy"  # most of its tokens found close together
    NONE = "none"  # not found: kept and shown, never trusted


class QuoteKind(StrEnum):
    """What kind of quotation a ``Quote`` is.

    Example:
        >>> import sourcecheck as sc
        >>> result = sc.extract('"We will rebuild," Mayor Ann Lee said on Monday.')
        >>> result.quotes[0].kind
        <QuoteKind.DIRECT: 'direct'>
    """

    DIRECT = "direct"  # a whole quoted utterance
    PARTIAL = "partial"  # a quoted fragment inside reported speech
    MIXED = "mixed"  # quoted words and paraphrase in one content span


class AttributionKind(StrEnum):
    """How an ``Attribution`` reports its content: quoted, paraphrased, or "according to".

    Example:
        >>> import sourcecheck as sc
        >>> result = sc.extract("The bridge will reopen in May, officials said.")
        >>> result.attributions[0].kind
        <AttributionKind.INDIRECT: 'indirect'>
    """

    DIRECT = "direct"  # the content is a direct quote
    PARTIAL = "partial"  # the content is paraphrase containing a quoted fragment
    INDIRECT = "indirect"  # reported speech, thought or finding, no quote marks
    ACCORDING_TO = "according-to"  # "..., according to X"


class ClaimKind(StrEnum):
    """What a ``Claim`` is: a fact, a quote, an opinion or a prediction.

    Example:
        >>> import sourcecheck as sc
        >>> result = sc.extract('"We will rebuild," Mayor Ann Lee said on Monday.')
        >>> result.claims[0].kind
        <ClaimKind.QUOTE: 'quote'>
    """

    FACT = "fact"
    QUOTE = "quote"
    OPINION = "opinion"  # opinion or analysis
    PREDICTION = "prediction"


class Label(StrEnum):
    """A verdict's answer: does the source back the statement?

    Example:
        >>> import sourcecheck as sc
        >>> sc.verify("The bridge opened in 1932.", source="The bridge opened in 1932.").label
        <Label.SUPPORTED: 'supported'>
    """

    SUPPORTED = "supported"
    UNSUPPORTED = "unsupported"  # the source does not say it
    CONTRADICTED = "contradicted"  # the source says otherwise


class CheckOutcome(StrEnum):
    """What one ``Check`` found.

    Example:
        >>> import sourcecheck as sc
        >>> result = sc.verify("The bridge opened in 1932.", source="The bridge opened in 1932.")
        >>> result.sentences[0].verdict.checks[0].outcome
        <CheckOutcome.PASS: 'pass'>
    """

    PASS = "pass"
    FAIL = "fail"  # the check found a conflict or a missing piece
    ABSTAIN = "abstain"  # the check had nothing to look at


class Check(FrozenModel):
    """One named check that took part in a verdict, with the evidence it looked at.

    Example:
        >>> import sourcecheck as sc
        >>> result = sc.verify("The bridge opened in 1932.", source="The bridge opened in 1932.")
        >>> check = next(c for c in result.sentences[0].verdict.checks if c.name == "dates")
        >>> check.name, check.outcome.value, check.message
        ('dates', 'pass', "'1932' is in the source")
    """

    name: str
    outcome: CheckOutcome
    message: str = ""
    evidence: tuple[Span, ...] = ()


class Verdict(FrozenModel):
    """Whether the source backs an item, how strongly, and the checks that decided it.

    Example:
        >>> import sourcecheck as sc
        >>> verdict = sc.extract_claims("The bridge opened in 1932.")[0].verdict
        >>> verdict.label.value, verdict.score, verdict.supported
        ('supported', 1.0, True)
    """

    label: Label
    score: float = Field(ge=0.0, le=1.0)
    checks: tuple[Check, ...] = ()
    evidence: tuple[Span, ...] = ()

    @property
    def supported(self) -> bool:
        return self.label is Label.SUPPORTED


class Quote(FrozenModel):
    """Words in quotation marks, who said them, and how.

    Example:
        >>> import sourcecheck as sc
        >>> result = sc.extract('"We will rebuild," Mayor Ann Lee said on Monday.')
        >>> quote = result.quotes[0]
        >>> quote.span.text, quote.speaker.text, quote.speaker_name, quote.speaker_role
        ('We will rebuild', 'Mayor Ann Lee', 'Ann Lee', 'Mayor')
    """

    span: Span  # the quoted words, without the marks
    speaker: Span | None = None  # the speaker's mention in the text, if any
    speaker_name: str | None = None  # resolved name ("Steve Witkoff"), pronouns resolved
    speaker_role: str | None = None  # title or role ("U.S. Special Envoy")
    cue: Span | None = None  # "said", "stated", "according to"
    kind: QuoteKind = QuoteKind.DIRECT
    grounding: GroundingStatus = GroundingStatus.EXACT


class Attribution(FrozenModel):
    """A PARC/PolNeAR source-cue-content triple: who said, thinks or found what.

    Example:
        >>> import sourcecheck as sc
        >>> result = sc.extract("The bridge will reopen in May, officials said.")
        >>> a = result.attributions[0]
        >>> a.content.text, a.cue.text, a.source.text, a.anonymous
        ('The bridge will reopen in May', 'said', 'officials', True)
    """

    content: Span
    cue: Span | None = None
    source: Span | None = None  # absent when the text names no source at all
    source_name: str | None = None
    source_role: str | None = None
    kind: AttributionKind = AttributionKind.INDIRECT
    anonymous: bool = False  # "officials said", "a person familiar with the matter"
    grounding: GroundingStatus = GroundingStatus.EXACT


class Claim(FrozenModel):
    """A self-contained statement the article makes, grounded and verified.

    Example:
        >>> import sourcecheck as sc
        >>> claim = sc.extract_claims("The bridge opened in 1932.")[0]
        >>> claim.text, claim.kind.value, claim.evidence[0].end, claim.sentence
        ('The bridge opened in 1932.', 'fact', 26, 0)
    """

    text: str
    evidence: tuple[Span, ...]
    kind: ClaimKind = ClaimKind.FACT
    attribution: Attribution | None = None
    grounding: GroundingStatus = GroundingStatus.EXACT
    verdict: Verdict
    sentence: int | None = None  # index into Document.sentences


class Usage(FrozenModel):
    """Model calls and tokens spent on a result; zero for the offline reader.

    Example:
        >>> total = Usage(calls=1, prompt_tokens=900, completion_tokens=100) + Usage(calls=1)
        >>> total.calls, total.total_tokens, total.cost_usd
        (2, 1000, None)
    """

    calls: int = 0
    cached_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = None

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: Usage) -> Usage:
        cost = None
        if self.cost_usd is not None or other.cost_usd is not None:
            cost = (self.cost_usd or 0.0) + (other.cost_usd or 0.0)
        return Usage(
            calls=self.calls + other.calls,
            cached_calls=self.cached_calls + other.cached_calls,
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            cost_usd=cost,
        )


class ReaderInfo(FrozenModel):
    """Which reader produced a result: ``offline`` or a model, with its prompt.

    Example:
        >>> import sourcecheck as sc
        >>> sc.extract("The bridge opened in 1932.").reader
        ReaderInfo(name='offline', model=None, base_url=None, prompt=None, prompt_version=None)
    """

    name: str = "offline"
    model: str | None = None
    base_url: str | None = None
    prompt: str | None = None
    prompt_version: str | None = None


def iter_spans(value: Any) -> Iterator[Span]:
    """Every ``Span`` inside a model, tuple or list, depth first."""
    return iter(_spans_in(value))


def _spans_in(value: Any) -> list[Span]:
    """``iter_spans`` as a list: one call, no generator to resume for every span."""
    # An explicit stack, not recursion, and only the fields whose type can hold a span:
    # this walk runs on every Extraction built, over hundreds of models. The exact types
    # the models hold are tested first; subclasses take the general branches.
    spans: list[Span] = []
    found = spans.append
    stack = [value]
    pop, push, extend = stack.pop, stack.append, stack.extend
    while stack:
        item = pop()
        kind = type(item)
        if kind is Span:
            found(item)
        elif kind is tuple or kind is list:
            extend(reversed(item))
        elif isinstance(item, Span):
            found(item)
        elif isinstance(item, BaseModel):
            held = item.__dict__
            for name in _span_fields(type(item)):
                if (field := held.get(name)) is not None:
                    push(field)
        elif isinstance(item, list | tuple):
            extend(reversed(item))
    return spans


@cache
def _span_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` whose annotation may hold a ``Span``, last first (a stack)."""
    names = [n for n, f in model.model_fields.items() if _may_hold_span(f.annotation, set())]
    return tuple(reversed(names))


def _may_hold_span(annotation: Any, seen: set[type]) -> bool:
    if annotation is Any or annotation is object:
        return True
    if isinstance(annotation, type):
        if issubclass(annotation, Span):
            return True
        if issubclass(annotation, BaseModel):
            if annotation in seen:
                return False  # a cycle: the first visit answers
            seen.add(annotation)
            return any(_may_hold_span(f.annotation, seen) for f in annotation.model_fields.values())
        if not get_args(annotation):
            return False
    return any(_may_hold_span(arg, seen) for arg in get_args(annotation))


class Extraction(FrozenModel):
    """What a reader found in one article: claims, quotes and attributions.

    Example:
        >>> import sourcecheck as sc
        >>> result = sc.extract('"We will win," Smith said.')
        >>> result.quotes[0].speaker_name
        'Smith'
    """

    text: str
    claims: tuple[Claim, ...] = ()
    quotes: tuple[Quote, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    reader: ReaderInfo = ReaderInfo()
    usage: Usage = Usage()
    warnings: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _spans_are_grounded(self) -> Self:
        text = self.text
        for span in _spans_in((self.claims, self.quotes, self.attributions)):
            # Sliced inline: ``check`` is only called to raise on a mismatch.
            if text[span.start : span.end] != span.text:
                span.check(text)
        return self

    def to_pandas(self, what: str = "claims") -> pd.DataFrame:
        """``claims`` (default), ``quotes`` or ``attributions`` as a table (pandas extra)."""
        # Imported here: the renderers import this module, never the other way round.
        from sourcecheck._tables import extraction_frame

        return extraction_frame(self, what)

    def _repr_html_(self) -> str:
        from sourcecheck._html import extraction_html

        return extraction_html(self)
