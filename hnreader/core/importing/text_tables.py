"""Tables saved as text, one cell per line (a statistics bulletin's 主要工业产品产量 / 产品名称 /
计量单位 / 产量 / 较上年±% / 饮料酒 / 千升 / 15767 / 18.64 …): their cells are short lines that
look like headlines or menu entries, but they are the article's data. A run of `TABLE_RUN` or
more short lines of which at least a third are numbers is a table: its lines are body text, so
no cell opens an article and no rule for web chrome takes it."""

from __future__ import annotations

import re

from hnreader.core.importing.news_lines import BODY, HEAD, SourceLine

TABLE_RUN = 6
CELL_CHARS = 16
TABLE_CELL = "table cell"  # the `reason` of a body line that is a table's cell
_NUMBER_CELL = re.compile(r"^[-+−±]?\d[\d.,，%‰:]+$")  # two characters or more: 15767, 18.64


def mark_table_cells(lines: list[SourceLine]) -> None:
    """Make the cells of every text table body lines (see above)."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _cell(lines[j]):
            j += 1
        run = lines[i:j]
        numbers = sum(1 for line in run if _NUMBER_CELL.match(line.folded))
        if len(run) >= TABLE_RUN and 3 * numbers >= len(run):
            for line in run:
                line.kind, line.reason = BODY, TABLE_CELL
        i = max(j, i + 1)


def _cell(line: SourceLine) -> bool:
    return line.kind in (HEAD, BODY) and not line.heading and len(line.folded) <= CELL_CHARS
