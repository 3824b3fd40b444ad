"""Web and page boilerplate lines: breadcrumbs, search boxes, hotlines, share bars, pagers,
related-link lists, editor credits, copyright and ICP lines, adverts, navigation bars; and the
line giving an article's original link (原文：https://…)."""

from __future__ import annotations

import re

# The labels of a line or Markdown link giving an article's original: 原文：URL, [查看原文](URL).
LINK_LABELS = (
    r"原文|原文链接|原文地址|原文网址|查看原文|阅读原文|点击查看原文|原始链接|本文链接|文章链接|"
    r"新闻链接|本文地址|文章地址|来源链接|来源网址|来源|链接|网址|source|url|link|permalink"
)

_BOILERPLATE_PATTERNS: tuple[tuple[str, re.Pattern[str], int], ...] = (
    (
        "breadcrumb",
        re.compile(r"^(?:[您你]?(?:当前|现在)?的?(?:所在|所处)?(?:位置|路径))\s*[:>]"),
        80,
    ),
    ("breadcrumb", re.compile(r"^(?:首页|主页|网站首页)\s*(?:>|»|›|→|/)"), 80),
    (
        "search box",
        re.compile(
            r"^(?:热门搜索|热搜|站内搜索|搜索|检索|检索词|热门关键词|热门标签|tags?)\s*[:]?\s*$|"
            r"^(?:您想去哪里|请输入关键[字词]|输入关键[字词]|搜索一下)"
        ),
        20,
    ),
    (
        "hotline",
        re.compile(r"热线|hotline|free\s*service|服务电话|客服电话|咨询电话|全国统一|^400-?\d"),
        30,
    ),
    (  # a phone number, never a date (2021-06-18)
        "hotline",
        re.compile(
            r"^(?!\d{4}-\d{1,2}-\d{1,2}$)(?:电话|tel|phone)?[:\s]*[0-9+()\-\s]{7,24}[。.]?$"
        ),
        30,
    ),
    # a contact box: an e-mail address alone, office hours (週一至週五 9:00~18:00)
    ("hotline", re.compile(r"^(?:e-?mail[:\s]*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+$"), 60),
    ("hotline", re.compile(r"^[(]?周[一二三四五六日]至周[一二三四五六日][^。,]{0,24}[)]?$"), 40),
    (
        "share buttons",
        re.compile(
            r"分享到|分享至|一键分享|扫一扫|扫描二维码|二维码|微信扫|打印本页|关闭窗口|收藏本页|"
            r"加入收藏|设为首页|返回顶部|返回首页|字号|字体[:\s]*[大中小]|^收藏到|a\+\s*a-|a-\s*a\+"
        ),
        30,
    ),
    (
        "pager",
        re.compile(r"^(?:上一篇|下一篇|上一条|下一条|上一页|下一页|上篇|下篇|前一篇|后一篇)"),
        80,
    ),
    (
        "related links",
        re.compile(
            r"^(?:相关阅读|相关新闻|相关文章|相关链接|相关解读|相关稿件|推荐阅读|热点推荐|热门推荐|热门文章|猜你喜欢|"
            r"精彩推荐|点击排行|排行榜|最新文章|热门新闻|往期回顾|更多>>|更多$)"
        ),
        30,
    ),
    (
        "editor credit",
        re.compile(
            r"^[(\[【]?\s*(?:责任编辑|责编|编辑|审核|校对|终审|初审|值班编辑|本版编辑|主编|监制|"
            r"美编|排版|审校)\s*[:/\s]"
        ),
        40,
    ),
    (
        "copyright",
        re.compile(
            r"^(?:版权所有|版权声明|免责声明|copyright|©)|copyright|©|icp备|icp证|公网安备|"
            r"版权所有\s*:|技术支持\s*:|主办单位\s*:|承办单位\s*:|网站标识码|^主办\s*:|\s承办\s*:|"
            r"^(?:未经授权|未经许可|转载请注明)|概不负责"
        ),
        160,
    ),
    (
        "advert",
        re.compile(
            r"^(?:广告|推广|赞助)$|点击下载|立即下载|免费下载|扫码下载|立即领取|点击进入|立即试玩|"
            r"下载客户端|打开app|^订阅.{0,14}(?:版|app|客户端|电子报|newsletter)$"
        ),
        30,
    ),
    ("navigation", re.compile(r"^(?:登录|注册|登录\s*[|/]?\s*注册|网站地图|导航)$"), 12),
    # A member box's links: 会员服务申请/试用, 用户中心, 账号登录.
    (
        "navigation",
        re.compile(r"^(?:会员|用户|帐号|账号)(?:服务|中心|登[录入]|注册|申请|管理)[^。,]{0,10}$"),
        16,
    ),
    # Accessible and senior modes of a site: 网站无障碍 关怀版, 长者模式.
    ("navigation", re.compile(r"^(?:网站)?(?:无障碍|关怀版|长者模式|适老化|读屏)[^。]{0,12}$"), 20),
    # A site's notice about the reader's browser or cookies (如欲取得最佳浏览效果，请使用…浏览器).
    (
        "site notice",
        re.compile(
            r"最佳浏览效果|最佳显示效果|建议(?:您)?使用.{0,30}浏览器|浏览器(?:版本)?(?:过低|太旧)|"
            r"(?:升级|更新)(?:您的)?浏览器|启用\s*javascript|使用\s*cookies?"
        ),
        160,
    ),
    # A site's alert when a link leaves it: 您访问的链接即将离开'某某网站'是否继续？
    ("navigation", re.compile(r"即将离开.{0,30}是否继续"), 60),
    (  # a language switcher: 简体版 繁體版 English
        "navigation",
        re.compile(
            r"^(?:[■●|]?\s*(?:中文)?(?:简体|繁体|正体)(?:中文|版)?\s*)+(?:[■●|]?\s*english)?$"
        ),
        24,
    ),
    # The article's own link: 原文：https://…, 原文链接：…, link: … (its url, see article_origin).
    ("link", re.compile(rf"^(?:{LINK_LABELS})\s*:\s*(?:https?://|www\.)\S+$"), 160),
)


