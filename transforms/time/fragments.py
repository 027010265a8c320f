"""The regex fragments the temporal patterns (``transforms.time.patterns``) are built from, and
the key words a pattern needs in a text before it runs.

Every fragment is written for the lower-cased text; named groups (``month``, ``day``, ``year``,
``num``, ``unit``...) are what the resolvers of ``transforms.time.resolve`` read.
"""

from __future__ import annotations

import re

MONTH = r"(?P<month>january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
MONTH_WITH_MAY = MONTH.replace("april|", "april|may|")
# Days as digits ("June 4", "4th") or, in broadcast transcripts, as words ("March eighth"; only
# after the month, where "March first" cannot be an adverb).
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
DAY_OR_WORD = r"(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)?|(?P<day_word>(?:twenty-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|thirty-first)\b(?!-))"
YEAR = r"(?P<year>(?:1[89]|20|21)\d\d)"
# US and UTC zone names news writes after a clock time; the value keeps the local time.
ZONE = r"(?:[ecmp][sd]t|gmt|utc)\b"
# Nouns after "today's" that make it the present age, not a date ("today's world", "today's
# youth"); TimeBank leaves those unannotated.
GENERIC_PRESENT = r"(?:world|youth|society|generations?|children|kids|young|teenagers|culture|economy|personal|computers|technology|families|consumers|standards)\b"
SPELLED_YEAR = r"nineteen\s+(?P<tens>ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?P<unit>one|two|three|four|five|six|seven|eight|nine))?"
NUM = r"(?P<num>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)"
# A count with thousands separators too ("1,050 years ago"); ``resolve._number`` drops the commas.
NUM_GROUPED = NUM.replace(r"\d+", r"\d{1,3}(?:,\d{3})+|\d+", 1)
# A count of units as news writes it: thousands separators ("2,000 years") or a decimal ("30.8
# minutes", "2.5 years"); TIMEX3 writes the decimal in the value (PT30.8M, P2.5Y).
# Tens and units in words ("twenty-four", "twenty four") come before the tens alone.
_TENS_UNITS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b|"
NUM_MEASURED = NUM.replace(r"\d+", r"\d{1,3}(?:,\d{3})+(?![.,]?\d)|\d+\.\d+|\d+(?![.,]\d)", 1).replace("|a|an|", "|a|an|another|" + _TENS_UNITS, 1)
# "quarter" only in the plural: "a quarter" is mostly a fraction ("a quarter of the shares").
UNIT = r"(?P<unit>day|week|month|year|decade|century|hour|minute|quarter(?=s))s?"
# "last" as the adjective of "the last six weeks", not the verb after a modal, "to" or a negation
# ("will last six weeks", "expected to last at least two months", "would not last more than six
# months"). The checks of the words before stand after "last", not before it: the regex engine
# then drops the alternative at its first letter where there is no "last", instead of running
# thirteen lookbehinds at every place it tries.
_BEFORE_VERB_LAST = (r"\bto", r"\bwill", r"\bwould", r"\bcould", r"\bmay", r"\bmight", r"\bcan", r"\bshould", r"\bmust", r"\bnot", "n't", r"\bdid", r"\bdoes")
LAST_NOT_VERB = "last" + "".join(rf"(?<!{before}\slast)" for before in _BEFORE_VERB_LAST)
WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
REL = r"(?:(?:early|late)\s+)?(?P<rel>last|next|this|past|coming|previous|earlier\s+this|later\s+this)"
FEW = r"(?P<few>few|several|many|coming|past)"

# Where a match can begin of a pattern that opens with a month name, a weekday, a year in
# digits, or a word that may come before one of them ("early", "mid", "last", "this coming",
# "the previous", "fiscal"), or a relative word before a unit ("the past week", "earlier this
# year"): such a pattern is tried only at these places
# (``TimexPattern.starts``), found by one scan of the text shared by all of them. A lookahead,
# so that "the fiscal" does not hide the "fiscal" inside it.
CALENDAR_START = re.compile(r"\b(?=\d{4}|the\s+(?:fiscal|financial|previous|past|coming)|fiscal|financial|early|earlier|late|mid|last|next|this|past|coming|previous|mon|tue|wed|thu|fri|sat|sun|j(?:an|u[nl])|feb|ma[ry]|a(?:pr|ug)|sep|oct|nov|dec)")

