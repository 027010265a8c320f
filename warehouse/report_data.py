"""What a run report shows, read from the warehouse read-only: no HTML, no plotting here.

``gather_run_report`` reads one run's row, its rejects, what the night's articles hold, how the
night compares with the nights before, and the run's Great Expectations results (the JSON files
under ``DIR/validation/<run_id>/``). Every query is in ``REPORT_SQL``, with bound parameters.

Articles do not record the run that loaded them, so "the night" is a publication day: the latest
one on or before the day the run started (a nightly crawl brings in that day's news).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Final

import duckdb

from newsledger.core.errors import BadArgumentError, WarehouseError
from newsledger.core.schemas import TABLES
from warehouse.query import open_read_only

DAYS_PLOTTED: Final = 30
PREVIOUS_NIGHTS: Final = 7
TOP_N: Final = 10
REJECTS_LISTED: Final = 500
RECENT_RUNS: Final = 10
EXAMPLES_PER_FAILURE: Final = 5
# Run ids are ours (``20260101T020000Z-000001``); anything else never becomes a file name.
RUN_ID_PATTERN: Final = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,63}")

REPORT_SQL: Final[dict[str, str]] = {
    "latest_run": "select run_id from runs order by started_at desc limit 1",
    "run": "select * from runs where run_id = $run_id",
    "recent_runs": """
        select run_id, started_at, status, files_seen, articles_loaded, files_rejected, quotes, validation_passed
        from runs where started_at <= $started order by started_at desc limit $limit""",
    # rejected_at is when a file was first rejected: a run's rejects are those made while it ran.
    "run_rejects": """
        select source_path, source_record, stage, error_type, reason
        from rejects where rejected_at between $started and $finished
        order by stage, reason, source_path, source_record limit $limit""",
    "run_reject_reasons": """
        select stage, error_type, reason, source_path
        from rejects where rejected_at between $started and $finished""",
    "night": "select max(published_date) from articles where published_date <= $day",
    "latest_day": "select max(published_date) from articles",
    "undated": "select count(*) from articles where published_date is null",
    "daily": """
        select a.published_date as day, count(*) as articles, coalesce(sum(q.quotes), 0) as quotes
        from articles a
        left join (select article_id, count(*) as quotes from quotes group by article_id) q using (article_id)
        where a.published_date between $first and $last
        group by a.published_date order by a.published_date""",
    "top_speakers": """
        with said as (
            select q.speaker as name, a.published_date as day
            from quotes q join articles a using (article_id)
            where q.speaker is not null and a.published_date between $first and $night
        )
        select name, null as kind,
               count(*) filter (where day = $night) as night,
               count(*) filter (where day < $night) as previous
        from said group by name having count(*) filter (where day = $night) > 0
        order by night desc, previous desc, name limit $limit""",
    "top_entities": """
        with mentioned as (
            select e.canonical_name as name, e.entity_type as kind, a.published_date as day
            from entity_mentions m join entities e using (entity_id) join articles a using (article_id)
            where a.published_date between $first and $night
        )
        select name, kind,
               count(*) filter (where day = $night) as night,
               count(*) filter (where day < $night) as previous
        from mentioned group by name, kind having count(*) filter (where day = $night) > 0
        order by night desc, previous desc, name limit $limit""",
    "night_counts": """
        with night as (select article_id from articles where published_date = $night)
        select
            (select count(*) from night) as articles,
            (select count(*) from quotes join night using (article_id)) as quotes,
            (select count(distinct speaker) from quotes join night using (article_id)) as speakers,
            (select count(distinct entity_id) from entity_mentions join night using (article_id)) as entities,
            (select count(*) from entity_mentions join night using (article_id)) as entity_mentions,
            (select count(*) from entity_aliases join night using (article_id)) as entity_aliases,
            (select count(*) from temporal_expressions join night using (article_id)) as temporal_expressions,
            (select count(*) from events join night using (article_id)) as events,
            (select count(*) from event_participants join night using (article_id)) as event_participants""",
    "speakers_total": "select count(distinct speaker) from quotes",
    "main_tables": "select table_name from information_schema.tables where table_schema = 'main' and table_type = 'BASE TABLE' order by table_name",
}

# What the "extracted" table lists, in order: (label, runs column, night column, table or None).
_EXTRACTED_ROWS: Final = (
    ("articles", "articles_loaded", "articles", "articles"),
    ("quotes", "quotes", "quotes", "quotes"),
    ("speakers (distinct names)", None, "speakers", None),
    ("entities", "entities", "entities", "entities"),
    ("entity mentions", "entity_mentions", "entity_mentions", "entity_mentions"),
    ("entity aliases", None, "entity_aliases", "entity_aliases"),
    ("dates and times (temporal expressions)", "temporal_expressions", "temporal_expressions", "temporal_expressions"),
    ("events", "events", "events", "events"),
    ("event participants", None, "event_participants", "event_participants"),
)
# Bookkeeping, not findings: the run log, rejects (shown apart) and the clustering index.
_NOT_EXTRACTED: Final = frozenset({"rejects", "runs", "cluster_index", "cluster_links"})


@dataclass(frozen=True)
class RejectRow:
    """One file or record the run rejected."""

    source_path: str
    source_record: int
    stage: str
    error_type: str
    reason: str


@dataclass(frozen=True)
class ReasonCount:
    """Rejects of one kind: the stage and the reason with its particulars taken out."""

    stage: str
    reason: str
    count: int


@dataclass(frozen=True)
class DayCount:
    """Articles and quotes of one publication day."""

    day: date
    articles: int
    quotes: int


@dataclass(frozen=True)
class Ranked:
    """A speaker or entity: mentions on the night and the mean per previous night."""

    name: str
    kind: str | None
    night: int
    previous_mean: float


@dataclass(frozen=True)
class ExtractedCount:
    """One kind of extracted row: by this run, on the night, in the whole warehouse (None: not known)."""

    what: str
    this_run: int | None
    night: int | None
    warehouse: int | None


@dataclass(frozen=True)
class FailedExpectation:
    """One Great Expectations expectation that failed, with a few offending values."""

    chunk: str
    expectation: str
    column: str | None
    unexpected_count: int | None
    examples: tuple[str, ...]
    error: str | None


@dataclass(frozen=True)
class TableValidation:
    """A table's validation over every chunk of the run, and its Data Docs pages.

    Attributes:
        pages: the table's validation result pages, relative to the run's validation folder.
        suite_page: the table's expectation suite page, relative to the same folder; None when absent.
        unreadable: result files that could not be read (damaged JSON), relative to the same folder.
    """

    table: str
    chunks: int
    evaluated: int
    failed: int
    failures: tuple[FailedExpectation, ...]
    pages: tuple[str, ...]
    suite_page: str | None
    unreadable: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return self.failed == 0 and not self.unreadable


@dataclass(frozen=True)
class RunReportData:
    """Everything one run's report shows.

    Attributes:
        run: the run's row of the ``runs`` table (``stage_seconds`` parsed into ``stage_seconds``).
        night: the publication day taken as the run's night; None when no article is dated.
        days: articles and quotes per publication day, ``DAYS_PLOTTED`` days up to the night.
        speakers, entities: the night's most quoted speakers and most mentioned entities.
        validation_dir: ``DIR/validation/<run_id>``, which every validation link is relative to.
    """

    run: Mapping[str, Any]
    stage_seconds: Mapping[str, float]
    rejects: tuple[RejectRow, ...]
    rejects_total: int
    reasons: tuple[ReasonCount, ...]
    night: date | None
    days: tuple[DayCount, ...]
    undated_articles: int
    speakers: tuple[Ranked, ...]
    entities: tuple[Ranked, ...]
    extracted: tuple[ExtractedCount, ...]
    validation: tuple[TableValidation, ...]
    validation_dir: Path
    recent_runs: tuple[Mapping[str, Any], ...]

    @property
    def run_id(self) -> str:
        return str(self.run["run_id"])


def gather_run_report(warehouse_dir: Path, database_path: Path, run_id: str | None = None) -> RunReportData:
    """Read what the report of one run shows.

    Args:
        warehouse_dir: the warehouse folder (its ``validation/`` holds the results).
        database_path: the DuckDB file, opened read-only.
        run_id: the run; None takes the latest.

    Raises:
        BadArgumentError: ``run_id`` is not a run of this warehouse.
        WarehouseError: no warehouse, no run recorded yet, or the database cannot be read.
    """
    if run_id is not None and not RUN_ID_PATTERN.fullmatch(run_id):
        raise BadArgumentError(
            f"--run {run_id!r} is not a run id (they look like 20240312T020000Z-000001): list them with newsledger sql \"select run_id from runs\""
        )
    con = open_read_only(database_path)
    try:
        return _gather(con, warehouse_dir, database_path, run_id)
    except duckdb.Error as exc:
        raise WarehouseError(str(database_path), f"cannot read the run report's data: {str(exc).strip().splitlines()[0]}") from exc
    finally:
        con.close()


def _gather(con: duckdb.DuckDBPyConnection, warehouse_dir: Path, database_path: Path, run_id: str | None) -> RunReportData:
    if run_id is None:
        latest = _rows(con, "latest_run")
        if not latest:
            raise WarehouseError(str(database_path), "no run recorded yet: run `newsledger run PATH` first")
        run_id = latest[0]["run_id"]
    found = _rows(con, "run", run_id=run_id)
    if not found:
        raise BadArgumentError(f"no run {run_id!r} in this warehouse: list them with newsledger sql \"select run_id, started_at from runs\"")
    run = found[0]
    started, finished = run["started_at"], run["finished_at"]
    window = {"started": started, "finished": finished}
    rejects = tuple(RejectRow(**r) for r in _rows(con, "run_rejects", limit=REJECTS_LISTED, **window))
    reason_rows = _rows(con, "run_reject_reasons", **window)
    night = _scalar(con, "night", day=started.astimezone(UTC).date()) or _scalar(con, "latest_day")
    extracted_night: Mapping[str, Any] = {}
    days: tuple[DayCount, ...] = ()
    speakers: tuple[Ranked, ...] = ()
    entities: tuple[Ranked, ...] = ()
    if night is not None:
        first_previous = night - timedelta(days=PREVIOUS_NIGHTS)
        days = _fill_days(_rows(con, "daily", first=night - timedelta(days=DAYS_PLOTTED - 1), last=night), night)
        speakers = _ranked(_rows(con, "top_speakers", first=first_previous, night=night, limit=TOP_N))
        entities = _ranked(_rows(con, "top_entities", first=first_previous, night=night, limit=TOP_N))
        extracted_night = _rows(con, "night_counts", night=night)[0]
    validation_dir = warehouse_dir / "validation" / run_id
    return RunReportData(
        run=run,
        stage_seconds=parse_stage_seconds(run.get("stage_seconds")),
        rejects=rejects,
        rejects_total=len(reason_rows),
        reasons=reject_reasons(reason_rows),
        night=night,
        days=days,
        undated_articles=int(_scalar(con, "undated") or 0),
        speakers=speakers,
        entities=entities,
        extracted=_extracted(con, run, extracted_night),
        validation=read_validation(validation_dir),
        validation_dir=validation_dir,
        recent_runs=tuple(_rows(con, "recent_runs", started=started, limit=RECENT_RUNS)),
    )


def _rows(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> list[dict[str, Any]]:
    cursor = con.execute(REPORT_SQL[name], params or None)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _scalar(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> Any:
    row = con.execute(REPORT_SQL[name], params or None).fetchone()
    return None if row is None else row[0]


def _fill_days(rows: Sequence[Mapping[str, Any]], night: date) -> tuple[DayCount, ...]:
    """Every day of the plotted window, zero where nothing was published."""
    by_day = {r["day"]: r for r in rows}
    first = night - timedelta(days=DAYS_PLOTTED - 1)
    days = (first + timedelta(days=i) for i in range(DAYS_PLOTTED))
    return tuple(DayCount(d, int(by_day[d]["articles"]) if d in by_day else 0, int(by_day[d]["quotes"]) if d in by_day else 0) for d in days)


def _ranked(rows: Sequence[Mapping[str, Any]]) -> tuple[Ranked, ...]:
    return tuple(Ranked(r["name"], r["kind"], int(r["night"]), int(r["previous"]) / PREVIOUS_NIGHTS) for r in rows)


def _extracted(con: duckdb.DuckDBPyConnection, run: Mapping[str, Any], night: Mapping[str, Any]) -> tuple[ExtractedCount, ...]:
    tables = [r["table_name"] for r in _rows(con, "main_tables")]
    totals = _table_counts(con, tables)
    rows = [
        ExtractedCount(label, None if run_column is None else int(run[run_column]), night.get(night_column),
                       int(_scalar(con, "speakers_total") or 0) if table is None else totals.get(table))
        for label, run_column, night_column, table in _EXTRACTED_ROWS
    ]
    # Tables newer than this report (stories, clusters, ...) show their size.
    known = {table for *_, table in _EXTRACTED_ROWS} | _NOT_EXTRACTED
    rows += [ExtractedCount(name.replace("_", " "), None, None, totals[name]) for name in tables if name not in known]
    return tuple(rows)


def _table_counts(con: duckdb.DuckDBPyConnection, tables: Sequence[str]) -> dict[str, int]:
    """Rows per table. The names come from the database's own catalog, quoted as identifiers."""
    if not tables:
        return {}
    union = " union all ".join(f"select '{t}' as name, count(*) as n from \"{t}\"" for t in tables if _is_identifier(t))
    return {name: int(n) for name, n in con.execute(union).fetchall()} if union else {}


