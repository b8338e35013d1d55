"""The Markdown summary: the problems of each report, grouped by section, for pasting into a work note."""

from __future__ import annotations

import re
from typing import Any

from checker.findings import ReportResult, Severity
from checker.messages import Shown, colon, present, report_title, rule_clause, rule_counts, rule_fix, rule_title, \
    section_title, severity_label, summary_line, without_place
from checker.model import Report
from checker.output.safe import terminal_text

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md(text: object) -> str:
    """Text from a report made inert in Markdown: no tables broken by 「|」, no markup, one line."""
    return _SPECIAL.sub(r"\\\1", str(text)).replace("\r", "").replace("\n", " ")


def _table(items: list[Shown], lang: str, rules: dict) -> list[str]:
    zh = lang != "en"
    head = ("| # | 级别 | 规则 | 位置 | 问题 | 依据 | 修改建议 |" if zh else
            "| # | Severity | Rule | Where | Problem | Basis | Suggested fix |")
    lines = [head, "|---:|---|---|---|---|---|---|"]
    for s in items:
        f = s.finding
        problem = md(without_place(s.message, s.place))  # the place has its own column
        if s.numbers and s.numbers not in s.message:
            problem += f"（{md(s.numbers)}）" if zh else f" ({md(s.numbers)})"
        if f.quote:
            problem += f" 引文：「{md(f.quote)}」" if zh else f" Quote: “{md(f.quote)}”"
        if f.waived:
            problem = (f"~~{problem}~~ 已豁免：{md(f.waived)}" if zh else f"~~{problem}~~ waived: {md(f.waived)}")
        where = md(s.place) + "".join(("；" if zh else "; ") + md(r) for r in s.related)
        cls = rules.get(f.code)
        lines.append(f"| {s.number} | {severity_label(f.severity, lang)} | `{f.code}` | {where} | {problem} "
                     f"| {md(rule_clause(cls))} | {md(rule_fix(cls, lang))} |")
    return lines


def render(results: list[ReportResult], ctx: Any) -> str:
    lang, rules = ctx.lang, dict(ctx.rules)
    zh = lang != "en"
    out: list[str] = []
    for result in results:
        if result.load_error:
            out += [f"## {'无法检查' if zh else 'Not checked'}{colon(lang)}{md(result.file)}", "", md(result.load_error), ""]
            continue
        report = Report(result.document or {})
        out += [f"## {md(report_title(result))}", "",
                f"- {'文件' if zh else 'File'}{colon(lang)}`{result.file.replace('`', '')}`"
                + (f" · {md(report.organ_name)}" if report.organ_name else "")
                + (f" · {report.year}" if report.year else ""),
                f"- {md(summary_line(result, lang))}", ""]
        shown = present(result, rules, lang, waived=ctx.verbose,
                        min_severity=Severity.ERROR if ctx.quiet else None)
        if not shown:
            out += ["未发现问题。" if zh else "No problems found.", ""]
        groups: dict[int, list[Shown]] = {}
        for s in shown:
            groups.setdefault(s.section, []).append(s)
        for n, items in groups.items():
            out += [f"### {md(section_title(n, lang))}", "", *_table(items, lang, rules), ""]
        if ctx.statistics:
            out += [("| 规则 | 名称 | 问题数 |" if zh else "| Rule | Title | Findings |"), "|---|---|---:|"]
            out += [f"| `{code}` | {md(rule_title(rules.get(code), lang))} | {n} |"
                    for code, n in rule_counts(result).items()]
            out.append("")
    # Often printed to a terminal: no escape sequence or control character from the report reaches it.
    return terminal_text("\n".join(out).rstrip() + "\n")
