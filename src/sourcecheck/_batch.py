"""Batch work: many articles in, one JSON line out per article, resumable after a kill.

Inputs are a folder (every file under it), a glob, or a JSONL file of ``{"id", "text"}``
objects. The output is JSONL, one record per input, in completion order::

    {"id": "a.txt", "sha256": "…", "status": "ok", "result": {…an Extraction…}}
    {"id": "b.txt", "sha256": "…", "status": "error", "error": "BinaryInputError",
     "message": "the article contains NUL bytes: …", "retryable": false}

Why it survives a kill: each record is one ``write`` of one whole line on a file opened
for appending, flushed at once and fsynced every few seconds; a line torn anyway (power
loss) is cut off before the next run appends. A re-run reads the records already there
and skips every input whose ``(id, sha256)`` has one, so it finishes the rest without
duplicates. Model failures that may pass (rate limits, timeouts, server errors) are
recorded as ``retryable``: a re-run tries those again and keeps only the newest record.

The work for one article is pluggable: ``run_batch`` takes any picklable
``process(data) -> result`` and runs it inline or in worker processes (bounded in-flight
work, so memory stays flat); ``run_batch_async`` takes an async one and keeps at most
``concurrency`` in flight, starting at most ``rpm`` per minute.

Example:
    >>> import json, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("The bridge opened in 1932.")
    >>> _ = (folder / "b.txt").write_text("   ")
    >>> summary = run_batch(folder, folder.parent / f"{folder.name}.jsonl", progress=False)
    >>> summary.ok, summary.errors
    (1, 1)
    >>> sorted(r["status"] for r in read_records(summary.out))
    ['error', 'ok']
"""

from __future__ import annotations

import asyncio
import fcntl
import glob
import hashlib
import json
import os
import re
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import BaseModel
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from sourcecheck import _exceptions
from sourcecheck._document import Document, check_text
from sourcecheck._exceptions import (
    ConfigurationError,
    InputError,
    InvalidArgumentError,
    ModelError,
    SourcecheckError,
)

__all__ = [
    "BatchItem",
    "BatchSummary",
    "RateLimiter",
    "count_inputs",
    "error_line",
    "item_line",
    "item_of",
    "iter_inputs",
    "model_process",
    "offline_process",
    "process_line",
    "read_records",
    "repair",
    "run_batch",
    "run_batch_async",
]

Data = str | bytes
Process = Callable[[Data], Any]
AsyncProcess = Callable[[Data], Awaitable[Any]]

JSONL_SUFFIXES = (".jsonl", ".ndjson")
FSYNC_SECONDS = 2.0  # a kill loses nothing written; a power cut at most this much


# -- inputs ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BatchItem:
    """One input: its id, its data (text, or raw bytes that are not UTF-8, which
    ``check_text`` then names), the SHA-256 of its content, and a problem found while
    reading it (a JSONL line that is not JSON), which becomes its error record."""

    id: str
    data: Data
    sha256: str
    problem: InputError | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.id, self.sha256)


def _digest(data: Data) -> str:
    # surrogatepass: JSON may carry lone surrogates; they still hash, check_text rejects them
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


def _decoded(raw: bytes) -> Data:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw


def _is_jsonl(source: Path) -> bool:
    return source.is_file() and source.suffix.lower() in JSONL_SUFFIXES


def _files(source: str | Path) -> list[tuple[str, Path]]:
    """The files a folder or a glob names, sorted, each with its id."""
    path = Path(source)
    if path.is_dir():
        found = (p for p in path.rglob("*") if p.is_file())
        visible = (p for p in found if not any(part.startswith(".") for part in p.parts))
        return sorted((p.relative_to(path).as_posix(), p) for p in visible)
    if path.is_file():
        return [(str(source), path)]
    matches = sorted(glob.glob(str(source), recursive=True))
    files = [(m, Path(m)) for m in matches if Path(m).is_file()]
    if not files:
        raise InputError(f"no files match {str(source)!r} (a folder, a glob or a .jsonl file)")
    return files


