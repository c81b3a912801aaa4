"""Quote finding: the stretches of a text between quotation marks.

The finder works paragraph by paragraph and understands curly (“ ”), straight ("),
TeX-style (`` '') and guillemet (« ») double marks, and curly single marks (‘ ’) where
they are clearly not apostrophes. Single marks inside a double quote are nested quotes
and do not start a region of their own.

A paragraph that opens a quote without closing it continues into the next paragraph
when that paragraph starts with an opening mark (the newswire convention for long
quotes): both pieces are found, and the second is marked as a continuation.

Span conventions (the same everywhere in the offline reader):

- ``QuoteRegion.start``/``end`` cover the marks as well (PARC and PolNeAR annotate
  quoted content with its marks);
- ``QuoteRegion.words()`` is the quoted words without the marks, without surrounding
  space, and without a trailing comma; a final ``.``, ``?`` or ``!`` inside the marks is
  kept, because it belongs to the speaker's sentence.

Example:
    >>> text = '"Prices will fall," the minister said.'
    >>> [r.words(text) for r in find_quote_regions(text, [(0, len(text))])]
    [(1, 17)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["QuoteRegion", "find_quote_regions", "is_scare_quote"]

# Characters that may stand before an opening mark or after a closing one.
_OPEN_BEFORE = frozenset(" \t([{—―–-/:;,\u00a0")
_WORDISH = re.compile(r"\w")
_MARKS = re.compile(
    r"``|''|“|”|«|»|\""
)  # literals only: the engine skips to their first characters


@dataclass(frozen=True, slots=True)
class QuoteRegion:
    """One quoted stretch within one paragraph, marks included in ``start``/``end``."""

    start: int  # the opening mark (or paragraph start for a continued quote)
    end: int  # just after the closing mark (or paragraph end if left open)
    inner_start: int
    inner_end: int
    paragraph: int
    closed: bool = True  # False: the paragraph ended with the quote still open
    continues: bool = False  # True: this region continues the previous paragraph's quote

    def words(self, text: str) -> tuple[int, int]:
        """Offsets of the quoted words: no marks, no outer space, no trailing comma."""
        start, end = self.inner_start, self.inner_end
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
            end -= 1
        return start, end


def _is_open_context(text: str, i: int, lo: int) -> bool:
    return i == lo or text[i - 1] in _OPEN_BEFORE or text[i - 1] in "“‘\"'"


def _is_close_context(text: str, i: int, hi: int) -> bool:
    return i + 1 >= hi or not _WORDISH.match(text[i + 1])


def _scan_double(text: str, lo: int, hi: int) -> tuple[list[tuple[int, int, int, int]], int]:
    """Double-mark regions of ``text[lo:hi]`` as (start, end, inner_start, inner_end).

    Returns the closed regions and the offset of an unclosed opening mark (-1 if none).
    """
    regions: list[tuple[int, int, int, int]] = []
    opened = -1  # offset of the current opening mark
    open_len = 0
    for m in _MARKS.finditer(text, lo, hi):
        i, mark = m.start(), m.group()
        if mark in ("``", "''"):
            if opened < 0 and (mark == "``" or _is_open_context(text, i, lo)):
                opened, open_len = i, 2  # some papers open with '' as well as ``
            elif opened >= 0 and mark == "''":
                regions.append((opened, i + 2, opened + open_len, i))
                opened = -1
        elif mark in "“«":
            # A second opening mark while one is open: the first was never closed;
            # restart there rather than swallow the rest of the paragraph.
            opened, open_len = i, 1
        elif mark in "”»":
            if opened >= 0:
                regions.append((opened, i + 1, opened + open_len, i))
                opened = -1
            elif _is_open_context(text, i, lo) and not _is_close_context(text, i, hi):
                # A closing mark used as an opening one (”Mr. Trump ...), a common slip.
                opened, open_len = i, 1
        elif opened < 0:  # a straight double mark
            opened, open_len = i, 1
        else:
            regions.append((opened, i + 1, opened + open_len, i))
            opened = -1
    return regions, opened


# The opening mark comes first and the "no letter or mark before it" test right after
# it (a lookbehind over both), so the engine finds candidates by a fast literal scan:
# most paragraphs have no ‘ at all.
_SINGLE = re.compile(r"‘(?<![\w’']‘)(?=[^\s’])([^‘’\n]*?[^\s‘])’(?!\w)")


def _scan_single(text: str, lo: int, hi: int) -> list[tuple[int, int, int, int]]:
    """Curly single-mark regions whose marks cannot be apostrophes."""
    return [
        (m.start(), m.end(), m.start() + 1, m.end() - 1) for m in _SINGLE.finditer(text, lo, hi)
    ]


def find_quote_regions(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[QuoteRegion]:
    """Every quoted region of ``text``, paragraph by paragraph, in text order.

    ``paragraphs`` are (start, end) offsets; quotes never cross a paragraph boundary
    except by the open-paragraph continuation convention.
    """
    found: list[QuoteRegion] = []
    previous_open = False
    for index, (lo, hi) in enumerate(paragraphs):
        doubles, unclosed = _scan_double(text, lo, hi)
        regions = [QuoteRegion(*r, paragraph=index) for r in doubles]
        if unclosed >= 0:
            regions.append(QuoteRegion(unclosed, hi, unclosed + 1, hi, index, closed=False))
        regions = _mark_continuation(regions, lo, previous_open)
        previous_open = unclosed >= 0
        regions.extend(_singles_outside(text, lo, hi, regions, index))
        found.extend(sorted(regions, key=lambda r: r.start))
    return found


def _mark_continuation(
    regions: list[QuoteRegion], lo: int, previous_open: bool
) -> list[QuoteRegion]:
    if not previous_open or not regions or regions[0].start != lo:
        return regions
    first = regions[0]
    return [
        QuoteRegion(
            first.start,
            first.end,
            first.inner_start,
            first.inner_end,
            first.paragraph,
            closed=first.closed,
            continues=True,
        ),
        *regions[1:],
    ]


def _singles_outside(
    text: str, lo: int, hi: int, regions: list[QuoteRegion], index: int
) -> list[QuoteRegion]:
    singles = []
    for start, end, inner_start, inner_end in _scan_single(text, lo, hi):
        if any(r.start <= start < r.end for r in regions):
            continue  # a quote within a quote
        singles.append(QuoteRegion(start, end, inner_start, inner_end, index))
    return singles


# Words after which a quoted term is a name or a label, not speech.
_SCARE_BEFORE = re.compile(
    r"(?:so-called|so called|dubbed|termed|nicknamed|called|titled|entitled|named|"
    r"known as|word|words|term|phrase|slogan|label|hashtag|motto|as|the|a|an|its|his|her|"
    r"their|our|of)\s*$",
    re.IGNORECASE,
)
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|be|been|am|will|would|can|could|should|must|have|has|had|do|"
    r"does|did|not|never|i|we|you|he|she|they|it|me|us|my|our|your)\b|n[’']t\b",
    re.IGNORECASE,
)


def is_scare_quote(text: str, region: QuoteRegion) -> bool:
    """True when a quoted region reads as a name, a title or a scare-quoted term.

    Speech has a verb or at least a few words; a scare quote is short, verbless, and
    often title-cased or introduced by "so-called", "dubbed", "the", ...

    Example:
        >>> t = 'a summit convened by the so-called "coalition of the willing," in Paris'
        >>> r = find_quote_regions(t, [(0, len(t))])[0]
        >>> is_scare_quote(t, r)
        True
    """
    start, end = region.words(text)
    words = text[start:end].split()
    if not words or region.continues or not region.closed:
        return False
    if len(words) > 6:
        return False
    if all(w[:1].isupper() or not w[:1].isalpha() for w in words) and text[end - 1] not in ".?!":
        return True  # a title or a name: "Keepin' It Real", "Peace Through Strength"
    if _VERBISH.search(text, start, end):
        return False
    if text[end - 1 : end] in ".?!":
        return False  # a whole sentence, however short ("Absolutely.")
    before = text[max(0, region.start - 20) : region.start]
    if _SCARE_BEFORE.search(before):
        return True
    return len(words) <= 3
