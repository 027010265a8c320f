"""TIMEX3 SET, DURATION and REF patterns the guideline names beyond the units of
``transforms.time.patterns``: sets of seasons, weekends and parts of days ("every spring",
"each morning"), a fortnight, and "the coming years" (FUTURE_REF). Part of ``PATTERNS``, which
orders them.
"""

from __future__ import annotations

import re
from datetime import timedelta

from transforms.time.fragments import COUNT_START, NUM, SET_START, opening_words
from transforms.time.resolve import NUMBER_WORDS, UNIT_CODES
from transforms.time.timex_rule import Resolution, ResolveContext, pattern
from transforms.time.timex_rule import timex_example as ex

_SET_VALUES = {
    "spring": "XXXX-SP", "summer": "XXXX-SU", "autumn": "XXXX-FA", "fall": "XXXX-FA", "winter": "XXXX-WI",
    "weekend": "XXXX-WXX-WE",
    # A part of every day recurs daily: the news gold writes "every night" as P1D.
    "morning": "P1D", "afternoon": "P1D", "evening": "P1D", "night": "P1D",
}


@pattern(
    r"\b(?:every|each)\s+(?P<what>spring|summer|autumn|fall|winter|weekend|morning|afternoon|evening|night)\b",
    ex("The union negotiates wages every spring.", "every spring", "XXXX-SP"),
    ex("The museum hung the frame every weekend.", "every weekend", "XXXX-WXX-WE"),
    ex("He runs each morning.", "each morning", "P1D"),
    needs=("every", "each"),
    starts=SET_START,
)
def set_part(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A SET of seasons, weekends or parts of days: "every spring", "each morning", "every
    weekend"; a part of the day recurs daily (P1D, as the news gold writes "every night"; the
    guideline's XXXX-XX-XXTMO names the part, which TimeBank and MEANTIME never annotate). Not:
    "every single morning" (a word between)."""
    return "SET", _SET_VALUES[m["what"].lower()], True


@pattern(
    r"\b(?:at|on|during|over)\s+(?P<t>weekends)\b",
    ex("Centres will also open at weekends.", "weekends", "XXXX-WXX-WE"),
    ex("The road is closed on weekends.", "weekends", "XXXX-WXX-WE"),
    needs=("weekends",),
)
def plural_weekends(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """Weekends in the plural after "at", "on", "during" or "over": every weekend, a SET (the
    preposition is not in the span). Not: "at the weekend" (one weekend, a DATE), "two
    weekends" (a duration)."""
    return "SET", _SET_VALUES["weekend"], True


_WEEKDAY_NUMBERS = {"mon": 1, "tues": 2, "wednes": 3, "thurs": 4, "fri": 5, "satur": 6, "sun": 7}


@pattern(
    r"\b(?:on|at|during|over)\s+(?P<t>(?P<day>mon|tues|wednes|thurs|fri|satur|sun)days)\b(?!['’])",
    ex("The pool will also open on Sundays.", "Sundays", "XXXX-WXX-7"),
    ex("Markets are held on Tuesdays.", "Tuesdays", "XXXX-WXX-2"),
    needs=("mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays"),
)
def plural_weekdays(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A weekday in the plural after "on", "at", "during" or "over": every such day, a SET (the
    preposition is not in the span). Not: a plural weekday without one ("Sundays are quiet"),
    "Sundays'" (a possessive)."""
    return "SET", f"XXXX-WXX-{_WEEKDAY_NUMBERS[m['day'].lower()]}", True


_PART_CODES = {"mornings": "MO", "afternoons": "AF", "evenings": "EV", "nights": "NI"}
_WEEKDAY_STEM = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"


@pattern(
    rf"\b(?P<t>(?P<day>mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?P<part>mornings|afternoons|evenings|nights)|(?=\s+(?:and|or)\s+{_WEEKDAY_STEM}\s+(?P<part2>mornings|afternoons|evenings|nights)\b)))\b",
    ex("The club meets on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI"),
    ex("Flights leave on Monday and Tuesday nights.", "Monday", "XXXX-WXX-1TNI"),
    needs=("mornings", "afternoons", "evenings", "nights"),
)
def weekday_parts_plural(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A weekday's part in the plural, every such part, a SET: "Tuesday nights" (XXXX-WXX-2TNI,
    as TimeBank writes it), and the first weekday of "Monday and Tuesday nights", which shares
    the plural part. Not: "Tuesday night" (one night, ``weekday_part``), "Mondays" alone
    (``plural_weekdays``)."""
    part = _PART_CODES[(m["part"] or m["part2"]).lower()]
    return "SET", f"XXXX-WXX-{_WEEKDAY_NUMBERS[m['day'].lower()]}T{part}", True


@pattern(
    r"(?<!\bteam\sof\s)(?<!\bgroup\sof\s)(?<!\bstaff\sof\s)(?<!\bcrew\sof\s)(?<!\bpair\sof\s)(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)\b(?:(?:about|around|nearly|almost|up\s+to|more\s+than|less\s+than|just\s+over|just\s+under|under)\s+)?(?P<num>\d{1,3}(?:\.\d{1,3})?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety)\s+(?P<unit>seconds)\b(?!['’]|-)",
    ex("The rocket climbed for 38 seconds.", "38 seconds", "PT38S"),
    ex("She won the 100m in 10.85 seconds.", "10.85 seconds", "PT10.85S"),
    ex("Phones must show the alert within five seconds.", "five seconds", "PT5S"),
    ex("Residents get up to 20 seconds of warning.", "up to 20 seconds", "PT20S"),
    needs=("seconds",),
    starts=COUNT_START,
)
def duration_seconds(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A number of seconds, a DURATION, with its approximation ("up to 20 seconds", "about five
    seconds"): "38 seconds" (PT38S), "five seconds" (PT5S), a race
    time "10.85 seconds" (PT10.85S, the decimal kept as TIMEX3 writes it). Not: "a second"
    (mostly an ordinal: "a second term"), "1 second" (rare; the cheap key test looks for
    "seconds"), the tail of a longer number ("1,000.5 seconds" is not "000.5 seconds"), the
    assistants of a chess player or a boxer ("a team of three seconds", "his two seconds")."""
    if m.start() > 0 and m.string[m.start() - 1] in ".,":
        return None  # "1,000 seconds": a number's tail
    if not m["num"][0].isdigit():
        return "DURATION", f"PT{NUMBER_WORDS[m['num'].lower()]}S", True
    whole, _, fraction = m["num"].partition(".")
    fraction = fraction.rstrip("0")
    return "DURATION", f"PT{int(whole)}{'.' + fraction if fraction else ''}S", True


@pattern(
    rf"\b(?:{NUM}\s+)?(?P<unit>fortnight)s?(?:\s+(?P<ago>ago))?\b",
    ex("The harvest may be over within a fortnight.", "a fortnight", "P2W"),
    ex("Talks lasted two fortnights.", "two fortnights", "P4W"),
    ex("She joined the crew a fortnight ago.", "a fortnight ago", "2023-05-22", tense="past"),
    needs=("fortnight",),
)
def fortnight(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A fortnight: a DURATION of two weeks ("a fortnight", "two fortnights"); "a fortnight
    ago" is the DATE fourteen days before the publication date. Not: "fortnightly" (a set; the
    word boundary keeps it out)."""
    count = 1 if m["num"] is None else (int(m["num"]) if m["num"].isdigit() else NUMBER_WORDS.get(m["num"].lower()))
    if count is None:
        return None
    if m["ago"]:
        if ctx.reference is None:
            return "DATE", "XXXX-XX-XX", False
        return "DATE", (ctx.reference - timedelta(days=14 * count)).isoformat(), True
    return "DURATION", f"P{2 * count}W", True


@pattern(
    r"\b(?:the\s+)?coming\s+(?:days|weeks|months|quarters|years|decades)\b",
    ex("More turbines will be ordered in the coming years.", "the coming years", "FUTURE_REF"),
    ex("Rates may rise in coming months.", "coming months", "FUTURE_REF"),
    needs=("coming",),
    starts=opening_words("the", "coming"),
)
def coming_ref(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"the coming years", "the coming months": the vague future (FUTURE_REF), a future without
    a length. Not: "the next few years" (a DURATION, the pattern ``duration_vague``), "the weeks
    ahead" (TimeBank: a DURATION), "the coming election" (no unit)."""
    return "DATE", "FUTURE_REF", True


@pattern(
    r"\b(?:(?:the\s+)?(?:next|last|past|first|final)\s+|a\s+)couple\s+of\s+(?P<unit>day|week|month|year|decade|hour|minute)s\b(?!\s+ago\b)",
    ex("Prices may stay high for a couple of years.", "a couple of years", "P2Y"),
    ex("Work slowed over the last couple of months.", "the last couple of months", "P2M"),
    needs=("couple of",),
    starts=COUNT_START,
)
def couple_of(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"a couple of years", "the next couple of weeks": a DURATION of two units (TimeBank writes
    P2Y). Not: "a couple of years ago" (left to the pattern ``vague_ago``), "a couple of
    times" (no unit of time)."""
    unit = m["unit"].lower()
    if unit in ("hour", "minute"):
        return "DURATION", f"PT2{'H' if unit == 'hour' else 'M'}", True
    return "DURATION", "P2DE" if unit == "decade" else f"P2{unit[0].upper()}", True


_RATE_CODES = {"day": "P1D", "night": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "hour": "PT1H"}


@pattern(
    rf"\b(?:once|twice|thrice|several\s+times|(?:{NUM}|several|many)\s+(?:times|days|nights|evenings|mornings|weekends|shifts))\s+(?:a|an|per|each)\s+(?P<rate>day|night|week|month|year|hour)\b",
    ex("Parcels will be delivered five days a week.", "five days a week", "P1W"),
    ex("The club meets twice a month.", "twice a month", "P1M"),
    ex("Trains run four times an hour.", "four times an hour", "PT1H"),
    ex("The committee meets several times a year.", "several times a year", "P1Y"),
    needs=("once", "twice", "thrice", "times", "days", "nights", "evenings", "mornings", "weekends", "shifts"),
    starts=COUNT_START,
)
def times_per_unit(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A frequency over a unit, a SET with the unit as its value (TIMEX3 keeps the count as
    ``freq``): "five days a week" (P1W), "twice a month", "four times an hour". Not: "a week"
    alone (a DURATION), "two days a week ago", rates of money ("$5 a day" has no count of
    times or days)."""
    return "SET", _RATE_CODES[m["rate"].lower()], True


@pattern(
    r"\b(?:every|each)\s+(?:(?P<quarter>quarter)|half)[\s-]+(?:of\s+)?(?:an\s+)?hour\b",
    ex("The bells strike every quarter of an hour.", "every quarter of an hour", "PT15M"),
    ex("A shuttle leaves every half hour.", "every half hour", "PT30M"),
    needs=("every", "each"),
    starts=SET_START,
)
def every_part_of_hour(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A quarter or half of an hour that recurs, a SET: "every quarter of an hour" (PT15M),
    "every half hour" (PT30M). Not: "every quarter" alone (a quarter of a year, the pattern
    ``set``), "every quarter-hour point" (read as the same SET)."""
    return "SET", "PT15M" if m["quarter"] else "PT30M", True


# The units of a length written in two parts, largest first, with their TIMEX3 codes: the date
# part (Y, M, D) before "T", the clock part (H, M, S) after it.
_COMPOUND_UNITS = ("year", "month", "week", "day", "hour", "minute", "second")
# Between the parts: "and", a comma or a space ("1 hour, 26 minutes", "1 hour 26 minutes").
_JOIN = r",?\s+(?:and\s+)?"
_COMPOUND_NUM = r"\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty"


@pattern(
    rf"\b(?:(?:nearly|almost|about|around|roughly|some|just\s+over|just\s+under|more\s+than|less\s+than|under|at\s+least)\s+)?(?P<num>{_COMPOUND_NUM})\s+(?P<unit>year|month|week|day|hour|minute)s?{_JOIN}(?P<num2>{_COMPOUND_NUM})\s+(?P<unit2>month|week|day|hour|minute|second)s?(?:{_JOIN}(?P<num3>{_COMPOUND_NUM})\s+(?P<unit3>day|hour|minute|second)s?)?\b(?![-'’]|\s+old\b)",
    ex("The final lasted two hours and 50 minutes.", "two hours and 50 minutes", "PT2H50M"),
    ex("He served three years and two months.", "three years and two months", "P3Y2M"),
    ex("The siege lasted four days and six hours.", "four days and six hours", "P4DT6H"),
    ex("The record stands at five minutes and 12 seconds.", "five minutes and 12 seconds", "PT5M12S"),
    ex("Talks ran for more than an hour and 20 minutes.", "more than an hour and 20 minutes", "PT1H20M"),
    ex("He won in 1 hour 26 minutes and 43 seconds.", "1 hour 26 minutes and 43 seconds", "PT1H26M43S"),
    needs=(" hour", " minute", " second", " day", " week", " month", " year"),
    starts=COUNT_START,
)
def duration_compound(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A length written in two or three units, joined by "and" or side by side, one DURATION
    (TIMEX3 spans the whole length): "two hours and 50 minutes" (PT2H50M), "three years and two
    months" (P3Y2M), "four days and six hours" (P4DT6H), "1 hour 26 minutes and 43 seconds"
    (PT1H26M43S); weeks and days count in days ("two weeks and three days": P17D). Not: a unit
    no smaller than the one before ("two hours and three days": two expressions), "a year and a half" (the pattern ``duration_words``), "6 years and 2 months
    old" (an age)."""
    units = [m[g].lower() for g in ("unit", "unit2", "unit3") if m[g]]
    if any(_COMPOUND_UNITS.index(later) <= _COMPOUND_UNITS.index(earlier) for earlier, later in zip(units, units[1:])):
        return None
    counts = {unit: _count(m[group]) for unit, group in zip(units, ("num", "num2", "num3"))}
    if None in counts.values():
        return None
    if "week" in counts and "day" in counts:
        counts["day"] += counts.pop("week") * 7
    elif "week" in counts and any(unit in counts for unit in ("hour", "minute", "second")):
        return None  # "two weeks and six hours": not a length news writes
    date_part = "".join(f"{counts[u]}{UNIT_CODES[u]}" for u in ("year", "month", "week", "day") if u in counts)
    clock_part = "".join(f"{counts[u]}{UNIT_CODES[u]}" for u in ("hour", "minute", "second") if u in counts)
    return "DURATION", f"P{date_part}{'T' + clock_part if clock_part else ''}", True


_EVERY_START = re.compile(r"\bevery\s")
_CLOCK_UNITS = frozenset(("second", "minute", "hour"))


@pattern(
    rf"\bevery\s+(?:(?P<few>few|several)|{NUM.replace('|a|an|', '|')})\s+(?P<unit>second|minute|hour|day|week|month|year|decade)s\b(?!['’-])",
    ex("Buses run every 15 minutes.", "every 15 minutes", "PT15M"),
    ex("The filters are changed every six weeks.", "every six weeks", "P6W"),
    ex("The games are held every four years.", "every four years", "P4Y"),
    ex("The survey is repeated every few years.", "every few years", "PXY"),
    needs=("every",),
    starts=_EVERY_START,
)
def every_count(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A counted stretch that recurs, a SET whose span keeps "every" (TIMEX3 SET; the news gold
    and TE3 write "every six weeks" whole): "every 15 minutes" (PT15M), "every four years"
    (P4Y), "every few years" (PXY). Not: "every year" (one unit, the pattern ``set``),
    "every second Saturday" (an ordinal), "every six weeks'" or "every two-year term" (the count
    belongs to a noun), "each two years" (rare; left as the duration "two years")."""
    unit = m["unit"].lower()
    count = "X" if m["few"] else _count(m["num"])
    if count is None:
        return None
    return "SET", f"P{'T' if unit in _CLOCK_UNITS else ''}{count}{UNIT_CODES[unit]}", True


def _count(token: str) -> int | None:
    token = token.lower().replace(",", "")
    return int(token) if token.isdigit() else NUMBER_WORDS.get(token)