def _read_file(item_id: str, path: Path) -> BatchItem:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problem = InputError(f"cannot read {path}: {exc.strerror or exc}")
        return BatchItem(item_id, b"", _digest(item_id.encode()), problem)
    return BatchItem(item_id, _decoded(raw), hashlib.sha256(raw).hexdigest())


def _jsonl_item(number: int, line: bytes) -> BatchItem:
    """One JSONL line as an item; a line that is not JSON becomes an item with a
    problem, keyed by its line number and its bytes."""
    try:
        value = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        problem = InputError(f"line {number} is not valid JSON: {exc}")
        return BatchItem(f"line {number}", b"", hashlib.sha256(line).hexdigest(), problem)
    return item_of(value, fallback_id=f"line {number}", raw=line)


def item_of(value: object, *, fallback_id: str, raw: bytes | None = None) -> BatchItem:
    """An ``{"id", "text"}`` object as an item. Anything else becomes an item with a
    problem, keyed by ``fallback_id`` (or its id) and a hash of ``raw`` (its JSON).

    Example:
        >>> item_of({"id": "a", "text": 3}, fallback_id="line 1").problem
        InputError("line 1: 'text' is a int, not a string")
    """
    raw = raw if raw is not None else json.dumps(value, default=repr).encode("utf-8")
    if not isinstance(value, dict):
        problem = InputError(f"{fallback_id} is not a JSON object with 'id' and 'text'")
        return BatchItem(fallback_id, b"", hashlib.sha256(raw).hexdigest(), problem)
    raw_id = value.get("id")
    item_id = str(raw_id) if isinstance(raw_id, str | int) and str(raw_id) else fallback_id
    text = value.get("text")
    if not isinstance(text, str):
        kind = "missing" if text is None else f"a {type(text).__name__}, not a string"
        problem = InputError(f"{fallback_id}: 'text' is {kind}")
        return BatchItem(item_id, b"", hashlib.sha256(raw).hexdigest(), problem)
    return BatchItem(item_id, text, _digest(text))


def _iter_jsonl(path: Path) -> Iterator[BatchItem]:
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield _jsonl_item(number, line.rstrip(b"\r\n"))


def iter_inputs(source: str | Path) -> Iterator[BatchItem]:
    """The inputs ``source`` names, one at a time: a folder, a glob or a JSONL file.

    Files are read lazily (one in memory at a time); a folder's ids are paths relative
    to it, a glob's the matched paths, a JSONL file's its ``id`` fields.
    """
    path = Path(source)
    if _is_jsonl(path):
        yield from _iter_jsonl(path)
        return
    for item_id, file in _files(source):
        yield _read_file(item_id, file)


def count_inputs(source: str | Path) -> int:
    """How many inputs ``source`` holds (non-blank JSONL lines or files), cheaply."""
    path = Path(source)
    if not _is_jsonl(path):
        return len(_files(source))
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


# -- records --------------------------------------------------------------------------


def _head(item_id: str, sha256: str, status: str) -> str:
    # ASCII escapes: an id from a file name may hold surrogate escapes
    return f'{{"id": {json.dumps(item_id)}, "sha256": "{sha256}", "status": "{status}"'


def error_line(item_id: str, sha256: str, exc: BaseException, *, lost: bool = False) -> str:
    """The error record of an input, as one JSON line. ``lost``: the worker running it
    died or the executor failed, not the input: a re-run tries it again."""
    message = str(exc).strip() or type(exc).__name__
    retryable = lost or isinstance(exc, ModelError)
    internal = not (lost or isinstance(exc, SourcecheckError))
    rest = {"error": type(exc).__name__, "message": message, "retryable": retryable}
    if internal:
        rest["internal"] = True
    return _head(item_id, sha256, "error") + ", " + json.dumps(rest)[1:] + "\n"


