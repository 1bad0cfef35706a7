"""Page layout: split a scraped page into articles and their parts.

A scraped news page, as a scraper leaves it, looks like::

    Headline
    Photo caption ending with a credit. (AFP)
    Short Url
    Updated 06 October 2024
    Follow
    Headline                      <- repeated
      • bullet highlight
      • bullet highlight
    KARACHI: First paragraph ...  <- dateline
    Second paragraph ...
    (next headline, chrome, repeated headline, ... ; the last article may be cut off)

Plain pages come too: a title line then paragraphs separated by blank lines, or only
paragraphs.  :func:`split_page` finds the articles of a page and, for each, its headline,
dates, dateline, bullets, caption and credit, and body paragraphs, every part with exact
character offsets into the page.  Site chrome (``Share``, ``Follow``, ``Advertisement``,
bylines, date lines, ...) is never taken for body text.

The function is pure and linear in the size of the page: the page is cut into lines once,
every line is classified once (the regular expressions only ever look at bounded, short
pieces of text), and the lookaheads that confirm a headline are bounded.
"""
from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass

from .model import Article, Part

__all__ = ["split_page", "parse_date", "find_date"]

# --------------------------------------------------------------------------- text helpers

# Every character str.isspace() accepts, plus invisible marks scrapers leave behind.
_WS = (" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
       "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
       "\ufeff\u200b\u200c\u200d\u2060\u200e\u200f")

_NORM = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-", "\u00a0": " ",
})

_OPEN_QUOTES = "\"'\u2018\u201c\u201e\u201a\u00ab\u201b\u201f\u2039"
_CLOSERS = "\"'\u2019\u201d\u00bb\u203a)]"
_TERMINAL = ".!?\u2026"
_BULLETS = "\u2022\u25aa\u25ab\u25cf\u25e6\u2023\u2043\u25a0\u25b8\u25ba\u25b6\u27a4\u2219\u00b7*-\u2013"

_MAX_CHROME_LEN = 200     # longer lines are never chrome
_MAX_KEY_LEN = 300        # longer lines are never headlines (no key is computed)
_HEADLINE_MAX_CHARS = 250
_HEADLINE_MAX_WORDS = 30
_REPEAT_WINDOW = 30       # a repeated headline comes within this many lines
_CHROME_WINDOW = 14       # header chrome follows a headline within this many lines


def _key(text: str) -> str:
    """Comparison key of a short line: case, quotes, dashes and spacing folded."""
    return " ".join(text.translate(_NORM).casefold().split()).rstrip(" .!?:;,")


def _word_count(text: str) -> int:
    return len(text.split()) if len(text) <= 600 else 10**6


# --------------------------------------------------------------------------- dates

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}
_WEEKDAYS = {
    "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs",
    "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday",
}
_UTC_NAMES = {"gmt", "utc", "z"}
_TZ_NAMES = {
    "est", "edt", "et", "cst", "cdt", "ct", "mst", "mdt", "mt", "pst", "pdt", "pt", "bst",
    "cet", "cest", "eet", "eest", "wet", "west", "msk", "ist", "pkt", "ast", "gst", "jst",
    "kst", "sgt", "hkt", "aest", "aedt", "wib", "sast", "eat", "wat", "cat", "akst", "hst",
    "trt", "irst", "npt", "bdt", "pht", "ict",
}
_DATE_FILLERS = {"at", "on", "of", "the", "am", "pm", "a", "p", "m", "hrs", "h", "local",
                 "time", "t"}

_DATE_TOKEN = re.compile(r"""
    (?P<iso>\d{4}-\d{1,2}-\d{1,2}(?:[T\x20]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(?:Z|[+-]\d{2}:?\d{2})?)
  | (?P<num>\d{1,4}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}-\d{1,2}-\d{4})
  | (?P<time>\d{1,2}:\d{2}(?::\d{2})?)
  | (?P<off>[+-]\d{2}:?\d{2}\b)
  | (?P<int>\d+)(?:st|nd|rd|th)?\b
  | (?P<word>[A-Za-z]+)\.?
  | (?P<punct>[,|/()\-\u2013\u2014.\u00b7\u2022@:])
  | (?P<other>\S)
""", re.VERBOSE)

_AMPM = re.compile(r"\b([aApP])\.[ ]?[mM]\b\.?")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?"
                  r"(Z|[+-]\d{2}:?\d{2})?")


def _fmt(y: int, mo: int, d: int, hh: int | None = None, mi: int | None = None,
         ss: int | None = None, tz: str | None = None) -> str | None:
    try:
        date = _dt.date(y, mo, d)
    except ValueError:
        return None
    if not 1800 <= y <= 2200:
        return None
    out = date.isoformat()
    if hh is None:
        return out
    if not (0 <= hh < 24 and 0 <= (mi or 0) < 60 and 0 <= (ss or 0) < 60):
        return out
    out += f"T{hh:02d}:{mi or 0:02d}"
    if ss:
        out += f":{ss:02d}"
    if tz:
        out += tz
    return out


def _norm_offset(off: str) -> str | None:
    if off in ("Z", "z"):
        return "Z"
    m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", off)
    if not m or int(m.group(2)) > 14 or int(m.group(3)) > 59:
        return None
    if m.group(2) == "00" and m.group(3) == "00":
        return "Z" if m.group(1) == "+" else "+00:00"
    return f"{m.group(1)}{m.group(2)}:{m.group(3)}"


def parse_date(text: str | None) -> str | None:
    """An ISO 8601 date (``YYYY-MM-DD``) or datetime (``YYYY-MM-DDTHH:MM``) from a date string.

    Accepts ``06 October 2024``, ``October 6, 2024``, ``6 Oct 2024``, ``Monday, 6th Oct. 2024``,
    ``2024-10-06``, ``2024-10-06T12:04:00+03:00``, ``Mon, 06 Oct 2024 12:04:00 GMT``,
    ``06/10/2024`` when unambiguous, with times like ``12:04`` or ``12:04 PM``.  The whole
    string must be a date: anything else, an incomplete date (no year, no day) or an impossible
    one (31 February) gives None.  Never raises.
    """
    if not text or not isinstance(text, str) or len(text) > 120:
        return None
    try:
        return _parse_date(text)
    except (ValueError, OverflowError, TypeError):  # pragma: no cover - defensive
        return None


