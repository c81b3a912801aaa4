"""Claims by rule: one draft per verifiable statement of body text.

The offline reader has no language model, so a claim is a sentence of body text (or an
independent clause of a compound sentence joined by a semicolon), stated as the source
states it. Every draft's evidence is an exact span of the source; its attribution is the
one whose content covers it; its kind (fact, quote, opinion, prediction) comes from the
quotes it carries and from cue words. Headlines, headings, bylines, datelines and
boilerplate never yield claims: the ``Document`` marks them, and only body sentences are
read. Sentences that state nothing checkable (questions, calls to action, fragments) are
skipped; when in doubt a sentence is kept.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from itertools import islice
from typing import Generic, TypeVar

from sourcecheck._document import Document, Sentence
from sourcecheck._models import (
    Attribution,
    AttributionKind,
    ClaimKind,
    GroundingStatus,
    Quote,
    QuoteKind,
    Span,
    build_trusted,
)
from sourcecheck._reading import ClaimDraft

__all__ = ["classify", "draft_claims"]

# A quote that covers at least this share of a clause's letters makes the clause a quote:
# the claim is then "X said these words", not the words' own content.
_QUOTE_SHARE = 0.5
# An attribution whose cue lies in another sentence must cover this share of the claim.
_MIN_COVER = 0.25
# A sentence this long is kept even when no word in it looks like a verb.
_LONG_WORDS = 6

# Leading discourse connectives: they link a sentence to its neighbour and add nothing a
# reader can check, so the claim's text starts after them.
_CONNECTIVE = re.compile(
    r"""^(?:however|also|meanwhile|moreover|furthermore|in\s+addition|additionally|
    nevertheless|nonetheless|still|yet|besides|indeed|in\s+fact|instead|likewise|
    similarly|separately|elsewhere|in\s+turn|at\s+the\s+same\s+time|by\s+contrast|
    in\s+contrast|on\s+the\s+other\s+hand|as\s+a\s+result|consequently|therefore|thus|
    then|and|but|so|or)\s*,\s+|
    # "But the NYPD overruled ...": a bare coordinator, though not "So far" or "Yet another"
    (?:and|but|yet(?!\s+(?:another|again|more|to)\b)|so(?!\s+(?:far|many|much|long|few|
    little|called|too)\b))\s+(?=[^\W\d_])""",
    re.IGNORECASE | re.VERBOSE,
)

# A bullet, a list number or a quote-block mark in front of the text: not part of it.
_LIST_MARKER = re.compile(r"(?:[•·▪●◦*–—>-]|\(?\d{1,3}[.)])\s+")

# Imperatives that ask the reader to do something: a call to action states no fact.
# Only the verb together with its usual object counts: "Follow us", not "Follow-up talks".
_CALL_TO_ACTION = re.compile(
    r"""^(?:click|tap|subscribe|sign\s+up|donate|download|learn\s+more|find\s+out\s+more|
    don['’]t\s+miss|check\s+out|follow\s+(?:us|him|her|them|@)|share\s+(?:this|your)|
    (?:watch|listen|see|read)\s+(?:the\s+(?:full|video|trailer|rest)|more|below|above|here|
    also|related)|(?:contact|email|e-mail|join|visit)\s+us)\b""",
    re.IGNORECASE | re.VERBOSE,
)

# Future and expectation: the statement is about what has not happened yet.
_PREDICTION = re.compile(
    r"""\b(?:will|won['’]t|shall|is\s+going\s+to|are\s+going\s+to|(?:is|are|was|were)\s+
    (?:expected|likely|unlikely|set|poised|scheduled|due|slated|projected|forecast|
    predicted|bound)\s+to|expects?|expecting|(?<!its\s)(?<!the\s)(?<!a\s)forecasts?(?!\s+(?:for|of|by))|predicts?|projects?\s+(?:that|a|an)|
    likely(?!\s+voters)|unlikely|in\s+the\s+coming\s+(?:days|weeks|months|years)|next\s+(?:week|month|
    year|decade)|by\s+20[3-9]\d)\b""",
    re.VERBOSE,
)

# "would" is the future of reported speech ("said it would end the sanctions"); in the
# writer's own voice it is mostly conditional ("a plan that would allow ..."), so it marks
# a prediction only in reported speech. Refusals and counterfactuals are not predictions.
_WOULD = re.compile(
    r"""\bwould(?!(?:\s+not|n['’]t)?\s+(?:say|comment|elaborate|discuss|confirm|disclose|
    answer|reveal|speculate|identify|specify|have|like|rather|just|simply)\b)""",
    re.VERBOSE,
)
# Reporting verbs: a sentence with one reports what someone said, thinks or found, and
# the opinion in it is that source's, not the writer's.
_REPORTING = re.compile(
    r"""\b(?:said|says|say|saying|told|tells|telling|according\s+to|argued|argues|arguing|
    contended|contends|believes?|believed|claimed|claims|claiming|insisted|insists|warned|
    warns|stressed|stresses|stressing|noted|notes|added|adds|announced|announces|stated|
    suggested|wrote|writes|reported|reports|acknowledged|conceded|predicted|hopes?|hoped|
    expects?|expected|thinks?|thought|asserted|maintained|explained|recalled|confirmed|
    denied|urged|called\s+for|agreed|tweeted|testified|expressed|worr(?:y|ies|ied)|
    fears?|feared|questioned|accused|criticized|criticised|praised|identified|emphasized|
    emphasizing|described)\b""",
    re.VERBOSE,
)
# Words in quotation marks: someone else's words, which say nothing about the writer's
# voice (used when the reader found no quotes, and for scare quotes).
_QUOTED_RUN = re.compile(r"""“[^”]*”?|"[^"]*"?|''.*?(?:''|$)|(?<!\w)‘[^’]*’(?!\w)""")
# A character that can open a run above: where none occurs, ``_QUOTED_RUN`` cannot match.
_QUOTE_MARK = re.compile(r"""[“"'‘]""")

# Analysis and evaluation: the writer (or a source) judges rather than reports.
_OPINION_STRONG = re.compile(
    r"""\b(?:marks?\s+an?\s+\w+\s+(?:shift|turn|change|departure|moment|milestone|
    victory|defeat|step|setback)|underscor(?:es?|ed|ing)|highlight(?:s|ed|ing)?\s+(?:a|the|
    how|that)|signals?\s+(?:a|an|that)|reflects?\s+(?:a|an|the)\s+(?:growing|broader|
    deeper|wider)|a\s+sign\s+(?:of|that)|growing\s+consensus|raises?\s+(?:questions|
    doubts|concerns)|arguably|clearly|obviously|undoubtedly|ironically|remarkably|
    notably|tellingly|should|ought\s+to|must|
    (?:is|are|was|were|seems?)\s+(?:essential|crucial|vital|critical))\b""",
    re.IGNORECASE | re.VERBOSE,
)
_OPINION_WEAK = re.compile(
    r"""\b(?:may|might|(?<!as\sit\s)could(?!\s+not|n['’]t)|
    (?:we|you|they|I|he|she|[A-Z][\w.'’-]+)\s+(?:really\s+|still\s+|also\s+)?needs?\s+to|
    needs?\s+to\s+be|perhaps|possibly|probably|apparently|seem(?:s|ed|ingly)?|
    appears?\s+to|suggests?|significant(?:ly)?|historic|unprecedented|dramatic(?:ally)?|
    remarkable|controversial|landmark|stunning|shocking|
    disastrous|troubling|alarming|impressive|welcome|bold|major\s+(?:shift|blow|step|
    victory)|valuable|extraordinary|outrageous|absurd|ridiculous|disgraceful|
    shameful|terrible|horrible|wonderful|excellent|brilliant|foolish(?:ly)?|reckless|
    irresponsible|unfair|(?:un)?fortunately|sadly|hopefully|surely|frankly|of\s+course)\b""",
    re.VERBOSE,
)

# A short sentence needs a word that can be a verb to state anything: auxiliaries and
# contractions, common irregular verbs, or a word ending like a past tense or third-person
# verb. Longer sentences are kept whatever they hold.
_VERB_HINT = re.compile(
    r"""\b(?:is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|could|
    may|might|must|shall|should|said|says|say|told|tells|know|knew|think|thought|want|
    believe|need|feel|felt|see|saw|get|got|go|went|gone|make|made|take|took|come|came|
    give|gave|find|found|leave|left|win|won|lose|lost|begin|began|become|became|hold|held|
    meet|met|run|ran|put|set|keep|kept|pay|paid|spend|spent|build|built|bring|brought|
    buy|bought|fight|fought|hear|heard|mean|meant|lead|led|write|wrote|speak|spoke|
    break|broke|choose|chose|rise|rose|fall|fell|stand|stood|sit|sat|hit|cut|let|
    beat|cost|hurt|sell|sold|grow|grew|draw|drew|show|shown|seem|look|hope|expect|plan|
    live|die|work|send|sent|tell|ask|call|try|use|turn|start|stop|move|pull|push|
    play|help|vote|agree|deny|claim|love|hate|like|care|matter|happen|\w+n['’]t|\w+['’](?:s|re|ve|ll|d|m)|\w{2,}ed|\w{2,}s)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_UNSPACED_SCRIPT = re.compile(r"[\u0e00-\u0eff\u3040-\u30ff\u3400-\u9fff]")  # Thai, Lao, kana, CJK
_OPEN_QUOTES = "\"“”'‘’«»"
_TRAILING_CLOSERS = "\"”’'»)]"


def draft_claims(
    document: Document,
    quotes: Sequence[Quote],
    attributions: Sequence[Attribution],
) -> list[ClaimDraft]:
    """One claim draft per verifiable statement of the document's body text.

    Each draft's evidence is the exact span of its sentence (or clause), its attribution
    the one whose content overlaps that span most (for a quote, the quote's own), and its
    ``quoted`` field the quoted words inside it, which the verifier checks verbatim.

    Example:
        >>> from sourcecheck._document import Document
        >>> doc = Document("Budget Talks\\n\\nThe council met on Monday. Will it agree?")
        >>> [(d.text, d.kind.value) for d in draft_claims(doc, [], [])]
        [('The council met on Monday.', 'fact')]
    """
    speech = _SpanIndex(quotes, lambda q: q.span)
    sources = _SpanIndex(attributions, lambda a: a.content)
    drafts: list[ClaimDraft] = []
    for sentence in document.body_sentences:
        for start, end in _clauses(document.text, sentence):
            draft = _draft(document.text, sentence, start, end, speech, sources)
            if draft is not None:
                drafts.append(draft)
    return drafts


def classify(text: str, *, quote_share: float = 0.0, reported: bool = False) -> ClaimKind:
    """The kind of a statement: quote, prediction, opinion or fact, by cue words.

    ``quote_share`` is the share of the statement's letters inside speech quotes;
    ``reported`` says an attribution covers it. Words in quotation marks are someone
    else's and do not count. In reported speech the opinion is the source's, so the
    statement is a (verifiable) report: fact, or prediction when it is about the future.

    Example:
        >>> classify("This marks a significant shift in policy.").value
        'opinion'
        >>> classify("Prices will rise next year.").value
        'prediction'
        >>> classify("Critics said the plan was a dramatic mistake.").value
        'fact'
    """
    if quote_share >= _QUOTE_SHARE:
        return ClaimKind.QUOTE
    # Most statements hold no quotation mark at all: then there is nothing to blank.
    own = _QUOTED_RUN.sub(_blank, text) if _QUOTE_MARK.search(text) else text
    words = _Words(own)
    reported = reported or words.may_match(_REPORTING, _REPORTING_WORDS)
    if not reported and words.may_match(_OPINION_STRONG, _OPINION_STRONG_WORDS, fold=True):
        return ClaimKind.OPINION
    if words.may_match(_PREDICTION, _PREDICTION_WORDS) or (
        reported and "would" in own and bool(_WOULD.search(own))
    ):
        return ClaimKind.PREDICTION
    if not reported and (
        words.may_match(_OPINION_WEAK, _OPINION_WEAK_WORDS)
        or own.rstrip(_TRAILING_CLOSERS).endswith("!")
    ):
        return ClaimKind.OPINION
    return ClaimKind.FACT


class _Words:
    """The word tokens of a text, to skip a cue-word regex whose words are all absent.

    Every match of each cue regex spans at least one whole ``\\w+`` token from its word
    list, so a text without any of those tokens cannot match: one tokenisation replaces
    a regex scan of every position (a pattern starting with ``\\b`` cannot skip ahead).
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._tokens: set[str] | None = None
        self._folded: set[str] | None = None

    def may_match(
        self, pattern: re.Pattern[str], words: frozenset[str], *, fold: bool = False
    ) -> bool:
        """``bool(pattern.search(text))``, skipping the search when no listed word occurs."""
        if self._tokens is None:
            self._tokens = set(_TOKEN.findall(self._text))
        tokens = self._tokens
        if fold:
            # Case-insensitive: exact on ASCII text; elsewhere Unicode case folding has
            # special cases (long s, dotted I), so the regex alone decides.
            if not self._text.isascii():
                return bool(pattern.search(self._text))
            if self._folded is None:
                self._folded = {token.lower() for token in tokens}
            tokens = self._folded
        return not words.isdisjoint(tokens) and bool(pattern.search(self._text))


_TOKEN = re.compile(r"\w+")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# For each cue regex, words one of which every match holds as a whole token.
_REPORTING_WORDS = _wordset(
    """said says say saying told tells telling according argued argues arguing contended
    contends believe believes believed claimed claims claiming insisted insists warned warns
    stressed stresses stressing noted notes added adds announced announces stated suggested
    wrote writes reported reports acknowledged conceded predicted hope hopes hoped expect
    expects expected think thinks thought asserted maintained explained recalled confirmed
    denied urged called agreed tweeted testified expressed worry worries worried fear fears
    feared questioned accused criticized criticised praised identified emphasized
    emphasizing described"""
)
_OPINION_STRONG_WORDS = _wordset(
    """mark marks underscore underscores underscored underscoring highlight highlights
    highlighted highlighting signal signals reflect reflects sign consensus raise raises
    arguably clearly obviously undoubtedly ironically remarkably notably tellingly should
    ought must essential crucial vital critical"""
)
_PREDICTION_WORDS = _wordset(
    """will won shall going expected likely unlikely set poised scheduled due slated
    projected forecast predicted bound expect expects expecting forecasts predict predicts
    project projects coming next by"""
)
_OPINION_WEAK_WORDS = _wordset(
    """may might could need needs perhaps possibly probably apparently seem seems seemed
    seemingly appear appears suggest suggests significant significantly historic
    unprecedented dramatic dramatically remarkable controversial landmark stunning shocking
    disastrous troubling alarming impressive welcome bold major valuable extraordinary
    outrageous absurd ridiculous disgraceful shameful terrible horrible wonderful excellent
    brilliant foolish foolishly reckless irresponsible unfair fortunately unfortunately
    sadly hopefully surely frankly course"""
)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


# -- clauses ----------------------------------------------------------------------


def _clauses(text: str, sentence: Sentence) -> list[tuple[int, int]]:
    """The sentence's independent clauses: split at semicolons outside quotes when both
    sides can stand alone; otherwise the whole sentence."""
    start, end = sentence.span.start, sentence.span.end
    if text.find(";", start, end) < 0:
        return [(start, end)]  # the common case: no semicolon, no cut to look for
    cuts: list[int] = []
    depth = 0
    for i in range(start, end):
        char = text[i]
        if char in "“«":
            depth += 1
        elif char in "”»":
            depth = max(0, depth - 1)
        elif char == '"':
            depth = 0 if depth else 1
        elif char == ";" and depth == 0:
            cuts.append(i)
    if not cuts:
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    begin = start
    for cut in cuts:
        left, right = (begin, cut + 1), (cut + 1, end)
        if _stands_alone(text, *left) and _stands_alone(text, *right):
            pieces.append(_strip(text, *left))
            begin = cut + 1
    pieces.append(_strip(text, begin, end))
    return pieces


def _stands_alone(text: str, start: int, end: int) -> bool:
    words = _WORD.findall(text, start, end)
    return len(words) >= 5 and bool(_VERB_HINT.search(text, start, end))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# -- finding what overlaps a claim ------------------------------------------------------


_Item = TypeVar("_Item")


class _SpanIndex(Generic[_Item]):
    """Items sorted by where their span starts, to find those overlapping a range
    without scanning them all (a long article has thousands of quotes and attributions).
    """

    def __init__(self, items: Sequence[_Item], span_of: Callable[[_Item], Span]) -> None:
        self._items = sorted(items, key=lambda item: span_of(item).start)
        self._spans = [span_of(item) for item in self._items]
        self._starts = [span.start for span in self._spans]
        self._longest = max((len(span) for span in self._spans), default=0)

    def overlapping(self, start: int, end: int) -> list[_Item]:
        """The items whose span overlaps ``[start, end)``, in document order."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return [self._items[i] for i in range(lo, hi) if self._spans[i].end > start]


# -- one draft ----------------------------------------------------------------------


def _draft(
    text: str,
    sentence: Sentence,
    start: int,
    end: int,
    quotes: _SpanIndex[Quote],
    sources: _SpanIndex[Attribution],
) -> ClaimDraft | None:
    # Plain slices until the evidence is settled: a Span is built once, for what is kept.
    whole = text[start:end]
    inside = quotes.overlapping(start, end)
    if not _is_statement(whole, inside_quote=bool(inside)):
        return None
    marker = _LIST_MARKER.match(whole)
    if marker and marker.end() < len(whole):
        start += marker.end()
        whole = text[start:end]
    connective = _CONNECTIVE.match(whole)
    if connective and _stands_alone(text, start + connective.end(), end):
        start += connective.end()
    evidence = Span.of(text, start, end)
    inside = [q for q in inside if q.span.overlaps(evidence)]
    quoted = tuple(_clip(text, q.span, evidence) for q in inside)
    # A partial quote (a fragment inside reported speech) leaves the sentence what it
    # is; whole quoted utterances make it a quote once they fill most of what is not
    # their attribution frame (speaker and cue).
    direct = [q for q in inside if q.kind is not QuoteKind.PARTIAL]
    frame = [
        part
        for q in direct
        for part in (q.speaker, q.cue)
        if part is not None and evidence.contains(part)
    ]
    spoken = [_clip(text, q.span, evidence) for q in direct]
    reach = min([start, *(q.span.start for q in inside)]), max([end, *(q.span.end for q in inside)])
    attribution = _covering(evidence, [q.span for q in inside], sources.overlapping(*reach))
    kind = classify(
        _masked(evidence, quoted),
        quote_share=_share(evidence, spoken, frame),
        reported=attribution is not None,
    )
    if attribution is None and inside:
        attribution = _from_quote(evidence, inside)
    # Every value below is typed by construction (spans sliced from the text, enum
    # members, validated attributions): no validation to redo, and ``Extraction`` checks
    # every span against the text.
    return build_trusted(
        ClaimDraft,
        text=_as_statement(evidence.text),
        evidence=(evidence,),
        kind=kind,
        attribution=attribution,
        grounding=GroundingStatus.EXACT,
        sentence=sentence.index,
        quoted=tuple(q.text for q in quoted if q.text.strip()),
    )


def _is_statement(sentence: str, *, inside_quote: bool) -> bool:
    """False for what states nothing checkable: questions, calls to action, fragments."""
    bare = sentence.rstrip(_TRAILING_CLOSERS)
    if bare.endswith("?") and not inside_quote:
        return False
    if _CALL_TO_ACTION.match(sentence.lstrip(_OPEN_QUOTES)) and not inside_quote:
        return False
    if not sentence.isascii() and _UNSPACED_SCRIPT.search(sentence):
        # Written without spaces between words: English word counts and verb cues
        # do not apply, so a sentence of a few characters is kept as a statement.
        return _letters(sentence) >= 6
    # Only "fewer than 3" and "at least _LONG_WORDS" matter: count no further.
    words = sum(1 for _ in islice(_WORD.finditer(sentence), _LONG_WORDS))
    if words < 3:
        return False
    if words >= _LONG_WORDS or inside_quote or any(ch.isdigit() for ch in sentence):
        return True
    return bool(_VERB_HINT.search(sentence))  # "Flawless execution." states nothing


def _clip(text: str, span: Span, within: Span) -> Span:
    """The part of ``span`` inside ``within`` (which overlaps it), both spans of ``text``."""
    return Span.of(text, max(span.start, within.start), min(span.end, within.end))


def _letters(text: str) -> int:
    # ``[^\W_]`` is exactly ``str.isalnum`` per character; runs counted in C, not a loop.
    return sum(map(len, _ALNUM_RUN.findall(text)))


_ALNUM_RUN = re.compile(r"[^\W_]+")


def _share(evidence: Span, quoted: Sequence[Span], frame: Sequence[Span] = ()) -> float:
    """The share of the evidence's letters that are quoted, the frame left out."""
    if not quoted:
        return 0.0  # nothing quoted: the share is 0 whatever the evidence holds
    framed = {(f.start, f.end): f for f in frame if not any(q.overlaps(f) for q in quoted)}
    total = _letters(evidence.text) - sum(_letters(f.text) for f in framed.values())
    if total <= 0:
        return 0.0
    return min(1.0, sum(_letters(q.text) for q in quoted) / total)


def _covering(
    evidence: Span, quotes: Sequence[Span], attributions: Sequence[Attribution]
) -> Attribution | None:
    """The attribution that covers the claim.

    When the claim holds quoted speech, it is the attribution whose content overlaps
    those quotes most (the speaker of the words, not some other clause's source). Else it
    is the one whose content overlaps the evidence most, provided it is this sentence's
    (its cue inside the evidence) or covers a fair share of it: a few words that spill
    over from a neighbouring sentence's attribution do not make the claim attributed.
    """
    if quotes:
        spoken = max(
            attributions,
            key=lambda a: sum(_overlap(a.content, q) for q in quotes),
            default=None,
        )
        if spoken is not None and any(_overlap(spoken.content, q) for q in quotes):
            return spoken
        return None
    best: Attribution | None = None
    best_overlap = 0
    for attribution in attributions:
        overlap = _overlap(attribution.content, evidence)
        if overlap > best_overlap:
            best, best_overlap = attribution, overlap
    if best is None:
        return None
    cue_inside = best.cue is not None and evidence.contains(best.cue)
    return best if cue_inside or best_overlap >= _MIN_COVER * len(evidence) else None


def _from_quote(evidence: Span, quotes: Sequence[Quote]) -> Attribution | None:
    """For a quote no attribution covers, the quote's own: its speaker, cue and words."""
    speaking = [q for q in quotes if q.speaker is not None or q.speaker_name]
    if not speaking:
        return None
    quote = max(speaking, key=lambda q: _overlap(q.span, evidence))
    return Attribution(
        content=quote.span,
        cue=quote.cue,
        source=quote.speaker,
        source_name=quote.speaker_name,
        source_role=quote.speaker_role,
        kind=AttributionKind.DIRECT,
        grounding=quote.grounding,
    )


def _masked(evidence: Span, quoted: Sequence[Span]) -> str:
    """The evidence text with the quoted words blanked out: the writer's own words."""
    masked = evidence.text
    for span in quoted:
        start, end = span.start - evidence.start, span.end - evidence.start
        masked = masked[:start] + " " * (end - start) + masked[end:]
    return masked


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _as_statement(text: str) -> str:
    """The claim's text: the source's words, with line breaks and runs of spaces (of a
    hard-wrapped source) as single spaces. Nothing else changes: a first word left in
    lower case by a trimmed connective stays so, since a capital would turn "several"
    into something a name check looks for in the source."""
    return " ".join(text.split())
