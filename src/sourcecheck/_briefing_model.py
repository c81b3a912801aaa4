"""The briefing's data model and its Markdown: bullets that cite spans, each verified.

Kept apart from ``_briefing`` (which selects, condenses and verifies bullets, and may
reach the reading and LLM layers) so the renderers can name these types without
importing anything that reaches a model.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal, Self

from pydantic import model_validator

from sourcecheck._models import FrozenModel, ReaderInfo, Span, Usage, Verdict, iter_spans

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Briefing", "Bullet", "render_markdown"]


class Bullet(FrozenModel):
    """One briefing bullet: its text, the source spans it cites, and its verdict."""

    text: str
    citations: tuple[Span, ...]
    verdict: Verdict
    claims: tuple[int, ...] = ()  # indices of the extraction's claims it was written from

    @property
    def supported(self) -> bool:
        return self.verdict.supported

    @property
    def flagged(self) -> bool:
        """True when the source does not back the bullet: it must not be read as fact."""
        return not self.verdict.supported


class Briefing(FrozenModel):
    """A short briefing on one article: bullets that cite spans, each verified.

    ``dropped`` keeps the bullets removed as unsupported (with ``unsupported="drop"``),
    so nothing disappears without a trace.

    Example:
        >>> import sourcecheck as sc
        >>> b = sc.brief("Mayor Ann Lee resigned on Monday. The council meets on Friday.")
        >>> print(b.to_markdown())
        - Mayor Ann Lee resigned on Monday. [1]
        - The council meets on Friday. [2]
        <BLANKLINE>
        Sources:
        <BLANKLINE>
        1. “Mayor Ann Lee resigned on Monday.” (characters 0–33)
        2. “The council meets on Friday.” (characters 34–62)
    """

    text: str
    bullets: tuple[Bullet, ...] = ()
    dropped: tuple[Bullet, ...] = ()
    method: Literal["extractive", "abstractive"] = "extractive"
    reader: ReaderInfo = ReaderInfo()
    usage: Usage = Usage()
    warnings: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _spans_are_grounded(self) -> Self:
        for span in iter_spans((self.bullets, self.dropped)):
            span.check(self.text)
        return self

    @property
    def citations(self) -> tuple[Span, ...]:
        """Every cited span once, numbered in order of first citation (1-based)."""
        seen: dict[tuple[int, int], Span] = {}
        for bullet in self.bullets:
            for span in bullet.citations:
                seen.setdefault((span.start, span.end), span)
        return tuple(seen.values())

    def citation_numbers(self, bullet: Bullet) -> list[int]:
        """The numbers of the citations ``bullet`` carries."""
        index = {(s.start, s.end): n for n, s in enumerate(self.citations, 1)}
        return [index[(s.start, s.end)] for s in bullet.citations]

    def to_markdown(self) -> str:
        """Bullets with numbered citations, then the numbered cited passages."""
        return render_markdown(self)

    def __str__(self) -> str:
        return self.to_markdown()

    def to_pandas(self) -> pd.DataFrame:
        """One row per bullet. Needs the ``pandas`` extra."""
        from sourcecheck._tables import briefing_frame

        return briefing_frame(self)

    def _repr_html_(self) -> str:
        from sourcecheck._html import briefing_html

        return briefing_html(self)


# -- Markdown -------------------------------------------------------------------------------


def _quote_excerpt(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def render_markdown(briefing: Briefing) -> str:
    """The briefing as Markdown: bullets with ``[n]`` citations, then the passages."""
    lines = []
    for bullet in briefing.bullets:
        marks = "".join(f"[{n}]" for n in briefing.citation_numbers(bullet))
        flag = f"**unsupported ({bullet.verdict.label.value}):** " if bullet.flagged else ""
        lines.append(f"- {flag}{_escape_markdown(bullet.text)} {marks}".rstrip())
    if not briefing.bullets:
        lines.append("*(no bullet the source supports)*")
    if briefing.citations:
        lines += ["", "Sources:", ""]
        for n, span in enumerate(briefing.citations, 1):
            excerpt = _escape_markdown(_quote_excerpt(span.text))
            lines.append(f"{n}. “{excerpt}” (characters {span.start}–{span.end})")
    if briefing.dropped:
        lines += ["", f"{len(briefing.dropped)} unsupported bullet(s) dropped."]
    return "\n".join(lines)


def _escape_markdown(text: str) -> str:
    # Article text is data: it must not turn into links, emphasis or HTML in a renderer.
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)
