"""The aligner: exact, normalised and fuzzy tiers, document order, offsets, bad input."""

from __future__ import annotations

import pydantic
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import sourcecheck as sc
from sourcecheck import Aligner, Alignment, GroundingStatus, Span
from sourcecheck._aligner import COVERAGE, DENSITY
from sourcecheck._normalize import fold

EXACT, NORMALIZED, FUZZY, NONE = (
    GroundingStatus.EXACT,
    GroundingStatus.NORMALIZED,
    GroundingStatus.FUZZY,
    GroundingStatus.NONE,
)

# Words that are distinct after folding and light stemming, so a generated passage has
# one true location for each of its windows.
_WORD = st.text(alphabet="bcdfghjklmnpqrtvwxz", min_size=3, max_size=8).map(lambda w: w + "a")
_WORDS = st.lists(_WORD, min_size=12, max_size=60, unique=True)


def _assert_grounded(source: str, result: Alignment) -> None:
    assert 0.0 <= result.score <= 1.0
    if result.span is None:
        assert result.status is NONE
        return
    assert result.status is not NONE
    assert source[result.span.start : result.span.end] == result.span.text


# -- the invariant ----------------------------------------------------------------------


_PERTURB = st.sampled_from(["keep", "upper", "lower", "spaces", "curly", "drop", "swap"])


def _perturb(text: str, how: str) -> str:
    if how == "upper":
        return text.upper()
    if how == "lower":
        return text.lower()
    if how == "spaces":
        return text.replace(" ", "  \n")
    if how == "curly":
        return text.replace('"', "“").replace("'", "’")
    words = text.split()
    if how == "drop" and len(words) > 2:
        return " ".join(words[:1] + words[2:])
    if how == "swap" and len(words) > 2:
        return " ".join([words[0], "zzzq", *words[2:]])
    return text


@settings(max_examples=200, deadline=None)
@given(
    st.text(min_size=1, max_size=300).filter(lambda s: s.strip() and "\x00" not in s),
    st.lists(st.tuples(st.integers(0, 300), st.integers(0, 60), _PERTURB), max_size=8),
    st.lists(st.text(max_size=40), max_size=4),
)
def test_every_span_obeys_the_invariant(
    source: str, cuts: list[tuple[int, int, str]], others: list[str]
) -> None:
    snippets = [_perturb(source[i : i + n], how) for i, n, how in cuts] + others
    for result, snippet in zip(sc.align(source, snippets), snippets, strict=True):
        assert result.snippet == snippet
        _assert_grounded(source, result)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Witkoff ", "said ", "“", "”", "'' ", "— ", "\n", "…", "A. "])))
def test_invariant_holds_on_punctuation_heavy_text(parts: list[str]) -> None:
    source = "Talks: " + "".join(parts)
    snippets = [source[i:j] for i in range(0, len(source), 5) for j in (i + 4, i + 11)]
    snippets += [_perturb(s, "upper") for s in snippets] + [_perturb(s, "spaces") for s in snippets]
    for result in sc.align(source, snippets):
        _assert_grounded(source, result)


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=300), st.data())
def test_any_verbatim_substring_aligns_exactly(source: str, data: st.DataObject) -> None:
    assume(source.strip() and "\x00" not in source)
    start = data.draw(st.integers(0, len(source) - 1))
    end = data.draw(st.integers(start + 1, len(source)))
    snippet = source[start:end]
    assume(snippet.strip())
    result = sc.align(source, [snippet])[0]
    assert result.status is EXACT
    assert result.score == 1.0
    assert result.span is not None
    assert result.span.text == snippet == source[result.span.start : result.span.end]


# -- normalised -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "snippet", "expected"),
    [
        ("He said “we will win” today.", 'said "we will win"', "said “we will win”"),
        ("He said ``we will win'' today.", "said “we will win”", "said ``we will win''"),
        ("It’s a first step.", "it's a FIRST step", "It’s a first step"),
        ("The war — and the peace.", "war--and the peace", "war — and the peace"),
        ("The war - and the peace.", "war—and", "war - and"),
        ("Wait… and see.", "wait... and see", "Wait… and see"),
        ("Two\n\n  lines here.", "two lines", "Two\n\n  lines"),
        ("Café opens.", "cafe\u0301 OPENS", "Café opens"),
    ],
)
def test_normalised_variants_align_as_normalized(source: str, snippet: str, expected: str) -> None:
    result = sc.align(source, [snippet])[0]
    assert result.status is NORMALIZED
    assert result.span is not None
    assert result.span.text == expected
    assert result.score == 1.0


