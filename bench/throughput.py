"""Throughput: `newsledger run` end to end against bare spaCy on the same articles, in one run.

    python -m bench.throughput --articles 3000

(a) `newsledger run` over a synthetic corpus into a fresh warehouse, wall clock, everything
    included (imports, Prefect start-up, model load, parsing, extraction, validation, load).
(b) bare spaCy `nlp.pipe(bodies, n_process=W)` with the same model over the same bodies.
Prints articles/s of each and their ratio (target >= 0.85), the run's seconds per stage, peak
memory, and the fixed cost of a run (one article into a fresh warehouse).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from bench.generate_corpus import generate
from bench.measure import run_cli
from newsledger.core.settings import DEFAULT_MODEL
from transforms.read.articles import ReadOptions, read_articles


def bare_spacy(paths: list[Path], workers: int) -> float:
    """Seconds for spaCy alone to parse the same bodies with the same number of processes."""
    import spacy

    options = ReadOptions("bench", 10**9, datetime.now(UTC))
    bodies = [a.body for p in paths for a in read_articles(p.read_bytes(), str(p), options).articles]
    nlp = spacy.load(DEFAULT_MODEL)
    started = time.perf_counter()
    for _ in nlp.pipe(bodies, n_process=workers, batch_size=16):
        pass
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=3000, help="a night's crawl; the fixed cost of a run weighs more on small runs (printed separately)")
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = generate(root / "corpus", args.articles, args.words)
        generate(root / "one", 1, args.words, seed=99)

        fixed = run_cli(["run", "--workers", args.workers, "--warehouse", root / "wh-one", root / "one"])
        ours = run_cli(["run", "--workers", args.workers, "--warehouse", root / "wh", root / "corpus"])
        spacy_seconds = bare_spacy(paths, args.workers)

        con = duckdb.connect(str(root / "wh" / "newsledger.duckdb"), read_only=True)
        stages = json.loads(con.execute("select stage_seconds from runs").fetchone()[0])
        loaded = con.execute("select count(*) from articles").fetchone()[0]
        con.close()

    ours_rate, spacy_rate = args.articles / ours.seconds, args.articles / spacy_seconds
    print(f"articles: {args.articles} (~{args.words} words), workers: {args.workers}, loaded: {loaded}")
    print(f"(a) newsledger run, end to end: {ours.seconds:8.1f} s  {ours_rate:6.2f} articles/s")
    print(f"(b) bare spaCy nlp.pipe:        {spacy_seconds:8.1f} s  {spacy_rate:6.2f} articles/s")
    print(f"ratio (a)/(b):                  {ours_rate / spacy_rate:8.3f}   target >= 0.85")
    print(f"fixed cost of a run (1 article): {fixed.seconds:7.1f} s")
    print(f"ratio without the fixed cost:   {spacy_seconds / (ours.seconds - fixed.seconds):8.3f}")
    print("stages (s): " + ", ".join(f"{k} {v:.1f}" for k, v in stages.items()))
    print(f"peak memory: {ours.peak_tree_mib:.0f} MiB for the process tree, {ours.peak_process_mib:.0f} MiB largest process")


if __name__ == "__main__":
    main()
