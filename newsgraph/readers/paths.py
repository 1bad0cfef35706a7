"""Command-line inputs -> the files to read: files, directories and glob patterns."""
from __future__ import annotations

import glob
import os
from collections.abc import Iterator

from .errors import ReadError
from .html import EXTENSIONS as HTML_EXTENSIONS
from .jsonl import EXTENSIONS as JSONL_EXTENSIONS
from .text import EXTENSIONS as TEXT_EXTENSIONS
from .warc import EXTENSIONS as WARC_EXTENSIONS

KIND_BY_EXTENSION: dict[str, str] = {
    **{ext: "text" for ext in TEXT_EXTENSIONS},
    **{ext: "html" for ext in HTML_EXTENSIONS},
    **{ext: "jsonl" for ext in JSONL_EXTENSIONS},
    **{ext: "warc" for ext in WARC_EXTENSIONS},
}
# Extensions of two parts (``.warc.gz``), longest first: os.path.splitext sees only ``.gz``.
_COMPOUND = sorted((ext for ext in KIND_BY_EXTENSION if ext.count(".") > 1), key=len, reverse=True)
_WILDCARD_ONLY = frozenset("*?")


def kind_of(path: str) -> str | None:
    """The kind a file name's extension names (``crawl.warc.gz`` -> ``warc``), or None."""
    name = os.path.basename(path).lower()
    for ext in _COMPOUND:
        if name.endswith(ext) and len(name) > len(ext):
            return KIND_BY_EXTENSION[ext]
    return KIND_BY_EXTENSION.get(os.path.splitext(name)[1])


_kind = kind_of


def _hidden(name: str) -> bool:
    return name.startswith(".")


def walk_directory(root: str) -> Iterator[tuple[str, str] | ReadError]:
    """Files with a known extension under ``root``, depth first in name order, skipping
    hidden files and directories; an unreadable directory yields a ReadError."""
    try:
        with os.scandir(root) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield ReadError(root, (exc.strerror or type(exc).__name__).lower())
        return
    for entry in entries:
        if _hidden(entry.name):
            continue
        path = os.path.join(root, entry.name)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if entry.is_symlink():  # no loops through symlinked directories
                continue
            yield from walk_directory(path)
            continue
        kind = _kind(entry.name)
        if kind is not None:
            yield path, kind


def _walk_or_report(root: str) -> Iterator[tuple[str, str] | ReadError]:
    found = False
    for item in walk_directory(root):
        found = True
        yield item
    if not found:
        known = ", ".join(sorted(KIND_BY_EXTENSION))
        yield ReadError(root, f"no files to read in directory (looked for {known})")


def _wildcard_only(pattern: str) -> bool:
    """``data/*`` or ``data/**``: a last component made of wildcards only."""
    last = os.path.basename(pattern.rstrip("/" + os.sep))
    return bool(last) and set(last) <= _WILDCARD_ONLY


def expand_path(arg: str) -> Iterator[tuple[str, str | None] | ReadError]:
    """``(path, kind)`` for each file an argument names (kind None: decide by content).

    A directory is walked (known extensions only). A glob pattern is read as if its
    matches were named one by one, except that ``dir/*`` and ``dir/**`` keep only known
    extensions. A file named explicitly is read whatever its extension.
    """
    if os.path.isdir(arg):
        yield from _walk_or_report(arg)
        return
    if os.path.lexists(arg):
        yield arg, _kind(arg)
        return
    if glob.has_magic(arg):
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            yield ReadError(arg, "no files match the pattern")
            return
        filter_known = _wildcard_only(arg)
        for match in matches:
            if os.path.isdir(match):
                yield from walk_directory(match)
            elif filter_known:
                kind = _kind(match)
                if kind is not None:
                    yield match, kind
            else:
                yield match, _kind(match)
        return
    yield ReadError(arg, "no such file or directory")
