"""Splitting work into batches: hundreds of files per task keep orchestration overhead small."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def plan_batches(items: Sequence[T], batch_size: int) -> list[list[T]]:
    """Consecutive batches of at most ``batch_size`` items, in order.

    Raises:
        ValueError: batch_size is not positive.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    return [list(items[i : i + batch_size]) for i in range(0, len(items), batch_size)]


def balanced_batch_size(total: int, max_size: int, workers: int, min_size: int = 8) -> int:
    """A batch size that gives every worker work: about two batches per worker, within limits.

    Small runs would otherwise be one batch on one core while the other cores idle; large runs
    keep ``max_size`` so that orchestration overhead stays small next to the language model.
    """
    wanted = -(-total // max(1, 2 * workers))
    return max(1, min(max_size, max(min_size, wanted)))


def validation_chunks(batch_sizes: Sequence[int], files_per_chunk: int = 2000) -> list[list[int]]:
    """Group consecutive batch numbers (from 1) into chunks of about ``files_per_chunk`` files.

    Validation reads one chunk at a time, so its memory stays flat however large the run.
    """
    chunks: list[list[int]] = []
    size = 0
    for number, batch_size in enumerate(batch_sizes, start=1):
        if not chunks or size + batch_size > files_per_chunk:
            chunks.append([])
            size = 0
        chunks[-1].append(number)
        size += batch_size
    return chunks
