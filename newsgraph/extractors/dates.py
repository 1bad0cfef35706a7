"""Date expressions in news text, resolved against the article's own date.

``find_dates(text, start, end, reference)`` finds date expressions in ``text[start:end]`` and
returns :class:`~newsgraph.model.TimeExpression` records whose offsets point into ``text``.
``reference`` is the article's date (ISO ``YYYY-MM-DD``; a datetime such as
``2024-10-06T09:30:00+05:00`` is cut to its date); relative expressions are resolved against it.

The module is pure and uses only the standard library: a handful of anchored regular expressions
find the candidates in one pass each (linear in the length of the text), small bounded windows
around each candidate are read for context, and the dates are computed with :mod:`datetime`.
(dateparser was not needed: every form below is parsed exactly by its own pattern, and dateparser
is slow, guesses silently and is not a runtime dependency of the project.)

What is recognised, and how it is resolved
------------------------------------------
Absolute dates (confidence 1.0 unless noted):

* ``March 3, 2026``, ``Mar. 3 2026``, ``3 March 2026``, ``3rd of March, 2026``, ``2026-03-03``,
  ``Sunday, October 6, 2024`` (a weekday that contradicts the date lowers the confidence to 0.6),
  ``March 3-5, 2026`` (the first day, 0.9) -> granularity ``day``.
* ``March 2026``, ``March of 2026`` -> granularity ``month``, the date is the first of the month.
* ``in 2019``, ``since 2019``, ``during 2019``, ``late 2019``, ``mid-2019``, ``the end of 2019``
  -> granularity ``year`` (``YYYY-01-01``), confidence 0.9 (a bare number after ``in`` may be a
  quantity). Bare four-digit numbers are never taken as years.
* ``2026/03/03`` -> day, 0.9. ``14/03/2026`` or ``03/14/2026`` (only one reading is a valid date)
  -> day, 0.9. ``03/04/2026`` is ambiguous (day-first or month-first): with a reference date, when
  exactly one reading lies on or before it, that reading with confidence 0.5; otherwise date
  ``None``, confidence 0.0.

Dates without a year (``on March 3``, ``June 12``, ``12 June``, ``in March``, ``early March``):
the year is taken from the reference so that the date is the one nearest to it and not more
than six months (183 days; for a month, 6 months) after it, since news reports the past mostly.
A clear tense cue (see below) overrides the nearest year when it points the other way by more
than a month (``was killed on March 3`` in October is the past March, ``since January`` the last
January), and a written weekday (``Sunday, March 3``) picks the year in which it matches.
Confidence 0.8. ``last March``/``next March``/``this March`` pick the March strictly before /
strictly after / of the year of the reference month (0.8). A month name on its own is a date only
after a preposition such as ``in``/``since``/``by``/``until`` or a qualifier (``early``,
``the end of``), so the modal verb ``may`` and ``May`` at the start of a sentence are left alone;
month names must be capitalised (``March``) or upper case (``MARCH``).

Relative expressions (date ``None`` and confidence 0.0 when there is no reference):

* ``today``, ``tonight``, ``this morning|afternoon|evening`` (0.95), ``yesterday`` (0.9),
  ``tomorrow`` (0.9), ``last night`` (the day before, 0.7), ``the day before yesterday``,
  ``the day after tomorrow`` (0.85).
* ``two days ago``, ``a week ago``, ``3 months ago``, ``a year ago``, ``a couple of days ago``
  (vague counts such as ``a few`` are not resolved and not returned).
* ``last|this|next week|month|year``, optionally qualified (``earlier this month``,
  ``late last year``, ``the end of next month``): month -> the first of that month (granularity
  ``month``), year -> ``YYYY-01-01`` (granularity ``year``).
  Weeks: granularity ``"week"`` (a value beyond the model's ``day|month|year`` comment, because
  claiming a day would be a false certainty), and the date is the Monday of that ISO week
  (Monday-Sunday), e.g. ``last week`` in an article dated Sunday 2024-10-06 -> 2024-09-23.
  ``the next year``/``the last month`` (after ``the``) are narrative-relative or durations and are
  not returned.
* Weekdays: ``Friday``, ``on Friday``, ``Friday's``, ``last Friday``, ``next Friday``,
  ``this Friday``, ``this past Friday``, ``this coming Friday``, ``Friday last week``.

  A bare weekday in news means the most recent such day *on or before* the reference date:
  ``on Sunday`` in an article dated Sunday 2024-10-06 is 2024-10-06, ``on Friday`` 2024-10-04,
  ``Thursday`` 2024-10-03 (confidence 0.9 when a past-tense verb is found, 0.8 by default).
  When the clause is in the future tense the weekday is the next one strictly *after* the
  reference (``will meet on Friday`` -> 2024-10-11; 0.8, or 0.65 for weak cues such as ``would``
  or a present-tense ``is``/``are``).
  ``last Friday`` is strictly before the reference (0.9), ``next Friday`` and ``this coming
  Friday`` strictly after (0.75/0.85), ``this Friday`` follows the tense (on or after the reference
  when future, on or before otherwise; 0.7), ``Friday last|this|next week`` is that day of the
  ISO week in question (0.8).

  Tense heuristic (:func:`_tense`): the words of the same sentence are read outwards from the
  expression, first backwards (at most 8 words, stopping at ``.!?;`` or a line break), then, if
  nothing decided, forwards (at most 8 words). The first cue word decides:

  - future: ``will``, ``shall``, ``won't``, ``...'ll``, ``due``, ``scheduled``, ``slated``,
    ``expected``, ``upcoming``, ``coming``, ``plans``/``planned``/``planning``, ``intends``,
    ``set``/``going`` followed by ``to`` (but ``was due``, ``was expected``, ``were set to`` are
    past); weak future: ``would``, and a present tense governing the date directly, which news
    uses for scheduled events (``the vote is on Friday``, ``they are meeting on Friday``,
    ``Friday is the deadline``), checked before the other cues.
  - past: ``said``, ``told``, ``was``, ``were``, ``had``, ``did``, ``since``, a list of common
    irregular past forms (``met``, ``held``, ``went``, ...) and any lower-case word ending in
    ``-ed`` (except ``need``, ``indeed``, ``proceed``...). A past participle right after
    ``be``/``been``/``being`` (``will be held``, ``will be announced``) is passive and does not
    decide: the auxiliary further away does.

  Nothing found -> past (the news default). Words in the expression itself (``next``, ``last``)
  override the heuristic.

Non-dates that are deliberately left alone: times alone (``10:30``, ``5pm``), bare numbers,
fractions (``3/4``), the modal ``may``, plural weekdays (``on Fridays``, habitual), a weekday or
``Today`` right after a capitalised word (``Good Friday``, ``Super Tuesday``, ``USA Today``,
``Easter Sunday``) unless that word is a preposition or modifier (``On``, ``Last``, ``By``...),
a weekday followed by a capitalised name (``Friday Ekong``) unless introduced by
``on``/``last``/``next``/``this``/..., and weekdays after ``the``/``that``/``every``/``following``
/``previous`` (narrative time: ``the following Friday``).

Spans cover the words that determine the date (``Sunday``, ``last year``, ``earlier this month``,
``two days ago``); a bare preposition before it (``on``, ``in``, ``since``) is context, not part of
the span, so ``on Sunday`` yields the text ``Sunday``. When candidates overlap, the leftmost and
then the longest wins, so ``Sunday, October 6, 2024`` is one expression.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from newsgraph.model import TimeExpression

__all__ = ["find_dates", "parse_reference"]

# --------------------------------------------------------------------------- vocabulary

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
_WEEKDAY_ABBR = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
    "sat": 5, "sun": 6,
}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30,
}


def _cased(words) -> str:
    """Alternation of each word in Title case and UPPER case, longest first."""
    forms: list[str] = []
    for w in sorted(words, key=len, reverse=True):
        forms += [w.title(), w.upper()]
    return "|".join(forms)


# A month name: full, or an abbreviation with an optional period. Capitalised or upper case only.
_MONTH_FULL = _cased(k for k in _MONTHS if len(k) > 4 or k == "may")
_MONTH_ABBR = _cased(k for k in _MONTHS if len(k) <= 4 and k != "may")
_MONTH = rf"(?:(?:{_MONTH_FULL})\b|(?:{_MONTH_ABBR})\b\.?)"
_WEEKDAY = rf"(?:{'|'.join(w.title() for w in _WEEKDAYS)})"
_WEEKDAY_ANY = rf"(?:{_cased(_WEEKDAYS)}|(?:{_cased(_WEEKDAY_ABBR)})\b\.?)"
_SP = r"[ \t\u00a0]+"  # spaces inside an expression: never a line break
_OSP = r"[ \t\u00a0]*"
_DAY = r"(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:[12][0-9]{3})"
_NUM = rf"(?:\d{{1,3}}|a{_SP}couple{_SP}of|{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))})"

# Month day[, year]; optional leading weekday; optional day range (`March 3-5, 2026`).
_RE_MDY = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY_ANY}),?{_SP})?"
    rf"(?P<month>{_MONTH}){_SP}(?P<day>{_DAY})\b(?P<range>{_OSP}[-\u2013]{_OSP}\d{{1,2}}\b)?"
    rf"(?:,?{_SP}(?P<year>{_YEAR})\b)?"
    r"(?![:.,]?\d)"
)
# day Month[, year]: `3 March 2026`, `3rd of March`, `the 3rd of March`.
_RE_DMY = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY_ANY}),?{_SP}(?:the{_SP})?)?"
    rf"\b(?P<day>{_DAY})(?P<range>{_OSP}[-\u2013]{_OSP}\d{{1,2}}(?:st|nd|rd|th)?)?(?:{_SP}of)?{_SP}(?P<month>{_MONTH})"
    rf"(?:,?{_SP}(?P<year>{_YEAR})\b)?"
    r"(?![:.,]?\d)"
)
# Month year: `March 2026`, `March of 2026`.
_RE_MY = re.compile(rf"(?P<month>{_MONTH})(?:{_SP}of|,)?{_SP}(?P<year>{_YEAR})\b(?![-/.:,]?\d)")
# A month alone after a preposition or a qualifier.
_RE_MONTH_ALONE = re.compile(
    rf"\b(?:(?P<prep>(?i:in|since|until|till|by|from|during|through|throughout|before|after))"
    rf"|(?P<qual>(?i:early|late|mid|(?:the{_SP})?(?:end|start|beginning|middle){_SP}of))"
    rf"|(?P<rel>(?i:last|next|this)))"
    rf"(?:{_SP}|-)(?P<month>{_MONTH})(?!{_OSP},?{_OSP}\d|-)"
)
# A year after a preposition or a qualifier: `in 2019`, `since 2019`, `mid-2019`, `the end of 2019`.
_RE_YEAR = re.compile(
    rf"\b(?P<pre>(?i:in|since|during|until|till|throughout)|"
    rf"(?i:early|late|mid|(?:the{_SP})?(?:end|start|beginning|middle|summer|spring|autumn|fall|winter){_SP}of))"
    rf"(?:{_SP}|-)(?P<year>(?:19|20)\d\d)\b"
    rf"(?![-/.,:]?\d|{_OSP}(?:%|percent|per{_SP}cent))"
)
# ISO date, optionally followed by a time: `2026-03-03`, `2026-03-03T10:00`.
_RE_ISO = re.compile(r"(?<![\d/.-])(?P<y>[12]\d{3})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d/-])")
# Year first with slashes or dots: `2026/03/03`.
_RE_YMD_SLASH = re.compile(r"(?<![\d/.-])(?P<y>[12]\d{3})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})(?![\d/.]\d|[\d/])")
# Numeric day/month/year or month/day/year (four-digit year only: `3/4` is a fraction).
_RE_NUMERIC = re.compile(
    r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>[12]\d{3})(?![\d/-]|\.\d)"
)
# Day words.
_RE_DAYWORD = re.compile(
    rf"\b(?:(?P<dby>(?i:the{_SP}day{_SP}before{_SP}yesterday))|(?P<dat>(?i:the{_SP}day{_SP}after{_SP}tomorrow))"
    rf"|(?P<word>(?i:today|tonight|yesterday|tomorrow))"
    rf"|(?P<part>(?i:this{_SP}(?:morning|afternoon|evening)))|(?P<lastnight>(?i:last{_SP}night)))\b"
)
# N units ago.
_RE_AGO = re.compile(rf"(?i:\b(?P<n>{_NUM}){_SP}(?P<unit>day|week|month|year)s?{_SP}ago)\b")
# last/this/next week|month|year, optionally qualified.
_RE_REL = re.compile(
    rf"(?i:\b(?:(?P<qual>earlier|later|early|late|mid|(?:the{_SP})?(?:end|start|beginning|middle){_SP}of)(?:{_SP}|-))?"
    rf"(?P<rel>last|this|next){_SP}(?P<unit>week|month|year))\b"
)
# Weekdays with an optional modifier, or followed by `last/this/next week`.
_RE_WEEKDAY = re.compile(
    rf"\b(?:(?P<mod>(?i:this{_SP}past|this{_SP}coming|last|next|this|coming|past)){_SP})?"
    rf"(?P<wd>{_WEEKDAY})\b(?!-)"
    rf"(?:,?{_SP}(?P<wrel>(?i:last|this|next)){_SP}(?P<wunit>(?i:week))\b)?"
)

# Words before a weekday / `Today` that make it a name rather than a date when capitalised.
_OK_BEFORE_NAME = {
    "on", "by", "since", "until", "till", "last", "next", "this", "late", "early", "before",
    "after", "from", "through", "and", "or", "but", "as", "of", "for", "then", "so", "yet",
    "about", "around", "starting", "coming", "past", "until",
}
_NARRATIVE_BEFORE = {"the", "that", "every", "each", "following", "previous", "a", "an", "one", "same"}
_COUNTED = {"people", "men", "women", "children", "persons", "police", "staff", "troops", "feet", "metres", "meters"}
_NOT_COUNTED = {
    "was", "has", "does", "says", "sees", "goes", "marks", "makes", "remains", "seems", "this",
    "thus", "alone", "elections",
}
_INTRO = {"on", "last", "next", "this", "by", "since", "until", "till", "from", "before", "after", "late", "early"}

# --------------------------------------------------------------------------- tense heuristic

_FUTURE = {
    "will", "shall", "won't", "wont", "due", "scheduled", "slated", "expected", "upcoming",
    "coming", "plans", "plan", "planned", "planning", "intends", "intend", "tomorrow",
}
_WEAK_FUTURE = {"would"}
_COPULA = {"is", "are", "am", "'s"}
_LINK = {"on", "for", "by", "until", "till", "from", "as", "of"}
_PAST = {
    "said", "told", "was", "were", "had", "did", "since", "ago", "met", "held", "went", "came",
    "took", "gave", "began", "saw", "won", "lost", "spoke", "fell", "rose", "died", "made", "left",
    "ran", "struck", "shot", "found", "sent", "brought", "thought", "knew", "heard", "paid", "led",
    "wrote", "broke", "fled", "fought", "sold", "bought", "stood", "felt", "kept", "became",
    "yesterday", "last",
}
_NOT_PAST = {
    "need", "needed", "indeed", "proceed", "succeed", "exceed", "speed", "seed", "feed", "breed",
    "weed", "embed", "hundred", "red", "bed", "shed", "bleed", "heed", "deed", "greed", "creed",
    "scheduled", "expected", "planned", "proposed", "intended", "anticipated", "slated",
}
_PASSIVE_AUX = {"be", "been", "being"}
_PAST_AUX = {"was", "were", "had"}
_BOUNDARY = re.compile(r"[.!?;\n]")
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
_TENSE_WORDS = 8
_TENSE_CHARS = 120


def _cue(words: list[str], i: int) -> str | None:
    """'future', 'weak', 'past' or None for ``words[i]`` (``words`` are in text order)."""
    w = words[i].lower().replace("\u2019", "'")
    after = words[i + 1].lower() if i + 1 < len(words) else ""
    before = words[i - 1].lower() if i > 0 else ""
    if w.endswith("'ll") or w in _FUTURE or (w in ("set", "going") and after == "to"):
        if before in _PAST_AUX and w not in ("will", "shall", "won't", "wont"):
            return "past"  # `was due`, `was expected`, `were set to`: a plan seen from the past
        return "future"
    if w in _WEAK_FUTURE:
        return "weak"
    if w in _PAST or (len(w) > 3 and w.endswith("ed") and w not in _NOT_PAST and words[i][:1].islower()):
        if before in _PASSIVE_AUX:
            return None  # `will be held`, `will be announced`: the auxiliary decides
        return "past"
    return None


def _tense(text: str, lo: int, hi: int, start: int, end: int) -> str | None:
    """Tense cue of the sentence around ``text[start:end]`` within ``text[lo:hi]``."""
    left = text[max(lo, start - _TENSE_CHARS):start]
    cut = None
    for m in _BOUNDARY.finditer(left):
        cut = m.end()
    if cut is not None:
        left = left[cut:]
    words = _WORD.findall(left)
    # drop a partial word at the window's edge
    if start - _TENSE_CHARS > lo and cut is None and words:
        words = words[1:]
    n = len(words)
    # Present tense of a scheduled event: `the vote is (on) Friday`, `they are meeting on Friday`.
    j = n - 1
    if j >= 0 and words[j].lower() in _LINK:
        j -= 1
    if j >= 0 and (words[j].lower() in _COPULA or (
            words[j].lower().endswith("ing") and j > 0 and words[j - 1].lower() in _COPULA)):
        return "weak"
    for k in range(n - 1, max(-1, n - 1 - _TENSE_WORDS), -1):
        cue = _cue(words, k)
        if cue:
            return cue
    right = text[end:min(hi, end + _TENSE_CHARS)]
    m = _BOUNDARY.search(right)
    if m:
        right = right[:m.start()]
    words = _WORD.findall(right)[:_TENSE_WORDS]
    if words and words[0].lower() == "s":  # `Friday's`
        words = words[1:]
    if words and words[0].lower() in ("is", "are"):  # `Friday is the deadline`
        return "weak"
    for k in range(len(words)):
        cue = _cue(words, k)
        if cue:
            return cue
    return None


# --------------------------------------------------------------------------- helpers


def parse_reference(reference: str | None) -> date | None:
    """The date part of an ISO date or datetime string, or None when it is missing or invalid."""
    if not reference:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", reference)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_number(word: str) -> int:
    return _MONTHS[word.rstrip(".").lower()]


def _day_number(word: str) -> int:
    return int(re.match(r"\d+", word).group())


def _weekday_number(word: str) -> int:
    w = word.rstrip(".").lower()
    return _WEEKDAYS.get(w, _WEEKDAY_ABBR.get(w, -1))


def _year_for(month: int, day: int, ref: date, weekday: int = -1, tense: str | None = None) -> date | None:
    """The year of a date written without one.

    The date with this month and day nearest to ``ref`` and at most 183 days after it; a
    written weekday (``Sunday, March 3``) picks the year in which it matches when one of the
    three candidate years does; a clear tense cue moves a date more than 31 days on the wrong
    side of ``ref`` by a year (``was killed on March 3`` in October is the past March).
    """
    cands = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _valid(y, month, day))]
    if not cands:  # Feb 29 with no leap year around: the nearest earlier one
        for y in range(ref.year - 2, ref.year - 8, -1):
            if d := _valid(y, month, day):
                return d
        return None
    if weekday >= 0:
        matching = [d for d in cands if d.weekday() == weekday]
        if matching:
            return min(matching, key=lambda d: abs((d - ref).days))
    within = [d for d in cands if (d - ref).days <= 183] or cands
    best = min(within, key=lambda d: abs((d - ref).days))
    delta = (best - ref).days
    if tense == "past" and delta > 31:
        best = _valid(best.year - 1, month, day) or best
    elif tense in ("future", "weak") and delta < -31:
        best = _valid(best.year + 1, month, day) or best
    return best


def _month_for(month: int, ref: date) -> date:
    """First day of the month ``month`` nearest to ``ref``'s month, at most 6 months after it."""
    delta = month - ref.month
    if delta > 6:
        delta -= 12
    elif delta <= -6:
        delta += 12
    return _add_months(date(ref.year, ref.month, 1), delta)


