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
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from checker.loaders import Loaded, LoadError, LoadOptions, raise_with
from checker.loaders.layout import Block, Cell, Para, Row, assemble


_CHUNK = 1 << 20
# Word lays a table out on at most 63 grid columns; a span or an indent past that (which a damaged or
# hostile file may declare: gridSpan="1000000000") is bounded here, so the grid a row builds is at most
# this wide plus one slot per cell, whatever the file says.
MAX_GRID_COLUMNS = 64
# XML elements (of all parts together) per paragraph or cell the blocks limit allows: a real report has
# some 40 a block and about 700 blocks; a 31 KB file of 3,000,000 empty rows used to take 400 MB.
ELEMENTS_PER_BLOCK = 25


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
                raise LoadError(path, f"解压后过大（声明 {mb(declared)}），超过上限 {mb(limit)}，可能是“zip 炸弹”，拒绝读取"
                                + raise_with("unpacked_mb"))
            total = 0
            elements, most = 0, max(100_000, options.max_blocks * ELEMENTS_PER_BLOCK)  # 100,000: cheap to parse
            for info in infos:
                xml = info.filename.endswith((".xml", ".rels"))
                tail = b""
                with zf.open(info.filename) as fh:  # by name: what python-docx will read
                    while chunk := fh.read(_CHUNK):
                        total += len(chunk)
                        if xml:  # start tags, counted before lxml builds a tree of them (~150 bytes each)
                            elements += chunk.count(b"<") - chunk.count(b"</") - chunk.count(b"<?") - chunk.count(b"<!")
                            if elements > most:
                                raise LoadError(path, f"XML 元素超过 {most:,} 个（段落与单元格上限 {options.max_blocks:,} 的 "
                                                      f"{ELEMENTS_PER_BLOCK} 倍；一份年度报告只有几万个），不读取"
                                                + raise_with("blocks"))
                        if total > limit:
                            raise LoadError(path, f"解压后超过上限 {mb(limit)}，可能是“zip 炸弹”，拒绝读取"
                                            + raise_with("unpacked_mb"))
                        if xml and b"<!DOCTYPE" in tail + chunk:
                            raise LoadError(path, f"{info.filename} 含有 DTD 声明（<!DOCTYPE>，可用于实体扩展或读取外部文件），"
                                                  "Word 从不写入，拒绝读取")
                        tail = chunk[-16:]
    except LoadError:
        raise
    except RuntimeError as exc:  # zipfile: "File … is encrypted, password required for extraction"
        raise LoadError(path, f"不是可读取的 Word（.docx）文件（zip 包中的部件已加密）：{_one_line(exc)}") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError, OSError,
            zlib.error) as exc:  # zlib.error: a damaged deflate stream
        raise LoadError(path, f"不是有效的 Word（.docx）文件（zip 包已损坏或不完整）：{_one_line(exc)}") from None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@lru_cache(maxsize=None)
def _run_content() -> Any:
    """The elements whose text python-docx reads as a paragraph's text (``CT_P.text``: the runs,
    direct or inside hyperlinks; of each run its text, tabs, breaks and hyphens), found by one
    compiled query per paragraph.  python-docx asks lxml one query per run and per cell and resolves
    merged cells with more queries: walking a report's tables that way took 75 ms, this takes 5.
    Each element's text is still python-docx's own (its element classes' ``str``)."""
    from lxml import etree

    return etree.XPath(
        "(w:r | w:hyperlink/w:r)/*[self::w:t or self::w:tab or self::w:br or self::w:cr or self::w:ptab"
        " or self::w:noBreakHyphen]", namespaces={"w": _W[1:-1]})


def paragraph_text(p: Any) -> str:
    """The text of a ``w:p`` element, equal to python-docx's ``Paragraph.text`` (a test holds them equal)."""
    return "".join(str(e) for e in _run_content()(p))


def _props(tc: Any) -> tuple[int, str | None]:
    """A cell's column span and its vertical merge ("restart", "continue" or None)."""
    span, vmerge = 1, None
    pr = tc.find(_W + "tcPr")
    if pr is not None:
        grid = pr.find(_W + "gridSpan")
        if grid is not None:
            try:
                span = max(1, int(grid.get(_W + "val", "1")))
            except ValueError:
                span = 1
        merge = pr.find(_W + "vMerge")
        if merge is not None:
            vmerge = merge.get(_W + "val", "continue")
    return span, vmerge


def _grid_before(tr: Any) -> int:
    found = tr.find(f"{_W}trPr/{_W}gridBefore")
    try:
        return max(0, int(found.get(_W + "val", "0"))) if found is not None else 0
    except ValueError:
        return 0


