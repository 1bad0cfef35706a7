"""Tests of newsgraph.extractors.dates: date expressions resolved against the article's date.

All sentences are invented. The reference date of most cases is Sunday 2024-10-06.
"""
from __future__ import annotations

import time

import pytest

from newsgraph.extractors.dates import find_dates, parse_reference
from newsgraph.model import TimeExpression

REF = "2024-10-06"  # a Sunday


def one(text: str, reference: str | None = REF) -> TimeExpression:
    found = find_dates(text, reference=reference)
    assert len(found) == 1, found
    t = found[0]
    assert text[t.start:t.end] == t.text
    return t


# (sentence, expected text, expected date, granularity, min confidence, max confidence)
CASES = [
    # the examples
    ("Police said on Sunday that the road was closed.", "Sunday", "2024-10-06", "day", 0.8, 1.0),
    ("The minister resigned on Friday.", "Friday", "2024-10-04", "day", 0.8, 1.0),
    ("Thursday saw heavy rain across the province.", "Thursday", "2024-10-03", "day", 0.7, 1.0),
    ("Exports fell sharply last year, the bureau said.", "last year", "2023-01-01", "year", 0.8, 1.0),
    # future tense: the next such day after the reference
    ("The cabinet will meet on Friday to discuss the budget.", "Friday", "2024-10-11", "day", 0.7, 0.9),
    ("The report is due on Monday.", "Monday", "2024-10-07", "day", 0.7, 0.9),
    ("On Friday, the council will vote on the plan.", "Friday", "2024-10-11", "day", 0.7, 0.9),
    ("The verdict will be announced on Thursday.", "Thursday", "2024-10-10", "day", 0.7, 0.9),
    ("They're expected to sign the deal on Wednesday.", "Wednesday", "2024-10-09", "day", 0.7, 0.9),
    ("The talks are set to resume on Sunday.", "Sunday", "2024-10-13", "day", 0.7, 0.9),
    ("The union said it would strike on Tuesday.", "Tuesday", "2024-10-08", "day", 0.5, 0.7),
    # past tense cues, including a passive and a plan seen from the past
    ("The results were announced on Thursday.", "Thursday", "2024-10-03", "day", 0.85, 1.0),
    ("The hearing was scheduled for Saturday but collapsed.", "Saturday", "2024-10-05", "day", 0.8, 1.0),
    ("“We will win,” she said on Saturday.", "Saturday", "2024-10-05", "day", 0.85, 1.0),
    ("Police are investigating the attack on Friday.", "Friday", "2024-10-04", "day", 0.7, 1.0),
    ("The run-off is on Friday.", "Friday", "2024-10-11", "day", 0.5, 0.7),
    # weekday modifiers
    ("The body was found last Sunday.", "last Sunday", "2024-09-29", "day", 0.8, 1.0),
    ("Voting starts next Tuesday.", "next Tuesday", "2024-10-08", "day", 0.6, 0.9),
    ("Rallies are planned for this coming Saturday.", "this coming Saturday", "2024-10-12", "day", 0.7, 0.9),
    ("Prices rose on Monday last week.", "Monday last week", "2024-09-23", "day", 0.7, 0.9),
    ("Friday's vote was close.", "Friday", "2024-10-04", "day", 0.8, 1.0),
    # absolute dates
    ("The law takes effect on March 3, 2026.", "March 3, 2026", "2026-03-03", "day", 1.0, 1.0),
    ("The law takes effect on 3 March 2026.", "3 March 2026", "2026-03-03", "day", 1.0, 1.0),
    ("The law takes effect on the 3rd of March, 2026.", "3rd of March, 2026", "2026-03-03", "day", 1.0, 1.0),
    ("Filed on 2026-03-03 in Lahore.", "2026-03-03", "2026-03-03", "day", 1.0, 1.0),
    ("Updated Sept. 14, 2023 at noon.", "Sept. 14, 2023", "2023-09-14", "day", 1.0, 1.0),
    ("KARACHI, OCTOBER 5, 2024: Traders protested.", "OCTOBER 5, 2024", "2024-10-05", "day", 1.0, 1.0),
    ("Published Sunday, October 6, 2024.", "Sunday, October 6, 2024", "2024-10-06", "day", 1.0, 1.0),
    ("Published Monday, October 6, 2024.", "Monday, October 6, 2024", "2024-10-06", "day", 0.5, 0.7),
    ("The summit ran March 3-5, 2026.", "March 3-5, 2026", "2026-03-03", "day", 0.8, 0.95),
    ("It was signed on 14/03/2026.", "14/03/2026", "2026-03-14", "day", 0.8, 0.95),
    ("It was signed on 03/14/2026.", "03/14/2026", "2026-03-14", "day", 0.8, 0.95),
    # month and year granularity
    ("Inflation peaked in March 2026.", "March 2026", "2026-03-01", "month", 1.0, 1.0),
    ("The plant closed in May of 2019.", "May of 2019", "2019-05-01", "month", 1.0, 1.0),
    ("The company was founded in 2019.", "2019", "2019-01-01", "year", 0.8, 1.0),
    ("Growth has slowed since mid-2021.", "mid-2021", "2021-01-01", "year", 0.8, 1.0),
    # dates without a year: year from the reference
    ("Talks resumed on June 12 in Doha.", "June 12", "2024-06-12", "day", 0.7, 0.85),
    ("He was killed on March 3, police said.", "March 3", "2024-03-03", "day", 0.7, 0.85),
    ("Elections will be held on March 3.", "March 3", "2025-03-03", "day", 0.7, 0.85),
    ("The deadline is October 20.", "October 20", "2024-10-20", "day", 0.7, 0.85),
    ("Reports filed 12 September were lost.", "12 September", "2024-09-12", "day", 0.7, 0.85),
    ("Sales dipped in August.", "August", "2024-08-01", "month", 0.7, 0.85),
    ("Sales picked up last March.", "last March", "2024-03-01", "month", 0.7, 0.85),
    ("He was sacked in November.", "November", "2023-11-01", "month", 0.7, 0.85),
    ("Prices have doubled since January.", "January", "2024-01-01", "month", 0.7, 0.85),
    ("The new line opens in January.", "January", "2025-01-01", "month", 0.7, 0.85),
    # relative expressions
    ("The strike began today.", "today", "2024-10-06", "day", 0.9, 1.0),
    ("Two men were arrested yesterday.", "yesterday", "2024-10-05", "day", 0.85, 1.0),
    ("The court rules tomorrow.", "tomorrow", "2024-10-07", "day", 0.85, 1.0),
    ("The blast happened two days ago.", "two days ago", "2024-10-04", "day", 0.8, 0.9),
    ("She arrived 10 days ago.", "10 days ago", "2024-09-26", "day", 0.8, 0.9),
    ("Fares rose last month.", "last month", "2024-09-01", "month", 0.85, 1.0),
    ("The bank cut rates earlier this month.", "earlier this month", "2024-10-01", "month", 0.85, 1.0),
    ("The plan is due next year.", "next year", "2025-01-01", "year", 0.85, 1.0),
    ("Output this year is flat.", "this year", "2024-01-01", "year", 0.9, 1.0),
    ("The deal collapsed late last year.", "late last year", "2023-01-01", "year", 0.85, 1.0),
    ("Protests spread last week.", "last week", "2024-09-23", "week", 0.75, 0.9),
    ("The team lost a year ago.", "a year ago", "2023-01-01", "year", 0.7, 0.9),
]


