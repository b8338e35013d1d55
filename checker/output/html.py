"""The HTML review page: one self-contained file that shows the report's tables as the template
prints them, with every cell a finding concerns highlighted and numbered, and the problem list
linked to those cells and sections.  No network, no scripts, inline CSS; prints on A4."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from html import escape
from typing import Any, Mapping

from checker import __version__, labels
from checker.findings import ReportResult, Severity
from checker.messages import Shown, colon, list_separator, outcome_label, present, report_title, rule_clause, rule_fix, \
    rule_title, section_title, total_counts, severity_label, summary_line
from checker.model import Kind, Report, parse_value, pointer as make_pointer
from checker.output.safe import xml_text

_CSS = """
:root { --error: #b3261e; --warning: #9a5b00; --info: #1f5fa8; --line: #444; }
* { box-sizing: border-box; }
body { margin: 0; color: #1b1b1b; background: #fff; line-height: 1.55;
  font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
    "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 15px; }
header.page { padding: 14px 24px; border-bottom: 3px solid #1b1b1b; background: #f6f6f4; }
header.page h1 { margin: 0 0 4px; font-size: 21px; }
header.page p { margin: 2px 0; }
.meta { color: #555; font-size: 13px; }
ul.counts { list-style: none; padding: 0; margin: 8px 0 0; display: flex; gap: 10px; flex-wrap: wrap; }
ul.counts li { border: 2px solid currentColor; border-radius: 4px; padding: 2px 10px; font-weight: bold; }
ul.counts li b { font-size: 20px; margin-left: 6px; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
.sev-waived { color: #666; }
article.report { padding: 0 24px 24px; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 27rem; gap: 24px; align-items: start; }
main.doc { min-width: 0; }
main.doc h2 { font-size: 19px; margin: 18px 0 6px; }
section.part { margin: 10px 0 18px; }
section.part h3 { font-size: 16px; margin: 12px 0 6px; padding: 2px 4px; }
section.part p { margin: 4px 0; text-indent: 2em; }
.preface, .signature { color: #333; }
dl.metadata { display: flex; flex-wrap: wrap; gap: 2px 18px; margin: 4px 0 10px; font-size: 13px; color: #444; }
dl.metadata div { display: flex; gap: 6px; padding: 0 4px; }
dl.metadata dt { color: #777; } dl.metadata dd { margin: 0; }
dl.metadata div.hit { background: #fff1c2; }
.signature { text-align: right; white-space: pre-line; }
.tablewrap { overflow-x: auto; margin: 8px 0 14px; }
table.tpl { border-collapse: collapse; font-size: 12.5px; line-height: 1.35; width: 100%; }
table.tpl caption { font-weight: bold; text-align: left; padding: 4px 0; }
table.tpl th, table.tpl td { border: 1px solid var(--line); padding: 3px 5px; vertical-align: middle; }
table.tpl th { font-weight: normal; background: #f3f3f3; text-align: center; }
table.tpl tbody th { text-align: left; }
table.tpl th.item { background: #e6e6e6; font-weight: bold; text-align: left; }
table.tpl th.corner { font-size: 11px; color: #444; }
table.tpl td { text-align: right; min-width: 2.6em; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.t3 td { width: 7%; }
td.mark, td.text { text-align: center; }
td.missing { background: repeating-linear-gradient(45deg, #fff, #fff 4px, #eee 4px, #eee 8px); }
.hit { outline: 3px solid currentColor; outline-offset: -3px; }
td.hit, th.hit, h3.hit { background: #fff1c2; }
td.hit.sev-error, th.hit.sev-error, h3.hit.sev-error { background: #fde2df; }
td.hit.sev-info, th.hit.sev-info, h3.hit.sev-info { background: #e3eefb; }
td.hit.blank::before { content: "空白"; float: left; font-size: 10px; color: #555; }
html[lang=en] td.hit.blank::before { content: "blank"; }
td.hit, th.hit { color: #1b1b1b; }
td.hit.sev-error, th.hit.sev-error { outline-color: var(--error); }
td.hit.sev-warning, th.hit.sev-warning, h3.hit.sev-warning { outline-color: var(--warning); }
td.hit.sev-info, th.hit.sev-info { outline-color: var(--info); }
a.n { display: inline-block; min-width: 1.5em; padding: 0 4px; margin: 0 1px; border-radius: 9px; color: #fff;
  background: #555; font-size: 11px; line-height: 1.5; text-align: center; text-decoration: none;
  font-weight: bold; vertical-align: super; }
a.n.sev-error { background: var(--error); } a.n.sev-warning { background: var(--warning); }
a.n.sev-info { background: var(--info); }
mark.quote { background: #ffe680; padding: 0 1px; border-bottom: 2px solid var(--warning); }
mark.quote.sev-error { background: #fcc9c3; border-bottom-color: var(--error); }
mark.quote.sev-info { background: #cfe1f7; border-bottom-color: var(--info); }
aside.problems { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; padding: 4px 0 12px; }
aside.problems h2 { font-size: 17px; margin: 16px 0 8px; }
ol.problems { list-style: none; padding: 0; margin: 0; }
ol.problems > li { border-left: 5px solid currentColor; padding: 6px 8px; margin: 0 0 8px; background: #fafafa; }
ol.problems > li .body { color: #1b1b1b; }
ol.problems .no { font-weight: bold; margin-right: 4px; }
.badge { display: inline-block; border: 1.5px solid currentColor; border-radius: 3px; padding: 0 5px;
  font-size: 12px; font-weight: bold; margin-right: 4px; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 12.5px; }
.where { font-size: 13px; margin-top: 2px; }
.where a { color: #0b4f9c; }
.nums { font-size: 13px; color: #333; }
.q { font-size: 13px; color: #444; }
.waived { font-size: 13px; color: #555; font-style: italic; }
.none { color: #2e7d32; font-weight: bold; }
details.outcomes { font-size: 13px; margin-top: 12px; }
details.outcomes table { border-collapse: collapse; width: 100%; }
details.outcomes td { border-bottom: 1px solid #ddd; padding: 2px 4px; vertical-align: top; }
:target { box-shadow: 0 0 0 4px #1f5fa8; }
@media (max-width: 1100px) { .layout { display: block; } aside.problems { position: static; max-height: none; } }
.on-paper { display: none; }
p.left-out { border: 2px dashed #9a5b00; padding: 6px 10px; color: #6b4000; }
@media print {
  @page { size: A4; margin: 12mm 10mm; }
  .on-screen { display: none; } .on-paper { display: inline; }
  body { font-size: 10.5pt; }
  header.page { background: none; padding: 0 0 6px; }
  article.report { padding: 0; }
  .layout { display: block; }
  aside.problems { position: static; max-height: none; overflow: visible; break-before: page; }
  .tablewrap { overflow: visible; }
  table.tpl { font-size: 8pt; break-inside: avoid; page-break-inside: avoid; }
  section.part h3, table.tpl caption { break-after: avoid; page-break-after: avoid; }
  table.tpl td { min-width: 0; }
  ol.problems > li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  details.outcomes { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  :target { box-shadow: none; }
}
"""


@dataclass
class _Page:
    """The state of one report's page while it is laid out: which finding marks which place."""

    rid: str
    lang: str
    shown: list[Shown]
    by_pointer: dict[str, list[Shown]] = field(default_factory=dict)
    anchors: dict[str, str] = field(default_factory=dict)  # JSON Pointer → element id on the page
    quote_ids: dict[int, str] = field(default_factory=dict)  # finding number → id of its marked quote

    def __post_init__(self) -> None:
        for s in self.shown:
            for p in s.finding.pointers:
                self.by_pointer.setdefault(p, []).append(s)

    @property
    def zh(self) -> bool:
        return self.lang != "en"

    def t(self, pair: tuple[str, str]) -> str:
        return pair[0] if self.zh else pair[1]

    def label(self, label: labels.Label) -> str:
        return label.zh if self.zh else label.en

    def anchor(self, pointer: str) -> str:
        ident = self.rid + "-" + pointer.strip("/").replace("/", "-").replace("~1", "_").replace("~0", "_")
        self.anchors[pointer] = ident
        return ident

    def hits(self, *pointers: str) -> list[Shown]:
        out: list[Shown] = []
        for p in pointers:
            out += [s for s in self.by_pointer.get(p, ()) if s not in out]
        return out

    def link_for(self, pointer: str) -> str:
        """The element a pointer is shown at, or the nearest enclosing one (a whole table, a section)."""
        p = pointer
        while p:
            if p in self.anchors:
                return "#" + self.anchors[p]
            p = p.rsplit("/", 1)[0]
        return "#" + self.rid


def _sev_class(hits: list[Shown]) -> str:
    if not hits:
        return ""
    live = [s for s in hits if not s.finding.waived] or hits
    worst = max(live, key=lambda s: s.finding.severity.rank).finding.severity
    return f" hit sev-{worst.value}" if any(not s.finding.waived for s in hits) else " hit sev-waived"


def _badges(page: _Page, hits: list[Shown]) -> str:
    return "".join(
        f'<a class="n sev-{"waived" if s.finding.waived else s.finding.severity.value}" href="#{page.rid}-f{s.number}"'
        f' title="{escape(s.finding.code + " " + s.message)}">{s.number}</a>' for s in hits)


def _cell(page: _Page, table: str, row: str, col: str, rows: Mapping[str, Any] | None, colspan: int = 1) -> str:
    p = make_pointer("tables", table, row, col)
    ident = page.anchor(p)
    row_value = rows.get(row) if isinstance(rows, Mapping) else None
    present_ = isinstance(row_value, Mapping) and col in row_value
    raw = row_value.get(col) if present_ else None
    kind, _ = parse_value(raw) if present_ else (Kind.MISSING, None)
    hits = page.hits(p)
    shown = "" if raw is None else (str(int(raw)) if isinstance(raw, float) and raw.is_integer() else str(raw))
    span = f' colspan="{colspan}"' if colspan > 1 else ""
    title = labels.describe(p, page.lang)
    if kind is Kind.MISSING:
        title += "（文档中没有此格）" if page.zh else " (not in the document)"
    return (f'<td id="{ident}" class="{kind.value}{_sev_class(hits)}"{span} title="{escape(title)}">'
            f"{escape(shown)}{_badges(page, hits)}</td>")


def _row_head(page: _Page, table: str, row: str, text: str, attrs: str = "", cls: str = "") -> str:
    p = make_pointer("tables", table, row)
    hits = page.hits(p)
    ident = page.anchor(p)
    return (f'<th id="{ident}" class="{cls}{_sev_class(hits)}"{attrs} scope="row">{escape(text)}'
            f"{_badges(page, hits)}</th>")


def _table_open(page: _Page, table: str, cls: str) -> str:
    p = make_pointer("tables", table)
    hits = page.hits(p)
    title = page.t(labels.TABLE_TITLES[table])
    name = page.t(labels.TABLE_NAMES[table])
    return (f'<div class="tablewrap"><table id="{page.anchor(p)}" class="tpl {cls}{_sev_class(hits)}">'
            f"<caption>{escape(name)}　{escape(title)}{_badges(page, hits)}</caption>")


def _t2(page: _Page, table: str, rows: Mapping[str, Any], template: str) -> str:
    blocks = labels.t2_blocks("2019" if table == "t2_2019" else template)
    width = max(len(b.columns) for b in blocks)
    out = [_table_open(page, table, "t2"), "<tbody>"]
    for block in blocks:
        out.append(f'<tr><th class="item" colspan="{width + 1}">{escape(block.item)}</th></tr>')
        spans = [1] * len(block.columns)
        spans[-1] += width - len(block.columns)  # the last column fills the row, as the template prints it
        out.append(f'<tr><th>{escape(page.t(labels.T2_CONTENT_HEADER))}</th>'
                   + "".join(f'<th colspan="{s}">{escape(page.label(c))}</th>' if s > 1 else
                             f"<th>{escape(page.label(c))}</th>" for c, s in zip(block.columns, spans)) + "</tr>")
        for r in block.rows:
            out.append("<tr>" + _row_head(page, table, r.id, page.label(r))
                       + "".join(_cell(page, table, r.id, c.id, rows, s) for c, s in zip(block.columns, spans))
                       + "</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def _t3(page: _Page, rows: Mapping[str, Any], template: str) -> str:
    cols = labels.T3_COLUMNS
    orgs = [c for c in cols if c.id not in ("natural_person", "total")]
    out = [_table_open(page, "t3", "t3"), "<thead>",
           f'<tr><th class="corner" colspan="3" rowspan="3">{escape(page.t(labels.T3_CORNER_NOTE))}</th>'
           f'<th colspan="{len(cols)}">{escape(page.t(labels.T3_APPLICANTS_HEADER))}</th></tr>',
           f'<tr><th rowspan="2">{escape(page.label(cols[0]))}</th>'
           f'<th colspan="{len(orgs)}">{escape(page.t(labels.T3_ORGANISATIONS_HEADER))}</th>'
           f'<th rowspan="2">{escape(page.label(cols[-1]))}</th></tr>',
           "<tr>" + "".join(f"<th>{escape(page.label(c))}</th>" for c in orgs) + "</tr>",
           "</thead><tbody>"]
    groups = labels.t3_group_rows(template)
    group_of = {r: g for g, members in groups.items() for r in members if len(members) > 1}
    result_rows = labels.t3_result_rows(template) + ("results_total",)
    for r in labels.t3_rows(template):
        head = ""
        if r.id not in result_rows:
            head = _row_head(page, "t3", r.id, page.label(r), ' colspan="3"')
        else:
            if r.id == result_rows[0]:
                head += f'<th rowspan="{len(result_rows)}">{escape(page.t(labels.T3_RESULTS_HEADER))}</th>'
            group = group_of.get(r.id)
            if group is None:
                head += _row_head(page, "t3", r.id, page.label(r), ' colspan="2"')
            else:
                if r.id == groups[group][0]:
                    head += f'<th rowspan="{len(groups[group])}">{escape(page.t(labels.T3_GROUPS[group]))}</th>'
                head += _row_head(page, "t3", r.id, r.zh if page.zh else r.en)
        out.append("<tr>" + head + "".join(_cell(page, "t3", r.id, c.id, rows) for c in cols) + "</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def _t4(page: _Page, rows: Mapping[str, Any]) -> str:
    blocks, cols = labels.T4_BLOCKS, labels.T4_COLUMNS
    review, *litigation = blocks
    out = [_table_open(page, "t4", "t4"), "<thead>",
           f'<tr><th colspan="{len(cols)}" rowspan="2">{escape(page.label(review))}</th>'
           f'<th colspan="{len(cols) * len(litigation)}">{escape(page.t(labels.T4_LITIGATION_HEADER))}</th></tr>',
           "<tr>" + "".join(f'<th colspan="{len(cols)}">{escape(b.short if page.zh else b.en)}</th>'
                            for b in litigation) + "</tr>",
           "<tr>" + "".join(f"<th>{escape(page.label(c))}</th>" for _ in blocks for c in cols) + "</tr>",
           "</thead><tbody><tr>"]
    out += [_cell(page, "t4", b.id, c.id, rows) for b in blocks for c in cols]
    out.append("</tr></tbody></table></div>")
    return "".join(out)


def _tables(page: _Page, report: Report) -> dict[str, str]:
    """Each table present in the document, laid out; keyed by table name."""
    tables = report.tables
    out: dict[str, str] = {}
    for name in ("t2", "t2_2019"):
        if isinstance(tables.get(name), Mapping):
            out[name] = _t2(page, name, tables[name], report.template)
    if isinstance(tables.get("t3"), Mapping):
        out["t3"] = _t3(page, tables["t3"], report.template)
    if isinstance(tables.get("t4"), Mapping):
        out["t4"] = _t4(page, tables["t4"])
    return out


def _marked_text(page: _Page, text: str, quotes: list[Shown]) -> str:
    """The text as paragraphs, each finding's quoted sentence marked and numbered where it occurs."""
    spans: list[tuple[int, int, Shown]] = []
    for s in quotes:
        start = text.find(s.finding.quote or "")
        if start < 0 or s.number in page.quote_ids:
            continue
        end = start + len(s.finding.quote or "")
        if any(a < end and start < b for a, b, _ in spans):
            continue
        spans.append((start, end, s))
    spans.sort(key=lambda x: x[0])
    pieces, at = [], 0
    for start, end, s in spans:
        ident = f"{page.rid}-q{s.number}"
        page.quote_ids[s.number] = ident
        pieces.append(escape(text[at:start]))
        pieces.append(f'<mark id="{ident}" class="quote sev-{s.finding.severity.value}">{escape(text[start:end])}'
                      f"</mark>{_badges(page, [s])}")
        at = end
    pieces.append(escape(text[at:]))
    html = "".join(pieces)
    return "".join(f"<p>{line}</p>" for line in html.split("\n") if line.strip())


def _metadata(page: _Page, report: Report) -> str:
    """The report's metadata as a short list, so that a finding about a date or the title has a place."""
    items = []
    for key, (zh, en) in labels.METADATA.items():
        value = report.meta(key)
        p = make_pointer("metadata", key)
        hits = page.hits(p)
        if value in (None, "") and not hits:
            continue
        if key == "organ_kind":
            value = labels.ORGAN_KINDS.get(str(value), (value, value))[0 if page.zh else 1]
        items.append(f'<div id="{page.anchor(p)}" class="{_sev_class(hits).strip()}"><dt>{escape(zh if page.zh else en)}</dt>'
                     f"<dd>{escape('' if value is None else str(value))}{_badges(page, hits)}</dd></div>")
    return f'<dl class="metadata" id="{page.anchor("/metadata")}">{"".join(items)}</dl>'


def _document(page: _Page, result: ReportResult) -> str:
    report = Report(result.document or {})
    quoted = [s for s in page.shown if s.finding.quote]
    out = [f'<main class="doc"><h2>{escape(report_title(result))}</h2>', _metadata(page, report)]
    if result.text_left_out:
        out.append('<p class="left-out">' + escape(
            f"本页面未包含这份报告的正文：一次检查超过 {result.text_left_out} 份报告时，合并页面只保留标题、统计表和问题清单；"
            "用 --output-dir 可为每份报告生成完整页面。" if page.lang != "en" else
            f"This page leaves out the report's text: a combined page of more than {result.text_left_out} reports keeps "
            "the headings, tables and problem list only; --output-dir writes a full page per report.") + "</p>")
    if report.preface:
        out.append(f'<div class="preface" id="{page.anchor("/preface")}">{_marked_text(page, report.preface, quoted)}</div>')
    tables = _tables(page, report)
    placed: set[str] = set()
    seen_numbers: set[int] = set()
    for sec in report.sections:
        p = sec.pointer
        ids = f'id="{page.anchor(p)}"'
        hits = page.hits(p, p + "/heading", p + "/text")
        for extra in (p + "/heading", p + "/text"):
            page.anchors[extra] = page.anchors[p]
        out.append(f'<section class="part" {ids}>')
        if sec.number and sec.number not in seen_numbers:
            seen_numbers.add(sec.number)
            out.append(f'<a id="{page.rid}-part{sec.number}"></a>')
        out.append(f'<h3 class="{_sev_class(hits).strip()}">{escape(sec.heading)}{_badges(page, hits)}</h3>')
        own = [s for s in quoted if s.finding.pointer.startswith(p + "/") or s.finding.pointer == p]
        others = [s for s in quoted if s not in own]
        out.append(_marked_text(page, sec.text, own + others))
        for name in {2: ("t2", "t2_2019"), 3: ("t3",), 4: ("t4",)}.get(sec.number or 0, ()):
            if name in tables and name not in placed:
                out.append(tables[name])
                placed.add(name)
        out.append("</section>")
    rest = [name for name in tables if name not in placed]
    if rest:  # a table whose section is missing is still shown, after the sections
        out.append('<section class="part"><h3>' + ("其他表格" if page.zh else "Other tables") + "</h3>")
        out += [tables[name] for name in rest]
        out.append("</section>")
    if report.signature:
        out.append(f'<div class="signature" id="{page.anchor("/signature")}">{escape(report.signature)}</div>')
    out.append("</main>")
    return "".join(out)


def _problems(page: _Page, result: ReportResult, rules: Mapping[str, type]) -> str:
    zh = page.zh
    out = [f'<aside class="problems"><h2>{"问题清单" if zh else "Problems"}{f"（{len(page.shown)}）" if zh else f" ({len(page.shown)})"}</h2>']
    if not page.shown:
        out.append(f'<p class="none">{"未发现问题。" if zh else "No problems found."}</p>')
    out.append('<ol class="problems">')
    for s in page.shown:
        f = s.finding
        sev = "waived" if f.waived else f.severity.value
        section_link = f"#{page.rid}-part{s.section}" if 1 <= s.section <= 6 else page.link_for(f.pointer)
        places = [f'<a href="{page.link_for(f.pointer)}">{escape(s.place)}</a>'] if f.pointers else []
        places += [f'<a href="{page.link_for(p)}">{escape(place)}</a>' for p, place in zip(f.pointers[1:], s.related)]
        body = [f'<span class="no">{s.number}</span><span class="badge">{escape(severity_label(f.severity, page.lang))}</span>'
                f'<code title="{escape(rule_title(rules.get(f.code), page.lang))}">{escape(f.code)}</code> '
                f'<a href="{section_link}">{escape(section_title(s.section, page.lang))}</a>',
                f'<div class="body">{escape(s.message)}</div>']
        if s.numbers:
            body.append(f'<div class="nums">{escape(s.numbers)}</div>')
        if places:
            body.append(f'<div class="where">{"位置" if zh else "Where"}{colon(page.lang)}{list_separator(page.lang).join(places)}</div>')
        clause, fix = rule_clause(rules.get(f.code)), rule_fix(rules.get(f.code), page.lang)
        if clause:
            body.append(f'<div class="basis">{"依据" if zh else "Basis"}{colon(page.lang)}{escape(clause)}</div>')
        if fix:
            body.append(f'<div class="fix">{"修改建议" if zh else "Suggested fix"}{colon(page.lang)}{escape(fix)}</div>')
        if f.quote:
            q = page.quote_ids.get(s.number)
            quote = escape(f.quote)
            body.append(f'<div class="q">{"引文" if zh else "Quote"}{colon(page.lang)}'
                        + (f'<a href="#{q}">「{quote}」</a>' if q else f"「{quote}」") + "</div>")
        if f.waived:
            body.append(f'<div class="waived">{"已豁免" if zh else "Waived"}{colon(page.lang)}{escape(f.waived)}</div>')
        out.append(f'<li id="{page.rid}-f{s.number}" class="sev-{sev}">{"".join(body)}</li>')
    out.append("</ol>")
    out.append(f'<details class="outcomes"><summary>{"各规则结论" if zh else "Outcome per rule"}</summary><table>')
    for o in result.outcomes:
        reasons = ("；" if zh else "; ").join(r.get(page.lang) for r in o.reasons)
        out.append(f"<tr><td><code>{escape(o.code)}</code></td><td>{escape(rule_title(rules.get(o.code), page.lang))}</td>"
                   f"<td>{escape(outcome_label(o.outcome, page.lang))}</td><td>{escape(reasons)}</td></tr>")
    out.append("</table></details></aside>")
    return "".join(out)


def _counts(results: list[ReportResult], lang: str) -> str:
    totals = total_counts(results)
    items = [f'<li class="sev-{s.value}">{escape(severity_label(s, lang))}<b>{totals[s.value]}</b></li>' for s in Severity]
    items.append(f'<li class="sev-waived">{"已豁免" if lang != "en" else "waived"}<b>{totals["waived"]}</b></li>')
    return '<ul class="counts">' + "".join(items) + "</ul>"


def render(results: list[ReportResult], ctx: Any) -> str:
    lang = ctx.lang
    zh = lang != "en"
    rules = dict(ctx.rules)
    title = (report_title(results[0]) if len(results) == 1 else f"{len(results)} 份报告") if results else ""
    head = ("审阅意见" if zh else "Review") + (f"{colon(lang)}{title}" if title else "")
    out = ["<!DOCTYPE html>", f'<html lang="{"zh-CN" if zh else "en"}"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f'<meta name="generator" content="gov-check {escape(__version__)}">',
           f"<title>{escape(head)}</title><style>{_CSS}</style></head><body>",
           f'<header class="page"><h1>{escape(head)}</h1>',
           f'<p class="meta">gov-check {escape(__version__)} · '
           # On screen the problem list is beside the text; printed, it follows the text on its own page.
           + ('<span class="on-screen">每个标出的格子和句子旁的编号对应右侧问题清单；点击编号跳转。</span>'
              '<span class="on-paper">每个标出的格子和句子旁的编号对应正文之后的问题清单。</span>' if zh else
              '<span class="on-screen">Numbers on marked cells and sentences refer to the problem list on the right; '
              'click to jump.</span><span class="on-paper">Numbers on marked cells and sentences refer to the problem '
              'list after the text.</span>') + "</p>",
           _counts(results, lang), "</header>"]
    for i, result in enumerate(results):
        rid = f"r{i + 1}"
        out.append(f'<article class="report" id="{rid}">')
        if result.load_error:
            out.append(f'<h2 class="sev-error">{"无法检查" if zh else "Not checked"}{colon(lang)}'
                       f'{escape(os.path.basename(result.file) or result.file)}</h2>'
                       f"<p>{escape(result.load_error.replace(result.file, os.path.basename(result.file)))}</p></article>")
            continue
        report = Report(result.document or {})
        kind = labels.ORGAN_KINDS.get(report.organ_kind or "", ("", ""))[0 if zh else 1]
        meta = [os.path.basename(result.file) or result.file, report.organ_name, kind, str(report.year or ""),
                (f"{report.template}年模板" if zh else f"{report.template} template") if report.template else ""]
        out.append(f'<p class="meta">{escape(" · ".join(m for m in meta if m))}</p>'
                   f'<p class="summary"><b>{escape(summary_line(result, lang))}</b></p>')
        page = _Page(rid, lang, present(result, rules, lang))
        document = _document(page, result)
        out.append(f'<div class="layout">{document}{_problems(page, result, rules)}</div></article>')
    out.append("</body></html>\n")
    # Report text may hold characters HTML and XML forbid (control characters, lone surrogates).
    return xml_text("\n".join(out))
