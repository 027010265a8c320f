"""`newsledger sql` is a read-only door: every known abuse is refused in one line and changes
nothing; reading statements, the mart views and information_schema still answer."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pytest

from newsledger.core.errors import WarehouseError
from newsledger.core.schemas import SERVED_TABLES, TABLES_BY_NAME
from warehouse.marts import MART_VIEWS as ALL_MART_VIEWS
from warehouse.load import connect_writer
from warehouse import publish
from warehouse.query import ReadOnlyQueryError, read_only_setup, run_query

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BODY = '"We will build the quay," Elena Varga said on Monday.'


@pytest.fixture
def db(tmp_path) -> Path:
    """A tiny warehouse (one article, quote, entity and mention) beside another database."""
    db = tmp_path / "warehouse" / "newsledger.duckdb"
    state = db.parent / ".state" / "newsledger-state.duckdb"
    con = connect_writer(state)
    con.execute(
        "insert into articles (article_id, source_path, source_record, source_format, file_sha256, published_date, crawled_at, title, body, word_count, extractor_version, story_id) "
        "values ('a1', 'crawl/a1.txt', 0, 'raw', 'sha', $published, $crawled, 'Quay', $body, 9, 'test', 'a1')",
        {"published": date(2024, 3, 11), "crawled": datetime(2024, 3, 11, 6, tzinfo=UTC), "body": BODY},
    )
    con.execute("insert into entities values ('e1', 'Elena Varga', 'PERSON')")
    con.execute("insert into entity_mentions values ('m1', 'a1', 'e1', 26, 37, 'Elena Varga', 'speaker', null)")
    con.execute(
        "insert into quotes (quote_id, article_id, char_start, char_end, text, segments, content, quote_type, speaker, speaker_entity_id, cue, is_uncertain, found_by, speaker_by, quote_cluster_id) "
        "values ('q1', 'a1', 0, 25, $text, [{'char_start': 1, 'char_end': 23}], $content, 'direct', 'Elena Varga', 'e1', 'said', false, 'cue_beside_quote', 'named_subject', 'q1')",
        {"text": BODY[:25], "content": BODY[1:23]},
    )
    con.close()
    publish.publish(db, state, db.parent / ".state" / "segments", db.parent / "parquet", "r1", None)
    other = duckdb.connect(str(tmp_path / "other.duckdb"))
    other.execute("create table aliases as select 'Varga' as alias")
    other.close()
    (tmp_path / "secret.txt").write_text("not for newsledger sql\n")
    (tmp_path / "secret.csv").write_text("a,b\n1,2\n")
    return db


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.rglob("*")) if p.is_file()}


def _row_counts(db: Path) -> dict[str, int]:
    return {name: run_query(db, f"select count(*) as n from {name}")["n"][0].as_py() for name in ("articles", "quotes", "entities", "entity_mentions")}


ABUSES = [
    # (sql, words the one-line refusal holds); {tmp} is the test's folder.
    ("attach '{tmp}/other.duckdb' as other (read_only false)", "ATTACH is not allowed"),
    ("attach '{tmp}/other.duckdb' as other (read_only false); delete from other.aliases", "only one statement per call"),
    ("delete from other.aliases", "DELETE is not allowed"),
    ("attach ':memory:' as scratch", "ATTACH is not allowed"),
    ("copy quotes to '{tmp}/aliases.csv'", "COPY is not allowed; to save a result"),
    ("copy (select * from quotes) to '{tmp}/out.csv' (header)", "COPY is not allowed"),
    ("copy quotes to '{tmp}/parquet/quotes/published_month=2024-03/part-0.parquet' (format parquet)", "COPY is not allowed"),
    ("export database '{tmp}/export'", "EXPORT is not allowed"),
    ("import database '{tmp}/export'", "IMPORT is not allowed"),
    ("install fts", "INSTALL is not allowed"),
    ("load json", "LOAD is not allowed"),
    ("update extensions", "UPDATE is not allowed"),
    ("select * from read_text('{tmp}/secret.txt')", "reads only the warehouse's own tables"),
    ("select * from read_text('/etc/passwd')", "reads only the warehouse's own tables"),
    ("select * from read_csv('{tmp}/secret.csv')", "reads only the warehouse's own tables"),
    ("select * from '{tmp}/secret.csv'", "reads only the warehouse's own tables"),
    ("select * from read_parquet('{tmp}/**/*.parquet')", "reads only the warehouse's own tables"),
    ("select * from glob('{tmp}/*')", "reads only the warehouse's own tables"),
    ("select count(*) from quotes where text in (select content from read_text('{tmp}/secret.txt'))", "reads only the warehouse's own tables"),
    ("set threads = 1", "SET is not allowed; settings are locked"),
    ("set enable_external_access = true", "SET is not allowed"),
    ("reset lock_configuration", "RESET is not allowed"),
    ("pragma threads = 1", "PRAGMA threads is not allowed"),
    ("pragma enable_profiling", "PRAGMA enable_profiling is not allowed; the reading pragmas are"),
    ("use memory", "USE is not allowed"),
    ("set variable target = '{tmp}/out.csv'", "SET is not allowed"),
    ("create temp table scratch as select 1 as x", "CREATE is not allowed; to write, open your own copy"),
    ("create view mart.leak as select 1 as x", "CREATE is not allowed"),
    ("delete from quotes", "DELETE is not allowed"),
    ("with doomed as (select quote_id from quotes) delete from quotes where quote_id in (select quote_id from doomed)", "DELETE is not allowed"),
    ("insert into entities values ('e2', 'Nobody', 'PERSON')", "INSERT is not allowed"),
    ("update quotes set speaker = null", "UPDATE is not allowed"),
    ("drop table quotes", "DROP is not allowed"),
    ("begin transaction", "BEGIN is not allowed"),
    ("checkpoint; select 1", "only one statement per call (2 given)"),
    ("select 1; select 2", "only one statement per call (2 given): run them one at a time"),
    ("explain analyze copy quotes to '{tmp}/explained.csv'", "EXPLAIN of COPY is not allowed; explain a SELECT instead"),
    ("explain delete from quotes", "EXPLAIN of DELETE is not allowed"),
    ("", "no SQL statement given"),
    ("-- a comment and nothing else", "no SQL statement given"),
]


@pytest.mark.parametrize(("sql", "refusal"), ABUSES, ids=[sql or "empty" for sql, _ in ABUSES])
def test_abuse_is_refused_in_one_line_and_changes_nothing(db, tmp_path, sql, refusal):
    counts, files = _row_counts(db), _files(tmp_path)
    with pytest.raises(ReadOnlyQueryError) as caught:
        run_query(db, sql.format(tmp=tmp_path.as_posix()))
    message = str(caught.value)
    assert refusal in message
    assert "\n" not in message and not caught.value.is_transient
    assert _files(tmp_path) == files  # nothing written, nothing touched
    assert _row_counts(db) == counts
    other = duckdb.connect(str(tmp_path / "other.duckdb"), read_only=True)
    assert other.execute("select alias from aliases").fetchall() == [("Varga",)]
    other.close()


QUOTES_COLUMNS = TABLES_BY_NAME["quotes"].schema.names
MART_VIEWS = sorted(view.name for view in ALL_MART_VIEWS)

READS = [
    # (sql, a column of the result, its values)
    ("select speaker from quotes", "speaker", ["Elena Varga"]),
    ("SELECT speaker FROM quotes;", "speaker", ["Elena Varga"]),
    ("-- who speaks?\nselect speaker from quotes", "speaker", ["Elena Varga"]),
    ("with q as (select * from quotes) select count(*) as n from q", "n", [1]),
    ("from entities select canonical_name", "canonical_name", ["Elena Varga"]),
    ("values (1, 'a')", "col0", [1]),
    ("describe quotes", "column_name", QUOTES_COLUMNS),
    ("show tables", "name", sorted(t.name for t in SERVED_TABLES)),
    ("summarize entities", "column_name", ["entity_id", "canonical_name", "entity_type"]),
    ("pivot quotes on quote_type using count(*)", "direct", [1]),
    ("select speaker, quotes, direct_quotes from mart.quotes_by_speaker_month", "quotes", [1]),
    ("select canonical_name, mentions from mart.entity_mentions_daily", "mentions", [1]),
    ("select quotes, entity_mentions from mart.article_overview", "quotes", [1]),
    ("select count(*) as n from mart.event_timeline", "n", [0]),
    ("select count(*) as n from mart.speaker_entity_cooccurrence", "n", [0]),
    ("select table_name from information_schema.tables where table_schema = 'mart' order by 1", "table_name", MART_VIEWS),
    ("select column_name from information_schema.columns where table_name = 'quotes' order by ordinal_position", "column_name", QUOTES_COLUMNS),
    ("select count(*) > 0 as documented from duckdb_columns() where schema_name = 'mart' and comment is not null", "documented", [True]),
    ("pragma table_info('quotes')", "name", QUOTES_COLUMNS),
    ("call pragma_table_info('quotes')", "name", QUOTES_COLUMNS),
    ("select * from query('select speaker from quotes')", "speaker", ["Elena Varga"]),
    ("explain select * from quotes", "explain_key", ["physical_plan"]),
    ("explain analyze select count(*) from quotes", "explain_key", ["analyzed_plan"]),
]


@pytest.mark.parametrize(("sql", "column", "values"), READS, ids=[sql for sql, _, _ in READS])
def test_reads_answer(db, sql, column, values):
    result = run_query(db, sql)
    assert result.column(column).to_pylist() == values


def test_a_failed_read_is_a_failed_query_not_a_refusal(db):
    with pytest.raises(WarehouseError, match="query failed: Catalog Error") as caught:
        run_query(db, "select * from no_such_table")
    assert not isinstance(caught.value, ReadOnlyQueryError) and "\n" not in str(caught.value)


@pytest.mark.parametrize("content", [b"", b"not a duckdb file" * 500], ids=["empty", "garbage"])
def test_a_damaged_warehouse_file_names_the_rebuild(tmp_path, content):
    db = tmp_path / "newsledger.duckdb"
    db.write_bytes(content)
    with pytest.raises(WarehouseError, match=r"damaged: rebuild it with `newsledger run --full-refresh PATH\.\.\.`") as caught:
        run_query(db, "select 1")
    assert not caught.value.is_transient


def _newsledger_sql(sql: str, warehouse_dir: Path) -> subprocess.CompletedProcess[str]:
    """`newsledger sql` as a user runs it, in a terminal 80 columns wide."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSLEDGER_")} | {"COLUMNS": "80"}
    return subprocess.run(
        [sys.executable, "-m", "newsledger.cli", "sql", sql, "--warehouse", str(warehouse_dir)],
        capture_output=True, text=True, cwd=PROJECT_ROOT, env=env, timeout=120,
    )


