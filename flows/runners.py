"""Task runners: where batch tasks execute (both local cores by default, or a Dask cluster)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from enum import Enum
from typing import Any, Self, TypeVar

from prefect.context import FlowRunContext
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from flows.worker_pool import WorkerPool
from newsledger.progress import forward_progress, reporter, stop_forwarding
from newsledger.core.settings import Settings

T = TypeVar("T")


class RunnerKind(str, Enum):
    process = "process"
    dask = "dask"
    thread = "thread"


class WorkerPoolTaskRunner(ThreadPoolTaskRunner):
    """Prefect tasks in threads of the run's main process; their heavy work in a ``WorkerPool``.

    A batch task (``flows.tasks.parse_batch``, ``extract_batch``) is a Prefect task run like any
    other, with its state, logs and retries in the run's main process; it hands its work to a
    worker process with ``in_worker``. The workers import spaCy and the extractors, never
    Prefect: shipping Prefect's task engine to each worker cost about a second of CPU per
    worker and its API calls per task. The workers may have started before the flow
    (``flows.worker_pool.EarlyStart``) and leave as soon as the flow has no more batches for them
    (``release_workers``). Without a pool given, one is made for the first piece of work: a
    flow with nothing to extract starts no process.
    """

    def __init__(self, max_workers: int | None = None, model: str | None = None, pool: WorkerPool | None = None) -> None:
        self._processes = max_workers or os.cpu_count() or 1
        # Twice the processes: a thread waiting on its worker's result never leaves a worker idle.
        super().__init__(max_workers=2 * self._processes)
        self._model = model
        self._pool = pool
        self._pool_lock = threading.Lock()
        self._progress_thread: threading.Thread | None = None

    def duplicate(self) -> Self:
        # The flow engine runs a duplicate; an early pool serves the first run only.
        duplicate, self._pool = type(self)(self._processes, self._model, self._pool), None
        return duplicate

    def __enter__(self) -> Self:
        super().__enter__()
        if self._pool is not None:
            self._forward_progress(self._pool)
        return self

    def _forward_progress(self, pool: WorkerPool) -> None:
        self._progress_thread = forward_progress(pool.progress, reporter())

    def run_in_worker(self, function: Callable[..., T], *args: Any) -> T:
        """Run ``function(*args)`` in a worker process and wait for its result."""
        with self._pool_lock:
            if self._pool is None:
                self._pool = WorkerPool(self._processes, self._model or Settings.from_env().spacy_model)
                self._forward_progress(self._pool)
            pool = self._pool
        return pool.executor.submit(function, *args).result()

    def release_workers(self) -> None:
        """Let the workers exit now, while the run goes on in its main process."""
        if self._pool is not None:
            self._pool.executor.shutdown(wait=False)

    def __exit__(self, exc_type: Any, exc_value: Any, traceback: Any) -> None:
        try:
            super().__exit__(exc_type, exc_value, traceback)
        finally:
            if self._pool is not None:
                self._pool.executor.shutdown(wait=True, cancel_futures=True)
            if self._progress_thread is not None and self._pool is not None:
                stop_forwarding(self._pool.progress, self._progress_thread)
                self._progress_thread = None


def in_worker(function: Callable[..., T], *args: Any) -> T:
    """Run a batch's work in one of the flow's worker processes, or here when the flow has none
    (``--runner thread``, or a task running on a Dask worker)."""
    context = FlowRunContext.get()
    runner = context.task_runner if context is not None else None
    if isinstance(runner, WorkerPoolTaskRunner):
        return runner.run_in_worker(function, *args)
    return function(*args)


def release_workers() -> None:
    """Let the current flow run's worker processes go: it has no more batches for them."""
    context = FlowRunContext.get()
    runner = context.task_runner if context is not None else None
    if isinstance(runner, WorkerPoolTaskRunner):
        runner.release_workers()


def default_task_runner() -> TaskRunner:
    """A local worker process per core, each loading the model once."""
    return WorkerPoolTaskRunner(max_workers=os.cpu_count() or 1)


def build_task_runner(kind: RunnerKind, workers: int | None = None, dask_address: str | None = None, pool: WorkerPool | None = None) -> TaskRunner:
    """The task runner for a run.

    Args:
        kind: ``process`` (default: a local process per core), ``dask`` (a Dask cluster at
            ``dask_address``, or a local cluster of ``workers`` processes), ``thread`` (one
            process; for debugging).
        workers: worker processes; defaults to the number of cores.
        dask_address: scheduler address of an existing Dask cluster, e.g. ``tcp://10.0.0.5:8786``.
        pool: worker processes started before the flow (``process`` only).
    """
    workers = workers or os.cpu_count() or 1
    if kind is RunnerKind.process:
        return WorkerPoolTaskRunner(max_workers=workers, pool=pool)
    if kind is RunnerKind.dask:
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True})
    return ThreadPoolTaskRunner(max_workers=1)
