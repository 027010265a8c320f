"""A small invented warehouse for the run report's tests: two nights, a hostile reject, a failed
expectation and Great Expectations pages, built in a second without Prefect or spaCy.

Tables are created from the schemas (``warehouse.ddl.create_table_sql``) and rows are filled to
the schema, so a new column elsewhere does not break these tests.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import duckdb
import pyarrow as pa

from newsledger.core.schemas import TABLES, TABLES_BY_NAME
from warehouse.ddl import create_table_sql

RUN_ID = "20240312T020000Z-000001"
PREVIOUS_RUN_ID = "20240311T020000Z-000001"
HOSTILE_NAME = "crawl/2024-03-12/<script>alert(1)</script>.txt"
HOSTILE_SPEAKER = 'Ann "<img src=x onerror=alert(2)>" $x$ Lee'
NIGHT = date(2024, 3, 12)
STARTED = datetime(2024, 3, 12, 2, 0, tzinfo=UTC)
FINISHED = STARTED + timedelta(seconds=41)

_DEFAULTS = {pa.string(): "", pa.int32(): 0, pa.int64(): 0, pa.bool_(): False}


def _rows(table: str, rows: list[dict]) -> pa.Table:
    """Rows completed to the table's schema: a missing non-null column gets a neutral value."""
    schema = TABLES_BY_NAME[table].schema
    full = []
    for row in rows:
        filled = dict(row)
        for field in schema:
            if field.name not in filled:
                filled[field.name] = None if field.nullable else _DEFAULTS.get(field.type, [] if pa.types.is_list(field.type) else None)
        full.append(filled)
    return pa.Table.from_pylist(full, schema=schema)


def build_report_warehouse(root: Path) -> Path:
    """Write the warehouse under ``root`` and return its folder."""
    root.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(root / "newsledger.duckdb"))
    for table in TABLES:
        con.execute(create_table_sql(table))
    articles, quotes, entities, mentions = [], [], [], []
    people = [("e1", "Mei Lin", "PERSON"), ("e2", HOSTILE_SPEAKER, "PERSON"), ("e3", "Riverside Council", "ORG")]
    entities = [{"entity_id": i, "canonical_name": n, "entity_type": t} for i, n, t in people]
    for day_offset, count in ((0, 4), (1, 2), (3, 1)):
        for k in range(count):
            article_id = f"a{day_offset}-{k}"
            body = "Mei Lin said the ferry would run. <b>Bold</b> & more."
            articles.append({
                "article_id": article_id, "source_path": f"crawl/{NIGHT - timedelta(days=day_offset)}/{k}.txt", "source_record": 0,
                "source_format": "raw", "file_sha256": "0" * 64, "published_date": NIGHT - timedelta(days=day_offset), "body": body,
                "word_count": 9, "extractor_version": "0.3.0",
            })
            speaker = HOSTILE_SPEAKER if day_offset == 0 and k == 0 else "Mei Lin"
            quotes.append({
                "quote_id": f"q-{article_id}", "article_id": article_id, "char_start": 0, "char_end": 7, "text": body[:7],
                "segments": [{"char_start": 0, "char_end": 7}], "content": body[:7], "quote_type": "indirect", "speaker": speaker,
                "speaker_entity_id": "e2" if speaker == HOSTILE_SPEAKER else "e1", "cue": "said", "is_uncertain": False,
                "found_by": "reported_clause", "speaker_by": "named_subject",
            })
            mentions.append({"mention_id": f"m-{article_id}", "article_id": article_id, "entity_id": "e1" if k else "e3",
                             "char_start": 0, "char_end": 7, "text": body[:7]})
    articles.append({"article_id": "undated", "source_path": "crawl/undated.txt", "source_record": 0, "source_format": "raw",
                     "file_sha256": "1" * 64, "published_date": None, "body": "x", "word_count": 1, "extractor_version": "0.3.0"})
    rejects = [
        {"reject_id": "r1", "source_path": HOSTILE_NAME, "source_record": 0, "file_sha256": "", "stage": "decode",
         "error_type": "BadInputError", "reason": "file is empty or only whitespace: nothing to load", "rejected_at": STARTED + timedelta(seconds=3)},
        {"reject_id": "r2", "source_path": "crawl/2024-03-12/cut.json", "source_record": 0, "file_sha256": "", "stage": "parse",
         "error_type": "BadInputError", "reason": "invalid JSON at line 1 column 66 (Unterminated string): the file may be truncated",
         "rejected_at": STARTED + timedelta(seconds=4)},
        {"reject_id": "r3", "source_path": "crawl/2024-03-12/cut2.json", "source_record": 0, "file_sha256": "", "stage": "parse",
         "error_type": "BadInputError", "reason": "invalid JSON at line 3 column 2 (Expecting value): the file may be truncated",
         "rejected_at": STARTED + timedelta(seconds=5)},
        {"reject_id": "r0", "source_path": "crawl/old.bin", "source_record": 0, "file_sha256": "", "stage": "decode",
         "error_type": "BadInputError", "reason": "file looks binary", "rejected_at": STARTED - timedelta(days=1)},
    ]
    runs = [
        {"run_id": PREVIOUS_RUN_ID, "started_at": STARTED - timedelta(days=1), "finished_at": STARTED - timedelta(days=1) + timedelta(seconds=30),
         "status": "success", "files_seen": 3, "articles_loaded": 3, "files_rejected": 1, "validation_passed": True,
         "stage_seconds": json.dumps({"plan": 0.1, "extract": 9.0, "validate": 2.0}), "extractor_version": "0.3.0"},
        {"run_id": RUN_ID, "started_at": STARTED, "finished_at": FINISHED, "status": "success", "files_seen": 8, "files_skipped": 1,
         "articles_loaded": 4, "files_rejected": 3, "quotes": 4, "entities": 2, "entity_mentions": 4, "validation_passed": False,
         "stage_seconds": json.dumps({"plan": 0.2, "extract": 20.5, "validate": 4.25}), "extractor_version": "0.3.0",
         "message": "1 article(s) failed row-level checks and were quarantined: see rejects where stage = 'validate'"},
    ]
    for name, rows in (("articles", articles), ("entities", entities), ("entity_mentions", mentions), ("quotes", quotes),
                       ("rejects", rejects), ("runs", runs)):
        con.register("incoming", _rows(name, rows))
        con.execute(f"insert into {name} by name select * from incoming")
        con.unregister("incoming")
    con.close()
    _write_validation(root / "validation" / RUN_ID)
    return root