def _parse_date(text: str) -> str | None:
    s = _AMPM.sub(lambda m: m.group(1).lower() + "m", text.strip(_WS + ",;|"))
    if not s:
        return None
    year = month = None
    days: list[int] = []
    hh = mi = ss = None
    tz = None
    ampm = None
    for m in _DATE_TOKEN.finditer(s):
        kind = m.lastgroup
        tok = m.group(kind)
        if kind == "iso":
            if year is not None or month is not None or days:
                return None
            im = _ISO.fullmatch(tok)
            if not im:
                return None
            year, month = int(im.group(1)), int(im.group(2))
            days.append(int(im.group(3)))
            if im.group(4) is not None:
                hh, mi = int(im.group(4)), int(im.group(5))
                ss = int(im.group(6)) if im.group(6) else None
            if im.group(7):
                tz = _norm_offset(im.group(7))
        elif kind == "num":
            if year is not None or month is not None or days:
                return None
            parts = [int(p) for p in re.split(r"[/.\-]", tok)]
            raw = re.split(r"[/.\-]", tok)
            if len(raw[0]) == 4:
                year, month = parts[0], parts[1]
                days.append(parts[2])
            elif len(raw[2]) == 4:
                a, b, year = parts
                if a > 12 >= b:
                    days.append(a)
                    month = b
                elif b > 12 >= a:
                    days.append(b)
                    month = a
                elif a == b:
                    days.append(a)
                    month = a
                else:
                    return None  # ambiguous day/month order
            else:
                return None
        elif kind == "time":
            if hh is not None:
                return None
            bits = [int(x) for x in tok.split(":")]
            hh, mi = bits[0], bits[1]
            ss = bits[2] if len(bits) > 2 else None
        elif kind == "off":
            if hh is None or tz is not None:
                return None
            tz = _norm_offset(tok)
        elif kind == "int":
            value = int(tok)
            if len(tok) == 4 and year is None:
                year = value
            elif len(tok) <= 2 and 1 <= value <= 31:
                days.append(value)
            else:
                return None
        elif kind == "word":
            w = tok.lower()
            if w in _MONTHS:
                if month is not None:
                    return None
                month = _MONTHS[w]
            elif w in _WEEKDAYS:
                continue
            elif w in ("am", "pm"):
                ampm = w
            elif w in _UTC_NAMES:
                tz = "Z" if hh is not None else tz
            elif w in _TZ_NAMES or w in _DATE_FILLERS:
                continue
            else:
                return None
        elif kind == "punct":
            continue
        else:
            return None
    if year is None or month is None or len(days) != 1:
        return None
    if hh is not None and ampm is not None:
        if not 1 <= hh <= 12:
            hh = None
        elif ampm == "pm" and hh < 12:
            hh += 12
        elif ampm == "am" and hh == 12:
            hh = 0
    return _fmt(year, month, days[0], hh, mi, ss, tz if hh is not None else None)


_MONTH_RE = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
             r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_FIND_DATE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?[ \u00a0]+(?P<m1>" + _MONTH_RE + r")\.?,?[ \u00a0]+(?P<y1>\d{4})"
    r"|(?P<m2>" + _MONTH_RE + r")\.?[ \u00a0]+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?[ \u00a0]+(?P<y2>\d{4})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))\b",
    re.IGNORECASE)


def find_date(text: str | None) -> str | None:
    """The first complete date written inside running text (``on March 3, 2026``), or None."""
    if not text:
        return None
    for m in _FIND_DATE.finditer(text[:2000]):
        if m.group("y1"):
            y, mo, d = int(m.group("y1")), _MONTHS[m.group("m1").lower()], int(m.group("d1"))
        elif m.group("y2"):
            y, mo, d = int(m.group("y2")), _MONTHS[m.group("m2").lower()], int(m.group("d2"))
        else:
            y, mo, d = int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))
        out = _fmt(y, mo, d)
        if out:
            return out
    return None


def _normalise_hint(published: str | None) -> str | None:
    """The ``published`` hint as ISO 8601, or None when it is no date."""
    if not published or not isinstance(published, str):
        return None
    out = parse_date(published)
    if out:
        return out
    try:
        from dateutil import parser as _du

        d1 = _du.parse(published, default=_dt.datetime(1901, 1, 1))
        d2 = _du.parse(published, default=_dt.datetime(1902, 2, 2))
    except (ValueError, OverflowError, TypeError, ImportError):
        return None
    if d1.date() != d2.date():  # year, month or day was missing
        return None
    return _fmt(d1.year, d1.month, d1.day)


# --------------------------------------------------------------------------- credits

# Photo agencies and sources; tokens of three letters or fewer must be written in capitals.
_AGENCIES = {
    "afp", "reuters", "ap", "epa", "efe", "getty", "anadolu", "xinhua", "spa", "wam",
    "bloomberg", "dpa", "pa", "ani", "pti", "ians", "app", "shutterstock", "istock", "alamy",
    "sipa", "pool", "handout", "supplied", "courtesy", "screengrab", "screenshot", "upi",
    "tass", "sputnik", "kyodo", "yonhap", "nurphoto", "zuma", "imago", "sopa", "abaca",
    "bernama", "antara", "kcna", "irna", "aa", "apa", "bss", "dawn", "unsplash", "pexels",
    "wikimedia", "flickr", "aljazeera", "afptv", "ugc",
}
_CREDIT_WORDS = {"photo", "photos", "file", "image", "images", "via", "press", "associated",
                 "agency", "wire", "credit", "pic", "picture", "photograph", "video", "grab",
                 "tv", "news", "social", "media", "x", "twitter", "facebook", "instagram",
                 "telegram", "and", "by", "for", "the", "illustration", "photographer"}
_CREDIT_PREFIX = re.compile(
    r"^(?:photo|photograph|picture|pic|image|credit|photo credit|image credit|picture credit)"
    r"\s*(?::|by\b)\s*", re.IGNORECASE)
