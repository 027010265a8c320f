"""Collect extracted rows into one Arrow table per warehouse table."""

from __future__ import annotations

import pyarrow as pa

from newsledger.schemas import TABLES_BY_NAME
from transforms.arrow import to_table
from transforms.extract import ArticleRows

ROW_TABLES = ("entities", "entity_mentions", "entity_aliases", "quotes", "temporal_expressions", "events", "event_participants")


def build_extracted_tables(rows: list[ArticleRows]) -> dict[str, pa.Table]:
    """Arrow tables of one batch's extracted rows, keyed by table name.

    Rows are not de-duplicated here (the same entity comes from many articles): the run
    keeps one row per key when it reads its batches back.
    """
    return {name: to_table([row for r in rows for row in getattr(r, name)], TABLES_BY_NAME[name].schema, name) for name in ROW_TABLES}
