"""Briefings: selection, condensing, verification of every bullet, Markdown citations."""

from __future__ import annotations

import re

import pytest

import sourcecheck as sc
from _fixtures import ARTICLE, article_extraction
from sourcecheck._briefing import (
    Briefing,
    Bullet,
    brief,
    condense,
    extractive_briefing,
    extractive_bullets,
)
from sourcecheck._exceptions import ConfigurationError, EmptyInputError
from sourcecheck._models import Label, Span, Verdict


def _judge_by(supported: set[str]):
    """A stand-in verifier: supports exactly the statements listed."""

    def judge(statement: str) -> Verdict:
        ok = statement in supported
        return Verdict(label=Label.SUPPORTED if ok else Label.UNSUPPORTED, score=float(ok))

    return judge


def _all_claim_texts() -> set[str]:
    drafts = extractive_bullets(article_extraction())
    return {d.text for d in drafts} | {d.fallback for d in drafts if d.fallback}


# -- condensing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "short"),
    [
        ("However, prices rose in May.", "Prices rose in May."),
        ("Prices (in dollars) rose in May.", "Prices rose in May."),
        ("Prices — after a long wait — rose in May.", "Prices rose in May."),
        ("The war, which began in 2022, has intensified.", "The war has intensified."),
        (
            "Talks stalled over a plan, which reflected Russian demands, prompting new efforts.",
            "Talks stalled over a plan, prompting new efforts.",
        ),
        ("The plan was approved by the council.", "The plan was approved by the council."),
        ("Leaders also confirmed the plan.", "Leaders confirmed the plan."),
        ("It is also true of the plan.", "It is also true of the plan."),
    ],
)
def test_condense_drops_connectives_and_asides(sentence: str, short: str) -> None:
    assert condense(sentence) == short


def test_condense_never_reduces_a_sentence_to_a_stub() -> None:
    assert condense("However, (see above) it did.") == "However, (see above) it did."


# -- selection and verification -------------------------------------------------------------


def test_bullets_come_in_article_order_and_cite_their_claims() -> None:
    extraction = article_extraction()
    b = extractive_briefing(extraction, max_bullets=3, judge=_judge_by(_all_claim_texts()))
    assert len(b.bullets) == 3
    starts = [bullet.citations[0].start for bullet in b.bullets]
    assert starts == sorted(starts)
    for bullet in b.bullets:
        (i,) = bullet.claims
        assert bullet.citations == extraction.claims[i].evidence
        for s in bullet.citations:
            assert ARTICLE[s.start : s.end] == s.text


def test_the_condensed_form_is_used_when_it_is_supported() -> None:
    b = extractive_briefing(article_extraction(), judge=_judge_by(_all_claim_texts()))
    texts = [bullet.text for bullet in b.bullets]
    assert "The old bridge closed last year after a flood." in texts


def test_a_condensed_bullet_that_fails_falls_back_to_the_source_words() -> None:
    original = "However, the old bridge, which opened in 1932, closed last year after a flood."
    b = extractive_briefing(article_extraction(), judge=_judge_by(_all_claim_texts() - {
        "The old bridge closed last year after a flood."
    }))  # fmt: skip
    assert original in [bullet.text for bullet in b.bullets]


def _three_reports() -> sc.Extraction:
    """Three reported statements of the same shape: two from Lee, then one from Bo."""
    from sourcecheck._models import Attribution, Claim

    text = (
        "Lee said the harbour bridge will reopen in spring. "
        "Lee said the harbour tunnel will reopen in summer. "
        "Bo said the harbour ferry will reopen in autumn."
    )
    claims = []
    for sentence in text.split(". "):
        words = sentence.rstrip(".") + "."
        at = text.index(words)
        evidence = Span.of(text, at, at + len(words))
        name = words.split()[0]
        attribution = Attribution(
            content=Span.of(text, at + len(name) + 6, at + len(words) - 1),
            source=Span.of(text, at, at + len(name)),
            source_name=name,
        )
        claims.append(
            Claim(
                text=words,
                evidence=(evidence,),
                attribution=attribution,
                verdict=Verdict(label=Label.SUPPORTED, score=1.0),
            )
        )
    return sc.Extraction(text=text, claims=tuple(claims))


