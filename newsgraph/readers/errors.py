"""The error every reader reports: which input failed, and why, in one line."""
from __future__ import annotations


class ReadError(Exception):
    """An input (file, JSONL line, stdin) that could not be read.

    ``source`` names the input (a path, ``path:line`` for a JSONL line, a URL or
    ``<stdin>``) and ``reason`` says what is wrong, in one line.
    """

    def __init__(self, source: str, reason: str) -> None:
        reason = " ".join(str(reason).split()) or "unreadable"
        super().__init__(source, reason)
        self.source = str(source)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"

    def __repr__(self) -> str:
        return f"ReadError({self.source!r}, {self.reason!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ReadError):
            return NotImplemented
        return (self.source, self.reason) == (other.source, other.reason)

    def __hash__(self) -> int:
        return hash((self.source, self.reason))


class Skipped(ReadError):
    """An input item that was read fine but is not an article: a WARC request record,
    a PDF, a 404 page, a page with no article text. Not a failure: ``category`` is a
    short fixed name (``request-record``, ``not-html``, ``status-404``,
    ``no-article-text``, ...) for counting reasons, ``reason`` the one-line detail.
    """

    def __init__(self, source: str, reason: str, category: str) -> None:
        super().__init__(source, reason)
        self.category = category
        self.args = (self.source, self.reason, category)  # pickles with its category

    def __repr__(self) -> str:
        return f"Skipped({self.source!r}, {self.reason!r}, {self.category!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ReadError):
            return NotImplemented
        return (type(self), self.source, self.reason, getattr(self, "category", None)) == \
            (type(other), other.source, other.reason, getattr(other, "category", None))

    def __hash__(self) -> int:
        return hash((self.source, self.reason, self.category))


def format_size(n: int) -> str:
    """``25_000_000 -> '25.0 MB'``; small sizes in kB or bytes so a low limit stays readable."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"


def too_large(size: int, limit: int) -> str:
    return f"too large: {format_size(size)} (limit {format_size(limit)})"
