from __future__ import annotations

import pytest

import sourcecheck as sc
from sourcecheck._api import resolve_model


def test_markup_is_read_but_said() -> None:
    result = sc.extract("<div><p>The council approved the budget on Monday.</p></div>")
    assert any("HTML markup" in warning for warning in result.warnings)


def test_an_article_of_headings_only_says_why_it_has_no_claims() -> None:
    result = sc.extract("Budget News Today\n\nBy Jane Doe\n\n2 Min Read")
    assert result.claims == ()
    assert any("no body sentences" in warning for warning in result.warnings)


def test_a_plain_article_has_no_warnings() -> None:
    assert sc.extract("The council approved the budget on Monday.").warnings == ()


@pytest.mark.parametrize(
    ("given", "env", "chosen"),
    [(None, None, None), (None, "gpt-x", "gpt-x"), ("offline", "gpt-x", None), ("m", None, "m")],
)
def test_resolve_model(
    monkeypatch: pytest.MonkeyPatch, given: str | None, env: str | None, chosen: str | None
) -> None:
    if env is not None:
        monkeypatch.setenv("SOURCECHECK_MODEL", env)
    assert resolve_model(given) == chosen
