"""GC900 rule-crashed."""

from __future__ import annotations

from checker.findings import Severity
from checker.rule import ReportedElsewhere


class RuleCrashed(ReportedElsewhere):
    """某条规则运行时出错；其他规则照常运行。

    检查什么
    这不是对报告的检查，而是对检查本身的报告：一条规则（国家规则或省级插件规则）抛出了异常。
    该规则的结论记为 error，其余规则的结果不受影响。

    为什么
    检查结果必须如实：一条规则没有跑完，就不能说报告通过了这条规则。

    依据
    gov-check 运行约定。

    错误示例
    省级插件的规则遇到空白单元格时做了 ``int(None)``。

    正确示例
    规则对空白单元格给出「数据不足」（insufficient_data），而不是出错。
    """

    doc_en = """A rule crashed while running; the other rules ran as usual.

    What it checks
    Not a check of the report but a report on the check itself: a rule (national, or a province plugin's) raised
    an exception. That rule's outcome is error; the other rules' results are unaffected. The finding names whose
    rule it is (national, or the plugin with its version), the error and the line of the plugin's own code;
    ``--traceback`` (or ``-vv``) shows the full stack.

    Why
    Results must be truthful: a rule that did not finish cannot say the report passed it.

    Basis
    gov-check's running conventions.

    Wrong
    A province plugin's rule does ``int(None)`` on a blank cell.

    Right
    The rule says 「数据不足」 (insufficient_data) for a blank cell instead of crashing.
    """

    code = "GC900"
    name = "rule-crashed"
    title_zh = "规则运行出错"
    title_en = "A rule crashed"
    clause = "gov-check"
    fix = ("这不是报告的问题：该规则运行出错，本报告的检查不完整。请把错误信息反馈给 gov-check 或插件维护者",
           "Not a problem of the report: the rule crashed and this report's check is incomplete; report the error to the gov-check or plugin maintainers")
    severity = Severity.ERROR
    templates = frozenset({"2021", "2019", "legacy"})
    messages = {
        "crashed": ("{owner}规则 {rule} 运行出错（{error}，{where}）；其他规则照常运行，该规则的结论不可用"
                    "（用 --traceback 查看完整的出错经过）",
                    "{owner}rule {rule} crashed ({error}, {where}); the other rules ran, this rule's verdict is unknown"
                    " (--traceback shows the full stack)"),
    }
