"""GC206 t3-other-share."""

from __future__ import annotations

from checker.findings import Severity, Text
from checker.rule import Option, Rule
from rules.common import fmt, insufficient, missing_table


class T3OtherShare(Rule):
    """表三「（六）其他处理 3.其他」不应占办理结果的大部分。

    检查什么
    总计列：三（六）3「其他」÷ 三（七）总计，超过阈值（默认 20%）且件数不少于下限（默认 5 件）时给出提示。
    两格有一格不是数字时不核对。2019年模板的（六）「其他处理」一行包含逾期不补正等常见情形，本规则不适用。

    为什么
    「其他」是为少见情形留的兜底项；大量申请计入「其他」，通常是没有按答复类型归类（如本应计入「无法提供」或
    「不予处理」），统计就失去了意义。

    依据
    年度报告格式 表三（六）3「其他」（2019年模板的说明：其他处理用于少数无法归类的情形）。

    错误示例
    （七）总计 40 件，其中（六）3「其他」18 件（45%）。

    正确示例
    按实际答复类型归类，「其他」只留确实无法归入前述各项的少数情形，并可在第六部分说明。
    """

    doc_en = """T3's 「（六）其他处理 3.其他」 should not be most of the handling results.

    What it checks
    Total column: 三（六）3 「其他」 ÷ 三（七）总计 above the threshold (20% by default) with at least the minimum count (5
    by default) gives a hint. Not checked when either cell is not a number. In the 2019 template the single row
    （六）其他处理 includes common cases such as applications not corrected in time, so the rule does not apply.

    Why
    「其他」 is the catch-all for rare cases; many applications there usually means they were not classified by the
    kind of answer (they belong under 「无法提供」 or 「不予处理」), and the statistics lose their meaning.

    Basis
    T3 （六）3 「其他」 of the format (the 2019 template's note: other handling is for the few cases that fit nowhere).

    Wrong
    （七）总计 40, of which （六）3 「其他」 18 (45%).

    Right
    Classify by the actual kind of answer; keep 「其他」 for the few that fit none of the other rows, and explain
    them in part 六 if needed.
    """

    code = "GC206"
    name = "t3-other-share"
    title_zh = "表三「其他」处理占比不宜过大"
    title_en = "T3 “other” results are not a large share"
    clause = "年度报告格式 表三（六）3"
    fix = ("把「（六）3 其他」中能够归类的申请移到对应的办理结果行，并在正文中说明其余情况",
           "Move the requests in (VI)3 'other' that fit a result row into it, and explain the rest in the text")
    severity = Severity.INFO
    templates = frozenset({"2021"})
    options = {
        "max_share": Option(0.2, "「其他」占（七）总计的比例上限（0–1）", (int, float), en="the highest share of 「其他」 in （七）总计 (0–1)"),
        "min_count": Option(5, "「其他」件数达到该数时才提示", int, en="hint only from this many 「其他」 applications"),
    }
    messages = {
        "large_share": ("{place}：「其他」{actual} 件，占三（七）总计 {total} 件的 {share}，超过 {limit}；请核对是否应归入具体的办理结果",
                        "{place}: “other” is {actual} of {total} results ({share}, above {limit}); should they be classified under a specific result?"),
    }

    def check(self, ctx):
        report = ctx.report
        if not report.has_table("t3"):
            yield missing_table(self, "t3")
            return
        other = report.t3("other_other", "total")
        results = report.t3("results_total", "total")
        unknown = tuple(c for c in (other, results) if not c.is_number)
        if unknown:
            yield insufficient(self, Text("表三 · 总计列", "Table 3 · total column"), unknown)
            return
        if not results.value or other.value < self.config["min_count"]:
            return
        share = other.value / results.value
        if share > self.config["max_share"]:
            yield self.finding("large_share", other.pointer, results.pointer, actual=other.value, total=fmt(results.value),
                               share=f"{share:.0%}", limit=f"{self.config['max_share']:.0%}", expected=f"≤ {self.config['max_share']:.0%}")
