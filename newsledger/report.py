"""``newsledger report``: one run's report as a self-contained HTML file, and opening it.

The page is ``DIR/reports/<run_id>.html``: plots as inline SVG, no script, nothing fetched, so
it opens offline and can be mailed or copied on its own (the links to Great Expectations'
pages are relative and work beside the warehouse).
"""

from __future__ import annotations

import os
import webbrowser
from datetime import UTC, datetime
from pathlib import Path

from newsledger import __version__
from newsledger.report_html import render_report
from newsledger.core.settings import DATABASE_FILE
from warehouse.report_data import RunReportData, gather_run_report

REPORTS_FOLDER = "reports"


def report_path(warehouse_dir: Path, run_id: str) -> Path:
    """Where the report of a run is written."""
    return warehouse_dir / REPORTS_FOLDER / f"{run_id}.html"


def write_run_report(warehouse_dir: Path, run_id: str | None = None) -> Path:
    """Write the report of a run (the latest when ``run_id`` is None) and return its path.

    Raises:
        BadArgumentError: no such run in this warehouse.
        WarehouseError: no warehouse, no run yet, or the database cannot be read.
        OSError: the report file cannot be written.
    """
    data = gather_run_report(warehouse_dir, warehouse_dir / DATABASE_FILE, run_id)
    page = render_report(data, render_plots(data), f"../validation/{data.run_id}/", datetime.now(UTC), __version__)
    target = report_path(warehouse_dir, data.run_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written beside and renamed, so a reader never opens half a page.
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        partial.write_text(page, encoding="utf-8")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def render_plots(data: RunReportData) -> dict[str, str]:
    """The report's charts as inline SVG; a chart with nothing to show is left out."""
    from newsledger import report_plots as plots

    charts: dict[str, str] = {}
    if data.reasons:
        charts["rejects"] = plots.bar_chart([f"{r.stage}: {r.reason}" for r in data.reasons], [r.count for r in data.reasons],
                                            "Rejects by reason", "", "rejects")
    if data.night is not None and data.days:
        charts["daily"] = plots.daily_chart([d.day for d in data.days], [d.articles for d in data.days], [d.quotes for d in data.days], data.night)
    if data.speakers:
        charts["speakers"] = plots.night_vs_before_chart([s.name for s in data.speakers], [s.night for s in data.speakers],
                                                         [s.previous_mean for s in data.speakers], "Quotes per speaker", "speakers")
    if data.entities:
        charts["entities"] = plots.night_vs_before_chart([f"{e.name} ({e.kind})" for e in data.entities], [e.night for e in data.entities],
                                                         [e.previous_mean for e in data.entities], "Mentions per entity", "entities")
    if data.stage_seconds:
        charts["stages"] = plots.bar_chart(list(data.stage_seconds), list(data.stage_seconds.values()), "Seconds per stage", "s", "stages")
    return charts


def open_report(path: Path) -> str | None:
    """Open the report in the user's web browser; None when it opened, else why it could not.

    Python's ``webbrowser`` finds a graphical browser only with a display (``DISPLAY`` or
    ``WAYLAND_DISPLAY``), a text one (``www-browser``, ``w3m``, ``lynx``) on the terminal, or
    the command named in ``BROWSER``.
    """
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return "no web browser found here (no display, no BROWSER set): copy the file to a machine with a browser, or set BROWSER"
    if not browser.open(path.resolve().as_uri()):
        name = getattr(browser, "name", type(browser).__name__)
        return f"the web browser ({name}) could not be started: open the file yourself"
    return None
