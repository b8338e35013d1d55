"""The one place that knows how a report is laid out: every format front-end turns its file into a
stream of paragraphs and table rows, and :func:`assemble` recognises the title, preface, sections,
tables, signature and metadata in that stream and builds the report document and its source map.

Labels come from :mod:`checker.labels` (the one label table); this module only knows how they are
printed (line breaks inside labels, half- and full-width brackets and digits, merged header cells,
tables split across pages, T4 as one row or as blocks).  What it cannot place with certainty it
leaves out, with a GC003 finding that says where and why — it never guesses a cell.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Union

from checker import labels
from checker.findings import Finding, Severity, Text
from checker.loaders import Loaded, LoadOptions, NotAReport, apply_options
from checker.loaders.evidence import lost_tables, unrecognised_headings
from checker.loaders.pagemeta import page_date, sentence_parts, title_parts
from checker.loaders.spare_cells import fit
from checker.model import match_section, pointer
from checker.organs import infer_kind
from checker.textnum import MAX_DIGITS

INCOMPLETE = "GC003"


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph (or one printed line) of running text."""

    text: str
    where: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: its text as printed, with only the layout's own whitespace removed."""

    text: str
    where: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Cell, ...]
    where: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class Meta:
    """What the page says about the report outside its text (a crawler's 「标题:」/「发布时间:」 header,
    a page's 「时间：」 line or ``<meta name="PubDate">``): used where the text itself does not say.
    ``where`` names the place and, under ``source``, which of these it was."""

    key: str  # a metadata field: title · publication_date · url · organ_name
    value: Any
    where: Mapping[str, Any]


Block = Union[Para, Row, Meta]


# ---------------------------------------------------------------------------------------------
# Recognising labels
# ---------------------------------------------------------------------------------------------

_QUOTES = str.maketrans("", "", "\"'“”‘’「」『』")


def norm(text: str) -> str:
    """A label's comparable form: width-folded (NFKC), no whitespace or quotes, one sub-item dot."""
    s = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    s = re.sub(r"\s+", "", s)
    s = re.sub(r"^(\d+)[、.．,，]", r"\1.", s)
    return s


_NOTE = re.compile(r"\(区分处理的.*\)$")
_SUB_NUMBER = re.compile(r"^\d+\.")
_ROW_NUMBER = re.compile(r"^([一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))")


@dataclass(frozen=True, slots=True)
class Rec:
    kind: str  # t3_row · t3_col · t3_group · t3_head · t2_row · t2_col · t2_item · t2_head · t4_block · t4_parent · t4_col
    id: str = ""
    template: str = ""  # for T2 labels that exist in one template only


def _add(table: dict[str, list[Rec]], key: str, rec: Rec) -> None:
    if key and rec not in table.setdefault(key, []):
        table[key].append(rec)


@lru_cache(maxsize=1)
def _label_index() -> dict[str, list[Rec]]:
    index: dict[str, list[Rec]] = {}
    for row in labels.T3_ROWS_2021 + (labels.T3_OTHER_2019,):
        for text in (row.zh, *row.variants):
            key = norm(text)
            _add(index, key, Rec("t3_row", row.id))
            bare = _NOTE.sub("", key)
            _add(index, bare, Rec("t3_row", row.id))
            # Without its numbering, a row label is still itself (「本年新收政府信息公开申请数量」),
            # except the short ones that collide with column labels (「其他」, 「总计」).
            stripped = _SUB_NUMBER.sub("", _ROW_NUMBER.sub("", bare))
            if len(stripped) > 3:
                _add(index, stripped, Rec("t3_row", row.id))
    for col in labels.T3_COLUMNS:
        for text in (col.zh, *col.variants):
            _add(index, norm(text), Rec("t3_col", col.id))
    for group, (zh, _en) in labels.T3_GROUPS.items():
        _add(index, norm(zh), Rec("t3_group", group))
    for text, _en in (labels.T3_RESULTS_HEADER, labels.T3_APPLICANTS_HEADER, labels.T3_ORGANISATIONS_HEADER):
        _add(index, norm(text), Rec("t3_head"))
        _add(index, _ROW_NUMBER.sub("", norm(text)), Rec("t3_head"))  # 「本年度办理结果」
    for template, blocks in (("2021", labels.T2_2021), ("2019", labels.T2_2019)):
        for block in blocks:
            _add(index, norm(block.item), Rec("t2_item"))
            for row in block.rows:
                for text in (row.zh, *row.variants):
                    _add(index, norm(text), Rec("t2_row", row.id, template))
            for col in block.columns:
                for text in (col.zh, col.short, *col.variants):
                    _add(index, norm(text), Rec("t2_col", col.id, template))
    _add(index, norm(labels.T2_CONTENT_HEADER[0]), Rec("t2_head"))
    for block in labels.T4_BLOCKS:
        for text in (block.zh, block.short, *block.variants):
            _add(index, norm(text), Rec("t4_block", block.id))
    _add(index, norm(labels.T4_LITIGATION_HEADER[0]), Rec("t4_parent"))
    for col in labels.T4_COLUMNS:
        for text in (col.zh, *col.variants):
            _add(index, norm(text), Rec("t4_col", col.id))
    return index


