"""Parse the raw crawl format: an optional ``date YYYY-MM-DD`` prefix, paragraphs, a crawl stamp.

Example::

     date 2023-06-05 First paragraph...

    Second paragraph...

    20230605-144004
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

# The prefix token is anything date-like so that a bad date ("2023-02-30", "2023/6/5")
# is still cut from the body, and the article is loaded with a null date.
_DATE_PREFIX = re.compile(r"\A\s*date[ \t]+(?P<token>\d[\d./-]*\d)\b[ \t]*\n?")
_ISO_DATE = re.compile(r"\A(\d{4})-(\d{1,2})-(\d{1,2})\Z")
_CRAWL_STAMP = re.compile(r"(?:\A|\n)[ \t]*(?P<stamp>\d{8}-\d{6})\s*\Z")


@dataclass(frozen=True)
class RawArticle:
    """The parts of a raw-format article; ``body`` has neither the prefix nor the stamp."""

    published_date: date | None
    crawled_at: datetime | None
    body: str
    date_token: str | None


def parse_iso_date(token: str) -> date | None:
    """Return the date written as ``YYYY-MM-DD``; None when it is not a real calendar date."""
    match = _ISO_DATE.match(token)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def parse_crawl_stamp(stamp: str) -> datetime | None:
    """Return the UTC instant of a ``YYYYMMDD-HHMMSS`` stamp; None when it is not a real instant.

    Notes:
        The crawler writes no time zone; stamps are taken as UTC.
    """
    try:
        return datetime.strptime(stamp, "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def parse_raw_article(text: str) -> RawArticle:
    """Split normalised raw-format text into date, crawl stamp and body.

    The body is stripped of surrounding whitespace; it may be empty, which the caller rejects.
    """
    published: date | None = None
    token: str | None = None
    prefix = _DATE_PREFIX.match(text)
    if prefix:
        token = prefix["token"]
        published = parse_iso_date(token)
        text = text[prefix.end():]
    crawled: datetime | None = None
    stamp = _CRAWL_STAMP.search(text)
    if stamp:
        crawled = parse_crawl_stamp(stamp["stamp"])
        text = text[: stamp.start()]
    return RawArticle(published_date=published, crawled_at=crawled, body=text.strip(), date_token=token)
