"""PDF reports with a text layer (read with pdfplumber, the optional extra ``pdf``) → paragraphs and
table rows for the shared assembler.

Ruled tables are read cell by cell; a cell covered by a merged neighbour is read once.  A ruled box
with a single column is a framed paragraph, not a table, and is read as text.  Running text is read
line by line outside the tables and re-joined into paragraphs (a new paragraph starts at an indented
line or after a short line); page numbers (「- 3 -」) are dropped.  Only the whitespace at a cell's
ends is layout.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from checker.loaders import Loaded, LoadError, LoadOptions, raise_with
from checker.loaders.layout import (PAGE_NUMBER, Block, Cell, Para, Row, assemble, heading_number, parse_date,
                                     spaced_row)



def _open(path: Path, data: bytes) -> Any:
    try:
        import pdfplumber
    except ImportError:
        raise LoadError(path, "读取 PDF 需要安装可选组件：pip install 'gov-check[pdf]'（或 pip install pdfplumber）") from None
    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many kinds for damaged files (pdfplumber wraps them)
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
        kind = type(cause).__name__
        if "Password" in kind or "Encrypt" in kind:
            raise LoadError(path, "PDF 已加密（需要打开密码），无法读取；请提供未加密的版本") from None
        if "EOF" in kind:
            raise LoadError(path, "PDF 文件不完整（可能被截断或未下载完），无法读取") from None
        raise LoadError(path, f"PDF 文件已损坏，无法读取：{kind}") from None


def _check_streams(doc: Any, path: Path, limit: int) -> None:
    """Refuse a PDF whose compressed streams unpack to more than ``limit`` bytes together (a "PDF
    bomb": pdfminer unpacks each stream whole into memory).  Each stream's filters are applied here
    in order, each stage stopped as soon as the total would pass the limit; images are skipped (they
    are never unpacked to read the text)."""
    from pdfminer.pdftypes import PDFStream

    total = 0
    for xref in doc.xrefs:
        for objid in xref.get_objids():
            try:
                obj = doc.getobj(objid)
                if not isinstance(obj, PDFStream) or obj.rawdata is None:
                    continue
                if getattr(obj.get("Subtype"), "name", None) == "Image":
                    continue
                filters = obj.get_filters()
                if not filters:
                    continue
                raw = obj.rawdata
                if obj.decipher:
                    raw = obj.decipher(obj.objid, obj.genno, raw, obj.attrs)
            except Exception:  # a damaged object: told, if it matters, when the pages are read
                continue
            try:
                total += _unpacked_size(raw, [f for f, _ in filters], limit + 1 - total)
            except DamagedStream as exc:
                raise LoadError(path, f"PDF 中有已损坏的压缩数据（解压 {exc.args[0] / 1048576:.0f} MB 后出错），读取它会耗时过长，"
                                      "拒绝读取；请重新导出 PDF") from None
            if total > limit:
                raise LoadError(path, f"PDF 中的压缩数据解压后超过上限 {limit / 1048576:.0f} MB，可能是恶意构造的文件，拒绝读取"
                                      + raise_with("unpacked_mb"))


# pdfminer reads a damaged Flate stream a byte at a time, appending to one bytes object: time grows
# with the square of its size (a 50 MB one never ends).  Past this size such a stream is refused.
DAMAGED_MAX = 2 * 1024 * 1024


class DamagedStream(Exception):
    """A damaged Flate stream too large for pdfminer to read in reasonable time."""


def _inflated(data: bytes, budget: int) -> bytes:
    """Flate-decoded ``data``, stopped once it passes ``budget``.  A damaged stream yields what
    decodes before the damage, as pdfminer reads it (its decompress_corrupted): the input is fed 1 KB
    at a time, and the piece where zlib fails again a byte at a time."""
    import zlib

    inflate, out, step = zlib.decompressobj(), bytearray(), 1 << 10
    for i in range(0, len(data), step):
        before = inflate.copy()
        try:
            out += inflate.decompress(data[i:i + step], budget + 1 - len(out))
            while inflate.unconsumed_tail and len(out) <= budget:
                out += inflate.decompress(inflate.unconsumed_tail, budget + 1 - len(out))
        except zlib.error:
            inflate = before
            try:
                for b in range(i, min(i + step, len(data))):
                    out += inflate.decompress(data[b:b + 1])
            except zlib.error:
                pass
            if len(out) > DAMAGED_MAX:
                raise DamagedStream(len(out)) from None
            return bytes(out)
        if len(out) > budget or inflate.eof:
            break
    return bytes(out)


def _unpacked_size(data: bytes, filters: list[Any], budget: int) -> int:
    """How many bytes ``data`` unpacks to through ``filters`` — or a number above ``budget`` as soon
    as it is clear that it passes it; no stage ever holds more than ``budget`` bytes.  The decoders
    are pdfminer's (so the size is what pdfminer would make), fed in bounded steps where theirs are
    not: zlib's with a length cap, LZW's one code at a time, run-length's lengths read first."""
    from pdfminer import pdftypes as t

    for f in filters:
        if f in t.LITERALS_FLATE_DECODE:
            data = _inflated(data, budget)
            if len(data) > budget:
                return len(data)
        elif f in t.LITERALS_LZW_DECODE:
            from pdfminer.lzw import LZWDecoder

            out = bytearray()
            for piece in LZWDecoder(io.BytesIO(data)).run():
                out += piece
                if len(out) > budget:
                    return len(out)
            data = bytes(out)
        elif f in t.LITERALS_RUNLENGTH_DECODE:
            size, i = 0, 0
            while i < len(data) and data[i] != 128:
                n = data[i]
                size, i = (size + n + 1, i + n + 2) if n < 128 else (size + 257 - n, i + 2)
            if size > budget:
                return size
            data = t.rldecode(data)
        elif f in t.LITERALS_ASCII85_DECODE:
            data = t.ascii85decode(data)  # smaller than its input
        elif f in t.LITERALS_ASCIIHEX_DECODE:
            data = t.asciihexdecode(data)
        else:  # images (DCT, JPX, JBIG2, CCITT) and unknown filters: pdfminer does not unpack them for text
            return 0
    return len(data)


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _page_items(page: Any, p: int) -> list[tuple[float, int, Row | dict]]:
    """One page's table rows and text lines, top to bottom."""
    items: list[tuple[float, int, Row | dict]] = []
    boxes = []
    t = 0
    for table in page.find_tables():
        grid = table.extract()
        if max((sum(1 for c in row if c is not None) for row in grid), default=0) < 2:
            continue  # a framed paragraph
        boxes.append(table.bbox)
        t += 1
        for r, (row, cells) in enumerate(zip(grid, table.rows), 1):
            top = next((c[1] for c in cells.cells if c), table.bbox[1])
            row_cells = tuple(Cell((text or "").strip(" \t\r\n"), {"page": p, "table": t, "row": r, "col": c})
                              for c, text in enumerate(row, 1) if text is not None)
            items.append((top, len(items), Row(row_cells, {"page": p, "table": t, "row": r})))
    text_page = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes)) if boxes else page
    for ln in text_page.extract_text_lines(keep_blank_chars=False):
        if ln["text"].strip() and not PAGE_NUMBER.match(ln["text"]):
            size = max((c.get("size", 10) for c in ln.get("chars", [])), default=10)
            items.append((ln["top"], len(items), {"text": ln["text"].strip(), "x0": ln["x0"], "x1": ln["x1"], "size": size}))
    items.sort(key=lambda x: (x[0], x[1]))
    return items


