"""Flattened report bodies (a portal page saved as crawler text: a header of 「标题:」/「发布时间:」 lines,
then the whole report on one line) → the paragraphs, table rows and metadata the shared assembler
reads.

In such a body nothing is delimited: headings sit inline (「…一、总体情况2021年，…」), and each table
row is its label followed by a run of digits (「规章000行政规范性文件008」, 「0 0 0 0 0 00」).  This module
finds the headings by numeral, position in sequence and wording; finds the tables by their printed
labels, matched to the template's rows in order (a misprinted label by edit distance, when
unambiguous); and hands each table's runs to :mod:`checker.loaders.digits` to split into cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from checker import labels
from checker.findings import Finding, Severity, Text
from checker.loaders.digits import ROW_RELATION, Decoded, Relation, RowRun, decode, pieces
from checker.loaders.layout import _NOTE, INCOMPLETE, Block, Cell, Meta, Para, Row, _where_text, norm
from checker.loaders.pagemeta import PAGE_DATE, date_value, iso_date
from checker.model import match_section, pointer
from checker.organs import infer_kind

SEPARATOR = re.compile(r"^=+\s*正文\s*=+\s*$")
_HEADER = re.compile(r"^(标题|发布时间|文号|发布机构|栏目|原文链接|来源|发布日期)\s*[:：]\s*(.*)$")
_LONG_LINE = 1500  # a report body on one line is several thousand characters; a paragraph rarely 1,500


def is_flat(text: str) -> bool:
    """A crawler text file, or a body whose report sits on one long line with its headings inline."""
    lines = text.splitlines()
    if any(SEPARATOR.match(line) for line in lines[:40]):
        return True
    return any(len(line) > _LONG_LINE and len(find_headings(line)) >= 3 for line in lines)


# ---------------------------------------------------------------------------------------------
# Where a character is
# ---------------------------------------------------------------------------------------------


@dataclass
class _Body:
    text: str
    starts: list[tuple[int, int]]  # (offset in text, line number) of each line

    def where(self, offset: int, **extra: Any) -> dict[str, Any]:
        line, start = 1, 0
        for s, n in self.starts:
            if s > offset:
                break
            start, line = s, n
        return {"line": line, "column": offset - start + 1, **extra}


# ---------------------------------------------------------------------------------------------
# Headings
# ---------------------------------------------------------------------------------------------

_HEADING_END = re.compile(r"情况|事项|计划")


def find_headings(text: str) -> list[tuple[int, int, int]]:
    """(section number, start, end) of each inline heading: its numeral, in sequence after the
    previous heading, then words of that section up to 「情况」/「事项」/「计划」, with no digits or
    sentence marks between (so that 「四、结转下年度继续办理0 0 …」 is not taken for 四)."""
    found: list[tuple[int, int, int]] = []
    pos = 0
    for n in range(1, 7):
        numeral = labels.SECTIONS[n - 1].numeral
        for m in re.finditer(numeral + r"\s*[、.．]", text[pos:]):
            start = pos + m.start()
            end_m = _HEADING_END.search(text, start, start + 45)
            if not end_m:
                continue
            head = text[start:end_m.end()]
            if re.search(r"[0-9０-９。；;：:！？]", head) or match_section(head) != n:
                continue
            found.append((n, start, end_m.end()))
            pos = end_m.end()
            break
    return found


# ---------------------------------------------------------------------------------------------
# Labels: exact, or a misprint matched by position and edit distance
# ---------------------------------------------------------------------------------------------


def distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@dataclass(frozen=True)
class _RowLabel:
    id: str
    zh: str  # the template's label, as the row is handed on
    forms: tuple[str, ...]  # normalised printed forms that are this row exactly
    noted: tuple[str, ...] = ()  # forms read as this row but named in a finding (the other template's label)


def _forms(*texts: str) -> tuple[str, ...]:
    out: list[str] = []
    for t in texts:
        k = norm(t)
        for f in (k, _NOTE.sub("", k)):
            if f and f not in out:
                out.append(f)
    return tuple(out)


def _match(segment: str, rows: Sequence[_RowLabel], after: int) -> tuple[int, str] | None:
    """The row whose label ends the segment (index into ``rows``, the printed label), or None.
    Exact forms first (the longest wins); otherwise the next rows in order, by edit distance, when
    one is clearly nearest."""
    key = norm(segment)
    best: tuple[int, int] | None = None  # (length, index)
    for i, row in enumerate(rows):
        for f in row.forms + row.noted:
            if key.endswith(f) and (best is None or len(f) > best[0]):
                best = (len(f), i)
    if best is not None and best[1] > after:
        return best[1], key[-best[0]:]
    scored: list[tuple[int, int, str]] = []
    for i in range(after + 1, min(after + 3, len(rows))):
        target = rows[i].forms[-1]
        if len(target) < 4:
            continue  # a short label (「规章」) is only itself: 「规定」 is not a misprint of it
        for size in range(max(1, len(target) - 2), len(target) + 3):
            if size > len(key):
                break
            tail = key[-size:]
            scored.append((distance(tail, target), i, tail))
    if not scored:
        return None
    scored.sort()
    d, i, tail = scored[0]
    limit = max(1, len(rows[i].forms[-1]) // 6)
    rivals = [s for s in scored if s[1] != i and s[0] <= d]
    if d <= limit and not rivals and "。" not in tail:
        return i, tail
    return None


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------

_RUN = re.compile(r"\d+(?:(?:[ \t\u3000\xa0]+|\.)\d+)*")
_UNIT = re.compile(r"\s*(万元|元)")


@dataclass
class _Printed:
    row: _RowLabel
    label: str  # as printed (normalised)
    run: str
    start: int  # offset of the run
    end: int  # offset after the run (and its unit)
    unit: str = ""


@dataclass
class _Table:
    name: str  # t2 / t3 / t4
    start: int
    end: int
    rows: list[_Printed] = field(default_factory=list)
    template: str = "2021"


def _scan(body: str, start: int, rows: Sequence[_RowLabel], stop_after: set[str]) -> tuple[list[_Printed], int]:
    """Label, run, label, run … from ``start`` while each label is the next row of the table."""
    out: list[_Printed] = []
    pos, last, search_at = start, -1, start
    while True:
        m = _RUN.search(body, search_at)
        if not m:
            break
        run_start, run_end = m.start(), m.end()
        run = m.group()
        numbered = body[run_end:run_end + 1] in (".", "．", "、") and not body[run_end + 1:run_end + 2].isdigit()
        if numbered and len(run) == 1:
            search_at = run_end  # a sub-row's number inside its label: 「（三）不予公开1.属于国家秘密」
            continue
        # A sub-row's number printed against the previous run: 「0 0 0 0 0 002.其他法律…」.
        if numbered:
            run, run_end = run[:-1].rstrip(), run_end - 1
        found = _match(body[pos:run_start], rows, last)
        if found is None:
            break
        index, printed = found
        unit = _UNIT.match(body, run_end)
        end = unit.end() if unit else run_end
        out.append(_Printed(rows[index], printed, run, run_start, end, unit.group(1) if unit else ""))
        pos, last = end, index
        if rows[index].id in stop_after:
            break
        if run_end != m.end():
            pos = run_end  # the moved sub-row number starts the next label
        search_at = pos
    return out, pos


def _with_extensions(rows: list[_RowLabel], table: str, extensions: Any) -> list[_RowLabel]:
    """The table's rows with the rows plugins declared for it, each after the national row it follows
    (``ExtraRow.after``); their ids start with ``ext:`` and name the extension's pointer."""
    for extra in (extensions.rows if extensions else ()):
        at = next((i for i, r in enumerate(rows) if r.id == extra.after), None)
        if extra.table == table and at is not None:
            rows.insert(at + 1, _RowLabel("ext:" + pointer(*extra.path), extra.zh, _forms(extra.zh, *extra.variants)))
    return rows


