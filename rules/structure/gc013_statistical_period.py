"""GC013 statistical-period."""

from __future__ import annotations

import re

from checker.dates import find_period
from checker.findings import Severity, Text
from checker.rule import Rule

PERIOD_KEYWORD = re.compile(r"统计(期限|时限|期间|时间|区间|周期|范围|口径)|数据(期限|时限|期间|截止)")
# An organ set up in the year (平潭's 片区管理局 in the 2019 机构改革) reports from its first day: a period that
# starts late and ends on 31 December is then right, and the report says why in these words.
SET_UP_IN_YEAR = re.compile(r"机构改革|机构调整|新组建|组建|挂牌")


class StatisticalPeriod(Rule):
    """报告写明的统计期限为报告年度的1月1日至12月31日。

    检查什么
    在前言和正文中查找统计期限的表述（「本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止」，也接受
    「统计时间为…至…」、后一个日期省略年份、中文数字日期等写法），核对：期限的年份与报告年度一致（不一致为错误）；
    期限是完整的自然年，即1月1日至12月31日（否则为警告；期限晚于1月1日开始、到12月31日止，而报告提到机构改革或组建的，
    可能是年中设立的机关，只作提示）。报告没有写统计期限的，本规则不适用。
    标题年份与报告年度是否一致由 GC012 核对，两者合起来保证标题年份等于统计期限的年份。

    为什么
    《条例》规定年度报告报告上一年度的工作，统计期限为该自然年；年份写错会让读者误以为是另一年的数据，
    期限不完整则数据不能与其他机关、其他年度比较。

    依据
    《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号。

    错误示例
    2023年度报告写「统计期限自2022年1月1日起至2022年12月31日止」（沿用上年报告未改）；
    或「统计期限为2023年1月1日至2023年11月30日」。

    正确示例
    「本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。」
    """

    doc_en = """The statistical period the report states is 1 January to 31 December of the report year.

    What it checks
    The preface and text are searched for the statistical period (「本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止」;
    also 「统计时间为…至…」, a second date without its year, dates in Chinese numerals), and checked: the period's
    year is the report year (else an error); the period is the whole calendar year, 1 January to 31 December (else
    a warning; a period that starts late and ends on 31 December, in a report that mentions 机构改革 or 组建, may be
    an organ set up that year, and is only a note). A report that states no period is not applicable. GC012 checks the title's year, so together they
    make the title's year the period's year.

    Why
    The Regulation has the annual report cover the previous calendar year; a wrong year makes readers take the
    figures for another year's, and a partial period cannot be compared with other organs or years.

    Basis
    《中华人民共和国政府信息公开条例》 art. 50; 国办公开办函〔2021〕30号.

    Wrong
    A 2023 report stating 「统计期限自2022年1月1日起至2022年12月31日止」 (kept from last year's report), or
    「统计期限为2023年1月1日至2023年11月30日」.

    Right
    「本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。」
    """

    code = "GC013"
    name = "statistical-period"
    title_zh = "统计期限为报告年度的自然年"
    title_en = "The statistical period is the report year"
    clause = "《条例》第五十条"
    fix = ("统计期限写为报告年度的1月1日至12月31日",
           "State the statistical period as 1 January to 31 December of the report year")
    severity = Severity.WARNING
    templates = frozenset({"2021", "2019", "legacy"})
    messages = {
        "wrong_year": ("{place}：所写统计期限的年份为{found}，报告年度为{year}年",
                       "{place}: the statistical period stated is in {found}, the report year is {year}"),
        "not_calendar_year": ("{place}：所写统计期限不是完整的自然年，应为{year}年1月1日至{year}年12月31日",
                              "{place}: the statistical period stated is not the whole year; it should be 1 January to 31 December {year}"),
        "set_up_in_year": ("{place}：统计期限从{start}开始，不是完整的自然年；报告提到机构改革或组建，如本机关是年中设立的，"
                           "这一期限是对的，请在统计期限处写明设立日期，否则应为{year}年1月1日至{year}年12月31日",
                           "{place}: the statistical period starts on {start}, not on 1 January; the report mentions a reorganisation — "
                           "if the organ was set up that day the period is right (say so next to it), otherwise it should be "
                           "1 January to 31 December {year}"),
    }

    def check(self, ctx):
        report = ctx.report
        places = [("/preface", report.preface)] + [(s.pointer, s.text) for s in report.sections]
        for pointer, text in places:
            period = find_period(text, PERIOD_KEYWORD)
            if period is None:
                continue
            year = report.year
            if year is None:
                yield self.insufficient("报告信息中没有报告年度，无法核对统计期限", "no report year, cannot check the period",
                                        "/metadata/report_year")
                return
            quote = period.text.strip()
            years = sorted({period.start.year, period.end.year})
            if any(y != year for y in years):
                found = Text("、".join(f"{y}年" for y in years), ", ".join(str(y) for y in years))
                yield self.finding("wrong_year", pointer, severity=Severity.ERROR, quote=quote, found=found, year=year,
                                   expected=year, actual=years[0] if len(years) == 1 else "–".join(map(str, years)))
            elif (period.start.month, period.start.day, period.end.month, period.end.day) == (1, 1, 12, 31):
                pass
            elif (period.end.month, period.end.day) == (12, 31) and any(
                    SET_UP_IN_YEAR.search(t) for _, t in places):
                start = Text(f"{period.start.month}月{period.start.day}日", period.start.isoformat())
                yield self.finding("set_up_in_year", pointer, severity=Severity.INFO, quote=quote, start=start, year=year)
            else:
                yield self.finding("not_calendar_year", pointer, quote=quote, year=year)
            return
        yield self.not_applicable("报告没有写明统计期限", "the report does not state its statistical period")
