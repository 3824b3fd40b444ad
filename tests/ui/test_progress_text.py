"""Progress reports carry a stage and counts; the UI words the stage."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget

from hnreader.core.models import Stage
from hnreader.ui.common.progress_text import stage_text
from hnreader.ui.common.task_runner import TaskRunner


def test_every_stage_has_words_and_the_item_is_shown_plainly(qapp):
    for name, stage in vars(Stage).items():
        if not name.startswith("_"):
            assert stage_text(stage), stage
    assert stage_text(Stage.IMPORTING, "湖南.txt") == "Importing 湖南.txt"
    assert "\u202e" not in stage_text(Stage.IMPORTING, "湖南\u202e.txt")
    assert stage_text("unknown") == ""


def test_the_progress_dialog_shows_the_stage_and_counts(qtbot, qapp):
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent)
    release = threading.Event()

    def work(progress, is_cancelled):
        progress(1, 4, Stage.IMPORTING, "一.txt")
        release.wait(10)
        return "ok"

    runner.start("Importing…", work)
    dialog = runner._dialog
    try:
        qtbot.waitUntil(lambda: dialog.labelText() == "Importing 一.txt", timeout=5000)
        assert (dialog.value(), dialog.maximum()) == (1, 4)
    finally:
        release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
