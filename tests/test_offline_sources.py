"""Sources: the phrase next to a cue, its name and role, anonymity, pronouns."""

from __future__ import annotations

import pytest

from sourcecheck._document import Document
from sourcecheck._offline import OfflineReader
from sourcecheck._offline._sources import (
    People,
    describe,
    leading_subject,
    plural_source,
    source_after,
    source_before,
)


def _before(text: str, cue: str = "said") -> str | None:
    found = source_before(text, 0, text.index(cue))
    return text[found[0] : found[1]] if found else None


def _after(text: str, cue: str = "said", **options: bool) -> str | None:
    at = text.index(cue) + len(cue)
    found = source_after(text, at, len(text), **options)
    return text[found[0] : found[1]] if found else None


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Following the summit, U.S. Special Envoy Steve Witkoff said it.",
            "U.S. Special Envoy Steve Witkoff",
        ),
        ("But officials said it.", "officials"),
        (
            "Kerr Putney, the Charlotte-Mecklenburg police chief, said it.",
            "Kerr Putney, the Charlotte-Mecklenburg police chief,",
        ),
        (
            "A lawyer for the outlets, David Schulz, said it.",
            "A lawyer for the outlets, David Schulz,",
        ),
        (
            "Sen. Dianne Feinstein, 56, who chairs the panel, said it.",
            "Sen. Dianne Feinstein, 56, who chairs the panel,",
        ),
        (
            "Rep. Gregory W. Meeks (D-N.Y.), chairman of the caucus, said it.",
            "Rep. Gregory W. Meeks (D-N.Y.), chairman of the caucus,",
        ),
        ("Jane Roe, of Dayton, Ohio, said it.", "Jane Roe, of Dayton, Ohio,"),
        ("President Obama and Hillary Clinton said it.", "President Obama and Hillary Clinton"),
        ("The crowd cheered as she said it.", "she"),
        ("He met voters who said it.", "who"),
        ("He met McConnell, who in 2010 said it.", "who"),
        ("The Justice Department erred and Democrats said it.", "Democrats"),
        ("“It is over,” Smith said.", "Smith"),
        ("Not everyone said it.", "Not everyone"),
        ("Not all voters said it.", "Not all voters"),
        ("In the end, all the experts I interviewed said it.", "all the experts I interviewed"),
        ("The people we spoke with said it.", "The people we spoke with"),
        ("John Roe, of Springfield, Va., said it.", "John Roe, of Springfield, Va.,"),
        ("Lest you said it, he left.", "you"),
    ],
)
def test_source_before_a_cue(text: str, source: str) -> None:
    assert _before(text) == source


@pytest.mark.parametrize(
    "text",
    [
        "The plan was said to be new.",  # "was" makes a clause, not a subject
        "Trump's said nothing.",  # a possessive is no subject
        "It was not said.",  # "not" before no quantifier: a clause
        "Dresses that said nothing.",  # a relative "that" is no speaker
        "Joining the coalition, said it.",  # a participle clause
        "Mr. King and Mr. Schultz say RT's management said it.",  # a clause with a cue
    ],
)
def test_no_source_before(text: str) -> None:
    assert _before(text) is None


def test_source_after_stops_before_time_and_place() -> None:
    assert _after('"No," said Jane Roe on Monday.') == "Jane Roe"
    assert _after('"No," said Jane Roe in an interview.') == "Jane Roe"


def test_source_after_keeps_an_appositive() -> None:
    text = '"No," said Jane Roe, the mayor of Springfield.'
    assert _after(text) == "Jane Roe, the mayor of Springfield"


def test_source_after_according_to_runs_to_the_clause_end() -> None:
    text = "Clinton leads, according to a poll released last week."
    assert _after(text, "according to", to_clause_end=True) == "a poll released last week"


def test_source_after_needs_a_noun_phrase_start() -> None:
    assert _after("It was over, said quickly and quietly.") is None


