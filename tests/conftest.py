"""Shared fixtures: the spaCy pipeline (once per session) and quiet Prefect settings."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil
import pytest
from hypothesis import settings

from newsledger.orchestration.prefect_env import configure_prefect_env
from newsledger.core.settings import DEFAULT_MODEL

configure_prefect_env()
# Property tests check behaviour, not speed: Hypothesis's default 200 ms deadline per example
# failed a parser test while other work shared the two cores (speed is measured in bench/).
settings.register_profile("newsledger", deadline=None)
settings.load_profile("newsledger")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLES = PROJECT_ROOT / "samples"
SEEDS = PROJECT_ROOT.parent / "shared" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session", autouse=True)
def _stop_the_shared_server_the_session_started():
    """Runs of the command line without PREFECT_API_URL start the shared local Prefect server
    (newsledger.orchestration.local_server); one the session started is stopped at its end, unless a run
    (of another session) still uses it: its idle timeout ends it then."""
    from newsledger.orchestration.local_server import ServerBusyError, find_server, prefect_home, stop_shared_server

    home = prefect_home()
    before = find_server(home)
    yield
    after = find_server(home)
    if after is not None and after != before:
        try:
            stop_shared_server(home)
        except ServerBusyError:
            pass


@pytest.fixture(scope="session")
def nlp():
    from newsledger.model.pipeline import load_pipeline

    return load_pipeline(DEFAULT_MODEL)


@pytest.fixture
def parse(nlp):
    """Parse a short invented text into a spaCy Doc."""

    def _parse(text: str):
        return nlp(text)

    return _parse


@pytest.fixture(scope="session")
def sample_tables(nlp, tmp_path_factory):
    """The extracted tables of every sample article, staged and read back as a run does."""
    from datetime import UTC, datetime

    from newsledger.inputs import discover_files
    from newsledger.core.schemas import TABLES_BY_NAME
    from transforms.run.arrow import to_table
    from transforms.read.articles import ReadOptions, read_articles
    from transforms.extract import extract_articles
    from transforms.run.tables import build_extracted_tables
    from warehouse import staging

    options = ReadOptions("test", 10_000_000, datetime(2024, 1, 1, tzinfo=UTC))
    articles, rejects = [], []
    for path in discover_files([SAMPLES]):
        result = read_articles(Path(path).read_bytes(), path, options)
        articles += result.articles
        rejects += result.rejects
    rows = [r for _, r in extract_articles(articles, nlp)]
    run_dir = tmp_path_factory.mktemp("staged")
    staging.write_batch(run_dir, 1, {
        "articles": to_table(articles, TABLES_BY_NAME["articles"].schema),
        "rejects": to_table(rejects, TABLES_BY_NAME["rejects"].schema),
        **build_extracted_tables(rows),
    })
    return staging.read_staged(run_dir)


@pytest.fixture(scope="session")
def shared_prefect_api():
    """One temporary Prefect server shared by the flow runs of the session and their worker
    processes, as ``newsledger run`` does (without it every worker pool starts its own)."""
    from newsledger.orchestration.prefect_env import SharedTemporaryServer

    with SharedTemporaryServer().active():
        yield


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def prefect_home_template(tmp_path_factory):
    """A PREFECT_HOME a shared server has started in once: its database migrated and Prefect's
    block types registered. Tests about the server's life start servers in many fresh homes;
    a copy of this one spares each start about seven seconds of that set-up, which they do not
    test (the session's first server, and every user's first run, still do it)."""
    from newsledger.orchestration.local_server import open_shared_server, stop_shared_server

    home = tmp_path_factory.mktemp("prefect-home-template")
    handle = open_shared_server(home, idle_minutes=120)
    assert handle is not None
    try:
        handle.wait_ready()
    finally:
        handle.release()
        stop_shared_server(home, wait_seconds=60)
    return home


def seed_prefect_home(template: Path, home: Path) -> Path:
    """Give ``home`` a copy of the template's Prefect database and memo store; returns ``home``."""
    home.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(template / "prefect.db") as source, sqlite3.connect(home / "prefect.db") as copy:
        source.backup(copy)
    shutil.copy2(template / "memo_store.toml", home / "memo_store.toml")
    return home


@pytest.fixture
def seeded_tmp_path(tmp_path, prefect_home_template):
    """``tmp_path`` as a PREFECT_HOME seeded from the template."""
    return seed_prefect_home(prefect_home_template, tmp_path)


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory):
    """A real Prefect server on loopback for the session; yields the environment that uses it."""
    port = _free_port()
    env = {
        **os.environ,
        "PREFECT_HOME": str(tmp_path_factory.mktemp("prefect-home")),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_UI_ENABLED": "false",
    }
    env.pop("PREFECT_API_URL", None)
    prefect = Path(sys.executable).parent / "prefect"
    server = subprocess.Popen([prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + 240
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail("the temporary Prefect server did not start")
            time.sleep(1)
        yield {**env, "PREFECT_API_URL": url}
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def session_processes(session: int) -> list[psutil.Process]:
    """Living processes of a session (zombies waiting for init to reap them do not count)."""
    found = []
    for process in psutil.process_iter():
        try:
            if os.getsid(process.pid) == session and process.status() != psutil.STATUS_ZOMBIE:
                found.append(process)
        except (ProcessLookupError, psutil.NoSuchProcess):
            continue
    return found
