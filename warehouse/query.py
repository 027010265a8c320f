"""The read-only SQL door of the warehouse: what ``newsledger sql`` and ``newsledger report`` run.

One reading statement per call, on a connection that cannot leave the warehouse file: DuckDB
opens it read-only with external access disabled and its configuration locked
(``read_only_setup``), so files, URLs, other databases, extensions and ``SET`` are refused by
DuckDB itself, even from inside a ``SELECT``. Before anything runs, the statement's kind is
checked against a short list of reading kinds, so that a refusal is one line saying what to do.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

import duckdb
import pyarrow as pa

from newsledger.core.errors import WarehouseError
from newsledger.core.settings import SEGMENTS_DIR, STATE_DIR

# What a BI tool should run as well, in this order, right after it opens the catalog read-only
# (docs/operations.md, "Read-only access for BI tools"). DuckDB takes allowed_directories only
# while external access is on, and neither in the connection's config, hence statements.
def read_only_setup(database_path: Path) -> list[str]:
    """The statements that lock a reader to the warehouse's own segments."""
    segments = (database_path.parent / STATE_DIR / SEGMENTS_DIR).resolve()
    return [
        # The views read the segments, and nothing else may be read.
        f"SET allowed_directories = ['{str(segments).replace(chr(39), chr(39) * 2)}/']",
        # No other files, network, ATTACH, COPY, EXPORT, INSTALL, read_*() or glob().
        "SET enable_external_access = false",
        # No SET / RESET / PRAGMA x = y, so the lines above cannot be undone by the query.
        "SET lock_configuration = true",
    ]

# Statements that only read. CALL f() is SELECT * FROM f(): the connection config bounds both.
READING_KINDS: Final[frozenset[duckdb.StatementType]] = frozenset({duckdb.StatementType.SELECT, duckdb.StatementType.CALL})

# PRAGMAs that report on the database; the others change settings, checkpoint or import data.
READING_PRAGMAS: Final[frozenset[str]] = frozenset({
    "collations", "database_list", "database_size", "functions", "metadata_info", "platform",
    "show", "show_databases", "show_tables", "show_tables_expanded", "storage_info", "table_info",
    "user_agent", "version",
})

WRITE_HINT: Final = "to write, open your own copy of the file with the `duckdb` CLI"
SAVE_HINT: Final = 'to save a result, run `newsledger sql --format csv "SELECT ..." > FILE`'
# What to do instead, by kind of refused statement; WRITE_HINT for the others.
REFUSAL_HINTS: Final[dict[duckdb.StatementType, str]] = {
    duckdb.StatementType.COPY: SAVE_HINT,
    duckdb.StatementType.EXPORT: SAVE_HINT,
    duckdb.StatementType.ATTACH: "other databases are out of reach here: query them with the `duckdb` CLI",
    duckdb.StatementType.DETACH: "other databases are out of reach here: query them with the `duckdb` CLI",
    duckdb.StatementType.LOAD: "extensions cannot be installed or loaded here; the built-in functions are available",
    duckdb.StatementType.SET: "settings are locked here; pass the values into the query instead",
    duckdb.StatementType.VARIABLE_SET: "settings are locked here; pass the values into the query instead",
    duckdb.StatementType.PREPARE: "write the values into the one statement instead",
    duckdb.StatementType.EXECUTE: "write the values into the one statement instead",
}

# Whitespace and comments before a statement's first keyword.
_NOISE = r"(?:\s+|--[^\n]*|/\*.*?\*/)*"
_LEADING_NOISE = re.compile(_NOISE, re.DOTALL)
_WORD = re.compile(r"[A-Za-z_]+")
_PRAGMA_NAME = re.compile(r"pragma\s+(\w+)", re.IGNORECASE)
# EXPLAIN [ANALYZE] [(options)] before the explained statement.
_EXPLAIN_PREFIX = re.compile(rf"explain\b(?:{_NOISE}analy[sz]e\b)?(?:{_NOISE}\([^)]*\))?", re.DOTALL | re.IGNORECASE)
# PIVOT without IN (...) runs as several statements: it first collects the values to pivot on.
_PIVOTS = ("PIVOT", "PIVOT_WIDER")


