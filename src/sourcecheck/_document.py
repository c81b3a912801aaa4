"""The document: the source text, never modified, with a paragraph and sentence index.

Each paragraph and sentence knows its role: body text, or a headline, section heading,
byline, dateline or boilerplate ("2 Min Read") that claims must never come from.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from itertools import pairwise

from pydantic import BaseModel, ConfigDict

from sourcecheck._exceptions import BinaryInputError, EmptyInputError, InputError
from sourcecheck._models import Span, build_trusted

__all__ = ["MAX_CHARACTERS", "Document", "Paragraph", "Role", "Sentence", "check_text"]


class Role(StrEnum):
    """What a paragraph or sentence is: body text, or a part claims never come from.

    Example:
        >>> doc = Document("Subscribe to our newsletter.\\n\\nThe mayor resigned.")
        >>> [s.role for s in doc.sentences]
        [<Role.BOILERPLATE: 'boilerplate'>, <Role.BODY: 'body'>]
    """

    BODY = "body"
    HEADLINE = "headline"
    HEADING = "heading"
    BYLINE = "byline"
    DATELINE = "dateline"
    BOILERPLATE = "boilerplate"


class Paragraph(BaseModel):
    """One paragraph of a ``Document``: its position, its span and its role.

    Example:
        >>> doc = Document("The mayor resigned.\\n\\nShe gave no reason.")
        >>> doc.paragraphs[1].span
        Span(start=21, end=40, text='She gave no reason.')
    """

    model_config = ConfigDict(frozen=True)

    index: int
    span: Span
    role: Role


class Sentence(BaseModel):
    """One sentence of a ``Document``: its position, span, paragraph and role.

    Example:
        >>> doc = Document("The mayor resigned. She gave no reason.")
        >>> sentence = doc.sentences[1]
        >>> sentence.index, sentence.text, sentence.paragraph, sentence.is_body
        (1, 'She gave no reason.', 0, True)
    """

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


# Far beyond any news article (a long read is ~100,000 characters): larger inputs are
# data dumps, which the offline rules read in superlinear time and a model at great cost.
MAX_CHARACTERS = 1_000_000


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
    if len(text) > MAX_CHARACTERS:
        raise InputError(
            f"the {what} is {len(text):,} characters long, more than the {MAX_CHARACTERS:,} "
            "sourcecheck reads at once: split it into articles"
        )
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate ("\ud800") from JSON or code
            raise BinaryInputError(
                f"the {what} is not valid Unicode (a lone surrogate at position {exc.start})"
            ) from None
    if "\ufffd" in text and text.count("\ufffd") * 20 > len(text):
        raise BinaryInputError(f"the {what} is mostly replacement characters: not text")
    if not text.strip():
        raise EmptyInputError(f"the {what} is empty" if not text else f"the {what} is blank")
    return text


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Abbreviations that never end a sentence: titles and words that need what follows
# ("Gov. Smith", "Jan. 5", "No. 1").
_TITLES = _wordset(
    """mr mrs ms messrs dr prof sen sens rep reps gov govs gen lt col maj sgt capt cmdr adm
    st rev hon pres supt det insp amb vs v fig figs approx dept mt ft ave blvd
    jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e cf op art ch vol pp"""
)
# Abbreviations that may end a sentence ("... in the U.S. The talks ..."): they end one
# only when a word that typically opens a sentence follows.
_TERMINAL_ABBREVIATIONS = _wordset(
    """u.s u.k u.n e.u d.c inc corp co ltd llc plc jr sr etc al a.m p.m
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn tex va vt wash wis wyo n.y n.j n.c s.c n.h n.m n.d s.d
    w.va r.i"""
)
_NUMBER_SIGNS = _wordset("no nos")
_LOWERCASE_ABBREVIATIONS = _wordset("etc al a.m p.m")
_SENTENCE_OPENERS = _wordset(
    """the a an he she it they we i you his her its their our my this that these those
    there here but and so yet or in on at for from by with after before when while if as
    since because although though some many most all no one two both each every other
    another such what who why how mr mrs ms dr president officials police critics"""
)

# A sentence ends at . ! ? (possibly followed by closing quotes or brackets) before
# whitespace and something that can start a sentence.
_BOUNDARY = re.compile(
    # The first mark is consumed by one set, so the engine skips to the next sentence
    # mark in C; each alternative then checks (looking behind) that the mark is one of
    # its own and takes the rest of its run ("[.!?…]+" is "[.!?…]" then "[.!?…]*").
    r"""[.!?…。！？؟](?:"""
    # a quotation signed with a dash ends after the name: "… shame.” ― Jane Doe “Next …"
    r"""(?<=[.!?…])["”’]\s*[―—]\s*(?P<signed>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})(?=\s+[“"])|"""
    r"""(?<=[.!?…])[.!?…]*["'”’)\]]*(?=\s+["'“”‘’(\[]*[A-Z0-9])|"""
    # Scripts without capitals (Arabic, Hebrew, Indic, Thai, CJK, Hangul) start a
    # sentence with any letter; CJK full stops need no space after them.
    r"""(?<=[.!?؟…])[.!?؟…]*["'”’)\]]*(?=\s+["'“”‘’(\[«]*[\u0590-\u0dff\u0e00-\u0eff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])|"""
    r"""(?<=[。！？])[。！？]*[」』”’）)]*(?=\S))"""
)
_LIST_MARKER = re.compile(r"\(?\d{1,3}[.)]")
_DIGIT_AFTER = re.compile(r"\s+\d")
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")  # "u.s", "d.c", "w.va" before the last period
# The word before a period; "Putin's." is a word, not the initial "s.".
_WORD_BEFORE = re.compile(r"([\w.'’]+)[.!?…]*[\"'”’)\]]*$")
_CLOSING_QUOTES = "\"'”’"
# "... Clinton said." or "... the senator asked." right after a closing quote.
_SPEAKER_AFTER = re.compile(
    r"""\s+(?:(?:[Tt]he\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?:said|says|asked|asks|
    added|adds|told|tells|wrote|writes|replied|demanded|continued|explained|noted|recalled|
    insisted|tweeted|stated|declared|responded|shouted|argued|cried|answered|joked|
    quipped|warned|conceded|acknowledged)\b""",
    re.VERBOSE,
)
_WORD_AFTER = re.compile(r"""\s+["'“”‘’(\[]*([A-Za-z]+)""")