def recognise(text: str) -> list[Rec]:
    """Every label this cell text can be (several when a word is used by more than one table)."""
    key = norm(text)
    if not key:
        return []
    index = _label_index()
    found = index.get(key)
    if found is None:
        found = [Rec("t2_item")] if re.match(r"^第二十条第?\(", key) else []
    return found


PAGE_NUMBER = re.compile(r"^\s*([-—－–]\s*\d+\s*[-—－–]|第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d+)\s*$")
_MARK = re.compile(r"^[/／\\\-—―–~～一－×]+$|^(无|不适用|无此项)$")


def value_like(text: str) -> bool:
    """A cell that holds a value (a number as printed, a blank, a mark, 「无」), not a label."""
    s = unicodedata.normalize("NFKC", text).strip()
    if not s:
        return True
    if _MARK.match(s):
        return True
    return bool(re.fullmatch(r"[+-]?[\d,，]+(\.\d+)?", s))


def cell_value(text: str) -> int | str | None:
    """What the report printed: an int for plain digits, None for a blank, else the text itself."""
    if text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS:
        return int(text)
    if not text.strip():
        return None
    return text


def spaced_row(line: str, where: Mapping[str, int], extensions: Any = None) -> Row | None:
    """A table row printed as one line of text, cells separated by spaces (text copied out of a PDF,
    or a PDF table without rules): 「一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119」,
    「72 64 178 37 351 …」, 「行政复议 行政诉讼」.  Only a line whose words are all labels or values
    counts; running text that ends in a number stays text."""
    tokens = line.split()
    if len(tokens) < 2 or PAGE_NUMBER.match(line):
        return None
    values = 0
    while values < len(tokens) and value_like(tokens[len(tokens) - 1 - values]):
        values += 1
    labels_part = tokens[:len(tokens) - values]
    if not labels_part and values < 2:
        return None
    # The last word before the numbers must be a label; words before it may be pieces of merged
    # labels printed on the same line (「本年度 （四）无法提供 2.没有现成信息需要另行制作 0 0 …」).
    if labels_part and (not (recognise(labels_part[-1]) or (extensions and extensions.knows(labels_part[-1])))
                        or len(labels_part) > 4):
        return None
    return Row(tuple(Cell(t, dict(where)) for t in tokens), dict(where))


# ---------------------------------------------------------------------------------------------
# Headings, title, dates
# ---------------------------------------------------------------------------------------------

_NUMBERED = re.compile(r"^\s*(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+\s*[、.．])")
_SENTENCE = re.compile(r"[。；;，,：:！？]")


def numbered(text: str) -> bool:
    """Whether a line begins with a section numeral (「三、」, 「第三部分」)."""
    return bool(_NUMBERED.match(text))


def heading_number(text: str) -> int | None:
    """The canonical section a paragraph is the heading of, or None for running text."""
    t = text.strip()
    if not t or len(t) > 40 or t.startswith(("（", "(")) or _SENTENCE.search(t.rstrip("。")) or t.endswith("。"):
        return None
    n = match_section(t)
    if n is None:
        return None
    if _NUMBERED.match(t):
        return n
    # Without a numeral, a table's own label (「行政复议」, the 2019 T2 row 「其他对外管理服务事项」) or
    # a line that runs on (「…申请情况、」) is no heading.
    if t.endswith(("、", "，", ",")) or t.startswith(("、", "，", "。", "；", "：")) or any(r.kind != "t2_item" for r in recognise(t)):
        return None
    # Without a numeral only a line worded like a heading counts (「其他需要报告的事项」), so that a
    # short sentence that merely mentions 主动公开 is not taken for one.
    words = norm(t).replace("和", "及")
    heads = [norm(labels.SECTIONS[n - 1].heading).replace("和", "及")]
    heads += [norm(h).replace("和", "及") for h in labels.ACCEPTED_HEADINGS.get(n, ())]
    if any(words == h or (h.startswith(words) and len(words) >= 4) or (words.startswith(h)) for h in heads):
        return n
    if n in (4, 5, 6) and len(words) <= 30:
        return n
    return None


_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}


