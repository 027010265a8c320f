"""Events: the clause a temporal expression dates, its trigger, and its calendar interval.

Notes:
    Not handled: events dated by an expression in another sentence ("On Sunday. He arrived."),
    and durations or sets, which measure or repeat a clause rather than date it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from transforms.context import ArticleContext
from transforms.rules import first_match
from transforms.time.calendar_values import calendar_interval, is_sane_date
from transforms.time.event_rules import EVENT_NOUN_FORMS, EVENT_TRIGGERS, NO_EVENT, EventSite
from transforms.time.expressions import TimexMatch

DATING_TYPES = ("DATE", "TIME")
# The trigger_by of an event no rule of EVENT_TRIGGERS corrected: the climb's own word.
NEAREST_VERB = "nearest_verb"
# Dependencies that make a word the head of a clause of its own.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "conj", "xcomp"})


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
    trigger_by: str
    date_value: str | None
    date_start: date | None
    date_end: date | None


def value_interval(value: str) -> tuple[date, date] | None:
    """The first and last calendar day a TIMEX3 date value covers; None when it has none.

    ``2023-06-04`` -> that day; ``2021-03`` -> the month; ``2023`` -> the year; ``199`` -> the
    decade; ``2023-W22`` -> Monday to Sunday; ``2023-Q3``; ``2023-H2``; ``2023-SU``; a TIME -> its day.

    Notes:
        An interval reaching outside the sane calendar (``EARLIEST_DATE`` to ``LATEST_DATE`` of
        ``transforms.time.calendar_values``) is None too: "1523" or "9999-12-31" leave an event undated.
    """
    interval = calendar_interval(value)
    if interval is None or not (is_sane_date(interval[0]) and is_sane_date(interval[1])):
        return None
    return interval


def _hyphenated_event_noun(token: Token) -> Token | None:
    """The last part of a hyphenated event noun the tokenizer split and the parser hung on its
    first part ("last week's parliamentary by-election": "by" heads "election"); None otherwise."""
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].text != "-":
        return None
    last = doc[token.i + 2]
    return last if f"{token.lower_}-{last.lower_}" in EVENT_NOUN_FORMS else None


def _trigger_for(token: Token) -> Token | None:
    """Climb from the expression to the verb (or event noun) it modifies."""
    current = token
    for _ in range(12):
        if current.pos_ == "VERB" or (current.pos_ in ("NOUN", "PROPN") and current.lower_ in EVENT_NOUN_FORMS and current != token):
            return current
        if current.pos_ == "NOUN" and current != token:
            split = _hyphenated_event_noun(current)
            if split is not None:
                return split  # "last week's by-election", the parser heading it with "by"
        if current != token and current.dep_ in CLAUSE_DEPS and any(c.dep_ == "nsubj" or c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
            # A clause head the tagger took for a noun ("the bridge reopens next week", "is due
            # to dock at 7 a.m."): its subject or its "to" makes it the clause's verb.
            return current
        if current.pos_ == "AUX" and (current.dep_ in ("ROOT", *CLAUSE_DEPS) or any(c.dep_ in ("nsubj", "expl") for c in current.children)):
            # A copula heading its own clause ("a deal is possible before the summer"): the
            # happening is inside that clause, never the verb that reports it.
            return current
        if current.head == current:
            return None
        current = current.head
    return None


def dating_root(span: Span) -> Token:
    """The token through which an expression hangs in its sentence: the span's root, unless the
    parser hung that on as punctuation ("walked out at 8 a.m." with "a.m." a stray mark of
    "said") while another token of the span is properly attached ("8", the object of "at")."""
    root = span.root
    if root.dep_ != "punct":
        return root
    attached = [t for t in span if t.dep_ != "punct" and (t.head == t or not (span.start <= t.head.i < span.end))]
    return attached[0] if attached else root


def find_trigger(root: Token, text: str, value: str | None = None) -> tuple[Token | Span, str] | None:
    """The word a dating expression (its root token, its TIMEX3 value) dates and the rule that
    chose it: the climb's verb or event noun, unless a rule of ``EVENT_TRIGGERS`` answers (a
    word, or a phrase such as "began inspecting"); None: no event."""
    climbed = _trigger_for(root)
    chosen, answer = first_match(EVENT_TRIGGERS, EventSite(root, climbed, text, value))
    if chosen is None:
        return (climbed, NEAREST_VERB) if climbed is not None else None
    if answer is NO_EVENT:
        return None
    return answer, chosen.name


def _clause(trigger: Token, text: str) -> tuple[int, int]:
    """The span of the trigger's subtree (its clause, or its noun phrase), without spaces."""
    left, right = trigger.left_edge, trigger.right_edge
    if left.is_space or right.is_space:
        tokens = [t for t in trigger.subtree if not t.is_space] or [trigger]
        left, right = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    # The edges are the subtree's first and last tokens, and a subtree stays in its sentence.
    start, end = left.idx, right.idx + len(right)
    while end > start and text[end - 1] in ".,;: \n":
        end -= 1
    return start, end


def extract_events(article: ArticleContext | Doc, timexes: list[TimexMatch]) -> list[EventMatch]:
    """One event per temporal expression that dates a clause (DATE or TIME types).

    ``article`` is the article's context (a bare Doc is given one: tests and one-off calls).
    """
    context = article if isinstance(article, ArticleContext) else ArticleContext.build(article)
    doc, text = context.doc, context.text
    events: list[EventMatch] = []
    seen: set[tuple[int, str | None]] = set()
    for timex in timexes:
        if timex.timex_type not in DATING_TYPES:
            continue
        span = doc.char_span(timex.char_start, timex.char_end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        found = find_trigger(dating_root(span), text, timex.value)
        if found is None:
            continue
        trigger, trigger_by = found
        # A rule may answer a phrase ("began inspecting", aspectual_head): its first word heads it.
        head = trigger[0] if isinstance(trigger, Span) else trigger
        trigger_start = trigger.start_char if isinstance(trigger, Span) else trigger.idx
        trigger_end = trigger.end_char if isinstance(trigger, Span) else trigger.idx + len(trigger)
        if (head.i, timex.value) in seen:
            # "held on April 21, the same day as ...": a second expression of the same date
            # restates it; one happening on one date is one event.
            continue
        seen.add((head.i, timex.value))
        start, end = _clause(head, text)
        start, end = min(start, timex.char_start), max(end, timex.char_end)
        interval = value_interval(timex.value) if timex.is_resolved else None
        events.append(
            EventMatch(
                char_start=start,
                char_end=end,
                text=text[start:end],
                trigger=trigger.text,
                trigger_char_start=trigger_start,
                trigger_char_end=trigger_end,
                timex=timex,
                trigger_by=trigger_by,
                date_value=timex.value,
                date_start=interval[0] if interval else None,
                date_end=interval[1] if interval else None,
            )
        )
    return events
