"""Events: the clause a temporal expression dates, its trigger, and its calendar interval.

Notes:
    Not handled: events dated by an expression in another sentence ("On Sunday. He arrived."),
    and durations or sets, which measure or repeat a clause rather than date it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from transforms.doc_text import doc_text

from transforms.timex import SEASONS, TimexMatch

DATING_TYPES = ("DATE", "TIME")
# Nouns that name an event themselves ("the visit on Sunday", "talks in March").
EVENT_NOUNS = frozenset(
    "visit meeting talks summit election vote attack strike war conference ceremony launch trip tour "
    "agreement deal protest rally match game crash explosion announcement speech hearing trial dialogue".split()
)
EVENT_NOUN_FORMS = EVENT_NOUNS | {noun + "s" for noun in EVENT_NOUNS} | {"crises", "talk"}
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass(frozen=True)
class EventMatch:
    """A dated clause, before it becomes a table row."""

    char_start: int
    char_end: int
    text: str
    trigger: str
    trigger_char_start: int
    trigger_char_end: int
    timex: TimexMatch
    date_value: str | None
    date_start: date | None
    date_end: date | None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def value_interval(value: str) -> tuple[date, date] | None:
    """The first and last calendar day a TIMEX3 date value covers; None when it has none.

    ``2023-06-04`` -> that day; ``2021-03`` -> the month; ``2023`` -> the year; ``199`` -> the
    decade; ``2023-W22`` -> Monday to Sunday; ``2023-Q3``; ``2023-H2``; ``2023-SU``; a TIME -> its day.
    """
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            return date(int(m[1]), int(m[2]), 1), _month_end(int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})", value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        if m := re.fullmatch(r"(\d{3})", value):
            return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return (monday + timedelta(days=5), monday + timedelta(days=6)) if m[3] else (monday, monday + timedelta(days=6))
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            first = (int(m[2]) - 1) * 3 + 1
            return date(int(m[1]), first, 1), _month_end(int(m[1]), first + 2)
        if m := re.fullmatch(r"(\d{4})-H([12])", value):
            first = 1 if m[2] == "1" else 7
            return date(int(m[1]), first, 1), _month_end(int(m[1]), first + 5)
        if (m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)) and m[2] in SEASONS.values():
            start_month, end_month = _SEASON_MONTHS[m[2]]
            end_year = int(m[1]) + (1 if m[2] == "WI" else 0)
            return date(int(m[1]), start_month, 1), _month_end(end_year, end_month)
    except ValueError:
        return None
    return None


def _trigger_for(token: Token) -> Token | None:
    """Climb from the expression to the verb (or event noun) it modifies."""
    current = token
    for _ in range(12):
        if current.pos_ == "VERB" or (current.pos_ == "NOUN" and current.lower_ in EVENT_NOUN_FORMS and current != token):
            return current
        if current.pos_ == "AUX" and current.dep_ == "ROOT":
            return current
        if current.head == current:
            return None
        current = current.head
    return None


def _clause(trigger: Token) -> tuple[int, int]:
    sent = trigger.sent
    if trigger.pos_ == "NOUN":
        tokens = [t for t in trigger.subtree]
    else:
        # The clause: the trigger's subtree without nested clauses that have their own subject.
        tokens = [t for t in trigger.subtree if sent.start <= t.i < sent.end]
    tokens = [t for t in tokens if not t.is_space] or [trigger]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    text = doc_text(trigger.doc)
    while end > start and text[end - 1] in ".,;: \n":
        end -= 1
    return start, end


def extract_events(doc: Doc, timexes: list[TimexMatch]) -> list[EventMatch]:
    """One event per temporal expression that dates a clause (DATE or TIME types)."""
    events: list[EventMatch] = []
    for timex in timexes:
        if timex.timex_type not in DATING_TYPES:
            continue
        span = doc.char_span(timex.char_start, timex.char_end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        trigger = _trigger_for(span.root)
        if trigger is None:
            continue
        start, end = _clause(trigger)
        start, end = min(start, timex.char_start), max(end, timex.char_end)
        interval = value_interval(timex.value) if timex.is_resolved else None
        events.append(
            EventMatch(
                char_start=start,
                char_end=end,
                text=doc_text(doc)[start:end],
                trigger=trigger.text,
                trigger_char_start=trigger.idx,
                trigger_char_end=trigger.idx + len(trigger),
                timex=timex,
                date_value=timex.value,
                date_start=interval[0] if interval else None,
                date_end=interval[1] if interval else None,
            )
        )
    return events
