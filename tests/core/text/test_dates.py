"""Dates in news text (hnreader.core.text.dates)."""

from __future__ import annotations

import pytest

from hnreader.core.text.dates import find_date
from hnreader.core.text.normalize import fold_for_search


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("2020年11月30日", "2020-11-30"),
        ("发布时间：2020-09-16 03:40:44", "2020-09-16"),
        ("二〇二〇年三月五日", "2020-03-05"),
        ("5月24日", "5月24日"),
        ("pubDate: Tue, 25 Aug 2020 07:00:00 +0800", "2020-08-25"),  # a feed's RFC 822 date
        ("Published 3 September 2021", "2021-09-03"),
        ("12 mayors met in 2020", None),  # a month name is a whole word
    ],
)
def test_find_date(line: str, value: str | None) -> None:
    found = find_date(fold_for_search(line), line)
    assert (found.value if found else None) == value
