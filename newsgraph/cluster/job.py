"""The distributed job on Ray Data: read, extract, write Parquet; then the cross-document stage.

Map stage (:func:`run`)::

    units (files, Parquet row groups)
      -> read tasks          read_paths / Parquet rows -> document, error and skipped rows
      -> extractor actors    each loads spaCy once; per batch of rows: claim, extract, write, commit
      -> summaries           one small row per batch, gathered by the driver

An extractor first *claims* its batch's keys from a registry actor, which knows every key settled
by earlier runs (read from the manifests) and every key claimed in this run: a document already
done is skipped, a document that two inputs hold is extracted once. Then it runs
:func:`newsgraph.pipeline.process_many` over the documents it owns, builds the store's rows with
:func:`newsgraph.cluster.tables.build_rows`, and commits the batch (data files, then manifest; see
:mod:`newsgraph.cluster.storage`). A document that fails becomes a row of ``errors`` and the batch
goes on.

A worker that dies (killed, out of memory, a crash in native code) loses only its batch: Ray
restarts the actor and retries the batch. A retried batch runs one document at a time and tells
the registry which one it is on; when the worker dies again, that document is listed in ``errors``
(stage ``worker``) and left out of the next attempt, so one poisonous page cannot stop the job or
take its batch with it. It is not marked done (the death may have been a node going away, not the
page), so the next run tries it again. Batches that still fail after every retry are listed too (stage
``worker``), and not marked done, so the next run tries them again.

Merge stage (:func:`merge`): ``people`` and ``event_groups`` from the committed output (see
:mod:`newsgraph.cluster.merge`), partitioned by surname key and by event type with Ray Data's
``groupby``, written next to the other datasets.

The same code runs on the local machine (``ray.init(num_cpus=...)``, the default) and on a cluster
(``address="auto"`` on a cluster node, or ``"ray://head:10001"`` from outside), where the inputs and
``out`` must be paths every node sees (a shared filesystem) or, for Parquet and the output, URIs.
"""
from __future__ import annotations

import contextlib
import logging
import os
import resource
import sys
import time
import uuid
import warnings
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa

from newsgraph.model import Document

from . import inputs as _inputs
from . import merge as _merge
from . import tables as _tables
from .storage import ERRORS_SCHEMA, MANIFEST_SCHEMA, SKIPPED_SCHEMA, Output, batch_key, error_key, key64

DEFAULT_BATCH = 64          # documents per committed batch
DEFAULT_RETRIES = 4         # attempts of a batch after its worker died
READ_BLOCK_ROWS = 64        # rows per table the read stage yields
SMALL_BLOCK_BYTES = 64 << 10  # Ray Data block size in the map stage (a few pages of text)

log = logging.getLogger("newsgraph.cluster")

ProcessMany = Callable[[Any], Iterator[tuple[Document, Any]]]


# -- Ray session ------------------------------------------------------------------------------------


@contextlib.contextmanager
def session(address: str | None = None, workers: int | None = None, ship_code: bool = False,
            quiet: bool = True) -> Iterator[None]:
    """A Ray session for one command: reuse the one this process has, else start a local instance
    (``address`` None or ``"local"``; sized to at least ``workers`` CPUs) or connect to ``address``
    (``"auto"``, ``"ray://host:10001"``, ``"host:6379"``). ``ship_code`` sends this newsgraph
    package to the cluster's workers (its dependencies must be installed there)."""
    import ray

    if ray.is_initialized():
        yield
        return
    kwargs: dict[str, Any] = {"include_dashboard": False, "logging_level": logging.WARNING if quiet else logging.INFO}
    if ship_code:
        import newsgraph

        kwargs["runtime_env"] = {"py_modules": [os.path.dirname(newsgraph.__file__)]}
    if address in (None, "", "local"):
        kwargs["num_cpus"] = max(os.cpu_count() or 1, workers or 1)
        ray.init(**kwargs)
    else:
        ray.init(address=address, **kwargs)
    try:
        yield
    finally:
        ray.shutdown()


