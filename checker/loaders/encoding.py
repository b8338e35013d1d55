"""Bytes → text for every text-based loader: UTF-8 (with or without BOM), UTF-16 with BOM, else
UTF-16 without BOM (told by its zero bytes), else GBK/GB18030 and the rest as charset-normalizer finds them."""

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
    guessed = _utf16_without_bom(data)
    if guessed is not None:
        return guessed
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


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: ASCII characters (digits, newlines) leave a zero byte on the same
    side of every such pair; a binary file's zero bytes fall anywhere."""
    head = data[:4096]
    if len(data) % 2 or head.count(0) < max(4, len(head) // 50):
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    codec = "utf-16-le" if odd > 4 * even else "utf-16-be" if even > 4 * odd else None
    if codec is None:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    # Text has no control characters but line breaks and tabs; anything else was not UTF-16 text.
    return None if any(ord(c) < 32 and c not in "\t\n\r\f" for c in text[:4096]) else text
