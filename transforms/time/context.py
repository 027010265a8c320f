"""Temporal expressions read against the ones around them, after every pattern has matched.

"Later that year" takes the year of the last date before it, "the day before last Tuesday" moves
the date that follows it, "April 24 and 25" lends its month to "25", and "a year ago" after a
quarter in earnings news is that quarter a year before. These passes take and return the matches
of ``transforms.time.expressions.find_timexes`` (changed with ``dataclasses.replace``); an
expression a pass finds or re-reads names the pass in its ``pattern``.

``CONTEXT_PASSES`` is their registry, in the order ``find_timexes`` applies them (each pass
has its own arguments, so ``find_timexes`` calls them by name, in that order).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from collections.abc import Callable
from typing import TYPE_CHECKING

from transforms.lexicons import words
from transforms.rules import rule
from transforms.time.calendar_values import calendar_interval, safe_date, shift_days, shift_month, week_value
from transforms.time.timex_rule import timex_example as ex

if TYPE_CHECKING:
    from transforms.time.expressions import TimexMatch

# Expressions dated by the story's last date, not the paper's: "that same day", "later that
# year", "the following month", "the next morning".
# "the day before", "the week after": the unit before or after the story's date; not when a date
# follows ("the day before last Tuesday's hearing", "the day after tomorrow"), which
# ``day_before_after`` or the date's own pattern reads, nor an event ("the day before the
# cubs' debut", "the day after his arrival", "late in the day after falling"), which has no
# date to count from here.
_DATE_WORD = (
    r"(?:(?:last|next|this|yesterday|today|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|"
    r"july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|the|an?|his|her|its|their|our|my)\b|\d)"
)
_BEFORE_AFTER = rf"(?:before|after)\b(?!\s+{_DATE_WORD}|\s+\w+ing\b|\s*[-\u2013\u2014]\s*\w)"
ANAPHORIC = re.compile(
    r"\b(?:(?P<shift>earlier|later)\s+)?(?:that\s+(?:same\s+)?|the\s+(?P<rel>following|previous|same|next(?=\s+(?:day|morning|afternoon|evening|night)\b))\s+"
    rf"|(?<!\bin\s)the\s+(?=(?:day|morning|evening|night|week|month|year)\s+{_BEFORE_AFTER}))"
    r"(?P<unit>day|date|morning|afternoon|evening|night|weekend|week|month|year)\b(?!-|\s+(?:old|long|back|from|to)\b)"
    rf"(?:\s+(?P<dir>{_BEFORE_AFTER}))?"
)
_ANAPHORIC_STEP = {"following": 1, "next": 1, "previous": -1, "after": 1, "before": -1}
PART_OF_DAY_CODES = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}


def from_anchor(m: re.Match[str], anchor: date, granularity: str) -> tuple[str, str, bool] | None:
    """The value of an anaphoric expression seen from an anchor date of the given granularity
    ("day", "month" or "year"); None when the anchor is too coarse for the unit."""
    unit = m["unit"].lower().replace("date", "day")  # "since that date": the anchor's day
    # "that evening": the anchor's day with the TIMEX3 part-of-day code (TEV).
    part = PART_OF_DAY_CODES.get(unit, "")
    unit = "day" if part else unit
    step = _ANAPHORIC_STEP.get((m["rel"] or m["dir"] or "").lower(), 0)
    if unit in ("day", "week", "weekend") and granularity != "day" or unit == "month" and granularity == "year":
        return None
    if unit == "weekend" and step == 1 and anchor.weekday() < 5:
        # "classes end on Friday, June 29 ... a party the following weekend": the first weekend
        # after a weekday is the one of its own week
        step = 0
    if unit in ("day", "week", "weekend"):
        day = shift_days(anchor, step * (1 if unit == "day" else 7))
        if day is None:
            return None
        if part:
            return "TIME", day.isoformat() + part, True
        if unit == "weekend":
            # "that weekend": the weekend of the anchor's week ("the festival opens on Friday,
            # July 7 ... That weekend is worth a month of trade")
            return "DATE", week_value(day) + "-WE", True
        return "DATE", day.isoformat() if unit == "day" else week_value(day), True
    if unit == "month":
        year, month = shift_month(anchor.year, anchor.month, step)
        return "DATE", f"{year:04d}-{month:02d}", True
    return "DATE", f"{anchor.year + step:04d}", True


_BARE_CLOCK = re.compile(r"noon|midday|(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o['’]clock|\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.?|p\.m\.?|am|pm)|\d{1,2}[:.h]?\d{2}(?:\s*(?:utc|gmt|z|local\s+time|[ecmp][sd]t|bst|cet|cest|ist|jst))?")
# Clock times whose day follows them after "on" ("8 a.m. on Friday"): their value has it already.
_CARRY_THEIR_DAY = frozenset({"clock_on_day", "clock_zone_on_day", "clock_24h_on_day"})
# Parts of a day alone ("in the morning", "by mid-afternoon"): the day named before or right after.
_PARTS_OF_A_DAY = frozenset({"the_part_of_day", "mid_part_of_day", "trading_part_of_day"})
# The market's or the match's day ("to end the day at 7,114", "later in the day"): the day told, as
# a part of a day is.
_THE_DAY = frozenset({"the_day"})
# A weekday's part ("Friday afternoon") names its day as a weekday does, for the clock times after it.
_NAMED_DAY_PARTS = frozenset({"weekday_part"})
_OWN_DAY = re.compile(r"\b(?:yesterday|today|tomorrow)\b")
_ANCHOR_VALUE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?:T.*)?$")


def _anchor_of(timex: TimexMatch) -> tuple[date, str] | None:
    """The date (and its granularity) a resolved DATE or TIME gives later anaphora."""
    if timex.timex_type not in ("DATE", "TIME") or not timex.is_resolved:
        return None
    if (m := _ANCHOR_VALUE.match(timex.value)) is None:
        return None
    found = safe_date(int(m["year"]), int(m["month"] or 1), int(m["day"] or 1))
    if found is None:
        return None
    if timex.value.endswith("T24:00"):
        # The midnight that ends a day: what comes after it ("shut at midnight and would not
        # reopen before 4 p.m.") is on the next day.
        found = shift_days(found, 1) or found
    return found, "day" if m["day"] else ("month" if m["month"] else "year")


# A sentence ends between two offsets: a full stop, question or exclamation mark (maybe closing a
# quote) before a space and a capital or an opening quote, or a paragraph break.
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z\"“‘'])|\n")


# What may stand between a clock time and its day: its zone or the time in another zone in
# brackets, a comma, "on" ("10:35 a.m. (0735 GMT) Friday", "9 p.m. local time on Sunday").
_TO_ITS_DAY = re.compile(r"\s*(?:local\s+time\s*)?(?:\([^()\n]{1,30}\)\s*|\)\s*)?,?\s*(?:on\s+)?")


# A non-restrictive relative clause opened before a date (", which called the stoppage after
# talks broke down on Monday night,"): its words up to the date, and its close after it.
_ASIDE_OPENED = re.compile(r",\s+(?:which|who|whose)\b[^,;:()\n\"“”]*\Z")
_ASIDE_CLOSED = re.compile(r"[^,;:()\n\"“”.!?]*,")


def _aside_end(body: str, timex: TimexMatch) -> int | None:
    """Where the relative clause ", which ... ," holding a date closes (the offset after its
    comma), or None when the date is not inside one: its day is background to the clause it
    interrupts, not the day of what that clause tells."""
    start = max(0, timex.char_start - 200)
    if _SENTENCE_END.search(body, start, timex.char_start):
        start = max(m.end() for m in _SENTENCE_END.finditer(body, start, timex.char_start))
    if not _ASIDE_OPENED.search(body[start : timex.char_start]):
        return None
    closed = _ASIDE_CLOSED.match(body, timex.char_end)
    return closed.end() if closed else None


def _day_right_after(body: str, timex: TimexMatch, following: TimexMatch | None) -> date | None:
    """The day written right after a clock time, past its zone or bracket, if any."""
    if following is None or following.timex_type != "DATE" or (day := _anchor_of(following)) is None or day[1] != "day":
        return None
    return day[0] if _TO_ITS_DAY.fullmatch(body, timex.char_end, following.char_start) else None


@rule(
    ex("He arrived on Oct. 3, 2021. That same day he left.", "That same day", "2021-10-03", tense="past"),
    ex("He arrived on Friday. The next morning he left.", "The next morning", "2023-06-03TMO", tense="past"),
    ex("The fire broke out on Saturday. Campers had been told the day before that it was safe.", "the day before", "2023-06-02", tense="past"),
    ex("The government fell on December 4 over its 2023 budget. Parliament was dissolved the following week.", "the following week", "2022-W49", tense="past"),
    ex("The festival opens on Friday, July 7. Its licence was granted in March. That weekend is worth a month of trade.", "That weekend", "2023-W27-WE", tense="past"),
    ex("Classes end on June 29, and pupils plan a party for the following weekend.", "the following weekend", "2018-W26-WE", tense="future", published=date(2018, 3, 7)),
    ex("The talks began on Oct. 23, 2021, and at 10 p.m. they ended.", "10 p.m.", "2021-10-23T22:00", tense="past"),
    ex("The jet first flew on Tuesday at 18:00 UTC.", "18:00 UTC", "2023-05-30T18:00Z", tense="past"),
    ex("Hopes were dashed Friday. Dealers sold in the morning.", "the morning", "2023-06-02TMO", tense="past"),
    ex("Shares fell on Friday.\n\nThe index lost 3% to end the day at 7,114.", "the day", "2023-06-02", tense="past"),
    ex("Stocks fall\n\nJune 5, 2023\n\nStocks fell on Friday. Shares rose in morning trading.", "morning", "2023-06-02TMO", tense="past"),
    ex("The dam burst on Saturday. It was built on May 2, 1990. Sirens sounded at 9 p.m.", "9 p.m.", "2023-06-03T21:00", tense="past"),
    ex("Fans left on Saturday. The fire began at 3:10 p.m. (1310 GMT) Friday.", "3:10 p.m.", "2023-06-02T15:10", tense="past"),
    ex("Crowds are expected for Wednesday's final. Tickets sold out in 1990. It will begin at 8 p.m.", "8 p.m.", "2023-06-07T20:00", tense="future"),
    ex("Yesterday I had four boxes. By ten o'clock they were gone.", "ten o'clock", "2023-06-04T10:00", tense="past"),
    ex("The next eclipse comes on Aug. 2, 2027, at midday.", "midday", "2027-08-02T12:00", tense="future"),
    ex("Serbs were still voting Friday after problems on Wednesday and Thursday. The station was open from 10 a.m.", "10 a.m.", "2023-06-02T10:00", tense="past"),
    ex("He won on Saturday. The phone was found in his bag on Friday afternoon. It was found at 4:20 p.m.", "4:20 p.m.", "2023-06-02T16:20", tense="past"),
    ex("Pay rises backdated to April 1 were accepted on Friday. The ballot closed at noon.", "noon", "2023-06-02T12:00", tense="past"),
    ex("Voters elect a mayor on July 20, the minister said on Friday. Results will be published from 9 p.m.", "9 p.m.", "2023-07-20T21:00", tense="future"),
    ex("Crews worked through Friday to free a ship that ran aground on Thursday. It lost steering at 4:50 a.m.", "4:50 a.m.", "2023-06-01T04:50", tense="past"),
    ex("Etna erupted late on Thursday. By mid-morning, 98 flights had been cancelled.", "mid-morning", "2023-06-02TMO", tense="past"),
    ex('"Tonight they can stop saying that," Raman told supporters shortly before 10 p.m. on Saturday.', "Tonight", "2023-06-03TNI", tense="past"),
    ex('Wrona posted the files late on Friday. "Found this on a forum tonight," he wrote.', "tonight", "2023-06-02TNI", tense="past"),
    ex("She won the final late on Saturday. She won shortly before midnight, after a draw was expected for much of the evening.", "the evening", "2023-06-03TEV", tense="past", published=date(2023, 6, 4)),
    ex('Thousands fled early on Saturday. "The fire moved further last night than in ten days," she told a briefing at 9 a.m.', "9 a.m.", "2023-06-03T09:00", tense="past"),
    ex('She won the title late on Saturday. She played for hours. "I did not sleep last night," she told reporters.', "last night", "2023-06-02TNI", tense="past"),
    ex('The boat left on Wednesday night. "I want to call her tonight," he said. A second boat left the same night.', "the same night", "2023-05-31TNI", tense="past"),
    ex("Etna erupted late on Thursday. The eruption began at 10:40 p.m.", "10:40 p.m.", "2023-06-01T22:40", tense="past"),
    ex("Reeti won the top award early on Sunday. The show had been due to start at 7 p.m.", "7 p.m.", "2023-06-03T19:00", tense="past"),
    ex("A panda escaped on Saturday night. It slipped out after 9 p.m. Keepers noticed at 6:30 a.m.", "6:30 a.m.", "2023-06-04T06:30", tense="past"),
    ex("A panda escaped on Saturday night. It slipped out after 9 p.m., the director said at midday.", "midday", "2023-06-04T12:00", tense="past"),
    ex("Nurses struck on Monday. The union, which called the strike after talks broke down on Friday night, said 78 percent had joined by 10 a.m.", "10 a.m.", "2023-06-05T10:00", tense="past", published=date(2023, 6, 6)),
    ex("Nurses struck on Monday. The union, which called the strike after talks broke down on Friday night, said most had joined. Operations were postponed by midday.", "midday", "2023-06-05T12:00", tense="past", published=date(2023, 6, 6)),
)
def anchor_anaphora(body: str, found: list[TimexMatch], tense_at: Callable[[int], str] | None = None, reference: date | None = None) -> list[TimexMatch]:
    """Re-date "that day", "the following year", "the day before"... from the last date before them in the text,
    a part of a day ("in the morning") after a day to that day, and a bare clock time ("at 10
    p.m.", "at 18:00 UTC") to the day written right after it ("3:10 p.m. (1310 GMT) Friday"),
    else to the day of its sentence before it, else to the last day named before it when that
    is within a week of the story's day (``_news_day``), else to the story's day: the first day
    the article names, the day of its lead's news ("The dam burst on Saturday. ... Sirens
    sounded at 9 p.m.": Saturday, not a day of the background in between). With the
    publication date (``reference``), a first day named weeks before it is background and the
    first day named within a week of it is the story's: "a pay rise backdated to April 1 under
    a deal accepted on Wednesday. ... a ballot that closed at noon" is Wednesday's noon, not
    April 1's (a day weeks ahead, "five weeks before the March 16 vote", stays the story's). A
    day that only ends a stretch ("worked through Friday", "until Monday", "by Friday") is not
    the story's day, nor the paper's date on a line of its own under the headline (a dateline:
    "February 24, 2009 / ... closed lower on Monday ... to end the day at 7,114" is Monday's
    day). "The day" a market ends ("to end the day", ``patterns_day.the_day``) is read as a part
    of a day is: the day told, not the paper's.

    Notes:
        The anchor is the nearest preceding date, not the event the sentence refers back to
        (but a date too coarse for the unit gives way to the last day named, in its sentence or
        the one before: "fell on December 4 over its 2023 budget. ... the following week"):
        "He was born in 1950 and moved to Paris in 1970; that year..." takes 1970. A clock time
        of another day than the sentence's or the lead's ("the power returned at 9 a.m.", the
        morning after the outage) keeps the story's day, unless the story's day is told at an
        edge: after "late on Thursday" a morning is Friday's, before "early on Saturday" an
        evening is Friday's (``_across_midnight``). A clause ahead is never dated before the
        paper's day, and takes the last day named only in its own paragraph. The midnight that
        ends a day (T24:00) anchors what follows on the next day. "Today", "tonight" and
        "tomorrow" inside a quotation count from the day it was spoken when the story tells it
        (``_speech_day``); a quote with no day told keeps the paper's. An anaphor the writer
        tells ("the same night") counts from the writer's last date, not from a quote's
        "tonight" or "today" (its speaker's now); a story date quoted ("the 2004 budget") stays
        an anchor. A day inside a relative clause set off by commas (", which called the strike
        after talks broke down on Friday night,") is background: it dates no clock time after
        the clause closes, in its sentence or later ones (``_aside_end``).
    """
    anchor: tuple[date, str] | None = None
    anchor_end = 0
    story_day: date | None = None
    story_edge = ""  # "early" or "late" when the story's day is written so ("late on Thursday")
    narrated: tuple[date, str] | None = None  # the last anchor outside quotations
    anchor_quoted = False
    anchor_clock = False
    anchor_midnight = False
    anchor_bound = False
    anchor_aside: int | None = None  # where the aside holding the anchor closes
    days: list[tuple[date, int]] = []  # the days named so far, with where each ends
    result = []
    for index, timex in enumerate(found):
        speakers_now = timex.pattern in _SPEAKERS_NOW  # before a re-reading renames it
        if speakers_now and timex.is_resolved and reference is not None and (spoken := _speech_day(body, found, index, days, reference, story_day if story_edge == "late" else None)) is not None:
            timex = _said_on(timex, spoken, reference)
        m = ANAPHORIC.fullmatch(timex.text.lower())
        # "the same night" told by the writer after a quote's "tonight": the writer's last date
        base = narrated if m is not None and anchor_quoted and narrated is not None and not _in_quote(body, timex.char_start) else anchor
        season_anaphor = _SEASON_ANAPHOR.fullmatch(timex.text.lower()) if timex.pattern in ("season", "season_of_that_year") else None
        dated_by_anaphor = False  # a clock time whose day is an anaphor's right after it ("at 5:45 a.m. the following day")
        if m is not None and base is not None and (resolved := from_anchor(m, *base) or _from_recent_day(body, m, days, timex, anchor_bound)) is not None:
            timex = replace(timex, timex_type=resolved[0], value=resolved[1], is_resolved=resolved[2], pattern="anchor_anaphora")
        elif season_anaphor is not None and base is not None:
            # "that summer", "the autumn of that year": the season of the story's last year
            timex = replace(timex, value=f"{base[0].year:04d}{timex.value[4:]}", is_resolved=True, pattern="anchor_anaphora")
        elif timex.timex_type == "TIME" and timex.pattern not in _CARRY_THEIR_DAY and _BARE_CLOCK.fullmatch(timex.text.lower()) and timex.is_resolved:
            # "at 10 p.m." after "on Oct. 23" in its sentence: that evening; else the lead's day
            # ("8 a.m. on Friday", clock_on_day, carries its own day).
            same_sentence = anchor is not None and anchor[1] == "day" and not anchor_clock and not (anchor_aside is not None and anchor_aside <= timex.char_start) and not _quoted_for_narration(body, anchor_quoted, timex) and not _SENTENCE_END.search(body, anchor_end, timex.char_start)
            following = next((t for t in found[index + 1 : index + 3] if t.timex_type == "DATE"), None)
            day = _anaphor_right_after(body, timex, following, anchor)
            dated_by_anaphor = day is not None
            day = day or _day_right_after(body, timex, following)
            day = day or (anchor[0] if same_sentence and anchor is not None else _news_day(body, timex, days, story_day, tense_at, reference, story_edge))
            if day is not None and day.isoformat() != timex.value[:10]:
                timex = replace(timex, value=day.isoformat() + timex.value[10:], is_resolved=True, pattern="anchor_anaphora")
        elif (timex.timex_type == "TIME" and timex.pattern in _PARTS_OF_A_DAY or timex.pattern in _THE_DAY) and timex.is_resolved and not _OWN_DAY.search(timex.text.lower()):
            # "by mid-afternoon on Monday": Monday's; "in the morning" after a day in its sentence:
            # that day's; else a day of the news, like a bare clock time ("visited at mid-morning"
            # after a paragraph on a day two weeks back: the story's day)
            following = next((t for t in found[index + 1 : index + 3] if t.timex_type == "DATE"), None)
            same_sentence = anchor is not None and anchor[1] == "day" and not anchor_clock and not (anchor_aside is not None and anchor_aside <= timex.char_start) and not _quoted_for_narration(body, anchor_quoted, timex) and not _SENTENCE_END.search(body, anchor_end, timex.char_start)
            day = _day_right_after(body, timex, following)
            if day is None and same_sentence and anchor is not None:
                # the evening before "midnight" (T24:00, whose anchor is the next day) is the
                # day that midnight ends: "won shortly before midnight ... for much of the evening"
                day = shift_days(anchor[0], -1) if anchor_midnight and timex.value.endswith(("TAF", "TEV", "TNI")) else anchor[0]
            day = day or _news_day(body, timex, days, story_day, tense_at, reference, story_edge)
            if day is not None and day.isoformat() != timex.value[:10]:
                timex = replace(timex, value=day.isoformat() + timex.value[10:], is_resolved=True, pattern="anchor_anaphora")
        if m is None and season_anaphor is None and not dated_by_anaphor and (new_anchor := _anchor_of(timex)) is not None:
            anchor, anchor_end = new_anchor, timex.char_end
            # "which called the stoppage after talks broke down on Monday night,": an aside's day
            # dates no clock time of the clause it interrupts, nor of the sentences after it
            anchor_aside = _aside_end(body, timex)
            # a bare clock time's day is the story's, read here, not a day its sentence tells
            anchor_clock = timex.timex_type == "TIME" and timex.pattern not in _CARRY_THEIR_DAY and _BARE_CLOCK.fullmatch(timex.text.lower()) is not None
            anchor_midnight = timex.value.endswith("T24:00")
            # "had asked for repairs since January 2018": a bound of a stretch, not the story's date
            anchor_bound = _BOUND_BEFORE.search(body[max(0, timex.char_start - 12) : timex.char_start]) is not None
            # a quote's own "tonight" or "today" is its speaker's now, not a date of the story
            anchor_quoted = speakers_now and _in_quote(body, timex.char_start)
            if not anchor_quoted:
                narrated = new_anchor
            if new_anchor[1] == "day":
                if _END_BOUND.search(body, max(0, timex.char_start - 10), timex.char_start) or anchor_aside is not None:
                    pass  # "worked through Friday to refloat a ship that ran aground on Thursday": a bound, not the day told
                elif reference is not None and new_anchor[0] == reference and _is_dateline(body, timex):
                    pass  # "February 24, 2009" on a line of its own under the headline: the paper's date, not the day told
                elif story_day is None or reference is not None and _background(story_day, reference) and _near(new_anchor[0], reference):
                    # the first day named, or the first of the news's week after a day of the
                    # background weeks before it (a day ahead, "before the March 16 vote", stays)
                    story_day = new_anchor[0]
                    edge = _DAY_EDGE.search(body, max(0, timex.char_start - 12), timex.char_start)
                    story_edge = edge["edge"].lower() if edge and timex.timex_type == "DATE" else ""
                    if timex.pattern in _NAMED_DAY_PARTS and timex.value.endswith("TNI"):
                        story_edge = "late"  # "escaped on Monday night": told at the day's late edge
                if (timex.timex_type == "DATE" or timex.pattern in _NAMED_DAY_PARTS) and anchor_aside is None:
                    # a day, or a named day's part ("on Friday afternoon"), not a part of a day
                    # alone ("through the night")
                    days.append((new_anchor[0], timex.char_end))
        result.append(timex)
    return result


def _is_dateline(body: str, timex: TimexMatch) -> bool:
    """Whether a date stands alone on its line (a dateline under the headline, "February 24,
    2009"), not inside a sentence that tells what happened on it."""
    start = body.rfind("\n", 0, timex.char_start) + 1
    end = body.find("\n", timex.char_end)
    return not body[start : timex.char_start].strip() and not body[timex.char_end : len(body) if end < 0 else end].strip(" .")


# A season read from the story's year: "that summer", "the autumn of that year".
_SEASON_ANAPHOR = re.compile(r"that\s+\w+|the\s+\w+\s+of\s+that\s+year")


def _anaphor_right_after(body: str, timex: TimexMatch, following: TimexMatch | None, anchor: tuple[date, str] | None) -> date | None:
    """The day of an anaphor written right after a clock time ("retook the wing at 5:45 a.m. the
    following day", "seen at 1:45 p.m. that day"), read from the story's last date; None when
    none follows or the last date is coarser than a day."""
    if following is None or anchor is None or (m := ANAPHORIC.fullmatch(following.text.lower())) is None:
        return None
    if not _TO_ITS_DAY.fullmatch(body, timex.char_end, following.char_start) or (resolved := from_anchor(m, *anchor)) is None or resolved[0] != "DATE":
        return None
    return safe_date(int(resolved[1][:4]), int(resolved[1][5:7]), int(resolved[1][8:10])) if len(resolved[1]) == 10 else None


def _quoted_for_narration(body: str, anchor_quoted: bool, timex: TimexMatch) -> bool:
    """Whether the anchor is a quote's "last night" or "today" (its speaker's now) and the
    expression is the writer's, outside the quote: "'The fire moved further in two hours last
    night,' she told a briefing at 9 a.m." is the story's morning, not last night's day."""
    return anchor_quoted and not _in_quote(body, timex.char_start)


def _in_quote(body: str, offset: int) -> bool:
    """Whether an offset lies inside a quotation of its paragraph (an odd number of straight
    marks before it, or more opening than closing curly ones)."""
    before = body[body.rfind("\n", 0, offset) + 1 : offset]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


# Words of a speaker's now: "today", "tonight", "tomorrow", "last night", "this morning".
_SPEAKERS_NOW = frozenset({"deictic_day", "part_of_day"})
_CLOSING_QUOTE = re.compile(r"[\"”\n]")


def _speech_day(body: str, found: list[TimexMatch], index: int, days: list[tuple[date, int]], reference: date, story_day: date | None = None) -> date | None:
    """The day a quotation holding "today", "tonight" or "tomorrow" was spoken, when the story
    tells it: a day in the reporting clause after the quote, in its sentence ("'Tonight they
    can stop saying that,' Raman told supporters shortly before 10 p.m. on Saturday"), else a
    past day told in the sentence right before the quote opens ("posted the files late on
    Monday. 'Found this on a forum tonight,' wrote Wrona"), not a possessive one ("Tuesday's
    runoff": an event's day), else the story's day told at its late edge (``story_day``: "late on
    Sunday", "on Sunday night") when it is the last day named and lies in the news's week
    before the paper: the quotes of a late story are that night's ("won the title late on
    Sunday ... 'I didn't sleep last night,' she told reporters": Sunday's eve); None outside
    quotes or with no such day."""
    timex = found[index]
    if not _in_quote(body, timex.char_start):
        return None
    paragraph = body.rfind("\n", 0, timex.char_start) + 1
    before = body[paragraph : timex.char_start]
    opened = max(before.rfind('"'), before.rfind("“"))
    close = _CLOSING_QUOTE.search(body, timex.char_end)
    if close is None or close.group() == "\n":
        return None  # a quote going on into the next paragraph: its reporting clause is elsewhere
    end = _SENTENCE_END.search(body, close.end())
    limit = end.start() if end else len(body)
    for later in found[index + 1 :]:
        if later.char_start >= limit:
            break
        day = _anchor_of(later) if later.char_start > close.start() and (later.timex_type == "DATE" or later.pattern in _NAMED_DAY_PARTS) else None
        if day is not None and day[1] == "day":
            return day[0]
    # a day of the sentence right before the quote, not a possessive ("Tuesday's runoff" names
    # an event's day, not a telling)
    start = paragraph + opened
    told = [
        d for d, e in days
        if paragraph <= e <= start and not body.startswith(("'s", "\u2019s"), e) and len(_SENTENCE_END.findall(body, e, start + 1)) <= 1
    ]
    if told:
        return told[-1] if told[-1] < reference else None
    if story_day is not None and days and days[-1][0] == story_day and not body.startswith(("'s", "\u2019s"), days[-1][1]) and story_day < reference and _near(story_day, reference):
        return story_day
    return None


def _said_on(timex: TimexMatch, spoken: date, reference: date) -> TimexMatch:
    """A deictic day read from the day it was spoken, not the paper's: "tonight" said on Saturday
    is Saturday night."""
    day = date.fromisoformat(timex.value[:10])
    moved = shift_days(day, (spoken - reference).days)
    if moved is None or moved == day:
        return timex
    return replace(timex, value=moved.isoformat() + timex.value[10:], pattern="anchor_anaphora")


# Words before a day that make it the end of a stretch of time ("worked through Friday", "closed
# until Monday"), not the day of the story's news.
_END_BOUND = re.compile(r"\b(?:through|until|till|by)\s+$", re.IGNORECASE)


def _near(day: date, reference: date) -> bool:
    """Whether a day lies within the news's week either side of the publication date."""
    return abs((day - reference).days) <= _NEWS_WINDOW


def _background(day: date, reference: date) -> bool:
    """Whether a day lies more than the news's week before the publication date."""
    return (reference - day).days > _NEWS_WINDOW


def _from_recent_day(body: str, m: re.Match[str], days: list[tuple[date, int]], timex: TimexMatch, anchor_bound: bool = False) -> tuple[str, str, bool] | None:
    """The value of an anaphoric expression whose nearest date is too coarse for its unit
    ("collapsed on December 4 when members voted against its 2026 budget. The president
    dissolved parliament the following week": not a week of 2026) seen from the last day named,
    in its sentence or the one before ("that weekend": the last day named anywhere before it,
    the months and years named since being background: "opens on Friday, July 7 ... granted
    its licence in March ... That weekend is worth a month of trade"); None when there is none
    that near."""
    if not days:
        return None
    # "that weekend", and "that night" after a coarse date that only bounds a stretch ("repairs
    # asked for since January 2018"): a day told before, however far back; "the following week"
    # only from a day of the last two sentences ("killed last October ... crossed out that same
    # day": no day of that October told, none taken).
    distal = m["unit"].lower() == "weekend" or "that " in m[0].lower() and anchor_bound
    if not distal and len(_SENTENCE_END.findall(body, days[-1][1], timex.char_start + 1)) > 1:
        return None
    return from_anchor(m, days[-1][0], "day")


# How far from the story's day the last day named may lie and still be the day of a bare clock
# time in a later sentence: the days of the news (a week either side), not its background.
_NEWS_WINDOW = 7


# "late on Thursday", "early Saturday": the story's day told at one of its edges.
_DAY_EDGE = re.compile(r"\b(?P<edge>late|early)\s+(?:on\s+)?$", re.IGNORECASE)
# Clock values of a morning and of an evening: across midnight from a day told late or early.
_MORNING_VALUE = re.compile(r"T(?:0\d:\d\d|1[01]:\d\d|12:00|MO)$")
_EVENING_VALUE = re.compile(r"T(?:1[89]:\d\d|2[0-3]:\d\d|EV|NI)$")


def _across_midnight(story_day: date, edge: str, value: str) -> date:
    """The day of a clock time told after a story's day written at one of its edges: a morning
    or its noon after "late on Thursday" or "on Monday night" is the next day's ("erupted late
    on Thursday. ... By mid-morning, 98 flights had been cancelled"; "escaped on Monday night
    ... Keepers noticed he was missing at 6:30 a.m."), an evening before "early on Saturday" is Friday's ("won early
    on Saturday. ... The show was due to start at 7 p.m."); any other time keeps the day."""
    if edge == "late" and _MORNING_VALUE.search(value):
        return shift_days(story_day, 1) or story_day
    if edge == "early" and _EVENING_VALUE.search(value):
        return shift_days(story_day, -1) or story_day
    return story_day


def _news_day(
    body: str,
    timex: TimexMatch,
    days: list[tuple[date, int]],
    story_day: date | None,
    tense_at: Callable[[int], str] | None,
    reference: date | None = None,
    story_edge: str = "",
) -> date | None:
    """The day of a bare clock time with no day in its sentence: a day of the news on the side
    of the story's day its clause's tense points to (a past clause: that day or the week before;
    future: that day or the week after), named in the sentence right before it ("Yesterday I
    had four boxes. By 10 o'clock they were gone."), or in a future clause the last day named
    ("ahead of Wednesday's eclipse ... totality will begin at 8:28 p.m."); else the story's day
    ("It was built on May 2, 1990. Sirens sounded at 9 p.m.": the lead's day; "They said on
    Tuesday that service was not restored until 14:35": the lead's Monday; "were still voting
    Tuesday after problems Sunday and Monday. ... open from 10 a.m.": Tuesday; "The board voted on
    Tuesday night. ... Shares rose by midday.": the lead's day too)."""
    if not days or story_day is None:
        return story_day
    day = days[-1][0]
    tense = tense_at(timex.char_start) if tense_at is not None else ""
    # A clause ahead is never dated before the paper's day ("erupted late on Thursday" in
    # Friday's paper: "the observatory would issue a forecast at 6 p.m." is Friday's).
    story = _across_midnight(story_day, story_edge, timex.value) if story_edge else story_day
    if tense == "future" and reference is not None and story == story_day:
        story = max(story_day, reference)
    # The clause's tense says on which side of the story's day its clock time lies.
    if not 0 <= (day - story_day).days * (1 if tense == "future" else -1) <= _NEWS_WINDOW or not tense:
        return story
    # The days of the sentence right before it; one of them the story's day keeps that day
    # ("were still voting Tuesday after problems Sunday and Monday. ... open from 10 a.m.").
    before = [d for d, e in days[-4:] if sum(1 for _ in _SENTENCE_END.finditer(body, e, timex.char_start)) == 1]
    if story_day in before:
        return story
    # In a clause ahead, the last day named in its paragraph ("ahead of Wednesday's eclipse ...
    # totality will begin at 8:28 p.m."); one named in an earlier paragraph ("would meet both
    # sides on Thursday." [new paragraph] "I have a job interview at noon") is another story's.
    if tense == "future":
        return day if "\n" not in body[days[-1][1] : timex.char_start] else story
    return day if before else story


_DAY_BEFORE_AFTER = re.compile(r"\bday\s+(?P<which>before|after)\s+$", re.IGNORECASE)


@rule(
    ex("The day before last Tuesday's hearing, he left.", "day before last Tuesday", "2023-05-29"),
    ex("He left the day after June 1.", "day after June 1", "2023-06-02", tense="past"),
)
def day_before_after(body: str, timex: TimexMatch) -> TimexMatch:
    """"the day before last Tuesday": one day off the date that follows (span from "day").

    Notes:
        Only "day before" and "day after": "the week before last Tuesday" stays last Tuesday.
    """
    if timex.timex_type != "DATE" or not _DAY_VALUE.match(timex.value):
        return timex
    m = _DAY_BEFORE_AFTER.search(body, max(0, timex.char_start - 12), timex.char_start)
    if m is None or (interval := calendar_interval(timex.value)) is None:
        return timex
    day = shift_days(interval[0], 1 if m["which"].lower() == "after" else -1)
    if day is None:
        return timex  # "the day after 9999-12-31": no such day
    return replace(timex, char_start=m.start(), text=body[m.start() : timex.char_end], value=day.isoformat(), pattern="day_before_after")


_DAY_VALUE = re.compile(r"^(?P<month>\d{4}-\d{2})-\d{2}$")
_COORDINATED_DAY = re.compile(r"\s*(?:,\s*)?(?:and|or|&)\s+(?P<day>[0-3]?\d)\b(?!\s*(?:%|percent|per|,\d|\.\d|[-/]\d))")


@rule(
    ex("The talks were held on April 24 and 25.", "25", "2023-04-25", tense="past"),
    ex("On Tuesday, June 6, and 7 we meet.", "7", "2023-06-07"),
)
def coordinated_days(body: str, found: list[TimexMatch], taken: list[tuple[int, int]]) -> list[TimexMatch]:
    """"April 24 and 25": the second day shares the first one's month (and year).

    Notes:
        Not handled: ranges "June 4-6" stay one date, June 4 (see the strict xfail test).
    """
    extra = []
    for timex in found:
        trailing = re.search(r"(\d+)$", timex.text)
        if not (timex.timex_type == "DATE" and _DAY_VALUE.match(timex.value) and trailing and int(trailing[1]) == int(timex.value[8:])):
            continue  # only right after the day: not "April 24, 1999 and 25 people"
        m = _COORDINATED_DAY.match(body, timex.char_end)
        if m is None:
            continue
        start, end = m.span("day")
        value = f"{timex.value[:8]}{int(m['day']):02d}"
        if any(start < t_end and t_start < end for t_start, t_end in taken) or safe_date(int(value[:4]), int(value[5:7]), int(value[8:])) is None:
            continue
        extra.append(replace(timex, char_start=start, char_end=end, text=body[start:end], value=value, pattern="coordinated_days"))
    return extra


_QUARTER_VALUE = re.compile(r"^(?P<year>\d{4})-Q(?P<q>[1-4])$")
_YEAR_BACK = re.compile(r"^(?:a|one)\s+year\s+(?:ago|earlier)$|^year-(?:earlier|ago)$", re.IGNORECASE)
# "the same period last year", "the same month a year ago": a comparison a year back, as "a year
# earlier" is, when a month is named before it in its clause (after a day, "the nine months to
# Sept. 30 ... the same period of last year", the period is not that day).
_SAME_YEAR_BACK = re.compile(r"^the\s+(?:same|corresponding|comparable)\s+(?:period|month)\s+(?:(?:a|one)\s+year\s+(?:ago|earlier|before)|(?:of\s+)?(?:the\s+)?(?:last|previous)\s+year)$", re.IGNORECASE)
_MONTH_ONLY = re.compile(r"^\d{4}-\d{2}$")
# Mentions that move an earnings story off its quarter: "for the nine months", "for the year".
_LONGER_PERIOD = re.compile(r"\b(?:nine|six)\s+months\b|^the\s+(?:fiscal\s+)?year$|^(?:fiscal\s+)?\d{4}$", re.IGNORECASE)


@rule(
    ex("Net income in the third quarter rose to $5 million from $3 million a year ago.", "a year ago", "1988-Q3", published=date(1989, 11, 2)),
    ex("Net in the fourth quarter rose from year-earlier results.", "year-earlier", "1988-Q4", published=date(1989, 11, 2)),
)
def compare_quarters(found: list[TimexMatch]) -> list[TimexMatch]:
    """"a year ago" after a quarter in earnings news is that quarter a year before.

    "Net income in the third quarter rose to $5 million from $3 million a year ago": the
    comparison is with 1988-Q3, not the whole of 1988. A later mention of a longer period
    ("for the nine months, ... a year earlier") ends the quarter's reach, and a year-ago
    quarter ("the same period last year") is not itself the quarter compared against.

    Notes:
        Not handled: "two years ago" after a quarter stays a year; a half ("the first half")
        does not start a comparison.
    """
    quarter: re.Match[str] | None = None
    result = []
    for timex in found:
        if (m := _QUARTER_VALUE.match(timex.value)) is not None:
            if not re.search(r"year-(?:ago|earlier)|a\s+year\s+(?:ago|earlier)", timex.text, re.IGNORECASE) and not _SAME_YEAR_BACK.match(timex.text):
                quarter = m
        elif _LONGER_PERIOD.search(timex.text):
            quarter = None
        elif quarter is not None and timex.is_resolved and _YEAR_BACK.match(timex.text):
            timex = replace(timex, value=f"{int(quarter['year']) - 1:04d}-Q{quarter['q']}", is_resolved=True, pattern="compare_quarters")
        result.append(timex)
    return result


_MONTH_VALUE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?P<day>-\d{2})?)?$")
# How far after its month a "year earlier" still compares with it: the same clause.
_COMPARE_REACH = 60


@rule(
    ex("Prices rose 7.4 percent in February from a year earlier.", "a year earlier", "2022-02", tense="past"),
    ex("The dam was 4 percent full on Wednesday, against 38 percent a year earlier.", "a year earlier", "2022-05-31", tense="past"),
    ex("Figures showed that 73 people died in mines in 2015, down from 84 a year earlier.", "a year earlier", "2014", tense="past"),
    ex("Sales rose 43% in February compared to the same period last year.", "the same period last year", "2022-02", tense="past", published=date(2023, 3, 3)),
)
def compare_months(body: str, found: list[TimexMatch]) -> list[TimexMatch]:
    """"a year earlier" right after a year, a month or a day ("rose in February from a year
    earlier", "full on Wednesday, against 38 percent a year earlier", "died in 2015, down from
    84 a year earlier") is that year, month or day a year before; so is "the same period last
    year" or "the same month a year ago" right after a month ("rose 43% in February
    compared to the same period last year": last year's February, not a quarter),
    as the guideline anchors it to the time it is compared with (February 29 gives the 28th).

    Notes:
        Only within the same clause (the month ends at most 60 characters before, and the
        month is written in that sentence: "...on Wednesday. A year ago we hoped" keeps the
        year); farther away the year stays the publication's.
    """
    result: list[TimexMatch] = []
    for timex in found:
        previous = result[-1] if result else None
        if (
            previous is not None
            and (_YEAR_BACK.match(timex.text) or _SAME_YEAR_BACK.match(timex.text) and _MONTH_ONLY.match(previous.value))
            and timex.pattern != "compare_quarters"
            and (m := _MONTH_VALUE.match(previous.value)) is not None
            and previous.is_resolved
            and timex.char_start - previous.char_end <= _COMPARE_REACH
            and not _SENTENCE_END.search(body, previous.char_end, timex.char_start + 1)
            and previous.timex_type == "DATE"
        ):
            day = "-28" if m["month"] == "02" and m["day"] == "-29" else m["day"] or ""
            month = f"-{m['month']}{day}" if m["month"] else ""
            timex = replace(timex, value=f"{int(m['year']) - 1:04d}{month}", is_resolved=True, pattern="compare_months")
        result.append(timex)
    return result


_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^,?\s*(?:to|until|till|through|and|-|–)\s*$", re.IGNORECASE)
_WRITTEN_YEAR = re.compile(r"\b\d{4}\b")
# The patterns of a month or a day written with its month name, with or without a year.
_WRITTEN_MONTHS = frozenset({"month_day_year", "day_month_year", "month_capitalised", "month_alone", "month_year"})
_MONTH_OR_DAY = re.compile(r"^(?P<year>\d{4})(?P<rest>-\d{2}(?:-\d{2})?)$")


@rule(
    ex("Batches made between March and November 2019 were recalled.", "March", "2019-03", published=date(2020, 2, 18), tense="past"),
    ex("Output fell from November to March 2021.", "November", "2020-11", tense="past"),
    ex("The consultation ran from January 8 to March 30.", "January 8", "2018-01-08", published=date(2018, 12, 4), tense="past"),
)
def range_years(body: str, found: list[TimexMatch]) -> list[TimexMatch]:
    """The two ends of a range ("between March and November 2019", "from January 8 to March
    30") share the year written on one of them, and the start never comes after the end: a
    start without its year takes the end's (the year before when its month comes later), and a
    start read ahead of its end is the year before.

    Notes:
        Only months and days joined by "from ... to/until/through" or "between ... and"; an
        end without a year after a start with one ("from March 2019 to May") keeps its own
        reading.
    """
    result = list(found)
    for i in range(len(result) - 1):
        start, end = result[i], result[i + 1]
        if not (start.timex_type == end.timex_type == "DATE" and start.is_resolved and end.is_resolved):
            continue
        ms, me = _MONTH_OR_DAY.match(start.value), _MONTH_OR_DAY.match(end.value)
        if ms is None or me is None or _WRITTEN_YEAR.search(start.text) or not {start.pattern, end.pattern} <= _WRITTEN_MONTHS:
            continue  # weekdays ("from Monday until Friday") follow the tense, not each other
        if not (_RANGE_OPEN.search(body, max(0, start.char_start - 9), start.char_start) and _RANGE_JOIN.match(body[start.char_end : end.char_start])):
            continue
        if _WRITTEN_YEAR.search(end.text):
            year = int(me["year"]) - (1 if ms["rest"] > me["rest"] else 0)
        else:
            year = int(ms["year"]) - (1 if start.value > end.value else 0)
        value = f"{year:04d}{ms['rest']}"
        if value != start.value:
            result[i] = replace(start, value=value, pattern="range_years")
    return result


# The nouns a year at the start of a sentence may date for the rest of it: events and editions.
_OCCURRENCE_NOUNS = words("event_nouns") | words("edition_nouns")
_SENTENCE_START = re.compile(r"(?:[.!?][\"”’']?\s+|\n)(?:the\s+|a\s+)?\Z", re.IGNORECASE)
_AFTER_YEAR = re.compile(r"(?:['’]s)?\s+(?P<first>[a-z-]+)(?:\s+(?P<second>[a-z]+))?", re.IGNORECASE)
_YEAR_VALUE = re.compile(r"^\d{4}$")


@rule(
    ex("The 2027 edition will run from February 11 to February 21.", "February 11", "2027-02-11", published=date(2026, 3, 2), tense="future"),
    ex("Last year's talks ended on December 17.", "December 17", "2020-12-17", published=date(2021, 12, 20), tense="past"),
)
def year_of_subject(body: str, found: list[TimexMatch]) -> list[TimexMatch]:
    """A year on the subject that opens a sentence ("The 2027 edition will run from February
    11", "Last year's talks ended on December 17") is the year of the days and months written
    without one later in that sentence.

    Notes:
        Only a subject naming an event or an edition (``event_nouns``, ``edition_nouns``):
        "last year's champion will race on June 24" keeps the paper's year.
    """
    result = list(found)
    for i, subject in enumerate(result):
        if not (subject.timex_type == "DATE" and subject.is_resolved and _YEAR_VALUE.match(subject.value)):
            continue
        before = body[max(0, subject.char_start - 8) : subject.char_start]
        if not (_SENTENCE_START.search(before) or subject.char_start <= 4 and before.strip().lower() in ("", "the", "a")):
            continue
        after = _AFTER_YEAR.match(body, subject.char_end)
        if after is None or not {(after["first"] or "").lower(), (after["second"] or "").lower()} & _OCCURRENCE_NOUNS:
            continue
        for j in range(i + 1, len(result)):
            timex = result[j]
            if _SENTENCE_END.search(body, subject.char_end, timex.char_start):
                break
            m = _MONTH_OR_DAY.match(timex.value)
            if m is None or timex.pattern not in _WRITTEN_MONTHS or _WRITTEN_YEAR.search(timex.text):
                continue
            result[j] = replace(timex, value=f"{subject.value}{m['rest']}", pattern="year_of_subject")
    return result


# What may stand between a date with its year and a later month of the same clause: words with no
# clause break (no comma, semicolon, colon, dash or bracket, no "and", "but" or "while" that would
# start another clause; a comma inside a number is no break), after an optional ", when" that opens
# a clause about that date.
_SAME_CLAUSE = re.compile(r"^(?:,\s+when\s+)?(?:(?!\b(?:and|but|while|or)\b)(?:[^,;:()\u2013\u2014\n]|(?<=\d),(?=\d)))*$", re.IGNORECASE)
# Two dates joined as a pair ("in August and September"): the second one shares the first one's year.
_DATE_PAIR = re.compile(r"^\s*(?:and|or|to|until|through)\s+$", re.IGNORECASE)
_CLAUSE_REACH = 150
# The patterns of a date without a year that takes its year from the clause: months, days with a
# month name, holidays.
_YEARLESS = _WRITTEN_MONTHS | {"holiday", "month_modified"}


# A year that spans two ("fiscal 1996-97", "the 1964-85 dictatorship"): which one a month is in is open.
_TWO_YEARS = re.compile(r"\d{4}\s*[-–/]\s*\d{2,4}")
# Words before a date that make it a bound of the clause's time, not its time ("since September 1986 in March").
_BOUND_BEFORE = re.compile(r"\b(?:since|from|between|until|till|through|by|before|after)\s+(?:the\s+|late\s+|early\s+|mid-)?$", re.IGNORECASE)
_RELATIVE_WORD = re.compile(r"\b(?:last|next|this|coming|past|previous)\b", re.IGNORECASE)


def _dates_its_clause(body: str, dated: TimexMatch) -> bool:
    """Whether a date written with its year is the time of its clause: not a bound ("since
    September 1986"), not a span of two years ("fiscal 1996-97"), and a bare year only after "in"
    ("in 2015"; "the Mirage 2000" or "Wales's 2005 opener" are names and modifiers)."""
    before = body[max(0, dated.char_start - 12) : dated.char_start]
    if _TWO_YEARS.search(body, dated.char_start, dated.char_end + 6) or _BOUND_BEFORE.search(before):
        return False
    return dated.pattern != "year" or bool(re.search(r"\bin\s+$", before, re.IGNORECASE))


@rule(
    ex("A fire in December 2015 cut power to 9,000 homes over Christmas.", "Christmas", "2015-12-25", published=date(2017, 7, 11), tense="past"),
    ex("It was last shut in the summer of 2022, when dockers staged two strikes in August and September.", "September", "2022-09", published=date(2023, 10, 3), tense="past"),
    ex("The port was shut in the spring of 2019, when crews held three-day strikes in April.", "April", "2019-04", published=date(2023, 10, 3), tense="past"),
    ex("Ten years ago we opened in early November.", "early November", "2013-11", published=date(2023, 12, 2), tense="past"),
)
def year_of_clause(body: str, found: list[TimexMatch]) -> list[TimexMatch]:
    """A month, a day or a holiday written without its year in the clause of a date written with
    one ("a fire in December 2015 cut power over Christmas"; "in the summer of 2022, when
    dockers struck in August and September") or of a count of years back ("ten years ago we
    opened in early November") is in that year, not the one the tense points to.

    Notes:
        Only in one clause: a comma, a semicolon, a dash, or an "and", "but", "or" or "while" between
        the two dates starts another ("a loss for 2021 and had sought investors since March",
        "signed in 2004; the next meeting is due in September" keep the paper's year), except a
        ", when" right after the dated phrase and a pair of dates joined by "and", "or", "to".
        At most 150 characters apart. The dated phrase must be its clause's time (not "since
        September 1986", "fiscal 1996-97", a bare year not after "in"), and a relative date
        ("last December 14") keeps its own reading.
    """
    result = list(found)
    for i, timex in enumerate(result):
        m = _MONTH_OR_DAY.match(timex.value)
        if m is None or timex.pattern not in _YEARLESS or _WRITTEN_YEAR.search(timex.text) or not timex.is_resolved:
            continue
        # The last date before it: a duration between ("staged two eight-day strikes") dates nothing.
        previous = next((t for t in reversed(result[:i]) if t.timex_type in ("DATE", "TIME")), None)
        if previous is None or previous.timex_type != "DATE" or not previous.is_resolved or timex.char_start - previous.char_end > _CLAUSE_REACH:
            continue
        between = body[previous.char_end : timex.char_start]
        if _SENTENCE_END.search(between):
            continue
        year = previous.value[:4]
        # "Ten years ago we opened in early November": a count of years back is a year told too
        told_year = _WRITTEN_YEAR.search(previous.text) or previous.pattern == "year_of_clause" or previous.pattern == "ago" and _WRITTEN_YEAR.fullmatch(previous.value)
        if not told_year or not year.isdigit() or _RELATIVE_WORD.search(body, max(0, timex.char_start - 9), timex.char_end):
            continue
        if previous.pattern != "year_of_clause" and not _dates_its_clause(body, previous):
            continue
        if previous.pattern == "year_of_clause" and not _DATE_PAIR.match(between) or not (_SAME_CLAUSE.match(between) or _DATE_PAIR.match(between)):
            continue
        if year != m["year"]:
            result[i] = replace(timex, value=f"{year}{m['rest']}", pattern="year_of_clause")
    return result


# A season's value without its year ("2021-SU"); seasons too take the narrative's year.
_SEASON_VALUE = re.compile(r"^(?P<year>\d{4})(?P<rest>-(?:SP|SU|FA|WI))$")
_NARRATIVE_PARAGRAPHS = 2  # the date's own paragraph and the one before it
_PARAGRAPH_BREAK = re.compile(r"\n+")
# A narrated date: the time of its clause after a preposition ("on August 19, 2018", "in June
# 1998", "between July 20 and August 9, 2019"), not a modifier ("the Dec. 21, 1988, bombing").
_NARRATED_BEFORE = re.compile(r"\b(?:on|in|and|during)\s+(?:early\s+|late\s+|mid-)?$", re.IGNORECASE)


@rule(
    ex("Fires burned between July 20 and August 9, 2019.\n\nThe largest broke out on August 4 near the village.", "August 4", "2019-08-04", published=date(2021, 11, 9), tense="past"),
    ex("The fires were lit in August 2019.\n\nThe first broke out at 2 p.m. on August 4 near the village.", "2 p.m.", "2019-08-04T14:00", published=date(2021, 11, 9), tense="past"),
    ex("The riot began on August 19, 2018. Officers had warned of it in the spring.", "the spring", "2018-SP", published=date(2019, 10, 8), tense="past"),
)
def year_of_narrative(body: str, found: list[TimexMatch], tense_at: Callable[[int], str] | None = None, reference: date | None = None) -> list[TimexMatch]:
    """A month, a day or a season written without its year in a past clause of a narrative
    whose last date written with its year lies in its paragraph or the one before ("lit the
    fires between July 20 and August 9, 2019. [paragraph] The largest broke out on August 4"):
    the narrative's year, not the one the publication date and tense give (a clock time told on
    that day, "at 2 p.m. on August 4", moves with it).

    Notes:
        The narrative is the last date before it (a date of the news between, "on Tuesday",
        ends it), a month or a day of a year after "on", "in", "and" or "during" ("on August
        19, 2018", "in August 2019"; "the August 1988 cease-fire" is a modifier); a date inside a
        quotation, or one not after those words itself ("to make the late-November trip"),
        keeps its own reading:
        a year alone or a season ("founded in 2018", "last inspected in the spring of 2018")
        is background, and a date after it ("a first attempt on Feb. 3") the news's.
        Only past clauses and a narrative year before the publication year: "due on December 5"
        after "opened in 2015" is ahead of the paper; a bound ("reports since the spring" after
        "founded in 1987") reaches to the paper's now and keeps its reading. A relative date ("last December") keeps
        its own reading; a bare year counts only after "in" (``_dates_its_clause``), a span of
        two years ("fiscal 1996-97") and a bound ("since 2015") not at all. Two paragraphs
        back the narrative is over.
    """
    if reference is None or tense_at is None:
        return found
    result = list(found)
    for i, timex in enumerate(result):
        m = _MONTH_OR_DAY.match(timex.value) or (_SEASON_VALUE.match(timex.value) if timex.pattern in ("season", "season_of_that_year") else None)
        if m is None or timex.pattern not in _YEARLESS | {"season"} or _WRITTEN_YEAR.search(timex.text) or not timex.is_resolved:
            continue
        if _RELATIVE_WORD.search(timex.text) or _RELATIVE_WORD.search(body, max(0, timex.char_start - 9), timex.char_start) or tense_at(timex.char_start) != "past":
            continue
        if _BOUND_BEFORE.search(body[max(0, timex.char_start - 12) : timex.char_start]):
            # "had received 23 reports since the spring": a bound reaching to the paper's now
            continue
        if _in_quote(body, timex.char_start) or not _NARRATED_BEFORE.search(body, max(0, timex.char_start - 20), timex.char_start):
            continue  # a speaker's words keep their own now; a modifier ("the late-November trip") is no narrated time
        # the last date before it, past anaphora read later ("later that year"): the narrative's
        told = next((t for t in reversed(result[:i]) if t.timex_type == "DATE" and t.pattern != "anaphoric"), None)
        if told is None or not told.is_resolved or not _WRITTEN_YEAR.search(told.text) or not _MONTH_OR_DAY.match(told.value) or not _NARRATED_BEFORE.search(body, max(0, told.char_start - 20), told.char_start) or len(_PARAGRAPH_BREAK.findall(body, told.char_end, timex.char_start)) >= _NARRATIVE_PARAGRAPHS or not _dates_its_clause(body, told):
            continue
        year = told.value[:4]
        if year == m["year"] or int(year) >= reference.year:
            continue
        result[i] = replace(timex, value=f"{year}{m['rest']}", pattern="year_of_narrative")
        clock = result[i - 1] if i else None
        if clock is not None and clock.timex_type == "TIME" and clock.value.startswith(timex.value) and _TO_ITS_DAY.fullmatch(body, clock.char_end, timex.char_start):
            result[i - 1] = replace(clock, value=year + clock.value[4:], pattern="year_of_narrative")
    return result


@rule(
    ex("The orchestra will strike from Saturday. Rehearsals for Saturday's concert were called off.", "Saturday", "2023-06-03"),
)
def same_weekday_again(found: list[TimexMatch], tense_at: Callable[[int], str] | None = None) -> list[TimexMatch]:
    """A bare weekday named again where its clause gives no tense ("will strike from Saturday.
    ... Rehearsals for Saturday's concert had been called off": a possessive, left unknown) is
    the day of its first mention in the article: news names a day again for the same day.

    Notes:
        Only a weekday alone (the pattern ``weekday``) after one of the same name; a later
        mention with a tense of its own ("met on Tuesday") keeps its own reading, and "last
        Saturday" / "next Saturday" are other patterns. Two weeks' days of one name in one
        article ("Monday's vote ... the vote next Monday") are not told apart.
    """
    first: dict[str, TimexMatch] = {}
    result = []
    for timex in found:
        if timex.pattern == "weekday" and timex.is_resolved:
            name = timex.text.lower().removesuffix("'s").removesuffix("’s")
            earlier = first.setdefault(name, timex)
            if earlier is not timex and not (tense_at(timex.char_start) if tense_at is not None else ""):
                timex = replace(timex, value=earlier.value, pattern="same_weekday_again")
        result.append(timex)
    return result


# What joins a day to the clock time that follows it: "on Monday at midnight", "Friday until 6 p.m.".
_DAY_TO_CLOCK = re.compile(r",?\s+(?:at|until|till|by)\s+(?:about\s+|around\s+|exactly\s+)?", re.IGNORECASE)
_CLOCK_OF_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}(?P<clock>T\d{2}:\d{2})$")


