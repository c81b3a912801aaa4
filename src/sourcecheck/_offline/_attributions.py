"""Attributions: PARC/PolNeAR source-cue-content triples, found by rules.

The finder reads one sentence-like unit at a time (a sentence whose boundaries never fall
inside a quote) and looks for cues from the lexicon in ``_cues``. For each cue, right to
left, it tries the shapes news writing uses:

- ``X said (that) CONTENT`` / ``X believes CONTENT`` / ``X told Y that CONTENT``
- ``CONTENT, X said`` / ``"QUOTE," said X`` / ``CONTENT, X said, CONTENT``
- ``CONTENT, according to X`` / ``According to X, CONTENT``
- ``..., adding that CONTENT`` and ``X urged A, and criticized B`` (the subject of the
  clause continued)
- in headlines: ``Poll: CONTENT``, ``X Says CONTENT``; in lists: ``"QUOTE" ― Name``

Quoted material is atomic: cue words inside quotes are ignored, and a quote that
follows an attributed quote in the same paragraph (or continues it into the next)
joins that attribution's content. A quote no rule attributes becomes an attribution of
its own, without a cue; its source is inherited from the attribution before it in the
same paragraph, or from the paragraph before when that paragraph ends with an
attributed quote.

Content spans follow PolNeAR: quote marks are part of a quoted content; the sentence's
final period is not; a complementiser ("that") is. A content that PolNeAR would split
around its source ("CONTENT, X said, CONTENT") is one covering span here, because an
``Attribution`` holds one content span. A clause runs to the end of its sentence (less a
new coordinated clause); a noun phrase ("praised THE PLAN", "endorsed CLINTON") ends
before a relative clause, a gerund, a dash, a time or a second predicate; a content in a
subordinate clause ("Although X admitted CONTENT, ...") ends at its comma. PolNeAR gives
each word one label, so a cue inside someone's reported that-clause reports nothing of
its own.

Every rule works on offsets into the document text, so every span is exact.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from dataclasses import dataclass

from sourcecheck._models import AttributionKind
from sourcecheck._offline._cues import NOUN_LIKE, Cue, CueInfo, find_cues, trie_pattern
from sourcecheck._offline._quotes import QuoteRegion, is_scare_quote
from sourcecheck._offline._sources import (
    infinitive_subject,
    leading_subject,
    named_after_cue,
    named_source,
    plausible_source,
    plural_source,
    source_after,
    source_before,
)

__all__ = ["Found", "Unit", "find_attributions"]


def _wordlist(words: str) -> list[str]:
    """Whitespace-separated words (keeps long lexicons readable)."""
    return words.split()


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence (never split inside a quote) of one paragraph."""

    start: int
    end: int
    paragraph: int
    headline: bool = False


