"""The aligner: find where a verbatim string a reader returned sits in the source.

Readers (the offline rules, an LLM) return text, never offsets; the aligner turns each
string into a ``Span`` of the source, in three tiers, and says which tier found it:

1. **exact**: the snippet occurs verbatim (``str.find``; a snippet with stray outer
   whitespace is tried stripped too). Score 1.0.
2. **normalized**: it occurs in the folded view of ``_normalize`` (case, whitespace runs,
   curly/straight/TeX quotes, dashes, ellipses, invisible characters), which maps each
   folded character back to its original offsets. Score 1.0: nothing differs but form.
3. **fuzzy**: token level. Source tokens (``\\w+`` runs of the folded view, each CJK
   ideograph or kana its own token, a plural "s" stripped) are indexed once per source.
   Snippet tokens vote for the diagonal ``source position - snippet position`` (the
   rarest tokens vote, so "the" costs nothing); the best few diagonals are checked by a
   token LCS (rapidfuzz, in C++) on a window around them. A candidate is accepted only
   if it passes both gates:

   - **coverage** >= ``COVERAGE`` (0.7): share of the snippet's tokens found, in order.
     One changed or dropped word leaves 0.75 or more of a 4-token snippet, 0.9 of a
     10-token one; a sentence that merely shares its function words and a name with
     the source rarely reaches it. (langextract uses 0.75; 0.7 keeps a 10-token snippet
     with 3 edits, a typical model paraphrase of a quote, as fuzzy rather than none.)
   - **density** >= ``DENSITY`` (0.7): found tokens / source span length in tokens.
     One changed word gives (m-1)/m, one dropped word m/(m+1); tokens picked up across
     a paragraph give far less. langextract's 1/3 lets a 9-token snippet match 9 words
     scattered over 27; 0.7 keeps the span about the size of the snippet.

   Measured with bench/bench_aligner.py's inputs (4 runs of 1,000 snippets in 100k
   characters, PolNeAR dev text and synthetic text; 370 one-word-changed, 196
   one-word-dropped, 463 absent snippets): coverage 0.67-0.75 with density 1/3-0.7 all
   score 0.997; raising either gate to 0.8 loses 6-13% of the changed-word snippets
   (a 4-word snippet keeps 3/4), lowering coverage to 0.6 lets 3 more absent snippets
   in. The values sit inside that plateau; the density gate is rarely the one that
   decides there, because a stray matched word at the edge of a window is trimmed
   first (a gap of more than 3 tokens), but it rejects words spread thinly inside it.

   A snippet needs at least ``MIN_FUZZY_TOKENS`` (2) tokens to be fuzzy-matched: one
   word on its own is too weak a clue. Score: found / (snippet tokens + span tokens -
   found), 1.0 only when every token lines up with nothing extra.
4. **none**: not found (also for an empty or blank snippet). Kept, never an error.

Order: the tiers come first (an exact copy anywhere beats a normalised one after the
hint), so a string that is verbatim in the source always grounds as exact: the
verifier's quote check relies on that. Within a tier, ``Aligner.find(snippet,
start_hint)`` looks at or after ``start_hint`` first, then anywhere. ``align`` reads its
snippets as passages in document order: each is looked for after the end of the previous
match first, so repeated phrases map to successive occurrences; then from the previous
match's start (a snippet that overlaps or sits inside the previous one, when it occurs
nowhere later); then anywhere. Fuzzy matches are ranked by score first, and ties go to
the earliest of those places. A fuzzy match moves on the search for later fuzzy ones but
not for exact and normalised ones: measured on the benchmark, one wrong fuzzy match far
ahead otherwise sends every later repeated phrase past its true place. (A reader that
aligns a short phrase inside a known passage, a speaker inside its sentence, should call
``find`` with the passage's start as ``start_hint``.)

Cost: the folded view and the token index are built once per ``Aligner`` (linear in
the source, lazily: an all-exact workload never builds them); an exact or normalised
hit is one C-level ``str.find``; a fuzzy look-up touches only the occurrences of the
snippet's rarest tokens and a few windows the size of the snippet.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from functools import cached_property, lru_cache
from heapq import nsmallest
from typing import Self

from pydantic import Field, model_validator
from rapidfuzz.distance import LCSseq

from sourcecheck._document import check_text
from sourcecheck._exceptions import BinaryInputError, InputError
from sourcecheck._models import FrozenModel, GroundingStatus, Span
from sourcecheck._normalize import NormalizedText, fold, normalize

__all__ = ["COVERAGE", "DENSITY", "MIN_FUZZY_TOKENS", "Aligner", "Alignment", "align"]

COVERAGE = 0.7
DENSITY = 0.7
MIN_FUZZY_TOKENS = 2

_CJK = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
# Each CJK ideograph or kana is a token (those scripts put no spaces between words);
# any other run of word characters is one token.
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
# Votes come from the rarest snippet tokens: as many as the coverage gate requires
# (see ``_diagonals``), then more while their occurrences stay within this budget.
_VOTE_BUDGET = 200
# Diagonals within this many tokens of each other count as one candidate (indels);
# ``_diagonals`` pools votes over exactly this neighbourhood.
_DIAGONAL_SLACK = 2
_CANDIDATES = 4
_AFTER_CANDIDATES = 3  # the best-voted places after the hint, nearest first on ties
_TOP_DIAGONALS = 16
# An outermost matched token this far (in tokens) from its neighbour is a stray match.
_MAX_EDGE_GAP = 3
# Unmatched snippet tokens at an edge are taken as substituted words, up to this many.
_MAX_EDGE_EXTENSION = 2


class Alignment(FrozenModel):
    """Where one snippet sits in the source, how it was found, and how well it fits.

    ``span`` is None exactly when ``status`` is ``none``; otherwise
    ``source[span.start:span.end] == span.text``.

    Example:
        >>> import sourcecheck as sc
        >>> a = sc.align("Talks resumed on Monday.", ["talks  RESUMED"])[0]
        >>> a.status.value, a.span.text, a.score
        ('normalized', 'Talks resumed', 1.0)
    """

    snippet: str
    span: Span | None = None
    status: GroundingStatus = GroundingStatus.NONE
    score: float = Field(default=0.0, ge=0.0, le=1.0)

    @model_validator(mode="after")
    def _status_matches_span(self) -> Self:
        if (self.span is None) != (self.status is GroundingStatus.NONE):
            raise ValueError(f"status {self.status.value!r} does not fit span {self.span!r}")
        exact = self.status is GroundingStatus.EXACT
        if exact and self.span is not None and self.span.text not in self.snippet:
            raise ValueError("an exact alignment's span text must be the snippet's")
        return self

    @property
    def found(self) -> bool:
        return self.span is not None


def _token_key(token: str) -> str:
    # Light stemming, as langextract does: "officials" and "official" are one token.
    if len(token) > 3 and token[-1] == "s" and token[-2] != "s":
        return token[:-1]
    return token


class _TokenIndex:
    """The folded source's tokens: ids in order, view offsets, and where each id occurs."""

    __slots__ = ("ends", "ids", "positions", "starts", "vocabulary")

    def __init__(self, view: NormalizedText) -> None:
        matches = list(_TOKEN.finditer(view.text))
        self.starts: list[int] = [m.start() for m in matches]
        self.ends: list[int] = [m.end() for m in matches]
        tokens = [m.group() for m in matches]
        # Key each distinct token once; then ids and positions come from C-level passes.
        self.vocabulary: dict[str, int] = {}
        ids_of = {
            token: self.vocabulary.setdefault(_token_key(token), len(self.vocabulary))
            for token in dict.fromkeys(tokens)
        }
        self.ids: list[int] = list(map(ids_of.__getitem__, tokens))
        self.positions: list[list[int]] = [[] for _ in range(len(self.vocabulary))]
        for i, token_id in enumerate(self.ids):
            self.positions[token_id].append(i)

    def encode(self, folded: str) -> list[int]:
        """Token ids of a folded snippet; a token the source lacks gets a unique negative id."""
        ids: list[int] = []
        for i, match in enumerate(_TOKEN.finditer(folded)):
            ids.append(self.vocabulary.get(_token_key(match.group()), -1 - i))
        return ids


