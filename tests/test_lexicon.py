"""The word lists: consistent with one another, so no pair is both alike and opposed."""

from __future__ import annotations

import pytest

from sourcecheck._evidence import stem
from sourcecheck._lexicon import (
    ALIASES,
    CITY_OF,
    OPPOSITE,
    ORDINALS,
    RIVAL,
    SAME_SIDE,
    SYNONYM,
    TIME_UNITS,
)


def test_no_word_is_its_own_opposite_or_rival() -> None:
    for word, opposites in OPPOSITE.items():
        assert word not in opposites, word
        assert not (SAME_SIDE[word] & opposites), word
    for word, rivals in RIVAL.items():
        assert word not in rivals, word


def test_synonyms_are_never_opposites() -> None:
    clashes = [(w, sorted(SYNONYM[w] & OPPOSITE.get(w, frozenset()))) for w in SYNONYM]
    assert [c for c in clashes if c[1]] == []


def test_synonyms_are_never_rivals() -> None:
    clashes = [(w, sorted(SYNONYM[w] & RIVAL.get(w, frozenset()))) for w in SYNONYM]
    assert [c for c in clashes if c[1]] == []


@pytest.mark.parametrize(
    ("word", "opposite"),
    [("rose", "fell"), ("increase", "decline"), ("guilty", "acquitted"), ("win", "lost")],
)
def test_opposites_cover_inflections(word: str, opposite: str) -> None:
    assert stem(opposite) in OPPOSITE[stem(word)]


def test_aliases_and_cities() -> None:
    assert ALIASES["u.s."] == ALIASES["american"] == ALIASES["united states"] == "us"
    assert ALIASES["british"] == "uk"
    assert CITY_OF["london"] == "uk"
    assert "london" not in ALIASES  # a city backs its country, never the reverse


def test_number_words() -> None:
    assert ORDINALS["fourth"] == 4.0
    assert stem("years") in TIME_UNITS
