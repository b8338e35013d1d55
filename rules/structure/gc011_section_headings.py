"""GC011 section-headings."""

from __future__ import annotations

import re

from checker import labels
from checker.findings import Severity
from checker.model import strip_numbering
from checker.rule import Rule

def _wording(heading: str) -> str:
    text = strip_numbering(heading)
    text = re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）").replace("和", "及")
    return text


class SectionHeadings(Rule):
    """六个部分的标题须按顺序编号「一」至「六」，措辞与年度报告格式一致。

    检查什么
    对每个已识别的部分：标题前有中文序号（「四、」）、序号与它在格式中的位置一致、各部分按一至六的顺序出现、
    标题措辞与格式一致（「及」与「和」、全角与半角括号视为相同，也接受「政府信息公开工作存在的主要问题及改进情况」
    等正式写法）。

    为什么
    监管部门按统一格式逐项查阅、评分；序号缺失或措辞随意，会被认为未按格式编写。

    依据
    国办公开办函〔2021〕30号 年度报告格式。

    错误示例
    「政府信息公开行政复议、行政诉讼情况」（缺少「四、」）；「三、收到和处理政府信息公开申请」（少了「情况」）。

    正确示例
    「四、政府信息公开行政复议、行政诉讼情况」；「三、收到和处理政府信息公开申请情况」。
    """

    doc_en = """The six parts' headings are numbered 一 to 六 in order and worded as the format words them.

    What it checks
    For each part found: the heading starts with its Chinese numeral (「四、」), the numeral matches its place in the
    format, the parts come in the order 一 to 六, and the wording matches the format (「及」 and 「和」, full- and
    half-width brackets count as the same; formal variants such as 「政府信息公开工作存在的主要问题及改进情况」 are
    accepted).

    Why
    Supervisors read and score reports item by item in the common format; a missing numeral or loose wording is
    taken as not following the format.

    Basis
    The annual report format of 国办公开办函〔2021〕30号.

    Wrong
    「政府信息公开行政复议、行政诉讼情况」 (no 「四、」); 「三、收到和处理政府信息公开申请」 (「情况」 missing).

    Right
    「四、政府信息公开行政复议、行政诉讼情况」; 「三、收到和处理政府信息公开申请情况」.
    """

    code = "GC011"
    name = "section-headings"
    title_zh = "部分标题编号与措辞规范"
    title_en = "Section headings are numbered and worded as in the template"
    clause = "国办公开办函〔2021〕30号"
    fix = ("把标题改为问题中给出的模板标题：编号和措辞与模板一致",
           "Change the heading to the template's heading given in the problem: its numbering and wording")
    severity = Severity.WARNING
    templates = frozenset({"2021", "2019", "legacy"})
    messages = {
        "no_numeral": ("{place}：标题缺少序号，应为「{heading}」", "{place}: the heading has no numeral; expected “{heading}”"),
        "wrong_numeral": ("{place}：序号「{numeral}」与该部分在格式中的位置不符，应为「{heading}」",
                          "{place}: numeral “{numeral}” does not match the section's position; expected “{heading}”"),
        "order": ("{place}：该部分（格式中的第{number}部分）排在了第{after}部分之后，顺序应为一至六",
                  "{place}: this is section {number} but comes after section {after}; the order is 1 to 6"),
        "wording": ("{place}：标题措辞与格式不一致，应为「{heading}」", "{place}: heading wording differs from the template; expected “{heading}”"),
    }

    def check(self, ctx):
        last = 0
        for s in ctx.report.sections:
            if s.number is None:
                continue
            canon = labels.SECTIONS[s.number - 1]
            expected = f"{canon.numeral}、{canon.heading}"
            numeral = s.printed_numeral
            if numeral is None:
                yield self.finding("no_numeral", s.pointer, heading=expected)
            elif numeral != canon.numeral:
                yield self.finding("wrong_numeral", s.pointer, numeral=numeral, heading=expected)
            if s.number < last:
                yield self.finding("order", s.pointer, number=s.number, after=last)
            last = max(last, s.number)
            accepted = {_wording(h) for h in labels.ACCEPTED_HEADINGS[s.number]}
            if _wording(s.heading) not in accepted:
                yield self.finding("wording", s.pointer, heading=expected)
