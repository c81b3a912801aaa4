"""pandas tables: one row per item, offsets as integer columns, a clear error without pandas."""

from __future__ import annotations

import builtins
import sys

import pytest

import sourcecheck as sc
from _fixtures import ARTICLE, article_extraction
from sourcecheck._audit import audit
from sourcecheck._briefing import extractive_briefing
from sourcecheck._exceptions import ConfigurationError, MissingExtraError
from sourcecheck._models import Label, Verdict

pd = pytest.importorskip("pandas")


def test_extraction_claims_quotes_and_attributions() -> None:
    extraction = article_extraction()
    claims = extraction.to_pandas()
    assert len(claims) == len(extraction.claims)
    assert list(claims["label"].unique()) == ["supported"]
    first = claims.iloc[0]
    assert ARTICLE[first["start"] : first["end"]] == first["evidence"]
    quotes = extraction.to_pandas("quotes")
    assert list(quotes["speaker"][:2]) == ["Ann Lee", "Lee"]
    assert quotes["speaker"].isna().tolist() == [False, False, True]
    attributions = extraction.to_pandas("attributions")
    assert list(attributions["kind"]) == ["partial", "direct", "according-to", "indirect"]
    assert bool(attributions["anonymous"].iloc[3])


def test_unknown_table_is_a_typed_error() -> None:
    with pytest.raises(ConfigurationError, match="claims, quotes, attributions"):
        article_extraction().to_pandas("people")
    with pytest.raises(ConfigurationError):
        audit(article_extraction()).to_pandas("people")


def test_audit_tables() -> None:
    report = audit(article_extraction())
    rows = report.to_pandas()
    assert len(rows) == 4
    assert list(rows["named"]) == [True, True, True, False]
    for _, row in rows.iterrows():
        assert ARTICLE[row["start"] : row["end"]] == row["content"]
    sources = report.to_pandas("sources")
    lee = sources[sources["source"] == "Ann Lee"].iloc[0]
    assert (lee["quotes"], lee["direct_quotes"], lee["claims"]) == (2, 1, 2)
    assert len(report.to_pandas("uncredited")) == 2
    assert len(report.to_pandas("unattributed_quotes")) == 1
    assert report.to_pandas("derived").empty


def test_briefing_table() -> None:
    def judge(statement: str) -> Verdict:
        return Verdict(label=Label.SUPPORTED, score=0.9)

    briefing = extractive_briefing(article_extraction(), max_bullets=3, judge=judge)
    frame = briefing.to_pandas()
    assert list(frame["bullet"]) == [1, 2, 3]
    assert list(frame["citations"]) == [[1], [2], [3]]
    assert not frame["flagged"].any()
    assert frame["score"].tolist() == [0.9, 0.9, 0.9]


def test_verification_table() -> None:
    source = "The bridge opened in 1932. It cost $4 million."
    result = sc.verify("The bridge opened in 1932. It cost $9 million.", source=source)
    frame = result.to_pandas()
    assert list(frame["sentence"]) == [1, 2]
    assert frame["label"].tolist()[0] == "supported"
    assert frame["label"].tolist()[1] == "contradicted"
    assert frame["failed_checks"].tolist()[1] != ""
    assert "<mark" in result._repr_html_()


def test_without_pandas_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_pandas(name: str, *args: object, **kwargs: object) -> object:
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "pandas", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(MissingExtraError, match=r"pip install 'sourcecheck\[pandas\]'"):
        article_extraction().to_pandas()
