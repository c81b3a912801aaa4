"""Evidence: the source sentences that best support a statement, by BM25.

The ranker is hand-written (Okapi BM25 over light stems): for a few dozen sentences a
dict-based scorer beats building sparse matrices (``bench/bench_verify.py`` measures it
against ``rank_bm25`` when that is installed). Tokens keep their offsets, so every hit
maps back to a ``Span`` of the source.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from sourcecheck._document import Document, Role, Sentence

__all__ = [
    "STOPWORDS",
    "EvidenceIndex",
    "Hit",
    "Token",
    "content_stems",
    "form",
    "stem",
    "tokenize",
]

# Words, acronyms with inner periods (U.S.), numbers with separators, money and percent
# signs, and contractions; hyphenated compounds stay one token ("one-year").
_TOKEN = re.compile(
    r"""[$£€¥]?\d+(?:,\d{3})*(?:\.\d+)?(?:%|[a-zA-Z]{1,3}\b)?   # 1,200  3.5%  $5bn  20th
    |(?:[A-Za-z]\.){2,}                                  # U.S.  U.K.
    |[A-Za-z][A-Za-z0-9]*(?:[-'’][A-Za-z0-9]+)*          # words, one-year, don't
    """,
    re.VERBOSE,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _words(
    """a an the 's about above across after again against all along also although am amid
    among and any are aren't around as at be because been before being below between
    both but by can can't could couldn't did didn't do does doesn't doing don't down
    during each even few for from further had hadn't has hasn't have haven't having he
    her here hers herself him himself his how i if in into is isn't it it's its itself
    just me more most my myself no nor not now of off on once only onto or other our
    ours ourselves out over own per s same she should shouldn't so some still such t
    than that that's their theirs them themselves then there these they this those
    though through to too under until up upon very via was wasn't we were weren't what
    when where whether which while who whom why will with within without won't would
    wouldn't you your yours yourself yourselves"""
)

# Suffixes stripped, longest first; a stem keeps at least three letters so that
# "news" and "bus" survive.
_SUFFIXES = (
    "ations",
    "ation",
    "ingly",
    "ments",
    "ment",
    "ness",
    "ings",
    "ing",
    "edly",
    "ies",
    "ied",
    "ers",
    "er",
    "ed",
    "es",
    "ly",
    "s",
)


# Irregular verb forms, so that "fell" meets "fall" and "pled" meets "pleaded".
_IRREGULAR = {
    past: base
    for base, forms in (
        ("be", "was were been"),
        ("begin", "began begun"),
        ("bring", "brought"),
        ("build", "built"),
        ("buy", "bought"),
        ("come", "came"),
        ("fall", "fell fallen"),
        ("fight", "fought"),
        ("find", "found"),
        ("give", "gave given"),
        ("go", "went gone"),
        ("grow", "grew grown"),
        ("hold", "held"),
        ("keep", "kept"),
        ("know", "knew known"),
        ("lead", "led"),
        ("lose", "lost"),
        ("make", "made"),
        ("meet", "met"),
        ("pay", "paid"),
        ("plead", "pled"),
        ("rise", "rose risen"),
        ("run", "ran"),
        ("say", "said"),
        ("see", "saw seen"),
        ("sell", "sold"),
        ("send", "sent"),
        ("shoot", "shot"),
        ("speak", "spoke spoken"),
        ("spend", "spent"),
        ("strike", "struck"),
        ("take", "took taken"),
        ("tell", "told"),
        ("think", "thought"),
        ("throw", "threw thrown"),
        ("win", "won"),
        ("write", "wrote written"),
    )
    for past in forms.split()
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix-stripping stem of a lower-cased word.

    Example:
        >>> [stem(w) for w in ["arrested", "arrests", "arresting", "arrest"]]
        ['arrest', 'arrest', 'arrest', 'arrest']
    """
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = _IRREGULAR.get(word, word)
    if not word.isalpha():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix in {"ies", "ied"}:
                base += "y"
            elif suffix == "ed" and base.endswith("e"):
                base += "e"  # "agreed" -> "agree", to meet "agree" and "agrees"
            elif suffix == "es" and not base.endswith(("s", "x", "z", "ch", "sh")):
                base += "e"  # "sales" -> "sale", but "taxes" -> "tax"
            # "stopped" -> "stop", "planning" -> "plan"
            elif len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lszaeiou":
                base = base[:-1]
            word = base
            break
    # A final silent e goes, so that "decline" and "declined" meet.
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


# Suffixes that make a noun of a verb or adjective: "stem" drops them (so BM25 lets
# "agreement" find "agreed"), "form" keeps them as a mark.
_DERIVATIONAL = (("ations", "ation"), ("ation", "ation"), ("ments", "ment"), ("ment", "ment"))


@lru_cache(maxsize=65536)
def form(word: str) -> str:
    """The stem of a word with the mark of a derivational suffix ``stem`` dropped: the
    same for inflections of one word, different for a verb and the noun made of it.

    Example:
        >>> form("agreed"), form("agrees"), form("agreement"), form("agreements")
        ('agre', 'agre', 'agre+ment', 'agre+ment')
    """
    lower = word.lower()
    base = stem(lower)
    for suffix, mark in _DERIVATIONAL:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3 and lower.isalpha():
            return f"{base}+{mark}"
    return base


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a text: its characters, offsets, lower-cased form and stem."""

    text: str
    start: int
    end: int
    lower: str
    stem: str
    # Computed once here: the checks ask these of every token many times.
    is_stop: bool
    is_capitalised: bool
    is_number: bool


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text`` with offsets shifted by ``offset``.

    Example:
        >>> [t.text for t in tokenize("U.S. sales fell 30% to $5bn.")]
        ['U.S.', 'sales', 'fell', '30%', 'to', '$5bn']
    """
    tokens = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        lower = word.lower().replace("’", "'")
        first = word[0]
        start, end = match.span()
        tokens.append(
            Token(
                word,
                start + offset,
                end + offset,
                lower,
                stem(lower),
                lower in STOPWORDS,
                first.isupper(),
                first.isdigit() or first in "$£€¥",
            )
        )
    return tokens


def content_stems(tokens: Iterable[Token]) -> list[str]:
    """The stems of the tokens that carry content (no stopwords)."""
    return [t.stem for t in tokens if not t.is_stop]


@dataclass(frozen=True, slots=True)
class Hit:
    """A source sentence and its BM25 score for a query."""

    sentence: int
    score: float


# Sentences that carry no facts a statement could rest on.
_SKIPPED_ROLES = frozenset({Role.BOILERPLATE, Role.BYLINE})


@dataclass
class EvidenceIndex:
    """A BM25 index over the sentences of a document.

    Example:
        >>> doc = Document("The mayor resigned on Monday. Rain fell all week.")
        >>> index = EvidenceIndex(doc)
        >>> index.rank("Why did the mayor resign?")[0].sentence
        0
    """

    document: Document
    k1: float = 1.2
    b: float = 0.75
    tokens: list[list[Token]] = field(init=False)
    _postings: dict[str, list[tuple[int, int]]] = field(init=False)
    _norms: list[float] = field(init=False)
    _idf: dict[str, float] = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = [self._sentence_tokens(s) for s in self.document.sentences]
        counts = [Counter(content_stems(toks)) for toks in self.tokens]
        lengths = [sum(c.values()) for c in counts]
        n = len(counts)
        mean = (sum(lengths) / n) if n else 1.0
        self._norms = [
            self.k1 * (1 - self.b + self.b * length / (mean or 1.0)) for length in lengths
        ]
        self._postings = {}
        for i, counter in enumerate(counts):
            for term, tf in counter.items():
                self._postings.setdefault(term, []).append((i, tf))
        self._idf = {
            term: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5))
            for term, p in self._postings.items()
        }

    def _sentence_tokens(self, sentence: Sentence) -> list[Token]:
        if sentence.role in _SKIPPED_ROLES:
            return []
        return tokenize(sentence.text, sentence.span.start)

    def idf(self, term: str) -> float:
        """The inverse document frequency of a stem (0 for a stem the source lacks)."""
        return self._idf.get(term, 0.0)

    def score_terms(self, terms: Sequence[str]) -> dict[int, float]:
        """BM25 score of every sentence that shares a term with ``terms``."""
        scores: dict[int, float] = {}
        for term in set(terms):
            idf = self._idf.get(term)
            if idf is None:
                continue
            for i, tf in self._postings[term]:
                scores[i] = scores.get(i, 0.0) + idf * tf * (self.k1 + 1) / (tf + self._norms[i])
        return scores

    def rank_terms(self, terms: Sequence[str], k: int = 5) -> list[Hit]:
        """The ``k`` best sentences for a list of stems, best first."""
        scores = self.score_terms(terms)
        best = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:k]
        return [Hit(i, s) for i, s in best]

    def rank(self, query: str, k: int = 5) -> list[Hit]:
        """The ``k`` source sentences that best match ``query``, best first."""
        return self.rank_terms(content_stems(tokenize(query)), k)
