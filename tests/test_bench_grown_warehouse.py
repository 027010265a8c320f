"""The grown warehouse the scale benchmark measures is a valid warehouse of N copies."""

import duckdb

from bench.grown_warehouse import DATABASE, STATE, grow
from newsledger.core.schemas import TABLES
from tests.test_warehouse import a_run_row
from warehouse import load, staging
from warehouse.lake import read_manifest


def test_grow_copies_every_table_with_new_keys_and_loads_again(sample_tables, tmp_path):
    staging.write_batch(tmp_path / "run", 1, sample_tables)
    load.load_staged_run(tmp_path / "base" / STATE, tmp_path / "run", a_run_row("r1"))
    base = duckdb.connect(str(tmp_path / "base" / STATE), read_only=True)
    base_counts = {t.name: base.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0] for t in TABLES}
    base.close()

    total = grow(tmp_path / "base", tmp_path / "grown", 3 * base_counts["articles"], progress=False)

    assert total == 3 * base_counts["articles"]
    with duckdb.connect(str(tmp_path / "grown" / STATE), read_only=True) as writer:  # the writer's own index
        assert writer.execute("SELECT count(*) FROM cluster_index").fetchone()[0] == 3 * base_counts["cluster_index"]
    con = duckdb.connect(str(tmp_path / "grown" / DATABASE), read_only=True)
    for table in ("quotes", "events", "stories", "quote_clusters"):
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 3 * base_counts[table], table
    assert con.execute("SELECT count(*) FROM entities").fetchone()[0] == 3 * base_counts["entities"]
    # Every member still names its article and its cluster in the copy.
    assert con.execute("SELECT count(*) FROM quotes q ANTI JOIN articles a USING (article_id)").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM quotes q ANTI JOIN quote_clusters c USING (quote_cluster_id)").fetchone()[0] == 0
    assert con.execute("SELECT count(DISTINCT published_date) FROM articles").fetchone()[0] > base_counts["articles"] // 2
    con.close()
    assert read_manifest(tmp_path / "grown" / "parquet")["run_id"] == "r1"
    # The same run loads into the grown warehouse: keys stay unique, nothing is refused.
    load.load_staged_run(tmp_path / "grown" / STATE, tmp_path / "run", a_run_row("r2"))
