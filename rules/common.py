"""Helpers shared by the rule modules: judging cells by kind, and reporting broken sums."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable, Iterator

from checker import labels
from checker.dates import closing_date, find_dates, parse_date
from checker.findings import Finding, Severity, Skip, Text
from checker.model import Cell, Kind, Report, Sum, _fmt, total
from checker.rule import Rule

CELL_MESSAGES = {
    "blank": ("{place}：空白。空白不等于 0，请填写数字（没有发生的填 0）",
              "{place}: blank. A blank is not a zero; fill in the number (0 if none)"),
    "mark": ("{place}：填写了「{raw}」，应填写数字（没有发生的填 0）",
             "{place}: reads “{raw}”; a number is required (0 if none)"),
    "text": ("{place}：填写了文字「{raw}」，应为非负整数", "{place}: reads “{raw}”, not a non-negative whole number"),
    "negative": ("{place}：为负数 {value}，应为非负数", "{place}: negative number {value}"),
    "fraction": ("{place}：{value} 不是整数，件数应为整数", "{place}: {value} is not a whole number"),
}


_TABLE_NAMES = {"t2": ("表二", "Table 2"), "t2_2019": ("表二", "Table 2"), "t3": ("表三", "Table 3"), "t4": ("表四", "Table 4")}

BLANK_MESSAGES = {
    "table_blank": ("{place}：整张表空白（{count} 格都没有填写），请按模板填写数字（没有发生的填 0）",
                    "{place}: the whole table is blank ({count} cells); fill in the numbers (0 if none)"),
    "column_blank": ("{place}：「{column}」一列全部空白（{count} 格），请填写数字（没有发生的填 0）",
                     "{place}: the column “{column_en}” is blank throughout ({count} cells); fill in the numbers (0 if none)"),
    "block_blank": ("{place}：「{column}」一组全部空白（{count} 格），请填写数字（没有发生的填 0）",
                    "{place}: the block “{column_en}” is blank throughout ({count} cells); fill in the numbers (0 if none)"),
}


def missing_table(rule: Rule, table: str) -> Skip:
    """The skip of a table rule on a report that lacks the table.  The rule only runs on reports in a
    template that has the table (others are not applicable), so the template requires it: the data
    is insufficient — never a pass."""
    zh, en = _TABLE_NAMES.get(table, (table, table))
    return rule.insufficient(f"报告中没有{zh}（模板要求填报），无法核对", f"the report has no {en}, which the template requires",
                             f"/tables/{table}")


def judge_grid(rule: Rule, table: str, columns: Iterable[tuple[str, str, list[Cell]]], amount_columns: Iterable[str] = (),
               signed_columns: Iterable[str] = (), message: str = "column_blank") -> Iterator[Finding | Skip]:
    """GC101/GC201/GC301 on a whole table: a table with its heading but no number in it gives one
    finding for the table, a column blank throughout one finding for the column (not one per cell);
    every other cell is judged by :func:`judge_cells`.  ``columns`` holds (id, name zh, name en) and
    the column's cells."""
    columns = [(cid, names, [c for c in cells if c.kind is not Kind.MISSING]) for cid, names, cells in columns]
    present = [c for _, _, cells in columns for c in cells]
    if present and all(c.kind is Kind.BLANK for c in present):
        yield rule.finding("table_blank", f"/tables/{table}", severity=Severity.WARNING, count=len(present))
        return
    amount_columns, signed_columns = set(amount_columns), set(signed_columns)
    for cid, (zh, en), cells in columns:
        if len(cells) > 1 and all(c.kind is Kind.BLANK for c in cells):
            yield rule.finding(message, f"/tables/{table}", *(c.pointer for c in cells), severity=Severity.WARNING,
                               column=zh, column_en=en, count=len(cells))
            continue
        yield from judge_cells(rule, cells, amount=cid in amount_columns, signed=cid in signed_columns)


def judge_cells(rule: Rule, cells: Iterable[Cell], amount: bool = False, signed: bool = False) -> Iterator[Finding | Skip]:
    """GC101/GC201/GC301: every cell a non-negative integer (an amount may be decimal; a ``signed``
    cell, such as the 2019 template's 「本年增/减」, may be negative).

    Blank cells and not-applicable marks are warnings; text, negative and fractional counts errors.
    Missing cells are left to GC001, which names them.
    """
    for c in cells:
        if c.kind is Kind.MISSING:
            continue
        if c.kind is Kind.BLANK:
            yield rule.finding("blank", c.pointer, severity=Severity.WARNING, raw=c.raw)
        elif c.kind is Kind.MARK:
            yield rule.finding("mark", c.pointer, severity=Severity.WARNING, raw=str(c.raw).strip())
        elif c.kind is Kind.TEXT:
            yield rule.finding("text", c.pointer, severity=Severity.ERROR, raw=str(c.raw).strip()[:40])
        elif c.value is not None and c.value < 0 and not signed:
            yield rule.finding("negative", c.pointer, severity=Severity.ERROR, value=c.value)
        elif not amount and not float(c.value).is_integer():  # type: ignore[arg-type]
            yield rule.finding("fraction", c.pointer, severity=Severity.ERROR, value=c.value)


