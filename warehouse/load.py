"""Load a run's staged Parquet into a DuckDB file in one transaction.

The load is keyed: an article already in the warehouse (same ``article_id``) or from the same
source file is replaced with all of its rows (and its place in stories and clusters,
``warehouse.corpus``), so loading the same batch twice leaves the same
rows, and a killed load leaves the database as it was (DuckDB rolls back an open transaction).
Runs load the writer's own database in place; readers read what ``warehouse.publish`` serves.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from newsledger.core.errors import DAMAGED_DATABASE_MARK, ContractError, WarehouseDamagedError, WarehouseError
from newsledger.core.schemas import CORPUS_TABLES, TABLES, TABLES_BY_NAME
from transforms.run.runs import with_stage_seconds
from warehouse import corpus, upgrade
from warehouse.segments import month_sql
from warehouse.ddl import TABLES_FILE, sql_files

log = logging.getLogger(__name__)

# Tables that hang off an article, deleted before the article is replaced (children first).
ARTICLE_CHILDREN = ("event_participants", "events", "temporal_expressions", "quotes", "entity_aliases", "entity_mentions")


MONTH_SQL = month_sql()


@dataclass(frozen=True)
class LoadSummary:
    """Row counts of the warehouse after a load, and the publication months it touched."""

    row_counts: dict[str, int]
    touched_months: frozenset[str]
    cluster_seconds: float = 0.0


def connect_writer(database_path: Path) -> duckdb.DuckDBPyConnection:
    """Open the warehouse for writing, creating it and its tables if needed.

    Raises:
        WarehouseError: the file is locked by another process or cannot be created.
    """
    database_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(database_path))
    except duckdb.IOException as exc:
        if DAMAGED_DATABASE_MARK in str(exc):
            raise WarehouseDamagedError(str(database_path)) from exc
        raise WarehouseError(
            str(database_path),
            f"cannot open the warehouse for writing ({exc}). Another process (a BI tool or another run) "
            "holds it open: close it and run again.",
            is_transient=True,
        ) from exc
    # DuckDB's own progress bar, on a long statement, would write over the run's progress lines.
    con.execute("SET enable_progress_bar = false")
    # Tables first and checked before comments and views touch their columns: a warehouse an
    # older newsledger built gets the clear "rebuild" error, not a binder error.
    files = sql_files()
    tables, others = [p for p in files if p.name == TABLES_FILE], [p for p in files if p.name != TABLES_FILE]
    for path in tables:
        con.execute(path.read_text(encoding="utf-8"))
    _check_schema(con, database_path)
    upgrade.drop_unenforced_keys(con)
    for path in others:
        con.execute(path.read_text(encoding="utf-8"))
    return con


def _check_schema(con: duckdb.DuckDBPyConnection, database_path: Path) -> None:
    """Refuse to load into tables an older newsledger created with other columns."""
    for table in TABLES:
        columns = [r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = $t ORDER BY ordinal_position", {"t": table.name}
        ).fetchall()]
        if columns != table.schema.names:
            con.close()
            raise WarehouseError(
                str(database_path),
                f"table {table.name} has columns {columns}, this version expects {table.schema.names}: "
                "rebuild the warehouse with `newsledger run --full-refresh PATH...`",
            )


# Articles may write one entity with names that differ only in case ("USA Today", "USA TODAY",
# "HIllary Clinton": one entity_id); which row DISTINCT ON keeps must not depend on the order
# files were read, or two runs over the same files would differ. Preferred: a name not all in
# capitals, then one without a shift-key typo (two capitals, then lower case), then the
# spelling most of the run's articles use (``_spellings`` counts them), then the first by sort.
_TIE_BREAKS = {"entities": ", canonical_name = upper(canonical_name), regexp_matches(canonical_name, '(^|\\s)[A-Z]{2}[a-z]'), _spellings DESC, canonical_name"}
_SOURCES = {"entities": "(SELECT *, count(*) OVER (PARTITION BY entity_id, canonical_name) AS _spellings FROM read_parquet($p))"}


def _columns(table: str) -> str:
    return ", ".join(TABLES_BY_NAME[table].schema.names)


def _staged_glob(staged_dir: Path, table: str) -> list[str]:
    # A list of exact paths, not a pattern: DuckDB reads '[' or '*' in a warehouse path as a glob.
    return sorted(str(p) for p in (staged_dir / table).glob("*.parquet"))


def load_staged_run(database_path: Path, staged_dir: Path, run_row: dict[str, object]) -> LoadSummary:
    """Load every staged table of one run and its ``runs`` row, all in one transaction.

    Args:
        database_path: the DuckDB file.
        staged_dir: folder with one sub-folder of Parquet files per table.
        run_row: the run's row for the ``runs`` table.

    Raises:
        WarehouseError: DuckDB refused the load; nothing of it was kept.
    """
    con = connect_writer(database_path)
    try:
        if not corpus.index_is_current(con):
            raise WarehouseError(
                str(database_path),
                "its clustering index (cluster_index) was built by an earlier 0.3.0 and cannot be extended: "
                "rebuild the warehouse with `newsledger run --full-refresh PATH...`",
            )
        con.execute("BEGIN TRANSACTION")
        touched: set[str] = set()
        if _has_staged(staged_dir, "articles"):
            touched = _replace_staged_articles(con, _staged_glob(staged_dir, "articles"))
        for table in TABLES:
            if table.name == "runs" or table.name in CORPUS_TABLES or not _has_staged(staged_dir, table.name):
                continue
            # Batches overlap on entities: one row per key.
            verb = "INSERT OR IGNORE" if table.name in ("entities", "rejects") else "INSERT"
            cols, key = _columns(table.name), ", ".join(table.primary_key)
            con.execute(
                f"{verb} INTO {table.name} ({cols}) SELECT DISTINCT ON ({key}) {cols} FROM {_SOURCES.get(table.name, 'read_parquet($p)')} "
                f"ORDER BY {key}{_TIE_BREAKS.get(table.name, '')}",
                {"p": _staged_glob(staged_dir, table.name)},
            )
        started = time.perf_counter()
        if _has_staged(staged_dir, "articles"):
            new_articles = [r[0] for r in con.execute("SELECT DISTINCT article_id FROM read_parquet($p)", {"p": _staged_glob(staged_dir, "articles")}).fetchall()]
            touched |= corpus.cluster_new_articles(con, new_articles, MONTH_SQL).touched_months
            _check_clusters_resolve(con, database_path)
        cluster_seconds = time.perf_counter() - started
        insert_run_row(con, with_stage_seconds(run_row, "cluster", cluster_seconds))
        con.execute("COMMIT")
        con.execute("CHECKPOINT")  # the file must be complete on its own before it is published
        counts = {t.name: con.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0] for t in TABLES}
    except duckdb.Error as exc:
        _rollback(con)
        raise WarehouseError(str(database_path), f"load failed and was rolled back: {exc}") from exc
    except ContractError:
        _rollback(con)
        raise
    finally:
        con.close()
    return LoadSummary(counts, frozenset(touched), cluster_seconds)


def _check_clusters_resolve(con: duckdb.DuckDBPyConnection, database_path: Path) -> None:
    """Refuse to commit a load that left a story, quote or event cluster id without its row.

    Only the clusters this load rewrote can have lost their row (``corpus.cluster_new_articles``
    lists them in ``load_clusters``); checking the whole warehouse would make every night's load
    grow with it.

    Raises:
        ContractError: a cluster id does not resolve (the load is rolled back).
    """
    for kind in corpus.KINDS:
        mine = "(SELECT id FROM load_clusters WHERE kind = $kind)"
        missing = con.execute(
            f"SELECT {kind.cluster}, count(*) FROM {kind.table} WHERE {kind.cluster} IN {mine} "
            f"AND {kind.cluster} NOT IN (SELECT {kind.cluster} FROM {kind.summary} WHERE {kind.cluster} IN {mine}) GROUP BY 1 ORDER BY 1 LIMIT 3",
            {"kind": kind.name},
        ).fetchall()
        if missing:
            raise ContractError(kind.table, [f"{kind.cluster} without a row in {kind.summary} in {database_path}: e.g. {missing}"])


def _has_staged(staged_dir: Path, table: str) -> bool:
    return any((staged_dir / table).glob("*.parquet"))


def _replace_staged_articles(con: duckdb.DuckDBPyConnection, articles: str) -> set[str]:
    """Delete the articles a run replaces (same id or same source file) with all their rows.

    Returns the publication months of the deleted and of the incoming articles.
    """
    replaced = (
        "SELECT article_id FROM articles WHERE source_path IN (SELECT source_path FROM read_parquet($p)) "
        "UNION SELECT article_id FROM read_parquet($p)"
    )
    touched = {r[0] for r in con.execute(f"SELECT DISTINCT {MONTH_SQL} FROM articles WHERE article_id IN ({replaced})", {"p": articles}).fetchall()}
    touched |= {r[0] for r in con.execute(f"SELECT DISTINCT {MONTH_SQL} FROM read_parquet($p)", {"p": articles}).fetchall()}
    # Only the articles the warehouse holds: most nights replace none, and each statement below
    # scans a whole table, so they are skipped then.
    con.execute(f"CREATE TEMP TABLE replaced AS SELECT article_id FROM articles WHERE article_id IN ({replaced})", {"p": articles})
    if con.execute("SELECT EXISTS (SELECT 1 FROM replaced)").fetchone()[0]:
        corpus.forget_articles(con)
        for child in ARTICLE_CHILDREN:
            con.execute(f"DELETE FROM {child} WHERE article_id IN (SELECT article_id FROM replaced)")
        con.execute("DELETE FROM articles WHERE article_id IN (SELECT article_id FROM replaced)")
    # A file that loads now is no longer a reject.
    con.execute("DELETE FROM rejects WHERE source_path IN (SELECT source_path FROM read_parquet($p))", {"p": articles})
    con.execute("DROP TABLE replaced")
    return touched


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    try:
        con.execute("ROLLBACK")
    except duckdb.TransactionException:
        pass  # the failure happened outside the transaction: nothing to undo


def insert_run_row(con: duckdb.DuckDBPyConnection, run_row: dict[str, object]) -> None:
    """Insert one row into ``runs`` with bound parameters."""
    names = TABLES_BY_NAME["runs"].schema.names
    placeholders = ", ".join(f"${n}" for n in names)
    con.execute(f"INSERT INTO runs ({', '.join(names)}) VALUES ({placeholders})", {n: run_row[n] for n in names})


def record_failed_run(database_path: Path, run_row: dict[str, object]) -> None:
    """Record a run that did not load (validation failed) without touching any data table."""
    con = connect_writer(database_path)
    try:
        insert_run_row(con, run_row)
        con.execute("CHECKPOINT")
    finally:
        con.close()


def loaded_files(database_path: Path) -> dict[str, set[tuple[str, str]]]:
    """What the served warehouse already holds per source file: {path: {(sha256, version)}}.

    Rejected files count as loaded (with an empty version): the same bytes fail the same way.
    """
    if not database_path.exists():
        return {}
    try:
        con = duckdb.connect(str(database_path), read_only=True)
    except duckdb.IOException as exc:
        if DAMAGED_DATABASE_MARK in str(exc):
            raise WarehouseDamagedError(str(database_path)) from exc
        raise WarehouseError(str(database_path), f"cannot read the warehouse ({exc})", is_transient=True) from exc
    try:
        rows = con.execute(
            "SELECT source_path, file_sha256, extractor_version FROM articles "
            "UNION SELECT source_path, file_sha256, '' FROM rejects"
        ).fetchall()
    finally:
        con.close()
    found: dict[str, set[tuple[str, str]]] = {}
    for path, sha, version in rows:
        found.setdefault(path, set()).add((sha, version))
    return found
