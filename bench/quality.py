"""Shared parts of the quality benchmarks: read an annotated folder, run the extractors."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from newsledger.model.pipeline import load_pipeline
from newsledger.core.settings import DEFAULT_MODEL
from transforms.read.articles import ReadOptions, read_articles
from transforms.extract import ArticleRows, extract_articles
from transforms.records import Article


def read_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_by_doc(path: Path) -> dict[str, list[dict]]:
    """A gold JSONL file's records grouped by their ``doc`` (article file name)."""
    grouped: dict[str, list[dict]] = defaultdict(list)
    for record in read_gold(path):
        grouped[record["doc"]].append(record)
    return grouped


def extract_folder(folder: Path, model: str = DEFAULT_MODEL) -> Iterator[tuple[str, Article, ArticleRows]]:
    """(file name, article, rows) for every article file in a folder, in name order."""
    options = ReadOptions("quality-bench", 10**9, datetime.now(UTC))
    files = sorted(p for p in folder.glob("*.txt"))
    articles = []
    for path in files:
        result = read_articles(path.read_bytes(), path.name, options)
        articles += result.articles
    for article, rows in extract_articles(articles, load_pipeline(model)):
        yield article.source_path, article, rows


def prf(matched_pred: int, n_pred: int, matched_gold: int, n_gold: int) -> tuple[float, float, float]:
    precision = matched_pred / n_pred if n_pred else 0.0
    recall = matched_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
