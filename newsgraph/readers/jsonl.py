"""JSON Lines corpora (.jsonl, .ndjson): one document per line.

Each line is an object with a required ``"text"`` and optional ``"title"``, ``"url"``,
``"published"`` and ``"id"``; every other key is kept in ``Document.meta``. A bad line
yields a :class:`ReadError` for ``path:line`` and reading goes on. Files are streamed
line by line; ``max_bytes`` limits one line, not the file.
"""
from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from ..model import Document
from .dates import normalize_date
from .decode import bom_encoding, looks_binary, normalize_newlines
from .errors import ReadError, too_large

EXTENSIONS = (".jsonl", ".ndjson")
_KNOWN = ("text", "title", "url", "published", "id")


def _type_name(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null",
            int: "number", float: "number"}.get(type(value), type(value).__name__)


def parse_record(line: str, source: str, lineno: int) -> Document:
    """One JSONL line -> :class:`Document`; raises ``ReadError(f"{source}:{lineno}", reason)``."""
    where = f"{source}:{lineno}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ReadError(where, f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise ReadError(where, "invalid JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise ReadError(where, f"not a JSON object (got {_type_name(record)})")
    if "text" not in record:
        raise ReadError(where, 'missing "text"')
    text = record["text"]
    if not isinstance(text, str):
        raise ReadError(where, f'"text" is not a string (got {_type_name(text)})')
    text = normalize_newlines(text)
    if not text.strip():
        raise ReadError(where, '"text" is empty')

    title = record.get("title")
    title = " ".join(title.split()) if isinstance(title, str) else None
    title = title or None
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"

    url = record.get("url")
    url = url.strip() or None if isinstance(url, str) else None

    meta: dict[str, Any] = {"line": lineno}
    raw_published = record.get("published")
    published = normalize_date(raw_published)
    if raw_published not in (None, "") and published is None:
        meta["published_raw"] = raw_published
    if record.get("id") is not None:
        meta["external_id"] = record["id"]
    if record.get("title") is not None and not isinstance(record.get("title"), str):
        meta["title_raw"] = record["title"]
    if record.get("url") is not None and not isinstance(record.get("url"), str):
        meta["url_raw"] = record["url"]
    dropped = []
    for key, value in record.items():
        if key in _KNOWN or key in meta:
            continue
        if isinstance(value, (str, int, float, bool)) or value is None:
            if not isinstance(value, str) or len(value) <= 2000:
                meta[key] = value
                continue
        dropped.append(key)  # nested or long values (a gold file's annotations): named, not copied
    if dropped:
        meta["dropped_keys"] = dropped
    return Document(text=text, source=source, kind="jsonl", title=title, url=url,
                    published=published, meta=meta)


def iter_records(lines: Iterable[tuple[int, str]], source: str) -> Iterator[Document | ReadError]:
    """Parse numbered lines; blank lines are skipped, a bad line yields its ReadError."""
    for lineno, line in lines:
        if not line.strip():
            continue
        try:
            yield parse_record(line, source, lineno)
        except ReadError as err:
            yield err


def iter_text(text: str, source: str) -> Iterator[Document | ReadError]:
    """Records of already-decoded JSONL text."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = normalize_newlines(text).split("\n")
    found = False
    for item in iter_records(enumerate(lines, 1), source):
        found = True
        yield item
    if not found:
        yield ReadError(source, "empty file")


def looks_like_jsonl(text: str) -> bool:
    """Every non-empty line is a JSON object with a string ``"text"`` (and there is one)."""
    seen = False
    for line in text.split("\n"):
        if not line.strip():
            continue
        stripped = line.lstrip()
        if not stripped.startswith("{"):
            return False
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            return False
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            return False
        seen = True
    return seen


def _binary_lines(stream: BinaryIO, limit: int, source: str) -> Iterator[tuple[int, str | ReadError]]:
    """Numbered UTF-8 lines of a binary stream, never holding more than ``limit`` bytes of one."""
    lineno = 0
    while True:
        line = stream.readline(limit + 2)
        if not line:
            return
        lineno += 1
        if lineno == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8):]
        size = len(line.rstrip(b"\r\n"))
        if size > limit:
            while not line.endswith(b"\n"):  # skip the rest of the long line
                line = stream.readline(1 << 20)
                if not line:
                    break
                size += len(line.rstrip(b"\r\n"))
            yield lineno, ReadError(f"{source}:{lineno}", too_large(size, limit))
            continue
        try:
            yield lineno, line.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield lineno, ReadError(f"{source}:{lineno}", f"not valid UTF-8 (byte {exc.start + 1})")


def _text_lines(stream: io.TextIOBase, limit: int, source: str) -> Iterator[tuple[int, str | ReadError]]:
    for lineno, line in enumerate(stream, 1):
        if len(line) > limit:
            yield lineno, ReadError(f"{source}:{lineno}", too_large(len(line), limit))
        else:
            yield lineno, line


def iter_file(path: str, *, max_bytes: int = 25_000_000, source: str | None = None) -> Iterator[Document | ReadError]:
    """Stream the records of a JSONL file; ``max_bytes`` limits each line."""
    source = source if source is not None else path
    with open(path, "rb") as raw:
        head = raw.read(8192)
        raw.seek(0)
        if not head.strip():
            yield ReadError(source, "empty file")
            return
        bom = bom_encoding(head)
        if bom and bom[0] != "utf-8":
            stream = io.TextIOWrapper(raw, encoding=bom[0].replace("-le", "").replace("-be", ""),
                                      errors="strict", newline=None)
            numbered = _text_lines(stream, max_bytes, source)
        elif looks_binary(head):
            yield ReadError(source, "binary file, not text")
            return
        else:
            numbered = _binary_lines(raw, max_bytes, source)
        found = False
        try:
            for lineno, line in numbered:
                if isinstance(line, ReadError):
                    found = True
                    yield line
                    continue
                if not line.strip():
                    continue
                found = True
                try:
                    yield parse_record(line, source, lineno)
                except ReadError as err:
                    yield err
        except UnicodeDecodeError:
            yield ReadError(source, "cannot detect text encoding")
            return
        if not found:
            yield ReadError(source, "empty file")
