"""The word prefilter of ``_claims.classify`` never changes what a cue regex finds."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sourcecheck._offline import _claims

_PAIRS = [
    (_claims._REPORTING, _claims._REPORTING_WORDS, False),
    (_claims._OPINION_STRONG, _claims._OPINION_STRONG_WORDS, True),
    (_claims._PREDICTION, _claims._PREDICTION_WORDS, False),
    (_claims._OPINION_WEAK, _claims._OPINION_WEAK_WORDS, False),
]

# One phrase per alternative of the cue regexes (and near misses), in several cases.
_PHRASES = [
    "The mayor said on Monday",
    "according to the report",
    "officials called for calm",
    "residents worried about it",
    "This marks a dramatic shift",
    "it underscores the risk",
    "highlights how far",
    "signals that talks",
    "reflects a growing split",
    "a sign of fatigue",
    "growing consensus",
    "raises questions",
    "Arguably the best",
    "we ought to act",
    "is crucial for",
    "Seems vital",
    "Prices will rise",
    "it won't last",
    "is going to fail",
    "were expected to vote",
    "it expects growth",
    "the forecasts for",
    "its forecast",
    "projects that",
    "likely voters",
    "in the coming weeks",
    "next year",
    "by 2035",
    "it may fall",
    "as it could not",
    "Trump really needs to",
    "needs to be fixed",
    "seemingly calm",
    "appears to work",
    "significantly higher",
    "a major blow",
    "unfortunately",
    "of course",
    "couldn't",
    "The council met on Monday.",
    "ſhould",
    "İRONICALLY",
    "Ironically",
    "MUST",
    "signal's",
]


@pytest.mark.parametrize("phrase", _PHRASES)
def test_prefilter_agrees_with_the_regex(phrase: str) -> None:
    for text in (phrase, phrase.upper(), phrase.lower(), f"Yes, {phrase}, they said."):
        for pattern, words, fold in _PAIRS:
            found = _claims._Words(text).may_match(pattern, words, fold=fold)
            assert found == bool(pattern.search(text)), (pattern.pattern[:40], text)


_WORDS = sorted(
    _claims._REPORTING_WORDS
    | _claims._OPINION_STRONG_WORDS
    | _claims._PREDICTION_WORDS
    | _claims._OPINION_WEAK_WORDS
)


@given(
    st.lists(
        st.sampled_from([*_WORDS, "a", "an", "the", "to", "is", "it", "n't", "’", ",", "!", "ſ"])
        | st.text(max_size=4),
        max_size=8,
    ),
    st.sampled_from([" ", "", "  ", "\n"]),
)
def test_prefilter_agrees_on_word_salad(words: list[str], glue: str) -> None:
    text = glue.join(words)
    for variant in (text, text.upper(), text.title()):
        for pattern, listed, fold in _PAIRS:
            found = _claims._Words(variant).may_match(pattern, listed, fold=fold)
            assert found == bool(pattern.search(variant)), (pattern.pattern[:40], variant)
