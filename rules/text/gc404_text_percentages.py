"""GC404 text-percentages."""

from __future__ import annotations

import re
from collections import defaultdict

from checker.findings import Severity
from checker.rule import Rule
from checker.textnum import find_figures, mask_titles, normalise, split_sentences
from rules.common import fmt
from rules.text.claims import passages, read_claims

# First-level result categories of T3 row 三: mutually exclusive, so their sum cannot exceed the
# number of applications handled.
_RESULT_CATEGORIES = ("t3.row.granted", "t3.row.partly_granted", "t3.group.denied", "t3.group.unavailable",
                      "t3.group.not_processed", "t3.group.other")
_TOTALS = ("t3.received", "t3.new_received", "t3.results_total")
# 「20件，占23.8%」「20件，占比为23.8%」「20件，占申请总数的23.8%」: a share of the sentence's own total.
# 「占解读总数的30%」 names a base the sentence does not state: not read.
_SHARE = re.compile(r"^[，,、]?\s*(约)?占(比|比例|比重)?(为|达|约)?\s*$"
                    r"|^[，,、]?\s*(约)?占(全部|总数|总量|申请总数|收到申请总数|申请总量|办结总数|全年申请总数)(的)?"
                    r"(比例|比重)?(为|达|约)?\s*$")
_RATE = re.compile(r"(办结率|答复率)[^，。；\d]{0,4}$")


def _tolerance(fig) -> float:
    """One unit of the last printed digit: 「23.8%」 ±0.1, 「24%」 ±1 (covers rounding and truncation)."""
    written = normalise(fig.written)
    m = re.search(r"\.(\d+)", written)
    return 10.0 ** -len(m.group(1)) if m else 1.0


