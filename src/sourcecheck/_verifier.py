"""The verifier: does the source support, contradict, or not say each statement?

``verify()`` splits a statement into sentences and gives each a ``Verdict``: the named
checks of ``_checks`` decide what code can decide (numbers, dates, names, negation,
opposites, quotes, content the source lacks); an optional judge (an LLM, injected, never
imported here) decides what they cannot. ``judge_claims()`` gives every claim draft of a
reader its verdict with the same machinery: a draft with no evidence, or whose text did
not ground, is unsupported (kept, never dropped); a quote that is not verbatim in the
source is never supported.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Sequence
from threading import Lock
from typing import TYPE_CHECKING, Protocol, Self

from pydantic import Field, model_validator

from sourcecheck._checks import STRONG, Finding, SourceFacts, Statement, run_checks
from sourcecheck._document import Document, check_text
from sourcecheck._models import (
    Check,
    CheckOutcome,
    Claim,
    FrozenModel,
    GroundingStatus,
    Label,
    Span,
    Verdict,
    build_trusted,
    iter_spans,
)
from sourcecheck._reading import ClaimDraft

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Judge",
    "SentenceVerdict",
    "Verification",
    "Verifier",
    "judge_claims",
    "verify",
]

_GROUNDING_SCORE = {
    GroundingStatus.EXACT: 1.0,
    GroundingStatus.NORMALIZED: 0.9,
    GroundingStatus.FUZZY: 0.6,
    GroundingStatus.NONE: 0.0,
}

# How many source sentences a judge is shown, and how many a verdict cites.
_CANDIDATES = 5
_CITED = 2


class SentenceVerdict(FrozenModel):
    """The verdict on one sentence of a statement; ``span`` indexes the statement."""

    span: Span
    verdict: Verdict

    @property
    def text(self) -> str:
        return self.span.text

    @property
    def label(self) -> Label:
        return self.verdict.label


class Verification(FrozenModel):
    """What the source says about a statement: overall and sentence by sentence.

    Overall, a statement is contradicted if any sentence is, else unsupported if any
    is, else supported; its score is its weakest sentence's. Sentence spans index
    ``statement``; evidence spans index ``source``.

    Example:
        >>> import sourcecheck as sc
        >>> source = "The summit was held in Paris on Tuesday. Ten leaders attended."
        >>> result = sc.verify("The summit took place in Berlin.", source=source)
        >>> result.label.value
        'contradicted'
        >>> for check in result.sentences[0].verdict.checks:
        ...     if check.outcome == "fail":
        ...         print(check.message)
        the source never mentions 'Berlin' (it says 'Paris' here)
        the source never says 'place' (33% of the content words)
    """

    statement: str
    source: str
    label: Label
    score: float = Field(ge=0.0, le=1.0)
    sentences: tuple[SentenceVerdict, ...]

    @model_validator(mode="after")
    def _spans_are_grounded(self) -> Self:
        for sentence in self.sentences:
            sentence.span.check(self.statement)
            for span in iter_spans(sentence.verdict):
                span.check(self.source)
        return self

    @property
    def supported(self) -> bool:
        return self.label is Label.SUPPORTED

    def to_pandas(self) -> pd.DataFrame:
        """One row per sentence of the statement (needs the ``pandas`` extra)."""
        from sourcecheck._tables import verification_frame  # lazy: renderers import us

        return verification_frame(self)

    def _repr_html_(self) -> str:
        from sourcecheck._html import verification_html

        return verification_html(self)


class Judge(Protocol):
    """Decides a sentence the checks cannot: an LLM (``sourcecheck._llm.LLMJudge``) or a
    test double. ``candidate_sentences`` are the indices (into ``document.sentences``) of the
    source sentences ranked best for the statement; it answers with a label and the
    indices of the sentences it rests on, which the verifier grounds to spans."""

    def __call__(
        self, statement: str, document: Document, candidate_sentences: Sequence[int]
    ) -> tuple[Label, Sequence[int]]: ...


# Anything that could end a sentence before more text, or a line break: only then is the
# full sentence splitter needed.
_MAYBE_SEVERAL = re.compile(r"""[.!?…]["'”’)\]]*\s+\S|[\n\r]""")


