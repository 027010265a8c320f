"""TIMEX3 DATE patterns for the distant past: years before 1800 after a word that makes them
years, decades of three-digit years and centuries in words ("dates from 967", "the 970s", "the
tenth century"). Part of ``PATTERNS`` (``transforms.time.patterns``), which orders them; values
follow the TIMEX3 guideline (a year has four digits, "0967"; a decade three, "097"; a century
two, "09").

Notes:
    A bare number ("in 967") is no year: it is read only after "the year" or a dating verb
    ("dates from", "dating back to"), where nothing but a year can follow.
"""

from __future__ import annotations

import re

from transforms.time.fragments import THE_START, opening_words
from transforms.time.resolve import ORDINAL_WORDS
from transforms.time.timex_rule import Resolution, ResolveContext, pattern
from transforms.time.timex_rule import timex_example as ex

# Centuries in words up to the twenty-first.
_ORDINAL_WORDS = {word: n for word, n in ORDINAL_WORDS.items() if n <= 21}
_ORDINAL_ALTERNATION = "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))


@pattern(
    r"\b(?:dat(?:es|ed|ing|e))\s+(?:back\s+)?(?:from|to)\s+(?P<t>(?:(?:about|around|roughly|circa|c\.)\s+)?(?P<year>[1-9]\d{2}|1[0-7]\d\d))\b(?!\s*(?:bc|b\.c\.|bce)\b)",
    ex("The oldest coin dates from 843.", "843", "0843"),
    ex("A chapel dating back to 1120 was restored.", "1120", "1120"),
    ex("The ruins date to around 1450.", "around 1450", "1450"),
    needs=("dat",),
    starts=opening_words("dat"),
)
def early_year(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A year before 1800 after a dating verb ("dates from 843", "dating back to 1120"): four
    digits, zero-padded. Not: a bare number ("in 843"), a year before Christ (TimeML writes
    those BC)."""
    return "DATE", f"{int(m['year']):04d}", True


@pattern(
    r"\bthe\s+year\s+(?P<year>[1-9]\d{2}|1[0-7]\d\d)\b(?!\s*(?:bc|b\.c\.|bce)\b)",
    ex("The town was founded in the year 712.", "the year 712", "0712"),
    needs=("the year",),
    starts=THE_START,
)
def named_early_year(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """"the year 712": a year before 1800 named as one, four digits, zero-padded. Not: "the
    year" alone (the pattern ``the_quarter``), a year before Christ."""
    return "DATE", f"{int(m['year']):04d}", True


@pattern(
    r"\bthe\s+(?:(?:early|late|mid)[\s-]+)?(?P<decade>[1-9][1-9]0)s\b",
    ex("The hoard was buried in the 870s.", "the 870s", "087"),
    ex("A fort was built in the late 640s.", "the late 640s", "064"),
    needs=("0s",),
    starts=THE_START,
)
def early_decade(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A decade of a three-digit year ("the 870s"): the year's first two digits, zero-padded to
    three. Not: "the 900s" (a century or a decade), a decade without "the"."""
    return "DATE", f"{int(m['decade']) // 10:03d}", True


@pattern(
    rf"\b(?:the\s+(?:(?:early|late|mid)[\s-]+)?(?:(?P<word>{_ORDINAL_ALTERNATION})|(?P<digits>[1-9])(?:st|nd|rd|th))\s+|(?:(?P<adj_word>{_ORDINAL_ALTERNATION})|(?P<adj_digits>[1-9])(?:st|nd|rd|th))-)century\b",
    ex("Monks settled the island in the ninth century.", "the ninth century", "08"),
    ex("A sixteenth-century map was sold.", "sixteenth-century", "15"),
    ex("The abbey burned in the 5th century.", "the 5th century", "04"),
    needs=("century",),
)
def spelled_century(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A century in words ("the ninth century", "sixteenth-century") or a one-digit ordinal
    ("the 5th century"): its first year's two leading digits. Not: "the 20th century" (the
    pattern ``century``), a cricketer's hundred ("his fifth century": only after "the" or
    as an adjective, "fifth-century")."""
    word, digits = m["word"] or m["adj_word"], m["digits"] or m["adj_digits"]
    number = _ORDINAL_WORDS[word.lower()] if word else int(digits)
    return "DATE", f"{number - 1:02d}", True
