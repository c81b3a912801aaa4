"""Each named check: a case it passes and a case it fails, with the label it implies."""

from __future__ import annotations

import pytest

from sourcecheck._checks import (
    CHECKS,
    Finding,
    SourceFacts,
    Statement,
    parse_quantities,
    run_checks,
)
from sourcecheck._document import Document
from sourcecheck._evidence import tokenize
from sourcecheck._models import CheckOutcome, Label

ARTICLE = """Harbor City Approves New Bridge

HARBOR CITY - The city council on Tuesday approved a $45 million bridge over the Lark River, \
the mayor's office said.

Construction will begin in March 2025 and take two years, council member Dana Ortiz told \
reporters. The old bridge, built in 1952, carries 30% of the city's commuter traffic.

"This bridge is long overdue and it will be built on time," Mayor Helen Park said.

The vote was not unanimous: three members voted against the plan. Sales tax revenue \
fell 4% last year, and the council did not raise taxes to pay for the bridge.

Residents in the United States and Canada have followed the project closely."""


@pytest.fixture(scope="module")
def facts() -> SourceFacts:
    return SourceFacts(Document(ARTICLE))


def findings(facts: SourceFacts, check: str, sentence: str) -> list[Finding]:
    return CHECKS[check](Statement(sentence, facts))


def failed(results: list[Finding]) -> list[Finding]:
    return [f for f in results if f.check.outcome is CheckOutcome.FAIL]


def assert_passes(facts: SourceFacts, check: str, sentence: str) -> None:
    results = findings(facts, check, sentence)
    assert results, f"{check} looked at nothing in {sentence!r}"
    assert not failed(results), [f.check.message for f in failed(results)]


def assert_fails(facts: SourceFacts, check: str, sentence: str, label: Label) -> Finding:
    bad = failed(findings(facts, check, sentence))
    assert bad, f"{check} found no problem in {sentence!r}"
    assert bad[0].label is label, bad[0].check.message
    return bad[0]


def test_every_failure_cites_grounded_evidence(facts: SourceFacts) -> None:
    sentence = "The council approved a $90 million tunnel in Berlin in 2019."
    for finding in run_checks(Statement(sentence, facts)):
        for span in finding.check.evidence:
            span.check(ARTICLE)


# -- numbers


def test_quantities_parse_digits_words_money_percent_and_ranges() -> None:
    parsed = parse_quantities(tokenize("a $45 million bridge, 30% of traffic, two years, 3-5 days"))
    values = [(q.value, q.kind) for q in parsed]
    assert (45e6, "money") in values
    assert (30.0, "percent") in values
    assert (2.0, "number") in values
    assert (3.0, "number") in values
    assert (5.0, "number") in values


@pytest.mark.parametrize(
    "sentence",
    [
        "The council approved a bridge costing $45 million.",
        "The bridge will take two years to build.",
        "The old bridge carries 30 percent of commuter traffic.",
        "Three members voted against the plan.",
    ],
)
def test_numbers_pass_when_the_source_gives_them(facts: SourceFacts, sentence: str) -> None:
    assert_passes(facts, "numbers", sentence)


def test_numbers_fail_on_a_changed_amount(facts: SourceFacts) -> None:
    finding = assert_fails(
        facts, "numbers", "The council approved a $60 million bridge.", Label.CONTRADICTED
    )
    assert "$60 million" in finding.check.message


def test_numbers_fail_on_a_changed_number_word(facts: SourceFacts) -> None:
    assert_fails(facts, "numbers", "Construction will take five years.", Label.CONTRADICTED)


def test_numbers_fail_on_a_changed_percentage(facts: SourceFacts) -> None:
    assert_fails(facts, "numbers", "Sales tax revenue fell 9% last year.", Label.CONTRADICTED)


# -- dates


def test_dates_pass(facts: SourceFacts) -> None:
    assert_passes(facts, "dates", "Construction begins in March 2025.")
    assert_passes(facts, "dates", "The council voted on Tuesday.")