def _t2_rows(template: str) -> list[_RowLabel]:
    return [_RowLabel(r.id, r.zh, _forms(r.zh, *r.variants)) for b in labels.t2_blocks(template) for r in b.rows]


def _t3_rows() -> list[_RowLabel]:
    rows = []
    for r in labels.T3_ROWS_2021[:-2] + (labels.T3_OTHER_2019,) + labels.T3_ROWS_2021[-2:]:
        rows.append(_RowLabel(r.id, r.zh, _forms(r.zh, *r.variants)))
    return rows


_T2_2019_WORDS = ("本年新制作数量", "本年新公开数量", "对外公开总数量", "第二十条第（九）项", "政府集中采购", "上一年项目数量")
_T2_2021_WORDS = ("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额")


def _tables(body: str, headings: list[tuple[int, int, int]], extensions: Any = None) -> list[_Table]:
    out: list[_Table] = []
    head = {n: (s, e) for n, s, e in headings}
    pos = head.get(2, (0, 0))[0]
    # the first 「第二十条第…」 that starts a table (the preface or section 二 may cite the article)
    for found in re.finditer("第二十条第", body[pos:]):
        t2_at = pos + found.start()
        stretch = norm(body[t2_at:t2_at + 600])
        template = "2019" if sum(norm(w) in stretch for w in _T2_2019_WORDS) > sum(norm(w) in stretch for w in _T2_2021_WORDS) \
            else "2021"
        rows = _t2_rows(template)
        # the other template's labels still point to the same row (「规范性文件」 printed in a 2021 report)
        other = {r.id: r for r in _t2_rows("2021" if template == "2019" else "2019")}
        rows = _with_extensions([_RowLabel(r.id, r.zh, r.forms, tuple(f for f in other.get(r.id, r).forms if f not in r.forms))
                                 for r in rows], "t2", extensions)
        printed, end = _scan(body, t2_at, rows, {rows[-1].id})
        if printed:
            out.append(_Table("t2", t2_at, end, printed, template))
            pos = end
            break
    t3_at = min((i for i in (body.find("本列数据", pos), body.find("申请人情况", pos)) if i >= 0), default=-1)
    if t3_at >= 0:
        t3_at = max(t3_at - 1, 0) if body[t3_at - 1:t3_at] in "（(" else t3_at
        printed, end = _scan(body, t3_at, _with_extensions(_t3_rows(), "t3", extensions), {"carried_forward"})
        if printed:
            template = "2019" if any(p.row.id == "other_handling" for p in printed) else "2021"
            out.append(_Table("t3", t3_at, end, printed, template))
            pos = end
    t4_at = body.find("结果维持", pos)
    if t4_at >= 0:
        for word in ("行政诉讼", "行政复议"):
            back = body.rfind(word, pos, t4_at)
            if back >= 0 and not body[back:t4_at].replace(" ", "").replace("行政复议", "").replace("行政诉讼", ""):
                t4_at = back
        header = _RowLabel("t4", "总计", ("总计",))
        m = _RUN.search(body, t4_at)
        if m and all(w in norm(body[t4_at:m.start()]) for w in ("结果维持", "尚未审结", "复议后起诉")) \
                and norm(body[t4_at:m.start()]).endswith("总计"):
            out.append(_Table("t4", t4_at, m.end(), [_Printed(header, "总计", m.group(), m.start(), m.end())]))
        else:
            out.extend(_t4_block_rows(body, t4_at, header))
    return out