def _cn_number(s: str) -> int | None:
    s = s.strip()
    if s.isascii() and s.isdigit() and len(s) <= MAX_DIGITS:
        return int(s)
    if all(c in _CN_DIGITS for c in s) and len(s) == 4:
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    m = re.fullmatch(r"([一二三]?)十([一二三四五六七八九]?)", s)
    if m:
        return (_CN_DIGITS.get(m.group(1), 1) if m.group(1) else 1) * 10 + (_CN_DIGITS[m.group(2)] if m.group(2) else 0)
    if len(s) == 1 and s in _CN_DIGITS:
        return _CN_DIGITS[s]
    return None


_DATE = re.compile(r"^\s*([0-9〇○零一二三四五六七八九Ｏ]{4})\s*年\s*([0-9一二三四五六七八九十]{1,3})\s*月\s*"
                   r"([0-9一二三四五六七八九十]{1,3})\s*日\s*$")
_YEAR = re.compile(r"(\d{4})\s*年")


def parse_date(text: str) -> str | None:
    """「2024年3月7日」 or 「二〇二四年三月七日」 on a line of its own → '2024-03-07'."""
    m = _DATE.match(unicodedata.normalize("NFKC", text))
    if not m:
        return None
    y, mo, d = (_cn_number(g) for g in m.groups())
    if y is None or mo is None or d is None or not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


# ---------------------------------------------------------------------------------------------
# Assembling
# ---------------------------------------------------------------------------------------------


# How a place in the original file is said (「第4页第2个表格第3行第5列」) lives with the outputs that say it too.
from checker.messages import where_text  # noqa: E402
from checker.messages import where_text as _where_text  # noqa: E402


