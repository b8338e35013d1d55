"""A comparison as a Word document (python-docx), for forwarding: the same content as the HTML page,
as tables — the text side by side with deleted characters struck through in red and inserted ones
in green, the tables cell by cell, the identities, the figures and the findings.  A4 landscape."""

from __future__ import annotations

import io
from typing import Any

from checker.output.compare.words import (FINDING_STATUS, figure_side, identity_result, label, moved_note, pct, percent,
                                          side_title, signed, status_word, w)

_FONT = "Noto Sans CJK SC"
_SHADE = {"copied": "FFF4D6", "added": "E3F4E1", "moved": "E3F4E1", "removed": "FDE2DF", "moved_away": "FDE2DF",
          "changed": "FBFBF3", "large": "FDE2DF", "kind": "E9E4F7", "cell_changed": "FFF8E0", "broken": "FDE2DF",
          "persisting": "FDE2DF", "fixed": "E3F4E1", "head": "F3F3F3"}


def _shade(cell: Any, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shd)


def _run(paragraph: Any, text: str, *, bold: bool = False, strike: bool = False, colour: str | None = None,
         size: float | None = None, underline: bool = False) -> Any:
    from docx.shared import Pt, RGBColor

    run = paragraph.add_run(text)
    run.bold, run.font.strike, run.font.underline = bold or None, strike or None, underline or None
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)
    if size:
        run.font.size = Pt(size)
    return run


def _text(cell: Any, row: dict[str, Any], side: str, lang: str) -> None:
    paragraph = cell.paragraphs[0]
    text = row[side]
    if text is None:
        return
    if row.get("diff"):
        for op, part in row["diff"]:
            if op == "equal":
                _run(paragraph, part)
            elif op == "delete" and side == "last":
                _run(paragraph, part, strike=True, colour="B3261E")
            elif op == "insert" and side == "this":
                _run(paragraph, part, bold=True, underline=True, colour="1E7B1E")
    else:
        _run(paragraph, text)
    note = moved_note(row, lang)
    if note and (side == "last") == (row["status"] == "moved_away"):
        _run(paragraph, note, colour="555555", size=8)


def _table(document: Any, header: list[str], widths: list[float] | None = None) -> Any:
    from docx.shared import Cm

    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        _run(cell.paragraphs[0], text, bold=True)
        _shade(cell, _SHADE["head"])
    if widths:
        table.autofit = False
        for column, width in zip(table.columns, widths):
            column.width = Cm(width)  # the grid LibreOffice lays out by
        for cell, width in zip(table.rows[0].cells, widths):
            cell.width = Cm(width)  # each cell's own width, which Word reads
    return table


def _add_row(table: Any, values: list[str], widths: list[float] | None = None, shade: str | None = None) -> Any:
    from docx.shared import Cm

    cells = table.add_row().cells
    for i, (cell, text) in enumerate(zip(cells, values)):
        if text:
            _run(cell.paragraphs[0], text)
        if widths:
            cell.width = Cm(widths[i])
        if shade:
            _shade(cell, _SHADE[shade])
    return cells


