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


def format_size(n: int) -> str:
    """``25_000_000 -> '25.0 MB'``; small sizes in kB or bytes so a low limit stays readable."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"


def too_large(size: int, limit: int) -> str:
    return f"too large: {format_size(size)} (limit {format_size(limit)})"