def unknown_cells(*sums: Sum | Cell) -> tuple[Cell, ...]:
    out: list[Cell] = []
    for s in sums:
        out.extend(s.unknown if isinstance(s, Sum) else (() if s.is_number else (s,)))
    return tuple(out)


def insufficient(rule: Rule, what: Text, cells: Iterable[Cell]) -> Skip:
    """The skip a rule yields when cells it needs are not numbers: it names each one."""
    cells = tuple(cells)
    names_zh = "、".join(f"{c.place()}（{c.kind.zh}）" for c in cells[:5]) + ("等" if len(cells) > 5 else "")
    names_en = ", ".join(f"{c.place('en')} ({c.kind.value})" for c in cells[:5]) + (" …" if len(cells) > 5 else "")
    return rule.insufficient(f"{what.zh}：{names_zh}不是数字，无法核对", f"{what.en}: {names_en} not a number, cannot check",
                             *(c.pointer for c in cells))


def fmt(value: object) -> str:
    return _fmt(value)


def terms(cells: Iterable[Cell], labels: Iterable[str] | None = None, skip_zero: bool = False) -> str:
    """「20 + 10 + 1」, or with labels 「予以公开 20 + 部分公开 10」; zero terms may be left out."""
    cells = list(cells)
    names = list(labels) if labels is not None else [""] * len(cells)
    parts = [f"{n} {fmt(c.value)}".strip() for c, n in zip(cells, names) if not (skip_zero and c.value == 0)]
    return " + ".join(parts) if parts else "0"


# ---------------------------------------------------------------------------------------------
# T3 identities member by member (GC202–GC205 share their arithmetic)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Difference:
    """One member of a T3 identity (a column, or a row): stated side minus the other, or unknown."""

    id: str  # the column id (R1, R2) or row id (R3)
    difference: int | float | None  # None: some cell is not a number
    cells: tuple[Cell, ...]
    unknown: tuple[Cell, ...]


def _difference(id: str, left: Sum, right: Sum) -> Difference:
    cells, unknown = left.cells + right.cells, left.unknown + right.unknown
    if unknown:
        return Difference(id, None, cells, unknown)
    return Difference(id, left.value - right.value, cells, ())  # type: ignore[operator]


def t3_balance_differences(report: Report) -> list[Difference]:
    """R1 per column: (一 + 二) − (三（七） + 四)."""
    return [_difference(c.id, total((report.t3("new_received", c.id), report.t3("carried_over", c.id))),
                        total((report.t3("results_total", c.id), report.t3("carried_forward", c.id))))
            for c in labels.T3_COLUMNS]


def t3_results_differences(report: Report) -> list[Difference]:
    """R2 per column: 三（七）总计 − the sum of the result rows."""
    rows = labels.t3_result_rows(report.template)
    return [_difference(c.id, total((report.t3("results_total", c.id),)), total(report.t3(r, c.id) for r in rows))
            for c in labels.T3_COLUMNS]


def t3_row_differences(report: Report) -> list[Difference]:
    """R3 per row: 总计 − the sum of the six applicant columns."""
    return [_difference(r.id, total((report.t3(r.id, "total"),)),
                        total(report.t3(r.id, c) for c in labels.T3_APPLICANT_COLUMNS))
            for r in report.t3_rows()]


# ---------------------------------------------------------------------------------------------
# The report's date (GC601, GC602)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReportDate:
    """The date a report carries and where it was read."""

    date: date
    pointer: str
    source: Text  # 「发布日期」, 「落款」 …
    printed: str


def report_date(report: Report) -> ReportDate | None:
    """The publication date, else the signing date, from the metadata; else the date the signature
    (or, without one, the last lines of the last part) ends with."""
    for key, zh, en in (("publication_date", "发布日期", "publication date"), ("signing_date", "落款日期", "signing date")):
        raw = report.meta(key)
        d = parse_date(raw) if isinstance(raw, str) else None
        if d:
            return ReportDate(d, f"/metadata/{key}", Text(zh, en), raw)
    found = find_dates(report.signature)
    if found:
        return ReportDate(found[-1].date, "/signature", Text("落款", "signature"), found[-1].text)
    if report.sections:
        last = report.sections[-1]
        tail = closing_date(last.text)
        if tail:
            return ReportDate(tail.date, last.pointer, Text("正文末尾的落款", "closing line of the text"), tail.text)
    return None


# ---------------------------------------------------------------------------------------------
# Last year's report (GC7xx)
# ---------------------------------------------------------------------------------------------

