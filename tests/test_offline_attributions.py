"""Attributions found by rules: the shapes of reported speech, quotes and headlines."""

from __future__ import annotations

import pytest

from _fixtures import attribution_triples as _triples
from _fixtures import offline_attributions as _read
from sourcecheck._models import AttributionKind
from sourcecheck._offline import _attributions
from sourcecheck._offline._cues import find_cues


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The mayor said that the bridge will reopen in May.",
            ("The mayor", "said", "that the bridge will reopen in May"),
        ),
        (
            "Officials said on Tuesday that the bridge will reopen.",
            ("Officials", "said", "that the bridge will reopen"),
        ),
        (
            "The bridge will reopen in May, the mayor said on Tuesday.",
            ("the mayor", "said", "The bridge will reopen in May"),
        ),
        (
            "The bridge will reopen in May, said Jane Roe, the city's engineer.",
            ("Jane Roe, the city's engineer", "said", "The bridge will reopen in May"),
        ),
        (
            "The governor has also warned that funds are short.",
            ("The governor", "has also warned", "that funds are short"),
        ),
        (
            "Many Democrats believe the race is closer than polls suggest.",
            ("Many Democrats", "believe", "the race is closer than polls suggest"),
        ),
        (
            "The senator told reporters that the vote would be delayed.",
            ("The senator", "told", "that the vote would be delayed"),
        ),
        (
            "Kerr Putney, the Charlotte-Mecklenburg police chief, said the video was unclear.",
            (
                "Kerr Putney, the Charlotte-Mecklenburg police chief,",
                "said",
                "the video was unclear",
            ),
        ),
        (
            "A 2014 study that appeared in a journal found that most claims were wrong.",
            (
                "A 2014 study that appeared in a journal",
                "found",
                "that most claims were wrong",
            ),
        ),
        (
            "Clinton has called for higher taxes on the wealthy.",
            ("Clinton", "has called for", "higher taxes on the wealthy"),
        ),
    ],
)
def test_reported_speech(body: str, expected: tuple[str, str, str]) -> None:
    assert _triples(body) == [expected]


def test_according_to_after_the_content() -> None:
    (a,) = _read("The summit was held in Paris, according to Reuters.")
    assert a.content.text == "The summit was held in Paris"
    assert a.source is not None
    assert a.source.text == "Reuters"
    assert a.kind is AttributionKind.ACCORDING_TO


def test_according_to_after_a_dash_and_a_relative_takes_the_relative() -> None:
    (a,) = _read("The rival plan must fail - which it often does, according to Reuters.")
    assert a.content.text == "which it often does"


def test_according_to_before_the_content() -> None:
    (a,) = _read("According to a new poll by the Post, the race is tied.")
    assert a.content.text == "the race is tied"
    assert a.source is not None
    assert a.source.text == "a new poll by the Post"
    assert a.kind is AttributionKind.ACCORDING_TO


def test_direct_quote_with_speaker_after() -> None:
    (a,) = _read('"We will not back down," Smith said.')
    assert a.content.text == '"We will not back down,"'
    assert a.kind is AttributionKind.DIRECT
    assert a.source is not None
    assert a.source.text == "Smith"


def test_direct_quote_with_inverted_speaker() -> None:
    (a,) = _read("“It went beyond the room,” said Donna Brazile, the interim chairwoman.")
    assert a.source is not None
    assert a.source.text == "Donna Brazile, the interim chairwoman"
    assert a.source_name == "Donna Brazile"
    assert a.source_role == "interim chairwoman"


def test_a_quote_after_an_attributed_quote_joins_its_content() -> None:
    (a,) = _read('"It was a good night," Ms. Moore said. "We will win."')
    assert a.content.text == '"It was a good night," Ms. Moore said. "We will win."'
    assert a.kind is AttributionKind.DIRECT


def test_quote_split_around_its_speaker() -> None:
    (a,) = _read('"I think he will be fair," Trump said on Monday, "but we will see."')
    assert a.content.text.startswith('"I think')
    assert a.content.text.endswith('we will see."')
    assert a.kind is AttributionKind.DIRECT


def test_a_later_quote_after_narration_is_not_joined() -> None:
    attributions = _read('"You winning?" she said, but he went on about "how it is rigged."')
    assert attributions[0].content.text == '"You winning?"'


def test_partial_quote_in_reported_speech() -> None:
    (a,) = _read('Witkoff said that President Trump "strongly stands behind the protocols."')
    assert a.kind is AttributionKind.PARTIAL
    assert a.content.text == 'that President Trump "strongly stands behind the protocols."'


def test_a_colon_introduces_the_next_paragraph() -> None:
    (a,) = _read('Caddell continued:\n\n"The health issue is very much a partisan issue."')
    assert a.source is not None
    assert a.source.text == "Caddell"
    assert a.cue is not None
    assert a.cue.text == "continued"
    assert a.content.text == '"The health issue is very much a partisan issue."'


def test_multi_paragraph_quote_keeps_its_speaker() -> None:
    body = (
        'Smith said: "The first part of what I have to say goes on,\n\n'
        '"and the second part ends it."'
    )
    (a,) = _read(body)
    assert a.content.text.endswith('ends it."')
    assert a.source is not None
    assert a.source.text == "Smith"


def test_standalone_quote_paragraph_inherits_the_previous_speaker() -> None:
    body = '"We did our best," Mr. Lee said.\n\n"Nobody can say we did not try hard enough."'
    first, second = _read(body)
    assert second.cue is None
    assert second.source == first.source
    assert second.source_name == "Lee"


def test_standalone_quote_after_narration_has_no_source() -> None:
    body = 'The crowd grew.\n\n"Nobody can say we did not try hard enough."'
    (a,) = _read(body)
    assert a.source is None
    assert a.cue is None
    assert a.kind is AttributionKind.DIRECT


def test_parenthetical_source_covers_both_parts() -> None:
    (a,) = _read("The latest test, North Korea said, was its biggest yet.")
    assert a.source is not None
    assert a.source.text == "North Korea"
    assert a.content.text == "The latest test, North Korea said, was its biggest yet"


def test_gerund_continues_the_clause_and_shares_its_source() -> None:
    attributions = _read("The mayor said the bridge is safe, adding that repairs are done.")
    assert [(a.cue.text if a.cue else None) for a in attributions] == ["said", "adding"]
    assert attributions[0].content.text == "the bridge is safe"
    assert attributions[1].content.text == "that repairs are done"
    assert attributions[1].source == attributions[0].source


def test_gerund_after_a_plain_clause_takes_its_subject() -> None:
    (a,) = _read('Rival Hillary Clinton mocked it, saying anybody who complains is "not well."')
    assert a.cue is not None
    assert a.cue.text == "saying"
    assert a.source is not None
    assert a.source.text == "Rival Hillary Clinton"


def test_two_speakers_in_one_sentence() -> None:
    attributions = _read("Smith said the plan works, and Jones warned that it costs too much.")
    assert [(a.source.text if a.source else None) for a in attributions] == ["Smith", "Jones"]
    assert attributions[0].content.text == "the plan works"


def test_a_content_cut_at_a_later_speaker_drops_every_joining_word() -> None:
    found = _read("Smith said the plan would fail, and when Jones said it would work, he left.")
    assert [a.content.text for a in found] == ["the plan would fail", "it would work"]


