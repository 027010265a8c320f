"""The run report opens in a real headless Chromium with the network off and shows its plots and tables.

"Network off": Chromium runs in a network namespace of its own with nothing in it (``unshare
--net``, where the kernel allows it), and in any case behind a proxy on a dead port for every
host, loopback included, with name resolution disabled. A control page proves the harness: its
image on a live HTTP server on this machine's loopback never loads and the server sees no
request. The report's own page must then still show its SVG plots (their bars' colour is
counted in a screenshot) and its tables.

Needs Debian's ``chromium``: CI installs it (.ci/run); elsewhere the test is skipped without it.
"""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import threading
import urllib.request
from pathlib import Path

import pytest
from report_warehouse import HOSTILE_NAME, RUN_ID, build_report_warehouse

from newsledger.report import write_run_report
from newsledger.report_plots import NIGHT

INSTALL_HINT = "the browser test needs headless Chromium: apt-get install -y chromium (.ci/run installs it)"
NIGHT_RGB = tuple(int(NIGHT[i:i + 2], 16) for i in (1, 3, 5))


@pytest.fixture(scope="module")
def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail(INSTALL_HINT)
    pytest.skip(INSTALL_HINT)


def _isolation() -> list[str]:
    """``unshare --net`` when this machine lets us make an empty network namespace, else nothing."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "--net", "true"], capture_output=True, check=False).returncode == 0:
        return [unshare, "--net"]
    return []


def _run_chromium(chromium: str, profile: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [
        *_isolation(), chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
        f"--user-data-dir={profile}",
        # Every request, loopback too, goes to a proxy that is not there; no name resolves.
        "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--host-resolver-rules=MAP * ~NOTFOUND",
        "--virtual-time-budget=5000", *extra, url,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        type(self).requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/gif")
        self.end_headers()
        self.wfile.write(b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def loopback_server():
    _CountingHandler.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", _CountingHandler.requests
    finally:
        server.shutdown()
        server.server_close()


def test_the_harness_has_no_network(chromium, loopback_server, tmp_path):
    base, requests = loopback_server
    with urllib.request.urlopen(f"{base}/alive.gif", timeout=5) as response:  # the server itself answers
        assert response.status == 200
    requests.clear()
    control = tmp_path / "control.html"
    control.write_text(
        f'<html><body><img id="probe" src="{base}/probe.gif">'
        "<script>window.addEventListener('load', () => { document.body.dataset.probe ="
        " document.getElementById('probe').naturalWidth > 0 ? 'loaded' : 'blocked'; });</script></body></html>",
        encoding="utf-8",
    )
    result = _run_chromium(chromium, tmp_path / "profile", control.as_uri(), "--dump-dom")
    assert 'data-probe="blocked"' in result.stdout, result.stdout[-2000:] + result.stderr[-2000:]
    assert requests == []


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    return write_run_report(build_report_warehouse(tmp_path_factory.mktemp("browser") / "wh"))


def test_the_report_renders_its_tables_and_plots_offline(chromium, report, tmp_path):
    result = _run_chromium(chromium, tmp_path / "profile", report.as_uri(), "--dump-dom")
    dom = result.stdout
    assert f"Run {RUN_ID}" in dom, result.stderr[-2000:]
    for plot in ("rejects", "daily", "speakers", "entities", "stages"):
        assert f'data-plot="{plot}"' in dom, plot
    assert dom.count("<table") >= 8
    assert dom.count("<rect") + dom.count("<path") > 50  # the plots' bars and axes are in the DOM
    assert HOSTILE_NAME.replace("<", "&lt;").replace(">", "&gt;") in dom  # shown as text
    assert "<script" not in dom


def test_the_report_screenshot_shows_the_plots(chromium, report, tmp_path):
    from PIL import Image

    shot = tmp_path / "report.png"
    result = _run_chromium(chromium, tmp_path / "profile", report.as_uri(), "--window-size=1280,4200", "--hide-scrollbars", f"--screenshot={shot}")
    assert shot.exists(), result.stderr[-2000:]
    image = Image.open(shot).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    assert len(colours) > 50, "the page is blank"
    night_bars = sum(count for count, rgb in colours if all(abs(a - b) <= 6 for a, b in zip(rgb, NIGHT_RGB, strict=True)))
    assert night_bars > 2000, f"the plots' bars are not drawn ({night_bars} pixels of {NIGHT})"
