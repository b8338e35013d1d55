"""GC602 date-present."""

from __future__ import annotations

from checker.findings import Severity, Text
from checker.rule import Rule
from rules.common import report_date


class DatePresent(Rule):
    """报告应带有落款日期或发布日期。

    检查什么
    报告信息中的发布日期（publication_date）或落款日期（signing_date），或落款（正文末尾）以日期结尾
    （「2024年3月7日」「二〇二四年三月七日」「2024-03-07」）。三处都没有日期时给出警告。

    为什么
    没有日期，无法判断报告是否按《条例》第四十九条规定的期限公布，也无法确定报告的版本。

    依据
    《中华人民共和国政府信息公开条例》第四十九条。

    错误示例
    报告末尾只有机关名称「某县人民政府」，没有日期，发布信息中也没有日期。

    正确示例
    落款「某县人民政府　2024年1月20日」。
    """

    doc_en = """The report carries a signing or publication date.

    What it checks
    The publication date (publication_date) or signing date (signing_date) in the metadata, or a signature (the end
    of the text) ending in a date (「2024年3月7日」「二〇二四年三月七日」「2024-03-07」). A warning when none of the three
    has a date.

    Why
    Without a date no one can tell whether the report was published by the deadline of article 49, or which
    version it is.

    Basis
    《中华人民共和国政府信息公开条例》 art. 49.

    Wrong
    The report ends with the organ's name 「某县人民政府」 only, and the publication details have no date either.

    Right
    Signed 「某县人民政府　2024年1月20日」.
    """

    code = "GC602"
    name = "date-present"
    title_zh = "报告带有落款或发布日期"
    title_en = "The report carries a signing or publication date"
    clause = "《条例》第四十九条"
    fix = ("在报告末尾加上落款机关和日期（如「2024年1月20日」）",
           "Add the signing organ and the date at the end of the report (e.g. 2024年1月20日)")
    severity = Severity.WARNING
    templates = frozenset({"2021", "2019", "legacy"})
    messages = {
        "no_date": ("报告没有落款日期或发布日期，无法判断是否按期公布", "the report carries no signing or publication date"),
    }

    def check(self, ctx):
        if report_date(ctx.report) is None:
            yield self.finding("no_date", "/signature", place=Text("落款", "signature"))