@rule(
    ex("The strike is due to end on Friday at midnight.", "midnight", "2023-06-09T24:00", tense="future"),
    ex("The offer expires on Sunday at midnight.", "midnight", "2023-06-11T24:00", tense="future"),
)
def clock_after_day(body: str, found: list[TimexMatch]) -> list[TimexMatch]:
    """"midnight" written right after its day, joined by "at", "until" or "by" ("on Monday at
    midnight", "Friday until midnight"), is the midnight that ends that day (``T24:00`` of
    Monday), not the one the clock alone gives (after the paper's day or the day before).

    Notes:
        Only midnight: other clock times after a day in their sentence ("on Sunday at 8 p.m.")
        are ``anchor_anaphora``'s. Only a day of the month (a weekday or a date resolved to
        one), right before; "at midnight on Monday" is the clock-on-day patterns'.
    """
    result = list(found)
    for i in range(1, len(result)):
        day, clock = result[i - 1], result[i]
        if day.timex_type != "DATE" or not day.is_resolved or not _DAY_VALUE.match(day.value) or clock.timex_type != "TIME":
            continue
        if clock.text.lower() != "midnight" or (m := _CLOCK_OF_VALUE.match(clock.value)) is None or clock.value[:10] == day.value:
            continue
        if _DAY_TO_CLOCK.fullmatch(body, day.char_end, clock.char_start):
            result[i] = replace(clock, value=day.value + m["clock"], is_resolved=True, pattern="clock_after_day")
    return result


