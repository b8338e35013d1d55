"""Typed, read-only access to a report document for rule authors.

Cells carry their kind (number / blank / mark / text / missing) so that no rule ever imputes a
zero; sections are matched to the six canonical parts by meaning; ``total`` adds cells up or says
which of them are not numbers.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import cached_property, lru_cache
from typing import Any, TypeVar

from checker import labels
from checker.organs import infer_kind
from checker.textnum import MAX_DIGITS


T = TypeVar("T")


class Kind(str, Enum):
    NUMBER = "number"
    BLANK = "blank"  # null, or an empty string: the report printed nothing
    MARK = "mark"  # 「/」 「—」 「-」 「不适用」: the organ says the cell does not apply
    TEXT = "text"  # 「无」, 「详见附表」, or anything else that is not a number
    MISSING = "missing"  # the document has no such cell at all

    @property
    def zh(self) -> str:
        return {"number": "数字", "blank": "空白", "mark": "不适用标记", "text": "文字", "missing": "缺失"}[self.value]


MARKS = frozenset({"/", "//", "-", "--", "---", "—", "——", "―", "–", "~", "不适用", "无此项", "/ ", "\\", "×", "—/—"})
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
_LARGEST = 10 ** MAX_DIGITS  # a cell's number must be smaller: a longer one is text (checker.textnum.MAX_DIGITS)


def parse_value(raw: Any) -> tuple[Kind, int | float | None]:
    """Interpret one cell as printed.  Strings that are unambiguous numbers (full-width digits,
    surrounding spaces of any kind, thousands separators) are numbers; nothing is ever imputed."""
    if raw is None:
        return Kind.BLANK, None
    if isinstance(raw, bool):
        return Kind.TEXT, None
    if isinstance(raw, int):  # past MAX_DIGITS digits not a count (and past 4,300 not even printable): text
        return (Kind.NUMBER, raw) if -_LARGEST < raw < _LARGEST else (Kind.TEXT, None)
    if isinstance(raw, float):
        if not math.isfinite(raw) or abs(raw) >= _LARGEST:
            return Kind.TEXT, None
        return Kind.NUMBER, int(raw) if raw.is_integer() and abs(raw) < 2**53 else raw
    if not isinstance(raw, str):
        return Kind.TEXT, None
    s = unicodedata.normalize("NFKC", raw).strip()
    if not s:
        return Kind.BLANK, None
    if s in MARKS or set(s) <= set("/-—―–~ "):
        return Kind.MARK, None
    s = s.replace("，", ",")
    if _THOUSANDS.match(s):
        s = s.replace(",", "")
    if _NUMBER.match(s) and len(s) < 30:
        return (Kind.NUMBER, float(s)) if "." in s else (Kind.NUMBER, int(s))
    return Kind.TEXT, None


@dataclass(frozen=True, slots=True)
class Cell:
    pointer: str
    raw: Any
    kind: Kind
    value: int | float | None

    @property
    def is_number(self) -> bool:
        """A number (int or float) was printed."""
        return self.kind is Kind.NUMBER

    @property
    def is_count(self) -> bool:
        """A non-negative whole number, as every count of the template must be."""
        return self.kind is Kind.NUMBER and float(self.value).is_integer() and self.value >= 0  # type: ignore[arg-type]

    def place(self, lang: str = "zh") -> str:
        """The cell as a reader names it: 「表三 · 商业企业 · （七）总计」."""
        return labels.describe(self.pointer, lang)


@dataclass(frozen=True, slots=True)
class Sum:
    """The sum of some cells, or (value None) the cells that kept it from being known."""

    value: int | float | None
    cells: tuple[Cell, ...]
    unknown: tuple[Cell, ...]

    @property
    def known(self) -> bool:
        """Whether every cell was a number, so ``value`` holds the sum."""
        return self.value is not None

    def terms(self) -> str:
        """The sum written out, 「3 + 0 + 12」, for a message."""
        return " + ".join(_fmt(c.value) for c in self.cells)


def total(cells: Iterable[Cell]) -> Sum:
    """The sum of ``cells``, or the cells that are not numbers (blank, mark, text, missing): never a guess."""
    cells = tuple(cells)
    unknown = tuple(c for c in cells if not c.is_number)
    if unknown:
        return Sum(None, cells, unknown)
    return Sum(sum(c.value for c in cells), cells, ())  # type: ignore[misc]


def _fmt(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


def pointer(*parts: str | int) -> str:
    """A JSON Pointer from its parts, escaped: ``pointer("tables", "t3", "granted", "total")``."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


@lru_cache(maxsize=8192)
def _cell_pointer(table: str, row: str, column: str) -> str:
    return pointer("tables", table, row, column)  # the same few hundred cells in every report: build each once


