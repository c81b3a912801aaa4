"""From a ``Document`` to grounded ``Quote`` and ``Attribution`` objects.

This module glues the rule stages together: it builds the reading units (sentences
that never break inside a quote), finds quote regions and attributions, names each
source (resolving pronouns and short names to the person meant), and attaches a speaker
and a cue to every quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from sourcecheck._document import Document, Role, Sentence
from sourcecheck._models import (
    Attribution,
    AttributionKind,
    Quote,
    QuoteKind,
    Span,
    build_trusted,
)
from sourcecheck._offline._attributions import Found, Unit, find_attributions
from sourcecheck._offline._quotes import QuoteRegion, find_quote_regions, is_scare_quote
from sourcecheck._offline._sources import People, SourceInfo, describe

__all__ = ["read_attributions", "reading_units"]

_READ_ROLES = frozenset({Role.BODY, Role.HEADLINE, Role.HEADING})
# "WASHINGTON ― " and the like, when the document index has not split it off.
_DATELINE = re.compile(r"[A-Z][A-Z .,'’()-]{2,40}\s*(?:―|—|–|--)\s+")
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+[A-Z]")


def reading_units(document: Document, regions: Sequence[QuoteRegion]) -> list[Unit]:
    """Sentences of body text and headlines, merged where a boundary falls in a quote."""
    units: list[Unit] = []
    text = document.text
    inside_quote = _QuoteCover(regions)
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in document.sentences:
        if sentence.role in _READ_ROLES:
            by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    for paragraph in document.paragraphs:
        if paragraph.role not in _READ_ROLES:
            continue
        headline = paragraph.role is not Role.BODY
        inside = by_paragraph.get(paragraph.index, [])
        pieces: list[tuple[int, int]] = []
        for sentence in inside:
            start, end = sentence.span.start, sentence.span.end
            if pieces and inside_quote(pieces[-1][1]):
                pieces[-1] = (pieces[-1][0], end)
            else:
                pieces.append((start, end))
        for start, end in pieces:
            dateline = _DATELINE.match(text, start, end)
            if dateline and not headline:
                start = dateline.end()
            units.append(Unit(start, end, paragraph.index, headline=headline))
    return units


class _QuoteCover:
    """Whether an offset lies strictly inside some quote region: by bisection over the
    regions' starts and the furthest end reached so far, not a scan of every region
    for every sentence."""

    def __init__(self, regions: Sequence[QuoteRegion]) -> None:
        ordered = sorted(regions, key=lambda r: r.start)
        self.starts = [r.start for r in ordered]
        self.reach = [0]  # reach[k]: the furthest end among the first k regions
        for region in ordered:
            self.reach.append(max(self.reach[-1], region.end))

    def __call__(self, offset: int) -> bool:
        return self.reach[bisect_left(self.starts, offset)] > offset


def read_attributions(document: Document) -> tuple[list[Quote], list[Attribution]]:
    """The quotes and attributions of a document, every span exact."""
    text = document.text
    paragraphs = [(p.span.start, p.span.end) for p in document.paragraphs]
    regions = find_quote_regions(text, paragraphs)
    units = reading_units(document, regions)
    found = find_attributions(text, units, regions)
    infos = _name_sources(text, found)
    attributions = [_attribution(text, f, info) for f, info in zip(found, infos, strict=True)]
    quotes = _quotes(text, regions, found, attributions)
    return quotes, attributions


def _name_sources(text: str, found: Sequence[Found]) -> list[SourceInfo | None]:
    """Each source's name and role, pronouns and short names resolved in text order."""
    people = _titled_people(text)
    infos: list[SourceInfo | None] = []
    for item in found:
        if item.source is None:
            infos.append(None)
            continue
        mention = text[item.source[0] : item.source[1]]
        info = describe(mention)
        name = info.name
        if info.pronoun or (name is not None and len(name.split()) == 1):
            name = people.resolve(item.source[0], name or mention) or name
        if name is not None and not info.anonymous and not item.inherited:
            honorific = _HONORIFIC.search(mention)
            people.add(item.source[0], name, honorific=honorific.group(1) if honorific else None)
        infos.append(SourceInfo(name, info.role, info.anonymous, info.pronoun))
    return infos


