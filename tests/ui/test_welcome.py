"""The first start's welcome: what the bundled corpus is, how to begin, the coder name asked
once and shared with the command line."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from hnreader import paths
from hnreader.core.coder_name import saved_coder
from hnreader.ui.project import welcome_dialog
from hnreader.ui.project.welcome_dialog import WelcomeDialog, welcome_if_first_start


def test_the_welcome_explains_and_keeps_the_coder_name(qtbot, settings) -> None:
    dialog = WelcomeDialog(settings, bundled=True)
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "bundled corpus" in text and "Import Files" in text and "Ctrl+T" in text
    assert dialog.coder_edit.text() == saved_coder()  # the login name until one is chosen
    dialog.coder_edit.setText("  王  芳 ")
    dialog.accept()
    assert settings.coder == "王 芳" == saved_coder()
    assert paths.coder_file().read_text(encoding="utf-8").strip() == "王 芳"
    assert settings.welcome_shown


def test_the_welcome_shows_once_unless_asked_for(qtbot, settings, monkeypatch) -> None:
    shown: list[WelcomeDialog] = []

    def exec_(dialog: WelcomeDialog) -> int:
        shown.append(dialog)
        dialog.reject()  # Esc: dismissed
        return 0

    monkeypatch.setattr(WelcomeDialog, "exec", exec_)
    assert welcome_if_first_start(None, settings, bundled=False) is True
    assert "bundled corpus" not in welcome_dialog.welcome_text(bundled=False)
    assert welcome_if_first_start(None, settings, bundled=False) is False
    assert len(shown) == 1
    settings.welcome_shown = False
    monkeypatch.setattr(
        WelcomeDialog,
        "exec",
        lambda dialog: (dialog.again_box.setChecked(True), dialog.accept(), 1)[-1],
    )
    welcome_if_first_start(None, settings, bundled=True)
    assert not settings.welcome_shown  # "Show this at start" kept ticked


def test_a_name_from_an_earlier_version_is_taken_over(settings) -> None:
    settings._qs.setValue("prefs/coder", "李四")
    assert settings.coder == "李四" == saved_coder()
