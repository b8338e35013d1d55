"""Helpers shared by the rule modules: judging cells by kind, and reporting broken sums."""

from __future__ import annotations

from typing import Iterable, Iterator

from checker.findings import Finding, Severity, Skip, Text
from checker.model import Cell, Kind, Sum, _fmt
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


def judge_cells(rule: Rule, cells: Iterable[Cell], amount: bool = False) -> Iterator[Finding | Skip]:
    """GC101/GC201/GC301: every cell a non-negative integer (an amount may be decimal).

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
        elif c.value is not None and c.value < 0:
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
