"""What a run costs before and around its real work: the fixed cost and the unchanged rerun.

    python -m bench.fixed_cost [--repeat 3] [--articles 100] [--temporary]

Every run is a fresh `newsledger run` process, as a user starts it, with a PREFECT_HOME of its
own (created for the benchmark, so nothing of yours is touched; its first server start also
pays Prefect's database migrations, once, before anything is timed). It times, in `--repeat`
rounds of one run per case (so that a drifting load falls on every case), and prints medians:

  fixed cost, server running   one article into a fresh warehouse, the shared Prefect server up
                               (every run after the first of the day)
  fixed cost, server starts    the same after `newsledger server stop`: the run starts it
  unchanged rerun              N articles already loaded, run again (nothing to extract)
  fixed cost, temporary server with --temporary: NEWSLEDGER_PREFECT_SERVER=temporary, each run
                               its own server (what every run did before the shared one)

with each run's steps from the start of its process, as its summary shows them (read from
DIR/logs/timings.jsonl): start-up (interpreter, checks, imports), the wait for the Prefect
server, the flow run's start, plan, extract (workers' start and model load included, as far as
they were not ready), validate, load, publish, finish (the flow run closing, logs sent, the
report written); when the workers started early were ready; and the CPU seconds of the main
process and of its workers (on a busy machine the wall time swings with the load, the CPU time
much less). The wall time is measured here, around the process.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate_corpus import generate

CLI = Path(sys.executable).parent / "newsledger"
STEPS = ("start-up", "Prefect server", "flow start", "plan", "extract", "validate", "load", "publish", "finish")
TARGETS = {"fixed cost, server running": 8.0, "unchanged rerun": 5.0}


def run(inputs: Path, warehouse: Path, env: dict[str, str]) -> dict[str, object]:
    """One `newsledger run`: its wall time and the steps it recorded."""
    started = time.perf_counter()
    done = subprocess.run([CLI, "run", "--warehouse", warehouse, inputs], capture_output=True, text=True, env=env)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"newsledger run failed ({done.returncode}):\n{done.stderr[-2000:]}")
    timings = json.loads((warehouse / "logs" / "timings.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    return {"wall": wall, **timings}


def server(command: str, env: dict[str, str]) -> None:
    subprocess.run([CLI, "server", command], capture_output=True, text=True, env=env, check=command != "status")


def medians(runs: list[dict[str, object]]) -> dict[str, float | None]:
    row: dict[str, float | None] = {"wall": statistics.median(r["wall"] for r in runs)}  # type: ignore[misc]
    for step in STEPS:
        row[step] = statistics.median(r["steps"].get(step, 0.0) for r in runs)  # type: ignore[union-attr]
    ready = [r["workers_ready_after"] for r in runs if r.get("workers_ready_after") is not None]
    row["workers ready after"] = statistics.median(ready) if ready else None  # type: ignore[arg-type]
    for part in ("main", "workers"):
        row[f"CPU s, {part}"] = statistics.median(r["cpu_seconds"][part] for r in runs)  # type: ignore[index]
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="runs per case (medians are printed)")
    parser.add_argument("--articles", type=int, default=100, help="articles of the unchanged rerun")
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--temporary", action="store_true", help="also time runs with a temporary server each (the old way)")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="fixed-cost-") as tmp:
        root = Path(tmp)
        one, many = root / "one", root / "many"
        generate(one, 1, args.words, seed=99)
        generate(many, args.articles, args.words)
        env = {k: v for k, v in os.environ.items() if k not in ("PREFECT_API_URL", "NEWSLEDGER_PREFECT_SERVER")}
        env["PREFECT_HOME"] = str(root / "prefect-home")
        try:
            server("start", env)  # migrations of the new PREFECT_HOME, untimed
            loaded = root / "wh-rerun"
            run(many, loaded, env)  # the first load, untimed
            cases: list[tuple[str, Path, dict[str, str], str | None]] = [
                ("fixed cost, server running", one, env, None),
                ("unchanged rerun", many, env, None),
                ("fixed cost, server starts", one, env, "stop"),
            ]
            if args.temporary:
                cases.append(("fixed cost, temporary server", one, {**env, "NEWSLEDGER_PREFECT_SERVER": "temporary"}, None))
            results: dict[str, list[dict[str, object]]] = {case: [] for case, *_ in cases}
            # Round by round, every case once: the machine's load drifts, and each case gets its share of it.
            for index in range(args.repeat):
                for case, inputs, case_env, before in cases:
                    if before:
                        server(before, case_env)
                    warehouse = loaded if inputs is many else root / f"wh-{index}-{len(results[case])}"
                    results[case].append(run(inputs, warehouse, case_env))
                    if inputs is not many:
                        shutil.rmtree(warehouse, ignore_errors=True)
        finally:
            subprocess.run([CLI, "server", "stop", "--wait", "60"], capture_output=True, env=env)
    load_after = os.getloadavg()[0]
    report(results, args, load_before, load_after)


def report(results: dict[str, list[dict[str, object]]], args: argparse.Namespace, load_before: float, load_after: float) -> None:
    cases = list(results)
    rows = {case: medians(runs) for case, runs in results.items()}
    print(f"newsledger fixed cost: {os.cpu_count()} cores, load average {load_before:.1f} before and {load_after:.1f} after; "
          f"median of {args.repeat} runs per case, seconds from each process's start")
    print(f"(fixed cost: 1 article into a fresh warehouse; unchanged rerun: {args.articles} articles of ~{args.words} words, all loaded before)")
    width = max(len(c) for c in cases) + 2
    print(f"{'':22}" + "".join(f"{c:>{width}}" for c in cases))
    for key in ("wall", *STEPS, "workers ready after", "CPU s, main", "CPU s, workers"):
        label = "wall (measured)" if key == "wall" else f"  {key}"
        cells = "".join(f"{'-' if rows[c][key] is None else format(rows[c][key], '.2f'):>{width}}" for c in cases)
        print(f"{label:22}{cells}")
    for case, target in TARGETS.items():
        if case in rows:
            wall = rows[case]["wall"]
            assert wall is not None
            print(f"{case}: {wall:.2f} s, target <= {target:.0f} s: {'OK' if wall <= target else 'MISSED'}")


if __name__ == "__main__":
    main()
