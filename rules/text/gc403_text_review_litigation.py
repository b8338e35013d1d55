"""GC403 text-review-litigation."""

from __future__ import annotations

from checker.findings import Severity
from checker.rule import Rule
from rules.text.claims import SUMMARY_MESSAGE, compare_claims, read_claims, read_summaries
from rules.text.gc401_text_application_counts import MISMATCH


class TextReviewLitigation(Rule):
    """正文所述行政复议、行政诉讼件数须与表四一致。

    检查什么
    正文中因政府信息公开被申请行政复议、提起行政诉讼的件数（「被申请行政复议2件」「提起行政诉讼1件」
    「复议后起诉」「直接起诉」，以及紧随其后的「其中维持1件」「尚未审结1件」）与表四核对：
    行政复议对应行政复议「总计」，行政诉讼对应两个诉讼栏目之和。「未发生因政府信息公开引起的行政复议、
    行政诉讼」视为 0。数字在关键词之后（「有3件行政复议涉及政府信息公开」「0件行政诉讼」）、或主题在上一句
    （「……行政诉讼情况。案件数为0件」，第四部分）也读取；同一句列出全部四种结果时，各结果之和由 GC404 核对。
    不带数字的概括也核对：「均获维持」要求相应栏目的纠正、其他结果、尚未审结都是 0；「全部胜诉」要求诉讼的
    纠正、尚未审结是 0；「无败诉」「未被纠错」要求纠正是 0。句子须在第四部分，或提到信息公开／政务公开；本机关作为复议机关办理的案件
    （「复议机关」「受理行政复议申请」）、其他年度、累计数、「纠错」「败诉」等分项的否定句不核对。

    为什么
    行政复议、行政诉讼是《条例》第五十条规定的报告内容；正文说「未发生」而表四有数字，属于明显矛盾。

    依据
    《中华人民共和国政府信息公开条例》第五十条；年度报告格式 表四（R9）。

    错误示例
    表四行政复议总计 2；第四部分写「本年度未发生因政府信息公开工作被申请行政复议的情况」。

    正确示例
    写「本年度因政府信息公开工作被申请行政复议2件，其中维持1件，尚未审结1件」；表四行政复议有 1 件尚未审结时，
    不写「均获维持」。
    """

    doc_en = """The reconsideration and litigation counts the text states agree with T4.

    What it checks
    The numbers of reconsiderations and lawsuits over disclosure the text states (「被申请行政复议2件」
    「提起行政诉讼1件」「复议后起诉」「直接起诉」, and the 「其中维持1件」「尚未审结1件」 right after them) are checked
    against T4: reconsideration against reconsideration 「总计」, litigation against the sum of the two litigation
    blocks. 「未发生因政府信息公开引起的行政复议、行政诉讼」 counts as 0. A figure after its keyword
    (「有3件行政复议涉及政府信息公开」「0件行政诉讼」), or with its subject in the previous sentence
    (「……行政诉讼情况。案件数为0件」, in part 四), is read too; when one sentence lists all four outcomes, their sum
    is GC404's. Summaries without figures are checked as well: 「均获维持」 requires the block's corrected, other
    and pending to be 0; 「全部胜诉」 requires litigation's corrected and pending to be 0; 「无败诉」「未被纠错」
    require corrected to be 0. The sentence must be in part 四 or mention
    information or government-affairs disclosure; cases the organ handled as the reconsideration body
    (「复议机关」「受理行政复议申请」), other years, cumulative figures and negations of breakdowns such as 「纠错」
    「败诉」 are not checked.

    Why
    Reconsideration and litigation are contents article 50 requires; text saying 「未发生」 while T4 has numbers is
    a plain contradiction.

    Basis
    《中华人民共和国政府信息公开条例》 art. 50; T4 of the format (R9).

    Wrong
    T4 reconsideration total 2; part 四 says 「本年度未发生因政府信息公开工作被申请行政复议的情况」.

    Right
    「本年度因政府信息公开工作被申请行政复议2件，其中维持1件，尚未审结1件」; with 1 reconsideration still pending
    in T4, not 「均获维持」.
    """

    code = "GC403"
    name = "text-review-litigation"
    title_zh = "正文行政复议、行政诉讼数与表四一致"
    title_en = "Reconsideration and litigation counts in the text match Table 4"
    clause = "《条例》第五十条；年度报告格式 表四（R9）"
    fix = ("使正文中的行政复议、行政诉讼件数与表四一致，改正正文或表格中错误的一处",
           "Make the review and litigation counts in the text agree with Table 4; correct whichever is wrong")
    severity = Severity.WARNING
    messages = {"mismatch": MISMATCH, "summary": SUMMARY_MESSAGE}

    def check(self, ctx):
        claims = [c for c in read_claims(ctx.report) if c.quantity.startswith("t4.")]
        summaries = [s for s in read_summaries(ctx.report) if s.kind != "all_handled"]
        yield from compare_claims(self, ctx.report, claims, summaries=summaries)