@settings(max_examples=150, deadline=None)
@given(_WORDS, st.data())
def test_case_space_and_quote_variants_align_normalized(
    words: list[str], data: st.DataObject
) -> None:
    source = " ".join(words[:5]) + ' "' + " ".join(words[5:]) + '."'
    start = data.draw(st.integers(0, len(words) - 4))
    length = data.draw(st.integers(2, 8))
    chosen = words[start : start + length]
    original = " ".join(chosen)
    if original not in source:  # the window crosses the opening quote
        original = " ".join(chosen[: 5 - start]) + ' "' + " ".join(chosen[5 - start :])
    how = data.draw(st.sampled_from(["upper", "spaces", "curly", "title"]))
    variant = original.title() if how == "title" else _perturb(original, how)
    assume(variant != original)
    result = sc.align(source, [variant])[0]
    assert result.status is NORMALIZED
    assert result.span is not None
    assert result.span.start == source.index(original)
    assert result.span.text == original


# -- fuzzy --------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(_WORDS, st.data())
def test_one_changed_word_aligns_fuzzy_at_the_right_place(
    words: list[str], data: st.DataObject
) -> None:
    source = "Lead. " + " ".join(words) + "."
    length = data.draw(st.integers(5, min(20, len(words))))
    start = data.draw(st.integers(0, len(words) - length))
    at = data.draw(st.integers(0, length - 1))
    window = words[start : start + length]
    changed = [*window[:at], "qqqqe", *window[at + 1 :]]
    result = sc.align(source, [" ".join(changed)])[0]
    assert result.status is FUZZY
    assert result.span is not None
    assert result.span.text == " ".join(window)
    assert 0.0 < result.score < 1.0


@settings(max_examples=100, deadline=None)
@given(_WORDS, st.data())
def test_one_dropped_word_aligns_fuzzy_over_the_passage(
    words: list[str], data: st.DataObject
) -> None:
    source = " ".join(words)
    length = data.draw(st.integers(5, min(20, len(words))))
    start = data.draw(st.integers(0, len(words) - length))
    at = data.draw(st.integers(1, length - 2))
    window = words[start : start + length]
    result = sc.align(source, [" ".join(window[:at] + window[at + 1 :])])[0]
    assert result.status is FUZZY
    assert result.span is not None
    assert result.span.text == " ".join(window)


def test_fuzzy_finds_the_sentence_a_model_paraphrased_slightly() -> None:
    source = (
        "KYIV (Reuters) - The talks ended on Monday. Officials said the United States "
        "would back security guarantees for Ukraine after a ceasefire."
    )
    result = sc.align(source, ["officials said the U.S. would back security guarantees"])[0]
    assert result.status is FUZZY
    assert result.span is not None
    assert result.span.text.startswith("Officials said the United States")


@settings(max_examples=100, deadline=None)
@given(_WORDS, st.lists(_WORD, min_size=3, max_size=12, unique=True))
def test_an_absent_snippet_gives_none(words: list[str], absent: list[str]) -> None:
    assume(not set(absent) & set(words))
    source = " ".join(words)
    result = sc.align(source, [" ".join(absent)])[0]
    assert result.status is NONE
    assert result.span is None
    assert result.score == 0.0


def test_scattered_words_fail_the_density_gate() -> None:
    source = "alpha one two beta three four gamma five six delta seven"
    result = sc.align(source, ["alpha beta gamma delta"])[0]
    assert result.status is NONE  # every word is there, but spread over ten


def test_a_snippet_sharing_too_few_words_fails_the_coverage_gate() -> None:
    source = "The minister said the budget would pass on Tuesday."
    result = sc.align(source, ["The president said the tax bill would fail"])[0]
    assert result.status is NONE


