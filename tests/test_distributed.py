"""The Dask adapter on a real local cluster: two worker processes, loopback only."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sourcecheck._batch import iter_inputs, read_records, run_batch
from sourcecheck._distributed import local_client, record, records_bag, run_on_dask
from sourcecheck._models import Extraction

# The scheduler and the workers talk over loopback sockets; nothing else is allowed.
pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

ARTICLES = {
    "bridge.txt": "The bridge opened in 1932. It cost $4 million, the city said.",
    "quote.txt": '"We will rebuild," Mayor Ann Lee said on Monday.',
    "blank.txt": "   \n",
    "nul.txt": "The mayor\x00 said it.",
    "cjk.txt": "东京电力公司周一表示，冷却系统已经恢复。",
}


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with local_client(workers=2) as client:
        yield client


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, text in ARTICLES.items():
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / name).write_text(text, "utf-8")
    return tmp_path / "in"


def test_the_cluster_has_two_worker_processes_on_loopback(client: Any) -> None:
    info = client.scheduler_info()
    assert len(info["workers"]) == 2
    assert all(address.startswith("tcp://127.0.0.1:") for address in info["workers"])
    pids = set(client.run(lambda: __import__("os").getpid()).values())
    assert len(pids) == 2


def test_run_on_dask_writes_the_same_records_as_a_local_run(
    client: Any, folder: Path, tmp_path: Path
) -> None:
    cluster_out, local_out = tmp_path / "cluster.jsonl", tmp_path / "local.jsonl"
    summary = run_on_dask(folder, cluster_out, client=client, progress=False)
    assert (summary.ok, summary.errors) == (3, 2)
    run_batch(folder, local_out, progress=False)
    canonical = lambda path: sorted(json.dumps(r, sort_keys=True) for r in read_records(path))  # noqa: E731
    assert canonical(cluster_out) == canonical(local_out)
    keys = Counter((r["id"], r["sha256"]) for r in read_records(cluster_out))
    assert keys == Counter(item.key for item in iter_inputs(folder))


def test_run_on_dask_resumes(client: Any, folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    (folder / "bridge.txt").rename(tmp_path / "later.txt")
    run_on_dask(folder, out, client=client, progress=False)
    (tmp_path / "later.txt").rename(folder / "bridge.txt")
    again = run_on_dask(folder, out, client=client, progress=False)
    assert (again.skipped, again.ok, again.errors) == (4, 1, 0)
    assert len(list(read_records(out))) == len(ARTICLES)


def test_records_bag_maps_a_dask_bag(client: Any) -> None:
    import dask.bag as db

    items = [{"id": name, "text": text} for name, text in ARTICLES.items()]
    items.append({"id": "broken", "text": None})
    got = records_bag(db.from_sequence(items, npartitions=2)).compute()
    by_id = {r["id"]: r for r in got}
    assert by_id["bridge.txt"]["status"] == "ok"
    assert by_id["blank.txt"]["error"] == "EmptyInputError"
    assert by_id["nul.txt"]["error"] == "BinaryInputError"
    assert by_id["broken"]["error"] == "InputError"
    assert Extraction.model_validate(by_id["quote.txt"]["result"]).quotes  # spans checked
    assert record(items[0]) == by_id["bridge.txt"]
