"""The schemas are the contract: records, DDL, DuckDB and docs all follow them."""

import ast
import dataclasses
from pathlib import Path

import duckdb
import pytest

from newsledger.core.schemas import TABLES, field_meta
from transforms import records
from warehouse.ddl import GENERATED_FILES, SQL_DIR, duckdb_type, sql_files

ROOT = Path(__file__).resolve().parent.parent
RECORDS = {
    "articles": records.Article,
    "rejects": records.Reject,
    "entities": records.Entity,
    "entity_aliases": records.EntityAlias,
    "entity_mentions": records.EntityMention,
    "quotes": records.Quote,
    "temporal_expressions": records.TemporalExpression,
    "events": records.Event,
    "event_participants": records.EventParticipant,
}


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_record_fields_match_the_schema(name):
    schema = next(t.schema for t in TABLES if t.name == name)
    assert [f.name for f in dataclasses.fields(RECORDS[name])] == schema.names


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_every_column_is_documented(table):
    assert table.description
    for field in table.schema:
        assert field_meta(field, "description"), f"{table.name}.{field.name} has no description"


@pytest.mark.parametrize("name", sorted(GENERATED_FILES))
def test_generated_ddl_is_up_to_date(name):
    assert (SQL_DIR / name).read_text(encoding="utf-8") == GENERATED_FILES[name](), "run `make ddl` and commit the result"


def test_duckdb_tables_match_the_schemas(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    for path in sql_files():
        con.execute(path.read_text(encoding="utf-8"))
    for table in TABLES:
        columns = con.execute(
            "SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = $t ORDER BY ordinal_position",
            {"t": table.name},
        ).fetchall()
        expected = [(f.name, duckdb_type(f.type).replace("TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE"), "YES" if f.nullable else "NO") for f in table.schema]
        assert columns == expected
        comments = dict(con.execute("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = $t", {"t": table.name}).fetchall())
        assert all(comments[f.name] == field_meta(f, "description") for f in table.schema)


def test_ddl_is_idempotent(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    for _ in range(2):
        for path in sql_files():
            con.execute(path.read_text(encoding="utf-8"))


def _imports(package: str) -> set[str]:
    found = set()
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("transforms", {"flows", "warehouse", "expectations", "prefect", "duckdb", "great_expectations", "pandas"}),
        ("warehouse", {"flows", "expectations", "prefect", "great_expectations"}),
        ("expectations", {"flows", "warehouse", "prefect", "duckdb"}),
    ],
)
def test_dependencies_point_inward(package, forbidden):
    assert not (_imports(package) & forbidden)


def test_generated_docs_are_up_to_date():
    """docs/tables.md, docs/marts.md and docs/rules.md are exactly what their generators give."""
    from newsledger.docs import stale_pages

    assert stale_pages() == [], "run `make docs` and commit the pages of docs/"


def test_mart_views_have_exactly_their_documented_columns(tmp_path):
    from warehouse.marts import MART_VIEWS

    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    for path in sql_files():
        con.execute(path.read_text(encoding="utf-8"))
    for view in MART_VIEWS:
        columns = con.execute(
            "SELECT column_name, comment FROM duckdb_columns() WHERE schema_name = 'mart' AND table_name = $v ORDER BY column_index",
            {"v": view.name},
        ).fetchall()
        assert columns == list(view.columns), view.name
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE schema_name = 'mart'").fetchall()}
    assert views == {v.name for v in MART_VIEWS}
