"""Briefings: a few bullets a reader can trust, each citing the spans it rests on.

Offline, a briefing is extractive: the article's most important claims (early, salient,
from a variety of sources), lightly condensed (leading connectives, parenthetical asides
and non-restrictive relative clauses dropped), each citing its evidence spans. With a
model, the LLM layer writes the bullets and cites sentence numbers, which are grounded
here. Either way every bullet is checked against the source with ``sourcecheck.verify``;
an unsupported bullet is flagged or dropped, as the caller chooses, and never passed off
as supported.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sourcecheck._briefing_model import Briefing, Bullet
from sourcecheck._document import check_text
from sourcecheck._exceptions import ConfigurationError
from sourcecheck._models import (
    Check,
    CheckOutcome,
    Claim,
    ClaimKind,
    Extraction,
    GroundingStatus,
    Label,
    Span,
    Verdict,
)

__all__ = ["Briefing", "Bullet", "Judge", "brief", "bullet_judge", "condense", "extractive_bullets"]

Unsupported = Literal["flag", "drop"]
# Judges a bullet's text against one source: the verifier (``sourcecheck.verify``) by
# default; ``bullet_judge`` builds it once per source.
Judge = Callable[[str], Verdict]


# -- the public function ----------------------------------------------------------------


def brief(
    text_or_extraction: str | Extraction,
    *,
    model: str | None = None,
    max_bullets: int = 5,
    unsupported: Unsupported = "flag",
    **options: Any,
) -> Briefing:
    """A short briefing on an article, every bullet citing source spans and verified.

    With no model (and no ``SOURCECHECK_MODEL``) the briefing is extractive: the most
    important claims, lightly condensed. With a model it is written by the LLM, which
    cites sentence numbers that are grounded here; ``options`` go to the model endpoint
    (``base_url``, ``cache``, ...). ``unsupported="flag"`` keeps a bullet the source does
    not back, marked; ``"drop"`` removes it (it stays listed in ``Briefing.dropped``).

    Example:
        >>> import sourcecheck as sc
        >>> text = "Big News\\n\\nThe mayor resigned on Monday. However, the council met."
        >>> [b.text for b in sc.brief(text, max_bullets=2).bullets]
        ['The mayor resigned on Monday.', 'The council met.']
    """
    if max_bullets < 1:
        raise ConfigurationError(f"max_bullets must be at least 1, not {max_bullets}")
    if unsupported not in ("flag", "drop"):
        raise ConfigurationError(f"unsupported must be 'flag' or 'drop', not {unsupported!r}")
    from sourcecheck._api import resolve_model

    chosen = resolve_model(model)
    if chosen is None:
        extraction = _extraction(text_or_extraction)
        return extractive_briefing(
            extraction,
            max_bullets=max_bullets,
            unsupported=unsupported,
            judge=bullet_judge(extraction.text),
        )
    text = (
        text_or_extraction.text
        if isinstance(text_or_extraction, Extraction)
        else check_text(text_or_extraction)
    )
    return _abstractive_briefing(text, chosen, max_bullets, unsupported, options)


def _extraction(value: str | Extraction) -> Extraction:
    if isinstance(value, Extraction):
        return value
    from sourcecheck._api import extract

    return extract(check_text(value), model="offline")


def _abstractive_briefing(
    text: str,
    model: str,
    max_bullets: int,
    unsupported: Unsupported,
    options: dict[str, Any],
) -> Briefing:
    # The LLM layer is imported only here, so the offline path never loads openai.
    from sourcecheck._llm._brief import write_bullets

    written = write_bullets(text, model=model, max_bullets=max_bullets, **options)
    drafts = [_Draft(bullet, spans, ()) for bullet, spans in written.bullets]
    kept, dropped = _judged(drafts, bullet_judge(text), max_bullets, unsupported)
    return Briefing(
        text=text,
        bullets=tuple(kept),
        dropped=tuple(dropped),
        method="abstractive",
        reader=written.reader,
        usage=written.usage,
        warnings=tuple(written.warnings),
    )


def bullet_judge(source: str) -> Judge:
    """A judge of bullets against ``source``: the verifier, built once for the source,
    its sentence verdicts folded into one ``Verdict`` per bullet."""
    from sourcecheck._verifier import Verifier

    verifier = Verifier(source)

    def judge(statement: str) -> Verdict:
        verification = verifier.verify(statement)
        checks: list[Check] = []
        evidence: list[Span] = []
        for sentence in verification.sentences:
            checks.extend(sentence.verdict.checks)
            evidence.extend(s for s in sentence.verdict.evidence if s not in evidence)
        return Verdict(
            label=verification.label,
            score=verification.score,
            checks=tuple(checks),
            evidence=tuple(evidence),
        )

    return judge


# -- extractive selection -----------------------------------------------------------------

# Kinds of claim in the order a briefing wants them: what happened first, the writer's
# analysis last (it is kept, but a fact or a sourced statement outranks it).
_KIND_WEIGHT = {
    ClaimKind.FACT: 1.0,
    ClaimKind.QUOTE: 0.85,
    ClaimKind.PREDICTION: 0.8,
    ClaimKind.OPINION: 0.7,
}
_STOPWORD_TEXT = """
a an the and or but of to in on at for from by with as is are was were be been being
has have had it its this that these those which who whom whose what when where while
not no any all some such than then also so if into over under about after before
since between among amid during through their there they them he she his her we our
you your i my me us would could should will shall may might can must do does did
said says say told according more most other another very just only last first
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+|\d[\d,.]*")
# A bullet shorter than this says too little; longer ones read as paragraphs.
_MIN_WORDS, _LONG_WORDS = 6, 45
# Redundancy: a candidate sharing this much of its vocabulary with a chosen bullet is out.
_MAX_OVERLAP = 0.6
_REPEAT_SOURCE_PENALTY = 0.4


