"""The output directory of a distributed job: datasets, commit manifests, and what a re-run trusts.

Layout under ``OUT`` (a local directory or a URI pyarrow can open: ``s3://bucket/prefix``, ...)::

    documents/part-<batch>.parquet      one dataset per table of the store (same columns),
    articles/part-<batch>.parquet       one file per table per batch of documents
    ...                                 (tables without rows in a batch get no file)
    errors/part-<batch>.parquet         inputs and documents that failed: source, reason, ...
    skipped/part-<batch>.parquet        records that are not articles (WARC requests, PDFs, 404s)
    _manifest/<batch>.parquet           the commit record of a batch: every key it settled
    people/, event_groups/              the cross-document stage (rewritten by each merge)
    _runs/<run>.json                    one summary per run

A worker writes every file of a batch under a hidden temporary name and renames it into place,
and writes the batch's manifest last. A batch counts as done only once its manifest exists: a
worker killed before that leaves data files without a manifest (or hidden temporary files), which
:meth:`Output.cleanup` removes before the next run, so the batch is done again and never counted
twice. Readers (:meth:`Output.read`) only read files of committed batches. One job writes to an
``OUT`` at a time.
"""
from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from newsgraph.model import content_id

from . import tables as _tables

MANIFEST = "_manifest"
RUNS = "_runs"
_PART = re.compile(r"^part-([0-9a-f]{16})\.parquet$")
_TMP_MARK = ".tmp-"

ERRORS_SCHEMA = pa.schema([
    pa.field("key", pa.string(), nullable=False),       # the id of this error record (16 hex digits)
    pa.field("document_id", pa.string()),               # the document, when it was read
    pa.field("source", pa.string(), nullable=False),    # file, file:line, WARC file#offset, parquet:row
    pa.field("stage", pa.string(), nullable=False),     # input | read | extract | rows | worker
    pa.field("reason", pa.string(), nullable=False),
    pa.field("run_id", pa.string(), nullable=False),
    pa.field("at", pa.string(), nullable=False),
])
SKIPPED_SCHEMA = pa.schema([
    pa.field("key", pa.string(), nullable=False),
    pa.field("source", pa.string(), nullable=False),
    pa.field("category", pa.string(), nullable=False),  # request-record, not-html, status-404, ...
    pa.field("reason", pa.string(), nullable=False),
    pa.field("run_id", pa.string(), nullable=False),
])
MANIFEST_SCHEMA = pa.schema([
    pa.field("key", pa.string(), nullable=False),       # document id, or the key of an error / skip
    pa.field("status", pa.string(), nullable=False),    # ok | error | skipped
    pa.field("run_id", pa.string(), nullable=False),
])

#: Datasets written by the map stage, beside the store's tables.
EXTRA_SCHEMAS: dict[str, pa.Schema] = {"errors": ERRORS_SCHEMA, "skipped": SKIPPED_SCHEMA}
#: Every dataset a batch may write.
BATCH_DATASETS: tuple[str, ...] = (*_tables.TABLES, "errors", "skipped")


def key64(key: str) -> int:
    """A record key as an unsigned 64-bit integer (ids are 16 hex digits; anything else is hashed)."""
    if len(key) == 16:
        try:
            return int(key, 16)
        except ValueError:
            pass
    return int(content_id(key), 16)


def error_key(stage: str, source: str, reason: str) -> str:
    """The key of an error that has no document id: the same failure gets the same key in every run."""
    return content_id(f"{stage}\x00{source}\x00{reason}")


def batch_key(keys: Iterable[str]) -> str:
    """The name of a batch: a hash of the keys of its input rows (the same batch, retried, gets the same name)."""
    return content_id("\n".join(sorted(keys)))


