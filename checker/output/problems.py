"""The problem list as offices exchange it (序号 · 位置 · 问题 · 依据 · 修改建议 · 严重程度): one row per
finding, laid out by the Word, Excel and comment outputs alike.  Derived from the results; nothing
judged here."""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass
from typing import Any, Mapping

from checker.findings import ReportResult
from checker.messages import Shown, present, rule_clause, rule_fix, severity_label, source_place, status_label, \
    without_place
from checker.model import Report


@dataclass(frozen=True, slots=True)
class Problem:
    number: int
    place: str  # as a reader names it: 「表三 · 科研机构 · （五）4 …」
    source: str  # where it is in the unit's own file: 「第2个表格第22行第6列」 ('' when not known)
    problem: str  # the message, with the numbers of a broken identity when the message lacks them
    basis: str  # 依据: the rule's clause
    fix: str  # 修改建议
    severity: str
    code: str
    shown: Shown

    @property
    def where(self) -> str:
        """位置 as one cell: the place, then where it is in the file."""
        return f"{self.place}（{self.source}）" if self.source else self.place


def problems(result: ReportResult, rules: Mapping[str, type], lang: str = "zh", *, waived: bool = False) -> list[Problem]:
    out = []
    for s in present(result, rules, lang, waived=waived):
        f = s.finding
        cls = rules.get(f.code)
        text = without_place(s.message, s.place)  # 位置 is a column of its own
        if s.numbers and s.numbers not in text:
            text += f"（{s.numbers}）" if lang != "en" else f" ({s.numbers})"
        if f.quote:
            text += f" 原文：「{f.quote}」" if lang != "en" else f" Quote: “{f.quote}”"
        place = s.place + "".join(f"；{r}" for r in s.related)
        out.append(Problem(s.number, place, source_place(result, f, lang), text, rule_clause(cls),
                           rule_fix(cls, lang), severity_label(f.severity, lang), f.code, s))
    return out


@dataclass(frozen=True, slots=True)
class Heading:
    """Who and what a problem list is about."""

    organ: str
    year: int | None
    file: str  # the file's name, never the absolute path
    title: str  # 「关于××2023年政府信息公开工作年度报告的审阅意见」
    status: str  # 通过 / 未通过 / 检查不完整 / 无法检查
    checked_on: str


def heading(result: ReportResult, lang: str = "zh", fail_on: str = "error", today: _dt.date | None = None) -> Heading:
    report = Report(result.document if isinstance(result.document, Mapping) else {})
    organ, year = report.organ_name or "", report.year
    name = os.path.basename(result.file) or result.file
    if lang == "en":
        title = f"Review of the {year or ''} government information disclosure annual report of {organ or name}"
    else:
        title = f"关于{organ or name}{f'{year}年' if year else ''}政府信息公开工作年度报告的审阅意见"
    day = (today or _dt.date.today())
    when = day.isoformat() if lang == "en" else f"{day.year}年{day.month}月{day.day}日"
    return Heading(organ, year, name, " ".join(title.split()), status_label(result.status(fail_on), lang), when)


def fail_on_of(ctx: Any) -> str:
    return str(getattr(ctx, "extra", {}).get("fail_on") or "error")