# T4 printed with its blocks as rows (a column per result): 「结果维持…总计 行政复议 0 0 0 0 0 未经复议直接起诉 …」.
_T4_ROW_LABELS = (("行政复议",), ("未经复议直接起诉", "行政诉讼未经复议直接起诉"), ("复议后起诉", "行政诉讼复议后起诉"))


def _t4_block_rows(body: str, at: int, header: _RowLabel) -> list[_Table]:
    """T4 as three labelled rows of five, read as the one run of fifteen the blocks make in order;
    each label is a boundary between cells.  Nothing when the text is not exactly that."""
    runs: list[re.Match[str]] = []
    pos = at
    for i, forms in enumerate(_T4_ROW_LABELS):
        m = _RUN.search(body, pos)
        if not m:
            return []
        before = norm(body[pos:m.start()])
        if i == 0:  # the column header, then the first block's label
            if not ("结果维持" in before and "尚未审结" in before and before.endswith(forms[0])) or "复议后起诉" in before:
                return []
        elif before not in forms:
            return []
        runs.append(m)
        pos = m.end()
    run = " ".join(m.group() for m in runs)
    return [_Table("t4", at, runs[-1].end(), [_Printed(header, "总计", run, runs[0].start(), runs[-1].end())])]


_EVIDENCE = {"t2": ("第二十条第",), "t3": ("本列数据", "申请人情况"), "t4": ("结果维持",)}