# A person named with a title anywhere in the text ("Special Envoy Steve Witkoff",
# "Mrs. Clinton"): a candidate for a later "he", "she" or bare surname.
_TITLES = [
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sen",
    "Rep",
    "Gov",
    "Gen",
    "President",
    "Senator",
    "Secretary",
    "Envoy",
    "Governor",
    "Mayor",
    "Chairman",
    "Chairwoman",
    "Speaker",
    "Judge",
    "Justice",
    "Minister",
    "Chancellor",
    "Ambassador",
    "Director",
    "Spokesman",
    "Spokeswoman",
    "nominee",
    "candidate",
]
# Each title starts a word: checked by a lookbehind after its first letter rather than
# a leading \b, so the engine skips in C to the few letters a title starts with.
_TITLED = re.compile(
    r"(?P<title>" + "|".join(rf"{title[0]}(?<!\w.){title[1:]}" for title in _TITLES) + r")\.?\s+"
    r"(?P<name>[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?){0,2})"
)


def _titled_people(text: str) -> People:
    people = People()
    for m in _TITLED.finditer(text):
        title = m.group("title")
        people.add(
            m.start("name"), m.group("name"), honorific=title if title in _GENDERED else None
        )
    return people


_GENDERED = frozenset({"Mr", "Mrs", "Ms"})


def _attribution(text: str, found: Found, info: SourceInfo | None) -> Attribution:
    return build_trusted(
        Attribution,
        content=Span.of(text, *found.content),
        cue=Span.of(text, *found.cue) if found.cue else None,
        source=Span.of(text, *found.source) if found.source else None,
        source_name=info.name if info else None,
        source_role=info.role if info else None,
        kind=found.kind,
        anonymous=info.anonymous if info else False,
    )


_STRICT_SCARE = re.compile(
    r"(?:so-called|so called|dubbed|termed|nicknamed|known as|titled|entitled)\s*$", re.I
)


def _quotes(
    text: str,
    regions: Sequence[QuoteRegion],
    found: Sequence[Found],
    attributions: Sequence[Attribution],
) -> list[Quote]:
    """A ``Quote`` per quoted region that is speech, with its attribution's speaker."""
    quotes: list[Quote] = []
    contents = [(i, *f.content) for i, f in enumerate(found)]
    for region in regions:
        # The first attribution (in reading order) whose content holds the region.
        first, last = region.start, region.end
        owner = next((i for i, lo, hi in contents if lo <= first and last <= hi), None)
        if _is_scare(text, region, owner is not None):
            continue
        start, end = region.words(text)
        if end <= start:
            continue
        if owner is None:
            quotes.append(
                build_trusted(Quote, span=Span.of(text, start, end), kind=QuoteKind.PARTIAL)
            )
            continue
        attribution = attributions[owner]
        kind = QuoteKind.DIRECT if attribution.kind is AttributionKind.DIRECT else QuoteKind.PARTIAL
        quotes.append(
            build_trusted(
                Quote,
                span=Span.of(text, start, end),
                speaker=attribution.source,
                speaker_name=attribution.source_name,
                speaker_role=attribution.source_role,
                cue=attribution.cue,
                kind=kind,
            )
        )
    return quotes


def _is_scare(text: str, region: QuoteRegion, attributed: bool) -> bool:
    """Scare quotes are not speech; inside reported speech only the explicit kind are."""
    if attributed:
        before = text[max(0, region.start - 20) : region.start]
        if _STRICT_SCARE.search(before):
            return True
        start, end = region.words(text)
        return len(text[start:end].split()) <= 3 and text[start:end].istitle()
    return is_scare_quote(text, region)