_BOILERPLATE_FLAGS = re.IGNORECASE | re.VERBOSE | re.DOTALL  # a hard-wrapped paragraph spans lines
_BOILERPLATE = re.compile(
    r"""^(?:advertisement|sponsored(?:\s+content)?|
    share(?:\s+this)?(?:\s+(?:article|story))?|read\s+(?:more|the\s+rest).*|click\s+here.*|
    sign\s+up.*|subscribe.*|follow\s+us.*|related(?:\s+(?:articles?|stories|coverage))?:?|
    ©.*|copyright\b.*|
    [(\[]?(?:--\s*)?(?:additional\s+)?(?:reporting|writing|editing)\s+(?:by|from)\b.*|
    (?:image|photo|photograph|video|graphic|credit|source)s?:.{0,80}|
    (?:getty|ap|reuters|afp|epa)(?:\s+images|\s+photo.*|/.*)?\.?|[\w ]{1,30}/(?:getty|instagram|ap|
    reuters|afp|twitter|facebook)(?:\s+images)?\.?|skip\s+to\s+(?:main\s+)?content|
    editor['’]?s\s+note\b.*|corrections?\b(?:\s+appended)?[:.].*|
    [-_=*~•·.\s]+|<[a-z][^>]*>.*|@\w+\.?|listen\s+to\s+(?:this\s+)?(?:article|story).*|
    share\s+(?:on|via)\s+\w+|(?:(?:image|photo|video)\s+)?caption:.*|our\s+standards:.*|
    print|e-?mail|comments?|save(?:\s+(?:article|story))?|gift\s+(?:this\s+)?article|
    this\s+(?:story|article|report)\s+(?:has\s+been\s+|was\s+)?(?:updated|corrected|amended|
    (?:first\s+|originally\s+)?(?:published|appeared)).*|
    contact\s+(?:the\s+)?(?:author|reporter|writer|us)\b.*|
    (?:related|watch|listen|see\s+also|more|also\s+read|recommended|trending)\s*:.*|
    file\s+[-–—]\s.*)$""",
    _BOILERPLATE_FLAGS,
)
# Boilerplate that may start anywhere in the line (a leading ".*"), each tried only when
# a piece of it occurs in the lower-cased line, so that a long paragraph of body text is
# not rescanned by each (the pieces avoid i, s and k, which IGNORECASE also matches to
# "ı", "ſ" and the Kelvin sign).
_BOILERPLATE_ANYWHERE = tuple(
    (piece, re.compile(rf"^(?:{pattern})$", _BOILERPLATE_FLAGS))
    for piece, pattern in (
        ("read", r".*\b\d+\s*min(?:ute)?s?\s+read"),
        ("rved", r".*all\s+rights\s+reserved.*"),
        ("contr", r".*\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|story|article)\.?"),
        ("(", r".*\((?:ap|afp|reuters|getty|epa)\b[^)]*(?:photo|images|file)[^)]*\)\.?"),
    )
)
# "By Jane Doe", "By Jane Doe and John Roe, Reuters", "By The Associated Press": every
# word of a name capitalised, so "By Tuesday it was over." is not a byline.
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|del|la|le|bin|al))*"
_BYLINE = re.compile(
    rf"^(?i:by|written\s+by|posted\s+by)\s+{_NAME}(?:\s*(?:,|and|&|\||/)\s*{_NAME}){{0,4}}$"
)
_DATE_LINE = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"(?:[^\w]+.*)?$|^\d{1,2}/\d{1,2}/\d{2,4}\b.*$|^updated\b.*$|^published\b.*$|"
    # a live blog's timestamp: "7 p.m.", "11:50 a.m. EDT"
    r"^\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)(?:\s+[A-Z]{2,4}\.?)?$",
    re.IGNORECASE,
)
# "WASHINGTON (Reuters) — " or "KYIV, Ukraine — " at the start of a body paragraph.
# Also "(CNN) — " and CNN's "Washington (CNN)The ...". The body after it starts with a
# capital: "NATO — the alliance — met" is no dateline.
_DATELINE_PREFIX = re.compile(
    r"(?:[A-Z][A-Z.'’ -]{2,}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?"
    r"(?i:,\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2})?"
    r"\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--|-|―)\s+"
    r"|(?:[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,3}\s*)?\([A-Z][A-Za-z.&]*(?:\s[A-Z][A-Za-z.&]*){0,2}\)"
    r"\s*(?:(?:—|–|--|-|―)\s+)?)"
    r"(?=[\"“‘'(]?[A-Z0-9])"
)
_TERMINAL = re.compile(r"""[.!?…:;]["'”’)\]]*$|["”]$""")
_TERMINAL_MARKS = ".!?…:;"
_TERMINAL_CLOSERS = "\"'”’)]"


