"""TIMEX3 DATE patterns at the granularity of a year or coarser, in digits and in words: "2019",
"fiscal 1989", "mid-1996", "nineteen ninety-six", "the 1990s", "the nineties", "the 20th century".
Part of ``PATTERNS`` (``transforms.time.patterns``), which orders them; values follow the TIMEX3
guideline (a year has four digits, a decade three, "199", a century two, "19"). The distant past
("the 870s", "the ninth century") is in ``transforms.time.patterns_eras``.
"""

from __future__ import annotations

import re
from datetime import date

from transforms.time import resolve
from transforms.time.fragments import CALENDAR_START, PREPOSITION_START, THE_START, YEAR, opening_words
from transforms.time.timex_rule import Resolution, ResolveContext, pattern
from transforms.time.timex_rule import timex_example as ex


@pattern(
    r"\bthe\s+(?:(?P<early>early|late|mid)[\s-]+)?(?P<tens>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
    ex("Grunge was the music of the nineties.", "the nineties", "199"),
    ex("Sales rose in the late eighties.", "the late eighties", "198"),
    needs=("ties",),
    starts=THE_START,
)
def spelled_decade(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A decade of the 1900s in words: "the nineties". Not: another century's ("the twenties"
    in a 2030 paper), ages ("in his forties" has no "the")."""
    return resolve.spelled_decade(m, ctx)


@pattern(
    r"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:(?P<decade>1[2-9]\d0|20\d0)|(?<=the\s)'?(?P<short>\d0)|'(?P<short2>\d0))s\b",
    ex("Popular in the 1990s.", "the 1990s", "199"),
    ex("Music of the '90s sold well.", "the '90s", "199"),
    ex("Prices soared in the early 1990s.", "the early 1990s", "199"),
    ex("Hollanders finished the painting in the 1650s.", "the 1650s", "165"),
    needs=("0s",),
)
def decade(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A decade in digits: "the 1990s", "the '90s" (the century from the publication date).
    Not: temperatures or ages ("in his 50s" has no "the" or apostrophe)."""
    return resolve.decade(m, ctx)


