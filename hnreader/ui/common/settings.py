"""UI state and preferences: the only module that constructs QSettings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from hnreader import paths
from hnreader.core.coder_name import has_saved_coder, save_coder, saved_coder

MAX_RECENT = 8


class Settings:
    """Typed access to the app's QSettings (an INI file in the app's data dir)."""

    def __init__(self, file: str | None = None) -> None:
        location = file or str(paths.data_dir() / "settings.ini")
        self._qs = QSettings(location, QSettings.Format.IniFormat)

    def file_name(self) -> str:
        """Where the settings are kept."""
        return self._qs.fileName()

    def _get(self, key: str, default: Any, kind: type) -> Any:
        value = self._qs.value(key, default)
        if kind is bool:
            return value in (True, "true", "1", 1) if not isinstance(value, bool) else value
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default

    def sync(self) -> None:
        self._qs.sync()

    # -- preferences

    @property
    def coder(self) -> str:
        """The coder name, shared with the command line (see `core.coder_name`); one an
        earlier version kept in this file is taken over."""
        earlier = str(self._qs.value("prefs/coder", "") or "").strip()
        if earlier and not has_saved_coder():
            save_coder(earlier)
        return saved_coder()

    @coder.setter
    def coder(self, value: str) -> None:
        save_coder(value)

    @property
    def welcome_shown(self) -> bool:
        return bool(self._get("prefs/welcome_shown", False, bool))

    @welcome_shown.setter
    def welcome_shown(self, value: bool) -> None:
        self._qs.setValue("prefs/welcome_shown", bool(value))

    @property
    def language(self) -> str:
        """ "auto", "zh_CN" or "en"."""
        return str(self._get("prefs/language", "auto", str))

    @language.setter
    def language(self, value: str) -> None:
        self._qs.setValue("prefs/language", value)

    @property
    def font_size(self) -> int:
        return max(9, min(40, int(self._get("reader/font_size", 15, int))))

    @font_size.setter
    def font_size(self, value: int) -> None:
        self._qs.setValue("reader/font_size", int(value))

    @property
    def line_spacing(self) -> int:
        """Line height in percent of the font's line height."""
        return max(100, min(250, int(self._get("reader/line_spacing", 160, int))))

    @line_spacing.setter
    def line_spacing(self, value: int) -> None:
        self._qs.setValue("reader/line_spacing", int(value))

    @property
    def snap_to_words(self) -> bool:
        return bool(self._get("reader/snap_to_words", True, bool))

    @snap_to_words.setter
    def snap_to_words(self, value: bool) -> None:
        self._qs.setValue("reader/snap_to_words", bool(value))

    @property
    def backups_to_keep(self) -> int:
        """How many backups of each project are kept (the newest)."""
        return max(1, min(100, int(self._get("prefs/backups_to_keep", 5, int))))

    @backups_to_keep.setter
    def backups_to_keep(self, value: int) -> None:
        self._qs.setValue("prefs/backups_to_keep", int(value))

    @property
    def show_segmentation(self) -> bool:
        return bool(self._get("reader/show_segmentation", False, bool))

    @show_segmentation.setter
    def show_segmentation(self, value: bool) -> None:
        self._qs.setValue("reader/show_segmentation", bool(value))

    # -- window and session state

    @property
    def geometry(self) -> QByteArray | None:
        value = self._qs.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        value = self._qs.value("window/state")
        return value if isinstance(value, QByteArray) else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._qs.setValue("window/state", value)

    def layout(self, screen: str) -> tuple[QByteArray | None, QByteArray | None]:
        """The window geometry and dock state last saved on a screen of this size ("WxH"),
        else those saved on any screen."""
        saved = [self._qs.value(f"window/{screen}/{part}") for part in ("geometry", "state")]
        if not all(isinstance(value, QByteArray) for value in saved):
            return self.geometry, self.window_state
        return saved[0], saved[1]

    def set_layout(self, screen: str, geometry: QByteArray, state: QByteArray) -> None:
        self.geometry, self.window_state = geometry, state
        if screen:
            self._qs.setValue(f"window/{screen}/geometry", geometry)
            self._qs.setValue(f"window/{screen}/state", state)

    @property
    def recent_projects(self) -> list[str]:
        value = self._qs.value("projects/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or []) if v]

    def add_recent_project(self, path: str) -> None:
        recent = [p for p in self.recent_projects if p != path]
        self._qs.setValue("projects/recent", [path, *recent][:MAX_RECENT])

    def last_article(self, project_path: str) -> int | None:
        value = self._qs.value(f"projects/last_article/{_key(project_path)}")
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def set_last_article(self, project_path: str, article_id: int) -> None:
        self._qs.setValue(f"projects/last_article/{_key(project_path)}", int(article_id))

    def pinned_tags(self, project_path: str) -> list[int]:
        value = self._qs.value(f"projects/pinned_tags/{_key(project_path)}", [])
        if isinstance(value, str):
            value = [value]
        out = []
        for item in value or []:
            try:
                out.append(int(item))
            except (TypeError, ValueError):
                continue
        return out

    def set_pinned_tags(self, project_path: str, tag_ids: list[int]) -> None:
        self._qs.setValue(f"projects/pinned_tags/{_key(project_path)}", [str(t) for t in tag_ids])

    def read_articles(self, project_path: str) -> set[int]:
        value = self._qs.value(f"projects/read/{_key(project_path)}", "")
        return {int(x) for x in str(value).split(",") if x.strip().isdigit()}

    def mark_read(self, project_path: str, article_id: int) -> None:
        """Where versions before 0.2 kept read marks (now in the project file)."""
        read = self.read_articles(project_path) | {article_id}
        self._qs.setValue(
            f"projects/read/{_key(project_path)}", ",".join(str(x) for x in sorted(read))
        )

    def forget_read_articles(self, project_path: str) -> None:
        self._qs.remove(f"projects/read/{_key(project_path)}")


def _key(project_path: str) -> str:
    import hashlib

    return hashlib.sha1(project_path.encode("utf-8")).hexdigest()[:16]
