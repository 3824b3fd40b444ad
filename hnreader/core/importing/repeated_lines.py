"""Site chrome learned within one import: a line that recurs in several files of the import.

Pages saved from one site repeat its chrome — the link bar, "当前位置：首页 > 新闻中心", "扫一扫在
手机打开当前页", the footer with its ICP number — in every file, while an article's own lines
occur in one file (the way jusText and boilerpipe find boilerplate by duplicate detection). So
an import first counts, for every line, the files it occurs in (`RepeatedLines`), and the
splitter sets aside a headline-like or body line that occurs in `MIN_FILES` or more files,
unless it looks like content shared by two copies of one report:

- a line that ends like a sentence (body text, quoted in several reports) is never chrome;
- nor a table's cell (see `text_tables`), a numbered item ("一、主要任务"), a Markdown
  heading, or a digest heading (国内联播快讯), which the splitter's own rules read;
- nor a line whose neighbour is a repeated sentence: two files that carry the same report
  share its headline and its sentences, and that headline is not chrome.

Lines are counted by an 8-byte digest of their stripped text (stable across processes, unlike
`hash()`), and only lines of up to `COUNTED_CHARS` characters, so memory stays bounded.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from hashlib import blake2b
from pathlib import Path

from hnreader.core.importing.markup import is_digest_heading
from hnreader.core.importing.news_lines import (
    BODY,
    BOILERPLATE,
    HEAD,
    SourceLine,
    ends_like_sentence,
    is_enumerated,
)
from hnreader.core.importing.text_tables import TABLE_CELL
from hnreader.core.models import HnreaderError, Progress, Stage
from hnreader.core.text.decoding import read_text_file
from hnreader.core.text.safety import display_file_name

MIN_FILES = 3  # a line in this many files of one import is chrome (when nothing says otherwise)
CHROME_CHARS = 80  # the longest line that can be chrome
COUNTED_CHARS = 400  # the longest line counted (longer lines are body text, never chrome)
MAX_DISTINCT = 2_000_000  # distinct lines counted at most (about 200 MB of counts)
REASON = "repeated in other files"


def line_key(stripped: str) -> int:
    """The key a stripped line is counted under."""
    data = stripped.encode("utf-8", "surrogatepass")
    return int.from_bytes(blake2b(data, digest_size=8).digest(), "big")


class RepeatedLines:
    """Counts, over the files of one import, in how many files each line occurs."""

    def __init__(self) -> None:
        self._files: Counter[int] = Counter()

    def add_text(self, text: str) -> None:
        keys = {
            line_key(stripped)
            for stripped in (raw.strip() for raw in text.split("\n"))
            if stripped and len(stripped) <= COUNTED_CHARS
        }
        if len(self._files) < MAX_DISTINCT:
            self._files.update(keys)
        else:  # full: count only lines already seen
            self._files.update(k for k in keys if k in self._files)

    def repeated(self) -> frozenset[int]:
        """The keys of lines found in `MIN_FILES` or more files."""
        return frozenset(k for k, files in self._files.items() if files >= MIN_FILES)


def repeated_in_files(
    files: Sequence[Path], progress: Progress, is_cancelled: Callable[[], bool]
) -> frozenset[int]:
    """The lines that recur in several of the files, read once before they are imported (a
    file that cannot be read is left out here and reported when it is imported)."""
    counts = RepeatedLines()
    for done, file in enumerate(files):
        if is_cancelled():
            break
        progress(done, len(files), Stage.READING, display_file_name(file.name))
        with contextlib.suppress(HnreaderError, OSError):
            counts.add_text(read_text_file(file).text)
    return counts.repeated()


def set_aside_repeated(lines: list[SourceLine], repeated: Collection[int]) -> None:
    """Mark the lines of one file that are chrome of its import as boilerplate (see above)."""
    if not repeated:
        return
    keys = [line_key(line.text) if len(line.text) <= COUNTED_CHARS else 0 for line in lines]
    shared = [
        key in repeated and line.kind == BODY and ends_like_sentence(line.folded)
        for key, line in zip(keys, lines, strict=True)
    ]
    for i, line in enumerate(lines):
        if (
            keys[i] in repeated
            and line.kind in (HEAD, BODY)
            and line.reason != TABLE_CELL
            and not line.heading
            and len(line.text) <= CHROME_CHARS
            and not ends_like_sentence(line.folded)
            and not is_enumerated(line.folded)
            and not is_digest_heading(line.folded)
            and not (i > 0 and shared[i - 1])
            and not (i + 1 < len(lines) and shared[i + 1])
        ):
            line.kind, line.reason, line.prefix = BOILERPLATE, REASON, 0
