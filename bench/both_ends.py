"""Every figure of "fast at both ends" (issue #15) in one command, then a summary against targets.

    python -m bench.both_ends [--quick]

Runs, one after the other on this machine (each prints its own table as it goes):

1. ``bench.fixed_cost --repeat 3``: one article into a fresh warehouse, step by step, and an
   unchanged rerun of 100 articles; ``bench.first_line --repeat 5``: how soon a run's first
   line shows on a terminal;
2. ``bench.throughput --articles 200`` and ``--articles 3000``: `newsledger run` against bare
   spaCy ``nlp.pipe`` with the same model and processes over the same bodies, in one run each,
   with peak memory;
3. ``bench.night_at_scale``: a night of 100 articles into an empty warehouse and into grown ones
   (publish and clustering as the warehouse grows, peak disk and memory).

Takes about 45 minutes with the defaults (most of it the 3,000 articles and the grown
warehouses); ``--quick`` runs 1 repeat, 1,000 articles and a 20,000-article warehouse.
Run it with nothing else on the machine: the figures are wall-clock seconds.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys

TARGETS = (
    ("fixed cost, server running", r"fixed cost, server running: ([\d.]+) s", "<= 8 s"),
    ("first line on a terminal", r"first line: ([\d.]+) s", "<= 2 s"),
    ("unchanged rerun of 100", r"unchanged rerun: ([\d.]+) s", "<= 5 s"),
    ("throughput ratio, small run", r"ratio \(a\)/\(b\):\s+([\d.]+)", ">= 0.85 at 200"),
    ("throughput ratio, large run", r"ratio \(a\)/\(b\):\s+([\d.]+)", ">= 1.0 at 3,000 (--quick: 1,000)"),
    ("night at the largest warehouse", r"load \+ publish at ([\d,]+ existing articles: [\d.]+) x", "<= 1.25 x at 1,000,000"),
)


def run(module: str, *args: str) -> str:
    """Run one benchmark, echoing its output, and return that output."""
    print(f"\n$ python -m {module} {' '.join(args)}", flush=True)
    done = subprocess.run([sys.executable, "-m", module, *args], stdout=subprocess.PIPE, text=True, check=True)
    print(done.stdout, end="", flush=True)
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repeats, 1,000 articles, a 20,000-article warehouse")
    parser.add_argument("--sizes", nargs="+", default=None, help="existing articles of the grown warehouses (default 20000 100000)")
    args = parser.parse_args()
    large = "1000" if args.quick else "3000"
    sizes = args.sizes or (["20000"] if args.quick else ["20000", "100000"])
    fixed = run("bench.fixed_cost", "--repeat", "1" if args.quick else "3")
    first = run("bench.first_line", "--repeat", "3" if args.quick else "5")
    small = run("bench.throughput", "--articles", "200")
    big = run("bench.throughput", "--articles", large)
    night = run("bench.night_at_scale", "--sizes", *sizes)
    sources = (fixed, first, fixed, small, big, night)
    print("\nsummary (issue #15 targets)")
    for (label, pattern, target), text in zip(TARGETS, sources, strict=True):
        found = re.search(pattern, text)
        print(f"  {label:32} {found.group(1) if found else 'not printed':>36}   target {target}")


if __name__ == "__main__":
    main()
