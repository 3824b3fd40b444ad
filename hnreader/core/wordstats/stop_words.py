"""The shipped Chinese stop-word list and a project's additions and removals."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from hnreader import paths


@lru_cache(maxsize=4)
def shipped_stop_words(path: Path | None = None) -> frozenset[str]:
    """The words of the list in resources/stopwords (one a line, # comments)."""
    source = path or paths.stop_words_path()
    lines = source.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def effective_stop_words(overrides: Mapping[str, bool]) -> frozenset[str]:
    """The shipped list with the project's own words added (True) and taken out (False)."""
    added = {w for w, stop in overrides.items() if stop}
    removed = {w for w, stop in overrides.items() if not stop}
    return frozenset((shipped_stop_words() | added) - removed)
