from __future__ import annotations

import textwrap

import pytest

from sourcecheck import BinaryInputError, Document, EmptyInputError, Role, Span


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


def _split(text: str) -> list[str]:
    return [s.text for s in Document(text).sentences]


def test_acronym_ends_a_sentence_before_a_sentence_opener() -> None:
    assert _split("They barred people from entering the U.S. The ban was lifted.") == [
        "They barred people from entering the U.S.",
        "The ban was lifted.",
    ]
    assert _split("He spoke at the U.S. Supreme Court on Friday. Then he left.") == [
        "He spoke at the U.S. Supreme Court on Friday.",
        "Then he left.",
    ]


def test_state_abbreviation_and_lowercase_word() -> None:
    assert _split("She grew up in Charlotte, N.C. He did not. Smith fell ill. Doctors came.") == [
        "She grew up in Charlotte, N.C.",
        "He did not.",
        "Smith fell ill.",
        "Doctors came.",
    ]
    assert _split("Sens. John Smith and Jane Doe met Acme Inc. officials.") == [
        "Sens. John Smith and Jane Doe met Acme Inc. officials."
    ]


def test_doubled_apostrophes_open_a_quoted_sentence() -> None:
    assert _split("He said it again. ''We are done,'' he said.") == [
        "He said it again.",
        "''We are done,'' he said.",
    ]


def test_a_single_statement_is_body() -> None:
    # The verifier splits short statements with Document: they must stay body text.
    for statement, count in (
        ("The summit was held in London.", 1),
        ("Prices rose 4% in May. Wages fell.", 2),
    ):
        sentences = Document(statement).sentences
        assert len(sentences) == count, statement
        assert all(s.is_body for s in sentences)


def test_headline_and_dek_set_as_sentences() -> None:
    text = (
        "Judge rejects request to unseal divorce file.\n\n"
        "Ruling keeps the records closed for now.\n\n"
        "A New York judge has rejected a media request to make public the contents of a "
        "divorce file, ruling on Thursday that the records must stay sealed.\n\n"
        "More is on the way."
    )
    roles = [p.role for p in Document(text).paragraphs]
    assert roles == [Role.HEADLINE, Role.HEADING, Role.BODY, Role.BODY]


def test_section_headings_and_live_blog_furniture() -> None:
    text = (
        "The Latest: Senate Vote\n\n"
        "The Senate voted on Monday to pass the budget bill after a long debate.\n\n"
        "Climate Change.\n\n"
        "GARLAND STEPS ASIDE.\n\n"
        "7 p.m.\n\n"
        "___\n\n"
        "Getty/Instagram.\n\n"
        "--additional reporting from Jane Doe.\n\n"
        "Correction: An earlier version of this article misstated the date."
    )
    roles = [p.role for p in Document(text).paragraphs]
    assert roles == [
        Role.HEADLINE,
        Role.BODY,
        Role.HEADING,
        Role.HEADING,
        Role.DATELINE,
        Role.BOILERPLATE,
        Role.BOILERPLATE,
        Role.BOILERPLATE,
        Role.BOILERPLATE,
    ]


def test_hard_wrapped_lines_join_their_paragraph() -> None:
    text = (
        "Headline Words Here\n\nThe vote passed on Monday.\n\n"
        "Editor’s note: this article was\nupdated to add\ncomments from the mayor."
    )
    doc = Document(text)
    assert [p.role for p in doc.paragraphs] == [Role.HEADLINE, Role.BODY, Role.BOILERPLATE]
    assert doc.paragraphs[2].span.text.endswith("from the mayor.")


def test_a_signed_quotation_is_body() -> None:
    text = "Readers Respond\n\nWe asked readers.\n\n“He is not a leader.” ― Jane Doe"
    assert Document(text).paragraphs[2].role is Role.BODY


def test_dateline_with_date_and_agency() -> None:
    doc = Document("Headline Here\n\nFLINT, Mich., Oct. 4 (UPI) — Bill Clinton spoke on Tuesday.")
    assert [(s.text, s.role) for s in doc.sentences][1:] == [
        ("FLINT, Mich., Oct. 4 (UPI) —", Role.DATELINE),
        ("Bill Clinton spoke on Tuesday.", Role.BODY),
    ]


def test_no_is_a_number_sign_only_before_a_number() -> None:
    assert _split("He ranked No. 1 in polls. No. Trump has money.") == [
        "He ranked No. 1 in polls.",
        "No.",
        "Trump has money.",
    ]


