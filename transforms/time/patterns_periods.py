"""TIMEX3 DATE and DURATION patterns for periods named against the publication year and for
durations written as adjectives: "the end of this year", "the third quarter of last year",
"fifty-year", "single-day", "decades-long". Part of ``PATTERNS`` (``transforms.time.patterns``),
which orders them; values follow the TIMEX3 guideline (the part of a period is a modifier, the
value is the period's; an adjective of length is a DURATION).

Notes:
    "annual" is not read: TimeBank and TE3 annotate none of theirs ("the annual meeting", "the
    annual parade"), MEANTIME only "annual profit" and "annual loss" (as P1Y); a SET pattern
    for it cost more on the first two than it gained on the third.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from transforms.time import resolve
from transforms.time.calendar_values import week_value
from transforms.time.fragments import COUNT_START, MONTH_WITH_MAY, ORDINAL_START, ORDINAL_WORDS, YEAR, opening_words
from transforms.time.resolve import NUMBER_WORDS, ORDINALS, UNIT_CODES
from transforms.time.timex_rule import Resolution, ResolveContext, pattern
from transforms.time.timex_rule import timex_example as ex

_REL_YEAR = r"(?:(?P<rel>this|last|next|the\s+current|the\s+previous|the\s+past)\s+year|the\s+year)"
_STEP = {"this": 0, "the current": 0, "last": -1, "the previous": -1, "the past": -1, "next": 1, "": 0}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def _year(m: re.Match[str], ctx: ResolveContext) -> tuple[str, bool]:
    step = _STEP[" ".join((m["rel"] or "").lower().split())]
    if ctx.reference is None:
        return "XXXX", False
    return f"{ctx.reference.year + step:04d}", True


@pattern(
    rf"\bthe\s+(?:very\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of\s+{_REL_YEAR}\b",
    ex("Troops leave by the end of this year.", "the end of this year", "2023", tense="future"),
    ex("Prices fell at the start of last year.", "the start of last year", "2022", tense="past"),
    ex("The plant closes at the beginning of next year.", "the beginning of next year", "2024", tense="future"),
    needs=(" of this year", " of last year", " of next year", " of the year", " of the current year", " of the previous year", " of the past year"),
)
def part_of_year(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """The end, start, middle or rest of this, last or next year ("the end of this year"): the
    year's value (TimeML keeps the part as a modifier). Not: "the end of the year" after "by",
    "since"... (the pattern ``year_end``, which reads "since" as the last one), "the end of the
    fiscal year" (its calendar differs)."""
    value, resolved = _year(m, ctx)
    return "DATE", value, resolved


