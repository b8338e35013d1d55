"""GC703 text-reuse."""

from __future__ import annotations

from checker import labels
from checker.findings import Severity, Text
from checker.model import Report
from checker.rule import Option, Rule
from checker.textreuse import normalise, shingles

__all__ = ["TextReuse", "normalise", "shingles"]  # normalise and shingles live in checker.textreuse


def _prose_sections(report: Report) -> list[tuple[int, str, str]]:
    """(canonical number, pointer, text) of every matched section that has prose."""
    return [(s.number, s.pointer, s.text) for s in report.sections if s.number and s.text.strip()]


class TextReuse(Rule):
    """正文与上一年度报告大段雷同。

    检查什么
    与上一年度报告（``--previous``）比较，计算本年度报告正文中重复上年内容的比例，分部分列出并给出全文比例；
    全文比例或任一有一定篇幅（默认不少于 100 字）的部分达到阈值（默认 50%，``threshold``）时给出警告。

    方法：逐部分取正文（不含标题和前言），先删去所有报告都可以相同的套话——标准开头「本报告根据……编制」、
    统计期限、联系方式等句子，以及「（一）主动公开方面」之类的小标题；把本报告年度写作「Ｙ」、前一年写作
    「Ｐ」（上年报告按它自己的年度同样处理，使「2023年」与「2022年」不掩盖照抄），其他数字一律写作「#」
    （只改数字也算雷同），去掉标点和空格。然后取连续 ``ngram``（默认 8）个字为一个片段，
    本部分的片段中出现在上年报告任一部分的比例即重复比例；全文比例按片段数加权。
    本年或上年正文去掉套话后合计不足 ``min_total_chars``（默认 40）字时，比例没有意义，结果为「数据不足」（不报 0%）。

    为什么
    年度报告格式把「内容雷同」列为追责情形；一些地方考核规定报告与上年重复超过 50% 的扣分。
    照抄上年的问题和措施，说明报告没有如实反映本年度工作。

    依据
    国办公开办函〔2021〕30号：出现不按时发布、发布内容不准确不全面或者内容雷同、敷衍塞责等问题并造成
    不良后果的，依据《条例》第四十七条追究责任；各地政务公开考核细则。

    错误示例
    第五部分「存在的主要问题及改进情况」与上年报告一字不差，只把「2022年」改成「2023年」。

    正确示例
    写本年度实际发现的问题和采取的措施；上年问题的整改情况用新的文字说明结果。
    """

    doc_en = """The text largely repeats last year's report.

    What it checks
    Compared with last year's report (``--previous``): the share of this year's text that repeats last year's, per
    part and for the whole text; a warning when the whole text, or any part of some length (100 characters by
    default), reaches the threshold (50% by default, ``threshold``).

    Method: each part's text (without headings and preface) loses first the boilerplate every report may share — the
    standard opening 「本报告根据……编制」, the statistical period, contact details, and sub-headings such as
    「（一）主动公开方面」; the report year is written 「Ｙ」 and the year before 「Ｐ」 (last year's report likewise by its own
    year, so 「2023年」 for 「2022年」 hides no copying), every other number 「#」 (changing only numbers is still
    copying), punctuation and spaces removed. Runs of ``ngram`` (8 by default) characters are the pieces; the share
    of a part's pieces found anywhere in last year's report is its repeated share; the whole text's share is weighted
    by pieces. When this year's or last year's text, without boilerplate, has fewer than ``min_total_chars``
    (40 by default) characters in all, a share means nothing: insufficient data (never 0%).

    Why
    The format lists copied content (内容雷同) as a ground for accountability; some local assessment rules deduct
    points when a report repeats more than 50% of last year's. Copying last year's problems and measures shows the
    report does not describe this year's work.

    Basis
    国办公开办函〔2021〕30号: late publication, inaccurate or incomplete content, copied content (内容雷同) or
    perfunctory reporting with bad consequences are held to account under article 47 of the Regulation; local
    assessment rules for government-affairs disclosure.

    Wrong
    Part 五 「存在的主要问题及改进情况」 word for word as last year's, only 「2022年」 changed to 「2023年」.

    Right
    This year's actual problems and measures; the follow-up on last year's problems told in new words, with results.
    """

    code = "GC703"
    name = "text-reuse"
    title_zh = "正文与上年报告雷同"
    title_en = "Text repeated from last year's report"
    clause = "国办公开办函〔2021〕30号（内容雷同）"
    fix = ("按本年度实际工作重写雷同段落，写明本年的做法、数据和问题",
           "Rewrite the repeated passages with this year's actual work, figures and problems")
    severity = Severity.WARNING
    templates = frozenset({"2021", "2019", "legacy"})
    needs_previous = True
    options = {
        "threshold": Option(0.5, "重复比例达到该值（0–1；大于 1 的值按百分数读，如 50）给出警告", (int, float), en="warn from this repeated share (0–1; values above 1 read as percent, e.g. 50)"),
        "ngram": Option(8, "片段长度（字数）", int, en="piece length (characters)"),
        "min_chars": Option(100, "部分正文（规范化后）少于这么多字时只列出比例，不单独触发警告", int, en="a part shorter than this (normalised characters) only has its share listed, and warns on its own no more"),
        "min_total_chars": Option(40, "本年或上年全部正文（规范化后）少于这么多字时无法衡量，结果为数据不足", int,
                                  en="when this year's or last year's whole text (normalised) is shorter, it cannot be measured: insufficient data"),
    }
    messages = {
        "reuse": ("正文与上一年度报告重复 {overall}%（阈值 {threshold}%）；各部分：{sections}",
                  "{overall}% of the text repeats last year's report (threshold {threshold}%); by section: {sections}"),
    }

    def check(self, ctx):
        n = max(2, int(self.config["ngram"]))
        threshold = float(self.config["threshold"])
        if threshold > 1:  # 「50」 meant as a percentage
            threshold /= 100
        current, previous = ctx.report, ctx.previous
        prev_shingles: set[str] = set()
        prev_chars = 0
        for _, _, text in _prose_sections(previous):
            norm = normalise(text, previous.year)
            prev_chars += len(norm)
            prev_shingles |= shingles(norm, n)
        mine = _prose_sections(current)
        if not mine:
            yield self.not_applicable("本报告各部分没有正文", "this report has no prose")
            return
        if not prev_shingles:
            yield self.insufficient("上一年度报告没有可比较的正文", "last year's report has no prose to compare", "/sections")
            return
        # Too little text to measure: a share of a few characters says nothing (never 「0%」).
        mine_chars = sum(len(normalise(text, current.year)) for _, _, text in mine)
        least = int(self.config["min_total_chars"])
        if mine_chars < least or prev_chars < least:
            which = ("本报告", "this report", mine_chars) if mine_chars < least else ("上一年度报告", "last year's report", prev_chars)
            yield self.insufficient(f"{which[0]}正文去掉套话后只有 {which[2]} 字（少于 {least} 字），无法衡量雷同比例",
                                    f"{which[1]} has only {which[2]} characters of prose once boilerplate is removed "
                                    f"(fewer than {least}); too short to measure reuse", "/sections")
            return
        rows, hit_total, all_total, over = [], 0, 0, []
        for number, pointer, text in mine:
            norm = normalise(text, current.year)
            sh = shingles(norm, n)
            if not sh:
                continue
            hit = len(sh & prev_shingles)
            hit_total, all_total = hit_total + hit, all_total + len(sh)
            share = hit / len(sh)
            rows.append((number, share))
            if share >= threshold and len(norm) >= self.config["min_chars"]:
                over.append(pointer)
        if not all_total:
            yield self.insufficient("正文太短，无法衡量雷同比例", "the prose is too short to measure reuse", "/sections")
            return
        overall = hit_total / all_total
        if overall >= threshold or over:
            zh = "；".join(f"第{labels.SECTIONS[k - 1].numeral}部分 {_pct(s)}%" for k, s in rows)
            en = "; ".join(f"section {k} {_pct(s)}%" for k, s in rows)
            yield self.finding("reuse", *(over or [p for _, p, _ in mine]), place=Text("正文", "text"),
                               overall=_pct(overall), threshold=_pct(threshold), sections=Text(zh, en),
                               share=round(overall, 3))
            # No expected/actual: a share over a threshold is not a value the report should have had
            # (「应为 0.5 · 实为 1」 read as a wrong number); the message says 「重复 100%（阈值 50%）」 and
            # the share itself is the argument ``share`` (0–1, three decimals) for programs.


def _pct(x: float) -> int:
    return round(100 * x)
