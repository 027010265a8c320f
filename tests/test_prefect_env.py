"""Prefect set-up: quiet defaults, and one temporary server for a run's main and worker processes."""

from __future__ import annotations

import pytest
from prefect import flow, task
from prefect.settings import get_current_settings
from prefect.task_runners import ProcessPoolTaskRunner

from newsledger.prefect_env import DEFAULTS, configure_prefect_env


def test_user_settings_win_over_defaults(tmp_path):
    env = {"PREFECT_LOGGING_LEVEL": "DEBUG", "PREFECT_HOME": str(tmp_path / "home")}
    configure_prefect_env(env)
    assert env["PREFECT_LOGGING_LEVEL"] == "DEBUG"
    assert env["PREFECT_RESULTS_PERSIST_BY_DEFAULT"] == DEFAULTS["PREFECT_RESULTS_PERSIST_BY_DEFAULT"]
    assert (tmp_path / "home").is_dir()


@task
def api_url_seen_by_worker() -> str | None:
    return get_current_settings().api.url


@flow(task_runner=ProcessPoolTaskRunner(max_workers=1))
def report_api_urls() -> tuple[str | None, str | None]:
    return get_current_settings().api.url, api_url_seen_by_worker.submit().result()


@pytest.mark.e2e
def test_worker_processes_use_the_runs_server(shared_prefect_api):
    in_flow, in_worker = report_api_urls()
    assert in_flow and in_flow.startswith("http://127.0.0.1:")
    assert in_worker == in_flow  # not a temporary server of its own