def split_sentences(text: str) -> list[Span]:
    """The sentences of a statement as spans of it; one sentence skips the full splitter."""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    if not _MAYBE_SEVERAL.search(text, start, end):
        return [Span.of(text, start, end)]
    return [s.span for s in Document(text).sentences]


def overall_label(labels: Sequence[Label]) -> Label:
    """Contradicted if any is, else unsupported if any is, else supported."""
    if Label.CONTRADICTED in labels:
        return Label.CONTRADICTED
    if Label.UNSUPPORTED in labels:
        return Label.UNSUPPORTED
    return Label.SUPPORTED


def _decide(findings: Sequence[Finding]) -> tuple[Label, float]:
    """The label and score that the findings add up to.

    Severities of failed checks add up; at 1 the sentence is not supported, and it is
    contradicted when a failed check says the source states otherwise.
    """
    failed = [f for f in findings if f.failed]
    risk = sum(f.severity for f in failed)
    score = max(0.0, min(1.0, 1.0 - risk))
    if risk < 1.0 - 1e-9:
        return Label.SUPPORTED, score
    if any(f.label is Label.CONTRADICTED for f in failed):
        return Label.CONTRADICTED, score
    return Label.UNSUPPORTED, score


def _undecided(findings: Sequence[Finding]) -> bool:
    """True when only doubts failed: no hard conflict, but not a clean pass either.
    A hard failure of the novelty check is a doubt too: a paraphrase uses new words."""
    failed = [f for f in findings if f.failed]
    hard = [f for f in failed if f.severity >= STRONG and f.check.name != "novelty"]
    return bool(failed) and not hard


class Verifier:
    """Checks statements against one source; build once, verify many.

    Example:
        >>> verifier = Verifier("Sales fell 30% in 2023, the company said.")
        >>> verifier.verify("Sales rose in 2023.").label.value
        'contradicted'
    """

    def __init__(self, source: str | Document, *, judge: Judge | None = None) -> None:
        self.facts = _facts(source)
        self.judge = judge

    @property
    def document(self) -> Document:
        return self.facts.document

    def verify(self, statement: str) -> Verification:
        """The verification of ``statement`` (one or more sentences) against the source."""
        text = check_text(statement, what="statement")
        sentences = tuple(
            SentenceVerdict(span=span, verdict=self.sentence_verdict(span.text))
            for span in split_sentences(text)
        )
        label = overall_label([s.verdict.label for s in sentences])
        score = min(s.verdict.score for s in sentences)
        return Verification(
            statement=text, source=self.document.text, label=label, score=score, sentences=sentences
        )

    def sentence_verdict(self, sentence: str, *, extra: Sequence[Check] = ()) -> Verdict:
        """The verdict on one sentence: the checks, then the judge if they cannot decide."""
        statement = Statement(sentence, self.facts)
        findings = run_checks(statement)
        label, score = _decide(findings)
        checks = [*extra, *(f.check for f in findings)]
        evidence = tuple(self.facts.span(h.sentence) for h in statement.ranked[:_CITED])
        if self.judge is not None and _undecided(findings):
            return self._ask_judge(statement, checks, evidence)
        return Verdict(label=label, score=score, checks=tuple(checks), evidence=evidence)

    def _ask_judge(
        self, statement: Statement, checks: list[Check], evidence: tuple[Span, ...]
    ) -> Verdict:
        assert self.judge is not None
        candidates = [h.sentence for h in self.facts.index.rank(statement.text, k=_CANDIDATES)]
        answer, cited_numbers = self.judge(statement.text, self.document, candidates)
        label = Label(answer)
        n = len(self.document.sentences)
        cited = tuple(self.facts.span(i) for i in dict.fromkeys(cited_numbers) if 0 <= i < n)
        message = f"the judge found it {label.value}"
        if label is not Label.UNSUPPORTED and not cited:
            # A verdict that cites nothing is not grounded: it cannot stand.
            label, message = Label.UNSUPPORTED, f"the judge said {label.value} but cited nothing"
        outcome = CheckOutcome.PASS if label is Label.SUPPORTED else CheckOutcome.FAIL
        judged = Check(name="judge", outcome=outcome, message=message, evidence=cited)
        score = 0.75 if label is Label.SUPPORTED else 0.25
        return Verdict(
            label=label, score=score, checks=(*checks, judged), evidence=cited or evidence
        )


