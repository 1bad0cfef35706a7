"""Inputs of a distributed job: what to read (units of work) and the rows reading them gives.

The driver only lists inputs (:func:`plan`); workers read them (:func:`read_unit`). A unit is one
file read through :func:`newsgraph.readers.read_paths` (text, HTML, JSONL, WARC: the same readers as
``newsgraph ingest``, so a document gets the same id and fields either way), or one row group of a
Parquet file with a ``text`` column (optional ``id``, ``url``, ``title``, ``published``, ``source``;
a row is read like a JSONL record, so its ``id`` goes to ``meta.external_id`` and the document id
stays the content hash). Parquet inputs may be URIs (``s3://...``); other files must be paths every
worker can open (a shared filesystem).

Reading yields flat rows (:data:`ROW_SCHEMA`) of three kinds: ``doc`` (a document to extract),
``error`` (an input or record that could not be read: source and reason) and ``skipped`` (a record
that is not an article, with the reader's category). Each row has a ``key``: the document id, or a
hash of the failure, so that a re-run recognises what an earlier run already settled.
"""
from __future__ import annotations

import glob
import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

import pyarrow as pa

from newsgraph.model import Document

from .storage import error_key

PARQUET = "parquet"

ROW_SCHEMA = pa.schema([
    ("rtype", pa.string()),      # doc | error | skipped
    ("key", pa.string()),
    ("id", pa.string()),
    ("text", pa.string()),
    ("source", pa.string()),
    ("kind", pa.string()),
    ("title", pa.string()),
    ("url", pa.string()),
    ("published", pa.string()),
    ("meta", pa.string()),       # JSON object
    ("stage", pa.string()),      # for errors: input | read
    ("reason", pa.string()),
    ("category", pa.string()),   # for skipped records
])
_PARQUET_FIELDS = ("text", "id", "url", "title", "published", "source")


@dataclass(frozen=True)
class Unit:
    """One piece of reading work: a file (``kind`` as its extension names it, None to sniff), or one
    row group of a Parquet file (``row_group``, whose first row is row ``first_row`` of the file),
    or an input that does not exist (``error``)."""

    path: str
    kind: str | None = None
    row_group: int | None = None
    first_row: int = 0
    error: str | None = None

    def to_row(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Unit:
        return cls(**{k: row.get(k) for k in ("path", "kind", "row_group", "error")},
                   first_row=int(row.get("first_row") or 0))


def _is_parquet(path: str) -> bool:
    return path.lower().endswith((".parquet", ".parq"))


def _parquet_units(path: str, filesystem=None) -> list[Unit]:
    """One unit per row group (the footer is all that is read here)."""
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path, filesystem=filesystem).metadata
    except Exception as exc:  # noqa: BLE001 - a broken file is one error, the job goes on
        return [Unit(path, PARQUET, error=f"not a readable Parquet file: {type(exc).__name__}: {exc}")]
    units, first = [], 0
    for i in range(meta.num_row_groups):
        units.append(Unit(path, PARQUET, row_group=i, first_row=first))
        first += meta.row_group(i).num_rows
    if not units:
        units.append(Unit(path, PARQUET, error="empty Parquet file (no row groups)"))
    return units


def _uri_units(uri: str) -> list[Unit]:
    import pyarrow.fs as pafs

    try:
        fs, root = pafs.FileSystem.from_uri(uri)
        info = fs.get_file_info(root)
    except Exception as exc:  # noqa: BLE001
        return [Unit(uri, error=f"cannot open: {type(exc).__name__}: {exc}")]
    scheme = uri.split("://", 1)[0]
    if info.type == pafs.FileType.Directory:
        files = sorted(f.path for f in fs.get_file_info(pafs.FileSelector(root, recursive=True))
                       if f.type == pafs.FileType.File and _is_parquet(f.path)
                       and not any(p.startswith((".", "_")) for p in f.path[len(root):].split("/")))
        if not files:
            return [Unit(uri, error="no Parquet files under this URI")]
        return [u for f in files for u in _parquet_units(f"{scheme}://{f}")]
    if info.type == pafs.FileType.NotFound:
        return [Unit(uri, error="no such file or directory")]
    if not _is_parquet(root):
        return [Unit(uri, error="only Parquet inputs may be URIs; other files must be on a shared filesystem")]
    return _parquet_units(uri)


def _parquet_under(root: str) -> list[str]:
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if not x.startswith((".", "_")))
        out += [os.path.join(d, f) for f in sorted(files) if _is_parquet(f) and not f.startswith((".", "_"))]
    return out


