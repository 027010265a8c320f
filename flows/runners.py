"""Task runners: where batch tasks execute (both local cores by default, or a Dask cluster)."""

from __future__ import annotations

import contextvars
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from enum import Enum
from typing import Any, Self

from prefect.context import FlowRunContext
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from flows.worker_pool import WorkerPool
from newsledger.progress import forward_progress, reporter, stop_forwarding
from newsledger.core.settings import Settings


class RunnerKind(str, Enum):
    process = "process"
    dask = "dask"
    thread = "thread"


class WorkerPoolTaskRunner(ProcessPoolTaskRunner):
    """Prefect's process-pool task runner on a ``WorkerPool``, whose workers may have started
    before the flow (``flows.worker_pool.EarlyStart``) and leave as soon as the flow has no
    more batches for them (``release_workers``).

    Each worker ties itself to the run, loads the model once and reports its progress per
    article (``flows.worker_pool.initialize_worker``). Without a pool given, one is made for the
    first task submitted: a flow with nothing to extract starts no process, and a worker, which
    enters a copy of the flow's runner for every task it runs (Prefect hydrating the flow's
    context), makes none.
    """

    def __init__(self, max_workers: int | None = None, model: str | None = None, pool: WorkerPool | None = None) -> None:
        super().__init__(max_workers=max_workers or os.cpu_count() or 1)
        self._model = model
        self._pool = pool
        self._progress_thread: threading.Thread | None = None
        self._progress_queue: Any = None

    def duplicate(self) -> Self:
        # The flow engine runs a duplicate; an early pool serves the first run only.
        duplicate, self._pool = type(self)(self._max_workers, self._model, self._pool), None
        return duplicate

    def __enter__(self) -> Self:
        TaskRunner.__enter__(self)
        if self._pool is not None:
            self._attach(self._pool)
        return self

    def _attach(self, pool: WorkerPool) -> None:
        """Use the pool's processes, and forward their logs, events and progress (what Prefect's ``__enter__`` does)."""
        self._pool = None
        self._subprocess_message_queue = pool.prefect_messages
        # In this thread's context: a thread starts with an empty one, and Prefect there would
        # not see the run's server (temporary settings) and start a server of its own for the events.
        self._message_forwarding_thread = threading.Thread(
            target=contextvars.copy_context().run, args=(self._forward_subprocess_messages,), name="ProcessPoolTaskRunnerMessageForwarder", daemon=True
        )
        self._message_forwarding_thread.start()
        self._progress_queue = pool.progress
        self._progress_thread = forward_progress(pool.progress, reporter())
        self._executor = pool.executor
        self._resolver_executor = ThreadPoolExecutor(max_workers=self._max_workers)

    def submit(self, task: Any, parameters: dict[str, Any], wait_for: Any = None, dependencies: Any = None) -> Any:
        if self._started and self._executor is None:
            self._attach(WorkerPool(self._max_workers, self._model or Settings.from_env().spacy_model))
        return super().submit(task, parameters, wait_for, dependencies)

    def release_workers(self) -> None:
        """Let the workers exit now, while the run goes on in its main process."""
        if self._executor is not None:
            self._executor.shutdown(wait=False)

    def __exit__(self, exc_type: Any, exc_value: Any, traceback: Any) -> None:
        try:
            super().__exit__(exc_type, exc_value, traceback)
        finally:
            if self._progress_thread is not None:
                stop_forwarding(self._progress_queue, self._progress_thread)
                self._progress_thread = None


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
