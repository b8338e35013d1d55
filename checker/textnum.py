"""Reading figures out of Chinese report prose: sentences, numerals, units, approximations, years.

This module only reads; it knows nothing about tables.  What a figure *means* (which cell it
restates) is decided by the text rules (rules/text/claims.py) from the words before it.

- Sentences end at 。；！？ (full- or half-width) and at line breaks.
- Figures: Arabic digits (full-width too, thousands separators, decimals, a 万 multiplier) and
  Chinese numerals (「十二件」「一百零五件」「两件」) — Chinese numerals only when a count unit
  follows, so 「一是」「二十大」「一定程度」 are never figures.
- 「余」「多」「近」「约」「超过」「左右」「以上」 make a figure approximate: never compared as exact.
- Percentages (「23.8%」「２３．８％」) are figures with ``percent=True``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Full-width digits and the few full-width signs that belong to numbers, mapped one-to-one so that
# positions in the normalised text are positions in the original.
_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")  # not 「，」: 「84，820」 is two figures

UNITS = ("人次", "万元", "件", "条", "个", "次", "篇", "份", "期", "项", "家", "名", "场", "宗", "元", "人", "户", "批")
_UNIT_RE = "|".join(UNITS)
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_CHARS = "零〇一二两三四五六七八九十百千万"

_APPROX_BEFORE = re.compile(r"(近|约|将近|接近|超过|逾|大约|约为|上万|近乎)\s*$")
_APPROX_AFTER = re.compile(r"^\s*(余|多|左右|以上|上下|来)")

# Digits a figure may have; a longer digit string is text (a count of 10^20 is not a count, and
# past 4,300 digits Python's int() refuses it).
MAX_DIGITS = 20

_ARABIC = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(万|亿)?")
_CHINESE = re.compile(rf"(?<![第{_CN_CHARS}])([{_CN_CHARS}]+)(余|多)?\s*(?={_UNIT_RE})")
_NOT_A_COUNT = re.compile(r"\s*(工作日|自然日|月|百分点|小时|季度|星期|年度|学期)")
_SENTENCE_END = re.compile(r"[。；;！!？?\n]+")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_YEAR_RANGE = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*(?:年)?\s*[—\-–~～至到]+\s*(?:19|20)\d{2}\s*年")
_TITLE = re.compile(r"《[^《》]*》|〈[^〈〉]*〉|“[^“”]*”|\"[^\"]*\"")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str  # as printed, without the terminating punctuation
    start: int  # offset in the text it came from
    continues: bool = False  # the piece before ended with 「；」: same sentence, same subject

    @property
    def normalised(self) -> str:
        return normalise(self.text)


@dataclass(frozen=True, slots=True)
class Figure:
    """One number as written in a sentence."""

    value: int | float
    unit: str  # one of UNITS, 「%」, or 「」 when none follows
    approximate: bool
    start: int  # offsets in the sentence
    end: int
    written: str  # the characters as printed (「十二件」, 「84件」, 「13000余条」)

    @property
    def percent(self) -> bool:
        return self.unit == "%"

    @property
    def exact_count(self) -> bool:
        """An exact whole number with a count unit: the only kind a rule may compare with a cell."""
        return not self.approximate and not self.percent and self.unit not in ("", "万元", "元") \
            and float(self.value).is_integer()


def normalise(text: str) -> str:
    """Full-width digits and signs to ASCII, position for position."""
    return text.translate(_FULLWIDTH)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences end at 。；！？ and line breaks; empty pieces are dropped."""
    out: list[Sentence] = []
    pos = 0
    continues = False
    for m in _SENTENCE_END.finditer(text + "\n"):
        piece = text[pos:m.start()]
        stripped = piece.strip()
        if stripped:
            out.append(Sentence(stripped, pos + (len(piece) - len(piece.lstrip())), continues))
            continues = m.group(0) in ("；", ";")
        pos = m.end()
    return out


def parse_chinese_number(s: str) -> int | None:
    """「十二」→12, 「一百零五」→105, 「两」→2, 「二〇二三」→2023, 「三万五千」→35000; None if not a number."""
    if not s or len(s) > MAX_DIGITS or any(ch not in _CN_CHARS for ch in s):
        return None
    if all(ch in _CN_DIGITS for ch in s) and len(s) > 1:  # digit by digit: 「二〇二三」
        return int("".join(str(_CN_DIGITS[ch]) for ch in s))
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in _CN_DIGITS:
            if digit is not None and _CN_DIGITS[ch] != 0 and digit != 0:
                return None  # 「三四」 is a range, not a number
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            section += (1 if digit is None else digit) * unit
            digit = None
        elif ch == "万":
            section += digit or 0
            total += (section or 1) * 10000
            section, digit = 0, None
    return total + section + (digit or 0)


