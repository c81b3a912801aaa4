"""The example notebook runs, top to bottom, in a fresh kernel: it cannot rot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOK = Path(__file__).resolve().parent.parent / "examples" / "audit.ipynb"


@pytest.fixture(scope="module")
def executed() -> Any:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    return notebook


def _outputs(notebook: Any, mime: str) -> list[str]:
    found = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if mime in data:
                found.append(data[mime])
            elif mime == "text/plain" and output.get("output_type") == "stream":
                found.append(output["text"])
    return found


def test_every_cell_ran_without_error(executed: Any) -> None:
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert code
    for cell in code:
        assert cell.execution_count is not None
        assert all(o.get("output_type") != "error" for o in cell.outputs)


def test_the_audit_renders_as_static_html(executed: Any) -> None:
    html = "\n".join(_outputs(executed, "text/html"))
    assert '<span class="tex2jax_ignore">' in html
    assert "<mark" in html
    assert "Steve Witkoff" in html
    assert "<script" not in html


def test_the_altered_quote_is_flagged_in_the_notebook(executed: Any) -> None:
    tables = "\n".join(_outputs(executed, "text/plain"))
    assert "strong -> firm" in tables
    assert "altered" in tables
