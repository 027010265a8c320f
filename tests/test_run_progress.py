"""What a run shows: a first line at once, a bar with articles/s and ETA, a summary whose times add up to the wall time."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.console import Console

from conftest import SAMPLES
from newsledger.progress import QueueProgress, forward_progress, stop_forwarding
from newsledger.run_progress import RunDisplay, RunTimeline

CLI = Path(sys.executable).parent / "newsledger"


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_the_timeline_rows_add_up_to_the_wall_time():
    clock = FakeClock()
    timeline = RunTimeline(started_at=clock.now - 0.3, clock=clock)  # the interpreter started 0.3 s ago
    clock.now += 1.2
    timeline.mark("start-up")
    clock.now += 0.1
    timeline.mark("Prefect server")
    clock.now += 0.6  # the flow run starts: no mark, the flow's first stage tells
    for stage, seconds in [("plan", 0.2), ("extract", 2.5), ("validate", 0.8), ("load", 0.4), ("publish_parquet", 0.1)]:
        clock.now += seconds
        timeline.stage_done(stage, seconds)
    clock.now += 0.35
    rows = timeline.rows()
    assert [step for step, _ in rows] == ["start-up", "Prefect server", "flow start", "plan", "extract", "validate", "load", "publish", "finish"]
    assert dict(rows)["start-up"] == pytest.approx(1.5)
    assert dict(rows)["flow start"] == pytest.approx(0.6)
    assert dict(rows)["finish"] == pytest.approx(0.35)
    assert sum(seconds for _, seconds in rows) == pytest.approx(timeline.total())


def test_a_failed_or_empty_flow_still_adds_up():
    clock = FakeClock()
    timeline = RunTimeline(started_at=clock.now, clock=clock)
    clock.now += 2.0
    timeline.mark("start-up")
    clock.now += 1.0
    assert timeline.rows() == [("start-up", 2.0), ("finish", 1.0)]


def display(clock: FakeClock) -> RunDisplay:
    return RunDisplay(Console(file=io.StringIO(), force_terminal=False), RunTimeline(clock.now, clock), clock=clock)


def test_the_bar_shows_articles_per_second_and_the_time_left():
    clock = FakeClock()
    shown = display(clock)
    shown.stage_done("plan", 0.1)
    shown.start(40)
    assert "articles/s" in shown.description and "ETA" in shown.description
    clock.now += 3.0  # the workers start: no article yet, no rate
    shown.advance(1, 8)
    clock.now += 2.0
    shown.advance(2, 8)  # 8 more in 2 s
    assert "4.0 articles/s" in shown.description
    assert "ETA 0:00:06" in shown.description  # 24 left at 4 per second
    task = shown.progress.tasks[0]
    assert (task.completed, task.total) == (16, 40)


def test_a_file_of_several_articles_grows_the_total_and_the_flow_count_wins():
    clock = FakeClock()
    shown = display(clock)
    shown.stage_done("plan", 0.1)
    shown.start(3)  # 3 files ...
    shown.parsed(1, files=3, articles=7)  # ... one of them JSONL with 5 records
    shown.advance(1, 5)
    assert (shown.progress.tasks[0].completed, shown.progress.tasks[0].total) == (5, 7)
    shown.batch_done(1, 7)
    assert shown.progress.tasks[0].completed == 7
    shown.stage_done("extract", 2.0)
    assert shown.description == "validating"


def test_worker_progress_reaches_the_display_through_its_queue():
    import multiprocessing

    clock = FakeClock()
    shown = display(clock)
    shown.stage_done("plan", 0.1)
    shown.start(5)
    queue = multiprocessing.get_context("spawn").Queue()
    thread = forward_progress(queue, shown)
    QueueProgress(queue).advance(1, 3)
    stop_forwarding(queue, thread)
    assert shown.progress.tasks[0].completed == 3


def summary_steps(stdout: str) -> tuple[float, list[tuple[str, float]]]:
    """The summary's 'time taken' and the rows under it."""
    total = float(re.search(r"time taken\s*│\s*([\d.]+) s", stdout).group(1))
    steps = [(m.group(1), float(m.group(2))) for m in re.finditer(r"│   (\S[^│]*?)\s*│\s*([\d.]+) s", stdout)]
    return total, steps


@pytest.mark.e2e
def test_the_summary_times_add_up_to_the_wall_time(tmp_path, prefect_server):
    warehouse = tmp_path / "wh"
    started = time.monotonic()
    done = subprocess.run([CLI, "run", "--warehouse", warehouse, SAMPLES / "2024-03-11"], capture_output=True, text=True, timeout=600, env=prefect_server)
    wall = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    total, steps = summary_steps(done.stdout)
    assert [step for step, _ in steps] == ["start-up", "Prefect server", "flow start", "plan", "extract", "validate", "load", "publish", "finish"]
    assert abs(sum(seconds for _, seconds in steps) - total) <= 0.05 * len(steps) + 0.01  # rounding to 0.1 s only
    assert abs(wall - total) < 0.5, f"the summary says {total} s, the command took {wall:.2f} s"
    timings = json.loads((warehouse / "logs" / "timings.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    assert timings["seconds"] == pytest.approx(sum(timings["steps"].values()), abs=0.01)
    assert abs(wall - timings["seconds"]) < 0.5


@pytest.mark.e2e
def test_the_first_line_comes_before_the_heavy_imports_on_a_terminal(tmp_path, prefect_server):
    """The first line is written before Prefect, spaCy or Great Expectations are imported (each
    costs seconds); how many seconds that is, bench.first_line measures (target 2 s)."""
    from bench.first_line import run_on_terminal

    seen, _ = run_on_terminal(tmp_path / "wh", SAMPLES / "2024-03-11", {**prefect_server, "PYTHONPROFILEIMPORTTIME": "1"})
    first_line = seen.find(b"newsledger run:")
    assert first_line >= 0 and b"Prefect server:" in seen[first_line:first_line + 400]
    heavy = [m.start() for m in re.finditer(rb"\|\s+(prefect|spacy|great_expectations)(\.|\s)", seen)]
    assert heavy, "the run imported none of them: PYTHONPROFILEIMPORTTIME was not honoured"
    assert first_line < min(heavy)
