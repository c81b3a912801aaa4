from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sourcecheck._document import Document, Role
from sourcecheck._models import (
    Attribution,
    AttributionKind,
    ClaimKind,
    GroundingStatus,
    Quote,
    QuoteKind,
    Span,
)
from sourcecheck._offline._claims import _SpanIndex, classify, draft_claims


def _span(text: str, words: str, after: int = 0) -> Span:
    start = text.index(words, after)
    return Span.of(text, start, start + len(words))


def _quote(
    text: str,
    words: str,
    speaker: str | None = None,
    cue: str | None = None,
    kind: QuoteKind = QuoteKind.DIRECT,
) -> Quote:
    return Quote(
        span=_span(text, words),
        speaker=_span(text, speaker) if speaker else None,
        speaker_name=speaker,
        cue=_span(text, cue) if cue else None,
        kind=kind,
    )


def _texts(text: str, quotes: list[Quote] | None = None) -> list[str]:
    return [d.text for d in draft_claims(Document(text), quotes or [], [])]


# -- which sentences become claims ----------------------------------------------------


def test_no_claim_from_headline_heading_byline_dateline_or_boilerplate() -> None:
    text = (
        "Council Approves New Budget\n\n"
        "By Jane Doe\n\n"
        "2 Min Read\n\n"
        "SPRINGFIELD (Reuters) - The city council approved a $4 million budget on Monday.\n\n"
        "Spending Plans\n\n"
        "The budget raises spending on parks by 12 percent.\n\n"
        "(Reporting by Jane Doe; Editing by John Roe.)"
    )
    document = Document(text)
    drafts = draft_claims(document, [], [])
    assert [d.text for d in drafts] == [
        "The city council approved a $4 million budget on Monday.",
        "The budget raises spending on parks by 12 percent.",
    ]
    for draft in drafts:
        assert draft.sentence is not None
        assert document.sentences[draft.sentence].role is Role.BODY


def test_every_evidence_span_indexes_the_source() -> None:
    text = (
        "Mayor Quits\n\nThe mayor resigned on Friday. However, she gave no reason; "
        "her deputy will take over until an election is held next spring."
    )
    for draft in draft_claims(Document(text), [], []):
        assert draft.evidence
        assert draft.grounding is GroundingStatus.EXACT
        # Faithful: the claim says exactly what its evidence says.
        assert draft.text == " ".join(draft.evidence[0].text.split())
        for span in draft.evidence:
            assert text[span.start : span.end] == span.text


def test_questions_calls_to_action_and_fragments_are_skipped() -> None:
    text = (
        "The council met on Monday. Will it agree? Click here to read more. "
        "Follow us on Twitter. Flawless execution. It voted 7-2 to approve the plan."
    )
    assert _texts(text) == ["The council met on Monday.", "It voted 7-2 to approve the plan."]


def test_short_statements_are_kept() -> None:
    # Conservative: a short sentence with a verb states something checkable.
    assert _texts("The city sent a letter. She wasn't there. It never came to that.") == [
        "The city sent a letter.",
        "She wasn't there.",
        "It never came to that.",
    ]


def test_imperative_looking_statements_are_not_calls_to_action() -> None:
    text = "Like many cities, Springfield raised taxes. Follow-up talks were held in May."
    assert len(_texts(text)) == 2


def test_a_quoted_question_is_kept_as_a_quote() -> None:
    text = "“Why won’t he release his tax returns?” Clinton asked on Monday."
    quote = _quote(text, "Why won’t he release his tax returns?", "Clinton", "asked")
    [draft] = draft_claims(Document(text), [quote], [])
    assert draft.kind is ClaimKind.QUOTE
    assert draft.quoted == ("Why won’t he release his tax returns?",)


# -- the claim's text and evidence ----------------------------------------------------


@pytest.mark.parametrize("connective", ["However, ", "Also, ", "Meanwhile, ", "In addition, "])
def test_leading_connective_is_trimmed(connective: str) -> None:
    text = f"The plan passed. {connective}the mayor vetoed it on Friday."
    [_, draft] = draft_claims(Document(text), [], [])
    assert draft.text == "the mayor vetoed it on Friday."
    assert draft.evidence[0].text == "the mayor vetoed it on Friday."


def test_a_connective_that_leaves_too_little_is_kept() -> None:
    [draft] = draft_claims(Document("However, it failed again."), [], [])
    assert draft.text == "However, it failed again."


def test_semicolon_clauses_become_separate_claims() -> None:
    text = (
        "Apple holds $214.9 billion offshore and would owe $65.4 billion in taxes; "
        "Nike holds $12 billion offshore and would owe $4.1 billion."
    )
    drafts = draft_claims(Document(text), [], [])
    assert [d.evidence[0].text for d in drafts] == [
        "Apple holds $214.9 billion offshore and would owe $65.4 billion in taxes;",
        "Nike holds $12 billion offshore and would owe $4.1 billion.",
    ]
    assert drafts[0].sentence == drafts[1].sentence == 0


