"""Bad and hostile Word, web-page, PDF and text files, folders, configs, plugins, Ctrl-C and the network:
each gets a clear answer and the right exit code, never a traceback or a hang.  docs/robustness.md
has a row for every case of this file (a test checks)."""

from __future__ import annotations

import functools
import io
import json
import os
import re
import socket
import zipfile
from pathlib import Path
from typing import Callable

import pytest

from tests.conftest import EXAMPLES, ROOT
from tests.loaders.render import layout, to_docx, to_html, to_pdf

SECRET = "TOPSECRET-7f3a"  # the content of a local file that hostile XML points at: it must never show
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
YANGQUAN_TXT = (EXAMPLES / "yangquan-2023.txt").read_text(encoding="utf-8")
SAME_AS_UTF8 = "共 0 个错误、6 个警告、2 个提示"  # what the UTF-8 original gets


@functools.cache
def _empty_docx() -> bytes:
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    return buf.getvalue()


def _docx(body: str = "", prolog: str = "", document_xml: bytes | None = None, drop: str = "") -> bytes:
    """An empty Word package whose word/document.xml is replaced (and one part dropped if asked)."""
    src = zipfile.ZipFile(io.BytesIO(_empty_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            if info.filename == drop:
                continue
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = document_xml if document_xml is not None else (
                    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
                    f"<w:document {W}><w:body>{body}</w:body></w:document>").encode()
            zf.writestr(info.filename, data)
    return out.getvalue()


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _bomb(tmp_path: Path, lie: bool = False) -> bytes:
    """A .docx whose document.xml unpacks to 101 MB (over the 100 MB default), written in chunks so
    the test never holds it; with ``lie`` the zip's headers declare it as 1,000 bytes."""
    path = tmp_path / "bomb.zip"
    size = 101 * 1024 * 1024
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", zipfile.ZipFile(io.BytesIO(_empty_docx())).read("[Content_Types].xml"))
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(f"<w:document {W}><w:body>".encode())
            chunk = b" " * (1 << 20)
            for _ in range(size >> 20):
                fh.write(chunk)
            fh.write(b"</w:body></w:document>")
    data = bytearray(path.read_bytes())
    path.unlink()
    if lie:  # patch the uncompressed size in the local header and the central directory entry
        info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
        name = b"word/document.xml"
        local = info.header_offset
        _lie_extra(data, local + 30 + len(name), int.from_bytes(data[local + 28:local + 30], "little"))
        data[local + 22:local + 26] = (1000).to_bytes(4, "little")
        central = data.index(b"PK\x01\x02")
        while data[central + 46:central + 46 + len(name)] != name:
            central = data.index(b"PK\x01\x02", central + 4)
        data[central + 24:central + 28] = (1000).to_bytes(4, "little")
        extra_len = int.from_bytes(data[central + 30:central + 32], "little")
        _lie_extra(data, central + 46 + len(name), extra_len)
    return bytes(data)


def _lie_extra(data: bytearray, start: int, length: int) -> None:
    """Set the ZIP64 extra field's uncompressed size (the first 8 bytes of its data) to 1,000."""
    i = start
    while i + 4 <= start + length:
        tag, size = int.from_bytes(data[i:i + 2], "little"), int.from_bytes(data[i + 2:i + 4], "little")
        if tag == 1 and size >= 8:
            data[i + 4:i + 12] = (1000).to_bytes(8, "little")
        i += 4 + size


def _billion_laughs() -> bytes:
    entities = '<!ENTITY a "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9))
    return _docx(_para("&j;"), f"<!DOCTYPE w:document [{entities}]>")


def _xxe_docx(tmp_path: Path) -> bytes:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    return _docx(_para("一、总体情况") + _para("&xxe;"), f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>')


def _word_table(rows: int, cols: int) -> str:
    row = "<w:tr>" + "<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>" * cols + "</w:tr>"
    return "<w:tbl>" + row * rows + "</w:tbl>"


def _clean_doc() -> dict:
    return json.loads((EXAMPLES / "clean-2023.json").read_text(encoding="utf-8"))


def _rendered(writer: Callable, tmp_path: Path, suffix: str, **kw) -> bytes:
    return _render_once(writer, suffix, tuple(sorted(kw.items())))


@functools.cache
def _render_once(writer: Callable, suffix: str, kw: tuple) -> bytes:
    """The clean example printed as a Word, web or PDF file (made once per session: Word takes ~1 s)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        return writer(layout(_clean_doc()), Path(folder) / f"rendered{suffix}", **dict(kw)).read_bytes()


_SCRIPT_PAGE = ("<html><head><title>年度报告</title><script>var leak = 'HEADSCRIPT';</script></head><body>"
                "<p>一、总体情况</p><script>document.write('BODYSCRIPT')</script>"
                "<p>本机关主动公开<script>x = 'INLINESCRIPT'</script>政府信息。</p><style>p{color:red}/*STYLETEXT*/</style>"
                "<noscript>NOSCRIPTTEXT</noscript></body></html>")


def _xhtml(tmp_path: Path) -> bytes:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    entities = '<!ENTITY a "lollollollollol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret.as_uri()}">{entities}]>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>一、总体情况</p><p>外部实体：&xxe; 实体扩展：&j;</p>'
            "</body></html>").encode()


def _pdf(tmp_path: Path, pages: int = 1, encrypt=None, text: bool = True) -> bytes:
    from reportlab.pdfgen import canvas

    path = tmp_path / "made.pdf"
    c = canvas.Canvas(str(path), encrypt=encrypt)
    for i in range(pages):
        if text:  # lines that differ from page to page (the same line on every page is a running header)
            word = "".join(chr(97 + int(d)) for d in str(i))
            for n in range(3):
                c.drawString(72, 720 - 20 * n, f"{word} report text {word * (n + 1)}")
        else:
            c.rect(72, 500, 300, 200, fill=1)  # a scanned page: a picture, no text
        c.showPage()
    c.save()
    data = path.read_bytes()
    path.unlink()
    return data


BOMB = 101 * 1024 * 1024  # just past the 100 MB limit


def _deflated_spaces(size: int = BOMB) -> bytes:
    import zlib

    deflate = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    return b"".join([deflate.compress(chunk) for _ in range(size >> 20)] + [deflate.flush()])


def _lzw_spaces(size: int = BOMB) -> bytes:
    """``size`` spaces as PDF's LZW writes them: code 258 + k stands for k + 2 spaces once the table
    has grown to it, so each table (up to code 4095, then a clear code) carries 7 MB in 6 KB."""
    codes: list[tuple[int, int]] = []  # (code, bits)
    made = 0
    while made < size:
        codes.append((256, codes[-1][1] if codes else 9))  # clear: the table starts again
        codes.append((32, 9))
        made, length, bits = made + 1, 258, 9
        while length <= 4095 and made < size:
            codes.append((length, bits))
            made += length - 256
            length += 1
            bits = {511: 10, 1023: 11, 2047: 12}.get(length, bits)
    codes.append((257, bits))
    acc, n, out = 0, 0, bytearray()
    for code, width in codes:
        acc, n = (acc << width) | code, n + width
        while n >= 8:
            n -= 8
            out.append((acc >> n) & 0xFF)
            acc &= (1 << n) - 1
    return bytes(out + (bytes([acc << (8 - n)]) if n else b""))


def _pdf_bomb(stream: bytes | None = None, filters: bytes = b"/FlateDecode") -> bytes:
    """A one-page PDF whose content stream unpacks to just over 100 MB of spaces (a small file)."""
    stream = _deflated_spaces() if stream is None else stream
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
               b"<< /Length %d /Filter %s >>\nstream\n" % (len(stream), filters) + stream + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _a85(data: bytes) -> bytes:
    import base64

    return base64.a85encode(data) + b"~>"


def _encrypted(tmp_path: Path, user: str) -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption

    return _pdf(tmp_path, encrypt=StandardEncryption(user, ownerPassword="owner", canPrint=0, canCopy=0))


def _gbk(text: str) -> bytes:
    """The text as GBK; the few characters GBK lacks (en space, no-break space) become spaces."""
    return "".join(c if c.encode("gbk", "ignore") else " " for c in text).encode("gbk")


_HUAIAN = (EXAMPLES / "huaian-2024.pdf").read_bytes()

# name → (file name, builder(tmp_path) → bytes, expected exit code, text that must appear, text that must not)
CASES: dict[str, tuple[str, Callable[[Path], bytes], int, str, str]] = {
    # Word
    "docx-not-a-zip": ("r.docx", lambda t: "这是一份纯文本，却以 .docx 命名。\n".encode() * 20, 2, "不是有效的 Word（.docx）文件", ""),
    "docx-truncated-zip": ("r.docx", lambda t: _rendered(to_docx, t, ".docx")[:6000], 2, "zip 包已损坏或不完整", ""),
    "docx-without-document-xml": ("r.docx", lambda t: _docx(drop="word/document.xml"), 2, "没有 word/document.xml", ""),
    "docx-zip-bomb": ("r.docx", lambda t: _bomb(t), 2, "超过上限 100 MB，可能是“zip 炸弹”", ""),
    "docx-zip-bomb-lying-header": ("r.docx", lambda t: _bomb(t, lie=True), 2, "zip 包已损坏或不完整", ""),
    "docx-billion-laughs": ("r.docx", lambda t: _billion_laughs(), 2, "含有 DTD 声明", "lollol"),
    "docx-external-entity": ("r.docx", _xxe_docx, 2, "含有 DTD 声明", SECRET),
    "docx-100000-paragraphs": ("r.docx", lambda t: _docx("".join(_para(f"第{i}段") for i in range(100_000))), 2,
                               "100,000 个段落和表格单元格，超过上限 20,000", ""),
    "docx-huge-table": ("r.docx", lambda t: _docx(_word_table(5_000, 10)), 2, "超过上限 20,000", ""),
    # web pages
    "html-no-tables": ("r.html", lambda t: "<html><body><h1>示例县人民政府2023年政府信息公开工作年度报告</h1><p>一、总体情况</p>"
                       "<p>本机关主动公开政府信息。</p></body></html>".encode(), 1, "GC010", ""),
    "html-scripts": ("r.html", lambda t: _SCRIPT_PAGE.encode(), 1, "", "SCRIPT"),
    "html-100000-cells": ("r.html", lambda t: ("<html><body><table>" + ("<tr>" + "<td>1</td>" * 10 + "</tr>") * 10_000
                                               + "</table></body></html>").encode(), 2, "100,000 个段落和表格单元格", ""),
    "html-deeply-nested": ("r.html", lambda t: ("<html><body>" + "<div>" * 100_000 + "一、总体情况" + "</div>" * 100_000
                                                + "</body></html>").encode(), 2, "文件中没有文字内容", ""),
    "html-gbk-meta-charset": ("r.html", lambda t: _rendered(to_html, t, ".html", encoding="gbk"), 0, "", ""),
    "xhtml-entities-and-external-entity": ("r.xhtml.html", _xhtml, 1, "", SECRET),
    # PDF
    "pdf-encrypted": ("r.pdf", lambda t: _encrypted(t, "secret"), 2, "PDF 已加密（需要打开密码）", ""),
    # opened without a password and read — it then holds no report (a few lines of English)
    "pdf-encrypted-without-open-password": ("r.pdf", lambda t: _encrypted(t, ""), 2, "不像一份政府信息公开工作年度报告", "已加密"),
    "pdf-image-only": ("r.pdf", lambda t: _pdf(t, text=False), 2, "没有文字层（可能是扫描件）", ""),
    "pdf-truncated": ("r.pdf", lambda t: _HUAIAN[: len(_HUAIAN) // 2], 2, "PDF 文件不完整（可能被截断", ""),
    "pdf-stream-bomb": ("r.pdf", lambda t: _pdf_bomb(), 2, "PDF 中的压缩数据解压后超过上限 100 MB", ""),
    "pdf-stream-bomb-behind-ascii85": ("r.pdf", lambda t: _pdf_bomb(_a85(_deflated_spaces()),
                                                                     b"[/ASCII85Decode /FlateDecode]"),
                                       2, "PDF 中的压缩数据解压后超过上限 100 MB", ""),
    "pdf-large-damaged-stream": ("r.pdf", lambda t: _pdf_bomb(_deflated_spaces(50 << 20)[:-4] + bytes(range(256))),
                                 2, "PDF 中有已损坏的压缩数据（解压 50 MB 后出错），读取它会耗时过长", ""),
    "pdf-lzw-bomb": ("r.pdf", lambda t: _pdf_bomb(_lzw_spaces(), b"/LZWDecode"), 2,
                     "PDF 中的压缩数据解压后超过上限 100 MB", ""),
    "pdf-runlength-bomb": ("r.pdf", lambda t: _pdf_bomb(bytes([129, 32]) * (BOMB // 128 + 1) + bytes([128]),
                                                        b"/RunLengthDecode"), 2, "PDF 中的压缩数据解压后超过上限 100 MB", ""),
    "pdf-300-pages": ("r.pdf", lambda t: _pdf(t, pages=300), 2, "PDF 共 300 页，超过上限 100 页", ""),
    "pdf-that-is-a-web-page": ("r.pdf", lambda t: b"<html><body><p>not a pdf</p></body></html>", 2, "不像一份政府信息公开工作年度报告",
                               "PDF 文件已损坏"),
    "pdf-garbage": ("r.pdf", lambda t: bytes(range(256)) * 8, 2, "PDF 文件已损坏", ""),
    # text
    "text-utf16-with-bom": ("r.txt", lambda t: YANGQUAN_TXT.encode("utf-16"), 0, SAME_AS_UTF8, ""),
    "text-utf16-without-bom": ("r.txt", lambda t: YANGQUAN_TXT.encode("utf-16-le"), 0, SAME_AS_UTF8, ""),
    "text-gbk-without-declaration": ("r.txt", lambda t: _gbk(YANGQUAN_TXT), 0, SAME_AS_UTF8, ""),
    "text-one-10mb-line": ("r.txt", lambda t: "公开".encode() * (10 * 1024 * 1024 // 6), 2, "不像一份政府信息公开工作年度报告", ""),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_format(name, tmp_path, gov_check):
    filename, build, code, text, absent = CASES[name]
    path = tmp_path / "in" / filename
    path.parent.mkdir()
    data = build(tmp_path)
    path.write_bytes(data)
    result = gov_check(path, "--fail-on", "error", "--no-config", "--lang", "zh")
    both = result.output + result.stderr
    assert result.exit_code == code, both[-2000:]
    assert "Traceback" not in both
    assert text in both
    if code == 2:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith(f"gov-check: {path}"), lines
    if absent:
        assert absent not in both
        json_out = gov_check(path, "--format", "json", "--no-config").stdout
        assert absent not in json_out
    assert path.read_bytes() == data  # nothing the user gave is modified


@pytest.mark.parametrize("name", sorted(n for n in CASES if "bomb" not in n))
def test_bad_format_through_convert(name, tmp_path, gov_check):
    """`gov-check convert` answers each case as `check` does: a document, or one line and exit 2."""
    filename, build, code, text, absent = CASES[name]
    path = tmp_path / "in" / filename
    path.parent.mkdir()
    path.write_bytes(build(tmp_path))
    out = tmp_path / "out.json"
    result = gov_check("convert", path, "-o", out)
    assert "Traceback" not in result.output + result.stderr
    if code == 2:
        assert result.exit_code == 2
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith(f"gov-check: {path}") and text in lines[0], lines
        assert not out.exists()
    else:
        assert result.exit_code == 0, result.stderr
        document = json.loads(out.read_text(encoding="utf-8"))
        assert isinstance(document, dict) and (not absent or absent not in json.dumps(document, ensure_ascii=False))


@pytest.mark.parametrize("name", ["html-scripts", "xhtml-entities-and-external-entity", "docx-external-entity"])
def test_hostile_content_never_reaches_the_document(name, tmp_path):
    """Script text, the DTD's internal subset and an external entity's file are in no section."""
    from checker.loaders import LoadError, LoadOptions, load
    from checker.plugins import PluginHost

    filename, build, *_ = CASES[name]
    path = tmp_path / filename
    path.write_bytes(build(tmp_path))
    try:
        text = json.dumps(load(path, PluginHost(autoload=False).loaders, LoadOptions()).document, ensure_ascii=False)
    except LoadError as exc:
        text = str(exc)
    for leak in ("SCRIPT", "STYLETEXT", "NOSCRIPTTEXT", SECRET, "lollol", "]>", "ENTITY"):
        assert leak not in text
    if name == "html-scripts":
        assert "本机关主动公开政府信息。" in text  # the text around the script is kept


def test_decompressed_limit_is_configurable(tmp_path):
    from checker.loaders import LoadError, LoadOptions, load
    from checker.plugins import PluginHost

    path = tmp_path / "r.docx"
    path.write_bytes(_rendered(to_docx, tmp_path, ".docx"))
    loaders = PluginHost(autoload=False).loaders
    assert load(path, loaders, LoadOptions()).document["tables"]["t3"]
    with pytest.raises(LoadError, match="超过上限 0 MB"):
        load(path, loaders, LoadOptions(max_decompressed_bytes=20_000))
    with pytest.raises(LoadError, match="超过上限 10"):
        load(path, loaders, LoadOptions(max_blocks=10))


def test_decompressed_size_is_counted_while_reading_too(tmp_path, monkeypatch):
    """Whatever the listing claims, the bytes actually unpacked are counted against the limit."""
    from checker.loaders import LoadError, LoadOptions, load
    from checker.plugins import PluginHost

    path = tmp_path / "r.docx"
    path.write_bytes(_docx("".join(_para("第一部分 总体情况" * 20) for _ in range(500))))
    real = zipfile.ZipFile.infolist

    def lying_listing(self):  # every part claims to be one byte
        infos = [zipfile.ZipInfo(i.filename) for i in real(self)]
        for info in infos:
            info.file_size = 1
        return infos

    monkeypatch.setattr(zipfile.ZipFile, "infolist", lying_listing)
    with pytest.raises(LoadError, match=r"解压后超过上限 0 MB，可能是“zip 炸弹”"):
        load(path, PluginHost(autoload=False).loaders, LoadOptions(max_decompressed_bytes=100_000))


def test_pdf_unpacked_size_limit_is_configurable(tmp_path):
    from checker.loaders import LoadError, LoadOptions, load
    from checker.plugins import PluginHost

    path = tmp_path / "r.pdf"
    path.write_bytes(_pdf_bomb(_deflated_spaces(2 * 1024 * 1024)))  # a valid PDF: 2 MB of spaces, no text
    loaders = PluginHost(autoload=False).loaders
    with pytest.raises(LoadError, match="没有文字层"):  # read through under the default limit
        load(path, loaders, LoadOptions())
    with pytest.raises(LoadError, match="解压后超过上限 1 MB"):
        load(path, loaders, LoadOptions(max_decompressed_bytes=1024 * 1024))
    huaian = load(EXAMPLES / "huaian-2024.pdf", loaders, LoadOptions())  # a real report is far below it
    assert huaian.document["tables"]["t3"]


def test_pdf_page_limit_is_configurable(tmp_path):
    from checker.loaders import LoadError, LoadOptions, load
    from checker.plugins import PluginHost

    path = tmp_path / "r.pdf"
    path.write_bytes(_pdf(tmp_path, pages=3))
    loaders = PluginHost(autoload=False).loaders
    with pytest.raises(LoadError, match="不像一份政府信息公开工作年度报告"):  # read whole: three pages of English are no report
        load(path, loaders, LoadOptions())
    with pytest.raises(LoadError, match="PDF 共 3 页，超过上限 2 页"):
        load(path, loaders, LoadOptions(max_pages=2))


# -- folders ---------------------------------------------------------------------------------------

def _folder(tmp_path: Path, n: int = 2) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    clean = (EXAMPLES / "clean-2023.json").read_bytes()
    for i in range(n):
        (folder / f"r{i}.json").write_bytes(clean)
    return folder


def _json_reports(result) -> dict[str, str]:
    return {Path(r["file"]).name: r["status"] for r in json.loads(result.stdout)["reports"]}


def test_folder_with_an_unreadable_file(tmp_path, gov_check, monkeypatch):
    # The suite runs as root here, where chmod 000 does not stop a read: the denial is simulated.
    folder = _folder(tmp_path)
    locked = folder / "r1.json"
    real_open = Path.open

    def open_(self, *args, **kwargs):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_)
    result = gov_check(folder, "--format", "json", "--no-config", "-j", "1")
    assert result.exit_code == 2
    assert _json_reports(result) == {"r0.json": "checked", "r1.json": "not_checked"}
    assert f"gov-check: {locked}: 没有读取该文件的权限" in result.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file")
def test_folder_with_an_unreadable_file_for_real(tmp_path, gov_check):
    folder = _folder(tmp_path)
    (folder / "r1.json").chmod(0)
    result = gov_check(folder, "--format", "json", "--no-config", "-j", "1")
    assert result.exit_code == 2 and "没有读取该文件的权限" in result.stderr


def test_folder_with_a_symlink_loop(tmp_path, gov_check):
    folder = _folder(tmp_path)
    (folder / "a").symlink_to(".")  # a → the folder itself
    (folder / "self.json").symlink_to("self.json")  # a link to itself
    result = gov_check(folder, "--format", "json", "--no-config", "-j", "1")
    reports = _json_reports(result)
    assert reports["r0.json"] == reports["r1.json"] == "checked"
    assert len(reports) == 3 and reports["self.json"] == "not_checked"  # the folder is not walked again via `a`
    assert result.exit_code == 2 and "self.json: 符号链接循环" in result.stderr and "Traceback" not in result.stderr


def test_glob_through_a_symlink_loop(tmp_path, gov_check):
    folder = _folder(tmp_path)
    (folder / "a").symlink_to(".")  # `**` follows links to folders: reports/a/a/a/…/r0.json
    result = gov_check(f"{folder}/**/*.json", "--format", "json", "--no-config", "-j", "1")
    assert result.exit_code == 0
    assert [Path(r["file"]).name for r in json.loads(result.stdout)["reports"]] == ["r0.json", "r1.json"]


def test_folder_with_a_dangling_symlink(tmp_path, gov_check):
    folder = _folder(tmp_path)
    (folder / "gone.json").symlink_to(tmp_path / "deleted.json")
    result = gov_check(folder, "--format", "json", "--no-config", "-j", "1")
    assert _json_reports(result) == {"gone.json": "not_checked", "r0.json": "checked", "r1.json": "checked"}
    assert result.exit_code == 2 and "符号链接指向的文件不存在" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
def test_folder_with_a_fifo_does_not_hang(tmp_path, gov_check):
    folder = _folder(tmp_path)
    os.mkfifo(folder / "pipe.json")  # opening it for reading would wait for a writer forever
    result = gov_check(folder, "--format", "json", "--no-config", "-j", "1")
    assert _json_reports(result) == {"pipe.json": "not_checked", "r0.json": "checked", "r1.json": "checked"}
    assert result.exit_code == 2 and "不是普通文件（管道、设备或套接字）" in result.stderr


def test_device_file_named_outright_does_not_hang(gov_check):
    result = gov_check("/dev/zero", "--no-config")  # endless: must not be read
    assert result.exit_code == 2 and "不是普通文件" in result.stderr


def test_empty_folder(tmp_path, gov_check):
    (tmp_path / "empty").mkdir()
    result = gov_check(tmp_path / "empty", "--no-config")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"gov-check: {tmp_path / 'empty'}: 文件夹中没有可检查的报告文件（支持 "), lines


def test_folder_with_many_files_of_the_same_name(tmp_path, gov_check):
    folder = tmp_path / "reports"
    clean = (EXAMPLES / "clean-2023.json").read_bytes()
    for i in range(12):
        (folder / f"unit{i:02d}").mkdir(parents=True)
        (folder / f"unit{i:02d}" / "报告.json").write_bytes(clean)
    result = gov_check(folder, "--format", "json", "--no-config", "-j", "2")
    files = [r["file"] for r in json.loads(result.stdout)["reports"]]
    assert result.exit_code == 0
    assert len(files) == len(set(files)) == 12  # each one checked once, told apart by its folder


FOLDER_CASES = {"folder-unreadable-file", "folder-symlink-loop", "glob-through-symlink-loop", "folder-dangling-symlink", "folder-fifo",
                "device-file", "folder-empty", "folder-same-names"}


# -- config ----------------------------------------------------------------------------------------

CONFIG_CASES: dict[str, tuple[str, str]] = {
    "config-select-not-a-list": ("select = 5\n", "select: 应为 array，实为 5"),
    "config-unknown-severity": ('[rules.GC204]\nseverity = "fatal"\n', "rules.GC204.severity: 取值 'fatal' 不在允许范围"),
    "config-severities-table": ('[severities]\nGC204 = "fatal"\n', "未知的键「severities」"),
    "config-option-wrong-type": ("[rules.GC601]\ndepartment_deadline = 131\n",
                                 "rules.GC601.department_deadline: 应为 字符串，实为 131"),
    "config-option-bool-for-number": ("[rules.GC501]\nmin_chars = true\n", "rules.GC501.min_chars: 应为 整数，实为 True"),
    "config-extends-itself": ('extends = "gov-check.toml"\n', "extends 循环引用"),
    "config-not-toml": ('{"select": ["GC2"]}\n', "TOML 格式错误"),
    "config-binary": ("\x00\x01\x02", "TOML 格式错误"),
}


@pytest.mark.parametrize("name", sorted(CONFIG_CASES))
def test_bad_config(name, tmp_path, gov_check):
    text, expected = CONFIG_CASES[name]
    config = tmp_path / "gov-check.toml"
    config.write_text(text, encoding="utf-8")
    report = tmp_path / "r.json"
    report.write_bytes((EXAMPLES / "clean-2023.json").read_bytes())
    result = gov_check(report)  # the config is found next to the report
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output + result.stderr
    assert expected in result.stderr
    assert str(config) in result.stderr  # the file is named
    assert "GC900" not in result.output  # a bad option never reaches the rule


def test_option_types_are_checked_when_the_engine_resolves_rules():
    from checker.config import Config, ConfigError
    from checker.engine import Engine
    from checker.plugins import PluginHost

    host = PluginHost(autoload=False)
    with pytest.raises(ConfigError, match=r"规则 GC206 的选项 max_share: 应为 整数或数字，实为 'high'"):
        Engine(host, Config(options={"GC206": {"max_share": "high"}})).rules
    assert Engine(host, Config(options={"GC206": {"max_share": 1}})).rules  # an int where a number is asked is fine


# -- plugins given on the command line ------------------------------------------------------------

PLUGIN_FILES: dict[str, tuple[str, str]] = {
    "plugin-raises-on-import": ("broken.py", "raise RuntimeError('cannot start')\n"),
    "plugin-not-python": ("notes.py", "这不是 Python 代码：{[(\n"),
    "plugin-not-a-py-file": ("rules.txt", "print('hi')\n"),
    "plugin-exits-on-import": ("quits.py", "import sys\nsys.exit(3)\n"),
    "plugin-loops-on-import": ("stuck.py", "while True:\n    pass\n"),
    "plugin-prints-on-import": ("chatty.py", "import sys\nprint('hello from import')\nprint('err too', file=sys.stderr)\n"),
}


@pytest.mark.parametrize("name", sorted(PLUGIN_FILES))
def test_bad_plugin_on_the_command_line(name, tmp_path, gov_check, monkeypatch):
    import checker.plugins

    monkeypatch.setattr(checker.plugins, "IMPORT_SECONDS", 0.3)
    filename, source = PLUGIN_FILES[name]
    plugin = tmp_path / filename
    plugin.write_text(source, encoding="utf-8")
    result = gov_check(EXAMPLES / "clean-2023.json", "--plugin", plugin, "--format", "json", "--no-config")
    assert "Traceback" not in result.output + result.stderr
    reports = json.loads(result.stdout)["reports"]  # stdout stays valid JSON
    assert reports[0]["outcomes"]  # the built-in rules still ran …
    # … but without the plugin the check is not complete: 「检查不完整」, never 「通过」
    assert reports[0]["status"] == ("checked" if name == "plugin-prints-on-import" else "incomplete")
    assert "hello from import" not in result.stdout and "err too" not in result.stderr
    if name == "plugin-prints-on-import":
        assert result.exit_code == 0 and result.stderr == ""
    else:
        assert result.exit_code == 2
        assert f"{plugin}" in result.stderr
    if name == "plugin-loops-on-import":
        assert "未加载：超过 0.3 秒仍未完成（死循环，或在等待网络、文件），已跳过" in result.stderr


# -- Ctrl-C in a batch -----------------------------------------------------------------------------

def test_interrupted_batch_writes_nothing_and_says_how_far_it_got(tmp_path, gov_check, monkeypatch):
    import checker.run

    folder = _folder(tmp_path, n=5)
    real = checker.run.check_file
    calls = [0]

    def check_file(*args, **kwargs):
        calls[0] += 1
        if calls[0] == 3:
            raise KeyboardInterrupt  # Ctrl-C while the third report is being checked
        return real(*args, **kwargs)

    monkeypatch.setattr(checker.run, "check_file", check_file)
    out, csv = tmp_path / "out" / "result.json", tmp_path / "out" / "summary.csv"
    out.parent.mkdir()
    result = gov_check(folder, "--format", "json", "-o", out, "--summary-csv", csv, "-j", "1", "--no-config")
    assert result.exit_code == 130
    assert result.stderr.strip() == "gov-check: 已中断：已检查 2/5 份报告，未写出任何结果或汇总文件"
    assert list(out.parent.iterdir()) == []  # no output, no summary, no temporary file


def test_interrupted_parallel_batch(tmp_path, monkeypatch):
    """Ctrl-C while a pool of workers is checking: the pool is stopped and the count is told."""
    import checker.run
    from checker.run import BatchInterrupted, BatchOptions, run_batch

    class Bar:  # the progress bar: Ctrl-C arrives in the parent after the second report came back
        advanced = 0

        def start(self): ...
        def stop(self): ...
        def add_task(self, *a, **k): return 1

        def advance(self, task):
            Bar.advanced += 1
            if Bar.advanced == 2:
                raise KeyboardInterrupt

    monkeypatch.setattr(checker.run, "_progress", Bar)
    files = sorted(str(p) for p in _folder(tmp_path, n=6).iterdir())
    with pytest.raises(BatchInterrupted) as info:
        run_batch(files, BatchOptions(jobs=2, progress=True))
    assert (info.value.done, info.value.total) == (2, 6)


_SLOW_PLUGIN = """
import os, time
from checker.hookspecs import hookimpl
from checker.rule import Rule


class Slow(Rule):
    \"\"\"test\"\"\"
    code, name, title_zh, title_en, clause = "ZZ901", "slow", "慢", "slow", "test"
    messages = {"m": ("m", "m")}

    def check(self, ctx):
        open(os.environ["GOV_CHECK_TEST_MARK"], "a").close()  # tell the test a report is being checked
        # Wait for the test's Ctrl-C rather than for a fixed time: with a short sleep a loaded machine
        # could deliver the signal anywhere in the batch, even after it (the rule clock, 10 s, still ends
        # the wait if the signal never comes, so a broken test fails instead of hanging).
        time.sleep(60)
        return iter(())


@hookimpl
def gov_check_rules():
    return [Slow]
"""


@pytest.mark.skipif(not hasattr(os, "kill") or os.name != "posix", reason="POSIX signals")
def test_ctrl_c_sent_to_a_running_batch(tmp_path):
    """A real SIGINT to a real gov-check process in the middle of a batch."""
    import signal
    import subprocess
    import sys
    import time

    folder = _folder(tmp_path, n=30)
    plugin = tmp_path / "slow.py"
    plugin.write_text(_SLOW_PLUGIN, encoding="utf-8")
    mark = tmp_path / "started"
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    env = {**os.environ, "GOV_CHECK_TEST_MARK": str(mark), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "checker", str(folder), "-j", "1", "--no-config", "--plugin", str(plugin),
                             "-o", str(out_dir / "result.txt"), "--summary-csv", str(out_dir / "summary.csv")],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not mark.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert mark.exists(), proc.communicate()
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, stderr
    assert re.fullmatch(r"gov-check: 已中断：已检查 \d+/30 份报告，未写出任何结果或汇总文件\n", stderr), stderr
    assert "Traceback" not in stderr and stdout == ""
    assert list(out_dir.iterdir()) == []


def test_ctrl_c_before_the_batch_starts(monkeypatch, capsys):
    """Ctrl-C while gov-check starts (reading the config, loading plugins): exit 130, not click's
    「Aborted!」 with exit 1 (which would read as "errors found")."""
    import sys

    import checker.cli

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(checker.cli, "_configure", interrupted)
    monkeypatch.setattr(sys, "argv", ["gov-check", str(EXAMPLES / "clean-2023.json")])
    with pytest.raises(SystemExit) as info:
        checker.cli.run()
    assert info.value.code == 130
    assert capsys.readouterr().err.strip() == "gov-check: 已中断"


# -- no network ------------------------------------------------------------------------------------

def test_no_network_access_for_any_format(tmp_path, gov_check, monkeypatch):
    attempts: list[str] = []

    def refuse(name):
        def _refuse(*args, **kwargs):
            attempts.append(name)
            raise OSError(f"network access attempted: {name}")
        return _refuse

    inputs = {"r.json": (EXAMPLES / "clean-2023.json").read_bytes(), "r.txt": YANGQUAN_TXT.encode(),
              "r.docx": _rendered(to_docx, tmp_path, ".docx"), "r.html": _rendered(to_html, tmp_path, ".html"),
              "r.pdf": _rendered(to_pdf, tmp_path, ".pdf")}
    for name in ("socket", "create_connection", "getaddrinfo", "socketpair"):
        monkeypatch.setattr(socket, name, refuse(name))
    for filename, data in inputs.items():
        path = tmp_path / filename
        path.write_bytes(data)
        result = gov_check(path, "--no-config", "--format", "json")
        assert result.exit_code in (0, 1), (filename, result.stderr)
        assert json.loads(result.stdout)["reports"][0]["status"] == "checked"
    assert attempts == []


NETWORK_CASES = {"no-network"}
INTERRUPT_CASES = {"batch-interrupted", "batch-interrupted-parallel", "batch-sigint", "ctrl-c-at-start"}


def test_docs_list_every_format_case():
    doc = (ROOT / "docs" / "robustness.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| `([a-z0-9-]+)` \|", doc, flags=re.M))
    tested = set(CASES) | FOLDER_CASES | set(CONFIG_CASES) | set(PLUGIN_FILES) | NETWORK_CASES | INTERRUPT_CASES
    assert tested <= rows, sorted(tested - rows)
