"""Rendering a finding's message from its rule's template and arguments, in Chinese or English."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Mapping

from checker.findings import Finding, Outcome, ReportResult, Severity, Text
from checker.labels import SECTIONS, TABLE_SECTION, describe


class _Args(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def list_separator(lang: str) -> str:
    """How a list of names is joined in running text: 「、」 in Chinese only."""
    return ", " if lang == "en" else "、"


def plain(value: Any, lang: str = "zh") -> Any:
    """A finding's value or message argument as the outputs carry it: text in the output's language
    (never a Python repr), numbers as numbers (1.0 → 1), a list as a list of such scalars (what is
    nested deeper is said as one text)."""
    if isinstance(value, (list, tuple, set, frozenset, Mapping)):
        if isinstance(value, Mapping):
            items = [f"{_arg(k, lang)} {_arg(v, lang)}" for k, v in value.items()]
        else:
            items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
        return [_scalar(v, lang) if not isinstance(v, (list, tuple, set, frozenset, Mapping)) else _arg(v, lang)
                for v in items]
    return _scalar(value, lang)


def _scalar(value: Any, lang: str) -> Any:
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if hasattr(value, "isoformat"):  # a date
        return value.isoformat()
    try:  # a float, a Decimal, a Fraction, a numpy number: still a number
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return str(value)
    if not math.isfinite(number):  # JSON has no NaN or infinity
        return str(value)
    return int(number) if number.is_integer() and abs(number) < 2 ** 53 else number


def _arg(value: Any, lang: str) -> Any:
    """A message argument as it is written into the sentence."""
    value = plain(value, lang)
    if isinstance(value, list):
        return list_separator(lang).join(str(v) for v in value)
    return value


def colon(lang: str) -> str:
    """What follows a label: 「：」 in Chinese, ": " in English."""
    return ": " if lang == "en" else "："


_EN_PLURALS = {"error": "errors", "warning": "warnings", "info": "info", "rule": "rules", "report": "reports",
               "finding": "findings", "problem": "problems"}


def count_of(n: int, noun: str) -> str:
    """「1 error」, 「2 errors」: an English count with the noun in its number."""
    return f"{n} {noun if n == 1 else _EN_PLURALS.get(noun, noun + 's')}"


NBSP = "\u00a0"
# A number and the word it belongs to (「不等于 0」, 「相差 1」, 「38 件」, 「100%（阈值」): the space between
# them must not become a line break.
_NUMBER_SPACE = re.compile(r"(?<=\S) (?=[-+−]?\d)|(?<=\d) (?=[^\s\d+−=-])|(?<=\d%) (?=[^\s\d+−=-])")


def keep_numbers_together(text: str) -> str:
    """``text`` with the spaces that join a number to its word made non-breaking (U+00A0)."""
    return _NUMBER_SPACE.sub(NBSP, text)


def render(finding: Finding, rules: Mapping[str, type], lang: str = "zh", document: Any = None) -> str:
    cls = rules.get(finding.code)
    templates = getattr(cls, "messages", {}) if cls else {}
    pair = templates.get(finding.message)
    if not pair:  # a rule without this template (a plugin's slip): its arguments still read as text
        said = list_separator(lang).join(f"{k} {_arg(v, lang)}" for k, v in finding.args.items())
        return f"{finding.code} {finding.message}" + (f"{colon(lang)}{said}" if said else "")
    template = pair[1] if lang == "en" else pair[0]
    args = _Args({k: _arg(v, lang) for k, v in finding.args.items()})
    args.setdefault("place", place(finding, document, lang))
    for key in ("expected", "actual", "difference"):
        if getattr(finding, key) is not None:
            args.setdefault(key, _arg(getattr(finding, key), lang))
    gap = finding.args.get("import_gap")  # a finding that only follows from what the import could not read
    suffix = str(_arg(gap, lang)) if gap else ""
    try:
        return template.format_map(args) + suffix
    except (ValueError, IndexError, AttributeError):
        return template + suffix


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


# ---------------------------------------------------------------------------------------------
# What every output shows of a result: derived once here, so that the formats only lay it out.
# ---------------------------------------------------------------------------------------------

WHOLE_REPORT, SIGNATURE_PART = 0, 7  # section_of: 0 the document as a whole, 1–6 the sections, 7 the signature


def section_of(finding: Finding, document: Any) -> int:
    """The canonical section (1–6) a finding concerns; 0 the document as a whole, 7 the signature
    and dates.  A table belongs to its section (表三 → 三); a section pointer to the section its
    printed heading was matched to."""
    p = finding.pointer
    if p.startswith("/tables/"):
        return TABLE_SECTION.get(p.split("/")[2], WHOLE_REPORT)
    if p.startswith("/sections/"):
        from checker.model import Report

        idx = p.split("/")[2]
        for s in Report(document if isinstance(document, Mapping) else {}).sections:
            if str(s.index) == idx:
                return s.number or WHOLE_REPORT
        return WHOLE_REPORT
    if p.startswith("/signature") or p in ("/metadata/signing_date", "/metadata/publication_date"):
        return SIGNATURE_PART
    section = finding.args.get("section")
    return section if isinstance(section, int) and 1 <= section <= 6 else WHOLE_REPORT


def section_title(number: int, lang: str = "zh") -> str:
    """The heading a group of findings is shown under: 「三、收到和处理政府信息公开申请情况」."""
    if number == WHOLE_REPORT:
        return "报告整体" if lang != "en" else "Whole report"
    if number == SIGNATURE_PART:
        return "落款与日期" if lang != "en" else "Signature and dates"
    s = SECTIONS[number - 1]
    return f"{s.numeral}、{s.heading}" if lang != "en" else f"{number}. {s.en}"


def severity_label(severity: Severity, lang: str = "zh") -> str:
    return severity.value if lang == "en" else severity.zh


def outcome_label(outcome: Outcome, lang: str = "zh") -> str:
    if lang == "en":
        return outcome.value.replace("_", " ")
    return {"pass": "通过", "fail": "未通过", "not_applicable": "不适用", "insufficient_data": "数据不足",
            "error": "出错"}[outcome.value]


def numbers(finding: Finding, lang: str = "zh") -> str:
    """The numbers of a broken identity as one line: 「应为 38 · 实为 39 · 相差 1」 (empty if none)."""
    names = (("expected", "应为", "expected"), ("actual", "实为", "actual"), ("difference", "相差", "difference"))
    parts = [f"{zh if lang != 'en' else en} {_arg(getattr(finding, key), lang)}"
             for key, zh, en in names if getattr(finding, key) is not None]
    return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class Shown:
    """One finding as every output shows it: numbered, its message and places rendered."""

    number: int  # 1-based, in the order the outputs list problems (section, severity, code)
    finding: Finding
    message: str
    place: str
    section: int  # see section_of
    related: tuple[str, ...]  # places of the finding's other pointers (the other side of an identity)
    numbers: str


def present(result: ReportResult, rules: Mapping[str, type], lang: str = "zh", *, waived: bool = True,
            min_severity: Severity | None = None) -> list[Shown]:
    """The findings of one report in the order outputs list them, numbered from 1.

    ``waived=False`` leaves waived findings out; ``min_severity`` those below it.  Numbers are
    given after filtering, so that the numbers a reader sees are 1, 2, 3 …"""
    doc = result.document
    sections = doc.get("sections") if isinstance(doc, Mapping) else None
    sections = sections if isinstance(sections, list) else None
    keyed = []
    for i, f in enumerate(result.findings):
        if f.waived and not waived:
            continue
        if min_severity is not None and f.severity.rank < min_severity.rank:
            continue
        keyed.append(((section_of(f, doc), -f.severity.rank, f.code, i), f))
    keyed.sort(key=lambda kf: kf[0])
    return [Shown(n, f, render(f, rules, lang, doc), place(f, doc, lang), key[0],
                  tuple(describe(p, lang, sections) for p in f.pointers[1:]), numbers(f, lang))
            for n, (key, f) in enumerate(keyed, start=1)]


def outcome_counts(result: ReportResult) -> dict[Outcome, int]:
    return {o: sum(1 for x in result.outcomes if x.outcome is o) for o in Outcome}


def rule_counts(result: ReportResult) -> dict[str, int]:
    """Findings per rule code (waived ones left out), in code order: what ``--statistics`` shows."""
    out: dict[str, int] = {}
    for f in result.findings:
        if not f.waived:
            out[f.code] = out.get(f.code, 0) + 1
    return dict(sorted(out.items()))


def summary_line(result: ReportResult, lang: str = "zh") -> str:
    """「共 0 个错误、5 个警告、0 个提示（10 条规则：6 通过、…）」 — the same words in every output."""
    c, oc = result.counts(), outcome_counts(result)
    if lang == "en":
        line = (f"{count_of(c['error'], 'error')}, {count_of(c['warning'], 'warning')}, {c['info']} info "
                f"({count_of(len(result.outcomes), 'rule')}: {oc[Outcome.PASS]} passed, {oc[Outcome.FAIL]} failed, "
                f"{oc[Outcome.NOT_APPLICABLE]} not applicable, {oc[Outcome.INSUFFICIENT_DATA]} insufficient data, "
                f"{oc[Outcome.ERROR]} errored)")
        line += f", {c['waived']} waived" if c["waived"] else ""
        return ("check incomplete (a rule or plugin failed): " + line) if result.incomplete else line
    line = (f"共 {c['error']} 个错误、{c['warning']} 个警告、{c['info']} 个提示"
            f"（{len(result.outcomes)} 条规则：{oc[Outcome.PASS]} 通过、{oc[Outcome.FAIL]} 未通过、"
            f"{oc[Outcome.NOT_APPLICABLE]} 不适用、{oc[Outcome.INSUFFICIENT_DATA]} 数据不足、{oc[Outcome.ERROR]} 出错）")
    line += f"，另有 {c['waived']} 项已豁免" if c["waived"] else ""
    return ("检查不完整（有规则或插件出错）：" + line) if result.incomplete else line


def status_label(status: str, lang: str = "zh") -> str:
    """「通过」「未通过」「检查不完整」「无法检查」 (see checker.findings.STATUSES)."""
    from checker.findings import STATUSES

    return STATUSES[status][1 if lang == "en" else 0]


def rule_fix(cls: Any, lang: str = "zh") -> str:
    """修改建议: what the rule asks the writer to put instead (empty when the rule gives none)."""
    fix = getattr(cls, "fix", None) if cls else None
    return (fix[1] if lang == "en" else fix[0]) if isinstance(fix, tuple) and len(fix) == 2 else ""


def rule_clause(cls: Any) -> str:
    """依据: the rule's clause."""
    return str(getattr(cls, "clause", "") or "") if cls else ""


