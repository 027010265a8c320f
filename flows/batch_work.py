"""The work of one batch, as plain functions a worker process runs without Prefect.

The flow's batch tasks (``flows.tasks.parse_batch`` and ``extract_batch``) run in threads of
the run's main process and hand these functions to the worker processes
(``flows.runners.in_worker``): a worker then imports spaCy and the extractors, not Prefect
(about a second of CPU per worker) and runs no task engine of its own. Nothing here imports
Prefect; what a task logs comes back as a small summary.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from newsledger import __version__
from newsledger.core.settings import Settings
from newsledger.progress import each_reported
from newsledger.runlog import append_faults
from transforms.entities.aliases import AliasMap, extractor_version
from transforms.read.articles import ReadOptions
from transforms.read.batch_reading import read_batch
from transforms.records import Article
from transforms.run.tables import extracted_tables, parsed_tables
from warehouse import staging


@dataclass(frozen=True)
class ParsedBatch:
    """What parsing one batch of files staged."""

    files: int
    articles: int
    rejects: int


@dataclass(frozen=True)
class ExtractedBatch:
    """What extracting one staged batch wrote."""

    articles: int
    quotes: int
    entity_mentions: int
    events: int
    failed: int


def parse_files(files: list[str], batch_number: int, run_dir: Path, settings: Settings, aliases: AliasMap) -> ParsedBatch:
    """Read a batch of files into articles and rejects, staged as Parquet."""
    now = datetime.now(UTC)
    options = ReadOptions(extractor_version(__version__, aliases), settings.max_file_bytes, now, settings.source_pattern)
    read = read_batch(files, lambda path: Path(path).read_bytes(), options)
    batch = parsed_tables(read.articles, read.rejects, now)
    append_faults(settings.warehouse_dir, run_dir.name, read.faults + batch.faults)
    staging.write_batch(run_dir, batch_number, batch.tables)
    return ParsedBatch(len(files), batch.tables["articles"].num_rows, batch.tables["rejects"].num_rows)


def extract_staged(batch_number: int, run_dir: Path, settings: Settings, aliases: AliasMap) -> ExtractedBatch:
    """Extract the rows of a staged batch's articles; articles that fail move to the rejects."""
    # Imported here: only the processes that extract need spaCy (the run's main process does not).
    from newsledger.model.pipeline import load_pipeline
    from transforms.extract import extract_articles

    staged = staging.read_parsed_batch(run_dir, batch_number)
    articles = [Article(**row) for row in staged["articles"].to_pylist()]
    results = list(each_reported(extract_articles(articles, load_pipeline(settings.spacy_model), aliases), batch_number))
    batch = extracted_tables(results, staged["articles"], staged["rejects"], datetime.now(UTC))
    append_faults(settings.warehouse_dir, run_dir.name, batch.faults)
    staging.write_batch(run_dir, batch_number, batch.tables)
    tables = batch.tables
    return ExtractedBatch(tables["articles"].num_rows, tables["quotes"].num_rows, tables["entity_mentions"].num_rows, tables["events"].num_rows, len(batch.faults))
