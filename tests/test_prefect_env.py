"""Prefect set-up: quiet defaults, and one temporary server for a run's main and worker processes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from prefect import flow, task
from prefect.settings import get_current_settings
from prefect.task_runners import ProcessPoolTaskRunner

from newsledger.orchestration.prefect_env import DEFAULTS, configure_prefect_env


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


SERVER_LIFETIME = """
import psutil
from newsledger.orchestration.prefect_env import SharedTemporaryServer, configure_prefect_env

configure_prefect_env()
server = SharedTemporaryServer()
with server.active():
    servers = [p for p in psutil.Process().children() if "uvicorn" in " ".join(p.cmdline())]
    print(len(servers))
print(sum(p.is_running() and p.status() != psutil.STATUS_ZOMBIE for p in servers))
"""


@pytest.mark.e2e
def test_the_temporary_server_stops_when_its_block_ends():
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    done = subprocess.run([sys.executable, "-c", SERVER_LIFETIME], capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["1", "0"]  # one server while the block runs, none after it