def _unit_at(text: str, pos: int) -> tuple[str, int]:
    rest = text[pos:]
    m = re.match(r"\s*(%|" + _UNIT_RE + ")", rest)
    if m:
        return m.group(1), pos + m.end()
    return "", pos


def find_figures(sentence: str) -> list[Figure]:
    """Every figure in a sentence, in order.  Years (「2023年」), dates, and numbers inside document
    numbers (「〔2021〕30号」) are not figures."""
    text = normalise(sentence)
    out: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for m in _ARABIC.finditer(text):
        start, end = m.start(), m.end()
        after = text[end:end + 2]
        if re.match(r"\s*(年|月|日|号|时|点|〕|\]|）号|届|版|期\d|:\d)", after) or text[end:end + 1] in "〕]":
            continue
        if start > 0 and text[start - 1] in "〔[第":
            continue
        num = m.group(1).replace(",", "")
        if len(num) + len(m.group(2) or "") > MAX_DIGITS:
            continue  # not a count: a digit string that long is text (and past int()'s 4,300-digit limit)
        value: int | float = float(num + (m.group(2) or "")) if m.group(2) else int(num)
        approx = False
        if m.group(3):
            value = value * (10000 if m.group(3) == "万" else 100000000)
            approx = bool(m.group(2))  # 「1.2万」 is a rounded figure
            if isinstance(value, float) and value.is_integer():
                value = int(value)
        pos = end
        am = _APPROX_AFTER.match(text[pos:])
        if am and am.group(1) in ("余", "多", "来"):
            approx, pos = True, pos + am.end()
        unit, uend = _unit_at(text, pos)
        if not unit and am is None and text[pos:pos + 1] == "%":
            unit, uend = "%", pos + 1
        pos = uend if unit else pos
        if unit == "个" and _NOT_A_COUNT.match(text[pos:]):
            unit = ""  # 「5个工作日」「3个百分点」 are durations and rates, not counts
        am2 = _APPROX_AFTER.match(text[pos:])
        if am2 and am2.group(1) in ("左右", "以上", "上下", "余", "多"):
            approx, pos = True, pos + am2.end()
        if _APPROX_BEFORE.search(text[max(0, start - 4):start]):
            approx = True
        out.append(Figure(value, unit, approx, start, pos, sentence[start:pos]))
        taken.append((start, pos))
    for m in _CHINESE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        value = parse_chinese_number(m.group(1))
        if value is None:
            continue
        approx = bool(m.group(2))
        unit, pos = _unit_at(text, m.end())
        if unit == "个" and _NOT_A_COUNT.match(text[pos:]):
            unit = ""
        am2 = _APPROX_AFTER.match(text[pos:])
        if am2 and am2.group(1) in ("左右", "以上", "上下", "余", "多"):
            approx, pos = True, pos + am2.end()
        if _APPROX_BEFORE.search(text[max(0, m.start() - 4):m.start()]):
            approx = True
        out.append(Figure(value, unit, approx, m.start(), pos, sentence[m.start():pos]))
    out.sort(key=lambda f: f.start)
    return out


def mask_titles(text: str) -> str:
    """Document titles and quoted names (《…》, “…”) and year ranges (「2021—2025年」) blanked out,
    position for position, so words inside a title are not read as the sentence's own words."""
    def blank(m: re.Match[str]) -> str:
        return "□" * len(m.group(0))
    return _YEAR_RANGE.sub(blank, _TITLE.sub(blank, text))


@dataclass(frozen=True, slots=True)
class YearMention:
    year: int
    start: int
    end: int


def find_years(sentence: str, *, outside_titles: bool = True) -> list[YearMention]:
    """「2023年」「２０２２年度」「二〇二二年」 mentions; by default not inside titles or ranges."""
    text = normalise(sentence)
    if outside_titles:
        text = mask_titles(text)
    out = [YearMention(int(m.group(1)), m.start(), m.end()) for m in _YEAR.finditer(text)]
    for m in re.finditer(r"(?<![零〇一二三四五六七八九])([一二][〇零一二三四五六七八九]{3})\s*年", text):
        y = parse_chinese_number(m.group(1))
        if y and 1990 <= y <= 2099:
            out.append(YearMention(y, m.start(), m.end()))
    return sorted(out, key=lambda y: y.start)


def cjk_length(text: str) -> int:
    """How many Chinese characters, letters and digits a text has (punctuation and spaces excluded)."""
    return sum(1 for ch in text if ch.isalnum())