@dataclass(frozen=True)
class _Draft:
    text: str
    citations: tuple[Span, ...]
    claims: tuple[int, ...]
    fallback: str | None = None  # the uncondensed text, tried when the condensed one fails


def _content_words(text: str) -> set[str]:
    return {
        w.lower().strip("'’")
        for w in _WORD.findall(text)
        if w.lower() not in _STOPWORDS and len(w) > 2
    }


def _topic_words(claim: Claim) -> set[str]:
    """A claim's content words, less its source's name: salience is about what is said,
    and a source named often must not win bullets on the strength of its name."""
    words = _content_words(claim.text)
    attribution = claim.attribution
    if attribution is not None:
        for name in (attribution.source_name, attribution.source and attribution.source.text):
            if name:
                words -= _content_words(name)
    return words


def _usable(claim: Claim) -> bool:
    return (
        bool(claim.evidence)
        and claim.grounding is not GroundingStatus.NONE
        and claim.verdict.label is Label.SUPPORTED
    )


def _salience(words: set[str], frequency: Counter[str]) -> float:
    """How central a claim's vocabulary is to the article: mean log frequency of its
    content words across all claims (a word only this claim uses scores zero)."""
    if not words:
        return 0.0
    return sum(math.log(frequency[w]) for w in words) / len(words)


def _length_factor(text: str) -> float:
    n = len(text.split())
    if n < _MIN_WORDS:
        return 0.5
    return 1.0 if n <= _LONG_WORDS else _LONG_WORDS / n


_OPENING_MARKS, _CLOSING_MARKS = "“«", "”»"
# A sentence that opens with a pronoun leans on the one before it ("He watched ...").
_LEANS_BACK = re.compile(r"(?:he|she|they|it|his|her|their|its|this|these|those)\b", re.I)