def _is_identifier(name: str) -> bool:
    return re.fullmatch(r"[a-z_][a-z0-9_]*", name) is not None


def parse_stage_seconds(raw: object) -> dict[str, float]:
    """``runs.stage_seconds`` (JSON text) as a dict; empty when null or not readable.

    Examples:
        '{"plan": 0.04, "extract": 3.4}' -> {"plan": 0.04, "extract": 3.4}
        None -> {}
    """
    if not isinstance(raw, str):
        return {}
    try:
        parsed = json.loads(raw)
    except json.JSONDecodeError:
        return {}
    if not isinstance(parsed, dict):
        return {}
    return {str(k): float(v) for k, v in parsed.items() if isinstance(v, int | float) and not isinstance(v, bool)}


_PARENTHESES = re.compile(r"\s*\([^()]*\)")
_NUMBERS = re.compile(r"\d+")


def reason_kind(reason: str, source_path: str) -> str:
    """A reject reason without its particulars (file, numbers, details in brackets, the advice).

    Examples:
        "invalid JSON at line 1 column 66 (Unterminated string): the file may be truncated"
            -> "invalid JSON at line N column N"
        "a/b.txt (record 0) failed validation (quotes: span): quarantined, ..." -> "FILE failed validation"
    """
    text = reason.replace(source_path, "FILE") if source_path else reason
    text = _PARENTHESES.sub("", _PARENTHESES.sub("", text))
    text = _NUMBERS.sub("N", text).split(": ")[0]
    text = " ".join(text.split())
    return (text[:79] + "…") if len(text) > 80 else text or "(no reason given)"


