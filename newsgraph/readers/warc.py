"""WARC crawls (.warc, .warc.gz): one Document per HTML page a crawler fetched.

A WARC file holds many records; only ``response`` records of HTML pages fetched with
HTTP 200 (and ``resource`` records of HTML) are articles. Every other record yields a
:class:`~newsgraph.readers.errors.Skipped` item whose ``category`` says why
(``request-record``, ``not-html``, ``status-404``, ``no-article-text``, ...), so a
caller can count the reasons without treating them as failures. Categories:

* ``<type>-record``: not a page (``warcinfo``, ``request``, ``metadata``, ``revisit``...)
* ``status-<code>`` (``bad-status``): HTTP status other than 200 (redirects, 404s)
* ``not-html``: another content type (PDF, image, CSS), or an untyped payload that is not HTML
* ``not-text``: said to be HTML but binary or in no detectable encoding
* ``bad-encoding``: a Content-Encoding that is corrupt, cut short or unsupported
* ``empty``, ``too-large`` (payload over ``max_bytes``)
* ``no-article-text``: trafilatura finds no prose (login pages, indexes), ``bad-html``

Each page goes through the HTML reader (decoding with the HTTP or ``<meta>`` charset
when a page is not UTF-8, then trafilatura). The document keeps its provenance:
``url`` is the record's ``WARC-Target-URI``, ``source`` is ``<file>#<offset>`` (the
byte offset of the record in the file, where ``warcio index`` or a replay tool can seek
to it), and ``meta`` holds ``crawl_date`` (``WARC-Date``), ``warc_record_id``,
``warc_file``, ``warc_offset`` and the HTTP ``content_type``.

Files are streamed record by record (``warcio``): nothing holds more than one record's
payload, and a payload over ``max_bytes`` is skipped (``too-large``) without being read
into memory. Damage (a truncated ``.gz``, a record cut short, bytes that are not a WARC)
ends the file with one :class:`~newsgraph.readers.errors.ReadError` that names the file
and the byte offset, after every good record before it was yielded.

Both gzip layouts are read: the standard one gzip member per record, and a WARC
compressed as a single gzip stream (``gzip crawl.warc``); for the latter, offsets count
bytes of the uncompressed stream.
"""
from __future__ import annotations

import gzip
import io
import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader
from warcio.exceptions import ArchiveLoadFailed

from ..model import Document
from .decode import DecodeError, decode_bytes
from .errors import ReadError, Skipped, format_size
from .html import declared_charset, html_document, looks_like_html

EXTENSIONS = (".warc", ".warc.gz")
DEFAULT_MAX_BYTES = 25_000_000

# Content types that are pages trafilatura can read.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/html"})
# Content types that say nothing: the payload is sniffed for HTML.
_UNTYPED = frozenset({"", "application/octet-stream", "binary/octet-stream", "unknown/unknown",
                      "application/unknown", "content/unknown"})
# Record types that may carry an article.
_PAGE_RECORDS = ("response", "resource")
_CHUNK = 1 << 16
_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_GZIP_MAGIC = b"\x1f\x8b"
_WARC_MAGIC = b"WARC/"


class _BadEncoding(Exception):
    """A page whose Content-Encoding cannot be undone (the archive itself is fine)."""


class _WholeFileGzip(Exception):
    """The .gz is one gzip stream, not one member per record: re-read it decompressed."""


class _Damaged(Exception):
    """The archive is broken at ``offset``; nothing after it can be trusted."""

    def __init__(self, offset: int, detail: str, *, not_warc: bool = False) -> None:
        super().__init__(detail)
        self.offset = offset
        self.detail = detail
        self.not_warc = not_warc


class _Iterator(ArchiveIterator):
    """warcio's iterator, quiet: a bad record boundary is flagged instead of printed on
    stderr, and a single-stream gzip raises :class:`_WholeFileGzip` instead of failing."""

    def __init__(self, fileobj: BinaryIO) -> None:
        super().__init__(fileobj)
        self.bad_boundary = False
        self.gzip_cut = False  # the input ended inside a gzip member

    def close(self) -> None:
        reader = self.reader
        decompressor = reader.decompressor if reader is not None else None
        if decompressor is not None and not decompressor.eof and reader.num_read > 0:
            self.gzip_cut = True
        super().close()

    def _raise_invalid_gzip_err(self) -> None:
        raise _WholeFileGzip()

    def _consume_blanklines(self):  # same contract as warcio's, without writing to stderr
        empty_size = 0
        first_line = True
        while True:
            line = self.reader.readline()
            if len(line) == 0:
                return None, empty_size
            stripped = line.rstrip()
            if len(stripped) == 0 or first_line:
                empty_size += len(line)
                if len(stripped) != 0:
                    # Not the blank lines that end a record: its Content-Length is wrong.
                    self.bad_boundary = True
                    self.err_count += 1
                first_line = False
                continue
            return line, empty_size