def _standalone_factor(claim: Claim) -> float:
    """Half weight for a claim a reader cannot take alone: a quotation whose marks do
    not pair up inside it (one sentence of a longer quote), or a quote or report that
    does not name the source it is credited to, or a sentence opening with a pronoun."""
    text = claim.text
    if _LEANS_BACK.match(condense(text)):
        return 0.5
    opened = sum(text.count(c) for c in _OPENING_MARKS)
    closed = sum(text.count(c) for c in _CLOSING_MARKS)
    if opened != closed or text.count('"') % 2:
        return 0.5
    attribution = claim.attribution
    if attribution is not None and attribution.source is not None:
        source = attribution.source
        inside = any(e.contains(source) for e in claim.evidence)
        if not inside and (attribution.source_name or source.text) not in text:
            return 0.5
    return 1.0


def _source_key(claim: Claim) -> str | None:
    attribution = claim.attribution
    if attribution is None:
        return None
    name = attribution.source_name or (attribution.source.text if attribution.source else None)
    return name.casefold() if name else None


def _ranked(claims: Sequence[Claim]) -> list[int]:
    """Claim indices, best first: position, salience, kind, length, then variety
    (redundant claims are skipped, a source already heard from is ranked down)."""
    usable = [i for i, c in enumerate(claims) if _usable(c)]
    if not usable:
        return []
    words = {i: _topic_words(claims[i]) for i in usable}
    frequency = Counter(w for i in usable for w in words[i])
    top_salience = max(_salience(words[i], frequency) for i in usable) or 1.0
    order = sorted(usable, key=lambda i: claims[i].evidence[0].start)
    base: dict[int, float] = {}
    for rank, i in enumerate(order):
        position = 1.0 - rank / len(order)
        salience = _salience(words[i], frequency) / top_salience
        base[i] = (
            (0.5 * position + 0.5 * salience)
            * _KIND_WEIGHT[claims[i].kind]
            * _length_factor(claims[i].text)
            * _standalone_factor(claims[i])
        )
    chosen: list[int] = []
    heard: Counter[str | None] = Counter()
    remaining = set(usable)
    while remaining:
        best = max(remaining, key=lambda i: (_adjusted(base[i], claims[i], heard), -i))
        remaining.discard(best)
        if any(_overlap(words[best], words[j]) > _MAX_OVERLAP for j in chosen):
            continue
        chosen.append(best)
        heard[_source_key(claims[best])] += 1
    return chosen


def _adjusted(score: float, claim: Claim, heard: Counter[str | None]) -> float:
    key = _source_key(claim)
    # Variety of sources: each earlier bullet from the same named source costs a share.
    # The writer's own voice (no source) is the article's spine and is not penalised.
    if key is None:
        return score
    return score * (1.0 - _REPEAT_SOURCE_PENALTY) ** heard[key]


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def extractive_bullets(extraction: Extraction) -> list[_Draft]:
    """Bullet drafts from the extraction's claims, best first, each condensed."""
    drafts = []
    for i in _ranked(extraction.claims):
        claim = extraction.claims[i]
        short = condense(claim.text)
        fallback = claim.text if short != claim.text else None
        drafts.append(_Draft(short, claim.evidence, (i,), fallback))
    return drafts


def extractive_briefing(
    extraction: Extraction,
    *,
    max_bullets: int = 5,
    unsupported: Unsupported = "flag",
    judge: Judge | None = None,
) -> Briefing:
    """The offline briefing of an extraction; ``judge`` verifies each bullet (the
    verifier against the extraction's text by default)."""
    judge = judge or bullet_judge(extraction.text)
    drafts = extractive_bullets(extraction)
    kept, dropped = _judged(drafts, judge, max_bullets, unsupported)
    # A briefing reads in the article's order, whatever order the bullets were chosen in.
    kept.sort(key=lambda b: min((s.start for s in b.citations), default=len(extraction.text)))
    warnings = extraction.warnings
    if not kept:
        warnings += ("no claim of the article could be turned into a supported bullet",)
    return Briefing(
        text=extraction.text,
        bullets=tuple(kept),
        dropped=tuple(dropped),
        method="extractive",
        reader=extraction.reader,
        usage=extraction.usage,
        warnings=warnings,
    )


