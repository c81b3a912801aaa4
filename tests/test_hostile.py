"""The hostile input matrix through the API, the CLI and batch.

Each input gives a typed error with a clear message, or a valid result whose spans hold.
The CLI never prints a traceback; batch records the error and goes on.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

import sourcecheck as sc
from bench_loader import articles
from sourcecheck._batch import iter_inputs, read_records, run_batch
from sourcecheck._cli import main
from sourcecheck._models import Extraction, iter_spans

HOSTILE: dict[str, str | bytes] = articles.hostile_inputs()
HOSTILE["lone-surrogate"] = "The mayor said \ud800 it was over. Nobody objected."

# What each input must give: a typed error (and words its message must hold), or a result.
EXPECTED: dict[str, tuple[type[sc.SourcecheckError], str] | None] = {
    "empty": (sc.EmptyInputError, "empty"),
    "whitespace": (sc.EmptyInputError, "blank"),
    "nul-bytes": (sc.BinaryInputError, "NUL"),
    "invalid-utf8": (sc.BinaryInputError, "UTF-8"),
    "five-megabytes": (sc.InputError, "characters long"),
    "lone-surrogate": (sc.BinaryInputError, "surrogate"),
    "html": None,
    "unbalanced-quotes": None,
    "sentence-3000-words": None,
    "cjk": None,
    "rtl": None,
    "emoji": None,
    "prompt-injection": None,
}


def test_the_matrix_covers_every_hostile_kind() -> None:
    assert set(EXPECTED) == set(HOSTILE)


def assert_valid(result: Extraction, source: str) -> None:
    """Spans hold, the result survives a JSON round trip (which re-checks every span)."""
    assert result.text == source
    for span in iter_spans((result.claims, result.quotes, result.attributions)):
        assert source[span.start : span.end] == span.text
    again = Extraction.model_validate_json(result.model_dump_json())
    assert again == result


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_api(name: str) -> None:
    data = HOSTILE[name]
    expected = EXPECTED[name]
    started = time.perf_counter()
    if expected is None:
        assert isinstance(data, str)
        assert_valid(sc.extract(data), data)
    else:
        kind, words = expected
        with pytest.raises(kind, match=words) as caught:
            sc.extract(data)  # type: ignore[arg-type]  # bytes: what a file gives
        assert "Traceback" not in str(caught.value)
    assert time.perf_counter() - started < 30  # nothing hostile may stall a batch


def test_prompt_injection_is_read_as_text() -> None:
    data = HOSTILE["prompt-injection"]
    assert isinstance(data, str)
    result = sc.extract(data)
    # The instruction is a sentence of the article like any other: nothing follows it.
    assert not any(c.text == "The mayor resigned." and c.verdict.supported for c in result.claims)
    assert any("repairs start in May" in q.span.text for q in result.quotes)


def _write(path: Path, data: str | bytes) -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
    return path


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cli_check(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path / f"{name}.txt", HOSTILE[name])
    code = main(["check", str(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    if EXPECTED[name] is None:
        assert code == 0, err
        assert out.strip()
    else:
        assert code == 2
        assert err.startswith(f"sourcecheck: {path}: ")
        assert len(err.strip().splitlines()) == 1  # one clear line


def test_cli_batch_records_every_hostile_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in HOSTILE.items():
        _write(folder / f"{name}.txt", data)
    out = tmp_path / "out.jsonl"
    code = main(["batch", str(folder), "--out", str(out), "--quiet"])
    _, err = capsys.readouterr()
    assert code == 1  # some inputs are errors; the rest were processed
    assert "Traceback" not in err
    by_id = {r["id"].removesuffix(".txt"): r for r in read_records(out)}
    assert set(by_id) == set(HOSTILE)
    for name, record in by_id.items():
        expected = EXPECTED[name]
        if expected is None:
            assert record["status"] == "ok", record
            source = HOSTILE[name]
            assert isinstance(source, str)
            assert_valid(Extraction.model_validate(record["result"]), source)
        else:
            assert (record["error"], record["retryable"]) == (expected[0].__name__, False)
            # in a file, a lone surrogate can only be its (invalid) UTF-8 bytes
            words = "UTF-8" if name == "lone-surrogate" else expected[1]
            assert words in record["message"]


def test_batch_jsonl_with_hostile_texts(tmp_path: Path) -> None:
    """JSON carries every kind but raw bytes: NUL as \\u0000, a lone surrogate as \\ud800."""
    source = tmp_path / "in.jsonl"
    with source.open("w", encoding="utf-8") as handle:
        for name, data in HOSTILE.items():
            if isinstance(data, str):
                handle.write(json.dumps({"id": name, "text": data}) + "\n")
    out = tmp_path / "out.jsonl"
    summary = run_batch(source, out, progress=False)
    records = {r["id"]: r for r in read_records(out)}
    assert len(records) == summary.inputs == len(list(iter_inputs(source)))
    assert records["lone-surrogate"]["error"] == "BinaryInputError"
    assert records["five-megabytes"]["error"] == "InputError"
    assert records["cjk"]["status"] == "ok"
