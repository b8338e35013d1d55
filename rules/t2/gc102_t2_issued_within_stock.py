"""GC102 t2-issued-within-stock."""

from __future__ import annotations

from checker import labels
from checker.findings import Severity, Text
from checker.model import total
from checker.rule import Rule
from rules.common import insufficient, missing_table


class T2IssuedWithinStock(Rule):
    """表二：本年制发件数不超过现行有效件数与本年废止件数之和。

    检查什么
    「规章」和「行政规范性文件」两行：本年制发件数 ≤ 现行有效件数 + 本年废止件数。有一格不是数字时，该行不核对，
    并指明是哪一格。

    为什么
    本年制发的文件，年底要么仍然有效，要么已在本年废止；制发数大于两者之和，说明某一格填错（常见的是把「现行有效」
    填成了本年新增的有效件数，或漏填废止件数）。

    依据
    国办公开办函〔2021〕30号 表二 第二十条第（一）项（推导关系 R6）。

    错误示例
    行政规范性文件：本年制发 18、本年废止 0、现行有效 12（18 > 12 + 0）。

    正确示例
    本年制发 18、本年废止 12、现行有效 38（18 ≤ 38 + 12）。
    """

    doc_en = """T2: the documents issued this year do not exceed those in force plus those repealed this year.

    What it checks
    Rows 「规章」 and 「行政规范性文件」: issued this year ≤ in force + repealed this year. When a cell is not a number,
    the row is not checked, and that cell is named.

    Why
    A document issued this year is, at the year's end, either still in force or repealed this year; more issued
    than the two together means a cell is wrong (typically 「现行有效」 filled with only this year's new documents, or
    the repealed count left out).

    Basis
    T2 item 第二十条第（一）项 of 国办公开办函〔2021〕30号 (derived identity R6).

    Wrong
    Normative documents: issued 18, repealed 0, in force 12 (18 > 12 + 0).

    Right
    Issued 18, repealed 12, in force 38 (18 ≤ 38 + 12).
    """

    code = "GC102"
    name = "t2-issued-within-stock"
    title_zh = "表二本年制发不超过现行有效与本年废止之和"
    title_en = "T2 issued this year does not exceed in force plus repealed"
    clause = "年度报告格式 表二 第二十条第（一）项（R6）"
    fix = ("核对表二：本年制发件数不应超过现行有效件数与本年废止件数之和，改正填错的一格",
           "Check Table 2: issued this year cannot exceed in force plus repealed; correct the wrong cell")
    severity = Severity.ERROR
    templates = frozenset({"2021"})
    messages = {
        "exceeds": ("{row}：本年制发 {actual} 件，大于现行有效 + 本年废止 = {terms} = {expected} 件，多出 {difference} 件",
                    "{row}: {actual} issued this year exceeds in force + repealed = {terms} = {expected}, by {difference}"),
    }

    def check(self, ctx):
        report = ctx.report
        if not report.has_table("t2"):
            yield missing_table(self, "t2")
            return
        for row in labels.T2_2021[0].rows:
            issued = report.t2(row.id, "issued")
            stock = total((report.t2(row.id, "in_force"), report.t2(row.id, "repealed")))
            if not issued.is_number or not stock.known:
                yield insufficient(self, Text(f"表二 · {row.zh}", f"Table 2 · {row.en}"),
                                   ((issued,) if not issued.is_number else ()) + stock.unknown)
                continue
            if issued.value > stock.value:
                yield self.finding(
                    "exceeds", issued.pointer, *(c.pointer for c in stock.cells),
                    row=Text(f"表二 · {row.zh}", f"Table 2 · {row.en}"), terms=stock.terms(),
                    expected=stock.value, actual=issued.value, difference=issued.value - stock.value,
                )