def test_headline_poll_colon() -> None:
    (a,) = _read("The race is close.", headline="Poll: Clinton and Trump in dead heat")
    assert a.source is not None
    assert a.source.text == "Poll"
    assert a.cue is not None
    assert a.cue.text == ":"
    assert a.content.text == "Clinton and Trump in dead heat"


def test_headline_x_says() -> None:
    (a, *_) = _read("The race is close.", headline="Flynn Says Trump Is Absolutely Right")
    assert a.source is not None
    assert a.source.text == "Flynn"
    assert a.cue is not None
    assert a.cue.text == "Says"
    assert a.content.text == "Trump Is Absolutely Right"


def test_quote_then_dash_and_name() -> None:
    (a,) = _read("“Trump must stop portraying us as dangerous.” ― Carla Sanchez")
    assert a.source is not None
    assert a.source.text == "Carla Sanchez"
    assert a.cue is not None
    assert a.cue.text == "―"
    assert a.kind is AttributionKind.DIRECT


def test_anonymous_sources() -> None:
    body = (
        "The plan was dropped, officials said. "
        "The talks stalled, a person familiar with the matter said."
    )
    attributions = _read(body)
    assert [a.anonymous for a in attributions] == [True, True]


def test_pronoun_source_resolves_to_the_person() -> None:
    body = 'Jane Roe spoke on Monday.\n\n"We will not wait," Roe said. She said the vote is set.'
    attributions = _read(body)
    assert attributions[-1].source is not None
    assert attributions[-1].source.text == "She"
    assert attributions[-1].source_name == "Roe"


def test_cue_words_inside_quotes_are_ignored() -> None:
    (a,) = _read('"Nobody said it would be easy, and I believe we will win," Smith said.')
    assert a.source is not None
    assert a.source.text == "Smith"


@pytest.mark.parametrize(
    "body",
    [
        "The United States Senate met on Monday.",  # a capitalised noun is not a cue
        "His remarks drew a crowd on Monday.",  # a noun after a possessive
        "Don't blame the voters for the weather.",  # an imperative
        "She added a stop in Ohio.",  # "added" without a quote or that-clause
        "He declined the offer.",  # "declined" without a to-infinitive
        "The show was cancelled in May.",  # "show" as a noun
    ],
)
def test_no_attribution(body: str) -> None:
    assert _read(body, headline="") == [] or all(a.cue is None for a in _read(body, ""))


def test_find_cues_joins_auxiliaries_and_phrases() -> None:
    text = "She has also said it; they called for calm, according to aides."
    assert [text[c.start : c.end] for c in find_cues(text, 0, len(text))] == [
        "has also said",
        "called for",
        "according to",
    ]


def test_noun_cue_with_a_possessive_source() -> None:
    (a,) = _read("Mr. Trump's claim that crime is at a record high drew scorn.")
    assert a.cue is not None
    assert a.cue.text == "claim"
    assert a.source is not None
    assert a.source.text == "Mr. Trump's"
    assert a.source_name == "Trump"
    assert a.content.text.startswith("that crime is at a record high")


def test_a_quote_after_a_colon_belongs_to_the_subject() -> None:
    (a,) = _read('President Obama is rolling out a new campaign message: "It\'s about me."')
    assert a.source is not None
    assert a.source.text == "President Obama"
    assert a.cue is not None
    assert a.cue.text == "is rolling out a new campaign message"
    assert a.content.text == '"It\'s about me."'


def test_a_coordinated_verb_shares_the_subject() -> None:
    first, second = _read("Graham urged Republicans to act, and criticized the party's silence.")
    assert second.cue is not None
    assert second.cue.text == "criticized"
    assert second.content.text == "the party's silence"
    assert second.source == first.source
    assert first.content.text == "Republicans to act"


