"""The three charts drawn onto a matplotlib Figure from the core's data, with the words
(title, axes, legend, notes) given by the caller in its language."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from hnreader.charts.fonts import setup
from hnreader.core.trends.dispersion import Dispersion
from hnreader.core.trends.periods import MONTH, QUARTER
from hnreader.core.trends.series import Trend
from hnreader.core.trends.tag_counts import TagFrequencies

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

LINE, BAR = "line", "bar"
STYLES = (LINE, BAR)
CHART_SUFFIXES = (".png", ".svg")
SIZE = (10.0, 5.6)  # inches: fits a page width at 200 dpi
COLOURS = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)


@dataclass(frozen=True)
class ChartWords:
    """What a chart says, already in the UI's (or the CLI's) language."""

    title: str
    x_axis: str
    y_axis: str
    note: str = ""  # under the plot: e.g. what was left out (articles without a date)
    legend_title: str = ""


def new_figure() -> Figure:
    """An empty figure of the charts' size (no pyplot: nothing global, any canvas)."""
    setup()
    from matplotlib.figure import Figure

    return Figure(figsize=SIZE, layout="constrained")


def _label(text: str) -> str:
    # matplotlib's legend skips labels that start with "_": data must never vanish.
    return "\u200b" + text if text.startswith("_") else text


def _tick_step(count: int, by: str) -> int:
    """Every n-th period labelled so that about a dozen labels fit."""
    steps = {MONTH: (1, 2, 3, 6, 12, 24, 60), QUARTER: (1, 2, 4, 8, 20)}.get(by, (1, 2, 5, 10))
    for step in steps:
        if math.ceil(count / step) <= 13:
            return step
    return math.ceil(count / 12)


