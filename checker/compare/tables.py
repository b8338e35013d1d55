"""The two years' tables side by side: every cell last year → this year as printed (a blank stays a
blank, a mark stays a mark: never 0), the change and 同比 % where both are numbers, large changes
flagged, and the cross-year identities (GC701's carry-over, GC702's roll-forward) with both sides."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from checker import labels
from checker.model import Cell, Kind, Report


@dataclass(frozen=True, slots=True)
class Thresholds:
    """A change is large when this year's figure is more than ``ratio`` times last year's, or less
    than 1/``ratio`` of it (a figure appearing from 0 or falling to 0 included), and the larger of
    the two is at least ``base``: 3 → 30 is worth explaining, 1 → 6 is not."""

    ratio: float = 5.0
    base: float = 10.0


def shown(cell: Cell, lang: str) -> str:
    """A cell as the report printed it; a blank and a missing cell say so in words."""
    zh = lang != "en"
    if cell.kind is Kind.MISSING:
        return "（无此格）" if zh else "(no such cell)"
    if cell.kind is Kind.BLANK:
        return "（空白）" if zh else "(blank)"
    if cell.kind is Kind.NUMBER:
        return _fmt(cell.value)
    return str(cell.raw).strip() or str(cell.raw)


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".")
    return str(value)


def _side(cell: Cell, lang: str) -> dict[str, Any]:
    return {"raw": cell.raw, "kind": cell.kind.value, "value": cell.value, "shown": shown(cell, lang)}


def cell_change(before: Cell, now: Cell, limits: Thresholds, lang: str) -> dict[str, Any]:
    # a cell one year's template does not have is not a change: it shows as 「无此格」
    comparable = Kind.MISSING not in (before.kind, now.kind)
    out: dict[str, Any] = {"pointer": now.pointer if now.kind is not Kind.MISSING else before.pointer,
                           "last": _side(before, lang), "this": _side(now, lang), "change": None, "percent": None,
                           "large": False, "changed": comparable and (before.kind, before.value) != (now.kind, now.value)}
    if before.kind is Kind.NUMBER and now.kind is Kind.NUMBER:
        a, b = before.value, now.value
        change = b - a  # type: ignore[operator]
        out["change"] = round(change, 4) if isinstance(change, float) else change
        if a:
            out["percent"] = round(100 * change / a, 1)  # type: ignore[operator]
        big = max(abs(a), abs(b)) >= limits.base  # type: ignore[arg-type]
        if big and (a == 0 or b == 0 or b / a > limits.ratio or b / a < 1 / limits.ratio):  # type: ignore[operator]
            out["large"] = a != b
    return out


def _grid(last: Report, this: Report, table: str, rows: tuple[labels.Label, ...], columns: tuple[labels.Label, ...],
          limits: Thresholds, lang: str, title: str) -> dict[str, Any]:
    en = lang == "en"
    out_rows = []
    for r in rows:
        cells = [cell_change(last.cell(table, r.id, c.id), this.cell(table, r.id, c.id), limits, lang) for c in columns]
        out_rows.append({"id": r.id, "label": r.en if en else r.place, "cells": cells})
    return {"title": title, "columns": [c.en if en else c.place for c in columns], "rows": out_rows}


def compare_tables(last: Report, this: Report, limits: Thresholds, lang: str = "zh") -> list[dict[str, Any]]:
    en = lang == "en"
    out = []
    t2_name = "t2_2019" if this.template == "2019" else "t2"
    t2: dict[str, Any] = {"id": "t2", "title": _table_title("t2", lang), "grids": [], "note": None}
    if not (last.has_table("t2") or last.has_table("t2_2019")) and not (this.has_table("t2") or this.has_table("t2_2019")):
        t2["note"] = "两年的报告都没有表二" if not en else "neither report has Table 2"
    elif last.template != this.template:
        t2["note"] = (f"两年的表二模板不同（上年 {last.template}，本年 {this.template}），栏目不同，不逐格比较" if not en else
                      f"Table 2 is in different templates ({last.template} / {this.template}); its cells are not compared")
    else:
        for block in labels.t2_blocks(this.template):
            t2["grids"].append(_grid(last, this, t2_name, block.rows, block.columns, limits, lang, block.item))
    out.append(t2)
    t3_rows = labels.t3_rows(this.template)
    if last.template != this.template:  # the other template's rows too (the 2019 template's single （六）)
        known = {r.id for r in t3_rows}
        extra = tuple(r for r in labels.t3_rows(last.template) if r.id not in known)
        at = [r.id for r in t3_rows].index("results_total")
        t3_rows = t3_rows[:at] + extra + t3_rows[at:]
    t3 = {"id": "t3", "title": _table_title("t3", lang), "note": None,
          "grids": [_grid(last, this, "t3", t3_rows, labels.T3_COLUMNS, limits, lang, "")]}
    if last.template != this.template:
        t3["note"] = ("两年模板不同：（六）其他处理 的行不同，没有对应的格显示为「无此格」" if not en else
                      "different templates: the rows of III.(6) differ; cells with no counterpart show as such")
    out.append(t3)
    out.append({"id": "t4", "title": _table_title("t4", lang), "note": None,
                "grids": [_grid(last, this, "t4", labels.T4_BLOCKS, labels.T4_COLUMNS, limits, lang, "")]})
    return out


def _table_title(table: str, lang: str) -> str:
    i = 0 if lang != "en" else 1
    return f"{labels.TABLE_NAMES[table][i]} {labels.TABLE_TITLES[table][i]}"


def identities(last: Report, this: Report, lang: str = "zh") -> list[dict[str, Any]]:
    """The carry-over (last year's 四 → this year's 二, per T3 column; GC701) and the T2 stock
    roll-forward (last year's 现行有效 + 本年制发 − 本年废止 = 现行有效; GC702), each with both sides
    and whether it holds: true, false, or null with the reason when a side is not a number."""
    en = lang == "en"
    out = []
    for col in labels.T3_COLUMNS:
        before, now = last.t3("carried_forward", col.id), this.t3("carried_over", col.id)
        name = col.en if en else col.zh
        out.append(_identity(
            "carry_over", "GC701",
            f"Table 3 · {name}: last year's IV (carried forward) = this year's II (carried over)" if en else
            f"表三 · {name}：上年「四、结转下年度继续办理」= 本年「二、上年结转」",
            (before,), shown(before, lang), (now,), shown(now, lang), lang))
    if last.template == "2021" and this.template == "2021":
        for row in labels.T2_2021[0].rows:
            before = last.t2(row.id, "in_force")
            issued, repealed, now = (this.t2(row.id, c) for c in ("issued", "repealed", "in_force"))
            name = row.en if en else row.zh
            left = f"{shown(before, lang)} + {shown(issued, lang)} − {shown(repealed, lang)}"
            out.append(_identity(
                "roll_forward", "GC702",
                f"Table 2 · {name}: in force last year + issued − repealed = in force" if en else
                f"表二 · {name}：上年现行有效 + 本年制发 − 本年废止 = 本年现行有效",
                (before, issued, repealed), left, (now,), shown(now, lang), lang, signs=(1, 1, -1)))
    return out


def _identity(kind: str, rule: str, label: str, left_cells: tuple[Cell, ...], left_shown: str,
              right_cells: tuple[Cell, ...], right_shown: str, lang: str, signs: tuple[int, ...] = (1,)) -> dict[str, Any]:
    unknown = [c for c in left_cells + right_cells if not c.is_number]
    entry: dict[str, Any] = {"kind": kind, "rule": rule, "label": label, "left": {"expression": left_shown, "value": None},
                             "right": {"expression": right_shown, "value": None}, "holds": None, "difference": None,
                             "reason": None}
    if unknown:
        what = "、".join(f"{labels.describe(c.pointer, lang)}（{_kind_word(c, lang)}）" for c in unknown)
        entry["reason"] = f"{what} 不是数字，无法核对" if lang != "en" else f"{what}: not a number, cannot be checked"
        return entry
    left = sum(s * c.value for s, c in zip(signs, left_cells))  # type: ignore[misc]
    right = right_cells[0].value
    entry["left"]["value"], entry["right"]["value"] = left, right
    if len(left_cells) > 1:
        entry["left"]["expression"] += f" = {_fmt(left)}"
    entry["holds"] = left == right
    entry["difference"] = None if left == right else right - left  # type: ignore[operator]
    return entry


def _kind_word(cell: Cell, lang: str) -> str:
    return cell.kind.zh if lang != "en" else cell.kind.value
