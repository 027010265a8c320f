"""The ``runs`` row and the end-of-run summary, from counts a run collected."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class RunCounts:
    """What a run saw and produced."""

    files_seen: int = 0
    files_skipped: int = 0
    articles_loaded: int = 0
    files_rejected: int = 0
    quotes: int = 0
    entities: int = 0
    entity_mentions: int = 0
    temporal_expressions: int = 0
    events: int = 0


def counts_from(files_seen: int, files_skipped: int, row_counts: dict[str, int]) -> RunCounts:
    """A run's counts from the files it saw and skipped and the rows of its tables."""
    return RunCounts(
        files_seen=files_seen,
        files_skipped=files_skipped,
        articles_loaded=row_counts.get("articles", 0),
        files_rejected=row_counts.get("rejects", 0),
        quotes=row_counts.get("quotes", 0),
        entities=row_counts.get("entities", 0),
        entity_mentions=row_counts.get("entity_mentions", 0),
        temporal_expressions=row_counts.get("temporal_expressions", 0),
        events=row_counts.get("events", 0),
    )


def run_id_for(started_at: datetime) -> str:
    """A sortable, readable run id: ``20260101T020000Z-<microseconds>``."""
    return started_at.strftime("%Y%m%dT%H%M%SZ-%f")


def run_row(
    run_id: str,
    started_at: datetime,
    finished_at: datetime,
    counts: RunCounts,
    *,
    validation_passed: bool,
    extractor_version: str,
    message: str | None = None,
    stage_seconds: dict[str, float] | None = None,
    loaded: bool | None = None,
) -> dict[str, object]:
    """The ``runs`` table row of one run.

    Status: ``success`` when it loaded. ``loaded`` None (older callers) reads a message as a failure.
    """
    succeeded = loaded if loaded is not None else message is None
    return {
        "run_id": run_id,
        "started_at": started_at,
        "finished_at": finished_at,
        "status": "success" if succeeded else "failed",
        **asdict(counts),
        "validation_passed": validation_passed,
        "stage_seconds": None if stage_seconds is None else json.dumps({k: round(v, 3) for k, v in stage_seconds.items()}),
        "extractor_version": extractor_version,
        "message": message,
    }


def with_stage_seconds(row: dict[str, object], stage: str, seconds: float) -> dict[str, object]:
    """The ``runs`` row with one more stage in ``stage_seconds`` (the load adds its clustering
    step, timed after the row was built); a row that records no stages stays as it is.

    Examples:
        stage_seconds '{"extract": 9.0}' + ("cluster", 0.4) -> '{"extract": 9.0, "cluster": 0.4}'
    """
    if row.get("stage_seconds") is None:
        return row
    stages = json.loads(str(row["stage_seconds"]))
    return {**row, "stage_seconds": json.dumps({**stages, stage: round(seconds, 3)})}


@dataclass
class StageClock:
    """Wall-clock seconds per stage of a run: ``clock.lap("extract")`` closes a stage.

    ``on_lap`` hears of every lap as it closes, with its seconds (a progress display).
    """

    seconds: dict[str, float] = field(default_factory=dict)
    on_lap: Callable[[str, float], None] | None = None
    _last: float = field(default_factory=time.perf_counter)

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        elapsed, self._last = now - self._last, now
        self.seconds[stage] = self.seconds.get(stage, 0.0) + elapsed
        if self.on_lap is not None:
            self.on_lap(stage, elapsed)