@pytest.mark.parametrize(
    "module",
    [
        "sourcecheck._offline",
        "sourcecheck._offline._quotes",
        "sourcecheck._offline._cues",
        "sourcecheck._offline._sources",
        "sourcecheck._offline._attributions",
    ],
)
def test_docstring_examples_hold(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0
    assert result.failed == 0


def test_told_skips_the_listener_and_keeps_the_nested_clause_whole() -> None:
    (a,) = _read("The president told voters this weekend he would consider it an insult.")
    assert a.cue is not None
    assert a.cue.text == "told"
    assert a.content.text == "he would consider it an insult"


def test_reportedly_attributes_its_clause_to_no_named_source() -> None:
    (a,) = _read("The Clinton campaign reportedly scrapped its plan to campaign in Ohio.")
    assert a.cue is not None
    assert a.cue.text == "reportedly"
    assert a.source is None
    assert a.content.text == "The Clinton campaign reportedly scrapped its plan to campaign in Ohio"


def test_a_state_of_mind_with_to_be() -> None:
    (a,) = _read("Many Democrats are afraid that turnout will be low.")
    assert a.source is not None
    assert a.source.text == "Many Democrats"
    assert a.cue is not None
    assert a.cue.text == "are afraid"
    assert a.content.text == "that turnout will be low"


@pytest.mark.parametrize(
    ("body", "cue", "content"),
    [
        ("Graham expressed concern about the deal.", "expressed concern about", "the deal"),
        ("Trump took aim at the media.", "took aim at", "the media"),
        ("Sanders railed against the big banks.", "railed against", "the big banks"),
    ],
)
def test_stance_phrases(body: str, cue: str, content: str) -> None:
    (a,) = _read(body)
    assert a.cue is not None
    assert (a.cue.text, a.content.text) == (cue, content)


def test_a_coordinated_speech_verb_after_a_quote_takes_the_subject() -> None:
    a = _read('Cruz urged voters to "vote your conscience" and said he stood on principle.')[-1]
    assert a.cue is not None
    assert a.cue.text == "said"
    assert a.source is not None
    assert a.source.text == "Cruz"
    assert a.content.text == "he stood on principle"


def test_headline_quote_then_a_time_phrase() -> None:
    (a, *_) = _read(
        "The race is close.", headline="Clinton Speaks ‘Directly To Voters’ After Debate"
    )
    assert a.cue is not None
    assert a.cue.text == "Speaks"
    assert a.content.text == "‘Directly To Voters’"


@pytest.mark.parametrize(
    ("body", "cue", "content"),
    [
        ("Graham has been critical of the deal.", "has been critical of", "the deal"),
        ("Cruz is a staunch opponent of the treaty.", "is a staunch opponent of", "the treaty"),
        ("Voters are worried that prices will rise.", "are worried", "that prices will rise"),
    ],
)
def test_stance_takes_its_preposition_into_the_cue(body: str, cue: str, content: str) -> None:
    (a,) = _read(body)
    assert a.cue is not None
    assert (a.cue.text, a.content.text) == (cue, content)


@pytest.mark.parametrize(
    ("body", "content"),
    [
        (
            "Obama called for lower taxes, but Mrs. Clinton would keep the rate.",
            "lower taxes",
        ),
        (
            "Critics say the program failed, prompting a review by the agency.",
            "the program failed",
        ),
    ],
)
def test_content_ends_before_a_new_clause(body: str, content: str) -> None:
    assert _read(body)[0].content.text == content


def test_saying_after_a_noun_reports_the_subject() -> None:
    a = _read("Trump posted a series of tweets early Friday saying that Clinton was wrong.")[-1]
    assert a.cue is not None
    assert a.source is not None
    assert (a.cue.text, a.source.text, a.content.text) == (
        "saying",
        "Trump",
        "that Clinton was wrong",
    )


def test_no_saying_attribution_after_a_preposition() -> None:
    assert not [
        a
        for a in _read("He left after saying goodbye to the staff.")
        if a.cue and a.cue.text == "saying"
    ]


def test_a_noun_in_ly_is_no_adverb_of_the_cue() -> None:
    (a,) = _read("Scott's family has called on police to release the videos.")
    assert a.cue is not None
    assert a.source is not None
    assert (a.source.text, a.cue.text) == ("Scott's family", "has called on")


def test_a_quote_in_the_predicate_is_the_subjects_characterisation() -> None:
    (a,) = _read("Senator Reid has been steadily pounding Trump over his “con artist” ways.")
    assert a.cue is not None
    assert a.source is not None
    assert (a.source.text, a.cue.text, a.content.text) == (
        "Senator Reid",
        "has been steadily pounding",
        "Trump over his “con artist” ways",
    )


@pytest.mark.parametrize(
    "body",
    [
        "The group met in the so-called “war room” downtown.",
        "In a box labeled “Fragile Goods” he kept the letters.",
    ],
)
def test_a_named_or_titled_quote_is_no_characterisation(body: str) -> None:
    assert _read(body) == []


@pytest.mark.parametrize(
    ("body", "cue", "content"),
    [
        ("Sanders encouraged students to vote early.", "encouraged", "students to vote early"),
        ("The senators discussed the new sanctions.", "discussed", "the new sanctions"),
        ("She admires his courage.", "admires", "his courage"),
    ],
)
def test_more_verbs_of_speech_and_stance(body: str, cue: str, content: str) -> None:
    (a,) = _read(body)
    assert a.cue is not None
    assert (a.cue.text, a.content.text) == (cue, content)


def test_a_phrasal_verb_with_no_object_is_no_cue() -> None:
    assert _read("The real Trump showed up at the debate.") == []


def test_seems_hedges_its_clause_like_reportedly() -> None:
    (a,) = _read("Melania seems to have vanished from the campaign trail.")
    assert a.cue is not None
    assert a.source is None
    assert (a.cue.text, a.content.text) == (
        "seems",
        "Melania seems to have vanished from the campaign trail",
    )


@pytest.mark.parametrize(
    ("body", "cue", "content"),
    [
        ("Trump continues his adulation of Putin.", "adulation of", "Putin"),
        ("Sanders repeated his criticism of the banks.", "criticism of", "the banks"),
        ("Obama voiced his determination to act alone.", "determination", "to act alone"),
    ],
)
def test_more_noun_cues_with_a_possessor(body: str, cue: str, content: str) -> None:
    a = _read(body)[-1]
    assert a.cue is not None
    assert (a.cue.text, a.content.text) == (cue, content)


def test_content_ends_before_a_double_hyphen_aside() -> None:
    (a,) = _read("Voters expect Clinton to win the debate -- 44 percent to 34 percent.")
    assert a.content.text == "Clinton to win the debate"


@pytest.mark.parametrize(
    ("body", "content"),
    [
        ("As Ms. Simonyan put it, RT offers a new perspective.", "RT offers a new perspective"),
        ("RT offers a new perspective, as Ms. Simonyan put it.", "RT offers a new perspective"),
        (
            "Critics balk, because while most lines run late, the fare is high, as Ms. Simonyan "
            "put it.",
            "the fare is high",
        ),
        (
            "He came to be seen, as Ms. Simonyan put it in a profile, \u201cthe showman.\u201d",
            "\u201cthe showman.\u201d",
        ),
    ],
)
def test_as_x_put_it(body: str, content: str) -> None:
    (a,) = _read(body)
    assert a.source is not None
    assert (a.source.text, a.content.text) == ("Ms. Simonyan", content)


def test_put_it_without_as_is_no_cue() -> None:
    assert _read("He put it on the table.") == []


def test_puts_the_figure_at() -> None:
    (a,) = _read("The Tax Policy Center puts the figure at $1.4 trillion.")
    assert a.cue is not None
    assert (a.cue.text, a.content.text) == ("puts the figure at", "$1.4 trillion")


def test_adding_later_a_quote_is_its_own_attribution() -> None:
    found = _read(
        '"We cannot afford this," Trump said, adding later, "NATO is costing us a fortune."'
    )
    assert [a.content.text for a in found] == [
        '"We cannot afford this,"',
        '"NATO is costing us a fortune."',
    ]
    assert found[1].source is not None
    assert found[1].source.text == "Trump"


def test_a_short_time_phrase_before_a_quote_is_left_out_of_the_content() -> None:
    (a,) = _read('The mayor said during the hearing last week, "We will not back down."')
    assert a.content.text == '"We will not back down."'


def test_a_plural_noun_in_a_headline_is_no_cue() -> None:
    (a, *_) = _read("The race is close.", headline="US Backs Security Guarantees for Ukraine")
    assert a.cue is not None
    assert a.cue.text == "Backs"


@pytest.mark.parametrize(
    ("body", "content"),
    [
        ("The senator praised the new budget, which cuts school spending.", "the new budget"),
        ("The union endorsed the mayor, ending a long feud.", "the mayor"),
        ("The union endorsed the mayor, further easing the feud.", "the mayor"),
        ("The aide hinted as much in a memo, leaked to the press.", "as much"),
        ("The board rejected the offer - a blow to the investors.", "the offer"),
        ("Local leaders praised the plan during a town meeting in Dayton.", "the plan"),
        ("Lee offered advice to the mayor on Friday in a letter.", "advice to the mayor"),
        ("Lee blasted the plan as a fraud Wednesday on a radio show.", "the plan as a fraud"),
        # an -ing word after a determiner is no gerund: the adjunct still ends the phrase
        ("The survey shows a tightening race as Lee gains ground.", "a tightening race"),
        # "the morning after X" is one time phrase
        (
            "The senator praised the budget the morning after the vote.",
            "the budget the morning after the vote",
        ),
        # a clause keeps its own relative clause and adjuncts
        (
            "The senator said he would back the budget, which cuts school spending.",
            "he would back the budget, which cuts school spending",
        ),
        # an infinitive keeps its adjuncts
        (
            "The mayor promised to repave the road before the winter.",
            "to repave the road before the winter",
        ),
        # a dash that closes an aside is no end
        (
            "Officials said families - single, married and foster - would qualify.",
            "families - single, married and foster - would qualify",
        ),
    ],
)
def test_a_noun_phrase_content_ends_before_an_appositive_or_adjunct(
    body: str, content: str
) -> None:
    (a,) = _read(body)
    assert a.content.text == content


@pytest.mark.parametrize(
    ("body", "content"),
    [
        ("Although the mayor has admitted the delays, she is staying on.", "the delays"),
        (
            "While a judge found that the law was unfair, the ruling was overturned.",
            "that the law was unfair",
        ),
        # an absolute or participial opening closes at its comma too
        ("With aides worried about the polls, Lee is changing course.", "about the polls"),
        ("Fearing that the vote would fail, the mayor delayed it.", "that the vote would fail"),
        # a gerund after its subject, in a "just as" or ", with" clause
        (
            "But just as the slump had voters wondering about his health, the storm hit us.",
            "about his health",
        ),
        (
            "Amid the slump, with voters wondering about his health, the storm hit us.",
            "about his health",
        ),
    ],
)
def test_a_content_in_an_opening_subordinate_clause_ends_at_its_comma(
    body: str, content: str
) -> None:
    a = _read(body)[0]
    assert a.content.text == content


def test_a_noun_phrase_content_ends_before_a_second_predicate() -> None:
    a = _read("The council praised the new park but also had to delay the opening.")[0]
    assert a.content.text == "the new park"
    b = _read("The mayor said the park was ready and would open soon.")[0]
    assert b.content.text == "the park was ready and would open soon"


def test_a_noun_phrase_content_ends_before_and_a_bare_verb_with_its_object() -> None:
    a = _read('Critics call them "vandals" and describe their acts as crimes.')[0]
    assert a.content.text == 'them "vandals"'
    b = _read("The mayor praised the police and firefighters for their work.")[0]
    assert b.content.text == "the police and firefighters for their work"


def test_that_before_a_noun_and_a_pause_is_a_determiner() -> None:
    a = _read("The mayor declined that offer and has since left the city.")[0]
    assert a.content.text == "that offer"


def test_a_content_in_a_mid_sentence_subordinate_clause_ends_at_its_comma() -> None:
    found = _read("He has few plans, and once he has said his piece, he leaves the room.")
    assert [a.content.text for a in found] == ["his piece"]
    (b,) = _read("Officials estimated that about 12,000 voters were affected.")
    assert b.content.text == "that about 12,000 voters were affected"


def test_a_content_ends_before_an_appositive_describing_its_final_name() -> None:
    (a,) = _read("Critics say the money could be spent with NATO, the alliance that unites Europe.")
    assert a.content.text == "the money could be spent with NATO"
    (b,) = _read("Aides said he would meet the Kremlin, the Pentagon and the banks soon.")
    assert b.content.text == "he would meet the Kremlin, the Pentagon and the banks soon"


def test_a_content_ends_before_despite_unless_it_is_a_that_clause() -> None:
    (a,) = _read("The mayor took offense at the claims, despite the support of his aides.")
    assert a.content.text == "the claims"
    (b,) = _read("Lee refused to name a deputy, aside from saying he wants a woman.")
    assert b.content.text == "to name a deputy"
    (c,) = _read("She argues that parents want small schools, despite the cost of running them.")
    assert c.content.text == "that parents want small schools, despite the cost of running them"


def test_a_content_leaves_out_the_parenthesis_closing_its_sentence() -> None:
    (a,) = _read("The mayor spoke at length. (Critics have linked the delay to a union dispute.)")
    assert a.content.text == "the delay to a union dispute"


def test_a_noun_phrase_content_ends_before_an_appositive_summing_up_the_event() -> None:
    (a,) = _read("The union endorsed the mayor on Friday, another sign of labor's shift.")
    assert a.content.text == "the mayor"
    (b,) = _read("The board rejected the new budget, the latest blow to the school.")
    assert b.content.text == "the new budget"
    # an aside after which the content goes on stays in
    (c,) = _read("The panel voted to hold Jane Roe, a former aide, in contempt.")
    assert c.content.text == "to hold Jane Roe, a former aide, in contempt"


def test_a_noun_phrase_content_ends_before_a_closing_in_a_setting() -> None:
    (a,) = _read("The judge rejected that argument in a ruling released Thursday.")
    assert a.content.text == "that argument"
    (b,) = _read("The senator denounced the plan in an angry floor speech.")
    assert b.content.text == "the plan"
    (c,) = _read("Lee said the plan would fail in a year.")
    assert c.content.text == "the plan would fail in a year"


def test_a_content_ends_before_and_a_new_clause_with_a_past_verb() -> None:
    (a,) = _read("The firm agreed to lend the city $5 million, and the union also stepped in.")
    assert a.content.text == "to lend the city $5 million"
    (b,) = _read("The crisis highlighted rifts in the party and the war caused a wave of exiles.")
    assert b.content.text == "rifts in the party"
    (c,) = _read("Lee said the economy grew and the mayor cut a deal.")
    assert c.content.text == "the economy grew and the mayor cut a deal"


def test_a_noun_phrase_or_infinitive_content_ends_before_a_purpose_clause() -> None:
    (a,) = _read("The bank agreed to lend the money so the city could rebuild.")
    assert a.content.text == "to lend the money"
    (b,) = _read("Lee said he cut taxes so the city could grow.")
    assert b.content.text == "he cut taxes so the city could grow"


def test_a_noun_cue_phrase_content_ends_before_the_sentence_verb() -> None:
    (a,) = _read("His determination to act alone angered his rivals.")
    assert a.content.text == "to act alone"
    (b,) = _read("Her proposal for paid leave is vague about costs.")
    assert b.content.text == "paid leave"
    (c,) = _read("His claim that the vote was rigged is false.")
    assert c.content.text.startswith("that the vote was rigged")


def test_a_content_ends_before_but_after_a_comma_inside_a_closing_quote() -> None:
    (a,) = _read('The mayor is promising "jobs, jobs, jobs," but he has also raised taxes.')
    assert a.content.text == '"jobs, jobs, jobs,"'


def test_a_content_ends_before_but_and_a_new_clause() -> None:
    (a,) = _read("Early polls showed Clinton was ahead, but such polls are often wrong.")
    assert a.content.text == "Clinton was ahead"


def test_a_spaced_hyphen_ends_the_first_stretch_of_a_noun_phrase_content() -> None:
    a = _read("Critics likened the plan to theft - a charge that might have stung.")[0]
    assert a.content.text == "the plan to theft"
    (b,) = _read("Aides said Scott deserves the seat - and not only because he would win.")
    assert b.content.text == "Scott deserves the seat - and not only because he would win"


def test_a_content_spans_a_closed_double_hyphen_aside() -> None:
    (a,) = _read("Analysts estimate that the richest -- those earning millions -- would pay more.")
    assert a.content.text == "that the richest -- those earning millions -- would pay more"


def test_a_verb_after_when_or_since_does_not_make_a_noun_phrase_content_a_clause() -> None:
    a = _read("Few voters described the mayor as a reformer when she ran in 2008.")[0]
    assert a.content.text == "the mayor as a reformer"


def test_a_trailing_month_or_year_is_no_content() -> None:
    a = _read("The governor endorsed the measure in July.")[0]
    assert a.content.text == "the measure"


def test_a_cue_inside_a_reported_that_clause_reports_nothing_of_its_own() -> None:
    (a,) = _read(
        "The agency said that the plan would cost $3 billion because it would encourage "
        "owners to sell."
    )
    assert a.content.text == (
        "that the plan would cost $3 billion because it would encourage owners to sell"
    )
    found = _read(
        "The mayor said that taxes would rise, but the governor warned that they would not."
    )
    assert [a.content.text for a in found] == ["that taxes would rise", "that they would not"]


def test_she_said_after_an_attributed_quote_introduces_the_next_quote() -> None:
    found = _read(
        'The mayor said she backed the plan because "it is fair," she said. "We waited too long."'
    )
    assert found[0].content.text.startswith('she backed the plan because "it is fair,"')
    assert found[1].content.text == '"We waited too long."'
    assert found[1].source is not None
    assert found[1].source.text == "The mayor"


def test_a_cue_after_a_parenthetical_source_reports_nothing_of_its_own() -> None:
    (a,) = _read("The museum, the mayor said, celebrated several local heroes.")
    assert a.content.text == "The museum, the mayor said, celebrated several local heroes"


def test_a_closed_relative_clause_before_the_rest_of_the_object_stays_in() -> None:
    a = _read(
        "The mayor vowed to form a task force, which would include the police, to fight crime."
    )[0]
    assert a.content.text == "to form a task force, which would include the police, to fight crime"


def test_a_short_quote_after_a_long_interposed_source_is_no_attribution_of_its_own() -> None:
    body = (
        '"This plan will not survive the winter, and everybody in this building knows it," said '
        "Jane Roe, a lawyer at a small firm in the capital who has been involved in many cases "
        "against the city over water pollution for more than two decades. "
        '"It is doomed, we all know."'
    )
    found = _read(body)
    assert [a.content.text for a in found] == [
        '"This plan will not survive the winter, and everybody in this building knows it,"'
    ]


def test_a_longer_quote_after_a_long_interposed_source_stands_for_the_speakers_words() -> None:
    body = (
        '"It is doomed," said Jane Roe, a lawyer at a small firm in the capital who has been '
        "involved in many cases against the city over water pollution for more than two decades. "
        '"This plan will not survive the winter, and everybody in this building knows it."'
    )
    found = _read(body)
    assert [(a.source.text if a.source else None, a.content.text) for a in found] == [
        (
            "Jane Roe, a lawyer at a small firm in the capital who has been involved in many "
            "cases against the city over water pollution for more than two decades",
            '"This plan will not survive the winter, and everybody in this building knows it."',
        )
    ]


@pytest.mark.parametrize(
    ("body", "content"),
    [
        (
            "Most of the guests were older, she said, and many had waited for hours.",
            "Most of the guests were older, she said, and many had waited for hours",
        ),
        (
            'The mayor "got a deal," Smith said, and still "got to keep the job."',
            'The mayor "got a deal," Smith said, and still "got to keep the job."',
        ),
    ],
)
def test_a_split_content_goes_on_after_and(body: str, content: str) -> None:
    a = _read(body)[0]
    assert a.content.text == content


def test_a_quote_opening_a_content_keeps_the_phrase_after_it() -> None:
    a = _read('The police reported "2,500 shooting incidents" in the city between May and June.')[0]
    assert a.content.text == '"2,500 shooting incidents" in the city between May and June'


@pytest.mark.parametrize(
    ("body", "content"),
    [
        (
            "Police say that he posed a threat and refused to stop.",
            "that he posed a threat and refused to stop",
        ),
        (
            "The envoy vowed not to repeat it and established a new rule.",
            "not to repeat it and established a new rule",
        ),
        ("The senator described the bill as a trap and voted against it.", "the bill as a trap"),
    ],
)
def test_and_a_past_verb_ends_only_a_noun_phrase_content(body: str, content: str) -> None:
    a = _read(body)[0]
    assert a.content.text == content


def test_a_clause_keeps_its_trailing_venue() -> None:
    (a,) = _read("The network announced it will have ten reporters working during the debate.")
    assert a.content.text == "it will have ten reporters working during the debate"


def test_a_subordinate_clause_after_a_sentence_opening_conjunction_ends_at_its_comma() -> None:
    a = _read("And while the mayor has railed against the tax, she has protected the breaks.")[0]
    assert a.content.text == "the tax"


def test_a_noun_phrase_content_ends_before_as_and_a_clause() -> None:
    a = _read("The council condemned the launch as Russia fired three rockets.")[0]
    assert a.content.text == "the launch"
    b = _read("The council described the launch as a provocation.")[0]
    assert b.content.text == "the launch as a provocation"


def test_a_content_ends_before_and_a_new_clause_with_a_noun_subject() -> None:
    (a,) = _read(
        "The fund announced that it is cutting its forecast, and the cut is hurting markets."
    )
    assert a.content.text == "that it is cutting its forecast"


def test_a_quoted_content_ends_before_a_clause_after_the_quote() -> None:
    a = _read('She repeatedly says, "Stay in the car," until the doors open.')[0]
    assert a.content.text == '"Stay in the car,"'


@pytest.mark.parametrize(
    ("body", "cue", "content"),
    [
        ("The ministry isn't saying whether rates will rise.", "isn't saying", "whether rates"),
        ("Officials didn't know what the plan would cost.", "didn't know", "what the plan"),
        ("She hasn’t said whether she will run again.", "hasn’t said", "whether she will"),
        ("It’s denouncing what it calls a smear campaign.", "’s denouncing", "what it calls"),
        ("They've argued that the tax is too high.", "'ve argued", "that the tax"),
    ],
)
def test_contracted_auxiliaries_join_the_cue(body: str, cue: str, content: str) -> None:
    [(_, found_cue, found_content)] = _triples(body)
    assert found_cue == cue
    assert found_content.startswith(content)


@pytest.mark.parametrize(
    ("body", "cue", "content"),
    [
        ("The mayor went on to explain how the fund works.", "went on to explain", "how the fund"),
        ("The board will try to blame the weather for it.", "will try to blame", "the weather"),
        ("She continues to insist that the deal is fair.", "continues to insist", "that the deal"),
        ("He won't be able to brag about the result.", "won't be able to brag", "about the"),
    ],
)
def test_a_verb_taking_an_infinitive_joins_the_cue(body: str, cue: str, content: str) -> None:
    [(_, found_cue, found_content)] = _triples(body)
    assert found_cue == cue
    assert found_content.startswith(content)


def test_a_passive_cue_with_an_agent_attributes_its_subject_to_the_agent() -> None:
    assert _triples("The new budget was sharply criticized by the union on Monday.") == [
        ("the union", "was sharply criticized", "The new budget")
    ]
    assert _triples("The letter was found in a drawer.") == []


@pytest.mark.parametrize(
    ("body", "cue", "content"),
    [
        ("The minister downplayed the risk of a recession.", "downplayed", "the risk"),
        ("The senator highlighted the cost of the program.", "highlighted", "the cost"),
        ("The governor unveiled a plan to cut taxes.", "unveiled", "a plan"),
        ("The mayor rebutted the charge that he lied.", "rebutted", "the charge"),
        ("Officials reassured residents that the water is safe.", "reassured", "that the water"),
    ],
)
def test_verbs_of_emphasis_and_presentation(body: str, cue: str, content: str) -> None:
    [(_, found_cue, found_content)] = _triples(body)
    assert found_cue == cue
    assert found_content.startswith(content)


def test_a_speech_gerund_after_a_noun_attributes_what_follows() -> None:
    found = _triples("The union sent a letter to the board urging it to reconsider the cuts.")
    assert [(cue, content) for _, cue, content in found] == [
        ("urging", "it to reconsider the cuts")
    ]
    cited = _triples("Mr. Smith cited disparaging remarks by the mayor.")
    assert [cue for _, cue, _ in cited] == ["cited"]  # an adjective, not a second cue
    assert _triples("It's worth noting that the law was never enforced.") == []


def test_a_gerund_right_after_its_subject_noun_attributes_its_object() -> None:
    assert _triples("The mayor released a poll showing the incumbent ahead by ten points.") == [
        ("a poll", "showing", "the incumbent ahead by ten points")
    ]
    assert _triples("The war dragged on, with Iran backing the rebels as the West armed them.") == [
        ("Iran", "backing", "the rebels")
    ]
    # an -ing adjective with no object right after it reports nothing
    assert "convincing" not in [
        cue for _, cue, _ in _triples("Voters find the pitch convincing, even now.")
    ]


def test_a_gerund_after_a_verb_and_its_object_takes_the_verbs_subject() -> None:
    assert _triples("Smith filed a motion opposing the new pay plan, and seeking a delay.") == [
        ("Smith", "filed a motion opposing", "the new pay plan")
    ]


def test_an_evidential_passive_attributes_its_clause_to_unnamed_others() -> None:
    assert _triples("The new rules are expected to take effect next year.") == [
        (None, "are expected", "The new rules are expected to take effect next year")
    ]
    assert _triples("As might be expected, the talks stalled.") == []


@pytest.mark.parametrize(
    ("body", "cue", "content"),
    [
        ("The mayor made it clear he would veto the bill.", "made it clear", "he would veto"),
        (
            "Rights advocates expressed deep concern about the law.",
            "expressed deep concern about",
            "the law",
        ),
        ("The senator took offense at the suggestion.", "took offense at", "the suggestion"),
        ("Donors weren't sure whether the plan would work.", "weren't sure", "whether the plan"),
    ],
)
def test_stance_phrases_with_modifiers(body: str, cue: str, content: str) -> None:
    [(_, found_cue, found_content)] = _triples(body)
    assert found_cue == cue
    assert found_content.startswith(content)


def test_a_speech_cue_and_a_colon_introduce_a_block_quote() -> None:
    body = "The governor added:\n\nIt is typical of her. She knows nothing.\n\nOther news followed."
    assert ("The governor", "added", "It is typical of her. She knows nothing") in _triples(body)
    assert _triples("The rules are these:\n\nNo one may enter.") == []


def test_respond_attributes_what_follows() -> None:
    assert _triples("The company did not immediately respond to requests for comment.") == [
        ("The company", "did not immediately respond", "to requests for comment")
    ]
    assert _triples("The mayor responded by promising an inquiry.") == [
        ("The mayor", "responded", "by promising an inquiry")
    ]


def test_decided_attributes_the_decision() -> None:
    assert _triples("The board decided against raising the fees.") == [
        ("The board", "decided", "against raising the fees")
    ]


@pytest.mark.parametrize(
    ("body", "cue", "content"),
    [
        ("The senator offered no evidence for the claim.", "offered", "no evidence"),
        ("The governor has promoted a plan to cut taxes.", "has promoted", "a plan"),
        ("The mayor linked the crime wave to budget cuts.", "linked", "the crime wave"),
    ],
)
def test_verbs_of_offering_promoting_and_linking(body: str, cue: str, content: str) -> None:
    [(_, found_cue, found_content)] = _triples(body)
    assert found_cue == cue
    assert found_content.startswith(content)


def test_offers_and_links_are_nouns_after_a_common_noun() -> None:
    assert _triples("The store offers discounts to students.") == []


@pytest.mark.parametrize(
    ("body", "cue", "content"),
    [
        ("Many voters see the deal as a betrayal.", "see", "the deal as"),
        ("The senator disavowed the group's remarks.", "disavowed", "the group's"),
        ("The report contradicts the official account.", "contradicts", "the official"),
        ("The governor detailed his plan for the schools.", "detailed", "his plan"),
    ],
)
def test_verbs_of_view_and_disavowal(body: str, cue: str, content: str) -> None:
    [(_, found_cue, found_content)] = _triples(body)
    assert found_cue == cue
    assert found_content.startswith(content)


def test_a_noun_like_cue_is_a_verb_before_its_complement() -> None:
    assert _triples("The campaign plans to open an office in Ohio.") == [
        ("The campaign", "plans", "to open an office in Ohio")
    ]
    assert _triples("Data from the survey show that turnout fell.") == [
        ("Data from the survey", "show", "that turnout fell")
    ]
    assert _triples("The network ran a show that aired on Friday.") == []


def test_a_poll_or_estimate_in_an_opening_or_closing_phrase_is_the_source() -> None:
    assert _triples("In the latest Gallup poll, conducted in May, the mayor led by 5 points.") == [
        ("the latest Gallup poll", "In", "the mayor led by 5 points")
    ]
    assert _triples("Prices rose by a third, by one estimate.") == [
        ("one estimate", "by", "Prices rose by a third")
    ]
    assert _triples("In the morning, the mayor left.") == []


def test_complimented_is_a_cue() -> None:
    assert _triples("The mayor complimented the firefighters on their work.") == [
        ("The mayor", "complimented", "the firefighters on their work")
    ]


def test_an_inverted_cue_opening_the_sentence_then_a_quote() -> None:
    assert _triples('Said the mayor: "We will rebuild."') == [
        ("the mayor", "Said", '"We will rebuild."')
    ]


def test_presumably_hedges_its_clause_like_reportedly() -> None:
    assert _triples("The money was presumably moved offshore.") == [
        (None, "presumably", "The money was presumably moved offshore")
    ]


def test_challenging_a_law_in_court_is_no_attribution() -> None:
    assert _triples("Twelve states are challenging the rule in federal court.") == []


def test_a_comma_closing_a_quote_ends_an_opening_subordinate_clause() -> None:
    a = _read('Contrary to his claim that voters would "learn nothing," there would be plenty.')[0]
    assert a.content.text == 'that voters would "learn nothing,"'


def test_a_that_clause_after_a_short_adjunct_is_the_speakers_content() -> None:
    (a,) = _read("The lawyer said in the letter that the ad would encourage voters to stay home.")
    assert a.content.text == "that the ad would encourage voters to stay home"


@pytest.mark.parametrize(
    ("body", "content"),
    [
        (
            "The senator said the bill, which passed last week, would cut taxes.",
            "the bill, which passed last week, would cut taxes",
        ),
        (
            "Police say the suspect fled the scene and was arrested later.",
            "the suspect fled the scene and was arrested later",
        ),
    ],
)
def test_a_clause_with_an_aside_or_an_irregular_past_stays_whole(body: str, content: str) -> None:
    (a,) = _read(body)
    assert a.content.text == content


@pytest.mark.parametrize(
    "body",
    [
        "Rebels from a militia called Red Hand attacked the town.",
        "The town sits beside a river called Long Water.",
        "Officials met at an old site known as the Yard.",
    ],
)
def test_a_participle_that_names_something_is_no_cue(body: str) -> None:
    assert _read(body) == []


def test_a_name_given_inside_a_content_does_not_cut_it() -> None:
    body = (
        "He called for higher spending and an end to the automatic budget cuts known as the freeze."
    )
    found = _read(body)
    assert [(a.cue.text if a.cue else None, a.content.text) for a in found] == [
        (
            "called for",
            "higher spending and an end to the automatic budget cuts known as the freeze",
        )
    ]


@pytest.mark.parametrize(
    ("body", "content"),
    [
        (
            "The mayor said donors who want to see a new park will send checks.",
            "donors who want to see a new park will send checks",
        ),
        ("The mayor criticized residents who oppose the plan.", "residents who oppose the plan"),
    ],
)
def test_a_restrictive_relative_clause_inside_a_content_reports_nothing_of_its_own(
    body: str, content: str
) -> None:
    assert [a.content.text for a in _read(body)] == [content]


def test_a_content_split_around_its_source_and_a_time_adverb_is_one_span() -> None:
    body = "The truth, the senator said then, was that the mayor had attacked his rivals."
    assert _triples(body) == [
        (
            "the senator",
            "said",
            "The truth, the senator said then, was that the mayor had attacked his rivals",
        )
    ]


@pytest.mark.parametrize(
    "body",
    [
        "The new rule, the mayor said, would cost far too much money.",
        "Their plan, Smith said, would cost far too much money.",
    ],
)
def test_a_cue_form_used_as_a_noun_does_not_nest_a_split_content(body: str) -> None:
    found = _read(body)
    assert [(a.cue.text if a.cue else None, a.content.text) for a in found] == [
        ("said", body.rstrip("."))
    ]


def test_a_quoted_show_title_after_told_is_the_listener_and_the_clause_its_content() -> None:
    body = 'Sanders told MSNBC\'s "Morning Joe" that nobody would question her record.'
    assert _triples(body) == [("Sanders", "told", "that nobody would question her record")]


@pytest.mark.parametrize(
    "body",
    [
        "Engineers found a way around the old law.",
        "Aid workers occasionally find themselves in danger.",
    ],
)
def test_find_with_a_way_or_a_reflexive_reports_no_finding(body: str) -> None:
    assert _read(body) == []


def test_find_with_a_clause_still_reports_a_finding() -> None:
    assert _triples("Investigators found that the bridge was unsafe.") == [
        ("Investigators", "found", "that the bridge was unsafe")
    ]


def test_a_noun_like_cue_after_a_quantity_of_a_named_thing_is_a_noun() -> None:
    assert _read("Many plants closed under a set of Clean Water Act rules that took effect.") == []
    assert _triples("A member of Congress claims the plant is safe.") == [
        ("A member of Congress", "claims", "the plant is safe")
    ]


def _hearsay_cases() -> list[tuple[str, str]]:
    """One sentence per listed hearsay word, shaped as the word is used."""
    lists = _attributions
    cases: list[tuple[str, str]] = []
    for w in lists._HEARSAY_ADVERBS:
        cases += [(w, f"The council {w} closed the park.")]
        cases += [(w.capitalize(), f"{w.capitalize()}, the council closed the park.")]
    for w in lists._HEARSAY_SEEM:  # lower case only: "Seems" rarely opens a sentence
        body = "closed the park" if w.endswith("ly") else "to favor closing the park"
        cases += [(w, f"They {w} {body}.")]
    for w in lists._HEARSAY_BEFORE_TO:
        cases += [(f"{w} to", f"They were {w} to favor closing the park.")]
    return cases


@pytest.mark.parametrize(("hedge", "body"), _hearsay_cases())
def test_every_hearsay_word_passes_the_prefilter_and_is_read(hedge: str, body: str) -> None:
    # The prefilter is derived from the same word lists as the regex; a word it
    # skipped would silently never be read.
    (a,) = _read(body)
    assert a.cue is not None
    assert a.cue.text.endswith(hedge.removeprefix("is "))
    assert a.source is None


@pytest.mark.parametrize(
    ("body", "content"),
    [
        (
            "Critics note that the mayor -- even as he says the budget is balanced -- has cut "
            "little.",
            "that the mayor -- even as he says the budget is balanced -- has cut little",
        ),
        (
            'The city attorney said in the letter that the ad "wrongly" suggests that the '
            "police support the campaign.",
            'that the ad "wrongly" suggests that the police support the campaign',
        ),
    ],
)
def test_a_dash_aside_or_a_quote_inside_a_that_clause_does_not_end_it(
    body: str, content: str
) -> None:
    assert [a.content.text for a in _read(body)] == [content]


def test_a_quote_then_but_and_a_new_speech_cue_still_ends_the_that_clause() -> None:
    body = (
        'The chief said that the video did not give "clear evidence," but he said that the '
        "footage supports the account."
    )
    assert [a.content.text for a in _read(body)] == [
        'that the video did not give "clear evidence,"',
        "that the footage supports the account",
    ]


def test_a_clause_after_and_that_is_a_second_complement_of_the_earlier_speech_cue() -> None:
    body = (
        "The chief also said the videos were unclear and that the footage released by the "
        "family did not show what happened."
    )
    assert _triples(body) == [
        (
            "The chief",
            "also said",
            "the videos were unclear and that the footage released by the family did not show "
            "what happened",
        )
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Trump cited problems abroad that he blamed on the policies of his rivals.",
            ("Trump", "cited", "problems abroad that he blamed on the policies of his rivals"),
        ),
        (
            "The senator said he skipped the hearing because he felt the agency was hiding "
            "the report.",
            (
                "The senator",
                "said",
                "he skipped the hearing because he felt the agency was hiding the report",
            ),
        ),
        (
            "She said professors would dismiss her ideas, only to praise the same ideas when "
            "they were offered by a man.",
            (
                "She",
                "said",
                "professors would dismiss her ideas, only to praise the same ideas when they "
                "were offered by a man",
            ),
        ),
        (
            "The mayor echoed statements by the governor that those who question the police "
            "demean the officers.",
            (
                "The mayor",
                "echoed",
                "statements by the governor that those who question the police demean the officers",
            ),
        ),
    ],
)
def test_a_cue_in_a_relative_or_subordinate_clause_inside_a_content_reports_nothing(
    body: str, expected: tuple[str, str, str]
) -> None:
    assert _triples(body) == [expected]