_CREDIT_MARKER = re.compile(
    r"(?:^|[\s.,;|\-\u2013\u2014(])((?:photo|image|picture)\s+credit|photo(?:graph)?|picture|image|"
    r"pic|credit)\s*(?::|\bby\b)\s*", re.IGNORECASE)
_CREDIT_TOKEN = re.compile(r"[A-Za-z]+")


def _agency_score(content: str) -> tuple[bool, bool]:
    """(has a known agency, every word is a credit word, an agency or a capitalised name)."""
    strong = False
    plain = True
    for m in _CREDIT_TOKEN.finditer(content):
        tok = m.group(0)
        low = tok.lower()
        if low in _AGENCIES and (len(tok) > 3 or tok.isupper()):
            strong = True
        elif low in _CREDIT_WORDS:
            continue
        elif not tok[0].isupper():
            plain = False
    return strong, plain


def _clean_credit(content: str) -> str:
    content = content.strip(_WS + ".;,")
    stripped = _CREDIT_PREFIX.sub("", content, count=1).strip(_WS)
    return stripped or content


def _split_credit(t: str, positional: bool) -> tuple[int, str] | None:
    """Find a photo credit at the end of a line.

    Returns ``(length of the caption before the credit, credit)``; the caption length may be
    0 when the line is only a credit.  ``positional`` relaxes the test for lines that sit
    where a caption is expected (right under the headline).
    """
    if len(t) > 1500:
        return None
    # (AFP), (AP Photo/Jane Doe), (Reuters/File), (Photo: Reuters)
    if t.endswith(")"):
        p = t.rfind("(", max(0, len(t) - 90))
        if p >= 0 and ")" not in t[p:-1]:
            content = t[p + 1:-1].strip(_WS)
            if content and len(content) <= 80 and _word_count(content) <= 8:
                strong, plain = _agency_score(content)
                low = content.lower()
                named = (positional and plain and content[0].isupper()
                         and not any(ch.isdigit() for ch in content))
                if strong or _CREDIT_PREFIX.match(content) or named or (
                        positional and ("photo" in low or "file" in low)):
                    return len(t[:p].rstrip(_WS)), _clean_credit(content)
    # ... 2026. Photo: Reuters / Image credit: Getty Images / Photo by Jane Doe
    tail_start = max(0, len(t) - 120)
    last = None
    for m in _CREDIT_MARKER.finditer(t, tail_start):
        last = m
    if last is not None:
        credit = t[last.end():].strip(_WS + ".")
        if credit and _word_count(credit) <= 8 and credit[0].isupper() \
                and not credit.endswith(("?", "!")):
            before = t[:last.start(1)].rstrip(_WS + "-\u2013\u2014|/(")
            strong, plain = _agency_score(credit)
            if strong or plain or positional:
                return len(before), credit
    # ... in Gaza City. - AFP / — Reuters/File
    for dash in (" \u2014 ", " \u2013 ", " - ", " -- "):
        q = t.rfind(dash, max(0, len(t) - 40))
        if q > 0:
            credit = t[q + len(dash):].strip(_WS + ".")
            strong, plain = _agency_score(credit)
            if credit and strong and plain and _word_count(credit) <= 4:
                return len(t[:q].rstrip(_WS)), credit
    # A line that is only an agency name: AFP, Reuters
    if _word_count(t) <= 3:
        strong, plain = _agency_score(t)
        if strong and plain:
            return 0, _clean_credit(t)
    return None


# --------------------------------------------------------------------------- chrome

@dataclass(slots=True)
class _Chrome:
    strong: bool = False          # header chrome: dates, "Short Url", "Follow", bylines
    published: str | None = None
    updated: str | None = None
    date: str | None = None       # a bare date line
    credit: str | None = None     # "Image credit: Getty" and the like
    link_intro: bool = False      # "Read more" / "Related": the next line is a link


_VOCAB_STRONG = {
    "short url", "short link", "shortlink", "short urls", "follow", "listen to this article",
    "listen to article", "listen to this story", "listen",
}
_VOCAB_WEAK = {
    "follow us", "unfollow", "following", "share", "shares", "share this", "share article",
    "share this article", "share this story", "share this page", "share story", "share page",
    "tweet", "print", "print article", "print this article", "print page", "email", "e-mail",
    "mail", "whatsapp", "facebook", "twitter", "x", "linkedin", "telegram", "reddit",
    "pinterest", "messenger", "copy link", "copy url", "link copied", "copied", "copy",
    "advertisement", "advertising", "ad", "ads", "sponsored", "sponsored content", "promoted",
    "paid content", "partner content", "read more", "read also", "also read", "see also",
    "related", "related articles", "related article", "related stories", "related story",
    "related news", "related topics", "related content", "related coverage", "more stories",
    "more on this story", "more on this", "more from", "recommended", "recommended stories",
    "recommended for you", "most read", "most popular", "most viewed", "trending",
    "trending now", "top stories", "latest", "latest news", "latest stories", "subscribe",
    "subscribe now", "sign up", "sign in", "log in", "login", "register", "comments",
    "comment", "show comments", "view comments", "hide comments", "leave a comment",
    "add a comment", "post a comment", "join the conversation", "play", "pause", "save",
    "saved", "save article", "bookmark", "gift article", "gift this article", "font size",
    "text size", "a+", "a-", "aa", "back to top", "skip to content", "skip to main content",
    "skip ad", "menu", "home", "close", "loading", "next", "previous", "next article",
    "previous article", "next story", "previous story", "click to expand", "expand",
    "enlarge", "enlarge image", "view gallery", "open gallery", "gallery", "photos", "video",
    "videos", "watch", "watch video", "watch live", "live", "breaking", "breaking news",
    "exclusive", "opinion", "analysis", "editorial", "abstract", "letters", "newsletter",
    "topics", "tags", "share on facebook", "share on twitter", "share on x",
    "share on whatsapp", "share on linkedin", "share via email", "share via whatsapp",
    "share by email", "send", "more", "toggle", "search", "continue reading",
    "story continues below", "story continues below advertisement",
    "article continues below", "scroll to continue", "scroll to continue with content",
    "advertisement - scroll to continue", "all rights reserved", "feedback",
    "report an error", "corrections", "audio", "podcast", "live updates", "key points",
    "highlights", "summary", "in brief", "quick read", "translate",
}
_SOCIAL = ("twitter", "facebook", "instagram", "x", "telegram", "whatsapp", "linkedin",
           "youtube", "tiktok", "threads", "google news", "bluesky", "mastodon", "snapchat")

