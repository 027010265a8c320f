"""Splitting work into batches: hundreds of files per task keep orchestration overhead small."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def plan_batches(items: Sequence[T], max_size: int, workers: int, weights: Sequence[int] | None = None) -> list[list[T]]:
    """Consecutive batches that keep every worker busy until the end of the run.

    The number of batches is the smallest multiple of ``workers`` that keeps batches at most
    ``max_size`` items, and the cuts fall where the cumulative ``weights`` (file sizes: the
    language model's time grows with the text) reach equal shares. Batches of equal work end
    at about the same time, so no core idles through a last odd batch (with 5 batches of 200
    on 2 workers, one worker parsed the fifth alone, a fifth of the run on one core).

    Raises:
        ValueError: max_size or workers is not positive, or weights do not match items.
    """
    if max_size < 1 or workers < 1:
        raise ValueError(f"max_size and workers must be at least 1, got {max_size} and {workers}")
    if weights is not None and len(weights) != len(items):
        raise ValueError(f"{len(weights)} weights for {len(items)} items")
    n = len(items)
    if n == 0:
        return []
    count = min(n, -(-(-(-n // max_size)) // workers) * workers)
    cost = [max(1, w) for w in weights] if weights is not None else [1] * n
    total = sum(cost)
    batches: list[list[T]] = []
    current: list[T] = []
    done = 0
    for index, item in enumerate(items):
        current.append(item)
        done += cost[index]
        closing_share = done * count >= total * (len(batches) + 1)
        items_left, batches_left = n - index - 1, count - len(batches) - 1
        if len(current) >= max_size or (batches_left > 0 and (closing_share or items_left <= batches_left)):
            batches.append(current)
            current = []
    if current:
        batches.append(current)
    return batches


def validation_chunks(batch_sizes: Sequence[int], files_per_chunk: int = 2000, first_batch: int | None = None) -> list[list[int]]:
    """Group consecutive batch numbers (from 1) into chunks of about ``files_per_chunk`` files.

    Validation reads one chunk at a time, so its memory stays flat however large the run.
    ``first_batch`` (batch 0: the inputs rejected before parsing) joins the first chunk.
    """
    chunks: list[list[int]] = [] if first_batch is None else [[first_batch]]
    size = 0
    for number, batch_size in enumerate(batch_sizes, start=1):
        if not chunks or size + batch_size > files_per_chunk:
            chunks.append([])
            size = 0
        chunks[-1].append(number)
        size += batch_size
    return chunks
