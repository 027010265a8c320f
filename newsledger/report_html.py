"""The run report as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched.

``render_report`` is pure: the gathered data and the charts in, the page's text out. Every
text that comes from the data (file names, reasons, names, article text) goes through
``html.escape``; the page's Content-Security-Policy forbids scripts and every fetch, so even a
mistake here could not load anything from the network.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from warehouse.report_data import PREVIOUS_NIGHTS, REJECTS_LISTED, RunReportData, TableValidation, as_utc

# No script, no fetch, no form, no frame: styles inline only, images only as data: URIs.
CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

_STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d2329;margin:0;background:#f5f7f9}
header{background:#1f2d3d;color:#fff;padding:18px 28px}
header h1{margin:0 0 4px;font-size:20px}
header p{margin:2px 0;color:#d5dde6}
nav{padding:8px 28px;background:#e6ebf0;font-size:13px}
nav a{margin-right:14px;color:#1f5fa8}
main{padding:4px 28px 28px;max-width:1100px}
section{background:#fff;border:1px solid #dde3e9;border-radius:6px;padding:6px 18px 14px;margin:16px 0}
h2{font-size:17px;margin:12px 0 8px}
h3{font-size:14px;margin:14px 0 6px}
table{border-collapse:collapse;margin:6px 0 10px;font-size:13px}
th,td{border-bottom:1px solid #e3e8ed;padding:3px 10px 3px 0;text-align:left;vertical-align:top}
th{color:#52606d;font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.path{font-family:ui-monospace,monospace;font-size:12px;word-break:break-all;max-width:420px}
.badge{display:inline-block;border-radius:10px;padding:1px 9px;font-size:12px;font-weight:600}
.ok{background:#dff3e4;color:#17692f}.bad{background:#fde2e1;color:#a1231b}.warn{background:#fff1d6;color:#8a5a00}
header .badge{margin-left:6px}
.note{color:#52606d;font-size:13px}
code{font-family:ui-monospace,monospace;font-size:12px;background:#eef1f4;padding:0 3px;border-radius:3px}
svg.plot{max-width:100%;height:auto;display:block;margin:6px 0}
.cols{display:flex;flex-wrap:wrap;gap:0 36px}
footer{color:#52606d;font-size:12px;padding:0 28px 24px}
"""


def esc(value: object) -> str:
    """Text from the data, safe inside HTML text and quoted attributes."""
    return html.escape("" if value is None else str(value), quote=True)


def render_report(data: RunReportData, plots: Mapping[str, str], validation_href: str, generated_at: datetime, version: str) -> str:
    """The report page.

    Args:
        data: what the run did, read from the warehouse.
        plots: inline SVG per chart name (``rejects``, ``daily``, ``speakers``, ``entities``,
            ``stages``); a missing chart is left out.
        validation_href: the run's validation folder, relative to the page (ends with ``/``).
        generated_at: when the page was written.
        version: the newsledger version that wrote it.
    """
    run = data.run
    passed = bool(run.get("validation_passed"))
    sections = [
        _came_in(data, plots),
        _extracted(data, plots),
        _stages(data, plots),
        _validation(data, validation_href),
        _recent_runs(data),
    ]
    title = f"newsledger run {data.run_id}"
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{esc(title)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<header>",
        f"<h1>Run {esc(data.run_id)}{_badge(run.get('status') == 'success', str(run.get('status')))}"
        f"{_badge(passed, 'validation passed' if passed else 'validation found problems', warn=True)}</h1>",
        f"<p>started {esc(as_utc(run.get('started_at')))} · finished {esc(as_utc(run.get('finished_at')))}"
        f" · newsledger {esc(run.get('extractor_version'))}</p>",
        f"<p>{esc(run['message'])}</p>" if run.get("message") else "",
        "</header>",
        '<nav><a href="#came-in">What came in</a><a href="#extracted">What was extracted</a>'
        '<a href="#stages">Stage timings</a><a href="#validation">Validation</a><a href="#runs">Recent runs</a></nav>',
        "<main>",
        *sections,
        "</main>",
        f"<footer>Written {esc(as_utc(generated_at.astimezone(UTC)))} by newsledger {esc(version)}. This page needs no network."
        " Ask the warehouse more with <code>newsledger sql \"SELECT ...\"</code>; the tables and columns are described in docs/tables.md.</footer>",
        "</body></html>",
        "",
    ])