def test_dates_fail_on_a_changed_year(facts: SourceFacts) -> None:
    assert_fails(facts, "dates", "The old bridge was built in 1962.", Label.CONTRADICTED)


def test_dates_fail_on_a_changed_weekday(facts: SourceFacts) -> None:
    assert_fails(
        facts, "dates", "The city council approved the bridge on Friday.", Label.CONTRADICTED
    )


# -- entities


@pytest.mark.parametrize(
    "sentence",
    [
        "Mayor Helen Park welcomed the bridge.",
        "Park said the bridge is overdue.",  # surname alone
        "American residents have followed the project.",  # United States = American
        "The bridge crosses the Lark River.",
    ],
)
def test_entities_pass_with_aliases_and_surnames(facts: SourceFacts, sentence: str) -> None:
    assert_passes(facts, "entities", sentence)


def test_entities_fail_on_a_substituted_place(facts: SourceFacts) -> None:
    finding = assert_fails(
        facts, "entities", "The bridge will cross the Hudson River.", Label.CONTRADICTED
    )
    assert "Hudson" in finding.check.message


def test_entities_fail_on_a_name_the_source_lacks(facts: SourceFacts) -> None:
    finding = assert_fails(facts, "entities", "Governor Smith opposed it.", Label.UNSUPPORTED)
    assert finding.severity >= 1.0


def test_entities_doubt_a_name_found_only_elsewhere(facts: SourceFacts) -> None:
    bad = failed(
        findings(facts, "entities", "Residents in Canada approved the $45 million bridge.")
    )
    assert bad == [] or all(f.severity < 1.0 for f in bad)


# -- negation


def test_negation_passes_when_the_source_negates_too(facts: SourceFacts) -> None:
    assert_passes(facts, "negation", "The council did not raise taxes for the bridge.")


def test_negation_fails_on_an_inserted_not(facts: SourceFacts) -> None:
    assert_fails(
        facts, "negation", "The city council has not approved the bridge.", Label.CONTRADICTED
    )


def test_negation_fails_on_a_dropped_not(facts: SourceFacts) -> None:
    finding = assert_fails(
        facts,
        "negation",
        "The vote was unanimous, with members backing the plan.",
        Label.CONTRADICTED,
    )
    assert "not unanimous" in finding.check.message


# -- antonyms


def test_antonyms_pass_on_the_same_direction(facts: SourceFacts) -> None:
    assert_passes(facts, "antonyms", "Sales tax revenue declined last year.")


def test_antonyms_fail_on_the_opposite_direction(facts: SourceFacts) -> None:
    finding = assert_fails(
        facts, "antonyms", "Sales tax revenue rose last year.", Label.CONTRADICTED
    )
    assert "'fell'" in finding.check.message


def test_antonyms_fail_on_a_swapped_verdict(facts: SourceFacts) -> None:
    assert_fails(facts, "antonyms", "The city council rejected the bridge.", Label.CONTRADICTED)


# -- quotes


def test_quotes_pass_verbatim_with_the_same_speaker(facts: SourceFacts) -> None:
    assert_passes(
        facts, "quotes", 'Park said the bridge is "long overdue and it will be built on time."'
    )


def test_quotes_fold_curly_marks(facts: SourceFacts) -> None:
    assert_passes(
        facts, "quotes", "The mayor called it “long overdue and it will be built on time.”"
    )


def test_quotes_fail_when_altered(facts: SourceFacts) -> None:
    finding = assert_fails(
        facts,
        "quotes",
        'Park said the bridge is "long overdue and will be built early."',
        Label.CONTRADICTED,
    )
    assert "misquoted" in finding.check.message


def test_quotes_fail_when_absent(facts: SourceFacts) -> None:
    assert_fails(
        facts, "quotes", 'Park said "we have no money left for schools."', Label.UNSUPPORTED
    )


def test_quotes_fail_on_the_wrong_speaker(facts: SourceFacts) -> None:
    finding = assert_fails(
        facts, "quotes", 'Ortiz said the bridge is "long overdue and it will be built on time."',
        Label.CONTRADICTED,
    )  # fmt: skip
    assert "Ortiz" in finding.check.message