@contextlib.contextmanager
def _data_context(quiet: bool, sort_shuffle: bool = False, small_blocks: bool = False) -> Iterator[None]:
    import ray.data

    ctx = ray.data.DataContext.get_current()
    saved = (ctx.enable_progress_bars, ctx.max_errored_blocks, ctx.shuffle_strategy, ctx.target_max_block_size)
    if small_blocks:
        # the read stage's rows leave it in blocks of a few documents, which Ray Data bundles into
        # batches for the extractors; with its default (128 MiB) one file would be one block and
        # one batch of work for one worker.
        ctx.target_max_block_size = SMALL_BLOCK_BYTES
    ctx.enable_progress_bars = False
    ctx.max_errored_blocks = -1  # a batch that fails after its retries is listed, the job goes on
    if sort_shuffle:  # starts no aggregator actors: seconds instead of tens on a small output
        ctx.shuffle_strategy = ray.data.context.ShuffleStrategy.SORT_SHUFFLE_PULL_BASED
    level = logging.getLogger("ray.data").level
    try:
        with warnings.catch_warnings():
            if quiet:
                logging.getLogger("ray.data").setLevel(logging.ERROR)
                warnings.filterwarnings("ignore", module=r"ray\.data.*")  # tuning advice, not about the job
            yield
    finally:
        ctx.enable_progress_bars, ctx.max_errored_blocks, ctx.shuffle_strategy, ctx.target_max_block_size = saved
        logging.getLogger("ray.data").setLevel(level)


def _cluster_cpus() -> int:
    import ray

    return max(1, int(ray.cluster_resources().get("CPU", 1)))


# -- the registry of claims -------------------------------------------------------------------------


class Registry:
    """Who owns which key in this run (a Ray actor; see the module docstring).

    ``done`` holds the keys of committed batches of earlier runs (sorted uint64); ``owner`` the keys
    claimed in this run and the batch that claimed them. For each batch in flight it keeps its
    attempts, its claimed keys with their sources, and the document its worker is on when that worker
    runs one document at a time, to blame it if the worker dies.
    """

    def __init__(self, done: np.ndarray, max_attempts: int = DEFAULT_RETRIES + 1) -> None:
        self.done = np.sort(np.asarray(done, dtype=np.uint64))
        self.max_attempts = max_attempts
        self.owner: dict[int, str] = {}
        self.attempts: dict[str, int] = {}
        self.inflight: dict[str, list[tuple[str, str]]] = {}
        self.current: dict[str, tuple[str, str]] = {}
        self.blamed: dict[str, list[tuple[str, str]]] = {}

    def _is_done(self, k: int) -> bool:
        i = int(np.searchsorted(self.done, np.uint64(k)))
        return i < len(self.done) and int(self.done[i]) == k

    def claim(self, batch: str, keys: list[str], sources: list[str]) -> dict[str, Any]:
        """Claim ``keys`` for ``batch``: per key ``mine``, ``done`` (by an earlier run) or ``taken``
        (by another batch of this run). Also returns the attempt number and the keys blamed for
        earlier deaths of this batch's worker."""
        attempt = self.attempts[batch] = self.attempts.get(batch, 0) + 1
        if batch in self.current:  # the worker died on this document
            self.blamed.setdefault(batch, []).append(self.current.pop(batch))
        status, mine, seen = [], [], set()
        for key, source in zip(keys, sources):
            k = key64(key)
            if self._is_done(k):
                status.append("done")
                continue
            owner = self.owner.setdefault(k, batch)
            if owner == batch and k not in seen:
                seen.add(k)
                status.append("mine")
                mine.append((key, source))
            else:
                status.append("taken")
        self.inflight[batch] = mine
        return {"attempt": attempt, "status": status, "blamed": [k for k, _ in self.blamed.get(batch, [])],
                "give_up": attempt > self.max_attempts}

    def working_on(self, batch: str, key: str, source: str) -> None:
        self.current[batch] = (key, source)

    def idle(self, batch: str) -> None:
        self.current.pop(batch, None)

    def commit(self, batch: str) -> None:
        self.inflight.pop(batch, None)
        self.current.pop(batch, None)
        self.blamed.pop(batch, None)

    def uncommitted(self) -> list[dict[str, Any]]:
        """Batches claimed in this run that never committed (their workers failed every attempt)."""
        return [{"batch": b, "keys": keys, "attempts": self.attempts.get(b, 0),
                 "blamed": [k for k, _ in self.blamed.get(b, [])]} for b, keys in self.inflight.items()]

    def stats(self) -> dict[str, int]:
        return {"done_before": int(len(self.done)), "claimed": len(self.owner), "in_flight": len(self.inflight)}