# The words of a vote a day of the article may be the day of ("the March 16 vote", "the election on May 4").
_VOTE_WORDS = r"(?:vote|election|elections|poll|polls|ballot|referendum|run-off|runoff|primary)"
_DAY_BEFORE_VOTE = re.compile(rf"\s+(?:mayoral\s+|general\s+|regional\s+|local\s+|municipal\s+|presidential\s+|parliamentary\s+)?{_VOTE_WORDS}\b", re.IGNORECASE)
_VOTE_BEFORE_DAY = re.compile(rf"\b{_VOTE_WORDS}\s+(?:is\s+|was\s+|will\s+be\s+)?(?:held\s+|due\s+|set\s+|scheduled\s+)?(?:on|for)\s+$", re.IGNORECASE)


@rule(
    ex("The race has tightened before the March 16 vote. On election day, polls open at 8 a.m.", "election day", "2024-03-16", tense="future"),
    ex("Voters go to the polls in the election on May 4, 2022. Turnout on election day was high.", "election day", "2022-05-04", tense="past"),
    ex("Voters went to the polls in the May 4 election. Results on election night were close.", "election night", "2023-05-04TNI", tense="past"),
)
def election_day_of_article(body: str, found: list[TimexMatch]) -> list[TimexMatch]:
    """"Election day" in an article that names the day of its vote ("the March 16 vote", "the
    election on May 4") is that day, not the United States' Election Day in November; "election
    night" is that day's night.

    Notes:
        The day must be written with its day of the month, before "election day" or after it,
        right before a word of voting (vote, election, poll, ballot, referendum, run-off, primary,
        maybe after "mayoral", "general", ...) or right after one and "on" or "for"; the first
        such day wins. With none, the holiday keeps its November date.
    """
    election_days = [t for t in found if t.pattern == "holiday" and t.text.lower().split() == ["election", "day"] or t.pattern == "election_night"]
    if not election_days:
        return found
    vote_day = next(
        (t for t in found if t.timex_type == "DATE" and t.is_resolved and _DAY_VALUE.match(t.value) and t.pattern != "holiday"
         and (_DAY_BEFORE_VOTE.match(body, t.char_end) or _VOTE_BEFORE_DAY.search(body, max(0, t.char_start - 40), t.char_start))),
        None,
    )
    if vote_day is None:
        return found
    # "election night": that day's night (TNI)
    return [replace(t, value=vote_day.value + ("TNI" if t.timex_type == "TIME" else ""), pattern="election_day_of_article") if t in election_days else t for t in found]


