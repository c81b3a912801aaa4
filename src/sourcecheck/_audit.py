"""``audit()``: who said what in an article, and whether a derived text quotes it right.

The audit itself (its data model, the grouping by source, the quote checks, the text
report) lives in ``_attribution_audit``, which needs no reader, so the renderers can use
it without reaching the reading layer; this module reads text with
``sourcecheck.extract`` when it is given text rather than an ``Extraction``.
"""

from __future__ import annotations

from typing import Any

from sourcecheck._attribution_audit import (
    AttributionAudit,
    AuditRow,
    DerivedQuoteCheck,
    QuoteMatch,
    SourceSummary,
    SpeakerMatch,
    build_audit,
    same_person,
)
from sourcecheck._document import check_text
from sourcecheck._models import Extraction

__all__ = [
    "AttributionAudit",
    "AuditRow",
    "DerivedQuoteCheck",
    "QuoteMatch",
    "SourceSummary",
    "SpeakerMatch",
    "audit",
    "same_person",
]


def audit(
    text_or_extraction: str | Extraction,
    *,
    derived: str | Extraction | None = None,
    model: str | None = None,
    **options: Any,
) -> AttributionAudit:
    """Audit who said what in an article; optionally check a derived text's quotes.

    ``text_or_extraction`` is the article text (read with ``sourcecheck.extract``) or an
    ``Extraction`` already made. ``derived`` is a text written from the article (or its
    extraction): each of its quotes is checked against the source, verbatim or not, and
    credited to the same speaker or not. ``model`` and ``options`` go to
    ``sourcecheck.extract`` for any text that still has to be read.

    Raises ``InputError`` for empty, blank or binary text.

    Example:
        >>> import sourcecheck as sc
        >>> source = '"We will rebuild the bridge," Mayor Ann Lee said on Monday.'
        >>> report = sc.audit(source, derived='Lee said: "We will rebuild the road."')
        >>> check = report.derived_quotes[0]
        >>> check.match.value, check.changes
        ('altered', ('bridge -> road',))
    """
    extraction = _extraction(text_or_extraction, model, options)
    derived_extraction = None if derived is None else _extraction(derived, model, options)
    return build_audit(extraction, derived_extraction)


def _extraction(value: str | Extraction, model: str | None, options: dict[str, Any]) -> Extraction:
    if isinstance(value, Extraction):
        return value
    # The reading layer is reached only here, and only when there is text to read.
    from sourcecheck._api import extract

    return extract(check_text(value), model=model, **options)
