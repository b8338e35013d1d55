"""The words every comparison renderer shows (zh, en), so that the four formats say the same thing."""

from __future__ import annotations

from typing import Any

WORDS: dict[str, tuple[str, str]] = {
    "title": ("年度报告两年比对", "Year-over-year comparison"),
    "last": ("上年", "Last year"),
    "this": ("本年", "This year"),
    "summary": ("概况", "Summary"),
    "reuse": ("正文重复上年的比例", "Share of the text repeating last year's"),
    "threshold": ("阈值", "threshold"),
    "text": ("正文对照", "Text side by side"),
    "tables": ("表格对照", "Tables side by side"),
    "identities": ("跨年度衔接关系", "Cross-year identities"),
    "figures": ("正文中的数字", "Figures stated in the text"),
    "findings": ("两年的问题", "Problems of both years"),
    "item": ("事项", "Item"),
    "change": ("增减", "Change"),
    "percent": ("同比", "Year on year"),
    "large": ("大幅变化，请说明", "large change: explain"),
    "holds": ("成立", "holds"),
    "broken": ("不成立", "does not hold"),
    "unknown": ("无法核对", "cannot be checked"),
    "difference": ("相差", "off by"),
    "no_text": ("（无此部分）", "(no such part)"),
    "no_partner": ("没有对应的部分", "no counterpart"),
    "cells_changed": ("变化的格", "cells changed"),
    "large_changes": ("大幅变化", "large changes"),
    "identities_broken": ("衔接不成立", "identities broken"),
    "section_reuse": ("本部分重复", "repeated here"),
    "over": ("超过阈值", "over the threshold"),
    "forced": ("注意：两份报告不是同一机关的相邻两年（--force）", "Note: not one organ's consecutive years (--force)"),
    "year": ("年度", "Year"),
    "mark": ("标记", "Status"),
    "severity": ("级别", "Severity"),
    "code": ("规则", "Rule"),
    "place": ("位置", "Place"),
    "message": ("内容", "Message"),
    "ambiguous": ("多个数值", "several values"),
    "none": ("无", "none"),
    "no_prose": ("两年在此都没有正文（只有表格）", "no prose in either year (tables only)"),
    "index": ("两年比对索引", "Year-over-year comparisons"),
    "unit": ("机关", "Organ"),
    "file": ("比对", "Comparison"),
    "no_partner_this": ("本年有报告、上年没有找到的机关", "Units with no report last year"),
    "no_partner_last": ("上年有报告、本年没有找到的机关", "Units with no report this year"),
    "unreadable": ("无法读取的文件", "Files that could not be read"),
    "sentences": ("句子", "Sentences"),
    "findings_count": ("问题（本年/上年）", "Problems (this/last year)"),
}

STATUS: dict[str, tuple[str, str]] = {
    "copied": ("照抄", "copied"),
    "changed": ("修改", "changed"),
    "moved": ("移来", "moved here"),
    "moved_away": ("移走", "moved away"),
    "added": ("新增", "added"),
    "removed": ("删除", "removed"),
    "boilerplate": ("套话", "boilerplate"),
}

FINDING_STATUS: dict[str, tuple[str, str]] = {
    "persisting": ("连续两年", "both years"),
    "new": ("本年新出现", "new this year"),
    "cross_year": ("跨年度核对", "cross-year check"),
    "fixed": ("已整改", "fixed"),
}


def w(key: str, lang: str) -> str:
    zh, en = WORDS[key]
    return en if lang == "en" else zh


def label(key: str, lang: str) -> str:
    """A word followed by a colon: 「上年：」, “Last year: ”."""
    return w(key, lang) + (": " if lang == "en" else "：")


def status_word(status: str, lang: str, table: dict[str, tuple[str, str]] = STATUS) -> str:
    zh, en = table[status]
    return en if lang == "en" else zh


def pct(share: Any) -> str:
    return "—" if share is None else f"{100 * share:.0f}%"


def signed(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        value = round(value, 4)
        if value.is_integer():
            value = int(value)
    return f"+{value}" if value > 0 else ("±0" if value == 0 else f"−{abs(value)}")


def percent(value: Any) -> str:
    return "" if value is None else (f"+{value:g}%" if value > 0 else f"{value:g}%".replace("-", "−"))


def moved_note(row: dict[str, Any], lang: str) -> str:
    where = row.get("moved")
    if not where:
        return ""
    if row["status"] == "moved_away":
        return f"（移至「{where}」）" if lang != "en" else f" (moved to “{where}”)"
    if row["status"] == "copied":
        return f"（与上年「{where}」相同）" if lang != "en" else f" (same as last year's “{where}”)"
    return f"（自上年「{where}」移来）" if lang != "en" else f" (moved from last year's “{where}”)"


def identity_result(entry: dict[str, Any], lang: str) -> str:
    if entry["holds"] is True:
        return w("holds", lang)
    if entry["holds"] is False:
        return f"{w('broken', lang)}，{w('difference', lang)} {signed(entry['difference'])}" if lang != "en" else \
            f"{w('broken', lang)}, {w('difference', lang)} {signed(entry['difference'])}"
    return f"{w('unknown', lang)}：{entry['reason']}" if lang != "en" else f"{w('unknown', lang)}: {entry['reason']}"


def side_title(side: dict[str, Any], lang: str) -> str:
    year = side.get("year")
    name = side.get("organ_name") or side.get("file")
    return f"{name} {year}年度" if lang != "en" else f"{name} {year}"


def figure_side(side: Any, lang: str) -> str:
    if not side:
        return "—"
    if side["value"] is None:
        return f"{w('ambiguous', lang)}：" + "、".join(str(v) for v in side["values"]) if lang != "en" else \
            f"{w('ambiguous', lang)}: " + ", ".join(str(v) for v in side["values"])
    return str(side["value"])
