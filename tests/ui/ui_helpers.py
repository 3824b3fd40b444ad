"""Helpers shared by the widget tests (importable: pytest puts this folder on sys.path)."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def type_text(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """ASCII as key presses, Chinese as an input method commits it (QTest types ASCII only)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def open_window(project, settings, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    """A started main window whose message boxes are recorded in `window.messages` (text
    and informative text) instead of blocking the offscreen test."""
    from hnreader.ui.main_window import MainWindow

    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: shown.append(f"{box.text()}\n{box.informativeText()}") or 0
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]) or 0)
    main = MainWindow(project, settings)
    main.messages = shown  # type: ignore[attr-defined]
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.start_up()
    return main
