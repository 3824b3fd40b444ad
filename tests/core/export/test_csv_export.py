"""Tests for spreadsheet-safe CSV writing."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from hnreader.core.export.csv_writer import (
    MAX_CELL_CHARS,
    TRUNCATION_MARKER,
    ExportCancelled,
    ExportError,
    neutralise_cell,
    write_csv,
)
from hnreader.core.models import HnreaderError

BOM = b"\xef\xbb\xbf"
HEADER = ("id", "title", "value")


def read_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream))


def write(path: Path, rows: Iterable[Sequence[object]], **kwargs: Any) -> int:
    return write_csv(path, HEADER, rows, numeric_columns={"id", "value"}, **kwargs)


# --- neutralise_cell ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell",
    ["=SUM(A1:A2)", "+1", "-1+2", "-", "@cmd", "\tx", "\rx", "＝１+１", "＋1", "－1", "＠x"],
)
def test_formula_looking_cells_get_an_apostrophe(cell: str) -> None:
    assert neutralise_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["", "湖南日报", "a=b", " =1", "'already", "13.43%", "1-2"])
def test_other_cells_are_unchanged(cell: str) -> None:
    assert neutralise_cell(cell) == cell


# --- the file -------------------------------------------------------------------------------


def test_bom_crlf_and_row_count(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    assert write(path, [(1, "一", 2.5), (2, "二", None)]) == 2
    data = path.read_bytes()
    assert data.startswith(BOM)
    assert data[len(BOM) :] == "id,title,value\r\n1,一,2.5\r\n2,二,\r\n".encode()


def test_quotes_commas_newlines_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    tricky = 'He said "脱贫", then, later:\nnew line\r\nand CRLF'
    write(path, [(1, tricky, 0)])
    assert read_rows(path)[1] == ["1", tricky, "0"]


def test_pandas_round_trip(tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    path = tmp_path / "out.csv"
    tricky = 'quote " comma , newline \n 𠮷'
    write(path, [(1, tricky, -3.5), (2, "=1+1", 7)])
    frame = pandas.read_csv(path, encoding="utf-8-sig")
    assert list(frame.columns) == list(HEADER)
    assert frame["title"].tolist() == [tricky, "'=1+1"]
    assert frame["value"].tolist() == [-3.5, 7]


def test_formula_cells_in_a_file(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    cells = ['=HYPERLINK("http://x")', "+1", "-", "@a", "\tx", "\rx", "＝1", "＋1", "－1", "＠a"]
    write(path, [(n, cell, n) for n, cell in enumerate(cells)])
    assert [row[1] for row in read_rows(path)[1:]] == ["'" + cell for cell in cells]


def test_numbers_stay_numbers(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    rows: list[tuple[object, ...]] = [
        (-5, "负数", -13.43),
        (7470000, "int", 7470000.0),
        (3, "float", 0.1),
        (4, "string number", "-2.5"),
        (5, "decimal", Decimal("229.6")),
        (6, "not a number", "-1+2"),
        (7, "nan", float("nan")),
        (8, "big", 1e20),
    ]
    write(path, rows)
    lines = path.read_bytes()[len(BOM) :].decode().split("\r\n")
    assert lines[1] == "-5,负数,-13.43"
    assert lines[2] == "7470000,int,7470000"
    assert lines[3] == "3,float,0.1"
    assert lines[4] == "4,string number,-2.5"
    assert lines[5] == "5,decimal,229.6"
    assert lines[6] == "6,not a number,'-1+2"  # text in a numeric column is still text
    assert lines[7] == "7,nan,"
    assert float(lines[8].split(",")[2]) == 1e20
    assert '"' not in "".join(lines)


def test_numbers_in_text_columns_are_text(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(path, ("a", "b"), [(-5, None)])
    assert read_rows(path)[1] == ["'-5", ""]


def test_long_cell_is_truncated(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    long_text = "长" * 40_000
    non_bmp = "𠮷" * 20_000  # 40,000 UTF-16 units, as Excel counts
    exact = "x" * MAX_CELL_CHARS
    write(path, [(1, long_text, 0), (2, non_bmp, 0), (3, exact, 0)])
    cells = [row[1] for row in read_rows(path)[1:]]
    assert cells[0].endswith(TRUNCATION_MARKER)
    assert len(cells[0]) == MAX_CELL_CHARS
    assert cells[0].startswith("长" * 30_000)
    assert cells[1].endswith(TRUNCATION_MARKER)
    assert len(cells[1].encode("utf-16-le")) // 2 <= MAX_CELL_CHARS
    assert cells[1][: -len(TRUNCATION_MARKER)] == "𠮷" * len(cells[1][: -len(TRUNCATION_MARKER)])
    assert cells[2] == exact


def test_chinese_and_non_bmp_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "导出.csv"
    text = "𠮷野家：湖南“十八洞村”精准扶贫，脫貧攻堅"
    write(path, [(1, text, 1)])
    assert read_rows(path)[1][1] == text


def test_progress_and_total(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    calls: list[tuple[int, int]] = []
    rows = [(n, "t", n) for n in range(1200)]
    assert write(path, rows, progress=lambda done, total: calls.append((done, total))) == 1200
    assert calls[-1] == (1200, 1200)
    assert all(total == 1200 for _, total in calls)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    generated = ((n, "t", n) for n in range(10))
    calls.clear()
    write(path, generated, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(10, 10)]


def test_cancel_leaves_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_bytes(b"old contents")
    seen = 0

    def rows() -> Iterator[tuple[object, ...]]:
        nonlocal seen
        for n in range(100):
            seen += 1
            yield (n, "t", n)

    with pytest.raises(ExportCancelled):
        write(path, rows(), is_cancelled=lambda: seen >= 5)
    assert issubclass(ExportCancelled, HnreaderError)
    assert path.read_bytes() == b"old contents"
    assert os.listdir(tmp_path) == ["out.csv"]


def test_error_mid_way_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_bytes(b"old contents")

    def rows() -> Iterator[tuple[object, ...]]:
        yield (1, "t", 1)
        raise RuntimeError("store went away")

    with pytest.raises(RuntimeError):
        write(path, rows())
    assert path.read_bytes() == b"old contents"
    assert os.listdir(tmp_path) == ["out.csv"]


def test_replaces_an_existing_file_keeping_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write(path, [(1, "新", 1)])
    assert read_rows(path)[1] == ["1", "新", "1"]
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o640


def test_unwritable_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running with privileges that write to a mode-500 folder (root)")
        with pytest.raises(ExportError, match=r"cannot write export to .*: permission denied"):
            write(folder / "out.csv", [(1, "t", 1)])
    finally:
        folder.chmod(0o700)


def test_unwritable_folder_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same path as above for runs as root, where mode 500 does not stop writing.
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    path = tmp_path / "out.csv"
    path.write_bytes(b"old")
    with pytest.raises(ExportError) as info:
        write(path, [(1, "t", 1)])
    assert str(info.value) == f"cannot write export to {path}: permission denied"
    assert path.read_bytes() == b"old"


def test_missing_folder_and_folder_target(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write(tmp_path / "nowhere" / "out.csv", [])
    with pytest.raises(ExportError, match="is a folder"):
        write(tmp_path, [])


def test_os_errors_become_export_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    path = tmp_path / "out.csv"
    with pytest.raises(ExportError, match=r"cannot write export to .*out\.csv: permission denied"):
        write(path, [(1, "t", 1)])
    assert os.listdir(tmp_path) == []


def test_programming_errors(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not in the header"):
        write_csv(tmp_path / "a.csv", ("a",), [], numeric_columns={"b"})
    with pytest.raises(ValueError, match="row 1 has 2 cells"):
        write_csv(tmp_path / "a.csv", ("a",), [(1, 2)])
    assert os.listdir(tmp_path) == []


def test_header_is_neutralised(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(path, ("=evil", "ok"), [])
    assert io.StringIO(path.read_text(encoding="utf-8-sig")).readline() == "'=evil,ok\n"
