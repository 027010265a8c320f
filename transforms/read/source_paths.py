"""File paths as the warehouse stores them: always valid UTF-8 text.

A crawl may hold file names in another encoding. Python hands them over with surrogate
escapes, which Arrow and DuckDB cannot store; the warehouse keeps them with each undecodable
byte written as ``\\xNN``, so the article still loads and the name stays recognisable.
"""

from __future__ import annotations

import os


def display_path(path: str) -> str:
    """The path as stored in ``source_path``: undecodable bytes escaped as ``\\xNN``.

    Examples:
        "crawl/caf\\udce9.txt" (a Latin-1 name) -> "crawl/caf\\\\xe9.txt"
        "crawl/café.txt" -> "crawl/café.txt" (unchanged)
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")
