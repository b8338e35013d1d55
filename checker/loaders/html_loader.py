"""Web-page reports (.html/.htm, read with lxml.html) → paragraphs and table rows for the assembler.

Parsed without network access; HTML has no external entities to expand.  An XHTML page's DTD
(``<!DOCTYPE … [<!ENTITY …>]>``) is dropped before parsing, so its entities are neither expanded
nor read from anywhere, and its internal subset does not leak into the text.  Script and style
content is never text.  Whitespace inside the
markup is layout (a browser collapses it), so runs of ASCII whitespace become one space and a
cell's ends are trimmed; other spaces (``&nbsp;``, 「　」) are text and kept.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from checker.loaders import Loaded, LoadError, LoadOptions, raise_with
from checker.loaders.encoding import decode
from checker.loaders.article import about_line, find_article, is_chrome
from checker.loaders.layout import Block, Cell, Meta, Para, Row, assemble, parse_date
from checker.loaders.pagemeta import PAGE_DATE, date_value, iso_date

_BLOCK = {"p", "div", "td", "th", "table", "tbody", "thead", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "header", "footer", "br",
          "blockquote", "pre", "ul", "ol", "center", "body", "main", "tr", "dd", "dt", "dl", "hr", "title"}
_SKIP = {"script", "style", "head", "noscript", "template", "iframe", "object", "svg"}
_WS = re.compile(r"[ \t\n\r\f]+")
_PROLOG = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!DOCTYPE(?:[^\[>]|\[[^\]]*\])*>)?", re.S | re.I)


def _layout(text: str) -> str:
    return _WS.sub(" ", text).strip(" ")


def _cell_text(el) -> str:
    parts: list[str] = []

    def walk(node) -> None:
        if not isinstance(node.tag, str) or node.tag in _SKIP:
            if node.tail:
                parts.append(node.tail)
            return
        if node.tag in ("br", "p", "div") and parts:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if node.tail and node is not el:
            parts.append(node.tail)

    walk(el)
    lines = [_layout(line) for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


def _is_layout_table(table) -> bool:
    """A table that holds other tables or long running text is page layout, not a report table."""
    if table.find(".//table") is not None:
        return True
    cells = [td for td in table.iter("td", "th")]
    return len(cells) <= 2 and sum(len(td.text_content()) for td in cells) > 200


_META = {"pubdate": "publication_date", "publishdate": "publication_date", "firstpublishedtime": "publication_date",
         "articletitle": "title", "url": "url"}


def _page_meta(root) -> Iterator[Meta]:
    """What a government portal's ``<meta>`` tags say: 「PubDate」, 「ArticleTitle」, 「Url」."""
    for el in root.iter("meta"):
        key = _META.get((el.get("name") or "").strip().lower())
        value = (el.get("content") or "").strip()
        if key == "publication_date":
            value = date_value(value) or ""
        if key and value:
            yield Meta(key, value, {"line": el.sourceline or 1, "source": "meta:" + el.get("name").strip()})


def blocks(text: str, path: Path, options: LoadOptions | None = None) -> list[Block]:
    import lxml.etree
    import lxml.html

    options = options or LoadOptions()
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(_PROLOG.sub("", text.lstrip("\ufeff"), count=1), parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise LoadError(path, f"无法解析网页：{exc}") from None
    count = sum(1 for _ in root.iter("p", "div", "li", "td", "th"))
    if count > options.max_blocks:
        raise LoadError(path, f"网页中有 {count:,} 个段落和表格单元格，超过上限 {options.max_blocks:,}（一份年度报告只有几百个），不读取"
                              + raise_with("blocks"))
    body = root.find("body")
    body = body if body is not None else root
    article = find_article(body)
    around = set(article.iterancestors()) if article is not None else set()
    state = {"inside": False}
    before: list[Block] = []  # blocks up to the article's end; what follows is in `out`
    out: list[Block] = list(_page_meta(root))
    buf: list[str] = []
    line_of: list[int] = [0]
    tables = [0]

    def flush() -> None:
        text = _layout("".join(buf))
        buf.clear()
        if not text:
            return
        if article is not None and not state["inside"] and about_line(text):
            # The portal's 「来源：… 时间：2022-01-19 09:28」 line is no text of the report; its date is
            # the page's publication date.
            m = PAGE_DATE.search(text)
            date = iso_date(*m.groups()[1:]) if m else None
            if date:
                out.append(Meta("publication_date", date, {"line": line_of[0], "source": "page:" + m.group(1)}))
            return
        out.append(Para(text, {"line": line_of[0]}))

    def walk(node) -> None:
        if not isinstance(node.tag, str):
            if node.tail:
                buf.append(node.tail)
            return
        tag = node.tag.lower()
        if tag in _SKIP:
            pass
        elif node is article:
            flush()
            state["inside"] = True
            walk_children(node)
            flush()
            state["inside"] = False
            before.extend(out)
            out.clear()
        elif article is not None and not state["inside"] and node not in around and is_chrome(node):
            pass
        elif tag == "table" and _is_layout_table(node):
            # A table used to lay out the page (the whole article in one cell): read it as flow.
            flush()
            for child in node:
                walk(child)
            flush()
        elif tag == "table":
            flush()
            tables[0] += 1
            t = tables[0]
            rows = [tr for tr in node.iter("tr") if tr.getparent() is node or tr.getparent().getparent() is node]
            for r, tr in enumerate(rows, 1):
                cells = [Cell(_cell_text(td), {"table": t, "row": r, "col": c})
                         for c, td in enumerate((x for x in tr if isinstance(x.tag, str) and x.tag in ("td", "th")), 1)]
                out.append(Row(tuple(cells), {"table": t, "row": r}))
        else:
            block = tag in _BLOCK
            if block:
                flush()
                line_of[0] = node.sourceline or line_of[0]
            if node.text:
                if not buf:
                    line_of[0] = node.sourceline or line_of[0]
                buf.append(node.text)
            for child in node:
                walk(child)
            if block:
                flush()
        if node.tail:
            buf.append(node.tail)

    def walk_children(node) -> None:
        if node.text:
            buf.append(node.text)
        for child in node:
            walk(child)

    walk(body)
    flush()
    if article is None:
        return out
    # After the article only its signature may follow: a few short lines ending in a date.
    after = [b for b in out[:3] if isinstance(b, Para)]
    dated = next((i for i, b in enumerate(after) if parse_date(b.text)), None)
    return before + (after[:dated + 1] if dated is not None else [])


def load(path: Path, data: bytes, options: LoadOptions) -> Loaded:
    return assemble(blocks(decode(path, data), path, options), fmt="html", options=options, file=path)
