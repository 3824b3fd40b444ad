"""The words of the Trends tab's charts (title, axes, notes) in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QObject

from hnreader.charts.drawing import ChartWords
from hnreader.core.trends.dispersion import Dispersion
from hnreader.core.trends.series import TAG, Trend
from hnreader.core.trends.tag_counts import TagFrequencies
from hnreader.ui.common.plain_text import visible_controls


class ChartWording(QObject):
    def _what(self, labels: list[str]) -> str:
        return self.tr(", ").join(f"“{visible_controls(label)}”" for label in labels)

    def _period(self, by: str) -> str:
        return {"month": self.tr("Month"), "quarter": self.tr("Quarter")}.get(by, self.tr("Year"))

    def trend(self, trend: Trend, per: int) -> ChartWords:
        tags = bool(trend.series) and trend.series[0].kind == TAG
        titles = {
            (False, False, "month"): self.tr("%1: hits per month"),
            (False, False, "quarter"): self.tr("%1: hits per quarter"),
            (False, False, "year"): self.tr("%1: hits per year"),
            (False, True, "month"): self.tr("%1: hits per 10,000 characters, by month"),
            (False, True, "quarter"): self.tr("%1: hits per 10,000 characters, by quarter"),
            (False, True, "year"): self.tr("%1: hits per 10,000 characters, by year"),
            (True, False, "month"): self.tr("%1: passages per month"),
            (True, False, "quarter"): self.tr("%1: passages per quarter"),
            (True, False, "year"): self.tr("%1: passages per year"),
            (True, True, "month"): self.tr("%1: passages per 10,000 characters, by month"),
            (True, True, "quarter"): self.tr("%1: passages per 10,000 characters, by quarter"),
            (True, True, "year"): self.tr("%1: passages per 10,000 characters, by year"),
        }
        if tags:
            y_axis = self.tr("Passages") if not per else self.tr("Passages per 10,000 characters")
        else:
            y_axis = self.tr("Hits") if not per else self.tr("Hits per 10,000 characters")
        title = titles[(tags, bool(per), trend.by)].replace(
            "%1", self._what([s.label for s in trend.series])
        )
        return ChartWords(title, self._period(trend.by), y_axis, self.undated_note(trend))

    def undated_note(self, trend: Trend) -> str:
        if not trend.undated_articles:
            return ""
        counts = self.tr(", ").join(
            f"{visible_controls(s.label)} {s.undated}" for s in trend.series
        )
        return self.tr(
            "Not charted: %n article(s) without a date fine enough for the period (%1)",
            "",
            trend.undated_articles,
        ).replace("%1", counts)

    def trend_summary(self, trend: Trend) -> str:
        tags = bool(trend.series) and trend.series[0].kind == TAG
        parts = [
            (self.tr("%1: %2 passage(s)") if tags else self.tr("%1: %2 hit(s)"))
            .replace("%1", visible_controls(s.label))
            .replace("%2", f"{s.total:,}")
            for s in trend.series
        ]
        # The chart itself says what it leaves out (undated_note).
        return self.tr("; ").join(parts)

    def dispersion(self, result: Dispersion) -> ChartWords:
        title = self.tr("Dispersion of %1 across the corpus").replace(
            "%1", self._what([row.label for row in result.rows])
        )
        x_axis = (
            self.tr("The articles in date order (%1 articles, %2 characters)")
            .replace("%1", f"{len(result.article_ids):,}")
            .replace("%2", f"{result.total_chars:,}")
        )
        return ChartWords(title, x_axis, "", self._dispersion_note(result))

    def _dispersion_note(self, result: Dispersion) -> str:
        undated = sum(row.undated_hits for row in result.rows)
        if not result.undated_articles:
            return ""
        return self.tr(
            "Not shown: %1 hit(s) in %n article(s) without a date", "", result.undated_articles
        ).replace("%1", str(undated))

    def dispersion_summary(self, result: Dispersion) -> str:
        parts = [
            self.tr("%1: %2 hit(s) in %3 article(s)")
            .replace("%1", visible_controls(row.label))
            .replace("%2", f"{len(row.positions):,}")
            .replace("%3", f"{row.articles:,}")
            for row in result.rows
        ]
        return self.tr("; ").join(parts) + self.tr(". Click a tick to open the article there.")

    def tags(self, result: TagFrequencies) -> ChartWords:
        title = (
            self.tr("Passages per tag and coder")
            if len(result.coders) > 1
            else self.tr("Passages per tag")
        )
        return ChartWords(
            title,
            self.tr("Passages"),
            "",
            legend_title=self.tr("Coder") if len(result.coders) > 1 else "",
        )
