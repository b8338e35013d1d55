"""GC101 t2-cell-values."""

from __future__ import annotations

import re
import unicodedata

from checker import labels
from checker.findings import Severity
from checker.model import Kind
from checker.rule import Rule
from rules.common import BLANK_MESSAGES, CELL_MESSAGES, judge_cells, missing_table


_AMOUNT_WITH_UNIT = re.compile(r"\+?\d+(\.\d+)?\s*(万元|元)")


def _with_unit(cell, table: str) -> bool:
    """An amount printed with a unit that agrees with its column: 万元 under 2021's 「（单位：万元）」, or
    any currency unit under 2019's 「采购总金额」, whose header names none."""
    if cell.kind is not Kind.TEXT or not isinstance(cell.raw, str):
        return False
    m = _AMOUNT_WITH_UNIT.fullmatch(unicodedata.normalize("NFKC", cell.raw).strip())
    return bool(m) and (table == "t2_2019" or m.group(2) == "万元")


class T2CellValues(Rule):
    """表二每一格都应是非负整数，收费金额为非负数。

    检查什么
    表二「主动公开政府信息情况」的每一格：件数与处理决定数量为非负整数，「行政事业性收费 · 本年收费金额（单位：万元）」
    为非负数（可有小数）。空白、「/」「—」等不适用标记为警告；文字（如「无」）、负数、件数带小数为错误。
    2019年模板的表二（本年新制作数量、上一年项目数量、本年增/减、政府集中采购等栏目）同样核对，其中「本年增/减」
    可以是负数，「采购总金额」可有小数。

    为什么
    表二是统计表，监管部门据以汇总全国主动公开情况；空白、文字使数据无法汇总和核对。空白不等于 0。

    依据
    国办公开办函〔2021〕30号 年度报告格式 表二；2019年模板（国办公开办函〔2019〕60号）表二。

    错误示例
    「行政强制 · 本年处理决定数量」填「/」；「规章 · 本年制发件数」空白；「行政事业性收费」填「无」。

    正确示例
    没有发生的填「0」；收费金额以万元为单位填数字，如「35.6」（写作「35.6万元」也按数字读）。
    """

    doc_en = """Every cell of T2 is a non-negative whole number; the fee amount a non-negative number.

    What it checks
    Each cell of T2 「主动公开政府信息情况」: counts and numbers of decisions are non-negative whole numbers;
    「行政事业性收费 · 本年收费金额（单位：万元）」 is a non-negative number (decimals allowed). A blank or a mark such as
    「/」「—」 is a warning; text (「无」), a negative number, a decimal count is an error. The 2019 template's T2
    (本年新制作数量, 上一年项目数量, 本年增/减, 政府集中采购 …) is checked the same way; there 「本年增/减」 may be
    negative and 「采购总金额」 may be decimal.

    Why
    T2 is a statistical table that supervisors sum nationally; blanks and text cannot be summed or checked. A
    blank is not a zero.

    Basis
    T2 of the format in 国办公开办函〔2021〕30号; T2 of the 2019 template (国办公开办函〔2019〕60号).

    Wrong
    「行政强制 · 本年处理决定数量」 reads 「/」; 「规章 · 本年制发件数」 is blank; 「行政事业性收费」 reads 「无」.

    Right
    「0」 where nothing happened; the fee amount as a number in 万元, such as 「35.6」.
    """

    code = "GC101"
    name = "t2-cell-values"
    title_zh = "表二每格为非负数"
    title_en = "Every T2 cell is a non-negative number"
    clause = "国办公开办函〔2021〕30号 表二"
    fix = ("空白处填写数字，没有发生的填 0；不要填「/」「—」「无」或文字",
           "Write a number in every blank cell, 0 where nothing happened; not 「/」, 「—」, 「无」 or words")
    severity = Severity.ERROR
    messages = {
        **CELL_MESSAGES,
        **BLANK_MESSAGES,
        "text": ("{place}：填写了文字「{raw}」，应为非负数", "{place}: reads “{raw}”, not a non-negative number"),
    }

    def check(self, ctx):
        report = ctx.report
        table = "t2_2019" if report.template == "2019" else "t2"
        if not report.has_table(table):
            yield missing_table(self, table)
            return
        cells = [report.cell(table, row.id, col.id) for block in labels.t2_blocks(report.template)
                 for row in block.rows for col in block.columns]
        present = [c for c in cells if c.kind is not Kind.MISSING]
        if present and all(c.kind is Kind.BLANK for c in present):
            yield self.finding("table_blank", f"/tables/{table}", severity=Severity.WARNING, count=len(present))
            return
        for block in labels.t2_blocks(report.template):
            for row in block.rows:
                for col in block.columns:
                    cell = report.cell(table, row.id, col.id)
                    if col.id == "amount" and _with_unit(cell, table):
                        continue  # 「45.82万元」: an amount printed with its unit is a number, not text
                    # Only the money columns may be decimal; 「本年增/减」 (2019) may be negative.
                    yield from judge_cells(self, (cell,), amount=col.id == "amount", signed=col.id == "change")
