"""Record files: JSON Lines (one object per line, streamed), a JSON list of objects (read
whole, up to a limit), and XML record files in the style of the Sogou news corpora
(`<doc><url/><docno/><contenttitle/><content/></doc>`, streamed; no root element needed).
Every record's fields are cells by name, as a table's row."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from hnreader.core.importing.formats.columns import unique_names
from hnreader.core.importing.formats.records import Record
from hnreader.core.importing.formats.tables import TABLE_MAX_BYTES, Segment
from hnreader.core.models import ErrorCode, ImportFileError
from hnreader.core.text.streams import TextStream, lines_of

JSON_MAX_BYTES = 100_000_000  # a JSON list is parsed whole: larger ones go as JSON Lines
_PEEK = 200  # records read ahead to learn the columns
MAX_RECORD_CHARS = 32_000_000
RECORD_TAGS = ("doc", "article", "item", "record", "row", "entry", "news")
_RECORD_START = re.compile(r"<(" + "|".join(RECORD_TAGS) + r")(?=[\s>/])[^>]*>", re.I)
_FIELD = re.compile(r"<([A-Za-z_][\w.:-]*)(?:\s[^>]*)?(?:/>|>(.*?)</\1\s*>)", re.S)
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
_DTD = re.compile(r"<!DOCTYPE|<!ENTITY", re.I)


class _Peeked:
    """Records with the columns of the first `_PEEK` of them (later new keys are cells too,
    and become variables)."""

    def __init__(self, records: Iterator[Record]) -> None:
        self._records = records
        self.head = [r for _, r in zip(range(_PEEK), records, strict=False)]
        names: dict[str, None] = {}
        for record in self.head:
            names.update(dict.fromkeys(record.cells))
        self.columns = list(names)

    def __iter__(self) -> Iterator[Record]:
        yield from self.head
        yield from self._records


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "\n".join(value)  # "content": ["paragraph", "paragraph", …]
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _object_cells(item: dict[str, object]) -> dict[str, str]:
    names = unique_names(list(item))
    return {name: _cell(value) for name, value in zip(names, item.values(), strict=True)}


class _RecordText:
    """A record file read as text: its stream (at most `max_bytes`) and the numbers of the
    records that could not be read."""

    max_bytes = TABLE_MAX_BYTES

    def __init__(self, path: Path, name: str) -> None:
        self.path, self.name = path, name
        self.stream = TextStream(path, name, self.max_bytes)
        self.encoding = self.stream.encoding
        self.malformed: list[int] = []
        self.repaired: list[int] = []  # damaged records whose fields could still be read

    def stored_chunks(self, on_bytes: Callable[[int], None] | None = None) -> Iterator[str]:
        return self.stream.chunks(on_bytes)


class JsonLines(_RecordText):
    """One JSON object per line; a line that is not one is left out and noted."""

    unit = "line"
    format = "jsonl"

    def segments(self, chunks: Iterable[str]) -> Iterator[Segment]:
        peeked = _Peeked(self._records(lines_of(chunks, self.name)))
        yield Segment(peeked.columns, iter(peeked))

    def _records(self, lines: Iterable[str]) -> Iterator[Record]:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except (json.JSONDecodeError, RecursionError):
                item = lenient_object(line)
                if item is None:
                    self.malformed.append(number)
                    continue
                self.repaired.append(number)
            if not isinstance(item, dict):
                self.malformed.append(number)
                continue
            yield Record(number, number, number, _object_cells(item))


class JsonList(_RecordText):
    """A JSON list of objects, or an object holding one (`{"data": [...]}`), read whole."""

    unit = "record"
    format = "json"
    max_bytes = JSON_MAX_BYTES

    def segments(self, chunks: Iterable[str]) -> Iterator[Segment]:
        text = "".join(chunks)
        items, starts = self._items(text)
        records = []
        line_starts = _line_starts(text)
        for number, (item, (start, end)) in enumerate(zip(items, starts, strict=True), start=1):
            if item is None and end > start:  # damaged: read field by field if it can be
                item = lenient_object(text[start:end])
                if item is not None:
                    self.repaired.append(number)
            if not isinstance(item, dict):
                self.malformed.append(number)
                continue
            first, last = _line_of(line_starts, start), _line_of(line_starts, end)
            records.append(Record(number, first, last, _object_cells(item)))
        peeked = _Peeked(iter(records))
        yield Segment(peeked.columns, iter(peeked))

    def _array(
        self, decoder: json.JSONDecoder, text: str, start: int
    ) -> tuple[list[object], list[tuple[int, int]]]:
        items, spans, whole = _array_items(decoder, text, start)
        if not whole:  # the record after the last one read is reported as unreadable
            self.malformed.append(len(items) + 1)
        return items, spans

    def _items(self, text: str) -> tuple[list[object], list[tuple[int, int]]]:
        decoder = json.JSONDecoder()
        start = len(text) - len(text.lstrip())
        try:
            if text[start : start + 1] == "[":
                return self._array(decoder, text, start)
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as error:
            inner = _INNER_LIST.search(text, start) if text[start : start + 1] == "{" else None
            if inner is None:
                raise _bad_json(self.name, error) from None
            # {"date": …, "articles": [ … cut off: the records before the cut
            return self._array(decoder, text, inner.end() - 1)
        if isinstance(data, dict):
            for value in data.values():
                if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                    return value, [(0, 0)] * len(value)
        raise ImportFileError(
            f"{self.name}: is JSON but not a list of records (objects with fields such as "
            "title and content); save the records as a list, or as JSON Lines (.jsonl)",
            code=ErrorCode.MALFORMED_FILE,
            file=self.name,
            what="not a list of objects",
        )


_INNER_LIST = re.compile(r'"[^"\n]{1,80}"\s*:\s*\[\s*(?=\{)')


def _array_items(
    decoder: json.JSONDecoder, text: str, start: int
) -> tuple[list[object], list[tuple[int, int]], bool]:
    """The items of a JSON array with where each starts and ends, and whether the array is
    whole: a file cut off (a crawl interrupted, a download cut short) gives the items before
    the cut; JSONDecodeError when not even the first item can be read."""
    items: list[object] = []
    spans: list[tuple[int, int]] = []
    index = start + 1
    whitespace = re.compile(r"[\s,]*")
    while True:
        index = whitespace.match(text, index).end()  # type: ignore[union-attr]
        if index < len(text) and text[index] == "]":
            return items, spans, True
        if index >= len(text) and items:
            return items, spans, True  # unclosed after its last record: nothing is missing
        try:
            if index >= len(text):
                raise json.JSONDecodeError("the list is not closed", text, index)
            item, end = decoder.raw_decode(text, index)
        except json.JSONDecodeError:
            resumed = _next_item(decoder, text, index)
            stop = resumed if resumed is not None else _list_end(text, index)
            damaged = _damaged_spans(text, index, stop) if stop is not None else []
            if not items and not (damaged and lenient_object(text[slice(*damaged[0])])):
                raise  # not even the first record can be read: not a list of records
            if not damaged:
                return items, spans, False
            # The damaged records (an unescaped quote…) before the next readable one: their
            # spans kept, to be read field by field or reported.
            for span in damaged:
                items.append(None)
                spans.append(span)
            if resumed is None:
                return items, spans, True
            index = resumed
            continue
        items.append(item)
        spans.append((index, end))
        index = end


def _next_item(decoder: json.JSONDecoder, text: str, index: int) -> int | None:
    """Where the next readable object of a list starts after a damaged one (an object right
    after a comma), or None; a bounded search, so a hostile file cannot make it slow."""
    for tries, match in enumerate(re.finditer(r",\s*(?=\{)", text[index : index + 2_000_000])):
        if tries >= 2_000:
            return None
        start = index + match.end()
        try:
            item, _end = decoder.raw_decode(text, start)
        except json.JSONDecodeError:
            continue
        if isinstance(item, dict):
            return start
    return None


def _list_end(text: str, start: int) -> int | None:
    """Where the damaged records from `start` to the end of a list end: at its closing ] (or
    at the end of a list left unclosed after a record), None when the list is cut off inside
    a record."""
    tail = text[start:].rstrip()
    if tail.endswith("]"):
        tail = tail[:-1].rstrip()
    tail = tail.removesuffix(",").rstrip()
    return start + len(tail) if tail.endswith("}") else None


_RECORD_BREAK = re.compile(r"\}\s*,\s*(?=\{)")


def _damaged_spans(text: str, start: int, resumed: int) -> list[tuple[int, int]]:
    """The spans of the damaged records between `start` and the next readable record at
    `resumed` (one record, or several in a row), each from its { to its }."""
    end = len(text[start:resumed].rstrip()) + start
    if end > start and text[end - 1] == ",":
        end -= 1
    spans, piece = [], start
    for match in _RECORD_BREAK.finditer(text, start, end):
        spans.append((piece, match.start() + 1))
        piece = match.end()
    spans.append((piece, end))
    return spans


# A key opening a field of a JSON object: at the object's start or after a comma.
_LENIENT_KEY = re.compile(r'(?:^\s*\{|,)\s*"([^"\\\n]{1,80})"\s*:\s*')
_UNESCAPED_QUOTE = re.compile(r'(?<!\\)((?:\\\\)*)"')


def lenient_object(text: str) -> dict[str, object] | None:
    """The fields of a JSON object that is not valid JSON, read field by field: a string
    value with an unescaped quote inside ("title": "失言效應？ 徐重仁\t"\t", as crawlers
    write it) is read up to its last quote before the next field. None when the text is no
    object or fewer than two fields can be read (then it is reported as unreadable)."""
    body = text.strip()
    if not (body.startswith("{") and body.endswith("}")) or len(body) > MAX_RECORD_CHARS:
        return None
    body = body[:-1]
    keys = list(_LENIENT_KEY.finditer(body))
    if len(keys) < 2:
        return None
    item: dict[str, object] = {}
    for key, following in zip(keys, [*keys[1:], None], strict=True):
        raw = body[key.end() : following.start() if following else len(body)].strip()
        value = _lenient_value(raw)
        if value is None:
            return None
        item.setdefault(key.group(1), value)
    return item


def _lenient_value(raw: str) -> object | None:
    try:
        return json.loads(raw)
    except (json.JSONDecodeError, RecursionError):
        pass
    if len(raw) >= 2 and raw.startswith('"') and raw.endswith('"'):
        inner = _UNESCAPED_QUOTE.sub(lambda m: m.group(1) + '\\"', raw[1:-1])
        try:
            return json.loads(f'"{inner}"')
        except json.JSONDecodeError:
            return raw[1:-1]
    return None


def _bad_json(name: str, error: Exception) -> ImportFileError:
    where = getattr(error, "lineno", 0)
    return ImportFileError(
        f"{name}: is not valid JSON ({getattr(error, 'msg', error)}"
        + (f", line {where:,}" if where else "")
        + "); check the file, or save it again from the program that made it",
        code=ErrorCode.MALFORMED_FILE,
        file=name,
        what=str(getattr(error, "msg", error)),
        where=where,
    )


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def _line_of(starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(starts, offset)


class XmlRecords(_RecordText):
    """Records as repeated elements (`<doc>…</doc>`, also article/item/record/row/entry/news)
    whose child elements are the fields. Read as text, not as an XML tree: files of the Sogou
    corpora have no root element and unescaped `&`, and no entity is ever expanded (a file
    declaring entities is refused)."""

    unit = "record"
    format = "xml"

    def stored_chunks(self, on_bytes: Callable[[int], None] | None = None) -> Iterator[str]:
        first = True
        for chunk in self.stream.chunks(on_bytes):
            if first and _DTD.search(chunk[:65536]):
                raise ImportFileError(
                    f"{self.name}: declares a DTD or XML entities, which can expand without "
                    "limit; remove the <!DOCTYPE …> part and import again",
                    code=ErrorCode.XML_ENTITIES,
                    file=self.name,
                )
            first = False
            yield chunk

    def segments(self, chunks: Iterable[str]) -> Iterator[Segment]:
        peeked = _Peeked(self._records(chunks))
        if not peeked.head:
            raise ImportFileError(
                f"{self.name}: holds no records; hnreader reads repeated elements named "
                + ", ".join(f"<{t}>" for t in RECORD_TAGS)
                + " whose child elements are the fields",
                code=ErrorCode.EMPTY_SOURCE,
                file=self.name,
            )
        yield Segment(peeked.columns, iter(peeked))

    def _records(self, chunks: Iterable[str]) -> Iterator[Record]:
        buffer = ""
        buffer_line = 1  # the line number of the buffer's first character
        start_tag: re.Pattern[str] | None = None
        end_tag: re.Pattern[str] | None = None
        number = 0
        for chunk in chunks:
            buffer += chunk
            while True:
                if start_tag is None:
                    found = _RECORD_START.search(buffer)
                    if found is None:
                        buffer, buffer_line = _keep_tail(buffer, buffer_line)
                        break
                    tag = re.escape(found.group(1))
                    start_tag = re.compile(rf"<{tag}(?=[\s>/])[^>]*>", re.I)
                    end_tag = re.compile(rf"</{tag}\s*>", re.I)
                assert end_tag is not None
                start = start_tag.search(buffer)
                if start is None:
                    buffer, buffer_line = _keep_tail(buffer, buffer_line)
                    break
                close = end_tag.search(buffer, start.end())
                if close is None:
                    if len(buffer) - start.start() > MAX_RECORD_CHARS:
                        line = buffer_line + buffer.count("\n", 0, start.start())
                        raise ImportFileError(
                            f"{self.name}: the record starting on line {line:,} is not closed "
                            f"within {MAX_RECORD_CHARS:,} characters",
                            code=ErrorCode.MALFORMED_FILE,
                            file=self.name,
                            what="record not closed",
                            where=line,
                        )
                    break
                number += 1
                first = buffer_line + buffer.count("\n", 0, start.start())
                last = first + buffer.count("\n", start.start(), close.end())
                yield Record(number, first, last, _fields(buffer[start.end() : close.start()]))
                buffer_line += buffer.count("\n", 0, close.end())
                buffer = buffer[close.end() :]


def _keep_tail(buffer: str, line: int) -> tuple[str, int]:
    """The end of a buffer that may hold the start of a record tag cut by a chunk's end."""
    keep = buffer[-200:]
    return keep, line + buffer.count("\n", 0, len(buffer) - len(keep))


def _fields(inner: str) -> dict[str, str]:
    cells: dict[str, str] = {}
    for match in _FIELD.finditer(inner):
        name, value = match.group(1), match.group(2) or ""
        value = _CDATA.sub(lambda m: m.group(1).replace("&", "&amp;"), value)
        key, n = name, 1
        while key in cells:
            n += 1
            key = f"{name}_{n}"
        cells[key] = html.unescape(value).strip()
    return cells
