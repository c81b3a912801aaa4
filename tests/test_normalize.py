"""The folded view: what folds, and that every folded character maps back to the source."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck._normalize import fold, normalize


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("The Mayor", "the mayor"),
        ("two  words\n\nhere", "two words here"),
        ("“quoted”", '"quoted"'),
        ("''quoted''", '"quoted"'),
        ("``quoted''", '"quoted"'),
        ("it’s", "it's"),
        ("`tis", "'tis"),
        ("«bien»", '"bien"'),
        ("war — and peace", "war--and peace"),
        ("war – and peace", "war - and peace"),
        ("wait…", "wait..."),
        ("caf\u00e9", "cafe\u0301"),  # precomposed and decomposed accents
        ("\ufb01nal", "final"),  # ligature
        ("ＡＢＣ", "abc"),  # full-width forms
        ("soft\u00adhyphen", "softhyphen"),
        ("zero\u200bwidth", "zerowidth"),
        ("STRASSE", "straße"),
        ("a\u00a0b", "a b"),  # no-break space
    ],
)
def test_variants_fold_alike(left: str, right: str) -> None:
    assert fold(left) == fold(right)


@pytest.mark.parametrize(
    ("left", "right"),
    [("said", "sad"), ("one two", "onetwo"), ("a-b", "a.b"), ('"x"', "'x'")],
)
def test_different_texts_stay_different(left: str, right: str) -> None:
    assert fold(left) != fold(right)


def test_fold_is_the_stripped_view() -> None:
    text = "  “We’ll  WIN” — he said…  "
    assert fold(text) == normalize(text).text.strip()
    assert fold(text) == '"we\'ll win"-he said...'


def test_view_maps_back_to_the_original_characters() -> None:
    source = "He said: “We’ll  WIN” — twice…"
    view = normalize(source)
    start = view.text.index("we'll win")
    first, last = view.to_source(start, start + len("we'll win"))
    assert source[first:last] == "We’ll  WIN"
    start = view.text.index("...")
    assert view.to_source(start, start + 3) == (len(source) - 1, len(source))


def test_dash_range_is_trimmed_of_its_spaces() -> None:
    source = "war — peace"
    view = normalize(source)
    assert view.text == "war-peace"
    start = view.text.index("-")
    first, last = view.to_source(start, start + 1)
    assert source[first:last] == "—"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120), st.integers(0, 130))
def test_from_source_is_the_first_view_position_at_or_after(source: str, offset: int) -> None:
    view = normalize(source)
    offset = min(offset, len(source))
    position = view.from_source(offset)
    expected = next(
        (i for i in range(len(view.text)) if view.origin(i)[0] >= offset), len(view.text)
    )
    assert position == expected


def test_from_source_finds_the_view_position() -> None:
    source = "A  B  C"
    view = normalize(source)
    assert view.text == "a b c"
    assert view.from_source(0) == 0
    assert view.from_source(3) == 2  # "B"
    assert view.from_source(len(source)) == len(view.text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_offsets_are_monotone_and_in_range(source: str) -> None:
    view = normalize(source)
    origins = [view.origin(i) for i in range(len(view.text))]
    assert origins == sorted(origins)
    for start, end in origins:
        assert 0 <= start < end <= len(source)
    # Each view character comes from where from_source says that source offset lands.
    for i, (start, _) in enumerate(origins):
        assert view.from_source(start) <= i
        assert origins[view.from_source(start)][0] == start


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120), st.integers(0, 120), st.integers(0, 120))
def test_every_view_range_maps_to_a_source_range(source: str, a: int, b: int) -> None:
    view = normalize(source)
    if not view.text:
        return
    start, end = sorted((a % len(view.text), b % len(view.text)))
    first, last = view.to_source(start, end + 1)
    assert 0 <= first < last <= len(source)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_folding_a_concatenation_contains_each_folded_part(left: str, right: str) -> None:
    # Folding is local: a part's folded form (inner whitespace aside) survives context.
    core = fold(left)
    if core and " " not in core and "-" not in core:
        assert core in normalize(right + " " + left + " " + right).text