# Where a match can begin of a pattern that opens with a count (digits or a number word) or a
# word that may come before one ("the next", "nearly", "more than", "a few", "several"), or a
# unit ("years ago", "decades-long", "week-long"): such a pattern is tried only at these places
# (``TimexPattern.starts``), found by one scan of the text shared by all of them.
_COUNT_WORDS = (
    "the", "a", "an", "another", "next", "last", "past", "first", "final", "following", "coming", "previous", "nearly",
    "almost", "about", "around", "roughly", "approximately", "some", "more", "less", "over", "under", "just", "up", "at", "once", "twice", "thrice", "half",
    "several", "many", "few", "single", "multi", "decades", "years", "months", "weeks", "days", "hours",
    "day", "week", "month", "year", "hour",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
    "sixty", "seventy", "eighty", "ninety", "hundred",
)


def word_tree(words: tuple[str, ...] | list[str]) -> str:
    """An alternation of words as a tree of their shared beginnings: "a|about|an|another" as
    "a(?:bout|n(?:other)?)?". It matches what the flat alternation matches, but the regex engine
    tries a flat alternation's words one by one at every place, and the tree's first letters
    only: a scan over a long word list costs about half."""
    branches: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        branches.setdefault(word[:1], []).append(word[1:])
    ends_here = "" in branches
    alternatives = [re.escape(first) + word_tree(rests) for first, rests in branches.items() if first]
    if not alternatives:
        return ""
    tree = alternatives[0] if len(alternatives) == 1 and not ends_here else "(?:" + "|".join(alternatives) + ")"
    return tree + "?" if ends_here else tree


COUNT_START = re.compile(r"\b(?=\d|" + word_tree(_COUNT_WORDS) + r"\b)")

# Where a match can begin of a pattern that opens with an ordinal ("second", "4th", "opening")
# or the article before one ("the second day", "a third straight year"): such a pattern is tried
# only at these places (``TimexPattern.starts``).
ORDINAL_WORDS = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|opening|final|penultimate"
ORDINAL_START = re.compile(r"\b(?=(?:the|a)\s|(?:" + ORDINAL_WORDS + r")\b|\d)")


def opening_words(*words: str, spaced: bool = False) -> re.Pattern[str]:
    """The ``starts`` of a pattern that opens, at a word boundary, with one of ``words`` or with
    a word one of them begins ("the" stands for "these" too).

    A plain alternation of the words, not a lookahead after ``\\b`` as above: Python's regex
    engine skips ahead to the letters such a regex can begin with instead of trying it at every
    character, so its scan costs a fraction of the pattern's own. Taking in the words hides no
    start: the pattern opens at a word boundary, and no boundary lies inside a word's letters.

    ``spaced``: the pattern has a space (``\\s``) right after its opening word, and the scan asks
    for one too, so that it does not stop at the "in" of "begin" or the "to" of "photo"; every
    opening word is then written in full ("throughout" besides "through"). The space it takes in
    hides no start either: no word begins with one.
    """
    if not all(word.isalnum() for word in words):
        raise ValueError(f"opening words are letters and digits only, or the scan may hide a start: {words}")
    return re.compile("(?:" + "|".join(words) + r")\s" if spaced else "|".join(words))


# Patterns that open with "the" ("the year 967", "the quarter", "the eighties").
THE_START = opening_words("the")
# The SET patterns: "every", "each", or a unit's adverb ("daily", "weekly").
SET_START = opening_words("every", "each", "hourly", "daily", "weekly", "monthly", "annually", "yearly")
# Patterns that open with a preposition or a conjunction before a date ("in May", "for weeks",
# "since '98", "at 14:30").
PREPOSITION_START = opening_words(
    "in", "since", "by", "until", "till", "during", "before", "after", "of", "from", "to", "through", "throughout",
    "for", "over", "within", "and", "between", "at", "around", "about", spaced=True,
)

MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
CLOCK_KEYS = ("a.m.", "p.m.", "noon", "midnight")
