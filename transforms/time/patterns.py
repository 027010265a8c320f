"""The temporal patterns: an ordered registry of named rules, each a regex and its resolver.

``PATTERNS`` is the priority order: ``find_timexes`` runs them in turn over the lower-cased
text, and a later pattern never takes text an earlier one matched; so longer, more specific
patterns come first ("Sunday, March 8" before "March 8" before "Sunday"). Each pattern's name
is what ``temporal_expressions.pattern`` says. A pattern runs only when the text holds one of
its ``needs`` (any of them; empty: always): most patterns cannot match most articles, and a
substring test costs microseconds where a regex scan costs a fraction of a millisecond. A
pattern that opens alike with others (a month, a weekday, a year, a count, or a word before
one: ``fragments.CALENDAR_START``, ``fragments.COUNT_START``), or with one of a few words
(``fragments.opening_words``: "every", "each", "the"), names that opening as its ``starts``: it
is then tried only where the opening is, found by one scan shared by all of them, instead of at
every character (``tests/time/test_pattern_starts.py`` holds each such pattern to finding what a
full scan finds).

A pattern may need context it does not tag ("in 2019"): its group ``t`` is then the span.
The values come from ``transforms.time.resolve``; the examples are read against
``transforms.time.timex_rule.PUBLISHED`` (Monday 2023-06-05) unless they name their own date.
Adding a pattern is one ``@pattern`` function (docstring: what it finds; "Not:" what it does
not) with its examples, and its place in ``PATTERNS``.
"""

from __future__ import annotations

import re
from datetime import date

from transforms.time import resolve
from transforms.time.context import ANAPHORIC
from transforms.time.fragments import (
    CALENDAR_START, COUNT_START, CLOCK_KEYS, DAY, DAY_OR_WORD, FEW, GENERIC_PRESENT, MONTH_KEYS, MONTH_WITH_MAY, LAST_NOT_VERB, NUM, NUM_GROUPED, NUM_MEASURED, PREPOSITION_START, REL, SET_START, SPELLED_YEAR, THE_START, UNIT, WEEKDAY, YEAR, ZONE, opening_words,
)
from transforms.time.patterns_clock import clock_24h, clock_24h_on_day, clock_on_day, clock_zone, clock_zone_on_day
from transforms.time.patterns_periods import duration_adjective, final_quarter, ordinal_unit, part_of_year, quarter_of_year, same_month_year_back, season_fall, week_of_month
from transforms.time.patterns_eras import early_decade, early_year, named_early_year, spelled_century
from transforms.time.patterns_holidays import election_night, holiday, the_new_year
from transforms.time.patterns_day import clock_words, mid_part_of_day, night_before, noon_midnight, part_of_date, the_day, the_part_of_day, trading_part_of_day, weekday_part
from transforms.time.patterns_sets import (
    coming_ref, couple_of, duration_compound, duration_seconds, every_count, every_part_of_hour, fortnight, plural_weekdays, plural_weekends, set_part, times_per_unit, weekday_parts_plural,
)
from transforms.time.patterns_years import century, decade, decade_of_publication, historic_year, spelled_decade, spelled_year, the_year_numbered, year, year_range, apostrophe_year, slash_date
from transforms.time.timex_rule import Resolution, ResolveContext, TimexPattern, pattern
from transforms.time.timex_rule import timex_example as ex


