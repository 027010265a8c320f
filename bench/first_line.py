"""How soon a run says something on a terminal (issue #15: the first line within 2 s).

    python -m bench.first_line [--repeat 5]

Starts `newsledger run` on a pseudo-terminal, as a person at a shell would, over one sample
day into a fresh warehouse, and prints the seconds from the process's start to its first line
(median and range of ``--repeat`` runs). The shared local Prefect server is started once
beforehand, so the figure is a run's own start-up, not the server's first start of the day.
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench.measure import CLI

SAMPLE_DAY = Path(__file__).resolve().parent.parent / "samples" / "2024-03-11"
TARGET_SECONDS = 2.0


def run_on_terminal(warehouse: Path, inputs: Path, env: dict[str, str]) -> tuple[bytes, float]:
    """Run `newsledger run` to its end with a pseudo-terminal as its stderr: all it wrote there,
    and the seconds from its start to its first complete line.

    Raises:
        RuntimeError: the run failed.
    """
    controller, terminal = pty.openpty()
    started = time.monotonic()
    run = subprocess.Popen([CLI, "run", "--warehouse", warehouse, inputs], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=terminal, env={**env, "TERM": "xterm", "COLUMNS": "120"})
    os.close(terminal)
    seen, seconds = b"", float("nan")
    try:
        while run.poll() is None or select.select([controller], [], [], 0)[0]:
            if select.select([controller], [], [], 0.02)[0]:
                try:
                    seen += os.read(controller, 65536)
                except OSError:
                    break
                if seconds != seconds and b"\n" in seen:  # still NaN: the first line just arrived
                    seconds = time.monotonic() - started
        if run.wait() != 0:
            raise RuntimeError(f"newsledger run failed:\n{seen[-2000:].decode(errors='replace')}")
    finally:
        run.kill()
        run.wait()
        os.close(controller)
    return seen, seconds


def first_line_seconds(warehouse: Path) -> float:
    """Seconds from starting a run on a terminal to its first complete line; the run is then finished."""
    return run_on_terminal(warehouse, SAMPLE_DAY, dict(os.environ))[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="runs to time (default 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsledger-first-line-") as scratch:
        first_line_seconds(Path(scratch) / "warm-up")  # starts the shared server if none runs
        times = [first_line_seconds(Path(scratch) / f"wh-{n}") for n in range(args.repeat)]
    median = statistics.median(times)
    print(f"first line on a terminal: median of {args.repeat} runs {median:.2f} s (range {min(times):.2f}-{max(times):.2f} s)")
    print(f"first line: {median:.2f} s, target <= {TARGET_SECONDS:.0f} s: {'OK' if median <= TARGET_SECONDS else 'MISSED'}")


if __name__ == "__main__":
    main()
