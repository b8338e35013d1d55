"""The province's ledger (问题台账) as an Excel workbook: 「问题台账」 one row per finding with an empty
整改状态 to choose from a drop-down, 「汇总」 one row per report, 「规则」 counts per rule.  Frozen
header rows, filters, column widths for Chinese text.  Renders the results and the batch summary;
computes nothing."""

from __future__ import annotations

import io
import os
from typing import Any

from checker.findings import STATUSES, ReportResult
from checker.output.problems import fail_on_of, problems
from checker.output.safe import xml_text
from checker.output.summary import organ_kind_label, top_in_words

FIX_STATES = ("未整改", "已整改", "不予整改")
# (heading, width in characters): a Chinese character is about two of Excel's width units.
LEDGER = (("地区", 10), ("上级", 14), ("单位", 18), ("年度", 6), ("文件", 16), ("规则", 7), ("严重程度", 9),
          ("位置", 28), ("问题", 48), ("依据", 22), ("修改建议", 34), ("整改状态", 10))
LEDGER_EN = ("Region", "Parent", "Organ", "Year", "File", "Rule", "Severity", "Where", "Problem", "Basis",
             "Suggested fix", "Fix status")
SUMMARY = (("地区", 12), ("上级", 18), ("单位", 26), ("机关类别", 14), ("年度", 7), ("文件", 24), ("结论", 11),
           ("错误", 7), ("警告", 7), ("提示", 7), ("已豁免", 8), ("主要问题", 60), ("说明", 40))
SUMMARY_EN = ("Region", "Parent", "Organ", "Kind", "Year", "File", "Status", "Errors", "Warnings", "Info", "Waived",
              "Top problems", "Note")
RULES = (("规则", 8), ("名称", 40), ("未通过的报告", 13), ("问题数", 9), ("数据不足", 10), ("出错", 7), ("依据", 40))
RULES_EN = ("Rule", "Title", "Reports failed", "Findings", "Insufficient data", "Errored", "Basis")


def _clean(value: Any) -> Any:
    """A value Excel can hold: openpyxl refuses control characters a report's text may carry, and
    the file's XML cannot hold U+FFFE/U+FFFF or a lone surrogate (checker/output/safe.py)."""
    if not isinstance(value, str):
        return value  # a count of 0 stays 0: never a blank
    if not value:
        return None  # an empty string is an empty cell (filters show it as 空白)
    return xml_text(value)


def _append(ws: Any, values: Any) -> None:
    """A row of cleaned values; text is text, even when it starts with 「=」 (never a formula)."""
    ws.append([_clean(v) for v in values])
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str) and cell.data_type == "f":
            cell.data_type = "s"


def _sheet(wb: Any, title: str, columns: tuple, en_heads: tuple | None, lang: str, first: bool = False) -> Any:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    ws = wb.active if first else wb.create_sheet()
    ws.title = title
    heads = en_heads if lang == "en" and en_heads else tuple(c[0] for c in columns)
    ws.append(list(heads))
    thin = Side(style="thin", color="808080")
    for i, (cell, (_, width)) in enumerate(zip(ws[1], columns), 1):
        cell.font = Font(name="黑体", bold=True)
        cell.fill = PatternFill("solid", fgColor="E6E6E6")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    # Printed: landscape A4, as wide as the page, the heading row on every page.
    ws.page_setup.orientation, ws.page_setup.paperSize = "landscape", ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_title_rows = "1:1"
    return ws


