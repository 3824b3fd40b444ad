"""Where a figure's statistic holds: the place named nearest before it in its sentence,
全省/全市/全县 read as the article's own province, city or county, else the dateline's place
or the place the article is most about."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from hnreader.core.ledger.dictionaries import Place

# Words that stand for the article's own province, city or county (the level they mean).
_COLLECTIVE = {
    "全省": "省",
    "我省": "省",
    "本省": "省",
    "全市": "市",
    "我市": "市",
    "本市": "市",
    "全州": "市",
    "该省": "省",
    "该市": "市",
    "全县": "县",
    "该县": "县",
    "该区": "县",
    "我县": "县",
    "本县": "县",
    "全区": "县",
    "我区": "县",
}
_RANK = {"国": 0, "省": 1, "市": 2, "县": 3, "村": 4}  # ties go to the wider place
# A dateline: 本报长沙5月24日讯, 新华社长沙12月1日电, 长沙讯 (the place before the date).
_DATELINE = re.compile(
    r"^\W{0,3}(?:本报|本台|新华社|中新社|人民网|新华网|红网|湖南日报)?(?:记者)?"
    r"(?P<place>[\u4e00-\u9fff]{2,6}?)(?:\d{1,2}月\d{1,2}日)?(?:电|讯)"
)


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    place: Place | None  # None for a collective word resolved by the article (全省)
    level: str  # the level a collective word stands for


class PlaceList:
    """The known places and the forms they are written in, matched longest first."""

    def __init__(self, places: Sequence[Place]) -> None:
        self.places = {p.name: p for p in places}
        self._forms: dict[str, Place] = {}
        self._bare: dict[str, Place] = {}
        for place in places:
            for form in place.aliases:
                self._forms.setdefault(form, place)
            if place.bare:
                self._bare.setdefault(place.bare, place)
        words = [*self._forms, *self._bare, *_COLLECTIVE]
        words.sort(key=len, reverse=True)
        self._pattern = re.compile("|".join(re.escape(w) for w in words)) if words else None

    def ancestors(self, place: Place) -> list[Place]:
        """The place and every place it lies in, innermost first."""
        chain, seen = [place], {place.name}
        while chain[-1].parent and chain[-1].parent not in seen:
            parent = self.places.get(chain[-1].parent)
            if parent is None:
                break
            chain.append(parent)
            seen.add(parent.name)
        return chain

    def mentions(self, text: str) -> list[PlaceMention]:
        """Every place form in `text` (bare county names included: see `ArticlePlaces`)."""
        if self._pattern is None:
            return []
        found = []
        for match in self._pattern.finditer(text):
            word = match.group()
            if word in _COLLECTIVE:
                found.append(PlaceMention(match.start(), match.end(), None, _COLLECTIVE[word]))
            else:
                place = self._forms.get(word) or self._bare[word]
                found.append(PlaceMention(match.start(), match.end(), place, place.level))
        return found

    def is_bare(self, text: str) -> bool:
        return text in self._bare and text not in self._forms


class ArticlePlaces:
    """One article's places: its mentions, its own province, city and county, its dateline."""

    def __init__(self, places: PlaceList, title: str, text: str) -> None:
        self.places = places
        self.text = text
        named = [m for m in places.mentions(text) if m.place is not None]
        certain = {m.place.name for m in named if not places.is_bare(text[m.start : m.end])}  # type: ignore[union-attr]
        # A bare county name (通道, 凤凰, 城步) counts where the article also writes it in
        # full (通道县) or its title names it: 绿色通道 in a national brief is no county.
        in_title = {m.place.name for m in _title_mentions(places, title)}  # type: ignore[union-attr]
        in_title |= {p.name for p in places.places.values() if p.bare and p.bare in title}
        self.mentions = [
            m
            for m in places.mentions(text)
            if m.place is None
            or not places.is_bare(text[m.start : m.end])
            or m.place.name in certain
            or m.place.name in in_title
        ]
        counts: Counter[str] = Counter()
        for mention in [*self.mentions, *_title_mentions(places, title)]:
            if mention.place is not None:
                for place in places.ancestors(mention.place):
                    counts[place.name] += 1
        self.own: dict[str, str] = {}
        for level in ("省", "市", "县"):
            ranked = [(n, c) for n, c in counts.most_common() if places.places[n].level == level]
            if ranked:
                self.own[level] = ranked[0][0]
        direct = Counter(m.place.name for m in self.mentions if m.place is not None)
        ranked_direct = sorted(
            direct.items(), key=lambda item: (-item[1], _RANK[places.places[item[0]].level])
        )
        self.main = ranked_direct[0][0] if ranked_direct else ""
        self.dateline, self._dateline_end = _dateline_place(places, text)

    def at(self, sentence_start: int, position: int) -> tuple[str, str]:
        """The place of a figure at `position` whose sentence starts at `sentence_start`, and
        where it came from: sentence, dateline, article (or "", "")."""
        text_start = max(sentence_start, self._part_start(sentence_start, position))
        for mention in reversed(self.mentions):
            if text_start <= mention.start and mention.end <= position:
                if mention.end <= self._dateline_end:
                    break  # the dateline's own place (本报长沙5月24日讯 …)
                if mention.place is not None:
                    return mention.place.name, "sentence"
                word = self.text[mention.start : mention.end]
                if word[0] in "该本" and mention.level != "省":
                    # 该市/该县: the city or county named last before it (津市 … 该市).
                    last = self._last_named(mention.start, ("市", "县"))
                    if last:
                        return last, "sentence"
                own = self.own.get(mention.level) or self.own.get("省")
                if own:
                    return own, "sentence"
        if self.dateline:
            return self.dateline, "dateline"
        if self.main:
            return self.main, "article"
        return "", ""

    def _last_named(self, before: int, levels: tuple[str, ...]) -> str:
        for mention in reversed(self.mentions):
            if mention.end <= before and mention.place and mention.place.level in levels:
                return mention.place.name
        return ""

    def _part_start(self, sentence_start: int, position: int) -> int:
        """Where the figure's part of its sentence begins (after a semicolon): a list of
        measures separated so names places each part of its own."""
        part = max(self.text.rfind(mark, sentence_start, position) for mark in "；;")
        return part + 1 if part >= 0 else sentence_start


def _title_mentions(places: PlaceList, title: str) -> list[PlaceMention]:
    return [m for m in places.mentions(title) if m.place is not None]


def _dateline_place(places: PlaceList, text: str) -> tuple[str, int]:
    """The place of the article's dateline and where the dateline ends ("", -1: none)."""
    offset = 0
    for line in text.split("\n")[:4]:
        stripped = line.lstrip()
        match = _DATELINE.match(stripped)
        if match:
            for mention in places.mentions(match.group("place")):
                if mention.place is not None:
                    return mention.place.name, offset + len(line) - len(stripped) + match.end()
        offset += len(line) + 1
    return "", -1
