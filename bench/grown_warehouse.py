"""A warehouse of any size, built by copying the rows of a real one (no extraction).

    python -m bench.grown_warehouse BASE_DIR OUT_DIR --articles 1000000

The benchmarks of a night's cost at scale (``bench.night_at_scale``) need a warehouse that
already holds a year or more of a crawl. Extracting a million articles would take days on a
small machine; instead every table of a real, extracted warehouse (``BASE_DIR``) is copied
``articles / len(base)`` times with new keys: each copy's ids (articles, quotes, mentions,
expressions, events, stories and clusters) are hashed with the copy's number, its publication
dates move back by up to ten years (so months hold realistic shares of the data), its bodies
differ (so the database compresses them as it would real text) and its clustering-index keys
are rehashed (so a new article meets only the base's own candidates, as news meets last
year's stories rarely). Entities are shared between copies in ``ENTITY_COPIES`` groups, as
people and places recur across a year.

The copy is a valid warehouse of this version: the writer's database is grown, then published
once in full (segments, catalog, lake), so the next run publishes incrementally.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

from newsledger.core.schemas import TABLES
from newsledger.core.settings import DATABASE_FILE, SEGMENTS_DIR, STATE_DIR, STATE_FILE
from warehouse import publish
from warehouse.load import connect_writer

DATABASE = DATABASE_FILE
STATE = Path(STATE_DIR) / STATE_FILE
ENTITY_COPIES = 500
DATE_SPREAD_DAYS = 3650
# Copies per INSERT: large enough to keep statements few, small enough to keep memory low.
COPIES_PER_STATEMENT = 200

_KEYS = {
    "article_id", "first_article_id", "linked_article_id", "quote_id", "mention_id", "timex_id", "event_id",
    "first_quote_id", "first_event_id", "member_id", "linked_member_id", "story_id", "quote_cluster_id", "event_cluster_id",
}
_ENTITY_KEYS = {"entity_id", "speaker_entity_id"}
_DATES = {"published_date", "first_published_date", "last_published_date", "first_seen_date", "date_start", "date_end"}
_UNIQUE_TEXT = {"source_path", "body"}


def _expression(column: str) -> str:
    """The column of copy ``k`` (``k = 0`` is the base itself)."""
    if column in _KEYS:
        return f"CASE WHEN k = 0 THEN {column} ELSE md5({column} || ':' || k) END"
    if column in _ENTITY_KEYS:
        return f"CASE WHEN k % {ENTITY_COPIES} = 0 THEN {column} ELSE md5({column} || ':' || (k % {ENTITY_COPIES})) END"
    if column in _DATES:
        return f"CAST({column} - to_days(CAST(k % {DATE_SPREAD_DAYS} AS INTEGER)) AS DATE)"
    if column in _UNIQUE_TEXT:
        return f"CASE WHEN k = 0 THEN {column} ELSE {column} || ' #' || k END"
    if column == "band_key":
        return "CASE WHEN k = 0 THEN band_key ELSE CAST(hash(band_key, k) >> 1 AS BIGINT) END"
    return column


def grow(base_dir: Path, out_dir: Path, articles: int, progress: bool = True) -> int:
    """Write a warehouse of about ``articles`` articles to ``out_dir``; returns its article count."""
    shutil.rmtree(out_dir, ignore_errors=True)
    target = out_dir / STATE
    con = connect_writer(target)
    try:
        con.execute(f"ATTACH '{base_dir / STATE}' AS base (READ_ONLY)")
        base_articles = con.execute("SELECT count(*) FROM base.articles").fetchone()[0]
        copies = max(1, round(articles / base_articles))
        started = time.perf_counter()
        for table in TABLES:
            names = table.schema.names
            if table.name in ("runs", "rejects"):
                con.execute(f"INSERT INTO {table.name} SELECT * FROM base.{table.name}")
                continue
            # Entities are shared: their copies are the ENTITY_COPIES groups, not the article copies.
            last = min(copies, ENTITY_COPIES) if table.name == "entities" else copies
            select = ", ".join(_expression(n) for n in names)
            for first in range(0, last, COPIES_PER_STATEMENT):
                upper = min(last, first + COPIES_PER_STATEMENT)
                con.execute(
                    f"INSERT INTO {table.name} ({', '.join(names)}) SELECT {select} "
                    f"FROM base.{table.name}, range({first}, {upper}) copies(k)"
                )
            if progress:
                print(f"  {table.name}: {con.execute(f'SELECT count(*) FROM {table.name}').fetchone()[0]:,} rows "
                      f"({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
        con.execute("DETACH base")
        con.execute("CHECKPOINT")
        total = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        run_id = con.execute("SELECT run_id FROM runs WHERE status = 'success' ORDER BY started_at DESC LIMIT 1").fetchone()[0]
    finally:
        con.close()
    publish.publish(out_dir / DATABASE, target, target.parent / SEGMENTS_DIR, out_dir / "parquet", run_id, None)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base", type=Path, help="a warehouse folder newsledger built (its writer's database is read)")
    parser.add_argument("out", type=Path, help="the folder of the grown warehouse (replaced)")
    parser.add_argument("--articles", type=int, default=1_000_000)
    args = parser.parse_args()
    total = grow(args.base, args.out, args.articles)
    print(f"{total:,} articles in {args.out}")


if __name__ == "__main__":
    main()
