"""What a figure looks like: units, number and date patterns, and words that only look like
quantities."""

from __future__ import annotations

import re

from hnreader.core.analysis.chinese_numerals import CN_CHARS, CN_PLAIN_DIGITS

# --- Units ----------------------------------------------------------------------------------

# surface → (unit stored in Figure.unit, kind, added value). The added value serves 1个半月 (1.5).
UNITS: dict[str, tuple[str, str, float]] = {}


def _units(kind: str, names: str, unit: str | None = None, add: float = 0.0) -> None:
    for name in names.split():
        UNITS[name] = (unit if unit is not None else name, kind, add)


_units("money", "元 美元 欧元 日元 港元 港币 英镑 澳元 韩元 卢布 新台币 台币")
_units("money", "块钱 元人民币 人民币 块", "元")  # 块 only after 把 or a magnitude (_read_tail)
_units("percent", "% ‰")
_units("percentage_points", "个百分点 百分点", "个百分点")
_units(
    "count",
    "人次 人 户次 户 个 家 支 座 村 县 所 项 件 台 次 期 批 条 套 间 辆 头 只 篇 场 笔 张 "
    "本 份 部 架次 架 艘 株 棵 种 类 处 幅 册 首 门 栋 幢 层 匹 颗 枚 盏 道 例 宗 轮 款 箱 "
    "起 列 国 响 剂次 剂 趟 班 所 吨次",
)
_units("count", "名 位 口人 口", "人")  # persons (issue 14): 名/位/口 → 人
_units("area", "平方公里 平方千米 平方米 平米 公顷 亩")
_units("weight", "吨 公斤 千克 克 斤")
_units("length", "公里 千米 米 厘米 毫米 海里")
_units("volume", "立方米 升 毫升")
_units("temperature", "℃ 摄氏度", "℃")
_units("other", "千瓦时 千瓦 兆瓦 度 倍 周岁 岁 周年 级 世纪 分")
_units("duration", "年 个月 月 天 周 星期 小时 钟头 分钟 秒 工作日")
_units("duration", "个小时", "小时")
_units("duration", "个星期", "星期")
_units("duration", "个工作日", "工作日")
_units("duration", "个半月", "个月", 0.5)
_units("duration", "个半小时", "小时", 0.5)
_units("duration", "年半", "年", 0.5)
_units("duration", "个多月", "个月")
_units("duration", "个多小时", "小时")
# Ordinal or reference markers: 十三届, 1版, 5号文件 are not statistics; the figure is dropped.
REFERENCE_UNITS = ("届", "版", "号")
# After a Chinese numeral these are levels, not quantities: 五级书记, 三级培训体系, 一度.
NOT_AFTER_CHINESE = frozenset({"级", "度", "分", "月", "班", "列", "起"})
# Units after which a trailing 多/余 still belongs to the figure (5年多来, 两个多月).
TRAILING_APPROX_UNITS = frozenset(
    {"年", "个月", "天", "周", "星期", "小时", "分钟", "秒", "岁", "倍"}
)

# A unit character followed by one of these makes a word, not a measure: 3人民 is not "3 people".
UNIT_WORDS = {
    "人": "民员才口类生士心家物数均力工格间身气",
    "个": "人体性别案",
    "家": "庭长乡园属中门人里族境务风电具政底",
    "名": "单片字称义牌誉胜城校人企家",
    "位": "置于",
    "支": "持出付部援撑柱",
    "座": "谈位",
    "所": "有以在得属谓",
    "项": "目",
    "次": "要日",
    "期": "间待望限末刊货",
    "条": "件例款",
    "场": "所景地合馆",
    "头": "部脑",
    "年": "级代龄轻华货会",
    "天": "气然下地空津天",
    "户": "籍口外主型",
    "台": "湾风阶",
    "批": "准评示复",
    "套": "餐",
    "间": "隔",
    "只": "有是要能",
    "元": "素旦宵首",
    "道": "路德理",
    "种": "植子养",
    "部": "门署分长队委位",
    "处": "理长于罚",
    "类": "型似",
    "本": "地人身次年市届领质",
    "门": "口槛户",
    "周": "边末围期",
    "克": "服",
    "度": "过",
    "村": "民庄级委里",
    "县": "城委级长区市",
    "米": "饭",
    "倍": "增",
    "亩": "均",
    "升": "级高至为到幅值温",
    "层": "面次级",
    "款": "项",
    "起": "来床身飞步诉点义草始初",
    "列": "车入为出举",
    "国": "集家际内务民企有外",
    "响": "应",
    "班": "子级车机长主组",
    "口": "岸径罩号味气头碑音腔",
    "轮": "车椅胎船流",
    "分": "之别析享布配类子钟秒",
    "剂": "量型",
    "世纪": "",
    "月": "份",
}
# 三次会议 / 第四次全体会议: a session number, not a count.
ORDINAL_AFTER_CI = ("会议", "全会", "全体", "大会", "党代", "代表", "常委")

