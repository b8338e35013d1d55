"""Decoding digit runs: a table row printed as digits with irregular or no separators
(「0 0 0 0 0 00」, 「1000001」, 「20 0 0 0 02」) split into the row's cells.

A space is a boundary; its absence is not evidence of none.  A cell has no leading zero (「0」 alone
is a cell) and holds at most one decimal point.  A row's run alone may allow one split (seven digits
for seven cells) — that is reading, not inferring.  When it allows several, the template's relations
(a row's total, a column's total, the balance of a column) choose among them, and a row is imported
only when every split of the whole table that satisfies every relation gives it the same cells.
Otherwise the row is left out with its candidate splits.  The search is bounded: a run of many digits
can allow thousands of splits, so candidates are capped and the cap is reported.

This module knows nothing of labels or of the report: callers describe the table as rows of runs and
the relations between their cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator, Sequence

MAX_SPLITS = 500  # candidate splits kept for one row
MAX_STEPS = 200_000  # cut positions tried for one row
MAX_TABLE_STEPS = 50_000  # partial assignments tried for one table (about a second at worst)
Cells = tuple[str, ...]
Place = tuple[str, int]  # (row id, column index)


@dataclass(frozen=True, slots=True)
class Relation:
    """Σ left = Σ right, over cells named by (row id, column index)."""

    left: tuple[Place, ...]
    right: tuple[Place, ...]
    name: str = ""


@dataclass(frozen=True, slots=True)
class RowRun:
    """One printed row: its id, how many cells it has, the run split at its spaces, and a check of a
    complete row against the relations inside it (e.g. total = sum of the parts), or None."""

    id: str
    width: int
    pieces: tuple[str, ...]
    inner: Callable[[Sequence[int | float]], bool] | None = None


@dataclass(slots=True)
class RowResult:
    id: str
    cells: Cells | None = None  # the split, when certain
    inferred: bool = False  # True when relations (not the digits alone) chose the split
    candidates: tuple[Cells, ...] = ()  # when left out: the splits still possible
    capped: bool = False  # the candidates were cut at MAX_SPLITS (or the search at MAX_STEPS / MAX_TABLE_STEPS)
    reason: str = ""  # when left out: none | ambiguous | inconsistent


@dataclass(slots=True)
class Decoded:
    rows: dict[str, RowResult] = field(default_factory=dict)
    # The relations that chose a split: ROW_RELATION for a row's own check, else each Relation's name.
    # Only those, so that a note never claims a relation that a missing row kept out of the search.
    used: set[str] = field(default_factory=set)

    @property
    def inferred(self) -> bool:
        return any(r.inferred for r in self.rows.values())


def pieces(run: str) -> tuple[str, ...]:
    """A printed run split at its spaces (any kind, any number)."""
    return tuple(run.split())


def _valid(token: str) -> bool:
    if not token or token.startswith(".") or token.endswith(".") or token.count(".") > 1:
        return False
    whole = token.split(".")[0]
    return whole == "0" or not whole.startswith("0")


def splits(parts: Sequence[str], width: int, limit: int = MAX_SPLITS) -> tuple[list[Cells], bool]:
    """Every way to cut the pieces into ``width`` cells (a piece is one or more whole cells), up to
    ``limit``; the flag says the enumeration was cut short."""
    out: list[Cells] = []
    steps = 0
    total_chars = [0] * (len(parts) + 1)
    for i in range(len(parts) - 1, -1, -1):
        total_chars[i] = total_chars[i + 1] + len(parts[i])

    def walk(i: int, pos: int, cells: list[str]) -> Iterator[None]:
        nonlocal steps
        if i == len(parts):
            if len(cells) == width:
                out.append(tuple(cells))
                yield
            return
        piece = parts[i]
        left = width - len(cells)
        # at least one cell per remaining piece, at most one per remaining character
        if left < len(parts) - i or left > total_chars[i + 1] + len(piece) - pos:
            return
        for end in range(pos + 1, len(piece) + 1):
            steps += 1
            if steps > MAX_STEPS:
                return
            token = piece[pos:end]
            if not _valid(token):
                if token.startswith("0") and token != "0" and not token.startswith("0."):
                    break  # a longer token from here has the same leading zero
                continue
            cells.append(token)
            if end == len(piece):
                yield from walk(i + 1, 0, cells)
            else:
                yield from walk(i, end, cells)
            cells.pop()
            if len(out) >= limit:
                return

    for _ in walk(0, 0, []):
        if len(out) >= limit:
            break
    return out, len(out) >= limit or steps > MAX_STEPS


def number(token: str) -> int | float:
    return float(token) if "." in token else int(token)


ROW_RELATION = "row"


def decode(rows: Sequence[RowRun], relations: Sequence[Relation] = ()) -> Decoded:
    """Each row's cells where they are certain; the others with their candidate splits."""
    result = Decoded()
    options: dict[str, list[Cells]] = {}
    narrowed: set[str] = set()  # rows whose own check removed candidates
    for row in rows:
        found, capped = splits(row.pieces, row.width)
        if not found:
            result.rows[row.id] = RowResult(row.id, reason="none")
            continue
        fitting = [c for c in found if row.inner is None or row.inner([number(t) for t in c])]
        if len(found) > 1 and not capped and fitting and len(fitting) < len(found):
            narrowed.add(row.id)
        if len(found) == 1 and not capped:
            result.rows[row.id] = RowResult(row.id, cells=found[0])
            options[row.id] = found
        elif capped:
            result.rows[row.id] = RowResult(row.id, candidates=tuple(fitting or found), capped=True, reason="ambiguous")
        elif not fitting:
            result.rows[row.id] = RowResult(row.id, candidates=tuple(found), reason="inconsistent")
        else:
            options[row.id] = fitting
            if len(fitting) == 1:
                result.rows[row.id] = RowResult(row.id, cells=fitting[0], inferred=True)
    # Relations among rows: only those whose rows all have candidates can choose among them.
    usable = [r for r in relations if all(p[0] in options for p in r.left + r.right)]
    open_rows = [rid for rid, cands in options.items() if len(cands) > 1]
    if not open_rows:
        return _note_row_relation(result, narrowed)
    involved = [r for r in usable if any(p[0] in open_rows for p in r.left + r.right)]
    order = sorted(open_rows, key=lambda rid: len(options[rid]))
    position = {rid: i for i, rid in enumerate(order)}
    due: dict[int, list[Relation]] = {}
    for rel in involved:
        last = max(position.get(p[0], -1) for p in rel.left + rel.right)
        due.setdefault(last, []).append(rel)
    chosen: dict[str, Cells] = {rid: cands[0] for rid, cands in options.items() if len(cands) == 1}
    seen: dict[str, set[Cells]] = {rid: set() for rid in order}
    solutions = 0
    steps = 0
    capped = False

    def value(p: Place) -> int | float:
        return number(chosen[p[0]][p[1]])

    def holds(rel: Relation) -> bool:
        return sum(value(p) for p in rel.left) == sum(value(p) for p in rel.right)

    def search(k: int) -> None:
        nonlocal solutions, steps, capped
        if capped:
            return
        if k == len(order):
            solutions += 1
            for rid in order:
                seen[rid].add(chosen[rid])
            return
        rid = order[k]
        for cand in options[rid]:
            steps += 1
            if steps > MAX_TABLE_STEPS or solutions >= MAX_SPLITS:
                capped = True
                return
            chosen[rid] = cand
            if all(holds(rel) for rel in due.get(k, ())):
                search(k + 1)
        chosen.pop(rid, None)

    search(0)
    for rid in order:
        if capped:
            result.rows[rid] = RowResult(rid, candidates=tuple(options[rid]), capped=True, reason="ambiguous")
        elif solutions == 0:
            result.rows[rid] = RowResult(rid, candidates=tuple(options[rid]), reason="inconsistent")
        elif len(seen[rid]) == 1:
            result.rows[rid] = RowResult(rid, cells=next(iter(seen[rid])), inferred=True)
        else:
            kept = tuple(c for c in options[rid] if c in seen[rid])
            result.rows[rid] = RowResult(rid, candidates=kept, reason="ambiguous")
    if any(result.rows[rid].cells is not None for rid in order):
        result.used.update(rel.name for rel in involved if rel.name)
    return _note_row_relation(result, narrowed)


def _note_row_relation(result: Decoded, narrowed: set[str]) -> Decoded:
    """Record the rows' own check as used when a row it narrowed was read."""
    if any(rid in result.rows and result.rows[rid].cells is not None for rid in narrowed):
        result.used.add(ROW_RELATION)
    return result