@pytest.mark.parametrize(
    "body",
    [
        "The poll found that most voters trust Clinton, while 73 percent said the same of Trump.",
        "The mayor said the plan was sound, though she noted the costs were high.",
    ],
)
def test_a_clause_after_a_comma_keeps_its_own_attribution(body: str) -> None:
    assert len(_read(body)) == 2


def test_a_noun_phrase_content_ending_in_a_quote_ends_before_a_time_clause() -> None:
    body = "Christie described Clinton as a “disgrace” after she attacked the police."
    assert _triples(body) == [
        ("Christie", "described", "Clinton as a “disgrace”"),
        ("she", "attacked", "the police"),
    ]


def test_a_that_clause_after_an_aside_set_off_by_commas_starts_at_that() -> None:
    body = (
        "The candidate continues to insist, most recently in a radio interview, that he "
        "wants to release his taxes but cannot because of an audit."
    )
    assert _triples(body) == [
        (
            "The candidate",
            "continues to insist",
            "that he wants to release his taxes but cannot because of an audit",
        )
    ]


@pytest.mark.parametrize(
    ("body", "content"),
    [
        (
            "The campaign has asked the moderator to check the facts when the candidates speak.",
            "the moderator to check the facts when the candidates speak",
        ),
        (
            "The senator decided against fact-checking the nominee during his first term.",
            "against fact-checking the nominee during his first term",
        ),
        ("The senator praised the governor during his first term.", "the governor"),
        (
            "The senator praised her deep ties to black churches while at the convention.",
            "her deep ties to black churches",
        ),
    ],
)
def test_an_infinitive_or_gerund_after_an_object_keeps_its_time_clause(
    body: str, content: str
) -> None:
    assert [a.content.text for a in _read(body)] == [content]


