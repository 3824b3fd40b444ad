"""What a figure measures: the dictionary indicator whose name ends nearest before it in its
clause (贫困发生率从13.43%降至0.36%; 全省共减少贫困人口747万) or follows a count directly
(6920个贫困村), checked against jieba's word boundaries; else a phrase guessed from the
jieba words before it (a head word such as …率, …人数, …收入), marked as guessed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.ledger.dictionaries import Indicator

CLAUSE_BREAKS = "，,；;。！？!?：:\n、（）()“”"
# Between an indicator and a percent figure: the figure is its growth (收入年均增长14.6%).
_GROWTH = re.compile(r"增长|增幅|增速|上升|提高|下降|降低|减少|增加|同比|年均")
# A flow rather than a level, written just before the indicator or between it and the
# figure: 减少贫困人口747万, 贫困人口减少了747万, 新增就业5万人.
_FLOW_BEFORE = re.compile(r"(累计减少|减少|减贫|新增|增加|累计脱贫)$")
_FLOW_BETWEEN = {"减少": "减少", "减贫": "减少", "下降": "减少", "新增": "增加", "增加": "增加"}
# Words skipped between a count and the indicator it counts (704万贫困人口, 680多万贫困人口).
_COUNT_FILLER = re.compile(r"^(?:多|余|的)?")
_PER_HEAD = ("人均", "户均")
_EVENT_UNITS = frozenset({"次", "遍", "趟", "回", "场", "轮", "类", "种"})
# A verb just before a count whose subject is the people it was done to (see `find`).
_DONE_TO_PEOPLE = re.compile(r"(?:脱贫|减贫)了?$")
_PEOPLE_LIFTED = "脱贫人口"  # the dictionary indicator those verbs count
_COUNTED = ("数", "额", "量", "总量", "总额", "人数", "规模", "总数", "贸易")
_FILLERS = frozenset({"", "多", "余", "的"})
# The last word of a guessed indicator ends so: a rate, a number of, an amount, a place type.
_HEADS = (
    "率",
    "数",
    "量",
    "额",
    "值",
    "收入",
    "人口",
    "资金",
    "面积",
    "产量",
    "总额",
    "投资",
    "贷款",
    "产值",
    "收益",
    "规模",
    "比重",
    "人次",
    "指数",
    "价格",
    "利润",
    "岗位",
    "企业",
    "项目",
)
# Guessed names that say nothing of what is measured (价值约400亿美元的武器; 占…的比重).
_GENERIC = frozenset({"价值", "比重", "数量", "总量", "规模", "金额", "总额", "数值", "指数"})
_PLACE_WORDS = frozenset({"我国", "全国", "全球", "全省", "全市", "全县", "我省", "我市", "当地"})
_RATES = ("率", "比重", "比例", "占比", "指数", "程度")
# Jieba words that end a guessed phrase's search: verbs, particles, adverbs, places words.
_STOP_WORDS = (
    "从 由 达 达到 为 是 共 共计 累计 增长 增加 减少 下降 降至 降到 降低 提高 上升 到 至 超过 "
    "约 近 逾 的 了 有 实现 完成 年均 平均 同比 比 占 较 其中 以上 以下 左右 和 与 及 等 "
    "全省 全市 全县 全区 全国 我省 我市 我县 今年 去年 目前 已 已经 将 共有 带动 带来 在 "
    "对 把 被 让 使 以 万 亿 个 人 元 年 月 日"
)
_STOP = frozenset(_STOP_WORDS.split())


@dataclass(frozen=True)
class FoundIndicator:
    name: str
    written: str  # the form found in the text
    start: int  # its span in the article's text
    end: int
    how: str  # dictionary (shipped), project (the project's own), guessed
    measure: str = ""  # "" for a level; 减少, 增加 (a flow) or 增速 (a growth rate)


class IndicatorFinder:
    """Finds the indicator of figures, by one dictionary and the app's segmenter."""

    def __init__(self, indicators: Sequence[Indicator], segmenter: Segmenter) -> None:
        self.segmenter = segmenter
        self._by_form: dict[str, Indicator] = {}
        for indicator in indicators:
            for form in indicator.aliases:
                self._by_form.setdefault(form, indicator)
        forms = sorted(self._by_form, key=len, reverse=True)
        self._pattern = re.compile("|".join(re.escape(f) for f in forms)) if forms else None

    def find(
        self,
        text: str,
        start: int,
        end: int,
        kind: str,
        *,
        others: Sequence[int] = (),
        unit: str = "",
        guess: bool = True,
    ) -> FoundIndicator | None:
        """The indicator of a value spanning `start`–`end` (its first figure to its last);
        `others`: where the article's other measured figures end (a name with another
        figure between it and this one belongs to that one: 51个贫困县已有32个脱贫摘帽)."""
        clause_start = _clause_start(text, start)
        clause_end = _clause_end(text, end)
        boundaries = _Boundaries(self.segmenter, text, clause_start, clause_end)
        if kind == "count" and self._pattern is not None:
            after = _COUNT_FILLER.match(text, end)
            at = after.end() if after else end
            match = self._pattern.match(text, at, clause_end)
            if match and boundaries.fits(match.start(), match.end()):
                indicator = self._by_form[match.group()]
                if not indicator.kinds or kind in indicator.kinds:
                    return self._found(indicator, match, "")
        if unit in _EVENT_UNITS:
            return None  # 开展督查千余次: how often something was done, not a measure of it
        verb = _DONE_TO_PEOPLE.search(text, clause_start, start) if kind == "count" else None
        if verb is not None and _PEOPLE_LIFTED in self._by_form:
            # 累计脱贫680多万人: the verb right before a count of people names what it counts
            indicator = self._by_form[_PEOPLE_LIFTED]
            how = "project" if indicator.origin == "project" else "dictionary"
            return FoundIndicator(indicator.name, verb.group(), verb.start(), verb.end(), how, "")
        if self._pattern is not None:
            matches = list(self._pattern.finditer(text, clause_start, start))
            for match in reversed(matches):
                if any(match.end() <= at <= start for at in others):
                    break
                if any(text[at : match.start()] in _FILLERS for at in others):
                    continue  # the name a count before it counts (49个贫困县 … 1次)
                if not boundaries.fits(match.start(), match.end()):
                    continue
                indicator = self._by_form[match.group()]
                measure = _measure(text, match.start(), match.end(), start, kind, indicator)
                if measure is not None:
                    return self._found(indicator, match, measure)
        if not guess:
            return None
        found = _guess(boundaries, start, kind)
        if found is not None and any(found.end <= at <= start for at in others):
            return None
        return found

    def _found(self, indicator: Indicator, match: re.Match[str], measure: str) -> FoundIndicator:
        how = "project" if indicator.origin == "project" else "dictionary"
        name, start = indicator.name, match.start()
        prefix = match.string[max(0, start - 2) : start]
        if prefix in _PER_HEAD and not name.startswith(prefix):
            # 人均国内生产总值 is not 国内生产总值: a per-head figure of it, named so.
            name, start = prefix + name, start - 2
        end = match.end()
        if match.string.startswith("中位数", end):  # 人均可支配收入中位数: not the mean
            name, end = name + "中位数", end + 3
        return FoundIndicator(name, match.string[start:end], start, end, how, measure)


