"""GC203 t3-results-total."""

from __future__ import annotations

from checker import labels
from checker.findings import Severity, Text
from checker.model import total
from checker.rule import Rule
from rules.common import insufficient, missing_table, terms


class T3ResultsTotal(Rule):
    """表三每一列的「（七）总计」等于各项办理结果之和。

    检查什么
    每一列：三（七）总计 = （一）予以公开 + （二）部分公开 + （三）1–8 + （四）1–3 + （五）1–5 + （六）1–3
    （2019年模板为（六）其他处理一行）。

    为什么
    「（七）总计」是本年度办理结果的合计；不相等说明某一办理结果填错、漏填或重复计数。

    依据
    国办公开办函〔2021〕30号 表三（总计的含义，R2）。

    错误示例
    自然人列：予以公开 20、部分公开 10、不予公开 3、无法提供 42、其他 2，（七）总计填 78。

    正确示例
    （七）总计填 77。
    """

    doc_en = """In every column of T3, 「（七）总计」 equals the sum of the handling results.

    What it checks
    Each column: 三（七）总计 = （一）予以公开 + （二）部分公开 + （三）1–8 + （四）1–3 + （五）1–5 + （六）1–3 (in the 2019
    template, the single row （六）其他处理).

    Why
    「（七）总计」 is the total of this year's results; a difference means a result was entered wrongly, left out or
    counted twice.

    Basis
    T3 of 国办公开办函〔2021〕30号 (what 总计 means, R2).

    Wrong
    Natural persons: disclosed 20, partly 10, denied 3, unavailable 42, other 2, （七）总计 78.

    Right
    （七）总计 77.
    """

    code = "GC203"
    name = "t3-results-total"
    title_zh = "表三（七）总计等于各办理结果之和"
    title_en = "T3 (7) total equals the sum of the results"
    clause = "年度报告格式 表三（R2）"
    fix = ("使「（七）总计」等于（一）至（六）各办理结果之和，改正填错的一格",
           "Make (VII) total equal to the sum of results (I)–(VI); correct the wrong cell")
    severity = Severity.ERROR
    messages = {
        "results_total": ("{column}：三（七）总计为 {actual}，各项办理结果之和为 {terms} = {expected}，相差 {difference}",
                          "{column}: III(7) total is {actual}, the results add up to {terms} = {expected}, off by {difference}"),
    }

    def check(self, ctx):
        report = ctx.report
        if not report.has_table("t3"):
            yield missing_table(self, "t3")
            return
        rows = labels.t3_result_rows(report.template)
        row_labels = {r.id: r for r in report.t3_rows()}
        for col in labels.T3_COLUMNS:
            stated = report.t3("results_total", col.id)
            parts = total(report.t3(r, col.id) for r in rows)
            if not parts.known or not stated.is_number:
                yield insufficient(self, Text(f"{col.zh}列", f"column {col.en}"),
                                   parts.unknown + (() if stated.is_number else (stated,)))
                continue
            if parts.value != stated.value:
                yield self.finding(
                    "results_total", stated.pointer, *(c.pointer for c in parts.cells if c.value),
                    column=Text(f"表三 · {col.zh}", f"Table 3 · {col.en}"),
                    terms=Text(terms(parts.cells, [row_labels[r].place for r in rows], skip_zero=True),
                               terms(parts.cells, [row_labels[r].en for r in rows], skip_zero=True)),
                    expected=parts.value, actual=stated.value, difference=stated.value - parts.value,
                )
