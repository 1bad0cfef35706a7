"""Quotation marks: find the quoted stretches of one paragraph, in one linear pass.

Handles curly and straight double marks (and « » „), mixed typography, an opening
mark with no closing one (the quote runs to the end of the paragraph and, by news
convention, continues in the next paragraph if that one opens with a mark), stray
closing marks, and British-style single quotes in paragraphs without double marks,
while apostrophes (``Pakistan's``, ``'90s``, ``O'Brien``, ``traders' union``) are
left alone.
"""
from __future__ import annotations

from dataclasses import dataclass

OPEN_ONLY = "\u201c\u201e\u00ab\u201f"  # “ „ « ‟
CLOSE_ONLY = "\u201d\u00bb"  # ” »
AMBIGUOUS = '"\u2033'  # " ″
DOUBLE = OPEN_ONLY + CLOSE_ONLY + AMBIGUOUS
SINGLE_OPEN = "\u2018\u201b"  # ‘ ‛
SINGLE_CLOSE = "\u2019"  # ’
SINGLE_AMBIGUOUS = "'"
ALL_MARKS = DOUBLE + SINGLE_OPEN + SINGLE_CLOSE + SINGLE_AMBIGUOUS
_BEFORE_OPEN = " \t\n([{\u2014\u2013-/:;,"


@dataclass
class Quoted:
    """Content offsets (marks excluded) relative to the paragraph string."""

    start: int
    end: int
    open_at: int  # index of the opening mark, or -1 when the span starts without one
    close_at: int  # index of the closing mark, or -1 when it is not closed in this paragraph
    single: bool = False

    @property
    def closed(self) -> bool:
        return self.close_at >= 0


def _can_open(text: str, i: int, w: int = 1) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + w] if i + w < len(text) else " "
    return (prev in _BEFORE_OPEN or prev in DOUBLE or prev in SINGLE_OPEN) and not nxt.isspace()


def _can_close(text: str, i: int, w: int = 1) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + w] if i + w < len(text) else " "
    return not prev.isspace() and not nxt.isalnum()


def _double_marks(text: str):
    """(index, width, glyph) of each double mark; `''` and ``` `` ``` (typewriter and PTB style) count as one."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "'" and i + 1 < n and text[i + 1] == "'":
            yield i, 2, '"'
            i += 2
            continue
        if ch == "`" and i + 1 < n and text[i + 1] == "`":
            yield i, 2, "\u201c"
            i += 2
            continue
        if ch in DOUBLE:
            yield i, 1, ch
        i += 1


def find_double(text: str) -> list[Quoted]:
    spans: list[Quoted] = []
    open_at, open_w = -1, 1
    for i, w, ch in _double_marks(text):
        if open_at < 0:
            if ch in CLOSE_ONLY and not _can_open(text, i, w):
                continue  # stray closing mark
            if ch in AMBIGUOUS and not _can_open(text, i, w):
                continue
            open_at, open_w = i, w
        else:
            closing = ch in CLOSE_ONLY or (ch in AMBIGUOUS and _can_close(text, i, w))
            if ch in OPEN_ONLY and _can_close(text, i, w) and not _can_open(text, i, w):
                closing = True  # “ used as a closing mark by bad typography
            if closing:
                if i > open_at + open_w:
                    spans.append(Quoted(open_at + open_w, i, open_at, i))
                open_at = -1
            elif _can_open(text, i, w):
                # a new opening mark while one is open: the earlier quote was never closed
                if i > open_at + open_w:
                    spans.append(Quoted(open_at + open_w, _rstrip(text, open_at + open_w, i), open_at, -1))
                open_at, open_w = i, w
    if open_at >= 0 and open_at + open_w < len(text):
        spans.append(Quoted(open_at + open_w, _rstrip(text, open_at + open_w, len(text)), open_at, -1))
    return [s for s in spans if s.end > s.start]


def find_single(text: str) -> list[Quoted]:
    """Single-quoted stretches that are quotes, not apostrophes."""
    spans: list[Quoted] = []
    open_at = -1
    for i, ch in enumerate(text):
        if ch not in SINGLE_OPEN and ch not in SINGLE_CLOSE and ch != SINGLE_AMBIGUOUS:
            continue
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if open_at < 0:
            # an opening single quote follows a space and precedes a letter, and is not `'90s`
            if (ch in SINGLE_OPEN or ch == SINGLE_AMBIGUOUS or ch == SINGLE_CLOSE) and prev in _BEFORE_OPEN \
                    and nxt.isalpha():
                open_at = i
        else:
            if prev.isalpha() and nxt.isalpha():
                continue  # apostrophe inside a word: don't, Pakistan's, O'Brien
            if (ch in SINGLE_CLOSE or ch == SINGLE_AMBIGUOUS) and not prev.isspace() and not nxt.isalnum():
                if prev == "s" and nxt == " " and i + 2 < len(text) and text[i + 2].islower() \
                        and (text.find("'", i + 1) >= 0 or text.find("\u2019", i + 1) >= 0):
                    continue  # `traders' union` is a plural possessive when a later mark can close
                spans.append(Quoted(open_at + 1, i, open_at, i, single=True))
                open_at = -1
    return [s for s in spans if s.end > s.start]


def find(text: str) -> list[Quoted]:
    """All quoted stretches of a paragraph, in order."""
    spans = find_double(text)
    if not spans and not any(c in DOUBLE for c in text) and "''" not in text:
        spans = find_single(text)
    return spans


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