@pattern(
    rf"\bthe\s+(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)|(?P<final>final|last))\s+quarter\s+of\s+{_REL_YEAR}\b",
    ex("Profit rose in the third quarter of this year.", "the third quarter of this year", "2023-Q3", tense="past"),
    ex("Sales fell in the first quarter of last year.", "the first quarter of last year", "2022-Q1", tense="past"),
    ex("Work ends in the final quarter of next year.", "the final quarter of next year", "2024-Q4", tense="future"),
    needs=("quarter of",),
)
def quarter_of_year(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """An ordinal (or the final) quarter of this, last or next year: "the third quarter of last
    year". Not: a quarter of a year in digits ("the third quarter of 2021", the pattern
    ``quarter``), "the last quarter of the century"."""
    value, resolved = _year(m, ctx)
    quarter = 4 if m["final"] else ORDINALS[m["ord"].lower()]
    return "DATE", f"{value}-Q{quarter}", resolved


@pattern(
    r"\bthe\s+(?P<final>final|last)\s+quarter\s+of\s+(?P<year>(?:1[89]|20|21)\d\d)\b",
    ex("Sales peaked in the final quarter of 2019.", "the final quarter of 2019", "2019-Q4"),
    needs=("quarter of",),
)
def final_quarter(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"the final quarter of 2019", "the last quarter of 1998": the fourth quarter. Not: "the
    last quarter" alone (the latest reported quarter, the pattern ``the_quarter``)."""
    return "DATE", f"{m['year']}-Q4", True


_HYPHEN_NUMBER = r"(?P<num>single|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|eleven|thirteen|fourteen|sixteen|seventeen|eighteen|nineteen|hundred)"


@pattern(
    rf"\b(?:{_HYPHEN_NUMBER}-(?P<unit>day|week|month|year|decade|hour|minute)|(?P<vague>decades|years|months|weeks|days|hours)-long|(?P<one>day|week|month|year|hour)-long|multi-(?P<multi>year|month|week|day|decade))\b(?!-old|-)",
    ex("A fifty-year lease was signed.", "fifty-year", "P50Y"),
    ex("It was the biggest single-day fall.", "single-day", "P1D"),
    ex("The firms settled a decades-long dispute.", "decades-long", "PXY"),
    ex("A sixteen-month inquiry ended.", "sixteen-month", "P16M"),
    ex("They signed a multi-year deal.", "multi-year", "PXY"),
    ex("He ordered a week-long inquiry.", "week-long", "P1W"),
    needs=("-day", "-week", "-month", "-year", "-decade", "-hour", "-minute", "-long", "multi-"),
    starts=COUNT_START,
)
def duration_adjective(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A length written as an adjective beyond the pattern ``duration_hyphen``'s numbers: "fifty-year",
    "twenty-five-year", "single-day", "decades-long", "multi-year", "week-long" (one unit: P1W;
    the article before it is the noun's, "a week-long visit") (DURATION; the vague ones with X).
    Not: ages ("fifty-year-old")."""
    if m["one"]:
        unit = m["one"].lower()
        return "DURATION", "PT1H" if unit == "hour" else f"P1{UNIT_CODES[unit]}", True
    if m["vague"] or m["multi"]:
        unit = (m["multi"] or m["vague"][:-1]).lower()
        unit = "year" if unit == "decade" else unit  # "decades-long": TimeBank and MEANTIME write PXY
        return "DURATION", f"PTX{UNIT_CODES[unit]}" if unit == "hour" else f"PX{UNIT_CODES[unit]}", True
    words = m["num"].lower().split("-")
    count = 1 if words[0] == "single" else sum(NUMBER_WORDS.get(w, _TENS.get(w, 0)) for w in words)
    unit = m["unit"].lower()
    if unit in ("hour", "minute"):
        return "DURATION", f"PT{count}{UNIT_CODES[unit]}", True
    if unit == "decade":
        return "DURATION", f"P{count * 10}Y", True
    return "DURATION", f"P{count}{UNIT_CODES[unit]}", True


@pattern(
    rf"\b(?:(?P<which>this|last|next)\s+(?P<season>fall)\b(?P<year>)|the\s+(?P<season_of>fall)\s+of\s+(?P<of_year>{YEAR.replace('?P<year>', '?:')})\b(?![-/]\d))",
    ex("The plant closed last fall.", "last fall", "2022-FA"),
    ex("The mill was sold in the fall of 2019.", "the fall of 2019", "2019-FA"),
    needs=("fall",),
    starts=opening_words("this", "last", "next", "the"),
)
def season_fall(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"this fall", "last fall", "next fall", "the fall of 2019": autumn. Not: "fall" alone
    (mostly the verb or noun), "the fall of the Berlin Wall" (no year after "of")."""
    if m["season_of"]:
        return "DATE", f"{m['of_year']}-FA", True
    return resolve.season(m, ctx)


_WEEK_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


@pattern(
    rf"\bthe\s+(?P<nth>first|second|third|fourth|last|final)\s+week\s+of\s+{MONTH_WITH_MAY}(?:,?\s+{YEAR})?\b",
    ex("The council meets in the first week of March.", "the first week of March", "2024-W09", tense="future", published=date(2024, 1, 10)),
    ex("Sales slumped in the last week of May 2021.", "the last week of May 2021", "2021-W21", tense="past"),
    needs=("week of",),
)
def week_of_month(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """An ordinal week of a month: "the first week of February", "the last week of May 2021": the
    ISO week holding that week's first day (the 1st, the 8th...; "last": the first of the
    month's last seven days),
    the year from the tense when none is written. Not: "the first week of the trial" (no month),
    "the week of June 12" (``week_of``)."""
    month = resolve.MONTHS[m["month"].lower().rstrip(".")]
    nth = _WEEK_ORDINALS[m["nth"].lower()]
    if m["year"]:
        year = int(m["year"])
    elif ctx.reference is None:
        return "DATE", "XXXX-WXX", False
    else:
        year = resolve.year_of(month, 1, ctx)
    day = calendar.monthrange(year, month)[1] - 6 if nth < 0 else 7 * (nth - 1) + 1
    return "DATE", week_value(date(year, month, day)), True


@pattern(
    rf"\b(?:(?:the|a)\s+)?(?:{ORDINAL_WORDS}|\d{{1,3}}(?:st|nd|rd|th))\s+(?:(?:straight|consecutive|successive|full)\s+)?(?P<unit>day|week|month|year)\b(?![-'’]|\s+(?:of\s+)?(?:1[89]|20|21)\d\d\b)",
    ex("Talks entered their second day.", "second day", "2023-06-05"),
    ex("Shares fell for a third straight day.", "a third straight day", "2023-06-05", tense="past"),
    ex("It is the fourth week of the strike.", "the fourth week", "2023-W23"),
    ex("Exports rose for the second consecutive month.", "the second consecutive month", "2023-06", tense="past"),
    ex("The 301st day of the siege passed quietly.", "The 301st day", "2023-06-05", tense="past"),
    needs=(" day", " week", " month", " year"),
    starts=ORDINAL_START,
)
def ordinal_unit(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """An ordinal day, week, month or year of something going on: "the second day" (of the
    talks), "a third straight day", "the fourth week of the strike" (TIMEX3 DATEs, "the"
    and "a" kept as determiners). The value is the one of that unit holding the publication
    date (the story's day, week, month or year: the news reports the Nth day as it happens).

    Notes:
        Not: "the first week of March" (the pattern ``week_of_month``), "first-year students"
        and "the second year's budget" (a modifier), "the first year of 2021" (left to the
        year), "the first quarter" (the pattern ``quarter``), "the last day" ("last" is the
        relative word of ``relative_unit`` and ``duration_words``). A Nth day told in the past
        ("on the first day of the trial in 2019") keeps the publication date: the context
        passes do not re-read it.
    """
    unit = m["unit"].lower()
    ref = ctx.reference
    if ref is None:
        return "DATE", {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[unit], False
    value = {"day": ref.isoformat(), "week": week_value(ref), "month": f"{ref.year:04d}-{ref.month:02d}", "year": f"{ref.year:04d}"}[unit]
    return "DATE", value, True


@pattern(
    r"\bthe\s+same\s+month\s+(?:(?:a|one)\s+year\s+(?:ago|earlier|before)|(?:of\s+)?(?:the\s+)?(?:last|previous)\s+year)\b",
    ex("Orders rose, compared with the same month a year ago.", "the same month a year ago", "2022-06"),
    needs=("same month",),
)
def same_month_year_back(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"the same month a year ago", "the same month of last year": one expression (TIMEX3 spans
    the whole comparison, as "the same period last year"), this month a year before; after a
    month in its clause ("fell in January, compared to the same month a year ago") the context
    pass ``compare_months`` makes it that month a year before. Not: "the same month" alone (the
    pattern ``anaphoric``: the story's month), "the same month of 2001" (left to the year)."""
    if ctx.reference is None:
        return "DATE", "XXXX-XX", False
    return "DATE", f"{ctx.reference.year - 1:04d}-{ctx.reference.month:02d}", True
