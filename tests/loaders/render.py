"""Test helper: print a report document as Word, HTML and PDF files laid out like real reports.

A layout is a list of paragraphs and tables; a table is a grid of strings where ``None`` means
"merged with the cell to the left" and ``"^"`` "merged with the cell above" — the way the template's
header cells and group labels are merged.
"""

from __future__ import annotations

import html as _html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker import labels

Grid = list[list[Any]]


@dataclass(frozen=True)
class Style:
    t4: str = "row"  # "row": one row of 15 cells; "blocks": three 5-cell tables
    split_t3: bool = False  # T3 printed as two tables (a page break in between)
    half_width: bool = False  # half-width brackets and 「1、」 numbering in labels
    break_labels: bool = True  # 「商业\n企业」
    numerals: bool = True  # section headings keep their 「一、」
    title_lines: int = 2  # the organ's name and the rest of the title on separate lines


def text(value: Any) -> str:
    return "" if value is None else str(value)


def _lbl(s: str, style: Style) -> str:
    if style.half_width:
        s = s.replace("（", "(").replace("）", ")")
        if len(s) > 1 and s[0].isdigit() and s[1] == ".":
            s = s[0] + "、" + s[2:]
    return s


def t2_grid(doc: dict, style: Style) -> Grid:
    name = "t2_2019" if "t2_2019" in doc["tables"] else "t2"
    table = doc["tables"][name]
    grid: Grid = []
    for block in labels.t2_blocks("2019" if name == "t2_2019" else "2021"):
        grid.append([_lbl(block.item, style), None, None, None])
        head = ["信息内容"] + [c.zh for c in block.columns]
        grid.append(head + [None] * (4 - len(head)))
        for row in block.rows:
            values = [text(table[row.id][c.id]) for c in block.columns]
            grid.append([row.zh] + values + [None] * (3 - len(values)))
    return grid


def t3_grid(doc: dict, style: Style) -> Grid:
    t3 = doc["tables"]["t3"]
    cols = [c.id for c in labels.T3_COLUMNS]
    brk = (lambda s: s[:2] + "\n" + s[2:]) if style.break_labels else (lambda s: s)
    grid: Grid = [
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", None, None, "申请人情况"] + [None] * 6,
        ["^", "^", "^", "自然人", "法人或其他组织", None, None, None, None, "总计"],
        ["^", "^", "^", "^", brk("商业企业"), brk("科研机构"), brk("社会公益组织"), brk("法律服务机构"), "其他", "^"],
    ]
    template = "2019" if "other_handling" in t3 else "2021"
    groups = labels.t3_group_rows(template)
    first_result = True
    for row in labels.t3_rows(template):
        values = [text(t3[row.id][c]) for c in cols]
        if row.id in ("new_received", "carried_over", "carried_forward"):
            grid.append([_lbl(row.zh, style), None, None] + values)
            continue
        lead = "三、\n本年度\n办理结果" if first_result else "^"
        first_result = False
        group = next((g for g, members in groups.items() if row.id in members and not
                      (g == "other" and template == "2019")), None)
        if group is None:
            grid.append([lead, _lbl(row.zh, style), None] + values)
        else:
            first = groups[group][0] == row.id
            grid.append([lead, _lbl(labels.T3_GROUPS[group][0], style) if first else "^", _lbl(row.zh, style)] + values)
    return grid


def t4_grids(doc: dict, style: Style) -> list[Grid]:
    t4 = doc["tables"]["t4"]
    cols = ["结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"] if style.break_labels else \
        [c.zh for c in labels.T4_COLUMNS]
    values = {b.id: [text(t4[b.id][c.id]) for c in labels.T4_COLUMNS] for b in labels.T4_BLOCKS}
    if style.t4 == "blocks":
        return [[[b.short or b.zh, None, None, None, None], list(cols), values[b.id]] for b in labels.T4_BLOCKS]
    return [[
        ["行政复议", None, None, None, None, "行政诉讼"] + [None] * 9,
        cols + ["未经复议直接起诉", None, None, None, None, "复议后起诉", None, None, None, None],
        ["^"] * 5 + cols + cols,
        values["review"] + values["litigation_direct"] + values["litigation_after_review"],
    ]]


def layout(doc: dict, style: Style = Style()) -> list[tuple[str, Any]]:
    """The printed report: ("title"|"p"|"h", text) and ("table", grid), in order."""
    meta = doc["metadata"]
    out: list[tuple[str, Any]] = []
    title = meta["title"]
    if style.title_lines == 2 and title.startswith(meta["organ_name"]):
        out += [("title", meta["organ_name"]), ("title", title[len(meta["organ_name"]):])]
    else:
        out.append(("title", title))
    for line in (doc.get("preface") or "").split("\n"):
        if line:
            out.append(("p", line))
    for i, section in enumerate(doc["sections"]):
        heading = section["heading"]
        if not style.numerals:
            from checker.model import strip_numbering

            heading = strip_numbering(heading)
        out.append(("h", heading))
        for line in section["text"].split("\n"):
            if line:
                out.append(("p", line))
        if i == 1:
            out.append(("table", t2_grid(doc, style)))
        elif i == 2:
            grid = t3_grid(doc, style)
            if style.split_t3:
                cut = 15
                second = [list(r) for r in grid[cut:]]
                second[0] = ["" if c == "^" else c for c in second[0]]
                out += [("table", grid[:cut]), ("break", None), ("table", second)]
            else:
                out.append(("table", grid))
        elif i == 3:
            for grid in t4_grids(doc, style):
                out.append(("table", grid))
    for line in (doc.get("signature") or "").split("\n"):
        out.append(("p", line))
    return out