def _on_step(period: str, by: str, step: int) -> bool:
    """Whether a period gets a tick label: every step-th from a year's start (January, or
    January and July, …; years divisible by the step)."""
    if step == 1:
        return True
    if by == MONTH:
        return (
            (int(period[5:7]) - 1) % step == 0
            if step < 12
            else (int(period[5:7]) == 1 and int(period[:4]) % (step // 12) == 0)
        )
    if by == QUARTER:
        return (
            (int(period[-1]) - 1) % step == 0
            if step < 4
            else (period.endswith("Q1") and int(period[:4]) % (step // 4) == 0)
        )
    return int(period[:4]) % step == 0


def _words(figure: Figure, axes: Axes, words: ChartWords) -> None:
    axes.set_title(words.title, fontsize=13, loc="left")
    axes.set_xlabel(words.x_axis)
    axes.set_ylabel(words.y_axis)
    if words.note:
        # constrained layout leaves figure texts out: keep a strip free for the note
        from matplotlib.layout_engine import ConstrainedLayoutEngine

        engine = figure.get_layout_engine()
        if isinstance(engine, ConstrainedLayoutEngine):
            engine.set(rect=(0, 0.045, 1, 0.955))
        figure.text(0.01, 0.01, words.note, fontsize=8.5, color="#555555", ha="left", va="bottom")


def draw_trend(
    figure: Figure,
    trend: Trend,
    words: ChartWords,
    *,
    per: int | None = None,
    style: str = LINE,
) -> None:
    """One line (or one group of bars) per series over the periods; `per` charts the
    rate per that many characters instead of the count."""
    figure.clear()
    axes = figure.add_subplot()
    count = len(trend.periods)
    xs = list(range(count))
    width = 0.8 / max(1, len(trend.series))
    for i, series in enumerate(trend.series):
        if per:  # a period without text has no rate: a gap, not a zero
            rates = trend.per(series, per)
            values: Sequence[float] = [
                rate if chars else math.nan for rate, chars in zip(rates, trend.chars, strict=True)
            ]
        else:
            values = series.counts
        colour = COLOURS[i % len(COLOURS)]
        label = _label(series.label)
        if style == BAR:
            offset = (i - (len(trend.series) - 1) / 2) * width
            axes.bar([x + offset for x in xs], values, width=width, label=label, color=colour)
        else:
            axes.plot(
                xs,
                values,
                label=label,
                color=colour,
                linewidth=1.8,
                marker="o" if count <= 40 else None,
                markersize=3.5,
            )
    step = _tick_step(count, trend.by)
    ticks = [x for x in xs if _on_step(trend.periods[x], trend.by, step)] or xs[:1]
    axes.set_xticks(ticks, [trend.periods[x] for x in ticks])
    if count and max(len(p) for p in trend.periods) * len(ticks) > 90:
        axes.tick_params(axis="x", labelrotation=45)
    axes.set_xlim(-0.6, max(0, count - 1) + 0.6)
    axes.set_ylim(bottom=0)
    if not per:
        from matplotlib.ticker import MaxNLocator

        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.grid(axis="y", color="#dddddd", linewidth=0.8)
    axes.set_axisbelow(True)
    if trend.series:
        axes.legend(title=words.legend_title or None, frameon=False, loc="best")
    _words(figure, axes, words)


TICK_COLUMNS = 4000  # more than a 10-inch axis has pixels at 200 dpi


def _tick_places(positions: Sequence[int], total: int) -> Sequence[float]:
    """The ticks to draw: each hit's place, or with more hits than the axis has columns one
    tick per column that holds hits (they would be drawn on one another; 60,000 lines take
    seconds to render and make a large SVG)."""
    if len(positions) <= TICK_COLUMNS or total <= 0:
        return positions
    width = total / TICK_COLUMNS
    return [(column + 0.5) * width for column in sorted({int(p // width) for p in positions})]


def draw_dispersion(figure: Figure, result: Dispersion, words: ChartWords) -> None:
    """AntConc's concordance plot: one row per term, a tick at each hit's place in the
    corpus laid out in date order; years mark the axis."""
    figure.clear()
    axes = figure.add_subplot()
    rows = result.rows
    for i, row in enumerate(rows):
        y = len(rows) - 1 - i  # the first term on top
        places = _tick_places(row.positions, result.total_chars)
        axes.vlines(places, y - 0.38, y + 0.38, color=COLOURS[i % len(COLOURS)], linewidth=0.8)
    axes.set_yticks(
        [len(rows) - 1 - i for i in range(len(rows))],
        [f"{_label(row.label)}\n({len(row.positions):,})" for row in rows],
    )
    axes.set_ylim(-0.6, len(rows) - 0.4)
    axes.set_xlim(0, max(1, result.total_chars))
    # Years mark the axis; a corpus of a year or two is marked by its months.
    marks = list(result.years) if len(result.years) > 2 else list(result.months or result.years)
    for _, start in marks:
        axes.axvline(start, color="#cccccc", linewidth=0.6, zorder=0)
    if len(marks) > 13:
        marks = marks[:: math.ceil(len(marks) / 12)]
    axes.set_xticks([start for _, start in marks], [name for name, _ in marks])
    axes.spines["left"].set_visible(False)
    axes.tick_params(axis="y", length=0)
    _words(figure, axes, words)


def draw_tag_frequencies(
    figure: Figure,
    result: TagFrequencies,
    words: ChartWords,
    coder_names: Sequence[str] = (),
    *,
    grow: bool = True,
) -> None:
    """Horizontal bars, one per tag (sub-tags marked), one bar per coder when by coder.
    With `grow` a long codebook makes the figure taller (a file; on screen the widget sets
    the size)."""
    figure.clear()
    axes = figure.add_subplot()
    count = len(result.tags)
    columns = len(result.coders)
    height = 0.8 / max(1, columns)
    names = list(coder_names) or list(result.coders)
    for j in range(columns):
        values = [row[j] for row in result.counts]
        offset = (j - (columns - 1) / 2) * height
        ys = [count - 1 - i - offset for i in range(count)]
        bars = axes.barh(
            ys,
            values,
            height=height,
            color=COLOURS[j % len(COLOURS)],
            label=_label(names[j]) if columns > 1 else None,
        )
        axes.bar_label(bars, padding=2, fontsize=8)
    axes.set_yticks(
        [count - 1 - i for i in range(count)],
        [
            # right-aligned labels cannot be indented: a sub-tag is marked └ (one per level)
            "└" * depth + (" " if depth else "") + _label(tag.name)
            for tag, depth in zip(result.tags, result.depths, strict=True)
        ],
    )
    axes.set_ylim(-0.6, max(0, count - 1) + 0.6)
    from matplotlib.ticker import MaxNLocator

    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.grid(axis="x", color="#dddddd", linewidth=0.8)
    axes.set_axisbelow(True)
    if columns > 1:
        axes.legend(title=words.legend_title or None, frameon=False, loc="lower right")
    _words(figure, axes, words)
    if grow and count > 14:
        figure.set_size_inches(SIZE[0], min(30.0, 1.5 + 0.32 * count), forward=False)


def save_chart(figure: Figure, path: Path) -> None:
    """Write the figure as PNG or SVG, by the path's suffix (ValueError for another)."""
    suffix = path.suffix.lower()
    if suffix not in CHART_SUFFIXES:
        raise ValueError(f"a chart is written as .png or .svg, not “{path.suffix}”")
    figure.savefig(path, format=suffix[1:])
