"""The stall watchdog fires once, after the silence it is given, and never while progress comes.

The stand-in run below ends through the same path a real one does (``end_run_on_signals``);
``tests/test_signals.py`` stops the workers of a real run and watches it end as stuck.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time


from conftest import session_processes
from newsledger.orchestration.watchdog import StallWatchdog


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def watchdog(limit: float, clock: FakeClock, fired: list[str], doing: str = "extracting articles") -> StallWatchdog:
    return StallWatchdog(limit, lambda: doing, fired.append, clock=clock)


def test_silence_over_the_limit_fires_once_with_what_the_run_was_doing():
    clock, fired = FakeClock(), []
    dog = watchdog(600, clock, fired)
    clock.now = 599
    assert not dog.check() and fired == []
    clock.now = 1800
    assert dog.check()
    clock.now = 3600
    assert dog.check()
    assert fired == ["no progress for 30 min while extracting articles; the run looks stuck"]


def test_progress_resets_the_silence():
    clock, fired = FakeClock(), []
    dog = watchdog(600, clock, fired)
    for minute in range(1, 60):
        clock.now = minute * 60.0
        dog.beat()
        assert not dog.check()
    assert fired == []


def test_a_limit_of_zero_never_fires():
    clock, fired = FakeClock(), []
    dog = watchdog(0, clock, fired)
    clock.now = 10**9
    assert not dog.check() and fired == []
    with dog:  # no thread is started
        pass


def test_the_watching_thread_fires_on_its_own_and_stops_on_exit():
    fired: list[str] = []
    with StallWatchdog(0.05, lambda: "loading the warehouse", fired.append, poll_seconds=0.01) as dog:
        for _ in range(200):
            if fired:
                break
            time.sleep(0.01)
    assert dog.fired and fired and "while loading the warehouse" in fired[0]


STAND_IN = """
import subprocess, sys, time
from newsledger.orchestration import processes
from newsledger.orchestration.watchdog import StallWatchdog
with processes.end_run_on_signals() as ender:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    with StallWatchdog(0.5, lambda: "validating", lambda line: ender.end_run(line, 5), poll_seconds=0.05):
        time.sleep(60)
"""


def test_a_stalled_stand_in_run_exits_5_with_one_line_and_no_child_left():
    process = subprocess.Popen([sys.executable, "-c", textwrap.dedent(STAND_IN)], stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        returncode = process.wait(timeout=30)
    finally:
        for left in session_processes(process.pid):
            left.kill()
    stderr = process.stderr.read()
    assert returncode == 5, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("newsledger: no progress for ") and lines[0].endswith("while validating; the run looks stuck")
    deadline = time.monotonic() + 3
    while session_processes(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert session_processes(process.pid) == []