def plan(inputs: list[str], exclude: str | None = None) -> list[Unit]:
    """The units of work for command-line inputs: files, directories (walked for the kinds
    ``newsgraph ingest`` reads, and Parquet), glob patterns and Parquet URIs. Each file once;
    nothing under the directory ``exclude`` (the job's own output, when it lies inside an input)."""
    from newsgraph.readers.paths import expand_path

    units: list[Unit] = []
    seen: set[str] = set()
    skip = os.path.join(os.path.realpath(exclude), "") if exclude and "://" not in exclude else None

    def add_file(path: str, kind: str | None) -> None:
        key = os.path.realpath(path)
        if key in seen or (skip and key.startswith(skip)):
            return
        seen.add(key)
        if _is_parquet(path):
            units.extend(_parquet_units(path))
        else:
            units.append(Unit(path, kind))

    def add(arg: str) -> None:
        if "://" in arg:
            for u in _uri_units(arg):
                if u.error or u.path not in seen:
                    seen.add(u.path)
                    units.append(u)
            return
        if os.path.isdir(arg):
            found = len(units)
            for p in _parquet_under(arg):
                add_file(p, PARQUET)
            for entry in expand_path(arg):
                if isinstance(entry, tuple):
                    add_file(*entry)
                elif len(units) == found:  # `no files to read in directory`: only when no Parquet either
                    units.append(Unit(arg, error=entry.reason))
            return
        if not os.path.lexists(arg) and glob.has_magic(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                units.append(Unit(arg, error="no files match the pattern"))
            for m in matches:
                if os.path.isdir(m) or _is_parquet(m):
                    add(m)
                else:
                    for entry in expand_path(m):
                        if isinstance(entry, tuple):
                            add_file(*entry)
            return
        if _is_parquet(arg) and os.path.exists(arg):
            add_file(arg, PARQUET)
            return
        for entry in expand_path(arg):
            if isinstance(entry, tuple):
                add_file(*entry)
            else:
                units.append(Unit(entry.source, error=entry.reason))

    for arg in inputs:
        add(os.fspath(arg))
    return units


# -- reading (in workers) ---------------------------------------------------------------------------


def doc_row(doc: Document) -> dict[str, Any]:
    return {"rtype": "doc", "key": doc.id, "id": doc.id, "text": doc.text, "source": doc.source,
            "kind": doc.kind, "title": doc.title, "url": doc.url, "published": doc.published,
            "meta": json.dumps(doc.meta or {}, ensure_ascii=False, default=str),
            "stage": None, "reason": None, "category": None}


def error_row(source: str, reason: str, stage: str = "read") -> dict[str, Any]:
    return {"rtype": "error", "key": error_key(stage, source, reason), "id": None, "text": None,
            "source": source, "kind": None, "title": None, "url": None, "published": None, "meta": None,
            "stage": stage, "reason": reason, "category": None}


def skipped_row(source: str, reason: str, category: str) -> dict[str, Any]:
    row = error_row(source, reason, "skipped")
    row.update(rtype="skipped", category=category)
    return row


def row_document(row: dict[str, Any]) -> Document:
    """The :class:`Document` a ``doc`` row carries (its id kept as read)."""
    return Document(text=row["text"], source=row["source"], kind=row["kind"] or "text", title=row["title"],
                    url=row["url"], published=row["published"], meta=json.loads(row["meta"] or "{}"),
                    id=row["id"])


def _plain(value: Any) -> Any:
    """A Parquet cell as a JSON value (dates as ISO strings)."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def _parquet_rows(unit: Unit) -> Iterator[dict[str, Any]]:
    import pyarrow.fs as pafs
    import pyarrow.parquet as pq

    from newsgraph.readers.errors import ReadError
    from newsgraph.readers.jsonl import parse_record

    if "://" in unit.path:
        fs, path = pafs.FileSystem.from_uri(unit.path)
    else:
        fs, path = None, unit.path
    pf = pq.ParquetFile(path, filesystem=fs)
    names = set(pf.schema_arrow.names)
    if "text" not in names:
        yield error_row(unit.path, 'no "text" column')
        return
    table = pf.read_row_group(unit.row_group or 0, columns=[c for c in _PARQUET_FIELDS if c in names])
    for i, record in enumerate(table.to_pylist()):
        row_no = unit.first_row + i + 1  # 1-based, like JSONL line numbers
        record = {k: _plain(v) for k, v in record.items()}
        source = record.pop("source", None)
        try:
            doc = parse_record(json.dumps(record, ensure_ascii=False), unit.path, row_no)
        except ReadError as err:
            yield error_row(err.source, err.reason)
            continue
        doc.kind = PARQUET
        doc.meta.pop("line", None)
        doc.meta["row"] = row_no
        if isinstance(source, str) and source.strip():
            doc.meta["file"] = unit.path
            doc.source = source.strip()
        yield doc_row(doc)


def read_unit(unit: Unit) -> Iterator[dict[str, Any]]:
    """Rows of one unit (see the module docstring). Never raises: a failure is an ``error`` row."""
    from newsgraph.readers import ReadError, Skipped, read_paths

    if unit.error:
        yield error_row(unit.path, unit.error, "input")
        return
    try:
        if unit.kind == PARQUET:
            yield from _parquet_rows(unit)
            return
        for item in read_paths([unit.path]):
            if isinstance(item, Skipped):
                yield skipped_row(item.source, item.reason, item.category)
            elif isinstance(item, ReadError):
                yield error_row(item.source, item.reason)
            else:
                yield doc_row(item)
    except Exception as exc:  # noqa: BLE001 - a reader bug ends this unit, not the job
        yield error_row(unit.path, f"{type(exc).__name__}: {exc}")


def read_units_batches(units: list[Unit], rows_per_block: int = 64) -> Iterator[pa.Table]:
    """The rows of ``units`` in Arrow tables of at most ``rows_per_block`` rows (streamed: a big WARC
    file never sits in memory whole)."""
    buf: list[dict[str, Any]] = []
    for unit in units:
        for row in read_unit(unit):
            buf.append(row)
            if len(buf) >= rows_per_block:
                yield pa.Table.from_pylist(buf, schema=ROW_SCHEMA)
                buf = []
    if buf:
        yield pa.Table.from_pylist(buf, schema=ROW_SCHEMA)
