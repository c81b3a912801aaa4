"""sourcecheck: what a news article claims, who said what, and whether a summary holds up.

Every answer is grounded in exact character spans of the source text.

Example:
    >>> import sourcecheck as sc
    >>> claims = sc.extract_claims('"We will rebuild," Mayor Ann Lee said on Monday.')
    >>> claims[0].attribution.source_name
    'Ann Lee'
"""

from typing import TYPE_CHECKING, Any

from sourcecheck._aligner import Aligner, Alignment, align
from sourcecheck._api import (
    aextract,
    aextract_many,
    extract,
    extract_claims,
    extract_many,
    verify,
)
from sourcecheck._audit import AttributionAudit, audit
from sourcecheck._briefing import Briefing, brief
from sourcecheck._document import Document, Paragraph, Role, Sentence
from sourcecheck._exceptions import (
    BinaryInputError,
    ConfigurationError,
    EmptyInputError,
    GroundingError,
    InputError,
    InvalidArgumentError,
    MissingExtraError,
    ModelError,
    ModelRateLimitError,
    ModelResponseError,
    ModelTimeoutError,
    SourcecheckError,
)
from sourcecheck._models import (
    Attribution,
    AttributionKind,
    Check,
    CheckOutcome,
    Claim,
    ClaimKind,
    Extraction,
    GroundingStatus,
    Label,
    Quote,
    QuoteKind,
    ReaderInfo,
    Span,
    Usage,
    Verdict,
)
from sourcecheck._verifier import Verification

__version__ = "0.1.0"

__all__ = [
    "Aligner",
    "Alignment",
    "Attribution",
    "AttributionAudit",
    "AttributionKind",
    "BinaryInputError",
    "Briefing",
    "Check",
    "CheckOutcome",
    "Claim",
    "ClaimKind",
    "ConfigurationError",
    "Document",
    "EmptyInputError",
    "Extraction",
    "GroundingError",
    "GroundingStatus",
    "InputError",
    "InvalidArgumentError",
    "Label",
    "MissingExtraError",
    "ModelError",
    "ModelRateLimitError",
    "ModelResponseError",
    "ModelTimeoutError",
    "Paragraph",
    "Quote",
    "QuoteKind",
    "ReaderInfo",
    "Role",
    "Sentence",
    "SourcecheckError",
    "Span",
    "Usage",
    "Verdict",
    "Verification",
    "__version__",
    "aextract",
    "aextract_many",
    "align",
    "audit",
    "brief",
    "extract",
    "extract_claims",
    "extract_many",
    "run_batch",
    "run_on_dask",
    "verify",
]

# Batch work pulls in rich (and Dask, when used): loaded on first use, not on import.
_LAZY = {"run_batch": "sourcecheck._batch", "run_on_dask": "sourcecheck._distributed"}

if TYPE_CHECKING:
    from sourcecheck._batch import run_batch
    from sourcecheck._distributed import run_on_dask


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'sourcecheck' has no attribute {name!r}")
