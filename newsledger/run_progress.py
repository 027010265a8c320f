"""What a person sees while a run works, and where its seconds went.

``RunTimeline`` times a run from the start of its process: start-up (the interpreter, the
checks, Prefect's and the flow's imports), the wait for the Prefect server, the flow run's
start, each stage of the flow, and the finish (the flow run closing, its logs sent, the report
written). Its rows add up to the wall time by construction, so the summary accounts for every
second the user waited.

``RunDisplay`` is the command line's progress reporter: a line naming the stage, and while
articles are extracted a bar that moves per article (workers report through a queue) with the
rate in articles/s and the time left.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from types import TracebackType

import psutil
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

# The flow's stages (flows/ingest.py) as the summary names them, and what comes after each.
STAGE_LABELS = {"plan": "plan", "extract": "extract", "validate": "validate", "load": "load", "publish_parquet": "publish"}
_AFTER = {
    "plan": "extracting",
    "extract": "validating",
    "validate": "loading the warehouse",
    "load": "publishing the Parquet lake",
    "publish_parquet": "finishing: run report",
}


class RunTimeline:
    """Seconds from the process's start, step by step (see the module docstring)."""

    def __init__(self, started_at: float, clock: Callable[[], float] = time.time) -> None:
        self.started_at = started_at
        self._clock = clock
        self._marks: list[tuple[str, float]] = []
        self._stages: list[tuple[str, float, float]] = []
        self._lock = threading.Lock()

    @classmethod
    def from_process_start(cls) -> RunTimeline:
        """A timeline that starts when this process did (its interpreter's start-up included)."""
        return cls(time.time() - process_age())

    def now(self) -> float:
        return self._clock()

    def mark(self, step: str) -> None:
        """A start-up step ends now (``start-up``, ``Prefect server``)."""
        with self._lock:
            self._marks.append((step, self._clock()))

    def stage_done(self, stage: str, seconds: float) -> None:
        """A stage of the flow ended now, after ``seconds``."""
        with self._lock:
            self._stages.append((STAGE_LABELS.get(stage, stage), seconds, self._clock()))

    def rows(self, until: float | None = None) -> list[tuple[str, float]]:
        """(step, seconds) from the process's start to ``until`` (now); they add up to the whole.

        The flow run's start is what lies between the last start-up step and the flow's first
        stage; the finish is what follows its last stage.
        """
        end = self._clock() if until is None else until
        with self._lock:
            marks, stages = list(self._marks), list(self._stages)
        rows: list[tuple[str, float]] = []
        last = self.started_at
        for step, at in marks:
            rows.append((step, at - last))
            last = at
        if stages:
            flow_started = stages[-1][2] - sum(seconds for _, seconds, _ in stages)
            rows.append(("flow start", flow_started - last))
            totals: dict[str, float] = {}
            for stage, seconds, _ in stages:
                totals[stage] = totals.get(stage, 0.0) + seconds
            rows += list(totals.items())
            last = stages[-1][2]
        rows.append(("finish", end - last))
        return rows

    def total(self, until: float | None = None) -> float:
        return (self._clock() if until is None else until) - self.started_at


def process_age() -> float:
    """Seconds since this process started, to the clock tick.

    From the kernel's start time in ticks since boot and the boot-time clock: psutil's create
    time adds a boot time rounded to the second, so it could put the start up to a second off.
    """
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return max(0.0, time.clock_gettime(time.CLOCK_BOOTTIME) - started)
    except (OSError, ValueError, IndexError, AttributeError):
        return max(0.0, time.time() - psutil.Process().create_time())


def _clock_text(seconds: float) -> str:
    return str(timedelta(seconds=round(seconds)))


class RunDisplay:
    """The command line's progress reporter (``newsledger.progress.ProgressReporter``).

    Thread-safe: workers' reports arrive on a forwarding thread. Only draws on a terminal
    (rich's live display stays silent when stderr is piped).
    """

    def __init__(self, console: Console, timeline: RunTimeline, clock: Callable[[], float] = time.monotonic,
                 on_progress: Callable[[], None] = lambda: None) -> None:
        self.timeline = timeline
        # Called on every report: the stall watchdog's heartbeat.
        self._on_progress = on_progress
        self._clock = clock
        self._lock = threading.Lock()
        self._files = 0
        self._parsed: dict[int, tuple[int, int]] = {}
        self._done: dict[int, int] = {}
        self._first: tuple[float, int] | None = None  # when the first articles came, and how many
        self._extracting = False
        self.progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=console, transient=True, refresh_per_second=4,
        )
        self._task = self.progress.add_task("starting: imports, Prefect server", total=None)

    def __enter__(self) -> RunDisplay:
        self.progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.progress.stop()

    def status(self, text: str) -> None:
        """Show what the run does now (before extraction: no bar)."""
        self._on_progress()
        self.progress.update(self._task, description=text)

    @property
    def description(self) -> str:
        return str(self.progress.tasks[0].description)

    # ---------------------------------------------------------------- ProgressReporter

    def stage_done(self, stage: str, seconds: float) -> None:
        self._on_progress()
        self.timeline.stage_done(stage, seconds)
        with self._lock:
            self._extracting = stage == "plan"
            if not self._extracting:
                self.progress.update(self._task, description=_AFTER.get(stage, stage))

    def start(self, total_files: int) -> None:
        self._on_progress()
        with self._lock:
            self._files = total_files
            self._refresh()

    def parsed(self, batch: int, files: int, articles: int) -> None:
        self._on_progress()
        with self._lock:
            self._parsed[batch] = (files, articles)
            self._refresh()

    def advance(self, batch: int, articles: int) -> None:
        self._on_progress()
        with self._lock:
            self._done[batch] = self._done.get(batch, 0) + articles
            self._refresh()

    def batch_done(self, batch: int, articles: int) -> None:
        self._on_progress()
        with self._lock:
            self._done[batch] = articles
            self._refresh()

    # ----------------------------------------------------------------

    def _counts(self) -> tuple[int, int]:
        """(articles extracted, articles expected): a file read as several articles grows the total."""
        total = self._files + sum(articles - files for files, articles in self._parsed.values())
        done = sum(self._done.values())
        return done, max(total, done)

    def _refresh(self) -> None:
        if not self._extracting:
            return
        done, total = self._counts()
        if done and self._first is None:
            self._first = (self._clock(), done)
        self.progress.update(self._task, description=self._describe(done, total), total=total, completed=done)

    def _describe(self, done: int, total: int) -> str:
        """The rate counts from the first articles extracted: the workers' start-up is not extraction."""
        if total == 0:
            return "extracting: nothing new to extract"
        rate = 0.0
        if self._first is not None:
            since, first = self._first
            elapsed = self._clock() - since
            rate = (done - first) / elapsed if elapsed > 0 else 0.0
        eta = _clock_text((total - done) / rate) if rate > 0 else "--:--"
        rate_text = f"{rate:.1f}" if rate > 0 else "--"
        return f"extracting articles, {rate_text} articles/s, ETA {eta}"
