"""GC901 waiver-stale."""

from __future__ import annotations

from checker.findings import Severity
from checker.rule import ReportedElsewhere


class WaiverStale(ReportedElsewhere):
    """豁免清单中有已过期或没有匹配任何问题的豁免。

    检查什么
    这不是对报告的检查，而是对豁免清单（waivers）的核对：清单中的每一项豁免（规则、位置、理由、批准人、
    有效期）若已过有效期（until 早于今天），或在它适用的全部报告中都没有匹配任何问题，就是一条发现，
    列在它适用的第一份报告下（每次检查每项豁免至多一条）。过期的豁免不再豁免任何问题。发现由引擎在
    全部报告检查完后产生，本规则自身不读报告。

    为什么
    豁免是经审核后接受某个问题的记录。问题已改正、位置已变化或有效期已过的豁免如果留在清单里，
    会在以后悄悄掩盖新的同类问题；清单应当随报告一起保持准确。

    依据
    gov-check 运行约定（docs/plugins.md「豁免」）。

    错误示例
    ``[[waivers]] rule = "GC202" place = "/tables/t3/research/total" until = 2024-03-31``，
    而今天是 2025 年；或者该单元格已经改正，GC202 在此处不再有问题。

    正确示例
    删除已不需要的豁免；确需延续的，经批准后更新 until。
    """

    doc_en = """The waivers file has waivers that have expired or match no finding.

    What it checks
    Not a check of the report but of the waivers file: each waiver (rule, place, reason, approver, expiry) that has
    expired (until before today), or matches no finding in any report it applies to, is one finding, listed with the
    first report it applies to (at most one per waiver per run). An expired waiver waives nothing. The engine makes
    these findings after every report is checked; the rule itself reads no report.

    Why
    A waiver records a reviewed, accepted finding. Waivers whose finding was fixed, moved or expired, left in the
    file, would later silently hide new findings of the same kind; the file must stay as accurate as the reports.

    Basis
    gov-check's running conventions (docs/plugins.md, waivers).

    Wrong
    ``[[waivers]] rule = "GC202" place = "/tables/t3/research/total" until = 2024-03-31`` while today is in 2025; or
    the cell has been fixed and GC202 has nothing there any more.

    Right
    Remove waivers no longer needed; renew until, with approval, for those that must stay.
    """

    code = "GC901"
    name = "waiver-stale"
    title_zh = "豁免已过期或未使用"
    title_en = "A waiver has expired or is unused"
    clause = "gov-check"
    fix = ("删除或更新豁免清单中已不再匹配的条目",
           "Remove or update the waiver entries that no longer match any finding")
    severity = Severity.WARNING
    templates = frozenset({"2021", "2019", "legacy"})
    messages = {
        "unused": ("豁免 {waiver}（{rule}，位置 {target}）没有匹配任何问题：问题已改正或位置写错，请删除或更正",
                   "waiver {waiver} ({rule} at {target}) matches no finding: fixed, or a wrong place; remove or correct it"),
        "expired": ("豁免 {waiver}（{rule}，位置 {target}）已于 {until} 过期，不再豁免任何问题",
                    "waiver {waiver} ({rule} at {target}) expired on {until} and no longer waives anything"),
    }
