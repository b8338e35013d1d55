"""GC601 publication-deadline."""

from __future__ import annotations

from datetime import date

from checker import labels
from checker.dates import parse_month_day
from checker.findings import Severity, Text
from checker.messages import count_of
from checker.rule import Option, Rule
from rules.common import report_date

# Organ kind → the option that holds its deadline in year Y+1.
DEADLINE_OPTION = {
    "department": "department_deadline",
    "authorised_organisation": "authorised_organisation_deadline",
    "province_government": "government_deadline",
    "city_government": "government_deadline",
    "county_government": "government_deadline",
    "township_government": "township_deadline",
    "subdistrict_office": "township_deadline",
}


class PublicationDeadline(Rule):
    """年度报告须在规定日期前公布：部门为次年1月31日，县级以上地方人民政府为次年3月31日。

    检查什么
    报告的日期——报告信息中的发布日期（publication_date），没有时用落款日期（signing_date），再没有时读落款
    末尾的日期（「2024年3月7日」，也认「二〇二四年三月七日」）——不晚于报告年度 Y 的次年截止日：
    政府部门与法律法规授权组织 Y+1 年 01-31，县级以上地方人民政府 Y+1 年 03-31。乡镇人民政府、街道办事处没有
    全国统一的日期，须在配置中设定（township_deadline），未设定时本规则不适用。每个截止日都是「MM-DD」格式的选项，
    省级配置或插件可以修改（如部门 01-28）。日期早于报告年度结束（Y 年 12 月 31 日及以前）的，多半是年份写错，
    给出警告。没有日期的报告由 GC602 指出。

    为什么
    《条例》第四十九条规定了公布年度报告的期限；逾期公布是年度报告格式责任条款所列的问责情形之一。

    依据
    《中华人民共和国政府信息公开条例》第四十九条。

    错误示例
    某市教育局2023年度报告落款「2024年3月5日」（部门应在2024年1月31日前公布）。

    正确示例
    落款「2024年1月20日」；某市人民政府落款「2024年3月7日」。
    """

    doc_en = """The annual report is published by the deadline: departments by 31 January of the next year, local governments at county level and above by 31 March.

    What it checks
    The report's date — the publication date in the metadata (publication_date), else the signing date
    (signing_date), else the date at the end of the signature (「2024年3月7日」, also 「二〇二四年三月七日」) — is no later
    than the deadline in the year after the report year Y: government departments and authorised organisations
    Y+1-01-31, local governments at county level and above Y+1-03-31. Townships and sub-district offices have no
    national date; set one in the configuration (township_deadline), else the rule does not apply. Each deadline is
    an option in MM-DD form that a province's profile or plugin may change (departments 01-28, say). A date before
    the report year ends (31 December of Y or earlier) is most likely a wrong year: a warning. A report with no date
    is GC602's.

    Why
    Article 49 sets the deadline for publishing annual reports; late publication is one of the grounds for
    accountability in the format's responsibility clause.

    Basis
    《中华人民共和国政府信息公开条例》 art. 49.

    Wrong
    A city education bureau's 2023 report signed 「2024年3月5日」 (a department must publish by 31 January 2024).

    Right
    Signed 「2024年1月20日」; a city government's signed 「2024年3月7日」.
    """

    code = "GC601"
    name = "publication-deadline"
    title_zh = "按期公布年度报告"
    title_en = "The report is published by the deadline"
    clause = "《条例》第四十九条"
    fix = ("在每年1月31日前公布上一年度的年度报告；已逾期的尽快公布并写明公布日期",
           "Publish the report by 31 January of the following year; if late, publish it now with its date")
    severity = Severity.ERROR
    templates = frozenset({"2021", "2019", "legacy"})
    options = {
        "department_deadline": Option("01-31", "政府部门的截止日（次年，MM-DD）", str, en="deadline for government departments (next year, MM-DD)"),
        "authorised_organisation_deadline": Option("01-31", "法律法规授权组织的截止日（次年，MM-DD）", str, en="deadline for authorised organisations (next year, MM-DD)"),
        "government_deadline": Option("03-31", "县级以上地方人民政府的截止日（次年，MM-DD）", str, en="deadline for local governments at county level and above (next year, MM-DD)"),
        "township_deadline": Option(None, "乡镇人民政府、街道办事处的截止日（次年，MM-DD）；全国无统一规定，未设定时不核对",
                                    (str, type(None)), en="deadline for townships and sub-district offices (next year, MM-DD); no national date, not checked unless set"),
    }
    messages = {
        "late": ("{place}：{source}为 {actual}，晚于{kind}的截止日 {expected}，逾期 {difference} 天",
                 "{place}: the {source} is {actual}, {days} after the deadline for this kind of organ ({kind}), {expected}"),
        "too_early": ("{place}：{source}为 {actual}，早于报告年度 {year} 年结束，年份可能写错",
                      "{place}: the {source} {actual} falls before the end of the report year {year}; is the year wrong?"),
    }

    def check(self, ctx):
        report = ctx.report
        kind = report.organ_kind
        if kind is None:
            yield self.insufficient("机关类别不明，无法确定截止日", "the organ kind is unknown, so is the deadline",
                                    "/metadata/organ_kind")
            return
        option = DEADLINE_OPTION[kind]
        setting = self.config.get(option)
        if setting is None:
            yield self.not_applicable(f"{labels.ORGAN_KINDS[kind][0]}没有全国统一的公布期限（可在配置中设定 {option}）",
                                      f"no national deadline for a {labels.ORGAN_KINDS[kind][1]} (set {option} in the config)")
            return
        month_day = parse_month_day(setting)
        if month_day is None:
            yield self.insufficient(f"选项 {option} 的值「{setting}」不是 MM-DD 格式的日期",
                                    f"option {option} = {setting!r} is not a MM-DD date")
            return
        if report.year is None or not 1900 <= report.year <= 2200:  # GC001 names an impossible year
            yield self.insufficient("报告信息中没有可用的报告年度", "no usable report year in the metadata", "/metadata/report_year")
            return
        found = report_date(report)
        if found is None:
            yield self.insufficient("报告没有发布日期或落款日期（见 GC602）", "the report carries no date (see GC602)")
            return
        deadline = _deadline(report.year + 1, *month_day)
        kind_text = Text(labels.ORGAN_KINDS[kind][0], labels.ORGAN_KINDS[kind][1])
        if found.date > deadline:
            late = (found.date - deadline).days
            yield self.finding("late", found.pointer, source=found.source, kind=kind_text, actual=found.date.isoformat(),
                               expected=deadline.isoformat(), difference=late, days=Text(f"{late} 天", count_of(late, "day")))
        elif found.date.year <= report.year:
            yield self.finding("too_early", found.pointer, severity=Severity.WARNING, source=found.source,
                               actual=found.date.isoformat(), year=report.year)


def _deadline(year: int, month: int, day: int) -> date:
    if (month, day) == (2, 29):
        try:
            return date(year, 2, 29)
        except ValueError:
            return date(year, 2, 28)
    return date(year, month, day)
