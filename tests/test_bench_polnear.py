"""The PolNeAR scorer (bench/polnear.py), checked on a tiny hand-made corpus."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from bench_loader import load_bench
from sourcecheck._models import Attribution, Span


@pytest.fixture(scope="module")
def polnear() -> ModuleType:
    return load_bench("polnear")


TEXT = 'Prices will rise, the minister said. "We will cut taxes," Smith said. It rained.'
ANN = (
    "T1\tContent 0 16\tPrices will rise\n"
    "T2\tSource 18 30\tthe minister\n"
    "T3\tCue 31 35\tsaid\n"
    "T4\tAttribution 31 35\tsaid\n"
    "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
    'T5\tContent 37 47;47 57\t"We will cut taxes,"\n'
    "T6\tSource 58 63\tSmith\n"
    "T7\tCue 64 68\tsaid\n"
    "T8\tAttribution 64 68\tsaid\n"
    "E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6\n"
    "T9\tDiscuss 70 79\tIt rained\n"
)


def _span(start: int, end: int) -> Span:
    return Span.of(TEXT, start, end)


def test_gold_items_read_content_cue_source_and_discontinuous_parts(polnear: ModuleType) -> None:
    gold = polnear.gold_items(ANN)
    assert len(gold) == 2  # one per E line; the Discuss T line is ignored
    assert gold[0].content == frozenset(range(0, 16))
    assert gold[0].source == frozenset(range(18, 30))
    assert gold[0].cue == frozenset(range(31, 35))
    assert gold[1].content == frozenset(range(37, 57))  # both parts


def test_gold_without_source(polnear: ModuleType) -> None:
    ann = (
        "T1\tContent 0 5\tPrice\n"
        "T2\tAttribution-no-source 6 10\tx\n"
        "E1\tAttribution-no-source:T2 Content:T1\n"
    )
    (item,) = polnear.gold_items(ann)
    assert item.source == frozenset()
    assert item.cue == frozenset()


def test_jaccard(polnear: ModuleType) -> None:
    assert polnear.jaccard(frozenset({1, 2}), frozenset({2, 3})) == pytest.approx(1 / 3)
    assert polnear.jaccard(frozenset(), frozenset()) == 1.0
    assert polnear.jaccard(frozenset({1}), frozenset()) == 0.0


def test_match_is_greedy_one_to_one_above_half(polnear: ModuleType) -> None:
    item = polnear.Item
    gold = [item(frozenset(range(0, 10))), item(frozenset(range(20, 30)))]
    predicted = [
        item(frozenset(range(0, 8))),  # 0.8 with gold 0
        item(frozenset(range(0, 10))),  # 1.0 with gold 0: wins it
        item(frozenset(range(20, 24))),  # 0.4 with gold 1: below the threshold
    ]
    assert polnear.match(predicted, gold) == [(1, 0, 1.0)]


def test_score_article_on_a_hand_made_example(polnear: ModuleType) -> None:
    gold = polnear.gold_items(ANN)
    predicted = polnear.predicted_items(
        [
            # right content, cue and source
            Attribution(content=_span(0, 16), cue=_span(31, 35), source=_span(18, 30)),
            # the quote without its marks (Jaccard 0.9); the wrong source
            Attribution(content=_span(38, 56), cue=_span(64, 68), source=_span(31, 35)),
            # a false positive
            Attribution(content=_span(70, 79)),
        ]
    )
    scores = polnear.score_article(predicted, gold, TEXT)
    assert (scores.predicted, scores.gold, scores.matched) == (3, 2, 2)
    assert scores.precision == pytest.approx(2 / 3)
    assert scores.recall == 1.0
    assert scores.f1 == pytest.approx(0.8)
    assert scores.cue_accuracy == 1.0
    assert scores.source_accuracy == 0.5
    # end to end: only the first pair has its source right -> P 1/3, R 1/2
    assert scores.end_to_end_f1 == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))
    assert scores.by_kind["quoted"] == 1
    assert scores.found_by_kind["quoted"] == 1
    assert scores.by_kind["unquoted"] == 1
    assert scores.by_kind["speech-verb cue"] == 2


def test_a_gold_without_source_counts_end_to_end_whatever_the_source(polnear: ModuleType) -> None:
    item = polnear.Item
    gold = [item(frozenset(range(0, 10)))]
    predicted = [item(frozenset(range(0, 10)), source=frozenset(range(20, 25)))]
    scores = polnear.score_article(predicted, gold)
    assert scores.source_pairs == 0
    assert scores.end_to_end_f1 == 1.0


def test_scores_add_up_over_articles(polnear: ModuleType) -> None:
    item = polnear.Item
    total = polnear.Scores()
    total.add(polnear.score_article([item(frozenset(range(5)))], [item(frozenset(range(5)))]))
    total.add(polnear.score_article([], [item(frozenset(range(5)))]))
    assert (total.matched, total.gold, total.articles) == (1, 2, 2)
    assert total.recall == 0.5


def test_the_first_annotation_file_is_used_and_main_prints_scores(
    polnear: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "a_0001.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "attributions" / "a_0002.ann").write_text("", encoding="utf-8")
    (article,) = polnear.load_articles(tmp_path)
    assert len(article.gold) == 2
    assert polnear.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    for label in (
        "content  P",
        "cue accuracy",
        "source accuracy",
        "end-to-end F1",
        "seconds/article",
        "quoted",
        "partly quoted",
        "unquoted",
        "speech-verb cue",
    ):
        assert label in out


def test_main_fails_cleanly_on_an_empty_folder(polnear: ModuleType, tmp_path: Path) -> None:
    assert polnear.main([str(tmp_path)]) == 2


def test_a_failed_reading_is_counted_and_the_run_goes_on(polnear: ModuleType) -> None:
    gold = tuple(polnear.gold_items(ANN))
    articles = [polnear.Article("a", TEXT, gold), polnear.Article("b", TEXT, gold)]
    calls = []

    def predict(text: str) -> list[object]:
        calls.append(text)
        if len(calls) == 1:
            raise RuntimeError("model unreachable")
        return [polnear.Item(frozenset(range(0, 16)))]

    scores = polnear.run(articles, predict, warm_up=False)
    assert scores.failures == 1
    assert (scores.articles, scores.gold, scores.matched) == (2, 4, 1)


def test_fold_scores_every_nth_article(
    polnear: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    for name in ("a", "b", "c"):
        (tmp_path / "text" / f"{name}.txt").write_text(TEXT, encoding="utf-8")
        (tmp_path / "attributions" / f"{name}_x.ann").write_text(ANN, encoding="utf-8")
    assert polnear.main([str(tmp_path), "--fold", "2/2"]) == 0
    assert "articles 1 " in capsys.readouterr().out
    with pytest.raises(SystemExit):
        polnear.main([str(tmp_path), "--fold", "3/2"])