class TextPercentages(Rule):
    """正文中的百分比和分项之和须与其组成部分在算术上一致。

    检查什么
    同一句中：
    - 「予以公开20件，占23.8%」：百分比须等于该数除以句中某个总数（同单位、不小于该数；以「其中」开头的
      句子也可用上一句的收到数、办结数）乘以 100，允许末位数字的舍入误差（「23.8%」±0.1，「24%」±1）；
    - 「办结率97.6%」：须等于办结数除以收到数（或收到数加上年结转数）；「办结率100%」常指到期应办结的
      申请全部办结，不核对；
    - 「办结82件，其中予以公开20件，部分公开13件……」：各类办理结果互斥，所列各类之和不得超过办结数
      （没有办结数时不得超过收到数）。
    约数不参与计算；没有可用总数的百分比、点名了句中没有的基数的百分比（「占解读总数的30%」）不核对。
    发现引用原句并写出算式。

    为什么
    正文自己的数字彼此矛盾，读者无法判断哪一个是对的，也说明报告未经核对。

    依据
    《中华人民共和国政府信息公开条例》第五十条（报告内容应当准确）；年度报告格式（R9）。

    错误示例
    「全年共收到申请84件，其中予以公开20件，占35%」（20 ÷ 84 = 23.8%）。

    正确示例
    「全年共收到申请84件，其中予以公开20件，占23.8%」。
    """

    doc_en = """Percentages and sums of parts in the text agree arithmetically with what they are made of.

    What it checks
    Within one sentence:
    - 「予以公开20件，占23.8%」: the percentage equals that figure divided by a total in the sentence (same unit, not
      smaller; a sentence starting with 「其中」 may also use the previous sentence's received or handled count),
      times 100, allowing rounding of the last digit (「23.8%」 ±0.1, 「24%」 ±1);
    - 「办结率97.6%」: equals handled divided by received (or received plus carried over); 「办结率100%」 usually
      means every application due was handled, and is not checked;
    - 「办结82件，其中予以公开20件，部分公开13件……」: results exclude each other, so the listed results may not add up
      to more than the handled count (or, without one, the received count).
    Approximate figures are not used; percentages without a usable total, or of a base the sentence does not state
    (「占解读总数的30%」), are not checked. Findings quote the sentence and show the arithmetic.

    Why
    When the text's own figures contradict each other, readers cannot tell which is right, and the report was
    evidently not checked.

    Basis
    《中华人民共和国政府信息公开条例》 art. 50 (the report must be accurate); the format (R9).

    Wrong
    「全年共收到申请84件，其中予以公开20件，占35%」 (20 ÷ 84 = 23.8%).

    Right
    「全年共收到申请84件，其中予以公开20件，占23.8%」.
    """

    code = "GC404"
    name = "text-percentages"
    title_zh = "正文百分比与分项之和前后一致"
    title_en = "Percentages and sums in the text are consistent"
    clause = "《条例》第五十条；年度报告格式（R9）"
    severity = Severity.WARNING
    messages = {
        "percentage": ("{place}：正文写 {stated}，但 {part} ÷ {whole} = {computed}%",
                       "{place}: the text says {stated}, but {part} ÷ {whole} = {computed}%"),
        "rate": ("{place}：正文写{rate} {stated}，但办结 {part} ÷ 收到 {whole} = {computed}%",
                 "{place}: the text gives a rate of {stated}, but handled {part} ÷ received {whole} = {computed}%"),
        "sum": ("{place}：正文所列各类办理结果之和 {terms} = {sum}，超过{total_name} {whole}",
                "{place}: in the text the results add up to {terms} = {sum}, more than the {total_name_en} {whole}"),
    }

    def check(self, ctx):
        checked = 0
        by_sentence = defaultdict(list)
        for c in read_claims(ctx.report):
            by_sentence[(c.passage.pointer, c.sentence.start)].append(c)
        for passage in passages(ctx.report):
            before: list = []
            for sentence in split_sentences(passage.text):
                claims = by_sentence.get((passage.pointer, sentence.start), [])
                text = mask_titles(normalise(sentence.text))
                # 「……办结82件。其中予以公开20件……」: the breakdown's whole is in the sentence before.
                context = (before + claims) if text.startswith("其中") or sentence.continues else claims
                before = context
                for item in self._percentages(sentence, passage, text, context):
                    checked += 1
                    if item is not None:
                        yield item
                if any(c.quantity in _RESULT_CATEGORIES for c in claims):
                    checked += 1
                    yield from self._sums(claims, context, sentence, passage)
        if not checked:
            yield self.not_applicable("正文没有可核对的百分比或分项", "the text states no percentage or breakdown to check")

    def _percentages(self, sentence, passage, text, claims):
        """Yields None for a percentage checked and consistent, a finding when it is not."""
        figures = find_figures(sentence.text)
        values = {c.quantity: c.value for c in claims}
        for i, fig in enumerate(figures):
            if not fig.percent or fig.approximate:
                continue
            lead = text[figures[i - 1].end:fig.start] if i else text[:fig.start]
            if _RATE.search(lead):
                received = values.get("t3.received", values.get("t3.new_received"))
                if received is None or "t3.results_total" not in values:
                    continue
                wholes = ([received + values["t3.carried_over"]] if "t3.carried_over" in values else []) + [received]
                part = values["t3.results_total"]
                # 「办结率100%」 is commonly meant of the applications already due (those carried
                # forward are not late): it is not read as a claim about 办结 ÷ 收到.
                if fig.value == 100 or any(w and abs(100 * part / w - fig.value) <= _tolerance(fig) for w in wholes):
                    yield None
                else:
                    yield self.finding("rate", passage.pointer, quote=sentence.text, 
                                       rate=_RATE.search(lead).group(1), stated=fig.written, part=part, whole=wholes[0],
                                       computed=_pct(part, wholes[0]))
                continue
            if not i or not _SHARE.match(text[figures[i - 1].end:fig.start]):
                continue
            part_fig = figures[i - 1]
            if not part_fig.exact_count:
                continue
            wholes = [f.value for f in figures[:i - 1]
                      if f.exact_count and f.unit == part_fig.unit and f.value >= part_fig.value]
            # 「共收到申请1499件。其中，通过网络申请1303件，占86.92%」: the whole is the total the
            # sentence before stated.
            wholes += [c.value for c in claims if c.sentence.start != sentence.start and c.figure is not None
                       and c.quantity in _TOTALS and c.value >= part_fig.value]
            if not wholes:
                continue
            if any(w and abs(100 * part_fig.value / w - fig.value) <= _tolerance(fig) for w in wholes):
                yield None
            else:
                yield self.finding("percentage", passage.pointer, quote=sentence.text, 
                                   stated=fig.written, part=fmt(part_fig.value), whole=fmt(wholes[0]),
                                   computed=_pct(part_fig.value, wholes[0]))

    def _sums(self, claims, context, sentence, passage):
        parts = [c for c in claims if c.quantity in _RESULT_CATEGORIES]
        if len(parts) < 2:
            return
        seen: set[str] = set()
        unique = [c for c in parts if not (c.quantity in seen or seen.add(c.quantity))]
        whole = next((c for c in context if c.quantity == "t3.results_total"), None)
        name = ("办结数", "number handled")
        if whole is None:
            whole = next((c for c in context if c.quantity in ("t3.received", "t3.new_received")), None)
            name = ("收到数", "number received")
        if whole is None:
            return
        total = sum(c.value for c in unique)
        if total > whole.value:
            yield self.finding("sum", passage.pointer, quote=sentence.text, 
                               terms=" + ".join(str(c.value) for c in unique), sum=total, whole=whole.value,
                               total_name=name[0], total_name_en=name[1], expected=whole.value, actual=total,
                               difference=total - whole.value)


def _pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:.1f}" if whole else "—"
