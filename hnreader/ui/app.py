"""Starting the desktop app: logging, translations, fonts, error dialogs, the first window."""

from __future__ import annotations

import logging
import logging.handlers
import sqlite3
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from hnreader import __version__, paths
from hnreader.core import safekeeping
from hnreader.core.models import ErrorCode, HnreaderError, StoreError
from hnreader.core.project import Project, Segmenter, describe_failure, shared_dictionaries
from hnreader.ui.common.error_messages import user_message
from hnreader.ui.common.plain_text import rich_text, visible_controls
from hnreader.ui.common.settings import Settings
from hnreader.ui.project.project_safety import RecoveryChoice, ask_recovery

log = logging.getLogger("hnreader")

UI_FONT_FAMILIES = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
    "sans-serif",
]


def setup_logging() -> Path:
    log_file = paths.log_dir() / "hnreader.log"
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_file


def ui_language(settings: Settings) -> str:
    """ "zh_CN" or "en": the preference, or the system locale when set to follow it."""
    if settings.language in ("zh_CN", "en"):
        return settings.language
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    if language == "en":
        return []
    installed = []
    ours = QTranslator(app)
    if ours.load(str(paths.resources_dir() / "translations" / f"hnreader_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("hnreader")
    app.setApplicationDisplayName("hnreader")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("hnreader")
    icon = paths.resources_dir() / "icons" / "hnreader.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    font = QFont(app.font())
    font.setFamilies([*UI_FONT_FAMILIES, *font.families()])
    app.setFont(font)
    return app


def _excepthook(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Unexpected errors: details to the log, a plain message to the user, no traceback."""
    log.error("unexpected error", exc_info=(kind, error, trace))
    if QApplication.instance() is None:
        return
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("hnreader")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        QApplication.translate("app", "Something went wrong: %1").replace(
            "%1", visible_controls(str(error))
        )
        if isinstance(error, HnreaderError)
        else QApplication.translate(
            "app", "Something unexpected went wrong. Your saved work is safe."
        )
    )
    box.setInformativeText(
        QApplication.translate("app", "Details are in the log: %1").replace(
            "%1", str(paths.log_dir() / "hnreader.log")
        )
    )
    box.exec()


def open_project_window(
    project_path: str | None, settings: Settings, segmenter: Segmenter
) -> object:
    """Open a project (default: the user's default project) in a new main window.

    Each window's project gets a segmenter of its own (`fresh()`: the dictionaries are
    shared, the user words are the project's), so no project's words reach another."""
    from hnreader.ui.main_window import MainWindow

    path = Path(project_path) if project_path else paths.default_project_path()
    try:
        project = Project.open(path, segmenter=segmenter.fresh(), coder=settings.coder)
    except HnreaderError as error:
        if error.code != ErrorCode.EMPTY_FILE or not _create_in_empty_file(path):
            raise
        project = Project.open(
            path, segmenter=segmenter.fresh(), coder=settings.coder, initialize_empty=True
        )
    if project.read_only_reason == "damaged":
        project = _recover(project, settings, segmenter)
    try:
        window = MainWindow(project, settings, is_default=project_path is None)
    except sqlite3.DatabaseError as error:  # too damaged to list its articles
        project.close()
        raise describe_failure(error, project.path) from None
    window.show()
    window.start_up()
    return window


def _recover(project: Project, settings: Settings, segmenter: Segmenter) -> Project:
    """A project found damaged on open: restore its newest backup, salvage it into a new
    file, or open it read-only, as the user chooses."""
    choice = ask_recovery(project)
    path = project.path
    if choice == RecoveryChoice.OPEN:
        return project
    project.close()
    if choice == RecoveryChoice.RESTORE:
        newest = next(b for b in safekeeping.list_backups(path) if b.verified)
        safekeeping.restore_backup(newest.path, path)
        return Project.open(path, segmenter=segmenter.fresh(), coder=settings.coder)
    if choice == RecoveryChoice.SALVAGE:
        target, _ = QFileDialog.getSaveFileName(
            None,
            QApplication.translate("recovery", "Salvage into a new project file"),
            str(path.with_name(path.stem + "-rescued.sqlite")),
            QApplication.translate("recovery", "hnreader projects (*.sqlite)"),
        )
        if target:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                report = safekeeping.salvage(path, Path(target))
            finally:
                QApplication.restoreOverrideCursor()
            lost = report.lost_annotations or 0
            QMessageBox.information(
                None,
                "hnreader",
                rich_text(
                    QApplication.translate(
                        "recovery",
                        "What could be read was copied into %1; %2 annotation(s) could not be "
                        "rescued. The new project opens now.",
                    )
                    .replace("%1", target)
                    .replace("%2", str(lost))
                ),
            )
            return Project.open(Path(target), segmenter=segmenter.fresh(), coder=settings.coder)
    raise StoreError(
        f"{path.name} is damaged and was not opened; nothing was changed.",
        code=ErrorCode.DAMAGED,
        path=str(path),
    )


def _create_in_empty_file(path: Path) -> bool:
    """A 0-byte file is never silently made a project: the user is asked first."""
    answer = QMessageBox.question(
        None,
        "hnreader",
        rich_text(
            QApplication.translate(
                "app",
                "%1 is empty (0 bytes): it holds no project. Create a new, empty project in "
                "this file?",
            ).replace("%1", str(path))
        ),
    )
    return answer == QMessageBox.StandardButton.Yes


# Windows opened from another window (Open Project, Restore) are kept here while they are
# open; each forgets itself when it closes.
_open_windows: list[QWidget] = []


def remember_window(window: QWidget) -> None:
    """Keep a window opened from another one alive until it is closed (then deleted)."""
    _open_windows.append(window)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.destroyed.connect(lambda *_: _forget_window(window))


def _forget_window(window: QWidget) -> None:
    if window in _open_windows:
        _open_windows.remove(window)


def run_app(project_path: str | None = None) -> int:
    setup_logging()
    log.info("hnreader %s starting", __version__)
    app = create_application()
    settings = Settings()
    translators = install_translations(app, ui_language(settings))
    sys.excepthook = _excepthook
    segmenter = shared_dictionaries()
    try:
        window = open_project_window(project_path, settings, segmenter)
    except HnreaderError as error:
        QMessageBox.critical(None, "hnreader", rich_text(user_message(error)))
        return 1
    code = app.exec()
    del window, translators
    return code