_SEGMENT_SPLIT = re.compile(r"[ \t\u00a0]*(?:\||\u2022|\u00b7|\u2027|[ \t\u00a0][-\u2013\u2014][ \t\u00a0])[ \t\u00a0]*")
_DATE_KEYWORD = re.compile(
    r"^(?:(?:first|last|originally|date)\s+)?(published|updated|update|posted|modified|"
    r"created|edited|released|issued|date|last updated|last modified)"
    r"(?:\s+(?:on|at|in))?\s*[:\-\u2013]?\s*", re.IGNORECASE)
_RELATIVE = re.compile(
    r"^(?:(?:about|over|an?|\d{1,3})\s+(?:second|sec|minute|min|hour|hr|day|week|month|year)s?"
    r"\s+ago|just now|yesterday|today|moments ago|\d{1,3}[smhd]\s+ago|\d{1,3}[hmd])$",
    re.IGNORECASE)
_TIME_ONLY = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Za-z]{1,5}\)?)?$",
                        re.IGNORECASE)
_MIN_READ = re.compile(
    r"^(?:\d{1,3}\s*[-\u2013]?\s*(?:min|mins|minute|minutes|m)(?:\.|s)?(?:\s+read(?:ing)?(?:\s+time)?)?"
    r"|read(?:ing)?\s+time\s*:?\s*\d{1,3}\s*(?:min|mins|minutes?)?\.?(?:\s+read)?)$",
    re.IGNORECASE)
_LISTEN = re.compile(
    r"^listen\s+to\s+(?:this\s+|the\s+)?(?:article|story|news)\b[\s:\-\u2013()]*"
    r"(?:\d{1,2}:\d{2}|\d{1,3}\s*(?:min|mins|minutes?)(?:\s+\d{1,2}\s*(?:sec|secs|seconds?))?)?\)?$",
    re.IGNORECASE)
_COMMENTS = re.compile(r"^(?:\d{1,6}\s+)?comments?(?:\s*\(\d{1,6}\))?$|^comments?\s*:\s*\d{1,6}$",
                       re.IGNORECASE)
_LINK_PREFIX = re.compile(
    r"^(?:read\s+more|read\s+also|also\s+read|see\s+also|more\s+on\s+this|related|related\s+article|"
    r"related\s+story|related\s+news|related\s+coverage|further\s+reading|recommended|"
    r"watch|listen|more|read|click\s+here|don't\s+miss|do\s+not\s+miss|trending)"
    r"\s*(?::|\u00bb|\u203a|>|\u2192|\|)\s*\S", re.IGNORECASE)
_FOLLOW = re.compile(r"^follow\b", re.IGNORECASE)
_END_MATTER = re.compile(
    r"^\(?(?:(?:additional\s+)?reporting\s+by|editing\s+by|writing\s+by|compiled\s+by|"
    r"with\s+(?:additional\s+)?reporting\s+(?:by|from)|contributing\s+(?:reporting|writing)\s+by|"
    r"edited\s+by|written\s+by)\b", re.IGNORECASE)
_BYLINE_CONNECT = {"and", "&", "in", "de", "da", "del", "van", "von", "al", "el", "bin", "le",
                   "la", "du", "der", "den", "of", "the", "staff", "and,", "for"}


def _is_byline(seg: str) -> bool:
    if len(seg) < 4 or seg[:3].lower() != "by " or len(seg) > 80:
        return False
    rest = seg[3:].strip(_WS)
    words = rest.split()
    if not words or len(words) > 8 or rest[-1] in "!?":
        return False
    if rest.endswith(".") and not re.search(r"\b[A-Z]\.$", rest):
        return False
    for w in words:
        w = w.strip(",;:()")
        if not w:
            continue
        if w.lower() in _BYLINE_CONNECT:
            continue
        if any(ch.isdigit() for ch in w) or not w[0].isupper():
            return False
    return words[0][0].isupper()


def _segment_chrome(seg: str, info: _Chrome) -> bool:
    """Whether one segment of a line is chrome; fills ``info``."""
    low = seg.lower().strip(_WS + ":.!\u00bb\u203a\u2192>\u2026")
    low = " ".join(low.split())
    if not low:
        return True
    if low in _VOCAB_STRONG:
        info.strong = True
        return True
    if low in _VOCAB_WEAK:
        return True
    if not any(ch.isalnum() for ch in low):  # separators: *** --- ===
        return True
    m = _DATE_KEYWORD.match(seg)
    if m and _word_count(seg) <= 14:
        rest = seg[m.end():].strip(_WS + ":")
        word = m.group(1).lower()
        if rest:
            date = parse_date(rest)
            if date is None and not _RELATIVE.match(rest):
                # "Last updated: 07/10/2024" (no telling the day from the month): still
                # chrome, without a date; "Published reports say ..." is text.
                colon = ":" in seg[:m.end()]
                if not (any(ch.isdigit() for ch in rest) and _word_count(rest) <= 6
                        and (colon or rest[0].isdigit()) and not rest.endswith(".")):
                    return False
        else:
            date = None
            if word not in ("published", "updated", "posted", "last updated", "modified",
                            "last modified"):
                return False
        info.strong = True
        if date:
            if word in ("updated", "update", "modified", "last updated", "last modified",
                        "edited") or seg.lower().startswith("last "):
                info.updated = info.updated or date
            else:
                info.published = info.published or date
        return True
    if len(seg) <= 60:
        date = parse_date(seg)
        if date:
            info.strong = True
            info.date = info.date or date
            return True
    if _RELATIVE.match(low) or _MIN_READ.match(low) or _LISTEN.match(low):
        info.strong = True
        return True
    if _is_byline(seg):
        info.strong = True
        return True
    if _COMMENTS.match(low):
        return True
    if _FOLLOW.match(low):
        words = low.split()
        if len(words) <= 10 and ("@" in low or low.endswith(_SOCIAL) or " on " in low
                                 or words[-1] in ("us", "page", "channel")):
            return True
        return False
    if low.startswith(("advertisement", "sponsored", "story continues", "article continues")) \
            and len(low.split()) <= 8:
        return True
    if low.startswith(("share on", "share via", "share to", "share with", "share by")) \
            and len(low.split()) <= 4:
        return True
    if low.startswith(("subscribe", "sign up", "newsletter", "join our", "download our",
                       "download the", "get the app", "get our", "register to", "log in to",
                       "sign in to", "click here", "tap here", "to read more", "for more")) \
            and len(low.split()) <= 14 and not low.endswith(("said", "says")):
        return True
    if low.startswith(("\u00a9", "copyright", "(c) ")) and len(low.split()) <= 14:
        return True
    return False


