"""A comparison as one self-contained HTML page: last year on the left, this year on the right, the
two columns kept in step section by section (each section is one two-column table), the tables cell
by cell, the identities, the figures and the findings.  No network, no scripts; A4 landscape print."""

from __future__ import annotations

from html import escape
from typing import Any

from checker import __version__
from checker.output.compare.words import (FINDING_STATUS, figure_side, identity_result, label, moved_note, pct, percent,
                                          side_title, signed, status_word, w)

_CSS = """
* { box-sizing: border-box; }
body { margin: 0; color: #1b1b1b; background: #fff; line-height: 1.5;
  font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
    "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 14px; }
header.page { padding: 12px 20px; border-bottom: 3px solid #1b1b1b; background: #f6f6f4; }
header.page h1 { margin: 0 0 4px; font-size: 20px; }
.meta { color: #555; font-size: 12.5px; margin: 2px 0; }
.forced { color: #b3261e; font-weight: bold; }
ul.cards { list-style: none; padding: 0; margin: 8px 0 0; display: flex; gap: 8px; flex-wrap: wrap; }
ul.cards li { border: 2px solid #777; border-radius: 4px; padding: 2px 10px; background: #fff; }
ul.cards li b { font-size: 18px; margin-left: 6px; }
ul.cards li.alert { border-color: #b3261e; color: #b3261e; }
nav.toc { padding: 6px 20px; font-size: 13px; border-bottom: 1px solid #ccc; }
nav.toc a { margin-right: 14px; }
main { padding: 0 20px 20px; }
h2 { font-size: 18px; margin: 18px 0 6px; border-bottom: 2px solid #1b1b1b; }
h3 { font-size: 15px; margin: 14px 0 4px; }
span.badge { font-size: 12px; font-weight: normal; border-radius: 3px; padding: 0 6px; margin-left: 8px;
  background: #eee; }
span.badge.over { background: #b3261e; color: #fff; }
table { border-collapse: collapse; width: 100%; }
table.side { table-layout: fixed; font-size: 13px; }
table.side th { background: #f3f3f3; position: sticky; top: 0; }
table.side th, table.side td { border: 1px solid #bbb; padding: 3px 6px; vertical-align: top; width: 50%; }
table.side td.st { width: 5.6em; font-size: 11px; color: #555; text-align: center; }
table.side th.st { width: 5.6em; }
tr.copied td { background: #fff4d6; }
tr.boilerplate td { color: #777; }
tr.added td.this, tr.moved td.this { background: #e3f4e1; }
tr.removed td.last, tr.moved_away td.last { background: #fde2df; }
tr.changed td { background: #fbfbf3; }
del { background: #f7b9b2; text-decoration: line-through; }
ins { background: #a9dca3; text-decoration: none; }
.note { color: #555; font-size: 12px; }
table.grid { font-size: 12px; margin: 4px 0 12px; }
table.grid th, table.grid td { border: 1px solid #666; padding: 2px 4px; }
table.grid th { background: #f3f3f3; font-weight: normal; }
table.grid tbody th { text-align: left; }
table.grid td { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.grid td .a { color: #666; } table.grid td .d { display: block; font-size: 10.5px; color: #555; }
table.grid td.changed { background: #fff8e0; }
table.grid td.large { background: #fde2df; outline: 2px solid #b3261e; outline-offset: -2px; }
table.grid td.kind { background: #e9e4f7; }
table.list { font-size: 12.5px; margin: 4px 0 12px; }
table.list th, table.list td { border: 1px solid #bbb; padding: 3px 6px; vertical-align: top; text-align: left; }
table.list th { background: #f3f3f3; }
tr.broken td, td.over { background: #fde2df; } tr.unknown td { background: #f3f3f3; }
tr.persisting td { background: #fde2df; } tr.fixed td { background: #e3f4e1; color: #444; }
td.num { text-align: right; white-space: nowrap; }
ul.found { margin: 2px 0 6px; padding-left: 1.2em; font-size: 12.5px; }
ul.found li.persisting b { color: #b3261e; } ul.found li.fixed { color: #555; } ul.found li.fixed b { color: #1e7b1e; }
.legend span { display: inline-block; padding: 0 6px; margin-right: 6px; font-size: 12px; }
footer { color: #777; font-size: 12px; padding: 8px 20px; }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  body { font-size: 11px; } nav.toc { display: none; }
  table.side th { position: static; }
  section.pair, table.grid, tr { break-inside: avoid; }
  h2 { break-after: avoid; } h3 { break-after: avoid; }
}
"""


def _e(value: Any) -> str:
    return escape("" if value is None else str(value))


