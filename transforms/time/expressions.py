"""Temporal expressions: find every one in a text and resolve it (TimeML/TIMEX3 values).

``find_timexes(body, reference_date, tense_at)`` runs the ordered registry of named patterns
(``transforms.time.patterns.PATTERNS``; their values come from ``transforms.time.resolve``), then
the context passes (``transforms.time.context.CONTEXT_PASSES``) that re-read expressions from the
ones around them ("later that year"). Every match names the rule that made it (``pattern``). The
article's publication date is a parameter: nothing here reads the clock; the tense of a clause
comes from ``transforms.time.tense``.

Spans follow TimeML: no leading preposition ("on Sunday" -> "Sunday"), determiners kept
("the next few years"). Without a reference date, absolute values still resolve and relative
ones keep ``X`` placeholders (``XXXX-XX-XX``) with ``is_resolved = False``.

Resolved dates stay on the sane calendar of ``transforms.time.calendar_values`` (1800-2200): a
publication date outside it anchors nothing, and a value outside it is kept unresolved.

Notes:
    Not handled: times with time zones ("3 p.m. EST" keeps the local time), fiscal years
    that do not follow the calendar, holidays of non-Gregorian calendars ("Diwali"), ranges
    in words as one expression ("from June 4 to June 6" gives two; "June 4-6", one word, is
    one, valued as its first day), and "May" alone as a month (too often the verb).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from transforms.time.calendar_values import CALENDAR_ERRORS, is_sane_date, is_sane_value
from transforms.time.context import anchor_anaphora, clock_after_day, compare_months, count_after_anchor, election_day_of_article, compare_quarters, coordinated_days, day_before_after, range_years, same_weekday_again, year_of_clause, year_of_narrative, year_of_subject
from transforms.time.patterns import PATTERNS
from transforms.time.timex_rule import Resolution, ResolveContext, Resolver, Tense

__all__ = ["PATTERNS", "Tense", "TimexMatch", "find_timexes"]


@dataclass(frozen=True)
class TimexMatch:
    """A temporal expression found in text, before it becomes a table row.

    ``pattern`` names the rule that found it and gave its value: an entry of
    ``transforms.time.patterns.PATTERNS``, or of ``transforms.time.context.CONTEXT_PASSES``
    when a context pass re-read it.
    """

    char_start: int
    char_end: int
    text: str
    timex_type: str
    value: str
    is_resolved: bool
    pattern: str


def _lower_keeping_offsets(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters grow when lower-cased ("İ"): keep those as they are.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# "children aged from nine months to 14 years", "aged between 6 and 11 years": the words before
# an age of a person; a length after them is no duration of a happening.
_AGED_BEFORE = re.compile(r"\baged\s+(?:from\s+|between\s+|up\s+to\s+|under\s+|over\s+)?(?:\S+\s+(?:\S+\s+)?(?:to|and)\s+)?$")


def _is_an_age(text: str, start: int) -> bool:
    """Whether a length follows "aged" (an age span's first or second end): "aged from nine
    months to 14 years" names ages, not durations."""
    return _AGED_BEFORE.search(text, max(0, start - 40), start) is not None


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
    start_places: dict[re.Pattern[str], list[int]] = {}
    keys_seen: dict[str, bool] = {}
    for entry in PATTERNS:
        name, pattern, resolver = entry.name, entry.regex, entry.function
        if entry.needs and not _any_key_in(entry.needs, lowered, keys_seen):
            continue
        for match in pattern.finditer(lowered) if entry.starts is None else _matches_at(pattern, lowered, _start_places(entry.starts, lowered, start_places)):
            # A pattern may need context it does not tag ("in 2019"): group t is then the span.
            start, end = match.span("t") if "t" in pattern.groupindex else match.span()
            if name == "month_capitalised" and not body[start].isupper():
                continue  # "march", "august" in lower case are a verb and an adjective
            if "month" in pattern.groupindex and (match["month"] or "").lower() in ("march", "may") and body[match.start("month")].islower():
                continue  # "this march", "the march on Washington": a protest; "this may help": a verb
            if "day_word" in pattern.groupindex and match["day_word"] and not body[match.start("month")].isupper():
                continue  # "may first consider": a verb and an adverb, not May 1
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            if "\n\n" in body[start:end]:
                continue  # a headline's "until Friday" and the dateline below it are two expressions
            if name in ("duration_words", "duration_vague", "duration_plural") and _strip_ago_guard(body, start, end):
                continue
            if name == "vague" and match["vague"].lower() == "now" and _is_conjunction_now(body, start):
                continue
            if body[start:end] == "This Week" and body[:start].rstrip()[-1:] in ('"', "“", "`", "'"):
                continue  # ABC's "This Week" is a programme, not a week
            if _inside_a_name(body, start, end):
                continue  # "the Riga Winter Open", "the website Baltic Chess Today": a name, not a time
            if name == "set" and match["setword"] and _names_a_paper(body, start, end):
                continue  # "the Porto daily Jornal do Norte", "the Nairobi Daily Ledger": a newspaper
            tense = tense_at(start) if tense_at else ""
            resolved = _resolve(resolver, match, ResolveContext(reference, tense))
            if resolved is None:
                continue
            timex_type, value, is_resolved = resolved
            if timex_type == "DURATION" and _is_an_age(body, start):
                continue  # "children aged from nine months to 14 years": ages
            taken.append((start, end))
            found.append(TimexMatch(start, end, body[start:end], timex_type, value, is_resolved, name))
    found.extend(coordinated_days(body, found, taken))
    found = [day_before_after(body, timex) for timex in found]
    compared = compare_months(body, compare_quarters(year_of_narrative(body, year_of_clause(body, range_years(body, year_of_subject(body, sorted(found, key=lambda t: t.char_start)))), tense_at, reference)))
    anchored = anchor_anaphora(body, clock_after_day(body, same_weekday_again(election_day_of_article(body, compared), tense_at)), tense_at, reference)
    return [_kept_on_calendar(timex) for timex in count_after_anchor(body, anchored, tense_at)]


def _any_key_in(keys: tuple[str, ...], lowered: str, seen: dict[str, bool]) -> bool:
    """Whether any of a pattern's key words is in the text; each word is looked up once per
    text, as many patterns share them (the month names)."""
    for key in keys:
        found = seen.get(key)
        if found is None:
            found = seen[key] = key in lowered
        if found:
            return True
    return False


def _start_places(starts: re.Pattern[str], lowered: str, found: dict[re.Pattern[str], list[int]]) -> list[int]:
    """Where ``starts`` matches in the text, scanned once per text for all the patterns that share it."""
    if starts not in found:
        found[starts] = [match.start() for match in starts.finditer(lowered)]
    return found[starts]


def _matches_at(pattern: re.Pattern[str], lowered: str, places: list[int]) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer`` gives, found by trying the pattern only at ``places``
    (every place a match can begin): left to right, none overlapping the one before."""
    resume = 0
    for place in places:
        if place < resume:
            continue
        match = pattern.match(lowered, place)
        if match is not None:
            yield match
            resume = max(match.end(), place + 1)


def _resolve(resolver: Resolver, match: re.Match[str], ctx: ResolveContext) -> Resolution | None:
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
        return _resolve(resolver, match, ResolveContext(None, ctx.tense)) if ctx.reference is not None else None
    if resolved is None or not resolved[2] or resolved[0] not in ("DATE", "TIME"):
        return resolved
    sane = is_sane_value(resolved[1])
    if sane is None:
        return _resolve(resolver, match, ResolveContext(None, ctx.tense)) if ctx.reference is not None else None
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


# Capitalised words after "daily"/"weekly" that are still times, not a paper's name.
_CALENDAR_NAMES = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b")


def _names_a_paper(body: str, start: int, end: int) -> bool:
    """Whether "daily", "weekly"... is a newspaper, not a SET: capitalised inside a sentence
    (part of a name: "the Nairobi Daily Ledger") or right before a capitalised name ("the
    Communist Party daily Granma", "the Porto daily Jornal do Norte"), as TimeML marks no
    newspaper. Not: "Daily," opening a sentence, or a weekday or month after it ("weekly
    Monday meetings")."""
    before = body[:start].rstrip(" \t\"'`“‘")
    if body[start].isupper() and before and before[-1] not in ".!?\n:":
        return True
    after = body[end:]
    stripped = after.lstrip(" ")
    return len(after) - len(stripped) == 1 and stripped[:1].isupper() and _CALENDAR_NAMES.match(stripped) is None


_SEASON_WORDS = frozenset({"Spring", "Summer", "Autumn", "Fall", "Winter"})
_DAY_WORDS = frozenset({"Today", "Tonight", "Tomorrow", "Yesterday"})
_NAME_WORDS = tuple(sorted(_SEASON_WORDS | _DAY_WORDS))
_SENTENCE_OPENING = ".!?\n:;\"“‘'`(—-"


def _starts_sentence(body: str, start: int) -> bool:
    before = body[:start].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_OPENING


def _inside_a_name(body: str, start: int, end: int) -> bool:
    """Whether a capitalised season or day word inside a sentence is part of a proper name
    (TimeML marks no time inside a name): a season before or after another capitalised word
    ("the Riga Winter Open", "the Munich Summer Games"), or "Today" after one ("USA Today", "the
    website Baltic Chess Today"), the word before not opening the sentence.

    Notes:
        Not: "in Spring." or "their Autumn meetings" (lower-case neighbours: a season written
        with a capital), "Since Autumn this year" (the capital word opens the sentence),
        "Spring Festival" (a holiday, which TimeML marks). A leading "the" is skipped ("the
        Summer Olympics" is a name), and so is a quotation mark opening a title before the
        word before ('the film "Caribou Summer"'). Years in names ("the 1812
        Overture") are not handled.
    """
    if not body.endswith(_NAME_WORDS, start, end):
        return False  # no season or day word to read: most expressions, spared the regexes below
    determiner = re.match(r"[Tt]he\s+", body[start:end])
    start += determiner.end() if determiner else 0  # "the Summer Olympics": the season is the word after "the"
    word = body[start:end]
    if word not in _SEASON_WORDS and word not in _DAY_WORDS or _starts_sentence(body, start):
        return False
    previous = re.search(r"(\S+)[ \t]+$", body[max(0, start - 40) : start])
    # a name's first word may open a quoted title ('the film "Caribou Summer"')
    after_capital = previous is not None and previous[1].lstrip("\"“‘'(")[:1].isupper() and not _starts_sentence(body, start - len(previous[0]))
    if word in _DAY_WORDS:
        return after_capital
    following = re.match(r"[ \t]+([A-Za-z]\w*)", body[end:])
    before_capital = following is not None and following[1][:1].isupper() and following[1] != "Festival" and _CALENDAR_NAMES.match(following[1]) is None
    return after_capital or before_capital

