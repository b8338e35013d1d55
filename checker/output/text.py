"""The terminal output (rich): findings grouped by the part of the report they concern."""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

from checker import labels
from checker.findings import Finding, Outcome, ReportResult, Severity
from checker.messages import render as render_message, rule_title
from checker.model import Report

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_SEV_EN = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}


def group_of(finding: Finding, report: Report) -> int:
    """0 the document as a whole, 1–6 the canonical sections, 7 the signature and dates."""
    p = finding.pointer
    if p.startswith("/tables/"):
        return labels.TABLE_SECTION.get(p.split("/")[2], 0)
    if p.startswith("/sections/"):
        idx = p.split("/")[2]
        for s in report.sections:
            if str(s.index) == idx:
                return s.number or 0
        return 0
    if p.startswith("/signature") or p in ("/metadata/signing_date", "/metadata/publication_date"):
        return 7
    return int(finding.args.get("section", 0)) if isinstance(finding.args.get("section"), int) else 0


def _group_title(n: int, lang: str) -> str:
    if n == 0:
        return "报告整体" if lang != "en" else "Whole report"
    if n == 7:
        return "落款与日期" if lang != "en" else "Signature and dates"
    s = labels.SECTIONS[n - 1]
    return f"{s.numeral}、{s.heading}" if lang != "en" else f"{n}. {s.en}"


def render(results: list[ReportResult], ctx: Any) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buf = io.StringIO()
    console = Console(file=buf, width=ctx.width or 100, force_terminal=bool(ctx.color), no_color=not ctx.color,
                      highlight=False, emoji=False, soft_wrap=False)
    en = ctx.lang == "en"
    rules = dict(ctx.rules)
    all_counts: Counter[str] = Counter()
    for result in results:
        header = Text()
        if result.load_error:  # said once, on stderr, by the command
            all_counts["not_checked"] += 1
            continue
        report = Report(result.document or {})
        title = report.meta("title") or f"{report.organ_name} {report.year or ''}"
        header.append(str(title).strip(), style="bold")
        header.append(f"  {result.file}", style="dim")
        console.print(header)
        shown = [f for f in result.findings if ctx.verbose or not f.waived]
        if ctx.quiet:
            shown = [f for f in shown if f.severity is Severity.ERROR]
        groups: dict[int, list[Finding]] = {}
        for f in shown:
            groups.setdefault(group_of(f, report), []).append(f)
        for n in sorted(groups):
            console.print(Text("  " + _group_title(n, ctx.lang), style="bold underline"))
            grid = Table.grid(padding=(0, 1), pad_edge=False)
            grid.add_column(width=3)
            grid.add_column(no_wrap=True)
            grid.add_column(no_wrap=True)
            grid.add_column(ratio=1, overflow="fold")
            for f in sorted(groups[n], key=lambda f: (-f.severity.rank, f.code)):
                sev = _SEV_EN[f.severity] if en else f.severity.zh
                message = Text()
                if f.waived:
                    message.append("（已豁免：" + f.waived + "）" if not en else f"(waived: {f.waived}) ", style="dim")
                message.append(render_message(f, rules, ctx.lang, result.document))
                if f.quote:
                    message.append("\n「" + f.quote + "」", style="dim")
                grid.add_row("", Text(sev, style=_STYLE[f.severity]), Text(f.code, style="bold"), message)
            console.print(grid)
        counts = result.counts()
        all_counts.update(counts)
        oc = Counter(o.outcome for o in result.outcomes)
        summary = (f"  共 {counts['error']} 个错误、{counts['warning']} 个警告、{counts['info']} 个提示"
                   f"（{len(result.outcomes)} 条规则：{oc[Outcome.PASS]} 通过、{oc[Outcome.FAIL]} 未通过、"
                   f"{oc[Outcome.NOT_APPLICABLE]} 不适用、{oc[Outcome.INSUFFICIENT_DATA]} 数据不足、{oc[Outcome.ERROR]} 出错）"
                   if not en else
                   f"  {counts['error']} errors, {counts['warning']} warnings, {counts['info']} info "
                   f"({len(result.outcomes)} rules: {oc[Outcome.PASS]} passed, {oc[Outcome.FAIL]} failed, "
                   f"{oc[Outcome.NOT_APPLICABLE]} not applicable, {oc[Outcome.INSUFFICIENT_DATA]} insufficient data, "
                   f"{oc[Outcome.ERROR]} errored)")
        if counts["waived"]:
            summary += f"，另有 {counts['waived']} 项已豁免" if not en else f", {counts['waived']} waived"
        console.print(Text(summary, style="bold"))
        if ctx.verbose:
            for o in result.outcomes:
                if o.outcome in (Outcome.INSUFFICIENT_DATA, Outcome.NOT_APPLICABLE, Outcome.ERROR):
                    reasons = "；".join(r.get(ctx.lang) for r in o.reasons)
                    console.print(Text(f"    {o.code} {o.outcome.value}: {reasons}", style="dim"))
        if ctx.statistics:
            per_rule = Counter(f.code for f in result.findings if not f.waived)
            for code, n in sorted(per_rule.items()):
                console.print(f"    {n:>4}  {code}  {rule_title(rules.get(code), ctx.lang)}")
        console.print()
    if len(results) > 1:
        console.print(Text(
            f"{len(results)} 份报告：{all_counts['error']} 个错误、{all_counts['warning']} 个警告、{all_counts['info']} 个提示"
            + (f"，{all_counts['not_checked']} 份无法检查" if all_counts["not_checked"] else "")
            if not en else
            f"{len(results)} reports: {all_counts['error']} errors, {all_counts['warning']} warnings, "
            f"{all_counts['info']} info" + (f", {all_counts['not_checked']} not checked" if all_counts["not_checked"] else ""),
            style="bold"))
    return buf.getvalue()
