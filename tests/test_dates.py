"""checker.dates: Chinese dates as reports print them."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.dates import closing_date, find_dates, find_period, parse_date, parse_month_day


@pytest.mark.parametrize("text, expected", [
    ("2024年3月7日", date(2024, 3, 7)),
    ("2024 年 3 月 7 日", date(2024, 3, 7)),
    ("２０２４年３月７日", date(2024, 3, 7)),
    ("二〇二四年三月七日", date(2024, 3, 7)),
    ("二○二四年一月二十日", date(2024, 1, 20)),
    ("二〇二三年十二月三十一日", date(2023, 12, 31)),
    ("2024-03-07", date(2024, 3, 7)),
    ("2024.3.7", date(2024, 3, 7)),
    ("2024/3/7", date(2024, 3, 7)),
    ("2024年2月30日", None),
    ("2024年3月", None),
    ("阳泉市人民政府 2024年3月7日", None),
    ("", None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_find_dates_in_order_with_positions():
    text = "自2023年1月1日起，于二〇二四年三月七日发布"
    found = find_dates(text)
    assert [f.date for f in found] == [date(2023, 1, 1), date(2024, 3, 7)]
    assert text[found[1].start:found[1].end] == "二〇二四年三月七日"


def test_closing_date_only_from_a_line_of_its_own():
    assert closing_date("阳泉市人民政府\n2024年3月7日\n").date == date(2024, 3, 7)
    assert closing_date("本年度于2024年3月7日召开会议。") is None


def test_find_period_variants():
    keyword = re.compile(r"统计期限|统计时间")
    p = find_period("报告中所列数据统计期限自2023年1月1日起，至2023年12 月31日止。", keyword)
    assert (p.start, p.end) == (date(2023, 1, 1), date(2023, 12, 31))
    assert p.text.endswith("止")
    p = find_period("统计时间为2023年1月1日至12月31日", keyword)
    assert p.end == date(2023, 12, 31)
    assert find_period("统计期限另行说明。2023年1月1日", keyword) is None


def test_parse_month_day():
    assert parse_month_day("03-31") == (3, 31)
    assert parse_month_day("2-29") == (2, 29)
    assert parse_month_day("13-01") is None
    assert parse_month_day("March 31") is None


def _numeral(n: int) -> str:
    digits = "〇一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")



@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_every_date_reads_back_in_every_printed_form(d):
    year_cn = "".join("〇一二三四五六七八九"[int(c)] for c in str(d.year))
    for printed in (f"{d.year}年{d.month}月{d.day}日", f"{year_cn}年{_numeral(d.month)}月{_numeral(d.day)}日",
                    d.isoformat(), f"{d.year}.{d.month}.{d.day}"):
        assert parse_date(printed) == d, printed
        assert closing_date(f"某县人民政府\n{printed}").date == d