def _came_in(data: RunReportData, plots: Mapping[str, str]) -> str:
    run = data.run
    summary = _table(
        ("", "files"),
        [
            ("files seen", run.get("files_seen")),
            ("skipped: unchanged, or outside --since/--until", run.get("files_skipped")),
            ("articles loaded", run.get("articles_loaded")),
            ("files or records rejected", run.get("files_rejected")),
        ],
        numeric=(1,),
    )
    parts = ['<section id="came-in"><h2>What came in</h2>', summary]
    if data.rejects_total:
        parts.append("<h3>Rejected, by reason</h3>")
        parts.append(plots.get("rejects", ""))
        parts.append(_table(("stage", "reason", "rejects"), [(r.stage, r.reason, r.count) for r in data.reasons], numeric=(2,)))
        parts.append("<h3>Rejected files</h3>")
        parts.append(_table(("file", "record", "stage", "error", "reason"),
                            [(r.source_path, r.source_record, r.stage, r.error_type, r.reason) for r in data.rejects],
                            numeric=(1,), path_columns=(0,)))
        if data.rejects_total > len(data.rejects):
            parts.append(f'<p class="note">The first {REJECTS_LISTED} of {data.rejects_total:,} rejects are listed; all of them: '
                         '<code>newsledger sql --format csv "select * from rejects"</code></p>')
    elif run.get("status") == "success":
        parts.append('<p class="note">Nothing was rejected.</p>')
    else:
        parts.append('<p class="note">The run did not load, so its rejects were not kept; the message above says why.</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _extracted(data: RunReportData, plots: Mapping[str, str]) -> str:
    night = f"{data.night:%a %d %b %Y}" if data.night else "no dated article"
    parts = [
        '<section id="extracted"><h2>What was extracted</h2>',
        f'<p class="note">Articles do not record the run that loaded them: <b>the night</b> is the latest publication day '
        f"on or before the run ({esc(night)}), compared with the {PREVIOUS_NIGHTS} days before it."
        + (f" {data.undated_articles:,} article(s) in the warehouse have no publication date." if data.undated_articles else "")
        + "</p>",
        _table(("", "this run", f"night of {night}", "in warehouse"),
               [(c.what, _or_dash(c.this_run), _or_dash(c.night), _or_dash(c.warehouse)) for c in data.extracted], numeric=(1, 2, 3)),
    ]
    if data.night is None:
        parts.append('<p class="note">No article has a publication date: nothing to plot by day.</p>')
    else:
        parts.append(plots.get("daily", ""))
        parts.append('<div class="cols">')
        for key, title, ranked in (("speakers", "Most quoted speakers", data.speakers), ("entities", "Most mentioned entities", data.entities)):
            parts.append("<div>")
            parts.append(f"<h3>{esc(title)} of the night</h3>")
            if ranked:
                parts.append(plots.get(key, ""))
                header = ("name", "type", "the night", "mean before") if key == "entities" else ("name", "the night", "mean before")
                rows = [((r.name, r.kind) if key == "entities" else (r.name,)) + (r.night, f"{r.previous_mean:.1f}") for r in ranked]
                parts.append(_table(header, rows, numeric=(len(header) - 2, len(header) - 1)))
            else:
                parts.append('<p class="note">None on the night.</p>')
            parts.append("</div>")
        parts.append("</div>")
    parts.append("</section>")
    return "\n".join(parts)


def _stages(data: RunReportData, plots: Mapping[str, str]) -> str:
    parts = ['<section id="stages"><h2>How long each stage took</h2>']
    if data.stage_seconds:
        parts.append(plots.get("stages", ""))
        rows = [(stage, f"{seconds:.1f}") for stage, seconds in data.stage_seconds.items()]
        rows.append(("total recorded", f"{sum(data.stage_seconds.values()):.1f}"))
        parts.append(_table(("stage", "seconds"), rows, numeric=(1,)))
        if "load" not in data.stage_seconds:
            parts.append('<p class="note">Recorded up to validation, and the load\'s clustering step (cluster); the rest of the load and publishing follow (the run\'s summary on screen shows them).</p>')
    else:
        parts.append('<p class="note">This run recorded no stage timings.</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _validation(data: RunReportData, validation_href: str) -> str:
    parts = ['<section id="validation"><h2>What validation found</h2>']
    if not data.validation:
        parts.append(f'<p class="note">No validation results were found under {esc(data.validation_dir)}.</p></section>')
        return "\n".join(parts)
    rows = []
    for t in data.validation:
        status = _badge(t.passed, "passed" if t.passed else ("unreadable" if t.unreadable and not t.failed else "failed"))
        rows.append((_raw(f"<code>{esc(t.table)}</code>"), t.chunks, t.evaluated, t.failed, _raw(status), _raw(_validation_links(t, validation_href))))
    parts.append('<p class="note">Great Expectations checked every table of the run in chunks of about 2,000 articles. '
                 "Its own pages are linked here (they open offline, unstyled); this list replaces its index page, which needs "
                 "JavaScript from the internet.</p>")
    parts.append(_table(("table", "chunks", "expectations", "failed", "", "Great Expectations pages"), rows, numeric=(1, 2, 3)))
    failures = [(t.table, f) for t in data.validation for f in t.failures]
    if failures:
        parts.append("<h3>Failed expectations</h3>")
        parts.append(_table(
            ("table", "chunk", "expectation", "column", "unexpected", "examples"),
            [(table, f.chunk, f.expectation, f.column or "", _or_dash(f.unexpected_count), "; ".join(f.examples) or (f.error or ""))
             for table, f in failures],
            numeric=(4,),
        ))
    unreadable = [u for t in data.validation for u in t.unreadable]
    if unreadable:
        parts.append(f'<p class="note">Result files that could not be read: {esc(", ".join(unreadable))}</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _validation_links(t: TableValidation, validation_href: str) -> str:
    links = []
    for i, page in enumerate(t.pages, start=1):
        label = "results" if len(t.pages) == 1 else f"results {i}"
        links.append(f'<a href="{esc(validation_href + _quote_path(page))}">{esc(label)}</a>')
    if t.suite_page:
        links.append(f'<a href="{esc(validation_href + _quote_path(t.suite_page))}">expectations</a>')
    return " · ".join(links) or '<span class="note">no page</span>'


def _recent_runs(data: RunReportData) -> str:
    rows = [
        (_raw(f"<b>{esc(r['run_id'])}</b>") if r["run_id"] == data.run_id else r["run_id"], as_utc(r["started_at"]), r["status"],
         r["files_seen"], r["articles_loaded"], r["files_rejected"], r["quotes"], "yes" if r["validation_passed"] else "no")
        for r in data.recent_runs
    ]
    table = _table(("run", "started", "status", "files", "articles", "rejected", "quotes", "validation passed"), rows, numeric=(3, 4, 5, 6))
    return f'<section id="runs"><h2>Recent runs</h2>{table}</section>'


class _raw(str):
    """HTML this module built itself (already escaped)."""


def _cell(value: Any) -> str:
    if isinstance(value, _raw):
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return esc(value)


def _table(header: Sequence[str], rows: Iterable[Sequence[Any]], numeric: Sequence[int] = (), path_columns: Sequence[int] = ()) -> str:
    def cls(i: int) -> str:
        return ' class="n"' if i in numeric else (' class="path"' if i in path_columns else "")

    head = "".join(f"<th{cls(i)}>{esc(h)}</th>" for i, h in enumerate(header))
    body = "".join("<tr>" + "".join(f"<td{cls(i)}>{_cell(v)}</td>" for i, v in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _badge(good: bool, text: str, warn: bool = False) -> str:
    return f'<span class="badge {"ok" if good else ("warn" if warn else "bad")}">{esc(text)}</span>'


def _or_dash(value: int | None) -> object:
    return "–" if value is None else value


def _quote_path(relative: str) -> str:
    return "/".join(quote(part) for part in relative.split("/"))
