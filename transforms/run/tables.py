"""Collect a batch's records into one Arrow table per warehouse table.

A record that does not fit its schema (a value Arrow cannot hold) is one article's problem,
not the batch's: the batch is then rebuilt article by article and the misfit is rejected.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import pyarrow as pa

from newsledger.core.errors import ContractError
from newsledger.core.schemas import TABLES_BY_NAME
from transforms.run.arrow import to_table
from transforms.run.faults import Fault, contain
from transforms.records import Article, Reject

if TYPE_CHECKING:  # transforms.extract imports spaCy, which only the extracting processes need
    from transforms.extract import ArticleRows

ROW_TABLES = ("entities", "entity_mentions", "entity_aliases", "quotes", "temporal_expressions", "events", "event_participants")


@dataclass(frozen=True)
class BatchTables:
    """A batch's tables, and the faults of the articles left out of them."""

    tables: dict[str, pa.Table]
    faults: list[Fault]


def build_extracted_tables(rows: list[ArticleRows]) -> dict[str, pa.Table]:
    """Arrow tables of one batch's extracted rows, keyed by table name.

    Rows are not de-duplicated here (the same entity comes from many articles): the run
    keeps one row per key when it reads its batches back.

    Raises:
        ContractError: a row does not fit its table's schema.
    """
    return {name: to_table([row for r in rows for row in getattr(r, name)], TABLES_BY_NAME[name].schema, name) for name in ROW_TABLES}


def _where(article: Article, stage: str) -> dict[str, object]:
    return {"stage": stage, "source_path": article.source_path, "source_record": article.source_record, "file_sha256": article.file_sha256}


def parsed_tables(articles: Sequence[Article], rejects: Sequence[Reject], now: datetime) -> BatchTables:
    """The ``articles`` and ``rejects`` tables of a parsed batch; misfit articles become rejects."""
    schema = TABLES_BY_NAME["articles"].schema
    try:
        kept, faults = to_table(articles, schema, "articles"), []
    except ContractError:
        checked = [(a, contain(lambda a=a: to_table([a], schema, "articles"), **_where(a, "parse"))) for a in articles]
        faults = [outcome for _, outcome in checked if isinstance(outcome, Fault)]
        kept = to_table([a for a, outcome in checked if not isinstance(outcome, Fault)], schema, "articles")
    all_rejects = list(rejects) + [f.to_reject(now) for f in faults]
    return BatchTables({"articles": kept, "rejects": to_table(all_rejects, TABLES_BY_NAME["rejects"].schema, "rejects")}, faults)


def extracted_tables(results: Sequence[tuple[Article, ArticleRows | Fault]], staged_articles: pa.Table, staged_rejects: pa.Table, now: datetime) -> BatchTables:
    """Every table of an extracted batch; articles whose extraction failed move to ``rejects``.

    Args:
        results: each article with its rows, or the Fault its extraction raised.
        staged_articles: the batch's ``articles`` table as parsed (failed articles are dropped from it).
        staged_rejects: the batch's ``rejects`` table as parsed (failed articles are added to it).
        now: written on the new rejects.
    """
    faults = [outcome for _, outcome in results if isinstance(outcome, Fault)]
    good = [(article, outcome) for article, outcome in results if not isinstance(outcome, Fault)]
    try:
        tables = build_extracted_tables([rows for _, rows in good])
    except ContractError:
        checked = [(a, rows, contain(lambda rows=rows: build_extracted_tables([rows]), **_where(a, "extract"))) for a, rows in good]
        faults += [outcome for _, _, outcome in checked if isinstance(outcome, Fault)]
        tables = build_extracted_tables([rows for _, rows, outcome in checked if not isinstance(outcome, Fault)])
    return BatchTables({**tables, **without_articles(staged_articles, staged_rejects, faults, now)}, faults)


def without_articles(staged_articles: pa.Table, staged_rejects: pa.Table, faults: Sequence[Fault], now: datetime) -> dict[str, pa.Table]:
    """The ``articles`` and ``rejects`` tables with the faulted articles moved from one to the other."""
    if not faults:
        return {"articles": staged_articles, "rejects": staged_rejects}
    dropped = {(f.source_path, f.source_record, f.file_sha256) for f in faults}
    keys = zip(staged_articles["source_path"].to_pylist(), staged_articles["source_record"].to_pylist(), staged_articles["file_sha256"].to_pylist(), strict=True)
    mask = pa.array([key not in dropped for key in keys], type=pa.bool_())
    added = to_table([f.to_reject(now) for f in faults], TABLES_BY_NAME["rejects"].schema, "rejects")
    return {"articles": staged_articles.filter(mask), "rejects": pa.concat_tables([staged_rejects.cast(added.schema), added])}