_UNIT_ALTERNATIVES = "|".join(
    re.escape(name) for name in sorted([*UNITS, *REFERENCE_UNITS], key=len, reverse=True)
)
# After the number: approximation, magnitude (not the 千 of 千米/千克/千瓦), approximation, unit.
TAIL = re.compile(
    r"(?P<a1>[多余把])?"
    r"(?P<mag>万亿|千亿|百亿|千万|百万|亿|万|兆(?![瓦赫])|千(?![米克瓦]))?"
    r"(?P<a2>[多余])?"
    rf"(?P<unit>{_UNIT_ALTERNATIVES})?"
)
MAGNITUDES = {
    "万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4,
    "千": 1e3, "兆": 1e12,
}  # fmt: skip

# --- Candidates, numbers, dates -------------------------------------------------------------

CANDIDATE = re.compile(rf"([0-9]+)|[{CN_CHARS}]+")
TOKEN_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyz._-:/")
TOKEN_RIGHT = re.compile(r"[0-9a-z._\-:/]*")
ISO_DATE = re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})")
NUMBER_RANGE = re.compile(r"[0-9]{1,4}(?:\.[0-9]+)?-[0-9]{1,4}(?:\.[0-9]+)?")
ARABIC_NUMBER = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")
YEAR_DATE = re.compile(
    r"(?P<y>[0-9]{4}) ?年(?P<fy>度)?(?:(?P<m>[0-9]{1,2})月(?:(?P<d>[0-9]{1,2})[日号]|份)?)?"
)
MONTH_DATE = re.compile(r"(?P<m>[0-9]{1,2})月(?:(?P<d>[0-9]{1,2})[日号]|份)?")
DAY_DATE = re.compile(r"(?P<d>[0-9]{1,2})日")
_CN_MONTH = "十[一二]?|[一二三四五六七八九]"
_CN_DAY = "三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
CN_YEAR_DATE = re.compile(
    rf"(?P<y>[{CN_PLAIN_DIGITS}]{{4}})年(?:(?P<m>{_CN_MONTH})月(?:(?P<d>{_CN_DAY})[日号])?)?"
)
CN_MONTH_DATE = re.compile(rf"(?P<m>{_CN_MONTH})月(?P<d>{_CN_DAY})[日号]")
CN_FRACTION = re.compile(
    rf"(?P<den>[{CN_CHARS}]+)分之(?P<num>[{CN_CHARS}]+(?:点[{CN_PLAIN_DIGITS}]+)?"
    r"|[0-9]+(?:\.[0-9]+)?)"
)
CN_DECIMAL = re.compile(rf"点([{CN_PLAIN_DIGITS}]+)")
RUN_ENDS = (("万亿", 1e12), ("亿", 1e8), ("万", 1e4))
RANGE_LINKS = frozenset({"至", "到", "-", "~", "〜", "—", "–", "－"})
# 10时30分, 16时, 晚上8时18分 (a word before the hour that moves it past noon is in the span).
# 9点30分, 9点半 and 2时许 too; N点 alone only after a time-of-day word (上午9点; 3点意见).
TIME = re.compile(
    r"(?P<h>[0-9]{1,2})(?P<mark>[时点])(?:(?P<m>[0-9]{1,2})分|(?P<half>半))?(?P<about>许|左右)?"
)
TIME_NOT_BEFORE = "间期代候刻节光尚速事局政任"  # 16时间, 5时期: not a time of day
AFTERNOON_WORDS = ("晚上", "下午", "傍晚", "夜里", "夜间", "晚间")
DAY_TIME_WORDS = (*AFTERNOON_WORDS, "上午", "凌晨", "早上", "清晨", "中午", "早晨")
# 2.5:1 (a ratio; times and scores such as 03:40 are not read as ratios).
RATIO = re.compile(r"([0-9]+(?:\.[0-9]+)?):(1|[0-9]+\.[0-9]+)")
# (7/5): a month/day date in brackets.
SLASH_DATE = re.compile(r"\(([0-9]{1,2})/([0-9]{1,2})\)")
# 7、8、9三个月: the months 7-9.
MONTH_LIST = re.compile(r"([0-9]{1,2})(?:、[0-9]{1,2})+[一二两三四五六七八九十]+个月")
# 3亿3261万: the 万 part after 亿 (one number, 332610000).
MIXED_WAN = re.compile(r"[0-9]{1,4}(?=万)")
# 15. 8%, 8. 99万亿元: a transcript's spaced decimal point (not a list marker).
SPACED_DECIMAL = re.compile(r"([0-9]+)\. ([0-9]+)(?=[%万亿千个元])")
# Before a Chinese month without a day that is a date: a clause start or one of these.
MONTH_BEFORE = "自从到至在于於截\n，,。；;、：:（("
# 三四个月, 两三年, 三四百人, 四五月份, 三五个: two neighbouring numerals, one range.
COLLOQUIAL = re.compile(r"([一二两三四五六七八])([二三四五六七八九])([十百千万]?)")
# Bare numbers after these are not statistics: telephone numbers, counts of a heading.
NOT_AFTER_WORDS = ("拨打", "热线", "电话", "条数:", "条数：", "编号", "代码", "双")  # 双11
# A change written as two figures: 从13.43%降至0.36% (direction recorded on both).
CHANGE_DOWN = re.compile(r"(下降|降低|降|下调|回落|减少|减|跌|下滑|缩小)(至|到|为)")
CHANGE_UP = re.compile(r"(上升|升|上调|提高|提升|增加|增长|增|涨|扩大)(至|到|为)")
# 六成, 九成, 二成五, 逾3成 (N成 = N×10 %); the words 成员, 成立 ... are not.
CHENG_NOT_BEFORE = "员立本果功就绩交型长熟都为了片批群套年人"

