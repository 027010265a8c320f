"""TIMEX3 TIME patterns beyond clock times with a.m./p.m.: parts of a day with a weekday or a
date, clock times in words ("six in the morning", "midnight"). Part of ``PATTERNS``
(``transforms.time.patterns``), which orders them; values follow the TIMEX3 guideline: a part
of a day is the day's value with its code (``TMO``, ``TAF``, ``TEV``, ``TNI``), a clock time the
day's value with ``Thh:mm`` (the midnight that ends a day is ``T24:00``).
"""

from __future__ import annotations

import re
from datetime import timedelta

from transforms.time import resolve
from transforms.time.fragments import CALENDAR_START, DAY, MONTH_WITH_MAY, THE_START, WEEKDAY, YEAR, opening_words
from transforms.time.timex_rule import Resolution, ResolveContext, pattern
from transforms.time.timex_rule import timex_example as ex

DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_HOUR_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12,
}
HOUR = r"(?P<hour>1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


@pattern(
    rf"\b(?:(?P<wrel>last|next|this\s+coming|this)\s+)?{WEEKDAY}\s+(?P<part>morning|afternoon|evening|night)\b(?!s)",
    ex("They met Thursday morning.", "Thursday morning", "2023-06-01TMO", tense="past"),
    ex("The deal fell through on Monday evening.", "Monday evening", "2023-06-05TEV", tense="past"),
    ex("They meet again next Wednesday evening.", "next Wednesday evening", "2023-06-07TEV", tense="future"),
    ex("Troops crossed the border early Saturday morning.", "Saturday morning", "2023-06-03TMO", tense="past"),
    starts=CALENDAR_START,
    needs=("day",),
)
def weekday_part(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A weekday's morning, afternoon, evening or night: a TIME, the day with its part-of-day
    code (TMO, TAF, TEV, TNI); "last", "next" or "this" before the day is part of it and
    places the day as it does for the weekday alone ("next Wednesday evening": the first
    Wednesday after publication). Not: "Friday mornings" (a habit), "early" or "late" before
    the day (TE3 splits on it, 7 in and 9 out; TimeBank leaves it out)."""
    return resolve.weekday_part(m, ctx)


@pattern(
    rf"\bthe\s+(?P<part>morning|afternoon|evening|night)\s+of\s+(?:{WEEKDAY},?\s+)?{MONTH_WITH_MAY}\s+{DAY}(?:,?\s+{YEAR})?\b",
    ex("The solvent escaped on the night of July 14, 2018.", "the night of July 14, 2018", "2018-07-14TNI"),
    ex("Polls close on the evening of Tuesday, June 6.", "the evening of Tuesday, June 6", "2023-06-06TEV", tense="future"),
    needs=("morning of", "afternoon of", "evening of", "night of"),
)
def part_of_date(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"the night of July 14, 2018": a part of a written date, a TIME with its part-of-day code.
    Not: "the morning of the vote" (no date: the event noun is no expression)."""
    day = resolve.full_date(m, ctx)
    if day is None:
        return None
    return "TIME", f"{day[1]}T{DAY_PARTS[m['part'].lower()]}", day[2]


def _day_of(ctx: ResolveContext, offset: int = 0) -> str | None:
    return None if ctx.reference is None else (ctx.reference + timedelta(days=offset)).isoformat()


# Words before a clock time in words that make "six this morning" an hour, not a count.
_CLOCK_LEAD = re.compile(r"\b(?:at|by|until|till|before|after|around|about|from|since)\s+$", re.IGNORECASE)


@pattern(
    rf"\b{HOUR}(?:\s+o['’]clock)?\s+(?:in\s+the|(?P<this>this))\s+(?P<part>morning|afternoon|evening)\b|\b{HOUR.replace('hour', 'oclock')}\s+o['’]clock\b",
    ex("Her sister saw it on television at six in the morning.", "six in the morning", "2023-06-05T06:00"),
    ex("We were up until 4 in the morning.", "4 in the morning", "2023-06-05T04:00"),
    ex("He will leave at 4 in the morning.", "4 in the morning", "2023-06-06T04:00", tense="future"),
    ex("The vote starts at eight in the evening.", "eight in the evening", "2023-06-05T20:00"),
    ex("The bells rang at ten o'clock.", "ten o'clock", "2023-06-05T10:00"),
    ex("I walked the rows at six this morning.", "six this morning", "2023-06-05T06:00", tense="past"),
    needs=("in the morning", "in the afternoon", "in the evening", "this morning", "this afternoon", "this evening", "o'clock", "o’clock"),
)
def clock_words(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A clock time in words: "six in the morning", "4 in the afternoon", "ten o'clock", "six
    this morning", on the publication date (after a day, ``anchor_anaphora`` does not move
    it). Not: "one in the
    morning's papers" is read as 01:00 too; "twelve o'clock" is noon; "five this morning" only
    after a preposition of time ("at six this morning"; "met five this morning" is a count)."""
    if m["this"] and not _CLOCK_LEAD.search(m.string, 0, m.start()):
        return None  # "met five this morning": a count, no hour, without "at" or "by" before it
    word = (m["hour"] or m["oclock"]).lower()
    hour = int(word) if word.isdigit() else _HOUR_WORDS[word]
    part = (m["part"] or "").lower()
    if part in ("afternoon", "evening") and hour < 12:
        hour += 12
    elif part == "morning" and hour == 12:
        hour = 0
    # "will leave at 4 in the morning": the next morning.
    day = _day_of(ctx, 1 if part == "morning" and ctx.tense == "future" and not m["this"] else 0)
    if day is None:
        return "TIME", f"XXXX-XX-XXT{hour:02d}:00", False
    return "TIME", f"{day}T{hour:02d}:00", True


@pattern(
    r"\b(?<!high\s)(?P<word>midnight|noon|midday)\b(?![-\s]+(?:mass|sun)\b)",
    ex("The statement was posted shortly after midnight.", "midnight", "2023-06-04T24:00", tense="past"),
    ex("The offer expires at midnight.", "midnight", "2023-06-05T24:00", tense="future"),
    ex("The shop opens at noon.", "noon", "2023-06-05T12:00", tense="future"),
    needs=("midnight", "noon", "midday"),
    starts=opening_words("mid", "noon"),
)
def noon_midnight(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"noon", "midday", "midnight" alone, on the publication date; midnight is the one that
    ended the day before (``T24:00`` of that day) unless the clause is in the future. Not: "high
    noon" (a figure of speech, a film); with a weekday or a date ("noon Thursday") the patterns
    ``time_weekday`` and ``time_date`` take them first."""
    word = m["word"].lower()
    if word == "midnight":
        day = _day_of(ctx, 0 if ctx.tense == "future" else -1)
        return ("TIME", f"{day}T24:00", True) if day else ("TIME", "XXXX-XX-XXT24:00", False)
    day = _day_of(ctx)
    return ("TIME", f"{day}T12:00", True) if day else ("TIME", "XXXX-XX-XXT12:00", False)


@pattern(
    r"\b(?:(?:end|ends|ended|ending|finish|finishes|finished|finishing|close|closes|closed|closing)|(?:late|later)\s+in|(?<![a-z]\s)for)\s+(?P<t>the\s+day)\b(?!['’-]|\s+(?:of|before|after|when|that)\b)",
    ex("The index fell 3% to end the day at 7,114.", "the day", "2023-06-05", tense="past"),
    ex("Shares rebounded late in the day.", "the day", "2023-06-05", tense="past"),
    ex("The Nikkei closed down 6.4 percent. For the day, volume was thin.", "the day", "2023-06-05", tense="past"),
    needs=("the day",),
    starts=opening_words("end", "finish", "clos", "late", "for"),
)
def the_day(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"the day" a market or a match ends ("to end the day at 7,114", "closed the day higher",
    "later in the day", a wrap-up's "For the day, the index lost 2%" opening a sentence):
    the publication date (the verb or "in" is not in the span). Not: "rent a car for the day"
    (after a word: the length of a hire, not the day of the news), "on
    the day he fell ill", "the day before", "during the day" (a part of any day), "the day's
    gains" (a possessive), "earlier in the day" (TimeBank and TE3 leave it out)."""
    day = _day_of(ctx)
    return ("DATE", day, True) if day else ("DATE", "XXXX-XX-XX", False)


@pattern(
    r"\b(?:in|during|through|throughout|since|until|for|spent|spend|spends|spending|(?:much|most|part|all|rest)\s+of)\s+(?P<t>the\s+(?:(?:early|late)\s+)?(?P<part>morning|afternoon|evening))\b(?!['’]|\s+(?:of|after|before|papers?|news|sessions?|shift|show|edition|prayers?|trading)\b)",
    ex("Rebels attacked the town in the morning.", "the morning", "2023-06-05TMO", tense="past"),
    ex("The shadow will cross the coast in the early evening.", "the early evening", "2023-06-05TEV", tense="future"),
    ex("Talks resume in the afternoon.", "the afternoon", "2023-06-05TAF", tense="future"),
    ex("Theatres have been quiet since the morning.", "the morning", "2023-06-05TMO", tense="past"),
    ex("Volunteers spent the afternoon helping residents.", "the afternoon", "2023-06-05TAF", tense="past"),
    ex("Commentators had called it a draw for much of the evening.", "the evening", "2023-06-05TEV", tense="past"),
    needs=("the morning", "the afternoon", "the evening", "early morning", "early afternoon", "early evening", "late morning", "late afternoon", "late evening"),
)
def the_part_of_day(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"in the morning", "during the afternoon", "in the early evening", "for the evening", "spent
    the afternoon": a part of the publication day, a TIME with its code (the preposition or
    verb is not in the span). Not: "six in the morning" (the pattern
    ``clock_words``), "the morning of June 4" (``part_of_date``), "the morning after", "the
    morning papers"."""
    part = DAY_PARTS[m["part"].lower()]
    day = _day_of(ctx)
    return ("TIME", f"{day}T{part}", True) if day else ("TIME", f"XXXX-XX-XXT{part}", False)


@pattern(
    r"\b(?:in|during)\s+(?P<t>(?:(?:early|late)\s+)?(?P<part>morning|afternoon|evening))\s+trading\b",
    ex("Shares rose 6.2 percent in afternoon trading.", "afternoon", "2023-06-05TAF", tense="past"),
    ex("Shares jumped 24 percent in morning trading in Toronto.", "morning", "2023-06-05TMO", tense="past"),
    needs=("morning trading", "afternoon trading", "evening trading"),
)
def trading_part_of_day(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"in afternoon trading", "in morning trading": the part of a trading day a market report
    tells, a TIME with the part's code, re-dated like ``the_part_of_day`` (the day named in its
    sentence, else the story's day); MEANTIME and the news gold mark the part of the day there.
    Not: "in early trading", "in late trading" (no part of a day is named: TimeBank leaves
    them out)."""
    return the_part_of_day(m, ctx)


@pattern(
    r"\b(?:in|at|by|until|till|from|around|before|after|during)\s+(?P<t>(?:mid-?|early\s+|late\s+)(?P<part>morning|afternoon|evening)(?:\s+(?P<deictic>yesterday|today|tomorrow))?)\b(?![\s-]+(?:break|snacks?|coffee|tea|session|show|news|trading|raids?|flights?|hours|light|rush)\b)",
    ex("The mayor visited the site at mid-morning.", "mid-morning", "2023-06-05TMO", tense="past"),
    ex("In London at mid-afternoon yesterday, shares were up.", "mid-afternoon yesterday", "2023-06-04TAF", tense="past"),
    ex("Stations ran out of bottles by mid-afternoon.", "mid-afternoon", "2023-06-05TAF", tense="past"),
    ex("Officers diverted traffic until early afternoon.", "early afternoon", "2023-06-05TAF", tense="past"),
    needs=("mid-morning", "midmorning", "mid-afternoon", "midafternoon", "mid-evening", "midevening", "early morning", "early afternoon", "early evening", "late morning", "late afternoon", "late evening"),
)
def mid_part_of_day(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"at mid-morning", "by mid-afternoon", "until early afternoon": the middle (or the start,
    or the end) of a part of a day, its TIME with the
    part's code (TIMEX3 keeps "mid" as a modifier; the preposition is not in the span); like
    ``the_part_of_day``, re-dated by ``anchor_anaphora`` to the day named before or right after
    it, or to "yesterday", "today", "tomorrow" after it, in its span ("at mid-afternoon yesterday").
    Not: "a mid-morning break" (a modifier without a preposition), "in early morning trading"
    (the pattern ``trading_part_of_day``); "in the early evening" is ``the_part_of_day``'s."""
    offset = {"yesterday": -1, "tomorrow": 1, "today": 0}.get((m["deictic"] or "").lower())
    if offset is None or ctx.reference is None:
        return the_part_of_day(m, ctx)
    return "TIME", f"{_day_of(ctx, offset)}T{DAY_PARTS[m['part'].lower()]}", True


def _night_before(ctx: ResolveContext) -> Resolution | None:
    """The night before the paper in a past clause, the coming one in a future clause; None in a
    clause without a tense (a participle's modifier)."""
    if not ctx.tense:
        return None
    day = _day_of(ctx, 0 if ctx.tense == "future" else -1)
    return ("TIME", f"{day}TNI", True) if day else ("TIME", "XXXX-XX-XXTNI", False)


@pattern(
    r"(?P<t>(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bthrough\s)|(?<=\bthroughout\s)|(?<=\bspent\s)|(?<=\bspend\s)|(?<=\bspends\s)|(?<=\bspending\s))"
    r"the\s+night)\b(?!['’]|\s+(?:of|after|before|shift|sky|club|bus|train|flight)\b)",
    ex("Rescuers searched through the night.", "the night", "2023-06-04TNI", tense="past"),
    ex("Hundreds of travellers spent the night in the terminal.", "the night", "2023-06-04TNI", tense="past"),
    ex("Crews will work through the night to clear the line.", "the night", "2023-06-05TNI", tense="future"),
    needs=("the night",),
    starts=THE_START,
)
def night_before(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"through the night", "during the night", "spent the night": the night before the paper, a
    TIME with its code (news gold writes "talks ran through the night" in a Tuesday paper as
    Monday night); the coming night in a future clause. Not: "the night of June 4"
    (``part_of_date``), "the night before", "the night shift", a clause without a tense; the day
    a clause names ("ran through the night" after "on Monday") is not looked at."""
    return _night_before(ctx)
