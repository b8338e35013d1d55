"""GC205 t3-offsetting-errors."""

from __future__ import annotations

from checker import labels
from checker.findings import Severity, Text
from checker.model import Cell
from checker.rule import Rule
from rules.common import Difference, fmt, insufficient, missing_table, t3_balance_differences, t3_results_differences, t3_row_differences

_COLUMNS = {c.id: c for c in labels.T3_COLUMNS}
_ROWS = {r.id: r for r in labels.T3_ROWS_2021 + (labels.T3_OTHER_2019,)}


def offsetting_pairs(members: list[Difference]) -> list[tuple[Difference, Difference]] | None:
    """Pairs of members off by +n and −n, when such pairs explain every broken member; else None.

    A magnitude shared by more than one member of a sign is ambiguous and explains nothing."""
    broken = [m for m in members if m.difference]
    if not broken:
        return None
    pairs = []
    for m in broken:
        if m.difference > 0:  # type: ignore[operator]
            partners = [o for o in broken if o.difference == -m.difference]
            twins = [o for o in broken if o.difference == m.difference]
            if len(partners) != 1 or len(twins) != 1:
                return None
            pairs.append((m, partners[0]))
    return pairs if 2 * len(pairs) == len(broken) else None


def _undecidable(members: list[Difference], unknown: dict[str, Cell]) -> bool:
    """True when some members are broken and others unknown: whether the broken ones offset each
    other cannot be told (the unknown cells are collected).  Unknown members alone hide nothing
    this rule could explain: GC202–GC204 already name them."""
    missing = [m for m in members if m.difference is None]
    if not missing:
        return False
    if any(m.difference for m in members):
        for m in missing:
            for c in m.unknown:
                unknown.setdefault(c.pointer, c)
    return True


