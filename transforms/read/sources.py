"""Which outlet published an article: the record's own word for it, else a pattern over its path.

Examples:
    {"site_name": "Harbour Times"}                  -> "Harbour Times"
    {"url": "https://www.harbourtimes.example/a/1"} -> "harbourtimes.example"
    crawl/kell-wire/2024-03-11/a.txt (default pattern) -> "kell-wire"
    samples/2024-03-11/a.txt                          -> None
Notes:
    A source is a name as written, not an entity: "Harbour Times" and "harbourtimes.example"
    are two sources. Records that name only an author (``byline``) get no source.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

# Record fields naming the outlet, in order of trust; a nested {"name": ...} is read too.
SITE_KEYS = ("source", "site_name", "sitename", "site", "publisher", "outlet", "source_name", "source_domain", "domain")
URL_KEYS = ("url", "link", "source_url", "canonical_url", "canonical_link", "permalink")
# crawl/<source>/<day>/...: the source folder right after a "crawl" folder, before a dated one.
DEFAULT_SOURCE_PATTERN = r"(?:^|/)crawl/(?P<source>[^/]+)/\d{4}(?:-?\d{2}){0,2}/"
_MAX_SOURCE_CHARS = 200


def host_of(url: str) -> str | None:
    """The host of a URL without ``www.``, lower case; None when it has none.

    Examples:
        "https://WWW.Example.org/x" -> "example.org"
        "example.org/news/1" -> "example.org"
        "not a url" -> None
    """
    text = url.strip()
    if "//" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    if not host or "." not in host or " " in host:
        return None
    return host.lower().removeprefix("www.")


def _clean(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())[:_MAX_SOURCE_CHARS]
    return text or None


def source_from_record(record: dict[str, Any]) -> str | None:
    """The outlet a JSON record names: a site field, else the host of its URL."""
    for key in SITE_KEYS:
        name = _clean(record.get(key))
        if name is not None:
            return host_of(name) if name.startswith(("http://", "https://")) else name
    for key in URL_KEYS:
        value = record.get(key)
        if isinstance(value, str) and (host := host_of(value)) is not None:
            return host
    return None


@lru_cache(maxsize=8)
def _compiled(pattern: str) -> re.Pattern[str] | None:
    compiled = re.compile(pattern)
    return compiled if "source" in compiled.groupindex else None


def source_from_path(path: str, pattern: str | None) -> str | None:
    """The outlet a file's path names through ``pattern`` (a regex with a group named ``source``).

    Raises:
        re.error: the pattern is not a valid regular expression.
    """
    if not pattern:
        return None
    compiled = _compiled(pattern)
    if compiled is None:
        return None
    match = compiled.search(path.replace("\\", "/"))
    return _clean(match["source"]) if match else None