@pytest.mark.parametrize(
    ("body", "content"),
    [
        (
            'The mayor said the museum would tell the stories of all workers -- "the porter '
            'and the cook."',
            'the museum would tell the stories of all workers -- "the porter and the cook."',
        ),
        (
            'The mayor urged the crowd to welcome the governor - "my new best friend."',
            'the crowd to welcome the governor - "my new best friend."',
        ),
    ],
)
def test_a_quote_after_a_dash_goes_on_with_the_content(body: str, content: str) -> None:
    assert [a.content.text for a in _read(body)] == [content]


def test_a_next_quote_with_a_short_unquoted_tail_joins_the_speakers_content() -> None:
    body = (
        '"It is more tinkering," said Alan Cole, an economist. "I would not call it reform. '
        'It is just a tax increase" for the top bracket.'
    )
    assert [a.content.text for a in _read(body)] == [body.rstrip(".")]


def test_a_second_predicate_inside_a_dash_aside_does_not_end_a_noun_phrase_content() -> None:
    body = (
        "The judge spoke of the legacy of racism and how the fight for justice flowed through "
        "-- and was sometimes set back by -- the court rulings of the era."
    )
    assert _triples(body) == [
        (
            "The judge",
            "spoke of",
            "the legacy of racism and how the fight for justice flowed through -- and was "
            "sometimes set back by -- the court rulings of the era",
        )
    ]


