"""Publishing a load so that readers are never blocked and never see half of it.

The served database ``DIR/newsledger.duckdb`` is never opened for writing by a run. A run
copies it to ``DIR/.build/``, loads the copy in one transaction, checkpoints and closes it, then
renames it over the served file (an atomic ``rename`` on POSIX). A BI tool holding a read-only
connection keeps reading the old file until it reconnects; a new connection sees the new one.
A run killed at any point leaves the served file as it was; its leftovers are cleared by the
next run.

One run at a time: a run holds an exclusive lock on ``DIR/.newsledger.lock``; a second run
fails at once with a clear message (or waits, if asked to).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from newsledger.core.errors import WarehouseError

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
    """Remove what a killed run left behind (half-built database copies)."""
    shutil.rmtree(warehouse_dir / BUILD_DIR, ignore_errors=True)


def prepare_build(served: Path, run_id: str, fresh: bool) -> Path:
    """A private copy of the served database to load into (an empty one when ``fresh``)."""
    build_dir = served.parent / BUILD_DIR
    build_dir.mkdir(parents=True, exist_ok=True)
    build = build_dir / f"{run_id}.duckdb"
    if served.exists() and not fresh:
        shutil.copy2(served, build)
    return build


def swap_in(build: Path, served: Path) -> None:
    """Atomically replace the served database by the loaded build.

    Raises:
        WarehouseError: the build is missing or has an unfinished write-ahead log.
    """
    if not build.exists():
        raise WarehouseError(str(served), f"nothing to publish: {build} does not exist")
    if build.with_name(build.name + ".wal").exists():
        raise WarehouseError(str(served), f"{build} was not checkpointed; refusing to publish a partial database")
    os.replace(build, served)
    directory = os.open(served.parent, os.O_RDONLY)
    try:
        os.fsync(directory)  # make the rename itself durable
    finally:
        os.close(directory)
