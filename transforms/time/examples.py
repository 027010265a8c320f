"""How the examples of a temporal rule are written: a sentence, its publication date and the
tense of its clause in; the span found and its TIMEX3 value out.

``tests/time/test_time_patterns.py`` runs every example of ``PATTERNS`` and ``CONTEXT_PASSES``
through ``find_timexes`` and checks that the span is found, with that value, by that rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from transforms.rules import Example

# A Monday: the publication date of every example that does not name its own.
PUBLISHED = date(2023, 6, 5)


@dataclass(frozen=True)
class Dated:
    """What an example expects: ``span`` found, with TIMEX3 ``value``, read against ``published``
    in a clause of ``tense`` ("past", "future" or "" when unknown)."""

    span: str
    value: str
    published: date | None = PUBLISHED
    tense: str = ""


def timex_example(text: str, span: str, value: str, *, tense: str = "", published: date | None = PUBLISHED) -> Example:
    """An example of a temporal rule: in ``text``, published on ``published``, ``span`` has ``value``."""
    return Example(text, Dated(span, value, published, tense))
