"""GC507 overview-areas."""

from __future__ import annotations

import re

from checker.findings import Severity, Text
from checker.rule import Rule
from rules.content.common import section_place

AREAS = (
    (Text("主动公开", "proactive disclosure"), re.compile(r"主动公开")),
    (Text("依申请公开", "disclosure on request"), re.compile(r"依申请|申请公开|公开申请")),
    (Text("政府信息管理", "information management"), re.compile(
        r"信息管理|保密审查|公开目录|动态调整|发布审核|信息发布|先审后发|三审三校|审核把关|属性认定|(公开|发布)前的?(审查|审核)")),
    (Text("政府信息公开平台建设", "platforms"), re.compile(r"平台|网站|新媒体|公报|专区|专栏")),
    (Text("监督保障", "supervision and safeguards"), re.compile(r"监督|保障|考核|培训|评议|问责|责任追究")),
)


class OverviewAreas(Rule):
    """第一部分「总体情况」涵盖五个方面。

    检查什么
    第一部分是否说到主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面
    （按含义查找关键词，不要求固定的小标题）。缺少的方面列出，作为提示。缺少第一部分时由 GC010 报告。

    为什么
    年度报告格式要求总体情况从这五个方面概述全年工作；缺少某一方面往往是内容不完整。

    依据
    国办公开办函〔2021〕30号 第一部分。

    错误示例
    「一、总体情况」只写主动公开的信息条数。

    正确示例
    分（一）主动公开、（二）依申请公开、（三）政府信息管理、（四）政府信息公开平台建设、（五）监督保障五段概述。
    """

    doc_en = """Part 一 「总体情况」 covers the five areas.

    What it checks
    Whether part 一 speaks of proactive disclosure, disclosure on application, government information management,
    disclosure platforms and supervision (keywords found by meaning; no fixed sub-headings required). The missing
    areas are listed as a hint. A missing part 一 is GC010's.

    Why
    The format asks the overview to summarise the year's work in these five areas; a missing area usually means
    incomplete content.

    Basis
    Part 一 of 国办公开办函〔2021〕30号.

    Wrong
    「一、总体情况」 only gives the number of items proactively published.

    Right
    Five paragraphs: （一）主动公开, （二）依申请公开, （三）政府信息管理, （四）政府信息公开平台建设, （五）监督保障.
    """

    code = "GC507"
    name = "overview-areas"
    title_zh = "总体情况涵盖五个方面"
    title_en = "The overview covers the five areas"
    clause = "国办公开办函〔2021〕30号 第一部分"
    fix = ("在第一部分总体情况中分别写明主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面",
           "In part 1 cover all five areas: proactive disclosure, requests, information management, platforms, supervision")
    severity = Severity.INFO
    messages = {
        "missing": ("{section}没有说到：{missing}", "{section} does not cover: {missing}"),
    }

    def check(self, ctx):
        section = ctx.report.section(1)
        if section is None:
            yield self.not_applicable("没有第一部分（由 GC010 报告）", "no section 1 (GC010 reports it)")
            return
        missing = [name for name, pattern in AREAS if not pattern.search(section.text)]
        if missing:
            yield self.finding("missing", section.pointer, section=section_place(1), missing=missing)
