"""A comparison as Markdown: the summary, the changed sentences per section (copied ones counted,
not repeated), the table cells that changed, the identities, the figures and the findings."""

from __future__ import annotations

from typing import Any

from checker.output.compare.words import (FINDING_STATUS, figure_side, identity_result, label, moved_note, pct, percent,
                                          side_title, signed, status_word, w)


def _cell(text: Any) -> str:
    return str("" if text is None else text).replace("|", "\\|").replace("\n", " ")


def _diffed(diff: list[list[str]] | None, text: str | None, side: str) -> str:
    if not diff:
        return _cell(text)
    out = []
    for op, part in diff:
        if op == "equal":
            out.append(part)
        elif op == "delete" and side == "last":
            out.append(f"~~{part}~~")
        elif op == "insert" and side == "this":
            out.append(f"**{part}**")
    return _cell("".join(out))


def _table(header: list[str], rule: str, rows: list[list[Any]], empty: str) -> list[str]:
    if not rows:
        return [empty]
    return ["| " + " | ".join(header) + " |", rule] + ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]


def render(c: dict[str, Any]) -> str:
    lang = c["lang"]
    s = c["summary"]
    lines = [f"# {label('title', lang)}{side_title(c['last'], lang)} → {side_title(c['this'], lang)}", ""]
    lines += [f"- {label('last', lang)}`{c['last']['file']}`（{c['last']['format']}）",
              f"- {label('this', lang)}`{c['this']['file']}`（{c['this']['format']}）"]
    lines += [f"- **{label('forced', lang)}**{p}" for p in c["forced"]]
    sent = s["sentences"]
    lines += [
        f"- {label('reuse', lang)}**{pct(s['reuse'])}**（{w('threshold', lang)} {pct(c['options']['threshold'])}）"
        + (f"；{label('over', lang)}{'、'.join(s['sections_over_threshold'])}" if s["sections_over_threshold"] else ""),
        f"- {label('sentences', lang)}" + " · ".join(f"{status_word(k, lang)} {sent[k]}"
                                                 for k in ("copied", "changed", "moved", "added", "removed")),
        f"- {w('cells_changed', lang)} {s['cells_changed']}/{s['cells']} · {w('large_changes', lang)} {s['large_changes']}"
        f" · {w('identities_broken', lang)} {s['identities_broken']}",
        f"- {label('findings', lang)}" + " · ".join(f"{status_word(k, lang, FINDING_STATUS)} {s['findings'][k]}"
                                                for k in ("persisting", "new", "fixed")),
        "", f"## {w('text', lang)}", ""]
    for sec in c["sections"]:
        reuse = f"（{w('section_reuse', lang)} {pct(sec['reuse'])}{'，' + w('over', lang) if sec['over_threshold'] else ''}）" \
            if sec["reuse"] is not None else ""
        lines += [f"### {sec['title']}{reuse}", ""]
        copied = sum(1 for r in sec["rows"] if r["status"] in ("copied", "boilerplate") and not r["moved"])
        shown = [r for r in sec["rows"] if r["status"] not in ("copied", "boilerplate") or r["moved"]]
        if copied:
            lines += [f"{'与上年相同的句子：' if lang != 'en' else 'Sentences as last year: '}{copied}", ""]
        if shown:
            lines += [f"| {w('mark', lang)} | {w('last', lang)} | {w('this', lang)} |", "|---|---|---|"]
            for r in shown:
                note = _cell(moved_note(r, lang))
                lines.append(f"| {status_word(r['status'], lang)} | {_diffed(r['diff'], r['last'], 'last')}"
                             f"{note if r['status'] == 'moved_away' else ''} | {_diffed(r['diff'], r['this'], 'this')}"
                             f"{note if r['status'] != 'moved_away' else ''} |")
            lines.append("")
    lines += [f"## {w('tables', lang)}", ""]
    for t in c["tables"]:
        lines += [f"### {t['title']}", ""]
        if t["note"]:
            lines += [t["note"], ""]
        changed = [(g, r, col, cell) for g in t["grids"] for r in g["rows"]
                   for col, cell in zip(g["columns"], r["cells"]) if cell["changed"]]
        if not changed:
            lines += ["两年各格相同。" if lang != "en" else "Every cell as last year.", ""]
            continue
        lines += [f"| {w('item', lang)} | {w('last', lang)} | {w('this', lang)} | {w('change', lang)} | {w('percent', lang)} | |",
                  "|---|---:|---:|---:|---:|---|"]
        for g, r, col, cell in changed:
            place = " · ".join(x for x in (g["title"], r["label"], col) if x)
            lines.append(f"| {_cell(place)} | {_cell(cell['last']['shown'])} | {_cell(cell['this']['shown'])} | "
                         f"{signed(cell['change'])} | {percent(cell['percent'])} | {'**' + w('large', lang) + '**' if cell['large'] else ''} |")
        lines.append("")
    lines += [f"## {w('identities', lang)}", "", "| | | | |", "|---|---:|---:|---|"]
    for i in c["identities"]:
        lines.append(f"| {_cell(i['label'])}（{i['rule']}） | {_cell(i['left']['expression'])} | "
                     f"{_cell(i['right']['expression'])} | {_cell(identity_result(i, lang))} |")
    lines += ["", f"## {w('figures', lang)}", ""]
    lines += _table([w(k, lang) for k in ("item", "last", "this", "change", "percent")], "|---|---:|---:|---:|---:|",
                    [[f["label"], figure_side(f["last"], lang), figure_side(f["this"], lang), signed(f["change"]),
                      percent(f["percent"])] for f in c["figures"]], w("none", lang))
    lines += ["", f"## {w('findings', lang)}", ""]
    lines += _table([w(k, lang) for k in ("year", "mark", "code", "place", "message")], "|---|---|---|---|---|",
                    [[c[f["year"]]["year"], status_word(f["status"], lang, FINDING_STATUS), f["code"], f["place"],
                      f["message"]] for f in c["findings"]], w("none", lang))
    return "\n".join(lines) + "\n"
