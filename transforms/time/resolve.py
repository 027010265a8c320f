"""Values of temporal expressions: one resolver per kind of expression, TimeML/TIMEX3 out.

A resolver takes a pattern's regex match (over the lower-cased text) and a ``ResolveContext``
(the publication date, the tense of the clause) and returns ``(timex_type, value,
is_resolved)``, or None when the match is no time after all. The patterns that call them are in
``transforms.time.patterns``; ``transforms.time.expressions.find_timexes`` guards their date
arithmetic.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta

from transforms.time.calendar_values import coming_month_year, past_month_year, safe_date, season_year, shift_month, week_value
from transforms.time.context import from_anchor
from transforms.time.timex_rule import Resolution, ResolveContext


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
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
UNIT_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE", "hour": "H", "minute": "M", "second": "S", "weekend": "WE", "quarter": "Q"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
VAGUE = {
    "recently": "PAST_REF", "lately": "PAST_REF",
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF", "presently": "PRESENT_REF",
    "current": "PRESENT_REF", "these days": "PRESENT_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "the time being": "PRESENT_REF",
}
# Ordinal words up to a month's last day; also the centuries in words (patterns_eras).
ORDINAL_WORDS = {
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


def _number(token: str) -> int | None:
    token = token.lower().replace(",", "")
    if token.isdigit():
        return int(token)
    tens_units = re.fullmatch(r"([a-z]+ty)[\s-]+([a-z]+)", token)  # "twenty-four", "twenty four"
    if tens_units and tens_units[1] in NUMBER_WORDS and NUMBER_WORDS.get(tens_units[2], 10) < 10:
        return NUMBER_WORDS[tens_units[1]] + NUMBER_WORDS[tens_units[2]]
    return NUMBER_WORDS.get(token)


# --- resolvers: one per pattern, each returns (timex_type, value, is_resolved) -------------

# How far a date written without a year may lie on the "wrong" side of the article's date and
# still be this year's: news reports deadlines and payment dates in the past tense ("set Nov. 10
# as the deadline", "payable Dec. 7") and recent days in the present ("is not linked with the
# August 7 bombings").
_PAST_REACH_AHEAD = timedelta(days=100)
_FUTURE_REACH_BACK = timedelta(days=31)
_UNTENSED_REACH_AHEAD = timedelta(days=140)


def year_of(month: int, day: int, ctx: ResolveContext) -> int:
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


def full_date(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    year = int(m["year"]) if m["year"] else None
    month = MONTHS[m["month"].lower().rstrip(".")]
    day = int(m["day"]) if m["day"] else ORDINAL_WORDS[m["day_word"].lower()]
    if year is None:
        if ctx.reference is None:
            return ("DATE", f"XXXX-{month:02d}-{day:02d}", False) if safe_date(2000, month, day) else None
        year = year_of(month, day if safe_date(2000, month, day) else 1, ctx)
    if safe_date(year, month, day) is None:
        return None
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}", True


def day_range(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    first, last = int(m["day"]), int(m["last_day"])
    if not first < last <= 31:
        return None
    return full_date(m, ctx)


def iso_date(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    found = safe_date(int(m["year"]), int(m["m"]), int(m["d"]))
    return None if found is None else ("DATE", found.isoformat(), True)


def month_year(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    return "DATE", f"{int(m['year']):04d}-{MONTHS[m['month'].lower().rstrip('.')]:02d}", True


def month_alone(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    month = MONTHS[m["month"].lower().rstrip(".")]
    if ctx.reference is None:
        return "DATE", f"XXXX-{month:02d}", False
    # Without a year: past tense points back (``past_month_year``), future forward (this month
    # or a later one: "until the election in December" in a January paper is next December),
    # else the nearest.
    if ctx.tense == "future":
        return "DATE", f"{coming_month_year(month, ctx.reference):04d}-{month:02d}", True
    year = past_month_year(month, ctx.reference) if ctx.tense == "past" else year_of(month, 15, ctx)
    return "DATE", f"{year:04d}-{month:02d}", True


def month_modified(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
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
        return month_alone(m, ctx)
    return "DATE", f"{year:04d}-{month:02d}", True


def year(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    return "DATE", m["year"], True


_TENS_PLURAL = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}


def spelled_decade(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"the nineties", "the early sixties": that decade of the last century.

    Notes:
        Always the 1900s: "the twenties" in a 2030 paper would need the century from context.
    """
    return "DATE", f"19{_TENS_PLURAL[m['tens'].lower()]}", True


