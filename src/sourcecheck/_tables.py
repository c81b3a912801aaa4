"""pandas tables of results: one row per item, span offsets as plain integer columns.

pandas is an optional extra (``pip install 'sourcecheck[pandas]'``); it is imported only
when a table is asked for, and its absence raises ``MissingExtraError`` saying what to
install.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sourcecheck._exceptions import ConfigurationError, MissingExtraError
from sourcecheck._models import Extraction, Span

if TYPE_CHECKING:
    import pandas as pd

    from sourcecheck._attribution_audit import AttributionAudit
    from sourcecheck._briefing_model import Briefing
    from sourcecheck._verifier import Verification

__all__ = [
    "audit_frame",
    "audit_records",
    "briefing_frame",
    "extraction_frame",
    "require_pandas",
    "verification_frame",
]


def require_pandas(feature: str = "to_pandas()") -> Any:
    """The pandas module, or ``MissingExtraError`` naming the extra to install."""
    try:
        import pandas
    except ImportError:
        raise MissingExtraError("pandas", "pandas", feature) from None
    return pandas


def _frame(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    pandas = require_pandas()
    frame: pd.DataFrame = pandas.DataFrame(list(rows), columns=list(columns))
    return frame


def _start(span: Span | None) -> int | None:
    return None if span is None else span.start


def _end(span: Span | None) -> int | None:
    return None if span is None else span.end


# -- extractions -------------------------------------------------------------------------

_CLAIM_COLUMNS = (
    "text", "kind", "label", "score", "grounding", "source", "role", "attribution_kind",
    "sentence", "start", "end", "evidence",
)  # fmt: skip
_QUOTE_COLUMNS = ("quote", "speaker", "role", "cue", "kind", "grounding", "start", "end")
_ATTRIBUTION_COLUMNS = (
    "source", "role", "anonymous", "cue", "kind", "content", "grounding", "start", "end",
    "source_start", "source_end",
)  # fmt: skip


def extraction_frame(extraction: Extraction, what: str = "claims") -> pd.DataFrame:
    """``claims`` (default), ``quotes`` or ``attributions`` of an extraction as a table."""
    if what == "claims":
        rows = [
            {
                "text": c.text,
                "kind": c.kind.value,
                "label": c.verdict.label.value,
                "score": c.verdict.score,
                "grounding": c.grounding.value,
                "source": c.attribution.source_name if c.attribution else None,
                "role": c.attribution.source_role if c.attribution else None,
                "attribution_kind": c.attribution.kind.value if c.attribution else None,
                "sentence": c.sentence,
                "start": _start(c.evidence[0] if c.evidence else None),
                "end": _end(c.evidence[-1] if c.evidence else None),
                "evidence": " … ".join(s.text for s in c.evidence),
            }
            for c in extraction.claims
        ]
        return _frame(rows, _CLAIM_COLUMNS)
    if what == "quotes":
        rows = [
            {
                "quote": q.span.text,
                "speaker": q.speaker_name or (q.speaker.text if q.speaker else None),
                "role": q.speaker_role,
                "cue": q.cue.text if q.cue else None,
                "kind": q.kind.value,
                "grounding": q.grounding.value,
                "start": q.span.start,
                "end": q.span.end,
            }
            for q in extraction.quotes
        ]
        return _frame(rows, _QUOTE_COLUMNS)
    if what == "attributions":
        rows = [
            {
                "source": a.source_name or (a.source.text if a.source else None),
                "role": a.source_role,
                "anonymous": a.anonymous,
                "cue": a.cue.text if a.cue else None,
                "kind": a.kind.value,
                "content": a.content.text,
                "grounding": a.grounding.value,
                "start": a.content.start,
                "end": a.content.end,
                "source_start": _start(a.source),
                "source_end": _end(a.source),
            }
            for a in extraction.attributions
        ]
        return _frame(rows, _ATTRIBUTION_COLUMNS)
    raise _unknown(what, ("claims", "quotes", "attributions"))


def _unknown(what: str, choices: Sequence[str]) -> ConfigurationError:
    return ConfigurationError(f"no table called {what!r}; choose one of {', '.join(choices)}")


# -- briefings -----------------------------------------------------------------------------


def briefing_frame(briefing: Briefing) -> pd.DataFrame:
    """One row per bullet: text, verdict, score, citation numbers and spans."""
    rows = [
        {
            "bullet": n,
            "text": b.text,
            "label": b.verdict.label.value,
            "score": b.verdict.score,
            "flagged": b.flagged,
            "citations": briefing.citation_numbers(b),
            "spans": [(s.start, s.end) for s in b.citations],
            "cited_text": " … ".join(s.text for s in b.citations),
            "claims": list(b.claims),
        }
        for n, b in enumerate(briefing.bullets, 1)
    ]
    columns = ("bullet", "text", "label", "score", "flagged", "citations", "spans",
               "cited_text", "claims")  # fmt: skip
    return _frame(rows, columns)


# -- audits ----------------------------------------------------------------------------------


def audit_frame(report: AttributionAudit, what: str = "attributions") -> pd.DataFrame:
    """``attributions`` (default), ``sources``, ``uncredited``, ``unattributed_quotes`` or
    ``derived`` rows of an audit as a table."""
    return _frame(*audit_records(report, what))


_Rows = tuple[list[dict[str, Any]], tuple[str, ...]]


def audit_records(report: AttributionAudit, what: str = "attributions") -> _Rows:
    """The rows (plain dicts) and column names of one audit table; no pandas needed,
    so the CLI writes CSV from the same rows the DataFrame holds."""
    builders = {
        "attributions": _audit_rows,
        "sources": _audit_sources,
        "uncredited": _audit_uncredited,
        "unattributed_quotes": _audit_unattributed,
        "derived": _audit_derived,
    }
    if what not in builders:
        raise _unknown(what, tuple(builders))
    return builders[what](report)


def _audit_rows(report: AttributionAudit) -> _Rows:
    rows = [
        {
            "source": r.source_name,
            "role": r.source_role,
            "named": r.named,
            "anonymous": r.anonymous,
            "cue": r.cue,
            "kind": r.kind.value,
            "content": r.content,
            "start": r.content_span.start,
            "end": r.content_span.end,
            "source_start": _start(r.source_span),
            "source_end": _end(r.source_span),
            "cue_start": _start(r.cue_span),
            "cue_end": _end(r.cue_span),
        }
        for r in report.rows
    ]
    columns = ("source", "role", "named", "anonymous", "cue", "kind", "content", "start", "end",
               "source_start", "source_end", "cue_start", "cue_end")  # fmt: skip
    return rows, columns


def _audit_sources(report: AttributionAudit) -> _Rows:
    rows = [
        {
            "source": s.name,
            "role": s.role,
            "anonymous": s.anonymous,
            "attributions": s.attributions,
            "claims": s.claims,
            "quotes": len(s.quotes),
            "direct_quotes": s.direct_quotes,
            "cues": ", ".join(s.cues),
        }
        for s in report.sources
    ]
    columns = ("source", "role", "anonymous", "attributions", "claims", "quotes",
               "direct_quotes", "cues")  # fmt: skip
    return rows, columns


def _audit_uncredited(report: AttributionAudit) -> _Rows:
    rows = [
        {
            "text": c.text,
            "kind": c.kind.value,
            "label": c.verdict.label.value,
            "start": _start(c.evidence[0] if c.evidence else None),
            "end": _end(c.evidence[-1] if c.evidence else None),
        }
        for c in report.uncredited
    ]
    return rows, ("text", "kind", "label", "start", "end")


def _audit_unattributed(report: AttributionAudit) -> _Rows:
    rows = [
        {"quote": q.span.text, "kind": q.kind.value, "start": q.span.start, "end": q.span.end}
        for q in report.unattributed_quotes
    ]
    return rows, ("quote", "kind", "start", "end")


def _audit_derived(report: AttributionAudit) -> _Rows:
    rows = [
        {
            "quote": c.quote.text,
            "speaker": c.speaker,
            "match": c.match.value,
            "similarity": c.similarity,
            "source_text": c.source_span.text if c.source_span else None,
            "source_speaker": c.source_speaker,
            "speaker_match": c.speaker_match.value,
            "flagged": c.flagged,
            "changes": "; ".join(c.changes),
            "start": c.quote.start,
            "end": c.quote.end,
            "source_start": _start(c.source_span),
            "source_end": _end(c.source_span),
        }
        for c in report.derived_quotes
    ]
    columns = ("quote", "speaker", "match", "similarity", "source_text", "source_speaker",
               "speaker_match", "flagged", "changes", "start", "end", "source_start",
               "source_end")  # fmt: skip
    return rows, columns


# -- verifications ------------------------------------------------------------------------------


def verification_frame(verification: Verification) -> pd.DataFrame:
    """One row per sentence of the verified statement: its label, score, the checks
    that failed, and the source spans it rests on."""
    rows = []
    for n, sentence in enumerate(verification.sentences, 1):
        verdict = sentence.verdict
        rows.append(
            {
                "sentence": n,
                "text": sentence.text,
                "label": verdict.label.value,
                "score": verdict.score,
                "failed_checks": ", ".join(
                    c.name for c in verdict.checks if c.outcome.value == "fail"
                ),
                "checks": ", ".join(f"{c.name}:{c.outcome.value}" for c in verdict.checks),
                "evidence": " … ".join(s.text for s in verdict.evidence),
                "spans": [(s.start, s.end) for s in verdict.evidence],
            }
        )
    columns = ("sentence", "text", "label", "score", "failed_checks", "checks", "evidence",
               "spans")  # fmt: skip
    return _frame(rows, columns)
