"""Running a correction from the app: its undo step through the controller, and what
happened to the annotations reported in the status bar (issue 13, item 6)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from hnreader.core.anchoring import AnchorCounts
from hnreader.core.corrections import Correction
from hnreader.ui.project.project_controller import ProjectController


def counts_text(counts: AnchorCounts) -> str:
    """What a correction did to the annotations, in the UI language."""
    translate = QCoreApplication.translate
    if not counts.total:
        return translate("Corrections", "Done; no annotations were affected.")
    text = (
        translate("Corrections", "Annotations: %1 stayed, %2 moved, %3 re-anchored, %4 orphaned")
        .replace("%1", str(counts.stayed))
        .replace("%2", str(counts.moved))
        .replace("%3", str(counts.reanchored))
        .replace("%4", str(counts.orphaned))
    )
    if counts.orphaned:
        text += translate("Corrections", " (Article ▸ Orphaned Annotations…)")
    return text


def run_correction(
    controller: ProjectController, action: Callable[[], Correction]
) -> Correction | None:
    """Run a correction as one user action; its counts go to `controller.status_reported`."""
    done: list[Correction] = []

    def step():  # type: ignore[no-untyped-def]
        correction = action()
        done.append(correction)
        return correction.change

    controller.run(step)
    if done:
        controller.status_reported.emit(counts_text(done[0].counts))
        return done[0]
    return None


def add_exclusion_actions(
    menu: QMenu, controller: ProjectController, article_ids: list[int], excluded: bool
) -> None:
    """Exclude (or Include, for an excluded article) the chosen articles."""
    translate = QCoreApplication.translate
    project = controller.project
    if excluded:
        label = translate("Corrections", "Include Again")
        action = partial(project.include_articles, article_ids)
    else:
        label = (
            translate("Corrections", "Exclude from Search and Export")
            if len(article_ids) == 1
            else translate("Corrections", "Exclude %1 Articles").replace(
                "%1", str(len(article_ids))
            )
        )
        action = partial(project.exclude_articles, article_ids)
    item = menu.addAction(label, partial(controller.run, action))
    item.setEnabled(not project.read_only)
