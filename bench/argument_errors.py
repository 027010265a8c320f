"""How long a mistyped command costs before its one-line error (target: under 2 s each).

    python -m bench.argument_errors [--repeat 3]

Each case runs `newsledger` as a fresh process, as a user would, and prints the median
wall-clock seconds and the exit code.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLI = Path(sys.executable).parent / "newsledger"
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def cases(scratch: Path) -> dict[str, list[str]]:
    (scratch / "empty").mkdir(exist_ok=True)
    return {
        "missing input path": ["run", "/no/such/folder"],
        "bad --since": ["run", str(SAMPLES), "--since", "2024-13-01"],
        "unknown --runner": ["run", str(SAMPLES), "--runner", "bogus"],
        "unwritable warehouse": ["run", str(SAMPLES), "--warehouse", "/proc/nope"],
        "empty input folder": ["run", str(scratch / "empty"), "--warehouse", str(scratch / "wh")],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        print(f"{'case':<24} {'exit':>4} {'median s':>9}")
        for name, argv in cases(Path(scratch)).items():
            seconds, code = [], None
            for _ in range(args.repeat):
                started = time.perf_counter()
                code = subprocess.run([str(CLI), *argv], capture_output=True).returncode
                seconds.append(time.perf_counter() - started)
            print(f"{name:<24} {code:>4} {statistics.median(seconds):>9.2f}")


if __name__ == "__main__":
    main()
