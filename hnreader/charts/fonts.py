"""matplotlib set up once for Chinese text: a CJK font found on this system, text kept as text
in SVG, no mathtext and the ASCII minus (CJK fonts often lack U+2212)."""

from __future__ import annotations

import os
from functools import cache

from hnreader import paths

# The first of these that is installed draws the charts. Noto Sans CJK / Source Han Sans
# (Linux, often installed elsewhere too), Microsoft YaHei and SimHei (every Windows since
# Vista), PingFang / Hiragino / Heiti (macOS). DejaVu Sans, matplotlib's own, is last: Latin
# text still draws when no CJK font is found (`cjk_font()` then says so).
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "STHeiti",
    "SimHei",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Noto Sans SC",
    "Arial Unicode MS",
)
FALLBACK = "DejaVu Sans"


@cache
def setup() -> str:
    """Configure matplotlib (once per process); the CJK family chosen, or "" when none is
    installed. Must run before matplotlib is first imported anywhere."""
    os.environ.setdefault("MPLCONFIGDIR", str(paths.matplotlib_config_dir()))
    import matplotlib
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    found = [family for family in CJK_FAMILIES if family in installed]
    matplotlib.rcParams.update(
        {
            "font.family": "sans-serif",
            "font.sans-serif": [*found, FALLBACK],
            "svg.fonttype": "none",  # text stays <text> in the SVG: searchable, editable
            "text.parse_math": False,  # a term or tag with $…$ is data, never mathtext
            "axes.unicode_minus": False,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "figure.dpi": 100,
            "savefig.dpi": 200,
            "savefig.bbox": "tight",
        }
    )
    return found[0] if found else ""


def cjk_font() -> str:
    return setup()