def test_cli_refuses_copy_with_exit_3_and_no_traceback(db, tmp_path):
    target = tmp_path / "aliases.csv"
    result = _newsledger_sql(f"copy quotes to '{target.as_posix()}'", db.parent)
    assert result.returncode == 3
    assert "Traceback" not in result.stderr and result.stdout == ""
    expected = f'{db}: newsledger sql only reads: COPY is not allowed; to save a result, run `newsledger sql --format csv "SELECT ..." > FILE`'
    # Compared without whitespace: cli.py's rich console wraps at the terminal width (see below).
    assert "".join(result.stderr.split()) == "".join(expected.split())
    assert not target.exists()


def test_cli_refusal_is_exactly_one_line(db, tmp_path):
    sql = f"select * from read_text('{tmp_path.as_posix()}/[x]/secret.txt')"
    with pytest.raises(ReadOnlyQueryError) as caught:
        run_query(db, sql)
    result = _newsledger_sql(sql, db.parent)
    assert result.returncode == 3
    assert result.stderr.splitlines() == [str(caught.value)]


def test_bi_tools_get_the_same_protection_through_sqlalchemy(db, tmp_path):
    """The SQLAlchemy recipe in docs/operations.md: reads work, files and other databases do not."""
    sa = pytest.importorskip("sqlalchemy")
    engine = sa.create_engine(f"duckdb:///{db}", connect_args={"read_only": True})

    @sa.event.listens_for(engine, "connect")
    def lock(dbapi_connection, _record):
        for statement in read_only_setup(db):
            dbapi_connection.execute(statement)

    abuses = (f"select * from read_text('{tmp_path.as_posix()}/secret.txt')", f"attach '{tmp_path.as_posix()}/other.duckdb' as other",
              "set enable_external_access = true")
    try:
        with engine.connect() as con:
            assert con.execute(sa.text("select speaker, quotes from mart.quotes_by_speaker_month")).all() == [("Elena Varga", 1)]
        for abuse in abuses:
            with pytest.raises(sa.exc.DBAPIError, match="disabled by configuration|configuration has been locked"), engine.connect() as con:
                con.execute(sa.text(abuse))
    finally:
        engine.dispose()


def test_bi_tools_with_init_sql_get_the_same_protection(db, tmp_path):
    """The init SQL in docs/operations.md for tools that cannot pass DuckDB settings (Metabase's Init SQL)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        con.execute("; ".join(read_only_setup(db)) + ";")
        assert con.execute("select count(*) from mart.article_overview").fetchall() == [(1,)]
        with pytest.raises(duckdb.PermissionException):
            con.execute(f"select * from read_text('{tmp_path.as_posix()}/secret.txt')")
        with pytest.raises(duckdb.InvalidInputException, match="configuration has been locked"):
            con.execute("set enable_external_access = true")
    finally:
        con.close()
