"""The cross-year identities between two consecutive reports of one organ, computed in one place
for the rules (GC701, GC702) and the year-over-year comparison: Table 3's carry-over (last year's
「四、结转下年度继续办理」 = this year's 「二、上年结转」, per column) and Table 2's stock roll-forward
(last year's 现行有效 + 本年制发 − 本年废止 = 本年现行有效, per row, 2021 template both years)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from checker import labels
from checker.model import Cell, Report

ROLL_FORWARD_TEMPLATE = "2021"  # the 2019 template's 对外公开总数量 is no stock of documents in force


@dataclass(frozen=True, slots=True)
class Identity:
    """``sum(sign × left) = right``, each side a cell of either year.  ``label`` is the T3 column
    (carry-over) or the T2 row (roll-forward) the identity is about."""

    kind: Literal["carry_over", "roll_forward"]
    rule: str
    label: labels.Label
    left: tuple[Cell, ...]
    signs: tuple[int, ...]
    right: Cell

    @property
    def unknown(self) -> tuple[Cell, ...]:
        """The cells that are not numbers (blank, mark, text, missing), left side first."""
        return tuple(c for c in self.left + (self.right,) if not c.is_number)

    @property
    def expected(self) -> int | float | None:
        """The left side's value, None when one of its cells is not a number."""
        if any(not c.is_number for c in self.left):
            return None
        return sum(s * c.value for s, c in zip(self.signs, self.left))  # type: ignore[misc]

    @property
    def holds(self) -> bool | None:
        """Whether both sides are equal; None when a side is not known."""
        if self.unknown:
            return None
        return self.expected == self.right.value

    @property
    def difference(self) -> int | float | None:
        """Right side − left side when both are known and they differ (the rules' 「相差」)."""
        if self.holds is not False:
            return None
        return self.right.value - self.expected  # type: ignore[operator]


def carry_over(last: Report, this: Report) -> tuple[Identity, ...]:
    """One identity per T3 column: last year's 四 (carried forward) = this year's 二 (carried over)."""
    return tuple(Identity("carry_over", "GC701", col, (last.t3("carried_forward", col.id),), (1,),
                          this.t3("carried_over", col.id)) for col in labels.T3_COLUMNS)


def roll_forward(last: Report, this: Report) -> tuple[Identity, ...]:
    """One identity per T2 row (规章, 行政规范性文件) when both years are in the 2021 template, else none:
    last year's in force + this year's issued − repealed = this year's in force."""
    if last.template != ROLL_FORWARD_TEMPLATE or this.template != ROLL_FORWARD_TEMPLATE:
        return ()
    return tuple(Identity("roll_forward", "GC702", row,
                          (last.t2(row.id, "in_force"), this.t2(row.id, "issued"), this.t2(row.id, "repealed")),
                          (1, 1, -1), this.t2(row.id, "in_force")) for row in labels.T2_2021[0].rows)