class T3OffsettingErrors(Rule):
    """表三两列（或两行）的差额一正一负、正好相抵：很可能是把一件申请记错了列（行）。

    检查什么
    对 GC204（一 + 二 = 三（七）+ 四）和 GC203（（七）总计 = 各项办理结果之和）两个按列的勾稽关系：六个申请人列中
    两列分别相差 +n 和 −n、总计列平衡时，给出一条提示，说明很可能有 n 件记错了列；对 GC202（总计 = 各类申请人之和）
    按行的关系：两行（同为办理结果行，或同为「一」「二」两行）分别相差 +n 和 −n 时，说明很可能记错了行。
    只有当所有不平衡的列（行）都能这样两两相抵时才给出提示；GC202–GC204 的错误照常报告，本规则只是补充解释。
    某组关系中有不是数字的格、又有不平衡的列（行）时，无法判断是否相抵，结论为数据不足并指明是哪些格。

    为什么
    两处不平衡、差额正好相反，通常不是两个独立的错误，而是同一件申请在一处多记、另一处少记。指出这一点，
    填报人只需改动一格。

    依据
    国办公开办函〔2021〕30号 表三 角注及总计的含义（R1–R3）。

    错误示例
    一、本年新收：自然人填 31（应为 30）、商业企业填 4（应为 5），总计 36 无误——GC204 报告两列各差 1，
    本规则说明这 1 件很可能记错了列。

    正确示例
    自然人 30、商业企业 5。
    """

    doc_en = """Two columns (or rows) of T3 are off by the same amount in opposite directions: an application was most likely entered in the wrong column (row).

    What it checks
    For the two column identities GC204 (一 + 二 = 三（七） + 四) and GC203 (（七）总计 = the sum of the results): when two
    of the six applicant columns are off by +n and −n and the total column balances, a hint says n applications
    were most likely entered in the wrong column; for the row identity GC202 (total = the sum over applicants):
    when two rows (both result rows, or rows 一 and 二) are off by +n and −n, most likely the wrong row. The hint is
    given only when every unbalanced column (row) pairs off this way; GC202–GC204 report their errors as usual,
    this rule only explains them. When an identity has cells that are not numbers as well as unbalanced columns
    (rows), it cannot tell, and says which cells leave it with insufficient data.

    Why
    Two imbalances of opposite size are usually not two mistakes but one application counted once too often in
    one place and once too few in another; saying so lets the writer fix one cell.

    Basis
    T3's corner note and what its totals mean, 国办公开办函〔2021〕30号 (R1–R3).

    Wrong
    一、本年新收: natural persons 31 (should be 30), commercial 4 (should be 5), total 36 correct — GC204 reports two
    columns off by 1 each; this rule explains it is most likely one application in the wrong column.

    Right
    Natural persons 30, commercial 5.
    """

    code = "GC205"
    name = "t3-offsetting-errors"
    title_zh = "表三差额相抵的记错列（行）"
    title_en = "T3 offsetting differences: a case counted in the wrong column or row"
    clause = "年度报告格式 表三（R1–R3）"
    fix = ("差额相互抵消，说明有数字填进了相邻的行或列；按申请登记台账逐格核对后改正",
           "Differences that cancel out mean a number went into a neighbouring row or column; check each cell against the register")
    severity = Severity.INFO
    messages = {
        "columns": ("表三 · {identity}：「{a}」列相差 {da}、「{b}」列相差 {db}，正好相抵（总计列平衡），很可能有 {n} 件在这两列之间记错了列，"
                    "请核对这两列",
                    "Table 3 · {identity}: column “{a}” is off by {da} and “{b}” by {db}, which cancel out (the total column balances): "
                    "{n} case(s) were probably counted in the wrong column"),
        "rows": ("表三 · {identity}：「{a}」行相差 {da}、「{b}」行相差 {db}，正好相抵，很可能有 {n} 件在这两行之间记错了行，请核对这两行",
                 "Table 3 · {identity}: row “{a}” is off by {da} and “{b}” by {db}, which cancel out: "
                 "{n} case(s) were probably counted in the wrong row"),
    }

    def check(self, ctx):
        report = ctx.report
        if not report.has_table("t3"):
            yield missing_table(self, "t3")
            return
        column_identities = (
            (Text("一 + 二 = 三（七）+ 四", "I + II = III(7) + IV"), t3_balance_differences(report)),
            (Text("三（七）总计 = 各项办理结果之和", "III(7) = sum of results"), t3_results_differences(report)),
        )
        unknown: dict[str, Cell] = {}
        for identity, members in column_identities:
            if _undecidable(members, unknown):
                continue
            total_column = next(m for m in members if m.id == "total")
            if total_column.difference != 0:
                continue
            pairs = offsetting_pairs([m for m in members if m.id != "total"])
            for a, b in pairs or ():
                yield self._pair("columns", identity, a, b, Text(_COLUMNS[a.id].zh, _COLUMNS[a.id].en),
                                 Text(_COLUMNS[b.id].zh, _COLUMNS[b.id].en))
        rows = t3_row_differences(report)
        if not _undecidable(rows, unknown):
            # A case moved between two result rows, or between 一 and 二, leaves the column identities whole.
            result_rows = set(labels.t3_result_rows(report.template))
            for group in (result_rows, {"new_received", "carried_over"}):
                pairs = offsetting_pairs([m for m in rows if m.id in group])
                broken_elsewhere = any(m.difference for m in rows if m.id not in group)
                for a, b in (pairs or ()) if not broken_elsewhere else ():
                    yield self._pair("rows", Text("总计 = 各类申请人之和", "total = sum of applicant columns"), a, b,
                                     Text(_ROWS[a.id].place, _ROWS[a.id].en), Text(_ROWS[b.id].place, _ROWS[b.id].en))
        if unknown:
            yield insufficient(self, Text("表三", "Table 3"), unknown.values())
        elif all(m.difference is None for _, members in column_identities for m in members) \
                and all(m.difference is None for m in rows):
            # Not one identity member could be computed (a blank table): nothing was checked, no pass.
            cells = {c.pointer: c for m in rows for c in m.unknown}
            yield insufficient(self, Text("表三", "Table 3"), cells.values())

    def _pair(self, message: str, identity: Text, a: Difference, b: Difference, a_name: Text, b_name: Text):
        n = a.difference
        return self.finding(message, *(c.pointer for c in a.cells + b.cells),
                            identity=identity, a=a_name, b=b_name, da=f"+{fmt(a.difference)}", db=fmt(b.difference),
                            n=fmt(n), difference=n)