def _result_json(result: Any) -> str:
    if isinstance(result, BaseModel):
        return result.model_dump_json()
    if isinstance(result, str):
        return json.dumps(result)
    return json.dumps(result, ensure_ascii=False)


def process_line(process: Process, item_id: str, sha256: str, data: Data) -> str:
    """Run ``process`` on one input and return its record line, never raising: a typed
    error, and any other exception (a bug), become the error record. Runs in workers."""
    try:
        result = _result_json(process(data))
    except Exception as exc:
        return error_line(item_id, sha256, exc)
    return _head(item_id, sha256, "ok") + ', "result": ' + result + "}\n"


def item_line(process: Process, item: BatchItem) -> str:
    """The record line of one item: its problem, or what ``process`` makes of it."""
    if item.problem is not None:
        return error_line(item.id, item.sha256, item.problem)
    return process_line(process, item.id, item.sha256, item.data)


def offline_process(data: Data) -> BaseModel:
    """The default per-article work: the offline reader and the verifier."""
    from sourcecheck._api import extract

    return extract(check_text(data), model="offline")


def model_process(model: str, *, rpm: float | None = None, **options: Any) -> AsyncProcess:
    """The per-article work with a model: one LLM reader (one client, one cache) shared
    by every call, awaited; the verifier as offline.

    With ``rpm``, every HTTP request the reader sends (SDK retries and the parts of a
    long article included) waits its turn on one ``RateLimiter``, through an event hook
    on the async HTTP client (``async_http_client`` in ``options``, else a default one).
    Raises ``ConfigurationError`` at once when the model settings are unusable.
    """
    from sourcecheck._api import _aread, _assemble, _choose_reader

    if rpm:
        options["async_http_client"] = _limited_client(options.get("async_http_client"), rpm)
    reader = _choose_reader(model, **options)

    async def process(data: Data) -> BaseModel:
        document = Document(check_text(data))
        return _assemble(document, await _aread(reader, document))

    return process


def _limited_client(client: Any, rpm: float) -> Any:
    import openai

    limiter = RateLimiter(rpm)

    async def wait_turn(request: object) -> None:
        await limiter.acquire()

    client = client if client is not None else openai.DefaultAsyncHttpxClient()
    client.event_hooks = {
        **client.event_hooks,
        "request": [*client.event_hooks["request"], wait_turn],
    }
    return client


_HEAD = re.compile(
    rb'\{"id": ("(?:[^"\\]|\\.)*"), "sha256": "([0-9a-f]{64})", "status": "(ok|error)"'
)


def _key_status(line: bytes) -> tuple[tuple[str, str], str, bool] | None:
    """Key, status and retryability of a whole record line. A result is known by its
    head alone (its result can be megabytes); an error line is small and fully parsed."""
    head = _HEAD.match(line)
    if head is not None and head.group(3) == b"ok" and line.endswith(b"}\n"):
        return (json.loads(head.group(1)), head.group(2).decode()), "ok", False
    record = _parse(line)
    if record is None:
        return None
    key = (record["id"], str(record["sha256"]))
    return key, str(record.get("status")), bool(record.get("retryable"))


def _parse(line: bytes) -> dict[str, Any] | None:
    try:
        value = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    ok = isinstance(value, dict) and isinstance(value.get("id"), str) and "sha256" in value
    return value if ok else None


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """The records of a results file, one at a time; a torn or corrupt line is skipped.

    Example:
        >>> import pathlib, tempfile
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "r.jsonl"
        >>> _ = out.write_text('{"id": "a", "sha256": "0", "status": "ok"}\\n{"id": "b", "sh')
        >>> [r["id"] for r in read_records(out)]
        ['a']
    """
    with Path(path).open("rb") as handle:
        for line in handle:
            if line.endswith(b"\n") and (record := _parse(line)) is not None:
                yield record


