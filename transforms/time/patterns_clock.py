"""TIMEX3 TIME patterns for 24-hour clock times, the way wire services and Wikinews write them:
"16:08 UTC", "0900 GMT", "14:30 local time", "12:00 UTC Monday", "at 21:45". Part of
``PATTERNS`` (``transforms.time.patterns``), which orders them after the clock times with
a.m./p.m.; values follow the TIMEX3 guideline (ISO 8601): the day's value with ``Thh:mm``, and
``Z`` after a time in UTC; a named zone ("GMT", "BST", "CEST", "EST") and a local time ("14:30
local time") keep the clock time as written, without a zone, as the news convention writes them.
A clock time with its day after "on" ("16:30 GMT on Monday") is two expressions by the news
convention, the TIME carrying the day's date (``clock_zone_on_day``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from transforms.time import resolve
from transforms.time.calendar_values import shift_days
from transforms.time.fragments import CLOCK_KEYS, DAY, MONTH_WITH_MAY, PREPOSITION_START, WEEKDAY, YEAR, ZONE
from transforms.time.timex_rule import Resolution, ResolveContext, pattern
from transforms.time.timex_rule import timex_example as ex

# The hour and minute of a 24-hour time: "16:08", "0900" (four digits only with a zone after).
_CLOCK = r"(?P<hour>[01]?\d|2[0-3])(?P<colon>:|\.|h)?(?P<minute>[0-5]\d)"
_ZONE = r"(?P<zone>utc|gmt|local\s+time|(?:bst|cet|cest|eet|eest)\b)"
# The day of a clock time: a weekday, a deictic day, a written date.
_DAY = rf"(?:{WEEKDAY}|(?P<deictic>today|tomorrow|yesterday)|{MONTH_WITH_MAY}\s+{DAY}(?:,?\s+{YEAR})?)\b"
# What may follow the zone on the same expression: the day without "on" ("12:00 UTC Monday").
_DAY_AFTER = rf"(?:,?\s+{_DAY})?"
# The day after "on", past a parenthesis that gives the time in another zone ("03:15 local time
# (06:15 GMT) on Tuesday") or the close of one ("(06:15 GMT) on Tuesday").
_ON_DAY = rf"(?:\s*\([^()\n]{{1,30}}\)|\))?,?\s+on\s+{_DAY}"
_UNIVERSAL = ("utc", "z")


def _day(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """The day a 24-hour clock time sits on: its weekday, deictic word or date, else the
    publication date."""
    if m["weekday"]:
        return resolve.weekday(m, ctx)
    if m["month"]:
        return resolve.full_date(m, ctx)
    offset = {"yesterday": -1, "tomorrow": 1}.get((m["deictic"] or "").lower(), 0)
    if ctx.reference is None:
        return "DATE", "XXXX-XX-XX", False
    return "DATE", (ctx.reference + timedelta(days=offset)).isoformat(), True


def _clock_value(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    day = _day(m, ctx)
    if day is None:
        return None
    zone = " ".join((m.groupdict().get("zone") or "").lower().split())
    suffix = "Z" if zone in _UNIVERSAL else ""
    return "TIME", f"{day[1]}T{int(m['hour']):02d}:{m['minute']}{suffix}", day[2]


_ZONE_KEYS = ("utc", "gmt", "local time", " bst", " cet", " cest", " eet", " eest")


@pattern(
    rf"(?<![\d,.:$£€])\b(?P<t>{_CLOCK}\s*{_ZONE})(?={_ON_DAY})",
    ex("Trading halted at 1545 GMT on June 2.", "1545 GMT", "2023-06-02T15:45", tense="past"),
    ex("The dam gave way at 04:10 local time (02:10 GMT) on Sunday.", "04:10 local time", "2023-06-04T04:10", tense="past"),
    ex("The dam gave way at 04:10 local time (02:10 GMT) on Sunday.", "02:10 GMT", "2023-06-04T02:10", tense="past"),
    ex("Markets reopen at 08:00 UTC on Thursday.", "08:00 UTC", "2023-06-08T08:00Z", tense="future"),
    needs=_ZONE_KEYS,
)
def clock_zone_on_day(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A 24-hour clock time with its zone and its day after "on", past a parenthesis that gives
    the time in another zone ("03:15 local time (06:15 GMT) on Tuesday"): two expressions by the
    news convention, the TIME carrying the day's date (the day is found by ``weekday`` or
    ``month_day_year`` after it). Not: a day without "on" ("12:00 UTC Monday", one expression:
    ``clock_zone``); a parenthesis longer than 30 characters."""
    return _clock_value(m, ctx)


