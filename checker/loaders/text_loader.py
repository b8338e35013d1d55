"""Plain text and Markdown reports (text copied out of a web page, Word or PDF) → paragraphs and
table rows for the shared assembler.

Text copied out of a table comes in a few shapes, all read here:
- one cell per line, each indented by a tab, rows separated by blank lines (copied from a web page);
  a cell's label may go on over the next line(s) without the tab (「商业\\n企业」, 「结果\\n\\n纠正」);
- one row per line, cells separated by tabs (copied from Word or a spreadsheet);
- Markdown tables as converters write them: ``| a | b |``, or without the leading or the trailing
  pipe (``a | b |``, ``| a | b``, ``a | b | c``), ``<br>`` for a line break inside a cell.
Only the tab or pipe that marks a cell is layout; everything else in a cell is kept as printed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from checker.loaders import Loaded, LoadOptions, flat
from checker.loaders.encoding import decode
from checker.loaders.layout import Block, Cell, Para, Row, assemble, spaced_row, value_like

_SENTENCE = re.compile(r"[。；;，,：:！？]")
_BR = re.compile(r"<br\s*/?>", re.I)
_RULE = re.compile(r":?-{2,}:?")
_STRONG = re.compile(r"^(\*\*|__)(.+)\1$")


def pipe_cells(line: str) -> list[str] | None:
    """The cells of a Markdown table row, or None for a line that is no such row.  A row begins or
    ends with a pipe, or has at least two; the pipes at its ends are optional (converters differ)."""
    t = line.strip()
    if t.count("|") < 2 and not t.startswith("|") and not t.endswith("|"):
        return None
    if t.startswith("|"):
        t = t[1:]
    if t.endswith("|"):
        t = t[:-1]
    return [_BR.sub("\n", c).strip(" \t") for c in t.split("|")]  # a full-width space is text


def blocks(text: str, extensions: Any = None) -> list[Block]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[Block] = []
    row: list[list] = []  # [text, line] per cell of the row being read
    blank_run = 0

    def end_row() -> None:
        if row:
            out.append(Row(tuple(Cell(t, {"line": n}) for t, n in row), {"line": row[0][1]}))
            row.clear()

    for number, line in enumerate(lines, 1):
        cells = pipe_cells(line) if "|" in line else None
        if cells is not None:  # Markdown table row
            end_row()
            if not all(_RULE.fullmatch(c) for c in cells if c):
                out.append(Row(tuple(Cell(c, {"line": number}) for c in cells), {"line": number}))
            blank_run = 0
            continue
        if line.startswith("\t"):
            body = line[1:]
            if "\t" in body.strip("\t"):  # one row per line, cells separated by tabs
                end_row()
                parts = body.split("\t")
                out.append(Row(tuple(Cell(c, {"line": number}) for c in parts), {"line": number}))
            else:
                if blank_run and row:
                    end_row()
                row.append([body.rstrip("\t"), number])
            blank_run = 0
            continue
        if not line.strip():
            blank_run += 1
            continue
        # A short piece of a label that went on over the next line: part of the last cell.
        if row and blank_run <= 1 and not value_like(row[-1][0]) and len(line.strip()) <= 12 \
                and not _SENTENCE.search(line):
            row[-1][0] += "\n" + line
            blank_run = 0
            continue
        end_row()
        blank_run = 0
        spaced = spaced_row(line, {"line": number}, extensions)
        if spaced is not None:
            out.append(spaced)
            continue
        if line.startswith("#"):
            line = line.lstrip("#").strip()
        strong = _STRONG.match(line.strip())
        if strong:  # a Markdown conversion's bold heading or title: 「**一、总体情况**」
            line = strong.group(2).strip()
        out.append(Para(line, {"line": number}))
    end_row()
    return out


def load(path: Path, data: bytes, options: LoadOptions) -> Loaded:
    text = decode(path, data)
    if flat.is_flat(text):
        found, notes = flat.blocks(text, options.template)
        return assemble(found, fmt="text", options=options, file=path, findings=notes)
    return assemble(blocks(text, options.template), fmt="text", options=options, file=path)
