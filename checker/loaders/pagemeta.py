"""What a page says about its report besides the report's own text, in the forms pages print it:
publication dates (「发布日期：2021-02-05」, 「时间：2020-01-08 10:32」, a crawler's 「发布时间:」,
``<meta name="PubDate">``), and the organ and year a title or first sentence names.

Each value the assembler takes from here is recorded in the source map with a ``source`` naming
where it came from (``header:发布时间``, ``page:发布日期``, ``meta:PubDate``, ``title``,
``first_sentence``; the assembler adds ``signature``), so a reader can see why the checker believes it.
"""

from __future__ import annotations

import re

# 「发布日期：2021-02-05」 「时间：2020-01-08 10:32」 「发布时间：2021年2月5日」
PAGE_DATE = re.compile(r"(发布日期|发布时间|时间|日期)\s*[:：]\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*日)?"
                       r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
_ISO_START = re.compile(r"^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_TITLE_YEAR = re.compile(r"(\d{4})\s*年度?")
_REPORT = re.compile(r"(\d{4})\s*年度?\s*(?:政府信息公开|政务公开)(?:工作)?年度报告")


def iso_date(year: str | int, month: str | int, day: str | int) -> str | None:
    y, m, d = int(year), int(month), int(day)
    return f"{y:04d}-{m:02d}-{d:02d}" if 1900 < y < 2200 and 1 <= m <= 12 and 1 <= d <= 31 else None


def date_value(text: str) -> str | None:
    """The date a header or ``<meta>`` value starts with: 「2023-01-30 09:12」 → '2023-01-30'."""
    m = _ISO_START.match(text or "")
    return iso_date(*m.groups()) if m else None


def page_date(text: str) -> tuple[str, str] | None:
    """A line that is only a page's date label and date: (its label, the ISO date)."""
    m = PAGE_DATE.fullmatch(text.strip())
    if not m:
        return None
    date = iso_date(*m.groups()[1:])
    return (m.group(1), date) if date else None


def title_parts(title: str) -> tuple[int | None, str]:
    """The report year and the organ a title names: 「××局2023年度政府信息公开工作年度报告」, the organ
    after the year (「2019年××市人民政府办公厅政府信息公开工作年度报告」), or a space between."""
    m = _TITLE_YEAR.search(title)
    if not m:
        return None, ""
    organ = title[:m.start()].strip()
    if not organ:
        rest = title[m.end():]
        cut = rest.find("政府信息公开")
        organ = rest[:cut].strip() if cut > 0 else ""
    return int(m.group(1)), organ


def sentence_parts(text: str) -> tuple[int | None, str]:
    """The year (and the organ, when it is named right before) of 「…××局2022年度政府信息公开工作年度报告」
    in a report's first sentence, for a page that prints no title."""
    first = re.split(r"[。！？]", text, maxsplit=1)[0]
    m = _REPORT.search(first)
    if not m:
        return None, ""
    from checker.organs import infer_kind

    before = re.split(r"[，,、；;：:《》（）()“”\s]|现将|编制|发布|公布|本", first[:m.start()])[-1]
    return int(m.group(1)), before if before and infer_kind(before) else ""
