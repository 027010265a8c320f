"""Loading is keyed and atomic; queries are read-only; Parquet follows the contract."""

from datetime import UTC, datetime

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsledger.errors import WarehouseError
from newsledger.schemas import TABLES
from transforms.runs import RunCounts, run_row
from warehouse import load, staging
from warehouse.query import run_query

DATA_TABLES = [t.name for t in TABLES if t.name != "runs"]


def a_run_row(run_id: str) -> dict:
    now = datetime(2024, 1, 1, tzinfo=UTC)
    return run_row(run_id, now, now, RunCounts(), validation_passed=True, extractor_version="test")


@pytest.fixture
def final_dir(sample_tables, tmp_path):
    return staging.write_consolidated(tmp_path / "run", sample_tables)


def counts(db):
    return {name: run_query(db, f"select count(*) as n from {name}")["n"][0].as_py() for name in DATA_TABLES}


def test_loading_the_same_run_twice_leaves_the_same_rows(final_dir, tmp_path, sample_tables):
    db = tmp_path / "w.duckdb"
    first = load.load_staged_run(db, final_dir, a_run_row("r1")).row_counts
    second = load.load_staged_run(db, final_dir, a_run_row("r2")).row_counts
    assert {k: v for k, v in first.items() if k != "runs"} == {k: v for k, v in second.items() if k != "runs"}
    assert first["articles"] == sample_tables["articles"].num_rows
    assert second["runs"] == 2


def test_a_changed_file_replaces_only_its_article(final_dir, tmp_path, sample_tables):
    db = tmp_path / "w.duckdb"
    load.load_staged_run(db, final_dir, a_run_row("r1"))
    before = run_query(db, "select article_id, source_path from articles order by source_path, source_record").to_pylist()
    changed_path = before[0]["source_path"]
    articles = sample_tables["articles"]
    row = [r for r in articles.to_pylist() if r["source_path"] == changed_path][:1]
    row[0] = dict(row[0], article_id="changedarticle01", body=row[0]["body"] + " Updated.")
    changed = {name: t.schema.empty_table() for name, t in sample_tables.items()}
    changed["articles"] = pa.Table.from_pylist(row, schema=articles.schema)
    load.load_staged_run(db, staging.write_consolidated(tmp_path / "run2", changed), a_run_row("r2"))
    after = run_query(db, "select article_id, source_path from articles").to_pylist()
    assert {"article_id": "changedarticle01", "source_path": changed_path} in after
    assert all(r["article_id"] != before[0]["article_id"] for r in after)
    assert len(after) == len(before) - len([r for r in before if r["source_path"] == changed_path]) + 1
    orphans = run_query(db, "select count(*) as n from quotes where article_id not in (select article_id from articles)")
    assert orphans["n"][0].as_py() == 0


def test_a_failed_load_leaves_the_warehouse_as_it_was(final_dir, tmp_path, sample_tables):
    db = tmp_path / "w.duckdb"
    load.load_staged_run(db, final_dir, a_run_row("r1"))
    before = counts(db)
    broken = dict(sample_tables)
    quotes = sample_tables["quotes"]
    broken["quotes"] = pa.concat_tables([quotes, quotes.slice(0, 1)])  # duplicate key: DuckDB refuses
    with pytest.raises(WarehouseError, match="rolled back"):
        load.load_staged_run(db, staging.write_consolidated(tmp_path / "bad", broken), a_run_row("r2"))
    assert counts(db) == before
    assert run_query(db, "select count(*) as n from runs")["n"][0].as_py() == 1


def test_a_locked_warehouse_is_a_clear_transient_error(final_dir, tmp_path):
    db = tmp_path / "w.duckdb"
    load.load_staged_run(db, final_dir, a_run_row("r1"))
    import subprocess
    import sys

    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('ready', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(WarehouseError) as caught:
            load.connect_writer(db)
        assert caught.value.is_transient
        assert "close it and run again" in str(caught.value)
    finally:
        holder.kill()
        holder.wait()


def test_query_is_read_only(final_dir, tmp_path):
    db = tmp_path / "w.duckdb"
    load.load_staged_run(db, final_dir, a_run_row("r1"))
    with pytest.raises(WarehouseError, match="query failed"):
        run_query(db, "delete from articles")


def test_query_without_warehouse_says_what_to_do(tmp_path):
    with pytest.raises(WarehouseError, match="run `newsledger run` first"):
        run_query(tmp_path / "missing.duckdb", "select 1")


def test_exported_parquet_follows_the_contract(final_dir, tmp_path):
    db = tmp_path / "w.duckdb"
    load.load_staged_run(db, final_dir, a_run_row("r1"))
    written = load.export_parquet(db, tmp_path / "parquet")
    assert {p.stem for p in written} == {t.name for t in TABLES}
    for table in TABLES:
        on_disk = pq.read_schema(tmp_path / "parquet" / f"{table.name}.parquet")
        assert on_disk.remove_metadata().equals(table.schema.remove_metadata())
    # Any engine reads the files without our code.
    con = duckdb.connect()
    assert con.execute("select count(*) from read_parquet($p)", {"p": str(tmp_path / "parquet" / "articles.parquet")}).fetchone()[0] > 0
