"""A normalised view of a text that maps every character back to the original offsets.

The source text is never modified. ``NormalizedText`` holds a folded copy for matching
(``view.text``) and knows, for each of its characters, the half-open range of the
original text that produced it (``view.origin(i)``), so a match found in the view
becomes a span of the source.

What folds (the same function folds the source and the snippets, so they stay in step):

- case: ASCII by ``str.lower``, everything else by NFKC then ``str.casefold`` per
  grapheme-ish cluster (a character and the combining marks after it), so a precomposed
  "é" and "e" + U+0301 fold alike, as do ligatures and full-width forms;
- whitespace: a run of any whitespace becomes one space;
- quotes: curly, low-9, prime, guillemet and straight double quotes, and the TeX/PTB
  marks ``''`` and ````` ``, become ``"``; single quotes, apostrophes and backticks become
  ``'``;
- dashes: a run of hyphens, en/em dashes, minus signs (so ``--`` too), with the spaces
  around it, becomes one ``-`` ("a — b", "a--b" and "a - b" all fold to "a-b");
- ellipses: "…" becomes "...";
- invisible characters (soft hyphen, zero-width space and joiners, BOM) are dropped.

Example:
    >>> view = normalize("He said: \\u201cWe\\u2019ll  WIN\\u201d \\u2014 twice\\u2026")
    >>> view.text
    'he said: "we\\'ll win"-twice...'
    >>> start, end = view.to_source(*_find(view.text, "we'll win"))
    >>> "He said: \\u201cWe\\u2019ll  WIN\\u201d \\u2014 twice\\u2026"[start:end]
    'We’ll  WIN'
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["NormalizedText", "fold", "normalize"]

_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u301d\u301e\uff02"
_SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b\u2032\u2039\u203a`"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# Combining marks that belong to the character before them (the main Unicode blocks).
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# ASCII characters whose fold is one character (lower case), taken in bulk.
_PLAIN_CHAR = r"[A-Za-z0-9!\"#$%&()*+,./:;<=>?@\[\\\]^_{|}~]"

# One alternation scanned left to right; the order of the branches matters: a dash
# takes the whitespace around it before the whitespace branch can, and ``''`` is one
# double quote before ``'`` is a single one. A plain run swallows single spaces between
# plain characters, so ordinary prose costs one match per run, not one per word.
_UNITS = re.compile(
    rf"""
    (?P<plain>(?:{_PLAIN_CHAR}(?![{_COMBINING}])|\x20(?={_PLAIN_CHAR}))+)
    |(?P<dash>\s*[{_DASHES}]+\s*)
    |(?P<space>\s+)
    |(?P<dquote>''|``|[{_DOUBLE_QUOTES}])
    |(?P<squote>[{_SINGLE_QUOTES}])
    |(?P<ellipsis>\u2026)
    |(?P<invisible>[{_INVISIBLE}]+)
    |(?P<other>.[{_COMBINING}]*)
    """,
    re.VERBOSE | re.DOTALL,
)

_FIXED = {
    "dash": "-",
    "space": " ",
    "dquote": '"',
    "squote": "'",
    "ellipsis": "...",
    "invisible": "",
}


@lru_cache(maxsize=8192)
def _fold_cluster(cluster: str) -> str:
    """Fold one non-ASCII character (with its combining marks): NFKC, then casefold."""
    folded = unicodedata.normalize("NFKC", cluster).casefold()
    # NFKC can turn a compatibility space into " "; keep the view free of other spaces.
    return " " if folded.isspace() else folded


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A folded view of ``source``, kept as units: runs of text that fold together.

    Unit ``u`` folded ``source[begins[u]:ends[u]]`` into the view text starting at
    ``view_starts[u]``. A plain unit (ASCII that only changes case) maps character for
    character; any other unit (a whitespace run, a quote mark, "…", an accented letter)
    maps as a whole. Keeping units, not one entry per character, makes the view cheap
    to build on long texts.
    """

    source: str
    text: str
    view_starts: list[int]
    begins: list[int]
    ends: list[int]
    plain: list[bool]

    def origin(self, index: int) -> tuple[int, int]:
        """The source range that produced view character ``index``."""
        u = bisect_right(self.view_starts, index) - 1
        if self.plain[u]:
            at = self.begins[u] + index - self.view_starts[u]
            return at, at + 1
        return self.begins[u], self.ends[u]

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """The source range that produced the view range ``[start, end)`` (non-empty).

        Whitespace at either edge of the source range is trimmed (a dash takes the spaces
        around it), unless that would leave nothing.
        """
        first, last = self.origin(start)[0], self.origin(end - 1)[1]
        trimmed_first, trimmed_last = first, last
        while trimmed_first < trimmed_last and self.source[trimmed_first].isspace():
            trimmed_first += 1
        while trimmed_last > trimmed_first and self.source[trimmed_last - 1].isspace():
            trimmed_last -= 1
        if trimmed_first < trimmed_last:
            return trimmed_first, trimmed_last
        return first, last

    def from_source(self, offset: int) -> int:
        """The first view position whose source character starts at or after ``offset``."""
        u = bisect_right(self.begins, offset) - 1
        if u >= 0 and self.begins[u] == offset:
            return self.view_starts[u]
        if u >= 0 and self.plain[u] and offset < self.ends[u]:
            return self.view_starts[u] + offset - self.begins[u]
        return self.view_starts[u + 1] if u + 1 < len(self.begins) else len(self.text)


def normalize(source: str) -> NormalizedText:
    """Fold ``source`` into a ``NormalizedText`` that maps back to ``source``'s offsets."""
    pieces: list[str] = []
    view_starts: list[int] = []
    begins: list[int] = []
    ends: list[int] = []
    plain: list[bool] = []
    size = 0
    for match in _UNITS.finditer(source):
        kind = match.lastgroup
        if kind == "plain":
            folded = match.group().lower()
        elif kind in _FIXED:
            folded = _FIXED[kind]
        else:
            folded = _fold_cluster(match.group())
        if not folded:  # invisible characters leave nothing in the view
            continue
        pieces.append(folded)
        view_starts.append(size)
        begins.append(match.start())
        ends.append(match.end())
        plain.append(kind == "plain")
        size += len(folded)
    return NormalizedText(source, "".join(pieces), view_starts, begins, ends, plain)


def fold(text: str) -> str:
    """The folded form of ``text`` as a snippet: ``normalize(text).text``, stripped.

    Example:
        >>> fold("  \\u201cWe\\u2019ll WIN\\u201d ")
        '"we\\'ll win"'
    """
    pieces: list[str] = []
    for match in _UNITS.finditer(text):
        kind = match.lastgroup
        if kind == "plain":
            pieces.append(match.group().lower())
        elif kind in _FIXED:
            pieces.append(_FIXED[kind])
        else:
            pieces.append(_fold_cluster(match.group()))
    return "".join(pieces).strip()


def _find(haystack: str, needle: str) -> tuple[int, int]:
    """``(start, end)`` of ``needle`` in ``haystack`` (for the doctest)."""
    start = haystack.index(needle)
    return start, start + len(needle)
