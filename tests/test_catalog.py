"""Segments and the served catalog: readers see the writer's rows; a night rewrites its months only."""

import duckdb
import pytest

from newsledger.core.schemas import SERVED_TABLES
from tests.test_warehouse import a_run_row
from warehouse import load, staging
from warehouse.catalog import build_catalog
from warehouse.publish import replace_durably
from warehouse.segments import SegmentMap, unused_segments, write_segments


@pytest.fixture
def writer(sample_tables, tmp_path):
    staging.write_batch(tmp_path / "run", 1, sample_tables)
    database = tmp_path / ".state" / "writer.duckdb"
    summary = load.load_staged_run(database, tmp_path / "run", a_run_row("r1"))
    return database, summary


def rows(con, table):
    return sorted(map(repr, con.execute(f"SELECT * FROM {table}").fetchall()))


def locked_reader(catalog, segments_root):
    con = duckdb.connect(str(catalog), read_only=True)
    con.execute(f"SET allowed_directories = ['{segments_root.resolve()}/']")
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def test_a_catalog_serves_every_table_as_the_writer_holds_it(writer, tmp_path):
    database, _ = writer
    root = tmp_path / ".state" / "segments"
    with duckdb.connect(str(database), read_only=True) as con:
        segments = write_segments(con, root, "r1", SegmentMap(), None)
        expected = {t.name: rows(con, t.name) for t in SERVED_TABLES}
    build_catalog(tmp_path / "built.duckdb", root, segments)
    replace_durably(tmp_path / "built.duckdb", tmp_path / "newsledger.duckdb")

    reader = locked_reader(tmp_path / "newsledger.duckdb", root)
    for table in SERVED_TABLES:
        assert rows(reader, table.name) == expected[table.name], table.name
        columns = [r[0] for r in reader.execute(f"SELECT column_name FROM information_schema.columns WHERE table_name = '{table.name}' ORDER BY ordinal_position").fetchall()]
        assert columns == table.schema.names
    assert reader.execute("SELECT count(*) FROM duckdb_columns() WHERE table_name = 'quotes' AND comment IS NULL").fetchone()[0] == 0
    assert reader.execute("SELECT count(*) FROM mart.quotes_by_speaker_month").fetchone()[0] > 0
    with pytest.raises(duckdb.Error):
        reader.execute("SELECT * FROM read_csv('/etc/passwd')")
    assert reader.execute("SELECT run_id FROM meta.published").fetchone() == ("r1",)
    with pytest.raises(duckdb.CatalogException):
        reader.execute("SELECT * FROM cluster_index")  # the writer's own index is not served
    reader.close()


def test_a_later_run_rewrites_only_the_months_it_touched(writer, sample_tables, tmp_path):
    database, summary = writer
    root = tmp_path / ".state" / "segments"
    with duckdb.connect(str(database), read_only=True) as con:
        first = write_segments(con, root, "r1", SegmentMap(), None)
    # The same files again: the load replaces their articles, touching their months.
    second_summary = load.load_staged_run(database, tmp_path / "run", a_run_row("r2"))
    touched = set(second_summary.touched_months)
    with duckdb.connect(str(database), read_only=True) as con:
        second = write_segments(con, root, "r2", first, touched)
    for table, partitions in second.files.items():
        for partition, path in partitions.items():
            rewritten = path.endswith("/r2.parquet")
            assert rewritten == (partition in touched or partition == "all"), (table, partition)
    # Readers of the first catalog keep their files one generation; older ones go.
    assert unused_segments(root, [second, first]) == []
    stale = unused_segments(root, [second])
    assert stale and all(p.name == "r1.parquet" for p in stale)


def test_a_warehouse_of_0_4_is_adopted_once_and_served_as_a_catalog(sample_tables, tmp_path):
    from warehouse import publish

    staging.write_batch(tmp_path / "run", 1, sample_tables)
    served = tmp_path / "newsledger.duckdb"
    load.load_staged_run(served, tmp_path / "run", a_run_row("r1"))  # 0.4: the tables in the served file
    with duckdb.connect(str(served), read_only=True) as con:
        expected = {t.name: rows(con, t.name) for t in SERVED_TABLES}
    state = tmp_path / ".state" / "newsledger-state.duckdb"

    publish.adopt_legacy_database(served, state)
    assert state.exists()
    publish.publish(served, state, state.parent / "segments", tmp_path / "parquet", "r2", frozenset())

    with duckdb.connect(str(served), read_only=True) as reader:
        assert reader.execute("SELECT run_id FROM meta.published").fetchone() == ("r2",)
        assert {t.name: rows(reader, t.name) for t in SERVED_TABLES} == expected
    # Adopted once: a catalog is never taken for an old warehouse.
    state.unlink()
    publish.adopt_legacy_database(served, state)
    assert not state.exists()
    with pytest.raises(Exception, match="writer's database is missing"):
        publish.load_target(served, state, "r3", fresh=False)


def test_leftovers_of_a_killed_run_go_and_the_warehouse_stays(tmp_path):
    from warehouse import publish

    state = tmp_path / ".state"
    kept = [state / "newsledger-state.duckdb", state / "segments" / "quotes" / "2024-03" / "r1.parquet",
            state / "segments" / "_maps" / "r1.json", state / "segments" / "_published.json"]
    leftovers = [state / "build-r2.duckdb", state / "build-r2.duckdb.wal", state / "catalog-r2.duckdb",
                 state / "segments" / "quotes" / "2024-03" / ".r2.parquet.tmp", state / "segments" / "._published.json.tmp",
                 state / "segments" / "_maps" / ".r2.json.tmp", tmp_path / ".build" / "r2.duckdb"]
    for path in kept + leftovers:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    publish.clear_leftovers(tmp_path)
    assert [p for p in leftovers if p.exists()] == []
    assert all(p.exists() for p in kept)