@pattern(
    r"\b(?:the\s+)?(?:(?P<ord>1\d|2[01])(?:st|nd|rd|th)|(?P<this>this))[\s-]+century\b",
    ex("The worst war of the 20th century.", "the 20th century", "19"),
    ex("Houses built this century cost more.", "this century", "20"),
    ex("Police found a 17th-century painting.", "17th-century", "16"),
    needs=("century",),
    starts=opening_words("the", "this", "1", "2"),
)
def century(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A century: "the 20th century", "this century". Not: centuries in words ("the nineteenth
    century")."""
    return resolve.century(m, ctx)


@pattern(
    r"\b(?:(?P<month>january|february|march|april|may|june|july|august|september|october|november|december)\s+)?nineteen\s+(?P<tens>ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?P<unit>one|two|three|four|five|six|seven|eight|nine))?\b",
    ex("It was built in nineteen ninety-six.", "nineteen ninety-six", "1996"),
    ex("He was born in July nineteen forty-five.", "July nineteen forty-five", "1945-07"),
    needs=("nineteen",),
)
def spelled_year(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A year of the 1900s in words (broadcast transcripts), optionally after a month. Not:
    "nineteen" alone, years of other centuries in words."""
    return resolve.spelled_year(m, ctx)


@pattern(
    r"\b(?:since|in|of|from|until|till|by|to|and|between|before|after)\s+(?P<t>['’](?P<yy>\d\d))\b(?!['’]?s\b|\s*(?:percent|%)|[.,]\d)",
    ex("Nikkei at its lowest level since '82.", "'82", "1982", published=date(2008, 10, 27)),
    ex("The class of '09 graduated.", "'09", "2009", published=date(2023, 6, 5)),
    needs=("'", "’"),
    starts=PREPOSITION_START,
)
def apostrophe_year(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A year with its century cut off, after a preposition: "since '82", "the class of '09" (the
    latest such year not after the paper's, or the 20th century's without a paper). Not: "the
    '90s" (the pattern ``decade``), an apostrophe without a preposition before it ("'82 was
    a good year" may be a quotation mark)."""
    yy = int(m["yy"])
    if ctx.reference is None:
        return "DATE", f"19{yy:02d}", False
    year = ctx.reference.year // 100 * 100 + yy
    return "DATE", str(year if year <= ctx.reference.year else year - 100), True


@pattern(
    r"(?<![\d/.-])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:1[89]|20)?\d\d)(?![\w/]|\.\d)",
    ex("The date, written the American way, 7/8/07, matched the plane's name.", "7/8/07", "2007-07-08"),
    ex("Filed on 12/31/2019.", "12/31/2019", "2019-12-31"),
    needs=("/",),
)
def slash_date(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A date in digits with slashes, month first as American news writes it ("7/8/07" is July
    8); day first when the first number cannot be a month ("31/12/2019"). Not: a fraction
    ("1/2"), a date that does not exist ("2/30/2019"), a two-digit year past the paper's (read
    as the century before)."""
    first, second, y = int(m["m"]), int(m["d"]), m["y"]
    month, day = (first, second) if first <= 12 else (second, first)
    if len(y) == 2:
        century = (ctx.reference.year if ctx.reference else 2000) // 100 * 100
        year = century + int(y)
        if ctx.reference is not None and year > ctx.reference.year:
            year -= 100
    else:
        year = int(y)
    found = resolve.safe_date(year, month, day)
    return None if found is None else ("DATE", found.isoformat(), True)


@pattern(
    rf"(?=\d)(?<![\d,.$/-])\b{YEAR}\s*[-–/]\s*(?P<last>(?:1[89]|20|21)?\d\d)\b(?![-–/.,]\d|\s*(?:percent|%))",
    ex("Iraq armed itself during its 1980-1988 war.", "1980-1988", "1980"),
    ex("It was the best of the 2009-10 season.", "2009-10", "2009"),
    ex("Lyon set the record in the 1985/86 season.", "1985/86", "1985"),
    needs=(),
    starts=CALENDAR_START,
)
def year_range(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """Years written as a range, "1980-1988", "2009-10", "1985/86": one expression (the range is
    one word), valued as its first year. Not: a range that runs backwards ("2010-09"), one
    wider than a lifetime, an ISO date ("2021-06-04", the pattern ``iso_date``)."""
    first, last = int(m["year"]), m["last"]
    end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    if not first < end <= first + 99:
        return None
    return "DATE", m["year"], True


@pattern(
    rf"(?<![\d,.$])\b(?P<t>(?:(?:the\s+)?(?:fiscal|financial)\s+year\s+|fiscal\s+|(?:early|late|mid)[\s-]+)?{YEAR})\b(?!\d|,\d|\.\d|\s*(?:per\b|percent|%|people|points|shares|votes|troops|miles|feet|metres|meters|tons|units))",
    ex("It opened in 2019.", "2019", "2019"),
    ex("Sales for fiscal 1989 rose.", "fiscal 1989", "1989"),
    ex("The fiscal year 2023 ended in June.", "The fiscal year 2023", "2023"),
    ex("Prices peaked in mid-1996.", "mid-1996", "1996"),
    needs=(),
    starts=CALENDAR_START,
)
def year(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A year from 1800 to 2199 in digits: "2019", "fiscal 1989", "the fiscal year 2023",
    "mid-1996". Not: counts and amounts ("2019 points", "$1999", "2082.1")."""
    return resolve.year(m, ctx)


# "in 1763", "since 1669": a time preposition before an older year (Python's look-behind is fixed-width, so one per word).
_BEFORE_OLD_YEAR = "|".join(rf"(?<=\b{w}\s)" for w in ("in", "since", "from", "until", "by", "before", "after", "around", "of"))


@pattern(
    rf"(?:{_BEFORE_OLD_YEAR})(?P<year>1[0-7]\d\d)\b(?=\s*(?:[,.;:)!?]|$)|\s+(?:and|or|when|to|until|after|before|ad|ce)\b)",
    ex("It was the hottest day since records began in 1763.", "1763", "1763"),
    ex("The last eruption of this size came in 1669, when lava reached Catania.", "1669", "1669"),
    needs=(),
    starts=CALENDAR_START,
)
def historic_year(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A year before 1800 after a time preposition, ending its phrase: "since records began in
    1763", "came in 1669, when". Not: a count after "in" ("in 1500 villages": a noun follows);
    years from 1800 are the pattern ``year``'s."""
    return "DATE", m["year"], True


@pattern(
    r"\b(?:the\s+(?:end|beginning|start|middle)\s+of\s+(?:(?:the\s+)?(?P<part_which>next|last|previous)|the|this)\s+|(?<!the\s)(?P<which>this|next)\s+)decade\b(?![\s-]+(?:old|long)\b)",
    ex("The sea will be at our doors by the end of the decade.", "the end of the decade", "202"),
    ex("Pasture has been planted since the middle of the last decade.", "the middle of the last decade", "201"),
    ex("It was the strongest open I have played in this decade.", "this decade", "202"),
    ex("The line should open at the start of next decade.", "the start of next decade", "203"),
    needs=("decade",),
    starts=opening_words("the", "this", "next"),
)
def decade_of_publication(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """The decade of the publication year, or the one after or before it: "this decade", "the
    end of the decade", "the start of next decade", "the middle of the last decade" (TIMEX3: the
    decade's three digits, the part a modifier). Not: "the next decade" and "the past decade"
    alone (a DURATION of ten years, the patterns ``the_rel_decade`` and ``duration_vague``), "a
    decade", "the decade's best album"."""
    if ctx.reference is None:
        return "DATE", "XXX", False
    step = {"next": 1, "last": -1, "previous": -1}.get((m["which"] or m["part_which"] or "").lower(), 0)
    return "DATE", f"{ctx.reference.year // 10 + step:03d}", True


_THE_YEAR_START = re.compile(r"\bthe\s+year\s")


@pattern(
    rf"\bthe\s+year\s+(?:of\s+)?{YEAR}\b(?![-/]\d|,\d|\.\d)",
    ex("The network was built for the year 2000.", "the year 2000", "2000"),
    ex("Exports fell in the year of 2006.", "the year of 2006", "2006"),
    needs=("the year",),
    starts=_THE_YEAR_START,
)
def the_year_numbered(m: re.Match[str], ctx: ResolveContext) -> Resolution | None:
    """A year named with its noun, "the year 2000", "the year of 2006": one expression, the noun
    phrase whole (determiners are kept, as TE3 and the news gold keep them; "the year two
    thousand" is the pattern ``year_two_thousand``). Not: "the year 2005/06" (a split year,
    left to ``year_range``), "the year ended 2019" (a verb between)."""
    return "DATE", m["year"], True
