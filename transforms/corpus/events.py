"""Event clusters: mentions of one real-world event in different articles.

Two mentions are one event when they have the same calendar interval, the same kind of
happening (the trigger word's stem) and the same actor: a person, organisation or group both
name. Mentions naming no actor join by a shared place (or other named thing); mentions naming
nothing need near-identical clauses instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from transforms.corpus.signatures import TWIN_BAND, IndexKeys, text_key
from transforms.corpus.text import words
from transforms.run.ids import stable_id

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


# Entity types that say who acts; the other types (places, facilities, named works, laws, events)
# say where or what.
WHO_TYPES = frozenset({"PERSON", "ORG", "NORP"})


@dataclass(frozen=True)
class EventMention:
    """What the comparison needs of an event.

    Attributes:
        participants: who the clause names: entity ids of people, organisations and groups.
        clause_words: the clause's words.
        block: ``event_block_key`` of its interval and trigger; None when undated (it joins
            nothing).
        places: the other entities the clause names: places, facilities, named things.
    """

    participants: frozenset[str]
    clause_words: frozenset[str]
    block: int | None = None
    places: frozenset[str] = frozenset()


def event_mention_of(text: str, participants: frozenset[str], block: int | None = None, places: frozenset[str] = frozenset()) -> EventMention:
    """An event's participants, its block, the places it names and, when it names nothing, the
    words of its clause (the only mentions ``is_same_event`` compares by their words)."""
    return EventMention(participants, frozenset() if participants or places else frozenset(words(text)), block, places)


def event_fingerprint(mention: EventMention) -> int | None:
    """A key of all the comparison sees of a mention; None when it can join nothing.

    Mentions with equal fingerprints (the same clause in copies of a story) are one event
    with no comparison and compare alike with every other mention. The clause counts only
    when the mention names nothing (``is_same_event`` looks at it only then).
    """
    if mention.block is None or not (mention.participants or mention.places or mention.clause_words):
        return None
    if mention.participants or mention.places:
        what = ["who", *sorted(mention.participants), "where", *sorted(mention.places)]
    else:
        what = ["\x00", *sorted(mention.clause_words)]
    return text_key("event", f"{mention.block}\x1e" + " ".join(what))


def _key(block: int, role: str, entity: str) -> int:
    return text_key(f"event-{role}", f"{block}\x1f{entity}")


def event_keys(mention: EventMention) -> IndexKeys:
    """The index rows and look-ups of a mention (``is_same_event`` in keys).

    A mention naming someone has a key per participant (its block and the entity) in the bands
    below TWIN_BAND: sharing one is being one event, so no comparison is made. A mention naming
    nobody has such a key per place or other named thing instead; one naming nothing has its
    block (band 0) and is compared with the others of its block by its clause. An undated
    mention has no keys.
    """
    if mention.block is None:
        return IndexKeys([], [])
    block = mention.block
    if mention.participants:
        return IndexKeys([(TWIN_BAND - 1 - i, _key(block, "who", p)) for i, p in enumerate(sorted(mention.participants))], [])
    if mention.places:
        return IndexKeys([(TWIN_BAND - 1 - i, _key(block, "place", p)) for i, p in enumerate(sorted(mention.places))], [])
    return IndexKeys([(0, block)], [block])


def is_same_event(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions (already sharing interval and trigger stem) report one event.

    Examples:
        'the council met on Monday' (Harbour Council) / 'met Monday' (Harbour Council) -> True
        two 'met on Monday' clauses naming different people -> False
        'Varga opened a depot in Eastport' / 'Berg opened a school in Eastport' -> False (two actors)
        'a depot opened in Eastport' / 'Eastport's depot opened' -> True (nobody named, one place)
    Notes:
        A mention naming nobody does not join one naming someone, even in the same place: it
        could be either of two actors' events there that day, and joining it to both would join
        them (clusters are connected). Who acts and what is acted on are not told apart: 'Varga
        visited the Port Authority' and 'Berg visited the Port Authority' on one day share the
        authority and are one event. The same actor doing the same kind of thing twice on one
        day is one event too.
    """
    if a.participants or b.participants:
        return bool(a.participants & b.participants)
    if a.places or b.places:
        return bool(a.places & b.places)
    union = a.clause_words | b.clause_words
    return bool(union) and len(a.clause_words & b.clause_words) / len(union) >= SAME_CLAUSE
