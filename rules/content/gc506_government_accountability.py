"""GC506 government-accountability."""

from __future__ import annotations

import re

from checker import labels
from checker.findings import Severity, Text
from checker.rule import Rule
from rules.content.common import all_prose

PARTS = (
    (Text("工作考核", "performance assessment"), re.compile(r"考核|考评|绩效")),
    (Text("社会评议", "public appraisal"), re.compile(r"评议|群众评价|社会评价|满意度")),
    (Text("责任追究", "accountability"), re.compile(r"责任追究|追责|问责|追究")),
)


# A zone's 片区管理局 is read as township-level (checker.organs) for deadlines and fee units, but it is not a
# people's government: article 50's extra contents are not asked of it.
AREA_ADMINISTRATION = re.compile(r"片区管理局$")


class GovernmentAccountability(Rule):
    """人民政府的报告须说明政府信息公开工作考核、社会评议和责任追究结果。

    检查什么
    人民政府（省、市、县、乡镇人民政府和街道办事处）的报告全文是否说到工作考核（「考核」「考评」）、
    社会评议（「评议」「满意度」）和责任追究（「责任追究」「问责」「追责」）的结果；缺少的每一项列出。
    没有发生责任追究也应写明（「未发生责任追究情况」）。政府部门不检查；片区管理局（乡镇一级，但不是人民政府）也不检查。

    为什么
    《条例》第五十条规定人民政府的年度报告还应当包括工作考核、社会评议和责任追究结果情况。

    依据
    《中华人民共和国政府信息公开条例》第五十条。

    错误示例
    县政府报告写了政务公开考核，但没有社会评议和责任追究的任何说明。

    正确示例
    「将政务公开纳入年度绩效考核，开展社会评议1次，本年度未发生因政务公开工作被责任追究的情况。」
    """

    doc_en = """A government's report states the results of performance assessment, public appraisal and accountability.

    What it checks
    Whether the report of a government (province, city, county, township, sub-district office) speaks of the
    results of work assessment (「考核」「考评」), public appraisal (「评议」「满意度」) and accountability (「责任追究」
    「问责」「追责」); each missing one is listed. When no one was held accountable, the report should say so
    (「未发生责任追究情况」). Government departments are not checked, nor a 片区管理局 (township-level, but not a
    people's government).

    Why
    Article 50 requires a government's annual report also to cover the results of work assessment, public
    appraisal and accountability.

    Basis
    《中华人民共和国政府信息公开条例》 art. 50.

    Wrong
    A county government's report describes the disclosure assessment but says nothing of public appraisal or
    accountability.

    Right
    「将政务公开纳入年度绩效考核，开展社会评议1次，本年度未发生因政务公开工作被责任追究的情况。」
    """

    code = "GC506"
    name = "government-accountability"
    title_zh = "政府报告说明考核、社会评议和责任追究结果"
    title_en = "A government's report covers assessment, public appraisal and accountability"
    clause = "《条例》第五十条"
    fix = ("在报告中写明政府信息公开工作考核、社会评议和责任追究的结果",
           "State the results of the assessment, public appraisal and accountability of the openness work")
    severity = Severity.WARNING
    templates = frozenset({"2021", "2019", "legacy"})
    organ_kinds = labels.GOVERNMENT_KINDS
    messages = {
        "missing": ("报告没有说明政府信息公开工作的{missing}结果（人民政府的年度报告应包括工作考核、社会评议和责任追究结果）",
                    "the report does not state the results of {missing} (a government's report must cover assessment, "
                    "public appraisal and accountability)"),
    }

    def check(self, ctx):
        if AREA_ADMINISTRATION.search(ctx.report.organ_name or ""):
            yield self.not_applicable("片区管理局是乡镇一级的管理机构，不是人民政府，第五十条的这一要求不及于它",
                                      "an area administration (片区管理局) works at township level but is not a people's "
                                      "government; article 50 does not ask this of it")
            return
        text = all_prose(ctx.report)
        missing = [name for name, pattern in PARTS if not pattern.search(text)]
        if missing:
            yield self.finding("missing", "/sections", place=Text("正文", "text"), missing=missing)