def reject_reasons(rows: Sequence[Mapping[str, Any]]) -> tuple[ReasonCount, ...]:
    """Rejects counted by stage and reason kind, most frequent first."""
    counts: dict[tuple[str, str], int] = {}
    for r in rows:
        key = (str(r["stage"]), reason_kind(str(r["reason"]), str(r["source_path"])))
        counts[key] = counts.get(key, 0) + 1
    return tuple(ReasonCount(stage, reason, n) for (stage, reason), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def read_validation(run_dir: Path) -> tuple[TableValidation, ...]:
    """The run's Great Expectations results (``chunk-NNNN/<table>.json``) per table, in load order.

    A damaged result file is named in ``unreadable``, never an error: the report still opens.
    """
    order = {t.name: i for i, t in enumerate(TABLES)}
    by_table: dict[str, list[Path]] = {}
    for path in sorted(run_dir.glob("chunk-*/*.json")):
        by_table.setdefault(path.stem, []).append(path)
    return tuple(_table_validation(run_dir, table, by_table[table]) for table in sorted(by_table, key=lambda t: (order.get(t, len(order)), t)))


def _table_validation(run_dir: Path, table: str, paths: Sequence[Path]) -> TableValidation:
    evaluated = failed = 0
    failures: list[FailedExpectation] = []
    unreadable: list[str] = []
    for path in paths:
        try:
            result = json.loads(path.read_text(encoding="utf-8"))
            statistics = result["statistics"]
            evaluated += int(statistics["evaluated_expectations"])
            failed += int(statistics["unsuccessful_expectations"])
            failures += [_failure(path.parent.name, r) for r in result["results"] if not r.get("success", False)]
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError):
            unreadable.append(path.relative_to(run_dir).as_posix())
    docs = run_dir / "data_docs"
    pages = tuple(p.relative_to(run_dir).as_posix() for p in sorted((docs / "validations" / table).glob("**/*.html")))
    suite = docs / "expectations" / f"{table}.html"
    return TableValidation(table, len(paths), evaluated, failed, tuple(failures), pages,
                           suite.relative_to(run_dir).as_posix() if suite.exists() else None, tuple(unreadable))


def _failure(chunk: str, result: Mapping[str, Any]) -> FailedExpectation:
    config = result.get("expectation_config") or {}
    kwargs = config.get("kwargs") or {}
    detail = result.get("result") or {}
    examples = detail.get("partial_unexpected_list") or []
    if not examples and "observed_value" in detail:
        examples = [detail["observed_value"]]
    exception = result.get("exception_info") or {}
    count = detail.get("unexpected_count")
    return FailedExpectation(
        chunk=chunk,
        expectation=str(config.get("type", "?")),
        column=None if kwargs.get("column") is None else str(kwargs["column"]),
        unexpected_count=int(count) if isinstance(count, int | float) else None,
        examples=tuple(_short(v) for v in examples[:EXAMPLES_PER_FAILURE]),
        error=_short(exception["exception_message"]) if exception.get("raised_exception") else None,
    )


def _short(value: object, limit: int = 200) -> str:
    text = value if isinstance(value, str) else json.dumps(value, default=str, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def as_utc(value: object) -> str:
    """A timestamp for people: ``2024-03-12 02:00:03 UTC``; other values as they print."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return "" if value is None else str(value)