@pytest.mark.parametrize(
    ("source", "name", "role"),
    [
        ("U.S. Special Envoy Steve Witkoff", "Steve Witkoff", "U.S. Special Envoy"),
        (
            "Republican vice-presidential nominee Mike Pence",
            "Mike Pence",
            "Republican vice-presidential nominee",
        ),
        (
            "Donna Brazile, the interim chairwoman of the party",
            "Donna Brazile",
            "interim chairwoman of the party",
        ),
        ("House Speaker Paul D. Ryan (R-Wis.)", "Paul D. Ryan", "House Speaker"),
        ("Mr. Obama", "Obama", None),
        ("The New York Post", "New York Post", None),
        (
            "A 2014 study that appeared in the Journal",
            "2014 study that appeared in the Journal",
            None,
        ),
    ],
)
def test_the_role_stays_with_the_name(source: str, name: str, role: str | None) -> None:
    info = describe(source)
    assert (info.name, info.role) == (name, role)
    assert not info.anonymous


@pytest.mark.parametrize(
    ("source", "anonymous"),
    [
        ("officials", True),
        ("a person familiar with the matter", True),
        ("senior administration officials", True),
        ("advisers to Mr. Obama", True),
        ("two sources close to the campaign", True),
        ("Reuters", False),
        ("White House officials", False),
        ("the mayor", False),
    ],
)
def test_anonymous_sources(source: str, anonymous: bool) -> None:
    assert describe(source).anonymous is anonymous


def test_pronouns_are_flagged() -> None:
    assert describe("he").pronoun
    assert describe("He").pronoun
    assert not describe("Helen").pronoun


def test_people_resolve_pronouns_to_the_nearest_compatible_person() -> None:
    people = People()
    people.add(0, "Steve Witkoff")
    people.add(40, "The New York Post")
    people.add(80, "Jane Roe", honorific="Ms.")
    assert people.resolve(100, "she") == "Jane Roe"
    assert (
        people.resolve(100, "he") == "Steve Witkoff"
    )  # Ms. Roe is not "he"; the Post is no person
    assert people.resolve(60, "he") == "Steve Witkoff"
    assert people.resolve(10, "she") == "Steve Witkoff"  # unknown gender: nearest person
    assert people.resolve(100, "Witkoff") == "Steve Witkoff"
    assert people.resolve(0, "he") is None  # nobody before


def test_plural_subjects() -> None:
    assert plural_source("Polling averages")
    assert plural_source("46 percent")
    assert plural_source("they")
    assert plural_source("Obama and Clinton")
    assert not plural_source("the show")


def test_reader_resolves_a_pronoun_speaker_to_the_person() -> None:
    text = (
        "Headline Here\n\n"
        "U.S. Special Envoy Steve Witkoff arrived in Paris.\n\n"
        '"These guarantees are strong," Witkoff said. "They will hold," he added.'
    )
    quotes = OfflineReader().read(Document(text)).quotes
    assert [(q.speaker.text if q.speaker else None, q.speaker_name) for q in quotes] == [
        ("Witkoff", "Steve Witkoff"),  # the surname resolves to the titled full name
        ("he", "Steve Witkoff"),
    ]


def test_reader_resolves_she_past_a_man_to_the_woman() -> None:
    text = (
        "Headline Here\n\nMrs. Clinton met Mr. Trump on Monday.\n\nShe said the meeting went well."
    )
    (attribution,) = OfflineReader().read(Document(text)).attributions
    assert attribution.source is not None
    assert attribution.source.text == "She"
    assert attribution.source_name == "Clinton"


def test_reader_keeps_title_as_role_for_quotes() -> None:
    text = (
        "Headline Here\n\n"
        'U.S. Special Envoy Steve Witkoff said that Trump "strongly stands behind it."'
    )
    (quote,) = OfflineReader().read(Document(text)).quotes
    assert quote.speaker_name == "Steve Witkoff"
    assert quote.speaker_role == "U.S. Special Envoy"


@pytest.mark.parametrize(
    ("source", "name", "role"),
    [
        ("Mr. King", "King", None),  # a surname that is also a title word
        ("Representative Charles B. Rangel of New York", "Charles B. Rangel", "Representative"),
        ("Secretary of State John Kerry", "John Kerry", "Secretary of State"),
        ("The University of Utah", "University of Utah", None),
    ],
)
def test_names_with_places_and_title_words(source: str, name: str, role: str | None) -> None:
    info = describe(source)
    assert (info.name, info.role) == (name, role)


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("Moscow has so far shown no willingness to talk.", "has so far shown", "Moscow"),
        (
            "The United States on Tuesday, for the first time, formally supported the plan.",
            "formally supported",
            "The United States",
        ),
    ],
)
def test_adverbials_are_never_sources(text: str, cue: str, source: str) -> None:
    (a,) = OfflineReader().read(Document(text)).attributions
    assert a.cue is not None
    assert a.source is not None
    assert (a.cue.text, a.source.text) == (cue, source)