def _unread(body: _Body, tables: list[_Table]) -> list[Finding]:
    """A GC003 warning for each table whose labels are printed but whose numbers could not be read."""
    read = {t.name for t in tables}
    out = []
    for name, words in _EVIDENCE.items():
        at = min((i for i in (body.text.find(w) for w in words) if i >= 0), default=-1)
        if name not in read and at >= 0:
            out.append(Finding(INCOMPLETE, Severity.WARNING, "left_out", (pointer("tables", name),),
                               {"where": _where_text(body.where(at)),
                                "reason": Text("原文印有该表的标题或栏目，但未能按模板的行读出其中的数字",
                                               "the table's labels are printed but its numbers could not be read "
                                               "row by row")}))
    return out


def _t3_relations(template: str) -> list[Relation]:
    result_rows = labels.t3_result_rows(template)
    rel = []
    for c in range(7):
        rel.append(Relation((("results_total", c),), tuple((r, c) for r in result_rows), "R2"))
        rel.append(Relation((("new_received", c), ("carried_over", c)), (("results_total", c), ("carried_forward", c)), "R1"))
    return rel


def _row_total(cells: Sequence[float]) -> bool:
    return cells[-1] == sum(cells[:-1])


def _t4_totals(cells: Sequence[float]) -> bool:
    return all(cells[i + 4] == sum(cells[i:i + 4]) for i in range(0, 15, 5))


def _extension(row_id: str, extensions: Any) -> Any:
    return next(r for r in extensions.rows if "ext:" + pointer(*r.path) == row_id)


def _decode(table: _Table, extensions: Any = None) -> Decoded:
    runs = []
    for p in table.rows:
        if p.row.id.startswith("ext:"):  # a plugin's row: as many values as its declared columns
            runs.append(RowRun(p.row.id, len(_extension(p.row.id, extensions).resolved_columns()), pieces(p.run)))
        elif table.name == "t3":
            runs.append(RowRun(p.row.id, 7, pieces(p.run), _row_total))
        elif table.name == "t4":
            runs.append(RowRun("t4", 15, pieces(p.run), _t4_totals))
        else:
            block = next(b for b in labels.t2_blocks(table.template) if any(r.id == p.row.id for r in b.rows))
            runs.append(RowRun(p.row.id, len(block.columns), pieces(p.run)))
    relations = _t3_relations(table.template) if table.name == "t3" else []
    return decode(runs, relations)


# What each relation that can choose a split says, and the rules that could otherwise find it broken.
_RELATION_TEXTS = {
    "t3": {
        ROW_RELATION: (Text("每行总计 = 各类申请人之和", "row total = applicant columns"), "GC202"),
        "R2": (Text("（七）总计 = 各项办理结果之和", "(7) total = result rows"), "GC203"),
        "R1": (Text("一 + 二 = 三（七）+ 四", "I + II = III(7) + IV"), "GC204"),
    },
    "t4": {ROW_RELATION: (Text("每栏总计 = 维持 + 纠正 + 其他 + 尚未审结",
                               "each block's total = upheld + corrected + other + pending"), "GC302")},
}