@pytest.mark.parametrize(
    "body",
    [
        "These employees, the chief explained earlier in the hearing, were well paid.",
        "These employees, the chief said later, were well paid.",
        "The change this year, the mayor told me on Tuesday, is that the buses run late.",
    ],
)
def test_a_split_content_around_a_source_and_a_time_is_one_span(body: str) -> None:
    assert [a.content.text for a in _read(body)] == [body.rstrip(".")]


def test_adding_a_clause_without_that() -> None:
    assert _triples('"The day was bad," he said, adding he would never vote for her.') == [
        ("he", "said", '"The day was bad,"'),
        ("he", "adding", "he would never vote for her"),
    ]
    assert _triples("The mayor added it to the list.") == []


def test_content_before_the_source_then_a_speech_gerund() -> None:
    body = "Prices went up to pay for the bonuses, she said, citing the annual report."
    assert _triples(body) == [
        ("she", "said", "Prices went up to pay for the bonuses"),
        ("she", "citing", "the annual report"),
    ]


def test_a_fronted_speech_gerund_after_a_preposition() -> None:
    assert _triples("After saying the bridge was safe, the mayor was cheered.") == [
        ("the mayor", "saying", "the bridge was safe"),
    ]


def test_a_quote_after_a_dash_closes_the_content() -> None:
    body = 'The mayor said the bridge would serve everyone -- "the rich and the poor alike."'
    assert _triples(body) == [
        ("The mayor", "said", 'the bridge would serve everyone -- "the rich and the poor alike."'),
    ]


