"""Progress from inside a flow to whoever started it (the command line shows a bar).

The flow and its tasks report to ``reporter()``: stages as they end, the articles of each batch
as they are read and extracted. In the process that started the flow that is whatever it
registered with ``set_reporter`` (the command line's bar); with none registered, progress goes
to the log. Worker processes report through a queue (``QueueProgress``) that the starting
process reads (``forward_progress``), so the bar moves per article, not per batch.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator
from typing import Any, Protocol, TypeVar

log = logging.getLogger("newsledger.progress")
T = TypeVar("T")
# Sent on a progress queue to stop its reader.
_STOP = ("stop",)


class ProgressReporter(Protocol):
    """What a run tells about its progress. Every method returns at once and never raises."""

    def stage_done(self, stage: str, seconds: float) -> None:
        """A stage of the flow (plan, extract, validate, load, publish_parquet) ended."""

    def start(self, total_files: int) -> None:
        """Extraction starts: this many files to read."""

    def parsed(self, batch: int, files: int, articles: int) -> None:
        """A batch's files were read: they hold this many articles (a JSONL file holds several)."""

    def advance(self, batch: int, articles: int) -> None:
        """This many more articles of a batch were extracted."""

    def batch_done(self, batch: int, articles: int) -> None:
        """A batch ended with this many articles extracted (the flow's own count, after the worker's)."""


class LogProgress:
    """Default reporter: one log line per batch."""

    def __init__(self) -> None:
        self.total = 0
        self.done = 0

    def stage_done(self, stage: str, seconds: float) -> None:
        log.info("%s took %.1f s", stage, seconds)

    def start(self, total_files: int) -> None:
        self.total, self.done = total_files, 0

    def parsed(self, batch: int, files: int, articles: int) -> None:
        pass

    def advance(self, batch: int, articles: int) -> None:
        pass

    def batch_done(self, batch: int, articles: int) -> None:
        self.done += articles
        log.info("batch %d: %d articles extracted (%d so far)", batch, articles, self.done)


class QueueProgress:
    """A worker process's reporter: sends what it hears to the run's main process."""

    def __init__(self, queue: Any) -> None:
        self.queue = queue

    def _send(self, *message: object) -> None:
        try:
            self.queue.put_nowait(message)
        except (OSError, ValueError):  # the run is ending and closed the queue: nobody is watching
            pass

    def stage_done(self, stage: str, seconds: float) -> None:
        self._send("stage_done", stage, seconds)

    def start(self, total_files: int) -> None:
        self._send("start", total_files)

    def parsed(self, batch: int, files: int, articles: int) -> None:
        self._send("parsed", batch, files, articles)

    def advance(self, batch: int, articles: int) -> None:
        self._send("advance", batch, articles)

    def batch_done(self, batch: int, articles: int) -> None:
        self._send("batch_done", batch, articles)


def forward_progress(queue: Any, target: ProgressReporter) -> threading.Thread:
    """Read a progress queue in a daemon thread and replay each message on ``target``.

    ``stop_forwarding(queue, thread)`` ends it.
    """

    def forward() -> None:
        while True:
            try:
                message = queue.get()
            except (EOFError, OSError, ValueError):
                return
            if message == _STOP:
                return
            name, *args = message
            getattr(target, name)(*args)

    thread = threading.Thread(target=forward, name="newsledger-progress", daemon=True)
    thread.start()
    return thread


def stop_forwarding(queue: Any, thread: threading.Thread) -> None:
    """Stop a ``forward_progress`` thread once it has replayed what was already sent."""
    try:
        queue.put(_STOP)
    except (OSError, ValueError):
        return
    thread.join(timeout=2)


def each_reported(items: Iterable[T], batch: int) -> Iterator[T]:
    """Yield every item, reporting each as one article of ``batch`` extracted."""
    for item in items:
        reporter().advance(batch, 1)
        yield item


_current: ProgressReporter = LogProgress()


def set_reporter(reporter: ProgressReporter | None) -> None:
    """Register the reporter tasks report to (None restores the log reporter)."""
    global _current
    _current = reporter if reporter is not None else LogProgress()


def reporter() -> ProgressReporter:
    return _current