@pytest.mark.parametrize("sentence,text,iso,granularity,lo,hi", CASES, ids=[c[0][:40] for c in CASES])
def test_cases(sentence, text, iso, granularity, lo, hi):
    t = one(sentence)
    assert (t.text, t.date, t.granularity) == (text, iso, granularity)
    assert lo <= t.confidence <= hi


@pytest.mark.parametrize("sentence", [
    "You may leave now.",
    "May I ask a question?",
    "The rally was held at 10:30 and again at 5pm.",
    "About 3/4 of voters agreed.",
    "Good Friday prayers drew thousands.",
    "Friday Ekong, the striker, scored twice.",
    "USA Today reported the figures.",
    "Shops close early on Fridays.",
    "The following Monday he left the city.",
    "Over the last month prices climbed.",
    "The next year, he moved to Lahore.",
    "The march began at the square.",
    "The fund grew by 2019 dollars in 2000 cases.",
    "Sales rose 2024 percent, an analyst joked.",
    "It costs 2019 rupees.",
    "Form 45/67/2024 was printed.",
    "Call 555-12-2034 now.",
])
def test_non_dates(sentence):
    assert find_dates(sentence, reference=REF) == []


@pytest.mark.parametrize("sentence,text,granularity", [
    ("He resigned on Friday.", "Friday", "day"),
    ("Exports fell last year.", "last year", "year"),
    ("Talks resumed on June 12.", "June 12", "day"),
    ("The blast happened two days ago.", "two days ago", "day"),
    ("Sales dipped in August.", "August", "month"),
    ("Protests spread last week.", "last week", "week"),
    ("The strike began today.", "today", "day"),
])
def test_no_reference_gives_no_date(sentence, text, granularity):
    for reference in (None, "", "not a date", "2024-13-45"):
        t = one(sentence, reference)
        assert (t.text, t.date, t.granularity, t.confidence) == (text, None, granularity, 0.0)


