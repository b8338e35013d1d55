"""The terminal output (rich): findings grouped by the part of the report they concern."""

from __future__ import annotations

import codecs
import io
from functools import lru_cache
from typing import Any

from checker.findings import Outcome, ReportResult, Severity
from checker.messages import (
    NBSP, Shown, count_of, keep_numbers_together, outcome_label, present, report_title, rule_counts, rule_title,
    section_title, severity_label, summary_line, total_counts,
)
from checker.output.safe import terminal_text

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
# For a terminal that cannot show Chinese: the punctuation the messages use, in ASCII.
_ASCII = str.maketrans({"「": '"', "」": '"', "·": "-", "（": "(", "）": ")", "，": ", ", "：": ": ", "；": "; ",
                        "、": ", ", "“": '"', "”": '"', "—": "-", "…": "...", "　": " ", "→": "->", "≠": "!="})


# Where a line may not start or end in Chinese typesetting (禁则): closing punctuation never begins a
# line, opening punctuation never ends one.
_NO_START = frozenset("，。、；：！？）」』》〉】〕％%·,.;:!?)]}…—”’")
_NO_END = frozenset("（「『《〈【〔([{“‘")


def _can_break(before: str, after: str) -> bool:
    """Whether a line may break between these two characters: after a space; between two Chinese
    characters (Chinese has no spaces between words); never inside a number or a Latin word, never
    at a non-breaking space, never against the 禁则."""
    if before == NBSP or after == NBSP or after.isspace() or after in _NO_START or before in _NO_END:
        return False
    if before.isspace():
        return True
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


def _line_starts(text: str, width: int) -> list[int]:
    """Offsets at which ``text`` (one line, no newline) is divided to fit ``width`` cells: at the
    last place a line may break, or, in a run with none, where the width runs out."""
    from rich.cells import cell_len

    offsets: list[int] = []
    start, used, last = 0, 0, None
    # The word a number belongs to stays whole too (「不等于 0」, 「相差 1」, 「阈值 50%」): no break inside
    # the three characters of a word before the non-breaking space that joins it to its number.
    held = {j - k for j, ch in enumerate(text) if ch == NBSP and text[j + 1:j + 2].isdigit() for k in (1, 2)
            if j - k - 1 >= 0 and text[j - k - 1].isalpha() and text[j - k].isalpha()}
    for i, ch in enumerate(text):
        if i > start and i not in held and _can_break(text[i - 1], ch):
            last = i
        w = cell_len(ch)
        if used + w > width and i > start and not (ch.isspace() and ch != NBSP):
            cut = last if last is not None and last > start else _fold_at(text, start, i)
            offsets.append(cut)
            start, last = cut, None
            used = cell_len(text[cut:i])
        used += w
    return offsets


def _fold_at(text: str, start: int, end: int) -> int:
    """Where a run with no place to break is cut: as late as possible, but not at a non-breaking
    space nor before closing punctuation."""
    for i in range(end, start, -1):
        if NBSP not in (text[i - 1], text[i]) and text[i] not in _NO_START:
            return i
    return end


@lru_cache(maxsize=1)
def _phrases_class() -> Any:
    from rich.containers import Lines
    from rich.text import Text

    class Phrases(Text):
        """Text that wraps as Chinese is wrapped (between characters, by 禁则) and keeps a number
        with its word: rich breaks only at spaces, and at every Unicode space, NBSP included."""

        def wrap(self, console: Any, width: int, *, justify: Any = None, overflow: Any = None, tab_size: int = 8,
                 no_wrap: bool | None = None) -> Any:
            justify = justify or self.justify or "default"
            overflow = overflow or self.overflow or "fold"
            no_wrap = bool(no_wrap if no_wrap is not None else self.no_wrap) or overflow == "ignore"
            lines = Lines()
            for line in self.split(allow_blank=True):
                if "\t" in line:
                    line.expand_tabs(tab_size)
                parts = Lines([line]) if no_wrap else line.divide(_line_starts(line.plain, width))
                for part in parts:
                    part.plain = part.plain.replace(NBSP, " ")
                    part.rstrip_end(width)
                parts.justify(console, width, justify=justify, overflow=overflow)
                for part in parts:
                    part.truncate(width, overflow=overflow)
                lines.extend(parts)
            return lines

    return Phrases


def _phrases(text: str, style: str = "") -> Any:
    """Report-derived text for the terminal: made inert (no escape sequences or controls), with a
    number kept on one line with its word (「空白不等于 0」 never breaks before 0)."""
    return _phrases_class()(keep_numbers_together(terminal_text(text)), style=style)


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
        header.append(terminal_text(report_title(result)), style="bold")
        header.append(f"  {terminal_text(result.file)}", style="dim")
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
                message = _phrases("")
                if f.waived:
                    message.append(_phrases("（已豁免：" + f.waived + "）" if not en else f"(waived: {f.waived}) ",
                                            style="dim"))
                message.append(_phrases(s.message))
                if s.numbers and s.numbers not in s.message:
                    message.append(_phrases("\n" + s.numbers, style="dim"))
                if f.quote:
                    message.append(_phrases("\n「" + f.quote + "」", style="dim italic"))
                if (ctx.verbose or pointers) and f.pointers:  # the JSON Pointer still names the place when Chinese cannot
                    message.append(_phrases("\n" + " ".join(f.pointers), style="dim"))
                grid.add_row("", Text(severity_label(f.severity, lang), style=_STYLE[f.severity]),
                             Text(f.code, style="bold"), message)
            console.print(grid)
            if ctx.verbose:  # ready to paste, one line each (never wrapped): waive a finding by what a reader sees
                from checker.waivers import waiver_command

                for s in items:
                    if not s.finding.waived and s.finding.code != "GC900":
                        console.print(Text(f"      {s.finding.code} " + ("豁免：" if not en else "waive: ")
                                           + terminal_text(waiver_command(result.file, s.finding, result.document)),
                                           style="dim"),
                                      soft_wrap=True)
        console.print(Padding(_phrases(summary_line(result, lang), style="bold"), (0, 0, 0, 2)))
        if ctx.verbose:
            for o in result.outcomes:
                if o.outcome in (Outcome.INSUFFICIENT_DATA, Outcome.NOT_APPLICABLE, Outcome.ERROR):
                    reasons = ("；" if not en else "; ").join(r.get(lang) for r in o.reasons)
                    console.print(Padding(_phrases(f"{o.code} {outcome_label(o.outcome, lang)}: {reasons}", style="dim"),
                                          (0, 0, 0, 4)))
        if ctx.statistics:
            for code, n in rule_counts(result).items():
                console.print(Text(f"    {n:>4}  {code}  {terminal_text(rule_title(rules.get(code), lang))}"))
        console.print()
    if len(results) > 1:
        totals = total_counts(results)
        console.print(Text(
            f"{len(results)} 份报告：{totals['error']} 个错误、{totals['warning']} 个警告、{totals['info']} 个提示"
            + (f"，{totals['not_checked']} 份无法检查" if totals["not_checked"] else "")
            if not en else
            f"{count_of(len(results), 'report')}: {count_of(totals['error'], 'error')}, "
            f"{count_of(totals['warning'], 'warning')}, {totals['info']} info"
            + (f", {totals['not_checked']} not checked" if totals["not_checked"] else ""),
            style="bold"))
    text = buf.getvalue()
    if not ctx.color:  # rich pads grid rows to the full width; plain text should not end in spaces
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text