def test_semicolons_in_quotes_or_short_lists_do_not_split() -> None:
    text = (
        'He said, "We tried; we failed; we will try again next year." '
        "Members came from Ohio; Texas; and Maine, officials said."
    )
    assert len(draft_claims(Document(text), [], [])) == 2


# -- kinds ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The mayor resigned on Friday.", ClaimKind.FACT),
        ("The agency could not confirm the figures.", ClaimKind.FACT),
        ("This marks a significant shift in U.S. policy.", ClaimKind.OPINION),
        ("The summit underscores a growing consensus among allies.", ClaimKind.OPINION),
        ("The plan may be the boldest yet.", ClaimKind.OPINION),
        ("Lawmakers should reject the bill.", ClaimKind.OPINION),
        ("Prices will rise next year.", ClaimKind.PREDICTION),
        ("The bank is expected to cut rates in March.", ClaimKind.PREDICTION),
        ("Economists forecast growth of 2 percent.", ClaimKind.PREDICTION),
        ("The vote is likely to be close.", ClaimKind.PREDICTION),
        ("Officials said repairs would take a week.", ClaimKind.PREDICTION),
        ("The spokesman would not comment on the talks.", ClaimKind.FACT),
        ("The plan would allow refunds for late fees.", ClaimKind.FACT),
        ("Likely voters favor the measure by 6 points.", ClaimKind.FACT),
        ("Critics said the plan was a dramatic mistake.", ClaimKind.FACT),
        ('The senator called the ruling "outrageous" on Monday.', ClaimKind.FACT),
        ("Republicans expressed concern that the change could lead to fraud.", ClaimKind.FACT),
    ],
)
def test_kind_by_cue_words(sentence: str, kind: ClaimKind) -> None:
    assert classify(sentence) is kind


def test_an_attributed_opinion_is_a_report_of_it() -> None:
    text = "The plan is a historic mistake, the mayor argued on Monday."
    mayor = Attribution(
        content=_span(text, "The plan is a historic mistake"),
        cue=_span(text, "argued"),
        source=_span(text, "the mayor"),
    )
    assert classify(text) is ClaimKind.FACT
    [draft] = draft_claims(Document(text), [], [mayor])
    assert (draft.kind, draft.attribution) == (ClaimKind.FACT, mayor)


def test_may_the_month_is_not_a_hedge() -> None:
    assert classify("The law took effect in May.") is ClaimKind.FACT


def test_a_sentence_that_is_mostly_a_quote_is_a_quote() -> None:
    text = "“Prices will fall by the end of the year,” the minister said."
    quote = _quote(text, "Prices will fall by the end of the year,", "the minister", "said")
    [draft] = draft_claims(Document(text), [quote], [])
    assert draft.kind is ClaimKind.QUOTE
    assert draft.quoted == ("Prices will fall by the end of the year,",)


def test_a_partial_quote_keeps_the_sentence_kind_and_lists_the_words() -> None:
    text = "The envoy said that the president “strongly stands behind the protocols.”"
    words = "strongly stands behind the protocols."
    quote = _quote(text, words, "The envoy", "said", QuoteKind.PARTIAL)
    [draft] = draft_claims(Document(text), [quote], [])
    assert draft.kind is ClaimKind.FACT
    assert draft.quoted == ("strongly stands behind the protocols.",)


def test_a_quote_across_sentences_gives_each_sentence_its_part() -> None:
    text = "“We are ready. The deal is done,” Smith said."
    words = "We are ready. The deal is done,"
    quote = _quote(text, words, "Smith", "said")
    drafts = draft_claims(Document(text), [quote], [])
    assert [d.kind for d in drafts] == [ClaimKind.QUOTE, ClaimKind.QUOTE]
    assert [d.quoted for d in drafts] == [("We are ready.",), ("The deal is done,",)]
    for draft in drafts:
        assert draft.attribution is not None
        assert draft.attribution.source_name == "Smith"
        assert draft.attribution.kind is AttributionKind.DIRECT


# -- attributions -------------------------------------------------------------------


def test_attribution_whose_content_overlaps_most_is_chosen() -> None:
    text = (
        "Officials said the bridge was closed. The detour adds 20 minutes, according to the city."
    )
    officials = Attribution(
        content=_span(text, "the bridge was closed"),
        cue=_span(text, "said"),
        source=_span(text, "Officials"),
        source_name="Officials",
        anonymous=True,
    )
    city = Attribution(
        content=_span(text, "The detour adds 20 minutes"),
        cue=_span(text, "according to"),
        source=_span(text, "the city"),
        source_name="the city",
        kind=AttributionKind.ACCORDING_TO,
    )
    drafts = draft_claims(Document(text), [], [city, officials])
    assert [d.attribution for d in drafts] == [officials, city]