def century(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    if m["ord"]:
        return "DATE", f"{int(m['ord']) - 1:02d}", True
    if ctx.reference is None:
        return "DATE", "XX", False
    return "DATE", f"{ctx.reference.year // 100:02d}", True


_TENS = {"ten": 1, "twenty": 2, "thirty": 3, "forty": 4, "fifty": 5, "sixty": 6, "seventy": 7, "eighty": 8, "ninety": 9}


def _spelled_year_value(m: re.Match[str]) -> int:
    return 1900 + _TENS[m["tens"].lower()] * 10 + (NUMBER_WORDS[m["unit"].lower()] if m["unit"] else 0)


def spelled_year(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"nineteen ninety-six" (broadcast transcripts), optionally after a month."""
    year = _spelled_year_value(m)
    if m["month"]:
        return "DATE", f"{year}-{MONTHS[m['month'].lower()]:02d}", True
    return "DATE", str(year), True


def decade(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
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


def weekday(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
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


def weekday_part(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"Friday morning", "Sunday night": the day with the TIMEX3 part-of-day code, a TIME
    (``2023-06-02TMO``), as the guideline writes it.

    Notes:
        TimeBank is split here (about half its nights carry the code); the guideline is followed.
    """
    resolved = weekday(m, ctx)
    if resolved is None:
        return None
    _, day, ok = resolved
    part = _DAY_PARTS[m["part"].lower()]
    return "TIME", f"{day}T{part}", ok


def deictic_day(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    word = m["deictic"].lower()
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
    if ctx.reference is None:
        return ("TIME" if word == "tonight" else "DATE"), "XXXX-XX-XX", False
    day = (ctx.reference + timedelta(days=offset)).isoformat()
    return ("TIME", f"{day}TNI", True) if word == "tonight" else ("DATE", day, True)


def part_of_day(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    part = _DAY_PARTS[m["part"].lower()]
    offset = -1 if (m["which"] or "").lower() in ("yesterday", "last") else (1 if (m["which"] or "").lower() == "tomorrow" else 0)
    if ctx.reference is None:
        return "TIME", f"XXXX-XX-XXT{part}", False
    return "TIME", f"{(ctx.reference + timedelta(days=offset)).isoformat()}T{part}", True


# "the past year", "the past month", "the past week": a stretch up to now, as the news gold
# writes them ("slept on floors in the past week": P1W).
_PAST_STRETCH = {"week": "P1W", "month": "P1M", "year": "P1Y"}


def relative_unit(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    rel = " ".join(m["rel"].lower().split())
    unit = m["relunit"].lower()
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if rel == "past" and unit in _PAST_STRETCH and m[0].lower().startswith("the"):
        # "over the past year": the stretch up to now, one unit long (the news gold writes P1Y,
        # as it writes "the past two years" P2Y and "the past decade" P1DE)
        return "DURATION", _PAST_STRETCH[unit], True
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


def _shifted_date(count: int | None, unit: str, sign: int, ctx: ResolveContext) -> Resolution | None:
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


def ago(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    return _shifted_date(_number(m["num"]), m["unit"].lower(), -1, ctx)


def quarter(m: re.Match[str], ctx: ResolveContext, years_back: int = 0) -> Resolution | None:
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


def month_range_quarter(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    first, last = MONTHS[m["first"].lower().rstrip(".")], MONTHS[m["last"].lower().rstrip(".")]
    if first % 3 != 1 or last != first + 2:
        return None  # "the June-August quarter" is a fiscal quarter the calendar cannot name
    number = (first - 1) // 3 + 1
    if m["year"]:
        return "DATE", f"{m['year']}-Q{number}", True
    if ctx.reference is None:
        return "DATE", f"XXXX-Q{number}", False
    year = ctx.reference.year
    if ctx.tense == "past" and date(year, first, 1) > ctx.reference:
        year -= 1
    return "DATE", f"{year:04d}-Q{number}", True


def year_quarter(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"this year's third quarter", "the year-ago third quarter", "the 1988 third quarter"."""
    return quarter(m, ctx, years_back=1 if m["ago"] else 0)


_ENDED_AFTER = re.compile(r"\s+end(?:ed|ing)\b")


def the_period(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"the quarter", "the latest quarter", "the year", "the weekend" in news: the period the
    article reports on: the last completed quarter, this year, the last weekend (the coming one
    in a clause about the future) or this week.

    "the year ended March 31" is a one-year DURATION (TimeBank's reading of fiscal years).

    Notes:
        "the year-ago quarter" is read as the last completed quarter, not the year before it.
    """
    which = m["which"].lower().replace("period", "quarter")  # "the latest period": earnings reports' quarter
    text = m[0].lower()
    if which == "year" and _ENDED_AFTER.match(m.string, m.end()):
        # "the year ended March 31": a stretch of time named by its end, a DURATION.
        return "DURATION", "P1Y", True
    named_year = m["year"] or m["of_year"]  # "the 1988 period", "the same period of 1988"
    if named_year and m["which"].lower() != "quarter":
        return "DATE", named_year, True  # "the 1988 period": that year
    if ctx.reference is None:
        if named_year:
            return "DATE", f"{named_year}-QX", False
        return "DATE", {"quarter": "XXXX-QX", "year": "XXXX", "weekend": "XXXX-WXX-WE", "week": "XXXX-WXX"}[which], False
    ref = ctx.reference
    year_back = 1 if "year-ago" in text or "year-earlier" in text or m["ago_after"] else 0
    if which == "quarter":
        # "the current quarter" is the one under way; otherwise the last completed one.
        year, month = shift_month(ref.year, ref.month, 0 if "current" in text else -3)
        year = int(named_year) if named_year else year - year_back
        return "DATE", f"{year:04d}-Q{(month - 1) // 3 + 1}", True
    if which == "year":
        return "DATE", f"{ref.year - year_back:04d}", True
    if which == "weekend":
        if ctx.tense == "future":
            # "hope to contain the fire by the weekend": the coming one (this one from Saturday on)
            return "DATE", week_value(ref + timedelta(days=max(0, 5 - ref.weekday()))) + "-WE", True
        return "DATE", week_value(ref - timedelta(days=ref.weekday() + 1)) + "-WE", True
    return "DATE", week_value(ref), True


def half_year(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
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


def season(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    code = SEASONS[m["season"].lower()]
    if m.groupdict().get("year"):
        return "DATE", f"{m['year']}-{code}", True
    if m.groupdict().get("tens"):
        return "DATE", f"{_spelled_year_value(m)}-{code}", True  # "the winter of nineteen ninety-four"
    if ctx.reference is None:
        return "DATE", f"XXXX-{code}", False
    which = (m.groupdict().get("which") or "").lower().replace("that", "")  # "that summer": read from the story's date later
    return "DATE", f"{season_year(code, which, ctx.tense, ctx.reference):04d}-{code}", True


def clock_time(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    hour, minute = int(m["hour"]), int(m["minute"] or 0)
    meridiem = m["ampm"].lower().replace(".", "").replace(" ", "")
    if not 1 <= hour <= 12 or minute > 59:
        return None
    hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if ctx.reference is None:
        return "TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", False
    return "TIME", f"{ctx.reference.isoformat()}T{hour:02d}:{minute:02d}", True


def duration_hyphen(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    count = _number(m["num"])
    unit = m["unit"].lower()
    if count is None:
        return None
    return "DURATION", _duration_value(count, unit), True


def _duration_value(count: int | str, unit: str) -> str:
    if unit in ("hour", "minute", "second"):
        return f"PT{count}{UNIT_CODES[unit]}"
    # Decades and centuries keep their unit (P4DE, P1CE: "for more than a century"), as the
    # news convention writes them; TimeBank and MEANTIME write years (P40Y, P100Y).
    return f"P{count}{UNIT_CODES[unit]}"


# Half of each unit in the next smaller one: "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M.
_HALF_UNIT = {"year": "6M", "month": "15D", "week": "3DT12H", "day": "T12H", "hour": "30M", "minute": "30S"}


def _measured(token: str) -> int | str | None:
    """A count that may be a decimal ("30.8" stays "30.8", as TIMEX3 writes it; "2.0" is 2)."""
    if re.fullmatch(r"\d+\.\d+", token):
        whole, fraction = token.split(".")
        fraction = fraction.rstrip("0")
        return f"{int(whole)}.{fraction}" if fraction else int(whole)
    return 1 if token.lower() == "another" else _number(token)


# A distance before "an hour", "a day": a speed ("60 kilometres an hour"), no duration. (An
# amount before one, "300,000 barrels a day", is a rate that TE3 annotates: left as it is.)
_RATE_BEFORE = re.compile(r"\b(?:kilometres|kilometers|km|miles|metres|meters|feet|knots)\s+\Z")


def duration_words(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    if m["num"].lower() in ("a", "an") and _RATE_BEFORE.search(m.string, max(0, m.start() - 15), m.start()):
        return None  # "gusts of 60 kilometres an hour": a speed
    count = _measured(m["num"])
    if count is None:
        return None
    unit = m["unit"].lower()
    value = _duration_value(count, unit)
    if (m["half"] or m["and_half"]) and unit in _HALF_UNIT:
        value += _HALF_UNIT[unit]
    return "DURATION", value, True


def duration_count_range(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    low, high = _number(m["low"]), _measured(m["num"])
    if low is None or not isinstance(high, int) or low >= high:
        return None  # "2.5 to 3 years" is left to duration_words; "five to two" is no range
    return "DURATION", _duration_value(high, m["unit"].lower()), True


def duration_vague(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    unit = "century" if m.groupdict().get("centuries") else m["unit"].lower()
    if not m[0].lower().endswith("s"):
        return "DURATION", _duration_value(1, unit), True  # "the past decade": one decade
    return "DURATION", _duration_value("X", unit), True


def every_unit(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    word = (m["setword"] or "").lower()
    unit = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year"}.get(word) or m["setunit"].lower()
    count = 2 if m.groupdict().get("other") else 1  # "every other week": each second one
    if unit == "quarter":
        return "SET", f"P{3 * count}M", True  # "every quarter": three months (no quarter unit in a SET)
    return "SET", f"P{count}{UNIT_CODES[unit]}" if unit not in ("hour", "minute") else f"PT{count}{UNIT_CODES[unit]}", True


def recent_plural(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"recent weeks", "recent years": a stretch of unknown length (PXW, PXY), one reading for
    every unit as the TIMEX3 guideline gives plural units without a count.

    Notes:
        TimeBank splits "recent years" between PAST_REF and PXY; TE3 and MEANTIME write PXY
        as for "recent weeks" and "recent months".
    """
    return "DURATION", _duration_value("X", m["unit"].lower()), True


def past_ref(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    return "DATE", "PAST_REF", True


def anchored(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
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


def year_earlier(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    if ctx.reference is None:
        return "DATE", "XXXX", False
    return "DATE", f"{ctx.reference.year - 1:04d}", True


def month_day_rel_year(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    month = MONTHS[m["month"].lower().rstrip(".")]
    day = int(m["day"])
    if safe_date(2000, month, day) is None:
        return None
    if ctx.reference is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", False
    year = ctx.reference.year + {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
    found = safe_date(year, month, day)
    return None if found is None else ("DATE", found.isoformat(), True)


# Month names written out: a full stop after one ends a sentence, never an abbreviation.
_FULL_MONTH_NAMES = frozenset(name for name in MONTHS if len(name) > 3 and name != "sept")


def month_rel_year(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    if m["month"].lower() in _FULL_MONTH_NAMES and m.string[m.end("month") : m.end("month") + 1] == ".":
        return None  # "opened in early November. This year we waited": two sentences
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


def _time_on_day(day: Resolution | None, m: re.Match[str]) -> Resolution | None:
    clock = _clock_of(m)
    if day is None or clock is None:
        return None
    return "TIME", f"{day[1]}T{clock[0]:02d}:{clock[1]:02d}", day[2]


def time_weekday(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"10 p.m. Wednesday", "noon Thursday": the clock time on that weekday."""
    return _time_on_day(weekday(m, ctx), m)


def week_of(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"the week of March 6": the ISO week holding that date."""
    day = full_date(m, ctx)
    if day is None or not day[2]:
        return None
    return "DATE", week_value(date.fromisoformat(day[1])), True


def time_date(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"5 p.m. EST Nov. 9", "noon, June 4, 2021": the clock time on that date."""
    return _time_on_day(full_date(m, ctx), m)


def set_named(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"each July" -> XXXX-07, "every Thursday" -> XXXX-WXX-4 (SET)."""
    if m["month"]:
        return "SET", f"XXXX-{MONTHS[m['month']]:02d}", True
    return "SET", f"XXXX-WXX-{WEEKDAYS[m['weekday']] + 1}", True


def part_of_period(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
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
    return "DATE", f"{year_of(month, 15, ctx):04d}-{month:02d}", True


def year_end(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"by year-end", "since year-end", "the end of the year": the year (TimeML keeps "end" as a
    modifier); "since" looks back to the last one.

    Notes:
        Only after a preposition: "year-end results" names results, not a time.
    """
    if ctx.reference is None:
        return "DATE", "XXXX", False
    return "DATE", f"{ctx.reference.year - (1 if m['prep'].lower() == 'since' else 0):04d}", True


def two_thousand(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    return "DATE", str(2000 + (NUMBER_WORDS[m["unit"]] if m["unit"] else 0)), True


def anaphoric(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"that same day", "the following year": first read from the publication date;
    ``anchor_anaphora`` re-reads it from the story's last date when there is one."""
    if ctx.reference is None:
        unit = m["unit"].lower()
        return "DATE", {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX"}.get(unit, "XXXX-XX-XX"), False
    return from_anchor(m, ctx.reference, "day")


# A count right after "the past": "the past three seasons" measures a stretch, no vague past.
# ("the past several quarters" stays: TimeBank reads it PAST_REF).
_COUNT_AFTER = re.compile(r"\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)")


def vague(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"recently", "now", "the future", "the past": PAST_REF, PRESENT_REF or FUTURE_REF. Not:
    "the past" opening a counted stretch ("over the past three seasons", "in each of the past
    three budgets"), a duration whose unit the patterns may not know: no expression here."""
    word = " ".join(m["vague"].lower().split())
    if word == "the past" and _COUNT_AFTER.match(m.string, m.end()):
        return None
    value = {"the future": "FUTURE_REF", "the near future": "FUTURE_REF", "the past": "PAST_REF"}.get(word) or VAGUE[word]
    return "DATE", value, True

