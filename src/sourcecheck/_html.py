"""Static HTML: the source text with spans highlighted, a legend, and tables.

Everything here is a plain string of HTML with inline styles: no scripts, no external
files, no classes a stylesheet must supply, so it renders the same in Jupyter, VS Code,
GitHub's notebook viewer and a browser opened on a saved report. Every piece of text that
comes from an article, a model or a caller goes through ``html.escape``: article text is
data, never markup. The output is wrapped in ``<span class="tex2jax_ignore">`` so that a
notebook's MathJax leaves dollar amounts alone (as spaCy's displaCy does).

Overlapping highlights are nested properly: boundaries are swept in order, ends before
starts at the same offset, longer spans opened first; a span that ends inside another
closes the ones above it and reopens them, so the markup is always well formed.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sourcecheck._models import AttributionKind, Extraction, Label, Span

if TYPE_CHECKING:
    from sourcecheck._attribution_audit import AttributionAudit, AuditRow
    from sourcecheck._briefing_model import Briefing
    from sourcecheck._verifier import Verification

__all__ = [
    "Highlight",
    "audit_html",
    "briefing_html",
    "extraction_html",
    "highlight",
    "report_page",
    "table",
    "verification_html",
]

# (fill, ink): a pale background and a dark line/text colour per source, in order.
_PALETTE = (
    ("#dbeafe", "#1d4ed8"),
    ("#fce7f3", "#be185d"),
    ("#dcfce7", "#15803d"),
    ("#fef3c7", "#b45309"),
    ("#ede9fe", "#6d28d9"),
    ("#ccfbf1", "#0f766e"),
    ("#ffe4e6", "#be123c"),
    ("#e0e7ff", "#4338ca"),
    ("#ecfccb", "#4d7c0f"),
    ("#fae8ff", "#a21caf"),
)
_GREY = ("#f1f5f9", "#64748b")
_ALERT = "#dc2626"
_LABEL_COLOURS = {
    Label.SUPPORTED: ("#dcfce7", "#15803d"),
    Label.UNSUPPORTED: ("#fef3c7", "#b45309"),
    Label.CONTRADICTED: ("#fee2e2", "#b91c1c"),
}
_FONT = "font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; font-size: 14px"
_TEXT_BOX = (
    "white-space: pre-wrap; line-height: 2.1; padding: 12px 16px; border: 1px solid #e2e8f0; "
    "border-radius: 6px; background: #ffffff; color: #0f172a; max-width: 60em"
)


@dataclass(frozen=True)
class Highlight:
    """A span of the text to mark, how it looks, and what it says on hover.

    ``label`` is a small tag shown where the span ends.
    """

    start: int
    end: int
    style: str
    title: str = ""
    label: str = ""
    kind: str = "highlight"  # goes to data-kind, so tests and tools can find it


def _kind_style(kind: AttributionKind, fill: str, ink: str) -> str:
    """Attribution kind as line style: a direct quote is filled, reported speech only
    underlined, so kind reads at a glance and colour is left to say who."""
    if kind is AttributionKind.DIRECT:
        return f"background: {fill}; border-bottom: 2px solid {ink}"
    if kind is AttributionKind.PARTIAL:
        return f"background: {fill}; border-bottom: 2px dashed {ink}"
    if kind is AttributionKind.ACCORDING_TO:
        return f"background: transparent; border-bottom: 3px double {ink}"
    return f"background: transparent; border-bottom: 2px solid {ink}"


def _mark_open(h: Highlight) -> str:
    style = f"color: inherit; padding: 1px 0; border-radius: 2px; {h.style}"
    title = f' title="{html.escape(h.title)}"' if h.title else ""
    return f'<mark data-kind="{html.escape(h.kind)}" style="{html.escape(style)}"{title}>'


def _mark_close(h: Highlight, *, last: bool) -> str:
    tag = ""
    if last and h.label:
        tag = (
            '<span style="font-size: 0.7em; font-weight: 600; margin-left: 3px; '
            "padding: 0 3px; border-radius: 3px; background: #ffffffcc; color: #334155; "
            f'vertical-align: super">{html.escape(h.label)}</span>'
        )
    return f"{tag}</mark>"


def highlight(text: str, highlights: Iterable[Highlight]) -> str:
    """``text`` as escaped HTML with every highlight marked, nested correctly.

    Example:
        >>> out = highlight("a <b> c", [Highlight(0, 5, "background: yellow")])
        >>> out.endswith(">a &lt;b&gt;</mark> c")
        True
    """
    marks = [h for h in highlights if 0 <= h.start < h.end <= len(text)]
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for k, h in enumerate(marks):
        starts.setdefault(h.start, []).append(k)
        ends.setdefault(h.end, []).append(k)
    out: list[str] = []
    stack: list[int] = []  # open marks, outermost first
    position = 0
    for boundary in sorted(starts.keys() | ends.keys()):
        out.append(html.escape(text[position:boundary]))
        position = boundary
        # Ends before starts: a span ending here closes before one starting here opens.
        closing = set(ends.get(boundary, ()))
        if closing:
            lowest = min(stack.index(k) for k in closing)
            above = stack[lowest:]
            out.extend(_mark_close(marks[k], last=k in closing) for k in reversed(above))
            del stack[lowest:]
            for k in above:
                if k not in closing:  # still open: it continues in a new element
                    out.append(_mark_open(marks[k]))
                    stack.append(k)
        # Longer spans open first, so the shorter ones nest inside them.
        for k in sorted(starts.get(boundary, ()), key=lambda k: (-(marks[k].end - boundary), k)):
            out.append(_mark_open(marks[k]))
            stack.append(k)
    out.append(html.escape(text[position:]))
    return "".join(out)


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A plain HTML table; every cell escaped."""
    cell = (
        "padding: 4px 8px; border-bottom: 1px solid #e2e8f0; text-align: left; vertical-align: top"
    )
    head = "".join(
        f'<th style="{cell}; background: #f8fafc">{html.escape(h)}</th>' for h in headers
    )
    body = "".join(
        "<tr>" + "".join(f'<td style="{cell}">{html.escape(_cell(v))}</td>' for v in row) + "</tr>"
        for row in rows
    )
    return (
        f'<table style="border-collapse: collapse; margin: 8px 0; {_FONT}">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _clip(text: str, limit: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _wrap(inner: str) -> str:
    return f'<span class="tex2jax_ignore"><div style="{_FONT}; color: #0f172a">{inner}</div></span>'


def _heading(text: str) -> str:
    return f'<h3 style="margin: 14px 0 6px; font-size: 15px">{html.escape(text)}</h3>'


def _swatch(style: str, label: str) -> str:
    return (
        f'<span style="margin-right: 14px; white-space: nowrap"><mark data-kind="legend" '
        f'style="color: inherit; '
        f'{html.escape(style)}">&nbsp;&nbsp;&nbsp;&nbsp;</mark> {html.escape(label)}</span>'
    )


def _span_text(span: Span | None) -> str:
    return "" if span is None else f"{span.start}–{span.end}"


# -- audits ---------------------------------------------------------------------------------


class _Colours:
    """A colour per source, in order of first appearance."""

    def __init__(self) -> None:
        self._given: dict[str, tuple[str, str]] = {}

    def __call__(self, name: str | None) -> tuple[str, str]:
        if not name:
            return _GREY
        if name not in self._given:
            self._given[name] = _PALETTE[len(self._given) % len(_PALETTE)]
        return self._given[name]

    def items(self) -> list[tuple[str, tuple[str, str]]]:
        return list(self._given.items())


def _audit_highlights(report: AttributionAudit, colours: _Colours) -> list[Highlight]:
    marks: list[Highlight] = []
    for row in report.rows:
        key = _source_key(report, row)
        fill, ink = colours(key)
        who = key or "no source named"
        marks.append(
            Highlight(
                row.content_span.start,
                row.content_span.end,
                _kind_style(row.kind, fill, ink),
                title=f"{who} · {row.kind.value}" + (f" · {row.cue}" if row.cue else ""),
                label=f"{_short(who)} · {row.kind.value}",
                kind=f"content {row.kind.value}",
            )
        )
        if row.source_span is not None:
            marks.append(
                Highlight(
                    row.source_span.start,
                    row.source_span.end,
                    f"background: transparent; font-weight: 700; color: {ink}; "
                    f"outline: 1px solid {ink}",
                    title=f"source: {who}" + (f" ({row.source_role})" if row.source_role else ""),
                    kind="source",
                )
            )
        if row.cue_span is not None:
            marks.append(
                Highlight(
                    row.cue_span.start,
                    row.cue_span.end,
                    f"background: transparent; font-style: italic; "
                    f"text-decoration: underline dotted {ink}",
                    title=f"cue: {row.cue}",
                    kind="cue",
                )
            )
    for claim in report.uncredited:
        for span in claim.evidence:
            marks.append(
                Highlight(
                    span.start,
                    span.end,
                    f"background: {_GREY[0]}; border-bottom: 2px dotted {_GREY[1]}",
                    title=f"no one is credited with this ({claim.kind.value})",
                    label=f"uncredited · {claim.kind.value}",
                    kind="uncredited",
                )
            )
    for quote in report.unattributed_quotes:
        marks.append(
            Highlight(
                quote.span.start,
                quote.span.end,
                f"background: transparent; outline: 2px solid {_ALERT}",
                title="a quote with no speaker",
                label="no speaker",
                kind="quote unattributed",
            )
        )
    return marks


def _source_key(report: AttributionAudit, row: AuditRow) -> str | None:
    summary = report.source(row.source_name) if row.source_name else None
    return summary.name if summary else row.source_name


def _short(name: str, limit: int = 24) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _legend(colours: _Colours, report: AttributionAudit) -> str:
    sources = "".join(
        _swatch(f"background: {fill}; border-bottom: 2px solid {ink}", name)
        for name, (fill, ink) in colours.items()
    )
    fill, ink = _PALETTE[0]
    kinds = "".join(
        _swatch(_kind_style(kind, fill, ink), label)
        for kind, label in (
            (AttributionKind.DIRECT, "direct quote"),
            (AttributionKind.PARTIAL, "partial quote"),
            (AttributionKind.INDIRECT, "reported speech"),
            (AttributionKind.ACCORDING_TO, "according to"),
        )
    )
    extra = _swatch(
        f"background: {_GREY[0]}; border-bottom: 2px dotted {_GREY[1]}", "uncredited claim"
    )
    if report.unattributed_quotes:
        extra += _swatch(f"outline: 2px solid {_ALERT}", "quote with no speaker")
    return (
        '<div style="margin: 6px 0; line-height: 2">'
        f"<div><b>Sources:</b> {sources or 'none'}</div>"
        f"<div><b>Kinds:</b> {kinds}{extra}</div></div>"
    )


def audit_body(report: AttributionAudit) -> str:
    """The audit's HTML without the notebook wrapper: legend, text, tables."""
    colours = _Colours()
    for summary in report.sources:
        colours(summary.name)
    marks = _audit_highlights(report, colours)
    parts = [
        _heading(
            f"Attribution audit: {len(report.rows)} attributions, {len(report.sources)} sources, "
            f"{len(report.uncredited)} uncredited claims"
        ),
        _legend(colours, report),
        f'<div style="{_TEXT_BOX}">{highlight(report.text, marks)}</div>',
        _heading("Sources"),
        table(
            ["source", "role", "anonymous", "attributions", "claims", "quotes", "direct quotes"],
            (
                (
                    s.name,
                    s.role,
                    s.anonymous,
                    s.attributions,
                    s.claims,
                    len(s.quotes),
                    s.direct_quotes,
                )
                for s in report.sources
            ),
        ),
        _heading("Attributions"),
        table(
            ["#", "source", "role", "named", "cue", "kind", "content", "characters"],
            (
                (
                    i,
                    r.source_name or "(none)",
                    r.source_role,
                    "anonymous" if r.anonymous else ("named" if r.named else "none"),
                    r.cue,
                    r.kind.value,
                    _clip(r.content),
                    _span_text(r.content_span),
                )
                for i, r in enumerate(report.rows, 1)
            ),
        ),
        _heading("Claims no one is credited with"),
        table(
            ["kind", "claim", "characters"],
            (
                (c.kind.value, _clip(c.text), _span_text(c.evidence[0] if c.evidence else None))
                for c in report.uncredited
            ),
        ),
    ]
    if report.unattributed_quotes:
        parts += [
            _heading("Quotes without a speaker"),
            table(
                ["quote", "characters"],
                ((_clip(q.span.text), _span_text(q.span)) for q in report.unattributed_quotes),
            ),
        ]
    if report.derived is not None:
        parts += [
            _heading(f"Quotes in the derived text ({len(report.flagged)} flagged)"),
            _derived_table(report),
        ]
    return "".join(parts)


def _derived_table(report: AttributionAudit) -> str:
    return table(
        ["", "quote", "speaker", "match", "source says", "source speaker", "speaker", "changes"],
        (
            (
                "✗" if c.flagged else "✓",
                _clip(c.quote.text),
                c.speaker,
                c.match.value,
                _clip(c.source_span.text) if c.source_span else "",
                c.source_speaker,
                c.speaker_match.value,
                "; ".join(c.changes),
            )
            for c in report.derived_quotes
        ),
    )


def audit_html(report: AttributionAudit) -> str:
    """The audit for a notebook cell."""
    return _wrap(audit_body(report))


# -- briefings ------------------------------------------------------------------------------


def briefing_body(briefing: Briefing) -> str:
    items = []
    for bullet in briefing.bullets:
        numbers = "".join(
            f'<sup style="color: #1d4ed8">[{n}]</sup>' for n in briefing.citation_numbers(bullet)
        )
        fill, ink = _LABEL_COLOURS[bullet.verdict.label]
        flag = (
            f'<span style="background: {fill}; color: {ink}; padding: 0 4px; border-radius: 3px; '
            f'font-size: 0.8em; margin-right: 4px">{html.escape(bullet.verdict.label.value)}</span>'
            if bullet.flagged
            else ""
        )
        items.append(f'<li style="margin: 4px 0">{flag}{html.escape(bullet.text)} {numbers}</li>')
    marks = [
        Highlight(
            span.start,
            span.end,
            f"background: {_PALETTE[0][0]}; border-bottom: 2px solid {_PALETTE[0][1]}",
            title=f"citation [{n}]",
            label=f"[{n}]",
            kind="citation",
        )
        for n, span in enumerate(briefing.citations, 1)
    ]
    dropped = (
        f'<p style="color: #b45309">{len(briefing.dropped)} unsupported bullet(s) dropped.</p>'
        if briefing.dropped
        else ""
    )
    return "".join(
        [
            _heading(f"Briefing ({briefing.method}, {len(briefing.bullets)} bullets)"),
            f'<ul style="max-width: 60em">{"".join(items)}</ul>',
            dropped,
            _heading("Cited passages in the source"),
            f'<div style="{_TEXT_BOX}">{highlight(briefing.text, marks)}</div>',
        ]
    )


def briefing_html(briefing: Briefing) -> str:
    return _wrap(briefing_body(briefing))


# -- extractions ----------------------------------------------------------------------------


def extraction_html(extraction: Extraction) -> str:
    """An extraction: its attributions highlighted in the text, then its claims."""
    from sourcecheck._attribution_audit import build_audit

    claims = table(
        ["#", "verdict", "score", "kind", "source", "claim", "characters"],
        (
            (
                i,
                c.verdict.label.value,
                c.verdict.score,
                c.kind.value,
                c.attribution.source_name if c.attribution else None,
                _clip(c.text),
                _span_text(c.evidence[0] if c.evidence else None),
            )
            for i, c in enumerate(extraction.claims, 1)
        ),
    )
    return _wrap(audit_body(build_audit(extraction)) + _heading("Claims") + claims)


# -- verifications ---------------------------------------------------------------------------


def verification_html(verification: Verification) -> str:
    """A verification: the statement's sentences coloured by verdict, a table of the
    checks that decided them, and the source with the evidence highlighted."""
    statement_marks, source_marks, rows = [], [], []
    for n, sentence in enumerate(verification.sentences, 1):
        verdict = sentence.verdict
        fill, ink = _LABEL_COLOURS[verdict.label]
        style = f"background: {fill}; border-bottom: 2px solid {ink}"
        label = f"{n} · {verdict.label.value}"
        statement_marks.append(
            Highlight(sentence.span.start, sentence.span.end, style, label, label, "sentence")
        )
        for span in verdict.evidence:
            source_marks.append(
                Highlight(
                    span.start, span.end, style, f"evidence for sentence {n}", f"{n}", "evidence"
                )
            )
        failed = [f"{c.name}: {c.message}" for c in verdict.checks if c.outcome.value == "fail"]
        rows.append((n, verdict.label.value, verdict.score, "; ".join(failed)))
    fill, ink = _LABEL_COLOURS[verification.label]
    body = "".join(
        [
            _heading("Verification"),
            f'<p><span style="background: {fill}; color: {ink}; padding: 2px 6px; '
            f'border-radius: 3px; font-weight: 600">{html.escape(verification.label.value)}</span>'
            f" score {verification.score:.2f}</p>",
            f'<div style="{_TEXT_BOX}">{highlight(verification.statement, statement_marks)}</div>',
            table(["sentence", "verdict", "score", "failed checks"], rows),
            _heading("Evidence in the source"),
            f'<div style="{_TEXT_BOX}">{highlight(verification.source, source_marks)}</div>',
        ]
    )
    return _wrap(body)


# -- a whole page ------------------------------------------------------------------------------

# Defence in depth: even if some text escaped escaping, the page may run no script and
# load nothing: only inline styles are allowed.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'"


def report_page(title: str, body: str) -> str:
    """One self-contained HTML file around ``body``: no scripts, no external resources."""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title></head>"
        f'<body style="margin: 24px; {_FONT}">{_wrap(body)}</body></html>\n'
    )