def report_title(result: ReportResult) -> str:
    """How a report is named at the head of its output: its printed title, else organ and year."""
    doc = result.document if isinstance(result.document, Mapping) else {}
    meta = doc.get("metadata") if isinstance(doc.get("metadata"), Mapping) else {}
    title = meta.get("title") or f"{meta.get('organ_name') or ''} {meta.get('report_year') or ''}".strip()
    return str(title).strip() or result.file


def total_counts(results: list[ReportResult]) -> dict[str, int]:
    """Findings per severity (and waived) over several reports, and how many could not be read."""
    out = {s.value: 0 for s in Severity} | {"waived": 0, "not_checked": 0}
    for r in results:
        if r.load_error:
            out["not_checked"] += 1
        for key, n in r.counts().items():
            out[key] += n
    return out


# How a source-map key is said, in the order a place is named: 「第4页第2个表格第3行第5列」.
_WHERE_WORDS = (("page", "第{}页", "page {}"), ("line", "第{}行", "line {}"), ("page_line", "第{}行", "line {}"),
                ("column", "第{}字", "character {}"),
                ("paragraph", "第{}段", "paragraph {}"), ("table", "第{}个表格", "table {}"),
                ("row", "第{}行", "row {}"), ("col", "第{}列", "column {}"))


def where_text(where: Mapping[str, int]) -> Text:
    """A source-map entry as a reader finds it in their file: 「第2个表格第22行第6列」, 「第5段」."""
    parts = [(zh.format(where[key]), en.format(where[key])) for key, zh, en in _WHERE_WORDS if key in where]
    return Text("".join(z for z, _ in parts) or "原文中", ", ".join(e for _, e in parts) or "the source")