def _diffed(diff: list[list[str]], side: str) -> str:
    out = []
    for op, text in diff:
        if op == "equal":
            out.append(_e(text))
        elif op == "delete" and side == "last":
            out.append(f"<del>{_e(text)}</del>")
        elif op == "insert" and side == "this":
            out.append(f"<ins>{_e(text)}</ins>")
    return "".join(out)


def _text_cell(row: dict[str, Any], side: str, lang: str) -> str:
    text = row[side]
    if text is None:
        return ""
    body = _diffed(row["diff"], side) if row.get("diff") else _e(text)
    note = moved_note(row, lang)
    show_note = (side == "last") == (row["status"] == "moved_away")
    return body + (f' <span class="note">{_e(note)}</span>' if note and show_note else "")


def _sections(c: dict[str, Any], lang: str) -> str:
    out = [f'<h2 id="text">{w("text", lang)}</h2>',
           '<p class="legend">' + "".join(f'<span class="{k}" style="background:{bg}">{status_word(k, lang)}</span>'
                                          for k, bg in (("copied", "#fff4d6"), ("changed", "#fbfbf3"), ("added", "#e3f4e1"),
                                                        ("removed", "#fde2df"), ("moved", "#e3f4e1")))
           + f'<span><del>{"上年的字" if lang != "en" else "last year"}</del> <ins>{"本年的字" if lang != "en" else "this year"}</ins></span></p>']
    for i, s in enumerate(c["sections"]):
        badge = ""
        if s["reuse"] is not None:
            cls = "badge over" if s["over_threshold"] else "badge"
            over = f" · {w('over', lang)}" if s["over_threshold"] else ""
            badge = f'<span class="{cls}">{w("section_reuse", lang)} {pct(s["reuse"])}{over}</span>'
        heads = [w("no_text", lang) if s[k] is None else (s[k]["heading"] or s["title"]) for k in ("last", "this")]
        out.append(f'<section class="pair" id="sec-{i}"><h3>{_e(s["title"])}{badge}</h3>')
        mine = [f for f in c["findings"] if s["number"] and f["section"] == s["number"]]
        if mine:  # the problems of this part, both years, next to its text
            out.append('<ul class="found">' + "".join(
                f'<li class="{f["status"]}"><b>{status_word(f["status"], lang, FINDING_STATUS)}</b> '
                f'{_e(c[f["year"]]["year"])} {_e(f["code"])} {_e(f["message"])}</li>' for f in mine) + "</ul>")
        out.append(f'<table class="side"><thead><tr><th>{label("last", lang)}{_e(heads[0])}</th><th class="st"></th>'
                   f'<th>{label("this", lang)}{_e(heads[1])}</th></tr></thead><tbody>')
        for row in s["rows"]:
            out.append(f'<tr class="{row["status"]}"><td class="last">{_text_cell(row, "last", lang)}</td>'
                       f'<td class="st">{status_word(row["status"], lang)}</td>'
                       f'<td class="this">{_text_cell(row, "this", lang)}</td></tr>')
        if not s["rows"]:
            out.append(f'<tr><td colspan="3" class="note">{w("no_prose", lang)}</td></tr>')
        out.append("</tbody></table></section>")
    return "\n".join(out)


def _cell(cell: dict[str, Any], lang: str) -> str:
    a, b = cell["last"]["shown"], cell["this"]["shown"]
    classes = []
    if cell["large"]:
        classes.append("large")
    elif cell["last"]["kind"] != cell["this"]["kind"]:
        classes.append("kind")
    elif cell["changed"]:
        classes.append("changed")
    title = w("large", lang) if cell["large"] else ""
    delta = ""
    if cell["change"] is not None and cell["change"] != 0:
        delta = f'<span class="d">{signed(cell["change"])}{" · " + percent(cell["percent"]) if cell["percent"] is not None else ""}</span>'
    inner = _e(b) if not cell["changed"] else f'<span class="a">{_e(a)} → </span>{_e(b)}'
    cls = f' class="{" ".join(classes)}"' if classes else ""
    tip = f' title="{_e(title)}"' if title else ""
    return f'<td{cls}{tip} id="c{_e(cell["pointer"]).replace("/", "-")}">{inner}{delta}</td>'


