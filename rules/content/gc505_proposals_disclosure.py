"""GC505 proposals-disclosure."""

from __future__ import annotations

import re

from checker import labels
from checker.findings import Severity
from checker.rule import Option, Rule
from rules.content.common import all_prose, section_place, section_pointer

PROPOSALS = re.compile(r"人大代表建议|人大建议|代表建议|政协提案|委员提案|建议提案|建议和提案|建议、提案|建议与提案")
DEFAULT_KINDS = ("province_government", "city_government", "county_government", "department")


class ProposalsDisclosure(Rule):
    """第六部分说明人大代表建议和政协提案办理结果公开情况。

    检查什么
    承办人大代表建议、政协提案的机关（默认：省、市、县级人民政府和政府部门，可用 ``organ_kinds`` 配置），
    其报告是否提到建议提案办理结果的公开情况（「人大代表建议」「政协提案」「建议提案」）。没有提到时给出提示；
    乡镇、街道等一般不承办建议提案的机关不检查。2019年模板的报告不检查。

    为什么
    年度报告格式第六部分列出的常见内容之一是人大代表建议和政协提案办理结果公开情况。

    依据
    国办公开办函〔2021〕30号 第六部分；《国务院办公厅关于做好全国人大代表建议和全国政协委员提案办理结果公开工作的通知》。

    错误示例
    县政府的报告全文没有提到人大代表建议、政协提案办理结果的公开。

    正确示例
    「（三）人大代表建议和政协提案办理结果公开情况。全年办理人大代表建议12件、政协提案15件，办理结果已全部公开。」
    """

    doc_en = """Part 六 states the disclosure of how deputies' suggestions and CPPCC proposals were handled.

    What it checks
    For organs that handle suggestions of people's congress deputies and CPPCC proposals (by default provincial,
    city and county governments and government departments; configurable with ``organ_kinds``): whether the report
    mentions disclosing the results (「人大代表建议」「政协提案」「建议提案」). A hint when it does not; townships,
    sub-districts and other organs that normally handle none are not checked. 2019-template reports are not checked.

    Why
    One of the usual contents the format lists for part 六 is the disclosure of the handling results of deputies'
    suggestions and CPPCC proposals.

    Basis
    Part 六 of 国办公开办函〔2021〕30号; the State Council General Office's notice on disclosing the handling results
    of NPC deputies' suggestions and CPPCC members' proposals.

    Wrong
    A county government's report never mentions disclosing the handling results of suggestions and proposals.

    Right
    「（三）人大代表建议和政协提案办理结果公开情况。全年办理人大代表建议12件、政协提案15件，办理结果已全部公开。」
    """

    code = "GC505"
    name = "proposals-disclosure"
    title_zh = "报告人大代表建议和政协提案办理结果公开情况"
    title_en = "The report covers disclosure of deputies' suggestions and CPPCC proposals"
    clause = "国办公开办函〔2021〕30号 第六部分"
    fix = ("在第六部分写明人大代表建议和政协提案办理结果的公开情况（件数、公开方式）",
           "In part 6 report the disclosure of the handling results of deputies' proposals and CPPCC motions (numbers, channel)")
    severity = Severity.INFO
    templates = frozenset({"2021"})
    options = {"organ_kinds": Option(list(DEFAULT_KINDS), "承办建议提案、须报告其办理结果公开情况的机关类别",
                                     (list, tuple), en="the organ kinds that handle suggestions and proposals and must report disclosing the results")}
    messages = {
        "missing": ("{section}没有说明人大代表建议和政协提案办理结果公开情况",
                    "{section} does not report on disclosing how deputies' suggestions and CPPCC proposals were handled"),
    }

    def check(self, ctx):
        report = ctx.report
        if report.organ_kind not in tuple(self.config["organ_kinds"]):
            kind = labels.ORGAN_KINDS.get(report.organ_kind or "", ("未知类别", "unknown kind"))
            yield self.not_applicable(f"{kind[0]}一般不承办人大代表建议和政协提案（可用 organ_kinds 选项配置）",
                                      f"a {kind[1]} does not usually handle deputies' suggestions (option organ_kinds)")
            return
        if not PROPOSALS.search(all_prose(report)):
            yield self.finding("missing", section_pointer(report, 6), section=section_place(6))
