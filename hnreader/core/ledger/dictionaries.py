"""The ledger's two word lists: indicators (what a figure measures) and places, read from the
shipped resource files plus the project's own additions; a clear error names a bad line."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from hnreader.core.models import FIGURE_KINDS, HnreaderError

# The figure kinds a ledger holds: what is measured, not when (years, dates and times give
# an entry its period instead).
MEASURED_KINDS = frozenset(FIGURE_KINDS) - {"year", "date", "time"}
PLACE_LEVELS = ("国", "省", "市", "县", "村")
# Endings that make a place name unambiguous on its own (雁峰区, 长沙县, 津市市, 十八洞村).
_SUFFIXED = ("省", "市", "区", "县", "州", "村", "乡", "镇")


class DictionaryError(HnreaderError):
    """A line of an indicator or place list that cannot be read."""


@dataclass(frozen=True)
class Indicator:
    name: str
    aliases: tuple[str, ...]  # every form looked for in the text, the name included
    kinds: frozenset[str]  # figure kinds it is measured in (empty: any measured kind)
    origin: str = "shipped"  # shipped | project


@dataclass(frozen=True)
class Place:
    name: str
    level: str  # one of PLACE_LEVELS
    parent: str  # the province or city it lies in ("" for a province)
    aliases: tuple[str, ...]  # forms that always mean this place
    bare: str = ""  # a short form that needs the article to mention its parent (城步, 凤凰)


def _fields(line: str, count: int, path: Path, number: int) -> list[str]:
    parts = [part.strip() for part in line.split("|")]
    if not parts[0] or len(parts) > count:
        raise DictionaryError(
            f"{path.name}, line {number}: expected “name | …” with at most {count} fields "
            f"separated by |, found {line!r}. Fix or remove the line."
        )
    return parts + [""] * (count - len(parts))


def _names(text: str) -> list[str]:
    return [name.strip() for name in text.replace("，", ",").split(",") if name.strip()]


def parse_kinds(text: str, where: str) -> frozenset[str]:
    kinds = frozenset(_names(text))
    unknown = sorted(kinds - MEASURED_KINDS)
    if unknown:
        raise DictionaryError(
            f"{where}: unknown figure kind(s) {', '.join(unknown)}; use "
            + ", ".join(sorted(MEASURED_KINDS))
        )
    return kinds


def _lines(path: Path) -> Iterable[tuple[int, str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise DictionaryError(f"cannot read {path}: {error.strerror or error}") from error
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line and not line.startswith("#"):
            yield number, line


def read_indicators(path: Path) -> list[Indicator]:
    indicators = []
    for number, line in _lines(path):
        name, aliases, kinds = _fields(line, 3, path, number)
        indicators.append(
            Indicator(
                name,
                tuple(dict.fromkeys([name, *_names(aliases)])),
                parse_kinds(kinds, f"{path.name}, line {number}"),
            )
        )
    return indicators


def read_places(path: Path) -> list[Place]:
    places = []
    for number, line in _lines(path):
        name, level, parent, aliases = _fields(line, 4, path, number)
        if level not in PLACE_LEVELS:
            raise DictionaryError(
                f"{path.name}, line {number}: the level of {name} must be one of "
                f"{' '.join(PLACE_LEVELS)}, not {level!r}"
            )
        forms = _names(aliases)
        # A county's bare name (凤凰, 通道, 中方) is an everyday word too: it counts only
        # where the article names the county's city or province (see `PlaceList`).
        bare = "" if level != "县" or name.endswith(_SUFFIXED) else name
        if not bare:
            forms.insert(0, name)
        places.append(Place(name, level, parent, tuple(dict.fromkeys(forms)), bare))
    return places


@dataclass(frozen=True)
class ProjectIndicator:
    """An indicator name (or another name of one) a project added to the shipped list."""

    alias: str
    indicator: str
    kinds: frozenset[str]


def merged_indicators(
    shipped: Sequence[Indicator], added: Sequence[ProjectIndicator]
) -> list[Indicator]:
    """The shipped indicators with a project's additions: a new name, or another name of an
    existing indicator (its kinds then add to the indicator's)."""
    by_name = {i.name: i for i in shipped}
    for extra in added:
        known = by_name.get(extra.indicator)
        if known is None:
            by_name[extra.indicator] = Indicator(
                extra.indicator,
                tuple(dict.fromkeys([extra.indicator, extra.alias])),
                extra.kinds,
                "project",
            )
        else:
            by_name[extra.indicator] = Indicator(
                known.name,
                tuple(dict.fromkeys([*known.aliases, extra.alias])),
                known.kinds | extra.kinds if known.kinds and extra.kinds else frozenset(),
                known.origin,
            )
    return list(by_name.values())