def spans(grid: Grid) -> list[tuple[int, int, int, int, str]]:
    """(row, col, rows, cols, text) for every cell that is not merged into another."""
    out = []
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell is None or cell == "^":
                continue
            w = 1
            while c + w < len(row) and row[c + w] is None:
                w += 1
            h = 1
            while r + h < len(grid) and c < len(grid[r + h]) and grid[r + h][c] == "^":
                h += 1
            out.append((r, c, h, w, cell))
    return out


# ---------------------------------------------------------------------------------------------


def to_docx(items: list[tuple[str, Any]], path: Path) -> Path:
    import docx

    d = docx.Document()
    for kind, value in items:
        if kind == "table":
            width = max(len(r) for r in value)
            table = d.add_table(rows=len(value), cols=width)
            for r, c, h, w, cell_text in spans(value):
                cell = table.cell(r, c)
                if h > 1 or w > 1:
                    cell = cell.merge(table.cell(r + h - 1, c + w - 1))
                lines = cell_text.split("\n")
                cell.paragraphs[0].text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
        elif kind == "break":
            d.add_paragraph("- 4 -")
        else:
            d.add_paragraph(value)
    d.save(str(path))
    return path


def html_table(grid: Grid, tag: str = '<table border="1">',
               cell: Any = lambda lines: "\n      " + "<br>".join(_html.escape(x).replace(" ", "&nbsp;") for x in lines)
               + "\n    ") -> list[str]:
    """A grid as HTML table lines, merged cells as rowspan/colspan; ``cell`` prints a cell's lines."""
    parts = [tag]
    cells = spans(grid)
    for r in range(len(grid)):
        parts.append("  <tr>")
        for rr, c, h, w, cell_text in cells:
            if rr != r:
                continue
            attrs = (f' rowspan="{h}"' if h > 1 else "") + (f' colspan="{w}"' if w > 1 else "")
            parts.append(f"    <td{attrs}>{cell(cell_text.split(chr(10)))}</td>")
        parts.append("  </tr>")
    parts.append("</table>")
    return parts


def to_html(items: list[tuple[str, Any]], path: Path, encoding: str = "utf-8") -> Path:
    parts = [f'<!DOCTYPE html>\n<html><head><meta charset="{encoding}"><title>年度报告</title>'
             '<script>var x = "<table>";</script></head>\n<body>']
    for kind, value in items:
        if kind == "table":
            parts += html_table(value)
        elif kind == "title":
            parts.append(f"<h1>{_html.escape(value)}</h1>")
        elif kind == "h":
            parts.append(f"<h2>{_html.escape(value)}</h2>")
        elif kind == "p":
            parts.append(f"<p>\n  {_html.escape(value)}\n</p>")
    parts.append("</body></html>\n")
    path.write_bytes("\n".join(parts).encode(encoding))
    return path


def _wrap(s: str, n: int = 30) -> str:
    """Long labels go on over lines, as a PDF table prints them (reportlab does not wrap strings)."""
    return "\n".join(line[i:i + n] for line in s.split("\n") for i in range(0, max(len(line), 1), n))


def to_pdf(items: list[tuple[str, Any]], path: Path, ruled: bool = True, running_header: str = "") -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=10, leading=14, wordWrap="CJK", firstLineIndent=20)
    head = ParagraphStyle("head", parent=body, fontSize=12, leading=18, firstLineIndent=0)
    flow = []
    for kind, value in items:
        if kind == "table":
            width = max(len(r) for r in value)
            rows = [[_wrap("" if c in (None, "^") else c) for c in r] + [""] * (width - len(r)) for r in value]
            if width == 10:
                col_widths = [40, 80, 200] + [28] * 7
            elif width == 15:
                col_widths = [34] * 15
            elif width == 5:
                col_widths = [60] * 5
            else:
                col_widths = [150, 110, 110, 110]
            commands = [("FONT", (0, 0), (-1, -1), "STSong-Light", 6), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
            if ruled:
                commands.append(("GRID", (0, 0), (-1, -1), 0.5, "black"))
            for r, c, h, w, _ in spans(value):
                if h > 1 or w > 1:
                    commands.append(("SPAN", (c, r), (c + w - 1, r + h - 1)))
            flow.append(Table(rows, colWidths=col_widths, style=TableStyle(commands)))
        elif kind == "break":
            flow.append(PageBreak())
        elif kind in ("title", "h"):
            flow.append(Paragraph(_html.escape(value), head))
        else:
            flow.append(Paragraph(_html.escape(value), body))
    def furniture(canvas: Any, template: Any) -> None:
        canvas.setFont("STSong-Light", 8)
        if running_header:
            canvas.drawString(36, A4[1] - 30, running_header)
        canvas.drawCentredString(A4[0] / 2, 20, f"- {canvas.getPageNumber()} -")

    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=36, rightMargin=36).build(
        flow, onFirstPage=furniture, onLaterPages=furniture)
    return path