def test_a_possessive_is_not_an_initial() -> None:
    assert _split("Regardless, it's Mr. Putin's. Despite that, he won.") == [
        "Regardless, it's Mr. Putin's.",
        "Despite that, he won.",
    ]


def test_a_quoted_question_keeps_its_speaker_but_a_quoted_sentence_does_not() -> None:
    assert _split("“Coke user?” Clinton asked. Then he left.") == [
        "“Coke user?” Clinton asked.",
        "Then he left.",
    ]
    assert _split('It was "Peace Through Strength." He told a crowd so.') == [
        'It was "Peace Through Strength."',
        "He told a crowd so.",
    ]


def test_signed_quotations_in_one_paragraph_split_after_each_name() -> None:
    assert _split("“He is a bully.” ― Veronica Cruz “As a voter, I worry.” ― Ana Ruiz") == [
        "“He is a bully.” ― Veronica Cruz",
        "“As a voter, I worry.” ― Ana Ruiz",
    ]


def test_web_furniture_around_an_article() -> None:
    text = (
        "Fed Holds Rates Steady as Inflation Cools\r\n\r\n"
        "By Jane Doe and John Roe, Reuters\r\n"
        "Listen to this article\r\n"
        "Share on Facebook\r\n"
        "Advertisement\r\n\r\n"
        "WASHINGTON, March 20 (Reuters) - The Federal Reserve held rates on Wednesday.\r\n\r\n"
        "Image caption: Fed chair Jerome Powell speaks in Washington.\r\n\r\n"
        "1. Inflation fell to 3.1% in February.\r\n"
        "Our Standards: The Thomson Reuters Trust Principles.\r\n"
    )
    doc = Document(text)
    assert [s.text for s in doc.body_sentences] == [
        "The Federal Reserve held rates on Wednesday.",
        "1. Inflation fell to 3.1% in February.",
    ]
    assert doc.sentences[1].role is Role.BYLINE


def test_by_a_time_is_not_a_byline() -> None:
    doc = Document("Markets Rally\n\nBy Tuesday it was over.\n\nBy The Associated Press")
    assert [p.role for p in doc.paragraphs] == [Role.HEADLINE, Role.BODY, Role.BYLINE]


@pytest.mark.parametrize(
    ("lede", "prefix", "role"),
    [
        ("(CNN) — The Senate passed the bill.", "(CNN) —", Role.DATELINE),
        ("Washington (CNN)The Senate passed the bill.", "Washington (CNN)", Role.DATELINE),
        ("KYIV, Ukraine — The Senate passed the bill.", "KYIV, Ukraine —", Role.DATELINE),
        (
            "CONGRESS HAS INVESTIGATED HIM — The panel met.",
            "CONGRESS HAS INVESTIGATED HIM —",
            Role.HEADING,
        ),
    ],
)
def test_dateline_forms(lede: str, prefix: str, role: Role) -> None:
    doc = Document("Headline Words Here\n\n" + lede)
    assert (doc.sentences[1].text, doc.sentences[1].role) == (prefix, role)
    assert doc.sentences[2].is_body


def test_a_dash_after_an_acronym_is_not_a_dateline() -> None:
    doc = Document("Headline Words Here\n\nNATO — the alliance — met on Monday.")
    assert [s.role for s in doc.sentences[1:]] == [Role.BODY]


def test_credits_captions_and_notes_are_boilerplate() -> None:
    text = (
        "Storm Batters Coast\n\n"
        "MIAMI (AP) — A storm battered the coast on Sunday.\n\n"
        "FILE - A worker clears debris in Miami. (AP Photo/Rebecca Blackwell, File)\n\n"
        "Related: Hurricane season breaks records\n\n"
        "The Associated Press contributed to this report.\n\n"
        "This story has been updated to correct the number of homes without power.\n\n"
        "Contact the author at mlopez@example.com."
    )
    roles = [p.role for p in Document(text).paragraphs]
    assert roles == [Role.HEADLINE, Role.BODY] + [Role.BOILERPLATE] * 5


