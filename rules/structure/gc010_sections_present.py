"""GC010 sections-present."""

from __future__ import annotations

from checker import labels
from checker.findings import Severity, Text
from checker.rule import Rule


class SectionsPresent(Rule):
    """报告须包含规定的六个部分。

    检查什么
    按标题的含义（不论有无编号）查找六个部分：总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、
    政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。缺少的每一部分是一条发现。

    为什么
    《条例》第五十条规定年度报告应当包括的内容；年度报告格式把它们固定为六个部分，缺少任何一部分即内容不完整。

    依据
    《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号。

    错误示例
    报告只有「一、总体情况」「二、主动公开政府信息情况」「三、收到和处理政府信息公开申请情况」「四、…」，
    没有「其他需要报告的事项」。

    正确示例
    六个部分齐全，即使某部分没有内容，也保留标题并写明情况（如「本年度未收取信息处理费」）。
    """

    doc_en = """The report has the six prescribed parts.

    What it checks
    The six parts are looked for by what their headings mean (numbered or not): overview, proactive disclosure,
    applications received and handled, administrative reconsideration and litigation, main problems and
    improvements, other matters. Each missing part is one finding.

    Why
    Article 50 of the Regulation lists what an annual report contains; the format fixes it as six parts, and a
    report missing any of them is incomplete.

    Basis
    《中华人民共和国政府信息公开条例》 art. 50; 国办公开办函〔2021〕30号.

    Wrong
    The report has 「一、总体情况」「二、主动公开政府信息情况」「三、收到和处理政府信息公开申请情况」「四、…」 but no
    「其他需要报告的事项」.

    Right
    All six parts are there; a part with nothing to report keeps its heading and says so (「本年度未收取信息处理费」).
    """

    code = "GC010"
    name = "sections-present"
    title_zh = "六个部分齐全"
    title_en = "The six sections are present"
    clause = "《条例》第五十条；国办公开办函〔2021〕30号"
    fix = ("按模板补齐缺少的部分（一至六），没有内容的部分写「无」并说明原因",
           "Add the missing parts (1–6) from the template; write that there was nothing, and why, where a part has no content")
    severity = Severity.ERROR
    templates = frozenset({"2021", "2019", "legacy"})
    messages = {
        "missing": ("缺少{section}", "{section} is missing"),
    }

    def check(self, ctx):
        for s in labels.SECTIONS:
            if ctx.report.section(s.number) is None:
                yield self.finding("missing", "/sections", place=Text("正文各部分", "sections"),
                                   section=Text(labels.section_place(s.number), labels.section_place(s.number, "en")),
                                   number=s.number)