@pattern(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b", ex("Filed 2021-06-04.", "2021-06-04", "2021-06-04"), starts=CALENDAR_START)
def iso_date(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """An ISO date: "2021-06-04". Not: a date that does not exist ("2021-02-30"), other numeric
    forms ("6/4/2021")."""
    return resolve.iso_date(m, ctx)


@pattern(
    r"\bthe\s+(?P<season>spring|summer|autumn|fall|winter)\s+of\s+that\s+year\b",
    ex("She appealed in the autumn of that year.", "the autumn of that year", "2022-FA", tense="past", published=date(2023, 1, 16)),
    needs=("that year",),
)
def season_of_that_year(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"the autumn of that year": one expression (before ``anaphoric`` takes "that year"), first
    read like "the autumn" from the publication date, then re-read from the story's last year by
    ``context.anchor_anaphora``. Not: "the autumn of that decade" (no year)."""
    return resolve.season(m, ctx)


@pattern(
    ANAPHORIC.pattern,
    ex("The following year, talks resumed.", "The following year", "2024"),
    ex("He returned the next morning.", "the next morning", "2023-06-06TMO"),
    ex("Both plants closed the same day.", "the same day", "2023-06-05", tense="past"),
    ex("He had been warned the day before.", "the day before", "2023-06-04", tense="past"),
    needs=("that", "following", "next", "previous", "same", "before", "after"),
    starts=opening_words("earlier", "later", "that", "the"),
)
def anaphoric(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """An expression dated by the story, not the paper: "that same day", "the following year",
    "the next morning"; read here from the publication date, re-read by the context pass
    ``anchor_anaphora`` from the last date before it. Not: "that day" as a noun's modifier
    ("that day-long meeting"), "the following week-old report"."""
    return resolve.anaphoric(m, ctx)


@pattern(
    rf"\b(?:every|each)\s+(?:other\s+(?=(?:mon|tues|wednes|thurs|fri|satur|sun)day\b))?(?:{WEEKDAY}|(?P<month>january|february|march|april|may|june|july|august|september|october|november|december))\b",
    ex("The fair is held each July.", "each July", "XXXX-07"),
    ex("They meet every Thursday.", "every Thursday", "XXXX-WXX-4"),
    ex("Crane drivers would work every other Sunday.", "every other Sunday", "XXXX-WXX-7"),
    needs=("every", "each"),
    starts=SET_START,
)
def set_named(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A named day or month that recurs, a SET: "each July", "every Thursday", "every other
    Sunday" (the day named, as the news gold writes it; the TIMEX3 value has no place for the
    step of two weeks). Not: "every other July", "each week" (the pattern ``set``)."""
    return resolve.set_named(m, ctx)


@pattern(
    rf"\bthe\s+(?:end|beginning|start|middle)\s+of\s+(?:(?:{MONTH_WITH_MAY}\s+)?{YEAR}|(?P<month2>january|february|march|april|june|july|august|september|october|november|december)|the\s+(?P<this_unit>month|week))\b",
    ex("Troops left by the end of 1990.", "the end of 1990", "1990"),
    ex("The goal is 40,000 troops by the end of the month.", "the end of the month", "2023-06"),
    needs=("the end", "the beginning", "the start", "the middle"),
    starts=THE_START,
)
def part_of_period(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """The end, start or middle of a year, month or this month or week: the period's value
    (TimeML keeps the part as a modifier). Not: "the end of the year" (the pattern
    ``year_end``), "the end of the war"."""
    return resolve.part_of_period(m, ctx)


@pattern(
    rf"\bthe\s+(?:very\s+)?(?:end|beginning|start|middle)\s+of\s+{REL}\s+(?P<relunit>week|weekend|month|quarter)\b",
    ex("Shareholders will vote at the end of this week.", "the end of this week", "2023-W23"),
    ex("Refugees were housed there until the beginning of last week.", "the beginning of last week", "2023-W22"),
    ex("Results are due by the end of next month.", "the end of next month", "2023-07"),
    needs=("the end of", "the beginning of", "the start of", "the middle of"),
    starts=THE_START,
)
def part_of_relative_unit(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """The end, beginning or middle of this, last or next week, month or quarter: one
    expression with the unit's value (TIMEX3 keeps the part as a modifier, not in the value).
    Not: "the end of this year" (the pattern ``part_of_year``), "the end of the week" (the
    pattern ``part_of_period``)."""
    return resolve.relative_unit(m, ctx)


@pattern(
    r"\b(?:the\s+year\s+)?two\s+thousand(?:\s+and\s+(?P<unit>one|two|three|four|five|six|seven|eight|nine))?\b",
    ex("Plans for the year two thousand.", "the year two thousand", "2000"),
    ex("He was born in the year two thousand and one.", "the year two thousand and one", "2001"),
    needs=("two thousand",),
)
def year_two_thousand(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A year from 2000 to 2009 in words (broadcast transcripts). Not: "two thousand ten", "two
    thousand people" is read as the year too (rare in news)."""
    return resolve.two_thousand(m, ctx)


@pattern(
    rf"\b(?:(?P<hour>\d{{1,2}})(?:[:.](?P<minute>\d{{2}}))?\s*(?P<ampm>a\.m\.|p\.m\.)|(?P<noon>noon|midnight))(?:\s+{ZONE})?,?\s+(?:on\s+)?{MONTH_WITH_MAY}\s+{DAY}(?:,?\s+{YEAR})?\b",
    ex("The offer expires at 5 p.m. EST Nov. 9.", "5 p.m. EST Nov. 9", "2023-11-09T17:00", tense="future"),
    ex("He spoke at 9:30 a.m., June 4, 2021.", "9:30 a.m., June 4, 2021", "2021-06-04T09:30"),
    needs=CLOCK_KEYS,
)
def time_date(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A clock time on a date: "5 p.m. EST Nov. 9", "noon, June 4, 2021". Not: the time zone
    (the value keeps the local time), "17:00" without a.m. or p.m."""
    return resolve.time_date(m, ctx)


@pattern(
    rf"\bthe\s+week\s+of\s+{MONTH_WITH_MAY}\s+{DAY}(?:,?\s+{YEAR})?\b",
    ex("Talks resume the week of June 12.", "the week of June 12", "2023-W24", tense="future"),
    needs=("week of",),
)
def week_of(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"the week of June 12": the ISO week holding that date. Not: a date that stays unresolved
    (no publication date): the match is dropped."""
    return resolve.week_of(m, ctx)


@pattern(
    rf"\b(?:this\s+coming\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+{MONTH_WITH_MAY}\s+{DAY_OR_WORD}(?:,?\s+{YEAR})?\b",
    ex("Saturday, April 25 is the deadline.", "Saturday, April 25", "2023-04-25"),
    ex("Women's Day is this coming Sunday, March eighth.", "this coming Sunday, March eighth", "2024-03-08", tense="future"),
    needs=("day",),
    starts=CALENDAR_START,
)
def weekday_date(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A weekday before a month and day: "Saturday, April 25"; the date decides, the weekday is
    not checked against it. Not: "April 25, Saturday"."""
    return resolve.full_date(m, ctx)


@pattern(
    rf"\b{MONTH_WITH_MAY}\s+{DAY}\s*[-–]\s*(?P<last_day>[0-3]?\d)(?:st|nd|rd|th)?\b(?![-–.,]\d|\s*(?:percent|%))(?:,?\s+{YEAR}\b)?",
    ex("APEC leaders meet on June 22-24 in Victoria.", "June 22-24", "2023-06-22", tense="future"),
    ex("The summit is slated for Nov. 4-5, 2006.", "Nov. 4-5, 2006", "2006-11-04"),
    starts=CALENDAR_START,
    needs=MONTH_KEYS,
)
def day_range(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """Days of one month written as a range, "June 22-24": one expression (the range is one
    word), valued as its first day. Not: a range that runs backwards or off the month ("June
    24-22", "June 30-32"), "June 4 to 6" (two expressions, the words apart)."""
    return resolve.day_range(m, ctx)


@pattern(
    rf"\b{MONTH_WITH_MAY}\s+{DAY_OR_WORD}(?:,?\s+{YEAR})?\b",
    ex("Signed on June 4, 2021.", "June 4, 2021", "2021-06-04"),
    ex("Signed June 4.", "June 4", "2023-06-04"),
    ex("Talks begin on Nov. 25.", "Nov. 25", "2023-11-25", tense="future"),
    starts=CALENDAR_START,
    needs=MONTH_KEYS,
)
def month_day_year(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A month and day, with or without the year: "June 4, 2021", "Nov. 25", "March eighth"
    (without a year, the tense picks the year around the publication date). Not: ranges ("June
    4-6" gives June 4), "may first" in lower case (a verb)."""
    return resolve.full_date(m, ctx)


@pattern(
    rf"\b{DAY}\s+(?:of\s+)?{MONTH_WITH_MAY}(?:,?\s+{YEAR})?\b",
    ex("Signed on 4 June 2021.", "4 June 2021", "2021-06-04"),
    ex("They met on the 4th of June 2021.", "4th of June 2021", "2021-06-04"),
    needs=MONTH_KEYS,
    starts=COUNT_START,
)
def day_month_year(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A day before its month: "4 June 2021", "the 4th of June" (span without "the"). Not: a day
    in words ("fourth of June")."""
    return resolve.full_date(m, ctx)


@pattern(
    rf"\b{MONTH_WITH_MAY}\s+{DAY},?\s+(?P<rel>this|last|next)\s+year\b",
    ex("He was arrested on July 15 last year.", "July 15 last year", "2022-07-15"),
    ex("She became a citizen on October 13 this year.", "October 13 this year", "2023-10-13"),
    starts=CALENDAR_START,
    needs=(" this year", " last year", " next year"),
)
def month_day_rel_year(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A day of this, last or next year: "July 15 last year" is one expression, the year
    phrase naming the day's year (TIMEX3 spans it whole). Not: "July 15 of last year", a day
    that does not exist ("February 30 last year")."""
    return resolve.month_day_rel_year(m, ctx)


@pattern(
    rf"\b{MONTH_WITH_MAY}\s+(?P<rel>this|last|next)\s+year\b",
    ex("It opened in January this year.", "January this year", "2023-01"),
    ex("It closed in July last year.", "July last year", "2022-07"),
    starts=CALENDAR_START,
    needs=MONTH_KEYS,
)
def month_rel_year(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A month of this, last or next year: "July last year". Not: "July of last year"."""
    return resolve.month_rel_year(m, ctx)


@pattern(
    rf"\b(?:(?P<hour>\d{{1,2}})(?:[:.](?P<minute>\d{{2}}))?\s*(?P<ampm>a\.m\.|p\.m\.)|(?P<noon>noon|midnight))\s+(?:{ZONE}\s+)?(?:on\s+)?{WEEKDAY}\b",
    ex("Polls close at 10 p.m. Wednesday.", "10 p.m. Wednesday", "2023-05-31T22:00", tense="past"),
    ex("The offer expires at midnight Friday.", "midnight Friday", "2023-06-09T24:00", tense="future"),
    ex("Relatives have until 4 a.m. EDT Thursday to sign.", "4 a.m. EDT Thursday", "2023-06-08T04:00", tense="future"),
    needs=CLOCK_KEYS,
)
def time_weekday(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A clock time on a weekday: "10 p.m. Wednesday", "midnight Friday" (T24:00, the end of the
    day). Not: "Wednesday at 10 p.m." (two expressions), the time zone."""
    return resolve.time_weekday(m, ctx)


@pattern(
    rf"\b{MONTH_WITH_MAY},?\s+(?:of\s+)?{YEAR}\b",
    ex("The visit in March 2021 went well.", "March 2021", "2021-03"),
    starts=CALENDAR_START,
    needs=MONTH_KEYS,
)
def month_year(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A month of a year: "March 2021", "May of 1998". Not: a year in words (the pattern
    ``spelled_year``)."""
    return resolve.month_year(m, ctx)


@pattern(
    rf"\b(?:(?P<this>this\s+year['’]s)|the\s+(?P<ago>year-ago|year-earlier)|the\s+{YEAR})\s+(?P<ord>first|second|third|fourth)[\s-]+quarter\b",
    ex("Net in this year's third quarter fell.", "this year's third quarter", "2023-Q3"),
    ex("Net in the year-ago third quarter fell.", "the year-ago third quarter", "2022-Q3"),
    ex("In the 1988 third quarter it lost money.", "the 1988 third quarter", "1988-Q3"),
    needs=("quarter",),
    starts=opening_words("this", "the"),
)
def year_quarter(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A quarter of a named year: "this year's third quarter", "the year-ago third quarter",
    "the 1988 third quarter". Not: "last year's third quarter"."""
    return resolve.year_quarter(m, ctx)


_MONTH_NAME = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"


@pattern(
    rf"\bthe\s+(?P<first>{_MONTH_NAME})\s*[-–/]\s*(?P<last>{_MONTH_NAME})(?:\s+{YEAR})?\s+quarter\b",
    ex("Sales rose in the April-June quarter.", "the April-June quarter", "2023-Q2"),
    ex("Imports grew in the July-September 2005 quarter.", "the July-September 2005 quarter", "2005-Q3"),
    needs=("quarter",),
    starts=THE_START,
)
def month_range_quarter(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A calendar quarter named by its months, "the April-June quarter": one expression, the
    quarter's value (2023-Q2), its year read like "the second quarter". Not: months that are
    no calendar quarter ("the June-August quarter": a fiscal one), "April-June" without
    "quarter" (a range of months)."""
    return resolve.month_range_quarter(m, ctx)


@pattern(
    rf"\b(?:the\s+(?:fiscal\s+)?(?!\w+-quarter\b))?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter|q(?P<qnum>[1-4]))(?:(?:\s+of)?\s+{YEAR})?\b",
    ex("Profits in the third quarter.", "the third quarter", "2023-Q3"),
    ex("Third-quarter profit rose.", "Third-quarter", "2023-Q3"),
    ex("Results in Q4 2022 were weak.", "Q4 2022", "2022-Q4"),
    needs=("quarter", "q1", "q2", "q3", "q4"),
    starts=opening_words("the", "first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th", "q"),
)
def quarter(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """An ordinal quarter, of a year or this one: "the third quarter", "third-quarter", "Q3",
    "the first quarter of 2021". Not: fiscal years off the calendar (read as calendar quarters),
    "the final quarter"."""
    return resolve.quarter(m, ctx)


@pattern(
    r"\b(?P<prep>by|at|since|before|until|till|through|after|around)\s+(?P<t>(?:the\s+)?(?:year[-\s]end|year['’]s\s+end|end\s+of\s+the\s+year))\b",
    ex("The deal should close by year-end.", "year-end", "2023", tense="future"),
    ex("The index is up 5% since year-end.", "year-end", "2022"),
    needs=("year-end", "year end", "year's end", "year’s end", "end of the year"),
    starts=PREPOSITION_START,
)
def year_end(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """The end of the year after a preposition ("by year-end", "since the end of the year"):
    the year ("since": the last one; the preposition is not in the span). Not: "year-end
    results" (a modifier, no preposition)."""
    return resolve.year_end(m, ctx)


@pattern(
    rf"\b(?:the\s+)?(?P<which>first|second|last|latter)\s+half(?:\s+of\s+(?:{YEAR}|(?P<rel>this|next|last)\s+year|the\s+year))?\b(?!\s+of\b|-)",
    ex("Profit rose in the last half of 1989.", "the last half of 1989", "1989-H2"),
    ex("Sales should pick up in the second half.", "the second half", "2023-H2"),
    needs=("half",),
    starts=opening_words("the", "first", "second", "last", "latter"),
)
def half_year(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A half of a year, or of this one: "the first half of 1990", "the second half". Not:
    halves of anything else ("the first half of the game")."""
    return resolve.half_year(m, ctx)


@pattern(
    rf"\bthe\s+(?:(?:latest|last|recent|current|fiscal|full|year-ago|year-earlier|comparable|corresponding|same|{YEAR})\s+){{0,3}}(?P<which>quarter|period|year|weekend|week)\b(?:(?P<ago_after>\s+(?:a\s+year\s+(?:ago|earlier|before)|(?:of\s+)?(?:the\s+)?(?:last|previous)\s+year)\b)|(?:(?<=same\speriod)|(?<=same\squarter)|(?<=corresponding\speriod))\s+of\s+(?P<of_year>(?:1[89]|20|21)\d\d)\b(?![-/]\d))?(?![\s-]+(?:old|long|earlier|ago|to-)|\s+(?:of\s+)?(?:1[89]|20|21)\d\d\b)",
    ex("Orders rose in the current quarter.", "the current quarter", "2023-Q2"),
    ex("Net was $2 million for the corresponding period last year.", "the corresponding period last year", "2022-Q1"),
    ex("Sales rose 8% from the same period of last year.", "the same period of last year", "2022-Q1"),
    ex("Exports rose 8% from the same period of 2021.", "the same period of 2021", "2021"),
    ex("The year ended March 31 was good.", "The year", "P1Y"),
    ex("Crews will reopen the road by the weekend.", "the weekend", "2023-W23-WE", tense="future"),
    ex("Shares fell over the weekend.", "the weekend", "2023-W22-WE", tense="past"),
    needs=("the",),
    starts=THE_START,
)
def the_quarter(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"the quarter", "the latest period", "the year", "the weekend": the period the article
    reports on (earnings news); "the year ended March 31" is a one-year DURATION; the year it
    is compared with is one expression with it ("the same period last year", "the same period
    of last year", "the same period of 2021": TIMEX3 spans the whole comparison). Not: "the
    year-old", "the quarter-to-quarter comparison", "the period of 1990-95"."""
    return resolve.the_period(m, ctx)


@pattern(
    rf"\b(?:(?P<which>this|last|next|that)\s+|the\s+)?(?P<season>spring|summer|autumn|winter)(?:\s+(?:of\s+)?(?:{YEAR}|{SPELLED_YEAR}))?\b",
    ex("Built last summer.", "last summer", "2022-SU"),
    ex("He spent that summer abroad.", "that summer", "2022-SU", tense="past", published=date(2023, 1, 16)),
    ex("It was as cold as the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "1994-WI"),
    ex("Pharmacists have warned since the autumn.", "the autumn", "2022-FA", tense="past", published=date(2023, 1, 16)),
    ex("The park reopens in the spring.", "the spring", "2024-SP", tense="future"),
    ex("Talks stalled over the summer.", "the summer", "2022-SU", tense="past", published=date(2023, 1, 16)),
    needs=("spring", "summer", "autumn", "winter"),
    starts=opening_words("this", "last", "next", "that", "the", "spring", "summer", "autumn", "winter"),
)
def season(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A season, of a year or near the publication date: "last summer", "the winter of 1994";
    without a year, by its modifier and the tense of its clause (``calendar_values.season_year``).
    Its determiner is part of it ("in the spring": "the spring", as TimeML and the news gold keep
    determiners). "that summer" is first read like a season alone and re-read from the story's
    last date by ``context.anchor_anaphora``. Not: "fall" alone (the pattern ``season_fall`` needs "this", "last" or "next"), seasons of
    the southern hemisphere."""
    return resolve.season(m, ctx)


@pattern(
    r"\b(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)",
    ex("Opens at 3 p.m. today", "3 p.m.", "2023-06-05T15:00"),
    ex("The office opens at 9 a.m.", "9 a.m.", "2023-06-05T09:00"),
    ex("The ferry left at 6.45 a.m.", "6.45 a.m.", "2023-06-05T06:45", tense="past"),
    needs=("am", "pm", "a.m", "p.m"),
    starts=COUNT_START,
)
def clock_time(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A clock time on the publication date ("3 p.m.", "6.45 a.m." as British papers write it;
    after a date, ``anchor_anaphora`` moves it to that day). Not: 24-hour times ("15:00"), hours
    outside 1-12."""
    return resolve.clock_time(m, ctx)


@pattern(
    r"\b(?P<which>this|yesterday|tomorrow|last)\s+(?P<part>morning|afternoon|evening|night)\b",
    ex("It rained yesterday morning.", "yesterday morning", "2023-06-04TMO"),
    ex("She left yesterday afternoon.", "yesterday afternoon", "2023-06-04TAF"),
    needs=("morning", "afternoon", "evening", "night"),
    starts=opening_words("this", "yesterday", "tomorrow", "last"),
)
def part_of_day(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A part of today, yesterday or tomorrow: "yesterday morning", "last night" (a TIME with
    MO, AF, EV or NI). Not: "the morning" alone; a weekday's part (the pattern ``weekday_part``)."""
    return resolve.part_of_day(m, ctx)


@pattern(
    rf"\b(?:(?:early|late|earlier|later)\s+)?(?P<deictic>yesterday|today(?!['’]s\s+{GENERIC_PRESENT})|tonight|tomorrow)\b",
    ex("It rained yesterday.", "yesterday", "2023-06-04"),
    ex("He came home tonight.", "tonight", "2023-06-05TNI"),
    needs=("yesterday", "today", "tonight", "tomorrow"),
    starts=opening_words("early", "earlier", "late", "yesterday", "today", "tonight", "tomorrow"),
)
def deictic_day(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"yesterday", "today", "tomorrow", "tonight" (a TIME). Not: "today's world" and other
    generic present ages."""
    return resolve.deictic_day(m, ctx)


@pattern(
    rf"\b{NUM}[\s-]+{UNIT}\s+(?P<dir>earlier|later)\b(?!\s+than\b)",
    ex("Sales were lower a year earlier.", "a year earlier", "2022"),
    ex("A month later the talks resumed.", "A month later", "2023-07"),
    ex("Two days later the talks resumed.", "Two days later", "P2D"),
    needs=("earlier", "later"),
    starts=COUNT_START,
)
def anchored(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A count of units before or after: "a year earlier" (a date from the publication date);
    days, hours and minutes ("two days later") are DURATIONs, counted from the story's event.
    Not: the story's own date as the anchor of years and months (TimeML's reading); "two
    years later than planned" (an amount of delay: the duration "two years")."""
    return resolve.anchored(m, ctx)


@pattern(
    r"\byear-(?:earlier|ago)\b(?!\s+(?:quarter|period|level|month|week))",
    ex("Compared with year-earlier sales.", "year-earlier", "2022"),
    needs=("year-",),
    starts=opening_words("year"),
)
def year_earlier(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"year-earlier", "year-ago" as a modifier: last year. Not: "the year-ago quarter" (the
    pattern ``the_quarter``), "year-ago levels"."""
    return resolve.year_earlier(m, ctx)


@pattern(
    rf"\b(?:(?:nearly|almost|about|around|roughly|some|more\s+than|over)\s+)?{NUM_GROUPED}\s+{UNIT}(?:\s+or\s+so)?\s+ago\b",
    ex("He left two years ago.", "two years ago", "2021"),
    ex("The ship sank around 1,100 years ago.", "around 1,100 years ago", "0923"),
    ex("Profit was lower two quarters ago.", "two quarters ago", "2022-Q4"),
    ex("The wall fell a decade ago.", "a decade ago", "2013", tense="past"),
    ex("He called a week or so ago.", "a week or so ago", "2023-W22", tense="past"),
    ex("The plant shut over six months ago.", "over six months ago", "2022-12", tense="past"),
    needs=("ago",),
    starts=COUNT_START,
)
def ago(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A count of units ago ("a week or so ago" with its approximation): the date that far back,
    at the unit's granularity; "over" before the count can only mean "more than" here ("over
    six months ago"), a modifier kept in the span. Not: hours and
    minutes ago (dropped), "years ago" without a count (the pattern ``vague_ago``)."""
    return resolve.ago(m, ctx)


@pattern(
    rf"\b(?:the\s+(?=(?:past|coming)\s))?{REL}\s+(?P<relunit>week|weekend|month|year|quarter)\b",
    ex("Prices rose last week.", "last week", "2023-W22"),
    ex("Talks resume next month.", "next month", "2023-07"),
    ex("Sales fell earlier this month.", "earlier this month", "2023-06"),
    ex("Rents rose 11 percent over the past year.", "the past year", "P1Y"),
    ex("More than 2,100 people slept on floors in the past week.", "the past week", "P1W"),
    starts=CALENDAR_START,
    needs=("week", "month", "year", "quarter"),
)
def relative_unit(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """This, last or next week, weekend, month, quarter or year; "the past week", "the past
    month" and "the past year" are the stretch up to now, a DURATION of one unit (P1Y, as the
    news gold writes them with "the past two years": P2Y).

    Notes:
        TimeBank and TE3 silver write "the past year" and "the past week" as the DATE of the
        year or week before; this follows the news gold. "the past weekend" and "the past
        quarter" stay DATEs. Not: "the last week" (a duration, the pattern ``duration_words``)."""
    return resolve.relative_unit(m, ctx)


@pattern(
    rf"\b(?:(?:early|late)\s+)?(?:(?P<wrel>last|next|this\s+coming|this|the\s+previous)\s+)?{WEEKDAY}\b",
    ex("He arrived on Sunday.", "Sunday", "2023-06-04", tense="past"),
    ex("They will meet on Tuesday.", "Tuesday", "2023-06-06", tense="future"),
    ex("The index fell 4.5% from the previous Friday.", "the previous Friday", "2023-05-26"),
    needs=("day",),
    starts=CALENDAR_START,
)
def weekday(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A weekday, alone or after "last", "next", "this (coming)", "the previous": the nearest
    one the tense points to (untensed: back). Not: plural weekdays ("on Sundays", a habit)."""
    return resolve.weekday(m, ctx)


@pattern(
    r"(?<!end\sof\s)(?<!start\sof\s)(?<!middle\sof\s)(?<!beginning\sof\s)\bthe\s+(?:next|last|previous|coming|following)\s+(?P<unit>decade)\b(?![-\s]+(?:old|long|of)\b)",
    ex("The bases will be dismantled over the next decade.", "the next decade", "P1DE"),
    ex("Wages lost to inflation in the last decade.", "the last decade", "P1DE"),
    needs=("decade",),
    starts=THE_START,
)
def the_rel_decade(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"the next decade", "the last decade": a stretch of ten years from or up to the paper, a
    DURATION of one decade, as "the past decade" (the pattern ``duration_vague``). Not: "the
    last decade of the century" (a decade of a named period), "a decade-long war", "the middle
    of the last decade" (a part of the decade before the paper's: ``decade_of_publication``)."""
    return resolve.duration_vague(m, ctx)


@pattern(
    rf"\b(?:the\s+|a\s+(?=few\b))?(?:(?:next|last|past)\s+)?{FEW}\s+{UNIT}\b",
    ex("Over the next few years.", "the next few years", "PXY"),
    ex("It took a few days.", "a few days", "PXD"),
    ex("Crime fell over the past decade.", "the past decade", "P1DE"),
    needs=("few", "several", "many", "coming", "past"),
    starts=COUNT_START,
)
def duration_vague(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A stretch of unknown length: "the next few years" (PXY); "the past decade" is one unit.
    Not: "a few years ago" (the pattern ``vague_ago``)."""
    return resolve.duration_vague(m, ctx)


@pattern(
    r"\b(?P<num>\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty)-(?P<unit>day|week|month|year|hour|minute|second)\b(?!-old)",
    ex("A two-day visit.", "two-day", "P2D"),
    ex("A 30-year mortgage.", "30-year", "P30Y"),
    ex("Each move adds a 10-second increment.", "10-second", "PT10S"),
    ex("A five-second delay.", "five-second", "PT5S"),
    needs=("-",),
    starts=COUNT_START,
)
def duration_hyphen(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A hyphenated duration modifier: "two-day", "30-year", "10-second" (PT10S). Not: ages
    ("6-year-old")."""
    return resolve.duration_hyphen(m, ctx)


@pattern(
    rf"\b(?=[\dtfsenlcp])(?:(?:the\s+)?(?:next|last|past|first|coming|following)\s+)?(?P<low>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?=\s*(?:to|or|-|–)\s*[\dtfsen])\s*(?:to|or|-|–)\s*{NUM_MEASURED}\s+{UNIT}\b(?!-old|\s+old\b)",
    ex("Shipments resume within two to three weeks.", "two to three weeks", "P3W"),
    ex("The acquisitions come over the next 12 to 18 months.", "the next 12 to 18 months", "P18M"),
    ex("Results come in two or three days.", "two or three days", "P3D"),
    needs=(" to ", " or ", "-", "–"),
    starts=COUNT_START,
)
def duration_count_range(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A duration given as a range of counts, "two to three weeks", "four or five years",
    "10-15 years": one expression (TIMEX3 cannot split the count from its unit); its value is
    the upper count, the one written with the unit. Not: "between 60 and 90 days" (two
    expressions), "five to 10 people", "3-5 years old" (an age)."""
    return resolve.duration_count_range(m, ctx)


@pattern(
    r"\b(?:(?:nearly|almost|about|some|more\s+than|less\s+than|over|at\s+least)\s+)?half\s+(?:a|an)\s+(?P<unit>hour|minute|day|year|decade|century)\b(?!-)",
    ex("Talks lasted half an hour.", "half an hour", "PT30M"),
    ex("The family has farmed here for half a century.", "half a century", "P50Y"),
    ex("Prices have doubled in less than half a decade.", "less than half a decade", "P5Y"),
    needs=("half",),
    starts=COUNT_START,
)
def half_unit(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """Half of one unit: "half an hour" (PT30M), "half a day" (PT12H), "half a year" (P6M),
    "half a decade" (P5Y), "half a century" (P50Y). Not: "half a week" or "half a month"
    (no whole count of a smaller unit in TIMEX3's usage), "the first half" (a half of a year,
    the pattern ``half_year``), "half-hour" as an adjective."""
    return "DURATION", {"hour": "PT30M", "minute": "PT30S", "day": "PT12H", "year": "P6M", "decade": "P5Y", "century": "P50Y"}[m["unit"].lower()], True


# "over" and "under" as a count's modifier, after a preposition or "than" ("in over six years",
# "for under a month"): the words before are checked after "over" or "under", not before it, so
# that the regex engine runs these lookbehinds only where one of the two words is.
_AFTER_PREPOSITION = "(?:" + "|".join(rf"(?<=\b{before}\s{word})" for before in ("in", "for", "after", "within", "of", "only", "than") for word in ("over", "under")) + ")"


@pattern(
    rf"\b(?:(?:the\s+)?(?:next|{LAST_NOT_VERB}|past|first|final|following|coming|previous)\s+(?!over\s|an?\s)|the\s+)?(?:(?:nearly|almost|some|about|around|roughly|approximately|more\s+than|less\s+than|up\s+to|at\s+least|another|just\s+(?:over|under)|(?:over|under){_AFTER_PREPOSITION})\s+)?{NUM_MEASURED}(?P<half>\s+1/2|\s+and\s+a\s+half)?\s+(?:more\s+|additional\s+|trading\s+|business\s+|working\s+|consecutive\s+|straight\s+|successive\s+|full\s+|whole\s+|(?:long|good|hard|tough|difficult|happy|great|bad|painful|turbulent|successful)\s+(?=[a-z]+s\b))?{UNIT}\b(?P<and_half>\s+and\s+a\s+half\b)?(?:\s+or\s+so\b)?(?!-[a-z]|\s+old\b)",
    ex("It lasted three weeks.", "three weeks", "P3W"),
    ex("Work took 2 1/2 years.", "2 1/2 years", "P2Y6M"),
    ex("Profit in the first nine months rose.", "the first nine months", "P9M"),
    ex("The strike will last a week.", "a week", "P1W"),
    ex("The empire lasted more than 2,000 years.", "more than 2,000 years", "P2000Y"),
    ex("The mill has stood for more than a century.", "more than a century", "P1CE"),
    ex("He played 30.8 minutes a game.", "30.8 minutes", "PT30.8M"),
    ex("The currency fell in the last twenty-four hours.", "the last twenty-four hours", "PT24H"),
    ex("Autonomy was promised for the following 50 years.", "the following 50 years", "P50Y"),
    ex("Patients stay under watch for another week.", "another week", "P1W"),
    ex("He will coach the team for another two years.", "another two years", "P2Y"),
    ex("He gave this club four good years.", "four good years", "P4Y"),
    ex("Prices should hold for the next two years or so.", "the next two years or so", "P2Y"),
    ex("The loan is repaid over three years.", "three years", "P3Y"),
    ex("Shares hit their lowest level in over six years.", "over six years", "P6Y"),
    ex("The strike is expected to last at least two months.", "at least two months", "P2M"),
    ex("The festival will last 16 days.", "16 days", "P16D"),
    ex("Keepers coaxed him down after about 40 minutes.", "about 40 minutes", "PT40M"),
    ex("The record run took just over nine minutes.", "just over nine minutes", "PT9M"),
    ex("The crossing takes under 40 minutes.", "40 minutes", "PT40M"),
    ex("She finished in under 40 minutes.", "under 40 minutes", "PT40M"),
    needs=(),
    starts=COUNT_START,
)
def duration_words(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A count of units: "three weeks", "the past 20 years", "2 1/2 years", "a minute and a
    half", "2,000 years", "30.8 minutes" (a decimal count stays in the value: PT30.8M),
    "another week" (one more: P1W), "another two years", "four good years" (an evaluative
    adjective before a plural unit), "two years or so", "about 40 minutes" (approximations:
    TIMEX3 keeps them in the span, as TimeBank writes "about two years"); "over" and "under"
    after a preposition or "just" mean "more than" and "less than" and are kept ("in over six
    years", as MEANTIME writes it; "in under 40 minutes", "just over nine minutes"). Not: "over" as a preposition of its
    own ("a pay rise over three years": "three years", as the news gold and TE3 leave it out),
    "last" as a verb ("will last 16 days": "16 days"; ``fragments.LAST_NOT_VERB``), "a good year" (a judgement of a year, no count),
    ages ("52 years old"), a speed ("60 kilometres an hour"), a unit that opens a compound modifier ("a year-on-year rise", "a
    week-long visit": the pattern ``duration_adjective`` reads "week-long"), a count followed by "ago" (the pattern ``ago``), the tail of a
    number ("0.8 minutes" inside "30.8 minutes", "000 years" inside "2,000 years")."""
    return resolve.duration_words(m, ctx)


@pattern(
    r"\brecent\s+(?P<unit>month|week|day|year|decade)s\b",
    ex("Prices rose in recent weeks.", "recent weeks", "PXW"),
    ex("Prices rose in recent years.", "recent years", "PXY"),
    ex("Rainfall has fallen in recent decades.", "recent decades", "PXDE"),
    needs=("recent",),
    starts=opening_words("recent"),
)
def recent_plural(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"recent weeks", "recent years": a stretch of unknown length up to now (a DURATION with X
    for the count, as every plural unit without a count). Not: "recent hours"."""
    return resolve.recent_plural(m, ctx)


@pattern(
    r"(?=[fiodt])\b(?:for|in|over|during|through|throughout)\s+(?P<t>the\s+(?:(?P<mod>early|first|last|past|following|ensuing|intervening|final|closing)\s+)?(?(mod)|(?!hours\b))(?P<unit>day|week|month|year|decade|hour)s)\b(?(mod)|(?!\s+of\b))(?!['’]|\s+(?:old|when|in\s+which)\b|\s+(?:of\s+)?(?:19|20)\d\d)",
    ex("Support grew over the years.", "the years", "PXY"),
    ex("The rifle was buried in the days before the shooting.", "the days", "PXD"),
    ex("Many prisoners were taken in the first hours of the war.", "the first hours", "PTXH"),
    ex("Prices may fall in the weeks ahead.", "the weeks", "PXW"),
    needs=("the ",),
    starts=PREPOSITION_START,
)
def the_plural_unit(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A stretch of unknown length named by a plural unit with "the" after a preposition:
    "over the years", "in the days before the vote", "in the first hours" (a DURATION with X
    for the count; the preposition is not in the span). Not: "the years of war" and "the days
    when..." (the noun names an era of something, not a stretch of time; "the first hours
    of the war" is one; "the early months of 2007" is left to the year), "paid for the hours we work" (hours without a modifier count work,
    not a stretch), "the years 1990
    to 1995", "the past few years" (the pattern ``duration_vague``)."""
    return resolve.duration_vague(m, ctx)


@pattern(
    r"\b(?:for|in|over|within|after)\s+(?P<t>(?P<unit>day|week|month|year|decade|hour|minute)s|(?P<centuries>centuries))\b",
    ex("Prices rose for weeks.", "weeks", "PXW"),
    ex("Kyiv was ruled from Moscow for centuries.", "centuries", "PXCE"),
    needs=(),
    starts=PREPOSITION_START,
)
def duration_plural(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A bare plural unit after "for", "in", "over", "within", "after": a DURATION of unknown
    length (the preposition is not in the span). Not: "years ago" (the pattern ``vague_ago``)."""
    return resolve.duration_vague(m, ctx)


@pattern(
    r"\b(?:(?P<setword>hourly|(?<!business\s)(?<!regional\s)(?<!national\s)(?<!local\s)(?<!financial\s)daily|weekly|monthly|annually|yearly)|(?:every|each)\s+(?:single\s+|(?P<other>other)\s+)?(?P<setunit>day|week|month|quarter|year|hour))\b",
    ex("Held every year.", "every year", "P1Y"),
    ex("The bins are emptied every other week.", "every other week", "P2W"),
    ex("She trains every single day.", "every single day", "P1D"),
    ex("Average hourly earnings rose.", "hourly", "PT1H"),
    ex("A helpline will be staffed daily.", "daily", "P1D"),
    ex("Unisys pays $100 million in interest every quarter.", "every quarter", "P3M"),
    needs=("hourly", "daily", "weekly", "monthly", "annually", "yearly", "every", "each"),
    starts=SET_START,
    name="set",
)
def every_unit(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A unit that recurs, a SET: "daily", "every year", "every single day", "every other
    week" (each second one: P2W), "every quarter" (P3M: the news gold writes the SET in months,
    TIMEX3's duration units having no quarter; TimeBank's one "every quarter" has P1Q). Not:
    "every two years", "twice a year", "the business daily"
    or "the Porto daily Jornal do Norte", "the Nairobi Daily Ledger" (newspapers: see
    ``expressions._names_a_paper``)."""
    return resolve.every_unit(m, ctx)


@pattern(
    r"\b(?:(?:several|a\s+few|many|some)\s+)?(?:decades|years|months|weeks|days)\s+ago\b",
    ex("He left several years ago.", "several years ago", "PAST_REF"),
    ex("The company was bleeding just months ago.", "months ago", "PAST_REF"),
    needs=("ago",),
    starts=COUNT_START,
)
def vague_ago(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """Units ago without a count: the vague past (PAST_REF). Not: "two years ago" (the pattern
    ``ago``)."""
    return resolve.past_ref(m, ctx)


@pattern(
    r"\b(?P<mod>early|late|mid|last|next|this)[\s-]+(?P<month>january|february|march|april|june|july|august|september|october|november|december|may)\b",
    ex("The fair closed last May.", "last May", "2022-05"),
    ex("The fair closed last April.", "last April", "2023-04"),
    ex("It opens in early December.", "early December", "2023-12", tense="future"),
    starts=CALENDAR_START,
    needs=MONTH_KEYS,
)
def month_modified(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A month after "last", "next", "this", "early", "late", "mid": "last May", "mid-May".
    Not: "this march" in lower case (a protest)."""
    return resolve.month_modified(m, ctx)


@pattern(
    r"\b(?P<month>january|february|march(?!\s+(?:for|of|on|against)\b)(?!\s+to\b(?!\s+(?:january|february|april|may|june|july|august|september|october|november|december)\b))|april|june|july|september|october|november|december)\b(?!\s+\d)",
    ex("Talks will begin in January.", "January", "2024-01", tense="future"),
    ex("The season ran from March to May.", "March", "2024-03", tense="past", published=date(2024, 6, 10)),
    ex("Talks began in December.", "December", "2022-12", tense="past"),
    ex("The March accession will go ahead.", "March", "2024-03", tense="future"),
    needs=MONTH_KEYS,
    starts=CALENDAR_START,
)
def month_capitalised(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A capitalised month name alone, the year from the tense: "in January", "the March
    accession", "from March to May". Not: "May" and "August" (a verb, a name, an adjective; see
    ``month_alone``), "March for Life", "March to the parliament", lower-case "march"."""
    return resolve.month_alone(m, ctx)


@pattern(
    r"\b(?:in|since|by|until|till|during|before|after|of|from|to|through|between\s+(?:january|february|march|april|june|july|september|october|november|december)\s+and)\s+(?P<t>(?P<month>january|february|march|april|june|july|august|september|october|november|december|may))\b",
    ex("Results are due in May.", "May", "2023-05", tense="future"),
    ex("Doors opened on trains between January and May.", "May", "2023-05", tense="past"),
    ex("The season ran from March to May.", "May", "2024-05", tense="past", published=date(2024, 6, 10)),
    ex("It closed in August, the board said.", "August", "2022-08", tense="past"),
    needs=MONTH_KEYS,
    starts=PREPOSITION_START,
)
def month_alone(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A month after a preposition, "May" and "August" included ("in May", "from March to
    May", "between January and May"; the preposition is not in the span). Not: "May" without a preposition ("The May
    family")."""
    return resolve.month_alone(m, ctx)


@pattern(
    r"\b(?:more\s+(?=recently\b))?(?P<vague>recently|lately|now(?!-)|currently|current(?=\s+(?!of\b|accounts?\b|affairs\b|and\b|or\b|there\b|here\b|is\b|was\b|can\b|could\b|will\b|would\b|may\b|has\b|had\b|flows?\b|runs?\b|swept\b|carried\b|in\b|at\b|near\b|that\b|which\b)[a-z])|nowadays|presently|these\s+days|the\s+(?:near|short|long)\s+term|the\s+time\s+being|the\s+(?:near\s+)?future|the\s+past)\b",
    ex("Talks held recently.", "recently", "PAST_REF"),
    ex("More recently, the rules changed.", "More recently", "PAST_REF"),
    ex("We are ready now.", "now", "PRESENT_REF"),
    ex("Prices will fall in the near future.", "the near future", "FUTURE_REF"),
    ex("The plant stays open for the time being.", "the time being", "PRESENT_REF"),
    ex("Jobs are safe for the long term.", "the long term", "FUTURE_REF"),
    needs=("recently", "lately", "now", "current", "presently", "future", "past", "these days", " term", "time being"),
    starts=opening_words("more", "recent", "lately", "now", "current", "presently", "the"),
)
def vague(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """The vague past, present or future: "recently" ("more recently": the comparative is a
    modifier, kept in the span), "now", "current", "the near future". Not:
    "Now," opening a sentence (a discourse marker), "the current account", "the now-cancelled
    deal" (a modifier of the adjective, not a time of the clause), the noun "current" ("the
    current there can reach seven knots": a verb, an adverb or a preposition after it)."""
    return resolve.vague(m, ctx)


@pattern(
    r"\b(?<!most\s)(?<!more\s)(?<!less\s)(?P<t>recent)\s+(?!and\b|or\b|past\b|times\b)[a-z]",
    ex("Investors feared the recent losses.", "recent", "PAST_REF"),
    ex("He cited a recent SEC filing.", "recent", "PAST_REF"),
    needs=("recent",),
    starts=opening_words("recent"),
)
def recent_adjective(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"recent" before the noun it dates ("the recent sale", "recent losses"): the vague past,
    a DATE PAST_REF, as TIMEX3 reads the temporal adjectives ("current" is PRESENT_REF in the
    pattern ``vague``); the span is the adjective alone. Not: "recent weeks", "recent years"
    (the pattern ``recent_plural``), "the most recent model" (a rank among things, not a
    time), "in recent times" (left to the plural patterns' notes: an idiom for "lately")."""
    return resolve.past_ref(m, ctx)


PATTERNS: tuple[TimexPattern, ...] = (
    # written dates and named days, longest first; clock times on a date or weekday
    iso_date, named_early_year, holiday, election_night, the_new_year, season_of_that_year, same_month_year_back, anaphoric, set_named, set_part, weekday_parts_plural, every_part_of_hour, every_count, part_of_period, part_of_relative_unit, year_two_thousand, the_year_numbered, clock_on_day, time_date, clock_zone_on_day, clock_zone, clock_24h_on_day, clock_24h,
    part_of_date, week_of, week_of_month, ordinal_unit,
    month_range_quarter, weekday_date, month_day_rel_year, day_range, month_day_year, day_month_year, month_rel_year, time_weekday, month_year,
    # quarters, halves, reporting periods, seasons
    year_quarter, quarter_of_year, final_quarter, quarter, year_end, part_of_year, half_year, the_quarter, season, season_fall,
    # times of day, days and weeks around the publication date
    clock_time, clock_words, noon_midnight, mid_part_of_day, part_of_day, deictic_day, the_day, the_part_of_day, trading_part_of_day, night_before, anchored, year_earlier, ago, relative_unit, weekday_part, weekday,
    # durations and sets
    coming_ref, times_per_unit, the_rel_decade, duration_vague, duration_compound, duration_adjective, duration_hyphen, duration_seconds, plural_weekends, plural_weekdays, fortnight, couple_of, duration_count_range, half_unit, duration_words, recent_plural, the_plural_unit, duration_plural, every_unit,
    # decades, centuries, years, months alone, the vague past, present and future
    early_year, decade_of_publication, spelled_decade, decade, early_decade, century, spelled_century, spelled_year, vague_ago, year_range, slash_date, apostrophe_year, year, historic_year, month_modified, month_capitalised, month_alone, recent_adjective, vague,
)
