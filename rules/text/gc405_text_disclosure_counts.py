"""GC405 text-disclosure-counts."""

from __future__ import annotations

from checker.findings import Severity
from checker.rule import Rule
from rules.text.claims import compare_claims, read_claims
from rules.text.gc401_text_application_counts import MISMATCH


class TextDisclosureCounts(Rule):
    """正文所述规章、行政规范性文件件数须与表二一致。

    检查什么
    正文中关于规章、（行政）规范性文件的「制发／印发／出台N件」「废止N件」「现行有效N件」（2019年模板：
    「新制作」「新公开」「对外公开总数」）与表二第二十条第（一）项对应单元格核对。文件类别取句中离数字
    最近的「规章」或「规范性文件」；同一分句同时说「规章和规范性文件」的不核对。涉及备案、审查、清理、
    公报刊登、解读、草案、部门规范性文件的分句及其后的数字，「其中」之后的分项，约数与其他年度都不核对。
    「作出行政许可决定N件」「行政处罚决定N件」「行政强制决定N件」（说了「决定」的）与第（五）（六）项的本年处理决定数量
    核对；「受理行政许可申请」「办理行政处罚案件」不核对。

    为什么
    表二是主动公开情况的统计；正文复述与表格不符，说明其中之一有误。

    依据
    《中华人民共和国政府信息公开条例》第二十条、第五十条；年度报告格式 表二（R9）。

    错误示例
    表二行政规范性文件现行有效 38；正文写「现行有效行政规范性文件40件」。

    正确示例
    正文写「本年制发行政规范性文件18件，废止12件，现行有效38件」，与表二一致。
    """

    doc_en = """The counts of rules and normative documents the text states agree with T2.

    What it checks
    「制发／印发／出台N件」「废止N件」「现行有效N件」 about rules or (administrative) normative documents (2019 template:
    「新制作」「新公开」「对外公开总数」) are checked against the matching cell of T2 item 第二十条第（一）项. The kind of
    document is the 「规章」 or 「规范性文件」 nearest before the figure; a clause naming both 「规章和规范性文件」 is not
    checked. Sentences about filing, review, clean-up, gazette publication, interpretation, drafts or departmental
    normative documents, breakdowns after 「其中」, approximate figures and other years are not checked.

    Why
    T2 counts proactive disclosure; a figure the text repeats differently means one of them is wrong.

    Basis
    《中华人民共和国政府信息公开条例》 arts. 20 and 50; T2 of the format (R9).

    Wrong
    T2 normative documents in force 38; the text says 「现行有效行政规范性文件40件」.

    Right
    「本年制发行政规范性文件18件，废止12件，现行有效38件」, as in T2.
    """

    code = "GC405"
    name = "text-disclosure-counts"
    title_zh = "正文规章、规范性文件数与表二一致"
    title_en = "Rule and normative-document counts in the text match Table 2"
    clause = "《条例》第二十条、第五十条；年度报告格式 表二（R9）"
    fix = ("使正文中的规章、规范性文件件数与表二一致，改正正文或表格中错误的一处",
           "Make the counts of rules and normative documents in the text agree with Table 2; correct whichever is wrong")
    severity = Severity.WARNING
    messages = {"mismatch": MISMATCH}

    def check(self, ctx):
        claims = [c for c in read_claims(ctx.report) if c.quantity.startswith("t2.")]
        yield from compare_claims(self, ctx.report, claims)
