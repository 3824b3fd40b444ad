"""The tables of a merge report: counts per kind, and what found no place here."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from hnreader.core.merge import Counts, MergeReport, Orphan
from hnreader.ui.common.table_views import RowsTableModel

ModelIndex = QModelIndex | QPersistentModelIndex


class CountsModel(RowsTableModel[tuple[str, Counts]]):
    """One row per kind: added, of which re-anchored, skipped as duplicates, orphaned."""

    COLUMN_COUNT = 5

    def set_report(self, report: MergeReport | None) -> None:
        if report is None:
            self.set_rows([])
            return
        self.set_rows(
            [
                (QCoreApplication.translate("MergeReport", "Annotations"), report.annotations),
                (QCoreApplication.translate("MergeReport", "Memos"), report.memos),
            ]
        )

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [
                QCoreApplication.translate("MergeReport", "Kind"),
                QCoreApplication.translate("MergeReport", "Added"),
                QCoreApplication.translate("MergeReport", "of which re-anchored"),
                QCoreApplication.translate("MergeReport", "Skipped (duplicates)"),
                QCoreApplication.translate("MergeReport", "Orphaned"),
            ][section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        name, counts = self.row(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            values = [counts.added, counts.reanchored, counts.skipped, counts.orphaned]
            return name if index.column() == 0 else f"{values[index.column() - 1]:,}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class OrphansModel(RowsTableModel[Orphan]):
    """Annotations and memos of the other project that were not placed here."""

    COLUMN_COUNT = 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [
                QCoreApplication.translate("MergeReport", "Kind"),
                QCoreApplication.translate("MergeReport", "Coder"),
                QCoreApplication.translate("MergeReport", "Article"),
                QCoreApplication.translate("MergeReport", "Tags"),
                QCoreApplication.translate("MergeReport", "Text"),
            ][section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        orphan = self.row(index.row())
        kind = (
            QCoreApplication.translate("MergeReport", "Annotation")
            if orphan.kind == "annotation"
            else QCoreApplication.translate("MergeReport", "Memo")
        )
        text = " ".join(orphan.text.split())  # one line in the table; plain text always
        return [kind, orphan.coder, orphan.article_title, ", ".join(orphan.tags), text][
            index.column()
        ]