# -- the extractor (one per worker) -----------------------------------------------------------------


def _peak_rss_mb() -> float:
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(kib / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


SUMMARY_SCHEMA = pa.schema([
    ("batch", pa.string()), ("attempt", pa.int64()), ("pid", pa.int64()), ("host", pa.string()),
    ("rows", pa.int64()), ("documents", pa.int64()), ("errors", pa.int64()), ("skipped", pa.int64()),
    ("already_done", pa.int64()), ("duplicates", pa.int64()), ("articles", pa.int64()),
    ("quotes", pa.int64()), ("chars", pa.int64()), ("seconds", pa.float64()), ("cpu_seconds", pa.float64()),
    ("load_seconds", pa.float64()), ("peak_rss_mb", pa.float64()),
])


class Extractor:
    """Ray Data callable class: the pipeline, loaded once per worker, applied batch by batch."""

    def __init__(self, out: str, registry: Any, run_id: str, process: ProcessMany | None = None) -> None:
        if process is None:
            from newsgraph.pipeline import process_many as process
        self.process = process
        self.output = Output(out)
        self.registry = registry
        self.run_id = run_id
        self.pid = os.getpid()
        self.host = os.uname().nodename
        self.loaded = False

    # one document at a time, telling the registry which (used on retries)
    def _one_by_one(self, batch: str, docs: list[Document], watch: bool) -> Iterator[tuple[Document, Any]]:
        import ray

        for doc in docs:
            if watch:
                ray.get(self.registry.working_on.remote(batch, doc.id, doc.source))
            try:
                results = list(self.process([doc]))
                yield results[0] if results else (doc, [])
            except Exception as exc:  # noqa: BLE001 - this document failed
                yield doc, exc
        if watch:
            ray.get(self.registry.idle.remote(batch))

    def _extract(self, batch: str, docs: list[Document], attempt: int) -> Iterator[tuple[Document, Any]]:
        if attempt > 1:  # the worker died on this batch before: find the culprit
            yield from self._one_by_one(batch, docs, watch=True)
            return
        done: set[str] = set()
        try:
            for doc, result in self.process(iter(docs)):
                done.add(doc.id)
                yield doc, result
        except Exception:  # noqa: BLE001 - the batch broke, not one document: isolate the rest
            yield from self._one_by_one(batch, [d for d in docs if d.id not in done], watch=False)

    def __call__(self, rows: pa.Table) -> pa.Table:
        import ray

        t0, c0 = time.perf_counter(), time.process_time()
        records = rows.to_pylist()
        batch = batch_key(r["key"] for r in records)
        claim = ray.get(self.registry.claim.remote(batch, [r["key"] for r in records],
                                                   [r["source"] for r in records]))
        status, blamed = claim["status"], set(claim["blamed"])
        now = _tables.utcnow()
        errors: list[dict[str, Any]] = []
        skipped: list[dict[str, Any]] = []
        manifest: list[dict[str, Any]] = []
        docs: list[Document] = []
        for r, st in zip(records, status):
            if st != "mine":
                continue
            if r["rtype"] == "error":
                errors.append({"key": r["key"], "document_id": None, "source": r["source"], "stage": r["stage"],
                               "reason": r["reason"], "run_id": self.run_id, "at": now})
                manifest.append({"key": r["key"], "status": "error", "run_id": self.run_id})
            elif r["rtype"] == "skipped":
                skipped.append({"key": r["key"], "source": r["source"], "category": r["category"],
                                "reason": r["reason"], "run_id": self.run_id})
                manifest.append({"key": r["key"], "status": "skipped", "run_id": self.run_id})
            elif claim["give_up"]:  # listed, not marked done: the next run tries it again
                reason = f"its worker died on every attempt ({claim['attempt'] - 1}); tried again on the next run"
                ekey = error_key("worker", r["key"], reason)
                errors.append({"key": ekey, "document_id": r["id"], "source": r["source"], "stage": "worker",
                               "reason": reason, "run_id": self.run_id, "at": now})
                manifest.append({"key": ekey, "status": "error", "run_id": self.run_id})
            elif r["key"] in blamed:  # listed, not marked done: a kill may not be the document's fault
                reason = "the worker died (killed, out of memory or crashed) while extracting this document"
                ekey = error_key("worker", r["key"], reason)
                errors.append({"key": ekey, "document_id": r["id"], "source": r["source"], "stage": "worker",
                               "reason": reason, "run_id": self.run_id, "at": now})
                manifest.append({"key": ekey, "status": "error", "run_id": self.run_id})
            else:
                docs.append(_inputs.row_document(r))

        load_s = load_cpu = 0.0
        if docs and not self.loaded:  # the model, once per worker: on its first batch with anything to extract
            from newsgraph import nlp

            l0, lc = time.perf_counter(), time.process_time()
            nlp.load()
            load_s, load_cpu = time.perf_counter() - l0, time.process_time() - lc
            self.loaded = True
        parts: dict[str, list[pa.Table]] = {t: [] for t in _tables.TABLES}
        n_docs = n_articles = n_quotes = chars = 0
        for doc, result in self._extract(batch, docs, claim["attempt"]):
            stage = "extract"
            if not isinstance(result, BaseException):
                try:
                    rows_by_table = _tables.build_rows(doc, result, ingested_at=now)
                except Exception as exc:  # noqa: BLE001 - what the store would refuse
                    result, stage = exc, "rows"
                else:
                    for t, trows in rows_by_table.items():
                        if trows:
                            parts[t].append(_tables.to_arrow(t, trows))
                    manifest.append({"key": doc.id, "status": "ok", "run_id": self.run_id})
                    n_docs += 1
                    n_articles += len(result)
                    n_quotes += sum(len(a.quotes) for a in result)
                    chars += len(doc.text)
                    continue
            errors.append({"key": doc.id, "document_id": doc.id, "source": doc.source, "stage": stage,
                           "reason": _reason(result), "run_id": self.run_id, "at": now})
            manifest.append({"key": doc.id, "status": "error", "run_id": self.run_id})

        if manifest:
            datasets = {t: pa.concat_tables(ps) for t, ps in parts.items() if ps}
            if errors:
                datasets["errors"] = pa.Table.from_pylist(errors, schema=ERRORS_SCHEMA)
            if skipped:
                datasets["skipped"] = pa.Table.from_pylist(skipped, schema=SKIPPED_SCHEMA)
            self.output.write_batch(batch, datasets, pa.Table.from_pylist(manifest, schema=MANIFEST_SCHEMA))
        ray.get(self.registry.commit.remote(batch))
        summary = {
            "batch": batch, "attempt": claim["attempt"], "pid": self.pid, "host": self.host, "rows": len(records),
            "documents": n_docs, "errors": len(errors), "skipped": len(skipped),
            "already_done": status.count("done"), "duplicates": status.count("taken"), "articles": n_articles,
            "quotes": n_quotes, "chars": chars, "seconds": time.perf_counter() - t0 - load_s,
            "cpu_seconds": time.process_time() - c0 - load_cpu, "load_seconds": load_s, "peak_rss_mb": _peak_rss_mb(),
        }
        return pa.Table.from_pylist([summary], schema=SUMMARY_SCHEMA)


def _read_stage(batch: pa.Table) -> Iterator[pa.Table]:
    units = [_inputs.Unit.from_row(r) for r in batch.to_pylist()]
    yield from _inputs.read_units_batches(units, READ_BLOCK_ROWS)


# -- reports ----------------------------------------------------------------------------------------


@dataclass
class WorkerStats:
    pid: int
    host: str
    batches: int = 0
    documents: int = 0
    seconds: float = 0.0       # wall time inside batches (loading the model aside)
    cpu_seconds: float = 0.0   # CPU time of the worker process inside batches (idem)
    load_seconds: float = 0.0  # loading the spaCy model (once)
    peak_rss_mb: float = 0.0


@dataclass
class RunReport:
    """What one run did (also written to ``OUT/_runs/<run_id>.json``)."""

    run_id: str
    out: str
    units: int = 0
    rows: int = 0
    documents: int = 0
    errors: int = 0
    skipped: int = 0
    already_done: int = 0
    duplicates: int = 0
    articles: int = 0
    quotes: int = 0
    chars: int = 0
    batches: int = 0
    retried_batches: int = 0
    lost_batches: int = 0
    removed_uncommitted: int = 0
    workers: list[WorkerStats] = field(default_factory=list)
    seconds: float = 0.0
    map_seconds: float = 0.0
    merge: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def line(self) -> str:
        return (f"{self.rows} records read: {self.documents} documents extracted, {self.already_done} already done, "
                f"{self.duplicates} duplicates, {self.errors} errors, {self.skipped} skipped; "
                f"{self.articles} articles, {self.quotes} quotes")


# -- the map stage ----------------------------------------------------------------------------------


def run(inputs: list[str], out: str, *, address: str | None = None, workers: int | None = None,
        batch_size: int = DEFAULT_BATCH, merge: bool = True, process: ProcessMany | None = None,
        retries: int = DEFAULT_RETRIES, ship_code: bool = False, quiet: bool = True,
        on_batch: Callable[[dict[str, Any]], None] | None = None) -> RunReport:
    """Extract every document of ``inputs`` into partitioned Parquet under ``out`` (see the module
    docstring); then, unless ``merge`` is False, the cross-document stage.

    ``workers`` is the number of extractor actors (default: the CPUs of the cluster, or of this
    machine); ``batch_size`` the documents per committed batch; ``process`` replaces
    :func:`newsgraph.pipeline.process_many` (same contract). ``on_batch`` is called with each batch's
    summary as it arrives.
    """
    import ray
    import ray.data

    t0 = time.perf_counter()
    output = Output(out)
    output.ensure()
    removed = output.cleanup()
    units = _inputs.plan(list(inputs), exclude=output.uri)
    report = RunReport(run_id=time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6], out=output.uri,
                       units=len(units), removed_uncommitted=len(removed))
    with session(address, workers, ship_code, quiet):
        n_workers = max(1, workers or _cluster_cpus())
        registry = ray.remote(Registry).options(num_cpus=0, max_concurrency=1).remote(output.done_keys(),
                                                                                     retries + 1)
        t1 = time.perf_counter()
        if units:
            with _data_context(quiet, small_blocks=True):
                ds = ray.data.from_items([u.to_row() for u in units], override_num_blocks=min(len(units), 10_000))
                ds = ds.map_batches(_read_stage, batch_size=1, batch_format="pyarrow", num_cpus=0,
                                    compute=ray.data.TaskPoolStrategy(size=max(1, n_workers)))
                ds = ds.map_batches(
                    Extractor, batch_size=batch_size, batch_format="pyarrow", num_cpus=1,
                    # one batch at a time per worker: none waits behind a busy one while another is idle
                    compute=ray.data.ActorPoolStrategy(size=n_workers, max_tasks_in_flight_per_actor=1),
                    fn_constructor_kwargs={"out": output.uri, "registry": registry, "run_id": report.run_id,
                                           "process": process},
                )  # Ray Data restarts a dead actor and retries its batch; the registry bounds the attempts
                workers_seen: dict[int, WorkerStats] = {}
                for s in ds.iter_rows():
                    _add_summary(report, workers_seen, s)
                    if on_batch is not None:
                        on_batch(s)
                report.workers = sorted(workers_seen.values(), key=lambda w: (w.host, w.pid))
        lost = ray.get(registry.uncommitted.remote())
        if lost:
            _list_lost(output, lost, report)
        report.map_seconds = round(time.perf_counter() - t1, 3)
        ray.kill(registry)
        if merge:
            report.merge = merge_stage(output, quiet=quiet)
    report.seconds = round(time.perf_counter() - t0, 3)
    output.write_json("_runs", f"{report.run_id}.json", report.to_dict())
    return report


