"""GC801 rollup-sum."""

from __future__ import annotations

from typing import Any, Iterator

from checker import labels
from checker.findings import Finding, Severity, Skip
from checker.model import Cell, Report, total
from checker.rule import Option, Rule

TABLES = ("t2", "t3", "t4")


def table_cells(report: Report, table: str) -> list[tuple[str, str, str]]:
    """(table key, row, column) of every cell of one table, in printed order, for the report's template."""
    if table == "t3":
        return [("t3", r.id, c.id) for r in report.t3_rows() for c in labels.T3_COLUMNS]
    if table == "t4":
        return [("t4", b.id, c.id) for b in labels.T4_BLOCKS for c in labels.T4_COLUMNS]
    key = "t2_2019" if report.template == "2019" else "t2"
    return [(key, r.id, c.id) for blk in labels.t2_blocks(report.template) for r in blk.rows for c in blk.columns]


class RollupSum(Rule):
    """地区汇总报告表格中的每一格，等于其下级机关报告同一格之和。

    检查什么
    层级文件（``--hierarchy``）声明某地区的汇总报告由哪些下级报告组成时：汇总报告表二、表三、表四的每一格
    都应等于各下级报告同一格之和（金额允许 0.0001 万元的舍入差）。本规则只对被声明为汇总报告的报告运行；
    下级报告由批量检查读取后交给本规则，规则本身不读文件。下级报告缺失、或某一格不是数字时，该格不核对，并指明
    是哪一份报告的哪一格——不会把缺失或空白当作 0。

    为什么
    一些地区在本级报告之外发布全地区汇总数据；汇总数与各单位报告之和不一致，说明汇总时漏报、重报或抄错，
    监管部门据以统计的数字就不可靠。

    依据
    派生关系：汇总表的每一格是各组成单位同一格之和（由用户在层级文件中声明组成关系）。

    错误示例
    示例市汇总报告表四「行政复议 · 总计」填 5，下级甲区 2、乙区 2（之和 4）。

    正确示例
    汇总报告填 4，或补上漏列的下级报告。
    """

    doc_en = """Every cell of a regional roll-up report's tables equals the sum of the same cell in its subordinate organs' reports.

    What it checks
    When a hierarchy file (``--hierarchy``) declares which subordinate reports a region's roll-up report is made
    of: each cell of the roll-up's T2, T3 and T4 equals the sum of the same cell in the subordinate reports (amounts
    within 0.0001 万元 of rounding). The rule runs only on reports declared roll-ups; the batch run reads the
    subordinate reports and hands them to the rule, which reads no files. A missing subordinate report, or a cell
    that is not a number, leaves that cell unchecked and names which report's which cell — a missing or blank cell
    is never taken for 0.

    Why
    Some regions publish region-wide figures beside their own report; a roll-up that differs from the sum of its
    units' reports means a unit was left out, counted twice or copied wrongly, and the figures supervisors count
    on are unreliable.

    Basis
    Derived: each cell of a roll-up is the sum of its units' same cell (the units declared by the user in the
    hierarchy file).

    Wrong
    A city's roll-up T4 「行政复议 · 总计」 reads 5; district 甲 2, district 乙 2 (sum 4).

    Right
    The roll-up reads 4, or the missing subordinate report is added.
    """

    code = "GC801"
    name = "rollup-sum"
    title_zh = "汇总报告等于下级报告之和"
    title_en = "A region's summary report equals the sum of its units' reports"
    clause = "派生：层级文件声明的汇总关系"
    fix = ("核对汇总报告的各单元格：按层级文件列出的全部下级报告逐格相加后填写；缺少的下级报告先补齐再汇总",
           "Re-add each cell of the summary report from all the units the hierarchy lists; obtain any missing unit's report first")
    severity = Severity.WARNING
    options = {"tables": Option(list(TABLES), "核对哪些表格（t2、t3、t4 的子集）；层级文件中的 tables 优先", (list, tuple), en="the tables to check (a subset of t2, t3, t4); the hierarchy file's tables take precedence")}
    messages = {
        "rollup": ("{place}：汇总报告为 {actual}，{units} 个下级报告之和为 {expected}，相差 {difference}",
                   "{place}: the summary reads {actual}, its {units} units add up to {expected}, off by {difference}"),
    }

    def check(self, ctx) -> Iterator[Finding | Skip]:
        rollup: Any = ctx.extra.get("rollup")
        if not isinstance(rollup, dict):
            yield self.not_applicable("不是层级文件中声明的汇总报告", "not a summary report in the hierarchy file")
            return
        region = str(rollup.get("region") or "")
        missing = [str(m) for m in rollup.get("missing") or ()]
        if missing:
            yield self.insufficient(f"{region}：找不到下级报告 {'、'.join(missing)}，无法核对汇总数",
                                    f"{region}: units not found: {', '.join(missing)}; cannot check the sums")
            return
        units = []
        for u in rollup.get("units") or ():
            if isinstance(u, dict):
                unit = Report(u.get("document") or {})
                units.append((str(u.get("organ_name") or unit.organ_name or u.get("file") or ""), unit))
        if not units:
            yield self.not_applicable(f"{region}：层级文件没有列出下级报告", f"{region}: no units listed")
            return
        report = ctx.report
        for name, unit in units:
            if unit.template != report.template:
                yield self.not_applicable(
                    f"下级报告「{name}」使用{unit.template}年模板，汇总报告使用{report.template}年模板，无法逐格相加",
                    f"unit “{name}” uses the {unit.template} template, the summary the {report.template}")
                return
        unknown: list[str] = []
        tables = rollup.get("tables") or self.config["tables"]
        for table in TABLES:
            if table not in tables or not report.has_table("t2_2019" if table == "t2" and report.template == "2019" else table):
                continue
            for key, row, col in table_cells(report, table):
                stated = report.cell(key, row, col)
                parts = total(unit.cell(key, row, col) for _, unit in units)
                if not stated.is_number:
                    continue  # the summary's own blank or text is GC101/GC201/GC301's finding
                if not parts.known:
                    unknown.extend(_who(units, c) for c in parts.unknown)
                    continue
                difference = stated.value - parts.value
                if abs(difference) > 1e-4:
                    yield self.finding("rollup", stated.pointer, units=len(units), expected=_round(parts.value),
                                       actual=stated.value, difference=_round(difference))
        if unknown:
            shown = "、".join(unknown[:5]) + ("等" if len(unknown) > 5 else "")
            yield self.insufficient(f"{shown}不是数字，相应的汇总格未核对", f"{len(unknown)} unit cells are not numbers; "
                                    "those summary cells were not checked")


def _who(units: list[tuple[str, Report]], cell: Cell) -> str:
    """Name a unit's non-numeric cell: 「甲区人民政府 表三 · 总计 · …（空白）」."""
    for name, unit in units:
        key = cell.pointer.split("/")[2:5]
        if len(key) == 3 and unit.cell(*key) is cell:
            return f"「{name}」{cell.place()}（{cell.kind.zh}）"
    return f"{cell.place()}（{cell.kind.zh}）"


def _round(value: Any) -> Any:
    return round(value, 4) if isinstance(value, float) else value