@dataclass(slots=True)
class Found:
    """An attribution as offsets, before it becomes an ``Attribution``."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    kind: AttributionKind
    paragraph: int
    inherited: bool = False  # the source was carried over from the previous paragraph


_ADVERBIAL_AFTER = re.compile(
    r"^(?:(?:on|in|at|during|to|from|for|by|with|of|last|this|earlier|later|yesterday|today|"
    r"tonight|recently|before|after|while|when|as|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)\b.*)?$",
    re.DOTALL,
)
_COMPLEMENTISER = re.compile(r"\b(?:that|how|why|whether)\b")
_THAT = re.compile(r"\bthat\b")
_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:night|morning|afternoon|evening))?"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)
_DATE_TAIL = re.compile(rf",?\s+in\s+(?:{_MONTH}|\d{{4}})$")
_MONTH_NAMES = tuple(_MONTH.strip("(?:)").split("|"))  # a _DATE_TAIL match ends in one
_VENUE = (
    r"interview|statement|news\s+conference|press\s+conference|speech|rally|tweets?|"
    r"post|Twitter|Facebook|Instagram|radio|television|TV|debate|op-ed|letter|email|"
    r"CNN|MSNBC|Fox\s+News|NBC|ABC|CBS|town\s+hall|hearing|stop|event|appearance|visit|"
    r"forum|meeting|conference|briefing|fundraiser|summit|ceremony|convention|social\s+media"
)
_TAIL = re.compile(
    rf"(?:,?\s+(?:on\s+{_DAY}|{_DAY}|(?:last|this|earlier|late|early)\s+(?:week|month|year|"
    rf"night|morning|{_DAY})|(?:in|on|at|during)\s+(?:an?|the|his|her|their)?\s*"
    rf"(?:[\w’'-]+\s+){{0,2}}(?:{_VENUE})(?:\s+(?:with|on)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?))+$"
)
# '"Don't do it," until shots are heard': a clause after a quote is the writer's.
_CLAUSE_AFTER_QUOTE = re.compile(r"(?:until|when|while|as|before|after|because|since)\s")
_CUT = re.compile(
    r",[\"”’']?\s+(?:according\s+to|although|though|whereas|even\s+though)\b|;\s"
    r"|,[\"”’']?\s+(?P<despite>despite|in\s+spite\s+of|aside\s+from|apart\s+from)\b"
    r"|\s(?P<aside>--|―)\s"  # a spaced double hyphen or bar sets off an aside, not the content
    r"|,?\s+(?:but|and|while)\s+(?:[A-Z][\w.]*\s+){1,3}(?:[a-z]+ed|says|said)\b"
    r"|,\s+(?:meaning|prompting|contradicting|sending|leaving|making|raising|citing)\b"
    r"|,[\"”’']\s+(?:meaning|prompting)\b"  # 'only “partial,” meaning it ...'
    r"|,\s+which\s+(?:forced|prompted|caused|led|sparked|triggered|fueled)\b"  # a consequence
    r"|,\s+(?:especially|particularly)\s+(?:given|since|because|after|when|as|with)\b"
    # a figure's comparison: "will grow 1.6 percent, more than half a point less than ..."
    r"|(?:(?<=\d)|(?<=percent)|(?<=points)|(?<=million)|(?<=billion)),\s+(?:more|less)\s+than\b"
    # "ruled that X, but in the course of the report they could not resist ...": a new clause
    r"|,[\"”’']?\s+(?:but|yet)\s+(?:in|at|on|during|after|before|by|with|for)\s+[^,;\"“”]{0,40}?\s"
    r"(?:he|she|they|it|we|I)\s+(?:would|will|could|can|should|might|may|must|is|was|are|were|"
    r"has|had|have|did|does)\b"
    r"|,[\"”’']?\s+(?:but|yet|while|and)\s+"
    r"(?:he|she|they|it|we|I|(?:Mr\.|Mrs\.|Ms\.|Dr\.)?\s*[A-Z][\w.]*)\s+"
    r"(?:would|will|could|can|should|might|may|must|is|was|are|were|has|had|have|did|does)\b"
    r"|,[\"”’']?\s+(?:but|yet)\s+(?!also\b|not\b|still\b|then\b)(?:[A-Za-z][\w’'-]*\s+){1,4}?"
    r"(?:would|will|could|can|should|might|may|must|is|was|are|were|has|had|have|did|does)\b"
    r"|,[\"”’']?\s+and\s+(?:the|a|an|his|her|their|its)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:would|will|could|can|should|might|may|must|is|was|are|were|has|had|have|did|does)\b"
    # "agreed to release the cash so the firm could start": the writer's purpose clause
    r"|(?P<purpose>,?)\s+so\s+(?:that\s+)?(?:(?:[A-Z][\w.’'-]*\s+){1,3}|(?:he|she|they|we|it|I)\s+"
    r"|(?:the|a|an|his|her|their|its)\s+(?:[\w’'-]+\s+){1,3}?)(?:could|would|can|will|might)\b"
    # "..., and the union also stepped in", "... and the crisis ushered a stream of ...": a
    # new clause with its own past-tense verb
    r"|(?P<joined>,?)\s+and\s+(?:the|a|an|his|her|their|its)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:also\s+[a-z]+ed|[a-z]+ed\s+(?:a|an|the|his|her|their|its)\s)"
)
# "coy about whether X, despite Y": the concession is the writer's, not the question's.
_QUESTION_WORD = re.compile(r"(?:whether|if|how|why|what|when|where|who)\b")
# A content that is a clause: it opens with a complementiser or a quote, or its first
# stretch holds a finite verb ("said he would go", "show Clinton was the winner").
_CLAUSE_OPENING = re.compile(
    r"(?:that(?!\s+[a-z]+(?:\s+(?:and|but|in|on|at|for|during|after|before|with)\b|[,.;]|$))"
    r"|whether|if|how|why|what|when|where|who)\b|[\"“‘'`«]"
)  # "that" before a noun and a pause is a determiner: "declined that offer and ..."
_FINITE = re.compile(
    r"\b(?:is|are|was|were|will|would|can|could|should|may|might|must|has|have|had|do|does|"
    r"did|am|ca|wo|is\s+not|won’t|won't|can’t|can't|isn’t|isn't|don’t|don't|doesn’t|doesn't|"
    r"didn’t|didn't|seems?|seemed|appears?|appeared"
    # common irregular past tenses ("the suspect fled the scene and was arrested")
    r"|fled|took|gave|made|went|came|told|said|knew|thought|felt|found|won|lost|began|became|"
    r"brought|bought|ran|sent|spent|paid|met|held|kept|wrote|spoke|drove|grew|threw|stood|"
    r"understood|sought|fought|caught|taught|chose|broke|stole|rose|fell|struck|shot|sold|"
    r"led|built|got|heard|meant)\b|\b(?:he|she|they|we|I|it|there)\s+[a-z]"
)
# A comma-enclosed aside and then the verb: "the bill, which passed last week, would cut"
_ASIDE_THEN_VERB = re.compile(
    r",\s+(?:is|are|was|were|will|would|can|could|should|may|might|must|has|have|had|did|"
    r"does|do)\b"
)
# "Clinton reached out ...", "Scott deserves ...": a name and a verb open a clause.
_NAME_VERB = re.compile(
    r"(?:[A-Z][\w.’'-]*(?<!['’]s)\s+){1,3}(?!(?:this|thus|across|plus|versus|its|his|hers|us)\b)"
    r"[a-z]{2,}(?:ed|s)\b"
)
_SUBORDINATE_WORD = re.compile(
    r"(?<=[\w”\"’])\s+(?:when|while|after|before|until|since"
    r"|as(?=\s+(?:[A-Z][\w.’'-]*|he|she|they|it|we|I)\s+[a-z]+(?:ed|s)\b))\s"
)
_STRETCH_END = re.compile(r"[,;:—–―]|\s-\s")
# What ends a content that is a noun phrase or an infinitive ("praised X, which ...",
# "endorsed X on Thursday, another example of ...").
_OBJECT_CUT = re.compile(
    r"(?P<relative>,)\s+(?:which|who|whom|whose|where)\b"
    r"|,\s+(?!including\b)(?:(?:[a-z]+ly|further|also|thus)\s+)?(?:[a-z]+ing|with)\b"
    r"|,\s+(?:[a-z]+ly\s+)?[a-z]+ed\s+(?:by|as|in|on|at|to|from|for|with|after)\b(?=[^,;]*$)"
    r"|\s+(?P<dash>-|–|—)\s(?!.*\s(?P=dash)\s)"  # a dash, unless a second closes an aside
)
# A weekday after a noun-phrase content, then a pause or a further setting: the cue's time
# ("offered advice to X on Friday in ...", "blasted X as a fraud Wednesday on ...").
_DAY_CUT = re.compile(
    rf"(?<!\bof)(?<!midnight)(?<!noon),?\s+(?:on\s+)?{_DAY}"
    r"(?=,|\s+(?:in|on|at|during|after|before|with)\s)"
)
_RESUMED = re.compile(r",\s+(?:of|to|for|as|from|into)\s")
# After a noun phrase (not an infinitive or a gerund, which take their own adjuncts):
# a time or a circumstance modifies the cue, not the content ("praised X during ...").
_ADJUNCT_CUT = re.compile(
    r"(?<!day)(?<!night)(?<!morning)(?<!evening)(?<!week)(?<!month)(?<!year)"  # "the day after X"
    r",?\s+(?:when|while|after|before|until|because|although|though|since|during)\b"
    r"|,?\s+as\s+(?=(?:[A-Z][\w.’'-]*|he|she|they|it|we|I)\s+[a-z]+(?:ed|s)\b)"  # as X fired
)
# A second predicate of the sentence's subject after a noun-phrase content ("praised X but
# also had to ...", "declined X and has since left").
_SECOND_PREDICATE = re.compile(
    r",?\s+(?:and|but|yet)\s+(?:also\s+|then\s+|since\s+|later\s+|still\s+)?(?:has|have|had|is|"
    r"was|are|were|did|does|will|would|could|can|should|may|might|[a-z]+ed|refuses|says|"
    r"stopped)\b(?!\s+by\b)"  # "called it false and fabricated by rivals": a participle
    # "call them X and describe their actions as Y": a bare verb, then its object
    r"|,?\s+(?:and|but)\s+(?!(?:also|then|now|even|especially|particularly|not|later|more|most|"
    r"other|all|both|only|just|so|too|with|for|to|of|in|on|at|by|from|about|how|what|why|"
    r"where|when|who|which|whether|that|then|thus|hence|over|into|after|before)\b)[a-z]{3,}"
    r"(?<!ing)(?<!ed)\s+(?:their|his|her|its|the|them|him|our)\b"
)
# A relative clause with a past verb inside a noun-phrase content: later verbs may be its own.
_RELATIVE_VERB = re.compile(r"\swho\s+(?:[a-z]+ly\s+)?[a-z]+ed\b")
# A second predicate right after a quote that opens the content: 'chanted "What curfew?"
# and kept going' (a past tense, so "and general "legal matters"" stays one object).
_PREDICATE_AFTER_QUOTE = re.compile(
    r"\s+(?:and|but)\s+(?:then\s+|also\s+)?(?:[a-z]+ed|went|kept|left|made|took|got|gave|came|"
    r"ran|began|held|stood|sat|saw|told|said|spent|sent|put|brought|thought|found|fought)\s"
)
_INFINITIVE = re.compile(r"(?:not\s+)?to\s")
# An infinitive or a gerund takes its own adjuncts, also after an object ("asked X to
# check Y"); an -ing word after a determiner is an adjective or a noun ("a tightening race").
_VERBAL = re.compile(
    r"to\s|\w+ing\b|.*?(?<!\ba)(?<!\ban)(?<!\bthe)(?<!\bhis)(?<!\bher)(?<!\bits)(?<!\btheir)"
    r"(?<!\bour)\s[\w-]+ing\b"
    r"|.*?\s(?:not\s+|never\s+)?to\s+(?!(?:the|a|an|his|her|their|its|this|that|these|those|"
    r"my|our|your|me|him|us|them|it)\b)[a-z]+(?:\s[a-z]+)?\s+(?:(?:the|a|an|his|her|their|its|"
    r"this|that|these|those|my|our|your|him|them|us|it|at|of|on|in|for|with|about)\b|[A-Z])",
    re.DOTALL,
)
# A sentence that opens with a subordinate clause: a content inside it ends at the comma
# that closes it ("Although X has admitted CONTENT, he ...").
_SUBORDINATE_OPENING = re.compile(
    r"[\s\"“‘]*(?:(?:And|But|Yet|So)\s+(?:[a-z]+\s+)?(?=[a-z]))?(?:[Aa]lthough|[Tt]hough|[Ww]hile|"
    r"[Ww]hen|[Ww]henever|[Ii]f|[Oo]nce|[Bb]ecause|[Ss]ince|[Aa]fter|[Bb]efore|[Uu]nless|[Uu]ntil|"
    r"[Ww]hereas|[Ee]ven\s+though|[Ee]ven\s+if|[Ee]ven\s+as|[Dd]espite|[Cc]ontrary\s+to|"
    r"[Ii]n\s+spite\s+of|[Uu]nlike|With|[A-Z][a-z]+ing|[Jj]ust\s+as)\b"
)
# An appositive after a name, closing the sentence, is the writer's description.
_APPOSITIVE = re.compile(
    r"\b[A-Z][\w.’'-]*(?:\s\([\w.-]+\))?(?P<comma>,)\s+(?:the|a|an)\s+(?P<rest>[^,;]*)$"
)
# After a noun-phrase content, a closing appositive describes the whole event ("endorsed
# X on Thursday, another sign of ...", "is endorsing X, the latest chapter in ...").
_EVENT_APPOSITIVE = re.compile(r"(?P<comma>,)\s+(?:another|the|a|an)\s+(?P<rest>[^;]*)$")
_APPOSITIVE_RESUMED = re.compile(r",\s+(?:of|to|for|as|from|into|in|at|on|with|by)\s")
# "rejected the claim in a ruling released Thursday": where the cue took place, not content.
_SETTING_TAIL = re.compile(r",?\s+(?:in|during)\s+an?\s+[^,;:\s]+(?:\s+[^,;:\s]+){0,3}$")
_MAIN_VERB = re.compile(
    r"\s(?:is|are|was|were|will|would|can|could|should|may|might|must|has|have|had|"
    r"does|do|did|doesn’t|doesn't|don’t|don't|didn’t|didn't|isn’t|isn't|wasn’t|wasn't)\b"
    r"|\s[a-z]+ed\s+(?=(?:the|a|an|his|her|their|its|our|him|them|us|me)\b)"
)
_PHRASE_STOP = re.compile(
    r"[,;:()\"“”]|\s(?:-|--|–|—)\s|\b(?:that|which|who|whom|while|when|because|if|so|as|where)\b"
)
_LEADING = re.compile(r"[\s,:;]*")
_APPOSITIVE_HINT = re.compile(r",\s+(?:the|a|an)\s")
_LIST_END = re.compile(r"\b(?:and|or)\s+(?:the|a|an)\b")
_RELATIVE = re.compile(r"\b(?:who|that|which|whose|where)\b")
_THAT_CLAUSE = re.compile(
    r"(?:\s+(?:(?:on|in|at|during)\s+(?:(?:the|a|an|his|her|their|its)\s+)?[\w-]+|[A-Z]\w*day|"
    r"(?:last|this)\s+\w+|again|also|repeatedly|publicly|privately|earlier|later|recently)){0,2}"
    r"\s+(?=that\s)"
)  # "said (in the letter) that ..."
_ZONE_BREAK = re.compile(
    r"[,;][\"”’]?\s+(?:and|but|while|whereas|yet|though|although)\b(?!\s+that\b)|;\s"
    r"|\s(?P<dash>―|—|–|--)\s|[\"”]\s+(?:and|but|while)\b(?!\s+that\b)"
    r"|\s(?:and|but)\s+(?:[a-z]+ed|says|said)\b"
)  # a new clause, a dash (unless a second one closes an aside) or a quote and a conjunction
_SOURCE_SET_OFF = re.compile(r"\w,\s+(?:[\w.’'-]+\s+){1,5}$")
_PAUSE = re.compile(r",(?=[\s\"”’'])")
_SUBORDINATE_MID = re.compile(
    r"(?:[,;]\s+|\b(?:and|but|or)\s+)(?:although|though|while|when|whenever|if|once|because|"
    r"since|after|before|unless|until|whereas|even\s+though|even\s+if|even\s+as)\b"
    r"|[,;]\s+with\b"  # "Amid X, with Republicans wondering about Y, the scare ..."
)
# A comma, then a past verb and its object: the next item of a list of predicates.
_LISTED_VERB = re.compile(r",\s+[a-z]+ed\s+(?:the|a|an|his|her|their|its)\s")
_OPEN_MARKS = "\"“‘'`«”"
_CLOSE_MARKS = "\"”’'»"
_NAME = r"(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})"
_DASH = r"(?P<dash>―|—|–|--)"
_DASH_NAME = re.compile(rf"\s*{_DASH}\s*{_NAME}\.?\s*")
_NAME_DASH = re.compile(rf"{_NAME}\s*{_DASH}\s*")
_SPEAKER_LABEL = re.compile(r"[\"“]?(?P<name>[A-Z][A-Z.’'-]+(?:\s+[A-Z][A-Z.’'-]+){0,2}):\s+")
_HEAD_COLON = re.compile(r"^([A-Z][\w.’'&-]*(?:\s+[\w.’'&-]+){0,4}):\s+\S")
# "A, she said, and B": the speaker's content goes on after the conjunction (not when a new
# subject and verb follow: "A, she said, and then she left").
_SAME_SPEAKER_GOES_ON = re.compile(r",\s*(?:and|but)\s+(?!(?:then|he|she|they|we|I|it)\b)")
_CONJUNCTION_AFTER = re.compile(r"^,\s*(?:and|but|as|while|before|after|when|then|so)\b")
# What may follow "told" when the content came first: the listener and a time or place.
_LISTENER_ONLY = re.compile(
    r"^(?:[A-Z][\w.’'&-]*(?:\s+(?:[A-Z][\w.’'&-]*|of|the|for|and))*|reporters|him|her|them|"
    r"me|us|the\s+\w+(?:\s+\w+)?)"
    r"(?:\s+(?:on|in|at|during|after|last|this|earlier)\b(?:\s+[\w’'.,-]+){0,5})?$",
    re.DOTALL,
)
_TRAILING_JOIN = re.compile(
    r"(?:,?\s+(?:and|but|while|as|or|so|even as|which|what|when|because|if|after|before|until|"
    r"since|where|who)|,)*\s*$"
)
# Right after a cue, a conjunction or "then" joins a second verb: the cue had no object.
_JOINED_NEXT = re.compile(r"(?:and|or|nor|then)\b")
_SAID_ASIDE = re.compile(r"\b(?:That|Having)\s+said(?:\s+that)?\s*,")
_VERB_FIRST = re.compile(r"(?:is|are|was|were|has|have|had|will|would|can|could)\b")
_INTRODUCES_NEXT = re.compile(r"^(?P<lead>(?:[\w ,]{0,40}?\s)?)(?::|that:?)$")
# A particle with no object after a verb: a phrasal verb ("showed up", "called in to").
_CALL_IN = re.compile(
    r"^(?:in(?!\s+[A-Z])|into|up|off|back|out|down|away)\b(?!\s+(?:the|a|an|his|her|their|of)\b)"
)
# A leading adverbial is no content: "In the end, Patriot agreed."
_ADVERBIAL_BEFORE = re.compile(
    r"^(?:In|At|On|During|After|Before|Since|For|With|Without|Having|Despite|Following|"
    r"Like|Unlike|As|Over|Under|By|Later|Earlier|A\s+few|Last|This|Then|Now)\b"
)
_TITLE_GLUE = frozenset(
    {"over", "on", "in", "for", "to", "of", "and", "the", "with", "at", "by", "from", "as", "vs"}
)
# Between a cue and a quote that resumes the speaker's words: "said on Monday, "
_RESUMES = re.compile(r"(?:,?\s+[^\s\"“”;:,]+){0,12}?\s*,\s*(?:(?:but|and)\s+)?")
# "African-Americans, he said, can ...": the source interrupts the content.
_PARENTHETICAL = re.compile(
    r"(?:\s+(?:then|now|later|earlier|again))?,\s+(?![a-z]+ing\s)(?:[a-z]+\s+){0,2}(?:can|could|will|would|is|are|was|were|has|have|had|may|might|"
    r"must|should|[a-z]+(?:ed|s))\b"
)
_WORD = re.compile(r"\w")
# A preposition (and an article) with nothing after it: no content.
_STRANDED = re.compile(
    r"(?:about|against|at|by|for|from|in|into|of|on|over|to|with)(?:\s+(?:a|an|the))?\W*"
)
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us"})
_NO_CONTENT = frozenset({"but", "and", "that", "as", "what", "which", "so", "or", "yet", "it"})
_EDITORIAL_LABELS = frozenset(
    {
        "CLARIFICATION",
        "CORRECTION",
        "UPDATE",
        "UPDATED",
        "NOTE",
        "EDITOR'S NOTE",
        "EDITOR’S NOTE",
        "WATCH",
        "READ",
        "RELATED",
        "PHOTOS",
        "VIDEO",
        "PHOTO",
        "ADVERTISEMENT",
        "THE LATEST",  # news-agency series titles and section labels, not speakers
        "BREAKING",
        "BREAKING NEWS",
        "ANALYSIS",
        "OPINION",
        "EXCLUSIVE",
        "LIVE UPDATES",
    }
)
_GERUND_AFTER = re.compile(r",\s+[a-z]+ing\b")
_POSSESSED_NOUNS = frozenset(
    _wordlist(
        """
    accusation accusations acknowledgment admission allegation allegations announcement
    argument arguments assertion assertions assessment assessments belief beliefs bet
    call calls charge charges claim claims complaint complaints concern concerns
    conclusion conclusions contention criticism decision demand demands denial denials
    desire fear fears finding findings goal hope hopes insistence intention message plan
    plans pledge pledges position prediction predictions promise promises proposal
    proposals recommendation recommendations refusal statement statements suggestion
    suggestions suspicion threat threats view views vow warning warnings criticism
    message determination idea ideas rhetoric opposition support endorsement praise
    skepticism misgivings reservations disdain commitment commitments push effort efforts
    attack attacks comment comments remark remarks testimony account explanation response
    reaction case vision theory emphasis assurance assurances guarantee guarantees offer
    request requests rejection attempt attempts adulation advice admiration contempt
    """
    )
)
# Nouns of public judgment and their object ("sharp criticism for failing to ..."), and
# nouns of an attitude and what it is about ("reservations about voting for ..."): cues
# even with no possessor, before these words.
_JUDGMENT_NOUNS = frozenset(
    _wordlist(
        """
    criticism condemnation praise scrutiny backlash outrage outcry ridicule rebuke
    skepticism scepticism
    """
    )
)
_ATTITUDE_NOUNS = frozenset(
    _wordlist(
        """
    hopes reservations reluctance recognition determination eagerness misgivings
    unwillingness insistence
    """
    )
)
_JUDGMENT_OBJECT = frozenset({"for", "of", "over", "about", "against"})
_ATTITUDE_OBJECT = frozenset({"of", "about", "over", "to", "that"})
_NOUN_CUES = trie_pattern(sorted(_POSSESSED_NOUNS | _JUDGMENT_NOUNS | _ATTITUDE_NOUNS))
# The noun first (a fast scan), then its possessor in the few words before it.
_NOUN_CUE = re.compile(
    r"\b(?=[abcdefghimoprstuvw])(?P<cue>"
    + _NOUN_CUES
    + r")\s+(?P<rest>that|to|of|about|for|on|against|over)\b"
)
_DETERMINER_NEXT = re.compile(r"\s+(?:the|a|an|his|her|their|its|our|my|your|this|these|those)\b")
_POSSESSOR = re.compile(
    r"(?P<source>(?!(?:It|That|There|Here|What|Who|He|She|This|Where|How|Let)['’]s\b)"
    r"(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s?|\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)"
    r"|\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*['’]s?)"
    r"\s+(?:(?!(?:a|an|the)\s)[a-z][a-z-]*\s+){0,2}$"  # "his long-standing ideas about"
)
_QUOTE_NEXT = re.compile(r"[,:]?\s*(?=[\"“‘]|'')")  # '' opens a quote in some archives
_COLON_QUOTE = re.compile(r":\s*(?=[\"“]|'')")
_QUOTE_TAIL_WORDS = 6  # unquoted words that may close a quote's sentence
_LONGEST_GAP = 20  # words between two quotes that one content span may still bridge
_CLAUSE_BREAK = re.compile(r"[,;:\"“”]|\b(?:and|but|while|as|because|when|if)\b")
# Words that attribute their clause to unnamed others. One list feeds both the
# regex and its substring prefilter, so a new word cannot be skipped by the filter.
_HEARSAY_ADVERBS = _wordlist("reportedly allegedly purportedly supposedly presumably reputedly")
_HEARSAY_SEEM = _wordlist("seems seem seemed seemingly")  # may follow can/may/might
_HEARSAY_BEFORE_TO = _wordlist("appears appear appeared rumored rumoured")  # + "to"


def _either_case(word: str) -> str:
    """``word`` as a regex that also matches it capitalised (sentence-initial)."""
    return f"[{word[0].upper()}{word[0]}]{word[1:]}"


_HEARSAY = re.compile(
    r"\b(?=[RrAaPpSs])(?:"
    + "|".join(_either_case(w) for w in _HEARSAY_ADVERBS)
    + r"|(?:can\s+|may\s+|might\s+)?(?:"
    + "|".join(w if w.endswith("ly") else rf"{w}(?=\s+(?:to|like)\b)" for w in _HEARSAY_SEEM)
    + "|(?:"
    + "|".join(_either_case(w) if w[0] == "r" else w for w in _HEARSAY_BEFORE_TO)
    + r")\s+to))\b"
)
# Every match holds one of these tails (first letter dropped so a capital still matches).
_HEARSAY_TAILS = {w[1:] for w in (*_HEARSAY_ADVERBS, *_HEARSAY_SEEM, *_HEARSAY_BEFORE_TO)}
_HEARSAY_MARKS = tuple(
    sorted(t for t in _HEARSAY_TAILS if not any(o != t and o in t for o in _HEARSAY_TAILS))
)
_HEARSAY_PASSIVES = frozenset(
    _wordlist(
        """
    expect think believe say report allege consider view regard deem accuse blame
    criticize label dub describe suspect announce confirm ask
    """
    )
)
# After a noun-like cue form: a complement that makes it a verb.
_THAT_NEXT = re.compile(  # not a relative clause: "plans that would ...", "a show that aired"
    r"\s+that\s+(?!(?:is|was|are|were|would|will|could|has|have|had|can|may|might|[a-z]+ed)\b)"
)
_TO_VERB_NEXT = re.compile(
    r"\s+to\s+(?!(?:the|a|an|his|her|their|its|this|that|these|those|my|our|your|[A-Z])\b)[a-z]+"
)
_INTENTIONS = frozenset({"plan", "hope", "wish", "vote", "promise", "pledge", "vow", "demand"})
_SUBJECT_OPENERS = frozenset(_wordlist("the a an many some most other several few all both"))
_DETERMINER_WORDS = frozenset(
    _wordlist("the a an his her their its my our your this that these those whose which what")
)
_EVIDENCE_NOUNS = r"(?:polls?|surveys?|stud(?:y|ies)|reports?|analys(?:is|es)|data|estimates?)"
# "In the latest Gallup poll, ...", "In one study of voters, ..."
_IN_EVIDENCE = re.compile(
    r"[\"“]?(?P<cue>In)\s+(?P<source>(?:the|a|an|this|that|its|their|his|her|one|some|several|"
    rf"many|most|other|[A-Z][\w.’'-]*)\s+(?:[^\s,;:]+\s+){{0,6}}?{_EVIDENCE_NOUNS}\b[^,;:]{{0,60}}?)"
    r"(?:,\s+(?:conducted|released|published|taken|carried)\b[^,;:]{0,60})?,\s+"
)
# "..., by one estimate." closing the sentence
_BY_ESTIMATE = re.compile(
    rf",\s+(?P<cue>by|according\s+to)\s+(?P<source>(?:one|some|several|many|most|other|the|an?|"
    rf"[A-Z][\w.’'-]*)\s+(?:[^\s,;:]+\s+){{0,4}}?{_EVIDENCE_NOUNS})\s*[.!?]?$"
)
_CLAUSE_EDGE = re.compile(r"[,;:]\s*|\s(?:--|—|―)\s")
_STANCE_ADJECTIVES = (
    r"afraid|convinced|confident|sure|certain|worried|concerned|frustrated|skeptical|"
    r"sceptical|critical|supportive|wary|fearful|mindful|dismissive|contemptuous|hopeful|"
    r"optimistic|pessimistic|angry|upset|furious|adamant|determined|eager|reluctant|unsure|"
    r"aware|unaware|opposed|committed|intent|ready|unwilling|willing|proud|disappointed|"
    r"passionate|enthusiastic|excited|nervous|anxious|uneasy|comfortable|uncomfortable|"
    r"satisfied|dissatisfied|unhappy|happy|pleased|displeased|outraged|alarmed|troubled|"
    r"coy|hesitant|keen|bullish|bearish|sympathetic|hostile|cautious|doubtful|dubious|leery|"
    r"suspicious|upbeat|vocal|grateful|surprised|shocked|glad|sorry|ambivalent|undecided"
)
# A role noun that is a stance: "a staunch opponent of", "an outspoken supporter of".
_STANCE_NOUNS = (
    r"supporter|supporters|critic|critics|opponent|opponents|defender|defenders|advocate|"
    r"advocates|proponent|proponents|champion|champions|fan|fans|admirer|admirers|foe|foes"
)
_STANCE_ADVERBS = (
    r"also|very|increasingly|deeply|not|so|too|more|less|particularly|still|now|clearly|"
    r"openly|publicly|privately|long|always|often|highly|sharply|harshly|quite|equally|"
    r"especially|extremely|growing|somewhat|largely|generally|fiercely"
)
_STANCE_HINT = re.compile(
    r"\b(?=[a-z])(?:"
    + trie_pattern(
        _wordlist(_STANCE_ADJECTIVES.replace("|", " ") + " " + _STANCE_NOUNS.replace("|", " "))
    )
    + r")\s+(?:that|about|of|to|with|on|over|toward|towards|whether)\b"
)
_STANCE = re.compile(
    rf"\b(?P<cue>(?:(?:(?:has|have|had|will|would|could|may|might|must|should)(?:n['’]t)?\s+"
    rf"(?:not\s+)?)?(?:is|are|was|were|am|been|be|remains?|remained|seems?|seemed|became|"
    rf"become|grew|grown|appears?|appeared)(?:n['’]t)?\s+(?:(?:{_STANCE_ADVERBS})\s+)*"
    rf"(?:(?:{_STANCE_ADJECTIVES})|(?:an?|the)\s+(?:[a-z-]+\s+){{0,3}}?(?:{_STANCE_NOUNS}))"
    rf"|(?:{_STANCE_ADVERBS})\s+(?:worried|concerned|critical|skeptical|opposed)))\s+"
    rf"(?P<rest>that|about|of|to|with|on|over|toward|towards|whether)\b"
)
_SAYING = frozenset({"say", "tell", "write", "claim", "argue", "insist"})
# A verb inside a phrase found before a gerund, then an object: the object is its subject.
_VERB_IN_SOURCE = re.compile(
    r"\b(?:[a-z]+ed|sent|left|made|took|gave|got|held|brought|saw|found|including)\s+"
    r"(?=(?:the|a|an|this|these|those|many|some|several|two|three|[A-Z0-9])\b)"
)
_CLAUSE_AFTER_OBJECT = re.compile(
    r"\s(?:as|while|because|since|although|though|when|whereas)\s+(?=(?:the|a|an|[A-Z])\b)"
    r"|,?\s+and\s+(?=[a-z]+ing\b)"  # "welcoming the plans, and calling for bases"
)
# A past-tense verb and its object right before a gerund: "issued a statement calling".
_VERB_OBJECT_BEFORE = re.compile(
    r"\b(?:[a-z]+ed|sent|made|gave|held|brought|put|wrote|ran)\s+(?:the|a|an)\s+"
    r"(?:[A-Za-z-]+\s+){0,3}[a-z]+s?\s+$"
)
_WITH_LEAD = re.compile(r"(?:with|without)\s+(?=\S)")
# A gerund used as a noun: "lobbying by loyalists", "the pleading of the family".
_NOMINAL_GERUND = re.compile(r"\s+(?:by|of)\b")
_NOT_BEFORE_SAYING = frozenset(
    _wordlist(
        """
    after before by for from of on in without while when since about against despite
    upon through with like as than is are was were be been being keep keeps kept
    stop stopped start started began begin avoid avoided and or but not
    """
    )
)
# What a quote after a naming word is: a name or a term, not someone's words.
_NAMING_BEFORE = re.compile(
    r"(?:so-called|dubbed|termed|nicknamed|titled|entitled|named|known\s+as|the|a|an|"
    r"hashtag|slogan|word|words|phrase)\s*$"
)
# A participle that names: "known as X"; "called" right after an indefinite noun phrase
# ("a group called Hamas"), the name ending its clause or a verb following it.
_NAMING_NOUN = re.compile(r"\b[Aa]n?\s+(?:[\w’'-]+\s+){0,3}[a-z][\w-]*\s+$")
_NAME_ENDS = re.compile(
    r"\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?!an?\b|the\b)[a-z]+(?:s|ed)\b)"
)
_AS_NEXT = re.compile(r"\s+as\s")
_COMPOUND_HEAD = re.compile(
    r"\b(?:set|raft|series|number|host|slew|batch|package|list|handful|pair|percent|\d+%)\s+of\s+"
    r"(?:[\w-]+\s+)*[A-Z][\w-]*$"
)
_FOUND_OBJECT = re.compile(
    r"\s+(?:(?:a|another|new|other|no)\s+)?(?:ways?|means|themselves|himself|herself|itself|"
    r"ourselves|myself|yourself)\b"
)
_TITLE_CASE = re.compile(r"[\"“‘']?(?:[A-Z0-9][\w’'-]*[\s,:]*)+[\"”’']?")
# The verb group after a subject: auxiliaries and adverbs, then one lower-case verb.
_PREDICATE_VERB = re.compile(
    r"\s+(?:(?:has|have|had|is|are|was|were|been|being|will|would|can|could|did|does|do|"
    r"may|might|must|should|also|not|never|then|now|again|even|still|just|[a-z]+ly)\s+)*"
    r"(?!(?:is|are|was|were|has|have|had|be|not|did|does|do)\b)[a-z][a-z-]+(?:ed|s|ing|t)\b"
)
_AS_BEFORE = re.compile(r",?\s*\b[Aa]s\s*$")
# "the stadium, which, X said, is full": the relative clause around the source is the content
_DASH_RELATIVE = re.compile(r"\s(?:-|--|—|–|―)\s+(?=(?:which|who)\s)")
# A subordinate clause and the comma that closes it: "while most applicants must B, "
_CLOSED_SUBORDINATE = re.compile(
    r"\b(?:[Bb]ecause|[Ww]hile|[Aa]lthough|[Tt]hough|[Ww]hereas|[Ss]ince|[Ii]f|[Ww]hen|[Uu]nless)"
    r"\b[^,;\"“”]*,\s+"
)
_ASIDE_THEN_QUOTE = re.compile(
    r"(?:later|then|again|also|too|afterward|afterwards|on\s+[A-Z]\w+day"
    # "saying during the debate last week, "QUOTE"": a short time or place phrase
    r"|(?:during|in|at|on|after|before|last|this|earlier)\s+[^,;:\"“”]{1,50}?)\s*[,:]\s*(?=[\"“])"
)
_CONTENT_OPENERS = frozenset({"that", "to", "whether"})
_BE = frozenset({"is", "are", "was", "were", "been", "be", "being", "am"})
_JOINED_VERB = re.compile(r"[\w\"”’)],?\s+(?:and|but)\s*$")
_LISTENER = re.compile(
    r"(?:(?:(?:[A-Z][\w.&-]*(?:['’]s)?|of|the)\s+)*?[A-Z][\w.&-]*(?:['’]s)?"
    r"|reporters|him|her|them|me|us|[a-z]+s)\s+"
    r"(?:(?:this|last|on|in|at)\s+(?:[\w-]+\s+){0,2}?(?:week|weekend|month|year|[A-Z]\w*day|"
    r"interview|statement|speech)\s+)?"
    r"(?=(?:he|she|it|they|we|I|there|the|a|his|her|their)\b)"
    r"|(?:reporters|him|her|them|me|us)\s+"
)
_BY_AGENT = re.compile(r"\s+(?:[a-z]+ly\s+)?by\s+(?=\S)")
_PASSIVE_END = re.compile(r",")
_COMPLEMENT_OPENING = re.compile(r"that\s+")
_REPEATED_SPEAKER = frozenset({"he", "she", "they", "we", "i"})
_RELATIVE_SUBJECTS = frozenset({"who", "which", "that"})
_DETERMINED = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Tt]his|[Tt]hese|[Tt]hose)|['’]s)"
    r"\s+(?:[\w-]+\s+)?$"
)
_THAT_AT = re.compile(r"(?=that\s)")
# "These employees, X explained earlier in the hearing, were ...": a time or place after
# the cue, then the content's predicate.
_ASIDE_THEN_PREDICATE = re.compile(
    r"(?:(?:me|us|him|her|them|reporters)\s+)?"  # "A, he told me on Friday, is B"
    r"(?:on|in|at|during|earlier|later|last|this|then|now|again)\b[^,;:\"“”]{0,50}?,"
    r"(?=\s+(?:[a-z]+\s+){0,2}(?:can|could|will|would|is|are|was|were|has|have|had|may|might|"
    r"must|should|[a-z]+(?:ed|s))\b)"
)
_RELATIVE_AFTER_COMMA = re.compile(r",\s+(?P<pronoun>which|who)\b")
_TIME_THEN_COMMA = re.compile(
    r"(?:(?:me|us|him|her|them|reporters)\s+)?(?:then|now|later|earlier|again|"
    r"(?:on|in|at|during|last|this)\s+[^,;\"“”]{1,25}?),"
)  # "A, X said (in a June report), B"
_AUXILIARY_WORDS = frozenset(
    _wordlist("has have had is are was were be been will would can could do does did may might")
)
# After a noun-like form ("plans", "notes"), what only a verb takes: a clause or an infinitive.
_VERB_OBJECT = re.compile(r"\s+to\s+[a-z]+\b")
_WHEN_BEFORE = re.compile(r"(?:^|[,;]\s*|\b)(?:[Ww]hen|[Ii]f|[Oo]nce)\s+$")
_QUESTION_AFTER = re.compile(
    r"\s*(?:(?:about|on|over)\s+|(?=(?:whether|if|how|why|what)\b)|(?=to\s+[a-z]+\b))"
)
_LATE_AGENT = re.compile(r"\s+by\s+(?=\S)")
# "which he said were accompanied by ...": the verb after the cue is the content's
_OBJECT_RELATIVE = re.compile(r"\b(?:which|what)\s+$")
_COMMA = re.compile(r",")
# A free relative opening the source: "what analysts described as X" (the source follows).
_WHAT_IN_SOURCE = re.compile(r"\bwhat\s+")
# "He pitched himself by telling them ...": a gerund after a preposition continues the
# clause, whose subject speaks.
_TIME_PREPOSITION = re.compile(r"(?:After|Before|While|Since|Upon|Despite)")
_VENUE_LEAD = re.compile(r"(?:during|at|in|on)\s+(?:an?|the|his|her|their|its)\s[^,]*$")
_AND_THAT_INSIDE = re.compile(r"\s(?:and|but)\s+that\s")
_SUBORDINATE_BEFORE_GERUND = re.compile(r"\b(?:while|when|before|after|by|as)\s+$")
_PREPOSITION_BEFORE = re.compile(r"\b(?:by|for|from|before)$")
_ASIDE_AFTER_SOURCE = re.compile(
    r"\s*,\s*(?:[a-z]+ing|on|in|at|during|after|before|while|when|as)\b"
)
_TO_BEFORE = re.compile(r"\bto\s+(?:[a-z]+ly\s+)?$")
_STANCE_AFTER = re.compile(r"\s+(?:that|about)\b")
# Framed verbs that also attribute "OBJECT as LABEL": "painted Romney as a rich guy".
_AS_FRAMING = frozenset({"paint", "frame"})
_AS_OBJECT = re.compile(r"[^.;,:\"“”]{1,50}?\sas\s")
_TIME_BEFORE = re.compile(
    rf"\s+(?:in\s+(?:{_MONTH}\s+)?\d{{4}}|in\s+{_MONTH}|(?:on\s+)?{_DAY}|in\s+recent\s+"
    rf"(?:days|weeks|months|years)|(?:earlier\s+|later\s+)?(?:last|this)\s+(?:week|month|year))\s+$"
)

# A restrictive relative or a subordinate clause opening: not after a comma or a dash, nor
# after "not" ("not that ...") or ", and" / ", but" (a clause of its own).
_SUBORDINATOR_BEFORE = re.compile(
    r"(?<![,;:\-—–―])(?<![,;:\-—–―][\"”])(?<!\bnot)(?<!,\sand)(?<!,\sbut)"
    r"\s(?:because|since|when|whenever|if|unless|as|after|before|until|that|who|whom|which|"
    r"where|what|how|why|whether)\s+$"
)
_ASIDE_THEN_THAT = re.compile(r"[^,;:\"“”]{1,80}?,\s+(?=that\s)")  # set off by commas
_ASIDE_DASHES = ("--", "—", "―", "–")
_AND_THAT = re.compile(r"\b(?:and|but)\s+that\s+$")
_INFINITIVE_NEXT = re.compile(r"\s+to\s+[a-z]")
_EMBEDDING_END = re.compile(r"(?:\bthat|(?P<comma>,))\s*$")


# "spoke (emotionally) of X", "has written about X": a framed verb's topic.
_TOPIC_NEXT = re.compile(r"(?:[a-z]+ly\s+)?(?:about|of)\s+(?=[\w\"“])")
# A clause opened by a subject pronoun and its verb, its "that" left out: "(adding) he
# would never", "they wanted".
_PRONOUN_CLAUSE = re.compile(
    r"(?:he|she|they|we|I|it|there)\s+(?:[a-z]+ly\s+)?(?:would|will|is|was|were|are|had|has|"
    r"have|could|can|should|did|does|do|may|might|must|[a-z]+ed|[a-z]+s)\b"
)
# A verb that takes an infinitive, right before a cue verb: "went on to explain", "tried to
# make the case", "won't be able to brag about". Its subject is the cue's source.
_CATENATIVE = re.compile(
    r"\b(?:(?:has|have|had|will|would|could|can|may|might|must|should|did|does|do|also|"
    r"not|never|just|again|still|then|now|only|be|been|[a-z]+n['’]t|[a-z]{3,}ly)\s+){0,3}"
    r"(?:went\s+on|goes\s+on|go\s+on|going\s+on|tr(?:y|ies|ied)|attempt(?:s|ed)?|"
    r"need(?:s|ed)?|continu(?:e|es|ed)|beg(?:an|un|in|ins)|"
    r"start(?:s|ed)?|tend(?:s|ed)?|fail(?:s|ed)?|manag(?:e|es|ed)|came|comes?|stop(?:s|ped)?|"
    r"used|ha(?:s|ve|d)|(?:is|are|was|were|be|been|am|['’]s|['’]re)\s+(?:(?:also|not|"
    r"still|now|[a-z]{3,}ly)\s+)?(?:able|unable|likely|unlikely|set|ready|willing|eager|"
    r"quick|slow|going|due|poised|prepared|reluctant|careful|expected|scheduled|forced|about))"
    r"\s+to\s+$"
)
# Contracted auxiliaries, spelled out: "isn't saying" is "is not saying".
_CONTRACTIONS = {
    "'s": "is",
    "'re": "are",
    "'m": "am",
    "'ve": "have",
    "'ll": "will",
    "'d": "would",
    "won't": "will",
    "can't": "can",
    "cannot": "can",
}


def _auxiliary_words(group: str, gerund: bool) -> set[str]:
    """The auxiliaries and adverbs before a cue verb, contractions spelled out ("'s" is
    "is" before a gerund, "has" before a participle)."""
    words = set(group.lower().replace("’", "'").split())
    if "'" not in group and "’" not in group and "cannot" not in words:
        return words
    spelled: set[str] = set()
    for word in words:
        if word.endswith("n't"):
            spelled.update((_CONTRACTIONS.get(word, word[:-3]), "not"))
        elif word == "'s" and not gerund:
            spelled.add("has")
        else:
            spelled.add(_CONTRACTIONS.get(word, word))
    return spelled


class _Finder:
    def __init__(self, text: str, units: Sequence[Unit], regions: Sequence[QuoteRegion]) -> None:
        self.text = text
        self.units = units
        self.regions = regions
        self.region_starts = [r.start for r in regions]
        self.region_ends = {r.end: r for r in regions}
        self.claimed: list[tuple[int, int]] = []  # sorted
        self.longest = 0
        self.found: list[Found] = []
        self.pending: list[tuple[Found, Unit]] = []  # gerund attributions awaiting a subject
        self.unit_cues: list[Cue] = []  # every cue of the unit being read
        self.cuts: dict[tuple[int, int, bool], int] = {}  # cut() is pure: computed once

    # -- helpers --------------------------------------------------------------------

    def in_quote(self, pos: int) -> QuoteRegion | None:
        i = bisect_right(self.region_starts, pos) - 1
        # Regions can nest (a single-quoted title inside a double quote): look back a bit.
        for region in self.regions[max(0, i - 2) : i + 1]:
            if region.start <= pos < region.end:
                return region
        return None

    def regions_in(self, start: int, end: int) -> list[QuoteRegion]:
        i = bisect_left(self.region_starts, start)
        j = bisect_left(self.region_starts, end)
        return [r for r in self.regions[i:j] if r.end <= end]

    def regions_starting_in(self, start: int, end: int) -> list[QuoteRegion]:
        i = bisect_left(self.region_starts, start)
        j = bisect_left(self.region_starts, end)
        return list(self.regions[i:j])

    def is_claimed(self, start: int, end: int) -> bool:
        """True if any claimed span overlaps ``[start, end)``."""
        # claims_near without the list and generator: this runs for every cue and span.
        claimed = self.claimed
        hi = bisect_left(claimed, (end, -1))
        for i in range(bisect_left(claimed, (start - self.longest, -1)), hi):
            if claimed[i][1] > start:
                return True
        return False

    def claims_near(self, start: int, end: int) -> list[tuple[int, int]]:
        """Claimed spans that start before ``end`` and could reach ``start``."""
        hi = bisect_left(self.claimed, (end, -1))
        lo = bisect_left(self.claimed, (start - self.longest, -1))
        return self.claimed[lo:hi]

    def mark(self, span: tuple[int, int]) -> None:
        insort(self.claimed, span)
        self.longest = max(self.longest, span[1] - span[0])

    def claim(self, found: Found) -> None:
        for span in (found.content, found.cue, found.source):
            if span is not None:
                self.mark(span)
        self.found.append(found)

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """Strip space, a trailing comma, and a final period that is not inside a quote."""
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",:;"):
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        while end > start and text[end - 1] in ",;:—―–-":
            end -= 1
            while end > start and text[end - 1].isspace():
                end -= 1
        if end > start and text[end - 1] in ".!?" and self.in_quote(end - 1) is None:
            end -= 1
        if end > start and text[end - 1] == ")" and text.count("(", start, end) == 0:
            end -= 1  # "(as one paper called it, 'a farce')": the aside's closing parenthesis
            if end > start and text[end - 1] in ".!?" and self.in_quote(end - 1) is None:
                end -= 1
        return start, end

    def cut(self, start: int, end: int, obj: bool = True) -> int:
        """Where a content after its cue ends: before "according to", a concessive clause
        or a semicolon; a noun phrase also before a relative clause, a gerund, a dash, an
        adjunct, a second predicate and a trailing time or venue ("on Tuesday", "in an
        interview"), which PolNeAR leaves out of the content. ``obj=False`` when the text
        from ``start`` continues a content that began earlier (no noun-phrase rules)."""
        key = (start, end, obj)
        if key not in self.cuts:
            self.cuts[key] = self.find_cut(start, end, obj)
        return self.cuts[key]

    def find_cut(self, start: int, end: int, obj: bool) -> int:
        for m in _CUT.finditer(self.text, start, end):
            aside = m.group("aside")
            if aside and (
                self.text.find(f" {aside} ", m.end(), end) >= 0
                or self.text.count(f" {aside} ", start, m.start()) % 2
            ):
                continue  # "the top 1 percent -- those earning ... -- would face": an aside
            if (
                m.group("despite")
                and self.clause_opening(start, end)
                and _QUESTION_WORD.match(self.text, self.first(start, end)) is None
            ):
                continue  # "argues that X, despite Y": the speaker's concession
            if (m.group("joined") == "" or m.group("purpose") is not None) and not self.object_like(
                self.first(start, end), m.start()
            ):
                continue  # "said the economy grew and the rate fell a point": one content
            if aside and self.quote_opens(m.end()):
                continue  # "said the museum would tell ... -- "the slave, the porter"": his words
            at = self.cut_at(m.start())
            if at is not None:
                end = at
                break
        first = self.first(start, end)  # the first word, past any space after the cue
        noun = obj and self.object_like(first, end)
        if noun:
            last = self.trim(first, end)[1]
            month = (
                _DATE_TAIL.search(self.text, first, last)
                if self.text.endswith(_MONTH_NAMES, first, last)
                or self.text[max(first, last - 4) : last].isdecimal()
                else None  # most contents: no month or year to end on, no regex scan
            )
            if month is not None and month.start() > first:
                end = month.start()  # "endorsed one in July": the date is the cue's
            for m in _OBJECT_CUT.finditer(self.text, first, end):
                dash = m.group("dash")
                if dash and self.text.count(f" {dash} ", first, m.start()) % 2:
                    continue  # the dash closing an aside: "families - gay, straight - would"
                if dash and self.quote_opens(m.end()):
                    continue  # a quote after the dash: the speaker's own words go on
                if m.group("relative") and _RESUMED.search(self.text, m.end(), end):
                    continue  # "accused X, who was born in Cuba, of ...": the object goes on
                if self.in_quote(m.start()) is None:
                    end = m.start()
                    break
            day = _DAY_CUT.search(self.text, first, end)
            if (
                day is not None
                and self.text.find(" ", first, day.start()) > 0  # not "told on Friday, ..."
                and self.in_quote(day.start()) is None
            ):
                end = day.start()  # "offered advice to X on Friday in ...": the cue's time
            for m in _ADJUNCT_CUT.finditer(self.text, first, end):
                if _VERBAL.match(self.text, first, m.start()):
                    break
                if m.start() > first and self.in_quote(m.start()) is None:
                    end = m.start()
                    break
        if obj:
            end = self.second_predicate(first, end)
        end = self.appositive(first, end)
        if noun:
            end = self.event_appositive(first, end)
        opening = self.in_quote(start)
        if opening is not None and opening.start == start and opening.end < end:
            rest = self.text[opening.end : end].strip(" ,.")
            if _ADVERBIAL_BEFORE.match(rest) or _CLAUSE_AFTER_QUOTE.match(rest):
                return opening.end  # "Speaks 'Directly To White People' After ...": the quote
        trimmed = self.trim(start, end)[1]
        tail = _TAIL.search(self.text, max(start, trimmed - 80), trimmed)
        if (
            tail
            and tail.start() > start
            and self.in_quote(tail.start()) is None
            and (not obj or noun)  # a clause keeps its own adjuncts
        ):
            if not noun:
                return tail.start()
            end = trimmed = tail.start()
        if noun:
            setting = _SETTING_TAIL.search(self.text, max(first, trimmed - 60), trimmed)
            if setting and setting.start() > first and self.in_quote(setting.start()) is None:
                return setting.start()  # "denounced the plan in a speech": the cue's setting
        return end

    def cut_at(self, pos: int) -> int | None:
        """Where a content ends for a break found at ``pos``: there, outside quotes; after
        the closing mark when ``pos`` is a comma just inside it ('promised "jobs," but he');
        None inside a quote."""
        region = self.in_quote(pos)
        if region is None:
            return pos
        if region.end - pos == 2 and self.text[pos] == "," and region.end < len(self.text):
            return region.end
        return None

    def first(self, start: int, end: int) -> int:
        """Where the first word after ``start`` begins (past space and punctuation)."""
        lead = _LEADING.match(self.text, start, end)
        return lead.end() if lead else start

    def clause_opening(self, start: int, end: int) -> bool:
        """True when the content from ``start`` opens with a complementiser or a quote."""
        return _CLAUSE_OPENING.match(self.text, self.first(start, end), end) is not None

    def quote_opens(self, pos: int) -> bool:
        """True when a quote opens at ``pos`` (past any space)."""
        while pos < len(self.text) and self.text[pos] == " ":
            pos += 1
        region = self.in_quote(pos)
        return region is not None and region.start == pos

    def subordinate_end(self, lo: int, start: int, end: int) -> int:
        """A content in a subordinate clause (opening the sentence or after a comma or a
        conjunction) ends at the first comma ("Although X has admitted CONTENT, he does
        not defend it", "and once he has said CONTENT, he moves on")."""
        text = self.text
        opening = _SUBORDINATE_OPENING.match(text, lo, start)
        if opening is None:
            mids = list(_SUBORDINATE_MID.finditer(text, lo, start))
            if not mids:
                return end
            lo = mids[-1].end()  # "..., and once he has said CONTENT, he ..."
        if self.pause(lo, start) >= 0:
            return end  # the subordinate clause closed before the cue
        comma = self.pause(start, end)
        if comma >= 0 and _LISTED_VERB.match(self.text, comma, end):
            return end  # "when he painted X as a man who hid Y, gamed the code and ...": a list
        return end if comma < 0 else comma

    def appositive(self, start: int, end: int) -> int:
        """End a content before an appositive that describes its final name and closes
        the sentence ("... in partnership with NATO, the existing alliance that ...")."""
        if _APPOSITIVE_HINT.search(self.text, start, end) is None:
            return end  # most contents: one fast scan
        trimmed = self.trim(start, end)[1]
        m = _APPOSITIVE.search(self.text, start, trimmed)
        if m is None or self.in_quote(m.start("comma")) is not None:
            return end
        if len(self.text[start : m.start()].split()) < 3:
            return end  # the name is the content: "Percy Walton, the inmate whose ..."
        rest = m.group("rest")
        if _LIST_END.search(rest):
            return end  # "the Kremlin, the Pentagon and the banks": a list
        finite = _FINITE.search(rest)
        if finite and not _RELATIVE.search(rest, 0, finite.start()):
            return end  # a clause goes on: a list of subjects, not an appositive
        return m.start("comma")

    def event_appositive(self, start: int, end: int) -> int:
        """End a noun-phrase content before a closing appositive that sums up the event
        ("endorsed X on Thursday, another sign of ...")."""
        text = self.text
        comma = text.find(", ", start, end)
        if comma < 0:
            return end  # most contents: one fast scan
        trimmed = self.trim(start, end)[1]
        m = _EVENT_APPOSITIVE.search(text, comma, trimmed)
        if m is None or self.in_quote(m.start("comma")) is not None:
            return end
        if len(text[start : m.start()].split()) < 3:
            return end  # the name is the content: "Percy Walton, the inmate whose ..."
        rest = m.group("rest")
        if _LIST_END.search(rest) or _APPOSITIVE_RESUMED.search(rest):
            return end  # a list, or an aside after which the content goes on
        finite = _FINITE.search(rest)
        if finite and not _RELATIVE.search(rest, 0, finite.start()):
            return end  # a clause goes on: a list of subjects, not an appositive
        return m.start("comma")

    def pause(self, start: int, end: int) -> int:
        """The first comma (not in a number, not in a quote) in ``[start, end)``, or -1."""
        for m in _PAUSE.finditer(self.text, start, end):
            region = self.in_quote(m.start())
            if region is None:
                return m.start()
            if region.end - m.start() <= 3 and region.end < end:
                return region.end  # 'would "learn nothing," there would be': the quote's comma
        return -1

    def second_predicate(self, start: int, end: int) -> int:
        """End a noun-phrase content before a second predicate of the cue's subject."""
        text = self.text
        opening = self.in_quote(start)
        if (
            opening is not None
            and opening.start == start
            and _PREDICATE_AFTER_QUOTE.match(text, opening.end, end)
        ):
            return opening.end  # 'chanted "What curfew?" and kept going'
        if _CLAUSE_OPENING.match(text, start, end) or opening is not None:
            return end
        if _INFINITIVE.match(text, start, end):
            return end  # "vowed not to repeat it and established ...": all of it
        for m in _SECOND_PREDICATE.finditer(text, start, end):
            if self.in_quote(m.start()) is not None or self.in_dash_aside(start, m.start(), end):
                continue
            if _FINITE.search(text, start, m.start()) or _NAME_VERB.match(text, start, m.start()):
                return end
            if _RELATIVE_VERB.search(text, start, m.start()):
                return end  # "X as a man who inherited Y, gamed Z and looked down on ...": his
            return m.start()
        return end

    def in_dash_aside(self, start: int, pos: int, end: int) -> bool:
        """True when ``pos`` lies between two spaced dashes of ``[start, end)`` ("flowed
        through -- and was sometimes set back by -- rulings")."""
        before = self.text[start:pos] + " "
        return any(
            before.count(f" {dash} ") % 2 and self.text.find(f" {dash} ", pos, end) >= 0
            for dash in _ASIDE_DASHES
        )

    def object_like(self, start: int, end: int) -> bool:
        """True when the content starting at ``start`` is a noun phrase or an infinitive
        rather than a clause: no complementiser, no quote, no finite verb before the
        first comma or dash."""
        text = self.text
        if _CLAUSE_OPENING.match(text, start, end) or self.in_quote(start) is not None:
            return False
        if text.find(":", start, end) >= 0:
            return False  # "the story of Copenhagen: In December ...": a clause follows
        stretch = _STRETCH_END.search(text, start, end)
        stop = stretch.start() if stretch else end
        sub = _SUBORDINATE_WORD.search(text, start, stop)
        if sub is not None:
            stop = sub.start()  # "X as an evangelist when he ran": that verb is the adjunct's
        if _NAME_VERB.match(text, start, stop):
            return False
        if stretch is not None and text[stop] == "," and not _ADJUNCT_CUT.search(text, start, stop):
            closing = text.find(",", stop + 1, end)
            if closing >= 0 and _ASIDE_THEN_VERB.match(text, closing, end):
                return False  # the subject of a clause, an aside, then its verb
        return _FINITE.search(text, start, stop) is None

    def clip(self, start: int, end: int) -> tuple[int, int]:
        """End a content where a span already claimed begins ("A said X, and B warned Y"),
        dropping the conjunction that joined them."""
        later = [a for a, _ in self.claims_near(start, end) if a > start]
        if not later:
            return start, end
        end = min(later)
        m = _TRAILING_JOIN.search(self.text, start, end)
        return start, m.start() if m else end

    def kind_of(self, content: tuple[int, int], default: AttributionKind) -> AttributionKind:
        inside = self.regions_in(*content)
        last = self.final_quote(content[1])
        if last is not None and last not in inside:
            inside.append(last)
            content = (content[0], last.end)
        if not inside:
            return default
        outside = self.text[content[0] : content[1]]
        for region in reversed(inside):
            a, b = region.start - content[0], region.end - content[0]
            outside = outside[:a] + outside[b:]
        if not re.search(r"\w", outside):
            return AttributionKind.DIRECT
        return AttributionKind.PARTIAL if default is not AttributionKind.ACCORDING_TO else default

    # -- the shapes -----------------------------------------------------------------

    def run(self) -> list[Found]:
        previous = -1
        for unit in self.units:
            self.speaker_label(unit, unit.paragraph != previous)
            previous = unit.paragraph
            if unit.headline:
                self.headline(unit)
            self.dash_name(unit)
            self.unit_cues = [
                c
                for c in find_cues(self.text, unit.start, unit.end)
                if c.info.lemma != "say" or not self.said_aside(unit, c)
            ]  # "That said, ...", "Having said that, ...": a discourse marker, no cue
            cues = [c for c in self.unit_cues if self.usable(unit, c)]
            zones = self.reported_clauses(unit, cues)
            for cue in reversed(cues):
                if zones and not cue.info.gerund and self.in_zone(cue, zones):
                    continue  # "X said that Y attacked Z": Y's words are X's content
                if not self.is_claimed(cue.verb_start, cue.end):
                    self.analyse(unit, cue)
            self.hearsay(unit)
            self.in_evidence(unit)
            self.stance(unit)
            self.nominal(unit)
            self.give_subjects()
        for unit in self.units:
            self.colon_quote(unit)
        for unit in self.units:
            self.quoted_predicate(unit)
        self.extend_quotes()
        self.standalone_quotes()
        self.found.sort(key=lambda f: f.content[0])
        return self.found

    def reported_clauses(self, unit: Unit, cues: list[Cue]) -> list[tuple[int, int]]:
        """The spans of ``X said that CLAUSE``: a cue inside one reports nothing of its own
        (PolNeAR gives every word one label, and the clause is X's content)."""
        zones = []
        for cue in cues:
            if not cue.info.speech:
                continue
            m = _THAT_CLAUSE.match(self.text, cue.end, unit.end)
            if m is None and cue.info.takes_object:  # "told reporters that CLAUSE"
                start = self.content_start(cue.end, unit.end, cue.info)
                between = self.text[cue.end : start].strip() if start is not None else ""
                if between and _LISTENER_ONLY.match(re.sub(r"[\"“”]", "", between)):
                    m = _THAT_AT.match(self.text, start or 0, unit.end)
            if m is None and not cue.info.gerund:
                both = self.and_that_clause(unit, cue)
                if both is not None:
                    zones.append(both)
                    continue
            if m is None:
                m = _PARENTHETICAL.match(self.text, cue.end, unit.end)
                if m is None or not _SOURCE_SET_OFF.search(self.text, unit.start, cue.start):
                    continue
                m = _PAUSE.search(self.text, cue.end, m.end())  # "A, X said, B": B is X's too
                if m is None:
                    continue
            end = self.cut(m.end(), unit.end)
            zones.append((m.end(), self.zone_end(m.end(), end)))
        return zones

    def zone_end(self, start: int, end: int) -> int:
        """Where a reported clause stops: a new coordinated clause, a semicolon, a dash
        that opens no aside, or a closing quote and a conjunction ("and that B" goes on)."""
        for stop in _ZONE_BREAK.finditer(self.text, start, end):
            dash = stop.group("dash")
            if dash and self.text.find(f" {dash} ", stop.end(), end) >= 0:
                continue  # "that Trump -- even as he says ... -- has proposed": an aside
            return stop.start()
        return end

    def and_that_clause(self, unit: Unit, cue: Cue) -> tuple[int, int] | None:
        """``said the videos were X and that the footage did not show Y``: a bare reported
        clause coordinated with a that-clause is reported too (both up to the cut)."""
        if _AND_THAT_INSIDE.search(self.text, cue.end, unit.end) is None:
            return None  # most cues: one fast scan
        start = self.content_start(cue.end, unit.end, cue.info)
        if start is None or self.text[start : start + 5] == "that ":
            return None
        end = self.cut(start, unit.end)
        if _AND_THAT_INSIDE.search(self.text, start, end) is None:
            return None
        return start, end

    @staticmethod
    def in_zone(cue: Cue, zones: list[tuple[int, int]]) -> bool:
        return any(a <= cue.start < b for a, b in zones)

    def usable(self, unit: Unit, cue: Cue) -> bool:
        """Not inside a quote; not a capitalised word mid-sentence (a name, a title)."""
        if self.in_quote(cue.verb_start) is not None:
            return False
        if unit.headline or not self.text[cue.verb_start].isupper():
            return True
        before = self.text[unit.start : cue.start].strip()
        return not before or before[-1] in _OPEN_MARKS

    def said_aside(self, unit: Unit, cue: Cue) -> bool:
        m = _SAID_ASIDE.search(self.text, max(unit.start, cue.verb_start - 8), cue.end + 8)
        return m is not None and m.start() < cue.verb_start < m.end()

    def unit_start(self, unit: Unit, before: int) -> int:
        """Where content before a cue can start: after anything already claimed."""
        start = unit.start
        for _, b in self.claims_near(unit.start, before):
            if unit.start <= b <= before:
                start = max(start, b)
        return start

    def add(
        self,
        unit: Unit,
        content: tuple[int, int],
        cue: tuple[int, int] | None,
        source: tuple[int, int] | None,
        default: AttributionKind,
    ) -> bool:
        content = self.trim(*self.clip(*content))
        if content[1] - content[0] < 2 or self.is_claimed(*content):
            return False
        if self.text[content[0] : content[1]].lower() in _NO_CONTENT:
            return False  # "His ex-wife agreed, but ...": a lone function word
        if _STRANDED.fullmatch(self.text, *content) or not _WORD.search(self.text, *content):
            return False  # "something most leaders would disagree with": its object came first
        if (
            cue is not None
            and content[0] > cue[1]
            and _VERB_FIRST.match(self.text, content[0])
            and not (
                source and _OBJECT_RELATIVE.search(self.text, max(0, source[0] - 12), source[0])
            )
        ):
            return False  # "anybody who complains is ...": the cue had no content
        if (
            cue is not None
            and content[0] > cue[1]
            and _JOINED_NEXT.match(self.text, content[0])
            and not self.text[cue[1] : content[0]].strip()
        ):
            return False  # "who said and did the same things": two verbs, no content
        kind = self.kind_of(content, default)
        if (
            default is AttributionKind.DIRECT
            and self.in_quote(content[0])
            and self.final_quote(content[1])
        ):
            kind = default  # a quote split around its speaker: still the speaker's words
        self.claim(Found(content, cue, source, kind, unit.paragraph))
        return True

    def analyse(self, unit: Unit, cue: Cue) -> None:
        info = cue.info
        span = (cue.start, cue.end)
        if info.lemma == "according to":
            self.according_to(unit, span)
            return
        lo = self.unit_start(unit, cue.start)
        if not info.gerund and self.text[cue.start - 3 : cue.start] == "to ":
            chain = _CATENATIVE.search(self.text, max(lo, cue.start - 60), cue.start)
            if chain is not None:  # "went on to explain": the subject of "went on"
                cue = Cue(chain.start(), cue.end, cue.verb_start, info)
        auxiliaries = _auxiliary_words(self.text[cue.start : cue.verb_start], info.gerund)
        passive = bool(auxiliaries & _BE) and not info.gerund
        if passive and self.text[cue.verb_start : cue.end].lower() != info.lemma:
            self.passive(unit, cue, lo)  # "was confirmed", "is considered": no source before
            return
        if not auxiliaries & _AUXILIARY_WORDS and self.naming(cue):
            return  # "a group called Hamas", "budget cuts known as sequestration": a name
        if info.gerund and not auxiliaries & _BE:
            if self.fronted(unit, cue, lo):
                return
            if not self.continuation(unit, cue, lo):
                self.quoting(unit, cue, lo)  # "protesters chanting "Hands up, don't shoot.""
            return
        source = source_before(self.text, lo, cue.start)
        if source is None:
            time = _TIME_BEFORE.search(self.text, max(lo, cue.start - 40), cue.start)
            if time is not None:  # "An ad in 2008 questioned whether"
                source = source_before(self.text, lo, time.start())
        if source is not None:
            wh = _WHAT_IN_SOURCE.search(self.text, source[0], source[1])
            if wh is not None and wh.end() < source[1]:
                source = (wh.end(), source[1])  # "engaging in what analysts described as"
        if source is None or self.is_claimed(*source):
            to = _TO_BEFORE.search(self.text, lo, cue.start)
            if to is not None:
                self.infinitive(unit, cue, lo, to.start())
            elif _WHEN_BEFORE.search(self.text, lo, cue.start) or (
                not self.text[lo : cue.start].strip()
                and self.text[cue.verb_start].isupper()
                and _QUESTION_AFTER.match(self.text, cue.end, unit.end)
            ):
                self.when_asked(unit, cue)  # "Asked about X, Trump said": no "when" needed
            elif not self.inverted(unit, cue, lo):
                self.coordinated(unit, cue, lo)
            return
        if self.embedded(lo, source[0], cue, unit):
            return
        if info.lemma == "put it":
            self.as_put_it(unit, cue, lo, source)
            return
        base = self.text[cue.verb_start : cue.end].lower() == info.lemma and " " not in info.lemma
        if (
            (info.plural or base)
            and not auxiliaries
            and not plural_source(self.text[source[0] : source[1]])
            and not self.complement_next(cue, source)
        ):
            return  # "a think tank", "their support": a base form needs a plural subject
        if not self.verb_like(cue, source):
            return
        self.with_source(unit, cue, source)

    def naming(self, cue: Cue) -> bool:
        """``known as X`` and ``a NOUN called Name``: a participle that names something
        (and ``found a way``, ``find themselves``: a verb that reports no finding)."""
        text = self.text
        word = text[cue.verb_start : cue.end].lower()
        if word == "known":
            return _AS_NEXT.match(text, cue.end) is not None
        if cue.info.lemma == "find":  # "found a way to", "find themselves in": no finding
            return _FOUND_OBJECT.match(text, cue.end) is not None
        return (
            word == "called"
            and _NAMING_NOUN.search(text, max(0, cue.start - 30), cue.start) is not None
            and _NAME_ENDS.match(text, cue.end) is not None
        )

    def infinitive(self, unit: Unit, cue: Cue, lo: int, to: int) -> None:
        """``Caddell went on to discuss CONTENT``: the subject of the verb that governs the
        infinitive is the source; that verb joins the cue."""
        if not cue.info.speech or self.text[cue.verb_start : cue.end].lower() != cue.info.lemma:
            return  # "respond to requests": "to" is a preposition before a noun
        found = infinitive_subject(self.text, lo, to)
        if found is None or self.is_claimed(*found[0]):
            return
        source, verb = found
        if len(self.text[verb:to].split()) > 4:
            return  # "is simply creating a more transparent way to report": no control verb
        if any(
            c.verb_start < to
            and self.in_quote(c.verb_start) is None
            and len(self.text[c.end : to].split()) > 1  # "continues to insist": the verb itself
            for c in self.unit_cues
        ):
            # "said she wanted to speak", "refused to disclose": another cue's content
            return
        start = self.content_start(cue.end, unit.end, cue.info)
        if start is None or start >= unit.end:
            return
        end = self.cut(start, unit.end)
        self.add(unit, (start, end), (verb, cue.end), source, AttributionKind.INDIRECT)

    def when_asked(self, unit: Unit, cue: Cue) -> None:
        """``When pressed by Holt about how ..., he said``: the asker after "by" is the
        source, the question (up to the comma) the content."""
        if self.text[cue.verb_start : cue.end].lower() == cue.info.lemma:
            return  # "When they say ...": not a participle
        pos, source = cue.end, None
        by = _BY_AGENT.match(self.text, cue.end, unit.end)
        if by is not None:
            source = source_after(self.text, by.end(), unit.end, any_first=True)
            if source is None:
                return
            pos = source[1]
        m = _QUESTION_AFTER.match(self.text, pos, unit.end)
        comma = self.text.find(",", pos, unit.end)
        if m is None or comma < 0:
            return
        self.add(unit, (m.end(), comma), (cue.start, cue.end), source, AttributionKind.INDIRECT)

    def passive(self, unit: Unit, cue: Cue, lo: int) -> None:
        """``The issue was first reported by The Post``: the subject is the content, the
        agent after "by" the source; with no agent (``North Korea is not thought to be
        capable ...``), the whole clause is the content, with no source."""
        subject = source_before(self.text, lo, cue.start)
        if subject is None and cue.info.lemma in _HEARSAY_PASSIVES:
            subject = self.passive_subject(lo, cue)
        if subject is None or self.is_claimed(*subject):
            return
        span = (cue.start, cue.end)
        by = _BY_AGENT.match(self.text, cue.end, unit.end)
        if by is not None:
            agent = source_after(self.text, by.end(), unit.end, any_first=True)
            if agent is not None and self.text[subject[0] : subject[1]].lower() not in _PRONOUNS:
                self.add(unit, subject, span, agent, AttributionKind.INDIRECT)
            return  # "they were backed by X": a pronoun alone says nothing of what X backed
        if cue.info.lemma == "charge" or _STANCE_AFTER.match(self.text, cue.end):
            return  # "was charged with manslaughter"; "are worried that": a stance
        if self.text[subject[0] : subject[1]].lower() in {"who", "which", "that"} or any(
            c.end <= subject[0] and self.in_quote(c.verb_start) is None for c in self.unit_cues
        ):
            return  # "he said that one was found nearby": part of another content
        end = self.cut(cue.end, unit.end)
        for comma in _PASSIVE_END.finditer(self.text, cue.end, end):
            if self.in_quote(comma.start()) is None:
                end = comma.start()  # the passive clause ends at its first comma
                break
        later = _LATE_AGENT.search(self.text, cue.end, end)
        if later is not None and len(self.text[cue.end : later.start()].split()) <= 4:
            agent = source_after(self.text, later.end(), end, any_first=True)
            if agent is not None:
                # "X has been called a charlatan by fellow physicians"
                self.add(unit, (subject[0], later.start()), span, agent, AttributionKind.INDIRECT)
                return
        if cue.info.lemma in _HEARSAY_PASSIVES:  # "is expected to", not "was found in a drawer"
            self.add(unit, (subject[0], end), span, None, AttributionKind.INDIRECT)

    def passive_subject(self, lo: int, cue: Cue) -> tuple[int, int] | None:
        """``About one of every nine voters this fall is expected to be ...``: before a
        passive and its infinitive, the clause's words up to the verb are its subject
        (a noun phrase too long or odd for a source)."""
        if not _INFINITIVE_NEXT.match(self.text, cue.end):
            return None
        start = lo
        for m in _CLAUSE_EDGE.finditer(self.text, lo, cue.start):
            start = m.end()
        words = self.text[start : cue.start].split()
        if not 2 <= len(words) <= 12 or not (
            words[0][0].isupper() or words[0].lower() in _DETERMINER_WORDS
        ):
            return None
        if self.in_quote(start) is not None or self.regions_in(start, cue.start):
            return None
        return start, start + len(self.text[start : cue.start].rstrip())

    def as_put_it(self, unit: Unit, cue: Cue, lo: int, source: tuple[int, int]) -> None:
        """``As X put it, CONTENT`` and ``CONTENT, as X put it``; "he put it on the
        table" attributes nothing."""
        m = _AS_BEFORE.search(self.text, lo, source[0])
        if m is None:
            return
        after = self.content_start(cue.end, unit.end, cue.info)
        region = self.in_quote(after) if after is not None and after > cue.end else None
        if (
            region is not None
            and region.start == after
            and not self.text[region.end : unit.end].strip(" .")
            and self.text[cue.end : after].strip().endswith(",")
        ):
            content = (region.start, region.end)  # "A, as X put it in Y, "QUOTE."": the quote
        elif self.text[lo : m.start()].strip(" ,"):
            clauses = list(_CLOSED_SUBORDINATE.finditer(self.text, lo, m.start()))
            if clauses:  # "A, because while B, C, as X put it": the main clause C
                lo = clauses[-1].end()
            content = (lo, m.start())  # "CONTENT, as X put it"
        else:
            content = (cue.end, self.cut(cue.end, unit.end))
        self.add(unit, content, (cue.start, cue.end), source, AttributionKind.INDIRECT)

    def in_evidence(self, unit: Unit) -> None:
        """``In the latest poll, CONTENT`` and ``CONTENT, by one estimate``: a poll, study or
        report named in an opening (or closing) phrase is the source of the clause."""
        text = self.text
        m = _IN_EVIDENCE.match(text, unit.start, unit.end)
        if m is not None and not self.is_claimed(m.start(), unit.end):
            start = m.end()
            content = (start, self.cut(start, unit.end))
            self.add(unit, content, m.span("cue"), m.span("source"), AttributionKind.INDIRECT)
            return
        m = _BY_ESTIMATE.search(text, max(unit.start, unit.end - 120), unit.end)
        if m is not None and not self.is_claimed(unit.start, m.end()):
            content = (unit.start, m.start())
            self.add(unit, content, m.span("cue"), m.span("source"), AttributionKind.INDIRECT)

    def hearsay(self, unit: Unit) -> None:
        """``He reportedly brandished a pistol``: the adverb attributes its clause to
        unnamed others (no source span)."""
        words = self.text[unit.start : unit.end]
        if not any(mark in words for mark in _HEARSAY_MARKS):
            return  # most sentences: a few substring checks instead of a regex scan
        for m in _HEARSAY.finditer(self.text, unit.start, unit.end):
            if self.in_quote(m.start()) is not None or self.is_claimed(m.start(), m.end()):
                continue
            start = unit.start
            for b in _CLAUSE_EDGE.finditer(self.text, unit.start, m.start()):
                start = b.end()
            self.add(
                unit,
                (start, self.cut(m.end(), unit.end, obj=False)),
                m.span(),
                None,
                AttributionKind.INDIRECT,
            )

    def stance(self, unit: Unit) -> None:
        """``Protesters were frustrated that ...``, ``Many Democrats are afraid that ...``:
        a state of mind, stated with "to be" and an adjective, attributes what follows."""
        hint = _STANCE_HINT.search(self.text, unit.start, unit.end)
        if hint is None:
            return  # most sentences: one fast scan for the adjective or noun
        # The verb group before the first adjective is short: start a word boundary or
        # so before it.
        lo = max(unit.start, self.text.rfind(" ", unit.start, max(unit.start, hint.start() - 80)))
        for m in _STANCE.finditer(self.text, lo, unit.end):
            if self.in_quote(m.start()) is not None or self.is_claimed(m.start(), m.end()):
                continue
            source = source_before(self.text, self.unit_start(unit, m.start()), m.start())
            if source is None or self.is_claimed(*source):
                continue
            cue, start = self.preposition_in_cue(m.span("cue"), m.start("rest"), m.end("rest"))
            end = self.subordinate_end(
                self.unit_start(unit, start), start, self.cut(start, unit.end)
            )
            self.add(
                unit,
                (start, end),
                cue,
                source,
                AttributionKind.INDIRECT,
            )

    def preposition_in_cue(
        self, cue: tuple[int, int], rest: int, rest_end: int
    ) -> tuple[tuple[int, int], int]:
        """PolNeAR puts a preposition after a stance word in the cue ("critical of",
        "concerned about") but a complementiser or an infinitive's "to" in the content."""
        if self.text[rest:rest_end] in _CONTENT_OPENERS:
            return cue, rest
        start = rest_end
        while start < len(self.text) and self.text[start].isspace():
            start += 1
        return (cue[0], rest_end), start

    def nominal(self, unit: Unit) -> None:
        """``Trump's claim that CONTENT``, ``his promise to CONTENT``: a noun cue whose
        source is the possessive before it."""
        for m in _NOUN_CUE.finditer(self.text, unit.start, unit.end):
            noun = m["cue"]
            owner = (
                _POSSESSOR.search(self.text, max(unit.start, m.start() - 60), m.start())
                if noun in _POSSESSED_NOUNS
                else None
            )
            if owner is None:
                if (noun in _JUDGMENT_NOUNS and m["rest"] in _JUDGMENT_OBJECT) or (
                    noun in _ATTITUDE_NOUNS and m["rest"] in _ATTITUDE_OBJECT
                ):
                    self.reaction(unit, m)
                continue
            if self.in_quote(m.start()) is not None:
                continue
            if self.is_claimed(owner.start(), m.end("cue")):
                continue
            if m.group("rest") == "to" and _DETERMINER_NEXT.match(self.text, m.end("rest")):
                continue  # "his message to the council": "to" is a preposition, no content
            cue, start = self.preposition_in_cue(m.span("cue"), m.start("rest"), m.end("rest"))
            end = self.subordinate_end(
                self.unit_start(unit, start), start, self.cut(start, unit.end)
            )
            end = self.subject_end(start, end)
            self.add(
                unit,
                (start, end),
                cue,
                owner.span("source"),
                AttributionKind.INDIRECT,
            )

    def subject_end(self, start: int, end: int) -> int:
        """A noun cue's phrase content that is not a clause ends where the sentence's verb
        begins ("his determination to act alone inflamed ...", "her remarks about it were
        ...": the noun phrase is the subject)."""
        first = self.first(start, end)
        if self.clause_opening(first, end):
            return end
        stop = _PHRASE_STOP.search(self.text, first, end)
        verb = _MAIN_VERB.search(self.text, first, stop.start() if stop else end)
        if verb is None or self.in_quote(verb.start()) is not None:
            return end
        return verb.start()

    def reaction(self, unit: Unit, m: re.Match[str]) -> None:
        """``came under withering criticism for CONTENT``, ``with hopes of CONTENT``: a
        noun of public judgment or of an attitude, with no possessor, attributes its
        object (to no one named); not inside an earlier cue's content, nor around a quote."""
        if self.in_quote(m.start()) is not None or self.is_claimed(m.start(), m.end()):
            return
        if any(
            c.verb_start < m.start() and self.in_quote(c.verb_start) is None for c in self.unit_cues
        ):
            return  # "references FBI criticism of ...": inside that cue's content
        cue, start = self.preposition_in_cue(m.span("cue"), m.start("rest"), m.end("rest"))
        end = self.subordinate_end(self.unit_start(unit, start), start, self.cut(start, unit.end))
        if self.regions_in(start, end):
            return  # a quote in it: left to the quote rules
        self.add(unit, (start, end), cue, None, AttributionKind.INDIRECT)

    def coordinated(self, unit: Unit, cue: Cue, lo: int) -> None:
        """``X urged A, and criticized B``: the second verb shares the first one's subject
        (given once the whole sentence is read)."""
        verb = self.text[cue.verb_start : cue.end].lower()
        if not cue.info.speech or verb == cue.info.lemma or cue.info.gerund:
            return  # "and demand from China": a base form or a gerund is no second verb
        if not _JOINED_VERB.search(self.text, lo, cue.start):
            return
        start = self.content_start(cue.end, unit.end, cue.info)
        if start is None or start >= unit.end:
            return
        if self.add(
            unit,
            (start, self.subordinate_end(lo, start, self.cut(start, unit.end))),
            (cue.start, cue.end),
            None,
            AttributionKind.INDIRECT,
        ):
            self.pending.append((self.found[-1], unit))  # shares the first verb's subject

    def verb_like(self, cue: Cue, source: tuple[int, int]) -> bool:
        """A form like "calls" or "remarks" is a verb only after a name or a pronoun, and
        never after an auxiliary ("has questions" is a noun)."""
        word = self.text[cue.verb_start : cue.end].lower()
        if word not in NOUN_LIKE:
            return True
        if set(self.text[cue.start : cue.verb_start].lower().split()) & _AUXILIARY_WORDS:
            return False
        subject = self.text[source[0] : source[1]]
        if _COMPOUND_HEAD.search(subject):
            return False  # "a set of Clean Air Act rules": a noun after a quantity
        if named_source(subject):
            return True
        # "the study, which notes that ...", "House panel votes to hold ...": a verb after
        # all, unless the clause is already another cue's content
        nested = any(
            c.verb_start < source[0] and self.in_quote(c.verb_start) is None for c in self.unit_cues
        )
        if (
            subject.lower() in {"which", "that"} or _VERB_OBJECT.match(self.text, cue.end)
        ) and not nested:
            return True
        return self.complement_next(cue, source)

    def complement_next(self, cue: Cue, source: tuple[int, int]) -> bool:
        """A noun-like form is a verb when a complement follows it and its subject is no
        possessive or determiner: "The campaign plans to ...", "Data show that ..."."""
        text = self.text
        words = text[source[0] : source[1]].split()
        first, last = words[0], words[-1].lower()
        if last in _DETERMINER_WORDS or last.endswith(("'s", "’s", "'", "’", "ing", "ed")):
            return False  # "his remarks that ...", "Clinton's plan that ...": a noun
        if not first[0].isupper() and first.lower() not in _SUBJECT_OPENERS:
            return False  # "let them know", "dialing back plans": no subject
        if _THAT_NEXT.match(text, cue.end):
            return True
        return cue.info.lemma in _INTENTIONS and _TO_VERB_NEXT.match(text, cue.end) is not None

    def colon_quote(self, unit: Unit) -> None:
        """``President Obama is rolling out a new message: "It's about me."``: a quote after
        a colon belongs to the sentence's subject, the words between being the cue."""
        m = _COLON_QUOTE.search(self.text, unit.start, unit.end)
        if m is None:
            self.colon_paragraph(unit)
            return
        if self.is_claimed(m.start(), unit.end):
            return
        region = self.in_quote(m.end())
        if (
            region is None
            or self.text[region.end : unit.end].strip(" .")
            or self.in_quote(m.start())
        ):
            return
        subject = leading_subject(self.text, self.unit_start(unit, m.start()), m.start())
        if subject is None:
            return
        cue = self.trim(subject[1], m.start())
        if cue[1] <= cue[0] or len(self.text[cue[0] : cue[1]].split()) > 12:
            return
        self.add(unit, (region.start, region.end), cue, subject, AttributionKind.DIRECT)

    def quoted_predicate(self, unit: Unit) -> None:
        """``Reid has been pounding Trump as a "con artist"``: a sentence with no cue whose
        predicate quotes someone's words attributes that predicate to its subject, the
        verb being the cue (PolNeAR annotates the quote as the subject's characterisation)."""
        if unit.headline or self.is_claimed(unit.start, unit.end):
            return
        regions = [
            r
            for r in self.regions_in(unit.start, unit.end)
            if r.start > unit.start and not _NAMING_BEFORE.search(self.text, r.start - 12, r.start)
        ]
        if not regions or _TITLE_CASE.fullmatch(self.text, regions[0].start, regions[0].end):
            return
        subject = leading_subject(self.text, unit.start, regions[0].start)
        if (
            subject is None
            or self.in_quote(subject[0]) is not None
            or not self.text[subject[0]].isupper()  # "in a box labeled ...": no subject
            or _ADVERBIAL_BEFORE.match(self.text, subject[0])
        ):
            return
        verb = _PREDICATE_VERB.match(self.text, subject[1])
        if verb is None or verb.end() >= regions[0].start:
            return
        start = verb.end()
        end = self.cut(start, unit.end)
        if end <= regions[0].start:
            return
        end = self.subordinate_end(unit.start, start, end)  # "With X worried about Y, Z ..."
        kind = AttributionKind.PARTIAL if end > regions[0].start else AttributionKind.INDIRECT
        if self.text.startswith("With ", subject[0]):
            subject = (subject[0] + 5, subject[1])  # "With aides worried ...": the aides
        self.add(unit, (start, end), self.trim(*verb.span()), subject, kind)

    def colon_paragraph(self, unit: Unit) -> None:
        """``I had to change my answer:`` closing a paragraph, then a quote paragraph."""
        colon = unit.end - 1
        if self.text[colon] != ":" or self.is_claimed(unit.start, unit.end):
            return
        if self.units[-1] is unit or self.in_quote(colon) is not None:
            return
        subject = leading_subject(self.text, unit.start, colon)
        if subject is None:
            return
        cue = self.trim(subject[1], colon)
        if cue[1] > cue[0] and len(self.text[cue[0] : cue[1]].split()) <= 12:
            self.colon_next_paragraph(unit, cue, subject)

    def quoting(self, unit: Unit, cue: Cue, lo: int) -> None:
        """A speaker and a gerund right before a quote: ``Blige asking, "Where do we go?"``."""
        source = source_before(self.text, lo, cue.start)
        m = _QUOTE_NEXT.match(self.text, cue.end)
        if m is None and source is not None and not self.is_claimed(*source):
            self.noun_gerund(unit, cue, lo, source)
        elif m is None and source is None:
            self.object_gerund(unit, cue, lo)
        if m is None or (source is not None and self.is_claimed(*source)):
            return
        region = self.in_quote(m.end())
        if region is None or region.end > unit.end:
            return
        if source is None:
            # "..., while chanting, "QUOTE"": the subject of the clause is the speaker
            if not cue.info.speech or not _SUBORDINATE_BEFORE_GERUND.search(
                self.text, max(lo, cue.start - 12), cue.start
            ):
                return
            if self.add(
                unit, (region.start, region.end), (cue.start, cue.end), None, AttributionKind.DIRECT
            ):
                self.pending.append((self.found[-1], unit))
            return
        self.add(
            unit,
            (region.start, region.end),
            (cue.start, cue.end),
            source,
            AttributionKind.DIRECT,
        )

    def object_gerund(self, unit: Unit, cue: Cue, lo: int) -> None:
        """``lawyers filed legal papers opposing the unsealing``: a gerund after the object
        of a verb; the verb's subject is the source, the verb and its object join the cue."""
        verb = _VERB_OBJECT_BEFORE.search(self.text, max(lo, cue.start - 60), cue.start)
        if verb is None or self.in_quote(verb.start()) is not None:
            return
        subject = source_before(self.text, lo, verb.start())
        if subject is None or self.is_claimed(*subject):
            return
        self.noun_gerund(unit, Cue(verb.start(), cue.end, verb.start(), cue.info), lo, subject)

    def noun_gerund(self, unit: Unit, cue: Cue, lo: int, source: tuple[int, int]) -> None:
        """``a poll showing her ahead``, ``papers opposing the unsealing``: a gerund right
        after its subject noun (a reduced relative) attributes its object to that noun."""
        before = self.text[lo : cue.start].rstrip()
        last = before.rsplit(None, 1)[-1].lower() if before.split() else ""
        if not last.isalpha() or last in _NOT_BEFORE_SAYING or last.endswith("ed"):
            return
        if last == "worth" or last in {"who", "which", "that"}:
            return  # "it's worth noting": the writer's aside; "who": a relative clause
        if self.text[source[0] : source[1]].lower() in {"who", "which", "that"}:
            return  # "Americans supporting Trump" after a relative clause: no subject found
        lead = _WITH_LEAD.match(self.text, source[0], source[1])
        if lead is not None:  # "with Russia backing the government": the noun alone
            source = (lead.end(), source[1])
        for verb in _VERB_IN_SOURCE.finditer(self.text, source[0], source[1]):
            source = (verb.end(), source[1])  # "the campaign released an ad showing": "an ad"
        if _NOMINAL_GERUND.match(self.text, cue.end):
            return
        start = self.content_start(cue.end, unit.end, cue.info)
        if start is None or start >= unit.end or self.text[cue.end : start].strip():
            return  # "found the pitch convincing, especially ...": an adjective, no object
        end = self.subordinate_end(lo, start, self.cut(start, unit.end))
        clause = _CLAUSE_AFTER_OBJECT.search(self.text, start, end)
        if clause is not None:  # "backing the government as the United States ...": ends there
            end = clause.start()
        if end <= start or self.regions_in(start, end):
            return
        self.add(unit, (start, end), (cue.verb_start, cue.end), source, AttributionKind.INDIRECT)

    def continuation(self, unit: Unit, cue: Cue, lo: int) -> bool:
        """``..., adding that CONTENT``: the gerund continues a clause; no source of its own."""
        before = self.text[lo : cue.start].rstrip()
        if (
            not before.endswith(",")
            and not self.saying_after_noun(cue, before)
            and not self.after_preposition(cue, before)
        ):
            return False
        start = self.content_start(cue.end, unit.end, cue.info)
        if start is None:
            return False
        if not self.add(
            unit,
            (start, self.subordinate_end(lo, start, self.cut(start, unit.end))),
            (cue.verb_start, cue.end),
            None,
            AttributionKind.INDIRECT,
        ):
            return False
        self.pending.append((self.found[-1], unit))  # its subject is found after the unit
        return True

    def fronted(self, unit: Unit, cue: Cue, lo: int) -> bool:
        """``Claiming CONTENT, Trump told Fox ...``: a participle opening the sentence;
        its content runs to the comma, its source is the subject after it."""
        opening = self.text[lo : cue.start].strip()
        if opening:
            if not cue.info.speech or not _TIME_PREPOSITION.fullmatch(opening):
                return False  # "After saying CONTENT, she was ...": the same, after a preposition
        elif not self.text[cue.verb_start].isupper():
            return False
        end = None
        for m in _COMMA.finditer(self.text, cue.end, unit.end):
            region = self.in_quote(m.start())
            if region is None:
                end = m.start()
            elif region.end - m.end() <= 1:
                end = region.end  # 'Bemoaning the "phony system," Trump ...'
            if end is not None:
                break
        if end is None:
            return False
        subject = leading_subject(self.text, end + 1, unit.end)
        start = self.content_start(cue.end, end, cue.info)
        if subject is None or start is None or start >= end:
            return False
        return self.add(
            unit, (start, end), (cue.verb_start, cue.end), subject, AttributionKind.INDIRECT
        )

    def after_preposition(self, cue: Cue, before: str) -> bool:
        """``He pitched himself by telling them ...``: a gerund after a preposition
        continues its clause, unless that clause is already another cue's content
        ("said he was faulted for saying ...")."""
        return _PREPOSITION_BEFORE.search(before) is not None and not any(
            c.verb_start < cue.verb_start and self.in_quote(c.verb_start) is None
            for c in self.unit_cues
        )

    def saying_after_noun(self, cue: Cue, before: str) -> bool:
        """``tweets early Friday saying that ...``, ``Dean saying he would ...``: a form of
        "say" right after a noun (no comma) still reports what the subject said; not
        after a preposition ("after saying") or inside a verb phrase ("is saying").
        Other speech verbs too (``a letter urging them to ...``), unless the gerund is
        an adjective ("cited disparaging remarks") or inside another cue's content."""
        if not cue.info.speech:
            return False
        last = before.rsplit(None, 1)[-1].lower() if before.split() else ""
        if cue.info.lemma not in _SAYING and (
            last.endswith("ed")
            or last == "worth"  # "it's worth noting that ...": the writer's aside
            or _NOMINAL_GERUND.match(self.text, cue.end)
            or any(
                c.verb_start < cue.start and self.in_quote(c.verb_start) is None
                for c in self.unit_cues
            )
        ):
            return False
        return bool(last) and last.isalpha() and last not in _NOT_BEFORE_SAYING

    def give_subjects(self) -> None:
        """Gerund attributions take the subject of the clause they continue."""
        for found, unit in self.pending:
            assert found.cue is not None
            subject = self.clause_subject(unit, found.cue[0])
            if subject is not None and self.in_quote(subject[0]) is None:
                found.source = subject
        self.pending.clear()

    def clause_subject(self, unit: Unit, before: int) -> tuple[int, int] | None:
        """Who a gerund's clause is about: the source of the attribution just before it in
        the sentence ("the mayor said, adding ..."), else the sentence's subject ("Clinton
        mocked the complaint, saying ...")."""
        earlier = [
            f
            for f in self.found
            if f.source is not None
            and unit.start <= f.source[0]
            and f.cue is not None
            and f.cue[1] <= before
            and self.text[f.source[0] : f.source[1]].lower() not in {"who", "which", "that"}
        ]
        if earlier:
            return max(earlier, key=lambda f: f.cue[1] if f.cue else 0).source
        start = unit.start
        opening = self.in_quote(start)
        if opening is not None:
            start = opening.end  # a sentence that opens with a quote: the subject follows it
        subject = leading_subject(self.text, start, before)
        if subject is None or self.in_quote(subject[0]) is not None:
            return None
        return subject

    def embedded(self, lo: int, source_start: int, cue: Cue, unit: Unit) -> bool:
        """True when the source follows another cue ("said the plan shows ..."): nested."""
        before = self.text[lo:source_start]
        if self.relative_inside(lo, source_start, cue) or self.second_complement(lo, source_start):
            return True
        ending = _EMBEDDING_END.search(before)
        stripped = before[: ending.start()].rstrip() if ending else before.rstrip()
        if not stripped:
            return False
        end = lo + len(stripped)
        if any(
            c.end == end and c.verb_start >= lo and not self.noun_use(c) for c in self.unit_cues
        ):
            # "Those talks are continuing, he said.": a cue that ends its sentence reports
            # the clause before the comma; "X said, he decided to ..." is nested.
            after = self.text[cue.end : unit.end].strip(" .")
            closing = ending is not None and ending.group("comma") and not after
            return not closing
        # "told African-Americans this weekend he would consider ...": a speech cue a few
        # words back, with no clause boundary between, governs this clause.
        window = max(lo, source_start - 80)
        for cue in self.unit_cues:
            if cue.verb_start < window or cue.end > source_start:
                continue
            between = self.text[cue.end : source_start]
            if (
                cue.info.speech
                and cue.info.takes_object
                and len(between.split()) <= 8
                and not _CLAUSE_BREAK.search(between)
            ):
                return True
        return False

    def second_complement(self, lo: int, source_start: int) -> bool:
        """``said A and that B said C``: a clause after "and that" is a second complement of
        an earlier speech cue of the sentence, and B's cue reports nothing of its own."""
        if self.text.startswith("that ", source_start):
            source_start += 5  # a source taken with its complementiser
        if _AND_THAT.search(self.text, max(lo, source_start - 12), source_start) is None:
            return False
        return any(
            lo <= c.verb_start
            and c.end < source_start
            and c.info.speech
            and self.in_quote(c.verb_start) is None
            for c in self.unit_cues
        )

    def noun_use(self, cue: Cue) -> bool:
        """A cue form that is a noun here: "The new rule, X said, ...", "Their plan, ..."."""
        word = self.text[cue.start : cue.end].lower()
        if word not in NOUN_LIKE and word != cue.info.lemma:
            return False
        return _DETERMINED.search(self.text, max(0, cue.start - 40), cue.start) is not None

    def relative_inside(self, lo: int, source_start: int, cue: Cue) -> bool:
        """``said donors who want to see ... will send checks``: a thought or stance verb in
        a restrictive relative clause after an earlier cue of its sentence is part of that
        cue's content (speech verbs keep theirs: "an architect who said he was stiffed")."""
        subject = self.text[source_start : cue.start].strip().lower()
        if (
            cue.info.speech
            or subject not in _RELATIVE_SUBJECTS
            or self.text[lo:source_start].rstrip().endswith(",")
        ):
            return False  # "Jones, who hoped ...": a speaker introduced, not a content
        return any(
            lo <= c.verb_start and c.end <= source_start and self.in_quote(c.verb_start) is None
            for c in self.unit_cues
        )

    def content_start(self, pos: int, end: int, info: CueInfo) -> int | None:
        """Where the content after a cue starts (None: a framed cue with no frame)."""
        text = self.text
        start = pos
        while pos < end and (text[pos].isspace() or text[pos] in ",:"):
            pos += 1
        if pos < end and text[pos] in _OPEN_MARKS:
            return pos
        aside = _ASIDE_THEN_QUOTE.match(text, pos, end)
        if aside is not None:
            return aside.end()  # "adding later, "QUOTE"": the quote is the content
        if text.startswith(",", start):
            aside = _ASIDE_THEN_THAT.match(text, pos, end)
            if aside is not None:
                return aside.end()  # "insists, most recently in an interview, that ...
        window = text[pos : min(end, pos + 90)]
        if info.takes_object:  # 'told MSNBC's "Morning Joe" that ...': a title, no quote
            for r in self.regions_starting_in(pos, pos + len(window)):
                if r.end <= pos + len(window) and _TITLE_CASE.fullmatch(text, r.start, r.end):
                    window = (
                        window[: r.start - pos] + "T" * (r.end - r.start) + window[r.end - pos :]
                    )
        stops = [window.find(c) for c in ',"“' if c in window]
        stop = min(stops, default=len(window))
        pattern = _COMPLEMENTISER if info.takes_object else _THAT
        m = pattern.search(window, 0, stop)
        if (
            m
            and window[m.end() :].strip()
            and (
                info.takes_object
                or (
                    len(window[: m.start()].split()) <= 5
                    and _ADVERBIAL_AFTER.match(window[: m.start()].strip())
                )
                or (  # "said during a Friday evening rally in Michigan that ..."
                    info.lemma == "say"
                    and len(window[: m.start()].split()) <= 8
                    and _VENUE_LEAD.match(window[: m.start()])
                )
            )
        ):
            return pos + m.start()  # "said on Tuesday that ...": the content starts at "that"
        if info.infinitive:
            return pos if window.startswith("to ") else None  # "declined to comment"
        if info.framed:
            topic = _TOPIC_NEXT.match(text, pos, end) if info.speech else None
            if topic is not None:
                return topic.end()  # "spoke emotionally of his flights": the topic
            if info.lemma in _AS_FRAMING and _AS_OBJECT.match(text, pos, end):
                return pos  # "painted Romney as a rich guy": the object and its label
            # "adding he would never vote for her": a clause with no "that" still counts
            return pos if _PRONOUN_CLAUSE.match(text, pos, end) else None
        if info.takes_object:
            listener = _LISTENER.match(window)
            if listener and listener.end() < len(window):
                return pos + listener.end()  # "told USA Today it is clear ..."
        return pos

    def with_source(self, unit: Unit, cue: Cue, source: tuple[int, int]) -> None:
        text = self.text
        span = (cue.start, cue.end)
        lo = self.unit_start(unit, source[0])
        before = self.trim(lo, source[0])
        after_text = text[cue.end : unit.end].strip()
        after_core = after_text.rstrip(".!?").strip()
        if self.separated(before, source[0], cue.end):
            if self.before_content(unit, cue, source, before, after_text, after_core):
                return
        elif self.introduces_next(after_core) and self.colon_next_paragraph(
            unit, span, source, block=cue.info.speech and after_core == ":"
        ):
            return  # "X continued:" or "X said that" closing a paragraph: the next one's quote
        if not after_core or (cue.info.takes_object and _LISTENER_ONLY.match(after_core)):
            return
        if _CALL_IN.match(after_core) and " " not in cue.info.lemma:
            return  # a phrasal verb: "she called in to a radio show", "Trump showed up"
        start = self.content_start(cue.end, unit.end, cue.info)
        if start is None:
            return
        end = self.subordinate_end(lo, start, self.cut(start, unit.end))
        if cue.info.speech and not cue.info.gerund:
            self.absorb_complement(start, end)
        self.absorb_subordinate(start, end)
        self.add(unit, (start, end), span, source, AttributionKind.INDIRECT)

    def before_content(
        self,
        unit: Unit,
        cue: Cue,
        source: tuple[int, int],
        before: tuple[int, int],
        after_text: str,
        after_core: str,
    ) -> bool:
        """``CONTENT, X said ...``: True if the content before the source was taken."""
        text = self.text
        span = (cue.start, cue.end)
        if (
            not cue.info.speech or text[source[0] : source[1]].lower() in _REPEATED_SPEAKER
        ) and self.speaker_inside(before):
            # "Bamberg said the videos ..., the footage showed", "DuVernay said she felt
            # ..., she said": the attribution that opens the sentence is the one
            return True
        region = self.in_quote(before[1] - 1)
        quoted = region is not None and (
            region.start <= before[0] or not is_scare_quote(text, region)
        )
        later = self.regions_in(cue.end, unit.end)
        if quoted:
            if region is not None and any(
                before[0] <= c.verb_start < region.start and self.in_quote(c.verb_start) is None
                for c in self.unit_cues
            ):
                # 'X said A, "QUOTE," she said. "QUOTE."': the sentence has its speaker and
                # cue already; the trailing "she said" introduces the next quote.
                following = self.quote_after(unit)
                if following is not None:
                    return self.add(unit, following, span, source, AttributionKind.DIRECT)
            if (
                later
                and _RESUMES.fullmatch(text, cue.end, later[0].start)
                and not any(cue.end <= c.verb_start < later[0].start for c in self.unit_cues)
            ):
                # "QUOTE," X said on Monday, "QUOTE." : one content around the source.
                return self.add(
                    unit, (before[0], later[-1].end), span, source, AttributionKind.DIRECT
                )
            if later and _SAME_SPEAKER_GOES_ON.match(after_text):
                # '"QUOTE," X said, and still "QUOTE"': one content around the source.
                end = self.cut(cue.end, unit.end, obj=False)
                return self.add(unit, (before[0], end), span, source, AttributionKind.DIRECT)
            return self.add(unit, before, span, source, AttributionKind.DIRECT)
        aside = _ASIDE_THEN_PREDICATE.match(after_text)
        if aside is not None:
            after_text = after_text[aside.end() - 1 :]  # "A, X said on Monday, would B"
        resumed = _TIME_THEN_COMMA.match(after_text)  # "A, X said then, B"
        if (
            not after_core
            or (
                _CONJUNCTION_AFTER.match(after_text) and not _SAME_SPEAKER_GOES_ON.match(after_text)
            )
            or (
                cue.info.speech
                and aside is None
                and _ADVERBIAL_AFTER.match(after_core)
                and not _THAT.search(after_core)
                and not self.goes_on_after_adjunct(after_text, resumed)
            )
            or (cue.info.takes_object and _LISTENER_ONLY.match(after_core))
            or self.speech_gerund_after(cue)
        ):
            return self.add(unit, before, span, source, AttributionKind.INDIRECT)
        if resumed is not None:
            after_text = after_text[resumed.end() - 1 :]
        if (
            after_text.startswith(",")
            and after_text[1:].strip()[:1] not in _OPEN_MARKS
            and not _GERUND_AFTER.match(after_text)
        ):
            # "CONTENT, X said, CONTENT": PolNeAR splits it; one span covers both parts.
            return self.add(
                unit,
                (self.relative_opening(before), self.cut(cue.end, unit.end, obj=False)),
                span,
                source,
                AttributionKind.INDIRECT,
            )
        return False

    @staticmethod
    def goes_on_after_adjunct(after_text: str, adjunct: re.Match[str] | None) -> bool:
        """``A, X said in a June report, and B``: the content resumes after the adjunct
        (``adjunct``, the ``_TIME_THEN_COMMA`` match at the start of ``after_text``)."""
        m = adjunct
        return m is not None and _SAME_SPEAKER_GOES_ON.match(after_text, m.end() - 1) is not None

    def relative_opening(self, before: tuple[int, int]) -> int:
        """``the stadium, which, X said, is ...``: a source set off inside a relative clause
        reports that clause only, from its pronoun on (no other comma after it)."""
        comma = self.text.rfind(",", before[0], before[1])
        m = _RELATIVE_AFTER_COMMA.match(self.text, comma, before[1]) if comma >= 0 else None
        if m is None or self.in_quote(comma) is not None:
            return before[0]
        return m.start("pronoun")

    def speech_gerund_after(self, cue: Cue) -> bool:
        """``CONTENT, she said, referencing ...``: a speech gerund after the cue opens an
        attribution of its own; the content before the source is the whole content (other
        gerunds go on with it: "..., he said, replacing Clinton would be ...")."""
        m = _GERUND_AFTER.match(self.text, cue.end)
        return m is not None and any(
            c.verb_start < m.end() <= c.end and c.info.speech and c.info.gerund
            for c in self.unit_cues
        )

    def quote_after(self, unit: Unit) -> tuple[int, int] | None:
        """The quote that makes up the next sentence of the paragraph, if one does."""
        i = self.units.index(unit)
        if i + 1 >= len(self.units) or self.units[i + 1].paragraph != unit.paragraph:
            return None
        nxt = self.units[i + 1]
        mine = self.regions_starting_in(nxt.start, nxt.end)
        if not mine or self.text[nxt.start : mine[0].start].strip():
            return None
        if self.text[mine[-1].end : nxt.end].strip(" .,"):
            return None
        return mine[0].start, mine[-1].end

    def speaker_inside(self, span: tuple[int, int]) -> bool:
        """True when an unquoted span opens with its own speaker and speech cue ("Bamberg
        also said ..."): PolNeAR keeps that attribution rather than nesting it."""
        for c in self.unit_cues:
            if not span[0] < c.start < min(span[1], span[0] + 160):
                continue  # the speaker opens the span: its cue is near the start
            if not c.info.speech or c.info.gerund:
                continue
            if self.in_quote(c.verb_start) is not None:
                continue
            source = source_before(self.text, span[0], c.start)
            if source is not None and source[0] == span[0]:
                return True
        return False

    def separated(self, before: tuple[int, int], source_start: int, cue_end: int) -> bool:
        """True when a content of a few words (or a quote) ends before the source, set off
        by a comma, a dash or closing quote marks: ``CONTENT, X said``."""
        if before[1] - before[0] <= 0:
            return False
        text = self.text
        words = text[before[0] : before[1]].split()
        if (
            len(words) <= 8
            and _ADVERBIAL_BEFORE.match(" ".join(words[:2]))  # two words: "A few weeks ago"
            and not self.in_quote(before[1] - 1)
        ):
            return False
        parenthetical = (
            _PARENTHETICAL.match(text, cue_end) is not None
            or _ASIDE_THEN_PREDICATE.match(text, cue_end + 1) is not None
        )
        if len(words) < 3 and not parenthetical and self.in_quote(before[1] - 1) is None:
            return False
        gap = text[before[1] : source_start].strip()
        if gap:
            return gap[:1] in {",", "―", "—", "–"}
        return text[before[1] - 1] in _CLOSE_MARKS

    @staticmethod
    def introduces_next(after: str) -> bool:
        m = _INTRODUCES_NEXT.match(after)
        if m is None:
            return False
        lead = m.group("lead").strip(" ,")
        return not lead or (len(lead.split()) <= 6 and bool(_ADVERBIAL_AFTER.match(lead)))

    def colon_next_paragraph(
        self, unit: Unit, cue: tuple[int, int], source: tuple[int, int], block: bool = False
    ) -> bool:
        """``X continued:`` at a paragraph's end introduces the next paragraph's quote (with
        ``block``, the whole next paragraph even without quote marks)."""
        nxt = [u for u in self.units if u.paragraph == unit.paragraph + 1]
        if not nxt:
            return False
        following = self.regions_in(nxt[0].start, nxt[-1].end)
        if following and following[0].start == nxt[0].start:
            content = (following[0].start, following[-1].end)
            if self.is_claimed(*content):
                return False  # the quotes have their own speaker: "Q," she said. "Q."
        elif (
            ((block and not following) or self.quote_marked(nxt[0].start, nxt[-1].end))
            and not nxt[0].headline
            and not self.is_claimed(nxt[0].start, nxt[-1].end)
        ):
            # a block quote, no marks (or marks the quote finder could not pair)
            content = self.trim(nxt[0].start, nxt[-1].end)
        else:
            return False
        self.claim(Found(content, cue, source, AttributionKind.DIRECT, unit.paragraph + 1))
        return True

    def quote_marked(self, start: int, end: int) -> bool:
        """A paragraph that opens and closes with quote marks the quote finder could not
        pair (a closing mark that ends an inner quote does not count)."""
        last = len(self.text[start:end].rstrip()) + start - 1
        return (
            self.text[start] in _OPEN_MARKS
            and last > start
            and self.text[last] in _OPEN_MARKS + _CLOSE_MARKS
            and self.in_quote(start) is None
            and not any(r.closed and r.end == last + 1 for r in self.regions_in(start, end))
        )

    def inverted(self, unit: Unit, cue: Cue, lo: int) -> bool:
        """``CONTENT, said X`` (also right after a quote ending in ?, ! or a comma)."""
        before_text = self.text[lo : cue.start].rstrip()
        if not before_text and cue.info.speech:
            return self.said_x_colon(unit, cue)
        if not before_text or before_text[-1] not in ",”\"’'" or not cue.info.speech:
            return False  # "The museum, Mr. Bush said, celebrated ...": no inversion
        source = source_after(self.text, cue.end, unit.end)
        if source is None or not (
            plausible_source(self.text, *source) or named_after_cue(self.text, *source)
        ):
            return False
        rest = self.text[source[1] : unit.end].strip(" .")
        if rest.startswith("(") and rest.endswith(")"):
            rest = ""  # "said Mr. Burman (a view echoed by others)."
        aside = _ASIDE_AFTER_SOURCE.match(self.text, source[1], unit.end)
        if aside is not None and "," not in self.text[source[0] : source[1]]:
            rest = ""  # "said O'Neill, on his first day", "said Tusk, summing up ...": an aside
        elif rest.startswith(",") and not _CONJUNCTION_AFTER.match(rest):
            # "said Don Fowler, who helmed the DNC ..., and has backed ...": all his
            end = min(
                [a for a, _ in self.claims_near(source[1], unit.end) if a > source[1]],
                default=unit.end,
            )
            extra = self.trim(source[1], end)
            if extra[1] > extra[0]:
                source = (source[0], extra[1])
            rest = ""
        if rest.strip(",") and not _ADVERBIAL_AFTER.match(rest.strip(" ,")):
            return False  # "said X" must end the clause (or leave only a time or place)
        return self.add(
            unit,
            (lo, lo + len(before_text)),
            (cue.start, cue.end),
            source,
            AttributionKind.INDIRECT,
        )

    def said_x_colon(self, unit: Unit, cue: Cue) -> bool:
        """``Said Ellis: "QUOTE"``: an inverted cue opening the sentence, then the quote."""
        source = source_after(self.text, cue.end, unit.end)
        if source is None or not plausible_source(self.text, *source):
            return False
        m = _QUOTE_NEXT.match(self.text, source[1])
        region = self.in_quote(m.end()) if m is not None and m.end() < unit.end else None
        if region is None:
            return False
        content = (region.start, self.regions_in(region.start, unit.end)[-1].end)
        return self.add(unit, content, (cue.start, cue.end), source, AttributionKind.DIRECT)

    def according_to(self, unit: Unit, cue: tuple[int, int]) -> None:
        lo = self.unit_start(unit, cue[0])
        before = self.trim(lo, cue[0])
        leading = before[1] - before[0] <= 0  # "According to X, CONTENT"
        source = source_after(
            self.text, cue[1], unit.end, to_clause_end=True, appositive=not leading
        )
        if source is None:
            return
        if before[1] - before[0] > 0 and len(self.text[before[0] : before[1]].split()) >= 2:
            content = before
            dashes = list(_DASH_RELATIVE.finditer(self.text, *before))
            if dashes:  # "A - which it often is, according to X": the relative aside
                content = (dashes[-1].end(), before[1])
        else:
            content = (source[1], unit.end)
            if " " not in self.text[slice(*self.trim(*content))]:
                return  # "According to MSNBC, basically.": an answer, no clause
            self.absorb(content)  # "According to Yahoo News, a spokesman said ...": one
        self.add(unit, content, cue, source, AttributionKind.ACCORDING_TO)

    def absorb_complement(self, start: int, end: int) -> None:
        """``Trump said that Clinton once described the deal as ...``: an attribution whose
        speaker opens the complement of a speech cue gives way to the outer one."""
        opening = _COMPLEMENT_OPENING.match(self.text, start, end)
        begin = opening.end() if opening else start
        inner = [
            f
            for f in self.found
            if f.source is not None
            and f.cue is not None
            and f.source[0] == begin
            and f.content[1] <= end
            and self.text[f.source[0] : f.source[1]].lower() not in {"who", "which", "that"}
        ]
        for found in inner:
            self.absorb((begin, found.content[1]))  # its source starts at ``begin``

    def absorb_subordinate(self, start: int, end: int) -> None:
        """``cited problems that he blamed on X``, ``said it was late because he felt X``:
        an attribution in a restrictive relative or a subordinate clause inside a content is
        part of that content (PolNeAR does not nest) and gives way to it. Not after a comma
        or a dash (", which ...", ", though she noted ...": a statement of its own)."""
        spans = []
        for f in self.found:
            if f.cue is None or not start < f.content[0] < end or f.content[1] > end:
                continue
            source = f.source or f.cue
            head = min(f.content[0], f.cue[0], source[0])
            if head <= start:
                continue
            relative = self.text[source[0] : source[1]].lower() in _RELATIVE_SUBJECTS
            if _SUBORDINATOR_BEFORE.search(
                self.text, max(start, head - 14), source[1] + 1 if relative else head
            ):
                spans.append((head, max(f.content[1], f.cue[1], source[1])))
        for span in spans:
            self.absorb(span)

    def absorb(self, content: tuple[int, int]) -> None:
        """PolNeAR does not nest attributions: those found inside ``content`` give way
        (their spans are freed) to the one that covers them."""
        inner = [
            f
            for f in self.found
            if f.cue is not None
            and content[0] <= min(f.content[0], f.cue[0], (f.source or f.cue)[0])
            and max(f.content[1], f.cue[1], (f.source or f.cue)[1]) <= content[1]
        ]
        for found in inner:
            self.found.remove(found)
            for span in (found.content, found.cue, found.source):
                if span is not None and span in self.claimed:
                    self.claimed.remove(span)

    def speaker_label(self, unit: Unit, first_in_paragraph: bool) -> None:
        """Transcripts: ``WALLACE: CONTENT`` (an upper-case name and a colon) opening a
        paragraph attributes the whole paragraph to that speaker."""
        m = _SPEAKER_LABEL.match(self.text, unit.start, unit.end)
        if m is None or not first_in_paragraph or m.group("name").upper() in _EDITORIAL_LABELS:
            return
        end = max(u.end for u in self.units if u.paragraph == unit.paragraph)
        colon = m.end("name")
        self.add(unit, (m.end(), end), (colon, colon + 1), m.span("name"), AttributionKind.DIRECT)

    def headline(self, unit: Unit) -> None:
        """``Poll: CONTENT`` or ``Name: CONTENT`` in a headline."""
        m = _HEAD_COLON.match(self.text, unit.start, unit.end)
        if m is None or self.in_quote(m.end(1)) is not None:
            return
        if any(w.lower() in _TITLE_GLUE for w in m.group(1).split()[1:]):
            return  # "Stealth Over Health: ...": a title, not a source
        if m.group(1).upper() in _EDITORIAL_LABELS:
            return  # "The Latest: ...", "Analysis: ...": a label, not a source
        colon = m.end(1)
        for cue in find_cues(self.text, colon + 1, unit.end):
            if (
                cue.info.speech
                and not cue.info.gerund
                and self.in_quote(cue.verb_start) is None
                and source_before(self.text, colon + 1, cue.start) is not None
            ):
                return  # "The Latest: Trump urges ...": the clause has its own speaker
        self.add(
            unit,
            (colon + 1, unit.end),
            (colon, colon + 1),
            (unit.start, colon),
            AttributionKind.INDIRECT,
        )

    def dash_name(self, unit: Unit) -> None:
        """``"QUOTE" ― Name`` and ``Name ― "QUOTE"`` (reader comments, vox pops)."""
        mine = self.regions_in(unit.start, unit.end)
        if not mine:
            return
        first, last = mine[0], mine[-1]
        after = _DASH_NAME.match(self.text, last.end, unit.end)
        if after and after.end() >= unit.end:
            self.add(
                unit,
                (first.start, last.end),
                after.span("dash"),
                after.span("name"),
                AttributionKind.DIRECT,
            )
            return
        before = _NAME_DASH.match(self.text, unit.start, first.start)
        if before and before.end() == first.start and not before.group("name").isupper():
            self.add(
                unit,
                (first.start, last.end),
                before.span("dash"),
                before.span("name"),
                AttributionKind.DIRECT,
            )

    # -- quotes that no cue reached -----------------------------------------------

    def pure_quote_units(self) -> dict[int, list[QuoteRegion]]:
        """Units made of quotes only (besides punctuation), by unit index."""
        pure: dict[int, list[QuoteRegion]] = {}
        for i, unit in enumerate(self.units):
            mine = self.regions_starting_in(unit.start, unit.end)
            if not mine:
                continue
            rest = self.text[unit.start : unit.end]
            for region in reversed(mine):
                a, b = region.start - unit.start, region.end - unit.start
                rest = rest[:a] + rest[b:]
            if not re.search(r"\w", rest):
                pure[i] = mine
        return pure

    def extend_quotes(self) -> None:
        """Quotes right after an attributed quote join its content (same speaker)."""
        pure = self.pure_quote_units()
        for found in self.found:
            if self.ends_with_quote(found) or (
                found.cue is not None
                and found.source is not None
                and found.content[1] <= min(found.cue[0], found.source[0])
            ):
                self.extend_one(found, pure)  # a quote, or "CONTENT, X said." (cheap tests)

    def ends_with_quote(self, found: Found) -> bool:
        return self.final_quote(found.content[1]) is not None

    def final_quote(self, end: int) -> QuoteRegion | None:
        """The quote that a content ending at ``end`` ends with (an unclosed one may have
        lost a trailing comma to trimming)."""
        region = self.in_quote(end - 1)
        if region is None or self.text[end : region.end].strip(" ,;:") != "":
            return None
        return region

    def extend_one(self, found: Found, pure: dict[int, list[QuoteRegion]]) -> None:
        index = next(
            (i for i, u in enumerate(self.units) if u.start <= found.content[1] <= u.end), None
        )
        if index is None:
            return
        end = found.content[1]
        last_region = self.final_quote(end)
        if last_region is None and not self.speaker_closes(found, self.units[index]):
            return
        paragraph = self.units[index].paragraph
        for j in range(index + 1, len(self.units)):
            unit = self.units[j]
            if j not in pure and unit.paragraph == paragraph:
                tail = self.quote_with_tail(unit)
                if tail is not None and not self.is_claimed(unit.start, unit.end):
                    end = tail  # '"QUOTE" for the top bracket.': the quote ends the run
                    self.mark((unit.start, unit.end))
                break
            if j not in pure or self.is_claimed(unit.start, unit.end):
                break
            first = pure[j][0]
            if len(self.text[end : first.start].split()) > _LONGEST_GAP:
                # A long interposed source: the span would hold more of it than of quote.
                # PolNeAR still joins the quotes; of the two parts, the longer one stands
                # for the whole, and the shorter one is no attribution of its own.
                if self.drop_shorter_run(found, pure, j, paragraph):
                    return
                break
            if unit.paragraph != paragraph:
                if last_region is None or not (first.continues and not last_region.closed):
                    break
                paragraph = unit.paragraph
            end = pure[j][-1].end
            last_region = pure[j][-1]
            self.mark((unit.start, unit.end))
        found.content = (found.content[0], end)

    def speaker_closes(self, found: Found, unit: Unit) -> bool:
        """``CONTENT, X said.`` ending its sentence: quotes that follow in the paragraph
        go on with X's words (PolNeAR joins them into one content)."""
        if found.cue is None or found.source is None:
            return False
        tail = max(found.cue[1], found.source[1])
        return (
            found.content[1] <= min(found.cue[0], found.source[0])
            and tail <= unit.end
            and not self.text[tail : unit.end].strip(" .")
        )

    def quote_with_tail(self, unit: Unit) -> int | None:
        """Where a sentence made of a quote and a few words of no cue ends (None if it is
        not one): '"It's just a tax increase" for the top bracket.'"""
        mine = self.regions_starting_in(unit.start, unit.end)
        if not mine or self.text[unit.start : mine[0].start].strip():
            return None
        tail = self.text[mine[-1].end : unit.end]
        if len(tail.split()) > _QUOTE_TAIL_WORDS or find_cues(self.text, mine[-1].end, unit.end):
            return None
        return self.trim(unit.start, unit.end)[1]

    def drop_shorter_run(
        self, found: Found, pure: dict[int, list[QuoteRegion]], j: int, paragraph: int
    ) -> bool:
        """True if the later run took over ``found``'s content."""
        run = []
        while (
            j in pure
            and self.units[j].paragraph == paragraph
            and not self.is_claimed(self.units[j].start, self.units[j].end)
        ):
            run.append(self.units[j])
            j += 1
        quoted = sum(r.end - r.start for u in run for r in self.regions_starting_in(u.start, u.end))
        if run and found.content[1] - found.content[0] >= quoted:
            for unit in run:
                self.mark((unit.start, unit.end))
        elif run:  # the later quotes are longer: they stand for the speaker's words
            found.content = (pure[j - len(run)][0].start, pure[j - 1][-1].end)
            for unit in run:
                self.mark((unit.start, unit.end))
            return True
        return False

    def standalone_quotes(self) -> None:
        """Quotes nobody claimed: their own attribution, the speaker inherited if signalled."""
        pure = self.pure_quote_units()
        i = 0
        while i < len(self.units):
            if i not in pure or self.is_claimed(self.units[i].start, self.units[i].end):
                i += 1
                continue
            j = i
            while (
                j + 1 in pure
                and self.units[j + 1].paragraph == self.units[i].paragraph
                and not self.is_claimed(self.units[j + 1].start, self.units[j + 1].end)
            ):
                j += 1
            content = (pure[i][0].start, pure[j][-1].end)
            if self.long_enough(content):
                self.standalone(self.units[i], content)
            i = j + 1

    def long_enough(self, content: tuple[int, int]) -> bool:
        return len(self.text[content[0] : content[1]].split()) >= 4

    def standalone(self, unit: Unit, content: tuple[int, int]) -> None:
        previous = [
            f
            for f in self.found
            if f.content[1] <= content[0]
            and not (f.source and self.text[f.source[0] : f.source[1]] in {"who", "which"})
        ]
        source = None
        inherited = False
        if previous:
            last = max(previous, key=lambda f: f.content[1])
            gap = unit.paragraph - last.paragraph
            if last.source is not None and (gap == 0 or (gap == 1 and self.ends_with_quote(last))):
                source, inherited = last.source, True
        found = Found(content, None, source, AttributionKind.DIRECT, unit.paragraph, inherited)
        self.found.append(found)
        self.mark(content)


def find_attributions(
    text: str, units: Sequence[Unit], regions: Sequence[QuoteRegion]
) -> list[Found]:
    """All attributions in ``units`` of ``text``, as offsets, in text order.

    Example:
        >>> t = '"Prices will fall," the minister said.'
        >>> from sourcecheck._offline._quotes import find_quote_regions
        >>> found = find_attributions(t, [Unit(0, len(t), 0)], find_quote_regions(t, [(0, len(t))]))
        >>> [t[slice(*f.content)] for f in found], [t[slice(*f.source)] for f in found]
        (['"Prices will fall,"'], ['the minister'])
    """
    return _Finder(text, units, regions).run()