def _add_summary(report: RunReport, workers: dict[int, WorkerStats], s: dict[str, Any]) -> None:
    for k in ("rows", "documents", "errors", "skipped", "already_done", "duplicates", "articles", "quotes", "chars"):
        setattr(report, k, getattr(report, k) + int(s[k]))
    report.batches += 1
    report.retried_batches += int(s["attempt"] > 1)
    w = workers.setdefault(int(s["pid"]), WorkerStats(int(s["pid"]), s["host"]))
    w.batches += 1
    w.documents += int(s["documents"])
    w.seconds += float(s["seconds"])
    w.cpu_seconds += float(s["cpu_seconds"])
    w.load_seconds += float(s["load_seconds"])
    w.peak_rss_mb = max(w.peak_rss_mb, float(s["peak_rss_mb"]))


def _list_lost(output: Output, lost: list[dict[str, Any]], report: RunReport) -> None:
    """Batches whose workers failed every attempt: their records are listed in ``errors`` (stage
    ``worker``) under a batch of their own. Only the error rows are marked done, not the documents,
    so the next run extracts them again."""
    now = _tables.utcnow()
    errors, manifest = [], []
    for b in lost:
        report.lost_batches += 1
        for key, source in b["keys"]:
            reason = (f"the worker died while extracting this document ({b['attempts']} attempts)"
                      if key in b["blamed"] else
                      f"its batch failed on every attempt ({b['attempts']}); it will be tried again on the next run")
            ekey = error_key("worker", key, reason)
            errors.append({"key": ekey, "document_id": key, "source": source, "stage": "worker", "reason": reason,
                           "run_id": report.run_id, "at": now})
            manifest.append({"key": ekey, "status": "error", "run_id": report.run_id})
    if errors:
        batch = batch_key(m["key"] for m in manifest)
        output.write_batch(batch, {"errors": pa.Table.from_pylist(errors, schema=ERRORS_SCHEMA)},
                           pa.Table.from_pylist(manifest, schema=MANIFEST_SCHEMA))
        report.errors += len(errors)