def _relations_used(table: str, used: set[str]) -> tuple[Text, str] | None:
    """The relations that chose splits in this table, in the template's order, and the rules they blind."""
    known = _RELATION_TEXTS.get(table, {})
    parts = [known[name] for name in known if name in used]
    if not parts:
        return None
    codes = [code for _, code in parts] + (["GC205"] if table == "t3" else [])
    return (Text("；".join(t.zh for t, _ in parts), "; ".join(t.en for t, _ in parts)), "、".join(codes))


def _show(cells: Sequence[str], width: int = 60) -> str:
    text = " ".join(cells)
    return text if len(text) <= width else text[:width] + "…"


# ---------------------------------------------------------------------------------------------
# The block stream
# ---------------------------------------------------------------------------------------------

_CHROME = re.compile(r"^(当前位置[:：].*|首页.*|来源[:：]?|-->|微信|微博|QQ空间|全真版|文字版|文件下载|相关链接[:：]?|附件下载|"
                     r"打印|关闭|分享到[:：]?|字号[:：]?.*|[大中小])$")
_TAIL_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_COLOPHON = re.compile(r"\s*\S{2,30}\s*\d{4}年\d{1,2}月\d{1,2}日\s*印发$")


def _header(lines: list[str]) -> tuple[list[Block], int]:
    """Metadata from the crawler's header, and the index of the first body line."""
    sep = next((i for i, line in enumerate(lines[:40]) if SEPARATOR.match(line)), None)
    if sep is None:
        return [], 0
    out: list[Block] = []
    for i, line in enumerate(lines[:sep]):
        m = _HEADER.match(line.strip())
        if not m or not m.group(2).strip():
            continue
        key, value, where = m.group(1), m.group(2).strip(), {"line": i + 1, "source": "header:" + m.group(1)}
        if key == "标题":
            out.append(Meta("title", value, where))
        elif key in ("发布时间", "发布日期"):
            if date_value(value):
                out.append(Meta("publication_date", date_value(value), where))
        elif key == "原文链接":
            out.append(Meta("url", value, where))
        elif key == "发布机构":
            out.append(Meta("organ_name", value, where))
    return out, sep + 1


def _text_paras(body: _Body, start: int, end: int, split: bool) -> list[Block]:
    """Paragraphs of the text between two offsets: one, or (``split``) one per space-separated piece."""
    out: list[Block] = []
    chunk = body.text[start:end]
    if not split:
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            out.append(Para(chunk.strip(), body.where(start + lead)))
        return out
    for m in re.finditer(r"\S+", chunk):
        piece = m.group()
        at = start + m.start()
        if _CHROME.match(piece):
            continue
        out.append(Para(piece, body.where(at)))
    return out


