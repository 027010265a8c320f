"""A night's cost as the warehouse grows: publish (#15) and clustering (#16) at scale.

    python -m bench.night_at_scale [--sizes 20000 100000] [--night 100] [--base 200]

Extracts ``--base`` invented articles once (``bench.generate_corpus``, 600 words), grows that
warehouse to each of ``--sizes`` articles by copying its rows (``bench.grown_warehouse``: no
extraction), then runs the same night of ``--night`` other invented articles with
`newsledger run` (a fresh process, as in production) into an empty warehouse and into each
grown one, and prints per size:

  wall           the run's wall time
  load           the in-place load of the writer's database, clustering and checkpoint included
  of it cluster  the clustering step alone (stories, quote and event clusters)
  publish        the night's segments, the catalog swapped in, the lake's links
  copy           what copying the writer's database alone takes (what the copy-and-swap
                 publish of newsledger 0.4 and earlier paid on top, every night)
  peak disk      the warehouse folder's largest size during the run, and its size before
  peak memory    the run's process tree, summed

and each figure's ratio to the empty warehouse. Targets (issues #15, #16): load + publish at
1,000,000 articles at most 1.25 x the empty warehouse with no second copy of the old data on
disk; clustering per new article flat. The grown warehouse needs about 35 KB of disk per
invented article (these articles carry ~36 quotes each, several times real news): check free
disk before asking for a million.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from bench.generate_corpus import generate
from bench.grown_warehouse import DATABASE, STATE, grow
from bench.measure import run_cli


@dataclass(frozen=True)
class Night:
    """One night's run into a warehouse of ``existing`` articles."""

    existing: int
    wall: float
    load: float
    cluster: float
    publish: float
    copy: float
    disk_before: int
    disk_peak: int
    memory_mib: float


def folder_bytes(folder: Path) -> int:
    """Disk used under ``folder``, each file once however many hard links it has (the lake's)."""
    total, seen = 0, set()
    for root, _, files in os.walk(folder):
        for name in files:
            try:
                stat = os.stat(os.path.join(root, name))
            except OSError:
                continue  # replaced while we walked
            if (stat.st_dev, stat.st_ino) not in seen:
                seen.add((stat.st_dev, stat.st_ino))
                total += stat.st_blocks * 512
    return total


def copy_seconds(database: Path) -> float:
    """Copying the writer's database alone (what the publish of newsledger 0.4 and earlier added)."""
    if not database.exists():
        return 0.0
    target = database.with_name(".bench-copy.duckdb")
    started = time.perf_counter()
    shutil.copy2(database, target)
    seconds = time.perf_counter() - started
    target.unlink()
    return seconds


def run_night(night: Path, warehouse: Path) -> Night:
    """Run the night into ``warehouse`` and read what it recorded."""
    database = warehouse / DATABASE
    existing = 0
    if database.exists():
        con = duckdb.connect(str(warehouse / STATE), read_only=True)
        existing = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        con.close()
    copy = copy_seconds(warehouse / STATE)
    before = folder_bytes(warehouse) if warehouse.exists() else 0
    peak = [before]
    done = threading.Event()

    def watch_disk() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], folder_bytes(warehouse))
            time.sleep(0.2)

    watcher = threading.Thread(target=watch_disk, daemon=True)
    watcher.start()
    try:
        measured = run_cli(["run", "--warehouse", warehouse, night])
    finally:
        done.set()
        watcher.join()
    steps = json.loads((warehouse / "logs" / "timings.jsonl").read_text(encoding="utf-8").splitlines()[-1])["steps"]
    con = duckdb.connect(str(database), read_only=True)
    stages = json.loads(con.execute("SELECT stage_seconds FROM runs ORDER BY started_at DESC LIMIT 1").fetchone()[0])
    con.close()
    return Night(existing, measured.seconds, steps["load"], stages.get("cluster", 0.0), steps["publish"], copy,
                 before, peak[0], measured.peak_tree_mib)


def print_table(nights: list[Night], night_articles: int) -> None:
    empty = nights[0]
    print(f"\none night of {night_articles} new articles (ratios: to the empty warehouse)")
    print(f"{'existing':>10} {'wall s':>8} {'load s':>14} {'cluster ms/art':>15} {'publish s':>13} {'load+publish':>14} {'copy s':>7} {'disk before':>12} {'disk peak':>10} {'memory':>9}")
    for n in nights:
        both, empty_both = n.load + n.publish, empty.load + empty.publish
        print(f"{n.existing:>10,} {n.wall:>8.1f} {n.load:>6.2f} ({n.load / empty.load:>4.1f}x) "
              f"{1000 * n.cluster / night_articles:>8.1f} ({n.cluster / empty.cluster if empty.cluster else 0:>4.1f}x) "
              f"{n.publish:>5.2f} ({n.publish / empty.publish:>4.1f}x) {both:>6.2f} ({both / empty_both:>4.1f}x) "
              f"{n.copy:>7.2f} {n.disk_before / 2**30:>10.2f} G {n.disk_peak / 2**30:>8.2f} G {n.memory_mib:>6.0f} MiB")
    last = nights[-1]
    ratio = (last.load + last.publish) / (empty.load + empty.publish)
    extra = (last.disk_peak - last.disk_before) / max(1, last.disk_before)
    print(f"\nload + publish at {last.existing:,} existing articles: {ratio:.2f} x the empty warehouse (target <= 1.25); "
          f"peak extra disk {extra:.0%} of the warehouse (target: no second copy of the old data)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000], help="existing articles of the grown warehouses")
    parser.add_argument("--night", type=int, default=100, help="new articles of the night")
    parser.add_argument("--base", type=int, default=200, help="articles extracted once, then copied to each size")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary folder)")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="night-at-scale-"))
    try:
        generate(root / "base-corpus", args.base, 600)
        night = root / "night"
        generate(night, args.night, 600, seed=8, start=date(2024, 1, 5))
        run_cli(["run", "--warehouse", root / "base", root / "base-corpus"])
        nights = [run_night(night, root / "empty")]
        for size in sorted(args.sizes):
            grown = root / f"grown-{size}"
            started = time.perf_counter()
            total = grow(root / "base", grown, size, progress=False)
            print(f"grew a warehouse of {total:,} articles in {time.perf_counter() - started:.0f} s "
                  f"({folder_bytes(grown) / 2**30:.2f} GiB with its lake)", flush=True)
            nights.append(run_night(night, grown))
            shutil.rmtree(grown)  # one grown warehouse on disk at a time
        print_table(nights, args.night)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
