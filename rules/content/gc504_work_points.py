"""GC504 work-points."""

from __future__ import annotations

import re

from checker.findings import Severity
from checker.rule import Rule
from rules.content.common import all_prose, section_place, section_pointer

WORK_POINTS = re.compile(r"工作要点|公开要点|政务公开.{0,6}要点")


class WorkPoints(Rule):
    """第六部分说明落实上级年度政务公开工作要点的情况。

    检查什么
    报告（通常在第六部分「其他需要报告的事项」）是否提到落实国务院办公厅及上级年度政务公开工作要点
    （「工作要点」）的情况。没有提到时给出提示。2019年模板的报告不检查。

    为什么
    年度报告格式第六部分列出的常见内容之一是落实年度政务公开工作要点的情况；缺少时值得留意。

    依据
    国办公开办函〔2021〕30号 第六部分。

    错误示例
    第六部分只有信息处理费的说明，全文没有提到年度政务公开工作要点。

    正确示例
    「（二）落实上级年度政务公开工作要点情况。按照《2023年政务公开工作要点》要求，逐项落实重点任务……」
    """

    doc_en = """Part 六 states how the higher level's annual government-affairs disclosure work points were carried out.

    What it checks
    Whether the report (usually part 六 「其他需要报告的事项」) mentions carrying out the annual work points
    (「工作要点」) of the State Council General Office and the higher level. A hint when it does not. 2019-template
    reports are not checked.

    Why
    One of the usual contents the format lists for part 六 is how the annual work points were carried out; its
    absence is worth a look.

    Basis
    Part 六 of 国办公开办函〔2021〕30号.

    Wrong
    Part 六 only states the information-processing fees; the report never mentions the annual work points.

    Right
    「（二）落实上级年度政务公开工作要点情况。按照《2023年政务公开工作要点》要求，逐项落实重点任务……」
    """

    code = "GC504"
    name = "work-points"
    title_zh = "报告落实年度政务公开工作要点情况"
    title_en = "The report covers the annual disclosure work points"
    clause = "国办公开办函〔2021〕30号 第六部分"
    fix = ("在第六部分写明落实本年度政务公开工作要点的情况",
           "In part 6 report how this year's key points for government openness were carried out")
    severity = Severity.INFO
    templates = frozenset({"2021"})
    messages = {
        "missing": ("{section}没有说明落实年度政务公开工作要点的情况",
                    "{section} does not report on implementing the annual government-affairs disclosure work points"),
    }

    def check(self, ctx):
        if not WORK_POINTS.search(all_prose(ctx.report)):
            yield self.finding("missing", section_pointer(ctx.report, 6), section=section_place(6))
