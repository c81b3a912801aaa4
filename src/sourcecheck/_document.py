"""The document: the source text, never modified, with a paragraph and sentence index.

Each paragraph and sentence knows its role: body text, or a headline, section heading,
byline, dateline or boilerplate ("2 Min Read") that claims must never come from.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from enum import StrEnum
from functools import cached_property

from pydantic import BaseModel, ConfigDict

from sourcecheck._exceptions import BinaryInputError, EmptyInputError
from sourcecheck._models import Span

__all__ = ["Document", "Paragraph", "Role", "Sentence", "check_text"]


class Role(StrEnum):
    BODY = "body"
    HEADLINE = "headline"
    HEADING = "heading"
    BYLINE = "byline"
    DATELINE = "dateline"
    BOILERPLATE = "boilerplate"


class Paragraph(BaseModel):
    model_config = ConfigDict(frozen=True)

    index: int
    span: Span
    role: Role


class Sentence(BaseModel):
    model_config = ConfigDict(frozen=True)

    index: int
    span: Span
    paragraph: int
    role: Role

    @property
    def text(self) -> str:
        return self.span.text

    @property
    def is_body(self) -> bool:
        return self.role is Role.BODY


def check_text(text: object, *, what: str = "article") -> str:
    """Return ``text`` if it is usable text; raise a typed ``InputError`` if not."""
    if isinstance(text, bytes | bytearray | memoryview):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BinaryInputError(
                f"the {what} is not valid UTF-8 (bad byte at position {exc.start})"
            ) from None
    if not isinstance(text, str):
        raise BinaryInputError(f"the {what} must be str, not {type(text).__name__}")
    if "\x00" in text:
        raise BinaryInputError(f"the {what} contains NUL bytes: it looks binary, not text")
    if "\ufffd" in text and text.count("\ufffd") * 20 > len(text):
        raise BinaryInputError(f"the {what} is mostly replacement characters: not text")
    if not text.strip():
        raise EmptyInputError(f"the {what} is empty" if not text else f"the {what} is blank")
    return text


# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gov",
        "gen",
        "lt",
        "col",
        "maj",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "st",
        "jr",
        "sr",
        "rev",
        "hon",
        "pres",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "d.c",
        "inc",
        "corp",
        "co",
        "ltd",
        "llc",
        "no",
        "vs",
        "etc",
        "al",
        "approx",
        "dept",
        "est",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "ave",
        "blvd",
        "a.m",
        "p.m",
        "i.e",
        "e.g",
        "ala",
        "ariz",
        "ark",
        "calif",
        "colo",
        "conn",
        "del",
        "fla",
        "ga",
        "ill",
        "ind",
        "kan",
        "ky",
        "la",
        "md",
        "mass",
        "mich",
        "minn",
        "miss",
        "mo",
        "mont",
        "neb",
        "nev",
        "okla",
        "ore",
        "pa",
        "tenn",
        "tex",
        "va",
        "vt",
        "wash",
        "wis",
        "wyo",
    ]
)

# A sentence ends at . ! ? (possibly followed by closing quotes or brackets) before
# whitespace and something that can start a sentence.
_BOUNDARY = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?…]*[\"'”’)\]]*$")

_BOILERPLATE = re.compile(
    r"""^(?:.*\b\d+\s*min(?:ute)?s?\s+read|advertisement|sponsored(?:\s+content)?|
    share(?:\s+this)?(?:\s+(?:article|story))?|read\s+more.*|click\s+here.*|sign\s+up.*|
    subscribe.*|follow\s+us.*|related(?:\s+(?:articles?|stories|coverage))?:?|
    .*all\s+rights\s+reserved.*|©.*|copyright\b.*|\(?(?:reporting|writing|editing)\s+by\b.*|
    image:.*|photo:.*|getty\s+images|ap\s+photo.*|skip\s+to\s+(?:main\s+)?content)$""",
    re.IGNORECASE | re.VERBOSE,
)
_BYLINE = re.compile(
    r"^(?:by|written\s+by|posted\s+by)\s+[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,7}$", re.IGNORECASE
)
_DATE_LINE = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"(?:[^\w]+.*)?$|^\d{1,2}/\d{1,2}/\d{2,4}\b.*$|^updated\b.*$|^published\b.*$",
    re.IGNORECASE,
)
# "WASHINGTON (Reuters) — " or "KYIV, Ukraine — " at the start of a body paragraph.
_DATELINE_PREFIX = re.compile(
    r"[A-Z][A-Z.'’ -]{2,}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?\s*(?:\([^)]{1,40}\))?\s*"
    r"(?:—|–|--|-)\s+"
)
_TERMINAL = re.compile(r"""[.!?…:;]["'”’)\]]*$|["”]$""")


def _is_title_like(line: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    long_words = [w for w in words if len(w) > 3]
    if not long_words:
        return bool(words) and all(w[0].isupper() for w in words)
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised / len(long_words) >= 0.75


class Document:
    """A source text with its paragraphs and sentences, each with offsets and a role.

    The text is never changed: every offset indexes ``document.text`` itself.

    Example:
        >>> doc = Document("Big News Today\\n\\nThe mayor resigned. She gave no reason.")
        >>> [s.role.value for s in doc.sentences]
        ['headline', 'body', 'body']
        >>> doc.sentences[2].text
        'She gave no reason.'
    """

    __slots__ = ("__dict__", "paragraphs", "sentences", "text")

    def __init__(self, text: str) -> None:
        self.text: str = check_text(text)
        self.paragraphs: tuple[Paragraph, ...] = tuple(self._index_paragraphs())
        self.sentences: tuple[Sentence, ...] = tuple(self._index_sentences())

    def __repr__(self) -> str:
        return (
            f"Document({len(self.text)} characters, {len(self.paragraphs)} paragraphs, "
            f"{len(self.sentences)} sentences)"
        )

    @property
    def body_sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for s in self.sentences if s.is_body)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.span.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains character ``offset``, if any."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].span.end:
            return self.sentences[i]
        return None

    def sentences_in(self, span: Span) -> tuple[Sentence, ...]:
        """The sentences that overlap ``span``."""
        return tuple(s for s in self.sentences if s.span.overlaps(span))

    # -- indexing -----------------------------------------------------------------

    def _lines(self) -> list[tuple[int, int]]:
        lines: list[tuple[int, int]] = []
        for match in re.finditer(r"[^\n\r\u2028\u2029]+", self.text):
            start, end = match.span()
            while start < end and self.text[start].isspace():
                start += 1
            while end > start and self.text[end - 1].isspace():
                end -= 1
            if start < end:
                lines.append((start, end))
        return lines

    def _index_paragraphs(self) -> list[Paragraph]:
        paragraphs: list[Paragraph] = []
        seen_body = False
        for start, end in self._lines():
            line = self.text[start:end]
            role = self._line_role(line, index=len(paragraphs), seen_body=seen_body)
            seen_body = seen_body or role is Role.BODY
            paragraphs.append(
                Paragraph(index=len(paragraphs), span=Span.of(self.text, start, end), role=role)
            )
        return paragraphs

    @staticmethod
    def _line_role(line: str, *, index: int, seen_body: bool) -> Role:
        if _BOILERPLATE.match(line):
            return Role.BOILERPLATE
        if _BYLINE.match(line):
            return Role.BYLINE
        if _DATE_LINE.match(line) and len(line) < 80:
            return Role.DATELINE
        words = line.split()
        ends_like_sentence = bool(_TERMINAL.search(line))
        if index == 0 and len(words) <= 30 and (not ends_like_sentence or _is_title_like(line)):
            return Role.HEADLINE
        if not ends_like_sentence and len(words) <= 20:
            # A short unpunctuated line before the body is a byline or outlet name.
            if not seen_body and len(words) <= 4:
                return Role.BYLINE
            return Role.HEADING
        return Role.BODY

    def _index_sentences(self) -> list[Sentence]:
        sentences: list[Sentence] = []
        for paragraph in self.paragraphs:
            for start, end, role in self._split(paragraph):
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        span=Span.of(self.text, start, end),
                        paragraph=paragraph.index,
                        role=role,
                    )
                )
        return sentences

    def _split(self, paragraph: Paragraph) -> list[tuple[int, int, Role]]:
        start, end = paragraph.span.start, paragraph.span.end
        if paragraph.role is not Role.BODY:
            return [(start, end, paragraph.role)]
        pieces: list[tuple[int, int, Role]] = []
        dateline = _DATELINE_PREFIX.match(self.text, start, end)
        if dateline:
            pieces.append((start, start + len(dateline.group().rstrip()), Role.DATELINE))
            start = dateline.end()
        for begin, finish in self._sentence_bounds(start, end):
            pieces.append((begin, finish, Role.BODY))
        return pieces

    def _sentence_bounds(self, start: int, end: int) -> list[tuple[int, int]]:
        bounds: list[tuple[int, int]] = []
        begin = start
        for match in _BOUNDARY.finditer(self.text, start, end):
            if self._is_abbreviation(begin, match.start(), match.group()):
                continue
            bounds.append((begin, match.end()))
            begin = match.end()
            while begin < end and self.text[begin].isspace():
                begin += 1
        if begin < end:
            bounds.append((begin, end))
        return bounds

    def _is_abbreviation(self, begin: int, at: int, mark: str) -> bool:
        if not mark.startswith("."):
            return False
        word = _WORD_BEFORE.search(self.text, begin, at + 1)
        if word is None:
            return False
        token = word.group(1).lower().rstrip(".")
        if token in _ABBREVIATIONS:
            return True
        # An initial ("J. Smith") or a dotted acronym ("D.C.") does not end a sentence.
        return (len(token) == 1 and token.isalpha()) or bool(
            re.fullmatch(r"(?:[a-z]\.)+[a-z]", token)
        )
