"""The batch summary as a rich table (terminal), CSV (UTF-8 with BOM, so that Excel reads the
Chinese) and JSON.  It renders a :class:`checker.summary.BatchSummary`; it computes nothing."""

from __future__ import annotations

import csv
import io
import json
import os
from typing import Any

from checker.findings import STATUSES as _STATUS
from checker.labels import ORGAN_KINDS
from checker.messages import count_of, list_separator
from checker.output.safe import no_surrogates, terminal_text
from checker.summary import BatchSummary, as_dict

_STATUS_STYLE = {"fail": "bold red", "pass": "green", "incomplete": "bold magenta", "not_checked": "bold magenta",
                 "not_report": "magenta"}
BOM = "\ufeff"


def _common_folder(files: list[str]) -> str:
    """The folder all files are in (so the table can show short names), or '' when there is none."""
    try:
        base = os.path.commonpath([os.path.dirname(os.path.abspath(f)) for f in files])
    except ValueError:  # different drives, or no files
        return ""
    return base if base not in ("", os.sep) else ""


def _top(line: Any, lang: str = "zh") -> str:
    return list_separator(lang).join(f"{code}×{n}" for code, n in line.top)


def top_in_words(line: Any, rules: Any, lang: str = "zh") -> str:
    """The rules with most findings as a reader says them: 「表三勾稽关系：…（GC204，2 处）」."""
    en = lang == "en"
    out = []
    for code, n in line.top:
        cls = rules.get(code)
        title = getattr(cls, "title_en" if en else "title_zh", "") if cls else ""
        out.append(f"{title or code} ({code}, {n})" if en else f"{title or code}（{code}，{n} 处）")
    return ("; " if en else "；").join(out)


def render_table(summary: BatchSummary, lang: str = "zh", color: bool = False, width: int | None = None,
                 limit: int = 100) -> str:
    """The reports that need attention (not passed, or with warnings), in the batch's order, at most
    ``limit`` of them (0: no limit) — the CSV has every report — then the totals and the per-rule table."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    en = lang == "en"
    buf = io.StringIO()
    console = Console(file=buf, width=width or 120, force_terminal=color, no_color=not color, highlight=False,
                      emoji=False)
    table = Table(title="批量检查汇总" if not en else "Batch summary", title_justify="left", show_lines=False)
    heads = (("文件", "机关", "年度", "结论", "错误", "警告", "提示", "主要问题") if not en else
             ("file", "organ", "year", "status", "errors", "warnings", "info", "top problems"))
    for i, head in enumerate(heads):
        table.add_column(head, justify="right" if 4 <= i <= 6 else "left", overflow="fold",
                         no_wrap=i in (1, 2, 3, 4, 5, 6))
    attention = [r for r in summary.reports if r.status != "pass" or r.warning or r.error]
    shown = attention[:limit] if limit else attention
    base = _common_folder([r.file for r in summary.reports])
    if base:
        table.caption = terminal_text(f"文件位于 {base}" if not en else f"files under {base}")
        table.caption_justify = "left"
    for r in shown:
        status = _STATUS[r.status][1 if en else 0]
        table.add_row(terminal_text(os.path.relpath(r.file, base) if base else r.file), terminal_text(r.organ_name or ""),
                      str(r.report_year or ""), Text(status, style=_STATUS_STYLE[r.status]),
                      str(r.error), str(r.warning), str(r.info), terminal_text(r.problem or _top(r, lang)))
    if shown:
        console.print(table)
    if len(shown) < len(attention):
        console.print(f"…… 另有 {len(attention) - len(shown)} 份需要处理的报告未列出，完整清单见 --summary-csv" if not en else
                      f"… {len(attention) - len(shown)} more reports need attention; --summary-csv lists them all")
    t = summary.totals
    console.print(Text(
        f"{t['reports']} 份报告：{t['fail']} 份未通过、{t['pass']} 份通过、"
        + (f"{t['incomplete']} 份检查不完整、" if t["incomplete"] else "")
        + (f"{t['not_report']} 个文件不是年度报告、" if t["not_report"] else "") + f"{t['not_checked']} 份无法检查；"
        f"共 {t['error']} 个错误、{t['warning']} 个警告、{t['info']} 个提示" if not en else
        f"{count_of(t['reports'], 'report')}: {t['fail']} failed, {t['pass']} passed, "
        + (f"{t['incomplete']} incomplete, " if t["incomplete"] else "")
        + (f"{t['not_report']} not reports, " if t["not_report"] else "") + f"{t['not_checked']} not checked; "
        f"{count_of(t['error'], 'error')}, {count_of(t['warning'], 'warning')}, {t['info']} info", style="bold"))
    failing = [r for r in summary.rules if r.failed or r.errored]
    if failing:
        rules = Table(title="按规则统计" if not en else "Per rule", title_justify="left")
        for i, head in enumerate(("规则", "名称", "未通过的报告", "问题数", "数据不足", "出错") if not en else
                                 ("rule", "name", "reports failed", "findings", "insufficient data", "errored")):
            rules.add_column(head, justify="right" if i >= 2 else "left")
        for r in sorted(failing, key=lambda r: (-r.failed, r.code)):
            rules.add_row(terminal_text(r.code), terminal_text(r.title_en if en else r.title_zh), str(r.failed),
                          str(r.findings), str(r.insufficient_data), str(r.errored))
        console.print(rules)
    return buf.getvalue()


CSV_COLUMNS = (("地区", "region"), ("上级", "parent"), ("机关名称", "organ_name"), ("机关类别", "organ_kind"),
               ("报告年度", "report_year"), ("文件", "file"), ("结论", "status"), ("错误", "errors"),
               ("警告", "warnings"), ("提示", "info"), ("已豁免", "waived"), ("主要问题", "top_problems"),
               ("规则代码", "rule_codes"), ("上一年度报告", "previous_file"), ("说明", "problem"))


def render_csv(summary: BatchSummary, lang: str = "zh", rules: Any = None) -> str:
    """One row per report, with a BOM: Excel opens UTF-8 CSV as the local code page otherwise and
    shows the Chinese as mojibake.  说明 says why a report could not be checked or is incomplete."""
    en = lang == "en"
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(tuple(c[1 if en else 0] for c in CSV_COLUMNS))
    for r in summary.reports:
        writer.writerow((r.region, r.parent, r.organ_name or "", organ_kind_label(r.organ_kind, lang),
                         r.report_year or "", r.file, _STATUS[r.status][1 if en else 0], r.error, r.warning, r.info,
                         r.waived, top_in_words(r, rules or {}, lang), _top(r, lang), r.previous_file or "",
                         r.problem or ""))
    return no_surrogates(BOM + buf.getvalue())  # written as UTF-8: a lone surrogate from a report cannot be


def organ_kind_label(kind: str | None, lang: str = "zh") -> str:
    return ORGAN_KINDS.get(kind or "", (kind or "", kind or ""))[1 if lang == "en" else 0]


def render_json(summary: BatchSummary, run: dict[str, Any] | None = None) -> str:
    data = as_dict(summary)
    if run:
        data["run"] = run
    return no_surrogates(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def render_summary_csv(results: list, ctx: Any) -> str:
    """`--format csv` (or `-o 汇总.csv`): the batch summary, one row per report."""
    summary = ctx.extra.get("summary")
    if summary is None:
        from checker.summary import summarise

        summary = summarise(results, ctx.rules, ctx.extra.get("fail_on") or "error")
    return render_csv(summary, ctx.lang, ctx.rules)
