"""Task runners: where batch tasks execute (both local cores by default, or a Dask cluster)."""

from __future__ import annotations

import os
from enum import Enum

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from newsledger.nlp import load_pipeline
from newsledger.processes import bind_worker_to_run
from newsledger.settings import Settings


class RunnerKind(str, Enum):
    process = "process"
    dask = "dask"
    thread = "thread"


def preload_model() -> None:
    """Prepare a worker process before its first batch: tie it to the run, load the model once.

    The worker ignores Ctrl-C (the run's main process decides how the run ends) and exits when
    the main process dies. Workers inherit the entry point's environment, where the settings
    were exported.
    """
    bind_worker_to_run()
    load_pipeline(Settings.from_env().spacy_model)


def default_task_runner() -> TaskRunner:
    """A local worker process per core, each loading the model once."""
    return ProcessPoolTaskRunner(max_workers=os.cpu_count() or 1, initializer=preload_model)


def build_task_runner(kind: RunnerKind, workers: int | None = None, dask_address: str | None = None) -> TaskRunner:
    """The task runner for a run.

    Args:
        kind: ``process`` (default: a local process per core), ``dask`` (a Dask cluster at
            ``dask_address``, or a local cluster of ``workers`` processes), ``thread`` (one
            process; for debugging).
        workers: worker processes; defaults to the number of cores.
        dask_address: scheduler address of an existing Dask cluster, e.g. ``tcp://10.0.0.5:8786``.
    """
    workers = workers or os.cpu_count() or 1
    if kind is RunnerKind.process:
        return ProcessPoolTaskRunner(max_workers=workers, initializer=preload_model)
    if kind is RunnerKind.dask:
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True})
    return ThreadPoolTaskRunner(max_workers=1)
