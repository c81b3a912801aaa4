"""Attributions with cues outside the speech verbs: nouns, states of mind, labels."""

from __future__ import annotations

from _fixtures import attribution_triples as _triples


def test_a_noun_cue_after_a_possessor_and_two_modifiers() -> None:
    body = "His economic views are shaped by his long-standing ideas about trade."
    assert ("his", "ideas about", "trade") in _triples(body)


def test_a_contracted_is_is_no_possessor_of_a_noun_cue() -> None:
    assert not [t for t in _triples("It's a safe bet that rates will rise.") if t[0] == "It's"]


def test_now_and_perhaps_join_the_cue() -> None:
    assert ("The campaign", "now says", "it will win") in _triples(
        "The campaign now says it will win."
    )
    body = "The aides were pleased, perhaps recognizing that the plan had worked."
    assert [t[1:] for t in _triples(body)] == [("recognizing", "that the plan had worked")]


def test_more_states_of_mind_after_to_be() -> None:
    body = "Party leaders were hesitant about the deal."
    assert _triples(body) == [("Party leaders", "were hesitant about", "the deal")]
    body = "The analyst is bearish on the future of the company."
    assert _triples(body) == [("The analyst", "is bearish on", "the future of the company")]


def test_paint_and_frame_attribute_an_object_and_its_label() -> None:
    body = "The ad painted the senator as a career politician."
    assert _triples(body) == [("The ad", "painted", "the senator as a career politician")]
    assert _triples("She paints landscapes in the summer.") == []


def test_the_source_stands_before_a_time_phrase() -> None:
    body = "A memorable ad in 2008 questioned whether the rival was ready."
    assert _triples(body) == [("A memorable ad", "questioned", "whether the rival was ready")]
    body = "An arbitration panel in 2001 found the country was in breach of the deal."
    assert _triples(body) == [
        ("An arbitration panel", "found", "the country was in breach of the deal")
    ]


def test_a_meeting_to_discuss_is_its_subjects() -> None:
    body = "European leaders gathered Friday to discuss the crisis."
    [(source, cue, content)] = _triples(body)
    assert (source, content) == ("European leaders", "the crisis")
    assert cue.endswith("to discuss")


def test_a_hearsay_passive_after_a_long_subject() -> None:
    body = "About one in every nine voters this fall is expected to be young."
    assert _triples(body) == [(None, "is expected", body[:-1])]
    assert _triples("About one in every nine voters this fall is expected.") == []


def test_a_noun_of_public_judgment_attributes_its_object() -> None:
    body = "The agency came under sharp criticism for its slow response."
    assert _triples(body) == [(None, "criticism for", "its slow response")]
    body = "The council issued a strong condemnation of the test."
    assert _triples(body) == [(None, "condemnation of", "the test")]


def test_a_common_noun_possessor_of_a_noun_cue() -> None:
    body = "Nothing has stopped the government's determination to build the dam."
    assert ("the government's", "determination", "to build the dam") in _triples(body)


def test_a_noun_of_attitude_attributes_what_it_is_about() -> None:
    body = "Many voters have had reservations about the new tax."
    assert _triples(body) == [(None, "reservations about", "the new tax")]
    body = 'The mayor praised the plan, citing criticism of "the old rules" by residents.'
    assert not [t for t in _triples(body) if t[1] == "criticism of"]


def test_a_meaning_tail_after_a_closing_quote_is_the_writers() -> None:
    body = 'The mayor criticized the board for calling the deal "final," meaning no vote is due.'
    [(_, _, content)] = [t for t in _triples(body) if t[1] == "criticized"]
    assert content == 'the board for calling the deal "final,"'


def test_a_which_clause_of_consequence_is_the_writers() -> None:
    body = "She said he expects to recover from the flu, which forced him to cancel a trip."
    assert ("She", "said", "he expects to recover from the flu") in _triples(body)


def test_a_concession_after_a_whether_clause_is_the_writers() -> None:
    body = "The aides were coy about whether they would change course, despite bad polls."
    assert ("The aides", "were coy about", "whether they would change course") in _triples(body)


def test_on_social_media_closing_a_content_is_the_cues_venue() -> None:
    body = "The mayor denounced the governor on social media."
    assert _triples(body) == [("The mayor", "denounced", "the governor")]


def test_but_then_a_phrase_then_a_new_subject_ends_a_content() -> None:
    body = "The court ruled that the law is valid, but in the course of it they could not stop."
    assert ("The court", "ruled", "that the law is valid") in _triples(body)


def test_an_especially_given_tail_is_the_writers() -> None:
    body = "Many voters find the pitch convincing, especially given that the economy is weak."
    assert ("Many voters", "find", "the pitch convincing") in _triples(body)


def test_a_figures_comparison_tail_is_the_writers() -> None:
    body = "The bank expects that prices will rise 2 percent, more than twice the old rate."
    assert ("The bank", "expects", "that prices will rise 2 percent") in _triples(body)


def test_and_a_passive_participle_with_by_stays_in_the_object() -> None:
    body = "The firm called the claims false and invented by former staff."
    assert _triples(body) == [
        ("The firm", "called", "the claims false and invented by former staff")
    ]


def test_a_relative_clauses_list_of_predicates_stays_in_the_content() -> None:
    body = (
        "It echoed 2012, when Obama painted Romney as a man who inherited his wealth,"
        " gamed the tax code and looked down on voters."
    )
    content = (
        "Romney as a man who inherited his wealth, gamed the tax code and looked down on voters"
    )
    assert ("Obama", "painted", content) in _triples(body)


def test_expressed_misgivings_about_is_one_cue() -> None:
    body = "Several senators have expressed misgivings about the nominee."
    assert _triples(body) == [
        ("Several senators", "have expressed misgivings about", "the nominee")
    ]


def test_a_quoted_predicate_in_an_opening_with_clause_ends_at_its_comma() -> None:
    body = (
        "With Democratic aides increasingly worried about the weak polls,"
        ' the mayor is rolling out a new slogan: "It is about me."'
    )
    assert ("Democratic aides", "increasingly worried", "about the weak polls") in _triples(body)