def test_no_attribution_when_none_covers_the_claim() -> None:
    text = "The bridge was closed. Officials said repairs would take a week."
    attribution = Attribution(
        content=_span(text, "repairs would take a week"),
        source=_span(text, "Officials"),
        cue=_span(text, "said"),
    )
    drafts = draft_claims(Document(text), [], [attribution])
    assert [d.attribution for d in drafts] == [None, attribution]
    assert drafts[1].kind is ClaimKind.PREDICTION


def test_a_quote_without_a_speaker_has_no_invented_attribution() -> None:
    text = "“The doors open at nine and close at five,” a sign read."
    quote = _quote(text, "The doors open at nine and close at five,")
    [draft] = draft_claims(Document(text), [quote], [])
    assert draft.kind is ClaimKind.QUOTE
    assert draft.attribution is None


def test_a_quote_takes_the_attribution_of_its_words() -> None:
    text = "“We must not overreact to campaign rhetoric,” he told me."
    quote = _quote(text, "We must not overreact to campaign rhetoric,", "he", "told")
    stray = Attribution(
        content=_span(text, "me"), cue=_span(text, "told"), source=_span(text, "he")
    )
    [draft] = draft_claims(Document(text), [quote], [stray])
    assert draft.kind is ClaimKind.QUOTE
    assert draft.attribution is not None
    assert draft.attribution.content == quote.span
    assert draft.attribution.source_name == "he"


def test_a_few_words_spilling_from_another_sentence_do_not_attribute() -> None:
    text = "Officials said the talks failed. They resumed on Monday after a week of silence."
    spill = Attribution(
        content=_span(text, "the talks failed. They"),
        cue=_span(text, "said"),
        source=_span(text, "Officials"),
    )
    drafts = draft_claims(Document(text), [], [spill])
    assert [d.attribution for d in drafts] == [spill, None]


def test_list_markers_are_not_part_of_the_claim() -> None:
    text = "Key points\n\n• Officials expect three cuts this year.\n\n2. Inflation fell to 3.1%."
    drafts = draft_claims(Document(text), [], [])
    assert [d.evidence[0].text for d in drafts] == [
        "Officials expect three cuts this year.",
        "Inflation fell to 3.1%.",
    ]


def test_a_quote_with_a_long_attribution_frame_is_still_a_quote() -> None:
    text = (
        "“I am not going to follow a script,” Italian Prime Minister Matteo Renzi "
        "said after the meeting."
    )
    quote = _quote(
        text, "I am not going to follow a script,", "Italian Prime Minister Matteo Renzi", "said"
    )
    [draft] = draft_claims(Document(text), [quote], [])
    assert draft.kind is ClaimKind.QUOTE


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Shortly before a crucial court hearing, the financing fell through.", ClaimKind.FACT),
        ("The agency struggles to raise the money it needs to provide food.", ClaimKind.FACT),
        ("The coal was piled about as high as it could go.", ClaimKind.FACT),
        ("Clinton needs to sell herself and tell more jokes.", ClaimKind.OPINION),
        ("Fresh thinking is critical for the party.", ClaimKind.OPINION),
    ],
)
def test_descriptive_uses_of_evaluative_words(sentence: str, kind: ClaimKind) -> None:
    assert classify(sentence) is kind


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "But the police overruled that request on Monday.",
            "the police overruled that request on Monday.",
        ),
        ("And the vote was delayed until next week.", "the vote was delayed until next week."),
        ("So far, three people have been arrested.", "So far, three people have been arrested."),
        ("Yet another poll showed the race tied.", "Yet another poll showed the race tied."),
    ],
)
def test_bare_coordinators_are_trimmed(sentence: str, claim: str) -> None:
    [draft] = draft_claims(Document(sentence), [], [])
    assert draft.text == claim


def test_a_hard_wrapped_sentence_reads_on_one_line() -> None:
    text = "The council approved the budget\non Monday after a long debate."
    [draft] = draft_claims(Document(text), [], [])
    assert draft.text == "The council approved the budget on Monday after a long debate."
    assert draft.evidence[0].text == text


@given(
    spans=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=25),
    query=st.tuples(st.integers(0, 90), st.integers(1, 30)),
)
def test_span_index_finds_exactly_the_overlapping_spans(
    spans: list[tuple[int, int]], query: tuple[int, int]
) -> None:
    source = "x" * 100
    items = [Span.of(source, start, start + length) for start, length in spans]
    start, end = query[0], min(100, query[0] + query[1])
    found = _SpanIndex(items, lambda span: span).overlapping(start, end)
    wanted = Span.of(source, start, end)
    assert sorted(found, key=lambda s: (s.start, s.end)) == sorted(
        (s for s in items if s.overlaps(wanted)), key=lambda s: (s.start, s.end)
    )


def test_sentences_of_unspaced_scripts_are_claims() -> None:
    text = "公司周二表示，系统已经恢复。该公司称，辐射水平正在下降。"
    document = Document(text)
    drafts = draft_claims(document, (), ())
    assert [d.evidence[0].text for d in drafts] == [
        "公司周二表示，系统已经恢复。",
        "该公司称，辐射水平正在下降。",
    ]