class _Gunzip:
    """A gzip stream (one or more members) decompressed on the fly, for a WARC gzipped as a
    whole. ``tell()`` counts uncompressed bytes. A stream that ends inside a member reads as
    EOF and sets ``cut`` (warcio takes an EOFError for the end of the archive)."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self.pending = b""  # compressed bytes not yet fed
        self.buffer = b""
        self.position = 0
        self.ended = False
        self.cut = False

    def tell(self) -> int:
        return self.position

    def _fill(self, want: int) -> None:
        while len(self.buffer) < want and not self.ended:
            if not self.pending:
                self.pending = self.raw.read(_CHUNK)
                if not self.pending:
                    self.ended = True
                    self.cut = not self.decompressor.eof or bool(self.decompressor.unconsumed_tail)
                    return
            if self.decompressor.eof:  # next member
                if not self.pending.strip(b"\0"):
                    self.pending = b""
                    continue
                self.decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
            data = self.pending
            self.pending = b""
            self.buffer += self.decompressor.decompress(data, _CHUNK)
            self.pending = self.decompressor.unconsumed_tail or self.decompressor.unused_data

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            size = 1 << 62
        self._fill(min(size, _CHUNK))
        out, self.buffer = self.buffer[:size], self.buffer[size:]
        self.position += len(out)
        return out


def _http_payload(rec, max_bytes: int) -> bytes:
    """The page's bytes as the server meant them: de-chunked and decompressed, at most
    ``max_bytes + 1`` of them (so a compressed bomb never fills memory).

    Raises :class:`_BadEncoding`; reading errors of the archive itself propagate.
    """
    http = rec.http_headers
    stream = rec.raw_stream
    if http is not None and (http.get_header("Transfer-Encoding") or "").strip().lower() == "chunked":
        stream = ChunkedDataReader(stream)  # falls back to the raw bytes when not really chunked
    encoding = (http.get_header("Content-Encoding") or "").strip().lower() if http is not None else ""
    limit = max_bytes + 1
    if encoding in ("", "identity", "none"):
        return stream.read(limit)
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise _BadEncoding(f"unsupported Content-Encoding: {encoding}")
    first = stream.read(_CHUNK)
    if first.startswith(_GZIP_MAGIC):
        wbits = 16 + zlib.MAX_WBITS
    elif len(first) >= 2 and first[0] & 0x0F == 8 and (first[0] * 256 + first[1]) % 31 == 0:
        wbits = zlib.MAX_WBITS  # zlib wrapper (what "deflate" means in HTTP)
    elif encoding == "deflate":
        wbits = -zlib.MAX_WBITS  # raw deflate, as some servers send it
    else:  # declared gzip, sent plain: read it as it is
        return (first + stream.read(limit))[:limit]
    decompressor = zlib.decompressobj(wbits)
    out: list[bytes] = []
    size = 0
    data = first
    try:
        while data and size < limit and not decompressor.eof:
            piece = decompressor.decompress(data, limit - size)
            out.append(piece)
            size += len(piece)
            data = decompressor.unconsumed_tail or stream.read(_CHUNK)
    except zlib.error:
        raise _BadEncoding(f"{encoding} data of the page is corrupt") from None
    if size < limit and not decompressor.eof:
        raise _BadEncoding(f"{encoding} data of the page is cut short")
    return b"".join(out)[:limit]


def looks_like_warc(head: bytes) -> bool:
    """The first bytes of a WARC file: ``WARC/`` or a gzip member that starts with it."""
    if head.startswith(_WARC_MAGIC):
        return True
    if head.startswith(_GZIP_MAGIC):
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64).startswith(_WARC_MAGIC)
        except zlib.error:
            return False
    return False


def _mime(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _charset(content_type: str | None) -> str | None:
    match = _CHARSET.search(content_type or "")
    return match.group(1) if match else None


def _declared(content_type: str | None, payload: bytes) -> str | None:
    """The charset the HTTP header declares, else the page's ``<meta>`` charset.
    ``decode_bytes`` tries UTF-8 first and ignores a declaration that does not decode."""
    return _charset(content_type) or declared_charset(payload)


def _detail(exc: BaseException) -> str:
    """A short printable reason for an exception raised by warcio, zlib or gzip."""
    if isinstance(exc, ArchiveLoadFailed):
        text = str(exc).strip().split(",", 1)[0].split("\n", 1)[0]
        return text[:80] or "invalid WARC record"
    if isinstance(exc, (zlib.error, gzip.BadGzipFile)):
        return "bad gzip data"
    if isinstance(exc, EOFError):
        return "unexpected end of file"
    return f"invalid WARC record ({type(exc).__name__})"


class _Record:
    """What one record yields: its item, built once the record has been read to its end."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.skip: Skipped | None = None
        self.payload: bytes | None = None
        self.content_type: str | None = None

    def skipped(self, reason: str, category: str) -> None:
        self.skip = Skipped(self.source, reason, category)