def _width(text: str) -> int:
    """Excel's width units a text takes: a Chinese (wide) character about two, others one."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _finish(ws: Any, wrap: set[int], center: set[int] = frozenset()) -> None:
    """Body font, filters, and wrapped columns with rows tall enough for their lines (Excel and
    LibreOffice do not grow a row for wrapped text written by a program)."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    if ws.max_row < 2:
        return
    ws.auto_filter.ref = ws.dimensions
    body = Font(name="宋体")
    widths = {i: ws.column_dimensions[get_column_letter(i)].width or 10 for i in wrap}
    for row in ws.iter_rows(min_row=2):
        lines = 1
        for cell in row:
            cell.font = body
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column in wrap,
                                       horizontal="center" if cell.column in center else None)
            if cell.column in wrap and isinstance(cell.value, str):
                lines = max(lines, -(-_width(cell.value) // max(1, int(widths[cell.column]) - 1)))
        if lines > 1:
            ws.row_dimensions[row[0].row].height = 15 * min(lines, 20)


def build(results: list[ReportResult], rules: Any, summary: Any, lang: str = "zh") -> Any:
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    en = lang == "en"
    wb = Workbook()
    lines = {line.file: line for line in summary.reports} if summary is not None else {}
    ledger = _sheet(wb, "问题台账" if not en else "Findings", LEDGER, LEDGER_EN, lang, first=True)
    order = [line.file for line in summary.reports] if summary is not None else [r.file for r in results]
    by_file = {r.file: r for r in results}
    for file in order:
        result = by_file.get(file)
        if result is None or result.load_error:
            continue
        line = lines.get(file)
        who = (line.region, line.parent, line.organ_name or "", line.report_year or "") if line else ("", "", "", "")
        for p in problems(result, rules, lang):
            _append(ledger, (*who, os.path.basename(file), p.code, p.severity, p.where, p.problem, p.basis, p.fix, None))
    if ledger.max_row >= 2:
        states = DataValidation(type="list", formula1='"' + ",".join(FIX_STATES) + '"', allow_blank=True,
                                showErrorMessage=True, errorTitle="整改状态", error="请从列表中选择：" + "、".join(FIX_STATES))
        states.add(f"L2:L{ledger.max_row}")
        ledger.add_data_validation(states)
    _finish(ledger, {1, 2, 3, 5, 8, 9, 10, 11}, {4, 6, 7, 12})

    sheet = _sheet(wb, "汇总" if not en else "Reports", SUMMARY, SUMMARY_EN, lang)
    for line in summary.reports if summary is not None else ():
        _append(sheet, (
            line.region, line.parent, line.organ_name or "", organ_kind_label(line.organ_kind, lang),
            line.report_year or "", os.path.basename(line.file), STATUSES[line.status][1 if en else 0],
            *((line.error, line.warning, line.info, line.waived) if line.status != "not_checked" else (None,) * 4),
            top_in_words(line, rules, lang), line.problem or ""))
    _finish(sheet, {1, 2, 3, 6, 12, 13}, {5, 7, 8, 9, 10, 11})

    per_rule = _sheet(wb, "规则" if not en else "Rules", RULES, RULES_EN, lang)
    for r in summary.rules if summary is not None else ():
        cls = rules.get(r.code)
        _append(per_rule, (r.code, r.title_en if en else r.title_zh, r.failed, r.findings, r.insufficient_data,
                           r.errored, getattr(cls, "clause", "") if cls else ""))
    _finish(per_rule, {2, 7}, {3, 4, 5, 6})
    wb.properties.creator = "gov-check"
    return wb


def render(results: list[ReportResult], ctx: Any) -> bytes:
    summary = ctx.extra.get("summary")
    if summary is None:
        from checker.summary import summarise

        summary = summarise(results, ctx.rules, fail_on_of(ctx))
    elif {line.file for line in summary.reports} != {r.file for r in results}:  # one report of a batch (--output-dir)
        from dataclasses import replace

        from checker.summary import summarise

        files = {r.file for r in results}
        summary = replace(summarise(results, ctx.rules, fail_on_of(ctx)),  # its own per-rule counts …
                          reports=tuple(line for line in summary.reports if line.file in files))  # … its batch line
    buf = io.BytesIO()
    build(results, dict(ctx.rules), summary, ctx.lang).save(buf)
    return buf.getvalue()
