"""GC002 template-version."""

from __future__ import annotations

from collections.abc import Mapping

from checker.findings import Severity, Text
from checker.rule import Option, Rule

_NAMES = {"2021": ("2021年模板（国办公开办函〔2021〕30号）", "the 2021 template"),
          "2019": ("2019年模板（国办公开办函〔2019〕60号）", "the 2019 template"),
          "legacy": ("2019年以前的格式（没有统一表格）", "the pre-2019 layout (no fixed tables)")}


def _name(template: str) -> Text:
    zh, en = _NAMES.get(template, (template, template))
    return Text(zh, en)


class TemplateVersion(Rule):
    """按报告年度使用相应的年度报告格式，并如实标明所用模板。

    检查什么
    从表格的版式判断报告所用模板：表二有「本年新制作数量」「对外公开总数量」「政府集中采购」等栏目，或表三
    「（六）其他处理」没有分项，是2019年模板；表二为「本年制发件数」「现行有效件数」、表三（六）分 1–3 项，是
    2021年模板；没有统计表的，是2019年以前的格式。然后检查：
    报告年度为 2021 年及以后，却使用2019年模板或没有统计表（错误）；报告年度为 2019、2020 年却没有统计表（错误）；
    报告信息中声明的模板版本（template_version）与表格版式不一致（错误）；
    表二与表三分属不同模板（警告）。

    为什么
    2021年9月印发的新格式自2021年度报告起施行，表二、表三的栏目都有调整；用旧格式填报，数据口径不一致，
    无法汇总和比较。声明的模板与实际版式不一致时，各规则会按错误的版式读表。

    依据
    国办公开办函〔2021〕30号（2021年模板）；国办公开办函〔2019〕60号（2019年模板）。

    错误示例
    2023年度报告的表二仍是「本年新制作数量 / 本年新公开数量 / 对外公开总数量」，并有「政府集中采购」一栏。

    正确示例
    2023年度报告按2021年模板填报：表二「本年制发件数 / 本年废止件数 / 现行有效件数」，表三（六）分
    「1.申请人无正当理由逾期不补正…」「2.申请人逾期未按收费通知要求缴纳费用…」「3.其他」三项。
    """

    doc_en = """The report uses the annual report format of its year, and states the template it uses truthfully.

    What it checks
    The template is told from the tables' layout: a T2 with 「本年新制作数量」「对外公开总数量」「政府集中采购」, or a
    T3 whose 「（六）其他处理」 has no sub-rows, is the 2019 template; a T2 with 「本年制发件数」「现行有效件数」 and a T3
    with （六）1–3 is the 2021 template; no statistical tables means the pre-2019 format. Then: a report for 2021
    or later in the 2019 template or without tables (error); a report for 2019 or 2020 without tables (error);
    a declared template_version that disagrees with the tables (error); T2 and T3 from different templates
    (warning).

    Why
    The format issued in September 2021 applies from the 2021 reports on, and changed the columns of T2 and T3;
    a report in the old format counts differently and cannot be summed or compared. When the declared template
    disagrees with the layout, rules read the tables by the wrong layout.

    Basis
    国办公开办函〔2021〕30号 (2021 template); 国办公开办函〔2019〕60号 (2019 template).

    Wrong
    A 2023 report whose T2 still reads 「本年新制作数量 / 本年新公开数量 / 对外公开总数量」, with a 「政府集中采购」 block.

    Right
    The 2023 report in the 2021 template: T2 「本年制发件数 / 本年废止件数 / 现行有效件数」, T3 （六） in three rows
    「1.申请人无正当理由逾期不补正…」「2.申请人逾期未按收费通知要求缴纳费用…」「3.其他」.
    """

    code = "GC002"
    name = "template-version"
    title_zh = "按报告年度使用相应模板"
    title_en = "The report uses the template of its year"
    clause = "国办公开办函〔2021〕30号"
    fix = ("2020年度及以后的报告使用2021年版模板（国办公开办函〔2021〕30号）；更早的年度使用2019年模板",
           "Reports for 2020 and later use the 2021 template; earlier years the 2019 template")
    severity = Severity.ERROR
    templates = frozenset({"2021", "2019", "legacy"})
    options = {
        "current_template_from": Option(2021, "自该报告年度起必须使用2021年模板", int, en="from this report year on, the 2021 template is required"),
        "tables_required_from": Option(2019, "自该报告年度起必须使用统一表格（2019年模板）", int, en="from this report year on, the common tables (2019 template) are required"),
    }
    messages = {
        "outdated": ("{year}年度报告使用了{detected}，{from_year}年度起应使用2021年模板（国办公开办函〔2021〕30号）",
                     "the {year} report uses {detected}; reports for {from_year} onwards must use the 2021 template"),
        "no_tables": ("{year}年度报告没有统一的统计表格，2019年度起应使用2019年模板（国办公开办函〔2019〕60号）",
                      "the {year} report has no fixed tables; reports for 2019 and 2020 must use the 2019 template"),
        "declared_mismatch": ("报告信息声明的模板为「{declared}」，但表格版式是{detected}",
                              "the metadata declares template “{declared}” but the tables are laid out in {detected}"),
        "mixed": ("表二是{t2}的版式，表三是{t3}的版式，两表应使用同一模板",
                  "Table 2 is laid out in {t2} but Table 3 in {t3}; both must follow one template"),
    }

    def check(self, ctx):
        report = ctx.report
        detected = report.detected_template
        year = report.year
        from_year = self.config["current_template_from"]
        if year is not None and year >= from_year and detected != "2021":
            pointer = "/tables" if detected == "2019" else "/metadata/report_year"
            yield self.finding("outdated", pointer, year=year, detected=_name(detected), from_year=from_year,
                               place=Text("表格版式", "table layout") if detected == "2019" else Text("整份报告", "whole report"))
        elif year is not None and self.config["tables_required_from"] <= year < from_year and detected == "legacy":
            yield self.finding("no_tables", "/metadata/report_year", year=year, place=Text("整份报告", "whole report"))
        declared = report.meta("template_version")
        has_tables = any(report.has_table(t) for t in ("t2", "t2_2019", "t3", "t4"))
        if isinstance(declared, str) and declared in _NAMES and has_tables and declared != detected:
            yield self.finding("declared_mismatch", "/metadata/template_version", declared=declared,
                               detected=_name(detected))
        t2 = "2019" if report.has_table("t2_2019") else "2021" if report.has_table("t2") else None
        t3_table = report.tables.get("t3")
        t3 = None
        if isinstance(t3_table, Mapping):
            if "other_handling" in t3_table:
                t3 = "2019"
            elif any(k.startswith("other_") for k in t3_table):
                t3 = "2021"
        if t2 and t3 and t2 != t3:
            yield self.finding("mixed", "/tables/t3", t2=_name(t2), t3=_name(t3), severity=Severity.WARNING)
