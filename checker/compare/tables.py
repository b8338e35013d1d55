"""The two years' tables side by side: every cell last year → this year as printed (a blank stays a
blank, a mark stays a mark: never 0), the change and 同比 % where both are numbers, large changes
flagged, and the cross-year identities (GC701's carry-over, GC702's roll-forward) with both sides."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from checker import labels
from checker.identities import Identity, carry_over, roll_forward
from checker.model import Cell, Kind, Report


@dataclass(frozen=True, slots=True)
class Thresholds:
    """A change is large when the larger of the two years' figures is more than ``ratio`` times the
    smaller — this year more than 5× last year's, or less than 1/5 (0.2×) of it; a figure appearing
    from 0 or falling to 0 always passes this test — and the larger figure is at least ``minimum``.

    The floor is on the larger of the two years, not on last year's figure (the base of 同比 %), so
    that a rise and the matching fall are judged alike: 0 → 50 (something new, where 同比 cannot even
    be computed) and 3 → 30 are worth explaining just as 50 → 0 and 30 → 3 are; 1 → 6 and 8 → 1 are
    small numbers moving, not flagged."""

    ratio: float = 5.0
    minimum: float = 10.0

    def is_large(self, last: int | float, this: int | float) -> bool:
        low, high = sorted((abs(last), abs(this)))
        if last == this or high < self.minimum:
            return False
        return low == 0 or high / low > self.ratio


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
        out["large"] = limits.is_large(a, b)  # type: ignore[arg-type]
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
    roll-forward (last year's 现行有效 + 本年制发 − 本年废止 = 现行有效; GC702), as
    :mod:`checker.identities` computes them for the rules, each with both sides as printed and
    whether it holds: true, false, or null with the reason when a side is not a number."""
    en = lang == "en"
    out = []
    for identity in carry_over(last, this):
        name = identity.label.en if en else identity.label.zh
        out.append(_identity(
            identity,
            f"Table 3 · {name}: last year's IV (carried forward) = this year's II (carried over)" if en else
            f"表三 · {name}：上年「四、结转下年度继续办理」= 本年「二、上年结转」",
            shown(identity.left[0], lang), lang))
    for identity in roll_forward(last, this):
        name = identity.label.en if en else identity.label.zh
        before, issued, repealed = (shown(c, lang) for c in identity.left)
        out.append(_identity(
            identity,
            f"Table 2 · {name}: in force last year + issued − repealed = in force" if en else
            f"表二 · {name}：上年现行有效 + 本年制发 − 本年废止 = 本年现行有效",
            f"{before} + {issued} − {repealed}", lang))
    return out


def _identity(identity: Identity, label: str, left_shown: str, lang: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"kind": identity.kind, "rule": identity.rule, "label": label,
                             "left": {"expression": left_shown, "value": None},
                             "right": {"expression": shown(identity.right, lang), "value": None}, "holds": None,
                             "difference": None, "reason": None}
    if identity.unknown:
        what = "、".join(f"{labels.describe(c.pointer, lang)}（{_kind_word(c, lang)}）" for c in identity.unknown)
        entry["reason"] = f"{what} 不是数字，无法核对" if lang != "en" else f"{what}: not a number, cannot be checked"
        return entry
    entry["left"]["value"], entry["right"]["value"] = identity.expected, identity.right.value
    if len(identity.left) > 1:
        entry["left"]["expression"] += f" = {_fmt(identity.expected)}"
    entry["holds"] = identity.holds
    entry["difference"] = identity.difference
    return entry


def _kind_word(cell: Cell, lang: str) -> str:
    return cell.kind.zh if lang != "en" else cell.kind.value