def source_where(result: ReportResult, pointer: str) -> Mapping[str, int] | None:
    """Where ``pointer`` is in the file the report was read from (Word, PDF, HTML, text), or None.

    A cell missing from the source map (a cell the file did not print) is placed by its row, and a
    row by its table, each without the finer keys, which would name another cell."""
    sm = result.source_map or {}
    where = sm.get(pointer)
    if isinstance(where, Mapping) and where:
        return where
    parts = pointer.split("/")  # ["", "tables", table, row, column]
    if parts[1:2] != ["tables"]:
        return None
    for n, finer in ((4, ("col", "column")), (3, ("row", "col", "line", "page_line", "column"))):
        where = sm.get("/".join(parts[:n])) if len(parts) > n else None
        if isinstance(where, Mapping) and where:
            return {k: v for k, v in where.items() if k not in finer} or None
    return None


def source_place(result: ReportResult, finding: Finding, lang: str = "zh") -> str:
    """「第2个表格第22行第6列」 for the finding's first pointer the source map knows ('' when none)."""
    for p in finding.pointers:
        where = source_where(result, p)
        if where:
            return where_text(where).get(lang)
    return ""


def without_place(message: str, place: str) -> str:
    """The message without the place it starts with (「表三 · 科研机构 · （五）4 …：空白。…」 → 「空白。…」),
    for outputs that show the place in a column of its own."""
    for sep in ("：", ": "):
        if place and message.startswith(place + sep) and len(message) > len(place) + len(sep):
            return message[len(place) + len(sep):]
    return message
