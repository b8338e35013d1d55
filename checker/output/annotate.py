"""`gov-check annotate`: the unit's own Word file with a comment (批注) at each finding — on the table
cell, on the sentence a text rule quotes, or on the heading or paragraph it concerns — authored 「gov-check」, its
text the problem, 依据 and 修改建议.  Findings with no place in the file share one comment at the
title.  Comments are added with python-docx's comment support (≥ 1.2); nothing else of the
document changes (a run the sentence starts or ends inside is split in two, with its formatting),
and the original file is never touched (the caller writes the bytes returned).

Places come from the source map the Word loader made, and are found again with the loader's own
walk of the document (checker.loaders.docx_loader.body_items / table_grid), so a comment lands on
the paragraph and the cell the finding names."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any, Mapping

from checker.findings import ReportResult
from checker.messages import source_where
from checker.output.docx_format import clean
from checker.output.problems import Problem, problems

AUTHOR, INITIALS = "gov-check", "GC"
_SPACE = re.compile(r"\s+")


@dataclass
class Annotated:
    data: bytes
    placed: int  # comments on a cell or paragraph
    at_title: int  # findings gathered in the comment at the title


def _runs(paragraph: Any) -> list[Any]:
    """The runs of a paragraph, those inside hyperlinks included."""
    from docx.oxml.ns import qn
    from docx.text.run import Run

    return [Run(r, paragraph) for r in paragraph._p.iter(qn("w:r"))]


def _paragraph_runs(paragraph: Any) -> list[Any]:
    """What a comment on a paragraph spans; an empty paragraph gets one empty run to hold it (Word
    anchors a comment on runs)."""
    return _runs(paragraph) or [paragraph.add_run()]


def _sentence_runs(paragraph: Any, key: str) -> list[Any] | None:
    """The runs that hold exactly the sentence ``key`` (white space ignored), a run split where the
    sentence starts or ends inside it — the halves keep the run's formatting, so the document reads
    and looks the same.  None when the paragraph is not plain runs of text (fields, tabs, hyperlinks)
    or the sentence is not found whole: the comment then covers the paragraph."""
    import copy

    from docx.oxml.ns import qn
    from docx.text.run import Run

    runs = list(paragraph._p.iterchildren(qn("w:r")))
    if not runs or any(child.tag not in (qn("w:rPr"), qn("w:t")) for r in runs for child in r) \
            or len(list(paragraph._p.iter(qn("w:r")))) != len(runs):
        return None
    texts = ["".join(t.text or "" for t in r.iterchildren(qn("w:t"))) for r in runs]
    places = [(i, j) for i, text in enumerate(texts) for j, ch in enumerate(text) if not ch.isspace()]
    found = "".join(texts[i][j] for i, j in places).find(key)
    if found < 0:
        return None
    (first, start), (last, end) = places[found], places[found + len(key) - 1]
    end += 1

    def split(index: int, at: int) -> None:
        """Run ``index`` becomes two runs at character ``at``, each with the run's own properties."""
        r = runs[index]
        tail = copy.deepcopy(r)
        r.addnext(tail)
        for element, text in ((r, texts[index][:at]), (tail, texts[index][at:])):
            ts = list(element.iterchildren(qn("w:t")))
            for t in ts[1:]:
                element.remove(t)
            ts[0].text = text
            ts[0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        runs.insert(index + 1, tail)
        texts[index:index + 1] = [texts[index][:at], texts[index][at:]]

    if end < len(texts[last]):
        split(last, end)
    if start > 0:
        split(first, start)
        first, last = first + 1, last + 1
    return [Run(runs[first], paragraph), Run(runs[last], paragraph)]


def _cell_runs(tc: Any, parent: Any) -> list[Any]:
    from docx.table import _Cell

    cell = _Cell(tc, parent)
    return [r for p in cell.paragraphs for r in _runs(p)] or [cell.paragraphs[0].add_run()]


class _Places:
    """The document's paragraphs and tables, numbered as the Word loader numbered them."""

    def __init__(self, document: Any):
        from docx.text.paragraph import Paragraph

        from checker.loaders.docx_loader import body_items, paragraph_text

        self.document = document
        self.paragraphs: dict[int, Any] = {}
        self.texts: list[tuple[int, str]] = []
        self.tables: dict[int, Any] = {}
        for kind, n, element in body_items(document.element.body):
            if kind == "paragraph":
                self.paragraphs[n] = Paragraph(element, document._body)
                text = paragraph_text(element)
                if text.strip():
                    self.texts.append((n, _SPACE.sub("", text)))
            else:
                self.tables[n] = element

    def title_runs(self) -> list[Any]:
        first = self.texts[0][0] if self.texts else None
        if first is None:
            return _paragraph_runs(self.document.paragraphs[0] if self.document.paragraphs
                                   else self.document.add_paragraph())
        return _paragraph_runs(self.paragraphs[first])

    def runs_for(self, where: Mapping[str, int], quote: str | None) -> list[Any] | None:
        if quote:  # the sentence, in the first paragraph at or after the place the source map names
            key = _SPACE.sub("", quote)
            start = where.get("paragraph", 0)
            for n, text in self.texts:
                if n >= start and key and key[:40] in text:
                    return _sentence_runs(self.paragraphs[n], key) or _paragraph_runs(self.paragraphs[n])
        if "paragraph" in where and where["paragraph"] in self.paragraphs:
            return _paragraph_runs(self.paragraphs[where["paragraph"]])
        tbl = self.tables.get(where.get("table", -1))
        if tbl is None:
            return None
        from docx.table import Table

        from checker.loaders.docx_loader import table_grid

        row, col = where.get("row", 1), where.get("col", 1)
        for r, grid, _ in table_grid(tbl):
            if r == row and 1 <= col <= len(grid):
                return _cell_runs(grid[col - 1], Table(tbl, self.document._body))
        return None


def _comment_text(p: Problem, lang: str) -> list[str]:
    en = lang == "en"
    lines = [f"{p.number}. [{p.severity}] {p.problem}"]
    if p.basis:
        lines.append(("Basis: " if en else "依据：") + p.basis)
    if p.fix:
        lines.append(("Suggested fix: " if en else "修改建议：") + p.fix)
    return [clean(line) for line in lines]


def _add(document: Any, runs: list[Any], paragraphs: list[str]) -> None:
    comment = document.add_comment(runs, text=paragraphs[0], author=AUTHOR, initials=INITIALS)
    for line in paragraphs[1:]:
        comment.add_paragraph(line)


def annotate(original: bytes, result: ReportResult, rules: Mapping[str, type], lang: str = "zh") -> Annotated:
    """The original .docx with a comment at each finding (waived ones left out)."""
    import docx

    document = docx.Document(io.BytesIO(original))
    places = _Places(document)
    placed, unplaced = 0, []
    for p in problems(result, rules, lang):
        runs = None
        for pointer in p.shown.finding.pointers:
            where = source_where(result, pointer)
            if where:
                runs = places.runs_for(where, p.shown.finding.quote)
                if runs:
                    break
        if runs:
            lines = _comment_text(p, lang)
            lines[0] += clean(f"（{p.place}）" if lang != "en" else f" ({p.place})")
            _add(document, runs, lines)
            placed += 1
        else:
            unplaced.append(p)
    if unplaced:
        head = (f"gov-check 发现 {len(unplaced)} 项不对应文中具体位置的问题：" if lang != "en" else
                f"gov-check found {len(unplaced)} problems with no single place in the text:")
        lines = [head]
        for p in unplaced:
            lines += _comment_text(p, lang)
        _add(document, places.title_runs(), lines)
    buf = io.BytesIO()
    document.save(buf)
    return Annotated(buf.getvalue(), placed, len(unplaced))