def _read_record(rec, it: _Iterator, source: str, offset: int, max_bytes: int) -> _Record:
    """Classify one record and read its payload (bounded); then read the record to its
    end and check it is whole. Raises :class:`_Damaged` when it is not."""
    out = _Record(source)
    rec_type = (rec.rec_type or "").lower()
    if rec.format != "warc":
        raise _Damaged(offset, f"{str(rec.format).upper()} record, not WARC", not_warc=True)
    length = (rec.rec_headers.get_header("Content-Length") or "").strip()
    if not rec_type or not length.isdigit():
        raise _Damaged(offset, "record without a WARC-Type or a valid Content-Length")
    http = rec.http_headers
    if rec_type not in _PAGE_RECORDS:
        out.skipped(f"{rec_type} record", f"{rec_type}-record")
    elif rec_type == "response" and http is None and rec.content_type \
            and _mime(rec.content_type) == "application/http":
        out.skipped("empty HTTP response", "empty")
    else:
        if http is not None:
            status = (http.get_statuscode() or "").strip()
            content_type = http.get_header("Content-Type")
        else:  # a resource record, or a response of a non-HTTP scheme (dns:, whois:)
            status = "200"
            content_type = rec.content_type
        mime = _mime(content_type)
        if status != "200":
            category = f"status-{status}" if status.isdigit() else "bad-status"
            out.skipped(f"HTTP status {status or '(none)'}", category)
        elif mime not in HTML_TYPES and mime not in _UNTYPED:
            out.skipped(f"not HTML: {mime}", "not-html")
        else:
            out.content_type = content_type
            try:
                payload = _http_payload(rec, max_bytes)
            except _BadEncoding as exc:
                out.skipped(str(exc), "bad-encoding")
            else:
                if len(payload) > max_bytes:
                    out.skipped(f"too large: over the {format_size(max_bytes)} limit", "too-large")
                elif not payload.strip():
                    out.skipped("empty page", "empty")
                else:
                    out.payload = payload
    _finish(rec, it, offset)
    return out


def _finish(rec, it: _Iterator, offset: int) -> None:
    """Read what is left of the record, then check it was all there."""
    raw = rec.raw_stream
    while raw.read(_CHUNK):
        pass
    missing = getattr(raw, "limit", 0)
    if missing:
        raise _Damaged(offset, f"record cut short ({format_size(missing)} missing)")
    it.read_to_end()
    if it.bad_boundary:
        raise _Damaged(offset, "record longer than its Content-Length")


def _document(rec, read: _Record, path: str, offset: int) -> Document | Skipped:
    """The article of an HTML record, or why there is none."""
    if read.skip is not None:
        return read.skip
    assert read.payload is not None
    source = read.source
    try:
        html = decode_bytes(read.payload, declared=_declared(read.content_type, read.payload))
    except DecodeError as exc:
        return Skipped(source, exc.reason, "not-text")
    if _mime(read.content_type) in _UNTYPED and not looks_like_html(html):
        return Skipped(source, "not HTML (no content type, and the payload is not HTML)", "not-html")
    uri = rec.rec_headers.get_header("WARC-Target-URI") or None
    if uri:
        uri = uri.strip().strip("<>") or None
    try:
        doc = html_document(html, source, url=uri)
    except ReadError as err:
        category = "no-article-text" if err.reason.startswith("no article text") else "bad-html"
        return Skipped(source, err.reason, category)
    if uri:
        if doc.url and doc.url != uri:
            doc.meta["canonical_url"] = doc.url
        doc.url = uri
    headers = rec.rec_headers
    doc.meta.update({
        "crawl_date": headers.get_header("WARC-Date"),
        "warc_record_id": headers.get_header("WARC-Record-ID"),
        "warc_file": path,
        "warc_offset": offset,
    })
    if read.content_type:
        doc.meta["content_type"] = read.content_type
    return doc