def to_text(items: list[tuple[str, Any]], path: Path) -> Path:
    """Text as copied out of Word: one line per paragraph, one tab-separated line per table row
    (cells merged into their neighbour are not repeated)."""
    lines: list[str] = []
    for kind, value in items:
        if kind == "table":
            for row in value:
                cells = [str(c).replace("\n", "") for c in row if c is not None and c != "^"]
                lines.append("\t" + "\t".join(cells))
            lines.append("")
        elif kind != "break":
            lines.append(value)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------
# Crawler text: a portal page saved with its body on one line and its tables flattened
# ---------------------------------------------------------------------------------------------


def _clean(value: Any) -> str:
    return "" if value is None else str(value).replace("\xa0", "").replace("\u3000", "").strip()


def flat_run(values: list[Any], spacing: str, rng: Any) -> str:
    """A row's values as a crawler flattens them: ``none`` (「0000000」), ``single`` (「0 0 0」),
    ``irregular`` (「00 0 0 00 0」), ``spaced`` (a space before and after the run too)."""
    printed = [_clean(v) for v in values if _clean(v)]  # a blank cell leaves nothing behind
    if spacing == "none":
        return "".join(printed)
    if spacing == "irregular":
        return "".join(p + (rng.choice(("", " ", "  ")) if i < len(printed) - 1 else "") for i, p in enumerate(printed))
    joined = " ".join(printed)
    return f" {joined} " if spacing == "spaced" else joined


def crawler_text(doc: dict, spacing: str, seed: int = 0, t4_rows: str = "") -> str:
    """The report as crawler text: a 「标题:」/「发布时间:」 header, then the whole body on one line.
    ``t4_rows``: T4's blocks printed as labelled rows, ``short`` (「未经复议直接起诉」) or ``long``
    (「行政诉讼未经复议直接起诉」)."""
    import random

    rng = random.Random(seed)
    meta, tables = doc["metadata"], doc["tables"]
    body: list[str] = [doc.get("preface", "").replace("\n", "")]

    def section(n: int) -> None:
        s = labels.SECTIONS[n - 1]
        body.append(f"{s.numeral}、{s.heading}")
        text = doc["sections"][n - 1]["text"].replace("\n", "") if n - 1 < len(doc["sections"]) else ""
        if n in (1, 5, 6):
            body.append(text)

    section(1)
    section(2)
    for block in labels.T2_2021:
        body.append(block.item + "信息内容" + "".join(c.zh for c in block.columns))
        for row in block.rows:
            cells = tables["t2"][row.id]
            body.append(row.zh + flat_run([cells[c.id] for c in block.columns], spacing, rng))
    section(3)
    body.append(labels.T3_CORNER_NOTE[0] + "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他")
    groups_done: set[str] = set()
    for row in labels.T3_ROWS_2021:
        group = row.id.split("_")[0]
        if row.id == "granted":
            body.append(labels.T3_RESULTS_HEADER[0])
        if group in labels.T3_GROUPS and group not in groups_done and row.zh[0].isdigit():
            groups_done.add(group)
            body.append(labels.T3_GROUPS[group][0])
        body.append(row.zh + flat_run([tables["t3"][row.id][c.id] for c in labels.T3_COLUMNS], spacing, rng))
    section(4)
    if t4_rows:  # the blocks as rows: 「结果维持…总计 行政复议 0 0 0 0 0 未经复议直接起诉 0 0 0 0 0 复议后起诉 …」
        body.append("".join(c.zh for c in labels.T4_COLUMNS))
        for b in labels.T4_BLOCKS:
            body.append(b.zh.replace(" · ", "") if t4_rows == "long" else b.zh.split(" · ")[-1])
            body.append(flat_run([tables["t4"][b.id][c.id] for c in labels.T4_COLUMNS], spacing, rng))
    else:
        body.append("行政复议行政诉讼" + "".join(c.zh for c in labels.T4_COLUMNS) + "未经复议直接起诉复议后起诉"
                    + "".join(c.zh for c in labels.T4_COLUMNS) * 2)
        body.append(flat_run([tables["t4"][b.id][c.id] for b in labels.T4_BLOCKS for c in labels.T4_COLUMNS], spacing, rng))
    section(5)
    section(6)
    sign = meta.get("signing_date", "2024-03-07").split("-")
    body.append(f" {meta['organ_name']} {int(sign[0])}年{int(sign[1])}月{int(sign[2])}日")
    header = [f"标题: {meta['title']}", "发布时间: 2024-03-10 09:00", "文号: ", "发布机构: ", "栏目: 政府信息公开年报",
              "原文链接: https://example.gov.cn/a.htm", "本地目录: x", "页面链接与图片详见 links.tsv(同目录)",
              "==================== 正文 ===================="]
    return "\n".join(header) + "\n" + "".join(body)