def test_absolute_dates_need_no_reference():
    t = one("The law takes effect on March 3, 2026.", None)
    assert (t.date, t.confidence) == ("2026-03-03", 1.0)
    assert one("Inflation peaked in March 2026.", None).date == "2026-03-01"


def test_ambiguous_numeric_date():
    t = one("It was signed on 03/04/2026.", None)
    assert (t.text, t.date, t.confidence) == ("03/04/2026", None, 0.0)
    # both readings lie before the reference: still ambiguous
    assert one("It was signed on 03/04/2026.", "2026-06-01").date is None
    # only one reading lies on or before the reference: low confidence
    t = one("It was signed on 03/04/2026.", "2026-03-20")
    assert (t.date, t.confidence) == ("2026-03-04", 0.5)
    # the same day either way is not ambiguous
    assert one("Signed 05/05/2026.", None).date == "2026-05-05"


def test_invalid_dates_are_ignored():
    assert find_dates("It was dated February 30, 2026.", reference=REF) == []
    assert find_dates("Ticket 2026-13-40 was void.", reference=REF) == []


def test_reference_datetime_and_other_weekdays():
    assert parse_reference("2024-10-06T09:30:00+05:00").isoformat() == REF
    # on a Wednesday reference, a bare Wednesday is the same day and a future one the next week
    assert one("The governor spoke on Wednesday.", "2024-10-09T08:00:00Z").date == "2024-10-09"
    assert one("The governor will speak on Wednesday.", "2024-10-09").date == "2024-10-16"
    assert one("The governor spoke on Thursday.", "2024-10-09").date == "2024-10-03"
    assert one("The store opened last Wednesday.", "2024-10-09").date == "2024-10-02"


def test_year_without_date_wraps_around_the_new_year():
    assert one("Fighting resumed on December 28.", "2025-01-03").date == "2024-12-28"
    assert one("The bill passed on January 2.", "2024-12-30").date == "2025-01-02"
    assert one("Prices jumped in December.", "2025-01-10").date == "2024-12-01"
    assert one("The store closed last December.", "2025-01-10").date == "2024-12-01"


def test_weekday_picks_the_year_of_a_date_without_one():
    # March 3 was a Sunday in 2024; without the weekday the nearest March 3 would be 2025's
    t = one("It opened on Sunday, March 3.")
    assert (t.text, t.date) == ("Sunday, March 3", "2024-03-03")


def test_several_expressions_offsets_and_order():
    text = "On Friday the mayor said the works begun last month will end by March 2026."
    found = find_dates(text, reference=REF)
    assert [(t.text, t.date, t.granularity) for t in found] == [
        ("Friday", "2024-10-04", "day"),
        ("last month", "2024-09-01", "month"),
        ("March 2026", "2026-03-01", "month"),
    ]
    for t in found:
        assert text[t.start:t.end] == t.text


def test_start_end_window_offsets_into_the_whole_text():
    text = "Headline from 2019\n\nThe strike began yesterday. It ends on March 3, 2026."
    start = text.index("The strike")
    end = text.index(" It ends")
    found = find_dates(text, start, end, reference=REF)
    assert [(t.text, t.start, t.date) for t in found] == [
        ("yesterday", text.index("yesterday"), "2024-10-05")]
    # windows out of range are clamped, never an error
    assert find_dates(text, 10_000, None, REF) == []
    assert find_dates(text, 0, 0, REF) == []
    assert find_dates("", reference=REF) == []


def test_expressions_do_not_cross_line_breaks():
    found = find_dates("He left in March\n2026 was a hard year.", reference=REF)
    assert [(t.text, t.granularity) for t in found] == [("March", "month")]


def test_linear_time_on_a_long_text():
    para = ("Police said on Friday that 12 people were hurt in 2019 and last year, while officials "
            "will meet next Tuesday. The March 3, 2026 vote is due. Friday May may 10:30 3/4. ")
    text = para * 2000  # ~300 KB
    t0 = time.perf_counter()
    found = find_dates(text, reference=REF)
    elapsed = time.perf_counter() - t0
    assert len(found) == 6 * 2000
    assert elapsed < 3.0
