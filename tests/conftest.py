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
