"""Rendering a finding's message from its rule's template and arguments, in Chinese or English."""

from __future__ import annotations

from typing import Any, Mapping

from checker.findings import Finding, Text
from checker.labels import describe


class _Args(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _arg(value: Any, lang: str) -> Any:
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, (list, tuple)):
        return ("、" if lang != "en" else ", ").join(str(_arg(v, lang)) for v in value)
    return value


def render(finding: Finding, rules: Mapping[str, type], lang: str = "zh", document: Any = None) -> str:
    cls = rules.get(finding.code)
    templates = getattr(cls, "messages", {}) if cls else {}
    pair = templates.get(finding.message)
    if not pair:
        return f"{finding.code} {finding.message} {dict(finding.args)}"
    template = pair[1] if lang == "en" else pair[0]
    args = _Args({k: _arg(v, lang) for k, v in finding.args.items()})
    args.setdefault("place", place(finding, document, lang))
    for key in ("expected", "actual", "difference"):
        if getattr(finding, key) is not None:
            args.setdefault(key, _arg(getattr(finding, key), lang))
    try:
        return template.format_map(args)
    except (ValueError, IndexError, AttributeError):
        return template


def place(finding: Finding, document: Any, lang: str = "zh") -> str:
    """The finding's primary place as a reader names it."""
    if "place" in finding.args:
        return str(_arg(finding.args["place"], lang))
    if not finding.pointers:
        return "整份报告" if lang != "en" else "whole report"
    sections = document.get("sections") if isinstance(document, Mapping) else None
    return describe(finding.pointers[0], lang, sections if isinstance(sections, list) else None)


def rule_title(cls: Any, lang: str) -> str:
    return getattr(cls, "title_en" if lang == "en" else "title_zh", "") if cls else ""