def _measure(
    text: str, alias_start: int, alias_end: int, start: int, kind: str, indicator: Indicator
) -> str | None:
    """What the figure measures of the indicator ("" its level), or None when it does not
    fit it (a percent of a count with no growth word between)."""
    between = text[alias_end:start]
    fits = not indicator.kinds or kind in indicator.kinds
    if not fits:
        if kind in ("percent", "percentage_points") and _GROWTH.search(between):
            return "增速"
        return None
    flow = _FLOW_BEFORE.search(text, max(0, alias_start - 4), alias_start)
    if flow is not None:
        return "增加" if flow.group().endswith(("新增", "增加")) else "减少"
    for word, measure in _FLOW_BETWEEN.items():
        if word in between and kind not in ("percent", "percentage_points"):
            return measure
    return ""


class _Boundaries:
    """The jieba words of one clause, segmented when first needed."""

    def __init__(self, segmenter: Segmenter, text: str, start: int, end: int) -> None:
        self.segmenter, self.text, self.start, self.end = segmenter, text, start, end
        self._words: list[tuple[int, int, str]] | None = None

    def words(self) -> list[tuple[int, int, str]]:
        if self._words is None:
            tokens = self.segmenter.words(self.text[self.start : self.end])
            self._words = [(t.start + self.start, t.end + self.start, t.word) for t in tokens]
        return self._words

    def fits(self, start: int, end: int) -> bool:
        """A name ends where a word does (贫困人口, and in 建档立卡贫困人口), or begins one
        and is followed by what counts it (进出口额, 高新技术企业数量); not 村 in 农村, not
        进口 in 进口博览会, not 脱贫 in 脱贫摘帽."""
        if end in {w[1] for w in self.words()}:
            return True
        return start in {w[0] for w in self.words()} and self.text.startswith(_COUNTED, end)


def _guess(boundaries: _Boundaries, start: int, kind: str) -> FoundIndicator | None:
    if kind not in ("count", "money", "percent", "area", "weight", "volume", "length"):
        return None
    before = [w for w in boundaries.words() if w[1] <= start]
    while before and (before[-1][2] in _STOP or not _han(before[-1][2])):
        before.pop()
    phrase: list[tuple[int, int, str]] = []
    while before and len(phrase) < 3 and _han(before[-1][2]) and before[-1][2] not in _STOP:
        phrase.insert(0, before.pop())
    while phrase and phrase[0][2] in _PLACE_WORDS:
        phrase.pop(0)  # 我国市场主体总量: the place is not part of the name
    if not phrase or not phrase[-1][2].endswith(_HEADS):
        return None
    name = "".join(w[2] for w in phrase)
    if len(name) < 2 or len(name) > 12 or name in _GENERIC:
        return None
    measure = ""
    if kind == "percent" and not name.endswith(_RATES):
        # A percent of an amount is its growth (工业增加值同比增长8.4%), or nothing of it.
        if not _GROWTH.search(boundaries.text, phrase[-1][1], start):
            return None
        measure = "增速"
    return FoundIndicator(name, name, phrase[0][0], phrase[-1][1], "guessed", measure)


def _han(word: str) -> bool:
    return bool(word) and all("\u4e00" <= ch <= "\u9fff" for ch in word)


def _clause_start(text: str, position: int) -> int:
    start = position
    while start > 0 and text[start - 1] not in CLAUSE_BREAKS:
        start -= 1
    return start


def _clause_end(text: str, position: int) -> int:
    end = position
    while end < len(text) and text[end] not in CLAUSE_BREAKS:
        end += 1
    return end
