"""verify(), the Verification result, the injected judge, and judge_claims()."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sourcecheck as sc
from sourcecheck._document import Document
from sourcecheck._models import CheckOutcome, GroundingStatus, Label, Span
from sourcecheck._reading import ClaimDraft
from sourcecheck._verifier import Verifier, judge_claims, overall_label

# -- the seed article


def test_seed_wrong_city_is_contradicted(seed_text: str) -> None:
    result = sc.verify("The summit took place in Berlin.", source=seed_text)
    assert result.label is Label.CONTRADICTED
    failed = [c for c in result.sentences[0].verdict.checks if c.outcome is CheckOutcome.FAIL]
    assert any(c.name == "entities" and "Berlin" in c.message for c in failed)
    assert any("Paris" in span.text for c in failed for span in c.evidence)


def test_seed_unsaid_fact_is_unsupported(seed_text: str) -> None:
    result = sc.verify("Ukraine's president addressed the summit.", source=seed_text)
    assert result.label is Label.UNSUPPORTED


@pytest.mark.parametrize(
    "paraphrase",
    [
        "At a summit in Paris, the United States formally backed security guarantees for "
        "Ukraine for the first time.",
        "The U.S. supported security guarantees for Ukraine at a Paris summit.",
        'Witkoff said the guarantees were "as strong as any that have ever been seen."',
    ],
)
def test_seed_faithful_paraphrase_is_supported(seed_text: str, paraphrase: str) -> None:
    result = sc.verify(paraphrase, source=seed_text)
    assert result.label is Label.SUPPORTED, [
        c.message for s in result.sentences for c in s.verdict.checks if c.outcome == "fail"
    ]
    assert result.sentences[0].verdict.evidence


@pytest.mark.parametrize(
    ("statement", "check"),
    [
        ("The war began with Russia's invasion in February 2023.", "dates"),
        ("Moscow has shown a clear willingness to make concessions.", "negation"),
        ("The United States opposed security guarantees for Ukraine.", "antonyms"),
        ('Trump said the guarantees were "as strong as any that have ever been seen."', "quotes"),
        ('Witkoff said the guarantees were "the strongest ever seen."', "quotes"),
    ],
)
def test_seed_contradictions_name_their_check(seed_text: str, statement: str, check: str) -> None:
    result = sc.verify(statement, source=seed_text)
    assert result.label is Label.CONTRADICTED
    names = {c.name for c in result.sentences[0].verdict.checks if c.outcome == "fail"}
    assert check in names


# -- the result


def test_overall_label_is_the_worst_sentence(seed_text: str) -> None:
    text = "The summit was held in Paris. Ukraine's president addressed the summit."
    result = sc.verify(text, source=seed_text)
    assert [s.label for s in result.sentences] == [Label.SUPPORTED, Label.UNSUPPORTED]
    assert result.label is Label.UNSUPPORTED
    text += " The summit took place in Berlin."
    assert sc.verify(text, source=seed_text).label is Label.CONTRADICTED


def test_overall_label_order() -> None:
    assert overall_label([Label.SUPPORTED, Label.SUPPORTED]) is Label.SUPPORTED
    assert overall_label([Label.SUPPORTED, Label.UNSUPPORTED]) is Label.UNSUPPORTED
    assert overall_label([Label.UNSUPPORTED, Label.CONTRADICTED]) is Label.CONTRADICTED


def test_spans_obey_the_invariant(seed_text: str) -> None:
    statement = "  The summit was held in Paris.\nIt took place in Berlin, Witkoff said. "
    result = sc.verify(statement, source=seed_text)
    assert len(result.sentences) == 2
    for sentence in result.sentences:
        assert statement[sentence.span.start : sentence.span.end] == sentence.text
        for span in sc._models.iter_spans(sentence.verdict):
            assert seed_text[span.start : span.end] == span.text
    assert 0.0 <= result.score <= 1.0


def test_verification_rejects_a_span_outside_its_source(seed_text: str) -> None:
    result = sc.verify("The summit was held in Paris.", source=seed_text)
    data = result.model_dump()
    data["source"] = "x" * len(seed_text)
    with pytest.raises(ValueError, match="span"):
        sc.Verification.model_validate(data)


def test_verification_round_trips_through_json(seed_text: str) -> None:
    result = sc.verify("The summit took place in Berlin.", source=seed_text)
    assert sc.Verification.model_validate_json(result.model_dump_json()) == result


@pytest.mark.parametrize(
    ("statement", "error"),
    [("", sc.EmptyInputError), ("  \n", sc.EmptyInputError), (b"\x00\x01", sc.BinaryInputError)],
)
def test_bad_statement_raises_a_typed_error(seed_text: str, statement: object, error: type) -> None:
    with pytest.raises(error):
        sc.verify(statement, source=seed_text)  # type: ignore[arg-type]


def test_bad_source_raises_a_typed_error() -> None:
    with pytest.raises(sc.EmptyInputError):
        sc.verify("The summit was in Paris.", source="   ")


@pytest.mark.parametrize(
    ("statement", "source", "message"),
    [
        ("The summit was in Paris.", "", "the source is empty"),
        ("The summit was in Paris.", " \n", "the source is blank"),
        ("The summit was in Paris.", b"\xff", "the source is not valid UTF-8"),
        ("", "The summit was in Paris.", "the statement is empty"),
        ("  ", "The summit was in Paris.", "the statement is blank"),
    ],
)
def test_an_input_error_names_the_input_it_is_about(
    statement: str, source: str, message: str
) -> None:
    with pytest.raises(sc.InputError, match=f"^{message}"):
        sc.verify(statement, source=source)


def test_verifier_reuses_one_prepared_source(seed_text: str) -> None:
    verifier = Verifier(seed_text)
    first = verifier.verify("The summit was held in Paris.")
    assert Verifier(seed_text).facts is verifier.facts
    assert first.supported


# -- the judge


class FakeJudge:
    """Answers with a fixed label, citing the first candidate; records its calls."""

    def __init__(self, label: Label, cite: bool = True) -> None:
        self.label = label
        self.cite = cite
        self.calls: list[tuple[str, list[int]]] = []

    def __call__(
        self, statement: str, document: Document, candidate_sentences: Sequence[int]
    ) -> tuple[Label, tuple[int, ...]]:
        self.calls.append((statement, list(candidate_sentences)))
        return self.label, tuple(candidate_sentences[:1]) if self.cite else ()


def test_judge_decides_only_what_the_checks_cannot(seed_text: str) -> None:
    judge = FakeJudge(Label.SUPPORTED)
    # Hard conflict: the checks decide, the judge is not asked.
    assert (
        sc.verify("The summit took place in Berlin.", source=seed_text, judge=judge).label
        is Label.CONTRADICTED
    )
    # Clean pass: not asked either.
    assert sc.verify("The summit was held in Paris.", source=seed_text, judge=judge).supported
    assert judge.calls == []
    # Only new wording: a paraphrase the checks cannot settle goes to the judge.
    result = sc.verify("Ukraine's president addressed the summit.", source=seed_text, judge=judge)
    assert len(judge.calls) == 1
    assert judge.calls[0][1], "the judge gets candidate sentences"
    assert result.label is Label.SUPPORTED
    verdict = result.sentences[0].verdict
    assert verdict.checks[-1].name == "judge"
    assert verdict.evidence == verdict.checks[-1].evidence
    cited = judge.calls[0][1][0]
    assert verdict.evidence[0] == Document(seed_text).sentences[cited].span


def test_judge_verdict_without_citation_is_not_trusted(seed_text: str) -> None:
    judge = FakeJudge(Label.SUPPORTED, cite=False)
    result = sc.verify("Ukraine's president addressed the summit.", source=seed_text, judge=judge)
    assert result.label is Label.UNSUPPORTED
    assert "cited nothing" in result.sentences[0].verdict.checks[-1].message


def test_public_verify_resolves_a_model_lazily(
    monkeypatch: pytest.MonkeyPatch, seed_text: str
) -> None:
    made: list[str] = []

    class StubJudge(FakeJudge):
        def __init__(self, model: str, **options: object) -> None:
            made.append(model)
            super().__init__(Label.UNSUPPORTED)

    import sourcecheck._llm

    monkeypatch.setattr(sourcecheck._llm, "LLMJudge", StubJudge)
    result = sc.verify("Ukraine's president addressed the summit.", source=seed_text, model="m1")
    assert made == ["m1"]
    assert result.label is Label.UNSUPPORTED


def test_core_verifier_never_imports_the_llm_layer() -> None:
    code = (
        "import sys, sourcecheck._verifier, sourcecheck._checks, sourcecheck._evidence\n"
        "bad = [m for m in ('openai', 'instructor', 'sourcecheck._llm') if m in sys.modules]\n"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# -- claims from a reader


SOURCE = 'The plant closed in 2019. "We had no choice," the owner, Ann Lee, said.'


def span_of(text: str, part: str) -> Span:
    start = text.index(part)
    return Span.of(text, start, start + len(part))


def test_a_claim_stating_its_evidence_is_supported() -> None:
    doc = Document(SOURCE)
    draft = ClaimDraft(
        text="The plant closed in 2019.", evidence=(span_of(SOURCE, "The plant closed in 2019."),)
    )
    (claim,) = judge_claims(doc, [draft])
    assert claim.verdict.label is Label.SUPPORTED
    assert claim.verdict.evidence == draft.evidence


def test_an_ungrounded_claim_is_kept_as_unsupported() -> None:
    doc = Document(SOURCE)
    drafts = [
        ClaimDraft(text="The plant reopened.", grounding=GroundingStatus.NONE),
        ClaimDraft(text="The plant closed.", evidence=()),
    ]
    claims = judge_claims(doc, drafts)
    assert [c.verdict.label for c in claims] == [Label.UNSUPPORTED, Label.UNSUPPORTED]
    assert claims[0].verdict.checks[0].name == "grounding"


def test_a_quote_that_is_not_verbatim_is_never_supported() -> None:
    doc = Document(SOURCE)
    evidence = (span_of(SOURCE, '"We had no choice," the owner, Ann Lee, said.'),)
    good = ClaimDraft(
        text="Ann Lee said they had no choice.", evidence=evidence, quoted=("We had no choice",)
    )
    bad = ClaimDraft(
        text="Ann Lee said they had no option.", evidence=evidence, quoted=("We had no option",)
    )
    case = ClaimDraft(
        text="Ann Lee said they had no choice.", evidence=evidence, quoted=("we had no choice",)
    )
    labels = [c.verdict.label for c in judge_claims(doc, [good, bad, case])]
    assert labels == [Label.SUPPORTED, Label.UNSUPPORTED, Label.UNSUPPORTED]


def test_a_paraphrase_claim_is_checked_against_the_source() -> None:
    doc = Document(SOURCE)
    evidence = (span_of(SOURCE, "The plant closed in 2019."),)
    right = ClaimDraft(
        text="The plant shut in 2019.", evidence=evidence, grounding=GroundingStatus.FUZZY
    )
    wrong = ClaimDraft(
        text="The plant closed in 2017.", evidence=evidence, grounding=GroundingStatus.FUZZY
    )
    right_claim, wrong_claim = judge_claims(doc, [right, wrong])
    assert right_claim.verdict.label is Label.SUPPORTED
    assert right_claim.verdict.score <= 0.6
    assert wrong_claim.verdict.label is Label.CONTRADICTED
    assert any(c.name == "dates" and c.outcome == "fail" for c in wrong_claim.verdict.checks)


def test_extract_gives_every_seed_claim_a_verdict(seed_text: str) -> None:
    result = sc.extract(seed_text)
    assert result.claims
    for claim in result.claims:
        assert claim.verdict.label is Label.SUPPORTED
        assert claim.verdict.checks[0].name == "grounding"


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("One sentence only.", ["One sentence only."]),
        ("  Padded sentence.  ", ["Padded sentence."]),
        ("First one. Second one.", ["First one.", "Second one."]),
        ("Line one\nLine two.", ["Line one", "Line two."]),
    ],
)
def test_split_sentences(statement: str, expected: list[str]) -> None:
    from sourcecheck._verifier import split_sentences

    spans = split_sentences(statement)
    assert [s.text for s in spans] == expected
    for span in spans:
        span.check(statement)


def test_a_quote_in_the_claim_text_must_be_verbatim_too() -> None:
    doc = Document(SOURCE)
    evidence = (span_of(SOURCE, '"We had no choice," the owner, Ann Lee, said.'),)
    right = ClaimDraft(text='Ann Lee said: "We had no choice,"', evidence=evidence)
    wrong = ClaimDraft(text='Ann Lee said: "We had no other choice,"', evidence=evidence)
    # One changed mark is a changed quote: the source has a comma, not a period.
    mark = ClaimDraft(text='Ann Lee said: "We had no choice."', evidence=evidence)
    labels = [c.verdict.label for c in judge_claims(doc, [right, wrong, mark])]
    assert labels == [Label.SUPPORTED, Label.UNSUPPORTED, Label.UNSUPPORTED]


def test_one_quote_with_or_without_its_trailing_mark_gets_one_check() -> None:
    doc = Document(SOURCE)
    evidence = (span_of(SOURCE, '"We had no choice," the owner, Ann Lee, said.'),)

    def quote_checks(draft: ClaimDraft) -> list[str]:
        (claim,) = judge_claims(doc, [draft])
        return [c.outcome for c in claim.verdict.checks if c.name == "quote"]

    both = ClaimDraft(
        text='Ann Lee said: "We had no choice,"', evidence=evidence, quoted=("We had no choice",)
    )
    assert quote_checks(both) == ["pass"]
    # Still strict: one spelling that is not verbatim (a period for the comma) fails it.
    mark = ClaimDraft(
        text='Ann Lee said: "We had no choice."', evidence=evidence, quoted=("We had no choice",)
    )
    assert quote_checks(mark) == ["fail"]
    two = ClaimDraft(
        text='Ann Lee said: "We had no choice,"', evidence=evidence, quoted=("the owner",)
    )
    assert quote_checks(two) == ["pass", "pass"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    statement=st.text(min_size=1, max_size=120).filter(
        lambda s: s.strip() and "\x00" not in s and "\ufffd" not in s
    )
)
def test_any_statement_gets_a_grounded_verification(seed_text: str, statement: str) -> None:
    result = sc.verify(statement, source=seed_text)
    assert result.sentences
    assert result.label is overall_label([s.label for s in result.sentences])
    for sentence in result.sentences:
        sentence.span.check(statement)
        for span in sc._models.iter_spans(sentence.verdict):
            span.check(seed_text)


POLARITY_SOURCE = (
    "Talks resumed in Geneva on Monday. The union has shown no clear willingness to "
    "accept the offer, its leader said. Washington has refused to lift the sanctions."
)


@pytest.mark.parametrize(
    ("statement", "label"),
    [
        ("The union has not accepted the offer.", Label.SUPPORTED),
        ("The union accepted the offer.", Label.CONTRADICTED),
        ("The United States refused to lift the sanctions.", Label.SUPPORTED),
        ("The United States lifted the sanctions.", Label.CONTRADICTED),
        ("Switzerland hosted the talks.", Label.UNSUPPORTED),  # "in Geneva" is a place
    ],
)
def test_polarity_and_metonymy_end_to_end(statement: str, label: Label) -> None:
    assert sc.verify(statement, source=POLARITY_SOURCE).label is label