def render(c: dict[str, Any]) -> bytes:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    lang = c["lang"]
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Table Grid"):
        style = document.styles[name]
        style.font.name = _FONT
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), _FONT)
    document.styles["Normal"].font.size = Pt(9.5)

    s = c["summary"]
    document.add_heading(f"{label('title', lang)}{side_title(c['last'], lang)} → {side_title(c['this'], lang)}", level=1)
    meta = document.add_paragraph()
    _run(meta, f"{label('last', lang)}{c['last']['file']}（{c['last']['format']}）　"
               f"{label('this', lang)}{c['this']['file']}（{c['this']['format']}）", colour="555555", size=8.5)
    for problem in c["forced"]:
        _run(document.add_paragraph(), f"{label('forced', lang)}{problem}", bold=True, colour="B3261E")
    sent = s["sentences"]
    summary = _table(document, [w("summary", lang), ""], [7, 18])
    rows = [
        (w("reuse", lang), f"{pct(s['reuse'])}（{w('threshold', lang)} {pct(c['options']['threshold'])}）"
         + (f"；{label('over', lang)}{'、'.join(s['sections_over_threshold'])}" if s["sections_over_threshold"] else ""),
         "broken" if s["over_threshold"] else None),
        (w("sentences", lang), " · ".join(f"{status_word(k, lang)} {sent[k]}"
                                          for k in ("copied", "changed", "moved", "added", "removed")), None),
        (w("cells_changed", lang), f"{s['cells_changed']}/{s['cells']}", None),
        (w("large_changes", lang), str(s["large_changes"]), "large" if s["large_changes"] else None),
        (w("identities_broken", lang), str(s["identities_broken"]), "broken" if s["identities_broken"] else None),
        (w("findings", lang), " · ".join(f"{status_word(k, lang, FINDING_STATUS)} {s['findings'][k]}"
                                         for k in ("persisting", "new", "fixed")), None),
    ]
    for name, value, shade in rows:
        _add_row(summary, [name, value], [7, 18], shade)

    document.add_heading(w("text", lang), level=2)
    widths = [12, 1.6, 12]
    for sec in c["sections"]:
        reuse = f"（{w('section_reuse', lang)} {pct(sec['reuse'])}{'，' + w('over', lang) if sec['over_threshold'] else ''}）" \
            if sec["reuse"] is not None else ""
        document.add_heading(sec["title"] + reuse, level=3)
        for f in c["findings"]:  # the problems of this part, both years, next to its text
            if sec["number"] and f["section"] == sec["number"]:
                paragraph = document.add_paragraph(style="List Bullet")
                _run(paragraph, status_word(f["status"], lang, FINDING_STATUS) + " ", bold=True,
                     colour={"persisting": "B3261E", "fixed": "1E7B1E"}.get(f["status"]), size=8.5)
                _run(paragraph, f"{c[f['year']]['year']} {f['code']} {f['message']}", size=8.5)
        if not sec["rows"]:
            document.add_paragraph(w("no_prose", lang))
            continue
        heads = [w("no_text", lang) if sec[k] is None else (sec[k]["heading"] or sec["title"]) for k in ("last", "this")]
        table = _table(document, [f"{label('last', lang)}{heads[0]}", w("mark", lang), f"{label('this', lang)}{heads[1]}"], widths)
        for row in sec["rows"]:
            cells = table.add_row().cells
            for cell, width in zip(cells, widths):
                cell.width = Cm(width)
            _text(cells[0], row, "last", lang)
            _run(cells[1].paragraphs[0], status_word(row["status"], lang), size=8)
            _text(cells[2], row, "this", lang)
            if row["status"] in _SHADE:
                for cell in cells:
                    _shade(cell, _SHADE[row["status"]])

    document.add_heading(w("tables", lang), level=2)
    for t in c["tables"]:
        document.add_heading(t["title"], level=3)
        if t["note"]:
            document.add_paragraph(t["note"])
        for g in t["grids"]:
            if g["title"]:
                _run(document.add_paragraph(), g["title"], bold=True)
            table = _table(document, [""] + g["columns"], [6.5] + [20.0 / len(g["columns"])] * len(g["columns"]))
            for r in g["rows"]:
                cells = table.add_row().cells
                _run(cells[0].paragraphs[0], r["label"], size=8)
                for cell, value in zip(cells[1:], r["cells"]):
                    paragraph = cell.paragraphs[0]
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                    if value["changed"]:
                        _run(paragraph, f"{value['last']['shown']} → ", colour="666666", size=8)
                    _run(paragraph, value["this"]["shown"], size=8.5)
                    if value["change"]:
                        delta = cell.add_paragraph()
                        delta.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                        _run(delta, signed(value["change"])
                             + (f" · {percent(value['percent'])}" if value["percent"] is not None else ""),
                             colour="555555", size=7.5)
                    kind = value["last"]["kind"] != value["this"]["kind"]
                    shade = "large" if value["large"] else "kind" if kind else "cell_changed" if value["changed"] else None
                    if shade:
                        _shade(cell, _SHADE[shade])
            document.add_paragraph()

    document.add_heading(w("identities", lang), level=2)
    head = ["关系", "上年一侧", "本年一侧", "结果"] if lang != "en" else ["Identity", "Left side", "Right side", "Result"]
    table = _table(document, head, [11, 4.5, 3, 7])
    for i in c["identities"]:
        _add_row(table, [f"{i['label']}（{i['rule']}）", i["left"]["expression"], i["right"]["expression"],
                         identity_result(i, lang)], [11, 4.5, 3, 7], "broken" if i["holds"] is False else None)

    document.add_heading(w("figures", lang), level=2)
    if c["figures"]:
        table = _table(document, [w("item", lang), w("last", lang), w("this", lang), w("change", lang), w("percent", lang)])
        for f in c["figures"]:
            _add_row(table, [f["label"], figure_side(f["last"], lang), figure_side(f["this"], lang), signed(f["change"]),
                             percent(f["percent"])])
    else:
        document.add_paragraph(w("none", lang))

    document.add_heading(w("findings", lang), level=2)
    if c["findings"]:
        widths = [1.6, 2.4, 1.4, 1.6, 6, 13]
        table = _table(document, [w(k, lang) for k in ("year", "mark", "severity", "code", "place", "message")], widths)
        for f in c["findings"]:
            _add_row(table, [str(c[f["year"]]["year"]), status_word(f["status"], lang, FINDING_STATUS), f["severity_label"],
                             f["code"], f["place"], f["message"]], widths,
                     f["status"] if f["status"] in ("persisting", "fixed") else None)
    else:
        document.add_paragraph(w("none", lang))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