def iter_warc(stream: BinaryIO, source: str, *,
              max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | ReadError]:
    """Documents, :class:`Skipped` items and at most one :class:`ReadError` (damage, which
    ends the file) from a binary WARC stream. ``source`` names the file; each record's
    source is ``<source>#<offset>``. ``max_bytes`` limits one record's payload.

    A single-stream gzip is re-read decompressed, which needs a seekable ``stream``.
    """
    it = _Iterator(stream)
    handled = 0  # records already given to the caller, in this stream or a former reading
    skip = 0  # records of a re-reading that were handled before it
    whole_gzip = False
    gunzip: _Gunzip | None = None
    last = 0  # offset of the last record read
    while True:
        try:
            rec = next(it)
        except StopIteration:
            break
        except _WholeFileGzip:
            if whole_gzip or not stream.seekable():
                yield ReadError(source, "gzip is not one member per record, and the input cannot be re-read")
                return
            whole_gzip = True
            stream.seek(0)
            gunzip = _Gunzip(stream)
            it = _Iterator(gunzip)  # type: ignore[arg-type]
            skip = handled
            continue
        except Exception as exc:  # noqa: BLE001 - damage ends this file, never the batch
            first = handled == 0 and it.offset == 0
            yield ReadError(source, _damage_reason(it.offset, _detail(exc), whole_gzip, first))
            return
        offset = it.offset
        if skip:
            skip -= 1
            continue
        handled += 1
        last = offset
        record_source = f"{source}#{offset}"
        try:
            read = _read_record(rec, it, record_source, offset, max_bytes)
        except _Damaged as exc:
            first = exc.not_warc and handled == 1 and offset == 0
            yield ReadError(source, _damage_reason(exc.offset, exc.detail, whole_gzip, first))
            return
        except Exception as exc:  # noqa: BLE001
            yield ReadError(source, _damage_reason(offset, _detail(exc), whole_gzip, False))
            return
        try:
            yield _document(rec, read, source, offset)
        except Exception as exc:  # noqa: BLE001 - one odd page never stops the file
            yield Skipped(record_source, f"cannot read the page: {type(exc).__name__}: {exc}", "bad-html")
    if gunzip is not None and gunzip.cut:
        yield ReadError(source, _damage_reason(gunzip.position, "gzip stream cut short", True, False))
    elif it.gzip_cut:
        yield ReadError(source, _damage_reason(last, "gzip data cut short", False, False))
    else:
        end = _tell(it.fh)
        if end is not None and end > it.offset:  # bytes after the last record that make no record
            yield ReadError(source, _damage_reason(it.offset, "record cut short", whole_gzip, False))
        elif handled == 0:
            yield ReadError(source, "empty file")


def _tell(stream) -> int | None:
    try:
        return int(stream.tell())
    except (OSError, ValueError, AttributeError):
        return None


def _damage_reason(offset: int, detail: str, whole_gzip: bool, first: bool) -> str:
    """The reason of a ReadError; ``first``: the input did not start with a WARC record."""
    if first:
        return f"not a WARC file ({detail} at byte offset 0)"
    where = f"byte offset {offset}" + (" of the uncompressed stream" if whole_gzip else "")
    return f"corrupt or truncated WARC at {where}: {detail}"


def read_warc(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | ReadError]:
    """Stream the records of a WARC or WARC.gz file (see :func:`iter_warc`)."""
    with open(path, "rb") as handle:
        yield from iter_warc(handle, path, max_bytes=max_bytes)


def read_warc_bytes(data: bytes, source: str, *,
                    max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | ReadError]:
    """The records of an in-memory WARC (stdin, a download)."""
    yield from iter_warc(io.BytesIO(data), source, max_bytes=max_bytes)


__all__ = ["EXTENSIONS", "HTML_TYPES", "iter_warc", "read_warc", "read_warc_bytes", "looks_like_warc"]