def _write_validation(run_dir: Path) -> None:
    chunk = run_dir / "chunk-0001"
    chunk.mkdir(parents=True)
    passed = {"success": True, "results": [{"success": True, "expectation_config": {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "article_id"}}, "result": {}}],
              "statistics": {"evaluated_expectations": 1, "successful_expectations": 1, "unsuccessful_expectations": 0}}
    failed = {"success": False, "statistics": {"evaluated_expectations": 2, "successful_expectations": 1, "unsuccessful_expectations": 1}, "results": [
        {"success": True, "expectation_config": {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "quote_id"}}, "result": {}},
        {"success": False, "expectation_config": {"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "check__span_matches_body"}},
         "result": {"unexpected_count": 1, "partial_unexpected_list": ["<script>alert(3)</script>"]}, "exception_info": {"raised_exception": False}},
    ]}
    (chunk / "articles.json").write_text(json.dumps(passed), encoding="utf-8")
    (chunk / "quotes.json").write_text(json.dumps(failed), encoding="utf-8")
    (chunk / "events.json").write_text("{ damaged", encoding="utf-8")
    docs = run_dir / "data_docs"
    for table in ("articles", "quotes"):
        page = docs / "validations" / table / "__none__" / "20240312T020030.000000Z" / f"newsledger-{table}.html"
        page.parent.mkdir(parents=True)
        page.write_text(f"<html><body><h1>{table} results</h1></body></html>", encoding="utf-8")
        suite = docs / "expectations" / f"{table}.html"
        suite.parent.mkdir(parents=True, exist_ok=True)
        suite.write_text(f"<html><body><h1>{table} suite</h1></body></html>", encoding="utf-8")
