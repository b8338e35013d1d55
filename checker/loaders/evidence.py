"""Never a silent loss: what a file evidently prints that the import did not read.

A template table is evidently printed when two of its own header or row labels — words that prose
does not use — appear in the file; a section heading is evidently printed when a paragraph begins
with its numeral and words.  What was printed but not imported is a GC003 finding with the place and
the reason, so that no reader takes the gap for the unit's omission; the findings that only follow
from such a gap (GC001 for a cell left out, GC010 for a section whose heading was not recognised)
are named as import gaps by :func:`mark_import_gaps`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterable, Mapping

from checker import labels
from checker.findings import Finding, Severity, Text

INCOMPLETE = "GC003"

# Labels printed in one table and nowhere in running text.
TABLE_MARKS: dict[str, tuple[str, ...]] = {
    "t2": ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "本年新制作数量", "本年新公开数量", "对外公开总数量",
           "本年处理决定数量", "本年收费金额"),
    "t3": ("申请人情况", "本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "本年度办理结果", "法律服务机构",
           "社会公益组织", "结转下年度继续办理"),
    "t4": ("结果维持", "结果纠正", "其他结果", "尚未审结", "未经复议直接起诉", "复议后起诉"),
}
TABLE_NAMES = {"t2": ("表二（主动公开政府信息情况）", "table 2 (proactive disclosure)"),
               "t3": ("表三（收到和处理政府信息公开申请情况）", "table 3 (applications)"),
               "t4": ("表四（行政复议、行政诉讼情况）", "table 4 (reconsideration and litigation)")}


def lost_tables(texts: Iterable[tuple[str, Mapping[str, Any]]], tables: Mapping[str, Any],
                reported: Iterable[Finding]) -> list[Finding]:
    """A GC003 warning for each template table the file prints (two of its labels appear) of which
    the import read nothing and said nothing."""
    from checker.loaders.layout import where_text

    said = {p for f in reported for p in f.pointers}
    first: dict[str, dict[str, Any]] = {}
    seen: dict[str, set[str]] = {name: set() for name in TABLE_MARKS}
    for text, where in texts:
        for name, marks in TABLE_MARKS.items():
            for mark in marks:
                if mark in text:
                    seen[name].add(mark)
                    first.setdefault(name, dict(where))
    out: list[Finding] = []
    nothing_read = not tables
    for name, marks in seen.items():
        present = name in tables or (name == "t2" and "t2_2019" in tables)
        ptr = f"/tables/{name}"
        if present or len(marks) < 2 or any(p == ptr or p.startswith(ptr + "/") for p in said):
            continue
        shown = "」「".join(sorted(marks, key=TABLE_MARKS[name].index)[:3])
        zh, en = TABLE_NAMES[name]
        out.append(Finding(code=INCOMPLETE, severity=Severity.WARNING, message="table_lost", pointers=(ptr,),
                           args={"place": Text(zh, en), "where": where_text(first[name]), "marks": f"「{shown}」",
                                 # with no table read, the template cannot be told from the tables
                                 **({"consequences": ["GC002"]} if nothing_read else {})}))
    return out


def unrecognised_headings(paragraphs: Iterable[tuple[str, Mapping[str, Any]]], found: set[int]) -> list[Finding]:
    """A GC003 warning for each section not found whose numeral and words begin a paragraph (a
    heading run together with its text): the section is printed, the import did not see it."""
    from checker.loaders.layout import numbered, where_text
    from checker.model import match_section

    out: list[Finding] = []
    for text, where in paragraphs:
        t = text.strip()
        if not numbered(t):
            continue
        n = match_section(t[:30])
        if n is None or n in found:
            continue
        found.add(n)
        place = labels.section_place(n)
        out.append(Finding(code=INCOMPLETE, severity=Severity.WARNING, message="heading_unrecognised",
                           pointers=("/sections",),
                           args={"place": Text(place, labels.section_place(n, "en")), "where": where_text(where),
                                 "printed": t[:30] + ("…" if len(t) > 30 else ""), "scope": {"number": n}}))
    return out


def cells_read(document: Mapping[str, Any], findings: Iterable[Finding]) -> tuple[int, int]:
    """(cells read, cells left out) over the template's tables the file printed: a table imported
    in part counts its missing cells; of a table not imported at all, the rows or the whole table
    GC003 reported."""
    tables = document.get("tables") or {}
    read = left = 0
    for name, rows in tables.items():
        if not isinstance(rows, Mapping):
            continue
        n = sum(len(r) for r in rows.values() if isinstance(r, Mapping))
        read += n
        left += max(_expected(name, rows) - n, 0)
    for f in findings:
        parts = f.pointers[0].split("/")[1:] if f.code == INCOMPLETE and f.pointers else []
        if len(parts) < 2 or parts[0] != "tables" or parts[1] in tables:
            continue
        name = parts[1]
        if len(parts) == 2:
            left += _expected(name, {})
        elif len(parts) == 3:
            left += len(labels.T3_COLUMNS) if name == "t3" else len(labels.T4_COLUMNS) if name == "t4" else \
                next((len(b.columns) for b in labels.t2_blocks("2019" if name == "t2_2019" else "2021")
                      if any(r.id == parts[2] for r in b.rows)), 1)
        else:
            left += 1
    return read, left


def _expected(name: str, rows: Mapping[str, Any]) -> int:
    if name == "t3":
        return len(labels.t3_rows("2019" if "other_handling" in rows else "2021")) * len(labels.T3_COLUMNS)
    if name == "t4":
        return len(labels.T4_BLOCKS) * len(labels.T4_COLUMNS)
    blocks = labels.t2_blocks("2019" if name == "t2_2019" else "2021")
    return sum(len(b.rows) * len(b.columns) for b in blocks)


GAP_NOTE = Text("（导入缺口：原文中印有这一内容，但读入时未能读出，见 GC003；这不是报告本身的错误，请对照原文核对）",
                " (import gap: the source prints this, but it could not be read — see GC003; not an error of "
                "the report itself, please check against the source)")


def mark_import_gaps(findings: list[Finding], gaps: Iterable[Finding]) -> list[Finding]:
    """Findings that only follow from an import gap — at or under a place a loader reported as left
    out, and agreeing with its ``scope`` — are named as such and lowered to warnings."""
    gaps = [g for g in gaps if g.code == INCOMPLETE and g.pointers]
    if not gaps:
        return findings
    out: list[Finding] = []
    for f in findings:
        if f.code != INCOMPLETE and f.pointers and any(_follows(f, g) for g in gaps):
            severity = Severity.WARNING if f.severity is Severity.ERROR else f.severity
            f = replace(f, severity=severity, args={**f.args, "import_gap": GAP_NOTE})
        out.append(f)
    return out


def _follows(finding: Finding, gap: Finding) -> bool:
    if finding.code in (gap.args.get("consequences") or ()):
        return True
    scope = gap.args.get("scope") or {}
    if any(finding.args.get(k) != v for k, v in scope.items()):
        return False
    return all(any(p == g or p.startswith(g + "/") for g in gap.pointers) for p in finding.pointers)
