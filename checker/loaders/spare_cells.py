"""Which empty cells of a table row are layout rather than data.

Published tables carry empty cells that hold no value: the second half of a label merged over two
columns (a PDF or a Markdown conversion prints it as an empty cell after the label), and a trailing
empty cell after the last value (``| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |  |``).  A blank
*value* is data (never a zero), so an empty cell is dropped only when every way of dropping the
surplus gives the same values; otherwise the row is left for the caller to report.
"""

from __future__ import annotations

from typing import Protocol, Sequence, TypeVar


class _HasText(Protocol):
    text: str


C = TypeVar("C", bound=_HasText)


def fit(values: Sequence[C], expected: int) -> list[C] | None:
    """The ``expected`` value cells of ``values`` once surplus empty cells at either end are dropped,
    or None when there are too few cells, a surplus cell holds something, or the surplus could be
    dropped in more than one way with different results (「 | 1 | … | 」: which end is the blank?)."""
    surplus = len(values) - expected
    if surplus < 0:
        return None
    if surplus == 0:
        return list(values)
    readings: dict[tuple[str, ...], list[C]] = {}
    for lead in range(surplus + 1):
        dropped = list(values[:lead]) + list(values[lead + expected:])
        if all(not c.text.strip() for c in dropped):
            kept = list(values[lead:lead + expected])
            readings.setdefault(tuple(c.text.strip() for c in kept), kept)
    return next(iter(readings.values())) if len(readings) == 1 else None