class ReadOnlyQueryError(WarehouseError):
    """``newsledger sql`` refused a statement: it would write, change settings or reach outside
    the warehouse file. Never transient: the same SQL is refused every time.

    Attributes:
        sql: the SQL as given.
        refused: what was refused (``COPY``, ``INSTALL``, ``2 statements``, a file path, ...).
    """

    def __init__(self, database_path: str, sql: str, refused: str, message: str) -> None:
        self.sql = sql
        self.refused = refused
        super().__init__(database_path, message)


def run_query(database_path: Path, sql: str) -> pa.Table:
    """Run one reading SQL statement on a locked, read-only connection and return its result.

    Allowed: SELECT in every form (WITH, FROM-first, VALUES, DESCRIBE, SHOW, SUMMARIZE, PIVOT),
    EXPLAIN [ANALYZE] of one, CALL of a table function, and the PRAGMAs in ``READING_PRAGMAS``.

    Raises:
        ReadOnlyQueryError: the SQL holds no statement, several, or one that is not a read, or
            it reaches for a file, URL, other database or setting.
        WarehouseError: no warehouse at that path, it cannot be opened, or the query failed.
    """
    if not database_path.exists():
        raise WarehouseError(str(database_path), "no warehouse here yet: run `newsledger run` first, or pass the right --warehouse")
    con = _connect_read_only(database_path)
    try:
        statement = _reading_statement(con, database_path, sql)
        relation = con.sql(statement)
        # Every allowed kind gives a relation; None would be a statement without a result.
        return relation.to_arrow_table() if relation is not None else pa.table({})
    except duckdb.PermissionException as exc:
        detail = _first_line(exc).removeprefix("Permission Error: ").split(" - ")[0]
        raise ReadOnlyQueryError(
            str(database_path), sql, detail,
            f"newsledger sql reads only the warehouse's own tables ({detail}): open other files with the `duckdb` CLI",
        ) from exc
    except duckdb.Error as exc:
        if "configuration has been locked" in str(exc):
            raise ReadOnlyQueryError(str(database_path), sql, "SET", f"newsledger sql only reads: settings are locked ({_first_line(exc)})") from exc
        raise WarehouseError(str(database_path), f"query failed: {_first_line(exc)}") from exc
    finally:
        con.close()


