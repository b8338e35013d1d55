"""GC702 stock-continuity."""

from __future__ import annotations

from checker.findings import Severity, Text
from checker.identities import roll_forward
from checker.rule import Rule
from rules.common import fmt, insufficient


class StockContinuity(Rule):
    """现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数。

    检查什么
    需要上一年度的报告（--previous），两年都是2021年模板。表二「规章」「行政规范性文件」两行：
    本年「现行有效件数」= 上一年度报告的「现行有效件数」+ 本年「本年制发件数」− 本年「本年废止件数」。
    有一格不是数字时，该行不核对并指明是哪一格。2019年模板的「对外公开总数量」口径不同，不与之比较。

    为什么
    现行有效的文件，只会因本年制发而增加、因废止（或失效）而减少；不相等通常说明某一年的数字不准确。文件到期自动
    失效、清理口径调整也会造成差异，所以只是警告，请核实并在报告中说明。

    依据
    年度报告格式 表二 第二十条第（一）项（推导关系 R8）。

    错误示例
    2022年度：行政规范性文件现行有效 30；2023年度：本年制发 5、本年废止 2，现行有效填 40（30 + 5 − 2 = 33）。

    正确示例
    现行有效填 33，或说明差异的原因。
    """

    doc_en = """In force = last year's in force + issued this year − repealed this year.

    What it checks
    Needs last year's report (--previous), both in the 2021 template. T2 rows 「规章」 and 「行政规范性文件」: this year's
    「现行有效件数」 = last year's 「现行有效件数」 + this year's 「本年制发件数」 − this year's 「本年废止件数」. A row with a cell
    that is not a number is not checked, and that cell is named. The 2019 template's 「对外公开总数量」 counts
    differently and is not compared.

    Why
    Documents in force only grow by those issued and shrink by those repealed (or expired); a difference usually
    means one year's figure is inaccurate. Documents expiring on their own and changed clean-up counting also cause
    differences, so this is only a warning: check it and explain it in the report.

    Basis
    T2 item 第二十条第（一）项 of the format (derived identity R8).

    Wrong
    2022: normative documents in force 30; 2023: issued 5, repealed 2, in force 40 (30 + 5 − 2 = 33).

    Right
    In force 33, or the difference explained.
    """

    code = "GC702"
    name = "stock-continuity"
    title_zh = "现行有效件数与上年衔接"
    title_en = "Documents in force carry on from last year"
    clause = "年度报告格式 表二 第二十条第（一）项（R8）"
    fix = ("现行有效件数应为上年现行有效件数加本年制发、减本年废止；核对表二后改正，或在正文中说明差异原因",
           "This year's in-force count should be last year's plus issued minus repealed; correct Table 2 or explain the difference")
    severity = Severity.WARNING
    templates = frozenset({"2021"})
    needs_previous = True
    messages = {
        "mismatch": ("{row}：现行有效为 {actual}，上年现行有效 + 本年制发 − 本年废止 = {formula} = {expected}，相差 {difference}",
                     "{row}: {actual} in force, last year's in force + issued − repealed = {formula} = {expected}, off by {difference}"),
    }

    def check(self, ctx):
        report, previous = ctx.report, ctx.previous
        if previous.template != "2021":
            yield self.not_applicable("上一年度报告不是2021年模板，「现行有效件数」无从比较",
                                      "last year's report is not in the 2021 template; nothing to compare “in force” with")
            return
        if not report.has_table("t2") or not previous.has_table("t2"):
            yield self.insufficient("本年或上一年度报告没有表二", "this or last year's report has no Table 2", "/tables/t2")
            return
        for identity in roll_forward(previous, report):
            row, (before, issued, repealed), now = identity.label, identity.left, identity.right
            name = Text(f"表二 · {row.zh}", f"Table 2 · {row.en}")
            unknown = [c for c in identity.unknown if c is not before]
            if not before.is_number:
                yield self.insufficient(f"上一年度报告 表二 · {row.zh} · 现行有效件数（{before.kind.zh}）不是数字，无法核对",
                                        f"last year's Table 2 · {row.en} · in force ({before.kind.value}) is not a number")
            if unknown:
                yield insufficient(self, name, unknown)
            if identity.holds is False:
                yield self.finding("mismatch", now.pointer, issued.pointer, repealed.pointer, row=name,
                                   formula=f"{fmt(before.value)} + {fmt(issued.value)} − {fmt(repealed.value)}",
                                   actual=now.value, expected=identity.expected, difference=identity.difference)