# The links of a site's footer: 网站地图 | 联系我们, 关于我们 隐私声明.
_SITE_LINKS = frozenset(
    {
        "网站地图",
        "联系我们",
        "关于我们",
        "网站声明",
        "隐私声明",
        "隐私政策",
        "网站帮助",
        "使用帮助",
        "意见反馈",
        "免责声明",
        "版权声明",
        "帮助中心",
        "加入我们",
        "网站导航",
        "友情链接",
        "法律声明",
        "网站纠错",
    }
)


def _is_site_links(folded: str) -> bool:
    parts = [p for p in re.split(r"\s*[|｜·•/]\s*|\s+", folded) if p]
    return bool(parts) and all(p in _SITE_LINKS for p in parts)


def boilerplate_reason(folded: str) -> str:
    """The kind of web/page boilerplate a (folded, stripped) line is, or "" for none.

    Every pattern has a length limit, so a body sentence that mentions 热线 or 首页 stays body.
    """
    for reason, pattern, max_len in _BOILERPLATE_PATTERNS:
        if len(folded) <= max_len and pattern.search(folded):
            return reason
    if _is_navigation_bar(folded) or (len(folded) <= 60 and _is_site_links(folded)):
        return "navigation"
    return ""


def _is_navigation_bar(folded: str) -> bool:
    """A row of short menu entries ("首页 | 新闻 | 体育 | 财经")."""
    parts = [p for p in re.split(r"\s*[|｜]\s*|\s{2,}", folded) if p]
    return len(parts) >= 3 and all(len(p) <= 6 for p in parts) and "首页" in parts


# The end of a piece: (完), —完—, and the signature closing an editor's note (——编 者).
