"""GC201 t3-cell-values."""

from __future__ import annotations

from checker import labels
from checker.findings import Severity
from checker.rule import Rule
from rules.common import BLANK_MESSAGES, CELL_MESSAGES, judge_grid, missing_table


class T3CellValues(Rule):
    """表三每一格都应是非负整数。

    检查什么
    表三「收到和处理政府信息公开申请情况」的每一格（2021年模板 25 行 × 7 列）：空白、「/」「—」等不适用标记为警告；
    文字（如「无」）、负数、小数为错误。空白不等于 0，本工具不会把空白当作 0 参与计算。
    整张表空白（印了表头却没有数字）只报一条，整列空白（如「科研机构」一列）也只报一条，不逐格报告；
    报告中没有表三时为「数据不足」，不是「通过」。

    为什么
    表三是统计表，每格都是件数。空白或文字使勾稽关系无法核对，监管部门也无法汇总。

    依据
    国办公开办函〔2021〕30号 年度报告格式 表三。

    错误示例
    「（五）不予处理 4.无正当理由大量反复申请」一行中「科研机构」一格空白；或填写「无」。

    正确示例
    没有发生的填「0」。
    """

    doc_en = """Every cell of T3 is a non-negative whole number.

    What it checks
    Each cell of T3 「收到和处理政府信息公开申请情况」 (2021 template: 25 rows × 7 columns): a blank or a mark such as
    「/」「—」 is a warning; text (「无」), a negative number or a decimal is an error. A blank is not a zero; this tool
    never counts a blank as 0. A wholly blank table (its header printed without numbers) is one finding, and
    so is a wholly blank column (such as 「科研机构」), not one per cell; a report without T3 has insufficient
    data, not a pass.

    Why
    T3 is a statistical table of counts. Blanks or text make its identities uncheckable and stop supervisors from
    summing it.

    Basis
    T3 of the format in 国办公开办函〔2021〕30号.

    Wrong
    In row 「（五）不予处理 4.无正当理由大量反复申请」 the 「科研机构」 cell is blank, or reads 「无」.

    Right
    「0」 where nothing happened.
    """

    code = "GC201"
    name = "t3-cell-values"
    title_zh = "表三每格为非负整数"
    title_en = "Every T3 cell is a non-negative whole number"
    clause = "国办公开办函〔2021〕30号 表三"
    fix = ("空白处填写数字，没有发生的填 0；件数为非负整数，不要填「/」「—」或文字",
           "Write a whole number in every blank cell, 0 where nothing happened; not 「/」, 「—」 or words")
    severity = Severity.ERROR
    messages = {**CELL_MESSAGES, **BLANK_MESSAGES}

    def check(self, ctx):
        report = ctx.report
        if not report.has_table("t3"):
            yield missing_table(self, "t3")
            return
        yield from judge_grid(self, "t3", ((c.id, (c.zh, c.en), [report.t3(r.id, c.id) for r in report.t3_rows()])
                                           for c in labels.T3_COLUMNS))