def repair(path: str | Path) -> int:
    """Cut a torn last line (no newline: the writer died mid-line) off ``path``.

    Returns the number of bytes removed. Lines are written whole, so only the last one
    can be torn; everything before the last newline is kept.
    """
    file = Path(path)
    if not file.exists():
        return 0
    size = file.stat().st_size
    with file.open("rb+") as handle:
        keep = _last_newline_end(handle, size)
        if keep < size:
            handle.truncate(keep)
            handle.flush()
            os.fsync(handle.fileno())
    return size - keep


def _last_newline_end(handle: BinaryIO, size: int) -> int:
    """The offset just after the last newline in the file (0 if there is none)."""
    position, block = size, 1 << 16
    while position > 0:
        start = max(0, position - block)
        handle.seek(start)
        chunk = handle.read(position - start)
        at = chunk.rfind(b"\n")
        if at >= 0:
            return start + at + 1
        position = start
    return 0


class _Writer:
    """Appends whole lines: one ``os.write`` each on an O_APPEND descriptor (no buffer
    to lose in a kill), fsynced every ``FSYNC_SECONDS`` and at close."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self._synced = time.monotonic()
        try:  # two runs appending to one file would interleave and double the work
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self._fd)
            raise ConfigurationError(f"another batch is writing to {path}") from None

    def write(self, line: str) -> None:
        data = line.encode("utf-8", "surrogateescape")
        while data:  # a regular file takes it in one call; loop in case it does not
            written = os.write(self._fd, data)
            data = data[written:]
        if time.monotonic() - self._synced > FSYNC_SECONDS:
            self.sync()

    def sync(self) -> None:
        os.fsync(self._fd)
        self._synced = time.monotonic()

    def close(self) -> None:
        with suppress(OSError):
            self.sync()
        os.close(self._fd)


# -- the plan: what to skip, what to redo ---------------------------------------------


@dataclass
class BatchSummary:
    """What a run did: inputs seen, records written (ok, errors), inputs skipped because
    an earlier run recorded them, and of those how many were errors."""

    out: Path
    inputs: int = 0
    ok: int = 0
    errors: int = 0
    skipped: int = 0
    skipped_errors: int = 0
    seconds: float = 0.0
    error_types: Counter[str] = field(default_factory=Counter)

    @property
    def failed(self) -> int:
        """Inputs whose record (new or earlier) is an error."""
        return self.errors + self.skipped_errors

    def describe(self) -> str:
        rate = (self.ok + self.errors) / self.seconds if self.seconds > 0 else 0.0
        text = (
            f"{self.inputs} inputs: {self.ok} results, {self.errors} errors written, "
            f"{self.skipped} already done ({self.skipped_errors} of them errors) in "
            f"{self.seconds:.1f} s ({rate:.1f}/s) -> {self.out}"
        )
        if self.error_types:
            kinds = ", ".join(f"{k} {n}" for k, n in self.error_types.most_common())
            text += f"; errors: {kinds}"
        return text


class _Plan:
    """Decides for each input: skip it (recorded earlier), record a problem, or do it.

    Multiset semantics: an input whose key ``(id, sha256)`` occurs k times in the input
    and has n final records is skipped for its first n occurrences. A repeated id gets
    an error record; a retryable error record does not count as final.
    """

    def __init__(self, out: Path) -> None:
        self.done: Counter[tuple[str, str]] = Counter()
        self.done_errors: Counter[tuple[str, str]] = Counter()
        self.retryable: set[tuple[str, str]] = set()
        self.seen: Counter[tuple[str, str]] = Counter()
        self.ids: set[str] = set()
        self.redone: set[tuple[str, str]] = set()
        if out.exists():
            self._load(out)

    def _load(self, out: Path) -> None:
        with out.open("rb") as handle:
            for line in handle:
                found = _key_status(line) if line.endswith(b"\n") else None
                if found is None:
                    continue
                key, status, retryable = found
                if retryable:
                    self.retryable.add(key)
                    continue
                self.done[key] += 1
                self.done_errors[key] += status == "error"

    def skip(self, item: BatchItem) -> bool:
        """True when an earlier run recorded this occurrence; counts the occurrence."""
        key = item.key
        self.seen[key] += 1
        if self.seen[key] <= self.done[key]:
            self.ids.add(item.id)
            return True
        return False

    def was_error(self, item: BatchItem) -> bool:
        return self.seen[item.key] <= self.done_errors[item.key]

    def problem(self, item: BatchItem) -> InputError | None:
        """Why this input is recorded as an error without being processed, if it is."""
        repeated = item.id in self.ids
        self.ids.add(item.id)
        if item.key in self.retryable:
            self.redone.add(item.key)
        if item.problem is not None:
            return item.problem
        if repeated:
            return InputError(f"the id {item.id!r} occurs more than once in the input")
        return None


def _compact(out: Path, redone: set[tuple[str, str]]) -> None:
    """Drop retryable error records that a later record of the same key supersedes.

    Written to a temporary file, fsynced and renamed over the output: a kill during
    compaction leaves either the old file or the new one, never a mix.
    """
    if not redone:
        return
    last: dict[tuple[str, str], int] = {}
    with out.open("rb") as handle:
        for number, line in enumerate(handle):
            found = _key_status(line) if line.endswith(b"\n") else None
            if found is not None and found[0] in redone:
                last[found[0]] = number
    temporary = out.with_name(out.name + ".compacting")
    with out.open("rb") as source, temporary.open("wb") as target:
        for number, line in enumerate(source):
            if not _superseded(line, number, last):
                target.write(line)
        target.flush()
        os.fsync(target.fileno())
    os.replace(temporary, out)


def _superseded(line: bytes, number: int, last: dict[tuple[str, str], int]) -> bool:
    """True for a retryable error record with a later record of the same key."""
    if b'"retryable": true' not in line:  # cheap: results are never parsed here
        return False
    record = _parse(line) if line.endswith(b"\n") else None
    if record is None or not record.get("retryable"):
        return False
    return number < last.get((record["id"], str(record["sha256"])), -1)


# -- progress -------------------------------------------------------------------------


class _RateColumn(ProgressColumn):
    """Articles per second, from rich's moving window."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("-- /s" if speed is None else f"{speed:,.1f}/s", style="progress.data.speed")