def test_the_gates_are_documented_values() -> None:
    assert 0.5 < COVERAGE < 1.0
    assert 0.5 < DENSITY < 1.0


def test_a_single_word_is_never_fuzzy() -> None:
    assert sc.align("The mayor resigned.", ["mayors!"])[0].status is NONE


# -- document order -------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(_WORDS, st.integers(2, 6), st.sampled_from(["exact", "upper", "changed"]))
def test_repeated_phrases_map_to_successive_occurrences(
    words: list[str], copies: int, how: str
) -> None:
    phrase = " ".join(words[:6])
    fillers = [" ".join(words[6 + 2 * i : 8 + 2 * i]) or "and" for i in range(copies + 1)]
    source = fillers[0] + ". " + "".join(f"{phrase}. {f}. " for f in fillers[1:])
    snippet = {"exact": phrase, "upper": phrase.upper()}.get(how)
    if snippet is None:
        snippet = " ".join([*words[:2], "qqqqe", *words[3:6]])
    starts = [r.span.start for r in sc.align(source, [snippet] * copies) if r.span]
    expected = [i for i in range(len(source)) if source.startswith(phrase, i)]
    assert starts == expected


def test_order_follows_the_snippets_between_repeats() -> None:
    source = "He said yes. Then she spoke. He said yes. Then he left. He said yes."
    results = sc.align(source, ["He said yes", "he left", "He said yes"])
    assert [r.span.start for r in results if r.span] == [0, 47, 56]


def test_a_snippet_inside_the_previous_one_is_found_there_when_it_is_nowhere_later() -> None:
    source = "Intro. Witkoff said the plan works. Later, talks."
    results = sc.align(source, ["Witkoff said the plan works", "the plan"])
    assert results[1].span is not None
    assert results[1].span.start == source.index("the plan")


def test_find_with_a_hint_prefers_what_follows_it() -> None:
    source = "Witkoff spoke. Then Witkoff said the plan works."
    aligner = Aligner(source)
    claim = aligner.find("Then Witkoff said the plan works")
    assert claim.span is not None
    speaker = aligner.find("Witkoff", start_hint=claim.span.start)
    assert speaker.span is not None
    assert speaker.span.start == source.rindex("Witkoff")
    # Past the last copy, the search falls back to anywhere.
    assert aligner.find("Witkoff", start_hint=len(source)).span == Span.of(source, 0, 7)


def test_a_wrong_fuzzy_match_does_not_drag_the_search_forward() -> None:
    source = "Alpha said one thing. Gamma agreed with the plan. Alpha said one thing."
    results = sc.align(source, ["Gamma fully agreed with the plan", "Alpha said one thing"])
    assert results[0].status is FUZZY
    assert results[1].status is EXACT
    assert results[1].span is not None
    assert results[1].span.start == 0


# -- unicode offsets -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "snippet", "status", "expected"),
    [
        ("北京今天宣布了新的经济政策。😀 市场反应积极。", "市场反应积极", EXACT, "市场反应积极"),
        (
            "北京今天宣布了新的经济政策。",
            "北京今天宣布了新的金融政策",
            FUZZY,
            "北京今天宣布了新的经济政策",
        ),
        ("東京で会議が開かれた。", "東京で会議が開かれた", EXACT, "東京で会議が開かれた"),
        ("👨‍👩‍👧 family 🇺🇦 said “yes”", 'SAID "YES"', NORMALIZED, "said “yes”"),
        ("🎉🎉 party on 🎉", "PARTY  ON", NORMALIZED, "party on"),
        (
            "قال الوزير إن المحادثات ستستمر غدا",
            "إن المحادثات  ستستمر",
            NORMALIZED,
            "إن المحادثات ستستمر",
        ),
        ("אמר השר כי השיחות יימשכו מחר", "כי השיחות יימשכו", EXACT, "כי השיחות יימשכו"),
        ("Zelensky (Зеленський) said ДА", "зеленський) said да", NORMALIZED, "Зеленський) said ДА"),
    ],
)
def test_unicode_keeps_offsets_right(
    source: str, snippet: str, status: GroundingStatus, expected: str
) -> None:
    result = sc.align(source, [snippet])[0]
    assert result.status is status
    assert result.span is not None
    assert result.span.text == expected
    assert source[result.span.start : result.span.end] == expected


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(["北京", "😀", "שלום", "مرحبا", "e\u0301", "Ǆ", "ß", " ", "—"]), min_size=1
    ),
    st.data(),
)
def test_unicode_substrings_and_their_folds_align_at_equal_text(
    parts: list[str], data: st.DataObject
) -> None:
    source = "x " + "".join(parts) + " y"
    start = data.draw(st.integers(0, len(source) - 1))
    end = data.draw(st.integers(start + 1, len(source)))
    snippet = source[start:end]
    assume(snippet.strip())
    exact, folded = sc.align(source, [snippet, snippet.upper()])
    assert exact.status is EXACT
    assert exact.span is not None
    assert exact.span.text == snippet
    _assert_grounded(source, folded)
    if folded.status is NORMALIZED and folded.span is not None:
        assert fold(folded.span.text) == fold(snippet.upper())


