"""Helpers for benchmarks: run the CLI and sample the memory of its whole process tree."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

CLI = Path(sys.executable).parent / "newsledger"


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0


def tree_rss_kib(pid: int) -> tuple[int, int]:
    """(sum over the process tree, largest single process) of resident memory in KiB."""
    pids, stack = [], [pid]
    while stack:
        current = stack.pop()
        pids.append(current)
        stack += _children(current)
    sizes = [_rss_kib(p) for p in pids]
    return sum(sizes), max(sizes, default=0)


@dataclass(frozen=True)
class Measured:
    seconds: float
    peak_tree_mib: float
    peak_process_mib: float


def run_cli(args: list[str | Path], interval: float = 0.2) -> Measured:
    """Run ``newsledger ARGS`` to completion, timing it and sampling its memory."""
    started = time.perf_counter()
    process = subprocess.Popen([CLI, *map(str, args)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peaks = [0, 0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            total, largest = tree_rss_kib(process.pid)
            peaks[0], peaks[1] = max(peaks[0], total), max(peaks[1], largest)
            time.sleep(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"newsledger {' '.join(map(str, args))} failed ({process.returncode}):\n{stderr[-2000:]}")
    return Measured(seconds, peaks[0] / 1024, peaks[1] / 1024)