def _tables(c: dict[str, Any], lang: str) -> str:
    out = [f'<h2 id="tables">{w("tables", lang)}</h2>',
           f'<p class="note">{"每格为「上年 → 本年」（两年相同时只写一次），下为增减和同比；红框为大幅变化（两年中较大的数超过较小的数的 " if lang != "en" else "Each cell: last year → this year (once when equal), then the change and year on year; red: a large change (the larger year more than "}'
           f'{c["options"]["large_ratio"]:g}{" 倍，一年为 0 也算，且较大的数不小于 " if lang != "en" else "× the smaller, a year at 0 included, and at least "}'
           f'{c["options"]["large_min"]:g}{"），请在报告中说明；紫色为两年填写方式不同（数字 / 空白 / 标记）。" if lang != "en" else "); purple: printed differently (number / blank / mark)."}</p>']
    for t in c["tables"]:
        out.append(f"<h3>{_e(t['title'])}</h3>")
        if t["note"]:
            out.append(f'<p class="note">{_e(t["note"])}</p>')
        for g in t["grids"]:
            out.append('<table class="grid">' + (f"<caption>{_e(g['title'])}</caption>" if g["title"] else ""))
            out.append("<thead><tr><th></th>" + "".join(f"<th>{_e(col)}</th>" for col in g["columns"]) + "</tr></thead><tbody>")
            for r in g["rows"]:
                out.append(f"<tr><th>{_e(r['label'])}</th>" + "".join(_cell(cell, lang) for cell in r["cells"]) + "</tr>")
            out.append("</tbody></table>")
    return "\n".join(out)


def _list(head: list[str], rows: list[tuple[str, list[str]]]) -> str:
    """A list table: header cells, then (class, cells as HTML) per row."""
    return ('<table class="list"><thead><tr>' + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead><tbody>"
            + "".join(f'<tr class="{cls}">' + "".join(cells) + "</tr>" for cls, cells in rows) + "</tbody></table>")


def _identities(c: dict[str, Any], lang: str) -> str:
    head = ["关系", "上年一侧", "本年一侧", "结果"] if lang != "en" else ["Identity", "Left side", "Right side", "Result"]
    rows = [("holds" if i["holds"] else "broken" if i["holds"] is False else "unknown",
             [f'<td>{_e(i["label"])}（{i["rule"]}）</td>', f'<td class="num">{_e(i["left"]["expression"])}</td>',
              f'<td class="num">{_e(i["right"]["expression"])}</td>', f"<td>{_e(identity_result(i, lang))}</td>"])
            for i in c["identities"]]
    return f'<h2 id="identities">{w("identities", lang)}</h2>' + _list(head, rows)


def _figures(c: dict[str, Any], lang: str) -> str:
    title = f'<h2 id="figures">{w("figures", lang)}</h2>'
    if not c["figures"]:
        return title + f'<p class="note">{"两年的正文都没有可对齐的数字。" if lang != "en" else "Neither text states a figure that could be aligned."}</p>'
    head = [w(k, lang) for k in ("item", "last", "this", "change", "percent")] + ["原文" if lang != "en" else "Quotes"]
    rows = [("", [f'<td>{_e(f["label"])}</td>', f'<td class="num">{_e(figure_side(f["last"], lang))}</td>',
                  f'<td class="num">{_e(figure_side(f["this"], lang))}</td>', f'<td class="num">{signed(f["change"])}</td>',
                  f'<td class="num">{percent(f["percent"])}</td>',
                  '<td class="note">' + "<br>".join(f'{label(k, lang)}{_e(f[k]["quote"])}' for k in ("last", "this") if f[k])
                  + "</td>"]) for f in c["figures"]]
    return title + _list(head, rows)


def _findings(c: dict[str, Any], lang: str) -> str:
    out = [f'<h2 id="findings">{w("findings", lang)}</h2>']
    if not c["findings"]:
        return out[0] + f'<p class="note">{w("none", lang)}</p>'
    out.append("<table class=\"list\"><thead><tr>" + "".join(
        f"<th>{w(k, lang)}</th>" for k in ("year", "mark", "severity", "code", "place", "message")) + "</tr></thead><tbody>")
    order = {"persisting": 0, "new": 1, "cross_year": 2, "fixed": 3}
    for f in sorted(c["findings"], key=lambda f: order[f["status"]]):
        year = c[f["year"]]["year"]
        out.append(f'<tr class="{f["status"]}"><td>{_e(year)}</td><td><b>{status_word(f["status"], lang, FINDING_STATUS)}</b></td>'
                   f'<td>{_e(f["severity_label"])}</td><td>{_e(f["code"])}</td><td>{_e(f["place"])}</td>'
                   f'<td>{_e(f["message"])}{"<br><span class=note>" + _e(f["numbers"]) + "</span>" if f["numbers"] else ""}</td></tr>')
    return "\n".join(out) + "</tbody></table>"


