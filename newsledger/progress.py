"""Progress reporting from inside a flow to whoever started it (the CLI shows a bar).

Tasks run in the same process as the CLI, so a reporter registered here is what they call;
with none registered, progress goes to the log.
"""

from __future__ import annotations

import logging
from typing import Protocol

log = logging.getLogger("newsledger.progress")


class ProgressReporter(Protocol):
    def start(self, total_files: int) -> None: ...
    def advance(self, files: int) -> None: ...


class LogProgress:
    """Default reporter: one log line per batch."""

    def __init__(self) -> None:
        self.total = 0
        self.done = 0

    def start(self, total_files: int) -> None:
        self.total, self.done = total_files, 0

    def advance(self, files: int) -> None:
        self.done += files
        log.info("extracted %d/%d files", self.done, self.total)


_current: ProgressReporter = LogProgress()


def set_reporter(reporter: ProgressReporter | None) -> None:
    """Register the reporter tasks report to (None restores the log reporter)."""
    global _current
    _current = reporter if reporter is not None else LogProgress()


def reporter() -> ProgressReporter:
    return _current
