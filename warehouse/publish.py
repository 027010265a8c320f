"""Publishing a load so that readers are never blocked, never see half of it, and the cost
follows the night, not the warehouse.

The writer's database ``DIR/.state/newsledger-state.duckdb`` holds every table; one run at a
time loads it in place, in one transaction (a run killed before its commit leaves it as it
was: DuckDB drops an uncommitted transaction). Readers never open it. They open the served
catalog ``DIR/newsledger.duckdb``: a small DuckDB file whose tables are views over immutable
Parquet segments (``warehouse.segments``, ``warehouse.catalog``). After the load a run writes
new segments for the partitions it changed, builds a new catalog beside the served one and
renames it over (atomic on POSIX): a reader sees the old night or the new one, never half, and
never waits. The Parquet lake ``DIR/parquet/`` is the same segments, hard-linked under stable
names. A run killed after its commit and before its publish is published by the next run,
which then rewrites every segment once.

One run at a time: a run holds an exclusive lock on ``DIR/.newsledger.lock``; a second run
fails at once with a clear message (or waits, if asked to).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from newsledger.core.errors import WarehouseError
from newsledger.core.settings import SEGMENTS_DIR, STATE_DIR
from warehouse import lake
from warehouse.catalog import build_catalog
from warehouse.segments import PUBLISHED, SegmentMap, mark_published, published_map, save_map, unused_segments, write_segments

LOCK_FILE = ".newsledger.lock"
BUILD_DIR = ".build"


class RunInProgressError(WarehouseError):
    """Another run holds this warehouse's run lock."""


@contextmanager
def run_lock(warehouse_dir: Path, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold the warehouse's run lock for the duration of a run.

    The lock is an OS file lock, so it is released when its process dies (kill -9 included).

    Raises:
        RunInProgressError: another run holds it and did not release it within wait_seconds.
    """
    warehouse_dir.mkdir(parents=True, exist_ok=True)
    path = warehouse_dir / LOCK_FILE
    handle = path.open("a+", encoding="utf-8")
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "unknown"
                    raise RunInProgressError(
                        str(warehouse_dir),
                        f"another newsledger run is loading this warehouse ({holder}); wait for it to finish, "
                        "or pass --wait SECONDS to queue behind it",
                    ) from None
                time.sleep(0.5)
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({"pid": os.getpid(), "since": datetime.now(UTC).isoformat(timespec="seconds")}))
        handle.flush()
        yield
    finally:
        handle.close()  # closing releases the lock


def clear_leftovers(warehouse_dir: Path) -> None:
    """Remove what a killed run left behind (half-built databases, catalogs and segments)."""
    shutil.rmtree(warehouse_dir / BUILD_DIR, ignore_errors=True)  # database copies of newsledger 0.4 and earlier
    state = warehouse_dir / STATE_DIR
    for pattern in ("build-*.duckdb*", "catalog-*.duckdb*", "segments/*/*/.*.tmp", "segments/.*.tmp", "segments/_maps/.*.tmp"):
        for path in state.glob(pattern):
            path.unlink(missing_ok=True)


def adopt_legacy_database(served: Path, state: Path) -> None:
    """Make a warehouse of newsledger 0.4 and earlier (tables in the served file) the writer's database.

    A one-time copy: the served file stays as it is until the first catalog replaces it.
    """
    if state.exists() or not served.exists() or (state.parent / SEGMENTS_DIR / PUBLISHED).exists():
        return
    state.parent.mkdir(parents=True, exist_ok=True)
    temporary = state.with_name(f"build-adopt-{os.getpid()}.duckdb")
    shutil.copy2(served, temporary)
    os.replace(temporary, state)


def load_target(served: Path, state: Path, run_id: str, fresh: bool) -> Path:
    """The database a run loads: the writer's own, or a new one for a full refresh.

    Raises:
        WarehouseError: a catalog is served but the writer's database is gone.
    """
    state.parent.mkdir(parents=True, exist_ok=True)
    if not fresh and not state.exists() and served.exists():
        raise WarehouseError(
            str(state), "the writer's database is missing (deleted or moved?): rebuild with `newsledger run --full-refresh PATH...`"
        )
    if fresh or not state.exists():
        # A new database is built aside and renamed in whole: a run killed while creating its
        # tables leaves nothing a later run could take for a warehouse.
        return state.with_name(f"build-{run_id}.duckdb")
    return state


def commit_load(build: Path, state: Path) -> None:
    """Make a full refresh's new database the writer's (nothing to do for an in-place load).

    Raises:
        WarehouseError: the build is missing or has an unfinished write-ahead log.
    """
    if build == state:
        return
    if not build.exists():
        raise WarehouseError(str(state), f"nothing to publish: {build} does not exist")
    if build.with_name(build.name + ".wal").exists():
        raise WarehouseError(str(state), f"{build} was not checkpointed; refusing to publish a partial database")
    replace_durably(build, state)


def publish(served: Path, state: Path, segments_root: Path, parquet_dir: Path, run_id: str, months: Iterable[str] | None) -> SegmentMap:
    """Write the night's segments, swap in a catalog that reads them, link the lake.

    Args:
        served: the catalog readers open (``DIR/newsledger.duckdb``).
        state: the writer's database, loaded and committed.
        segments_root: where segments live.
        parquet_dir: the lake's root folder.
        run_id: the run publishing.
        months: the publication months the run changed; None rewrites every segment.

    Raises:
        WarehouseError: the writer's database cannot be read.
    """
    previous = published_map(segments_root)
    try:
        con = duckdb.connect(str(state), read_only=True)
    except duckdb.IOException as exc:
        raise WarehouseError(str(state), f"cannot read the writer's database to publish ({exc})", is_transient=True) from exc
    try:
        con.execute("SET enable_progress_bar = false")  # it would write over the run's progress lines
        before = con.execute(
            "SELECT run_id FROM runs WHERE run_id <> $run ORDER BY started_at DESC LIMIT 1", {"run": run_id}
        ).fetchone()
        # A run that died between its commit and its publish left partitions nobody listed: all.
        if previous is None or before is None or previous.run_id != before[0]:
            months = None
        current = write_segments(con, segments_root, run_id, previous or SegmentMap(), None if months is None else set(months))
    finally:
        con.close()
    built = state.with_name(f"catalog-{run_id}.duckdb")
    build_catalog(built, segments_root, current)
    save_map(segments_root, current)
    replace_durably(built, served)
    mark_published(segments_root, run_id)
    lake.link_lake(parquet_dir, segments_root, current, previous if months is not None else None)
    # Readers of the catalog just replaced may still be reading its segments: keep them a night.
    for stale in unused_segments(segments_root, [current] + ([previous] if previous else [])):
        stale.unlink(missing_ok=True)
    return current


def replace_durably(source: Path, target: Path) -> None:
    """Rename ``source`` over ``target`` (atomic on POSIX) and make the rename itself durable."""
    os.replace(source, target)
    directory = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
