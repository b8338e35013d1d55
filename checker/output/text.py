"""The terminal output (rich): findings grouped by the part of the report they concern."""

from __future__ import annotations

import codecs
import io
from typing import Any

from checker.findings import Outcome, ReportResult, Severity
from checker.messages import (
    Shown, outcome_label, present, report_title, rule_counts, rule_title, section_title, severity_label,
    summary_line, total_counts,
)

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
# For a terminal that cannot show Chinese: the punctuation the messages use, in ASCII.
_ASCII = str.maketrans({"「": '"', "」": '"', "·": "-", "（": "(", "）": ")", "，": ", ", "：": ": ", "；": "; ",
                        "、": ", ", "“": '"', "”": '"', "—": "-", "…": "...", "　": " ", "→": "->", "≠": "!="})


def can_show(text: str, encoding: str | None) -> bool:
    """Whether a terminal with this encoding shows ``text`` (None: assume UTF-8)."""
    if not encoding:
        return True
    try:
        codecs.lookup(encoding)
        text.encode(encoding)
    except (LookupError, UnicodeEncodeError):
        return False
    return True


def render(results: list[ReportResult], ctx: Any) -> str:
    encoding = getattr(ctx, "encoding", None)
    out = _render(results, ctx, ctx.lang)
    if can_show(out, encoding):
        return out
    # The terminal cannot show the Chinese text: say it in English, with ASCII punctuation; what is
    # left (headings quoted from the report) becomes '?' rather than a crash or mojibake.
    out = _render(results, ctx, "en", pointers=True).translate(_ASCII)
    try:
        return out.encode(encoding or "ascii", "replace").decode(encoding or "ascii")
    except LookupError:
        return out.encode("ascii", "replace").decode("ascii")


def _render(results: list[ReportResult], ctx: Any, lang: str, pointers: bool = False) -> str:
    from rich.console import Console
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    buf = io.StringIO()
    console = Console(file=buf, width=ctx.width or 100, force_terminal=bool(ctx.color), no_color=not ctx.color,
                      color_system="standard" if ctx.color else None, highlight=False, emoji=False,
                      soft_wrap=False, legacy_windows=False)
    en = lang == "en"
    rules = dict(ctx.rules)
    for result in results:
        header = Text()
        if result.load_error:  # said once, on stderr, by the command
            continue
        header.append(report_title(result), style="bold")
        header.append(f"  {result.file}", style="dim")
        console.print(header)
        shown = present(result, rules, lang, waived=ctx.verbose,
                        min_severity=Severity.ERROR if ctx.quiet else None)
        groups: dict[int, list[Shown]] = {}
        for s in shown:
            groups.setdefault(s.section, []).append(s)
        for n, items in groups.items():
            console.print(Text("  " + section_title(n, lang), style="bold underline"))
            grid = Table.grid(padding=(0, 1), pad_edge=False)
            grid.add_column(width=3)
            grid.add_column(no_wrap=True)
            grid.add_column(no_wrap=True)
            grid.add_column(ratio=1, overflow="fold")
            for s in items:
                f = s.finding
                message = Text()
                if f.waived:
                    message.append("（已豁免：" + f.waived + "）" if not en else f"(waived: {f.waived}) ", style="dim")
                message.append(s.message)
                if s.numbers and s.numbers not in s.message:
                    message.append("\n" + s.numbers, style="dim")
                if f.quote:
                    message.append("\n「" + f.quote + "」", style="dim italic")
                if (ctx.verbose or pointers) and f.pointers:  # the JSON Pointer still names the place when Chinese cannot
                    message.append("\n" + " ".join(f.pointers), style="dim")
                grid.add_row("", Text(severity_label(f.severity, lang), style=_STYLE[f.severity]),
                             Text(f.code, style="bold"), message)
            console.print(grid)
            if ctx.verbose:  # ready to paste, one line each (never wrapped): waive a finding by what a reader sees
                from checker.waivers import waiver_command

                for s in items:
                    if not s.finding.waived and s.finding.code != "GC900":
                        console.print(Text(f"      {s.finding.code} " + ("豁免：" if not en else "waive: ")
                                           + waiver_command(result.file, s.finding, result.document), style="dim"),
                                      soft_wrap=True)
        console.print(Padding(Text(summary_line(result, lang), style="bold"), (0, 0, 0, 2)))
        if ctx.verbose:
            for o in result.outcomes:
                if o.outcome in (Outcome.INSUFFICIENT_DATA, Outcome.NOT_APPLICABLE, Outcome.ERROR):
                    reasons = ("；" if not en else "; ").join(r.get(lang) for r in o.reasons)
                    console.print(Padding(Text(f"{o.code} {outcome_label(o.outcome, lang)}: {reasons}", style="dim"),
                                          (0, 0, 0, 4)))
        if ctx.statistics:
            for code, n in rule_counts(result).items():
                console.print(Text(f"    {n:>4}  {code}  {rule_title(rules.get(code), lang)}"))
        console.print()
    if len(results) > 1:
        totals = total_counts(results)
        console.print(Text(
            f"{len(results)} 份报告：{totals['error']} 个错误、{totals['warning']} 个警告、{totals['info']} 个提示"
            + (f"，{totals['not_checked']} 份无法检查" if totals["not_checked"] else "")
            if not en else
            f"{len(results)} reports: {totals['error']} errors, {totals['warning']} warnings, "
            f"{totals['info']} info" + (f", {totals['not_checked']} not checked" if totals["not_checked"] else ""),
            style="bold"))
    text = buf.getvalue()
    if not ctx.color:  # rich pads grid rows to the full width; plain text should not end in spaces
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text