_CACHE_SIZE = 8
_cache: OrderedDict[str, SourceFacts] = OrderedDict()
_cache_lock = Lock()


def _facts(source: str | Document) -> SourceFacts:
    """The prepared source, from a small cache keyed by its text: verifying many
    statements against one article parses and indexes it once."""
    text = source.text if isinstance(source, Document) else source
    with _cache_lock:
        facts = _cache.get(text) if isinstance(text, str) else None
        if facts is not None:
            _cache.move_to_end(text)
            return facts
    # Checked here, not by Document, so a bad source is named as the source, not "article".
    document = (
        source if isinstance(source, Document) else Document(check_text(source, what="source"))
    )
    facts = SourceFacts(document)
    with _cache_lock:
        _cache[facts.document.text] = facts
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return facts


def verify(
    statement_or_text: str, *, source: str | Document, judge: Judge | None = None
) -> Verification:
    """Check a statement (a sentence, a summary) against the source text, offline.

    Each sentence gets a verdict with the named checks that decided it and the source
    spans it rests on. ``judge`` decides the sentences the checks cannot (see ``Judge``);
    ``sourcecheck.verify(..., model=...)`` builds one from a model name.

    Raises ``InputError`` for an empty, blank or binary statement or source.

    Example:
        >>> source = "The bridge opened in 1932. It cost $4 million to build."
        >>> verify("The bridge opened in 1932.", source=source).label.value
        'supported'
        >>> verify("The bridge cost $9 million.", source=source).label.value
        'contradicted'
    """
    return Verifier(source, judge=judge).verify(statement_or_text)


# -- claims from a reader --------------------------------------------------------------


# The checks, verdicts and claims below are built from a validated ``ClaimDraft``'s
# fields, enum members and constants, so they skip pydantic's per-field validation
# (``build_trusted``); every span they hold is still checked against the text when the
# ``Extraction`` is built.


# The grounding check's message per status, spelled once (an enum's ``.value`` is slow).
_GROUNDED = {status: f"grounded ({status.value})" for status in GroundingStatus}


def _grounding_check(draft: ClaimDraft) -> Check:
    if not draft.evidence or draft.grounding is GroundingStatus.NONE:
        return build_trusted(
            Check,
            name="grounding",
            outcome=CheckOutcome.FAIL,
            message="the claim did not ground in the source",
        )
    return build_trusted(
        Check,
        name="grounding",
        outcome=CheckOutcome.PASS,
        message=_GROUNDED[draft.grounding],
        evidence=draft.evidence,
    )


# Words a claim's text puts in quotation marks.
_CLAIM_QUOTE = re.compile(r"[“\"]([^”\"]{3,})[”\"]")


def _verbatim(text: str, words: str) -> tuple[int, int] | None:
    """Where ``words`` stand in ``text`` verbatim: character for character, so a reader
    that changed one letter, mark or space of a quote is caught."""
    at = text.find(words) if words else -1
    return (at, at + len(words)) if at >= 0 else None


# What may trail a quote's words inside its marks: "We will rebuild," and "We will
# rebuild" are one quote, punctuated by the sentence around it.
_TRAILING = " \t\n.,;:!?\u2026"


