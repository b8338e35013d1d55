"""GC502 fee-statement."""

from __future__ import annotations

import re

from checker.findings import Severity
from checker.rule import Rule
from rules.content.common import all_prose, section_place, section_pointer, sentences_matching

# The fee's own name as real reports print it: 信息处理费, 信息公开处理费 (「2023年度我局未产生信息公开处理费」),
# 政府信息公开信息处理费.  Not a bare 处理费: 污水处理费, 垃圾处理费 are other matters.
PROCESSING_FEE = re.compile(r"(信息|公开)处理费")
FEE_SENTENCE = re.compile(
    PROCESSING_FEE.pattern
    + r"|(收取|收费|费用|缴费|计费)[^。；]{0,20}(信息公开|申请)|(信息公开|依申请)[^。；]{0,20}(收取|收费|费用)"
)
# Inside section 六 the fee is the item the template asks for, so a sentence that only says no fee was charged
# (「未收取任何费用」「无收费」「没有收取任何费用」「不涉及收费」) states it without naming it.
NO_FEE_IN_SECTION_SIX = re.compile(r"(未|没有|无|不)[^。；，]{0,8}(收费|费用)")
# 行政事业性收费 (T2's administrative fees) is another matter: its sentences do not state the fee.
ADMIN_FEES = re.compile(r"行政事业性收费")


def fee_sentences(text: str, pattern: re.Pattern[str] = FEE_SENTENCE) -> list[str]:
    return [s for s in sentences_matching(text, pattern) if PROCESSING_FEE.search(s) or not ADMIN_FEES.search(s)]


class FeeStatement(Rule):
    """第六部分须说明信息处理费的收取情况（收取了多少，或未收取）。

    检查什么
    第六部分「其他需要报告的事项」中有一句说明本年度依《政府信息公开信息处理费管理办法》收取信息处理费的
    情况：收取的金额或件数，或「未收取信息处理费」（也写作「信息公开处理费」「未产生…处理费」；第六部分里
    只说「未收取任何费用」「不涉及收费」也算）。写在其他部分也算说明了；只写「行政事业性收费」的
    句子不算（那是表二的各类行政收费，不是信息处理费）。报告年度早于 2021 年（管理办法施行前）不检查。

    为什么
    国办函〔2020〕109号要求行政机关在年度报告中说明信息处理费的收取情况；年度报告格式第六部分也列明此项。

    依据
    《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；国办公开办函〔2021〕30号 第六部分。

    错误示例
    第六部分只写「无其他需要报告的事项」。

    正确示例
    「本年度未收取政府信息公开信息处理费。」或「本年度共向3件申请收取信息处理费，计600元。」
    """

    doc_en = """Part 六 states the information-processing fees charged (how much, or none).

    What it checks
    A sentence in part 六 「其他需要报告的事项」 states the information-processing fees charged this year under the fee
    measures: the amount or number of applications charged, or 「未收取信息处理费」 (also printed 「信息公开处理费」,
    「未产生…处理费」; in part 六 a bare 「未收取任何费用」「不涉及收费」 counts too). Stated in another part counts
    too; a sentence only about 「行政事业性收费」 does not (those are T2's administrative fees, not information-
    processing fees). Reports for years before 2021 (before the measures applied) are not checked.

    Why
    国办函〔2020〕109号 requires organs to state the information-processing fees charged in their annual report; the
    format's part 六 lists it as well.

    Basis
    《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号); part 六 of 国办公开办函〔2021〕30号.

    Wrong
    Part 六 only says 「无其他需要报告的事项」.

    Right
    「本年度未收取政府信息公开信息处理费。」 or 「本年度共向3件申请收取信息处理费，计600元。」
    """

    code = "GC502"
    name = "fee-statement"
    title_zh = "说明信息处理费收取情况"
    title_en = "The report states the information-processing fees charged"
    clause = "国办函〔2020〕109号；国办公开办函〔2021〕30号 第六部分"
    fix = ("在第六部分写明本年度是否收取信息处理费；未收取的写「本年度未收取信息处理费」",
           "In part 6 state whether information-processing fees were charged; if none, write that no fees were charged this year")
    severity = Severity.WARNING
    messages = {
        "missing": ("{section}没有说明信息处理费的收取情况（收取了多少，或「本年度未收取信息处理费」）",
                    "{section} does not state the information-processing fees charged (how much, or that none were)"),
    }

    def check(self, ctx):
        report = ctx.report
        if report.year is not None and report.year < 2021:
            yield self.not_applicable("信息处理费管理办法自2021年起施行，本报告年度早于2021年",
                                      "the fee measures apply from 2021; this report is for an earlier year")
            return
        section_six = report.section_text(6)
        if fee_sentences(section_six, NO_FEE_IN_SECTION_SIX) or fee_sentences(all_prose(report)):
            return
        yield self.finding("missing", section_pointer(report, 6), section=section_place(6))
