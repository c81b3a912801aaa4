"""Plain-text report of an extraction, for the terminal (``sourcecheck check``)."""

from __future__ import annotations

import textwrap
from collections import Counter

from sourcecheck._models import Attribution, Claim, Extraction, Label, Quote

__all__ = ["text_report"]

_WIDTH = 100
_MARK = {Label.SUPPORTED: "✓", Label.UNSUPPORTED: "?", Label.CONTRADICTED: "✗"}


def _clip(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _wrap(text: str, indent: int) -> str:
    pad = " " * indent
    return textwrap.fill(text, _WIDTH, initial_indent=pad, subsequent_indent=pad + "  ")


def _claim_line(number: int, claim: Claim) -> str:
    verdict = claim.verdict
    where = f"@{claim.evidence[0].start}" if claim.evidence else "ungrounded"
    who = (
        f" [{claim.attribution.source_name}]"
        if claim.attribution and claim.attribution.source_name
        else ""
    )
    head = (
        f"{number:>3}. {_MARK[verdict.label]} {verdict.label.value} ({verdict.score:.2f}) "
        f"{claim.kind.value}{who} {where}: {_clip(claim.text)}"
    )
    failed = [c for c in verdict.checks if c.outcome.value == "fail"]
    lines = [_wrap(head, 0)]
    lines += [_wrap(f"- {check.name}: {check.message}", 7) for check in failed]
    return "\n".join(lines)


def _speaker(name: str | None, role: str | None) -> str:
    if not name:
        return "(no speaker)"
    return f"{name} ({role})" if role else name


def _quote_line(quote: Quote) -> str:
    cue = f", {quote.cue.text}" if quote.cue else ""
    grounding = "" if quote.grounding.value == "exact" else f" [grounding: {quote.grounding.value}]"
    return _wrap(
        f"- “{_clip(quote.span.text)}” — {_speaker(quote.speaker_name, quote.speaker_role)}"
        f"{cue} ({quote.kind.value}){grounding}",
        2,
    )


def _attribution_line(attribution: Attribution) -> str:
    source = _speaker(attribution.source_name, attribution.source_role)
    if attribution.anonymous:
        source += " [anonymous]"
    cue = attribution.cue.text if attribution.cue else "—"
    return _wrap(
        f"- {source} | {cue} | {attribution.kind.value}: {_clip(attribution.content.text)}", 2
    )


def text_report(extraction: Extraction, *, title: str = "article") -> str:
    """A readable report: claims with verdicts, quotes with speakers, attributions."""
    labels = Counter(claim.verdict.label for claim in extraction.claims)
    tally = ", ".join(f"{labels[label]} {label.value}" for label in Label if labels[label])
    reader = extraction.reader.model or extraction.reader.name
    parts = [
        f"{title}: {len(extraction.claims)} claims ({tally or 'none'}), "
        f"{len(extraction.quotes)} quotes, {len(extraction.attributions)} attributions "
        f"[reader: {reader}]",
        "",
        "Claims",
        *(_claim_line(i, claim) for i, claim in enumerate(extraction.claims, 1)),
        "",
        "Quotes",
        *(_quote_line(quote) for quote in extraction.quotes),
        "",
        "Attributions",
        *(_attribution_line(a) for a in extraction.attributions),
    ]
    if extraction.usage.calls or extraction.usage.cached_calls:
        usage = extraction.usage
        parts += [
            "",
            f"Model usage: {usage.calls} calls ({usage.cached_calls} cached), "
            f"{usage.prompt_tokens} prompt + {usage.completion_tokens} completion tokens",
        ]
    parts += [f"warning: {w}" for w in extraction.warnings]
    return "\n".join(parts)
