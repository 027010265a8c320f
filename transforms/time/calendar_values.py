"""Calendar arithmetic the TIMEX3 resolvers share: safe dates, ISO week values, month shifts,
the days holidays fall on, the sane calendar every resolved date must fall in, and the interval
a TIMEX3 value covers.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.easter import easter

# The calendar news dates are placed on: a resolved time expression, an event's interval and
# the anchor of relative expressions stay inside it (the validation suite checks events
# against the same two dates; import them from here).
EARLIEST_DATE = date(1800, 1, 1)
LATEST_DATE = date(2200, 12, 31)

# What date arithmetic raises past year 1 or 9999 (OverflowError), or on a number too long
# for ``int`` or a day that does not exist (ValueError).
CALENDAR_ERRORS: tuple[type[Exception], ...] = (OverflowError, ValueError)

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
# The year part of a TIMEX3 date value: a century ("20"), a decade ("199") or a year ("2023"),
# followed by nothing or by "-" / "T".
_YEAR_PART = re.compile(r"(?P<digits>\d{2,4})(?=$|[-T])")


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (February 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def is_sane_date(day: date) -> bool:
    """Whether a date lies between EARLIEST_DATE and LATEST_DATE (1800-01-01..2200-12-31).

    Examples:
        date(2023, 6, 5) -> True; date(9999, 12, 31) -> False; date(1, 1, 1) -> False
    """
    return EARLIEST_DATE <= day <= LATEST_DATE


def shift_days(day: date, days: int) -> date | None:
    """The date ``days`` days away, or None when that leaves Python's calendar (years 1-9999)."""
    try:
        return day + timedelta(days=days)
    except CALENDAR_ERRORS:
        return None


def week_value(day: date) -> str:
    """The TIMEX3 value of the ISO week holding a day: ``2023-W22``."""
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) ``delta`` months away."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# The value forms ``calendar_interval`` reads, compiled once: it runs for every date found.
_DAY_VALUE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_MONTH_VALUE = re.compile(r"(\d{4})-(\d{2})")
_YEAR_VALUE = re.compile(r"(\d{4})")
_DECADE_VALUE = re.compile(r"(\d{3})")
_WEEK_VALUE = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])")
_HALF_VALUE = re.compile(r"(\d{4})-H([12])")
_SEASON_VALUE = re.compile(r"(\d{4})-(SP|SU|FA|WI)")