class Output:
    """An output directory (see the module docstring). Picklable: workers rebuild the filesystem."""

    def __init__(self, uri: str | os.PathLike[str]) -> None:
        uri = os.fspath(uri)
        if "://" not in uri:
            uri = os.path.abspath(uri)
        self.uri = uri
        self._fs: pafs.FileSystem | None = None
        self._root: str | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"uri": self.uri}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["uri"])

    def __repr__(self) -> str:
        return f"Output({self.uri!r})"

    @property
    def fs(self) -> pafs.FileSystem:
        if self._fs is None:
            if "://" in self.uri:
                self._fs, self._root = pafs.FileSystem.from_uri(self.uri)
            else:
                self._fs, self._root = pafs.LocalFileSystem(), self.uri
        return self._fs

    @property
    def root(self) -> str:
        self.fs  # noqa: B018 - sets _root
        assert self._root is not None
        return self._root.rstrip("/")

    def path(self, *parts: str) -> str:
        return "/".join([self.root, *parts])

    def uri_of(self, *parts: str) -> str:
        """A dataset's location as a URI or local path other tools (Ray Data, pandas) accept."""
        return "/".join([self.uri.rstrip("/"), *parts])

    # -- listing --------------------------------------------------------------------------------

    def _list(self, directory: str, recursive: bool = False) -> list[pafs.FileInfo]:
        sel = pafs.FileSelector(self.path(directory) if directory else self.root, allow_not_found=True,
                                recursive=recursive)
        return [f for f in self.fs.get_file_info(sel) if f.type == pafs.FileType.File]

    def exists(self) -> bool:
        return self.fs.get_file_info(self.root).type == pafs.FileType.Directory

    def committed_batches(self) -> set[str]:
        """Names of the batches whose manifest was written."""
        out = set()
        for f in self._list(MANIFEST):
            m = re.fullmatch(r"([0-9a-f]{16})\.parquet", f.base_name)
            if m:
                out.add(m.group(1))
        return out

    def files(self, dataset: str, batches: set[str] | None = None) -> list[str]:
        """Committed part files of a batch dataset (or, for people/event_groups, every visible file)."""
        if batches is None and dataset in BATCH_DATASETS:
            batches = self.committed_batches()
        out = []
        for f in self._list(dataset):
            if f.base_name.startswith((".", "_")) or not f.base_name.endswith(".parquet"):
                continue
            m = _PART.match(f.base_name)
            if batches is not None and dataset in BATCH_DATASETS and (m is None or m.group(1) not in batches):
                continue
            out.append(f.path)
        return sorted(out)

    def schema_of(self, dataset: str) -> pa.Schema | None:
        if dataset in _tables.SCHEMAS:
            return _tables.SCHEMAS[dataset]
        if dataset in EXTRA_SCHEMAS:
            return EXTRA_SCHEMAS[dataset]
        from .merge import MERGE_SCHEMAS

        return MERGE_SCHEMAS.get(dataset)

    def read(self, dataset: str, columns: list[str] | None = None, batches: set[str] | None = None) -> pa.Table:
        """All committed rows of a dataset as one Arrow table (for tests, small outputs and tools)."""
        schema = self.schema_of(dataset)
        parts = [pq.read_table(p, filesystem=self.fs, columns=columns) for p in self.files(dataset, batches)]
        if not parts:
            if schema is None:
                return pa.table({})
            return schema.empty_table().select(columns) if columns else schema.empty_table()
        return pa.concat_tables(parts, promote_options="default")

    def read_batch(self, batch: str, dataset: str, columns: list[str] | None = None) -> pa.Table:
        """One batch's part of a dataset (empty, with the dataset's columns, when the batch wrote none)."""
        path = self.path(dataset, f"part-{batch}.parquet")
        try:
            return pq.read_table(path, filesystem=self.fs, columns=columns)
        except FileNotFoundError:
            schema = self.schema_of(dataset)
            assert schema is not None
            return schema.empty_table().select(columns) if columns else schema.empty_table()

    def done_keys(self) -> np.ndarray:
        """Every key settled by a committed batch (documents, errors, skipped records), as sorted uint64."""
        arrays = []
        for f in self._list(MANIFEST):
            if not f.base_name.endswith(".parquet") or f.base_name.startswith("."):
                continue
            keys = pq.read_table(f.path, filesystem=self.fs, columns=["key"]).column("key").to_pylist()
            arrays.append(np.fromiter((key64(k) for k in keys), dtype=np.uint64, count=len(keys)))
        if not arrays:
            return np.empty(0, dtype=np.uint64)
        return np.unique(np.concatenate(arrays))

    def manifest(self) -> pa.Table:
        parts = [pq.read_table(f.path, filesystem=self.fs) for f in self._list(MANIFEST)
                 if f.base_name.endswith(".parquet") and not f.base_name.startswith(".")]
        return pa.concat_tables(parts) if parts else MANIFEST_SCHEMA.empty_table()

    # -- writing --------------------------------------------------------------------------------

    def ensure(self) -> None:
        self.fs.create_dir(self.root, recursive=True)

    def _write_atomic(self, directory: str, name: str, table: pa.Table) -> str:
        self.fs.create_dir(self.path(directory), recursive=True)
        final = self.path(directory, name)
        tmp = self.path(directory, f".{name}{_TMP_MARK}{uuid.uuid4().hex}")
        try:
            pq.write_table(table, tmp, filesystem=self.fs, compression="zstd")
            self.fs.move(tmp, final)
        except BaseException:
            try:
                self.fs.delete_file(tmp)
            except (OSError, FileNotFoundError):
                pass
            raise
        return final

    def write_batch(self, batch: str, datasets: dict[str, pa.Table], manifest: pa.Table) -> None:
        """Commit one batch: its data files first, its manifest last."""
        for name, table in datasets.items():
            if table.num_rows:
                self._write_atomic(name, f"part-{batch}.parquet", table)
        self._write_atomic(MANIFEST, f"{batch}.parquet", manifest)

    def write_text(self, directory: str, name: str, text: str) -> None:
        self.fs.create_dir(self.path(directory), recursive=True)
        final = self.path(directory, name)
        tmp = self.path(directory, f".{name}{_TMP_MARK}{uuid.uuid4().hex}")
        with self.fs.open_output_stream(tmp) as f:
            f.write(text.encode("utf-8"))
        self.fs.move(tmp, final)

    def write_json(self, directory: str, name: str, data: Any) -> None:
        self.write_text(directory, name, json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")

    def cleanup(self) -> list[str]:
        """Remove what an interrupted run left: hidden temporary files, and part files of batches that
        never wrote their manifest. Returns the removed paths. Call it only when no job is writing."""
        if not self.exists():
            return []
        committed = self.committed_batches()
        removed = []
        for name in (*BATCH_DATASETS, MANIFEST, RUNS):
            for f in self._list(name):
                base = f.base_name
                m = _PART.match(base)
                stale = _TMP_MARK in base or (name in BATCH_DATASETS and m is not None and m.group(1) not in committed)
                if stale:
                    self.fs.delete_file(f.path)
                    removed.append(f.path)
        for f in self._list("", recursive=False):  # temporary files at the top
            if _TMP_MARK in f.base_name:
                self.fs.delete_file(f.path)
                removed.append(f.path)
        return removed + self.remove_stale_dirs()

    def replace_dir(self, staging: str, name: str) -> None:
        """Put the directory ``staging`` (under the root) in the place of ``name``, dropping the old one."""
        old = f".{name}{_TMP_MARK}old-{uuid.uuid4().hex}"
        info = self.fs.get_file_info(self.path(name))
        if info.type == pafs.FileType.Directory:
            self.fs.move(self.path(name), self.path(old))
        self.fs.move(self.path(staging), self.path(name))
        if info.type == pafs.FileType.Directory:
            self.fs.delete_dir(self.path(old))

    def stale_dirs(self) -> Iterator[str]:
        for info in self.fs.get_file_info(pafs.FileSelector(self.root, allow_not_found=True)):
            if info.type == pafs.FileType.Directory and _TMP_MARK in info.base_name:
                yield info.path

    def remove_stale_dirs(self) -> list[str]:
        removed = list(self.stale_dirs())
        for d in removed:
            self.fs.delete_dir(d)
        return removed
