"""The named holidays of the Gregorian calendar as TIMEX3 DATEs: "Thanksgiving Day", "Easter
Sunday 2024", "Presidents' Day", "Bastille Day", "Ferragosto", "Sinterklaas". Part of ``PATTERNS``
(``transforms.time.patterns``), which orders it; the days come from
``transforms.time.calendar_values.HOLIDAYS``; a holiday without its year takes the year its
clause's tense points to, like a month and day written without one. The written forms are data
(``transforms/lexicons/holiday_names.txt``): the regex and its key words are built from them.

Notes:
    Not handled: holidays of other calendars (Diwali, Eid, Lunar New Year) move with calendars
    we do not compute; "the holidays" is not a date.
"""

from __future__ import annotations

import re
from datetime import date

from transforms.lexicons import words
from transforms.time import resolve
from transforms.time.calendar_values import HOLIDAY_BY_KEY, holiday_key
from transforms.time.fragments import YEAR, opening_words
from transforms.time.timex_rule import Resolution, ResolveContext, pattern
from transforms.time.timex_rule import timex_example as ex


def _written_form(form: str) -> str:
    """The regex of one written form of ``holiday_names``: an apostrophe is either mark, a full
    stop and a comma may be left out, words are apart by any white space."""
    parts = (re.escape(word).replace("'", "['’]").replace(r"\.", r"\.?").replace(",", ",?") for word in form.split())
    return r"\s+".join(parts)


def _key_word(form: str) -> str:
    """What a text must hold for ``form`` to match (the cheap test before the regex): its words
    up to the first apostrophe, full stop or comma, else its longest word ("st. patrick's day"
    needs "patrick")."""
    head = re.split(r"['.,]", form)[0].strip()
    return head if len(head) >= 4 else max(re.findall(r"[a-z]+", form), key=len)


_FORMS = sorted(words("holiday_names"), key=lambda form: (-len(form), form))
HOLIDAY_REGEX = "|".join(_written_form(form) for form in _FORMS)
_ALL_KEYS = {_key_word(form) for form in _FORMS}
HOLIDAY_KEYS = tuple(sorted(key for key in _ALL_KEYS if not any(other in key for other in _ALL_KEYS - {key})))
# The first word of every form, up to a mark ("st" of "st. patrick's day"): where a holiday can begin.
HOLIDAY_OPENINGS = sorted({re.match(r"[a-z0-9]+", form)[0] for form in _FORMS})


@pattern(
    rf"\b(?:(?P<rel>last|next)\s+)?(?P<holiday>{HOLIDAY_REGEX})(?:,?\s+{YEAR})?\b",
    ex("He was found on Thanksgiving Day.", "Thanksgiving Day", "2022-11-24", tense="past"),
    ex("Stores open on Labor Day.", "Labor Day", "2023-09-04", tense="future"),
    ex("Mass was held on Easter Sunday 2024.", "Easter Sunday 2024", "2024-03-31", tense="past"),
    ex("Banks were shut on Presidents' Day.", "Presidents' Day", "2023-02-20", tense="past"),
    ex("The fireworks are planned for Bastille Day.", "Bastille Day", "2023-07-14", tense="future"),
    ex("Beaches fill up around Ferragosto.", "Ferragosto", "2023-08-15", tense="future"),
    ex("Chocolate sales peak before Sinterklaas.", "Sinterklaas", "2023-12-05", tense="future"),
    ex("The march took place on Good Friday 2021.", "Good Friday 2021", "2021-04-02", tense="past"),
    ex("She bought the toy last Christmas.", "last Christmas", "2019-12-25", tense="past", published=date(2020, 11, 20)),
    ex("They met on Easter Monday, and will meet again next Christmas.", "next Christmas", "2020-12-25", tense="future", published=date(2020, 4, 13)),
    needs=HOLIDAY_KEYS,
    starts=opening_words("last", "next", *HOLIDAY_OPENINGS),
)
def holiday(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A named holiday, with or without its year: "Thanksgiving Day", "Election Day 1998",
    "Presidents' Day", "Bastille Day", "Ferragosto", "Sinterklaas" (US dates where they differ;
    the TIMEX3 guideline's holidays of the Gregorian calendar). Not: holidays of other
    calendars ("Diwali", "Eid"), "the holidays", national days not listed. "last Christmas" is the
    latest one before the publication date, "next Christmas" the first one after it, whatever
    the tense (the modifier is part of the span)."""
    name = holiday_key(m["holiday"])
    name = name.removesuffix(" day") if name in ("thanksgiving day", "christmas day", "new years day") else name
    name = name.removesuffix(" sunday").replace(" jr day", " day")
    day_of = HOLIDAY_BY_KEY[name]
    if m["year"]:
        return "DATE", day_of(int(m["year"])).isoformat(), True
    if ctx.reference is None:
        return "DATE", "XXXX-XX-XX", False
    this_year = day_of(ctx.reference.year)
    rel = (m["rel"] or "").lower()
    if rel == "last":
        return "DATE", (this_year if this_year < ctx.reference else day_of(ctx.reference.year - 1)).isoformat(), True
    if rel == "next":
        return "DATE", (this_year if this_year > ctx.reference else day_of(ctx.reference.year + 1)).isoformat(), True
    return "DATE", day_of(resolve.year_of(this_year.month, this_year.day, ctx)).isoformat(), True


@pattern(
    r"\belection\s+night\b(?!['’])",
    ex("Early returns on election night showed him ahead.", "election night", "2022-11-08TNI", tense="past", published=date(2022, 11, 20)),
    needs=("election night",),
)
def election_night(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"election night": the night of Election Day, a TIME (TNI) of the day the holiday
    ``holiday`` gives "Election Day" (the pass ``election_day_of_article`` moves both to the
    day of the article's own vote when it names one). Not: "election nights" (a habit)."""
    if ctx.reference is None:
        return "TIME", "XXXX-XX-XXTNI", False
    day_of = HOLIDAY_BY_KEY["election day"]
    this_year = day_of(ctx.reference.year)
    return "TIME", day_of(resolve.year_of(this_year.month, this_year.day, ctx)).isoformat() + "TNI", True


@pattern(
    r"\bthe\s+new\s+year\b(?!['’]|-)",
    ex("From the new year, rents may rise only once every 12 months.", "the new year", "2024", tense="future", published=date(2023, 9, 25)),
    ex("Sales have slowed since the new year.", "the new year", "2023", tense="past", published=date(2023, 2, 14)),
    needs=("new year",),
)
def the_new_year(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"the new year": the year whose first day lies nearest the publication date (from
    July the next one, "from the new year" in September; before it this one, "since the new
    year" in February), a DATE of that year. Not: "New Year's Day", "New Year's Eve" (holidays,
    the pattern ``holiday``), "the new year-round service" (a compound), "the new year's
    budget" (a possessive; left out)."""
    if ctx.reference is None:
        return "DATE", "XXXX", False
    return "DATE", f"{ctx.reference.year + (ctx.reference.month >= 7):04d}", True
