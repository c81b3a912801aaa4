"""The offline reader's fast paths give what the plain regular expressions give."""

from __future__ import annotations

import random
import re

from sourcecheck._offline._cues import _SPELLINGS, _word_before, find_cues, trie_pattern

_WORD_BEFORE = re.compile(r"([A-Za-z]+(?:['’]t)?)\s+$")
_PIECES = ["a", "b", "t", "T", "'", "’", " ", "\n", "\u00a0", "é", "1", "-", ",", "didn't ", " 't "]


def test_word_before_matches_the_regex() -> None:
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 12)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        m = _WORD_BEFORE.search(text, lo, hi)
        assert _word_before(text, lo, hi) == (None if m is None else (m.start(), m.group(1)))


def test_word_before_examples() -> None:
    text = "he didn't say"
    assert _word_before(text, 0, text.index("say")) == (3, "didn't")
    assert _word_before(text, 0, len(text)) is None  # no space after the last word
    assert _word_before("x 't say", 0, 5) == (3, "t")


def test_cue_scan_matches_the_lookbehind_pattern() -> None:
    first = "".join(sorted({s[0] for s in _SPELLINGS}))
    plain = re.compile(rf"(?<!-)\b(?=[{first}])(?:{trie_pattern(_SPELLINGS)})\b(?!-|['’]s\b)")
    pieces = ["said", " ", "-", "has ", "also ", "Said", "SAID", "according to", "went on to say"]
    pieces += ["x", "'s", "’s ", "told", "it's ", "\n", "é", "well-", "said-", " so far ", "."]
    rng = random.Random(2)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        expected = [(m.start(), m.end()) for m in plain.finditer(text, start, end)]
        assert [(c.verb_start, c.end) for c in find_cues(text, start, end)] == expected


def test_titled_pattern_matches_the_word_boundary_one() -> None:
    from sourcecheck._offline._reader import _TITLED, _TITLES

    plain = re.compile(
        rf"\b(?P<title>{'|'.join(_TITLES)})\.?\s+" + _TITLED.pattern.split(r")\.?\s+", 1)[1]
    )
    pieces = ["Mr", "Mrs. ", "Sen ", "Senator ", "Gov. ", "Governor", "xMr ", "-Mr ", "Smith "]
    pieces += ["John ", "é", "candidate ", "\n", "Mr.\nA", " "]
    rng = random.Random(1)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert [m.groupdict() for m in _TITLED.finditer(text)] == [
            m.groupdict() for m in plain.finditer(text)
        ]


def test_quote_mark_patterns_match_the_plain_ones() -> None:
    from sourcecheck._offline._quotes import _MARKS, _SINGLE

    plain_single = re.compile(r"(?<![\w’'])‘(?=[^\s’])([^‘’\n]*?[^\s‘])’(?!\w)")
    plain_marks = re.compile(r"``|''|[“”«»\"]")
    pieces = ["‘", "’", "'", "a", " ", "\n", "x‘", "‘a’", "é", "’s", "``", "“", "”", '"', "«»"]
    rng = random.Random(4)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        start = rng.randint(0, len(text))
        for fast, plain in ((_SINGLE, plain_single), (_MARKS, plain_marks)):
            assert [m.span() for m in fast.finditer(text, start)] == [
                m.span() for m in plain.finditer(text, start)
            ]


def test_quote_cover_matches_a_scan_of_the_regions() -> None:
    from sourcecheck._offline._quotes import QuoteRegion
    from sourcecheck._offline._reader import _QuoteCover

    rng = random.Random(6)
    for _ in range(2000):
        regions = []
        for _ in range(rng.randint(0, 5)):
            start = rng.randint(0, 30)
            end = rng.randint(start, 40)
            regions.append(QuoteRegion(start, end, start, end, 0))
        cover = _QuoteCover(regions)
        for offset in range(42):
            assert cover(offset) == any(r.start < offset < r.end for r in regions)
