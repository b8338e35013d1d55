"""GC204 t3-balance."""

from __future__ import annotations

from checker import labels
from checker.findings import Severity, Text
from checker.model import total
from checker.rule import Rule
from rules.common import insufficient, missing_table


class T3Balance(Rule):
    """表三每一列：第一项加第二项之和，等于第三项加第四项之和。

    检查什么
    每一列：一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理。
    这是年度报告格式在表三角注中明文规定的勾稽关系。

    为什么
    收到的申请（新收与结转）要么本年办结，要么结转下年；两边不等，说明有申请“凭空出现”或“不知去向”。

    依据
    国办公开办函〔2021〕30号 表三 角注「本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和」。

    错误示例
    总计列：新收 84、上年结转 0，（七）总计 82、结转下年度 3（84 + 0 ≠ 82 + 3）。

    正确示例
    结转下年度填 2（84 + 0 = 82 + 2）。
    """

    doc_en = """In every column of T3: item 一 plus item 二 equals item 三 plus item 四.

    What it checks
    Each column: 一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理. This is the identity the format
    states outright in T3's corner note.

    Why
    An application received (new or carried over) is either handled this year or carried into next year; when the
    two sides differ, applications have appeared from nowhere or gone missing.

    Basis
    T3 corner note of 国办公开办函〔2021〕30号: 「本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和」.

    Wrong
    Total column: new 84, carried over 0, （七）总计 82, carried forward 3 (84 + 0 ≠ 82 + 3).

    Right
    Carried forward 2 (84 + 0 = 82 + 2).
    """

    code = "GC204"
    name = "t3-balance"
    title_zh = "表三勾稽关系：一 + 二 = 三（七）+ 四"
    title_en = "T3 balance: I + II = III(7) + IV"
    clause = "年度报告格式 表三 角注（R1）"
    fix = ("核对本列：一、本年新收 + 二、上年结转 应等于 三（七）总计 + 四、结转下年度继续办理，改正填错的一格",
           "Check the column: I new + II carried over must equal III(VII) total + IV carried forward; correct the wrong cell")
    severity = Severity.ERROR
    messages = {
        "balance": ("{column}：一 + 二 = {left_terms} = {left}，三（七）+ 四 = {right_terms} = {right}，相差 {difference}",
                    "{column}: I + II = {left_terms} = {left}, III(7) + IV = {right_terms} = {right}, off by {difference}"),
    }

    def check(self, ctx):
        report = ctx.report
        if not report.has_table("t3"):
            yield missing_table(self, "t3")
            return
        for col in labels.T3_COLUMNS:
            left = total((report.t3("new_received", col.id), report.t3("carried_over", col.id)))
            right = total((report.t3("results_total", col.id), report.t3("carried_forward", col.id)))
            if not (left.known and right.known):
                yield insufficient(self, Text(f"{col.zh}列", f"column {col.en}"), left.unknown + right.unknown)
                continue
            if left.value != right.value:
                yield self.finding(
                    "balance", *(c.pointer for c in left.cells + right.cells),
                    column=Text(f"表三 · {col.zh}", f"Table 3 · {col.en}"),
                    left_terms=left.terms(), left=left.value, right_terms=right.terms(), right=right.value,
                    expected=left.value, actual=right.value, difference=abs(left.value - right.value),
                )