def table_grid(tbl: Any) -> Iterator[tuple[int, list[Any], set[Any]]]:
    """Each row of a ``w:tbl`` as python-docx's ``_Row.cells`` lays it out: (row number, the ``w:tc``
    filling each grid column — a cell once per column it spans, a cell merged down standing for the
    cell above it —, the cells merged down with no cell above them).  Shared with the Word comments
    (checker.output.annotate), which must find the cell the source map names."""
    above: dict[int, Any] = {}  # grid column → the cell that fills it in the row above
    orphans: set[Any] = set()  # cells merged down with no cell above them to stand for
    for r, tr in enumerate(tbl.iterchildren(_W + "tr"), 1):
        here: dict[int, Any] = {}
        grid: list[Any] = []
        before = min(_grid_before(tr), MAX_GRID_COLUMNS)  # a row may start some columns in: cells line up by grid column
        for tc in tr.iterchildren(_W + "tc"):
            span, vmerge = _props(tc)
            span = max(1, min(span, MAX_GRID_COLUMNS - before - len(grid)))
            owner = above.get(before + len(grid), tc) if vmerge == "continue" else tc
            if owner is tc and vmerge == "continue":
                orphans.add(tc)
            for _ in range(span):
                here[before + len(grid)] = owner
                grid.append(owner)
        above = here
        yield r, grid, orphans


def _table_rows(tbl: Any, table_no: int) -> list[Row]:
    """The rows of a ``w:tbl`` (see table_grid), each cell read once per row and a cell merged down
    from the row above left out."""
    out: list[Row] = []
    # Keyed by the elements themselves, which keeps them alive: lxml makes a new proxy object each
    # time an element is reached again once the last one is gone, so an id() could name another cell.
    text: dict[Any, str] = {}
    for r, grid, orphans in table_grid(tbl):
        cells: list[Cell] = []
        seen: set[Any] = set()
        for c, tc in enumerate(grid, 1):
            if tc in seen:
                continue  # the same cell again: merged across columns
            seen.add(tc)
            if tc in orphans:
                continue  # merged down from a row above that is not there
            if tc not in text:
                text[tc] = "\n".join(paragraph_text(p) for p in tc.iterchildren(_W + "p"))
            cells.append(Cell(text[tc], {"table": table_no, "row": r, "col": c}))
        if grid:  # a row without cells (a damaged file may hold millions) says nothing
            out.append(Row(tuple(cells), {"table": table_no, "row": r}))
    return out


def body_items(container: Any, counter: dict[str, int] | None = None) -> Iterator[tuple[str, int, Any]]:
    """The body in printed order as the source map numbers it: ("paragraph", n, w:p) for every
    paragraph (empty ones counted), ("table", n, w:tbl) for every table of data.  Content controls
    are read through; a table that frames the page (one cell, or tables inside) is read as body."""
    counter = counter if counter is not None else {"paragraph": 0, "table": 0}
    for child in container.iterchildren():
        if child.tag == _W + "p":
            counter["paragraph"] += 1
            yield "paragraph", counter["paragraph"], child
        elif child.tag == _W + "sdt":  # a content control: its content is body text
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from body_items(content, counter)
        elif child.tag == _W + "tbl":
            tcs = child.findall(f".//{_W}tc")
            if len(tcs) == 1 or child.find(f".//{_W}tc//{_W}tbl") is not None:
                # A table that frames the page (the whole report in one cell): read its content as body.
                for tc in child.iter(_W + "tc"):
                    if tc.getparent().getparent() is child:
                        yield from body_items(tc, counter)
                continue
            counter["table"] += 1
            yield "table", counter["table"], child


def blocks(data: bytes, path: Path, options: LoadOptions | None = None) -> list[Block]:
    options = options or LoadOptions()
    check_package(data, path, options)
    try:
        import docx
    except ImportError:  # pragma: no cover - a dependency of the package
        raise LoadError(path, "读取 Word 文件需要 python-docx（pip install python-docx）") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise LoadError(path, f"不是有效的 Word（.docx）文件：{exc}") from None
    except Exception as exc:  # python-docx raises bare errors for damaged packages
        raise LoadError(path, f"Word 文件已损坏，无法读取：{type(exc).__name__}") from None
    out: list[Block] = []
    body = document.element.body
    count = sum(1 for _ in body.iter(_W + "p", _W + "tc"))
    if count > options.max_blocks:
        raise LoadError(path, f"文件中有 {count:,} 个段落和表格单元格，超过上限 {options.max_blocks:,}（一份年度报告只有几百个），不读取"
                              + raise_with("blocks"))
    for kind, n, element in body_items(body):
        if kind == "paragraph":
            text = paragraph_text(element)
            if text.strip():
                out.append(Para(text, {"paragraph": n}))
        else:
            out.extend(_table_rows(element, n))
    return out


def load(path: Path, data: bytes, options: LoadOptions) -> Loaded:
    return assemble(blocks(data, path, options), fmt="docx", options=options, file=path)
