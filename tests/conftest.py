"""Shared test fixtures. No test touches the network: pytest-recording's
``--block-network`` is on for the whole suite (see pyproject.toml), and cassettes replay
with ``--record-mode=none``, so a missing cassette fails loudly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "us-backs-ukraine-security-guarantees.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _no_model_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests choose their reader explicitly; a developer's SOURCECHECK_MODEL or key
    must not turn an offline test into a network call."""
    for name in ("SOURCECHECK_MODEL", "OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    """Cassettes are readable YAML with parsed JSON bodies (see ``cassette_yaml``)."""
    import cassette_yaml

    vcr.register_serializer(cassette_yaml.NAME, cassette_yaml)
