"""Code-point offsets (the store's) ↔ UTF-16 positions (Qt's) for one text."""

from __future__ import annotations

from bisect import bisect_left


class PositionMap:
    """Converts offsets for one text; build it once per text, conversions are O(log n).

    Python counts code points, Qt counts UTF-16 units: 𠮷 (U+20BB7) is 1 in Python and 2 in
    Qt, so every non-BMP character before a position shifts it by one. Only the positions of
    the non-BMP characters are kept, which makes the map tiny for ordinary Chinese text.
    """

    __slots__ = ("_astral_cp", "_astral_qt", "cp_length", "qt_length")

    def __init__(self, text: str) -> None:
        # Fast path: most texts have no non-BMP character at all (checked in C).
        astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if _has_astral(text) else []
        self._astral_cp: list[int] = astral
        # Qt position of the i-th non-BMP character: its code-point offset plus the i before it.
        self._astral_qt: list[int] = [cp + i for i, cp in enumerate(astral)]
        self.cp_length = len(text)
        self.qt_length = len(text) + len(astral)

    @property
    def has_astral(self) -> bool:
        return bool(self._astral_cp)

    def to_qt(self, cp: int) -> int:
        """The Qt (UTF-16) position of code-point offset `cp` (clamped to the text)."""
        cp = max(0, min(cp, self.cp_length))
        return cp + bisect_left(self._astral_cp, cp)

    def to_cp(self, qt: int) -> int:
        """The code-point offset of Qt position `qt`; inside a surrogate pair, the pair's start."""
        qt = max(0, min(qt, self.qt_length))
        return qt - bisect_left(self._astral_qt, qt)

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

    def span_to_cp(self, start: int, end: int) -> tuple[int, int]:
        """A Qt span in code points; an end inside a surrogate pair takes the whole character."""
        cp_start = self.to_cp(start)
        cp_end = self.to_cp(end)
        if self.to_qt(cp_end) < min(end, self.qt_length):
            cp_end += 1
        return cp_start, cp_end


def _has_astral(text: str) -> bool:
    # utf-16-le length is 2 bytes per BMP character, 4 per non-BMP one; cheap in C.
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)