def blocks(text: str, extensions: Any = None) -> tuple[list[Block], list[Finding]]:
    """The crawler text's paragraphs and table rows; ``extensions`` (the plugins'
    TemplateExtensions) adds the rows a province declared to the tables' row sequences."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out, first = _header(lines)
    starts, parts, offset = [], [], 0
    for n, line in enumerate(lines[first:], first + 1):
        starts.append((offset, n))
        parts.append(line)
        offset += len(line) + 1
    body = _Body(" ".join(parts), starts)
    findings: list[Finding] = []
    headings = find_headings(body.text)
    tables = _tables(body.text, headings, extensions)
    findings.extend(_unread(body, tables))
    end_of_text = len(body.text.rstrip())

    # The front matter: page furniture and the title as separate pieces, then the preface.
    first_heading = headings[0][1] if headings else end_of_text
    front = body.text[:first_heading]
    preface_at = _preface_start(front)
    pos = 0
    for t in PAGE_DATE.finditer(body.text, 0, preface_at):
        out.extend(_text_paras(body, pos, t.start(), split=True))
        if iso_date(*t.groups()[1:]):
            out.append(Meta("publication_date", iso_date(*t.groups()[1:]), body.where(t.start(), source="page:" + t.group(1))))
        pos = t.end()
    out.extend(_text_paras(body, pos, preface_at, split=True))
    out.extend(_text_paras(body, preface_at, first_heading, split=False))
    for table in tables:  # a table printed before any heading (or in a body whose headings were not found)
        if table.start < first_heading:
            out.extend(_table_blocks(body, table, findings))

    # The signature at the very end: the organ and a date.
    tail_end = end_of_text
    while True:
        stripped = body.text[:tail_end].rstrip()
        cut = next((len(stripped) - len(w) for w in ("附件下载", "文件下载") if stripped.endswith(w)), None)
        colophon = _COLOPHON.search(stripped)
        if cut is not None:
            tail_end = cut
        elif colophon:
            tail_end = colophon.start()
        else:
            tail_end = len(stripped)
            break
    signature: list[Block] = []
    date_m = _TAIL_DATE.search(body.text, 0, tail_end)
    if date_m and headings:
        date_start = date_m.start()
        before = body.text[:date_start].rstrip()
        organ_m = re.search(r"[。！？;；\s]([^。！？;；\s]{4,30})$", before)
        organ_start = date_start
        if organ_m and organ_m.start(1) > headings[-1][2]:
            organ_start = organ_m.start(1)
            signature.append(Para(organ_m.group(1), body.where(organ_start)))
        signature.append(Para(re.sub(r"\s+", "", date_m.group()), body.where(date_start)))
        tail_end = organ_start

    for k, (n, start, end) in enumerate(headings):
        out.append(Para(body.text[start:end], body.where(start)))
        stop = headings[k + 1][1] if k + 1 < len(headings) else tail_end
        pos = end
        for table in tables:
            if not (end <= table.start < stop):
                continue
            out.extend(_text_paras(body, pos, table.start, split=False))
            out.extend(_table_blocks(body, table, findings, extensions))
            pos = table.end
        out.extend(_text_paras(body, pos, max(pos, stop), split=False))
    out.extend(signature)
    return out, findings


_DOC_NUMBER = re.compile(r"^\S{1,10}〔\d{4}〕\d+号$")


def _preface_start(front: str) -> int:
    """Where the preface begins in the front matter: at the first space-separated piece that is not
    page furniture (a breadcrumb, 「来源：」, share links, the page's time), a document number, the
    title, or the organ's name printed before the title."""
    for m in re.finditer(r"\S+", front):
        piece = m.group()
        if _CHROME.match(piece) or _DOC_NUMBER.match(piece) or re.fullmatch(r"\d{1,2}:\d{2}(:\d{2})?", piece) \
                or PAGE_DATE.fullmatch(piece):
            continue
        if len(piece) <= 60 and not re.search(r"[。，,；;：:]", piece) and \
                (piece.endswith(("报告", "年报")) or (len(piece) <= 30 and infer_kind(piece) is not None)):
            continue
        return m.start()
    return len(front)


def _table_blocks(body: _Body, table: _Table, findings: list[Finding], extensions: Any = None) -> list[Block]:
    decoded = _decode(table, extensions)
    out: list[Block] = []
    name = "t2_2019" if table.name == "t2" and table.template == "2019" else table.name
    if table.name == "t2":
        columns = [c.zh for b in labels.t2_blocks(table.template) for c in b.columns]
        out.append(Row(tuple(Cell(c, body.where(table.start)) for c in dict.fromkeys(columns)), body.where(table.start)))
    if table.name == "t4":
        out.append(Row(tuple(Cell(b.zh if i == 0 else b.short, body.where(table.start)) for i, b in enumerate(labels.T4_BLOCKS)),
                       body.where(table.start)))
    inferred_rows = 0
    for p in table.rows:
        where = body.where(p.start)
        result = decoded.rows[p.row.id]
        row_ptr = pointer("tables", "t4") if table.name == "t4" else p.row.id[4:] if p.row.id.startswith("ext:") \
            else pointer("tables", name, p.row.id)
        if p.row.id != "t4" and p.label not in p.row.forms:
            findings.append(Finding(INCOMPLETE, Severity.INFO, "label_variant", (row_ptr,),
                                    {"where": _where_text(where), "printed": p.label, "read_as": norm(p.row.zh)}))
        if result.cells is None:
            findings.append(_left_out(row_ptr, where, p.run, result, table.name in _RELATION_TEXTS))
            continue
        cells = list(result.cells)
        if p.unit:
            cells[-1] += p.unit
        cell_where = {**where, "inferred": "relations"} if result.inferred else where
        inferred_rows += result.inferred
        label = () if table.name == "t4" else (Cell(p.row.zh, where),)
        out.append(Row(label + tuple(Cell(c, dict(cell_where)) for c in cells), where))
    if table.name == "t3":
        findings.extend(_corner_note(body, table))
    used = _relations_used(table.name, decoded.used) if inferred_rows else None
    if used:
        rel, codes = used
        findings.append(Finding(INCOMPLETE, Severity.INFO, "decoded", (pointer("tables", name),),
                                {"where": _where_text(body.where(table.start)), "rows": inferred_rows, "relations": rel,
                                 "rules": codes}))
    return out


def _corner_note(body: _Body, table: _Table) -> list[Finding]:
    """The note printed in T3's corner, when printed with a character changed (「钩稽关系」)."""
    canonical = labels.T3_CORNER_NOTE[0]
    at = body.text.find("本列数据", table.start, table.rows[0].start if table.rows else table.end)
    if at < 0:
        return []
    start = at - 1 if body.text[at - 1:at] in "（(" else at
    printed = body.text[start:start + len(canonical)]
    if norm(printed) == norm(canonical) or distance(norm(printed), norm(canonical)) > 2:
        return []
    return [Finding(INCOMPLETE, Severity.INFO, "label_variant", (pointer("tables", "t3"),),
                    {"where": _where_text(body.where(start)), "printed": printed, "read_as": canonical})]


def _left_out(ptr: str, where: dict[str, Any], run: str, result: Any, related: bool) -> Finding:
    shown = "；".join(_show(c) for c in result.candidates[:6]) + ("；……" if len(result.candidates) > 6 else "")
    shown_en = "; ".join(_show(c) for c in result.candidates[:6]) + ("; …" if len(result.candidates) > 6 else "")
    run = _show([run], 40)
    capped = "（候选过多，只列出前若干种）" if result.capped else ""
    capped_en = " (too many candidates; only the first are listed)" if result.capped else ""
    if result.reason == "none":
        zh, en = f"数字「{run}」不够拆成本行应有的栏数", f"the digits “{run}” are too few for the row's cells"
    elif result.reason == "inconsistent":
        zh = f"数字「{run}」连排印出，没有一种拆分能使本表的勾稽关系成立，无法确定各格；可能的拆分：{shown}{capped}"
        en = f"the digits “{run}” are printed run together and no split satisfies the table's relations; splits: {shown_en}{capped_en}"
    elif not related:
        zh = f"数字「{run}」连排印出，可拆分为多种读法（本表没有可用于取舍的勾稽关系）：{shown}{capped}"
        en = f"the digits “{run}” are printed run together and can be split several ways (no relation in this table tells them apart): {shown_en}{capped_en}"
    else:
        zh = f"数字「{run}」连排印出，可拆分为多种读法且都符合勾稽关系：{shown}{capped}"
        en = f"the digits “{run}” are printed run together and can be split several ways that all fit the relations: {shown_en}{capped_en}"
    return Finding(INCOMPLETE, Severity.WARNING, "left_out", (ptr,), {"where": _where_text(where), "reason": Text(zh, en)})
