"""Why a line was set aside on import, in the UI language: the core records a reason code
("navigation", "repeated in other files", …) with each set-aside line."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def reason_text(reason: str) -> str:
    """The reader's words for a set-aside line's reason; an unknown code is shown as it is."""
    translate = QCoreApplication.translate
    texts = {
        "navigation": translate("removed", "navigation"),
        "breadcrumb": translate("removed", "breadcrumb"),
        "search box": translate("removed", "search box"),
        "hotline": translate("removed", "hotline"),
        "share buttons": translate("removed", "share buttons"),
        "pager": translate("removed", "pager"),
        "related links": translate("removed", "related links"),
        "editor credit": translate("removed", "editor credit"),
        "copyright": translate("removed", "copyright"),
        "advert": translate("removed", "advert"),
        "site notice": translate("removed", "site notice"),
        "link": translate("removed", "link"),
        "rule": translate("removed", "rule"),
        "picture": translate("removed", "picture"),
        "caption": translate("removed", "caption"),
        "page line": translate("removed", "page line"),
        "table of contents": translate("removed", "table of contents"),
        "front matter": translate("removed", "front matter"),
        "trailing links": translate("removed", "trailing links"),
        "heading without text": translate("removed", "heading without text"),
        "jump line": translate("removed", "jump line"),
        "end mark": translate("removed", "end mark"),
        "metadata": translate("removed", "metadata"),
        "repeated in other files": translate("removed", "repeated in other files of the import"),
    }
    return texts.get(reason, reason)