def test_variety_a_source_already_heard_from_is_ranked_down() -> None:
    extraction = _three_reports()
    order = [d.claims[0] for d in extractive_bullets(extraction)]
    # Position alone would give Lee, Lee, Bo: Bo's one statement comes before Lee's second.
    assert order == [0, 2, 1]


def test_unsupported_bullets_are_flagged_by_default() -> None:
    b = extractive_briefing(article_extraction(), max_bullets=6, judge=_judge_by(set()))
    assert b.bullets
    assert all(bullet.flagged for bullet in b.bullets)
    assert "**unsupported (unsupported):**" in b.to_markdown()


def test_dropped_bullets_are_replaced_and_kept_on_record() -> None:
    texts = _all_claim_texts()
    supported = {t for t in texts if "Repairs" not in t and "Mayor" not in t}
    b = extractive_briefing(
        article_extraction(), max_bullets=3, unsupported="drop", judge=_judge_by(supported)
    )
    assert len(b.bullets) == 3
    assert all(bullet.supported for bullet in b.bullets)
    assert b.dropped
    assert all(d.flagged for d in b.dropped)
    assert "dropped" in b.to_markdown()


def test_a_bullet_citing_nothing_is_never_supported() -> None:
    from sourcecheck._briefing import _bullet, _Draft

    verdict = Verdict(label=Label.SUPPORTED, score=1.0)
    bullet = _bullet("Anything.", _Draft("Anything.", (), ()), verdict)
    assert bullet.flagged
    assert bullet.verdict.checks[-1].name == "citation"


def test_no_usable_claim_gives_an_empty_briefing_with_a_warning() -> None:
    empty = sc.Extraction(text="Nothing here.")
    b = extractive_briefing(empty, judge=_judge_by(set()))
    assert b.bullets == ()
    assert b.warnings
    assert "no bullet the source supports" in b.to_markdown()


# -- Markdown ---------------------------------------------------------------------------------


def test_markdown_numbers_citations_once_in_order() -> None:
    text = "One fact here. Two facts here."
    first, second = Span.of(text, 0, 14), Span.of(text, 15, 30)
    ok = Verdict(label=Label.SUPPORTED, score=1.0)
    b = Briefing(
        text=text,
        bullets=(
            Bullet(text="Second [x] *fact*.", citations=(second,), verdict=ok),
            Bullet(text="Both.", citations=(first, second), verdict=ok),
        ),
    )
    md = b.to_markdown()
    assert md.splitlines()[0] == r"- Second \[x\] \*fact\*. [1]"
    assert md.splitlines()[1] == "- Both. [2][1]"
    assert "1. “Two facts here.” (characters 15–30)" in md
    assert "2. “One fact here.” (characters 0–14)" in md
    assert str(b) == md


def test_a_briefing_with_a_span_outside_its_text_cannot_exist() -> None:
    ok = Verdict(label=Label.SUPPORTED, score=1.0)
    bad = Bullet(text="x", citations=(Span(start=0, end=3, text="abc"),), verdict=ok)
    with pytest.raises(ValueError, match="source holds"):
        Briefing(text="xyz", bullets=(bad,))


def test_bad_arguments_are_typed_errors() -> None:
    with pytest.raises(ConfigurationError):
        brief(article_extraction(), max_bullets=0)
    with pytest.raises(ConfigurationError):
        brief(article_extraction(), unsupported="hide")  # type: ignore[arg-type]
    with pytest.raises(EmptyInputError):
        brief("")


def test_brief_is_exported() -> None:
    assert sc.brief is brief
    assert sc.Briefing is Briefing


# -- the seed article (needs the offline reader and the verifier) -----------------------


@pytest.fixture(scope="module")
def seed_briefing(seed_text: str) -> Briefing:
    return brief(seed_text)


def test_seed_briefing_has_three_to_five_supported_bullets(
    seed_text: str, seed_briefing: Briefing
) -> None:
    assert 3 <= len(seed_briefing.bullets) <= 5
    for bullet in seed_briefing.bullets:
        assert bullet.supported, (bullet.text, bullet.verdict)
        # Checked again through the public API, independently of the briefing's judge.
        assert sc.verify(bullet.text, source=seed_text).label is Label.SUPPORTED
        assert bullet.citations
        for s in bullet.citations:
            assert seed_text[s.start : s.end] == s.text