# -- novelty


def test_novelty_passes_on_the_source_words(facts: SourceFacts) -> None:
    assert_passes(facts, "novelty", "The council approved the bridge over the river.")


def test_novelty_fails_on_content_the_source_lacks(facts: SourceFacts) -> None:
    finding = assert_fails(
        facts, "novelty", "The council demolished the stadium downtown.", Label.UNSUPPORTED
    )
    assert "stadium" in finding.check.message
    assert finding.severity >= 1.0


def test_novelty_accepts_a_listed_synonym(facts: SourceFacts) -> None:
    # "stated" is not in the source, but "said" is.
    assert_passes(facts, "novelty", "The mayor's office stated the council approved the bridge.")


def test_a_faithful_sentence_passes_every_check(facts: SourceFacts) -> None:
    sentence = "The city council approved a $45 million bridge over the Lark River on Tuesday."
    assert not failed(run_checks(Statement(sentence, facts)))


def test_a_verbatim_quote_cites_its_exact_words(facts: SourceFacts) -> None:
    (finding, *_) = findings(
        facts, "quotes", "The mayor said it is “long  overdue and it WILL be built.”"
    )
    assert finding.check.outcome is CheckOutcome.PASS
    assert finding.check.evidence[0].text == "long overdue and it will be built"
    finding.check.evidence[0].check(ARTICLE)


def test_a_span_of_time_must_keep_its_unit(facts: SourceFacts) -> None:
    assert_passes(facts, "numbers", "Construction will take two years.")
    assert_fails(facts, "numbers", "Construction will take two months.", Label.CONTRADICTED)


def test_negation_must_be_on_the_same_word(facts: SourceFacts) -> None:
    # The source negates "unanimous" and "raise", not "approved".
    assert_fails(facts, "negation", "The council did not approve the bridge.", Label.CONTRADICTED)


def test_novelty_fails_on_an_inserted_phrase_in_a_long_sentence(facts: SourceFacts) -> None:
    sentence = (
        "The city council on Tuesday approved a $45 million bridge over the Lark River, "
        "the mayor's office said, after secret nighttime lobbying."
    )
    finding = assert_fails(facts, "novelty", sentence, Label.UNSUPPORTED)
    assert "in a row" in finding.check.message
    assert finding.severity >= 1.0


def test_a_class_member_swap_is_contradicted() -> None:
    facts = SourceFacts(Document("The hiker fell from a clifftop near the old lighthouse."))
    assert_passes(facts, "antonyms", "The hiker fell from a cliff near the lighthouse.")
    finding = assert_fails(
        facts, "antonyms", "The hiker fell from a beach near the lighthouse.", Label.CONTRADICTED
    )
    assert "'clifftop'" in finding.check.message


def test_evidence_passes_with_a_matching_sentence(facts: SourceFacts) -> None:
    (finding,) = findings(facts, "evidence", "The bridge vote was close.")
    assert finding.check.outcome is CheckOutcome.PASS
    assert "vote" in finding.check.evidence[0].text


def test_evidence_fails_when_nothing_matches(facts: SourceFacts) -> None:
    assert_fails(facts, "evidence", "Penguins enjoy cold weather.", Label.UNSUPPORTED)
    assert_fails(facts, "evidence", "It was.", Label.UNSUPPORTED)


def test_quotes_check_the_speaker_the_reader_found() -> None:
    text = (
        "The council met on Monday.\n\n"
        '"We will not raise taxes," Mayor Helen Park said, as council member Dana Ortiz '
        "looked on."
    )
    facts = SourceFacts(Document(text))
    right = findings(facts, "quotes", 'Park said "we will not raise taxes."')
    assert [f.check.outcome for f in right] == [CheckOutcome.PASS, CheckOutcome.PASS]
    assert "Helen Park" in right[1].check.message
    # Ortiz is named beside the quote but did not say it: a doubt, not a pass.
    (_, wrong) = findings(facts, "quotes", 'Ortiz said "we will not raise taxes."')
    assert wrong.check.outcome is CheckOutcome.FAIL
    assert wrong.label is Label.CONTRADICTED
    assert 0 < wrong.severity < 1