def _header(c: dict[str, Any], lang: str) -> str:
    s = c["summary"]
    last, this = c["last"], c["this"]
    cards = [(w("reuse", lang), pct(s["reuse"]) + f"（{w('threshold', lang)} {pct(c['options']['threshold'])}）",
              s["over_threshold"])]
    sent = s["sentences"]
    cards.append((w("sentences", lang), " · ".join(f"{status_word(k, lang)} {sent[k]}" for k in
                                                    ("copied", "changed", "moved", "added", "removed")), False))
    cards.append((w("cells_changed", lang), f"{s['cells_changed']}/{s['cells']}", False))
    cards.append((w("large_changes", lang), str(s["large_changes"]), s["large_changes"] > 0))
    cards.append((w("identities_broken", lang), str(s["identities_broken"]), s["identities_broken"] > 0))
    fs = s["findings"]
    cards.append((w("findings", lang), " · ".join(f"{status_word(k, lang, FINDING_STATUS)} {fs[k]}"
                                                  for k in ("persisting", "new", "fixed")), fs["persisting"] > 0))
    forced = "".join(f'<p class="forced">{label("forced", lang)}{_e(p)}</p>' for p in c["forced"])
    return (f'<header class="page"><h1>{label("title", lang)}{_e(side_title(last, lang))} → {_e(side_title(this, lang))}</h1>'
            f'<p class="meta">{label("last", lang)}{_e(last["file"])}（{_e(last["format"])}）　{label("this", lang)}{_e(this["file"])}（{_e(this["format"])}）</p>'
            f"{forced}<ul class=\"cards\">"
            + "".join(f'<li class="{"alert" if alert else ""}">{_e(k)}<b>{_e(v)}</b></li>' for k, v, alert in cards)
            + "</ul></header>")


def render(c: dict[str, Any]) -> str:
    lang = c["lang"]
    toc = "".join(f'<a href="#{k}">{w(k, lang)}</a>' for k in ("text", "tables", "identities", "figures", "findings"))
    title = f'{label("title", lang)}{side_title(c["last"], lang)} → {side_title(c["this"], lang)}'
    return (f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{_e(title)}</title>'
            f"<style>{_CSS}</style></head><body>{_header(c, lang)}<nav class=\"toc\">{toc}</nav><main>"
            f"{_sections(c, lang)}{_tables(c, lang)}{_identities(c, lang)}{_figures(c, lang)}{_findings(c, lang)}</main>"
            f'<footer>gov-check {__version__}</footer></body></html>\n')


def render_index(index: dict[str, Any]) -> str:
    lang = index["lang"]
    zh = lang != "en"
    head = (w("unit", lang), w("year", lang), w("reuse", lang), w("cells_changed", lang), w("large_changes", lang),
            w("identities_broken", lang), w("findings_count", lang), "连续两年" if zh else "both years", w("file", lang))
    rows = []
    for p in index["pairs"]:
        s = p["summary"]
        over = " over" if s["over_threshold"] else ""
        rows.append(f'<tr><td>{_e(p["this"]["organ_name"])}</td><td>{_e(p["last"]["year"])} → {_e(p["this"]["year"])}</td>'
                    f'<td class="num{over}">{pct(s["reuse"])}</td><td class="num">{s["cells_changed"]}/{s["cells"]}</td>'
                    f'<td class="num">{s["large_changes"]}</td><td class="num">{s["identities_broken"]}</td>'
                    f'<td class="num">{s["findings_this"]}/{s["findings_last"]}</td>'
                    f'<td class="num">{s["findings"]["persisting"]}</td><td><a href="{_e(p["file"])}">{_e(p["file"])}</a></td></tr>')

    def alone(key: str, title: str) -> str:
        items = index[key]
        if not items:
            return ""
        return f"<h2>{title}（{len(items)}）</h2><ul>" + "".join(
            f"<li>{_e(i['organ_name'] or '')} {_e(i['year'] or '')}（{_e(i['file'])}）</li>" for i in items) + "</ul>"

    unreadable = "".join(f"<li>{_e(u)}</li>" for u in index["unreadable"])
    return (f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">'
            f'<title>{w("index", lang)}</title><style>{_CSS}</style></head><body><header class="page">'
            f'<h1>{w("index", lang)}</h1><p class="meta">{len(index["pairs"])} {"对报告" if zh else "pairs"}</p></header><main>'
            f'<table class="list"><thead><tr>' + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>"
            + alone("without_last_year", w("no_partner_this", lang)) + alone("without_this_year", w("no_partner_last", lang))
            + (f"<h2>{w('unreadable', lang)}</h2><ul>{unreadable}</ul>" if unreadable else "")
            + f"</main><footer>gov-check {__version__}</footer></body></html>\n")
