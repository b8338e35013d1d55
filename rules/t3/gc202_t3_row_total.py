"""GC202 t3-row-total."""

from __future__ import annotations

from checker import labels
from checker.findings import Severity, Text
from checker.model import total
from checker.rule import Rule
from rules.common import insufficient, missing_table


class T3RowTotal(Rule):
    """表三每一行的「总计」等于自然人与五类法人或其他组织之和。

    检查什么
    表三 25 行中的每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。
    有不是数字的格时，该行不核对，并指明是哪一格。

    为什么
    「总计」列是各类申请人之和；不相等说明某一格填错或漏填。

    依据
    国办公开办函〔2021〕30号 表三 列结构（总计）。

    错误示例
    「一、本年新收政府信息公开申请数量」：自然人 77、商业企业 4、其他 3，总计填 85。

    正确示例
    总计填 84（77 + 4 + 0 + 0 + 0 + 3）。
    """

    doc_en = """In every row of T3, 「总计」 equals natural persons plus the five kinds of legal persons and other organisations.

    What it checks
    Each of T3's 25 rows: total = natural persons + commercial enterprises + research institutions + social welfare
    organisations + legal service agencies + other. A row with a cell that is not a number is not checked, and
    that cell is named.

    Why
    The 「总计」 column is the sum over the kinds of applicant; a difference means a cell is wrong or missing.

    Basis
    The column structure of T3 (总计) in 国办公开办函〔2021〕30号.

    Wrong
    「一、本年新收政府信息公开申请数量」: natural persons 77, commercial 4, other 3, total 85.

    Right
    Total 84 (77 + 4 + 0 + 0 + 0 + 3).
    """

    code = "GC202"
    name = "t3-row-total"
    title_zh = "表三各行总计等于各类申请人之和"
    title_en = "Each T3 row's total equals the sum of the applicant columns"
    clause = "年度报告格式 表三（R3）"
    fix = ("使该行的「总计」等于自然人与各类法人或其他组织之和，改正填错的一格",
           "Make the row's total equal to natural persons plus every kind of organisation; correct the wrong cell")
    severity = Severity.ERROR
    messages = {
        "row_total": ("{row}：总计为 {actual}，各类申请人之和为 {terms} = {expected}，相差 {difference}",
                      "{row}: total is {actual}, the applicant columns add up to {terms} = {expected}, off by {difference}"),
    }

    def check(self, ctx):
        report = ctx.report
        if not report.has_table("t3"):
            yield missing_table(self, "t3")
            return
        for row in report.t3_rows():
            stated = report.t3(row.id, "total")
            parts = total(report.t3(row.id, c) for c in labels.T3_APPLICANT_COLUMNS)
            if not parts.known or not stated.is_number:
                unknown = parts.unknown + (() if stated.is_number else (stated,))
                yield insufficient(self, Text(row.place, row.en), unknown)
                continue
            if parts.value != stated.value:
                yield self.finding(
                    "row_total", stated.pointer, *(c.pointer for c in parts.cells),
                    row=Text(f"表三 · {row.place}", f"Table 3 · {row.en}"), terms=parts.terms(),
                    expected=parts.value, actual=stated.value, difference=stated.value - parts.value,
                )