def test_a_text_hard_wrapped_at_a_fixed_width_keeps_its_paragraphs() -> None:
    paragraphs = [
        "The United States on Tuesday, for the first time, formally supported security "
        "guarantees for Ukraine, joining a broad coalition of allies.",
        "The pledge was made at a summit in Paris convened by the coalition, composed "
        "primarily of European states, according to Reuters.",
        "Following the summit, U.S. Special Envoy Steve Witkoff said that President "
        "Donald Trump strongly stands behind the security protocols.",
    ]
    wrapped = ["\n".join(textwrap.wrap(p, 60)) for p in paragraphs]
    doc = Document("US Backs Guarantees\n\n" + "\n\n".join(wrapped))
    assert [p.role for p in doc.paragraphs] == [Role.HEADLINE] + [Role.BODY] * 3
    assert [" ".join(s.text.split()) for s in doc.body_sentences] == paragraphs


def test_short_unfinished_lines_stay_separate() -> None:
    # The seed's masthead: short lines, not a wrapped paragraph.
    doc = Document("A Headline Here\n\nRksNews\nRksNews 2 Min Read\n2 Min Read\n\nThe vote passed.")
    assert [p.span.text for p in doc.paragraphs][1:4] == [
        "RksNews",
        "RksNews 2 Min Read",
        "2 Min Read",
    ]


@pytest.mark.parametrize("statement", ["Trump Wins Election", "By Tuesday it was over", "2 p.m."])
def test_a_text_of_one_paragraph_is_body(statement: str) -> None:
    assert [s.role for s in Document(statement).sentences] == [Role.BODY]


def test_sentences_in_a_span() -> None:
    doc = Document("One fact here. Another fact there. A third one.")
    spans = [s.span for s in doc.sentences]
    assert doc.sentences_in(Span.of(doc.text, 0, len(doc.text))) == doc.sentences
    assert doc.sentences_in(Span.of(doc.text, spans[1].start + 2, spans[2].start + 1)) == (
        doc.sentences[1],
        doc.sentences[2],
    )
    assert doc.sentences_in(Span.of(doc.text, spans[0].end, spans[1].start)) == ()
    for i in range(len(doc.text)):
        probe = Span.of(doc.text, i, min(len(doc.text), i + 3))
        assert doc.sentences_in(probe) == tuple(s for s in doc.sentences if s.span.overlaps(probe))


def test_scripts_without_capitals_split_into_sentences() -> None:
    arabic = "الحكومة أعلنت يوم الثلاثاء عن خطة جديدة. وقال الوزير إن الخطة ستنفذ قريبا."
    cjk = "公司周二表示，系统已经恢复。该公司称，辐射水平正在下降。"
    assert [s.text for s in Document(arabic).sentences] == [
        "الحكومة أعلنت يوم الثلاثاء عن خطة جديدة.",
        "وقال الوزير إن الخطة ستنفذ قريبا.",
    ]
    assert [s.text for s in Document(cjk).sentences] == [
        "公司周二表示，系统已经恢复。",
        "该公司称，辐射水平正在下降。",
    ]


def test_ends_terminal_matches_the_pattern() -> None:
    import random

    from sourcecheck._document import _TERMINAL, _ends_terminal

    rng = random.Random(3)
    pieces = list(".!?…:;\"'”’)]a \n“x")
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert _ends_terminal(text, start, end) == bool(_TERMINAL.search(text, start, end))


def test_sentence_boundary_pattern_matches_the_lookahead_one() -> None:
    import random
    import re

    from sourcecheck._document import _BOUNDARY

    plain = re.compile(
        r"""(?=[.!?…。！？؟])(?:"""
        r"""[.!?…]["”’]\s*[―—]\s*(?P<signed>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})(?=\s+[“"])|"""
        r"""[.!?…]+["'”’)\]]*(?=\s+["'“”‘’(\[]*[A-Z0-9])|"""
        r"""[.!?؟…]+["'”’)\]]*(?=\s+["'“”‘’(\[«]*[\u0590-\u0dff\u0e00-\u0eff\u3040-\u30ff"""
        r"""\u3400-\u9fff\uac00-\ud7af])|"""
        r"""[。！？]+[」』”’）)]*(?=\S))"""
    )
    pieces = [".", "!", "?", "…", "。", "！", "؟", "”", "’", '"', ")", " ", "A", "a", "― Jane Doe "]
    pieces += ["“", "ש", "字", "」", " \n", "..."]
    rng = random.Random(1)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert [(m.span(), m.group("signed")) for m in _BOUNDARY.finditer(text)] == [
            (m.span(), m.group("signed")) for m in plain.finditer(text)
        ]
