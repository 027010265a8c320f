"""Loading is keyed and atomic; queries are read-only; Parquet follows the contract."""

from datetime import UTC, datetime

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsledger.core.errors import WarehouseError
from newsledger.core.schemas import SCHEMA_VERSION, SERVED_TABLES, TABLES
from transforms.run.runs import RunCounts, run_row
from warehouse import load, staging


def _stage(run_dir, tables):
    staging.write_batch(run_dir, 1, tables)
    return run_dir
from warehouse.query import run_query

DATA_TABLES = [t.name for t in TABLES if t.name != "runs"]


def a_run_row(run_id: str) -> dict:
    now = datetime(2024, 1, 1, tzinfo=UTC)
    return run_row(run_id, now, now, RunCounts(), validation_passed=True, extractor_version="test")


@pytest.fixture
def final_dir(sample_tables, tmp_path):
    return _stage(tmp_path / "run", sample_tables)


def export(db, parquet_dir, run_id):
    """Publish the writer's database ``db``: a catalog beside it, its segments, the lake."""
    from warehouse import publish

    return publish.publish(db.with_name(f"served-{run_id}.duckdb"), db, db.parent / f"segments-{run_id}", parquet_dir, run_id, None)


def counts(db):
    return {name: run_query(db, f"select count(*) as n from {name}")["n"][0].as_py() for name in DATA_TABLES}


def test_touched_months_name_old_and_new_articles(final_dir, tmp_path):
    summary = load.load_staged_run(tmp_path / "w.duckdb", final_dir, a_run_row("r1"))
    assert {"2024-03", "unknown"} <= summary.touched_months


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
    load.load_staged_run(db, _stage(tmp_path / "run2", changed), a_run_row("r2"))
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
    bad = _stage(tmp_path / "bad", sample_tables)
    (bad / "quotes" / "batch-00002.parquet").write_bytes(b"not parquet at all")  # fails after articles were replaced
    with pytest.raises(WarehouseError, match="rolled back"):
        load.load_staged_run(db, bad, a_run_row("r2"))
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
    with pytest.raises(WarehouseError, match="only reads"):
        run_query(db, "delete from articles")


def test_query_without_warehouse_says_what_to_do(tmp_path):
    with pytest.raises(WarehouseError, match="run `newsledger run` first"):
        run_query(tmp_path / "missing.duckdb", "select 1")


def test_lake_is_partitioned_follows_the_contract_and_reads_without_our_code(final_dir, tmp_path):
    import pandas as pd
    import pyarrow.dataset as ds

    from warehouse import lake

    db = tmp_path / "w.duckdb"
    summary = load.load_staged_run(db, final_dir, a_run_row("r1"))
    export(db, tmp_path / "parquet", "r1")
    root = tmp_path / "parquet"
    assert lake.read_manifest(root)["run_id"] == "r1"
    assert not (root / "cluster_index").exists()  # the writer's own index
    for table in SERVED_TABLES:
        files = list((root / table.name).rglob("*.parquet"))
        assert files, table.name
        for path in files:
            schema = pq.read_schema(path)
            assert schema.remove_metadata().equals(table.schema.remove_metadata())
            assert schema.metadata[b"newsledger.schema_version"] == SCHEMA_VERSION.encode()
    months = {p.name for p in (root / "quotes").iterdir()}
    assert "published_month=2024-03" in months
    # pandas and pyarrow read the partitioned folder; DuckDB reads it with hive partitioning.
    quotes = pd.read_parquet(root / "quotes")
    assert len(quotes) == summary.row_counts["quotes"] and "published_month" in quotes.columns
    assert ds.dataset(root / "events", partitioning="hive").count_rows() == summary.row_counts["events"]
    con = duckdb.connect()
    n = con.execute("select count(*) from read_parquet($p, hive_partitioning = true)", {"p": str(root / "articles" / "*" / "*.parquet")}).fetchone()[0]
    assert n == summary.row_counts["articles"]
    import polars as pl

    mentions = pl.scan_parquet(str(root / "entity_mentions" / "**" / "*.parquet"), hive_partitioning=True).collect()
    assert mentions.height == summary.row_counts["entity_mentions"] and "published_month" in mentions.columns


def test_two_runs_files_read_together_without_schema_drift(final_dir, tmp_path, sample_tables):
    from warehouse import lake

    first, second = tmp_path / "one", tmp_path / "two"
    for run, root in (("r1", first), ("r2", second)):
        db = tmp_path / f"{run}.duckdb"
        load.load_staged_run(db, final_dir, a_run_row(run))
        export(db, root, run)
    con = duckdb.connect()
    union = con.execute(
        "select count(*) from read_parquet([$a, $b], union_by_name = false)",
        {"a": str(first / "quotes" / "*" / "*.parquet"), "b": str(second / "quotes" / "*" / "*.parquet")},
    ).fetchone()[0]
    assert union == 2 * sample_tables["quotes"].num_rows


