"""What a temporal rule is: a ``TimexPattern`` (a named regex and its resolver, made with
``@pattern``), what a resolver reads (``ResolveContext``) and gives (``Resolution``), and how
its examples are written: a sentence, its publication date and the tense of its clause in; the
span found and its TIMEX3 value out.

``tests/time/test_time_patterns.py`` runs every example of ``PATTERNS`` and ``CONTEXT_PASSES``
through ``find_timexes`` and checks that the span is found, with that value, by that rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from transforms.rules import Example, Rule

Tense = str  # "past", "future" or "" when unknown
Resolution = tuple[str, str, bool]  # (timex_type, value, is_resolved)


@dataclass(frozen=True)
class ResolveContext:
    """What a resolver reads besides its match: the publication date (None: unknown or off the
    sane calendar) and the tense of the clause ("past", "future" or "")."""

    reference: date | None
    tense: Tense


Resolver = Callable[[re.Match[str], ResolveContext], Resolution | None]

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


@dataclass(frozen=True, kw_only=True)
class TimexPattern(Rule[Resolver]):
    """A named temporal rule: a regex over the lower-cased text, the key words it needs, and its
    function, the resolver of its matches."""

    regex: re.Pattern[str]
    needs: tuple[str, ...]
    # A regex that matches wherever a match of ``regex`` can begin (and maybe elsewhere): the
    # pattern is then tried only at those places, not at every character of the text. Shared
    # by the patterns that open alike, so its own scan is paid once per text.
    starts: re.Pattern[str] | None = None


def pattern(regex: str, *examples: Example, needs: tuple[str, ...] = (), starts: re.Pattern[str] | None = None, name: str | None = None) -> Callable[[Resolver], TimexPattern]:
    """Make a resolver a pattern named after it (or ``name``), with its regex, key words, the
    places its matches can begin (``starts``) and examples."""

    def wrap(function: Resolver) -> TimexPattern:
        return TimexPattern(name or function.__name__, function, examples, regex=re.compile(regex), needs=needs, starts=starts)

    return wrap
