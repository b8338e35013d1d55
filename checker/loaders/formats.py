"""Which format a file is, from its first bytes, and which module reads it.

Sniffing is cheap and needed for every file; parsing a format imports that format's libraries and
the layout assembler, so each loader module is imported only when a file of its format is read (a
JSON check does not pay for python-docx, lxml or pdfplumber).
"""

from __future__ import annotations

import importlib
from pathlib import Path

from checker.loaders import Loaded, LoadError, Loader, LoadOptions


def _deferred(module: str):
    def load(path: Path, data: bytes, options: LoadOptions) -> Loaded:
        return importlib.import_module(module).load(path, data, options)

    load.__qualname__ = f"{module}.load"
    return load


def _stripped(head: bytes) -> bytes:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")


def sniff_docx(head: bytes, suffix: str) -> bool:
    return head.startswith(b"PK\x03\x04") and (suffix == ".docx" or b"word/" in head)


def sniff_old_word(head: bytes, suffix: str) -> bool:
    return head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


def sniff_rtf(head: bytes, suffix: str) -> bool:
    return _stripped(head).startswith(b"{\\rtf")


def sniff_html(head: bytes, suffix: str) -> bool:
    text = _stripped(head).lower()
    return text.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in head.lower() or \
        (text.startswith(b"<") and any(tag in text for tag in (b"<table", b"<body", b"<meta", b"<p>", b"<div")))


def sniff_pdf(head: bytes, suffix: str) -> bool:
    return b"%PDF-" in head[:1024]


def sniff_text(head: bytes, suffix: str) -> bool:
    if suffix in (".txt", ".md", ".text", ".markdown"):
        return True
    if suffix in (".json", ".docx", ".pdf"):
        return False  # a damaged JSON, Word or PDF file is that format's error, not a text report
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    return b"\x00" not in head and not _stripped(head).startswith((b"{", b"[", b"<", b"%PDF", b"PK\x03\x04"))


def _old_word(path: Path, data: bytes, options: LoadOptions) -> Loaded:
    raise LoadError(path, "这是旧版 Word（.doc）或其他 OLE 格式文件，无法直接读取；请在 Word 中另存为 .docx 后再检查")


def _rtf(path: Path, data: bytes, options: LoadOptions) -> Loaded:
    raise LoadError(path, "这是 RTF 格式文件，无法直接读取；请在 Word 中另存为 .docx 后再检查")


def builtin_loaders() -> list[Loader]:
    """The built-in formats in sniffing order: binary formats and markup first, plain text last."""
    from checker.loaders import json_loader

    return [
        Loader("rtf", (".rtf",), sniff_rtf, _rtf),
        json_loader.LOADER,
        Loader("pdf", (".pdf",), sniff_pdf, _deferred("checker.loaders.pdf_loader")),
        Loader("docx", (".docx",), sniff_docx, _deferred("checker.loaders.docx_loader")),
        Loader("doc", (".doc",), sniff_old_word, _old_word),
        Loader("html", (".html", ".htm"), sniff_html, _deferred("checker.loaders.html_loader")),
        Loader("text", (".txt", ".md"), sniff_text, _deferred("checker.loaders.text_loader")),
    ]
