"""GC301 t4-cell-values."""

from __future__ import annotations

from checker import labels
from checker.findings import Severity
from checker.rule import Rule
from rules.common import BLANK_MESSAGES, CELL_MESSAGES, judge_grid, missing_table


class T4CellValues(Rule):
    """表四的 15 格都应是非负整数，且表四须以表格填报。

    检查什么
    表四「政府信息公开行政复议、行政诉讼情况」三组（行政复议、未经复议直接起诉、复议后起诉）各五格：
    空白与「/」「—」为警告，文字、负数、小数为错误。报告有第四部分文字却没有表四时，为错误；既无表四
    也无第四部分文字时为「数据不足」。整张表空白或一组五格全空白只报一条。

    为什么
    表四是统计表，用于汇总全国的复议、诉讼情况；只写一段文字无法汇总，也无法核对。

    依据
    国办公开办函〔2021〕30号 年度报告格式 表四。

    错误示例
    第四部分只写「本年度未发生行政复议、行政诉讼」，没有表格；或「尚未审结」一格填「/」。

    正确示例
    按格式填表，没有发生的填「0」。
    """

    doc_en = """All 15 cells of T4 are non-negative whole numbers, and T4 is given as a table.

    What it checks
    T4 「政府信息公开行政复议、行政诉讼情况」, three blocks (reconsideration, litigation without prior reconsideration,
    litigation after reconsideration) of five cells each: a blank or 「/」「—」 is a warning; text, a negative
    number or a decimal is an error. A report with a part 四 in prose but no T4 is an error; with neither T4
    nor a part 四, the data are insufficient. A wholly blank table, or a block of five blank cells, is one
    finding.

    Why
    T4 is a statistical table for summing reconsideration and litigation nationally; a paragraph of prose cannot
    be summed or checked.

    Basis
    T4 of the format in 国办公开办函〔2021〕30号.

    Wrong
    Part 四 only says 「本年度未发生行政复议、行政诉讼」, with no table; or the 「尚未审结」 cell reads 「/」.

    Right
    The table filled in as the format prints it, with 「0」 where nothing happened.
    """

    code = "GC301"
    name = "t4-cell-values"
    title_zh = "表四每格为非负整数"
    title_en = "Every T4 cell is a non-negative whole number"
    clause = "国办公开办函〔2021〕30号 表四"
    fix = ("空白处填写数字，没有发生的填 0；件数为非负整数",
           "Write a whole number in every blank cell, 0 where nothing happened")
    severity = Severity.ERROR
    messages = {
        **CELL_MESSAGES,
        **BLANK_MESSAGES,
        "prose_only": ("{place}：只有文字说明，没有按格式填报表四（15 个数字）",
                       "{place}: prose only; Table 4 (15 numbers) is missing"),
    }

    def check(self, ctx):
        report = ctx.report
        if not report.has_table("t4"):
            section = report.section(4)
            if section is not None and section.text.strip():
                yield self.finding("prose_only", section.pointer)
            else:
                yield missing_table(self, "t4")
            return
        # One 「column」 per block: a block printed without numbers is one finding.
        yield from judge_grid(self, "t4", ((b.id, (b.zh, b.en), [report.t4(b.id, c.id) for c in labels.T4_COLUMNS])
                                           for b in labels.T4_BLOCKS), message="block_blank")
