"""Bytes -> str: BOMs, UTF-8, and charset-normalizer for everything else.

The decoded text is kept as it is except for newlines, which become ``"\\n"``
(``"\\r\\n"`` and lone ``"\\r"``), so offsets computed on the stored text are
offsets into exactly what a reader returns.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

# Magic numbers of common binary formats that may sit next to text files in a scrape.
_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG\r\n\x1a\n",  # PNG
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"\x1f\x8b",  # gzip
    b"PK\x03\x04",  # zip, docx, xlsx, epub
    b"BZh",  # bzip2
    b"\xfd7zXZ\x00",  # xz
    b"7z\xbc\xaf\x27\x1c",  # 7-Zip
    b"\x28\xb5\x2f\xfd",  # zstd
    b"%PDF-",
    b"\x7fELF",
    b"RIFF",  # webp, wav, avi
    b"\x00\x00\x01\x00",  # ico
    b"SQLite format 3\x00",
    b"wOFF",
    b"wOF2",
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control bytes that never occur in text (everything below 0x20 but tab, LF, VT, FF, CR, ESC).
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B)) + b"\x7f"
_CONTROL_TABLE = bytes.maketrans(b"", b"")

# Encodings that HTML declares but browsers (WHATWG) decode as windows-1252.
_WHATWG_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
                   "ascii": "cp1252", "iso8859-1": "cp1252", "l1": "cp1252"}

_NEWLINES = re.compile(r"\r\n?")


class DecodeError(ValueError):
    """Bytes that are not text; ``reason`` is the one-line message for :class:`ReadError`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def normalize_newlines(text: str) -> str:
    """``"\\r\\n"`` and lone ``"\\r"`` -> ``"\\n"``; nothing else changes."""
    return _NEWLINES.sub("\n", text) if "\r" in text else text


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """``(encoding, bom_length)`` when ``data`` starts with a Unicode byte-order mark."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are clearly not text: a known binary magic number, NUL bytes, or
    many control bytes. Text with a UTF-16/32 BOM is not binary (its NULs are part of it)."""
    if bom_encoding(data):
        return False
    head = data[:8192]
    if head.startswith(_MAGIC):
        return True
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = len(head) - len(head.translate(_CONTROL_TABLE, _CONTROL_BYTES))
    return controls / len(head) > 0.05


def _is_whitespace_only(data: bytes) -> bool:
    return not data.strip()


def _plausible(text: str) -> bool:
    """A decoded string that is mostly printable: few control or private-use characters."""
    sample = text[:20000]
    if not sample:
        return True
    bad = 0
    for ch in sample:
        if ch in "\t\n\r\x0b\x0c\x1b":
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Co", "Cs", "Cn"):
            bad += 1
    return bad / len(sample) <= 0.02


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    name = _WHATWG_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _detect(data: bytes) -> str | None:
    """Best encoding by charset-normalizer, preferring windows-1252 among equally good
    single-byte candidates (the web's default, and a superset of latin-1's printable range)."""
    results = list(charset_normalizer.from_bytes(data))
    if not results:
        return None
    best = results[0]
    if best.encoding in ("ascii", "utf_8"):
        return best.encoding
    for candidate in results:
        if candidate.encoding != "cp1252":
            continue
        close = candidate.chaos <= best.chaos + 0.01 and candidate.coherence >= best.coherence - 0.02
        if close:
            return "cp1252"
    # A single-byte guess with no language evidence (a line or two of text): windows-1252
    # when it decodes. Multi-byte guesses (Shift-JIS, EUC-KR, GBK...) are kept.
    if best.coherence == 0.0 and _single_byte(data, best.encoding):
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            return "cp1252"
    return best.encoding


def _single_byte(data: bytes, encoding: str) -> bool:
    try:
        return len(data.decode(encoding)) == len(data)
    except (UnicodeDecodeError, LookupError):
        return False


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """Decode ``data`` to text with newlines normalised to ``"\\n"``.

    Order: a byte-order mark (UTF-8, UTF-16, UTF-32); strict UTF-8; the ``declared``
    encoding (an HTML ``<meta charset>``) when it decodes; charset-normalizer.
    Raises :class:`DecodeError` with reason ``"empty file"``, ``"binary file, not text"``
    or ``"cannot detect text encoding"``.
    """
    if _is_whitespace_only(data):
        raise DecodeError("empty file")
    text: str | None = None
    bom = bom_encoding(data)
    if bom:
        encoding, size = bom
        try:
            text = data[size:].decode(encoding)
        except UnicodeDecodeError:
            if encoding != "utf-8":
                raise DecodeError("cannot detect text encoding") from None
            data = data[size:]  # a UTF-8 BOM on a file that is not UTF-8: detect below
    if text is None:
        if looks_binary(data):
            raise DecodeError("binary file, not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = None
    if text is None:
        codec = _codec(declared)
        if codec:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                text = None
    if text is None:
        encoding = _detect(data)
        if encoding is None:
            raise DecodeError(_undetected_reason(data))
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            raise DecodeError("cannot detect text encoding") from None
    if not _plausible(text):
        raise DecodeError("binary file, not text")
    if not text.strip():
        raise DecodeError("empty file")
    return normalize_newlines(text)


def _undetected_reason(data: bytes) -> str:
    """Nothing decodes ``data``: mostly ASCII means text in an odd encoding, else binary."""
    sample = data[:8192]
    ascii_printable = sum(1 for b in sample if 0x20 <= b < 0x7F or b in (0x09, 0x0A, 0x0D))
    if ascii_printable / len(sample) >= 0.7:
        return "cannot detect text encoding"
    return "binary file, not text"
