"""The look and behaviour shared by the app's read-only list tables."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableView


def set_up_list_table(
    view: QTableView, *, multi_select: bool = False, row_padding: int = 8
) -> None:
    """Whole-row selection, no editing, no grid, alternating rows, one line per row."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi_select
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + row_padding)
