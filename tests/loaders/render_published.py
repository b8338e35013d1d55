"""Test helper: the example reports printed the way published conversions print them — Markdown as
converters write it, text with a title broken over two lines and a wrapped preface, web pages inside
a portal's site chrome — built on :func:`tests.loaders.render.layout`."""

from __future__ import annotations

import html as _html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.loaders.layout import value_like
from tests.loaders.render import Style, html_table, layout, spans


@dataclass(frozen=True)
class Markdown:
    edges: str = "both"  # "both" · "no_lead" · "no_trail" · "none": which outer pipes a row has
    trailing_empty: bool = False  # every row ends in one more, empty, cell
    short_header: bool = False  # a table's first row stops at its last filled cell
    split_labels: bool = False  # T2/T3 labels on a row of their own, the numbers on the next row
    t4_short_header: bool = False  # T4 as one row of 15 under a 6-cell header 「行政复议 | … | 行政诉讼」
    split_title: bool = True  # 「…政府信息公开工作」 / 「年度报告」


def _md_row(cells: list[str], md: Markdown) -> str:
    cells = [c.replace("\n", "<br>") for c in cells] + ([""] if md.trailing_empty else [])
    body = " | ".join(cells)
    return {"both": f"| {body} |", "no_lead": f"{body} |", "no_trail": f"| {body}", "none": body}[md.edges]


def _plain_grid(grid: list[list[Any]]) -> list[list[str]]:
    """A merged cell as a converter writes it: its text in the first cell, the others empty."""
    width = max(len(r) for r in grid)
    out = [["" for _ in range(width)] for _ in grid]
    for r, c, _h, _w, text in spans(grid):
        out[r][c] = text
    return out


def _is_t4(grid: list[list[Any]]) -> bool:
    return grid[0][0] == "行政复议" and len(grid[-1]) == 15


def _split_title(items: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    titles = "".join(v for k, v in items if k == "title")
    for kind, value in items:
        if kind == "title":
            continue
        if not out:
            out += [("title", titles[:-4]), ("title", titles[-4:])]  # 「…政府信息公开工作」 / 「年度报告」
        out.append((kind, value))
    return out


def to_markdown(doc: dict, path: Path, md: Markdown = Markdown(), style: Style = Style(title_lines=1)) -> Path:
    items = layout(doc, style)
    if md.split_title:
        items = _split_title(items)
    lines: list[str] = []
    for kind, value in items:
        if kind == "table":
            grid = _plain_grid(value)
            if md.t4_short_header and _is_t4(value):
                grid = [["行政复议", "", "", "", "", "行政诉讼"], grid[-1]]
            for i, row in enumerate(grid):
                if i == 0 and md.short_header:
                    while len(row) > 1 and not row[-1]:
                        row = row[:-1]
                at = max((j for j, c in enumerate(row) if not value_like(c)), default=None)
                if md.split_labels and i > 0 and not _is_t4(value) and at is not None and any(row[at + 1:]):
                    # the label's cells on a row, the value columns (blanks kept) on the next
                    lines.append(_md_row(row[:at + 1], md))
                    lines.append(_md_row(row[at + 1:], md))
                else:
                    lines.append(_md_row(row, md))
                if i == 0:
                    lines.append(_md_row(["---"] * len(row), md))
            lines.append("")
        elif kind == "title":
            lines.append(f"**{value}**")
        elif kind == "h":
            lines += ["", f"## {value}", ""]
        elif kind == "p":
            lines.append(value)
            lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def wrapped_text(doc: dict, path: Path, width: int = 28) -> Path:
    """Text copied out of a PDF: the title over two lines, running text wrapped at ``width``
    characters (so that a preface line can begin with a section's words), tables one row per line."""
    items = _split_title(layout(doc, Style(title_lines=1, break_labels=False)))
    lines: list[str] = []
    for kind, value in items:
        if kind == "table":
            for row in _plain_grid(value):
                lines.append("\t" + "\t".join(c.replace("\n", "") for c in row))
        elif kind == "p" and value:
            lines += [value[i:i + width] for i in range(0, len(value), width)]
        else:
            lines.append(value)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


CHROME_HEAD = """<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="ArticleTitle" content="{title}"><title>{title}_政府信息公开年报_示例市人民政府门户网站</title>
<script>var menu = "<p>一、总体情况</p><table><tr><td>行政复议</td></tr></table>";</script>
<style>p {{ margin: 0 }}</style></head><body>
<div class="header"><ul class="nav" role="navigation"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/zwgk/nb/">政府信息公开年报</a></li><li><a href="/hdjl/">互动交流</a></li></ul>
<form><input name="key" placeholder="请输入搜索内容"></form></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/nb/">政府信息公开年报</a></div>
<div class="main"><div class="detail-header"><h1 class="article_title">{title}</h1></div>
<div class="article_extend"><span>来源：示例市人民政府办公室</span> <span>时间：2024-01-20 09:28</span>
<span class="share">分享到：微信 微博</span> <span>【字体：大 中 小】</span> <span>打印本页</span></div>
<table align="center" border="0" cellspacing="0" cellpadding="0"><tbody><tr><td>
<div class="article_content">
"""
CHROME_FOOT = """</div></td></tr></tbody></table></div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/a.htm">示例市人民政府2022年政府信息公开工作年度报告</a></li>
<li><a href="/b.htm">关于做好2023年度政府信息公开工作年度报告编制工作的通知</a></li></ul></div>
<div class="footer"><p>主办：示例市人民政府办公室 承办：示例市大数据中心</p>
<p>网站标识码：3590000001 备案号：闽ICP备12345678号-1</p><p>2024年1月20日 更新</p>
<p>版权所有：示例市人民政府</p></div>
<script>document.write("<p>六、其他需要报告的事项</p>");</script></body></html>
"""


def portal_page(doc: dict, path: Path, style: Style = Style()) -> Path:
    """The report as a portal publishes it: site chrome around the article, the article inside a
    layout table, its own tables nested inside that one."""
    parts = [CHROME_HEAD.format(title=_html.escape(doc["metadata"]["title"]))]
    for kind, value in layout(doc, style):
        if kind == "table":  # Word's export: each cell's text in a paragraph and a span
            parts += html_table(value, '<table border="1" class="MsoTableGrid">',
                                lambda lines: f"<p><span>{'<br>'.join(_html.escape(x) for x in lines)}</span></p>")
        elif kind == "title":
            continue  # the portal prints the title above the article, in its own chrome
        elif kind in ("h", "p"):
            parts.append(f'<p class="MsoNormal"><span style="font-family:仿宋_GB2312">{_html.escape(value)}</span></p>')
    parts.append(CHROME_FOOT)
    path.write_text("\n".join(parts), encoding="utf-8")
    return path
