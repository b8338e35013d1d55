"""GC015 body-repeated."""

from __future__ import annotations

import re

from checker.findings import Severity
from checker.model import match_section
from checker.rule import Rule

# A line printed as a section heading: a Chinese numeral and 「、」, a few words (a sentence is longer).
_HEADING_LINE = re.compile(r"^\s*[一二三四五六]\s*[、.．]\s*\S.{0,30}$")


class BodyRepeated(Rule):
    """报告正文不应重复：部分标题不应在另一部分的正文中再次出现。

    检查什么
    在前言和各部分正文中，逐行查找单独成行、带序号的部分标题（「一、总体情况」「三、收到和处理政府信息公开申请情况」），
    且该部分在报告中已有标题。报告全文被粘贴两次（或多次）时，第二份的标题落在前一部分（通常是第六部分）的正文里，
    其后的全部内容都被读成了那一部分，报告的篇幅也成倍增加。每个部分报一次，写明重复出现的标题和次数。

    为什么
    重复粘贴的报告既不便公众阅读，也说明发布前未经审核；导入时也无法判断哪一份是要公开的内容。

    依据
    国办公开办函〔2021〕30号（年度报告格式；敷衍塞责）。

    错误示例
    第六部分「其他需要报告的事项」正文中又出现「一、总体情况」「二、主动公开政府信息情况」……（全文重复）。

    正确示例
    每个部分的标题在报告中只出现一次。
    """

    doc_en = """The report's text is not repeated: a part's heading does not appear again in another part's text.

    What it checks
    The preface and each part's text are searched line by line for a numbered part heading on a line of its own
    (「一、总体情况」「三、收到和处理政府信息公开申请情况」) of a part the report already has. When the whole report is
    pasted twice (or more), the second copy's headings fall into the text of the part before (usually part 六),
    everything after them is read as that part, and the report doubles in length. Each part is reported once,
    with the repeated heading and how often it appears.

    Why
    A report pasted twice is hard for the public to read and shows it was not reviewed before publication; an
    importer cannot tell which copy is the one to publish either.

    Basis
    国办公开办函〔2021〕30号 (the annual report format; perfunctory reporting).

    Wrong
    Part 六 「其他需要报告的事项」 contains 「一、总体情况」「二、主动公开政府信息情况」 … again (the whole text repeated).

    Right
    Each part's heading appears once in the report.
    """

    code = "GC015"
    name = "body-repeated"
    title_zh = "报告正文没有重复"
    title_en = "The report's body is not repeated"
    clause = "国办公开办函〔2021〕30号（年度报告格式）"
    fix = ("删去重复粘贴的内容，使每个部分只出现一次",
           "Delete the pasted-again text so that each part appears once")
    severity = Severity.WARNING
    templates = frozenset({"2021", "2019", "legacy"})
    messages = {
        "repeated": ("{place}：正文中再次出现部分标题「{heading}」（共 {count} 处），报告内容可能被重复粘贴",
                     "{place}: the section heading “{heading}” appears again in the text ({count} times); the report "
                     "may have been pasted more than once"),
    }

    def check(self, ctx):
        report = ctx.report
        headed = {s.number for s in report.sections if s.number is not None}
        places = [("/preface", report.preface)] + [(s.pointer, s.text) for s in report.sections]
        for pointer, text in places:
            first, count = None, 0
            for line in (text or "").splitlines():
                if len(line) > 40 or not _HEADING_LINE.match(line):
                    continue
                number = match_section(line)
                if number is not None and number in headed:
                    first = first or line.strip()
                    count += 1
            if first:
                yield self.finding("repeated", pointer, heading=first, count=count, quote=first)