# A second article for the mechanisms: a capital as actor and as place, and negations
# that are not a plain "not" ("no sign of", "refused to", "failed to").
POLITICS = """Leaders met in Rome on Monday to discuss the grain deal.

Washington urged both sides to return to talks. Moscow has shown no sign of willingness \
to extend the deal, officials said.

The minister refused to resign after the vote. The committee failed to reach a verdict \
on the merger. Exports to South America rose."""


@pytest.fixture(scope="module")
def politics() -> SourceFacts:
    return SourceFacts(Document(POLITICS))


def test_entities_a_capital_as_actor_backs_its_country(politics: SourceFacts) -> None:
    assert_passes(politics, "entities", "The United States urged both sides to return to talks.")


def test_entities_a_capital_as_place_does_not_back_its_country(politics: SourceFacts) -> None:
    sentence = "Italy met leaders in Rome to discuss the grain deal."
    assert_fails(politics, "entities", sentence, Label.UNSUPPORTED)


def test_entities_south_america_is_not_the_united_states(politics: SourceFacts) -> None:
    assert_passes(politics, "entities", "Exports to South America rose.")
    assert failed(findings(politics, "entities", "Exports to the United States rose."))


@pytest.mark.parametrize(
    "sentence",
    [
        "Moscow has shown no sign of willingness to extend the deal.",
        "The minister did not resign after the vote.",
        "The committee did not reach a verdict on the merger.",
    ],
)
def test_negation_passes_when_the_source_negates_past_a_hedge_or_by_a_verb(
    politics: SourceFacts, sentence: str
) -> None:
    assert_passes(politics, "negation", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Moscow agreed to extend the deal.",  # "no sign of willingness to extend"
        "The minister resigned after the vote.",  # "refused to resign"
        "The committee reached a verdict on the merger.",  # "failed to reach"
    ],
)
def test_negation_fails_when_a_hedged_or_verbal_negation_is_dropped(
    politics: SourceFacts, sentence: str
) -> None:
    assert_fails(politics, "negation", sentence, Label.CONTRADICTED)


def test_negation_scope_ends_at_a_comma() -> None:
    facts = SourceFacts(Document("The firm has no plans yet, but its rival will expand."))
    assert not failed(findings(facts, "negation", "Its rival will expand."))
    assert failed(findings(facts, "negation", "The firm has plans."))


def test_novelty_passes_a_verb_the_source_uses_as_a_verb() -> None:
    facts = SourceFacts(Document("The two unions agreed on Friday to end the strike."))
    assert_passes(facts, "novelty", "The unions agreed to end the strike.")


def test_novelty_doubts_a_verb_the_source_has_only_as_a_noun() -> None:
    # "agreement" does not say that anyone agreed: half new, a doubt.
    facts = SourceFacts(Document("The two unions have no agreement on the strike."))
    found = failed(findings(facts, "novelty", "The unions agreed on the strike."))
    assert found
    assert "another word form" in found[0].check.message
    assert 0 < found[0].severity < 1


def test_negation_weighs_the_best_matching_sentence_over_a_nearby_negation() -> None:
    facts = SourceFacts(
        Document(
            "The driver pleaded guilty on Monday to dangerous driving in the crash that "
            "killed two cyclists. Earlier, he had pleaded not guilty to manslaughter."
        )
    )
    assert_passes(facts, "negation", "He pleaded not guilty to manslaughter.")
    assert_fails(
        facts,
        "negation",
        "The driver pleaded not guilty to dangerous driving in the crash that killed two cyclists.",
        Label.CONTRADICTED,
    )


def test_entities_a_capital_as_actor_is_its_country_on_either_side() -> None:
    facts = SourceFacts(
        Document("Russia refused to extend the deal. The talks were held in Turkey.")
    )
    assert_passes(facts, "entities", "Moscow refused to extend the deal.")
    assert failed(findings(facts, "entities", "The talks were held in Ankara."))
    assert failed(findings(facts, "entities", "The Ankara talks were held."))