@dataclass
class _Builder:
    options: LoadOptions
    tables: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    source_map: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    current: str | None = None  # the table the rows belong to (t2 / t3 / t4)
    t2_template: str = "2021"
    t2_header: list[str] = field(default_factory=list)  # column ids of the last T2 header row, as printed
    t2_columns_say: str = ""  # the template T2's printed column labels belong to, once one was seen
    t4_pending: list[str] = field(default_factory=list)
    t3_order: Mapping[str, int] | None = None  # where a T3 header row broke the template's column order
    t4_order: Mapping[str, int] | None = None
    conflicting: set[str] = field(default_factory=set)  # cells printed twice with different values
    extensions: dict[str, Any] = field(default_factory=dict)  # what plugins' declared rows add: /extensions/…
    extra_columns: list[Any] = field(default_factory=list)  # plugins' T3 columns the header printed after 总计
    pending: Row | None = None  # a row label printed without its numbers, which may follow on the next row

    def left_out(self, ptr: str, where: Mapping[str, int], reason_zh: str, reason_en: str) -> None:
        self.findings.append(Finding(code=INCOMPLETE, severity=Severity.WARNING, message="left_out", pointers=(ptr,),
                                     args={"where": _where_text(where), "reason": Text(reason_zh, reason_en)}))

    def put(self, table: str, row: str, col: str, cell: Cell, root: tuple[str, ...] = ("tables",)) -> None:
        """Place one cell at ``root/table/row/col`` (a national table, or a plugin's extension)."""
        store = self.tables if root == ("tables",) else self.extensions.setdefault(root[1], {})
        target = store.setdefault(table, {}).setdefault(row, {})
        ptr = pointer(*root, table, row, col)
        if ptr in self.conflicting:
            return
        if col in target:
            if target[col] != cell_value(cell.text):
                # The same cell printed twice with different values: keep neither.
                self.left_out(ptr, cell.where, "该单元格在原文中出现两次且数值不同",
                              "the cell appears twice in the source with different values")
                target.pop(col, None)
                self.source_map.pop(ptr, None)
                self.conflicting.add(ptr)
            return
        target[col] = cell_value(cell.text)
        self.source_map[ptr] = dict(cell.where)
        self.source_map.setdefault(pointer(*root, table, row), dict(cell.where))
        self.source_map.setdefault(pointer(*root, table), dict(cell.where))

    def recognise(self, text: str) -> list[Rec]:
        """The national labels this cell can be, else the row a plugin declared (kind ext_row)."""
        found = recognise(text)
        ext = self.options.template
        if not found and ext:
            row = ext.row(text)
            if row is not None:
                found = [Rec("ext_row", "/".join(row.path))]
            elif ext.column(text) is not None:
                found = [Rec("ext_col", "/".join(ext.column(text).path))]
        return found

    # -- rows ----------------------------------------------------------------------------------
    def row(self, row: Row) -> None:
        pending, self.pending = self.pending, None
        if pending is not None:
            joined = self._join(pending, row)
            if joined is not None:
                self._row(joined, defer=False)
                return
            self._row(pending, defer=False)
        self._row(row)

    def flush(self) -> None:
        """The end of the table stream (or a heading): a label still waiting keeps its own cells."""
        pending, self.pending = self.pending, None
        if pending is not None:
            self._row(pending, defer=False)

    def _join(self, label_row: Row, row: Row) -> Row | None:
        """A row label whose numbers the conversion moved to the next row (a label cell merged
        above, a Markdown line per label): the next row joins it only if it has no label of its
        own and exactly the values the labelled row needs."""
        if any(recognise(c.text) for c in row.cells) or not all(value_like(c.text) for c in row.cells):
            return None
        recs = [recognise(c.text) for c in label_row.cells]
        at = self._last(recs, "t3_row")
        if at is not None:
            expected = len(labels.T3_COLUMNS)
        else:
            at = self._last(recs, "t2_row")
            if at is None:
                return None
            ids = [r for r in recs[at] if r.kind == "t2_row"]
            rec = next((r for r in ids if r.template == self.t2_template), ids[0])
            expected = len(next(b for b in labels.t2_blocks(self.t2_template) if any(x.id == rec.id for x in b.rows)).columns)
        values = fit(row.cells, expected)
        if values is None or not any(c.text.strip() for c in values):
            return None
        return Row(tuple(label_row.cells[:at + 1]) + tuple(values), row.where)

    def _waits(self, row: Row, recs: list[list[Rec]]) -> bool:
        """A T2/T3 row label printed with no value at all: its numbers may be on the next row."""
        at = self._last(recs, "t3_row")
        if at is None:
            at = self._last(recs, "t2_row")
        return at is not None and all(not c.text.strip() for c in row.cells[at + 1:])

    def _row(self, row: Row, defer: bool = True) -> None:
        cells = row.cells
        recs = [self.recognise(c.text) for c in cells]
        if defer and self._waits(row, recs):
            self.pending = row
            return
        # A word printed in more than one table (「总计」) says nothing about which table this is.
        votes = {r.kind[:2] for rs in recs if len({x.kind[:2] for x in rs}) == 1 for r in rs}
        kinds = {r.kind for rs in recs for r in rs}
        if "t3_row" in kinds:
            self.current = "t3"
            self._t3_row(row, recs)
            return
        if "ext_row" in kinds and "t2_row" not in kinds:
            self._extension_row(row, recs)
            return
        if "ext_col" in kinds and (self.current == "t3" or "t3" in votes):
            self.extra_columns = [self.options.template.column(c.text) for c, rs in zip(cells, recs)
                                  if any(r.kind == "ext_col" for r in rs)]
        if "t2" in votes:
            self.current = "t2"
            for rs in recs:
                # The columns say which template a T2 is; one row label of the other template (「规范性文件」
                # in a 2021 report) does not, unless no column was printed.
                cols = {r.template for r in rs if r.kind == "t2_col"}
                rows = [r for r in rs if r.kind == "t2_row"]
                if cols and len(cols) == 1 and "" not in cols:
                    self.t2_columns_say = self.t2_template = cols.pop()
                elif rows and all(r.template == "2019" for r in rows) and self.t2_columns_say != "2021":
                    self.t2_template = "2019"
            label_at = self._last(recs, "t2_row")
            if label_at is not None:
                self._t2_row(row, label_at, recs)
            elif any(r.kind == "t2_col" for rs in recs for r in rs):
                self.t2_header = [next(r.id for r in rs if r.kind == "t2_col") for rs in recs
                                  if any(r.kind == "t2_col" for r in rs)]
            return
        if "t3" in votes:
            self.current = "t3"
            self._check_order(row, recs, "t3_col", [c.id for c in labels.T3_COLUMNS], cyclic=False)
            return
        if "t4" in votes:
            self.current = "t4"
            self._check_order(row, recs, "t4_col", [c.id for c in labels.T4_COLUMNS], cyclic=True)
            for rs in recs:
                for r in rs:
                    if r.kind == "t4_block" and r.id not in self.t4_pending:
                        self.t4_pending.append(r.id)
            label_at = self._last(recs, "t4_block")
            values = cells[label_at + 1:] if label_at is not None else ()
            if values and all(value_like(c.text) for c in values) and any(c.text.strip() for c in values):
                block = next(r.id for r in recs[label_at] if r.kind == "t4_block")  # type: ignore[index]
                self._t4_values(row, values, [block])
            return
        numbers = [c for c in cells if c.text.strip() and value_like(c.text)]
        if not numbers:
            return  # a row of text that is no table row (a boxed note): nothing to place
        if all(value_like(c.text) for c in cells) and self.current == "t4":
            self._t4_values(row, cells, list(self.t4_pending))
            return
        if self.current in ("t2", "t3", "t4"):
            label = next((c.text for c in cells if not value_like(c.text)), "")
            zh = f"行名称「{norm(label)}」无法识别" if label else "这一行数字前没有可识别的行名称"
            en = f"row label “{norm(label)}” not recognised" if label else "this row of numbers has no recognisable row label"
            self.left_out(pointer("tables", self.current), row.where, zh, en)

    def _check_order(self, row: Row, recs: list[list[Rec]], kind: str, canonical: list[str], cyclic: bool) -> None:
        """Columns are placed in the template's order; a header printed in another order makes that
        unsafe, so the table's numbers are then left out (GC003) rather than put in the wrong column."""
        seq = [canonical.index(next(r.id for r in rs if r.kind == kind)) for rs in recs if any(r.kind == kind for r in rs)]
        ok = all(b > a or (cyclic and a == len(canonical) - 1 and b == 0) for a, b in zip(seq, seq[1:]))
        if cyclic:
            ok = ok and all(b == a + 1 or (a == len(canonical) - 1 and b == 0) for a, b in zip(seq, seq[1:]))
        if not ok:
            setattr(self, "t3_order" if kind == "t3_col" else "t4_order", dict(row.where))

    @staticmethod
    def _last(recs: list[list[Rec]], kind: str) -> int | None:
        found = None
        for i, rs in enumerate(recs):
            if any(r.kind == kind for r in rs):
                found = i
        return found

    def _t2_row(self, row: Row, label_at: int, recs: list[list[Rec]]) -> None:
        ids = [r for r in recs[label_at] if r.kind == "t2_row"]
        table = "t2_2019" if self.t2_template == "2019" else "t2"
        rec = next((r for r in ids if r.template == self.t2_template), ids[0])
        blocks = labels.t2_blocks(self.t2_template)
        block = next((b for b in blocks if any(r.id == rec.id for r in b.rows)), None)
        printed = norm(row.cells[label_at].text)
        if block is None:  # a row only the other template has (「政府集中采购」 under 2021 columns)
            self.left_out(pointer("tables", table), row.where, f"行「{printed}」不属于本表所用的模板（{self.t2_template}年版）",
                          f"row “{printed}” is not part of this table's template ({self.t2_template})")
            return
        if rec.template and rec.template != self.t2_template:
            wanted = next(r for r in block.rows if r.id == rec.id)
            self.findings.append(Finding(code=INCOMPLETE, severity=Severity.INFO, message="label_variant",
                                         pointers=(pointer("tables", table, rec.id),),
                                         args={"where": _where_text(row.where), "printed": printed, "read_as": wanted.zh}))
        values = row.cells[label_at + 1:]
        cols = block.columns
        header = self.t2_header
        if sorted(header) == sorted(c.id for c in cols) and header != [c.id for c in cols]:
            cols = tuple(next(c for c in block.columns if c.id == h) for h in header)  # printed in another order
        ptr = pointer("tables", table, rec.id)
        if len(values) != len(cols):
            fitted = fit(values, len(cols), wider_grid=True)  # empty cells of a wider grid or of a merged label
            if fitted is None:
                self.left_out(ptr, row.where, f"应有 {len(cols)} 个数值，原文有 {len(values)} 个，无法确定对应关系",
                              f"expected {len(cols)} values, found {len(values)}; cannot tell which is which")
                return
            values = fitted
        for col, cell in zip(cols, values):
            self.put(table, rec.id, col.id, cell)

    def _extension_row(self, row: Row, recs: list[list[Rec]]) -> None:
        """A row a plugin declared: its values go to /extensions/<namespace>/<table>/<row>, read like a
        national row's (all or none; a count that does not match is a GC003)."""
        label_at = self._last(recs, "ext_row")
        assert label_at is not None
        extra = self.options.template.row(row.cells[label_at].text)
        self.current = extra.table
        cols = extra.resolved_columns()
        printed = list(row.cells[label_at + 1:])
        values = fit(printed, len(cols), wider_grid=True)  # empty cells of a merged label or a wider grid
        if values is None:
            self.left_out(pointer(*extra.path), row.where, f"应有 {len(cols)} 个数值，原文有 {len(printed)} 个，无法确定对应关系",
                          f"expected {len(cols)} values, found {len(printed)}; cannot tell which is which")
            return
        for col, cell in zip(cols, values):
            self.put(extra.table, extra.id, col.id, cell, root=extra.path[:2])

    def _t3_row(self, row: Row, recs: list[list[Rec]]) -> None:
        label_at = self._last(recs, "t3_row")
        assert label_at is not None
        rec = next(r for r in recs[label_at] if r.kind == "t3_row")
        values = row.cells[label_at + 1:]
        cols = labels.T3_COLUMNS
        if rec.id == "other_handling" and not values:
            return  # 2021: the group label 「（六）其他处理」 before its sub-rows
        ptr = pointer("tables", "t3", rec.id)
        if self.t3_order is not None:
            self.left_out(ptr, row.where, f"表头（{_where_text(self.t3_order).zh}）的栏目顺序与模板不同，无法确定各数值所属栏目",
                          f"the header ({_where_text(self.t3_order).en}) lists the columns in another order")
            return
        extra = self.extra_columns
        widened = fit(values, len(cols) + len(extra)) if extra else None
        if widened is not None:  # a plugin's columns, printed after 总计
            for col, cell in zip(extra, widened[len(cols):]):
                self.put("t3", rec.id, col.id, cell, root=("extensions", col.namespace))
            values = widened[:len(cols)]
        fitted = fit(values, len(cols))  # an empty cell of a merged label or a wider grid is layout
        if extra and widened is None and fitted is not None:
            for col in extra:
                self.left_out(pointer("extensions", col.namespace, "t3", rec.id, col.id), row.where,
                              f"表头有「{col.zh}」栏，这一行却没有该栏的数值", f"the header has “{col.en}” but this row has no value for it")
        if fitted is None:
            self.left_out(ptr, row.where, f"应有 {len(cols)} 个数值，原文有 {len(values)} 个，无法确定对应关系",
                          f"expected {len(cols)} values, found {len(values)}; cannot tell which is which")
            return
        for col, cell in zip(cols, fitted):
            self.put("t3", rec.id, col.id, cell)

    def _t4_values(self, row: Row, cells: Iterable[Cell], blocks: list[str]) -> None:
        cells = list(cells)
        if self.t4_order is not None:
            self.left_out(pointer("tables", "t4"), row.where,
                          f"表头（{_where_text(self.t4_order).zh}）的栏目顺序与模板不同，无法确定各数值所属栏目",
                          f"the header ({_where_text(self.t4_order).en}) lists the columns in another order")
            return
        order = [b.id for b in labels.T4_BLOCKS]
        if len(cells) != 5 * max(len(blocks), 1):
            fitted = fit(cells, 15) if blocks == order[:len(blocks)] else None
            fitted = fitted if fitted is not None else fit(cells, 5 * len(blocks)) if blocks else None
            cells = fitted if fitted is not None else cells
        # One row of 15 under a header that named only some blocks (「行政复议 | 行政诉讼」).
        if len(cells) == 15 and blocks == order[:len(blocks)]:
            blocks = order
        if not blocks or len(cells) != 5 * len(blocks):
            self.left_out(pointer("tables", "t4"), row.where,
                          f"复议、诉讼表中的这一行有 {len(cells)} 个数值，无法确定属于哪一栏",
                          f"this row of table 4 has {len(cells)} values; cannot tell which block they belong to")
            return
        for i, block in enumerate(blocks):
            for col, cell in zip(labels.T4_COLUMNS, cells[5 * i:5 * i + 5]):
                self.put("t4", block, col.id, cell)
        self.t4_pending = []