def test_a_source_set_off_inside_a_relative_clause() -> None:
    body = "The park is near the stadium, which, the mayor said, is full on game days."
    assert _triples(body) == [
        ("the mayor", "said", "which, the mayor said, is full on game days"),
    ]
    body = "The bill, which passed last week, would cut taxes, he said, and help families."
    assert _triples(body)[0][2].startswith("The bill")


def test_content_resumes_after_the_source_and_a_short_adjunct() -> None:
    body = "Prices rose 5 percent, the agency said in a June report, and wages rose 2 percent."
    assert _triples(body) == [
        (
            "the agency",
            "said",
            "Prices rose 5 percent, the agency said in a June report, and wages rose 2 percent",
        ),
    ]
    body = "The difference now, he told me on Friday, is that he reads the news."
    assert _triples(body)[0][2] == body[:-1]


def test_a_quote_then_a_second_predicate() -> None:
    body = 'The marchers chanted "No justice, no peace!" and kept walking until dawn.'
    assert _triples(body) == [("The marchers", "chanted", '"No justice, no peace!"')]


def test_a_question_put_to_the_speaker_opens_the_sentence() -> None:
    found = _triples('Asked to name the bomber, the chief said, "Not yet."')
    assert (None, "Asked", "to name the bomber") in found
    found = _triples("Asked about the bridge, the mayor said it was safe.")
    assert (None, "Asked", "the bridge") in found
    assert _triples('Said Ellis: "It is over."') == [("Ellis", "Said", '"It is over."')]