def test_a_reported_clause_is_no_source_of_its_own_verb() -> None:
    text = "Phil Smith, a union spokesman, said the union expected production to improve."
    (a,) = OfflineReader().read(Document(text)).attributions
    assert a.cue is not None
    assert a.source is not None
    assert (a.source.text, a.cue.text) == ("Phil Smith, a union spokesman,", "said")


def test_a_participle_keeps_its_time_phrase_in_the_source() -> None:
    text = "A federal report released last year found that the agency had lost track."
    found = [a for a in OfflineReader().read(Document(text)).attributions if a.cue]
    assert found[0].source is not None
    assert found[0].source.text == "A federal report released last year"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kall -- co-editor of a book on the debates -- said the rules changed.",
            "Kall -- co-editor of a book on the debates --",
        ),
        (
            "Jane Roe, a lawyer for the coalition, which represents developers, said it.",
            "Jane Roe, a lawyer for the coalition, which represents developers,",
        ),
    ],
)
def test_a_source_with_a_dashed_aside_or_a_relative_clause(text: str, expected: str) -> None:
    found = source_before(text, 0, text.index(" said") + 1)
    assert found is not None
    assert text[found[0] : found[1]] == expected


def test_a_subject_pronoun_after_a_leading_phrase_is_the_source() -> None:
    text = "In an interview with a radio host he blasted the press."
    found = source_before(text, 0, text.index("blasted"))
    assert found is not None
    assert text[found[0] : found[1]] == "he"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He recently pitched the plan to voters.", "He"),
        ("On September 27 they published the results.", "they"),
        ("A reporter for USA Today reported it.", "A reporter for USA Today"),
        ("The council sent a letter to the board.", "The council"),
        ("On July 6, 2015, Sanders made the following comment:", "Sanders"),
    ],
)
def test_the_leading_subject_drops_adverbs_but_not_names(text: str, expected: str) -> None:
    found = leading_subject(text, 0, len(text))
    assert found is not None
    assert text[found[0] : found[1]] == expected


def test_a_subject_with_a_short_relative_clause() -> None:
    text = "Two officials who spoke on condition of anonymity said the talks had stalled."
    assert _before(text) == "Two officials who spoke on condition of anonymity"


def test_a_name_before_two_descriptions() -> None:
    text = "Jane Roe, the attorney general of Ohio, one of the states suing, said it."
    assert _before(text) == "Jane Roe, the attorney general of Ohio, one of the states suing,"


def test_a_long_leading_subject_with_an_appositive() -> None:
    text = "Dean, a former party chairman and presidential candidate, poked at the rival."
    found = leading_subject(text, 0, len(text))
    assert found is not None
    assert text[found[0] : found[1]] == (
        "Dean, a former party chairman and presidential candidate,"
    )


def test_a_noun_phrase_with_a_relative_appositive() -> None:
    text = "The alliance, which includes two large unions, said it would march."
    assert _before(text) == "The alliance, which includes two large unions,"


def test_a_name_with_a_long_relative_appositive() -> None:
    text = (
        "Dr. Jane Roe, who as a Navy captain was the White House physician in the "
        "administration of a former president and later retired from the service as "
        "a rear admiral, said that the leg was hurt."
    )
    found = _before(text)
    assert found is not None
    assert found.startswith("Dr. Jane Roe, who as a Navy captain")


def test_an_including_appositive_stays_with_its_noun_phrase() -> None:
    text = "Several companies, including Acme, said they would appeal."
    assert _before(text) == "Several companies, including Acme,"


def test_a_noun_phrase_with_a_participial_appositive() -> None:
    text = "The committee, led by Senator Jane Roe, said the deal was close."
    assert _before(text) == "The committee, led by Senator Jane Roe,"


def test_a_short_leading_subject_with_an_appositive() -> None:
    text = "Dean, a medical doctor, then appeared on television."
    found = leading_subject(text, 0, len(text))
    assert found is not None
    assert text[found[0] : found[1]] == "Dean, a medical doctor,"


def test_a_relative_clause_with_its_own_cue_is_no_part_of_the_source() -> None:
    text = "Mr. Lee, who understood that the vote would fail, told his aides to wait."
    assert _before(text, "told") == "Mr. Lee"