def assemble(blocks: Iterable[Block], *, fmt: str, options: LoadOptions, file: str | Path = "",
             findings: Iterable[Finding] = ()) -> Loaded:
    """The report document of a stream of paragraphs and table rows, in printed order.  ``findings``
    are what the front-end already noted (rows it left out), so they are not reported twice."""
    b = _Builder(options, findings=list(findings))
    given: dict[str, Meta] = {}
    front: list[Para] = []  # paragraphs before the first heading
    sections: list[tuple[Para, list[Para]]] = []
    claimed: set[int] = set()
    previous: Block | None = None
    printed: list[tuple[str, Mapping[str, int]]] = []  # every text the file prints, for what was not read
    for block in blocks:
        if isinstance(block, Meta):
            given.setdefault(block.key, block)
            continue
        printed.append((block.text, block.where) if isinstance(block, Para) else
                       ("".join(c.text for c in block.cells), block.where))
        prior, previous = previous, block
        block = _label_line(block, b)
        if isinstance(block, Row):
            # A row with one cell of running text is a boxed paragraph, not a table row.
            texts = [c for c in block.cells if c.text.strip()]
            if len(texts) == 1 and not b.recognise(texts[0].text) and not value_like(texts[0].text) \
                    and len(norm(texts[0].text)) > 12 and not _CORNER_NOTE.search(texts[0].text):
                block = Para(texts[0].text, texts[0].where)
            else:
                b.row(block)
                continue
        dated = page_date(block.text) if not sections else None
        if dated:  # 「发布日期：2021-02-05」 under the title: the page's date, not text
            given.setdefault("publication_date", Meta("publication_date", dated[1], {**block.where, "source": "page:" + dated[0]}))
            continue
        n = heading_number(block.text)
        if n is not None and fmt in LINE_FORMATS and _runs_on(prior, block):
            n = None
        if n is not None and n not in claimed:
            b.flush()
            claimed.add(n)
            sections.append((block, []))
            b.current = {2: "t2", 3: "t3", 4: "t4"}.get(n, b.current if n < 2 else None)
            if n == 4:
                b.t4_pending = []
            continue
        if not block.text.strip() or PAGE_NUMBER.match(block.text):
            continue  # page numbers (「- 4 -」) are layout, not text
        (sections[-1][1] if sections else front).append(block)
    b.flush()

    from checker.loaders import LoadError

    if not front and not sections and not b.tables and not b.findings:
        raise LoadError(file, "文件中没有文字内容（空文件，或只有图片）")
    doc: dict[str, Any] = {"schema_version": "1"}
    metadata: dict[str, Any] = {}
    sm = b.source_map

    # Title: the last short line before section 一 that names the report (a web page may print a
    # breadcrumb first), with the organ's name before it when that is on a line of its own.
    title_paras: list[Para] = []
    candidates = [i for i, p in enumerate(front) if _names_report(p.text) and len(p.text.strip()) <= 60
                  and not _SENTENCE.search(p.text) and "。" not in p.text and ">" not in p.text]
    if candidates:
        i = candidates[-1]
        title_paras = [front[i]]
        if i > 0 and _title_goes_on(front[i - 1].text, front[i].text):
            title_paras.insert(0, front[i - 1])
        front = front[front.index(title_paras[0]):]  # what comes before the title is page furniture
    preface = [p for p in front if p not in title_paras]
    title_where: Mapping[str, Any] = {}
    if title_paras:
        metadata["title"] = "".join(p.text.strip() for p in title_paras)
        title_where = {**title_paras[0].where, "source": "title"}
    elif "title" in given:
        metadata["title"] = str(given["title"].value).strip()
        title_where = dict(given["title"].where)
    if metadata.get("title"):
        sm["/metadata/title"] = dict(title_where)
        year, organ = title_parts(metadata["title"])
        if year:
            metadata["report_year"] = year
            sm["/metadata/report_year"] = dict(title_where)
        if organ:
            metadata["organ_name"] = organ
            sm["/metadata/organ_name"] = dict(title_where)
    if "report_year" not in metadata and preface:  # no title, or one without a year: the first sentence
        year, organ = sentence_parts(preface[0].text)
        if year:
            metadata["report_year"] = year
            sm["/metadata/report_year"] = {**preface[0].where, "source": "first_sentence"}
        if organ and "organ_name" not in metadata:
            metadata["organ_name"] = organ
            sm["/metadata/organ_name"] = {**preface[0].where, "source": "first_sentence"}
    for key in ("publication_date", "url", "organ_name"):
        if key in given and key not in metadata and given[key].value:
            metadata[key] = given[key].value
            sm[f"/metadata/{key}"] = dict(given[key].where)

    # Signature: a date on a line of its own at the very end, with the organ's name before it.
    signature: list[Para] = []
    tail = sections[-1][1] if sections else preface
    dated = next((i for i in range(len(tail) - 1, max(len(tail) - 5, -1), -1) if parse_date(tail[i].text)), None)
    if dated is not None and (dated == len(tail) - 1 or fmt == "html"):
        del tail[dated + 1:]  # a web page's footer after the date is page furniture
        signature = [tail.pop()]
        if tail and len(tail[-1].text.strip()) <= 30 and not _SENTENCE.search(tail[-1].text) and "。" not in tail[-1].text:
            signature.insert(0, tail.pop())
    if signature:
        doc_signature = "\n".join(p.text.strip() for p in signature)
        metadata["signing_date"] = parse_date(signature[-1].text)
        sm["/metadata/signing_date"] = {**signature[-1].where, "source": "signature"}
        sm["/signature"] = dict(signature[0].where)
        if "organ_name" not in metadata and len(signature) == 2:
            metadata["organ_name"] = signature[0].text.strip()
            sm["/metadata/organ_name"] = {**signature[0].where, "source": "signature"}
    apply_options(metadata, options)
    tables = b.tables
    if tables:
        t3 = tables.get("t3", {})
        metadata["template_version"] = "2019" if "t2_2019" in tables or "other_handling" in t3 else "2021"
    order = ["organ_name", "organ_kind", "region", "report_year", "template_version", "publication_date", "signing_date",
             "title", "url"]
    doc["metadata"] = {k: metadata[k] for k in order if k in metadata}
    if preface:
        doc["preface"] = "\n".join(p.text.strip() for p in preface)
        sm["/preface"] = dict(preface[0].where)
    doc["sections"] = []
    for i, (head, body) in enumerate(sections):
        doc["sections"].append({"heading": head.text.strip(), "text": "\n".join(p.text.strip() for p in body)})
        sm[f"/sections/{i}"] = dict(head.where)
    doc["tables"] = {name: tables[name] for name in ("t2", "t2_2019", "t3", "t4") if name in tables}
    if "title" not in metadata and not sections and not doc["tables"] and not b.findings:
        raise NotAReport(file, "没有找到年度报告的标题、六个部分的标题或任何统计表，不像一份政府信息公开工作年度报告"
                              "（如是扫描件或图片，请提供带文字的版本）")
    _check_complete(b)
    b.findings.extend(lost_tables(printed, doc["tables"], b.findings))
    b.findings.extend(unrecognised_headings(((p.text, p.where) for p in preface + [q for _, body in sections for q in body]),
                                            set(claimed)))
    if options.template:
        from checker.loaders.extensions import read_statements

        read_statements(b, options.template, preface, sections, signature)
    if b.extensions:
        doc["extensions"] = b.extensions
    if signature:
        doc["signature"] = doc_signature
    return Loaded(document=doc, format=fmt, source_map=sm, findings=b.findings)


