"""GC401 text-application-counts."""

from __future__ import annotations

from checker.findings import Severity
from checker.rule import Rule
from rules.text.claims import REGIONAL_OPTION, SUMMARY_MESSAGE, T3_TOTAL_NAMES, compare_claims, read_claims, read_summaries

MISMATCH = ("{place}：正文写的是 {stated}，而{cell}为 {table}，相差 {difference}",
            "{place}: the text says {stated}, but {cell} is {table}; off by {difference}")


class TextApplicationCounts(Rule):
    """正文所述申请数（新收、上年结转、收到、办结、结转下年）须与表三总计列一致。

    检查什么
    逐句读取正文（含前言），找出明确说的是本机关本年度申请总数的数字，与表三「总计」列核对：
    「新收…申请N件」对应一、本年新收；「上年结转N件」对应二；「共收到／受理…申请N件」对应一
    （如含上年结转，一 + 二 也视为一致）；「已办结N件」对应三（七）总计；「结转下年（度继续）办理N件」
    「尚未办结N件」「顺延到下年度答复N件」对应四；「未收到政府信息公开申请」视为 0；
    「答复…N件」「收办」「受理」等同义说法、「办结N件（含上年结转M件）」中的 M 也读取。
    「所有申请均已按期办结」「均已办结」要求四、结转下年度继续办理为 0。
    「撤回」「备案」只使该分句（或括号）不核对，同句其他数字照常读取；句中出现的本机关名称
    （如街道办事处报告中的「××街道」）不视为下级单位。
    只有关键词紧挨在数字前、同一分句、句子说的是政府信息公开申请时才核对。下列情形不核对：
    「余」「近」「约」「多」等约数；「其中」之后的分项（其中某局、某渠道）；「县级」「乡镇」「市本级」等下级
    或部分单位的数字；其他年度（「2022年」「上年」「同比」）与「累计」；提到「备案」「撤回」的句子；
    「同意公开答复」。每条发现引用原句，并写明对应的表格单元格和数值。
    「全市」「全县」「各级各部门」等说全地区的数字默认也核对（政府报告的表格通常汇总全地区）；
    表格只统计本机关的，可把 ``compare_regional`` 设为 false。

    为什么
    正文与表格是同一份报告的两种表述，数字不一致会让读者无所适从，也往往说明其中之一填错了。

    依据
    《中华人民共和国政府信息公开条例》第五十条；年度报告格式（国办公开办函〔2021〕30号）；正文与表格一致（R9）。

    错误示例
    表三总计列：一、本年新收 84，三（七）总计 82，四 2；正文写「全年共收到政府信息公开申请86件，已办结82件」。

    正确示例
    正文写「全年共收到政府信息公开申请84件，已办结82件，结转下年办理2件」。
    「其中市本级收到50件」「县级共收到30余件」等不与总计核对。
    """

    doc_en = """The application counts the text states (new, carried over, received, handled, carried forward) agree with T3's total column.

    What it checks
    The text (preface included) is read sentence by sentence for figures that clearly state the organ's own
    application totals for the year, and they are checked against T3's 「总计」 column: 「新收…申请N件」 is 一 (new);
    「上年结转N件」 is 二; 「共收到／受理…申请N件」 is 一 (一 + 二 also agrees when carried-over applications are
    included); 「已办结N件」 is 三（七）总计; 「结转下年（度继续）办理N件」「尚未办结N件」「顺延到下年度答复N件」 is 四;
    「未收到政府信息公开申请」 counts as 0; synonyms such as 「答复…N件」「收办」「受理」, and the M of
    「办结N件（含上年结转M件）」, are read too. 「所有申请均已按期办结」「均已办结」 require 四 (carried forward) to be 0.
    「撤回」 and 「备案」 exempt only their clause (or bracket); the sentence's other figures are read as usual;
    the organ's own name in a sentence (「××街道」 in a sub-district office's report) is not a subordinate unit.
    A figure is checked only when its keyword stands right before it, in the same clause, in a sentence about
    disclosure applications. Not checked: approximate figures (「余」「近」「约」「多」); breakdowns after 「其中」 (by
    bureau, by channel); figures for subordinate or partial units (「县级」「乡镇」「市本级」); other years (「2022年」
    「上年」「同比」) and 「累计」; sentences that mention 「备案」 or 「撤回」; 「同意公开答复」. Each finding quotes the
    sentence and names the table cell and its value. Region-wide figures (「全市」「全县」「各级各部门」) are checked too
    by default (a government's tables usually cover its whole region); set ``compare_regional`` to false when the
    tables cover the organ alone.

    Why
    Text and tables are two statements of one report; when their figures differ, readers cannot tell which to
    trust, and one of them is usually wrong.

    Basis
    《中华人民共和国政府信息公开条例》 art. 50; the format (国办公开办函〔2021〕30号); text agrees with tables (R9).

    Wrong
    T3 total column: 一 84, 三（七）总计 82, 四 2; the text says 「全年共收到政府信息公开申请86件，已办结82件」.

    Right
    「全年共收到政府信息公开申请84件，已办结82件，结转下年办理2件」. 「其中市本级收到50件」 and 「县级共收到30余件」 are
    not compared with the totals.
    """

    code = "GC401"
    name = "text-application-counts"
    title_zh = "正文申请数与表三一致"
    title_en = "Application counts in the text match Table 3"
    clause = "《条例》第五十条；年度报告格式 表三（R9）"
    fix = ("使正文中的申请件数与表三一致，改正正文或表格中错误的一处",
           "Make the number of requests in the text agree with Table 3; correct whichever is wrong")
    severity = Severity.WARNING
    options = REGIONAL_OPTION
    messages = {"mismatch": MISMATCH, "summary": SUMMARY_MESSAGE}

    def check(self, ctx):
        claims = [c for c in read_claims(ctx.report) if c.quantity in T3_TOTAL_NAMES]
        summaries = [s for s in read_summaries(ctx.report) if s.kind == "all_handled"]
        yield from compare_claims(self, ctx.report, claims, T3_TOTAL_NAMES, self.config["compare_regional"], summaries)