# -- input handling and the model -----------------------------------------------------------


def test_empty_and_blank_snippets_give_none() -> None:
    results = sc.align("Some text.", ["", "   ", "\n"])
    assert [r.status for r in results] == [NONE, NONE, NONE]
    assert [r.snippet for r in results] == ["", "   ", "\n"]


def test_no_snippets_give_no_alignments() -> None:
    assert sc.align("Some text.", []) == []


@pytest.mark.parametrize(
    ("source", "error"),
    [("", sc.EmptyInputError), ("  \n", sc.EmptyInputError), ("a\x00b", sc.BinaryInputError)],
)
def test_bad_source_raises_a_typed_error(source: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        sc.align(source, ["a"])


def test_a_source_that_is_not_text_raises() -> None:
    with pytest.raises(sc.BinaryInputError):
        sc.align(42, ["a"])  # type: ignore[arg-type]


def test_a_string_instead_of_a_list_raises() -> None:
    with pytest.raises(sc.InputError, match="sequence of strings"):
        sc.align("The mayor.", "mayor")


def test_a_snippet_that_is_not_text_raises() -> None:
    with pytest.raises(sc.BinaryInputError, match="snippet"):
        sc.align("The mayor.", ["mayor", None])  # type: ignore[list-item]


def test_stray_outer_whitespace_still_aligns_exactly() -> None:
    result = sc.align("The mayor resigned.", ["  mayor resigned \n"])[0]
    assert result.status is EXACT
    assert result.span == Span.of("The mayor resigned.", 4, 18)


def test_alignment_refuses_a_status_without_a_span() -> None:
    with pytest.raises(pydantic.ValidationError):
        Alignment(snippet="x", status=EXACT)
    with pytest.raises(pydantic.ValidationError):
        Alignment(snippet="x", span=Span(start=0, end=1, text="x"))  # a span, status none


def test_alignment_is_frozen_and_round_trips_json() -> None:
    result = sc.align("The mayor resigned.", ["MAYOR resigned"])[0]
    assert Alignment.model_validate_json(result.model_dump_json()) == result
    assert result.found
    with pytest.raises(pydantic.ValidationError):
        result.score = 0.5  # type: ignore[misc]


def test_the_aligner_builds_its_view_and_index_once() -> None:
    aligner = Aligner("The mayor resigned on Monday. The council met in the town hall.")
    assert aligner.find("the MAYOR").status is NORMALIZED
    view = aligner.view
    assert aligner.find("the council met in the old town hall").status is FUZZY
    assert aligner.view is view
    index = aligner._index
    aligner.find("the mayor resigns on monday")
    assert aligner._index is index


def test_exact_hits_never_build_the_folded_view() -> None:
    aligner = Aligner("The mayor resigned.")
    assert aligner.find("mayor").status is EXACT
    assert "view" not in vars(aligner)


def test_align_reuses_the_aligner_of_a_recent_source() -> None:
    source = "The mayor resigned on Monday. The council met in the town hall."
    sc.align(source, ["the MAYOR"])
    from sourcecheck._aligner import _cached_aligner

    aligner = _cached_aligner(source)
    view = aligner.view
    sc.align(source, ["the COUNCIL"])
    assert _cached_aligner(source).view is view