def calendar_interval(value: str) -> tuple[date, date] | None:
    """The first and last calendar day a TIMEX3 date value covers; None when it has none.

    ``2023-06-04`` -> that day; ``2021-03`` -> the month; ``2023`` -> the year; ``199`` -> the
    decade; ``2023-W22`` -> Monday to Sunday; ``2023-Q3``; ``2023-H2``; ``2023-SU``; a TIME -> its day.

    Notes:
        Not handled: centuries ("20") and placeholders ("XXXX-06") have no interval. Any
        interval, sane or not, is returned (``transforms.time.events.value_interval`` keeps the
        sane ones); a value Python's calendar cannot hold ("9999-W53") gives None.
    """
    try:
        if m := _DAY_VALUE.fullmatch(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH_VALUE.fullmatch(value):
            return date(int(m[1]), int(m[2]), 1), _month_end(int(m[1]), int(m[2]))
        if m := _YEAR_VALUE.fullmatch(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        if m := _DECADE_VALUE.fullmatch(value):
            return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
        if m := _WEEK_VALUE.fullmatch(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return (monday + timedelta(days=5), monday + timedelta(days=6)) if m[3] else (monday, monday + timedelta(days=6))
        if m := _QUARTER_VALUE.fullmatch(value):
            first = (int(m[2]) - 1) * 3 + 1
            return date(int(m[1]), first, 1), _month_end(int(m[1]), first + 2)
        if m := _HALF_VALUE.fullmatch(value):
            first = 1 if m[2] == "1" else 7
            return date(int(m[1]), first, 1), _month_end(int(m[1]), first + 5)
        if m := _SEASON_VALUE.fullmatch(value):
            start_month, end_month = _SEASON_MONTHS[m[2]]
            end_year = int(m[1]) + (1 if m[2] == "WI" else 0)
            return date(int(m[1]), start_month, 1), _month_end(end_year, end_month)
    except CALENDAR_ERRORS:
        return None
    return None


def is_sane_value(value: str) -> bool | None:
    """Whether a resolved TIMEX3 date value lies on the sane calendar.

    Returns True when all of it lies between EARLIEST_DATE and LATEST_DATE, False when some of
    it lies outside (``1523``, ``2201-01``, ``9999-12-31``), and None when it is no calendar
    value at all: a negative or five-digit year from runaway arithmetic (``-97976``,
    ``102022``).

    Examples:
        "2023-W22" -> True; "20" (the 21st century) -> True; "1523" -> False; "-97976" -> None
    Notes:
        Values without digits up front (``PAST_REF``, ``XXXX-06``, ``P2Y``) are not dates and
        count as sane. A value that does not exist ("2023-02-30") counts by its year alone.
    """
    if not value[:1].isdigit():
        return None if value[:1] == "-" else True
    interval = calendar_interval(value)
    if interval is not None:
        return is_sane_date(interval[0]) and is_sane_date(interval[1])
    m = _YEAR_PART.match(value)
    if m is None:
        return None
    digits = m["digits"]
    scale = 10 ** (4 - len(digits))  # a century covers 100 years, a decade 10, a year 1
    first, last = int(digits) * scale, int(digits) * scale + scale - 1
    return EARLIEST_DATE.year <= first and last <= LATEST_DATE.year


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday of a month (n = -1: the last one)."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


# Holidays news dates events by (US calendar where it matters: Thanksgiving, Labor Day).
HOLIDAYS: dict[str, Callable[[int], date]] = {
    "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4),
    "christmas eve": lambda y: date(y, 12, 24),
    "christmas": lambda y: date(y, 12, 25),
    "new year's eve": lambda y: date(y, 12, 31),
    "new year's": lambda y: date(y, 1, 1),
    "easter": easter,
    "independence day": lambda y: date(y, 7, 4),
    "labor day": lambda y: nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: nth_weekday(y, 5, 0, -1),
    "election day": lambda y: nth_weekday(y, 11, 0, 1) + timedelta(days=1),
    "halloween": lambda y: date(y, 10, 31),
    # More of the TIMEX3 guideline's holidays: US federal days, and fixed days of Europe and the
    # Commonwealth that wire news dates things by.
    "presidents' day": lambda y: nth_weekday(y, 2, 0, 3),
    "martin luther king day": lambda y: nth_weekday(y, 1, 0, 3),
    "columbus day": lambda y: nth_weekday(y, 10, 0, 2),
    "veterans day": lambda y: date(y, 11, 11),
    "juneteenth": lambda y: date(y, 6, 19),
    "good friday": lambda y: easter(y) - timedelta(days=2),
    "easter monday": lambda y: easter(y) + timedelta(days=1),
    "valentine's day": lambda y: date(y, 2, 14),
    "st patrick's day": lambda y: date(y, 3, 17),
    "boxing day": lambda y: date(y, 12, 26),
    "bastille day": lambda y: date(y, 7, 14),
    "ferragosto": lambda y: date(y, 8, 15),
    "sinterklaas": lambda y: date(y, 12, 5),
    "canada day": lambda y: date(y, 7, 1),
    "australia day": lambda y: date(y, 1, 26),
    "anzac day": lambda y: date(y, 4, 25),
    "guy fawkes night": lambda y: date(y, 11, 5),
    "bonfire night": lambda y: date(y, 11, 5),
}


def holiday_key(name: str) -> str:
    """A holiday's name as ``HOLIDAYS`` spells it without apostrophes and full stops, spaces
    single: "Presidents Day", "President's Day" and "St. Patrick's Day" find their entries."""
    return re.sub(r"['’.,]", "", re.sub(r"\s+", " ", name.lower())).replace("saint ", "st ")


HOLIDAY_BY_KEY: dict[str, Callable[[int], date]] = {holiday_key(name): day_of for name, day_of in HOLIDAYS.items()}


def past_month_year(month: int, reference: date) -> int:
    """The year of a month named without one in a past-tense clause: the latest one begun by the
    reference date, or the next month at most ("signed a truce in March" in a December paper is
    this year's; "bought it in September" in an August paper may be a closing date)."""
    if (month - reference.month) % 12 == 1:
        return reference.year + (1 if month == 1 else 0)
    return reference.year - (1 if month > reference.month else 0)


# How long after a month has ended a clause about the future may still name it: "results are
# due in May" in a paper of June 5 is the May just ended (a schedule told late), but "until the
# election in December" in a paper of January 10 is the coming December.
_COMING_MONTH_REACH_BACK = timedelta(days=7)


def coming_month_year(month: int, reference: date) -> int:
    """The year of a month named without one in a clause about the future: the first such
    month that ends at most a week before the reference date ("is expected to hold the post
    until the election in December" in a January 10 paper is the coming December; "results
    are due in May" in a June 5 paper, the May just ended)."""
    for year in (reference.year - 1, reference.year, reference.year + 1):
        if date(year, month, calendar.monthrange(year, month)[1]) >= reference - _COMING_MONTH_REACH_BACK:
            return year
    return reference.year + 1


# How soon a season may begin after the publication date and still be the one a past clause
# tells: a season is told in the past once it has begun, or on its eve ("was advertising cheap
# autumn fares" in late August); a spring five weeks ahead is not yet one that "moved in the
# spring" (a date's reach, ``resolve.year_of``, is wider: deadlines are told in the past).
_SEASON_PAST_REACH = timedelta(days=31)


def season_year(code: str, which: str, tense: str, reference: date) -> int:
    """The year of a season named without one: "last" is the latest one over by the publication
    date ("stakes drilled last spring" in October 2015 is 2015-SP, as the news gold and TE3 write
    it; TimeBank once wrote the year before, "a strike that began last spring" in October 1989 as
    1988-SP), "next" is the next one to begin ("next autumn" in March 2022 is 2022-FA, in
    October 2024 2025-FA, as the news gold writes it); none or
    "this" in a past clause is the last one begun or about to begin, within a month
    ("pharmacists have warned since the autumn" in January: the autumn before; "moved to new
    premises in the spring" in late January: last spring; "was advertising cheap autumn fares"
    in late August: this autumn's); none in a
    future clause is the next one not yet over ("will review it in the spring" in October: next
    spring, as the TIMEX3 value is the season meant and the news gold writes it); else the
    publication year's.

    Notes:
        TempEval-3 silver (system output, not annotators) keeps the publication year for a
        future clause's season ("before the Spring session" in December); the guideline's value
        is the season meant, so this follows the meaning. "this spring" in a future clause stays
        the publication year's. Winter spans the turn of the year and keeps the plain step, but
        for "next winter", the next one to begin.
    """
    year = reference.year
    first = _SEASON_MONTHS[code][0] if code != "WI" else 0
    over = bool(first) and date(year, _SEASON_MONTHS[code][1] % 12 + 1, 1) <= reference
    if which == "last" and over:
        return year  # this year's season is over: "last spring" in October
    if which == "" and tense == "future" and over:
        return year + 1  # "will review it in the spring" in October: next spring
    if which == "next" and first:
        # the next one to begin: "next autumn" in March is this year's, in October next year's
        return year + (date(year, first, 1) <= reference)
    if code == "WI" and which == "next":
        # YYYY-WI is the winter from December of YYYY: the next one begins this December, or
        # next year's when this December has come ("next winter" in March 2025: 2025-WI)
        return year + (reference.month == 12)
    if which in ("last", "next") or not first or tense != "past":
        return year + {"last": -1, "next": 1}.get(which, 0)
    return year if date(year, first, 1) <= reference + _SEASON_PAST_REACH else year - 1
