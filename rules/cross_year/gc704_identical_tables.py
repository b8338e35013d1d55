"""GC704 identical-tables."""

from __future__ import annotations

from checker import labels
from checker.findings import Severity, Text
from checker.model import Cell, Kind, Report
from checker.rule import Option, Rule


def table_cells(report: Report, table: str) -> list[Cell]:
    """Every cell of a table in its template's printed order (T2 by the report's own template)."""
    if table == "t2":
        name = "t2_2019" if report.template == "2019" else "t2"
        return [report.cell(name, r.id, c.id) for b in labels.t2_blocks(report.template) for r in b.rows for c in b.columns]
    if table == "t3":
        return [report.t3(r.id, c.id) for r in report.t3_rows() for c in labels.T3_COLUMNS]
    return [report.t4(b.id, c.id) for b in labels.T4_BLOCKS for c in labels.T4_COLUMNS]


_NAMES = {"t2": Text("表二 主动公开政府信息情况", "Table 2 (proactive disclosure)"),
          "t3": Text("表三 收到和处理政府信息公开申请情况", "Table 3 (applications)"),
          "t4": Text("表四 行政复议、行政诉讼情况", "Table 4 (reconsideration and litigation)")}


class IdenticalTables(Rule):
    """表二、表三、表四的数字不应与上一年度报告完全相同。

    检查什么
    需要上一年度的报告（--previous）。表二、表三、表四逐表比较：两年同一模板、每一格都相同（数字相同，空白对空白）、
    且至少有若干格（默认 3 格）是非零数字时，给出警告。全为 0 或几乎全为 0 的表（如没有发生行政复议、诉讼的表四，
    没有收到申请的表三）两年相同是正常的，不提示——否则没有申请的小机关每年都会被误报；下限可配置（min_nonzero_cells）。
    两年模板不同（表二栏目不同）时，该表不比较。本年或上年报告没有任何可比较的表格时为「数据不足」，不是「通过」。

    为什么
    一年的行政许可、处罚、申请办理数字与上年完全相同几乎不可能，通常是照抄了上年报告的表格。年度报告格式把
    内容雷同列为问责情形。

    依据
    国办公开办函〔2021〕30号（内容雷同）。

    错误示例
    2023年度报告表三与2022年度报告表三的 175 格完全相同（新收 36、予以公开 19……）。

    正确示例
    按本年度的实际统计填报。
    """

    doc_en = """T2, T3 and T4 do not have exactly last year's figures.

    What it checks
    Needs last year's report (--previous). T2, T3 and T4 compared table by table: a warning when both years use
    the same template, every cell is the same (same numbers, blank for blank) and at least a few cells (3 by
    default) are non-zero numbers. Tables all or nearly all 0 (a T4 without reconsideration or litigation, a T3
    without applications) are normally the same two years running and give no hint — otherwise a small organ
    without applications would be flagged every year; the minimum is configurable (min_nonzero_cells). Tables in
    different templates (T2's columns differ) are not compared.

    Why
    Licensing, penalty and application figures exactly equal to last year's are all but impossible; usually last
    year's tables were copied. The format lists copied content as a ground for accountability.

    Basis
    国办公开办函〔2021〕30号 (内容雷同).

    Wrong
    The 2023 report's T3 has all 175 cells equal to the 2022 report's (new 36, disclosed 19 …).

    Right
    This year's actual statistics.
    """

    code = "GC704"
    name = "identical-tables"
    title_zh = "统计表与上年不完全相同"
    title_en = "Tables are not identical to last year's"
    clause = "国办公开办函〔2021〕30号（内容雷同）"
    fix = ("按本年度的实际统计重新填写统计表，不要沿用上年表格",
           "Fill the tables with this year's own statistics; do not reuse last year's")
    severity = Severity.WARNING
    needs_previous = True
    options = {
        "min_nonzero_cells": Option(3, "表中非零数字少于该格数时不比较（全零的表两年相同是正常的）", int, en="tables with fewer non-zero cells are not compared (all-zero tables are normally the same every year)"),
    }
    messages = {
        "identical": ("{place}：{table}的 {count} 格与上一年度（{year}年）报告完全相同，请核实是否照抄了上年数据",
                      "{place}: all {count} cells of {table} are identical to last year's ({year}) report; were they copied?"),
    }

    def check(self, ctx):
        report, previous = ctx.report, ctx.previous
        compared = 0
        for table in ("t2", "t3", "t4"):
            if table == "t2" and report.template != previous.template:
                continue
            now, before = table_cells(report, table), table_cells(previous, table)
            if all(c.kind is Kind.MISSING for c in now) or all(c.kind is Kind.MISSING for c in before):
                continue
            compared += 1
            nonzero = sum(1 for c in now if c.is_number and c.value != 0)
            if nonzero < self.config["min_nonzero_cells"]:
                continue
            if len(now) == len(before) and all((a.kind, a.value) == (b.kind, b.value) for a, b in zip(now, before)):
                pointer = next(c.pointer for c in now if c.kind is not Kind.MISSING).rsplit("/", 2)[0]
                yield self.finding("identical", pointer, table=_NAMES[table], count=len(now),
                                   year=previous.year if previous.year is not None else "?")
        if not compared:
            yield self.insufficient("本年或上一年度报告没有表格，无法比较", "this or last year's report has no tables to compare",
                                    "/tables")
