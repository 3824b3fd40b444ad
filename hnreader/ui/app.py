"""Starting the desktop app: logging, translations, fonts, error dialogs, the first window."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from functools import partial
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from hnreader import __version__, paths
from hnreader.core.models import HnreaderError
from hnreader.core.project import shared_dictionaries
from hnreader.ui.common.error_messages import user_message
from hnreader.ui.common.plain_text import rich_text, visible_controls
from hnreader.ui.common.settings import Settings
from hnreader.ui.main_window import MainWindow
from hnreader.ui.project.welcome_dialog import welcome_if_first_start
from hnreader.ui.windows import WindowManager

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
    icon = paths.app_icon()
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


def run_app(project_path: str | None = None) -> int:
    setup_logging()
    log.info("hnreader %s starting", __version__)
    app = create_application()
    settings = Settings()
    translators = install_translations(app, ui_language(settings))
    sys.excepthook = _excepthook
    windows = WindowManager(settings, shared_dictionaries())
    try:
        window = windows.open(project_path)
    except HnreaderError as error:
        QMessageBox.critical(None, "hnreader", rich_text(user_message(error)))
        return 1
    # Once the window is up: the first start's welcome, which asks for the coder name.
    QTimer.singleShot(0, partial(_welcome, window, settings))
    code = app.exec()
    del windows, translators
    return code


def _welcome(window: MainWindow, settings: Settings) -> None:
    if welcome_if_first_start(window, settings, bundled=window.is_default):
        window.project.coder = settings.coder
