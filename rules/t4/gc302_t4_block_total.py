"""GC302 t4-block-total."""

from __future__ import annotations

from checker import labels
from checker.findings import Severity, Text
from checker.model import total
from checker.rule import Rule
from rules.common import insufficient, missing_table


class T4BlockTotal(Rule):
    """表四每组的「总计」等于结果维持、结果纠正、其他结果、尚未审结之和。

    检查什么
    行政复议、未经复议直接起诉、复议后起诉三组，各自：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。

    为什么
    每一件复议或诉讼案件只有一种状态；总计不等于各状态之和，说明有案件漏计或重复计数。

    依据
    国办公开办函〔2021〕30号 表四（总计的含义，R4）。

    错误示例
    行政复议：维持 0、纠正 8、其他 7、尚未审结 0，总计填 16。

    正确示例
    总计填 15。
    """

    doc_en = """In each block of T4, 「总计」 equals upheld plus corrected plus other results plus pending.

    What it checks
    Reconsideration, litigation without prior reconsideration and litigation after reconsideration, each: total =
    upheld + corrected + other results + pending.

    Why
    Each case has exactly one state; a total that differs from the sum of the states means a case was left out or
    counted twice.

    Basis
    T4 of 国办公开办函〔2021〕30号 (what 总计 means, R4).

    Wrong
    Reconsideration: upheld 0, corrected 8, other 7, pending 0, total 16.

    Right
    Total 15.
    """

    code = "GC302"
    name = "t4-block-total"
    title_zh = "表四各组总计等于各结果之和"
    title_en = "Each T4 block's total equals the sum of its results"
    clause = "年度报告格式 表四（R4）"
    fix = ("使每组的「总计」等于维持、纠正、其他结果、尚未审结之和，改正填错的一格",
           "Make each group's total equal to upheld + corrected + other + pending; correct the wrong cell")
    severity = Severity.ERROR
    messages = {
        "block_total": ("{block}：总计为 {actual}，维持 + 纠正 + 其他 + 尚未审结 = {terms} = {expected}，相差 {difference}",
                        "{block}: total is {actual}, upheld + corrected + other + pending = {terms} = {expected}, off by {difference}"),
    }

    def check(self, ctx):
        report = ctx.report
        if not report.has_table("t4"):
            yield missing_table(self, "t4")
            return
        for block in labels.T4_BLOCKS:
            stated = report.t4(block.id, "total")
            parts = total(report.t4(block.id, c.id) for c in labels.T4_COLUMNS[:-1])
            if not parts.known or not stated.is_number:
                yield insufficient(self, Text(block.zh, block.en), parts.unknown + (() if stated.is_number else (stated,)))
                continue
            if parts.value != stated.value:
                yield self.finding(
                    "block_total", stated.pointer, *(c.pointer for c in parts.cells),
                    block=Text(f"表四 · {block.zh}", f"Table 4 · {block.en}"), terms=parts.terms(),
                    expected=parts.value, actual=stated.value, difference=stated.value - parts.value,
                )
