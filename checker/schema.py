"""Validation of a report document against schemas/report.schema.json: a list of errors, each
with its JSON Pointer and a message a person can act on, never an exception."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from checker.findings import Text
from checker.model import pointer


@dataclass(frozen=True, slots=True)
class SchemaError:
    pointer: str
    message: Text


def load_schema(name: str = "report") -> dict[str, Any]:
    return json.loads(resources.files("schemas").joinpath(f"{name}.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _validator(name: str = "report") -> Any:
    from jsonschema import Draft202012Validator

    schema = load_schema(name)
    return Draft202012Validator(schema)


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
        raw = sorted(_validator(name).iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    except RecursionError:
        return [SchemaError("", Text("文档嵌套层数过深，无法校验", "the document is nested too deeply to validate"))]
    return [SchemaError(*_describe(error)) for error in raw]
