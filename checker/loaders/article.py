"""Which part of a web page is the report: a portal prints the article inside its site chrome
(navigation menus, breadcrumbs, share buttons, related links, footers), often inside a layout table.

The article is the smallest element holding every numbered section heading and every report table
the page prints.  Before it, only what is not chrome is kept (the article's title and date line sit
there); after it, only the signature lines that some pages print below the article.  A page where
the report cannot be located (fewer than two headings or tables) is read whole, as before.
"""

from __future__ import annotations

import re
from typing import Any

from checker.loaders.layout import heading_number, numbered

# Words printed in the template's tables and nowhere else on a portal page.
_TABLE_WORDS = ("本年新收", "予以公开", "结果维持", "尚未审结", "本年制发", "本年新制作", "信息内容")
_HEADING_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "b", "strong", "font", "td", "li"}
_CHROME_TAGS = {"nav", "header", "footer", "form", "aside", "button", "select", "input"}
_CHROME_NAMES = re.compile(r"nav|menu|breadcrumb|crumb|share|footer|header|search|login|banner|weather|sidebar|"
                           r"related|xglj|links|copyright|toolbar|tabs_hd|download|qrcode", re.I)


# A line of the page's own about the article (source, time, hits, font size, print, share): chrome.
_ABOUT_LINE = re.compile(r"^\s*(【?\s*(来源|信息来源|发布机构|时间|发布时间|发布日期|日期|作者|浏览次数|访问量|点击数|阅读次数|字体|字号)\s*[:：]"
                         r"|.*(打印本页|关闭窗口|分享到|【\s*字体|加入收藏))")


def about_line(text: str) -> bool:
    """A line a portal prints between the title and the article (「来源：… 时间：2024-01-20」)."""
    return bool(_ABOUT_LINE.match(text))


def find_article(body: Any) -> Any | None:
    """The element that holds the report, or None when the page gives no clear anchors."""
    anchors: list[Any] = []
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag == "table":
            text = el.text_content()
            if any(w in text for w in _TABLE_WORDS) and el.find(".//table") is None:
                anchors.append(el)
        elif tag in _HEADING_TAGS:
            text = el.text_content().strip()
            if len(text) <= 40 and numbered(text) and heading_number(text) is not None:
                anchors.append(el)
    if len(anchors) < 2:
        return None
    common = list(anchors[0].iterancestors())[::-1] + [anchors[0]]
    for el in anchors[1:]:
        chain = set(el.iterancestors()) | {el}
        while common and common[-1] not in chain:
            common.pop()
    return common[-1] if common else None


def is_chrome(el: Any) -> bool:
    """Site furniture outside the article: by its tag, its ARIA role, or its class and id."""
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag in _CHROME_TAGS or el.get("role") in ("navigation", "banner", "contentinfo", "search"):
        return True
    names = " ".join(filter(None, (el.get("class"), el.get("id"))))
    if names and _CHROME_NAMES.search(names):
        # 「article-header」 holding the report's title is the article's own header
        text = el.text_content()
        return not ("年度报告" in text and len(text.strip()) < 200)
    return tag in ("ul", "ol", "li") and _only_links(el)


def _only_links(el: Any) -> bool:
    """A list whose every word is a link's (a menu, 「全真版 / 文字版」 tabs, a list of related pages)."""
    text = re.sub(r"\s+", "", el.text_content())
    linked = "".join(re.sub(r"\s+", "", a.text_content()) for a in el.iter("a"))
    return bool(text) and text == linked
