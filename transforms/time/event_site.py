"""What the trigger rules of ``EVENT_TRIGGERS`` read: the site of a dating expression, the
answer that drops an event, and the word lists and tree helpers the rules share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from transforms.lexicons import words
from transforms.lexicons.verbs import verb_forms
from transforms.rules import Rule


def all_forms(bases: frozenset[str]) -> frozenset[str]:
    """Every form of some base verbs, doubled consonants included ("plan" -> planned): the
    pipeline runs no lemmatizer."""
    return frozenset(form for base in bases for form in verb_forms(base, double_final=True))


def plural(noun: str) -> str:
    """A regular English plural: "visit" -> visits, "launch" -> launches, "delivery" -> deliveries."""
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


EVENT_NOUNS = words("event_nouns")
EVENT_NOUN_FORMS = EVENT_NOUNS | {plural(noun) for noun in EVENT_NOUNS} | {"crises", "talk"}
IMPLICATIVE_VERBS = all_forms(words("implicative_verbs"))
FIGURE_NOUNS = words("figure_nouns")
FIGURE_VERBS = all_forms(words("figure_verbs"))
SCHEDULE_VERBS = all_forms(words("schedule_verbs"))
# Verbs that ask or order: what they ask for lies ahead ("were asked to leave by 6 p.m."), and a date after it dates that.
DIRECTIVE_VERB_FORMS = all_forms(words("directive_verbs"))
NAMING_PARTICIPLES = words("naming_participles")

NO_EVENT_TEXT = "(no event)"


class NoEventAnswer:
    """The answer of a rule that finds no happening for the expression."""

    def __repr__(self) -> str:
        return "NO_EVENT"


NO_EVENT = NoEventAnswer()


@dataclass(frozen=True)
class EventSite:
    """Where a dating expression sits: its root token, the word the climb reached (None: none),
    the article's text (the Doc's) and the expression's TIMEX3 value (None: not known)."""

    root: Token
    climbed: Token | None
    text: str
    value: str | None = None


TriggerRule = Rule[Callable[[EventSite], Any]]


def is_event_noun(token: Token) -> bool:
    """Whether a token is a noun that names an event itself ("the vote", "talks")."""
    return token.pos_ in ("NOUN", "PROPN") and token.lower_ in EVENT_NOUN_FORMS


def preposition(root: Token) -> Token | None:
    """The preposition a dating expression hangs on ("from a year earlier" -> "from"), if any."""
    head = root.head
    while head.dep_ in ("npadvmod", "pcomp", "pobj") and head != head.head and head.pos_ != "ADP":
        head = head.head
    return head if head.pos_ == "ADP" or head.dep_ == "prep" else None