class _Candidate:
    __slots__ = ("first", "last", "lead", "matched", "score", "trail")

    def __init__(self, first: int, last: int, matched: int, lead: int, trail: int, m: int):
        self.first, self.last, self.matched = first, last, matched
        self.lead, self.trail = lead, trail  # unmatched snippet tokens before / after
        self.score = matched / (m + (last - first + 1) - matched)


class Aligner:
    """Aligns many snippets against one source, building its indexes once.

    Example:
        >>> aligner = Aligner("The mayor said the plan works. The mayor left.")
        >>> first = aligner.find("The mayor")
        >>> second = aligner.find("The mayor", start_hint=first.span.end)
        >>> first.span.start, second.span.start
        (0, 31)
        >>> aligner.find("the mayor said the plan worked").status.value
        'fuzzy'
    """

    def __init__(self, source: str) -> None:
        self.source: str = check_text(source, what="source")

    @cached_property
    def view(self) -> NormalizedText:
        """The folded view of the source (built on first use)."""
        return normalize(self.source)

    @cached_property
    def _index(self) -> _TokenIndex:
        return _TokenIndex(self.view)

    def find(self, snippet: str, start_hint: int = 0) -> Alignment:
        """Align one snippet, preferring a match at or after ``start_hint``."""
        return self._find(snippet, (start_hint,))

    def align(self, snippets: Sequence[str]) -> list[Alignment]:
        """Align snippets given in document order (see the module docstring)."""
        if isinstance(snippets, str):
            raise InputError("snippets must be a sequence of strings, not one string")
        results: list[Alignment] = []
        sure: tuple[int, ...] = (0,)  # after the last exact or normalised match
        latest: tuple[int, ...] = (0,)  # after the last match of any kind
        for snippet in snippets:
            result = self._find(snippet, sure, latest + sure)
            if result.span is not None:
                latest = (result.span.end, result.span.start)
                # Only a sure match moves the exact and normalised search on: a wrong
                # fuzzy match far ahead would send every later snippet after it.
                if result.status is not GroundingStatus.FUZZY:
                    sure = latest
            results.append(result)
        return results

    def _find(
        self, snippet: str, hints: tuple[int, ...], fuzzy_hints: tuple[int, ...] = ()
    ) -> Alignment:
        if not isinstance(snippet, str):
            raise BinaryInputError(f"a snippet must be str, not {type(snippet).__name__}")
        if not snippet.strip():
            return Alignment(snippet=snippet)
        size = len(self.source)
        # Places to search from, latest first; each later one only covers what the one
        # before it did not, and 0 (anywhere) comes last.
        hints = _search_order(hints, size)
        found = self._exact(snippet, hints)
        if found is not None:
            return Alignment(snippet=snippet, span=found, status=GroundingStatus.EXACT, score=1.0)
        folded = fold(snippet)
        found = self._normalized(folded, hints)
        if found is not None:
            return Alignment(
                snippet=snippet, span=found, status=GroundingStatus.NORMALIZED, score=1.0
            )
        return self._fuzzy(
            snippet, folded, _search_order(fuzzy_hints, size) if fuzzy_hints else hints
        )

    # -- the tiers ----------------------------------------------------------------

    def _exact(self, snippet: str, hints: tuple[int, ...]) -> Span | None:
        for needle in dict.fromkeys((snippet, snippet.strip())):
            start = _find_first(self.source, needle, hints)
            if start >= 0:
                return Span(start=start, end=start + len(needle), text=needle)
        return None

    def _normalized(self, folded: str, hints: tuple[int, ...]) -> Span | None:
        if not folded:
            return None
        view_hints = tuple(self.view.from_source(h) for h in hints)
        start = _find_first(self.view.text, folded, view_hints)
        if start < 0:
            return None
        return self._view_span(start, start + len(folded))

    def _view_span(self, start: int, end: int) -> Span:
        first, last = self.view.to_source(start, end)
        return Span.of(self.source, first, last)

    def _fuzzy(self, snippet: str, folded: str, hints: tuple[int, ...]) -> Alignment:
        index = self._index
        ids = index.encode(folded)
        m = len(ids)
        needed = max(MIN_FUZZY_TOKENS, math.ceil(COVERAGE * m - 1e-9))
        if m < MIN_FUZZY_TOKENS or sum(1 for i in ids if i >= 0) < needed:
            return Alignment(snippet=snippet)
        hint_tokens = [bisect_left(index.starts, self.view.from_source(h)) for h in hints]
        best: _Candidate | None = None
        best_key: tuple[float, int, int] | None = None
        for diagonal in self._diagonals(ids, needed, hint_tokens[0]):
            candidate = self._check(ids, diagonal)
            if candidate is None or candidate.matched < needed:
                continue
            if candidate.matched / (candidate.last - candidate.first + 1) < DENSITY:
                continue
            rank = next(i for i, h in enumerate(hint_tokens) if candidate.first >= h)
            key = (candidate.score, -rank, -candidate.first)
            if best_key is None or key > best_key:
                best, best_key = candidate, key
        if best is None:
            return Alignment(snippet=snippet)
        return Alignment(
            snippet=snippet,
            span=self._token_span(best),
            status=GroundingStatus.FUZZY,
            score=round(best.score, 4),
        )

    def _diagonals(self, ids: list[int], needed: int, hint_token: int) -> list[int]:
        """Likely source positions of the snippet's first token, best first."""
        positions = self._index.positions
        voters = sorted((len(positions[t]), k, t) for k, t in enumerate(ids) if t >= 0)
        # A match that passes the coverage gate misses at most len(voters) - needed of
        # the known tokens, so it holds one of the rarest len(voters) - needed + 1: with
        # those voting, every acceptable place gets a vote. More vote if they are cheap.
        required = len(voters) - needed + 1
        votes: Counter[int] = Counter()
        spent = 0
        for used, (count, k, token) in enumerate(voters):
            if used >= required and spent + count > _VOTE_BUDGET:
                break
            spent += count
            votes.update([p - k for p in positions[token]])
        # Indels shift the diagonal a little: pool each strong diagonal's neighbours.
        get = votes.get
        merged = {
            d: get(d - 2, 0) + get(d - 1, 0) + v + get(d + 1, 0) + get(d + 2, 0)
            for d, v in votes.most_common(_TOP_DIAGONALS)
        }
        ranked = sorted(merged, key=lambda d: (-merged[d], d))
        chosen = _spread(ranked, _CANDIDATES)
        # The strongest diagonal after the hint, even when earlier ones outvote it: a
        # phrase repeated through the document must be able to land on its next copy.
        low = hint_token - _DIAGONAL_SLACK
        after = nsmallest(_AFTER_CANDIDATES, ((-v, d) for d, v in votes.items() if d >= low))
        chosen.extend(d for _, d in after if d not in chosen)
        return chosen

    def _check(self, ids: list[int], diagonal: int) -> _Candidate | None:
        """The in-order token match of the snippet in a window around ``diagonal``."""
        source_ids = self._index.ids
        m = len(ids)
        slack = _DIAGONAL_SLACK + m // 4
        low = max(0, diagonal - slack)
        high = min(len(source_ids), diagonal + m + slack)
        if low >= high:
            return None
        blocks = LCSseq.editops(source_ids[low:high], ids).as_matching_blocks()
        pairs = [(low + b.a + j, b.b + j) for b in blocks for j in range(b.size)]
        if len(pairs) > 1:
            # One edge after the other: with two pairs, each is the other's neighbour.
            pairs[0] = self._tighten(pairs[0], pairs[1])
            pairs[-1] = self._tighten(pairs[-1], pairs[-2])
        # The LCS may pick a stray function word at the window's edge: drop it.
        while len(pairs) > 1 and pairs[1][0] - pairs[0][0] > _MAX_EDGE_GAP:
            pairs.pop(0)
        while len(pairs) > 1 and pairs[-1][0] - pairs[-2][0] > _MAX_EDGE_GAP:
            pairs.pop()
        if not pairs:
            return None
        (first, first_k), (last, last_k) = pairs[0], pairs[-1]
        return _Candidate(first, last, len(pairs), first_k, m - 1 - last_k, m)

    def _tighten(self, edge: tuple[int, int], neighbour: tuple[int, int]) -> tuple[int, int]:
        """Move an edge match to the copy of its token nearest its neighbour.

        The LCS is free to match the first snippet token "the" to any "the" before the
        second matched token; the one closest to it gives the tightest span.
        """
        source_ids = self._index.ids
        position, k = edge
        step = 1 if neighbour[0] > position else -1
        for q in range(neighbour[0] - step, position, -step):
            if source_ids[q] == source_ids[position]:
                return q, k
        return edge

    def _token_span(self, candidate: _Candidate) -> Span:
        index = self._index
        # A changed first or last word leaves that snippet token unmatched; take the
        # source word in its place, so the span covers the whole passage.
        first = max(0, candidate.first - min(candidate.lead, _MAX_EDGE_EXTENSION))
        last = min(len(index.ids) - 1, candidate.last + min(candidate.trail, _MAX_EDGE_EXTENSION))
        return self._view_span(index.starts[first], index.ends[last])