LINE_FORMATS = ("text", "pdf")  # formats whose paragraphs are printed lines, wrapped where the page ended
_ENDS_SENTENCE = ("。", "：", ":", "；", ";", "！", "？", "）", ")")


def _runs_on(previous: Block | None, block: Para) -> bool:
    """A line without a numeral that continues the line before it (which ran to the page's edge
    without ending its sentence) is the rest of that sentence, even if it begins with a section's
    words (the standard preface wrapped as 「…主动公开政府信息情况、收到和」/「处理政府信息公开申请情况、…」)."""
    if not isinstance(previous, Para) or _NUMBERED.match(block.text):
        return False
    before = previous.text.strip()
    return len(before) >= 20 and not before.endswith(_ENDS_SENTENCE) and not _NUMBERED.match(before)


def _names_report(text: str) -> bool:
    """A line that can be (the end of) a report's title: it names the report, not merely mentions
    one (a wrapped preface line 「本报告由总体情况、主动公开…」 does not)."""
    key = norm(text)
    return key.endswith("报告") or "年度报告" in key or "工作报告" in key


def _title_goes_on(first: str, second: str) -> bool:
    """Whether a line before the title's last line is the title's beginning: the organ's name on a
    line of its own (「××市人民政府办公室」), or a title broken over two lines
    (「2024年××局政府信息公开工作」/「年度报告」)."""
    first, second = first.strip(), second.strip()
    if not first or len(first) > 40 or _SENTENCE.search(first) or "。" in first or ">" in first:
        return False
    if not _YEAR.search(first) and len(first) <= 30 and infer_kind(first) is not None:
        return True
    joined = norm(first + second)
    return "信息公开" not in norm(second) and "信息公开" in joined and joined.endswith("报告") and len(second) <= 20


