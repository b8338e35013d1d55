"""GC503 fee-consistency."""

from __future__ import annotations

import re

from checker.findings import Severity, Text
from checker.rule import Rule
from rules.common import insufficient, missing_table
from rules.content.common import sentences_matching
from rules.text.claims import passages

# A statement that no fee was ever levied or notified.  「未收取」 (nothing was collected) is NOT one:
# applicants who let a fee notice lapse paid nothing, which is exactly what T3 （六）2 counts.
# The fee is also printed 信息公开处理费 (GC502 reads the same names).
NO_FEE_EVER = re.compile(
    r"(不|未|没有|无需|无须)(涉及|产生|发生|出现|开展)[^。；，]{0,8}((信息|公开)处理费|收费|费用)"
    r"|(不收取|无需收取|无须收取|免收|免予收取|免于收取|一律不收)[^。；]{0,8}((信息|公开)处理费|费用)"
    r"|(未|没有)(向申请人)?(发出|下发|出具|开具|送达|发送)[^。；，]{0,6}收费通知"
)


class FeeConsistency(Rule):
    """表三（六）2 有数，正文却说从未收费或未发过收费通知。

    检查什么
    表三「（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用」总计大于 0，说明本年度发出过收费通知；
    此时正文若说「不涉及信息处理费」「不收取信息处理费」「未发出收费通知」，两者矛盾。
    「本年度未收取信息处理费」不算矛盾：申请人逾期未缴费，机关本来就没有收到钱。
    不与表二的「行政事业性收费」比较（那是另一回事）。2019年模板的表三没有此行，不适用。

    为什么
    收费通知是信息处理费制度的一环；表与文说法相反，至少有一处不实。

    依据
    《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；年度报告格式 表三（六）2。

    错误示例
    表三（六）2 总计为 2，第六部分写「本机关不涉及信息处理费收取」。

    正确示例
    写「本年度向2件申请发出收费通知，申请人均未在期限内缴费，未实际收取信息处理费」。
    """

    doc_en = """T3 （六）2 has a number, yet the text says no fee was ever charged or no fee notice sent.

    What it checks
    A total above 0 in T3 「（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用」 means fee notices were sent this year;
    text then saying 「不涉及信息处理费」「不收取信息处理费」「未发出收费通知」 contradicts it. 「本年度未收取信息处理费」
    is no contradiction: the applicant did not pay, so the organ received nothing. T2's 「行政事业性收费」 is not
    compared (another matter). The 2019 template's T3 has no such row: not applicable.

    Why
    Fee notices are part of the information-processing fee scheme; when table and text say the opposite, at least
    one of them is untrue.

    Basis
    《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号); T3 （六）2 of the format.

    Wrong
    T3 （六）2 total 2; part 六 says 「本机关不涉及信息处理费收取」.

    Right
    「本年度向2件申请发出收费通知，申请人均未在期限内缴费，未实际收取信息处理费」.
    """

    code = "GC503"
    name = "fee-consistency"
    title_zh = "信息处理费说明与表三（六）2 一致"
    title_en = "The fee statement agrees with Table 3 (6)2"
    clause = "国办函〔2020〕109号；年度报告格式 表三（六）2"
    fix = ("使正文对信息处理费的说明与表三（六）2「收取信息处理费」的件数一致，改正其中错误的一处",
           "Make the text on fees agree with Table 3 (VI)2 (fees charged); correct whichever of the two is wrong")
    severity = Severity.WARNING
    templates = frozenset({"2021"})
    messages = {
        "contradiction": ("{place}：正文说没有收费，而{cell}为 {count}（发出过收费通知、申请人逾期未缴费）",
                          "{place}: the text says no fee was charged, but {cell} is {count} "
                          "(fee notices were issued and not paid)"),
    }

    def check(self, ctx):
        report = ctx.report
        if not report.has_table("t3"):
            yield missing_table(self, "t3")
            return
        cell = report.t3("other_overdue_fee", "total")
        if not cell.is_number:
            yield insufficient(self, Text("表三（六）2", "Table 3 (6)2"), (cell,))
            return
        if not cell.value:
            return
        for passage in passages(report):
            for sentence in sentences_matching(passage.text, NO_FEE_EVER):
                yield self.finding("contradiction", passage.pointer, cell.pointer, quote=sentence,
                                   count=cell.value,
                                   cell=Text(cell.place(), cell.place("en")))
