"""How much of one text repeats another: GC703's normalisation (boilerplate and sub-heading labels
removed, years and numbers neutralised) and its character shingles.  Shared by the rule GC703 and
the year-over-year comparison (checker/compare), so that both give the same percentages."""

from __future__ import annotations

import re
import unicodedata

from checker.textnum import split_sentences

# Sentences every report may share word for word: the standard opening, the statistical period,
# the contact line.  They are removed before measuring.
_BOILERPLATE = re.compile(
    r"(本|此)(年度)?报告[^。]{0,12}(根据|依据|按照)[^。]{0,80}(编制|制作|编写)"
    r"|统计期限|统计期间|统计时限|所列数据"
    r"|如对本?(年度)?报告有(任何)?疑问|联系电话|联系地址|邮政编码|电子邮箱|报告的?电子版"
)
# A sub-heading line: 「（一）主动公开方面。」「一是……」 labels of the template carry no content.
_SUBHEADING = re.compile(r"^\s*[（(][一二三四五六七八九十]+[)）]\s*([^。，,；;：:]{0,24}[。.：:])?")
_KEEP = re.compile(r"[\w]")

DEFAULT_NGRAM = 8


def is_boilerplate(sentence: str) -> bool:
    """A sentence every report may share word for word (the standard opening, the period, contacts)."""
    return bool(_BOILERPLATE.search(sentence))


def normalise(text: str, year: int | None) -> str:
    """The text reduced to what copying shows: boilerplate sentences and sub-heading labels removed,
    the report's own year read as 「Ｙ」 and the year before as 「Ｐ」 (so 「2023年」 this year and
    「2022年」 last year compare equal), every other number as 「#」, punctuation and spaces dropped."""
    kept = []
    for line in text.splitlines():
        line = _SUBHEADING.sub("", line)
        kept.extend(s.text for s in split_sentences(line) if not _BOILERPLATE.search(s.text))
    return neutralise("".join(kept), year)


def neutralise(text: str, year: int | None) -> str:
    """A text with its year as 「Ｙ」, the year before as 「Ｐ」, other numbers as 「#」, and punctuation
    and spaces dropped (what normalise does after removing boilerplate)."""
    out = unicodedata.normalize("NFKC", text)
    if year:
        out = out.replace(str(year), "Ｙ").replace(str(year - 1), "Ｐ")
    out = re.sub(r"\d+(\.\d+)?", "#", out)
    return "".join(ch for ch in out if ch == "#" or (_KEEP.match(ch) and ch != "_"))


def shingles(text: str, n: int) -> set[str]:
    if len(text) < n:
        return {text} if text else set()
    return {text[i:i + n] for i in range(len(text) - n + 1)}