def _label_line(block: Block, b: _Builder) -> Block:
    """A line that is nothing but a T2/T3 row label, printed inside its table's section (a
    conversion that put the label on a line above its numbers), is a table row, not text."""
    if isinstance(block, Para) and b.current in ("t2", "t3") and heading_number(block.text) is None and \
            any(r.kind in ("t2_row", "t3_row") for r in recognise(block.text)):
        return Row((Cell(block.text, block.where),), block.where)
    return block


_CORNER_NOTE = re.compile("^" + re.escape(labels.T3_CORNER_NOTE[0][:5]).replace("（", "[（(]"))


def _check_complete(b: _Builder) -> None:
    """A table that was found but lacks rows or cells: say which, so no one reads the gap as zero."""
    b.findings.extend(incomplete(b.tables, b.source_map, b.findings))


def incomplete(tables: Mapping[str, Any], source_map: Mapping[str, Any], findings: list[Finding]) -> list[Finding]:
    """GC003 findings for the rows and cells a found table lacks (not already reported)."""
    b = _Builder(LoadOptions(), tables={k: v for k, v in tables.items()}, source_map=dict(source_map),
                 findings=list(findings))
    before = len(b.findings)
    for name, rows in list(b.tables.items()):
        if name == "t3":
            template = "2019" if "other_handling" in rows else "2021"
            expected = {r.id: [c.id for c in labels.T3_COLUMNS] for r in labels.t3_rows(template)}
        elif name == "t4":
            expected = {blk.id: [c.id for c in labels.T4_COLUMNS] for blk in labels.T4_BLOCKS}
        else:
            expected = {r.id: [c.id for c in blk.columns] for blk in labels.t2_blocks("2019" if name == "t2_2019" else "2021")
                        for r in blk.rows}
        flagged = {f.pointers[0] for f in b.findings}
        for row, cols in expected.items():
            missing = [c for c in cols if c not in rows.get(row, {})]
            if not missing:
                continue
            row_ptr = pointer("tables", name, row)
            if row_ptr in flagged or any(pointer("tables", name, row, c) in flagged for c in missing):
                continue
            if name == "t4" and pointer("tables", "t4") in flagged:
                continue
            ptr = row_ptr if len(missing) == len(cols) else pointer("tables", name, row, missing[0])
            where = b.source_map.get(pointer("tables", name), {})
            b.left_out(ptr, where, "原文中没有找到这一行（或其中的单元格）", "this row (or some of its cells) was not found in the source")
    return b.findings[before:]