def _furniture(pages: list[list[tuple[float, int, Row | dict]]]) -> set[str]:
    """Running headers and footers: the same first or last line on most pages (page numbers aside)."""
    if len(pages) < 3:
        return set()
    seen: dict[str, int] = {}
    for items in pages:
        lines = [i[2] for i in items if isinstance(i[2], dict)]
        for key in {re.sub(r"\d+", "#", ln["text"]) for ln in lines[:1] + lines[-1:]}:
            seen[key] = seen.get(key, 0) + 1
    return {k for k, n in seen.items() if n >= max(2, len(pages) // 2 + 1)}


def blocks(data: bytes, path: Path, options: LoadOptions | None = None) -> list[Block]:
    options = options or LoadOptions()
    out: list[Block] = []
    para: list[str] = []  # a paragraph goes on over a page break
    where: dict[str, int] = {}

    def flush() -> None:
        if para:
            out.append(Para("".join(para), dict(where)))
            para.clear()

    with _open(path, data) as pdf:
        try:
            count = len(pdf.pages)
        except Exception as exc:  # a damaged page tree shows only here
            raise LoadError(path, f"PDF 文件已损坏，无法读取页面：{type(exc).__name__}") from None
        if count > options.max_pages:
            raise LoadError(path, f"PDF 共 {count} 页，超过上限 {options.max_pages} 页（一份年度报告通常不到 30 页），不读取"
                                  + raise_with("pdf_pages"))
        _check_streams(pdf.doc, path, options.max_decompressed_bytes)
        pages = []
        for p, page in enumerate(pdf.pages, 1):
            try:
                pages.append(_page_items(page, p))
            except Exception as exc:  # a damaged content stream: pdfminer's own exception kinds
                raise LoadError(path, f"PDF 第 {p} 页已损坏，无法读取：{type(exc).__name__}") from None
    furniture = _furniture(pages)
    for p, items in enumerate(pages, 1):
        lines = [i[2] for i in items if isinstance(i[2], dict)]
        left = min((ln["x0"] for ln in lines), default=0)
        right = max((ln["x1"] for ln in lines), default=0)
        edges = [id(x) for x in lines[:1] + lines[-1:]]
        prev: dict | None = None
        line_no = 0
        for _top, _i, item in items:
            if isinstance(item, Row):
                flush()
                prev = None
                out.append(item)
                continue
            line_no += 1
            text = item["text"]
            if id(item) in edges and re.sub(r"\d+", "#", text) in furniture:
                continue
            row = spaced_row(text, {"page": p, "page_line": line_no}, options.template)  # a table printed without rules
            if row is not None:
                flush()
                prev = None
                out.append(row)
                continue
            size = item["size"]
            standalone = heading_number(text) is not None or parse_date(text) is not None
            indented = item["x0"] > left + 1.5 * size
            after_short = prev is not None and prev["x1"] < right - 2 * size
            if not para or standalone or indented or after_short or (prev is not None and prev.get("standalone")):
                flush()
                where = {"page": p, "page_line": line_no}  # not a line of the file
            para.append(text)
            item["standalone"] = standalone
            prev = item
    flush()
    if not out:
        raise LoadError(path, "PDF 中没有文字层（可能是扫描件），无法读取；请先用文字识别（OCR）转换，或提供 Word/网页版本")
    return out


def load(path: Path, data: bytes, options: LoadOptions) -> Loaded:
    return assemble(blocks(data, path, options), fmt="pdf", options=options, file=path)
