"""GC404 text-percentages."""

from __future__ import annotations

import re
from collections import defaultdict

from checker.findings import Severity
from checker.rule import Rule
from checker.textnum import find_figures, mask_titles, normalise, split_sentences
from rules.common import fmt
from rules.text.claims import passages, read_claims, short_quote

# First-level result categories of T3 row 三: mutually exclusive, so their sum cannot exceed the
# number of applications handled.
_RESULT_CATEGORIES = ("t3.row.granted", "t3.row.partly_granted", "t3.group.denied", "t3.group.unavailable",
                      "t3.group.not_processed", "t3.group.other")
_T4_OUTCOMES = ("upheld", "corrected", "other", "pending")
_YEAR_ON_YEAR = re.compile(r"(同比|较上年|比上年|较去年|比去年)(增长|上升|增加|提高|下降|减少|降低)了?\s*$")
# The applicant kinds of T3's columns: 自然人, and 法人或其他组织 (as a whole).
_APPLICANT = re.compile(r"自然人|法人或其他组织|法人和其他组织|法人及其他组织")
# 「予以公开占比41.6%」: a share stated without its count, of the result named right before it.
_SHARE_ONLY = re.compile(r"(占比|占)(为|达|约)?\s*$")
_TOTALS = ("t3.received", "t3.new_received", "t3.results_total")
# 「20件，占23.8%」「20件，占比为23.8%」「20件，占申请总数的23.8%」: a share of the sentence's own total.
# 「占解读总数的30%」 names a base the sentence does not state: not read.
_SHARE = re.compile(r"^[，,、]?\s*(约)?占(比|比例|比重)?(为|达|约)?\s*$|^\s*[（(]\s*(占比?|占比为)?\s*$"
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
    - 括号里的百分比「予以公开19件（51.4%）」与「占」一样核对；正文没有写总数时，与表三的办结数（或收到数）核对；
    - 「予以公开占比51.4%」这类不带件数的占比，与表三该项 ÷ 三（七）总计（或 ÷ 收到数）核对，按正文的小数位舍入；
    - 「办结82件，其中予以公开20件，部分公开13件……」：各类办理结果互斥，所列各类之和不得超过办结数
      （没有办结数时不得超过收到数加上年结转数——正文没写上年结转数时取表三的二）；列全了六类（「予以公开及部分公开」这类合并说法按各类计）时，
      各类之和必须等于办结数；
    - 「共收到申请36件，其中自然人申请30件，法人或其他组织申请6件」：两类申请人之和必须等于收到数，只列一类时
      不得超过收到数；
    - 「行政复议5件，其中维持2件……」：所列复议、诉讼结果之和不得超过所说的总数，列全维持、纠正、其他结果、
      尚未审结四种时必须相等。
    「收到申请36件，同比增长12.5%」：给出上年报告（``--previous``）时，与上年表格的同一格比较，按正文的小数位
    舍入；没有上年报告时不核对。
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
    - a percentage in brackets, 「予以公开19件（51.4%）」, is checked like one after 「占」; without a total in the
      text, against T3's handled (or received) count;
    - a share without its count, 「予以公开占比51.4%」, against that T3 result ÷ 三（七）总计 (or ÷ received),
      rounded to the text's decimals;
    - 「办结82件，其中予以公开20件，部分公开13件……」: results exclude each other, so the listed results may not add up
      to more than the handled count (or, without one, the received count plus those carried over — T3's 二 when
      the text does not say); when all six kinds are listed (a
      merged 「予以公开及部分公开」 counts as its kinds), they must add up to the handled count;
    - 「共收到申请36件，其中自然人申请30件，法人或其他组织申请6件」: the two kinds of applicant add up to the received
      count; one kind alone may not exceed it;
    - 「行政复议5件，其中维持2件……」: the outcomes listed may not exceed the stated total, and must equal it when
      all four (upheld, corrected, other, pending) are listed.
    「收到申请36件，同比增长12.5%」: with last year's report (``--previous``), compared with the same cell of last
    year's tables, rounded to the text's decimals; not checked without last year's report.
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
    fix = ("重新计算正文中的百分比或分项，使分项之和等于总数",
           "Recompute the percentages or parts in the text so that the parts add up to the whole")
    severity = Severity.WARNING
    messages = {
        "percentage": ("{place}：正文写 {stated}，但 {part} ÷ {whole} = {computed}%",
                       "{place}: the text says {stated}, but {part} ÷ {whole} = {computed}%"),
        "rate": ("{place}：正文写{rate} {stated}，但办结 {part} ÷ 收到 {whole} = {computed}%",
                 "{place}: the text gives a rate of {stated}, but handled {part} ÷ received {whole} = {computed}%"),
        "sum_short": ("{place}：正文列出了全部六类办理结果，其和 {terms} = {sum}，少于办结数 {whole}",
                      "{place}: the text lists all six kinds of result, adding up to {terms} = {sum}, fewer than the "
                      "{whole} handled"),
        "year_on_year": ("{place}：正文写同比 {stated}，但上年{cell}为 {last}，本年 {now}，变化 {computed}%",
                         "{place}: the text gives a year-on-year change of {stated}, but last year's {cell} was {last} "
                         "and this year's is {now}: {computed}%"),
        "applicant_sum": ("{place}：正文所列各类申请人的申请数之和 {terms} = {sum}，与所说的收到数 {whole} 不符",
                          "{place}: the applications by kind of applicant add up to {terms} = {sum}, not the {whole} "
                          "received the text states"),
        "t4_sum": ("{place}：正文所列复议、诉讼结果之和 {terms} = {sum}，与所说的总数 {whole} 不符",
                   "{place}: the outcomes the text lists add up to {terms} = {sum}, not the total of {whole} it states"),
        "share_of_table": ("{place}：正文写 {stated}，但{cell}为 {part}，{part} ÷ {whole} = {computed}%",
                           "{place}: the text says {stated}, but {cell} is {part}; {part} ÷ {whole} = {computed}%"),
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
                for item in self._percentages(sentence, passage, text, context, ctx.report):
                    checked += 1
                    if item is not None:
                        yield item
                if any(c.quantity in _RESULT_CATEGORIES or c.quantity.startswith("t3.sum:") for c in claims):
                    checked += 1
                    yield from self._sums(claims, context, sentence, passage, ctx.report)
                for item in (*self._t4_sums(claims, sentence, passage),
                             *self._applicant_sums(context, sentence, passage, text),
                             *self._shares_of_table(ctx.report, sentence, passage, text),
                             *self._year_on_year(ctx.report, ctx.previous, claims, sentence, passage, text)):
                    checked += 1
                    if item is not None:
                        yield item
        if not checked:
            # For -v: the sentences with a percentage that were read and found to name no whole.
            seen = [short_quote(s.text, 40) for p in passages(ctx.report) for s in split_sentences(p.text)
                    if any(f.percent for f in find_figures(s.text))]
            listed = "；".join(f"「{q}」" for q in seen[:5]) + ("等" if len(seen) > 5 else "")
            yield self.not_applicable(
                "正文没有可核对的百分比或分项" + (f"；读过的 {len(seen)} 句带百分比的句子没有写明可核对的总数：{listed}" if seen else ""),
                "the text states no percentage or breakdown to check"
                + (f"; {len(seen)} sentences with a percentage name no whole to check against: {listed}" if seen else ""))

    def _percentages(self, sentence, passage, text, claims, report=None):
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
            # A figure read as another result category is a sibling part (「予以公开19件（51.4%），无法提供
            # 10件（27%）」), not the whole.
            siblings = {c.figure.start for c in claims if c.sentence.start == sentence.start and c.figure is not None
                        and (c.quantity.startswith(("t3.row.", "t3.group.", "t3.sum:"))
                             or c.quantity.startswith("t4.") and not c.quantity.endswith(".total"))}
            wholes = [f.value for f in figures[:i - 1]
                      if f.exact_count and f.unit == part_fig.unit and f.value >= part_fig.value and f.start not in siblings]
            # 「共收到申请1499件。其中，通过网络申请1303件，占86.92%」: the whole is the total the
            # sentence before stated.
            wholes += [c.value for c in claims if c.sentence.start != sentence.start and c.figure is not None
                       and c.quantity in _TOTALS and c.value >= part_fig.value]
            if not wholes and report is not None:
                # 「予以公开19件（51.4%）」 with no total in the text: the share of the table's total, when
                # the count was read as a result category.
                read = next((c for c in claims if c.sentence.start == sentence.start and c.figure is not None
                             and c.figure.start == part_fig.start and c.quantity.startswith(("t3.row.", "t3.group."))), None)
                if read is not None:
                    wholes = _table_totals(report)
            if not wholes:
                continue
            if any(w and abs(100 * part_fig.value / w - fig.value) <= _tolerance(fig) for w in wholes):
                yield None
            else:
                yield self.finding("percentage", passage.pointer, quote=sentence.text, 
                                   stated=fig.written, part=fmt(part_fig.value), whole=fmt(wholes[0]),
                                   computed=_pct(part_fig.value, wholes[0]))

    def _sums(self, claims, context, sentence, passage, report=None):
        """The result categories the text lists against the number handled: never more; and when it
        lists all six categories (the list is exhaustive), exactly as many."""
        parts: list[tuple[tuple[str, ...], object]] = []
        for c in claims:
            if c.quantity in _RESULT_CATEGORIES:
                parts.append(((c.quantity,), c))
            elif c.quantity.startswith("t3.sum:"):
                categories = tuple(c.quantity[len("t3.sum:"):].split("+"))
                if all(q in _RESULT_CATEGORIES for q in categories):
                    parts.append((categories, c))
        covered: set[str] = set()
        unique = []
        for categories, c in parts:
            if covered.isdisjoint(categories):
                covered.update(categories)
                unique.append(c)
        if len(unique) < 2 and not (unique and len(covered) == len(_RESULT_CATEGORIES)):
            return
        whole = next((c for c in context if c.quantity == "t3.results_total"), None)
        name = ("办结数", "number handled")
        if whole is None:
            whole = next((c for c in context if c.quantity in ("t3.received", "t3.new_received")), None)
            name = ("收到数加上年结转数", "number received plus those carried over")
        if whole is None:
            return
        limit = whole.value
        if whole.quantity != "t3.results_total":
            # Results also cover last year's carried-over applications: the number received bounds
            # them only with 二 added (stated in the text, else the table's); unknown: not checked.
            carried = next((c.value for c in context if c.quantity == "t3.carried_over"), None)
            if carried is None and report is not None:
                from rules.text.claims import expected_values

                found = expected_values(report, "t3.carried_over")
                carried = found[0][0].value if found and found[0][0].known else None
            if carried is None:
                return
            limit = whole.value + carried
        total = sum(c.value for c in unique)
        terms = " + ".join(str(c.value) for c in unique)
        if total > limit:
            yield self.finding("sum", passage.pointer, quote=sentence.text,
                               terms=terms, sum=total, whole=limit,
                               total_name=name[0], total_name_en=name[1], expected=limit, actual=total,
                               difference=total - limit)
        elif total < whole.value and len(covered) == len(_RESULT_CATEGORIES) and whole.quantity == "t3.results_total":
            yield self.finding("sum_short", passage.pointer, quote=sentence.text, terms=terms, sum=total,
                               whole=whole.value, expected=whole.value, actual=total, difference=whole.value - total)

    def _applicant_sums(self, context, sentence, passage, text):
        """「共收到申请36件，其中自然人申请30件，法人或其他组织申请6件」: the two kinds of applicant are
        exhaustive and add up to the number received; a part of them cannot exceed it."""
        total = next((c for c in reversed(context) if c.quantity in ("t3.received", "t3.new_received")), None)
        if total is None:
            return
        parts: dict[str, int] = {}
        figures = find_figures(sentence.text)
        for i, fig in enumerate(figures):
            if not fig.exact_count:
                continue
            lead = text[figures[i - 1].end if i else 0:fig.start]
            if not re.search(r"其中|[，,、]", lead) and i:
                continue
            m = _APPLICANT.search(lead)
            if m is None or re.search(r"予以公开|部分公开|不予|无法|其他处理|办结|答复", lead[m.end():]):
                continue
            kind = "natural" if m.group(0) == "自然人" else "legal"
            if kind in parts:
                return  # 「商业企业2件、科研机构1件」: sub-kinds we do not add up
            parts[kind] = int(fig.value)
        if not parts:
            return
        yield None
        stated = sum(parts.values())
        if stated > total.value or (len(parts) == 2 and stated != total.value):
            yield self.finding("applicant_sum", passage.pointer, quote=sentence.text,
                               terms=" + ".join(str(v) for v in parts.values()), sum=stated, whole=total.value,
                               expected=total.value, actual=stated, difference=abs(stated - total.value))

    def _year_on_year(self, report, previous, claims, sentence, passage, text):
        """「收到申请36件，同比增长12.5%」 with last year's report given (``--previous``): the change
        from last year's table to the figure, to the text's rounding.  Without last year's report the
        percentage is not read."""
        if previous is None:
            return
        from rules.text.claims import expected_values

        figures = find_figures(sentence.text)
        for i, fig in enumerate(figures):
            if not fig.percent or fig.approximate or not i:
                continue
            m = _YEAR_ON_YEAR.search(text[figures[i - 1].end:fig.start])
            part = figures[i - 1]
            read = next((c for c in claims if c.figure is not None and c.figure.start == part.start), None)
            if m is None or read is None:
                continue
            # The cell the figure restates, in last year's report; 「收到」 is 一 there (the first alternative).
            before = expected_values(previous, read.quantity)
            if not before or not before[0][0].known or not before[0][0].value:
                continue
            yield None
            last = before[0][0].value
            change = 100 * (read.value - last) / last
            stated = fig.value if m.group(2) in ("增长", "上升", "增加", "提高") else -fig.value
            if abs(change - stated) > _tolerance(fig):
                yield self.finding("year_on_year", passage.pointer, quote=sentence.text, stated=fig.written,
                                   now=fmt(read.value), last=fmt(last), computed=f"{change:+.1f}",
                                   cell=before[0][1])

    def _t4_sums(self, claims, sentence, passage):
        """「行政复议5件，其中维持2件，纠正1件，其他结果1件，尚未审结1件」: the four outcomes of a block
        are exhaustive and add up to its total; fewer of them cannot exceed it."""
        blocks: dict[str, dict[str, int]] = defaultdict(dict)
        for c in claims:
            if c.quantity.startswith("t4."):
                _, block, what = c.quantity.split(".")
                blocks[block].setdefault(what, c.value)
        for block, values in blocks.items():
            outcomes = [values[o] for o in _T4_OUTCOMES if o in values]
            if "total" not in values or len(outcomes) < 2:
                continue
            yield None
            total = sum(outcomes)
            exhaustive = len(outcomes) == len(_T4_OUTCOMES)
            if total > values["total"] or (exhaustive and total != values["total"]):
                yield self.finding("t4_sum", passage.pointer, quote=sentence.text,
                                   terms=" + ".join(str(v) for v in outcomes), sum=total, whole=values["total"],
                                   expected=values["total"], actual=total, difference=abs(total - values["total"]))

    def _shares_of_table(self, report, sentence, passage, text):
        """「予以公开占比41.6%」 with no count of its own: the share of the table's cell in the number
        handled (or received), to the rounding the text uses."""
        from rules.text.claims import _T3_RESULTS_RE, _nearest, expected_values

        figures = find_figures(sentence.text)
        for i, fig in enumerate(figures):
            if not fig.percent or fig.approximate:
                continue
            lead = text[figures[i - 1].end if i else 0:fig.start]
            if not _SHARE_ONLY.search(lead):
                continue
            found = _nearest(lead, _T3_RESULTS_RE)
            if found is None or not _SHARE_ONLY.search(lead[found[1]:]) or len(lead) - found[1] > 6:
                continue
            part = expected_values(report, found[0])
            wholes = [expected_values(report, q) for q in ("t3.results_total", "t3.received")]
            sums = [part[0][0]] + [w[0] for alt in wholes for w in alt] if part and all(wholes) else []
            if not sums or any(not s.known for s in sums):
                continue
            yield None
            cell = part[0][0].value
            candidates = [w[0].value for alt in wholes for w in alt if w[0].value]
            if any(abs(100 * cell / w - fig.value) <= _tolerance(fig) for w in candidates):
                continue
            yield self.finding("share_of_table", passage.pointer, *(c.pointer for c in part[0][0].cells),
                               quote=sentence.text, stated=fig.written, part=fmt(cell), whole=fmt(candidates[0]),
                               cell=part[0][1], computed=_pct(cell, candidates[0]))


def _table_totals(report) -> list[float]:
    """Table 3's number handled, and received (一, and 一 + 二), when all are numbers."""
    from rules.text.claims import expected_values

    out = []
    for q in ("t3.results_total", "t3.received"):
        for s, _ in expected_values(report, q):
            if not s.known:
                return []
            out.append(s.value)
    return [w for w in out if w]


def _pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:.1f}" if whole else "—"