@dataclass(frozen=True, slots=True)
class Section:
    index: int  # position in the document's list
    heading: str
    text: str
    number: int | None  # canonical section 1..6 matched by meaning, or None

    @property
    def pointer(self) -> str:
        """Where the section is in the document: ``/sections/<index>``."""
        return pointer("sections", self.index)

    @property
    def printed_numeral(self) -> str | None:
        """The numeral the heading is printed with (「四」 of 「四、…」), or None."""
        m = re.match(r"^\s*[（(]?([一二三四五六七八九十]+)[)）]?\s*[、.．,，]", self.heading)
        return m.group(1) if m else None


_NUMBERING = re.compile(r"^\s*(第?[一二三四五六七八九十0-9０-９]+(部分)?[)）]?[、.．,，:：\s]*|[（(][一二三四五六七八九十]+[)）]\s*)")
# Match order: the most specific headings first (「因政府信息公开工作被申请行政复议…」 also says 申请).
_MATCH_ORDER = (4, 5, 6, 2, 3, 1)


def strip_numbering(heading: str) -> str:
    """The heading's words without its printed numbering (「四、」, 「（四）」, 「第四部分」)."""
    return _NUMBERING.sub("", heading or "")


def match_section(heading: str) -> int | None:
    """Which canonical section a printed heading is, by its words, or None."""
    words = strip_numbering(heading)
    for n in _MATCH_ORDER:
        for group in labels.SECTIONS[n - 1].keywords:
            if all(w in words for w in group):
                return n
    return None


