"""Event clusters: mentions of one real-world event in different articles.

Two mentions are one event when they have the same calendar interval, the same kind of
happening (the trigger word's stem) and at least one participant in common; mentions with no
participants on either side need near-identical clauses instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from transforms.corpus.text import words
from transforms.ids import stable_id

SAME_CLAUSE = 0.6  # Jaccard of clause words when neither mention names a participant
_SUFFIXES = ("ing", "ied", "ies", "ed", "es", "s")


def trigger_stem(trigger: str) -> str:
    """A crude stem of the trigger, so that 'met', 'meets' and 'meeting' block together.

    Examples:
        'Announced' -> 'announc', 'announces' -> 'announc', 'meeting' -> 'meet'
    Notes:
        Irregular forms ('met' and 'meet') and synonyms ('talks' and 'met') stay apart.
    """
    word = trigger.strip().lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word.rstrip("e")


def event_block_key(date_start: date | None, date_end: date | None, trigger: str) -> int | None:
    """The index key of an event: its interval and trigger stem; None when it has no interval."""
    if date_start is None or date_end is None:
        return None
    return int(stable_id("event-block", date_start.isoformat(), date_end.isoformat(), trigger_stem(trigger)), 16) - 2**63


@dataclass(frozen=True)
class EventMention:
    """What the comparison needs of an event."""

    participants: frozenset[str]
    clause_words: frozenset[str]


def event_mention_of(text: str, participants: frozenset[str]) -> EventMention:
    """An event's participants and the words of its clause."""
    return EventMention(participants, frozenset(words(text)))


def is_same_event(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions (already sharing interval and trigger stem) report one event.

    Examples:
        'the council met on Monday' (Harbour Council) / 'met Monday' (Harbour Council) -> True
        two 'met on Monday' clauses naming different people -> False
    """
    if a.participants or b.participants:
        return bool(a.participants & b.participants)
    union = a.clause_words | b.clause_words
    return bool(union) and len(a.clause_words & b.clause_words) / len(union) >= SAME_CLAUSE
