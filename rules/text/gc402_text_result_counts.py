"""GC402 text-result-counts."""

from __future__ import annotations

from checker.findings import Severity
from checker.rule import Rule
from rules.text.claims import REGIONAL_OPTION, compare_claims, read_claims
from rules.text.gc401_text_application_counts import MISMATCH


class TextResultCounts(Rule):
    """正文所述办理结果（予以公开、部分公开、不予公开……）须与表三一致。

    检查什么
    正文中「予以公开N件」「部分公开N件」与表三总计列（一）（二）核对；点到类别名称的
    「不予公开N件」「无法提供N件」「不予处理N件」「其他处理N件」与该类各项之和核对；点到具体情形的
    （「属于国家秘密1件」「本机关不掌握相关政府信息44件」「重复申请2件」……）与该行核对。
    合并的说法按各项之和核对：「予以公开及部分公开24件」对应（一）+（二），「不予公开、无法提供、不予处理共12件」
    对应三类之和。「同意公开N件」视为予以公开，「区分处理后公开N件」视为部分公开（「同意公开答复」不核对）。
    句子须是关于政府信息公开申请的（以「其中」开头的句子沿用上一句的主题；紧跟在写明收到数或办结数的句子之后、
    不含「申请」二字的办理结果句也读取）。按信息条数统计的「依申请公开信息数N条，不予公开信息数M条」不是申请数，不核对。按申请人或渠道分项的
    「其中」（「其中自然人予以公开…」「其中网上申请…」）、约数、其他年度、「累计」、下级单位、
    提到「备案」「撤回」的句子、「同意公开答复」都不核对。每条发现引用原句。
    「全市」「全县」「各级各部门」等说全地区的数字默认也核对（政府报告的表格通常汇总全地区）；
    表格只统计本机关的，可把 ``compare_regional`` 设为 false。

    为什么
    办理结果是表三的主体；正文复述的数字与表格不符，说明其中之一有误。

    依据
    《中华人民共和国政府信息公开条例》第五十条；年度报告格式 表三（R9）。

    错误示例
    表三：（一）予以公开 20，（三）不予公开各项合计 3；正文写「其中予以公开22件，不予公开3件」。

    正确示例
    正文写「其中予以公开20件，部分公开13件，不予公开3件」，与表三一致。
    """

    doc_en = """The handling results the text states (disclosed, partly disclosed, denied …) agree with T3.

    What it checks
    「予以公开N件」「部分公开N件」 in the text are checked against T3's total column （一）（二）; 「不予公开N件」
    「无法提供N件」「不予处理N件」「其他处理N件」 naming a group against the sum of its rows; figures naming a specific
    case (「属于国家秘密1件」「本机关不掌握相关政府信息44件」「重复申请2件」 …) against that row. The sentence must be
    about disclosure applications (a sentence starting with 「其中」 keeps the previous sentence's subject).
    Breakdowns by applicant or channel (「其中自然人予以公开…」「其中网上申请…」), approximate figures, other years,
    「累计」, subordinate units, sentences mentioning 「备案」「撤回」 and 「同意公开答复」 are not checked. Each finding
    quotes the sentence. Region-wide figures are checked by default; set ``compare_regional`` to false when the
    tables cover the organ alone.

    Why
    The handling results are the body of T3; a figure the text repeats differently means one of them is wrong.

    Basis
    《中华人民共和国政府信息公开条例》 art. 50; T3 of the format (R9).

    Wrong
    T3: （一）予以公开 20, （三）不予公开 rows summing to 3; the text says 「其中予以公开22件，不予公开3件」.

    Right
    「其中予以公开20件，部分公开13件，不予公开3件」, as in T3.
    """

    code = "GC402"
    name = "text-result-counts"
    title_zh = "正文办理结果数与表三一致"
    title_en = "Result counts in the text match Table 3"
    clause = "《条例》第五十条；年度报告格式 表三（R9）"
    fix = ("使正文中的办理结果件数与表三一致，改正正文或表格中错误的一处",
           "Make the result counts in the text agree with Table 3; correct whichever is wrong")
    severity = Severity.WARNING
    options = REGIONAL_OPTION
    messages = {"mismatch": MISMATCH}

    def check(self, ctx):
        claims = [c for c in read_claims(ctx.report) if c.quantity.startswith(("t3.row.", "t3.group.", "t3.sum:"))]
        yield from compare_claims(self, ctx.report, claims, regional=self.config["compare_regional"])
