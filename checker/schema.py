"""Validation of a report document against schemas/report.schema.json: a list of errors, each
with its JSON Pointer and a message a person can act on, never an exception."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from checker.findings import Text
from checker.model import pointer


@dataclass(frozen=True, slots=True)
class SchemaError:
    pointer: str
    message: Text


def load_schema(name: str = "report") -> dict[str, Any]:
    import schemas

    return json.loads(schemas.text(name))


@lru_cache(maxsize=None)
def _validator(name: str = "report") -> Any:
    from jsonschema import Draft202012Validator

    schema = load_schema(name)
    return Draft202012Validator(schema)


# fastjsonschema's yes/no check of the report schema.  A valid document (nearly every one) is
# accepted by it in a fraction of a millisecond, without importing jsonschema (90 ms); an invalid one
# still goes through jsonschema, which names every error.  Generating and compiling the check takes
# about 0.4 s, so it is done once per machine and kept in the cache (checker.cache) as marshalled
# code; a run then loads it in about a millisecond.
_batch = False


@lru_cache(maxsize=None)
def _compiled(build: bool) -> Callable[[Any], bool] | None:
    """The check from the cache; when it is not there and ``build``, generated now (and cached when
    the cache can be written).  None when it cannot be had: then jsonschema decides alone."""
    import importlib.util
    import marshal

    from checker import cache

    try:
        import fastjsonschema

        import schemas

        text = schemas.text("report")
        kind = "report-validator-"  # one entry of this kind: a new one replaces those of older versions
        name = f"{kind}{cache.key(text, fastjsonschema.VERSION, importlib.util.MAGIC_NUMBER)}.marshal"
        entry = None
        data = cache.read(name)
        if data:
            try:
                entry = marshal.loads(data)
            except (EOFError, ValueError, TypeError):  # a damaged entry: made again below
                entry = None
        if not (isinstance(entry, tuple) and len(entry) == 2):
            if not build:
                return None
            source = fastjsonschema.compile_to_code(json.loads(text))
            root = re.search(r"^def (\w+)\(", source, re.MULTILINE).group(1)  # type: ignore[union-attr]
            entry = (root, compile(source, "<report schema check>", "exec"))
            cache.write(name, marshal.dumps(entry), replaces=kind)
        namespace: dict[str, Any] = {}
        exec(entry[1], namespace)  # noqa: S102 - code fastjsonschema generated from our own schema
        compiled = namespace[entry[0]]
    except Exception:  # an optimisation only: without it every document goes through jsonschema
        return None

    def check(document: Any) -> bool:
        try:
            compiled(document)
        except Exception:  # invalid (or a case it cannot judge): let jsonschema decide and explain
            return False
        return True

    return check


def enable_fast_path() -> bool:
    """For a batch: the fast check is built even when the cache cannot keep it (forked workers
    inherit it).  False when it cannot be used (jsonschema stays)."""
    global _batch
    _batch = True
    return _compiled(True) is not None


def prepare(batch: bool) -> None:
    """Have validation ready before the first report; in a batch also jsonschema's validator, so
    that forked workers inherit it rather than each import it for its first invalid document."""
    if batch:
        enable_fast_path()
        _validator()


def _fast_check() -> Callable[[Any], bool] | None:
    from checker import cache

    return _compiled(True) if _batch else _compiled(cache.writable())


_TYPE_ZH = {"integer": "整数", "null": "空白", "string": "文本", "number": "数字", "object": "对象", "array": "列表",
            "boolean": "是/否"}


def _describe(error: Any) -> tuple[str, Text]:
    path = pointer(*error.absolute_path)
    v = error.validator
    if v == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return pointer(*error.absolute_path, missing), Text(f"缺少必填项「{missing}」", f"required property '{missing}' is missing")
    if v == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        names = "、".join(extra)
        return (pointer(*error.absolute_path, extra[0]) if extra else path,
                Text(f"未知字段「{names}」（可能是拼写错误）", f"unknown property {', '.join(map(repr, extra))} (a typo?)"))
    if v == "type":
        types = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        zh = "、".join(_TYPE_ZH.get(t, t) for t in types)
        return path, Text(f"应为{zh}，实为 {json.dumps(error.instance, ensure_ascii=False)[:60]}",
                          f"{error.instance!r:.60} is not of type {', '.join(types)}")
    if v == "enum":
        allowed = "、".join(map(str, error.validator_value))
        return path, Text(f"取值 {error.instance!r:.60} 不在允许范围（{allowed}）内",
                          f"{error.instance!r:.60} is not one of {allowed}")
    if v == "not":
        return path, Text("2019年模板的表三不应同时包含2021年模板（六）1–3 的分行",
                          "a 2019-template T3 must not also have the 2021 rows (六)1–3")
    return path, Text(f"不符合报告格式：{error.message[:200]}", error.message[:200])


def validate(document: Any, name: str = "report") -> list[SchemaError]:
    """Every schema violation of ``document``, sorted by place; never raises for any JSON value."""
    try:
        if name == "report" and (fast := _fast_check()) is not None and fast(document):
            return []
        raw = sorted(_validator(name).iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    except RecursionError:
        return [SchemaError("", Text("文档嵌套层数过深，无法校验", "the document is nested too deeply to validate"))]
    return [SchemaError(*_describe(error)) for error in raw]


def validate_extensions(document: Any, schemas: dict[str, Any]) -> list[SchemaError]:
    """Validate each ``/extensions/<namespace>`` object against the schema its plugin contributes
    (hook ``gov_check_report_extensions``); a namespace no plugin claims is an error of its own."""
    ext = document.get("extensions") if isinstance(document, dict) else None
    if not isinstance(ext, dict):
        return []
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError as BadSchema

    out = []
    for ns, value in ext.items():
        base = ("extensions", ns)
        if ns not in schemas:
            out.append(SchemaError(pointer(*base), Text(
                f"扩展「{ns}」没有对应的插件（未安装或未加载提供它的省级插件）",
                f"no plugin provides the extension {ns!r} (the province plugin is not installed or loaded)")))
            continue
        try:
            validator = Draft202012Validator(schemas[ns])
            errors = sorted(validator.iter_errors(value), key=lambda e: list(map(str, e.absolute_path)))
        except BadSchema as exc:
            out.append(SchemaError(pointer(*base), Text(f"扩展「{ns}」的插件模式无效：{exc.message[:120]}",
                                                        f"the plugin's schema for {ns!r} is invalid: {exc.message[:120]}")))
            continue
        for error in errors:
            ptr, msg = _describe(error)
            out.append(SchemaError(pointer(*base) + ptr, msg))
    return out
