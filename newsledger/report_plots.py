"""The run report's charts as inline SVG text (matplotlib, no JavaScript, nothing fetched).

Each function takes plain values and returns one ``<svg>`` element to put in the page. Text is
kept as SVG ``<text>`` (escaped by matplotlib's SVG writer), never parsed as mathtext, so a
speaker called ``$x$`` or ``<script>`` is drawn as written. Ids inside each SVG carry the
chart's name, so several charts live in one page. matplotlib is imported here only (it costs
about half a second), through its object API: no pyplot state, no GUI backend.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

# Colours: the night in a strong blue, the nights before in grey, quotes in orange.
NIGHT = "#1f5fa8"
BEFORE = "#a8b3bf"
ACCENT = "#d9822b"
LABEL_CHARS = 48

_RC = {
    "svg.fonttype": "none",
    "text.parse_math": False,
    "font.family": "sans-serif",
    # Measured with matplotlib's own DejaVu Sans; the browser falls back to any sans-serif.
    "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica"],
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
}
_PROLOG = re.compile(r"\A.*?(?=<svg)", re.DOTALL)


def daily_chart(days: Sequence[date], articles: Sequence[int], quotes: Sequence[int], night: date) -> str:
    """Articles (bars) and quotes (line) per publication day; the night's bar stands out."""
    with _figure("daily", 7.5, 2.8) as (fig, ax):
        xs = list(range(len(days)))
        ax.bar(xs, articles, color=[NIGHT if d == night else BEFORE for d in days], label="articles", width=0.8)
        ax.plot(xs, quotes, color=ACCENT, marker="o", markersize=3, linewidth=1.5, label="quotes")
        step = max(1, len(days) // 10)
        ticks = [i for i in xs if (len(days) - 1 - i) % step == 0]
        ax.set_xticks(ticks, labels=[days[i].strftime("%d %b") for i in ticks])
        ax.set_ylabel("per publication day")
        ax.set_title(f"Articles and quotes per day, {days[0]:%d %b} to {days[-1]:%d %b %Y}", loc="left")
        ax.legend(frameon=False, loc="upper left")
        ax.yaxis.get_major_locator().set_params(integer=True)
        return _svg(fig, "daily")


def night_vs_before_chart(names: Sequence[str], night: Sequence[int], before: Sequence[float], title: str, slug: str) -> str:
    """Horizontal bars: each name's count on the night beside its mean per night before."""
    with _figure(slug, 7.5, 0.9 + 0.32 * len(names)) as (fig, ax):
        ys = list(range(len(names)))
        ax.barh([y - 0.2 for y in ys], night, height=0.4, color=NIGHT, label="the night")
        ax.barh([y + 0.2 for y in ys], before, height=0.4, color=BEFORE, label="mean of the nights before")
        ax.set_yticks(ys, labels=[_short(n) for n in names])
        ax.invert_yaxis()
        ax.set_title(title, loc="left")
        ax.legend(frameon=False, loc="lower right")
        ax.xaxis.get_major_locator().set_params(integer=True)
        return _svg(fig, slug)


def bar_chart(labels: Sequence[str], values: Sequence[float], title: str, unit: str, slug: str) -> str:
    """Horizontal bars, one per label, with its value written at the end."""
    with _figure(slug, 7.5, 0.9 + 0.32 * len(labels)) as (fig, ax):
        ys = list(range(len(labels)))
        bars = ax.barh(ys, values, height=0.6, color=NIGHT)
        ax.bar_label(bars, labels=[_number(v, unit) for v in values], padding=3, fontsize=8)
        ax.set_yticks(ys, labels=[_short(label) for label in labels])
        ax.invert_yaxis()
        ax.set_title(title, loc="left")
        ax.margins(x=0.15)
        if unit != "s":
            ax.xaxis.get_major_locator().set_params(integer=True)
        return _svg(fig, slug)


class _figure:
    """A matplotlib Figure with one Axes, drawn under the report's style."""

    def __init__(self, slug: str, width: float, height: float) -> None:
        self.slug, self.width, self.height = slug, width, height

    def __enter__(self) -> tuple[Any, Any]:
        import matplotlib
        from matplotlib.figure import Figure

        self._style = matplotlib.rc_context({**_RC, "svg.hashsalt": self.slug})
        self._style.__enter__()
        fig = Figure(figsize=(self.width, self.height), layout="constrained")
        return fig, fig.add_subplot()

    def __exit__(self, *exc: object) -> None:
        self._style.__exit__(*exc)


def _svg(fig: Any, slug: str) -> str:
    """The figure as one ``<svg>`` element, without XML prolog or metadata, labelled for screen readers."""
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    buffer = io.StringIO()
    FigureCanvasSVG(fig).print_svg(buffer, metadata={"Creator": None, "Date": None, "Format": None, "Type": None})
    svg = _PROLOG.sub("", buffer.getvalue(), count=1)
    return svg.replace("<svg ", f'<svg class="plot" data-plot="{slug}" role="img" ', 1)


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def _number(value: float, unit: str) -> str:
    return f"{value:.1f} {unit}".strip() if unit == "s" else f"{value:g}"