@contextmanager
def _progress(enabled: bool, total: int | None) -> Iterator[Callable[[int], None]]:
    """A rich progress bar on stderr with rate and ETA; yields ``advance(n)``."""
    progress = Progress(
        TextColumn("[bold]sourcecheck batch"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=not enabled,
        transient=False,
    )
    with progress:
        task = progress.add_task("batch", total=total)
        yield lambda n: progress.advance(task, n)


# -- the runners ----------------------------------------------------------------------


class _Run:
    """State shared by the sync and async runners: plan, writer, summary, progress."""

    def __init__(self, out: Path, advance: Callable[[int], None]) -> None:
        self.writer = _Writer(out)  # first: it holds the lock
        repair(out)
        self.plan = _Plan(out)
        self.summary = BatchSummary(out=out)
        self.advance = advance
        self.started = time.perf_counter()

    def todo(self, items: Iterable[BatchItem]) -> Iterator[BatchItem]:
        """The inputs to process; skipped ones and problems are handled here."""
        for item in items:
            self.summary.inputs += 1
            if self.plan.skip(item):
                self.summary.skipped += 1
                self.summary.skipped_errors += self.plan.was_error(item)
                self.advance(1)
            elif (problem := self.plan.problem(item)) is not None:
                self.record(error_line(item.id, item.sha256, problem))
            else:
                yield item

    def record(self, line: str) -> None:
        """Write one record. A configuration error is not written (a re-run with the
        setting fixed must redo the input): it stops the run."""
        if _status(line) == "ok":
            self.summary.ok += 1
        else:
            record = _parse(line.encode("utf-8", "surrogateescape")) or {}
            kind = str(record.get("error", "?"))
            if _is_configuration(kind):
                raise ConfigurationError(str(record.get("message", "")))
            self.summary.errors += 1
            self.summary.error_types[kind] += 1
        self.writer.write(line)
        self.advance(1)

    def finish(self) -> BatchSummary:
        self.writer.sync()
        _compact(self.summary.out, self.plan.redone)  # still under the lock
        self.writer.close()
        self.summary.seconds = time.perf_counter() - self.started
        return self.summary

    def abort(self) -> None:
        with suppress(OSError):
            self.writer.close()


def _is_configuration(kind: str) -> bool:
    error = getattr(_exceptions, kind, None)
    return isinstance(error, type) and issubclass(error, ConfigurationError)


def _status(line: str) -> str:
    """The status of a record line without parsing its (possibly large) result. An id
    is JSON-escaped, so the first ``"status": "`` is the record's own."""
    at = line.find('"status": "') + len('"status": "')
    return line[at : line.find('"', at)]


def run_batch(
    source: str | Path | Iterable[BatchItem],
    out: str | Path,
    *,
    process: Process = offline_process,
    workers: int = 1,
    executor: Executor | None = None,
    progress: bool = True,
    window: int | None = None,
) -> BatchSummary:
    """Process every input of ``source`` into ``out``, resuming what is there.

    ``workers`` > 1 runs ``process`` (a picklable, module-level function) in that many
    processes; ``executor`` runs it on any ``concurrent.futures`` executor instead (the
    Dask adapter passes a cluster's). At most ``window`` inputs (default 4 per worker)
    are in flight, so memory does not grow with the input. A ``ConfigurationError``
    (every input would fail the same way) stops the run; every other failure is a record.
    """
    if workers < 1:
        raise InvalidArgumentError(f"workers must be at least 1, not {workers}")
    out_path = Path(out)
    items, total = _items_and_total(source)
    with _progress(progress, total) as advance:
        run = _Run(out_path, advance)
        try:
            work = partial(process_line, process)
            if executor is None and workers == 1:
                for item in run.todo(items):
                    run.record(work(item.id, item.sha256, item.data))
            else:
                _run_pool(run, items, work, executor, workers, window or 4 * workers)
        except BaseException:
            run.abort()
            raise
        return run.finish()


def _items_and_total(
    source: str | Path | Iterable[BatchItem],
) -> tuple[Iterable[BatchItem], int | None]:
    if isinstance(source, str | Path):
        return iter_inputs(source), count_inputs(source)
    return source, None


def _run_pool(
    run: _Run,
    items: Iterable[BatchItem],
    work: Callable[[str, str, Data], str],
    executor: Executor | None,
    workers: int,
    window: int,
) -> None:
    own = executor is None
    pool: Executor = ProcessPoolExecutor(workers) if executor is None else executor
    pending: dict[Future[str], BatchItem] = {}
    try:
        for item in run.todo(items):
            pending[pool.submit(work, item.id, item.sha256, item.data)] = item
            while len(pending) >= window:
                pool = _collect(run, pending, pool, own, workers, FIRST_COMPLETED)
        while pending:
            pool = _collect(run, pending, pool, own, workers, FIRST_COMPLETED)
    except BaseException:
        if own:
            pool.shutdown(wait=False, cancel_futures=True)
        raise
    if own:
        pool.shutdown()


def _collect(
    run: _Run,
    pending: dict[Future[str], BatchItem],
    pool: Executor,
    own: bool,
    workers: int,
    when: str,
) -> Executor:
    """Write the records of finished work; a dead worker process (a crash, the OOM
    killer) turns its in-flight inputs into retryable records and starts a new pool."""
    finished, _ = wait(list(pending), return_when=when)
    broken = False
    for future in finished:
        item = pending.pop(future)
        try:
            line = future.result()
        except Exception as exc:  # process_line never raises: the worker or executor failed
            broken = broken or isinstance(exc, BrokenProcessPool)
            line = error_line(item.id, item.sha256, exc, lost=True)
        run.record(line)
    if broken and own:
        pool.shutdown(wait=False, cancel_futures=True)
        return ProcessPoolExecutor(workers)
    return pool


# -- the async runner (model work) ---------------------------------------------------


class RateLimiter:
    """At most ``per_minute`` starts a minute, evenly spaced (no bursts to trip a
    server's limiter). Waiters are served in order.

    Example:
        >>> import asyncio, time
        >>> limiter = RateLimiter(per_minute=600)  # one every 0.1 s
        >>> async def three():
        ...     start = time.monotonic()
        ...     for _ in range(3):
        ...         await limiter.acquire()
        ...     return time.monotonic() - start
        >>> 0.19 < asyncio.run(three()) < 0.5
        True
    """

    def __init__(self, per_minute: float) -> None:
        if per_minute <= 0:
            raise InvalidArgumentError(f"requests per minute must be positive, not {per_minute}")
        self.interval = 60.0 / per_minute
        self._next = 0.0
        self._lock: asyncio.Lock | None = None

    async def acquire(self) -> None:
        if self._lock is None:  # created inside the running loop
            self._lock = asyncio.Lock()
        async with self._lock:
            now = time.monotonic()
            if self._next > now:
                await asyncio.sleep(self._next - now)
                now = time.monotonic()
            self._next = max(now, self._next) + self.interval


async def _async_line(process: AsyncProcess, item: BatchItem) -> str:
    try:
        result = _result_json(await process(item.data))
    except Exception as exc:
        return error_line(item.id, item.sha256, exc)
    return _head(item.id, item.sha256, "ok") + ', "result": ' + result + "}\n"


async def run_batch_async(
    source: str | Path | Iterable[BatchItem],
    out: str | Path,
    process: AsyncProcess,
    *,
    concurrency: int = 4,
    rpm: float | None = None,
    progress: bool = True,
) -> BatchSummary:
    """Like ``run_batch`` for async work (model calls): at most ``concurrency`` inputs in
    flight and, with ``rpm``, at most that many started per minute. Records are written
    from the event loop as each input finishes."""
    if concurrency < 1:
        raise InvalidArgumentError(f"concurrency must be at least 1, not {concurrency}")
    items, total = _items_and_total(source)
    limiter = RateLimiter(rpm) if rpm else None
    with _progress(progress, total) as advance:
        run = _Run(Path(out), advance)
        try:
            await _drive(run, _aiter(run.todo(items)), process, concurrency, limiter)
        except BaseException:
            run.abort()
            raise
        return run.finish()


async def _aiter(items: Iterator[BatchItem]) -> AsyncIterator[BatchItem]:
    for item in items:
        yield item


async def _drive(
    run: _Run,
    items: AsyncIterator[BatchItem],
    process: AsyncProcess,
    concurrency: int,
    limiter: RateLimiter | None,
) -> None:
    gate = asyncio.Semaphore(concurrency)
    tasks: set[asyncio.Task[None]] = set()
    failure: list[Exception] = []

    async def one(item: BatchItem) -> None:
        try:
            run.record(await _async_line(process, item))
        except Exception as exc:  # a fatal record (configuration) stops the run
            failure.append(exc)
        finally:
            gate.release()

    try:
        async for item in items:
            await gate.acquire()  # bounded: no task exists before a slot is free
            if failure:
                break
            if limiter is not None:
                await limiter.acquire()
            task = asyncio.create_task(one(item))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
        await asyncio.gather(*tasks)
    finally:
        for task in list(tasks):
            task.cancel()
    if failure:
        raise failure[0]