def _chrome(t: str) -> _Chrome | None:
    """Chrome information of a stripped line, or None when the line is content."""
    if len(t) > _MAX_CHROME_LEN or t[0] in _OPEN_QUOTES:
        return None
    info = _Chrome()
    if _LINK_PREFIX.match(t):
        return info
    low = t.lower().rstrip(_WS + ":.")
    if low in ("read more", "read also", "also read", "see also", "related", "more on this",
               "related articles", "related stories", "related news", "recommended",
               "more stories", "more on this story", "related coverage", "further reading"):
        info.link_intro = True
        return info
    m = _CREDIT_PREFIX.match(t)
    if m and t[m.end():].strip(_WS):
        credit = t[m.end():].strip(_WS + ".")
        if _word_count(credit) <= 10:
            info.credit = credit
            return info
    if _END_MATTER.match(t) and _word_count(t) <= 30:
        return info
    segments = _SEGMENT_SPLIT.split(t)
    prev_dated = False
    for seg in segments:
        seg = seg.strip(_WS)
        if not seg:
            continue
        if _TIME_ONLY.match(seg):
            if prev_dated:
                _attach_time(info, seg)
            continue
        before = (info.published, info.updated, info.date)
        if not _segment_chrome(seg, info):
            return None
        prev_dated = (info.published, info.updated, info.date) != before
    if len(segments) == 1 and _word_count(t) <= 3:
        split = _split_credit(t, positional=False)
        if split is not None and split[0] == 0:
            info.credit = split[1]
    return info


def _attach_time(info: _Chrome, seg: str) -> None:
    for attr in ("updated", "published", "date"):
        value = getattr(info, attr)
        if value and "T" not in value:
            timed = parse_date(f"{value} {seg}")
            if timed:
                setattr(info, attr, timed)
            return


# --------------------------------------------------------------------------- datelines

_UP_WORD = r"[A-Z][A-Z'\u2019.\-]*"
_MIX_WORD = r"[A-Z][A-Za-z'\u2019.\-]*"
_SP = r"[ \u00a0]"
_REGION = (r"(?:," + _SP + r"(?!" + _MONTH_RE + r"\b)[A-Z][A-Za-z.]*(?:" + _SP
           + r"[A-Z][A-Za-z.]*){0,2})")
_DL_DATE = r"(?:,?" + _SP + _MONTH_RE + r"\.?" + _SP + r"\d{1,2}(?:," + _SP + r"\d{4})?)"
_DL_AGENCY = r"(?:" + _SP + r"?\((?P<agency>[A-Za-z][A-Za-z .&/\-]{0,30})\))"
_DL_SEP = r"(?:" + _SP + r"*(?:\u2014|\u2015|\u2013|--|-)" + _SP + r"+|:" + _SP + r"+)"
_DATELINE_UP = re.compile(
    r"(?P<place>" + _UP_WORD + r"(?:" + _SP + _UP_WORD + r"){0,3})(?P<region>" + _REGION
    + r")?(?P<date>" + _DL_DATE + r")?" + _DL_AGENCY + r"?" + _DL_SEP + r"(?=\S)")
_DATELINE_MIX = re.compile(
    r"(?P<place>" + _MIX_WORD + r"(?:" + _SP + r"(?:" + _MIX_WORD
    + r"|al|el|de|del|la|le|da|do|du|of|upon|on|sur|am))"
    r"{0,3})(?P<region>" + _REGION + r")?(?P<date>" + _DL_DATE + r")?" + _DL_AGENCY + r"?"
    + _DL_SEP + r"(?=\S)")
_NOT_PLACES = {
    "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "VIDEO", "LIVE", "ANALYSIS",
    "OPINION", "EDITORIAL", "NOTE", "EDITOR'S NOTE", "EDITOR\u2019S NOTE", "CORRECTION",
    "CLARIFICATION", "PHOTOS", "PHOTO", "READ MORE", "RELATED", "FACT CHECK", "REPORT",
    "SOURCE", "SOURCES", "WARNING", "ALERT", "FILE", "AP", "AFP", "REUTERS", "UPI", "Q", "A",
    "TRANSCRIPT", "ABSTRACT", "LETTERS", "LETTER", "FLASH", "URGENT", "DEVELOPING", "NEW",
    "UPDATES", "ADVERTISEMENT", "SPONSORED", "PODCAST", "OP-ED", "COMMENT", "REVIEW",
    "INTERVIEW", "EXPLAINER", "FEATURE", "QUOTE", "SUMMARY", "BACKGROUND", "CONTEXT",
    "WHY IT MATTERS", "THE BIG PICTURE", "WHAT'S NEXT", "BOTTOM LINE", "DETAILS", "NB", "PS",
    "TV", "OK", "USA TODAY", "CNN", "BBC", "NPR", "FOX", "NBC", "CBS", "ABC", "ET", "PT",
}


def _dateline(t: str) -> tuple[int, int] | None:
    """The place of a dateline at the start of a paragraph: (start, end) within ``t``."""
    head = t[:160]
    m = _DATELINE_UP.match(head)
    if m:
        place = m.group("place")
        letters = [ch for ch in place if ch.isalpha()]
        if len(letters) >= 2 and place.strip(".-'\u2019") not in _NOT_PLACES \
                and not place.endswith(("-", "'")):
            end = m.end("region") if m.group("region") else m.end("place")
            return 0, end
    m = _DATELINE_MIX.match(head)
    if m and (m.group("date") or (m.group("agency") and _agency_score(m.group("agency"))[0])):
        place = m.group("place")
        if place.split()[0] not in ("The", "A", "An", "In", "On", "At", "He", "She", "It",
                                     "They", "We", "I", "This", "That", "But", "And"):
            end = m.end("region") if m.group("region") else m.end("place")
            return 0, end
    return None


