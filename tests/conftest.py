"""Shared fixtures: the spaCy pipeline (once per session) and quiet Prefect settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.prefect_env import configure_prefect_env
from newsledger.settings import DEFAULT_MODEL

configure_prefect_env()

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLES = PROJECT_ROOT / "samples"
SEEDS = PROJECT_ROOT.parent / "shared" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    from newsledger.nlp import load_pipeline

    return load_pipeline(DEFAULT_MODEL)


@pytest.fixture
def parse(nlp):
    """Parse a short invented text into a spaCy Doc."""

    def _parse(text: str):
        return nlp(text)

    return _parse


@pytest.fixture(scope="session")
def sample_tables(nlp, tmp_path_factory):
    """The extracted tables of every sample article, staged and read back as a run does."""
    from datetime import UTC, datetime

    from newsledger.inputs import discover_files
    from newsledger.schemas import TABLES_BY_NAME
    from transforms.arrow import to_table
    from transforms.articles import ReadOptions, read_articles
    from transforms.extract import extract_articles
    from transforms.tables import build_extracted_tables
    from warehouse import staging

    options = ReadOptions("test", 10_000_000, datetime(2024, 1, 1, tzinfo=UTC))
    articles, rejects = [], []
    for path in discover_files([SAMPLES]):
        result = read_articles(Path(path).read_bytes(), path, options)
        articles += result.articles
        rejects += result.rejects
    rows = [r for _, r in extract_articles(articles, nlp)]
    run_dir = tmp_path_factory.mktemp("staged")
    staging.write_batch(run_dir, 1, {
        "articles": to_table(articles, TABLES_BY_NAME["articles"].schema),
        "rejects": to_table(rejects, TABLES_BY_NAME["rejects"].schema),
        **build_extracted_tables(rows),
    })
    return staging.read_staged(run_dir)
