"""Which input files a run must read: new or changed files, stale extractions, a date window."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from transforms.read.raw_format import parse_iso_date
from transforms.read.source_paths import display_path

# A day in a path: 2024-03-11, 2024/03/11 or 20240311 (as a folder or inside a file name).
_PATH_DAY = re.compile(r"(?<!\d)(\d{4})[-/_]?(\d{2})[-/_]?(\d{2})(?!\d)")


@dataclass(frozen=True)
class FilePlan:
    """The files a run reads, and how many it skips and why."""

    to_process: list[str]
    unchanged: int
    outside_window: int
    sizes: list[int] = field(default_factory=list)  # bytes of each file to process, for balancing batches

    @property
    def skipped(self) -> int:
        return self.unchanged + self.outside_window


def date_in_path(path: str) -> date | None:
    """The last calendar day written in a path (folders laid out by day), or None."""
    for match in reversed(list(_PATH_DAY.finditer(path))):
        day = parse_iso_date(f"{match[1]}-{match[2]}-{match[3]}")
        if day is not None:
            return day
    return None


def in_window(day: date | None, since: date | None, until: date | None) -> bool:
    """True when a path's day lies in [since, until]; paths without a day are always in."""
    if day is None:
        return True
    return (since is None or day >= since) and (until is None or day <= until)


def plan_files(
    hashes: dict[str, str],
    loaded: dict[str, set[tuple[str, str]]],
    extractor_version: str,
    *,
    full_refresh: bool = False,
    reprocess: bool = False,
    since: date | None = None,
    until: date | None = None,
    sizes: dict[str, int] | None = None,
) -> FilePlan:
    """Decide which files to read.

    Args:
        hashes: SHA-256 of each candidate file's bytes, by path.
        loaded: what the warehouse holds per path: {(sha256, extractor_version)}
            (rejected files have an empty version).
        extractor_version: the running version.
        full_refresh: read everything (the warehouse is rebuilt from these files).
        reprocess: also read unchanged files whose rows came from another extractor version.
        since: first publication day to load, by the day in the path.
        until: last publication day to load, by the day in the path.
        sizes: bytes of each candidate file (0 where not given).
    """
    to_process: list[str] = []
    unchanged = outside = 0
    for path in sorted(hashes):
        if not in_window(date_in_path(path), since, until):
            outside += 1
            continue
        held = loaded.get(display_path(path), set())
        same_bytes = {version for sha, version in held if sha == hashes[path]}
        stale = reprocess and any(version not in ("", extractor_version) for version in same_bytes)
        if full_refresh or not same_bytes or stale:
            to_process.append(path)
        else:
            unchanged += 1
    return FilePlan(to_process, unchanged, outside, [(sizes or {}).get(path, 0) for path in to_process])