# --------------------------------------------------------------------------- lines

BLANK, TEXT, BULLET, CHROME = range(4)

_LINE_BREAK = re.compile(r"\r\n|\n|\r")


class _Line:
    __slots__ = ("start", "end", "s", "e", "cs", "text", "kind", "chrome", "key", "words",
                 "_credit", "_pcredit", "_dateline")

    def __init__(self, page: str, start: int, end: int) -> None:
        self.start = start
        self.end = end
        raw = page[start:end]
        stripped = raw.lstrip(_WS)
        self.s = start + (len(raw) - len(stripped))
        stripped = stripped.rstrip(_WS)
        self.e = self.s + len(stripped)
        self.text = stripped
        self.cs = self.s
        self.chrome = None
        self.key = None
        self.words = 0
        self._credit = False
        self._pcredit = False
        self._dateline = False
        if not stripped:
            self.kind = BLANK
            return
        first = stripped[0]
        if first in _BULLETS and len(stripped) > 2 and stripped[1] in " \t\u00a0" \
                and not (first in "*-\u2013" and not any(ch.isalnum() for ch in stripped)):
            body = stripped[1:].lstrip(_WS)
            self.kind = BULLET
            self.cs = self.e - len(body)
            self.words = _word_count(body)
            return
        info = _chrome(stripped)
        if info is not None:
            self.kind = CHROME
            self.chrome = info
            return
        self.kind = TEXT
        self.words = _word_count(stripped)
        if len(stripped) <= _MAX_KEY_LEN:
            self.key = _key(stripped)

    def credit(self, positional: bool = False) -> tuple[int, str] | None:
        """(caption length, credit) of a caption line, or None (cached)."""
        if positional:
            if self._pcredit is False:
                self._pcredit = _split_credit(self.text, True) if self.words <= 80 else None
            return self._pcredit
        if self._credit is False:
            self._credit = _split_credit(self.text, False) if self.words <= 80 else None
        return self._credit

    def dateline(self) -> tuple[int, int] | None:
        if self._dateline is False:
            self._dateline = _dateline(self.text)
        return self._dateline


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        out.append(_Line(text, pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append(_Line(text, pos, len(text)))
    return out


# --------------------------------------------------------------------------- headlines

_SMALL_WORDS = {"a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "but", "at", "by",
                "with", "from", "as", "is", "vs", "v", "over", "into", "up", "out", "off",
                "amid", "after", "before", "about", "than", "via", "per", "nor", "so", "be",
                "are", "was", "it", "its", "his", "her", "their", "not", "no", "if", "s"}
# Words, written in lower case, that a lead sentence has and a headline seldom has.
_SENTENCE_WORDS = {"has", "have", "had", "was", "were", "been", "being", "said", "told",
                   "according", "would", "could", "should", "he", "she", "they", "we", "i",
                   "our", "my", "is", "are", "will"}


def _title_case_ratio(t: str) -> float:
    total = upper = 0
    for w in t.split():
        w = w.strip("\"'\u2018\u2019\u201c\u201d:;,.!?()[]")
        if not w or not w[0].isalpha():
            continue
        if w.lower() in _SMALL_WORDS:
            continue
        total += 1
        if w[0].isupper():
            upper += 1
    return upper / total if total else 0.0


def _title_score(t: str, words: int) -> int:
    """How much a line reads like a headline rather than a lead sentence (>= 0: headline).

    Headlines are short, Title Cased or built as ``Speaker: claim``, and drop the auxiliary
    verbs and past tenses of running text; lead sentences are longer and keep them.
    """
    toks = [w.strip("\"'\u2018\u2019\u201c\u201d,.:;!?()") for w in t.split()]
    score = 0
    if any(w in _SENTENCE_WORDS for w in toks):
        score -= 2
    if any(len(w) > 4 and w.endswith("ed") and w.islower() for w in toks):
        score -= 1
    if words >= 14:
        score -= 1
    elif words <= 9:
        score += 1
    colon = t.find(":")
    if 0 < colon < len(t) / 2:
        score += 2
    if _title_case_ratio(t) >= 0.75:
        score += 2
    return score


@dataclass(slots=True)
class _Draft:
    start_line: int
    head: int | None
    caption: tuple[int, int] | None = None
    credit: str | None = None
    caption_date: str | None = None
    published: str | None = None
    updated: str | None = None
    date: str | None = None
    bullets: list | None = None
    paragraphs: list | None = None


class _Page:
    def __init__(self, text: str, title: str | None) -> None:
        self.text = text
        self.lines = _lines(text)
        self.n = len(self.lines)
        self.keys: dict[str, list[int]] = {}
        for i, line in enumerate(self.lines):
            if line.key is not None and line.kind == TEXT and line.words <= _HEADLINE_MAX_WORDS:
                self.keys.setdefault(line.key, []).append(i)
        self.title_keys = _title_keys(title)
        # A title of a few words may be a site name ("Daily Ledger"), which says nothing
        # about the first line; a longer one that is not there means the page has no headline.
        self.title_trusted = any(_word_count(k) >= 4 for k in self.title_keys)

    # -- shapes -------------------------------------------------------------------------

    def headline_shaped(self, i: int, allow_dateline: bool = False) -> bool:
        line = self.lines[i]
        if line.kind != TEXT or line.key is None or len(line.text) > _HEADLINE_MAX_CHARS:
            return False
        if line.words > _HEADLINE_MAX_WORDS or line.text[0].islower():
            return False
        if line.dateline() is not None and not allow_dateline:
            return False
        credit = line.credit()
        return credit is None

    def strict_shaped(self, i: int) -> bool:
        line = self.lines[i]
        if not self.headline_shaped(i) or line.words > 25 or _END_MATTER.match(line.text):
            return False
        t = line.text.rstrip(_CLOSERS)
        return bool(t) and t[-1] not in ".,;:" and not (
            len(t) < len(line.text) and t[-1] in "!?")

    # -- confirmations --------------------------------------------------------------------

    def repeat_of(self, i: int) -> int | None:
        """The line repeating line ``i`` as a page's repeated headline does, or None."""
        line = self.lines[i]
        occ = self.keys.get(line.key) if line.key is not None else None
        if not occ:
            return None
        pos = bisect.bisect_right(occ, i)
        if pos >= len(occ):
            return None
        j = occ[pos]
        if j - i > _REPEAT_WINDOW:
            return None
        texts = 0
        chrome = False
        for k in range(i + 1, j):
            other = self.lines[k]
            if other.kind == BLANK:
                continue
            if other.kind == CHROME:
                chrome = True
                continue
            if other.kind == BULLET:
                return None
            texts += 1
            if texts > 2 or other.words > 80:
                return None
            if other.credit(positional=True) is not None:
                chrome = True
        if not (chrome or self.strict_shaped(i)):
            return None
        return j

    def chrome_follows(self, i: int) -> bool:
        """A headline-shaped line followed by header chrome (date, Short Url, Follow, byline)."""
        if not self.strict_shaped(i):
            return False
        texts = 0
        for k in range(i + 1, min(self.n, i + 1 + _CHROME_WINDOW)):
            other = self.lines[k]
            if other.kind == BLANK:
                continue
            if other.kind == CHROME:
                if other.chrome.strong:
                    return True
                continue
            if other.kind == BULLET:
                return False
            texts += 1
            if texts > 1 or other.dateline() is not None or other.words > 80:
                return False
        return False

    def is_article_start(self, i: int) -> bool:
        return self.headline_shaped(i) and (self.repeat_of(i) is not None
                                            or self.chrome_follows(i))

    def gap_start(self, i: int, gap: int, max_gap: int) -> bool:
        """A headline after a wider gap of blank lines than any between the paragraphs."""
        line = self.lines[i]
        if gap < 2 or gap <= max_gap or not self.strict_shaped(i) or line.words < 4:
            return False
        if line.text[0] in _OPEN_QUOTES:
            return False
        for k in range(i + 1, min(self.n, i + 1 + _CHROME_WINDOW)):
            kind = self.lines[k].kind
            if kind == TEXT:
                return not self.strict_shaped(k)  # a body follows, not a list of links
            if kind != BLANK:
                return True
        return False

    def plain_title(self, i: int) -> bool:
        """A first line that reads as the title of a plain page (title, blank, paragraphs)."""
        line = self.lines[i]
        if not self.headline_shaped(i, allow_dateline=True) or line.words > 25:
            return False
        if line.dateline() is not None and _title_score(line.text, line.words) < 2:
            return False  # "KARACHI: Short first paragraph." rather than "FIX IS IN: Title"
        nxt = None
        for k in range(i + 1, self.n):
            kind = self.lines[k].kind
            if kind in (TEXT, BULLET):
                nxt = k
                break
        if nxt is None:
            return False
        if self.lines[nxt].kind == TEXT and self.lines[nxt].dateline() is not None:
            return True
        t = line.text
        last = t[-1]
        if last in ",:":  # "... ended his address with a warning:" introduces a quote
            return False
        if last == ";":  # a title with its deck on the next line
            return nxt == i + 1 and line.words <= 20
        score = _title_score(t, line.words)
        if last not in _TERMINAL + _CLOSERS:
            score += 2
        if nxt == i + 1:
            score -= 1
        return score >= 0

    def first_headline(self) -> tuple[int | None, int | None]:
        """(index of the page's first headline, index of the first content line)."""
        first = None
        for i, line in enumerate(self.lines):
            if line.kind != BLANK:
                first = i
                break
        if first is None:
            return None, None
        if self.title_keys:
            seen = 0
            for i in range(first, self.n):
                line = self.lines[i]
                if line.kind == BLANK:
                    continue
                seen += 1
                if seen > 6:
                    break
                if line.kind == TEXT and line.key in self.title_keys:
                    before = [k for k in range(first, i)
                              if self.lines[k].kind in (TEXT, BULLET) and self.lines[k].words > 12]
                    if not before:
                        return i, first
                    break
            if self.lines[first].kind == TEXT and self.is_article_start(first):
                return first, first
            if self.title_trusted:
                return None, first  # the title is elsewhere: the page starts with its body
        if self.lines[first].kind == TEXT and (self.is_article_start(first)
                                               or self.plain_title(first)):
            return first, first
        return None, first

    # -- articles -------------------------------------------------------------------------

    def parse_header(self, d: _Draft, i: int) -> int:
        """Read the header of an article (caption, chrome, repeated headline, bullets).

        Returns the index of the first line of the body.
        """
        lines = self.lines
        head_key = lines[d.head].key if d.head is not None else None
        pending = None          # a text line that is a caption if header lines follow it
        pending_early = False   # it came before any header chrome (where captions sit)
        seen_repeat = False
        seen_strong = False
        while i < self.n:
            line = lines[i]
            kind = line.kind
            if kind == BLANK:
                i += 1
                continue
            if kind == CHROME:
                self.absorb(d, line.chrome)
                if pending is not None and pending_early and (line.chrome.strong
                                                              or line.chrome.credit):
                    self.set_caption(d, pending, positional=True)
                    pending = None
                seen_strong = seen_strong or line.chrome.strong
                i += 1
                continue
            if kind == TEXT and head_key is not None and line.key == head_key \
                    and not seen_repeat and not d.bullets:
                seen_repeat = True
                if pending is not None:
                    self.set_caption(d, pending, positional=True)
                    pending = None
                i += 1
                continue
            if kind == BULLET:
                if pending is not None:
                    self.set_caption(d, pending, positional=True)
                    pending = None
                d.bullets.append(line)
                i += 1
                continue
            # a text line
            if pending is not None or d.bullets:
                break
            if self.repeat_of(i) is not None and (head_key is None or line.key != head_key):
                break  # the next article's headline
            if d.caption is None and line.dateline() is None and line.text[0] not in _OPEN_QUOTES:
                split = line.credit(positional=d.head is not None and not seen_repeat)
                if split is not None:
                    self.set_caption(d, i, positional=True)
                    i += 1
                    continue
                if d.head is not None and not seen_repeat and line.words <= 80:
                    pending = i
                    pending_early = not seen_strong
                    i += 1
                    continue
            break
        return pending if pending is not None else i

    def set_caption(self, d: _Draft, i: int, positional: bool) -> None:
        line = self.lines[i]
        split = line.credit(positional=positional)
        if split is not None:
            length, credit = split
            if length == 0:  # only a credit
                d.credit = d.credit or credit
                return
            d.caption = (line.s, line.s + length)
            d.credit = credit
        else:
            d.caption = (line.s, line.e)
        d.caption_date = find_date(self.text[d.caption[0]:d.caption[1]])

    @staticmethod
    def absorb(d: _Draft, info: _Chrome) -> None:
        d.published = d.published or info.published
        d.updated = d.updated or info.updated
        d.date = d.date or info.date
        if info.credit and d.credit is None:
            d.credit = info.credit

    def parse_body(self, d: _Draft, i: int) -> int:
        """Read body paragraphs from line ``i``; returns where the next article starts (or n)."""
        lines = self.lines
        head_key = lines[d.head].key if d.head is not None else None
        paragraphs = d.paragraphs
        gap = 0
        max_gap = 0
        link_next = False
        prev_para_line = -2
        while i < self.n:
            line = lines[i]
            kind = line.kind
            if kind == BLANK:
                gap += 1
                i += 1
                continue
            if kind == CHROME:
                self.absorb(d, line.chrome)
                link_next = line.chrome.link_intro
                gap = 0
                i += 1
                continue
            if kind == TEXT:
                if head_key is not None and line.key == head_key:
                    gap = 0
                    i += 1
                    continue
                if self.headline_shaped(i) and (
                        self.is_article_start(i)
                        or (paragraphs and self.gap_start(i, gap, max_gap))):
                    return i
                if link_next and self.strict_shaped(i):
                    link_next = False
                    gap = 0
                    i += 1
                    continue
                if line.words <= 60 and line.text[0] not in _OPEN_QUOTES \
                        and line.text[-1] == ")" and line.dateline() is None:
                    split = line.credit()
                    if split is not None and split[0] > 0 and _agency_score(split[1])[0]:
                        if d.caption is None:
                            self.set_caption(d, i, positional=False)
                        gap = 0
                        i += 1
                        continue
            link_next = False
            start = line.cs
            if paragraphs and prev_para_line == i - 1 and kind == TEXT \
                    and line.text[0].islower() and self.wraps(paragraphs[-1]):
                paragraphs[-1] = (paragraphs[-1][0], line.e)
            else:
                if paragraphs and gap > max_gap:
                    max_gap = gap
                paragraphs.append((start, line.e))
            prev_para_line = i
            gap = 0
            i += 1
        return self.n

    def wraps(self, para: tuple[int, int]) -> bool:
        """Whether a paragraph was hard-wrapped: it stops where no sentence can end."""
        last = self.text[para[1] - 1]
        return last.isalnum() or last == ","


def _title_keys(title: str | None) -> set[str]:
    if not title or not isinstance(title, str):
        return set()
    keys = {_key(title)}
    for seg in re.split(r"\s+[|\u2013\u2014\u00b7:-]\s+|\s*\|\s*", title[:1000]):
        if _word_count(seg) >= 3:
            keys.add(_key(seg))
    keys.discard("")
    return keys


# --------------------------------------------------------------------------- entry point

def _part(text: str, span: tuple[int, int]) -> Part:
    return Part(text=text[span[0]:span[1]], start=span[0], end=span[1])


def split_page(text: str, document_id: str = "", *, title: str | None = None,
               published: str | None = None) -> list[Article]:
    """Split a scraped page into articles, with the offsets of every part in ``text``.

    ``title`` (from HTML metadata or a JSONL field) helps find the headline when the text
    starts with it; ``published`` is the fallback publication date.  Articles tile the page:
    the first starts at 0, each ends where the next starts and the last ends at
    ``len(text)``.  A page without content (empty, blank, or only chrome) gives ``[]``.
    """
    if not text or not isinstance(text, str):
        return []
    page = _Page(text, title)
    head, first = page.first_headline()
    if first is None:
        return []
    hint = _normalise_hint(published)
    drafts: list[_Draft] = []
    i = first
    while i < page.n:
        d = _Draft(start_line=i, head=head, bullets=[], paragraphs=[])
        drafts.append(d)
        body = page.parse_header(d, head + 1 if head is not None else i)
        nxt = page.parse_body(d, body)
        if nxt >= page.n:
            break
        head = nxt
        i = nxt

    articles: list[Article] = []
    for k, d in enumerate(drafts):
        if d.head is None and not (d.paragraphs or d.bullets or d.caption):
            continue  # nothing but chrome before the first headline: joins the next article
        start = 0 if not articles else page.lines[d.start_line].start
        art = Article(document_id=document_id, index=len(articles), start=start, end=len(text))
        if articles:
            articles[-1].end = start
        if d.head is not None:
            h = page.lines[d.head]
            art.headline = Part(text=h.text, start=h.s, end=h.e)
        art.published = d.published or d.updated or d.date or d.caption_date or hint
        art.updated = d.updated
        art.bullets = [_part(text, (b.cs, b.e)) for b in d.bullets]
        if d.caption is not None:
            art.caption = _part(text, d.caption)
        art.credit = d.credit
        art.paragraphs = [_part(text, p) for p in d.paragraphs]
        for para in art.paragraphs[:2]:
            span = _dateline(para.text)
            if span is not None:
                art.dateline = Part(text=para.text[span[0]:span[1]], start=para.start + span[0],
                                    end=para.start + span[1])
                break
        articles.append(art)
    if articles:
        last = articles[-1]
        if last.paragraphs:
            end = last.paragraphs[-1].text.rstrip(_WS)
            last.truncated = bool(end) and end[-1] not in _TERMINAL + _CLOSERS + ":"
    return articles