def _add_months(d: date, n: int) -> date:
    k = d.year * 12 + (d.month - 1) + n
    return date(k // 12, k % 12 + 1, 1)


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _prev_word(text: str, lo: int, i: int) -> tuple[str, bool]:
    """The word right before position ``i`` (only spaces in between), and whether one exists.

    Returns ("", False) when punctuation or a line break comes first.
    """
    j = i
    while j > lo and text[j - 1] in " \t\u00a0":
        j -= 1
    if j == i and j > lo and text[j - 1].isalpha():
        return "", False  # glued to a word: not at a word boundary (regex guarantees otherwise)
    k = j
    while k > lo and (text[k - 1].isalpha() or text[k - 1] in "'\u2019-"):
        k -= 1
    if k == j:
        return "", False
    return text[k:j], True


def _next_word(text: str, i: int, hi: int) -> str:
    j = i
    while j < hi and text[j] in " \t\u00a0":
        j += 1
    if j == i:
        return ""
    k = j
    while k < hi and text[k].isalpha():
        k += 1
    return text[j:k]


def _is_name_context(text: str, lo: int, hi: int, start: int, end: int, introduced: bool) -> bool:
    """True when the word at ``text[start:end]`` reads as part of a name, not a date."""
    prev, has_prev = _prev_word(text, lo, start)
    if has_prev:
        low = prev.lower()
        if low in _NARRATIVE_BEFORE:
            return True
        if prev[:1].isupper() and low not in _OK_BEFORE_NAME:
            return True  # Good Friday, Super Tuesday, USA Today, Easter Sunday
    if not introduced:
        nxt = _next_word(text, end, hi)
        if nxt[:1].isupper() and nxt.lower() not in _MONTHS and nxt.lower() not in _WEEKDAYS:
            return True  # Friday Ekong, Sunday Times
    return False


# --------------------------------------------------------------------------- matchers
# Each matcher yields (start, end, date | None, granularity, confidence).


def _absolute_named(text, lo, hi, ref):
    for rx in (_RE_MDY, _RE_DMY):
        for m in rx.finditer(text, lo, hi):
            month = _month_number(m.group("month"))
            day = _day_number(m.group("day"))
            year = m.group("year")
            s, e = m.start(), m.end()
            conf = 0.9 if m.group("range") else 1.0
            if year:
                d = _valid(int(year), month, day)
                if d is None:
                    continue
            else:
                if _valid(2024, month, day) is None:  # leap year: accepts Feb 29
                    continue
                if ref is None:
                    yield s, e, None, "day", 0.0
                    continue
                wd = m.group("wd")
                d = _year_for(month, day, ref, _weekday_number(wd) if wd else -1, _tense(text, lo, hi, s, e))
                if d is None:
                    continue
                conf = min(conf, 0.8)
            wd = m.group("wd")
            if wd and _weekday_number(wd) != d.weekday():
                conf = min(conf, 0.6)
            yield s, e, d, "day", conf


def _month_year(text, lo, hi, ref):
    for m in _RE_MY.finditer(text, lo, hi):
        yield m.start(), m.end(), date(int(m.group("year")), _month_number(m.group("month")), 1), "month", 1.0


def _month_alone(text, lo, hi, ref):
    for m in _RE_MONTH_ALONE.finditer(text, lo, hi):
        month = _month_number(m.group("month"))
        rel = m.group("rel")
        s = m.start("month") if m.group("prep") else m.start()
        e = m.end()
        if ref is None:
            yield s, e, None, "month", 0.0
            continue
        if rel:
            r = rel.lower()
            if r == "last":
                d = date(ref.year if month < ref.month else ref.year - 1, month, 1)
            elif r == "next":
                d = date(ref.year if month > ref.month else ref.year + 1, month, 1)
            else:
                d = date(ref.year, month, 1)
        else:
            d = _month_for(month, ref)
            tense = "past" if (m.group("prep") or "").lower() == "since" else _tense(text, lo, hi, s, e)
            if tense == "past" and d > ref:
                d = date(d.year - 1, d.month, 1)
            elif tense in ("future", "weak") and _add_months(d, 1) <= ref:
                d = date(d.year + 1, d.month, 1)
        yield s, e, d, "month", 0.8


def _year_alone(text, lo, hi, ref):
    for m in _RE_YEAR.finditer(text, lo, hi):
        nxt = _next_word(text, m.end(), hi)
        low = nxt.lower()
        if nxt.islower() and (low in _COUNTED or (len(low) > 3 and low.endswith("s") and not low.endswith("ss")
                                                  and low not in _NOT_COUNTED)):
            continue  # `in 2000 cases`, `since 1500 people`: a quantity, not a year
        plain = m.group("pre").lower() in ("in", "since", "during", "until", "till", "throughout")
        s = m.start("year") if plain else m.start()  # `in 2019` -> `2019`; `mid-2019` whole
        yield s, m.end(), date(int(m.group("year")), 1, 1), "year", 0.9


def _numeric(text, lo, hi, ref):
    for m in _RE_ISO.finditer(text, lo, hi):
        d = _valid(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d:
            yield m.start(), m.end(), d, "day", 1.0
    for m in _RE_YMD_SLASH.finditer(text, lo, hi):
        d = _valid(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d:
            yield m.start(), m.end(), d, "day", 0.9
    for m in _RE_NUMERIC.finditer(text, lo, hi):
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        month_first = _valid(y, a, b)
        day_first = _valid(y, b, a)
        s, e = m.start(), m.end()
        if month_first and day_first:
            if month_first == day_first:
                yield s, e, month_first, "day", 0.9
            elif ref is not None and (month_first <= ref) != (day_first <= ref):
                yield s, e, month_first if month_first <= ref else day_first, "day", 0.5
            else:
                yield s, e, None, "day", 0.0
        elif month_first or day_first:
            yield s, e, month_first or day_first, "day", 0.9


def _day_words(text, lo, hi, ref):
    for m in _RE_DAYWORD.finditer(text, lo, hi):
        s, e = m.start(), m.end()
        if m.group("word"):
            w = m.group("word").lower()
            if m.group("word")[:1].isupper() and w == "today" and _is_name_context(text, lo, hi, s, e, True):
                continue  # USA Today, Pakistan Today
            offset, conf = {"today": (0, 0.95), "tonight": (0, 0.95), "yesterday": (-1, 0.9),
                            "tomorrow": (1, 0.9)}[w]
        elif m.group("part"):
            offset, conf = 0, 0.95
        elif m.group("lastnight"):
            offset, conf = -1, 0.7
        elif m.group("dby"):
            offset, conf = -2, 0.85
        else:
            offset, conf = 2, 0.85
        if ref is None:
            yield s, e, None, "day", 0.0
        else:
            yield s, e, ref + timedelta(days=offset), "day", conf


def _ago(text, lo, hi, ref):
    for m in _RE_AGO.finditer(text, lo, hi):
        raw = m.group("n").lower()
        if raw.isdigit():
            n, conf = int(raw), 0.85
        elif raw.startswith("a") and "couple" in raw:
            n, conf = 2, 0.7
        else:
            n, conf = _NUMBER_WORDS[raw], 0.85
        unit = m.group("unit").lower()
        s, e = m.start(), m.end()
        if ref is None:
            yield s, e, None, {"day": "day", "week": "week", "month": "month", "year": "year"}[unit], 0.0
            continue
        if unit == "day":
            yield s, e, ref - timedelta(days=n), "day", conf
        elif unit == "week":
            yield s, e, _monday(ref - timedelta(weeks=n)), "week", conf - 0.1
        elif unit == "month":
            yield s, e, _add_months(date(ref.year, ref.month, 1), -n), "month", conf - 0.1
        else:
            yield s, e, date(ref.year - n, 1, 1), "year", conf - 0.1


def _relative_units(text, lo, hi, ref):
    for m in _RE_REL.finditer(text, lo, hi):
        s, e = m.start(), m.end()
        prev, _ = _prev_word(text, lo, s)
        if prev.lower() in ("the", "that", "a", "for", "over", "past", "within"):
            continue  # `the next year`, `for the last month`: narrative time or duration
        step = {"last": -1, "this": 0, "next": 1}[m.group("rel").lower()]
        unit = m.group("unit").lower()
        conf = 0.95 if step == 0 else 0.9
        if ref is None:
            yield s, e, None, unit, 0.0
        elif unit == "week":
            yield s, e, _monday(ref) + timedelta(weeks=step), "week", conf - 0.05
        elif unit == "month":
            yield s, e, _add_months(date(ref.year, ref.month, 1), step), "month", conf
        else:
            yield s, e, date(ref.year + step, 1, 1), "year", conf


def _weekdays(text, lo, hi, ref):
    for m in _RE_WEEKDAY.finditer(text, lo, hi):
        s, e = m.start(), m.end()
        mod = (m.group("mod") or "").lower()
        mod = " ".join(mod.split())
        prev, _ = _prev_word(text, lo, s)
        introduced = bool(mod) or prev.lower() in _INTRO or bool(m.group("wrel"))
        if not mod and _is_name_context(text, lo, hi, m.start("wd"), m.end("wd"), introduced):
            continue
        if mod and prev.lower() in _NARRATIVE_BEFORE:
            continue  # `the next Friday`
        if ref is None:
            yield s, e, None, "day", 0.0
            continue
        wd = _WEEKDAYS[m.group("wd").lower()]
        back = (ref.weekday() - wd) % 7  # days back to the most recent such day (0 = today)
        on_or_before = ref - timedelta(days=back)
        strictly_after = ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)
        if m.group("wrel"):
            step = {"last": -1, "this": 0, "next": 1}[m.group("wrel").lower()]
            yield s, e, _monday(ref) + timedelta(weeks=step, days=wd), "day", 0.8
            continue
        if mod in ("last", "past", "this past"):
            yield s, e, on_or_before if back else ref - timedelta(days=7), "day", 0.9
            continue
        if mod == "next":
            yield s, e, strictly_after, "day", 0.75
            continue
        if mod in ("this coming", "coming"):
            yield s, e, strictly_after, "day", 0.85
            continue
        tense = _tense(text, lo, hi, s, e)
        if mod == "this":
            if tense in ("future", "weak"):
                yield s, e, ref + timedelta(days=(wd - ref.weekday()) % 7), "day", 0.7
            else:
                yield s, e, on_or_before, "day", 0.7
            continue
        if tense == "future":
            yield s, e, strictly_after, "day", 0.8
        elif tense == "weak":
            yield s, e, strictly_after, "day", 0.65
        elif tense == "past":
            yield s, e, on_or_before, "day", 0.9
        else:
            yield s, e, on_or_before, "day", 0.8


_MATCHERS = (_absolute_named, _month_year, _numeric, _weekdays, _day_words, _ago,
             _relative_units, _month_alone, _year_alone)


# --------------------------------------------------------------------------- API


def find_dates(
    text: str, start: int = 0, end: int | None = None, reference: str | None = None
) -> list[TimeExpression]:
    """Date expressions in ``text[start:end]``, resolved against ``reference`` (the article's date).

    Offsets of the returned records point into ``text``. Expressions that cannot be resolved
    (relative ones without a reference, dates without a year and without a reference, ambiguous
    numeric dates) are returned with ``date=None`` and confidence 0.0; nothing raises on odd input.
    Results are in text order and do not overlap.
    """
    n = len(text)
    lo = max(0, min(start, n))
    hi = n if end is None else max(lo, min(end, n))
    ref = parse_reference(reference)
    found: list[tuple[int, int, date | None, str, float]] = []
    for matcher in _MATCHERS:
        found.extend(matcher(text, lo, hi, ref))
    # Leftmost first, then longest; earlier matchers win exact ties (stable sort).
    found.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    out: list[TimeExpression] = []
    last_end = lo
    for s, e, d, gran, conf in found:
        if s < last_end or e <= s:
            continue
        out.append(TimeExpression(
            text=text[s:e], start=s, end=e, date=d.isoformat() if d else None,
            granularity=gran, confidence=round(conf, 2) if d else 0.0,
        ))
        last_end = e
    return out