def test_a_warehouse_with_other_columns_is_refused_with_advice(tmp_path):
    """An older newsledger's warehouse (a column fewer) gets the rebuild advice, not a DuckDB binder error."""
    import duckdb

    from newsledger.core.errors import WarehouseError
    from warehouse.load import connect_writer

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE articles (article_id VARCHAR PRIMARY KEY, body VARCHAR)")
    con.close()
    with pytest.raises(WarehouseError, match="--full-refresh"):
        connect_writer(path)


def _kept_name(sample_tables, tmp_path, spellings):
    """The name the warehouse keeps for one entity that the run's articles spell ``spellings``."""
    tables = dict(sample_tables)
    entity = tables["entities"].to_pylist()[0]
    rows = [dict(entity, canonical_name=name) for name in spellings] + tables["entities"].to_pylist()[1:]
    tables["entities"] = pa.Table.from_pylist(rows, schema=tables["entities"].schema)
    db = tmp_path / "w.duckdb"
    load.load_staged_run(db, _stage(tmp_path / "run", tables), a_run_row("r1"))
    [kept] = run_query(db, f"select canonical_name from entities where entity_id = '{entity['entity_id']}'").to_pylist()
    return kept["canonical_name"]


@pytest.mark.parametrize(
    ("spellings", "kept"),
    [
        (("USA TODAY", "USA Today"), "USA Today"),  # not all in capitals, whatever the order
        (("USA Today", "USA TODAY"), "USA Today"),
        (("HIllary Clinton", "Hillary Clinton", "Hillary Clinton"), "Hillary Clinton"),  # no shift-key typo
        (("Hillary Clinton", "HIllary Clinton", "Hillary Clinton"), "Hillary Clinton"),
        (("McDonald Farms", "Mcdonald Farms", "Mcdonald Farms"), "Mcdonald Farms"),  # the majority, though it sorts after
    ],
)
def test_an_entity_keeps_one_spelling_of_its_name(sample_tables, tmp_path, spellings, kept):
    assert _kept_name(sample_tables, tmp_path, spellings) == kept


def test_a_load_that_leaves_a_cluster_without_its_row_is_refused(final_dir, tmp_path, monkeypatch):
    from newsledger.core.errors import ContractError
    from warehouse import corpus

    summarise = corpus._summarise

    def forget_quote_clusters(con, kind):
        summarise(con, kind)
        if kind is corpus.QUOTE:
            con.execute("DELETE FROM quote_clusters WHERE quote_cluster_id IN (SELECT id FROM _summarise)")

    monkeypatch.setattr(corpus, "_summarise", forget_quote_clusters)
    db = tmp_path / "w.duckdb"
    with pytest.raises(ContractError, match="quote_cluster_id without a row in quote_clusters"):
        load.load_staged_run(db, final_dir, a_run_row("r1"))
    assert counts(db)["quotes"] == 0


def test_a_warehouse_with_the_old_enforced_keys_is_upgraded_once_with_its_rows(final_dir, tmp_path):
    from warehouse import upgrade
    from warehouse.ddl import create_table_sql

    db = tmp_path / "w.duckdb"
    load.load_staged_run(db, final_dir, a_run_row("r1"))
    before = counts(db)
    con = duckdb.connect(str(db))
    for table in TABLES:  # as newsledger 0.5 made them: every key enforced
        if not table.key_enforced:
            con.execute(create_table_sql(table, "old").replace("\n);", f",\n    PRIMARY KEY ({', '.join(table.primary_key)})\n);"))
            con.execute(f"INSERT INTO old SELECT * FROM {table.name}; DROP TABLE {table.name}; ALTER TABLE old RENAME TO {table.name}")
    assert upgrade.tables_with_unenforced_keys(con) == [t.name for t in TABLES if not t.key_enforced]
    con.close()
    load.load_staged_run(db, final_dir, a_run_row("r2"))
    assert {k: v for k, v in counts(db).items() if k != "runs"} == {k: v for k, v in before.items() if k != "runs"}
    con = duckdb.connect(str(db))
    assert upgrade.tables_with_unenforced_keys(con) == []
    nullable = con.execute("SELECT is_nullable FROM information_schema.columns WHERE table_name = 'quotes' AND column_name = 'quote_id'").fetchone()[0]
    con.close()
    assert nullable == "NO"
