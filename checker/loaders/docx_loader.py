"""Word reports (.docx, read with python-docx) → paragraphs and table rows for the shared assembler.

Body paragraphs and tables are read in printed order.  A cell merged across columns is read once;
a cell merged down from the row above is not read again (its label belongs to the first row).
Cell text is kept as typed: Word has no layout whitespace of its own.

A .docx is a zip package and may be hostile: before python-docx sees it, the package is checked
here — every part unpacked once, counting bytes, against ``LoadOptions.max_decompressed_bytes``
(the sizes the zip declares are checked first, the bytes actually unpacked while reading, so a
lying header gains nothing), and any XML part with a DTD (``<!DOCTYPE``: entity expansion, external
entities) is refused: Word never writes one.  A document with more paragraphs and cells than
``LoadOptions.max_blocks`` is refused before it is walked.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from checker.loaders import Loaded, LoadError, LoadOptions
from checker.loaders.layout import Block, Cell, Para, Row, assemble


_CHUNK = 1 << 20


def check_package(data: bytes, path: Path, options: LoadOptions) -> None:
    """Refuse a .docx that is not a Word package, unpacks to too much, or carries a DTD."""
    limit = options.max_decompressed_bytes
    mb = lambda n: f"{n / 1048576:.0f} MB"  # noqa: E731
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if "word/document.xml" not in {i.filename for i in infos}:
                raise LoadError(path, "zip 包中没有 word/document.xml，不是 Word（.docx）文档")
            declared = sum(i.file_size for i in infos)
            if declared > limit:
                raise LoadError(path, f"解压后过大（声明 {mb(declared)}），超过上限 {mb(limit)}，可能是“zip 炸弹”，拒绝读取")
            total = 0
            for info in infos:
                xml = info.filename.endswith((".xml", ".rels"))
                tail = b""
                with zf.open(info.filename) as fh:  # by name: what python-docx will read
                    while chunk := fh.read(_CHUNK):
                        total += len(chunk)
                        if total > limit:
                            raise LoadError(path, f"解压后超过上限 {mb(limit)}，可能是“zip 炸弹”，拒绝读取")
                        if xml and b"<!DOCTYPE" in tail + chunk:
                            raise LoadError(path, f"{info.filename} 含有 DTD 声明（<!DOCTYPE>，可用于实体扩展或读取外部文件），"
                                                  "Word 从不写入，拒绝读取")
                        tail = chunk[-16:]
    except LoadError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError, OSError) as exc:
        raise LoadError(path, f"不是有效的 Word（.docx）文件（zip 包已损坏或不完整）：{exc}") from None


def blocks(data: bytes, path: Path, options: LoadOptions | None = None) -> list[Block]:
    options = options or LoadOptions()
    check_package(data, path, options)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:  # pragma: no cover - a dependency of the package
        raise LoadError(path, "读取 Word 文件需要 python-docx（pip install python-docx）") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise LoadError(path, f"不是有效的 Word（.docx）文件：{exc}") from None
    except Exception as exc:  # python-docx raises bare errors for damaged packages
        raise LoadError(path, f"Word 文件已损坏，无法读取：{type(exc).__name__}") from None
    out: list[Block] = []
    counter = {"paragraph": 0, "table": 0}
    qn = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    def walk(container) -> None:
        for child in container.iterchildren():
            if child.tag == qn + "p":
                counter["paragraph"] += 1
                text = Paragraph(child, document).text
                if text.strip():
                    out.append(Para(text, {"paragraph": counter["paragraph"]}))
            elif child.tag == qn + "sdt":  # a content control: its content is body text
                content = child.find(qn + "sdtContent")
                if content is not None:
                    walk(content)
            elif child.tag == qn + "tbl":
                table = Table(child, document)
                tcs = child.findall(f".//{qn}tc")
                if len(tcs) == 1 or child.find(f".//{qn}tc//{qn}tbl") is not None:
                    # A table that frames the page (the whole report in one cell): read its content as body.
                    for tc in child.iter(qn + "tc"):
                        if tc.getparent().getparent() is child:
                            walk(tc)
                    continue
                counter["table"] += 1
                table_no = counter["table"]
                for r, row in enumerate(table.rows, 1):
                    cells: list[Cell] = []
                    seen: list = []  # the cell elements themselves: lxml keeps one proxy per live element
                    for c, cell in enumerate(row.cells, 1):
                        tc = cell._tc
                        if any(tc is other for other in seen):
                            continue  # the same cell again: merged across columns
                        seen.append(tc)
                        if tc.tcPr is not None and tc.tcPr.vMerge is not None and tc.tcPr.vMerge.val != "restart":
                            continue  # merged down from the row above
                        cells.append(Cell(cell.text, {"table": table_no, "row": r, "col": c}))
                    out.append(Row(tuple(cells), {"table": table_no, "row": r}))

    body = document.element.body
    count = sum(1 for _ in body.iter(qn + "p", qn + "tc"))
    if count > options.max_blocks:
        raise LoadError(path, f"文件中有 {count:,} 个段落和表格单元格，超过上限 {options.max_blocks:,}（一份年度报告只有几百个），不读取")
    walk(body)
    return out


def load(path: Path, data: bytes, options: LoadOptions) -> Loaded:
    return assemble(blocks(data, path, options), fmt="docx", options=options, file=path)
