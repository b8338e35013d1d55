"""gov-check 示例省插件 (the example province plugin): what a province adds to the national rules.

Registered in the ``gov_check`` entry-point group (see pyproject.toml), so installing the package
is enough; an office that cannot install packages loads this folder with ``--plugin``.
"""

from __future__ import annotations

from checker import hookimpl
from checker.config import Profile
from checker.findings import Severity

__version__ = "0.1.0"

NAMESPACE = "shili"  # the report's /extensions/shili object belongs to this plugin


@hookimpl
def gov_check_rules() -> list[type]:
    from gov_check_shili.rules import ApprovalAndSeal, DepartmentDeadline, OtherDocumentsRow

    return [DepartmentDeadline, OtherDocumentsRow, ApprovalAndSeal]


@hookimpl
def gov_check_profiles() -> list[Profile]:
    return [Profile(
        "shili",
        "示例省：全国规则（2021年格式）+ 示例省规则；部门报告 1 月 28 日前发布；标题编号问题为错误",
        extends="national-2021",
        severities={"GC011": Severity.ERROR},  # a national rule raised to error
        options={"SL601": {"deadline": "01-28"}},
    )]


@hookimpl
def gov_check_template_extensions() -> list:
    """The row this province adds to 表二: the importers read it from Word, web pages, PDF and text
    into /extensions/shili/t2/other_documents, printed after 「行政规范性文件」 with its columns."""
    from checker.template_extensions import ExtraRow
    from gov_check_shili.rules import ROW, ROW_EN, ROW_ZH

    return [ExtraRow(NAMESPACE, "t2", ROW, ROW_ZH, ROW_EN, variants=("其他主动公开的文件",),
                     after="normative_documents", kind="count")]


@hookimpl
def gov_check_report_extensions() -> dict[str, dict]:
    from gov_check_shili.rules import EXTENSION_SCHEMA

    return {NAMESPACE: EXTENSION_SCHEMA}