def _quoted_by(draft: ClaimDraft) -> tuple[tuple[str, ...], ...]:
    """The quotes a draft asserts (those the reader listed and those in its text), each
    as the spellings it was given in: one quote with or without a trailing mark is one
    quote, so it gets one check."""
    text = draft.text
    if not draft.quoted and '"' not in text and "“" not in text:
        return ()  # no quote listed and no mark ``_CLAIM_QUOTE`` needs: nothing to check
    in_text = [m.group(1) for m in _CLAIM_QUOTE.finditer(text)]
    quotes: dict[str, list[str]] = {}
    for words in [*draft.quoted, *in_text]:
        spellings = quotes.setdefault(words.rstrip(_TRAILING), [])
        if words not in spellings:
            spellings.append(words)
    return tuple(tuple(spellings) for spellings in quotes.values())


def _quote_checks(document: Document, quoted: Sequence[Sequence[str]]) -> list[Check]:
    """One check per quote; it passes only when every spelling of it is verbatim in the
    source, so a changed mark still fails (the source's comma is not a period)."""
    checks = []
    for spellings in quoted:
        missing = [words for words in spellings if _verbatim(document.text, words) is None]
        if missing:
            checks.append(
                build_trusted(
                    Check,
                    name="quote",
                    outcome=CheckOutcome.FAIL,
                    message=f"not verbatim in the source: {missing[0][:60]!r}",
                )
            )
            continue
        longest = max(spellings, key=len)
        found = _verbatim(document.text, longest)
        assert found is not None  # every spelling was just found
        checks.append(
            build_trusted(
                Check,
                name="quote",
                outcome=CheckOutcome.PASS,
                message="verbatim in the source",
                evidence=(Span.of(document.text, *found),),
            )
        )
    return checks


def _states_its_evidence(draft: ClaimDraft) -> bool:
    """True when the claim is its evidence's own words (the offline reader's claims):
    then the content checks have nothing to compare."""
    if any(draft.text == span.text for span in draft.evidence):
        return True  # the common case, decided without re-spacing either text
    text = " ".join(draft.text.split())
    return any(text in " ".join(span.text.split()) for span in draft.evidence)


def judge_draft(document: Document, draft: ClaimDraft, *, judge: Judge | None = None) -> Verdict:
    """The verdict on one claim draft: grounding, its quotes, then the content checks."""
    first = [_grounding_check(draft), *_quote_checks(document, _quoted_by(draft))]
    if any(c.outcome is CheckOutcome.FAIL for c in first):
        return build_trusted(Verdict, label=Label.UNSUPPORTED, score=0.0, checks=tuple(first))
    base = _GROUNDING_SCORE[draft.grounding]
    if _states_its_evidence(draft):
        return build_trusted(
            Verdict, label=Label.SUPPORTED, score=base, checks=tuple(first), evidence=draft.evidence
        )
    # A paraphrase: check each of its sentences like any statement.
    verifier = Verifier(document, judge=judge)
    verdicts = [verifier.sentence_verdict(s.span.text) for s in Document(draft.text).sentences]
    label = overall_label([v.label for v in verdicts])
    checks = (*first, *(c for v in verdicts for c in v.checks))
    score = min([base, *(v.score for v in verdicts)])
    evidence = tuple(dict.fromkeys([*draft.evidence, *(e for v in verdicts for e in v.evidence)]))
    return Verdict(label=label, score=score, checks=checks, evidence=evidence)


def judge_claims(
    document: Document, drafts: Sequence[ClaimDraft], *, judge: Judge | None = None
) -> list[Claim]:
    """Turn every draft into a ``Claim`` with its verdict; none is dropped.

    Example:
        >>> from sourcecheck._models import Span
        >>> doc = Document("The bridge opened in 1932.")
        >>> draft = ClaimDraft(text="The bridge opened in 1932.",
        ...                    evidence=(Span.of(doc.text, 0, 26),))
        >>> judge_claims(doc, [draft])[0].verdict.label.value
        'supported'
    """
    return [
        build_trusted(
            Claim,
            text=draft.text,
            evidence=draft.evidence,
            kind=draft.kind,
            attribution=draft.attribution,
            grounding=draft.grounding,
            verdict=judge_draft(document, draft, judge=judge),
            sentence=draft.sentence,
        )
        for draft in drafts
    ]
