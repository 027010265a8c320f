"""Runs are visible in Prefect: a run against a standing server appears with its task runs and
its log lines; `serve` against a server that does not answer fails in one line."""

import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from conftest import SAMPLES

CLI = Path(sys.executable).parent / "newsledger"


def _post(url: str, body: dict) -> list[dict]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def test_serve_against_an_unreachable_server_fails_in_one_line():
    done = subprocess.run(
        [CLI, "serve", "--cron", "0 2 * * *", "--input", SAMPLES],
        capture_output=True, text=True, timeout=60, env={"PATH": "/usr/bin:/bin", "PREFECT_API_URL": "http://127.0.0.1:9/api"},
    )
    assert done.returncode == 4
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "prefect server start" in lines[0] and "Traceback" not in done.stderr


@pytest.mark.e2e
def test_a_run_appears_in_prefect_with_its_tasks_and_logs(tmp_path, prefect_server):
    done = subprocess.run([CLI, "run", "--warehouse", tmp_path / "wh", SAMPLES / "2024-03-11"], capture_output=True, text=True, timeout=600, env=prefect_server)
    assert done.returncode == 0, done.stderr
    api = prefect_server["PREFECT_API_URL"]
    runs = [r for r in _post(f"{api}/flow_runs/filter", {"sort": "EXPECTED_START_TIME_DESC", "limit": 5}) if r["state_type"] == "COMPLETED"]
    assert runs, "the run is not on the server"
    run_id = runs[0]["id"]
    tasks = _post(f"{api}/task_runs/filter", {"flow_runs": {"id": {"any_": [run_id]}}, "limit": 200})
    names = {t["task_key"].rsplit("-", 1)[0] for t in tasks}
    assert any("parse_batch" in n or "parse-batch" in n for n in names) or any("parse" in t["name"] for t in tasks)
    logs = _post(f"{api}/logs/filter", {"logs": {"flow_run_id": {"any_": [run_id]}}, "limit": 200})
    messages = " | ".join(entry["message"] for entry in logs)
    assert "to read" in messages and "loaded; the warehouse now holds" in messages
