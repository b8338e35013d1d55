"""`--output-dir`: the names of the per-report files and ``index.html``, the table of every report
(单位 · 地区 · counts · status) linking to its page, sortable by clicking a column heading, grouped by
region when a hierarchy is given.  Renders a :class:`checker.summary.BatchSummary`; computes nothing.

The sorting is the one small script on any page gov-check writes; without it (scripts off, printed)
the table is in the batch's order, which follows the hierarchy file, else region and organ."""

from __future__ import annotations

import os
import re
from html import escape
from typing import Mapping, Sequence

from checker import __version__
from checker.findings import STATUSES
from checker.summary import BatchSummary

SUFFIXES = {"html": ".html", "json": ".json", "markdown": ".md", "sarif": ".sarif", "junit": ".xml", "text": ".txt",
            "docx": ".docx", "xlsx": ".xlsx", "csv": ".csv"}
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def page_names(files: Sequence[str], suffix: str) -> list[str]:
    """A file name per report, after its input (「甲区 2023.docx」 → 「甲区 2023.html」); inputs that
    share a name (two folders' 报告.docx) get 「-2」, 「-3」, and none is ever named index.html."""
    taken = {"index.html"}
    out = []
    for f in files:
        stem = _UNSAFE.sub("_", os.path.splitext(os.path.basename(f))[0]).strip(" .") or "report"
        name, n = f"{stem}{suffix}", 1
        while name.lower() in taken:
            n += 1
            name = f"{stem}-{n}{suffix}"
        taken.add(name.lower())
        out.append(name)
    return out


_CSS = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 24px; color: #1b1b1b; }
h1 { font-size: 21px; margin: 0 0 6px; } p.meta { color: #555; margin: 2px 0 14px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { border: 1px solid #888; padding: 4px 8px; text-align: left; }
th { background: #eee; cursor: pointer; user-select: none; white-space: nowrap; }
th[aria-sort=ascending]::after { content: " ▲"; } th[aria-sort=descending]::after { content: " ▼"; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.group th { background: #dfe7f1; cursor: default; text-align: left; }
.s-fail { color: #b3261e; font-weight: bold; } .s-pass { color: #1e7b34; }
.s-incomplete, .s-not_checked { color: #7b1fa2; font-weight: bold; } .s-not_report { color: #555; }
@media print { th { cursor: auto; } th::after { content: "" !important; } }
"""

# Sorts the rows of the table's body (group headings stay out of a sorted table); numbers as numbers.
_SCRIPT = """
document.querySelectorAll("table.sortable th[data-col]").forEach(function (th) {
  th.addEventListener("click", function () {
    var table = th.closest("table"), col = +th.dataset.col, body = table.tBodies[0];
    var down = th.getAttribute("aria-sort") === "ascending";
    table.querySelectorAll("th[aria-sort]").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", down ? "descending" : "ascending");
    var rows = Array.prototype.slice.call(body.querySelectorAll("tr.r"));
    body.querySelectorAll("tr.group").forEach(function (g) { g.remove(); });
    rows.sort(function (a, b) {
      var x = a.cells[col].dataset.v || a.cells[col].textContent, y = b.cells[col].dataset.v || b.cells[col].textContent;
      var c = (isFinite(x) && isFinite(y) && x !== "" && y !== "") ? x - y : x.localeCompare(y, "zh-CN");
      return down ? -c : c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
"""


def render_index(summary: BatchSummary, pages: Mapping[str, str], lang: str = "zh") -> str:
    """``pages``: report file → the name of its page in the same folder."""
    en = lang == "en"
    t = summary.totals
    heads = (("单位", "地区", "上级", "年度", "文件", "结论", "错误", "警告", "提示", "说明") if not en else
             ("Organ", "Region", "Parent", "Year", "File", "Status", "Errors", "Warnings", "Info", "Note"))
    grouped = any(r.parent or r.region for r in summary.reports)
    rows: list[str] = []
    group = None
    for r in summary.reports:
        if grouped and r.region != group:
            group = r.region
            rows.append(f'<tr class="group"><th colspan="{len(heads)}">{escape(group or ("（未标明地区）" if not en else "(no region)"))}</th></tr>')
        page = pages.get(r.file)
        name = os.path.basename(r.file)
        organ = escape(r.organ_name or name)
        link = f'<a href="{escape(page)}">{organ}</a>' if page else organ
        status = STATUSES[r.status][1 if en else 0]
        cells = [link, escape(r.region), escape(r.parent), escape(str(r.report_year or "")), escape(name),
                 f'<span class="s-{r.status}">{escape(status)}</span>']
        numbers = [f'<td class="n">{n}</td>' for n in (r.error, r.warning, r.info)]
        rows.append('<tr class="r">' + "".join(f"<td>{c}</td>" for c in cells) + "".join(numbers)
                    + f"<td>{escape((r.problem or '').replace(r.file, name))}</td></tr>")
    line = (f"{t['reports']} 个文件：{t['fail']} 份未通过、{t['pass']} 份通过、{t['incomplete']} 份检查不完整、"
            f"{t['not_checked']} 份无法检查、{t['not_report']} 个不是年度报告；"
            f"共 {t['error']} 个错误、{t['warning']} 个警告、{t['info']} 个提示" if not en else
            f"{t['reports']} files: {t['fail']} failed, {t['pass']} passed, {t['incomplete']} incomplete, "
            f"{t['not_checked']} not checked, {t['not_report']} not reports; "
            f"{t['error']} errors, {t['warning']} warnings, {t['info']} info")
    head = "".join(f'<th data-col="{i}" scope="col">{escape(h)}</th>' for i, h in enumerate(heads))
    title = "检查结果总览" if not en else "Results"
    return (f'<!DOCTYPE html>\n<html lang="{"en" if en else "zh-CN"}"><head><meta charset="utf-8">'
            f'<meta name="generator" content="gov-check {escape(__version__)}"><title>{title}</title>'
            f"<style>{_CSS}</style></head><body><h1>{title}</h1><p class=\"meta\">{escape(line)}"
            + ("（点击列标题排序）" if not en else " (click a heading to sort)") + "</p>"
            f'<table class="sortable"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
            f"<script>{_SCRIPT}</script></body></html>\n")