# "a week later", "four days later", "an hour later" (the pattern ``anchored``): a count of units
# after the happening just told.
_COUNT_WORDS = (
    {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
    | {"a": 1, "an": 1, "thirty": 30, "forty": 40, "fifty": 50}
)
_COUNT_LATER = re.compile(rf"^(?P<num>\d{{1,2}}|{'|'.join(sorted(_COUNT_WORDS, key=len, reverse=True))})[\s-]+(?P<unit>minute|hour|day|week|month|year)s?\s+(?P<dir>later|earlier)$", re.IGNORECASE)
# Units an "earlier" is counted back in from the date just told: not months or years, which in
# results news compare with the paper's own period ("up from 7 percent a year earlier").
_EARLIER_UNITS = frozenset({"minute", "hour", "day", "week"})
_CLOCK_VALUE = re.compile(r"^(?P<day>\d{4}-\d{2}-\d{2})T(?P<h>\d{2}):(?P<m>\d{2})$")
# How many sentence ends may lie between the date told and "a week later": its own sentence or
# the next; a clock time, rarer and finer, is still the one told a paragraph on ("voted shortly
# after 10 a.m.. 'We trust them,' he told reporters. [new paragraph] Furtado voted an hour later").
_LATER_REACH_SENTENCES = {"minute": 4, "hour": 4}


@rule(
    ex("Talks resumed on February 27. She put a draft to both sides a week later.", "a week later", "2023-03-06", tense="past"),
    ex("The balcony fell on November 23, 2019. An engineer inspected the building four days later.", "four days later", "2019-11-27", tense="past"),
    ex("Rossi voted at 10 a.m. on Sunday. Her rival voted an hour later.", "an hour later", "2023-06-04T11:00", tense="past"),
    ex('Rossi voted at 10 a.m. "I trust them," she said.\n\nHer rival voted an hour later.', "an hour later", "2023-06-05T11:00", tense="past"),
    ex("The first debate is on Thursday. A second debate is scheduled two weeks later.", "two weeks later", "2023-06-22", tense="future"),
    ex("The firm was founded in 2009. A year later it listed its shares.", "A year later", "2010", tense="past"),
    ex('"I first sailed here in 1998," he said. "Eighteen years later, we take the trophy home."', "Eighteen years later", "2016", tense=""),
    ex("The hoard was found on Dec. 28 by a man who had borrowed a detector a week earlier.", "a week earlier", "2022-12-21", tense="past"),
    ex("The gates shut at 10 p.m. on Friday. Guards had been warned two hours earlier.", "two hours earlier", "2023-06-02T20:00", tense="past"),
)
def count_after_anchor(body: str, found: list[TimexMatch], tense_at: Callable[[int], str] | None = None) -> list[TimexMatch]:
    """"She put a draft to both sides a week later", "an engineer inspected it four days later",
    "voted an hour later": a count of units later is a date counted from the date just told
    (the last date or time before it fine enough for the unit, in its sentence or the one
    before; a clock time up to four sentence ends back), as the news gold
    writes it: the day (or the hour, after a clock time; the month or year, for those units).

    Notes:
        With no date that near before it, "a month later" keeps the publication date as its
        anchor and "two days later" stays the stretch of time (a DURATION, TimeML's reading).
        Hours and minutes need a clock time before them; days and weeks a day. A date in a
        clause ahead is no anchor for a past one ("is due to testify on Wednesday. He inspected the
        building four days later" counts from an earlier date the pass does not find). "Earlier"
        counts back the same way in minutes, hours, days and weeks ("had borrowed it a week
        earlier"); "a year earlier" in results news is the year before the paper's (``compare_quarters``).
    """
    result = list(found)
    for i, timex in enumerate(result):
        m = _COUNT_LATER.match(timex.text)
        if m is None or timex.pattern != "anchored":
            continue
        num = m["num"].lower()
        count, unit = int(num) if num.isdigit() else _COUNT_WORDS[num], m["unit"].lower()
        if m["dir"].lower() == "earlier":
            if unit not in _EARLIER_UNITS:
                continue
            count = -count
        # The nearest date before it fine enough for the unit ("10 a.m. on Sunday ... an hour later": the clock time).
        # (The end of the sentence right before it is seen through its first letter.)
        near = [t for t in reversed(result[:i]) if t.timex_type in ("DATE", "TIME") and t.is_resolved and len(_SENTENCE_END.findall(body, t.char_end, timex.char_start + 1)) <= _LATER_REACH_SENTENCES.get(unit, 1)]
        anchor = next((t for t in near if _counted_from(t.value, count, unit) is not None), None)
        if anchor is None or tense_at is not None and (tense_at(anchor.char_start), tense_at(timex.char_start)) == ("future", "past"):
            # "is due to testify on Wednesday. He inspected the building four days later": the
            # past happening counts from another date than the one ahead. (A date told in the
            # past anchors a present or future clause: "I first sailed here in 1998. Eighteen
            # years later, we take the trophy home"; "It opened in 2019. Ten years later it will close".)
            continue
        value = _counted_from(anchor.value, count, unit)
        if value is not None:
            result[i] = replace(timex, timex_type="TIME" if "T" in value else "DATE", value=value, is_resolved=True, pattern="count_after_anchor")
    return result


def _counted_from(anchor: str, count: int, unit: str) -> str | None:
    """The TIMEX3 value ``count`` units after an anchor value, at the unit's granularity; None
    when the anchor is too coarse ("an hour later" after a day) or the count is zero; a
    negative count is that many units before it ("a week earlier")."""
    if count == 0:
        return None
    if unit in ("hour", "minute"):
        clock = _CLOCK_VALUE.match(anchor)
        if clock is None:
            return None
        minutes = int(clock["h"]) * 60 + int(clock["m"]) + count * (60 if unit == "hour" else 1)
        if not 0 <= minutes < 24 * 60:
            return None  # into another day: left to the duration
        return f"{clock['day']}T{minutes // 60:02d}:{minutes % 60:02d}"
    m = _ANCHOR_VALUE.match(anchor)
    if m is None:
        return None
    if unit in ("day", "week"):
        if m["day"] is None:
            return None
        day = shift_days(date(int(m["year"]), int(m["month"]), int(m["day"])), count * (7 if unit == "week" else 1))
        return day.isoformat() if day is not None else None
    if unit == "month":
        if m["month"] is None:
            return None
        year, month = shift_month(int(m["year"]), int(m["month"]), count)
        return f"{year:04d}-{month:02d}"
    return f"{int(m['year']) + count:04d}"


CONTEXT_PASSES = (coordinated_days, day_before_after, year_of_subject, range_years, year_of_clause, year_of_narrative, compare_quarters, compare_months, election_day_of_article, same_weekday_again, clock_after_day, anchor_anaphora, count_after_anchor)
