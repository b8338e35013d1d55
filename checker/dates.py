"""Reading dates as Chinese reports print them: 「2024年3月7日」, 「二〇二四年三月七日」, 「2024-03-07」.

The one place that parses dates; rules ask it for the dates in a piece of text and never parse
dates themselves.  A date that does not exist in the calendar (「2月30日」) is not a date.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

# Digits as printed in the years of formal documents: 〇/○/零 are all zero.
_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "o": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "〇○零Ｏ一二两三四五六七八九十"
_SP = r"[ \t\u3000\xa0]*"

_DATE_CN = re.compile(
    rf"(?<!\d)(?P<y>\d{{4}}|[{_CN}O]{{4}}){_SP}年{_SP}(?P<m>\d{{1,2}}|[{_CN}]{{1,3}}){_SP}月{_SP}(?P<d>\d{{1,2}}|[{_CN}]{{1,4}}){_SP}[日号]"
)
_DATE_ISO = re.compile(r"(?<!\d)(?P<y>\d{4})(?P<sep>[-./])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)")


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in a text: the date, where it stands, and the text as printed."""

    date: date
    start: int
    end: int
    text: str


def _cn_number(s: str) -> int | None:
    """「七」 7, 「十二」 12, 「二十」 20, 「三十一」 31, 「二〇二四」 2024; None when it is not a numeral."""
    if s.isdigit():
        return int(s)
    if "十" in s:
        head, _, tail = s.partition("十")
        if len(head) > 1 or len(tail) > 1:
            return None
        tens = _DIGITS.get(head, -1) if head else 1
        ones = _DIGITS.get(tail, -1) if tail else 0
        return None if tens < 0 or ones < 0 else tens * 10 + ones
    digits = [_DIGITS.get(ch) for ch in s]
    if any(d is None for d in digits):
        return None
    if len(digits) == 1 or len(digits) == 4:  # a single numeral, or a year read digit by digit
        return int("".join(str(d) for d in digits))
    return None


def _make(y: int | None, m: int | None, d: int | None) -> date | None:
    if y is None or m is None or d is None:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def normalise(text: str) -> str:
    """Full-width digits and punctuation to half-width (same length, so positions still hold)."""
    out = []
    for ch in text:
        n = unicodedata.normalize("NFKC", ch)
        out.append(n if len(n) == 1 else ch)
    return "".join(out)


def find_dates(text: str) -> list[FoundDate]:
    """Every date in ``text``, in order of appearance."""
    if not text:
        return []
    norm = normalise(text)
    found: list[FoundDate] = []
    for m in _DATE_CN.finditer(norm):
        d = _make(_cn_number(m.group("y")), _cn_number(m.group("m")), _cn_number(m.group("d")))
        if d:
            found.append(FoundDate(d, m.start(), m.end(), text[m.start():m.end()]))
    for m in _DATE_ISO.finditer(norm):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        d = _make(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d:
            found.append(FoundDate(d, m.start(), m.end(), text[m.start():m.end()]))
    return sorted(found, key=lambda f: f.start)


def parse_date(text: str | None) -> date | None:
    """The date a short text is (「2024-03-07」, 「2024年3月7日」, 「二〇二四年三月七日」), else None.

    The text must be the date and nothing else but spaces."""
    if not isinstance(text, str):
        return None
    stripped = text.strip()
    found = find_dates(stripped)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0].date
    return None


def closing_date(text: str) -> FoundDate | None:
    """The date a signature block ends with: the last date on the last non-empty lines of ``text``.

    Only a line that is a date and nothing else counts when ``text`` is running prose, so that a
    date mentioned in a sentence is never taken for the signing date."""
    lines = [ln for ln in (text or "").splitlines() if ln.strip()]
    offset = len(text or "")
    for line in reversed(lines[-3:]):
        if parse_date(line):
            start = (text or "").rfind(line, 0, offset)
            f = find_dates(line)[0]
            return FoundDate(f.date, start + f.start, start + f.end, f.text)
        offset = (text or "").rfind(line, 0, offset)
    return None


_PERIOD_DATE = re.compile(
    rf"(?:(?P<y>\d{{4}}|[{_CN}O]{{4}}){_SP}年{_SP})?(?P<m>\d{{1,2}}|[{_CN}]{{1,3}}){_SP}月{_SP}(?P<d>\d{{1,2}}|[{_CN}]{{1,4}}){_SP}[日号]"
)


@dataclass(frozen=True, slots=True)
class Period:
    """A stated date range (「自2023年1月1日起至2023年12月31日止」); the end year may be implied."""

    start: date
    end: date
    text: str


def find_period(text: str, keyword: re.Pattern[str], window: int = 80) -> Period | None:
    """The first date range within ``window`` characters after a match of ``keyword``.

    The second date may leave out its year (「2023年1月1日至12月31日」): it takes the first's."""
    if not text:
        return None
    norm = normalise(text)
    for k in keyword.finditer(norm):
        chunk = norm[k.end():k.end() + window]
        dates = list(_PERIOD_DATE.finditer(chunk))
        if len(dates) < 2 or not dates[0].group("y"):
            continue
        first, second = dates[0], dates[1]
        between = chunk[first.end():second.start()]
        if not re.fullmatch(rf"{_SP}[起]?{_SP}[，,]?{_SP}(至|到|—|－|-|~|～|──|——){_SP}", between):
            continue
        y1 = _cn_number(first.group("y"))
        y2 = _cn_number(second.group("y")) if second.group("y") else y1
        d1 = _make(y1, _cn_number(first.group("m")), _cn_number(first.group("d")))
        d2 = _make(y2, _cn_number(second.group("m")), _cn_number(second.group("d")))
        if d1 and d2:
            end = k.end() + second.end()
            if norm[end:end + 1] == "止":
                end += 1
            return Period(d1, d2, text[k.start():end])
    return None


def parse_month_day(value: str) -> tuple[int, int] | None:
    """An option's 「MM-DD」 (「03-31」, 「3-31」) → (3, 31), else None."""
    m = re.fullmatch(r"\s*(\d{1,2})-(\d{1,2})\s*", str(value))
    if not m:
        return None
    month, day = int(m.group(1)), int(m.group(2))
    try:
        date(2024, month, day)  # a leap year, so 02-29 is accepted
    except ValueError:
        return None
    return month, day
