"""GC701 carry-over-continuity."""

from __future__ import annotations

from checker.findings import Severity, Text
from checker.identities import carry_over
from checker.rule import Rule
from rules.common import insufficient


class CarryOverContinuity(Rule):
    """今年表三「二、上年结转」等于上一年度报告表三「四、结转下年度继续办理」，逐列核对。

    检查什么
    需要上一年度的报告（--previous）。表三七列逐列：本年「二、上年结转政府信息公开申请数量」= 上年「四、结转下年度
    继续办理」。有一格不是数字时，该列不核对并指明是哪一格。--previous 不是上一年度的报告时，本规则不适用。

    为什么
    上年年底未办结的申请，就是本年从上年结转来的申请；两者不等，说明有申请在两年之间“丢失”或“多出”，至少有一份
    报告的数字不准确。机构改革、职能划转也会造成不等，所以只是警告，请核实并在报告中说明。

    依据
    年度报告格式 表三 二、四两行的含义（推导关系 R7）。

    错误示例
    2022年度报告：结转下年度继续办理 3 件；2023年度报告：上年结转 0 件。

    正确示例
    2023年度报告上年结转 3 件（或在报告中说明差异的原因）。
    """

    doc_en = """This year's T3 「二、上年结转」 equals last year's T3 「四、结转下年度继续办理」, column by column.

    What it checks
    Needs last year's report (--previous). For each of T3's seven columns: this year's 「二、上年结转政府信息公开申请数量」 =
    last year's 「四、结转下年度继续办理」. A column with a cell that is not a number is not checked, and that cell is
    named. Not applicable when --previous is not the previous year's report.

    Why
    The applications still open at the end of last year are the ones carried over into this year; when the two
    differ, applications were "lost" or "gained" between the years, and at least one report is inaccurate.
    Reorganisations and transfers of functions can cause differences too, so this is only a warning: check it and
    explain it in the report.

    Basis
    What rows 二 and 四 of T3 mean in the format (derived identity R7).

    Wrong
    2022 report: carried forward 3; 2023 report: carried over 0.

    Right
    The 2023 report carries over 3 (or explains the difference).
    """

    code = "GC701"
    name = "carry-over-continuity"
    title_zh = "上年结转与上年报告的结转下年度一致"
    title_en = "Carried over equals last year's carried forward"
    clause = "年度报告格式 表三（R7）"
    fix = ("本年「二、上年结转政府信息公开申请数量」应填上年报告「四、结转下年度继续办理」的数字；如上年数字有误，在正文中说明",
           "Fill II (carried over) with last year's IV (carried forward); if last year's figure was wrong, explain it in the text")
    severity = Severity.WARNING
    needs_previous = True
    messages = {
        "mismatch": ("{column}：本年「二、上年结转」为 {actual}，上一年度报告「四、结转下年度继续办理」为 {expected}，相差 {difference}",
                     "{column}: carried over this year is {actual}, last year's carried forward was {expected}, off by {difference}"),
    }

    def check(self, ctx):
        report, previous = ctx.report, ctx.previous
        if not report.has_table("t3") or not previous.has_table("t3"):
            yield self.insufficient("本年或上一年度报告没有表三", "this or last year's report has no Table 3", "/tables/t3")
            return
        for identity in carry_over(previous, report):
            col, (before,), now = identity.label, identity.left, identity.right
            if identity.unknown:
                if not before.is_number:
                    yield self.insufficient(f"上一年度报告 表三 · {col.zh} · 四、结转下年度继续办理（{before.kind.zh}）不是数字，无法核对",
                                            f"last year's Table 3 · {col.en} · carried forward ({before.kind.value}) is not a number")
                if not now.is_number:
                    yield insufficient(self, Text(f"表三 · {col.zh}列", f"Table 3 · column {col.en}"), [now])
                continue
            if identity.holds is False:
                yield self.finding("mismatch", now.pointer, column=Text(f"表三 · {col.zh}", f"Table 3 · {col.en}"),
                                   actual=now.value, expected=before.value, difference=identity.difference)