# --- Words that look like quantities ----------------------------------------------------------

# Set phrases, slogans and place names in which a Chinese numeral + measure word is no
# statistic. Most numerals in names and idioms (十八洞村, 一鼓作气, 四跟四走) are already left out
# because no measure word follows; this list holds the ones where one does.
_IDIOM_TEXT = (
    "五年计划 五年规划 三轮车 两轮车 四轮车 "
    "五个一批 四个全面 四个意识 四个自信 两个维护 两个确立 三个代表 四个不摘 四个严查 "
    "两个一百年 八项规定 三部曲 三位一体 五位一体 千家万户 万家灯火 三番五次 三天两头 "
    "三天打鱼 两天晒网 三头六臂 三年五载 十年磨一剑 百年大计 百年未有之大变局 百家争鸣 "
    "诸子百家 万人空巷 成千上万 成百上千 千千万万 十年树木 百年树人 三长两短 三门峡 三台县 "
    "五台山 七台河 五家渠 三只松鼠"
)
IDIOMS = _IDIOM_TEXT.split()
IDIOM_RE = re.compile("|".join(sorted(IDIOMS, key=len, reverse=True)))
IDIOM_REACH = max(map(len, IDIOMS))
OPEN_QUOTES = "“‘「『《"
CLOSE_QUOTES = "”’」』》"
SHORT_QUOTE = 12  # a quoted Chinese-numeral phrase up to this long is a slogan or a title

# Approximation words before a number; a one-character one is ignored when the character before
# it makes a word with it (最近, 签约, 赶超).
APPROX_BEFORE_2 = ("超过", "大约", "将近", "接近", "至少")
APPROX_BEFORE_1 = {
    "约": "签合预公条契节制违履相邀赴婉特协要守毁失解续立誓和大",
    "近": "最附邻靠亲就远新晚贴接将临迫走逼",
    "超": "赶高入出招",
    "逾": "",
}
RATIO_BEFORE = ("比值", "比为", "之比", "比例为", "系数")  # a bare number after these is a ratio
MONEY_BEFORE = ("投资", "资金", "营收", "金额", "贷款", "资产", "产值")  # 投资85亿 is money
REACHED_BEFORE = ("突破", "达到", "高达", "多达")
# A Chinese numeral right after one of these is an ordinal (第三), a rank (前十位) or indefinite
# (几十, 数百).
NOT_AFTER = frozenset("第几数前这那哪每个")
# Approximation or bound words after a figure (in its span): 8%左右, 55%以上, 0℃以下.
APPROX_AFTER = ("左右", "上下", "以上", "以下")
