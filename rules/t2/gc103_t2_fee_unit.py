"""GC103 t2-fee-unit."""

from __future__ import annotations

import re

from checker import labels
from checker.dates import normalise
from checker.findings import Severity, Text
from checker.rule import Option, Rule
from rules.common import fmt, missing_table

# Upper bounds (万元) beyond which a year's 行政事业性收费 is implausible for the kind of organ: a
# figure above them was very likely written in 元.  Generous on purpose: this is a hint, not a check.
DEFAULT_LIMITS = {
    "province_government": 10_000_000,  # 1000 亿元
    "city_government": 2_000_000,  # 200 亿元
    "county_government": 200_000,  # 20 亿元
    "township_government": 5_000,  # 5000 万元
    "subdistrict_office": 5_000,
    "department": 1_000_000,  # 100 亿元
    "authorised_organisation": 100_000,
    "unknown": 10_000_000,
}
_YUAN_HEADER = re.compile(r"收费金额[（(]\s*单位\s*[:：]\s*元\s*[）)]")


class T2FeeUnit(Rule):
    """表二「行政事业性收费」的金额应以万元为单位。

    检查什么
    「第二十条第（八）项 · 行政事业性收费 · 本年收费金额（单位：万元）」：金额大得不合情理（超过该类机关的上限，
    上限可配置），或单元格、第二部分文字中写明单位为「元」，提示可能误以元为单位填写。

    为什么
    表头规定单位为万元，以元填写会使金额放大一万倍，汇总数据随之失真。

    依据
    国办公开办函〔2021〕30号 表二 第二十条第（八）项「本年收费金额（单位：万元）」。

    错误示例
    某县人民政府填「356000」（实为 35.6 万元，误按元填写）；或填「356000元」。

    正确示例
    填「35.6」。
    """

    doc_en = """T2's 「行政事业性收费」 amount is in units of 10,000 yuan (万元).

    What it checks
    「第二十条第（八）项 · 行政事业性收费 · 本年收费金额（单位：万元）」: an amount implausibly large (above the limit for the
    organ's kind, configurable), or a cell or section-two sentence that states the unit as 「元」, suggests the
    amount was entered in yuan.

    Why
    The header fixes the unit as 万元; an amount in yuan is ten thousand times too large, and every sum it enters is
    distorted.

    Basis
    T2 item 第二十条第（八）项 「本年收费金额（单位：万元）」 of 国办公开办函〔2021〕30号.

    Wrong
    A county government enters 「356000」 (really 35.6 万元, entered in yuan), or 「356000元」.

    Right
    「35.6」.
    """

    code = "GC103"
    name = "t2-fee-unit"
    title_zh = "表二收费金额以万元为单位"
    title_en = "T2 fee amount is in 10,000 yuan"
    clause = "国办公开办函〔2021〕30号 表二 第二十条第（八）项"
    fix = ("收费金额以万元为单位填写（如 1.25），不要填元",
           "Write fee amounts in units of 10,000 yuan (e.g. 1.25), not in yuan")
    severity = Severity.INFO
    templates = frozenset({"2021"})
    options = {
        "limits": Option(dict(DEFAULT_LIMITS), "各类机关一年收费金额的合理上限（万元）；unknown 用于类别不明的机关", dict, en="a plausible upper limit of a year's fees per kind of organ (万元); unknown is for organs of unknown kind"),
    }
    messages = {
        "too_large": ("{place}：{actual} 万元（即 {yuan} 亿元）对{kind}而言大得不合情理，请确认是否误以「元」为单位填写",
                      "{place}: {actual} (10,000 yuan), i.e. {yuan} hundred million yuan, is implausibly large for a {kind}; was it entered in yuan?"),
        "yuan_printed": ("{place}：金额写明单位为「元」（「{raw}」），表头规定单位为万元",
                         "{place}: the amount is given in yuan (“{raw}”); the column is in 10,000 yuan"),
    }

    def check(self, ctx):
        report = ctx.report
        if not report.has_table("t2"):
            yield missing_table(self, "t2")
            return
        cell = report.t2("fees", "amount")
        raw = normalise(cell.raw) if isinstance(cell.raw, str) else ""
        if "元" in raw and "万元" not in raw:
            yield self.finding("yuan_printed", cell.pointer, raw=cell.raw.strip())
            return
        section = report.section(2)
        header = _YUAN_HEADER.search(normalise(section.text)) if section is not None else None
        if header:  # normalise keeps positions, so the printed words can be quoted as they are
            yield self.finding("yuan_printed", cell.pointer, raw=section.text[header.start():header.end()])
            return
        if not cell.is_number:
            return  # GC101 names a blank or text cell
        kind = report.organ_kind or "unknown"
        limits = {**DEFAULT_LIMITS, **self.config["limits"]}
        limit = limits.get(kind, limits["unknown"])
        if cell.value > limit:
            kind_zh, kind_en = labels.ORGAN_KINDS.get(kind, ("类别不明的机关", "organ of unknown kind"))
            yield self.finding("too_large", cell.pointer, actual=cell.value, expected=f"≤ {fmt(limit)}",
                               yuan=fmt(round(cell.value / 10_000, 2)), kind=Text(kind_zh, kind_en))
