"""Attributions the rules must not report: cues in a non-attributive sense, duplicates."""

from __future__ import annotations

from _fixtures import attribution_triples as _triples


def test_a_colon_paragraph_does_not_take_quotes_that_have_their_own_speaker() -> None:
    body = (
        "Her enthusiasm for the mayor is recorded in detail:\n\n"
        '"Here comes the mayor," she said, clapping. "The big day has come."'
    )
    assert _triples(body) == [
        ("she", "said", '"Here comes the mayor," she said, clapping. "The big day has come."')
    ]


def test_a_conjunction_right_after_the_cue_leaves_it_without_content() -> None:
    assert _triples("Voters elected a mayor who said and did the same things as his rival.") == []
    assert _triples("She responded then the same way that she always does.") == []


def test_a_stranded_preposition_is_no_content() -> None:
    assert _triples("It is a plan that most voters would disagree with.") == []


def test_a_noun_cue_before_to_and_a_noun_phrase_has_no_content() -> None:
    assert _triples("The mayor raised his commitment to the fund to $2 million.") == []
    assert _triples("The mayor renewed his commitment to rebuild the bridge.") == [
        ("his", "commitment", "to rebuild the bridge")
    ]


def test_an_opening_time_phrase_of_several_words_is_no_content() -> None:
    assert _triples("A few weeks earlier, the mayor was speaking to the council.") == []


def test_assume_with_an_object_takes_something_on_and_reports_nothing() -> None:
    assert _triples("The new mayor would assume office in January.") == []
    assert _triples("Officials assumed that the bridge was safe.") == [
        ("Officials", "assumed", "that the bridge was safe")
    ]
    # the gerund states a premise: "assuming no cuts"
    assert _triples("The plan costs $4 billion, the budget office estimated, assuming no cuts.")[
        -1
    ][1:] == ("assuming", "no cuts")


def test_that_said_and_having_said_that_are_discourse_markers() -> None:
    assert _triples("That said, the plan will fail.") == []
    assert _triples("Having said that, he said the plan will fail.") == [
        ("he", "said", "the plan will fail")
    ]
    assert _triples("That said, he said the plan will fail.") == [
        ("he", "said", "the plan will fail")
    ]


def test_a_content_of_punctuation_alone_is_no_content() -> None:
    assert _triples("(The plan has critics who disagree.)") == []


def test_a_series_or_section_label_before_a_headline_colon_is_no_source() -> None:
    body = "The council met on Monday."
    assert _triples(body, headline="The Latest: Bridge to reopen in May") == []
    assert _triples(body, headline="Analysis: Bridge to reopen in May") == []
    assert _triples(body, headline="Mayor: Bridge to reopen in May") == [
        ("Mayor", ":", "Bridge to reopen in May")
    ]


def test_seem_before_an_adjective_is_the_writers_impression_not_hearsay() -> None:
    assert _triples("The outline of a deal seems clear.") == []
    assert _triples("As improbable as it may seem, the council agreed.") == []
    assert _triples("The council seems to favor closing the park.")[0][1:] == (
        "seems",
        "The council seems to favor closing the park",
    )


def test_regarding_is_a_preposition_not_a_cue() -> None:
    assert _triples("Critics spoke at length, regarding the bridge and the tunnel.") == []


def test_a_passive_with_a_pronoun_subject_and_an_agent_has_no_content() -> None:
    assert _triples("They were backed by the governor.") == []
    assert _triples("The plan was backed by the governor.") == [
        ("the governor", "was backed", "The plan")
    ]


def test_quotes_after_content_x_said_go_on_with_the_same_content() -> None:
    body = (
        'The plan may be too costly, Smith said. "It will take ten years. '
        'Nobody has the money for that."'
    )
    assert _triples(body) == [("Smith", "said", body.rstrip("."))]


def test_a_noun_like_cue_after_a_percentage_of_a_named_group_is_a_noun() -> None:
    body = "Auditors counted 32% of Republican claims and 11% of Democratic claims – a big gap."
    assert _triples(body) == []


def test_according_to_before_a_lone_word_attributes_no_clause() -> None:
    assert _triples("Is it the same? According to the mayor, basically.") == []
    assert _triples("According to the mayor, costs rose.") == [
        ("the mayor", "According to", "costs rose")
    ]