def test_a_colon_then_a_paragraph_in_unpaired_quote_marks() -> None:
    body = (
        "The senator continued:\n\n"
        '"The numbers are bad, and I will read you the question: “Do you trust her?” '
        'Forty percent said yes."'
    )
    (found,) = _read(body)
    assert found.content.text == body.split("\n\n")[1]
    quote = (
        "“For young people, the rate is 33 percent. For the others, it is 36 percent. "
        "If they are black, the real rate for young people is 51 percent.“"
    )
    body = f"On Monday, the senator made this comment:\n\n{quote}\n\nThe debate went on."
    assert _read(body)[0].content.text == quote


def test_double_apostrophes_open_a_quote_after_a_colon() -> None:
    assert _triples("A reader would now ask: ''Why is he on that network?''") == [
        ("A reader", "would now ask", "''Why is he on that network?''"),
    ]


def test_a_speech_gerund_after_while_then_a_quote() -> None:
    body = 'The marchers circled the stadium while chanting, "No justice, no peace."'
    assert _triples(body) == [("The marchers", "chanting", '"No justice, no peace."')]


def test_a_quoted_word_inside_a_reported_clause_keeps_its_zone() -> None:
    body = 'The lawyer said that the ad "wrongly" suggests that the police back him.'
    assert _triples(body) == [
        ("The lawyer", "said", 'that the ad "wrongly" suggests that the police back him'),
    ]


def test_an_aside_between_dashes_inside_a_reported_clause() -> None:
    body = "Critics note that the mayor — even as he says the budget is tight — has hired aides."
    ((source, cue, content),) = _triples(body)
    assert (source, cue) == ("Critics", "note")
    assert content.startswith("that the mayor — even as he says")
    assert content.endswith("aides")


def test_a_document_reads_a_quote() -> None:
    assert _triples('"We see hope in these schools," the letter reads.') == [
        ("the letter", "reads", '"We see hope in these schools,"'),
    ]
    assert _triples("She read the report last week.") == []


def test_said_at_a_long_venue_then_that() -> None:
    body = "Trump said during a Friday evening rally in Michigan that the deal was bad."
    assert _triples(body) == [("Trump", "said", "that the deal was bad")]


def test_a_bare_reported_clause_and_a_that_clause() -> None:
    body = "The chief said the videos were unclear and that the footage did not show a gun."
    assert _triples(body) == [
        (
            "The chief",
            "said",
            "the videos were unclear and that the footage did not show a gun",
        ),
    ]


def test_a_free_relative_before_a_source_is_not_part_of_it() -> None:
    found = _read(
        "The mayor has repeatedly wondered whether the buses will be on time, engaging in "
        "what critics described as delay tactics."
    )
    assert found[0].source is not None
    assert found[0].source.text == "The mayor"
    assert all(a.source is None or "what" not in a.source.text for a in found)


def test_a_framed_speech_verb_takes_a_pronoun_clause_without_that() -> None:
    assert _triples("The mayor spoke on Monday, adding he would never vote for the tax.") == [
        ("The mayor", "adding", "he would never vote for the tax")
    ]
    assert _triples("She wrote they were wrong about the budget.") == [
        ("She", "wrote", "they were wrong about the budget")
    ]
    assert _triples("The mayor added a stop to the tour.") == []


def test_a_framed_speech_verb_before_of_or_about_reports_its_topic() -> None:
    assert _triples("The mayor spoke emotionally of his years on the council.") == [
        ("The mayor", "spoke", "his years on the council")
    ]
    assert _triples("She has written about the need for reform.") == [
        ("She", "has written", "the need for reform")
    ]
    assert _triples("The mayor spoke to reporters on Monday.") == []


def test_an_agentless_passive_of_announce_confirm_or_ask_reports_its_clause() -> None:
    assert _triples("While a curfew was announced for the weekend, the police did not act.") == [
        (None, "was announced", "a curfew was announced for the weekend")
    ]
    assert _triples("The mayor was once asked how the war would end.") == [
        (None, "was once asked", "The mayor was once asked how the war would end")
    ]