def test_seed_briefing_never_cites_the_headline_or_byline(
    seed_text: str, seed_briefing: Briefing
) -> None:
    body_start = seed_text.index("The United States on Tuesday")
    assert seed_briefing.citations
    assert all(s.start >= body_start for s in seed_briefing.citations)


def test_seed_briefing_markdown_cites_every_bullet(seed_briefing: Briefing) -> None:
    md = seed_briefing.to_markdown()
    bullets = [line for line in md.splitlines() if line.startswith("- ")]
    assert bullets
    assert len(bullets) == len(seed_briefing.bullets)
    assert all(re.search(r"(\[\d+\])+$", line) for line in bullets)


# -- with a model (a fake OpenAI-compatible server; no network) ---------------------------

NEWS = (
    "Harbor Bridge Reopens\n\n"
    "The Harbor Bridge reopened on Monday after six months of repairs.\n\n"
    "Repairs cost $12 million, according to the transport department.\n"
)
BASE = "http://llm.test/v1"


def _model_brief(*replies: object, **kwargs: object) -> tuple[Briefing, object]:
    from llm_fakes import FakeServer

    server = FakeServer(*replies)  # type: ignore[arg-type]
    result = brief(
        NEWS,
        model="test-model",
        base_url=BASE,
        cache=False,
        sdk_retries=0,
        retry_wait=0.01,
        http_client=server.client(),
        **kwargs,
    )
    return result, server


def test_with_a_model_bullets_are_grounded_and_verified() -> None:
    from llm_fakes import ok

    answer = {
        "bullets": [
            {"text": "The Harbor Bridge reopened on Monday.", "cited_sentences": [2]},
            {"text": "Repairs cost $15 million.", "cited_sentences": [3]},
        ]
    }
    result, server = _model_brief(ok(answer))
    assert result.method == "abstractive"
    assert result.reader.model == "test-model"
    assert result.usage.calls == 1
    first, second = result.bullets
    assert first.supported
    assert (
        first.citations[0].text
        == "The Harbor Bridge reopened on Monday after six months of repairs."
    )
    assert second.flagged  # the model changed the number: the verifier catches it
    assert second.verdict.label is Label.CONTRADICTED
    prompt = server.requests[0]["messages"][-1]["content"]
    assert "[2] The Harbor Bridge reopened" in prompt
    assert "(headline)" in prompt


def test_with_a_model_a_citation_of_the_headline_is_re_asked() -> None:
    from llm_fakes import ok

    wrong = {"bullets": [{"text": "The bridge reopened.", "cited_sentences": [1]}]}
    right = {"bullets": [{"text": "The Harbor Bridge reopened on Monday.", "cited_sentences": [2]}]}
    result, server = _model_brief(ok(wrong), ok(right), unsupported="drop")
    assert len(server.requests) == 2
    assert [b.text for b in result.bullets] == ["The Harbor Bridge reopened on Monday."]
    assert result.bullets[0].supported


def test_a_briefing_round_trips_through_json() -> None:
    b = extractive_briefing(article_extraction(), judge=_judge_by(_all_claim_texts()))
    assert Briefing.model_validate_json(b.model_dump_json()) == b


def test_a_sentence_leaning_on_the_one_before_is_ranked_down() -> None:
    from sourcecheck._models import Claim

    first = "He watched the council vote from his home in the harbour district."
    second = "The council approved the new harbour bridge on Monday."
    text = f"{first} {second}"
    claims = []
    for words in (first, second):
        at = text.index(words)
        evidence = Span.of(text, at, at + len(words))
        ok = Verdict(label=Label.SUPPORTED, score=1.0)
        claims.append(Claim(text=words, evidence=(evidence,), verdict=ok))
    extraction = sc.Extraction(text=text, claims=tuple(claims))
    # Equally salient; position alone would put the first one first.
    assert [d.claims[0] for d in extractive_bullets(extraction)] == [1, 0]
