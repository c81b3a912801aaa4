"""Sources of attributions, and attributions once missed although their cue is known."""

from __future__ import annotations

import pytest

from _fixtures import attribution_triples as _triples


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            # "in" before a place is no phrasal-verb particle ("called in to a show")
            "The mayor says in Springfield that the bridge will reopen.",
            ("The mayor", "says", "that the bridge will reopen"),
        ),
        (
            # a cue that ends the sentence reports the clause before the comma, even
            # when that clause ends in a cue-like verb of its own
            "The negotiations are continuing, she said.",
            ("she", "said", "The negotiations are continuing"),
        ),
        (
            # a base form after "NOUNS to/for X": the head noun is plural
            "Lawyers for the company say the merger will close in June.",
            ("Lawyers for the company", "say", "the merger will close in June"),
        ),
        (
            # a passive with an agent: the subject is the content, the agent the source
            "The merger was first reported by The Daily Planet on Monday.",
            ("The Daily Planet", "was first reported", "The merger"),
        ),
        (
            # an infinitive after a verb of intent: that verb's subject is the source
            "The senator went on to explain why the plan failed.",
            ("The senator", "went on to explain", "why the plan failed"),
        ),
        (
            "The mayor has yet to explain why the bridge is closed.",
            ("The mayor", "has yet to explain", "why the bridge is closed"),
        ),
        (
            # only a verb of saying inverts ("..., said X"): "celebrated" here is the
            # content's own verb
            "The museum, the mayor said, celebrated several local heroes.",
            ("the mayor", "said", "The museum, the mayor said, celebrated several local heroes"),
        ),
        (
            # a gerund after a preposition continues its clause, whose subject speaks
            "The mayor opened the session by saying that the budget was short.",
            ("The mayor", "saying", "that the budget was short"),
        ),
        (
            # a participle opening the sentence: content to the comma, the subject after
            "Citing a new study, the senator voted against the bill.",
            ("the senator", "Citing", "a new study"),
        ),
        (
            "Records from the county show that turnout fell.",
            ("Records from the county", "show", "that turnout fell"),
        ),
        (
            # an object relative: the speaker follows "which", the content is the verb
            # phrase after the cue
            "He criticized the donations, which he said were tied to favors.",
            ("he", "said", "were tied to favors"),
        ),
        (
            # a passive with its agent after a short object
            "The mayor has been called a fraud by several critics.",
            ("several critics", "has been called", "The mayor has been called a fraud"),
        ),
        (
            # "When pressed by X about Y,": the asker is the source, the question the content
            "When pressed by reporters about the deal, the governor said it was fair.",
            ("reporters", "pressed", "the deal"),
        ),
        (
            # a noun-like form ("votes", "notes") is a verb before a to-infinitive
            "House panel votes to hold the aide in contempt.",
            ("House panel", "votes", "to hold the aide in contempt"),
        ),
        (
            # the verb of intent may itself be a cue ("continues")
            "The nominee continues to insist that he will release the returns.",
            ("The nominee", "continues to insist", "that he will release the returns"),
        ),
    ],
)
def test_attribution_found(body: str, expected: tuple[str, str, str]) -> None:
    assert expected in _triples(body)


def test_a_passive_without_an_agent_attributes_its_clause_to_no_one() -> None:
    body = "The island is not thought to be capable of building a fleet, but it is trying."
    assert _triples(body) == [
        (None, "is not thought", "The island is not thought to be capable of building a fleet")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "The officer was charged with assault on Monday.",  # an indictment
        "She said the officer was fired because the theft was confirmed.",  # inside a content
    ],
)
def test_passives_that_attribute_nothing_new(body: str) -> None:
    cues = [cue for _, cue, _ in _triples(body)]
    assert "was charged" not in cues
    assert "was confirmed" not in cues


def test_an_infinitive_inside_another_content_is_no_attribution_of_its_own() -> None:
    triples = _triples("She said she wanted to explain the plan to voters.")
    assert [cue for _, cue, _ in triples] == ["said"]


def test_a_later_quote_in_the_paragraph_keeps_the_speaker_of_a_partial_quote() -> None:
    body = (
        '"I admire the mechanics" of the plan, the economist said. '
        '"But I have serious concerns about the quality of the estimates."'
    )
    # PolNeAR joins the later quote to the content: one attribution, the speaker's.
    assert _triples(body) == [("the economist", "said", body)]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ('"We will win," said Jane Roe, speaking to reporters in Ohio.', "Jane Roe"),
        ('"We will win," said Jane Roe, on her first day in office.', "Jane Roe"),
        ('"Costs will rise," said Mr. Lee, who argued that the tax is too high.', "Mr. Lee"),
    ],
)
def test_an_aside_after_an_inverted_source_is_no_part_of_it(body: str, source: str) -> None:
    assert (source, "said", body[: body.index(",") + 2].rstrip()) in _triples(body)


def test_a_colon_introduces_an_unquoted_next_paragraph() -> None:
    body = "The governor added:\n\nIt is typical of the campaign. They know nothing at all."
    assert _triples(body)[0] == (
        "The governor",
        "added",
        "It is typical of the campaign. They know nothing at all",
    )


def test_a_gerund_skips_a_relative_pronoun_for_its_subject() -> None:
    body = (
        "Trump was defensive about an architect who said he was unpaid, "
        "saying that the work was poor."
    )
    assert ("Trump", "saying", "that the work was poor") in _triples(body)


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ('"The law cannot stand," said the ruling.', "the ruling"),
        ('"It is a misguided approach," said Mr. Lee (a view shared by others).', "Mr. Lee"),
        ('"We will march," said the group (AROS).', "the group (AROS)"),
    ],
)
def test_an_inverted_source_that_looks_like_a_cue_or_has_an_aside(body: str, source: str) -> None:
    assert [s for s, cue, _ in _triples(body) if cue == "said"] == [source]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The lawyer said the videos do not show a gun, the footage showed.",
            ("The lawyer", "said"),
        ),
        (
            "Roe said she felt the law was unfair, she said.",
            ("Roe", "said"),
        ),
    ],
)
def test_the_attribution_that_opens_the_sentence_is_kept(
    body: str, expected: tuple[str, str]
) -> None:
    assert [(source, cue) for source, cue, _ in _triples(body)] == [expected]


def test_a_headline_label_before_a_clause_with_its_own_speaker() -> None:
    triples = _triples("The vote is on Monday.", headline="Live Updates: Mayor Urges Calm")
    assert ("Mayor", "Urges", "Calm") in triples


def test_a_leading_according_to_covers_the_attribution_inside_it() -> None:
    body = "According to the Daily Planet, a spokesman said the mayor would resign."
    assert _triples(body) == [
        ("the Daily Planet", "According to", "a spokesman said the mayor would resign")
    ]


def test_a_complement_whose_subject_speaks_stays_the_outer_speakers() -> None:
    body = "The spokesman said that the president has long called for lower taxes."
    assert _triples(body) == [
        ("The spokesman", "said", "that the president has long called for lower taxes")
    ]