def _search_order(hints: tuple[int, ...], size: int) -> tuple[int, ...]:
    """Distinct places to search from, clamped to the text, latest first, ending in 0."""
    return tuple(sorted({min(max(h, 0), size) for h in hints} | {0}, reverse=True))


def _find_first(haystack: str, needle: str, hints: tuple[int, ...]) -> int:
    """The first occurrence at or after ``hints[0]``, else after ``hints[1]``, ... (-1).

    ``hints`` run from latest to earliest; each search stops where the one before began,
    so no stretch of ``haystack`` is scanned twice.
    """
    upper = len(haystack)
    for hint in hints:
        found = haystack.find(needle, hint, upper)
        if found >= 0:
            return found
        upper = hint + len(needle) - 1
    return -1


def _spread(ranked: list[int], count: int) -> list[int]:
    """The first ``count`` diagonals of ``ranked`` that are not neighbours of one chosen."""
    chosen: list[int] = []
    for diagonal in ranked:
        if all(abs(diagonal - c) > _DIAGONAL_SLACK for c in chosen):
            chosen.append(diagonal)
            if len(chosen) == count:
                break
    return chosen


def align(source: str, snippets: Sequence[str]) -> list[Alignment]:
    """Find each snippet in ``source``: exact, then normalised, then fuzzy, else none.

    Snippets given in document order resolve repeated phrases to successive
    occurrences. Every span obeys ``source[span.start:span.end] == span.text``.

    Example:
        >>> import sourcecheck as sc
        >>> source = "\\u201cWe will win,\\u201d she said. We will win again."
        >>> [(a.status.value, a.span.start) for a in sc.align(source, ["We will win"] * 2)]
        [('exact', 1), ('exact', 25)]
        >>> [a.status.value for a in sc.align(source, ['"we will WIN," she said', "we lost"])]
        ['normalized', 'none']

    The last few sources' aligners are kept, so calling ``align`` once per snippet on
    the same text does not rebuild its folded view and token index each time.
    """
    aligner = _cached_aligner(source) if isinstance(source, str) else Aligner(source)
    return aligner.align(snippets)


@lru_cache(maxsize=8)
def _cached_aligner(source: str) -> Aligner:
    return Aligner(source)
