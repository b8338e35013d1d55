"""GC003 import-incomplete."""

from __future__ import annotations

from checker.findings import Severity
from checker.rule import ReportedElsewhere


class ImportIncomplete(ReportedElsewhere):
    """从 Word、网页、PDF 或文本读入报告时，无法确定位置的单元格不予猜测，留空并提示。

    检查什么
    本规则本身不检查报告文档：它的问题由读取程序（loader）在读入非 JSON 格式的报告时给出。读取程序找到了某张表，
    却无法确定某一行或某个单元格对应模板中的哪一格（数值个数与栏目数不符、行名称无法识别、同一格出现两次且数值不同、
    表格缺少整行），就不填这一格，并在此给出提示，指明原文中的位置（行号、段落、表格的行列、页码）和原因。

    为什么
    数字填错位置比缺少数字更糟：错位的数字会让勾稽关系“碰巧”成立或无故不成立。宁可留空并请人核对原文，也不猜测。

    依据
    读取程序的约定（gov-check）：单元格只照录原文，不推断、不补 0。

    错误示例
    表三「一、本年新收政府信息公开申请数量」一行只印了 6 个数字（缺了一格），读取程序按顺序填入前 6 栏，使「总计」错位。

    正确示例
    该行不填，提示「表三 · 一、本年新收申请：第12行：应有 7 个数值，原文有 6 个，无法确定对应关系，已略去，请对照原文补全」。

    网页抓取的文本中，表格的数字常常连排印出（「0 0 0 0 0 00」「1000001」）：只有一种拆分时照读；有多种拆分时，
    按模板的勾稽关系取舍，全表只有一种拆分能使各关系成立时才读入（并以提示说明该表的算术规则因此无法发现错误），
    否则该行不填，并列出各种可能的拆分。行名称有错字（「不再受理」「其他法律和行政法规禁止公开」）时，按其在表中的
    位置和字面相近程度读取，只在没有歧义时读取，并以提示指出原文的写法。
    """

    doc_en = """When a report is read from Word, a web page, PDF or text, a cell whose place cannot be told is not guessed: it is left out, with a finding.

    What it checks
    This rule checks no report document itself: its findings come from the loaders that read non-JSON reports.
    When a loader finds a table but cannot tell which template cell a row or cell is (the number of values does
    not match the columns, a row label is not recognised, one cell is printed twice with different values, a
    whole row is missing), it leaves the cell out and says so here, naming the place in the source (line,
    paragraph, table row and column, page) and why.

    Why
    A number in the wrong cell is worse than a missing one: misplaced numbers make identities hold or fail by
    chance. Better to leave the cell blank and ask a person to check the source than to guess.

    Basis
    The loaders' contract (gov-check): cells are copied as printed, never inferred, never filled with 0.

    Wrong
    T3's row 「一、本年新收政府信息公开申请数量」 prints only 6 numbers (one is missing); a loader fills the first six
    columns in order and shifts 「总计」.

    Right
    The row is left out: 「表三 · 一、本年新收申请：第12行：应有 7 个数值，原文有 6 个，无法确定对应关系，已略去，请对照原文补全」.

    In text crawled from web pages, a table's digits are often printed run together (「0 0 0 0 0 00」
    「1000001」): a run with only one split is read as it is; with several, the template's identities
    decide, and the row is read only when a single split makes every identity of the table hold (a hint then
    says the table's arithmetic rules can no longer find an error there); otherwise the row is left out and
    the possible splits are listed. A row label with a misprint (「不再受理」「其他法律和行政法规禁止公开」) is
    read by its place in the table and its closeness in wording, only when that is unambiguous, with a hint
    quoting what the source printed.
    """

    code = "GC003"
    name = "import-incomplete"
    title_zh = "读入报告时有无法确定位置的内容"
    title_en = "Some content could not be placed when the report was imported"
    clause = "gov-check 读取约定（不猜测单元格）"
    fix = ("核对原文该处的表格：使每个数字位于模板对应的行和列，不要合并或拆分单元格",
           "Check the table at that place in the file: put each number in the template's row and column, without merged or split cells")
    severity = Severity.WARNING
    templates = frozenset({"2021", "2019", "legacy"})
    messages = {
        "left_out": ("{place}：原文{where}：{reason}，已略去，请对照原文核对",
                     "{place}: {where} in the source: {reason}; left out — please check against the source"),
        "table_lost": ("{place}：原文{where}起印有这张表（{marks}），但未能读出其中的任何单元格，整张表已略去，请对照原文核对",
                       "{place}: the source prints this table from {where} on ({marks}), but none of its cells could "
                       "be read; the whole table is left out — please check against the source"),
        "heading_unrecognised": ("{place}：原文{where}的「{printed}」像是这一部分的标题，但未能识别为标题（可能与正文连排），"
                                 "这一部分的内容未能单独读出，请对照原文核对",
                                 "{place}: “{printed}” at {where} in the source looks like this section's heading but "
                                 "could not be recognised as one (run together with its text?) — please check against the source"),
        "label_variant": ("{place}：原文{where}印作「{printed}」，按「{read_as}」读取，请核对",
                          "{place}: {where} in the source reads “{printed}”; read as “{read_as}” — please check"),
        "decoded": ("{place}：原文{where}的数字连排印出，其中 {rows} 行按模板的勾稽关系（{relations}）唯一拆分读入；"
                    "这些关系因此必然成立，{rules} 在此表中无法发现算术错误，请对照原文核对",
                    "{place}: {where} in the source prints its digits run together; {rows} row(s) were split the only "
                    "way the template's relations ({relations}) allow, so those relations hold by construction and "
                    "{rules} cannot find an arithmetic error in this table — please check against the source"),
    }