@pattern(
    rf"(?<![\d,.:$£€])\b{_CLOCK}\s*{_ZONE}{_DAY_AFTER}(?![\d:])",
    ex("The quake struck at 16:08 UTC.", "16:08 UTC", "2023-06-05T16:08Z", tense="past"),
    ex("Polls close at 0900 GMT.", "0900 GMT", "2023-06-05T09:00"),
    ex("The launch is set for 12:00 UTC Tuesday.", "12:00 UTC Tuesday", "2023-06-06T12:00Z", tense="future"),
    ex("Fighting resumed at 14:30 local time.", "14:30 local time", "2023-06-05T14:30", tense="past"),
    ex("Trading halted at 1545 GMT.", "1545 GMT", "2023-06-05T15:45", tense="past"),
    ex("Power failed at 18:20 CEST.", "18:20 CEST", "2023-06-05T18:20", tense="past"),
    needs=_ZONE_KEYS,
)
def clock_zone(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A 24-hour clock time with its zone, and the day after it if any: "16:08 UTC", "0900
    GMT", "14:30 local time", "12:00 UTC Monday" (a TIME on the publication date unless a day
    follows; ``Z`` for UTC only: "GMT" and European zones keep the written time). Not: a day
    after "on" (``clock_zone_on_day``), offsets ("GMT+8"), a.m./p.m. times (``clock_time``),
    "2400 GMT" (hours run 00-23), US zones after a 24-hour time ("1400 EST": rare, and "est"
    is in too many words for the cheap key test)."""
    return _clock_value(m, ctx)


_CLOCK_PREPOSITION = r"\b(?:at|by|until|till|before|after|from|around|about|since)\s+"


@pattern(
    rf"{_CLOCK_PREPOSITION}(?P<t>(?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?:\s+(?:h|hrs|hours)\b)?)(?=,?\s+on\s+{_DAY})",
    ex("The last train left at 23:05 on Friday.", "23:05", "2023-06-02T23:05", tense="past"),
    needs=(":",),
    starts=PREPOSITION_START,
)
def clock_24h_on_day(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A 24-hour clock time after "at", "by", "until"... with its day after "on" ("at 23:05 on
    Friday"): two expressions by the news convention, the TIME carrying the day's date. Not: a
    day without "on" ("until 20:00 Sunday", one expression: ``clock_24h``)."""
    return _clock_value(m, ctx)


@pattern(
    rf"{_CLOCK_PREPOSITION}(?P<t>(?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?:\s+(?:h|hrs|hours)\b)?{_DAY_AFTER})(?![\d:.,]\d|\s*(?:a\.?m|p\.?m|am\b|pm\b|-\s*\d|to\s+\d|lead|win|victory|defeat))",
    ex("The train left at 21:45.", "21:45", "2023-06-05T21:45", tense="past"),
    ex("Voting ends at 20:00 Sunday.", "20:00 Sunday", "2023-06-11T20:00", tense="future"),
    needs=(":",),
    starts=PREPOSITION_START,
)
def clock_24h(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A 24-hour clock time after "at", "by", "until"... without a zone: "at 21:45", "until
    20:00 Sunday" (two-digit hours only; the preposition is not in the span). Not: scores
    and ratios ("won 2:1", "a 10:30 lead"), "9:30" alone (a.m. or p.m. unknown), race times."""
    return _clock_value(m, ctx)


# A clock time with a.m./p.m., "noon" or "midnight", and its US or UTC zone.
_AMPM_CLOCK = r"(?:(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<ampm>a\.m\.|p\.m\.)|(?P<noon>noon|midnight))(?:\s+" + ZONE + ")?"


@pattern(
    rf"\b(?:(?P<after>after)\s+)?(?P<t>{_AMPM_CLOCK})\s+on\s+(?:{WEEKDAY}|{MONTH_WITH_MAY}\s+{DAY}(?:,?\s+{YEAR})?)\b",
    ex("The strike began at 8 a.m. on Tuesday.", "8 a.m.", "2023-05-30T08:00", tense="past"),
    ex("The rules take effect at midnight on Sunday.", "midnight", "2023-06-11T24:00", tense="future"),
    ex("He spoke at 9:30 a.m. on June 4, 2021.", "9:30 a.m.", "2021-06-04T09:30"),
    ex("The rule took effect shortly after midnight on Sunday.", "midnight", "2023-06-03T24:00", tense="past"),
    needs=CLOCK_KEYS,
)
def clock_on_day(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A clock time followed by "on" and its day ("8 a.m. on Tuesday", "9:30 a.m. on June 4"):
    two expressions by the news convention, the TIME carrying the full date (the day is found
    by ``weekday`` or ``month_day_year`` after it). Not: "10 p.m. Wednesday" without "on", one
    expression (``time_weekday``, ``time_date``). "after midnight on Sunday" is Sunday's first
    minutes: the midnight that ends Saturday (``T24:00`` of Saturday)."""
    found = resolve.time_weekday(m, ctx) if m["weekday"] else resolve.time_date(m, ctx)
    if found is None or not (m["after"] and (m["noon"] or "").lower() == "midnight" and found[2]):
        return found
    day = shift_days(date.fromisoformat(found[1][:10]), -1)
    return (found[0], f"{day.isoformat()}T24:00", True) if day is not None else found
