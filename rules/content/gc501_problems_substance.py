"""GC501 problems-substance."""

from __future__ import annotations

import re

from checker.findings import Severity
from checker.rule import Option, Rule
from checker.textnum import cjk_length
from rules.content.common import section_place, section_pointer

_NOTHING = re.compile(r"^(无|暂无|没有|无问题|无此项|不存在|未发现问题|无明显问题|略)$")
_PROBLEM = re.compile(r"问题|不足|短板|薄弱|差距|有待|不够|不到位|不及时|不高|不强|欠缺|滞后|不规范|不平衡|不完善|不充分|困难")
_MEASURE = re.compile(r"改进|整改|措施|下一步|将|加强|提升|完善|推进|强化|健全|优化|规范|落实|提高")


class ProblemsSubstance(Rule):
    """第五部分须实际写明存在的主要问题和改进情况。

    检查什么
    第五部分「存在的主要问题及改进情况」：缺少这一部分，或正文为空、只写「无」「暂无」之类，是错误；
    正文过短（默认少于 80 个字，可配置 ``min_chars``），或看不出写了问题（「问题」「不足」「有待」……）
    或改进措施（「改进」「整改」「措施」「加强」「下一步」……），是警告。

    为什么
    《条例》第五十条要求年度报告包括「存在的主要问题及改进情况」；年度报告格式要求如实、具体地说明，
    空写、一句带过属于敷衍塞责。

    依据
    《中华人民共和国政府信息公开条例》第五十条第（四）项；国办公开办函〔2021〕30号。

    错误示例
    「五、存在的主要问题及改进情况」下只写「无」。

    正确示例
    「本年度存在的主要问题：一是部分单位主动公开不够及时；二是……。改进措施：一是建立公开时限提醒机制；二是……」
    """

    doc_en = """Part 五 actually states the main problems and the improvements.

    What it checks
    Part 五 「存在的主要问题及改进情况」: missing, empty, or only 「无」「暂无」 is an error; too short (under 80
    characters by default, ``min_chars``), or with no sign of problems (「问题」「不足」「有待」 …) or of measures
    (「改进」「整改」「措施」「加强」「下一步」 …), is a warning.

    Why
    Article 50 requires the report to include the main problems and improvements; the format asks for a truthful,
    concrete account, and an empty or one-line part is perfunctory.

    Basis
    《中华人民共和国政府信息公开条例》 art. 50 item (4); 国办公开办函〔2021〕30号.

    Wrong
    Only 「无」 under 「五、存在的主要问题及改进情况」.

    Right
    「本年度存在的主要问题：一是部分单位主动公开不够及时；二是……。改进措施：一是建立公开时限提醒机制；二是……」
    """

    code = "GC501"
    name = "problems-substance"
    title_zh = "第五部分写明问题和改进措施"
    title_en = "Section 5 states problems and improvements"
    clause = "《条例》第五十条第（四）项"
    fix = ("在第五部分写明本年度工作存在的具体问题，以及针对每个问题的改进措施和完成时限",
           "In part 5 name the concrete problems of the year and, for each, the improvement measure and when it will be done")
    severity = Severity.ERROR
    templates = frozenset({"2021", "2019", "legacy"})
    options = {"min_chars": Option(80, "第五部分少于这么多字（不含标点、空格）视为过于简略", int, en="part 五 shorter than this many characters (without punctuation and spaces) is too brief")}
    messages = {
        "empty": ("{section}没有实际内容（{content}），应写明存在的主要问题和改进措施",
                  "{section} has no substance ({content}); state the main problems and the improvements"),
        "thin": ("{section}只有 {length} 个字（少于 {min_chars} 个），过于简略，请具体写明问题和改进措施",
                 "{section} has only {length} characters (fewer than {min_chars}); state the problems and improvements concretely"),
        "no_problems": ("{section}看不出写了存在的问题", "{section} does not appear to state any problem"),
        "no_measures": ("{section}看不出写了改进措施", "{section} does not appear to state any improvement measure"),
    }

    def check(self, ctx):
        report = ctx.report
        section = report.section(5)
        place = section_place(5)
        if section is None:  # GC010 reports the missing section; one defect, one finding
            yield self.not_applicable("报告缺少第五部分（由 GC010 报告）", "the report has no section 5 (reported by GC010)")
            return
        text = section.text.strip()
        bare = re.sub(r"[\s。.，,；;！!、]+", "", text)
        if not bare or _NOTHING.match(bare):
            yield self.finding("empty", section.pointer, section=place, content=f"「{text}」" if text else "空白")
            return
        length = cjk_length(text)
        if length < self.config["min_chars"]:
            yield self.finding("thin", section.pointer, severity=Severity.WARNING, section=place, length=length,
                               min_chars=self.config["min_chars"])
        if not _PROBLEM.search(text):
            yield self.finding("no_problems", section_pointer(report, 5), severity=Severity.WARNING, section=place)
        if not _MEASURE.search(text):
            yield self.finding("no_measures", section_pointer(report, 5), severity=Severity.WARNING, section=place)
