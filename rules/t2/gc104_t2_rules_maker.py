"""GC104 t2-rules-maker."""

from __future__ import annotations

import re

from checker import labels
from checker.findings import Severity, Text
from checker.rule import Option, Rule
from rules.common import missing_table

# A department of the State Council names no place (「生态环境部」, 「国家税务总局」, 「海关总署」); a local
# department, or a central organ's local branch, does (「国家税务总局山西省税务局」, 「阳泉市教育局」).  The
# look-arounds keep words that only contain a place character from counting: 市场, 城市, 市政, 城乡,
# 乡村, 城镇, 乡镇, 社区, 区域 (「国家市场监督管理总局」, 「住房和城乡建设部」 are central).
DEFAULT_LOCAL_PATTERN = r"省|自治区|(?<!城)市(?!场|政)|县|(?<![社小景])区(?!域)|州|盟|旗|(?<!城)乡(?!村|镇)|(?<![城乡])镇|街道"


class T2RulesMaker(Rule):
    """只有有权制定规章的机关，表二「规章」一行才会有数字。

    检查什么
    表二「第二十条第（一）项 · 规章」一行（2021年模板：本年制发、本年废止、现行有效；2019年模板：本年新制作、
    本年新公开、对外公开总数量）有大于 0 的数，而报告机关不能制定规章：县级人民政府、乡镇人民政府、街道办事处、
    法律法规授权组织和地方政府部门。能制定规章的是省级人民政府、设区的市人民政府和国务院部门（类别可配置；
    名称中不含地名的部门视为国务院部门，式样可配置）。
    县级市的人民政府按名称会被推断为「市级人民政府」，请在报告信息或 --organ-kind 中写明其类别。

    为什么
    《立法法》规定规章由国务院部门和省、自治区、直辖市及设区的市、自治州人民政府制定；其他机关制发的是行政规范性
    文件。把行政规范性文件填在「规章」一行，两行数字都不准确。

    依据
    《中华人民共和国立法法》第九十一条、第九十三条；国办公开办函〔2021〕30号 表二。

    错误示例
    某县人民政府：规章 · 本年制发件数 3。

    正确示例
    规章一行填 0，这 3 件计入「行政规范性文件」。
    """

    doc_en = """Only an organ empowered to make rules (规章) has numbers in T2's 「规章」 row.

    What it checks
    T2's row 「第二十条第（一）项 · 规章」 (2021 template: issued, repealed, in force; 2019 template: newly made, newly
    published, total published) has a number above 0 while the organ cannot make rules: county, township
    governments, sub-district offices, authorised organisations and local government departments. Rules are made
    by provincial governments, governments of cities with districts and State Council departments (kinds
    configurable; a department whose name has no place name is taken for a State Council department, pattern
    configurable). A county-level city's government is inferred from its name as a city government: state its kind
    in the metadata or with --organ-kind.

    Why
    The Legislation Law gives rule-making to State Council departments and to the governments of provinces,
    autonomous regions, municipalities, cities with districts and autonomous prefectures; other organs issue
    normative documents. Normative documents counted as rules make both rows wrong.

    Basis
    《中华人民共和国立法法》 arts. 91 and 93; T2 of 国办公开办函〔2021〕30号.

    Wrong
    A county government: 规章 · 本年制发件数 3.

    Right
    0 in the rules row; the 3 counted under 「行政规范性文件」.
    """

    code = "GC104"
    name = "t2-rules-maker"
    title_zh = "无规章制定权的机关不应填报规章"
    title_en = "Only organs that can make rules report 规章"
    clause = "《立法法》第九十一条、第九十三条"
    fix = ("没有规章制定权的机关，表二规章一行填 0",
           "An organ without power to make rules fills the rules row of Table 2 with 0")
    severity = Severity.WARNING
    options = {
        "rule_making_kinds": Option(["province_government", "city_government"],
                                    "有权制定规章的机关类别（部门另按名称判断）", (list, tuple), en="the organ kinds empowered to make rules (departments are judged by their names)"),
        "local_department_pattern": Option(DEFAULT_LOCAL_PATTERN,
                                           "部门名称中含地名的式样：匹配的是地方部门（无权制定规章），不匹配的视为国务院部门", str, en="a place name in a department's name: a match is a local department (no rule-making), no match a State Council department"),
    }
    messages = {
        "cannot_make_rules": ("{place}：{organ}（{kind}）无权制定规章，但「规章」一行填有 {figures}；行政规范性文件应计入下一行",
                              "{place}: {organ} ({kind}) cannot make rules (规章) but reports {figures}; normative documents belong in the next row"),
    }

    def check(self, ctx):
        report = ctx.report
        kind = report.organ_kind
        if kind is None:
            yield self.insufficient("机关类别不明（报告信息中没有 organ_kind，名称也无法推断），无法判断是否有规章制定权",
                                    "the organ kind is unknown, cannot tell whether it may make rules", "/metadata/organ_kind")
            return
        if kind in self.config["rule_making_kinds"]:
            return
        if kind == "department" and not re.search(self.config["local_department_pattern"], re.sub(r"\s+", "", report.organ_name)):
            return  # a State Council department
        table = "t2_2019" if report.template == "2019" else "t2"
        if not report.has_table(table):
            yield missing_table(self, table)
            return
        block = labels.t2_blocks(report.template)[0]
        cells = [report.cell(table, "regulations", c.id) for c in block.columns]
        positive = [c for c in cells if c.is_number and c.value > 0]
        if positive:
            kind_zh, kind_en = labels.ORGAN_KINDS[kind]
            yield self.finding("cannot_make_rules", positive[0].pointer, *(c.pointer for c in positive[1:]),
                               organ=report.organ_name or Text("本机关", "the organ"), kind=Text(kind_zh, kind_en),
                               figures=Text("、".join(f"{c.place().split(' · ')[-1]} {c.value}" for c in positive),
                                            ", ".join(f"{c.place('en').split(' · ')[-1]} {c.value}" for c in positive)),
                               actual=positive[0].value)
