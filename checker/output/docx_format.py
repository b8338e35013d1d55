"""The unit's problem list (审阅意见) as a Word document an office forwards as it is: title, the
report checked, a summary line, the table 序号 · 位置 · 问题 · 依据 · 修改建议 · 严重程度, and a block
for the reviewer's signature.  Typeset as a Chinese official document (A4, 黑体 title, 仿宋 text,
East Asian font names in every run so Word uses them for the Chinese, ruled table whose header row
repeats on every page)."""

from __future__ import annotations

import io
from typing import Any

from checker import __version__
from checker.findings import ReportResult
from checker.messages import summary_line
from checker.output.problems import fail_on_of, heading, problems
from checker.output.safe import xml_text

BODY_FONT, TITLE_FONT, LATIN_FONT = "仿宋", "黑体", "Times New Roman"
# A4 with the margins of GB/T 9704 (党政机关公文格式): 37/35 mm top/bottom, 28/26 mm left/right → 156 mm of text.
MARGINS_MM = (37, 35, 28, 26)
COLUMNS_MM = (10, 30, 44, 28, 30, 14)  # 序号 位置 问题 依据 修改建议 严重程度: 156 mm


def clean(text: object) -> str:
    """Text as Word can hold it: characters XML forbids (a report's stray control codes) dropped."""
    return xml_text(str(text))


def set_font(run_or_style: Any, name: str = BODY_FONT, size: float | None = None, bold: bool | None = None) -> None:
    """The font for Latin and Chinese text alike: Word picks the East Asian name (w:eastAsia) for
    Chinese characters, which python-docx's ``font.name`` alone does not set."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    font = run_or_style.font
    font.name = LATIN_FONT if name == BODY_FONT else name
    rpr = run_or_style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), name)
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold


def _para(doc: Any, text: str, *, font: str = BODY_FONT, size: float = 14, bold: bool = False,
          align: str | None = None, space_after: float = 0) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = doc.add_paragraph()
    set_font(p.add_run(clean(text)), font, size, bold)
    if align:
        p.alignment = getattr(WD_ALIGN_PARAGRAPH, align)
    p.paragraph_format.space_after = Pt(space_after)
    return p


def _cell(cell: Any, text: str, *, font: str = BODY_FONT, size: float = 10.5, center: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = cell.paragraphs[0]
    set_font(p.add_run(clean(text)), font, size)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _repeat_header(row: Any) -> None:
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    trpr.append(trpr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))


def _no_split(row: Any) -> None:
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    trpr.append(trpr.makeelement(qn("w:cantSplit"), {qn("w:val"): "true"}))


def new_document() -> Any:
    """An empty A4 document whose Normal style is 仿宋 (and Times New Roman for Latin text)."""
    import docx
    from docx.shared import Mm

    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = (Mm(m) for m in MARGINS_MM)
    set_font(doc.styles["Normal"], BODY_FONT, 14)
    doc.core_properties.author = "gov-check"
    return doc


def _report(doc: Any, result: ReportResult, rules: Any, lang: str, fail_on: str) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Mm, Pt

    en = lang == "en"
    head = heading(result, lang, fail_on)
    _para(doc, head.title, font=TITLE_FONT, size=22 if not en else 16, align="CENTER", space_after=18)
    facts = ((("报告机关", head.organ or "（报告中未写明）"), ("报告年度", f"{head.year}年" if head.year else "（报告中未写明）"),
              ("文件", head.file), ("检查日期", head.checked_on), ("检查结论", head.status)) if not en else
             (("Organ", head.organ or "(not stated)"), ("Year", str(head.year or "(not stated)")), ("File", head.file),
              ("Checked on", head.checked_on), ("Result", head.status)))
    for label, value in facts:
        _para(doc, f"{label}：{value}" if not en else f"{label}: {value}", size=14)
    if result.load_error:
        _para(doc, ("未能检查：" if not en else "Not checked: ") + result.load_error, size=14, space_after=12)
        return
    _para(doc, summary_line(result, lang), size=14, space_after=12)
    rows = problems(result, rules, lang)
    if not rows:
        _para(doc, "未发现问题。" if not en else "No problems found.", size=14)
    else:
        table = doc.add_table(rows=1, cols=6)
        table.style = doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        heads = ("序号", "位置", "问题", "依据", "修改建议", "严重程度") if not en else \
            ("No.", "Where", "Problem", "Basis", "Suggested fix", "Severity")
        for cell, text in zip(table.rows[0].cells, heads):
            _cell(cell, text, font=TITLE_FONT, center=True)
        _repeat_header(table.rows[0])
        for p in rows:
            row = table.add_row()
            _no_split(row)
            values = (str(p.number), p.where, p.problem, p.basis, p.fix, p.severity)
            for i, (cell, text) in enumerate(zip(row.cells, values)):
                _cell(cell, text, center=i in (0, 5))
        for row in table.rows:
            for cell, mm in zip(row.cells, COLUMNS_MM):
                cell.width = Mm(mm)
        for col, mm in zip(table.columns, COLUMNS_MM):
            col.width = Mm(mm)
    p = _para(doc, "", size=14)
    p.paragraph_format.space_before = Pt(18)
    for line in (("审核人：                    ", "日期：        年    月    日") if not en else
                 ("Reviewer:                    ", "Date:                    ")):
        _para(doc, line, size=14, space_after=6)
    _para(doc, (f"本意见由 gov-check {__version__} 生成，经审核人核对后发出。" if not en else
                f"Generated by gov-check {__version__}; to be checked by the reviewer before it is sent."),
          size=10.5, space_after=0)


def build(results: list[ReportResult], rules: Any, lang: str = "zh", fail_on: str = "error") -> Any:
    """The python-docx Document: one problem list per report, each from a new page."""
    from docx.enum.text import WD_BREAK

    doc = new_document()
    for i, result in enumerate(results):
        if i:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _report(doc, result, rules, lang, fail_on)
    return doc


def render(results: list[ReportResult], ctx: Any) -> bytes:
    buf = io.BytesIO()
    build(results, dict(ctx.rules), ctx.lang, fail_on_of(ctx)).save(buf)
    return buf.getvalue()
