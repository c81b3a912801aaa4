"""The cue scanner's fast paths give what the plain regular expressions give."""

from __future__ import annotations

import random
import re

from sourcecheck._offline._cues import _word_before

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