def _judged(
    drafts: Sequence[_Draft],
    judge: Judge,
    max_bullets: int,
    unsupported: Unsupported,
) -> tuple[list[Bullet], list[Bullet]]:
    """Verify drafts in order until ``max_bullets`` are kept. A condensed bullet that
    fails falls back to its claim's own words; one that still fails is flagged, or
    dropped (and the next draft takes its place)."""
    kept: list[Bullet] = []
    dropped: list[Bullet] = []
    for draft in drafts:
        if len(kept) >= max_bullets:
            break
        bullet = _bullet(draft.text, draft, judge(draft.text))
        if bullet.flagged and draft.fallback is not None:
            retry = _bullet(draft.fallback, draft, judge(draft.fallback))
            bullet = retry if retry.supported else bullet
        if bullet.flagged and unsupported == "drop":
            dropped.append(bullet)
        else:
            kept.append(bullet)
    return kept, dropped


def _bullet(text: str, draft: _Draft, verdict: Verdict) -> Bullet:
    if not draft.citations:
        # A bullet that cites nothing rests on nothing, whatever the verifier found.
        verdict = Verdict(
            label=Label.UNSUPPORTED,
            score=0.0,
            checks=(
                *verdict.checks,
                Check(name="citation", outcome=CheckOutcome.FAIL, message="cites no span"),
            ),
        )
    return Bullet(text=text, citations=draft.citations, verdict=verdict, claims=draft.claims)


# -- condensing --------------------------------------------------------------------------

_CONNECTIVE = re.compile(
    r"""^(?:however|also|meanwhile|moreover|furthermore|in\s+addition|additionally|
    nevertheless|nonetheless|still|besides|indeed|in\s+fact|separately|likewise|
    similarly|by\s+contrast|in\s+contrast|on\s+the\s+other\s+hand|as\s+a\s+result|
    consequently|therefore|thus|and|but|so)\s*,\s*""",
    re.IGNORECASE | re.VERBOSE,
)
_PARENTHESES = re.compile(r"\s*\([^()]{1,200}\)")
_DASH_ASIDE = re.compile(r"\s*[—–]\s*[^—–]{1,200}?\s*[—–](?=\s)")
# ", which began in 2022," between commas: an aside about a noun, not the main point.
_RELATIVE = re.compile(r",\s+(?:which|who|whose)\s+[^,;:“”\"]{3,160}?,(?=\s+(?P<next>\w+))")
_PARTICIPLE = re.compile(r"\w+ing$")


# "leaders also confirmed": the "also" links to an earlier sentence and checks nothing.
_ALSO = re.compile(r"\s+also(?=\s+[a-z]+(?:ed|s)\b)")


def condense(text: str) -> str:
    """The statement without its leading connective, parenthetical asides and
    non-restrictive relative clauses; everything else as written.

    Example:
        >>> condense("However, the war, which began in 2022, has intensified (officials say).")
        'The war has intensified.'
    """
    short = _CONNECTIVE.sub("", text, count=1)
    short = _PARENTHESES.sub("", short)
    short = _DASH_ASIDE.sub("", short)
    short = _RELATIVE.sub(_relative_replacement, short)
    short = _ALSO.sub("", short, count=1)
    short = re.sub(r"\s+([,.;:!?])", r"\1", short).strip()
    if len(short.split()) < _MIN_WORDS // 2 or not short:
        return text
    return short[0].upper() + short[1:]


def _relative_replacement(match: re.Match[str]) -> str:
    # "a proposal, which X, prompting Y": the comma before a participle phrase stays.
    return "," if _PARTICIPLE.match(match.group("next")) else ""
