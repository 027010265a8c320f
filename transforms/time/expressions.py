"""Temporal expressions: a small grammar of patterns and a resolver (TimeML/TIMEX3 values).

``find_timexes(body, reference_date, tense_at)`` finds every expression, then resolves it
against the article's publication date, which is a parameter: nothing here reads the clock.
Expressions that depend on their neighbours ("later that year") are re-read afterwards by
``transforms.time.context``; the tense of a clause comes from ``transforms.time.tense``.

Spans follow TimeML: no leading preposition ("on Sunday" -> "Sunday"), determiners kept
("the next few years"). Without a reference date, absolute values still resolve and relative
ones keep ``X`` placeholders (``XXXX-XX-XX``) with ``is_resolved = False``.

Resolved dates stay on the sane calendar of ``transforms.time.calendar_values`` (1800-2200): a
publication date outside it anchors nothing, and a value outside it is kept unresolved.

Notes:
    Not handled: times with time zones ("3 p.m. EST" keeps the local time), fiscal years
    that do not follow the calendar, holidays of non-Gregorian calendars ("Diwali"), ranges
    as one expression ("June 4-6" gives "June 4"), and "May" alone as a month (too often the
    verb).
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateutil.easter import easter

from transforms.time.calendar_values import CALENDAR_ERRORS, is_sane_date, is_sane_value, safe_date, shift_month, week_value
from transforms.time.context import ANAPHORIC, anchor_anaphora, compare_quarters, coordinated_days, day_before_after, from_anchor

Tense = str  # "past", "future" or "" when unknown

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = {name: index for index, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}
UNIT_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE", "hour": "H", "minute": "M", "second": "S", "weekend": "WE", "quarter": "Q"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
VAGUE = {
    "recently": "PAST_REF", "lately": "PAST_REF",
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF", "presently": "PRESENT_REF",
    "current": "PRESENT_REF", "these days": "PRESENT_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
}

_MONTH = r"(?P<month>january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
_MONTH_WITH_MAY = _MONTH.replace("april|", "april|may|")
_ORDINAL_DAY_WORDS = {
    word: n
    for n, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth "
        "sixteenth seventeenth eighteenth nineteenth twentieth".split(),
        start=1,
    )
} | {f"twenty-{w}": 20 + n for w, n in (("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5), ("sixth", 6), ("seventh", 7), ("eighth", 8), ("ninth", 9))} | {
    "thirtieth": 30,
    "thirty-first": 31,
}
# Days as digits ("June 4", "4th") or, in broadcast transcripts, as words ("March eighth"; only
# after the month, where "March first" cannot be an adverb).
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY_OR_WORD = r"(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)?|(?P<day_word>(?:twenty-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|thirty-first)\b(?!-))"
_YEAR = r"(?P<year>(?:1[89]|20|21)\d\d)"
# US and UTC zone names news writes after a clock time; the value keeps the local time.
_ZONE = r"(?:[ecmp][sd]t|gmt|utc)\b"
# Nouns after "today's" that make it the present age, not a date ("today's world", "today's
# youth"); TimeBank leaves those unannotated.
_GENERIC_PRESENT = r"(?:world|youth|society|generations?|children|kids|young|teenagers|culture|economy|personal|computers|technology|families|consumers|standards)\b"
_SPELLED_YEAR = r"nineteen\s+(?P<tens>ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?P<unit>one|two|three|four|five|six|seven|eight|nine))?"
_NUM = r"(?P<num>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)"
# "quarter" only in the plural: "a quarter" is mostly a fraction ("a quarter of the shares").
_UNIT = r"(?P<unit>day|week|month|year|decade|century|hour|minute|quarter(?=s))s?"
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_REL = r"(?:(?:early|late)\s+)?(?P<rel>last|next|this|past|coming|previous|earlier\s+this|later\s+this)"
_FEW = r"(?P<few>few|several|coming|past)"


@dataclass(frozen=True)
class TimexMatch:
    """A temporal expression found in text, before it becomes a table row."""

    char_start: int
    char_end: int
    text: str
    timex_type: str
    value: str
    is_resolved: bool
    pattern: str


@dataclass(frozen=True)
class _Context:
    reference: date | None
    tense: Tense


_Resolver = Callable[[re.Match[str], _Context], tuple[str, str, bool] | None]


def _number(token: str) -> int | None:
    token = token.lower()
    if token.isdigit():
        return int(token)
    return NUMBER_WORDS.get(token)


# --- resolvers: one per pattern, each returns (timex_type, value, is_resolved) -------------

# How far a date written without a year may lie on the "wrong" side of the article's date and
# still be this year's: news reports deadlines and payment dates in the past tense ("set Nov. 10
# as the deadline", "payable Dec. 7") and recent days in the present ("is not linked with the
# August 7 bombings").
_PAST_REACH_AHEAD = timedelta(days=100)
_FUTURE_REACH_BACK = timedelta(days=31)
_UNTENSED_REACH_AHEAD = timedelta(days=140)


def _year_of(month: int, day: int, ctx: _Context) -> int:
    """The year of a month (and day) written without one, seen from the article's date.

    Past tense: its latest occurrence up to about three months after the article's date;
    future: the next one from a month before it; untensed: like the past with a wider reach
    ahead (news mostly reports what happened, but "in March" in an October paper may be next
    March's when it is close).

    Notes:
        Not handled: a date more than a season ahead in a past-tense sentence ("effective
        June 1" in October) resolves to the past one.
    """
    ref = ctx.reference
    assert ref is not None
    candidates = [date(year, month, min(day, monthrange(year, month)[1])) for year in (ref.year - 1, ref.year, ref.year + 1)]
    if ctx.tense == "future":
        return next(found.year for found in candidates if found >= ref - _FUTURE_REACH_BACK)
    reach = _PAST_REACH_AHEAD if ctx.tense == "past" else _UNTENSED_REACH_AHEAD
    return [found.year for found in candidates if found <= ref + reach][-1]


def _full_date(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    year = int(m["year"]) if m["year"] else None
    month = MONTHS[m["month"].lower().rstrip(".")]
    day = int(m["day"]) if m["day"] else _ORDINAL_DAY_WORDS[m["day_word"].lower()]
    if year is None:
        if ctx.reference is None:
            return ("DATE", f"XXXX-{month:02d}-{day:02d}", False) if safe_date(2000, month, day) else None
        year = _year_of(month, day if safe_date(2000, month, day) else 1, ctx)
    if safe_date(year, month, day) is None:
        return None
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}", True


def _iso_date(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    found = safe_date(int(m["year"]), int(m["m"]), int(m["d"]))
    return None if found is None else ("DATE", found.isoformat(), True)


def _month_year(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    return "DATE", f"{int(m['year']):04d}-{MONTHS[m['month'].lower().rstrip('.')]:02d}", True


def _month_alone(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    month = MONTHS[m["month"].lower().rstrip(".")]
    if ctx.reference is None:
        return "DATE", f"XXXX-{month:02d}", False
    # A month named without a year: past tense points back, future forward, else the nearest.
    year = _year_of(month, 1 if ctx.tense == "past" else 31, ctx) if ctx.tense else _year_of(month, 15, ctx)
    return "DATE", f"{year:04d}-{month:02d}", True


def _month_modified(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    """"last May", "this September", "early December": the modifier is part of the span."""
    mod = m["mod"].lower()
    month = MONTHS[m["month"].lower()]
    if ctx.reference is None:
        return "DATE", f"XXXX-{month:02d}", False
    year = ctx.reference.year
    # "last April" in October is this year's April (TimeBank), but "last May" in June, a month
    # away, means the May before; "next" mirrors it.
    if mod == "last":
        year -= 1 if month >= ctx.reference.month - 1 else 0
    elif mod == "next":
        year += 1 if month <= ctx.reference.month + 1 else 0
    elif mod in ("early", "late", "mid"):
        return _month_alone(m, ctx)
    return "DATE", f"{year:04d}-{month:02d}", True


def _year(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    return "DATE", m["year"], True


_TENS_PLURAL = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}


def _spelled_decade(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    """"the nineties", "the early sixties": that decade of the last century.

    Notes:
        Always the 1900s: "the twenties" in a 2030 paper would need the century from context.
    """
    return "DATE", f"19{_TENS_PLURAL[m['tens'].lower()]}", True


def _century(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    if m["ord"]:
        return "DATE", f"{int(m['ord']) - 1:02d}", True
    if ctx.reference is None:
        return "DATE", "XX", False
    return "DATE", f"{ctx.reference.year // 100:02d}", True


_TENS = {"ten": 1, "twenty": 2, "thirty": 3, "forty": 4, "fifty": 5, "sixty": 6, "seventy": 7, "eighty": 8, "ninety": 9}


def _spelled_year_value(m: re.Match[str]) -> int:
    return 1900 + _TENS[m["tens"].lower()] * 10 + (NUMBER_WORDS[m["unit"].lower()] if m["unit"] else 0)


def _spelled_year(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    """"nineteen ninety-six" (broadcast transcripts), optionally after a month."""
    year = _spelled_year_value(m)
    if m["month"]:
        return "DATE", f"{year}-{MONTHS[m['month'].lower()]:02d}", True
    return "DATE", str(year), True


def _decade(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    digits = m["decade"] or m["short"] or m["short2"]
    if len(digits) == 4:
        return "DATE", digits[:3], True
    # "the '80s": the latest such decade begun by the year after the article's ("the '90s" in a
    # 1989 paper is the coming decade, "the '30s" in 2023 the 1930s).
    if ctx.reference is None:
        century = 19
    else:
        century = ctx.reference.year // 100 - (1 if ctx.reference.year // 100 * 100 + int(digits) > ctx.reference.year + 1 else 0)
    return "DATE", f"{century}{digits[0]}", True


def _weekday(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    target = WEEKDAYS[m["weekday"].lower()]
    if ctx.reference is None:
        return "DATE", f"XXXX-WXX-{target + 1}", False
    today = ctx.reference.weekday()
    wrel = " ".join((m.groupdict().get("wrel") or "").lower().split())
    if wrel == "last":
        return "DATE", (ctx.reference - timedelta(days=(today - target) % 7 or 7)).isoformat(), True
    if wrel == "next" or wrel == "this coming":
        return "DATE", (ctx.reference + timedelta(days=(target - today) % 7 or 7)).isoformat(), True
    if wrel == "the previous":
        # "down from the previous Friday" in Monday's paper: the Friday before last Friday.
        return "DATE", (ctx.reference - timedelta(days=((today - target) % 7 or 7) + 7)).isoformat(), True
    if target == today:
        delta = 0  # "Friday" in Friday's paper is the day itself, whatever the tense
    elif ctx.tense == "future":
        delta = (target - today) % 7
    elif ctx.tense == "past":
        delta = -((today - target) % 7)
    else:
        # News mostly reports what happened: untensed weekdays point back, today stays today.
        delta = -((today - target) % 7)
    return "DATE", (ctx.reference + timedelta(days=delta)).isoformat(), True


_DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _weekday_part(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    """"Friday morning", "Sunday night": the day itself, a DATE.

    Notes:
        TimeBank is split here (about half its nights carry the TIMEX3 part-of-day code, TNI or
        TEV); appending the code was measured to gain no value matches and to lose type
        matches, so the day stays the value.
    """
    return _weekday(m, ctx)


def _deictic_day(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    word = m["deictic"].lower()
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
    if ctx.reference is None:
        return ("TIME" if word == "tonight" else "DATE"), "XXXX-XX-XX", False
    day = (ctx.reference + timedelta(days=offset)).isoformat()
    return ("TIME", f"{day}TNI", True) if word == "tonight" else ("DATE", day, True)


def _part_of_day(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    part = _DAY_PARTS[m["part"].lower()]
    offset = -1 if (m["which"] or "").lower() in ("yesterday", "last") else (1 if (m["which"] or "").lower() == "tomorrow" else 0)
    if ctx.reference is None:
        return "TIME", f"XXXX-XX-XXT{part}", False
    return "TIME", f"{(ctx.reference + timedelta(days=offset)).isoformat()}T{part}", True


def _relative_unit(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    rel = " ".join(m["rel"].lower().split())
    unit = m["relunit"].lower()
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if ctx.reference is None:
        placeholder = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX", "quarter": "XXXX-QX"}[unit]
        return "DATE", placeholder, False
    ref = ctx.reference
    if unit in ("week", "weekend"):
        value = week_value(ref + timedelta(weeks=step))
        return "DATE", value + ("-WE" if unit == "weekend" else ""), True
    if unit == "month":
        year, month = shift_month(ref.year, ref.month, step)
        return "DATE", f"{year:04d}-{month:02d}", True
    if unit == "quarter":
        year, month = shift_month(ref.year, ref.month, 3 * step)
        return "DATE", f"{year:04d}-Q{(month - 1) // 3 + 1}", True
    return "DATE", f"{ref.year + step:04d}", True


def _shifted_date(count: int | None, unit: str, sign: int, ctx: _Context) -> tuple[str, str, bool] | None:
    """The date ``count`` units before (sign -1) or after (+1) the article's date, at the
    unit's granularity: "two days ago" -> a day, "three weeks later" -> a week."""
    if count is None or unit in ("hour", "minute"):
        return None
    if unit in ("decade", "century"):
        # "a decade ago": the year ten years back (TimeML has no coarser anchored value).
        count, unit = count * (10 if unit == "decade" else 100), "year"
    if ctx.reference is None:
        return "DATE", {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX", "year": "XXXX"}[unit], False
    if unit == "quarter":
        year, month = shift_month(ctx.reference.year, ctx.reference.month, sign * 3 * count)
        return "DATE", f"{year:04d}-Q{(month - 1) // 3 + 1}", True
    ref = ctx.reference
    if unit == "day":
        return "DATE", (ref + timedelta(days=sign * count)).isoformat(), True
    if unit == "week":
        return "DATE", week_value(ref + timedelta(weeks=sign * count)), True
    if unit == "month":
        year, month = shift_month(ref.year, ref.month, sign * count)
        return "DATE", f"{year:04d}-{month:02d}", True
    return "DATE", f"{ref.year + sign * count:04d}", True


def _ago(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    return _shifted_date(_number(m["num"]), m["unit"].lower(), -1, ctx)


def _quarter(m: re.Match[str], ctx: _Context, years_back: int = 0) -> tuple[str, str, bool] | None:
    quarter = ORDINALS.get((m["ord"] or "").lower()) or (int(m["qnum"]) if m.groupdict().get("qnum") else None)
    if quarter is None or not 1 <= quarter <= 4:
        return None
    if m["year"]:
        return "DATE", f"{m['year']}-Q{quarter}", True
    if ctx.reference is None:
        return "DATE", f"XXXX-Q{quarter}", False
    if years_back:
        return "DATE", f"{ctx.reference.year - years_back:04d}-Q{quarter}", True
    # "the fourth quarter" in a January paper's past tense is last year's; otherwise this year's
    # (placing quarters like months, by distance, was measured to do worse on TimeBank).
    year = ctx.reference.year
    if ctx.tense == "past" and date(year, quarter * 3 - 2, 1) > ctx.reference:
        year -= 1
    return "DATE", f"{year:04d}-Q{quarter}", True


def _year_quarter(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    """"this year's third quarter", "the year-ago third quarter", "the 1988 third quarter"."""
    return _quarter(m, ctx, years_back=1 if m["ago"] else 0)


_ENDED_AFTER = re.compile(r"\s+end(?:ed|ing)\b")


def _the_period(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    """"the quarter", "the latest quarter", "the year", "the weekend" in news: the period the
    article reports on: the last completed quarter, this year, the last weekend or this week.

    "the year ended March 31" is a one-year DURATION (TimeBank's reading of fiscal years).

    Notes:
        "the year-ago quarter" is read as the last completed quarter, not the year before it.
    """
    which = m["which"].lower().replace("period", "quarter")  # "the latest period": earnings reports' quarter
    text = m[0].lower()
    if which == "year" and _ENDED_AFTER.match(m.string, m.end()):
        # "the year ended March 31": a stretch of time named by its end, a DURATION.
        return "DURATION", "P1Y", True
    if m["year"] and m["which"].lower() != "quarter":
        return "DATE", m["year"], True  # "the 1988 period": that year
    if ctx.reference is None:
        if m["year"]:
            return "DATE", f"{m['year']}-QX", False
        return "DATE", {"quarter": "XXXX-QX", "year": "XXXX", "weekend": "XXXX-WXX-WE", "week": "XXXX-WXX"}[which], False
    ref = ctx.reference
    year_back = 1 if "year-ago" in text or "year-earlier" in text or m["ago_after"] else 0
    if which == "quarter":
        # "the current quarter" is the one under way; otherwise the last completed one.
        year, month = shift_month(ref.year, ref.month, 0 if "current" in text else -3)
        year = int(m["year"]) if m["year"] else year - year_back
        return "DATE", f"{year:04d}-Q{(month - 1) // 3 + 1}", True
    if which == "year":
        return "DATE", f"{ref.year - year_back:04d}", True
    if which == "weekend":
        return "DATE", week_value(ref - timedelta(days=ref.weekday() + 1)) + "-WE", True
    return "DATE", week_value(ref), True


def _half_year(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    """"the first half of 1990", "the second half": H1 or H2 of that year (this year if none).

    Notes:
        "the first half of the game" is not a date (any other "of" phrase is refused).
    """
    half = "H1" if m["which"].lower() == "first" else "H2"
    if m["year"]:
        return "DATE", f"{m['year']}-{half}", True
    if ctx.reference is None:
        return "DATE", f"XXXX-{half}", False
    return "DATE", f"{ctx.reference.year + {'next': 1, 'last': -1}.get((m['rel'] or '').lower(), 0):04d}-{half}", True


def _season(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    code = SEASONS[m["season"].lower()]
    if m["year"]:
        return "DATE", f"{m['year']}-{code}", True
    if m.groupdict().get("tens"):
        return "DATE", f"{_spelled_year_value(m)}-{code}", True  # "the winter of nineteen ninety-four"
    if ctx.reference is None:
        return "DATE", f"XXXX-{code}", False
    step = {"last": -1, "next": 1}.get((m["which"] or "").lower(), 0)
    return "DATE", f"{ctx.reference.year + step:04d}-{code}", True


def _clock_time(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    hour, minute = int(m["hour"]), int(m["minute"] or 0)
    meridiem = m["ampm"].lower().replace(".", "").replace(" ", "")
    if not 1 <= hour <= 12 or minute > 59:
        return None
    hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if ctx.reference is None:
        return "TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", False
    return "TIME", f"{ctx.reference.isoformat()}T{hour:02d}:{minute:02d}", True


def _duration_hyphen(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    count = _number(m["num"])
    unit = m["unit"].lower()
    if count is None:
        return None
    return "DURATION", _duration_value(count, unit), True


def _duration_value(count: int | str, unit: str) -> str:
    if unit in ("hour", "minute"):
        return f"PT{count}{UNIT_CODES[unit]}"
    if unit in ("decade", "century") and isinstance(count, int):
        return f"P{count * (10 if unit == 'decade' else 100)}Y"
    return f"P{count}{UNIT_CODES[unit]}"


# Half of each unit in the next smaller one: "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M.
_HALF_UNIT = {"year": "6M", "month": "15D", "week": "3DT12H", "day": "T12H", "hour": "30M", "minute": "30S"}


def _duration_words(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    count = _number(m["num"])
    if count is None:
        return None
    unit = m["unit"].lower()
    value = _duration_value(count, unit)
    if (m["half"] or m["and_half"]) and unit in _HALF_UNIT:
        value += _HALF_UNIT[unit]
    return "DURATION", value, True


def _duration_vague(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    unit = "century" if m.groupdict().get("centuries") else m["unit"].lower()
    if not m[0].lower().endswith("s"):
        return "DURATION", _duration_value(1, unit), True  # "the past decade": one decade
    return "DURATION", _duration_value("X", unit), True


def _set(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    word = (m["setword"] or "").lower()
    unit = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year"}.get(word) or m["setunit"].lower()
    return "SET", f"P1{UNIT_CODES[unit]}" if unit not in ("hour", "minute") else f"PT1{UNIT_CODES[unit]}", True


def _recent_plural(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    """"recent weeks" is a stretch of unknown length (PXW); "recent years" the vague past.

    Notes:
        TimeBank splits both readings about evenly; this is the majority for each unit.
    """
    if m["unit"]:
        return "DURATION", _duration_value("X", m["unit"]), True
    return "DATE", "PAST_REF", True


def _past_ref(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    return "DATE", "PAST_REF", True


def _anchored(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    """"a year earlier", "a month later": a date that far from the article's date; "three days
    later", "an hour earlier": the stretch of time itself (a DURATION, as TimeML annotates
    them), since the story's event, not the paper's date, is what they count from.

    Notes:
        TimeML anchors the dates to the event just described, not to the publication date;
        the publication date is the usual anchor in news and the one used here.
    """
    unit = m["unit"].lower()
    count = _number(m["num"])
    if unit in ("day", "hour", "minute") and count is not None:
        return "DURATION", _duration_value(count, unit), True
    return _shifted_date(count, unit, 1 if m["dir"].lower() == "later" else -1, ctx)


def _year_earlier(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    if ctx.reference is None:
        return "DATE", "XXXX", False
    return "DATE", f"{ctx.reference.year - 1:04d}", True


def _month_rel_year(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    month = MONTHS[m["month"].lower().rstrip(".")]
    if ctx.reference is None:
        return "DATE", f"XXXX-{month:02d}", False
    step = {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
    return "DATE", f"{ctx.reference.year + step:04d}-{month:02d}", True


def _clock_of(m: re.Match[str]) -> tuple[int, int] | None:
    """Hour and minute of "10 p.m.", "9:30 a.m.", "noon" or "midnight" in a match."""
    if m["noon"]:
        # TIMEX3 writes the midnight that ends a day as T24:00 ("midnight Friday" ends Friday).
        return (12, 0) if m["noon"].lower() == "noon" else (24, 0)
    hour, minute = int(m["hour"]), int(m["minute"] or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    return hour % 12 + (12 if m["ampm"].lower().startswith("p") else 0), minute


def _time_on_day(day: tuple[str, str, bool] | None, m: re.Match[str]) -> tuple[str, str, bool] | None:
    clock = _clock_of(m)
    if day is None or clock is None:
        return None
    return "TIME", f"{day[1]}T{clock[0]:02d}:{clock[1]:02d}", day[2]


def _time_weekday(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    """"10 p.m. Wednesday", "noon Thursday": the clock time on that weekday."""
    return _time_on_day(_weekday(m, ctx), m)


def _week_of(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    """"the week of March 6": the ISO week holding that date."""
    day = _full_date(m, ctx)
    if day is None or not day[2]:
        return None
    return "DATE", week_value(date.fromisoformat(day[1])), True


def _time_date(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    """"5 p.m. EST Nov. 9", "noon, June 4, 2021": the clock time on that date."""
    return _time_on_day(_full_date(m, ctx), m)


def _set_named(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    """"each July" -> XXXX-07, "every Thursday" -> XXXX-WXX-4 (SET)."""
    if m["month"]:
        return "SET", f"XXXX-{MONTHS[m['month']]:02d}", True
    return "SET", f"XXXX-WXX-{WEEKDAYS[m['weekday']] + 1}", True


def _part_of_period(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    """"the end of 1990", "the middle of October": the period's value (TimeML keeps the
    part as a modifier, not in the value)."""
    if m["month"]:
        return "DATE", f"{m['year']}-{MONTHS[m['month'].rstrip('.')]:02d}", True
    if m["year"]:
        return "DATE", m["year"], True
    if m["this_unit"]:
        # "by the end of the month": this month (or week) of the article
        if ctx.reference is None:
            return "DATE", "XXXX-XX" if m["this_unit"] == "month" else "XXXX-WXX", False
        return "DATE", ctx.reference.strftime("%Y-%m") if m["this_unit"] == "month" else week_value(ctx.reference), True
    month = MONTHS[m["month2"]]
    if ctx.reference is None:
        return "DATE", f"XXXX-{month:02d}", False
    return "DATE", f"{_year_of(month, 15, ctx):04d}-{month:02d}", True


def _year_end(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    """"by year-end", "since year-end", "the end of the year": the year (TimeML keeps "end" as a
    modifier); "since" looks back to the last one.

    Notes:
        Only after a preposition: "year-end results" names results, not a time.
    """
    if ctx.reference is None:
        return "DATE", "XXXX", False
    return "DATE", f"{ctx.reference.year - (1 if m['prep'].lower() == 'since' else 0):04d}", True


def _two_thousand(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    return "DATE", str(2000 + (NUMBER_WORDS[m["unit"]] if m["unit"] else 0)), True


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday of a month (n = -1: the last one)."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


# Holidays news dates events by (US calendar where it matters: Thanksgiving, Labor Day).
_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "christmas eve": lambda y: date(y, 12, 24),
    "christmas": lambda y: date(y, 12, 25),
    "new year's eve": lambda y: date(y, 12, 31),
    "new year's": lambda y: date(y, 1, 1),
    "easter": easter,
    "independence day": lambda y: date(y, 7, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),
    "halloween": lambda y: date(y, 10, 31),
}


def _holiday(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    """"Thanksgiving Day", "Christmas Eve", "Election Day": that day in the year the tense
    points to, like a month and day written without a year.

    Notes:
        Not handled: holidays of other calendars (Diwali, Eid, Lunar New Year) move with
        calendars we do not compute; "the holidays" is not a date.
    """
    name = re.sub(r"\s+", " ", m["holiday"].replace("’", "'"))
    name = name.removesuffix(" day") if name in ("thanksgiving day", "christmas day", "new year's day") else name
    name = name.removesuffix(" sunday")
    day_of = _HOLIDAYS[name]
    if m["year"]:
        return "DATE", day_of(int(m["year"])).isoformat(), True
    if ctx.reference is None:
        return "DATE", "XXXX-XX-XX", False
    this_year = day_of(ctx.reference.year)
    return "DATE", day_of(_year_of(this_year.month, this_year.day, ctx)).isoformat(), True


def _anaphoric(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    """"that same day", "the following year": first read from the publication date;
    ``anchor_anaphora`` re-reads it from the story's last date when there is one."""
    if ctx.reference is None:
        unit = m["unit"].lower()
        return "DATE", {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}.get(unit, "XXXX-XX-XX"), False
    return from_anchor(m, ctx.reference, "day")


def _vague(m: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    word = " ".join(m["vague"].lower().split())
    value = {"the future": "FUTURE_REF", "the near future": "FUTURE_REF", "the past": "PAST_REF"}.get(word) or VAGUE[word]
    return "DATE", value, True


# Patterns run on the lower-cased text (case-sensitive matching of lower-case patterns is
# faster than IGNORECASE), and only when the text holds one of their key words (any of these;
# empty: always): most patterns cannot match most articles, and a substring test costs
# microseconds where a regex scan costs a fraction of a millisecond.
_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_NEEDS: dict[str, tuple[str, ...]] = {
    "iso_date": (),
    "weekday_date": ("day",),
    "month_day_year": _MONTH_KEYS,
    "day_month_year": _MONTH_KEYS,
    "month_rel_year": _MONTH_KEYS,
    "time_weekday": ("a.m.", "p.m.", "noon", "midnight"),
    "week_of": ("week of",),
    "time_date": ("a.m.", "p.m.", "noon", "midnight"),
    "month_year": _MONTH_KEYS,
    "year_quarter": ("quarter",),
    "quarter": ("quarter", "q1", "q2", "q3", "q4"),
    "the_quarter": ("the",),
    "anaphoric": ("that", "following", "next", "previous"),
    "half_year": ("half",),
    "year_end": ("year-end", "year end", "year's end", "year’s end", "end of the year"),
    "season": ("spring", "summer", "autumn", "winter"),
    "season_fall": ("fall",),
    "clock_time": ("am", "pm", "a.m", "p.m"),
    "part_of_day": ("morning", "afternoon", "evening", "night"),
    "deictic_day": ("yesterday", "today", "tonight", "tomorrow"),
    "anchored": ("earlier", "later"),
    "year_earlier": ("year-",),
    "ago": ("ago",),
    "relative_unit": ("week", "month", "year", "quarter"),
    "weekday_part": ("day",),
    "weekday": ("day",),
    "duration_vague": ("few", "several", "coming", "past"),
    "duration_hyphen": ("-",),
    "duration_words": (),
    "recent_plural": ("recent",),
    "duration_plural": (),
    "set": ("hourly", "daily", "weekly", "monthly", "annually", "yearly", "every", "each"),
    "set_named": ("every", "each"),
    "part_of_period": ("the end", "the beginning", "the start", "the middle"),
    "year_two_thousand": ("two thousand",),
    "decade": ("0s",),
    "spelled_decade": ("ties",),
    "century": ("century",),
    "spelled_year": ("nineteen",),
    "vague_ago": ("ago",),
    "year": (),
    "month_modified": _MONTH_KEYS,
    "month_capitalised": _MONTH_KEYS,
    "month_alone": _MONTH_KEYS,
    "holiday": ("thanksgiving", "christmas", "new year", "easter", "independence day", "labor day", "memorial day", "election day", "halloween"),
    "vague": ("recently", "lately", "now", "current", "presently", "future", "past", "these days", " term"),
}


# Order matters: longer, more specific patterns first; a later match never overlaps an earlier one.


@dataclass(frozen=True)
class _Pattern:
    name: str
    regex: re.Pattern[str]
    resolver: _Resolver
    needs: tuple[str, ...]


PATTERNS: tuple[_Pattern, ...] = tuple(
    _Pattern(name, re.compile(pattern), resolver, _NEEDS[name])
    for name, pattern, resolver in (
        ("iso_date", r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b", _iso_date),
        ("holiday", rf"\b(?P<holiday>thanksgiving(?:\s+day)?|christmas(?:\s+(?:day|eve))?|new\s+year['’]s(?:\s+(?:day|eve))?|easter(?:\s+sunday)?|independence\s+day|labor\s+day|memorial\s+day|election\s+day|halloween)(?:,?\s+{_YEAR})?\b", _holiday),
        ("anaphoric", ANAPHORIC.pattern, _anaphoric),
        ("set_named", rf"\b(?:every|each)\s+(?:{_WEEKDAY}|(?P<month>january|february|march|april|may|june|july|august|september|october|november|december))\b", _set_named),
        ("part_of_period", rf"\bthe\s+(?:end|beginning|start|middle)\s+of\s+(?:(?:{_MONTH_WITH_MAY}\s+)?{_YEAR}|(?P<month2>january|february|march|april|june|july|august|september|october|november|december)|the\s+(?P<this_unit>month|week))\b", _part_of_period),
        ("year_two_thousand", r"\b(?:the\s+year\s+)?two\s+thousand(?:\s+and\s+(?P<unit>one|two|three|four|five|six|seven|eight|nine))?\b", _two_thousand),
        ("time_date", rf"\b(?:(?P<hour>\d{{1,2}})(?::(?P<minute>\d{{2}}))?\s*(?P<ampm>a\.m\.|p\.m\.)|(?P<noon>noon|midnight))(?:\s+{_ZONE})?,?\s+(?:on\s+)?{_MONTH_WITH_MAY}\s+{_DAY}(?:,?\s+{_YEAR})?\b", _time_date),
        ("week_of", rf"\bthe\s+week\s+of\s+{_MONTH_WITH_MAY}\s+{_DAY}(?:,?\s+{_YEAR})?\b", _week_of),
        ("weekday_date", rf"\b(?:this\s+coming\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+{_MONTH_WITH_MAY}\s+{_DAY_OR_WORD}(?:,?\s+{_YEAR})?\b", _full_date),
        ("month_day_year", rf"\b{_MONTH_WITH_MAY}\s+{_DAY_OR_WORD}(?:,?\s+{_YEAR})?\b", _full_date),
        ("day_month_year", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH_WITH_MAY}(?:,?\s+{_YEAR})?\b", _full_date),
        ("month_rel_year", rf"\b{_MONTH_WITH_MAY}\s+(?P<rel>this|last|next)\s+year\b", _month_rel_year),
        ("time_weekday", rf"\b(?:(?P<hour>\d{{1,2}})(?::(?P<minute>\d{{2}}))?\s*(?P<ampm>a\.m\.|p\.m\.)|(?P<noon>noon|midnight))\s+(?:{_ZONE}\s+)?(?:on\s+)?{_WEEKDAY}\b", _time_weekday),
        ("month_year", rf"\b{_MONTH_WITH_MAY},?\s+(?:of\s+)?{_YEAR}\b", _month_year),
        ("year_quarter", rf"\b(?:(?P<this>this\s+year['’]s)|the\s+(?P<ago>year-ago|year-earlier)|the\s+{_YEAR})\s+(?P<ord>first|second|third|fourth)[\s-]+quarter\b", _year_quarter),
        ("quarter", rf"\b(?:the\s+(?:fiscal\s+)?(?!\w+-quarter\b))?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter|q(?P<qnum>[1-4]))(?:\s+of)?(?:\s+{_YEAR})?\b", _quarter),
        ("year_end", r"\b(?P<prep>by|at|since|before|until|till|through|after|around)\s+(?P<t>(?:the\s+)?(?:year[-\s]end|year['’]s\s+end|end\s+of\s+the\s+year))\b", _year_end),
        ("half_year", rf"\b(?:the\s+)?(?P<which>first|second|last|latter)\s+half(?:\s+of\s+(?:{_YEAR}|(?P<rel>this|next|last)\s+year|the\s+year))?\b(?!\s+of\b|-)", _half_year),
        ("the_quarter", rf"\bthe\s+(?:(?:latest|last|recent|current|fiscal|full|year-ago|year-earlier|comparable|corresponding|same|{_YEAR})\s+){{0,3}}(?P<which>quarter|period|year|weekend|week)\b(?P<ago_after>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)\b)?(?![\s-]+(?:old|long|earlier|ago|to-))", _the_period),
        ("season", rf"\b(?:(?P<which>this|last|next)\s+|the\s+(?=(?:spring|summer|autumn|winter)\s+of\s))?(?P<season>spring|summer|autumn|winter)(?:\s+(?:of\s+)?(?:{_YEAR}|{_SPELLED_YEAR}))?\b", _season),
        ("season_fall", r"\b(?P<which>this|last|next)\s+(?P<season>fall)\b(?P<year>)", _season),
        ("clock_time", r"\b(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)", _clock_time),
        ("part_of_day", r"\b(?P<which>this|yesterday|tomorrow|last)\s+(?P<part>morning|afternoon|evening|night)\b", _part_of_day),
        ("deictic_day", rf"\b(?:(?:early|late)\s+)?(?P<deictic>yesterday|today(?!['’]s\s+{_GENERIC_PRESENT})|tonight|tomorrow)\b", _deictic_day),
        ("anchored", rf"\b{_NUM}[\s-]+{_UNIT}\s+(?P<dir>earlier|later)\b", _anchored),
        ("year_earlier", r"\byear-(?:earlier|ago)\b(?!\s+(?:quarter|period|level|month|week))", _year_earlier),
        ("ago", rf"\b(?:(?:nearly|almost|about|some|more\s+than|over)\s+)?{_NUM}\s+{_UNIT}\s+ago\b", _ago),
        ("relative_unit", rf"\b{_REL}\s+(?P<relunit>week|weekend|month|year|quarter)\b", _relative_unit),
        ("weekday_part", rf"\b{_WEEKDAY}\s+(?P<part>morning|afternoon|evening|night)\b", _weekday_part),
        ("weekday", rf"\b(?:(?P<wrel>last|next|this\s+coming|this|the\s+previous)\s+)?{_WEEKDAY}\b", _weekday),
        ("duration_vague", rf"\b(?:the\s+|a\s+(?=few\b))?(?:(?:next|last|past)\s+)?{_FEW}\s+{_UNIT}\b", _duration_vague),
        ("duration_hyphen", r"\b(?P<num>\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty)-(?P<unit>day|week|month|year|hour|minute)\b(?!-old)", _duration_hyphen),
        ("duration_words", rf"\b(?:(?:the\s+)?(?:next|last|past|first|final)\s+(?!over\s)|the\s+)?(?:(?:nearly|almost|some|more\s+than|less\s+than|over|up\s+to|at\s+least)\s+)?{_NUM}(?P<half>\s+1/2)?\s+(?:more\s+|additional\s+|trading\s+|business\s+|working\s+)?{_UNIT}\b(?P<and_half>\s+and\s+a\s+half\b)?(?!-old|\s+old\b)", _duration_words),
        ("recent_plural", r"\brecent\s+(?:(?P<unit>month|week|day)s|years|decades)\b", _recent_plural),
        ("duration_plural", r"\b(?:for|in|over|within|after)\s+(?P<t>(?P<unit>day|week|month|year|decade|hour|minute)s|(?P<centuries>centuries))\b", _duration_vague),
        ("set", r"\b(?:(?P<setword>hourly|daily|weekly|monthly|annually|yearly)|(?:every|each)\s+(?P<setunit>day|week|month|quarter|year|hour))\b", _set),
        ("spelled_decade", r"\bthe\s+(?:(?P<early>early|late|mid)[\s-]+)?(?P<tens>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", _spelled_decade),
        ("decade", r"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:(?P<decade>1[89]\d0|20\d0)|(?<=the\s)'?(?P<short>\d0)|'(?P<short2>\d0))s\b", _decade),
        ("century", r"\b(?:the\s+)?(?:(?P<ord>1\d|2[01])(?:st|nd|rd|th)|(?P<this>this))\s+century\b", _century),
        ("spelled_year", r"\b(?:(?P<month>january|february|march|april|may|june|july|august|september|october|november|december)\s+)?nineteen\s+(?P<tens>ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?P<unit>one|two|three|four|five|six|seven|eight|nine))?\b", _spelled_year),
        ("vague_ago", r"\b(?:(?:several|a\s+few|many|some)\s+)?(?:years|months|weeks|days)\s+ago\b", _past_ref),
        ("year", rf"(?<![\d,.$])\b(?P<t>(?:fiscal\s+|mid-)?{_YEAR})\b(?!\d|,\d|\.\d|\s*(?:per\b|percent|%|people|points|shares|votes|troops|miles|feet|metres|meters|tons|units))", _year),
        ("month_modified", r"\b(?P<mod>early|late|mid|last|next|this)[\s-]+(?P<month>january|february|march|april|june|july|august|september|october|november|december|may)\b", _month_modified),
        ("month_capitalised", r"\b(?P<month>january|february|march(?!\s+(?:for|of|on|to|against)\b)|april|june|july|september|october|november|december)\b(?!\s+\d)", _month_alone),
        ("month_alone", r"\b(?:in|since|by|until|till|during|before|after|of)\s+(?P<t>(?P<month>january|february|march|april|june|july|august|september|october|november|december|may))\b", _month_alone),
        ("vague", r"\b(?P<vague>recently|lately|now|currently|current(?=\s+(?!of\b|accounts?\b|affairs\b|and\b|or\b)[a-z])|nowadays|presently|these\s+days|the\s+(?:near|short)\s+term|the\s+(?:near\s+)?future|the\s+past)\b", _vague),
    )
)


def _lower_keeping_offsets(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters grow when lower-cased ("İ"): keep those as they are.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _strip_ago_guard(text: str, start: int, end: int) -> bool:
    # "two years" followed by "ago" is a DATE already matched by the ago pattern.
    return text[end:end + 4].lower() == " ago"


def find_timexes(body: str, reference_date: date | None, tense_at: Callable[[int], Tense] | None = None) -> list[TimexMatch]:
    """Find and resolve every temporal expression in a text.

    Args:
        body: the normalised article text.
        reference_date: the publication date; None, or a date outside 1800-2200, leaves
            relative values unresolved.
        tense_at: optional function from a character offset to the tense of the clause there
            ("past", "future" or ""), used for weekdays and bare months.

    Returns:
        Non-overlapping matches, ordered by position.
    """
    # A publication date off the sane calendar (" date 9999-12-31") is a typo or a placeholder:
    # relative expressions stay unresolved rather than counted from it.
    reference = reference_date if reference_date is not None and is_sane_date(reference_date) else None
    taken: list[tuple[int, int]] = []
    found: list[TimexMatch] = []
    lowered = _lower_keeping_offsets(body)
    for entry in PATTERNS:
        name, pattern, resolver = entry.name, entry.regex, entry.resolver
        if entry.needs and not any(key in lowered for key in entry.needs):
            continue
        for match in pattern.finditer(lowered):
            # A pattern may need context it does not tag ("in 2019"): group t is then the span.
            start, end = match.span("t") if "t" in pattern.groupindex else match.span()
            if name == "month_capitalised" and not body[start].isupper():
                continue  # "march", "august" in lower case are a verb and an adjective
            if "month" in pattern.groupindex and (match["month"] or "").lower() == "march" and body[match.start("month")].islower():
                continue  # "this march", "the march on Washington": a protest, not the month
            if "day_word" in pattern.groupindex and match["day_word"] and not body[match.start("month")].isupper():
                continue  # "may first consider": a verb and an adverb, not May 1
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            if name in ("duration_words", "duration_vague", "duration_plural") and _strip_ago_guard(body, start, end):
                continue
            if name == "vague" and match["vague"].lower() == "now" and _is_conjunction_now(body, start):
                continue
            if body[start:end] == "This Week" and body[:start].rstrip()[-1:] in ('"', "“", "`", "'"):
                continue  # ABC's "This Week" is a programme, not a week
            tense = tense_at(start) if tense_at else ""
            resolved = _resolve(resolver, match, _Context(reference, tense))
            if resolved is None:
                continue
            timex_type, value, is_resolved = resolved
            taken.append((start, end))
            found.append(TimexMatch(start, end, body[start:end], timex_type, value, is_resolved, name))
    found.extend(coordinated_days(body, found, taken))
    found = [day_before_after(body, timex) for timex in found]
    return [_kept_on_calendar(timex) for timex in anchor_anaphora(compare_quarters(sorted(found, key=lambda t: t.char_start)))]


def _resolve(resolver: _Resolver, match: re.Match[str], ctx: _Context) -> tuple[str, str, bool] | None:
    """Run one resolver with its date arithmetic guarded: the one place where a date that
    leaves the calendar becomes an unresolved value instead of an exception.

    Arithmetic that leaves Python's calendar ("9999999 days ago") or yields no calendar value
    (a negative or five-digit year: "99999 years later") reads the expression again without
    the article's date: a relative expression gets its ``X`` placeholder, unresolved. A real
    date off the sane calendar keeps its value, unresolved ("500 years ago" -> ``1523``).

    Notes:
        An expression that fails even without the article's date is dropped: a count longer
        than ``int`` reads (4,300 digits), which cut_long_runs keeps out of article bodies.
    """
    try:
        resolved = resolver(match, ctx)
    except CALENDAR_ERRORS:
        return _resolve(resolver, match, _Context(None, ctx.tense)) if ctx.reference is not None else None
    if resolved is None or not resolved[2] or resolved[0] not in ("DATE", "TIME"):
        return resolved
    sane = is_sane_value(resolved[1])
    if sane is None:
        return _resolve(resolver, match, _Context(None, ctx.tense)) if ctx.reference is not None else None
    return resolved if sane else (resolved[0], resolved[1], False)


def _kept_on_calendar(timex: TimexMatch) -> TimexMatch:
    """Unresolve a date the context passes moved off the sane calendar ("the following year"
    after "2200")."""
    if timex.is_resolved and timex.timex_type in ("DATE", "TIME") and not is_sane_value(timex.value):
        return replace(timex, is_resolved=False)
    return timex


def _is_conjunction_now(body: str, start: int) -> bool:
    # "Now, ..." opening a sentence is a discourse marker, not a time; "now that ..." and "for
    # now," are times (TimeBank annotates them).
    if not body[start + 3:start + 4] == ",":
        return False
    before = body[:start].rstrip(" \t\"'`")
    return not before or before[-1] in ".!?\n"
