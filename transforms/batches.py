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
