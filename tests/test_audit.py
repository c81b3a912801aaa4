"""Attribution audits: rows, sources, uncredited claims, orphan quotes, derived quotes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

import sourcecheck as sc
from _fixtures import ARTICLE, article_extraction, derived_extraction, span
from sourcecheck._attribution_audit import check_quotes
from sourcecheck._audit import (
    AttributionAudit,
    DerivedQuoteCheck,
    QuoteMatch,
    SpeakerMatch,
    audit,
    same_person,
)
from sourcecheck._exceptions import EmptyInputError
from sourcecheck._models import AttributionKind, ClaimKind, Extraction, Quote, Span


@pytest.fixture(scope="module")
def report() -> AttributionAudit:
    return audit(article_extraction())


def test_one_row_per_attribution_with_every_field(report: AttributionAudit) -> None:
    assert len(report.rows) == 4
    lee = report.rows[0]
    assert (lee.source_name, lee.source_role, lee.cue, lee.kind) == (
        "Ann Lee",
        "Mayor",
        "said",
        AttributionKind.PARTIAL,
    )
    assert lee.named
    assert not lee.anonymous
    assert lee.content == 'the council "will rebuild the bridge by spring."'
    assert lee.source_span is not None
    assert lee.source_span.text == "Mayor Ann Lee"
    officials = report.rows[3]
    assert officials.anonymous
    assert not officials.named
    assert report.rows[2].kind is AttributionKind.ACCORDING_TO


def test_every_row_span_matches_the_source(report: AttributionAudit) -> None:
    assert report.rows
    for row in report.rows:
        for s in (row.content_span, row.source_span, row.cue_span):
            if s is not None:
                assert ARTICLE[s.start : s.end] == s.text


def test_a_short_name_is_merged_into_the_full_name(report: AttributionAudit) -> None:
    names = [s.name for s in report.sources]
    assert names == ["Ann Lee", "the city budget office", "Officials"]
    lee = report.source("Lee")
    assert lee is not None
    assert (lee.role, lee.attributions, lee.claims, len(lee.quotes), lee.direct_quotes) == (
        "Mayor",
        2,
        2,
        2,
        1,
    )
    assert lee.cues == ("said", "told")
    assert report.source("Officials") is not None
    assert report.source("Officials").anonymous


def test_uncredited_claims_and_orphan_quotes(report: AttributionAudit) -> None:
    assert [c.kind for c in report.uncredited] == [ClaimKind.FACT, ClaimKind.OPINION]
    assert report.uncredited[1].text.startswith("The vote marks a major shift")
    assert [q.span.text for q in report.unattributed_quotes] == [
        "Nobody asked the neighbours what they wanted."
    ]


def test_two_people_sharing_a_surname_stay_apart() -> None:
    assert same_person("Lee", "Ann Lee")
    assert same_person("Mr. Lee", "Ann Lee")
    assert not same_person("Ann Lee", "Bo Lee")
    assert not same_person(None, "Ann Lee")


def _derived(text: str, quotes: list[tuple[str, str | None]]) -> AttributionAudit:
    return audit(article_extraction(), derived=derived_extraction(text, quotes))


def test_a_verbatim_quote_credited_to_its_speaker_passes() -> None:
    words = "This is the best day for our city in a decade"
    check = _derived(f'Mayor Lee said: "{words}."', [(words, "Lee")]).derived_quotes[0]
    assert check.match is QuoteMatch.VERBATIM
    assert check.speaker_match is SpeakerMatch.SAME
    assert not check.flagged
    assert check.source_span is not None
    assert check.source_span.text == words


def test_curly_quotes_and_case_do_not_make_a_quote_altered() -> None:
    words = "THIS IS THE BEST DAY FOR OUR CITY IN A DECADE"
    check = _derived(f"“{words}”", [(words, None)]).derived_quotes[0]
    assert check.match is QuoteMatch.VERBATIM
    assert check.speaker_match is SpeakerMatch.UNKNOWN
    assert not check.flagged


def test_one_altered_word_is_flagged_with_the_change() -> None:
    words = "This is the greatest day for our city in a decade"
    report = _derived(f'Lee said "{words}."', [(words, "Ann Lee")])
    check = report.derived_quotes[0]
    assert check.match is QuoteMatch.ALTERED
    assert check.flagged
    assert report.flagged == (check,)
    assert check.changes == ("best -> greatest",)
    assert check.source_span is not None
    assert "best day" in check.source_span.text
    assert check.speaker_match is SpeakerMatch.SAME
    assert 0.7 <= check.similarity < 1.0


def test_a_quote_credited_to_someone_else_is_flagged() -> None:
    words = "will rebuild the bridge by spring"
    check = _derived(f'Officials said it "{words}".', [(words, "Officials")]).derived_quotes[0]
    assert check.match is QuoteMatch.VERBATIM
    assert check.speaker_match is SpeakerMatch.DIFFERENT
    assert check.source_speaker == "Ann Lee"
    assert check.flagged


def test_paraphrase_put_in_quotation_marks_is_flagged_as_unquoted() -> None:
    words = "the contract would go to a local firm"
    check = _derived(f'They said "{words}".', [(words, None)]).derived_quotes[0]
    assert check.match is QuoteMatch.UNQUOTED
    assert check.source_speaker == "Officials"
    assert check.flagged


def test_an_invented_quote_is_not_found() -> None:
    words = "We have secured funding from the federal government"
    check = _derived(f'Lee said "{words}".', [(words, "Lee")]).derived_quotes[0]
    assert check.match is QuoteMatch.NOT_FOUND
    assert check.source_span is None
    assert check.flagged


def test_derived_quote_spans_index_the_derived_text() -> None:
    text = 'Lee said "This is the best day for our city in a decade."'
    words = "This is the best day for our city in a decade."
    report = _derived(text, [(words, "Lee")])
    q = report.derived_quotes[0].quote
    assert report.derived == text
    assert text[q.start : q.end] == q.text


def test_an_audit_with_a_span_outside_its_text_cannot_exist() -> None:
    bad = DerivedQuoteCheck(
        quote=Span(start=0, end=3, text="abc"), match=QuoteMatch.NOT_FOUND, similarity=0.0
    )
    with pytest.raises(ValidationError, match="source holds"):
        AttributionAudit(text="x", derived="xyz", derived_quotes=(bad,))


def test_text_report_names_every_part(report: AttributionAudit) -> None:
    text = report.to_text()
    assert "Ann Lee (Mayor): 2 attributions, 2 claims, 2 quotes (1 direct)" in text
    assert "Claims no one is credited with" in text
    assert "Nobody asked the neighbours" in text


def test_bad_input_is_a_typed_error() -> None:
    with pytest.raises(EmptyInputError):
        audit("   ")


def test_audit_is_exported() -> None:
    assert sc.audit is audit
    assert sc.AttributionAudit is AttributionAudit


def test_fixture_helper_finds_the_right_occurrence() -> None:
    assert span(ARTICLE, "said", 1).start > span(ARTICLE, "said").start


# -- the seed article (needs the offline reader and the verifier) -----------------------

WITKOFF_QUOTE = "These guarantees are as strong as any that have ever been seen"


@pytest.fixture(scope="module")
def seed_audit(seed_text: str) -> AttributionAudit:
    return audit(seed_text)


def test_seed_witkoff_is_listed_with_his_role_and_two_quotes(seed_audit: AttributionAudit) -> None:
    witkoff = seed_audit.source("Steve Witkoff")
    assert witkoff is not None
    assert witkoff.role is not None
    assert "Special Envoy" in witkoff.role
    assert len(witkoff.quotes) == 2
    assert any("strongly stands behind" in q.text for q in witkoff.quotes)
    assert any(WITKOFF_QUOTE in q.text for q in witkoff.quotes)


def test_seed_reuters_and_the_joint_statement_are_listed(seed_audit: AttributionAudit) -> None:
    assert seed_audit.source("Reuters") is not None
    rows = [r for r in seed_audit.rows if r.source_name and "coalition leaders" in r.source_name]
    assert rows, [r.source_name for r in seed_audit.rows]
    assert any("monitor and verify" in r.content for r in rows)


def test_seed_analysis_sentences_are_uncredited(seed_audit: AttributionAudit) -> None:
    texts = [c.text for c in seed_audit.uncredited]
    assert any("marks a significant shift" in t for t in texts)
    assert any("growing consensus" in t for t in texts)
    assert not any("Witkoff" in t for t in texts)
    for claim in seed_audit.uncredited:
        for s in claim.evidence:
            assert seed_audit.text[s.start : s.end] == s.text


def test_seed_derived_text_altering_one_witkoff_word_is_flagged(
    seed_text: str, seed_audit: AttributionAudit
) -> None:
    altered = WITKOFF_QUOTE.replace("strong", "firm")
    derived = (
        "Briefing\n\n"
        f'U.S. envoy Steve Witkoff said: "{altered}." He said Trump "strongly stands behind '
        'the security protocols."'
    )
    report = audit(seed_text, derived=derived)
    by_words = {c.quote.text.strip(' ."'): c for c in report.derived_quotes}
    bad = next(c for words, c in by_words.items() if "firm" in words)
    assert bad.flagged
    assert bad.match is QuoteMatch.ALTERED
    assert bad.changes == ("strong -> firm",)
    good = next(c for words, c in by_words.items() if "strongly stands" in words)
    assert good.match is QuoteMatch.VERBATIM
    assert not good.flagged
    assert good.speaker_match is not SpeakerMatch.DIFFERENT


@given(
    words=st.lists(
        st.sampled_from(["Straße", "ÉTÉ", "the", "“big”", "plan", "İstanbul", "—", "co-op", "ﬁne"]),
        min_size=4,
        max_size=12,
    ),
    data=st.data(),
)
def test_any_fragment_of_a_source_quote_is_verbatim_and_maps_back(
    words: list[str], data: st.DataObject
) -> None:
    quoted = " ".join(words)
    text = f'Intro line.\n\nLee said: "{quoted}" on Monday.'
    start = text.index(quoted)
    source = Extraction(
        text=text,
        quotes=(Quote(span=Span.of(text, start, start + len(quoted)), speaker_name="Lee"),),
    )
    i = data.draw(st.integers(0, len(words) - 2))
    j = data.draw(st.integers(i + 2, len(words)))
    fragment = " ".join(words[i:j]).upper()  # case must not matter
    derived = f'"{fragment}"'
    check = check_quotes(source, [Quote(span=Span.of(derived, 1, 1 + len(fragment)))])[0]
    if not fragment.strip(" .,;:!?…\"'“”‘’—"):
        return
    assert check.match is QuoteMatch.VERBATIM
    assert check.source_span is not None
    assert text[check.source_span.start : check.source_span.end] == check.source_span.text
    assert source.quotes[0].span.contains(check.source_span)


def test_an_audit_round_trips_through_json() -> None:
    words = "This is the greatest day for our city in a decade"
    report = _derived(f'Lee said "{words}."', [(words, "Ann Lee")])
    assert AttributionAudit.model_validate_json(report.model_dump_json()) == report


def test_short_quoted_phrases_a_reader_skips_are_still_checked() -> None:
    text = 'Lee called it the “best day for our city” and a “historic” vote, "never again said".'
    derived = derived_extraction(text, [])  # the reader found no quote at all
    report = audit(article_extraction(), derived=derived)
    checked = {c.quote.text: c.match for c in report.derived_quotes}
    assert checked == {
        "best day for our city": QuoteMatch.VERBATIM,
        "never again said": QuoteMatch.NOT_FOUND,
    }  # one word ("historic") is a scare quote, not a claim that someone said it


def test_a_reader_quote_is_not_checked_twice() -> None:
    words = "This is the best day for our city in a decade"
    report = _derived(f'Lee said: "{words}."', [(words, "Lee")])
    assert len(report.derived_quotes) == 1
    assert report.derived_quotes[0].speaker == "Lee"
