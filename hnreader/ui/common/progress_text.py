"""What a long job's progress stage says to the user, in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hnreader.core.models import Stage
from hnreader.ui.common.plain_text import visible_controls


def stage_text(stage: str, item: str = "") -> str:
    """The progress dialog's line for a stage (and the file or thing it is at); "" keeps
    the dialog's title line for stages that say nothing more."""
    translate = QCoreApplication.translate
    if stage == Stage.IMPORTING and item:
        return translate("progress", "Importing %1").replace("%1", visible_controls(item))
    if stage == Stage.UPGRADING and item:
        return translate("progress", "Upgrading a copy of %1").replace("%1", visible_controls(item))
    if stage == Stage.READING and item:
        return translate("progress", "Reading %1").replace("%1", visible_controls(item))
    texts = {
        Stage.IMPORTING: translate("progress", "Importing"),
        Stage.STARTING: translate("progress", "Starting worker processes"),
        Stage.READING: translate("progress", "Reading the files"),
        Stage.INDEXING: translate("progress", "Updating the search index"),
        Stage.EXPORTING: translate("progress", "Exporting"),
        Stage.BACKING_UP: translate("progress", "Backing up"),
        Stage.UPGRADING: translate("progress", "Upgrading a copy of the file"),
        Stage.SALVAGING: translate("progress", "Rescuing what can be read"),
        Stage.ANALYSING: translate("progress", "Analysing the codes"),
        Stage.DONE: translate("progress", "Done"),
        Stage.CANCELLED: translate("progress", "Cancelled"),
    }
    return texts.get(stage, "")
