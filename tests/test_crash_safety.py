"""kill -9 a real run at several points, run again: the warehouse ends exactly as a clean run."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from bench.generate_corpus import generate
from conftest import SAMPLES
from newsledger.core.schemas import SERVED_TABLES, TABLES

pytestmark = pytest.mark.e2e
CLI = Path(sys.executable).parent / "newsledger"
# Columns that say when a run happened, not what it loaded.
VOLATILE = {"rejects": ["rejected_at"]}


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    """Every served table, and the tables only the writer keeps (read from its database)."""
    content = {}
    for database, tables in ((warehouse / "newsledger.duckdb", SERVED_TABLES), (warehouse / ".state" / "newsledger-state.duckdb", TABLES)):
        con = duckdb.connect(str(database), read_only=True)
        try:
            for table in tables:
                if table.name == "runs" or (table.served and database.parent != warehouse):
                    continue
                exclude = f" EXCLUDE ({', '.join(VOLATILE[table.name])})" if table.name in VOLATILE else ""
                content[table.name] = con.execute(f"SELECT *{exclude} FROM {table.name} ORDER BY ALL").fetchall()
        finally:
            con.close()
    return content


def lake_rows(warehouse: Path) -> dict[str, int]:
    return {t.name: pq.read_table(warehouse / "parquet" / t.name).num_rows for t in SERVED_TABLES if t.name != "runs"}


@pytest.fixture(scope="module")
def server_env(prefect_server):
    # A standing server (as in production) spares every run the temporary server's start-up.
    return prefect_server


def run(inputs: Path, warehouse: Path, env: dict[str, str]) -> None:
    done = subprocess.run([CLI, "run", "--batch-size", "8", "--warehouse", warehouse, inputs], capture_output=True, text=True, timeout=900, env=env)
    assert done.returncode == 0, done.stderr[-3000:]


def _staged(warehouse: Path, table: str) -> bool:
    return any((warehouse / "staging").glob(f"*/{table}/batch-*.parquet"))


KILL_POINTS = {
    "while-extracting": lambda w: _staged(w, "quotes"),
    "while-validating": lambda w: any((w / "validation").glob("*/chunk-0001")),
    # The writer's database has a write-ahead log while a load writes it.
    "while-loading": lambda w: any((w / ".state").glob("*.duckdb.wal")),
    # Committed, segments being written: the next run must publish what this one loaded.
    "while-publishing": lambda w: any((w / ".state" / "segments").glob("*/*/*.parquet")) and not (w / "newsledger.duckdb").exists(),
    "after-publishing-the-database": lambda w: (w / "newsledger.duckdb").exists(),  # a fresh warehouse: appears at the swap
}


def run_and_kill(inputs: Path, warehouse: Path, reached, env: dict[str, str]) -> bool:
    """Start a run, kill -9 its whole process group when ``reached(warehouse)``; True if killed."""
    process = subprocess.Popen(
        [CLI, "run", "--batch-size", "8", "--warehouse", warehouse, inputs],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, env=env,
    )
    deadline = time.monotonic() + 600
    try:
        while process.poll() is None and time.monotonic() < deadline:
            if reached(warehouse):
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                return True
            time.sleep(0.01)
        return False
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("crash-corpus")
    generate(root / "synthetic", 40, words=150)
    shutil.copytree(SAMPLES, root / "samples")
    return root


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory, server_env):
    warehouse = tmp_path_factory.mktemp("clean")
    run(corpus, warehouse, server_env)
    return snapshot(warehouse), lake_rows(warehouse)


@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_kill_then_rerun_equals_a_clean_run(point, corpus, reference, tmp_path, server_env):
    warehouse = tmp_path / "wh"
    assert run_and_kill(corpus, warehouse, KILL_POINTS[point], server_env), f"the run ended before reaching {point}"
    run(corpus, warehouse, server_env)
    content, lake = reference
    assert snapshot(warehouse) == content
    assert lake_rows(warehouse) == lake
    assert not any((warehouse / "staging").glob("*"))
    assert not [p for p in (warehouse / ".state").iterdir() if p.name.startswith(("build-", "catalog-"))]


def test_kill_during_an_incremental_load_keeps_the_earlier_load(corpus, reference, tmp_path, server_env):
    warehouse = tmp_path / "wh"
    run(corpus / "samples", warehouse, server_env)
    before = snapshot(warehouse)
    assert run_and_kill(corpus, warehouse, KILL_POINTS["while-loading"], server_env)
    assert snapshot(warehouse) == before  # the served database is untouched by the killed run
    run(corpus, warehouse, server_env)
    assert snapshot(warehouse) == reference[0]