# -- the merge stage --------------------------------------------------------------------------------


def _person_partials(batch: pa.Table, out: str) -> pa.Table:
    output = Output(out)
    rows: list[dict[str, Any]] = []
    for b in batch.column("batch").to_pylist():
        rows += _merge.person_partials(
            output.read_batch(b, "speakers"),
            output.read_batch(b, "quotes", ["speaker_id", "article_id", "speaker_role"]),
            output.read_batch(b, "article_speakers", ["article_id", "speaker_id", "roles"]),
            output.read_batch(b, "articles", ["id", "published"]),
            output.read_batch(b, "entities", ["article_id", "name", "kind", "roles"]))
    return pa.Table.from_pylist(rows, schema=_merge.PARTIAL_SCHEMA)


def _people_group(group: pa.Table) -> pa.Table:
    return pa.Table.from_pylist(_merge.people_of_partition(group.to_pylist()), schema=_merge.PEOPLE_SCHEMA)


def _event_rows(batch: pa.Table, out: str) -> pa.Table:
    output = Output(out)
    rows: list[dict[str, Any]] = []
    for b in batch.column("batch").to_pylist():
        rows += _merge.event_rows(output.read_batch(b, "events"), output.read_batch(b, "articles"))
    schema = _tables.SCHEMAS["events"].append(pa.field("published", pa.string())).append(
        pa.field("outlet", pa.string()))
    return pa.Table.from_pylist(rows, schema=schema)


