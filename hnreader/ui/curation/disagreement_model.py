"""The list of disagreements: article, tag, what each coder did, the consensus so far."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from hnreader.core.curation import Disagreement
from hnreader.ui.common.table_views import RowsTableModel

ModelIndex = QModelIndex | QPersistentModelIndex
ARTICLE, TAG, CODER_A, CODER_B, CONSENSUS = range(5)


class DisagreementModel(RowsTableModel[Disagreement]):
    COLUMN_COUNT = 5

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.titles: Mapping[int, str] = {}
        self.coders = ("", "")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [
                QCoreApplication.translate("Disagreements", "Article"),
                QCoreApplication.translate("Disagreements", "Tag"),
                self.coders[0],
                self.coders[1],
                QCoreApplication.translate("Disagreements", "Consensus"),
            ][section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self.row(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == ARTICLE:
                return self.titles.get(d.article_id, str(d.article_id))
            if column == TAG:
                return d.tag_path
            coded = {CODER_A: d.a_coded, CODER_B: d.b_coded}.get(column)
            if coded is not None:
                return QCoreApplication.translate("Disagreements", "coded") if coded else "—"
            return (
                QCoreApplication.translate("Disagreements", "coded") if d.consensus_spans else "—"
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= CODER_A:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
