"""The Word loader reads paragraphs and table cells with its own lxml queries (python-docx's per-cell
API took 75 ms a report).  Here it must read exactly what python-docx's API reads: the same text for
every paragraph and cell, the same cells in the same grid columns, for the printed report layouts and
for the harder cases (hyperlinks, tabs, line breaks, merges both ways, a row that starts late)."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from checker.loaders import LoadError, LoadOptions, docx_loader
from checker.loaders.layout import Cell, Para, Row
from tests.conftest import EXAMPLES
from tests.loaders.render import Style, layout, to_docx


def python_docx_blocks(path: Path) -> list:
    """The blocks as python-docx's own API gives them (how the loader read them before)."""
    document = docx.Document(str(path))
    out: list = []
    paragraphs = tables = 0
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            paragraphs += 1
            text = Paragraph(child, document).text
            if text.strip():
                out.append(Para(text, {"paragraph": paragraphs}))
        elif child.tag == qn("w:tbl"):
            tables += 1
            for r, row in enumerate(Table(child, document).rows, 1):
                cells, seen = [], []
                for c, cell in enumerate(row.cells, 1):
                    if any(cell._tc is other for other in seen):
                        continue
                    seen.append(cell._tc)
                    pr = cell._tc.tcPr
                    if pr is not None and pr.vMerge is not None and pr.vMerge.val != "restart":
                        continue
                    cells.append(Cell(cell.text, {"table": tables, "row": r, "col": c}))
                out.append(Row(tuple(cells), {"table": tables, "row": r}))
    return out


def ours(path: Path) -> list:
    return docx_loader.blocks(path.read_bytes(), path, LoadOptions())


STYLES = [Style(), Style(t4="blocks", split_t3=True), Style(half_width=True, break_labels=False, numerals=False),
          Style(title_lines=1, t4="blocks")]


@pytest.mark.parametrize("style", STYLES, ids=lambda s: f"t4={s.t4},split={s.split_t3},half={s.half_width}")
def test_the_printed_report_reads_as_python_docx_reads_it(tmp_path, style):
    report = json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8"))
    path = to_docx(layout(report, style), tmp_path / "r.docx")
    expected = python_docx_blocks(path)
    assert sum(isinstance(b, Row) for b in expected) > 30  # the tables are there
    assert docx_loader._plain_body(path.read_bytes()) is not None  # read with lxml alone, not python-docx
    assert ours(path) == expected


def _hyperlink(paragraph, text: str) -> None:
    link = OxmlElement("w:hyperlink")
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def test_hard_cases_read_as_python_docx_reads_them(tmp_path):
    document = docx.Document()
    p = document.add_paragraph("见")
    _hyperlink(p, "政府信息公开专栏")
    p.add_run("。\t第二栏")
    run = p.add_run("换行前")
    run.add_break()  # a line break inside a run
    run.add_text("换行后")
    p.add_run().add_break(docx.enum.text.WD_BREAK.PAGE)  # a page break: no text
    document.add_paragraph("")  # an empty paragraph is left out but still counted
    document.add_paragraph("二、主动公开政府信息情况")
    table = document.add_table(rows=4, cols=4)
    for r in range(4):
        for c in range(4):
            table.cell(r, c).text = f"{r}{c}"
    table.cell(0, 0).merge(table.cell(2, 0))  # down three rows
    table.cell(0, 1).merge(table.cell(0, 3))  # across three columns
    table.cell(1, 2).merge(table.cell(3, 3))  # a block: two across, three down (into the ragged row)
    table.cell(3, 1).paragraphs[0].add_run("\n第二段")
    table.cell(3, 1).add_paragraph("第三段")
    # the last row starts one column in (w:gridBefore), as Word writes a ragged table
    last = table.rows[3]._tr
    last.remove(last.tc_lst[0])
    pr = last.get_or_add_trPr()
    before = OxmlElement("w:gridBefore")
    before.set(qn("w:val"), "1")
    pr.insert(0, before)
    path = tmp_path / "hard.docx"
    document.save(str(path))
    expected = python_docx_blocks(path)
    assert expected[0].text == "见政府信息公开专栏。\t第二栏换行前\n换行后"
    assert docx_loader._plain_body(path.read_bytes()) is not None
    assert ours(path) == expected


def _repacked(path: Path, out: Path, change) -> Path:
    import zipfile

    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, change(info.filename, zin.read(info.filename)))
    return out


@pytest.mark.parametrize("name,change", [
    ("styles", lambda n, b: b[: len(b) // 2] if n == "word/styles.xml" else b),  # a part python-docx parses, cut short
    ("target", lambda n, b: b.replace(b'Target="styles.xml"', b'Target="gone.xml"') if n.endswith("document.xml.rels") else b),
    ("template", lambda n, b: b.replace(b"document.main+xml", b"template.main+xml") if n == "[Content_Types].xml" else b),
])
def test_an_unusual_package_goes_to_python_docx_and_meets_the_same_answer(tmp_path, name, change):
    document = docx.Document()
    document.add_paragraph("一、总体情况")
    source = tmp_path / "ok.docx"
    document.save(str(source))
    path = _repacked(source, tmp_path / f"{name}.docx", change)
    try:
        plain = docx_loader._plain_body(path.read_bytes())
    except Exception:  # noqa: BLE001 - the loader takes any error here as "not plain"
        plain = None
    assert plain is None  # not read with lxml alone
    try:
        python_docx = ("read", python_docx_blocks(path))
    except Exception as exc:  # noqa: BLE001 - python-docx refuses it: the loader says so
        python_docx = ("refused", type(exc).__name__)
    try:
        loaded = ("read", ours(path))
    except LoadError as exc:
        loaded = ("refused", str(exc))
    assert loaded[0] == python_docx[0]
    if loaded[0] == "refused":
        assert "Word" in loaded[1]
    else:
        assert loaded[1] == python_docx[1]
