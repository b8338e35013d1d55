"""Bytes → text for every text-based loader: UTF-8 (with or without BOM), UTF-16 with BOM, else
GBK/GB18030 and the rest as charset-normalizer finds them."""

from __future__ import annotations

from pathlib import Path

from checker.loaders import LoadError


def decode(path: Path, data: bytes) -> str:
    """Bytes → text: UTF-8 (BOM or not), UTF-16 with BOM, else what charset-normalizer finds."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise LoadError(path, "UTF-16 文本已损坏，无法解码") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise LoadError(path, "不是文本文件（无法识别编码，可能是二进制文件）")
    # Chinese government text that is not UTF-8 is nearly always GB18030 (a superset of GBK and
    # GB2312); try it first so that short files are not mistaken for another code page.
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise LoadError(path, "不是文本文件（无法识别编码，可能是二进制文件）")
    return str(best)
