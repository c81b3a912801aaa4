from __future__ import annotations

import pytest

from sourcecheck import BinaryInputError, Document, EmptyInputError, Role


def test_seed_roles(seed_text: str) -> None:
    doc = Document(seed_text)
    roles = {s.text: s.role for s in doc.sentences}
    assert (
        roles["United States Backs Security Guarantees for Ukraine for the First Time"]
        is Role.HEADLINE
    )
    assert roles["RksNews"] is Role.BYLINE
    assert roles["2 Min Read"] is Role.BOILERPLATE
    assert roles["RksNews 2 Min Read"] is Role.BOILERPLATE
    assert roles["Strong U.S. Endorsement"] is Role.HEADING
    body = doc.body_sentences
    assert body[0].text.startswith("The United States on Tuesday")
    assert all(s.text[0].isupper() or s.text[0] in '“"' for s in body)


def test_offsets_index_the_original_text(seed_text: str) -> None:
    doc = Document(seed_text)
    for unit in (*doc.paragraphs, *doc.sentences):
        assert seed_text[unit.span.start : unit.span.end] == unit.span.text


def test_abbreviations_do_not_split() -> None:
    doc = Document("Gov. J. Smith met U.S. officials in Washington, D.C. on Friday. Then he left.")
    assert [s.text for s in doc.sentences] == [
        "Gov. J. Smith met U.S. officials in Washington, D.C. on Friday.",
        "Then he left.",
    ]


def test_quote_ending_a_sentence() -> None:
    doc = Document('He said, "We are done." The talks ended.')
    assert [s.text for s in doc.sentences] == ['He said, "We are done."', "The talks ended."]


def test_dateline_is_not_body() -> None:
    doc = Document("Headline Here\n\nWASHINGTON (Reuters) - The Senate passed the bill on Monday.")
    assert [(s.text, s.role) for s in doc.sentences][1:] == [
        ("WASHINGTON (Reuters) -", Role.DATELINE),
        ("The Senate passed the bill on Monday.", Role.BODY),
    ]


def test_sentence_at() -> None:
    doc = Document("One fact here. Another fact there.")
    second = doc.sentences[1]
    assert doc.sentence_at(second.span.start) == second
    assert doc.sentence_at(14) is None  # the space between them


@pytest.mark.parametrize(
    ("bad", "error"),
    [
        ("", EmptyInputError),
        ("  \n\t ", EmptyInputError),
        ("a\x00b", BinaryInputError),
        (b"\xff\xfe\x00", BinaryInputError),
        (42, BinaryInputError),
    ],
)
def test_bad_input_is_a_typed_error(bad: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        Document(bad)  # type: ignore[arg-type]
