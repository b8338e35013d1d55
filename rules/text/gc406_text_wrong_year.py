"""GC406 text-wrong-year."""

from __future__ import annotations

import re

from checker.findings import Severity
from checker.rule import Rule
from checker.textnum import find_figures, find_years, mask_titles, normalise, split_sentences
from rules.text.claims import passages

# Words that make another year's figure legitimate: comparisons, spans, references to last year.
_COMPARISON = re.compile(r"本年|今年|本年度|当年|同比|环比|较|比上|相比|增长|下降|减少|增加|持平|上升|上年|去年|上一年|以来|截至|截止|至今|累计|分别|历年|此前|曾")
_BEFORE_YEAR = re.compile(r"(自|从|于|至|到|比|较|与|和|及|、)\s*$")
_AFTER_YEAR = re.compile(r"^\s*(度)?\s*(以来|起|开始|至|到|—|-|~|底|末|前|以前|之前|年度报告|报告|工作要点|要点|计划|方案|规划|通知|意见|考核|考评|评估|评议|排名|结果|问题|发现|提出|存在|遗留|部署|印发的"
                         r"|\d{1,2}\s*月|[一二三四五六七八九十]{1,2}月|初|中|上半年|下半年|第?[一二三四]季度)")
_WORK = re.compile(r"收到|新收|受理|办结|答复|主动公开|发布|公开|制发|印发|废止|办理|开展|举办|组织|召开|编发|发行|更新|上报")
_PLAN = re.compile(r"将|计划|拟|下一步|预计|力争|争取")
# 「上年结转」 is a T3 row of this year's account, not a comparison with last year.
_OWN_ACCOUNT = re.compile(r"上一?年度?(结转|遗留|未办结)")
# 「2022年，××局……」 opening section 一 (or its first sub-heading) without a count: the year of the account.
_OPENING = re.compile(r"^\s*(（[一二三四五六七八九十]）[^，。]{0,12}?[。：:]?)?\s*((?:19|20)\d{2})\s*年(度)?\s*[，,]")


class TextWrongYear(Rule):
    """正文把本年度的工作写成了其他年度。

    检查什么
    句子以其他（更早的）年份叙述工作量（「2022年共收到政府信息公开申请84件」出现在2023年度报告中），
    而句中没有本报告年度、没有比较或回顾的用语（「同比」「较」「上年」「以来」「截至」「累计」……），
    年份也不是文件名称（《…》内）、年份区间（「2021—2025年」）、「2022年度报告」「2022年考核结果」之类的
    引用，也不是具体日期（「2022年12月」）。这通常是照搬上一年报告、只改了数字而忘了改年份。
    晚于报告年度的年份（计划、发布日期）不检查。「上年结转」「上年度遗留」是本年度表三的一项，不视为比较用语。
    第一部分开篇「2022年，××局……」（不论有无数字）也视为年份写错。

    为什么
    年份写错使读者误以为数字属于其他年度；也是「内容雷同」（照搬往年报告）的典型痕迹。

    依据
    《中华人民共和国政府信息公开条例》第五十条（报告本行政机关上一年度的政府信息公开工作情况）；
    国办公开办函〔2021〕30号。

    错误示例
    2023年度报告写「2022年，全市共收到政府信息公开申请84件，已办结82件」。

    正确示例
    写「2023年，全市共收到政府信息公开申请84件」；比较时写「较2022年的70件增加14件」，
    引用文件写「按照《法治政府建设实施纲要（2021—2025年）》」。
    """

    doc_en = """The text describes this year's work as another year's.

    What it checks
    A sentence states work in an earlier year (「2022年共收到政府信息公开申请84件」 in a 2023 report) with no report year
    in it and no words of comparison or review (「同比」「较」「上年」「以来」「截至」「累计」 …), where the year is not a
    document title (inside 《…》), a range (「2021—2025年」), a reference such as 「2022年度报告」「2022年考核结果」, or a
    date (「2022年12月」). This is usually last year's report copied with the figures changed and the year forgotten.
    Years after the report year (plans, publication dates) are not checked.

    Why
    A wrong year makes readers take the figures for another year's; it is also the typical trace of copied content
    (内容雷同).

    Basis
    《中华人民共和国政府信息公开条例》 art. 50 (the report covers the organ's previous year); 国办公开办函〔2021〕30号.

    Wrong
    A 2023 report says 「2022年，全市共收到政府信息公开申请84件，已办结82件」.

    Right
    「2023年，全市共收到政府信息公开申请84件」; comparisons as 「较2022年的70件增加14件」; documents as
    「按照《法治政府建设实施纲要（2021—2025年）》」.
    """

    code = "GC406"
    name = "text-wrong-year"
    title_zh = "正文以其他年份叙述本年度工作"
    title_en = "The text reports this year's work under another year"
    clause = "《条例》第五十条"
    fix = ("把叙述本年度工作的年份改为报告年度",
           "Change the year in the sentences about this year's work to the report year")
    severity = Severity.WARNING
    messages = {
        "wrong_year": ("{place}：正文以 {year} 年叙述工作数字，而本报告是 {report_year} 年度报告；"
                       "如是本年度的工作，请改正年份",
                       "{place}: the text gives work figures for {year}, but this is the report on "
                       "{report_year}; correct the year if the work is this year's"),
    }

    def check(self, ctx):
        year = ctx.report.year
        if year is None:
            yield self.insufficient("报告信息未写明报告年度", "the metadata gives no report year", "/metadata/report_year")
            return
        for passage in passages(ctx.report):
            for index, sentence in enumerate(split_sentences(passage.text)):
                text = mask_titles(normalise(sentence.text))
                if passage.section == 1 and index == 0:
                    m = _OPENING.match(text)
                    if m and int(m.group(2)) < year and not _COMPARISON.search(text[m.end():m.end() + 6]):
                        yield self.finding("wrong_year", passage.pointer, quote=sentence.text,
                                           year=int(m.group(2)), report_year=year)
                        continue
                text = _OWN_ACCOUNT.sub(lambda m: "□" * len(m.group(0)), text)
                years = find_years(sentence.text)
                if not years or any(y.year == year for y in years) or _COMPARISON.search(text) or _PLAN.search(text):
                    continue
                for y in years:
                    if y.year >= year or _BEFORE_YEAR.search(text[:y.start]) or _AFTER_YEAR.match(text[y.end:]):
                        continue
                    rest = text[y.end:]
                    if _WORK.search(rest) and any(f.start >= y.end and not f.percent and f.unit for f in
                                                  find_figures(sentence.text)):
                        yield self.finding("wrong_year", passage.pointer, quote=sentence.text,
                                           year=y.year, report_year=year)
                        break
