"""Which empty cells of a table row are layout rather than data.

Published tables carry empty cells that hold no value: the second half of a label merged over two
columns (a PDF or a Markdown conversion prints it as an empty cell after the label), and a trailing
empty cell after the last value (``| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |  |``).  A blank
*value* is data (never a zero), so empty cells are dropped only as whole runs at the row's ends and
only when that leaves exactly the template's cells in one way; otherwise the row is left for the
caller to report.
"""

from __future__ import annotations

from typing import Protocol, Sequence, TypeVar


class _HasText(Protocol):
    text: str


C = TypeVar("C", bound=_HasText)


def fit(values: Sequence[C], expected: int, wider_grid: bool = False) -> list[C] | None:
    """The ``expected`` value cells of ``values`` once the empty cells at its ends are dropped, or
    None when that does not leave exactly ``expected`` cells in one way.

    A run of empty cells at either end is dropped whole or not at all: two empty cells after a label
    are both the label's (merged over three columns), never one of them a blank value — which of the
    two would be a guess, and a guess can put every number one column off.  ``wider_grid`` (T2, whose
    blocks share a four-column grid) also allows the cells past the last expected one to be dropped
    when they are all empty."""
    if len(values) == expected:
        return list(values)
    lead = next((i for i, c in enumerate(values) if c.text.strip()), len(values))
    trail = next((i for i, c in enumerate(reversed(values)) if c.text.strip()), len(values))
    readings: dict[tuple[str, ...], list[C]] = {}
    for a in {0, lead}:
        for b in {0, trail}:
            kept = list(values[a:len(values) - b])
            if len(kept) == expected:
                readings.setdefault(tuple(c.text.strip() for c in kept), kept)
    if wider_grid and len(values) > expected and all(not c.text.strip() for c in values[expected:]):
        readings.setdefault(tuple(c.text.strip() for c in values[:expected]), list(values[:expected]))
    return next(iter(readings.values())) if len(readings) == 1 else None