def _event_group(group: pa.Table) -> pa.Table:
    return pa.Table.from_pylist(_merge.event_groups_of_partition(group.to_pylist()),
                                schema=_merge.EVENT_GROUPS_SCHEMA)


def _event_merging_available() -> str | None:
    try:
        from newsgraph.extractors.events import merge_events  # noqa: F401
    except ImportError as exc:
        return _reason(exc)
    return None


def merge_stage(output: Output, partitions: int | None = None, quiet: bool = True) -> dict[str, Any]:
    """``people`` and ``event_groups`` from every committed batch, on the engine of the current
    Ray session; each dataset is written to a staging directory and then put in place."""
    import ray.data

    t0 = time.perf_counter()
    output.remove_stale_dirs()
    batches = sorted(output.committed_batches())
    parts = partitions or max(1, min(_cluster_cpus(), len(batches) or 1))
    report: dict[str, Any] = {"batches": len(batches)}

    def source() -> ray.data.Dataset:
        return ray.data.from_items([{"batch": b} for b in batches], override_num_blocks=min(len(batches), 1000))

    stages = {
        "people": lambda: source().map_batches(_person_partials, fn_kwargs={"out": output.uri},
                                               batch_format="pyarrow", batch_size=16)
        .groupby("key", num_partitions=parts).map_groups(_people_group, batch_format="pyarrow"),
        "event_groups": lambda: source().map_batches(_event_rows, fn_kwargs={"out": output.uri},
                                                     batch_format="pyarrow", batch_size=16)
        .groupby("type", num_partitions=parts).map_groups(_event_group, batch_format="pyarrow"),
    }
    missing = _event_merging_available()
    if missing:
        del stages["event_groups"]
        report["event_groups"] = f"not built: {missing}"
    with _data_context(quiet, sort_shuffle=True):
        for name, build in stages.items():
            staging = f".{name}.tmp-{uuid.uuid4().hex}"
            output.fs.create_dir(output.path(staging), recursive=True)
            if batches:
                build().write_parquet(output.path(staging), filesystem=output.fs, compression="zstd")
            n = _rows_in(output, staging)
            if n == 0:  # an empty dataset still has its columns
                for f in output.files(staging):
                    output.fs.delete_file(f)
                _write_empty(output, staging, _merge.MERGE_SCHEMAS[name])
            output.replace_dir(staging, name)
            report[name] = n
    report["seconds"] = round(time.perf_counter() - t0, 3)
    return report


def _rows_in(output: Output, directory: str) -> int:
    import pyarrow.parquet as pq

    return sum(pq.ParquetFile(f, filesystem=output.fs).metadata.num_rows for f in output.files(directory))


def _write_empty(output: Output, directory: str, schema: pa.Schema) -> None:
    import pyarrow.parquet as pq

    pq.write_table(schema.empty_table(), output.path(directory, "part-empty.parquet"), filesystem=output.fs)


def merge(out: str, *, address: str | None = None, partitions: int | None = None, ship_code: bool = False,
          quiet: bool = True) -> dict[str, Any]:
    """The cross-document stage alone, on an existing output (``newsgraph cluster merge``)."""
    output = Output(out)
    if not output.exists():
        raise FileNotFoundError(f"{out}: no such output directory")
    with session(address, None, ship_code, quiet):
        return merge_stage(output, partitions, quiet)
