"""Incremental runs: what a rerun over unchanged files costs beyond a run's fixed start-up.

    python -m bench.incremental --articles 200

Times three `newsledger run` commands, each a fresh process as in production:
  fixed  - one article into a fresh warehouse (imports, Prefect start-up, model load, GX, publish)
  first  - N articles into a fresh warehouse
  second - the same N articles again (nothing changed)
and prints (second - fixed) / (first - fixed); the target is under 0.05. Then it changes one
file, reruns, and checks that only that file's rows were replaced.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from bench.generate_corpus import generate

CLI = Path(sys.executable).parent / "newsledger"
TABLES = ("articles", "quotes", "entity_mentions", "temporal_expressions", "events", "rejects")


def timed_run(inputs: Path, warehouse: Path) -> float:
    started = time.perf_counter()
    subprocess.run([CLI, "run", "--warehouse", warehouse, inputs], check=True, capture_output=True)
    return time.perf_counter() - started


def counts(warehouse: Path) -> dict[str, int]:
    con = duckdb.connect(str(warehouse / "newsledger.duckdb"), read_only=True)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--words", type=int, default=600)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus = root / "corpus"
        paths = generate(corpus, args.articles, args.words)
        one = root / "one"
        generate(one, 1, args.words, seed=99)

        fixed = timed_run(one, root / "wh-fixed")
        first = timed_run(corpus, root / "wh")
        before = counts(root / "wh")
        second = timed_run(corpus, root / "wh")
        after = counts(root / "wh")
        ratio = (second - fixed) / (first - fixed)
        print(f"articles: {args.articles} of ~{args.words} words")
        print(f"fixed cost (1 article, fresh warehouse): {fixed:7.2f} s")
        print(f"first run:                               {first:7.2f} s")
        print(f"second run (unchanged):                  {second:7.2f} s")
        print(f"(second - fixed) / (first - fixed):      {ratio:7.3f}   target < 0.05   {'OK' if ratio < 0.05 else 'MISSED'}")
        print(f"row counts unchanged by the rerun:       {before == after}")

        changed = paths[0]
        changed.write_text(changed.read_text(encoding="utf-8").replace("the city would", "the town would", 1), encoding="utf-8")
        third = timed_run(corpus, root / "wh")
        con = duckdb.connect(str(root / "wh" / "newsledger.duckdb"), read_only=True)
        replaced = con.execute("select count(*) from articles where body like '%the town would%'").fetchone()[0]
        last = con.execute("select files_skipped, articles_loaded from runs order by started_at desc limit 1").fetchone()
        con.close()
        print(f"one file changed: rerun {third:.2f} s, skipped {last[0]}, re-extracted {last[1]}, its article replaced: {replaced == 1}")
        print(f"row counts after the change equal before: {counts(root / 'wh')['articles'] == before['articles']}")


if __name__ == "__main__":
    main()
