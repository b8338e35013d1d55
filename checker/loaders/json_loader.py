"""The report document as JSON (UTF-8, with or without BOM; other encodings detected)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from checker.loaders import Loaded, LoadError, Loader, LoadOptions, raise_with
from checker.loaders.encoding import decode


def _no_constants(name: str) -> Any:
    raise ValueError(f"JSON 中不允许 {name}")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"数字 {text[:40]} 超出范围")
    return value


def depth(value: Any, limit: int) -> int:
    """How deeply ``value`` nests (iteratively: a hostile document must not exhaust the stack)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, (dict, list)):
            deepest = max(deepest, level)
            if deepest > limit:
                return deepest
            stack.extend((child, level + 1) for child in (node.values() if isinstance(node, dict) else node))
    return deepest


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"重复的键「{key}」")
        out[key] = value
    return out


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _without_lone_surrogates(value: Any) -> Any:
    """「\\ud800」 alone is valid JSON but no valid text: replace it (with U+FFFD) so outputs can be written."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    if isinstance(value, list):
        return [_without_lone_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in value.items()}
    return value


def parse(path: Path, text: str, max_depth: int = 64) -> Any:
    if not text.strip():
        raise LoadError(path, "文件是空的")
    try:
        value = json.loads(text, object_pairs_hook=_pairs, parse_constant=_no_constants, parse_float=_finite)
        if depth(value, max_depth) > max_depth:
            raise LoadError(path, f"JSON 嵌套超过 {max_depth} 层，不是一份报告" + raise_with("json_depth"))
        return _without_lone_surrogates(value) if _SURROGATE_ESCAPE.search(text) else value
    except json.JSONDecodeError as exc:
        raise LoadError(path, f"JSON 格式错误：{_zh(exc.msg)}", exc.lineno, exc.colno) from None
    except ValueError as exc:
        raise LoadError(path, f"JSON 内容错误：{exc}") from None
    except RecursionError:
        raise LoadError(path, "JSON 嵌套层数过深") from None


_MESSAGES = {
    "Expecting value": "此处缺少值（文件可能被截断）",
    "Expecting property name enclosed in double quotes": "此处应为用双引号括起的键名",
    "Unterminated string starting at": "字符串没有结束（文件可能被截断）",
    "Expecting ',' delimiter": "此处缺少逗号（或文件被截断）",
    "Expecting ':' delimiter": "此处缺少冒号",
    "Extra data": "JSON 结束后还有多余内容",
    "Invalid control character at": "字符串中有非法控制字符",
}


def _zh(msg: str) -> str:
    return _MESSAGES.get(msg, msg)


def load(path: Path, data: bytes, options: LoadOptions) -> Loaded:
    from checker.loaders import peer

    doc = parse(path, decode(path, data), options.max_depth)
    doc = peer.unwrap(doc, lambda text: parse(path, text, options.max_depth))
    if isinstance(doc, dict) and peer.is_peer(doc):
        return peer.convert(doc, options)
    if not isinstance(doc, dict):
        kind = {list: "数组", str: "字符串", int: "数字", float: "数字", bool: "布尔值", type(None): "null"}.get(type(doc), "值")
        raise LoadError(path, f"报告应是一个 JSON 对象（{{…}}），实为{kind}")
    return Loaded(document=doc, format="json")


def sniff(head: bytes, suffix: str) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return text[:1] == b"{" or (suffix == ".json" and text[:1] in (b"[", b"\"") )


LOADER = Loader("json", (".json",), sniff, load)
