"""Quote finding: marks, multi-paragraph quotes, scare quotes, and the span convention."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck._document import Document
from sourcecheck._models import iter_spans
from sourcecheck._offline import OfflineReader
from sourcecheck._offline._quotes import QuoteRegion, find_quote_regions, is_scare_quote


def _regions(text: str) -> list[QuoteRegion]:
    paragraphs = []
    start = 0
    for block in text.split("\n\n"):
        paragraphs.append((start, start + len(block)))
        start += len(block) + 2
    return find_quote_regions(text, paragraphs)


def _words(text: str) -> list[str]:
    return [text[slice(*r.words(text))] for r in _regions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Prices will fall,” the minister said.", ["Prices will fall"]),
        ('"Prices will fall," the minister said.', ["Prices will fall"]),
        ("``Prices will fall,'' the minister said.", ["Prices will fall"]),
        ("''Prices will fall,'' the minister said.", ["Prices will fall"]),
        ("«Prices will fall», the minister said.", ["Prices will fall"]),
        ('He said: "We won." Then: "We lost?"', ["We won.", "We lost?"]),
    ],
)
def test_marks_of_every_style(text: str, expected: list[str]) -> None:
    assert _words(text) == expected


def test_quote_span_drops_marks_and_trailing_comma_but_keeps_final_period() -> None:
    text = '"It is over," she said. "We go home."'
    regions = _regions(text)
    assert [text[r.start : r.end] for r in regions] == ['"It is over,"', '"We go home."']
    assert _words(text) == ["It is over", "We go home."]


def test_apostrophes_are_not_quotes() -> None:
    text = "Trump’s plan isn’t new, and the ’90s were different."
    assert _regions(text) == []


def test_single_marks_inside_double_marks_are_nested_not_separate() -> None:
    text = "“He told me, ‘Don’t leave,’ and I stayed,” she said."
    assert _words(text) == ["He told me, ‘Don’t leave,’ and I stayed"]


def test_single_curly_marks_quote_in_a_headline() -> None:
    text = "Caddell: Voters Worried; It’s ‘in Their Heads.’"
    assert _words(text) == ["in Their Heads."]


def test_closing_mark_used_as_opening_mark() -> None:
    text = "”Mr. Trump embodies the legacy of racism.” ― Sonya Herridge"
    assert _words(text) == ["Mr. Trump embodies the legacy of racism."]


def test_multi_paragraph_quote_continues_into_the_next_paragraph() -> None:
    text = '"The first part goes on,\n\n"and the second part ends here," she said.'
    regions = _regions(text)
    assert len(regions) == 2
    assert not regions[0].closed
    assert regions[1].continues
    assert text[slice(*regions[1].words(text))] == "and the second part ends here"


def test_a_closed_quote_does_not_mark_the_next_paragraph_as_continuing() -> None:
    text = '"One," he said.\n\n"Two," he said.'
    assert [r.continues for r in _regions(text)] == [False, False]


@pytest.mark.parametrize(
    ("text", "scare"),
    [
        ('the so-called "coalition of the willing," met', True),
        ('a group dubbed "the Squad" met', True),
        ('the "Keepin\' It Real" radio program', True),
        ('"We will not back down," she said.', False),
        ('she called it "absolutely unacceptable and wrong for the country"', False),
        ('"Absolutely." he said', False),
    ],
)
def test_scare_quotes(text: str, scare: bool) -> None:
    region = _regions(text)[0]
    assert is_scare_quote(text, region) is scare


def test_reader_keeps_speech_and_drops_scare_quotes() -> None:
    text = (
        "Headline Here\n\n"
        'The so-called "coalition of the willing" met on Monday, according to Reuters.\n\n'
        '"We will defend it," Smith said.'
    )
    reading = OfflineReader().read(Document(text))
    assert [q.span.text for q in reading.quotes] == ["We will defend it"]


def test_partial_quote_inside_reported_speech() -> None:
    text = 'Headline Here\n\nThe envoy said that the president "strongly stands behind it."'
    (quote,) = OfflineReader().read(Document(text)).quotes
    assert quote.kind.value == "partial"
    assert quote.span.text == "strongly stands behind it."
    assert quote.speaker is not None
    assert quote.speaker.text == "The envoy"


def test_unattributed_quote_is_kept_with_no_speaker() -> None:
    text = 'Headline Here\n\nThe crowd grew. "We are not going anywhere tonight."'
    (quote,) = OfflineReader().read(Document(text)).quotes
    assert quote.speaker is None
    assert quote.speaker_name is None


_PIECES = [
    "He said",
    " said Smith",
    ", according to Reuters",
    '"',
    "“",
    "”",
    "‘",
    "’",
    "''",
    "``",
    ": ",
    ", ",
    ". ",
    "\n\n",
    " ― ",
    "WALLACE: ",
    "reportedly ",
    "Trump's claim that ",
    ", adding that ",
    "the plan works",
    "Officials",
    " told reporters ",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30))
def test_any_text_reads_without_error_and_every_span_is_exact(pieces: list[str]) -> None:
    text = "Headline Here\n\n" + "".join(pieces) + " end."
    reading = OfflineReader().read(Document(text))
    for span in iter_spans((reading.quotes, reading.attributions)):
        assert text[span.start : span.end] == span.text