def _ends_terminal(text: str, start: int, end: int) -> bool:
    """``_TERMINAL.search(text, start, end)`` as a test of the last characters (the
    pattern starts with a set the engine cannot skip to, so a search tries every
    character of a paragraph)."""
    if start >= end:
        return False
    last = text[end - 1]
    if last == "\n":  # "$" also matches before a final newline: leave that to the regex
        return _TERMINAL.search(text, start, end) is not None
    if last in '"”':
        return True
    i = end
    while i > start and text[i - 1] in _TERMINAL_CLOSERS:
        i -= 1
    return i > start and text[i - 1] in _TERMINAL_MARKS


# A quotation signed with a dash ("“…we are done.” ― Jane Doe") is a sentence too.
_SIGNED = re.compile(r"""[.!?…]["'”’]*\s*[―—–-]+\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}$""")
# Lines of a text hard-wrapped at a fixed width: at least this long, and this many of
# them running on to the next line.
_WRAPPED_LINE = 50
_WRAPPED_RUNS = 3
_LINE = re.compile(r"[^\n\r\u2028\u2029]*(?:\r\n|[\n\r\u2028\u2029]|$)")
# A headline, dek or section heading set as a sentence: short, one sentence.
_SHORT_LINE_WORDS = 20
_DEK_WORDS = 16
_TERSE_WORDS = 12  # a first line this short is a headline even as two sentences or a question


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
        """The sentences that overlap ``span``, found by bisection (sentences are in
        order and do not overlap)."""
        first = max(0, bisect_right(self._sentence_starts, span.start) - 1)
        last = bisect_left(self._sentence_starts, span.end)
        return tuple(s for s in self.sentences[first : last + 1] if s.span.overlaps(span))

    # -- indexing -----------------------------------------------------------------

    def _lines(self) -> list[tuple[int, int]]:
        """Non-blank lines, trimmed. A hard-wrapped line joins the paragraph it continues:
        the line right above it is unfinished and it starts in lower case, or, in a text
        hard-wrapped throughout, the line above is a long one."""
        raw = self._raw_lines()
        wrapped = self._is_hard_wrapped(raw)
        lines: list[tuple[int, int]] = []
        for i, (start, end) in enumerate(raw):
            if start == end:
                continue
            above = raw[i - 1] if i else (0, 0)
            continues = (
                bool(lines)
                and above[0] != above[1]  # no blank line between
                and self._unfinished(*above)
                and (
                    self.text[start].islower() or (wrapped and above[1] - above[0] >= _WRAPPED_LINE)
                )
            )
            if continues:
                lines[-1] = (lines[-1][0], end)
            else:
                lines.append((start, end))
        return lines

    def _raw_lines(self) -> list[tuple[int, int]]:
        """Every line, blank ones as empty ranges, trimmed of surrounding whitespace."""
        lines: list[tuple[int, int]] = []
        for match in _LINE.finditer(self.text):
            start, end = match.span()
            while start < end and self.text[start].isspace():
                start += 1
            while end > start and self.text[end - 1].isspace():
                end -= 1
            lines.append((start, end) if start < end else (start, start))
        return lines

    def _is_hard_wrapped(self, raw: list[tuple[int, int]]) -> bool:
        """A text wrapped at a fixed width: several long lines run on to the next line."""
        runs_on = sum(
            1
            for (start, end), (n_start, n_end) in pairwise(raw)
            if end - start >= _WRAPPED_LINE and n_start < n_end and self._unfinished(start, end)
        )
        return runs_on >= _WRAPPED_RUNS

    def _unfinished(self, start: int, end: int) -> bool:
        return not _ends_terminal(self.text, start, end)

    def _index_paragraphs(self) -> list[Paragraph]:
        lines = self._lines()
        sizes = [len(self.text[start:end].split()) for start, end in lines]
        # The longest paragraph after each line: a short first line is a headline only
        # when an article follows it.
        longest_after = [0] * len(lines)
        for i in range(len(lines) - 2, -1, -1):
            longest_after[i] = max(longest_after[i + 1], sizes[i + 1])
        roles: list[Role] = []
        seen_body = False
        for i, (start, end) in enumerate(lines):
            context = _Context(
                index=i,
                words=sizes[i],
                seen_body=seen_body,
                next_words=sizes[i + 1] if i + 1 < len(lines) else 0,
                longest_after=longest_after[i],
            )
            # A text of one paragraph is a statement to read, whatever its shape:
            # "Trump Wins Election" given alone is no headline of an article.
            role = _line_role(self.text[start:end], context) if len(lines) > 1 else Role.BODY
            seen_body = seen_body or role is Role.BODY
            roles.append(role)
        return [
            build_trusted(Paragraph, index=i, span=Span.of(self.text, start, end), role=role)
            for i, ((start, end), role) in enumerate(zip(lines, roles, strict=True))
        ]

    def _index_sentences(self) -> list[Sentence]:
        sentences: list[Sentence] = []
        for paragraph in self.paragraphs:
            for start, end, role in self._split(paragraph):
                sentences.append(
                    build_trusted(
                        Sentence,
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
            prefix = dateline.group().rstrip()
            # "QUESTIONABLE MEDICAL CLAIMS — " is a run-in heading, not a place.
            run_in = len(prefix.split()) > 4 and not any(c in prefix for c in "(,")
            pieces.append((start, start + len(prefix), Role.HEADING if run_in else Role.DATELINE))
            start = dateline.end()
        for begin, finish in self._sentence_bounds(start, end):
            pieces.append((begin, finish, Role.BODY))
        return pieces

    def _sentence_bounds(self, start: int, end: int) -> list[tuple[int, int]]:
        return _sentence_bounds(self.text, start, end)


def _sentence_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]`` as trimmed ``(start, end)`` offsets."""
    bounds: list[tuple[int, int]] = []
    begin = start
    for match in _BOUNDARY.finditer(text, start, end):
        if not match.group("signed") and _is_abbreviation(
            text, begin, match.start(), match.group(), end
        ):
            continue
        if _LIST_MARKER.fullmatch(text, begin, match.end()):
            continue  # "1. Inflation fell ..." is one item, not "1." and a sentence
        bounds.append((begin, match.end()))
        begin = match.end()
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        bounds.append((begin, end))
    return bounds


def _is_abbreviation(text: str, begin: int, at: int, mark: str, end: int) -> bool:
    """True when the mark at ``at`` ends no sentence: it closes an abbreviation, or a
    quotation whose speaker follows ("“Coke user?” Clinton asked.")."""
    if (
        mark[0] in "?!"
        and mark[-1] in _CLOSING_QUOTES
        and _SPEAKER_AFTER.match(text, at + len(mark), end)
    ):
        return True  # a period before the closing quote would end the sentence there
    if not mark.startswith("."):
        return False
    # No character the pattern takes is a space, so the word starts after the last space:
    # searching from there finds the same match without retrying every earlier position.
    lo = at
    while lo > begin and not text[lo - 1].isspace():
        lo -= 1
    word = _WORD_BEFORE.search(text, lo, at + 1)
    if word is None:
        return False
    original = word.group(1).rstrip(".")
    token = original.lower()
    if token in _NUMBER_SIGNS:  # "No. 1", but "No. Trump has money."
        return bool(_DIGIT_AFTER.match(text, at + len(mark), end))
    if token in _TITLES:
        return True
    # An initial ("J. Smith") never ends a sentence; an acronym or a company or
    # state abbreviation does when a typical sentence opener follows.
    if len(token) == 1 and token.isalpha():
        return True
    # "ill." or "mass." in lower case is a word; "Ill." and "Mass." are states.
    known = token in _TERMINAL_ABBREVIATIONS and (
        original[0].isupper() or token in _LOWERCASE_ABBREVIATIONS
    )
    if known or _DOTTED.fullmatch(token):
        after = _WORD_AFTER.match(text, at + len(mark), end)
        return after is None or after.group(1).lower() not in _SENTENCE_OPENERS
    return False


@dataclass(frozen=True, slots=True)
class _Context:
    """Where a line sits: its index, its size in words, whether body text came before,
    and the size of the next line and of the longest line after it."""

    index: int
    words: int  # of the line itself
    seen_body: bool
    next_words: int
    longest_after: int


def _line_role(line: str, at: _Context) -> Role:
    """The role of one line (paragraph), from its own shape and its neighbours'."""
    if _is_boilerplate(line):
        return Role.BOILERPLATE
    if _BYLINE.match(line):
        return Role.BYLINE
    if _DATE_LINE.match(line) and len(line) < 80:
        return Role.DATELINE
    words = at.words
    ends_like_sentence = _ends_terminal(line, 0, len(line)) or bool(_SIGNED.search(line))
    if at.index == 0 and words <= 30 and (not ends_like_sentence or _is_title_like(line)):
        return Role.HEADLINE
    # A headline set as a sentence ("Judge rejects request to unseal file."): short, one
    # sentence, and an article of longer paragraphs follows.
    if (
        at.index == 0
        and at.longest_after > max(_SHORT_LINE_WORDS, words)
        and (words <= _TERSE_WORDS or _is_one_short_sentence(line, _SHORT_LINE_WORDS))
    ):
        return Role.HEADLINE
    if not ends_like_sentence and words <= 20:
        # A short unpunctuated line before the body is a byline or outlet name.
        if not at.seen_body and words <= 4:
            return Role.BYLINE
        return Role.HEADING
    if _is_shouted(line) or (words <= 6 and _is_title_case(line) and "," not in line):
        return Role.HEADING  # "GARLAND STEPS ASIDE.", "Climate Change."
    # A dek: the one-line summary between the headline and a full-length lede.
    if (
        not at.seen_body
        and at.next_words > max(_SHORT_LINE_WORDS, words)
        and _is_one_short_sentence(line, _DEK_WORDS)
    ):
        return Role.HEADING
    return Role.BODY


def _is_boilerplate(line: str) -> bool:
    if _BOILERPLATE.match(line):
        return True
    low = line.lower()
    return any(piece in low and pattern.match(line) for piece, pattern in _BOILERPLATE_ANYWHERE)


def _is_one_short_sentence(line: str, max_words: int) -> bool:
    if len(line.split()) > max_words or _DATELINE_PREFIX.match(line):
        return False
    # More than one sentence, or a question, reads as body text.
    return len(_sentence_bounds(line, 0, len(line))) == 1 and not line.endswith(("?", "!"))


_MINOR_WORDS = _wordset("a an the and but or nor of in on at to for by with from as vs")


def _is_title_case(line: str) -> bool:
    """Every word capitalised but the minor ones: "Knack for Deals", not "More is on"."""
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    return bool(words) and all(w[0].isupper() or w in _MINOR_WORDS for w in words)


def _is_shouted(line: str) -> bool:
    if not line.isupper():  # a quick no for almost every line (runs in C)
        return False
    letters = list(filter(str.isalpha, line))  # filter/map: the loops run in C
    return 3 <= len(letters) <= 60 and all(map(str.isupper, letters))
