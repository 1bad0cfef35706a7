"""Publication dates to ISO ``YYYY-MM-DD``, or None when the value is not a full date."""
from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Any

from dateutil import parser as _dateutil

_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s_]|[+-]\d{2}:?\d{2}$|Z$)")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")
_MIN_YEAR, _MAX_YEAR = 1800, 2199


def _checked(year: int, month: int, day: int) -> str | None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def normalize_date(value: Any) -> str | None:
    """``"2026-04-14T07:30:00Z"``, ``"14 April 2026"``, ``"April 14, 2026"``, ``20260414``,
    epoch seconds or milliseconds -> ``"2026-04-14"``.

    An ISO datetime keeps its own calendar date (no conversion to UTC). Values without
    a day, month and four-digit year (``"April 2026"``, ``"yesterday"``) give None.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (datetime, date)):
        return _checked(value.year, value.month, value.day)
    if isinstance(value, (int, float)):
        seconds = float(value)
        if abs(seconds) > 1e11:  # milliseconds
            seconds /= 1000.0
        try:
            stamp = datetime.fromtimestamp(seconds, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
        return _checked(stamp.year, stamp.month, stamp.day)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    match = _ISO_PREFIX.match(text) or _COMPACT.match(text)
    if match:
        return _checked(int(match[1]), int(match[2]), int(match[3]))
    if not _YEAR.search(text) or len(text) > 64:
        return None
    # Parse twice with different defaults: a component missing from the text shows up
    # as a difference, and a date without its day or month is not a date we can store.
    try:
        first = _dateutil.parse(text, default=datetime(2000, 1, 1))
        second = _dateutil.parse(text, default=datetime(2001, 2, 2))
    except (ValueError, OverflowError, TypeError):
        return None
    if first.date() != second.date():
        return None
    return _checked(first.year, first.month, first.day)