def open_read_only(database_path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only, locked connection (``read_only_setup``) for callers that bind parameters.

    Raises:
        WarehouseError: no warehouse at that path, it is damaged, or it cannot be opened.
    """
    if not database_path.exists():
        raise WarehouseError(str(database_path), "no warehouse here yet: run `newsledger run` first, or pass the right --warehouse")
    return _connect_read_only(database_path)


def _connect_read_only(database_path: Path) -> duckdb.DuckDBPyConnection:
    """Open the warehouse read-only and locked (``read_only_setup``)."""
    try:
        con = duckdb.connect(str(database_path), read_only=True)
        for statement in read_only_setup(database_path):
            con.execute(statement)
        return con
    except duckdb.IOException as exc:
        if "not a valid DuckDB database file" in str(exc):
            raise WarehouseError(
                str(database_path), "the warehouse file is damaged: rebuild it with `newsledger run --full-refresh PATH...`"
            ) from exc
        raise WarehouseError(
            str(database_path),
            f"cannot open the warehouse read-only ({_first_line(exc)}): another process may hold it open for writing; try again when it ends",
            is_transient=True,
        ) from exc
    except duckdb.Error as exc:
        raise WarehouseError(str(database_path), f"cannot open the warehouse read-only: {_first_line(exc)}") from exc


def _reading_statement(con: duckdb.DuckDBPyConnection, database_path: Path, sql: str) -> duckdb.Statement:
    """The one statement of ``sql``, if it only reads.

    Raises:
        ReadOnlyQueryError: no statement, several, or one of a kind that is not a read.
        duckdb.ParserException: the SQL does not parse (reported as a failed query).
    """
    path = str(database_path)
    statements = con.extract_statements(sql)
    if not statements:
        raise ReadOnlyQueryError(path, sql, "no statement", "no SQL statement given: pass one SELECT")
    if len(statements) > 1:
        raise ReadOnlyQueryError(
            path, sql, f"{len(statements)} statements", f"only one statement per call ({len(statements)} given): run them one at a time"
        )
    statement = statements[0]
    refusal = _refusal(con, statement)
    if refusal is not None:
        refused, hint = refusal
        raise ReadOnlyQueryError(path, sql, refused, f"newsledger sql only reads: {refused} is not allowed; {hint}")
    return statement


def _refusal(con: duckdb.DuckDBPyConnection, statement: duckdb.Statement) -> tuple[str, str] | None:
    """Why ``statement`` is refused, as (what, hint), or None when it only reads."""
    kind = _kind(statement)
    named = _statement_name(statement.query, kind)
    if kind in READING_KINDS:
        return None
    if kind == duckdb.StatementType.PRAGMA and named.startswith("PRAGMA "):
        if named.removeprefix("PRAGMA ").lower() in READING_PRAGMAS:
            return None
        return named, f"the reading pragmas are: {', '.join(sorted(READING_PRAGMAS))}"
    if kind == duckdb.StatementType.EXPLAIN:
        return _explain_refusal(con, statement.query)
    if kind == duckdb.StatementType.MULTI and named in _PIVOTS:
        return None
    # IMPORT DATABASE and COPY FROM DATABASE parse as pragmas; UPDATE EXTENSIONS has no kind.
    return named, (REFUSAL_HINTS.get(kind, WRITE_HINT) if kind is not None else WRITE_HINT)


def _explain_refusal(con: duckdb.DuckDBPyConnection, query: str) -> tuple[str, str] | None:
    """EXPLAIN is allowed of a SELECT only: EXPLAIN ANALYZE runs the statement it explains."""
    start = _LEADING_NOISE.match(query).end()
    prefix = _EXPLAIN_PREFIX.match(query, start)
    hint = "explain a SELECT instead"
    if prefix is None:
        return "this EXPLAIN", hint
    try:
        inner = con.extract_statements(query[prefix.end():])
    except duckdb.Error:
        return "this EXPLAIN", hint
    if len(inner) == 1 and _kind(inner[0]) == duckdb.StatementType.SELECT:
        return None
    explained = _leading_keyword(query[prefix.end():]) or "this statement"
    return f"EXPLAIN of {explained}", hint


def _kind(statement: duckdb.Statement) -> duckdb.StatementType | None:
    """The statement's kind; None for kinds the Python client has no name for (UPDATE EXTENSIONS)."""
    try:
        return statement.type
    except ValueError:
        return None


def _statement_name(query: str, kind: duckdb.StatementType | None) -> str:
    """How a refusal names the statement: ``PRAGMA threads``, ``INSTALL``, ``DELETE``."""
    start = _LEADING_NOISE.match(query).end()
    pragma = _PRAGMA_NAME.match(query, start)
    if pragma is not None:
        return f"PRAGMA {pragma.group(1).lower()}"
    keyword = _leading_keyword(query)
    if kind is not None and keyword in ("", "WITH", "FROM"):
        return kind.name  # 'WITH x AS (...) DELETE ...' is a DELETE
    return keyword or "this statement"


def _leading_keyword(sql: str) -> str:
    """The first word of ``sql`` after whitespace and comments, upper-cased; "" when none."""
    word = _WORD.match(sql, _LEADING_NOISE.match(sql).end())
    return word.group(0).upper() if word else ""


def _first_line(exc: BaseException) -> str:
    """DuckDB's message without the SQL excerpt and caret it adds on later lines."""
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
