"""The options of one import (issue 13, item 5): split mode, default year, publication,
document variables and encoding, as the import dialog and `hnreader import` take them."""

from __future__ import annotations

import codecs
from collections.abc import Iterable
from dataclasses import dataclass, field

from hnreader.core.importing.split_modes import SplitMode, parse_split
from hnreader.core.models import ErrorCode, HnreaderError
from hnreader.core.text.safety import clean_user_text

ENCODINGS = ("utf-8", "gb18030", "big5", "utf-16")  # offered by the dialog; any codec works
_NAME_CHARS = 40
_VALUE_CHARS = 500


class InvalidOption(HnreaderError):
    """An import option that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class ImportOptions:
    split: SplitMode = field(default_factory=SplitMode)
    year: int | None = None  # the year of dates that give none
    publication: str = ""  # set on every article of the import
    variables: tuple[tuple[str, str], ...] = ()  # set on every article of the import
    encoding: str = ""  # "" decides by the bytes; a codec name overrides it for text files

    @property
    def is_default(self) -> bool:
        return self == ImportOptions()


def import_options(
    split: str = "auto",
    year: int | None = None,
    publication: str = "",
    variables: Iterable[str] = (),
    encoding: str = "",
) -> ImportOptions:
    """Options from the user's words (CLI flags, dialog fields), checked: InvalidSplit or
    InvalidOption says what is wrong."""
    if year is not None and not 1800 <= year <= 2200:
        raise InvalidOption(
            f"the default year {year} is not a year between 1800 and 2200",
            code=ErrorCode.INVALID_VALUE,
            value=str(year),
        )
    return ImportOptions(
        split=parse_split(split),
        year=year,
        publication=clean_user_text(publication).strip()[:_VALUE_CHARS],
        variables=tuple(parse_variable(v) for v in variables if v.strip()),
        encoding=check_encoding(encoding),
    )


def parse_variable(spec: str) -> tuple[str, str]:
    """`NAME=VALUE` as (name, value), or InvalidOption."""
    name, sep, value = clean_user_text(spec).partition("=")
    name, value = name.strip(), value.strip()
    if not sep or not name:
        raise InvalidOption(
            f"“{spec}” is not NAME=VALUE (e.g. region=衡阳)",
            code=ErrorCode.INVALID_VALUE,
            value=spec,
        )
    if len(name) > _NAME_CHARS or any(c.isspace() for c in name):
        raise InvalidOption(
            f"the variable name “{name[:_NAME_CHARS]}” must be at most {_NAME_CHARS} "
            "characters without spaces",
            code=ErrorCode.INVALID_VALUE,
            value=name[:_NAME_CHARS],
        )
    return name, value[:_VALUE_CHARS]


def check_encoding(name: str) -> str:
    """A codec name as Python knows it ("" stays ""), or InvalidOption."""
    name = name.strip()
    if not name:
        return ""
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise InvalidOption(
            f"unknown encoding “{name}”: use e.g. utf-8, gb18030 (for GBK/GB2312), big5 or utf-16",
            code=ErrorCode.INVALID_VALUE,
            value=name,
        ) from None
    return "gb18030" if codec in ("gbk", "gb2312") else codec