class Report:
    """A read-only view of one report document.  Tolerates malformed documents: whatever is not
    where the schema says reads as missing, so rules run on what is well formed."""

    def __init__(self, doc: Mapping[str, Any]):
        self.doc = doc if isinstance(doc, Mapping) else {}
        self._cells: dict[tuple[str, str, str], Cell] = {}  # several rules read each cell: parse it once
        self._derived: dict[str, Any] = {}

    def derived(self, key: str, compute: Callable[[Report], T]) -> T:
        """A reading of the report that several rules share (e.g. the figures its text states),
        computed once per report.  The value must be treated as read-only."""
        if key not in self._derived:
            self._derived[key] = compute(self)
        return self._derived[key]

    # -- metadata ------------------------------------------------------------------------------
    @property
    def metadata(self) -> Mapping[str, Any]:
        """The report’s metadata object (empty when malformed)."""
        m = self.doc.get("metadata")
        return m if isinstance(m, Mapping) else {}

    def meta(self, key: str) -> Any:
        """One metadata value as the document holds it (``organ_name``, ``publication_date`` …), or None."""
        return self.metadata.get(key)

    @property
    def year(self) -> int | None:
        """The report year, or None when missing or not a year."""
        y = self.meta("report_year")
        return y if isinstance(y, int) and not isinstance(y, bool) else None

    @property
    def organ_name(self) -> str:
        """The organ’s name, or an empty string."""
        n = self.meta("organ_name")
        return n if isinstance(n, str) else ""

    @property
    def organ_kind(self) -> str | None:
        """The declared kind, else the kind the organ's name implies."""
        k = self.meta("organ_kind")
        return k if isinstance(k, str) and k in labels.ORGAN_KINDS else infer_kind(self.organ_name)

    @property
    def is_government(self) -> bool:
        """Whether the organ is a government (province to township, sub-district office), not a department."""
        return self.organ_kind in labels.GOVERNMENT_KINDS

    @cached_property
    def detected_template(self) -> str:
        """The template the tables are laid out in, whatever the metadata says."""
        tables = self.tables
        t3 = tables.get("t3")
        if "t2_2019" in tables or (isinstance(t3, Mapping) and "other_handling" in t3):
            return "2019"
        if any(k in tables for k in ("t2", "t3", "t4")):
            return "2021"
        return "legacy"

    @property
    def template(self) -> str:
        """The template the rules read the tables by: the tables' own layout when there are tables (a
        wrong declaration must not make rules look for rows that are not there — GC002 reports the
        disagreement), else the declared version."""
        detected = self.detected_template
        if detected != "legacy":
            return detected
        declared = self.meta("template_version")
        return declared if isinstance(declared, str) and declared in ("2021", "2019", "legacy") else detected

    # -- tables --------------------------------------------------------------------------------
    @cached_property
    def tables(self) -> Mapping[str, Any]:
        """The raw ``tables`` object: ``t2`` (or ``t2_2019``), ``t3``, ``t4``."""
        t = self.doc.get("tables")
        return t if isinstance(t, Mapping) else {}

    def has_table(self, name: str) -> bool:
        """Whether the report has the table ``name`` (``t2``, ``t2_2019``, ``t3``, ``t4``)."""
        return isinstance(self.tables.get(name), Mapping)

    def cell(self, table: str, row: str, column: str) -> Cell:
        """One national cell with its kind (number, blank, mark, text, missing), parsed once per report."""
        key = (table, row, column)
        found = self._cells.get(key)
        if found is None:
            found = self._cells[key] = self._read_cell(table, row, column)
        return found

    def _read_cell(self, table: str, row: str, column: str) -> Cell:
        ptr = _cell_pointer(table, row, column)
        t = self.tables.get(table)
        r = t.get(row) if type(t) is dict or isinstance(t, Mapping) else None
        if not (type(r) is dict or isinstance(r, Mapping)) or column not in r:
            return Cell(ptr, None, Kind.MISSING, None)
        raw = r[column]
        kind, value = parse_value(raw)
        return Cell(ptr, raw, kind, value)

    def t2(self, row: str, column: str) -> Cell:
        """A cell of table 2, in the template the report uses (``t2`` or ``t2_2019``)."""
        return self.cell("t2_2019" if self.template == "2019" else "t2", row, column)

    def t3(self, row: str, column: str) -> Cell:
        """A cell of table 3 (row and column ids as in ``checker.labels``)."""
        return self.cell("t3", row, column)

    def t4(self, block: str, column: str) -> Cell:
        """A cell of table 4 (``review``, ``litigation_direct``, ``litigation_after_review`` by five columns)."""
        return self.cell("t4", block, column)

    def t3_rows(self) -> tuple[labels.Label, ...]:
        """The rows of table 3 in the report’s template, in printed order."""
        return labels.t3_rows(self.template)

    # -- text ----------------------------------------------------------------------------------
    @cached_property
    def sections(self) -> tuple[Section, ...]:
        """Every section in printed order, each matched to a canonical section 1–6 by its heading (or None)."""
        raw = self.doc.get("sections")
        out: list[Section] = []
        claimed: set[int] = set()
        for i, s in enumerate(raw if isinstance(raw, list) else []):
            if not isinstance(s, Mapping):
                continue
            heading = s.get("heading") if isinstance(s.get("heading"), str) else ""
            text = s.get("text") if isinstance(s.get("text"), str) else ""
            n = match_section(heading)
            if n in claimed:
                n = None
            if n:
                claimed.add(n)
            out.append(Section(i, heading, text, n))
        return tuple(out)

    def section(self, number: int) -> Section | None:
        """The section matched to canonical section ``number`` (1–6), or None."""
        return next((s for s in self.sections if s.number == number), None)

    def section_text(self, number: int) -> str:
        """The text of canonical section ``number``, or an empty string when the report lacks it."""
        s = self.section(number)
        return s.text if s else ""

    @property
    def preface(self) -> str:
        """The text before section 一, or an empty string."""
        p = self.doc.get("preface")
        return p if isinstance(p, str) else ""

    @property
    def signature(self) -> str:
        """The signature block (organ and date) as printed, or an empty string."""
        p = self.doc.get("signature")
        return p if isinstance(p, str) else ""

    @property
    def full_text(self) -> str:
        """Preface, every heading and section text, and the signature, joined by line breaks."""
        return "\n".join([self.preface, *(s.heading + "\n" + s.text for s in self.sections), self.signature])

    # -- what plugins add ------------------------------------------------------------------------
    def extension(self, namespace: str, *path: str) -> Mapping[str, Any]:
        """The object at ``/extensions/<namespace>/<path…>`` (a province's rows and statements,
        see ``gov_check_template_extensions``), or an empty mapping when the report has none there."""
        found: Any = self.doc.get("extensions")
        for key in (namespace, *path):
            found = found.get(key) if isinstance(found, Mapping) else None
        return found if isinstance(found, Mapping) else {}

    def extension_cell(self, namespace: str, table: str, row: str, column: str) -> Cell:
        """One cell of a row a plugin added, with its kind, like :meth:`cell` for national rows."""
        ptr = pointer("extensions", namespace, table, row, column)
        values = self.extension(namespace, table, row)
        if column not in values:
            return Cell(ptr, None, Kind.MISSING, None)
        kind, value = parse_value(values[column])
        return Cell(ptr, values[column], kind, value)

REPORT_KEYS = ("metadata", "preface", "sections", "tables", "signature")
NOT_A_REPORT = "没有报告文档的任何部分（metadata、sections、tables …），不像一份政府信息公开工作年度报告"


def looks_like_report(document: Any, fmt: str = "json") -> bool:
    """Whether a report document read from JSON is one at all (a batch's config.json is not): it has
    at least one of the report document's keys.  Files read from Word, a page, a PDF or text are
    judged by their loader (checker.loaders.NotAReport), so any other format passes here."""
    if fmt != "json":
        return True
    return isinstance(document, Mapping) and any(key in document for key in REPORT_KEYS)
