"""What the report's prose says about its own tables: figures read as claims about T2/T3/T4 cells.

A figure becomes a claim only when the words right before it, in the same clause, name the
quantity (「已办结82件」 → 三（七）总计), and its sentence is about the right subject and scope.
Everything uncertain is dropped — the GC4xx rules prefer missing a contradiction to inventing one:

- the figure must be exact (not 「余」「近」「约」…) and counted in 件/条/个/宗/份;
- from the first scope word on, the rest of the sentence is another scope and yields no claims:
  another year than the report year (「2022年」「上年」「去年」, not 「上年结转」), comparisons
  (「同比」「较上年」), 「累计」, sub-units (「县级」「乡镇」「市本级」「其中XX局」…), parts of the
  year (「第四季度」「1至11月」, not the period's own dates 「1月1日至12月31日」), 「同意公开」;
- a sentence mentioning 备案 or 撤回 anywhere yields no claims at all;
- totals (收到/办结/结转, 行政复议/诉讼, T2 counts) are not read after 「其中」 (a breakdown);
  result rows (「其中予以公开19件」) are, unless the breakdown is by applicant or channel;
- words inside document titles (《…》) and year ranges (「2021—2025年」) are ignored;
- a quantity stated twice in one sentence with different values is a breakdown not understood:
  neither is read; 「行政复议、行政诉讼案件3件」 (the two together) is not read either;
- outside section 四, a T4 figure counts only when 信息公开 is named before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.findings import Text
from checker.model import Report, Sum, total
from checker.rule import Option
from checker.textnum import Figure, Sentence, find_figures, find_years, mask_titles, normalise, split_sentences


@dataclass(frozen=True, slots=True)
class Passage:
    """A piece of the report's prose: the preface or one section's text."""

    pointer: str
    text: str
    section: int | None  # canonical section number, None for the preface or an unmatched section


@dataclass(frozen=True, slots=True)
class Claim:
    quantity: str  # e.g. 「t3.received」, 「t3.group.denied」, 「t4.review.total」, 「t2.normative_documents.in_force」
    value: int
    sentence: Sentence
    passage: Passage
    written: str  # the figure as printed, or the negation (「未发生…行政复议」) for zero claims
    figure: Figure | None = None
    regional: bool = False  # said of a whole region (「全市」「各级各部门」), which a table may not cover

    @property
    def quote(self) -> str:
        return self.sentence.text


# GC401 and GC402 share it: whole-region figures (全市, 各级各部门) are compared by default; a report
# whose tables cover only the organ itself turns it off.
REGIONAL_OPTION = {"compare_regional": Option(
    True, "「全市」「全县」「各级各部门」等全地区数字也与表格核对（表格只统计本机关的，设为 false）", bool, en="also compare region-wide figures (「全市」「全县」「各级各部门」) with the tables (false when the tables cover the organ alone)")}

def passages(report: Report) -> list[Passage]:
    out = []
    if report.preface:
        out.append(Passage("/preface", report.preface, None))
    for s in report.sections:
        if s.text.strip():
            out.append(Passage(s.pointer, s.text, s.number))
    return out


def short_quote(sentence: str, limit: int = 80) -> str:
    return sentence if len(sentence) <= limit else sentence[:limit - 1] + "…"


# -- vocabulary --------------------------------------------------------------------------------------

_APPLICATION_TOPIC = re.compile(r"信息公开申请|公开申请|依申请公开|申请公开|申请信息公开|申请政府信息|申请获取政府信息")
# Words that make a count something else than disclosure applications (service matters, petitions…).
_NOT_APPLICATIONS = re.compile(r"政务服务|服务事项|办件|诉求|热线|来信|来电|来访|咨询|留言|许可|审批|复议|诉讼|信访(?!举报投诉类)")
_DISCLOSURE_TOPIC = re.compile(r"信息公开|政务公开|依申请")
_SENTENCE_EXCLUDED = re.compile(r"撤回|备案")
# Counts of information items, not of applications: 「依申请公开信息数354条，不予公开信息数48条」
# (some provinces' statistics of documents by disclosure attribute).
_INFO_ITEMS = re.compile(r"(依申请公开|不予公开|主动公开)(政府)?信息(数|总数)|依申请公开\d|制发政府信息|制作、获取政府信息"
                         r"|公文类政府信息")
_REVIEW_BODY = re.compile(r"复议机关|复议机构|受理[^，。]{0,6}复议申请|办理[^，。]{0,6}复议案件|复议委员会")
_OTHER_SCOPE = re.compile(
    r"(?<!结转)(上一?年度?|去年|前年|往年)(?!度?结转|度?遗留|未办结)|同比|环比|较上|比上|较去|比去|与上|相比|历年|以来|累计"
    r"|县级|乡镇|乡（镇）|街道|本级|市直|县直|区直|各县|县区|区县|县（市、区）|各区|下辖|所属|直属|分别"
    r"|季度|上半年|下半年|(?<![\d日])\d{1,2}\s*月(?!\s*\d{1,2}\s*日)|[一二三四五六七八九十]{1,2}月份"
    r"|同意公开答复|其中[，,]?[^，,。；]{1,12}?(局|委|办公室|中心|政府|街道|乡|镇|县|区|公司|医院|学校|单位)"
)
_T2_EXCLUDED = re.compile(r"备案|审查|审核|清理|公报|刊登|解读|草案|征求意见|部门规范性文件|评估|修订|修改")
_BREAKDOWN = re.compile(r"其中")
_REGIONAL = re.compile(r"全(省|市|县|区|旗|州|盟)|各级|各地|各县|各部门")
_BREAKDOWN_QUALIFIER = re.compile(r"自然人|法人|企业|机构|组织|网上|网络|在线|信函|当面|现场|邮件|邮寄|传真|电话|来访|平台")
_CLAUSE_BREAK = re.compile(r"[，,、：:（()）;]|其中")
_COMMA = re.compile(r"[，,：:（()）;]")  # clauses without splitting lists at 「、」
_COUNT_UNITS = ("件", "条", "个", "宗", "份")

# (pattern, quantity): the keyword nearest before a figure, in its clause, names the figure.
_T3_TOTALS = (
    (r"(结转|转入|转至|顺延)(到|至)?下一?年度?|转下一?年度?|下一?年度继续办理|结转.{0,4}继续办理", "t3.carried_forward"),
    (r"上一?年度?结转|往年结转|上年度?遗留|上年未办结|结转上一?年度?", "t3.carried_over"),
    (r"尚未办结|未办结|仍在办理|正在办理", "t3.carried_forward"),
    (r"新收|新受理|新接收|本年度?收到", "t3.new_received"),
    (r"收到|收办|受理|接收|接到|申请(总数|总量|数量|数|量)", "t3.received"),
    (r"办结|办理完毕|答复完毕|(?<!同意公开)答复|办理完成", "t3.results_total"),
)
_T3_RESULTS = (
    (r"予以公开|全部公开|(?<![不分])同意公开(?!答复)", "t3.row.granted"),
    (r"部分公开|部分同意公开|区分处理后?(予以)?公开", "t3.row.partly_granted"),
    (r"不予公开", "t3.group.denied"),
    (r"无法提供", "t3.group.unavailable"),
    (r"不予处理", "t3.group.not_processed"),
    (r"其他处理", "t3.group.other"),
    (r"国家秘密", "t3.row.denied_state_secret"),
    (r"其他法律行政法规禁止", "t3.row.denied_prohibited_by_law"),
    (r"三安全一稳定", "t3.row.denied_security_stability"),
    (r"第三方合法权益", "t3.row.denied_third_party"),
    (r"内部事务", "t3.row.denied_internal_affairs"),
    (r"过程性信息", "t3.row.denied_process_information"),
    (r"行政执法案卷", "t3.row.denied_enforcement_files"),
    (r"行政查询", "t3.row.denied_query_matters"),
    (r"不掌握|信息不存在", "t3.row.unavailable_not_held"),
    (r"另行制作", "t3.row.unavailable_needs_creation"),
    (r"仍不明确", "t3.row.unavailable_still_unclear"),
    (r"信访举报投诉", "t3.row.not_processed_complaint"),
    (r"重复申请", "t3.row.not_processed_repeated"),
    (r"公开出版物", "t3.row.not_processed_publication"),
    (r"大量反复", "t3.row.not_processed_excessive"),
    (r"确认或重新出具", "t3.row.not_processed_confirmation"),
    (r"逾期不补正|未按要求补正", "t3.row.other_overdue_correction"),
    (r"逾期未(按收费通知要求)?缴纳|未按收费通知", "t3.row.other_overdue_fee"),
)
_T4 = (
    (r"复议后(提起)?(行政)?(诉讼|起诉)", "t4.litigation_after_review.total"),
    (r"直接(提起)?(行政)?(诉讼|起诉)|未经复议", "t4.litigation_direct.total"),
    (r"复议", "t4.review.total"),
    (r"诉讼|起诉", "t4.litigation.total"),
    (r"维持", "t4.@.upheld"),
    (r"纠正|纠错", "t4.@.corrected"),
    (r"其他结果", "t4.@.other"),
    (r"尚未审结|未审结|正在审理|审理中", "t4.@.pending"),
)
_T2_2021 = (
    (r"制发|印发|出台|新制定|制定|发布|新增公开", "issued"),
    (r"废止|废除|宣布失效", "repealed"),
    (r"现行有效", "in_force"),
)
_T2_2019 = (
    (r"新制作", "new_made"),
    (r"新公开", "new_published"),
    (r"对外公开[^，。]{0,8}总数|公开总数|现行有效", "total_published"),
)
_DOC_TYPE = re.compile(r"规章|规范性文件")

_ZERO_APPLICATIONS = re.compile(r"(?:未|没有)(?:收到|受理|接到|接收)(?:任何)?[^，。；]{0,8}(?:信息)?公开申请")
_ZERO_T4 = re.compile(r"(?:未|没有|无)(?!经|法)(?:发生|出现|收到|涉及|产生|有|被)?([^，。；]{0,30}?(?:复议|诉讼))"
                      r"([^，。；]{0,12}?(?:复议|诉讼))?")
_ZERO_T4_SUBSET = re.compile(r"纠正|纠错|败诉|维持|撤销|确认违法|被告")


def _compiled(table):
    return tuple((re.compile(p), q) for p, q in table)


_T3_TOTALS_RE, _T3_RESULTS_RE, _T4_RE = _compiled(_T3_TOTALS), _compiled(_T3_RESULTS), _compiled(_T4)
_T2_2021_RE, _T2_2019_RE = _compiled(_T2_2021), _compiled(_T2_2019)


def _nearest(lead: str, table) -> tuple[str, int] | None:
    """The quantity whose keyword ends nearest the end of ``lead``, with that end position."""
    best: tuple[int, int, str] | None = None
    for pattern, quantity in table:
        for m in pattern.finditer(lead):
            key = (m.end(), m.end() - m.start())
            if best is None or key > best[:2]:
                best = (*key, quantity)
    return (best[2], best[0]) if best else None


def _bare(lead: str, table) -> bool:
    """The lead is only a keyword: 「废止」「同时废止了」「现行有效」."""
    words = re.sub(r"^(同时|另|并|已经|已|共计|共|其余|全部|均|按期|按时|依法|在法定期限内)+|(件数|数量|继续办理|办理|答复|了|的|为)+$",
                   "", lead.strip())
    return any(p.fullmatch(words) or p.fullmatch(lead.strip()) for p, _ in table)


def _clause_start(text: str, pos: int, breaks: re.Pattern[str] | None = None) -> int:
    starts = [m.end() for m in (breaks or _CLAUSE_BREAK).finditer(text, 0, pos)]
    return starts[-1] if starts else 0


def _other_scope_spans(text: str, year: int | None, own: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where another scope starts, and where it ends: the end of the sentence, or the closing
    bracket when the scope word is inside a parenthesis (「收到申请84件（较上年增长12%），已办结82件」)."""
    starts = [m.start() for m in _OTHER_SCOPE.finditer(text) if not any(a <= m.start() < b for a, b in own)]
    if year is not None:
        starts += [y.start for y in find_years(text, outside_titles=False) if y.year != year]
    out = []
    for p in starts:
        if _in_brackets(text, p):
            m = _CLOSING.search(text, p)
            out.append((p, m.start() if m else len(text)))
        else:
            out.append((p, len(text)))
    return out


def own_name_spans(text: str, organ: str) -> list[tuple[int, int]]:
    """Where the sentence names the report's own organ (「××街道共受理…」 in a sub-district office's
    report): a sub-unit word inside it is the organ itself, not another scope."""
    if not organ:
        return []
    names = {organ}
    short = re.sub(r"(人民政府|办事处|管理委员会|管委会)$", "", organ)
    names.add(short)
    # The last administrative unit of the name: 「示例市示例区东城街道办事处」 → 「东城街道」.
    m = re.search(r"([^省市县区州盟旗]{1,8}(街道|乡|镇))$", short)
    if m:
        names.add(m.group(1))
    names = {n for n in names if len(n) >= 2 and _OTHER_SCOPE.search(n)}
    out = []
    for n in names:
        out += [(m.start(), m.end()) for m in re.finditer(re.escape(n), text)]
    return out


def _clause_span(text: str, pos: int) -> tuple[int, int]:
    """The comma clause (or parenthesis) around ``pos``."""
    start = _clause_start(text, pos, _COMMA)
    m = _COMMA.search(text, pos)
    return start, (m.start() if m else len(text))


def read_claims(report: Report) -> tuple[Claim, ...]:
    """Every claim the prose makes about T2/T3/T4, in reading order (read once per report)."""
    return report.derived("text.claims", _read_claims)


def looked_at(report: Report, prefixes: tuple[str, ...]) -> list[str]:
    """The sentences a text rule read for its quantities and found nothing in (for ``-v``): those
    that name its subject, so a reviewer can see what silence means."""
    topic = {"t3": _APPLICATION_TOPIC, "t4": re.compile(r"复议|诉讼"), "t2": _DOC_TYPE}
    out = []
    for passage in passages(report):
        for sentence in split_sentences(passage.text):
            if any(topic[p.split(".")[0]].search(sentence.text) for p in prefixes) \
                    and any(f.unit in _COUNT_UNITS for f in find_figures(sentence.text)):
                out.append(short_quote(sentence.text, 40))
    return out


def _read_claims(report: Report) -> tuple[Claim, ...]:
    claims: list[Claim] = []
    year = report.year
    for passage in passages(report):
        previous = ""
        previous_totals = False  # the sentence before stated the number received or handled
        for sentence in split_sentences(passage.text):
            text = mask_titles(normalise(sentence.text))
            # A sentence that opens with 「其中」 continues the one before it: same subject.
            continued = text.startswith("其中") or sentence.continues
            context = (previous + "。" + text) if continued else text
            found = _sentence_claims(report, passage, sentence, text, context, year, previous, previous_totals)
            claims.extend(found)
            previous_totals = any(c.quantity in ("t3.received", "t3.new_received", "t3.results_total")
                                  for c in found) or (previous_totals and continued)
            previous = context if continued else text
    return tuple(claims)


# The keyword right after the figure (「另有103件顺延到下年度答复」「有3件行政复议涉及…」「0件行政诉讼」).
_TRAILING_FORWARD = re.compile(r"^(的|为|被|是)?(顺延|结转|转入|转至|转)(到|至)?下一?年度?")
_TRAILING_T4 = (
    (re.compile(r"^(的|为)?(因政府信息公开)?(被申请|被提起|被)?(行政)?复议(?!机)"), "t4.review.total"),
    (re.compile(r"^(的|为)?(因政府信息公开)?(被提起|被)?行政诉讼"), "t4.litigation.total"),
)
_CASE_COUNT = re.compile(r"案件(数|数量|总数)?(为|是|共)?$")
_COMBINE = re.compile(r"^\s*(及|和|与|以及|、|或)\s*$")
_SUM_WORD = re.compile(r"(共|共计|合计|总计)(为|有)?\s*$")


def _combined_results(lead: str) -> list[str] | None:
    """「予以公开及部分公开」「不予公开、无法提供、不予处理共」: the result categories the figure adds up."""
    found = []
    for pattern, quantity in _T3_RESULTS_RE:
        found += [(m.start(), m.end(), quantity) for m in pattern.finditer(lead)]
    found.sort()
    if len(found) < 2:
        return None
    chain = [found[-1]]
    for item in reversed(found[:-1]):
        if item[1] <= chain[0][0] and _COMBINE.match(lead[item[1]:chain[0][0]]):
            chain.insert(0, item)
        elif item[1] > chain[0][0]:
            continue  # overlapping keywords (「不予公开」 contains no other; defensive)
        else:
            break
    if len(chain) < 2:
        return None
    tail = lead[chain[-1][1]:]
    if tail.strip() and not _SUM_WORD.search(tail) and not re.fullmatch(r"\s*(的|类|情形|申请)*\s*", tail):
        return None
    return [q for _, _, q in chain]


def _sentence_claims(report, passage, sentence, text, context, year, previous="", previous_totals=False):
    own = own_name_spans(text, report.organ_name)
    scopes = _other_scope_spans(text, year, own)
    breakdowns = [m.start() for m in _BREAKDOWN.finditer(text)]
    # 撤回 and 备案 are another scope only in their own clause (「（含申请人主动撤回申请）」).
    excluded = [_clause_span(text, m.start()) for m in _SENTENCE_EXCLUDED.finditer(text)]
    about_applications = bool(_APPLICATION_TOPIC.search(context)) and not _INFO_ITEMS.search(text)
    # 「全年共收到申请8件。同意公开3件，无法提供4件。」: results follow the sentence with the total.
    results_context = about_applications or (previous_totals and not _INFO_ITEMS.search(text))
    about_t4 = (passage.section == 4 or bool(_DISCLOSURE_TOPIC.search(context))) and not _REVIEW_BODY.search(text)
    # 备案, 审查, 解读…: T2 figures in the clause that says it or after it are about something else.
    t2_excluded = [m.start() for m in _T2_EXCLUDED.finditer(text)]
    t4_block = None  # the T4 block the sentence is talking about, for 「其中维持1件」
    prev_end = 0
    other_subject = False  # 「受理各类政务服务事项3000件，办结2990件」: the bare 办结 is theirs too
    out: list[Claim] = []

    def claim(q, fig):
        regional = bool(_REGIONAL.search(text[:fig.start]))
        out.append(Claim(q, int(fig.value), sentence, passage, fig.written, fig, regional))

    for fig in find_figures(sentence.text):
        start = fig.start
        lead_start = max(prev_end, _clause_start(text, start))
        lead = text[lead_start:start]
        comma_lead = text[max(prev_end, _clause_start(text, start, _COMMA)):start]
        prev_end_before, prev_end = prev_end, fig.end
        if not fig.exact_count or fig.unit not in _COUNT_UNITS:
            continue
        if any(a < start < b for a, b in scopes) or any(a <= start < b for a, b in excluded):
            continue
        after_breakdown = [b for b in breakdowns if b < start]
        trailing = text[fig.end:_clause_span(text, fig.end)[1]] if fig.end < len(text) else ""
        # T4 first: 「被申请行政复议2件」 also mentions 申请.
        t4 = _nearest(lead, _T4_RE)
        if t4 is None:
            # 「有3件行政复议涉及政府信息公开」「0件行政诉讼」: the keyword right after the figure.
            for pattern, q in _TRAILING_T4:
                if pattern.match(trailing):
                    t4 = (q, len(lead))
                    break
        if t4 is None and passage.section == 4 and _CASE_COUNT.search(lead) and previous:
            # 「……行政诉讼情况。……案件数为0件」: the subject is the sentence before, if it names one block.
            named = {q for p, q in _T4_RE[2:4] if p.search(previous)}
            if len(named) == 1 and not _T4_RE[0][0].search(previous) and not _T4_RE[1][0].search(previous):
                t4 = (named.pop(), len(lead))
        subject_before = _DISCLOSURE_TOPIC.search(text[:start]) or _DISCLOSURE_TOPIC.search(trailing)
        # Outside section 四 the disclosure subject must come before the figure (「因政府信息公开被申请
        # 行政复议2件」) or in its own clause (「有3件行政复议涉及政府信息公开」), not in another
        # (「办理行政诉讼案件15件（信息公开类2件）」).
        if t4 and about_t4 and (passage.section == 4 or subject_before):
            q = t4[0]
            clause = text[max(prev_end_before, _clause_start(text, start, _COMMA)):start]
            if q in ("t4.review.total", "t4.litigation.total") and "复议" in clause and re.search(r"诉讼|起诉", clause):
                continue  # 「行政复议、行政诉讼案件3件」: the two together
            if ".@." in q:
                if t4_block and after_breakdown:
                    claim(q.replace("@", t4_block), fig)
                continue
            t4_block = q.split(".")[1]
            if not after_breakdown:
                claim(q, fig)
            continue
        if about_applications or results_context:
            totals = _nearest(comma_lead, _T3_TOTALS_RE)
            results = _nearest(lead, _T3_RESULTS_RE)
            if results and (not totals or results[1] + (len(comma_lead) - len(lead)) >= totals[1]):
                qualifier = text[after_breakdown[-1]:start] if after_breakdown else ""
                if not _BREAKDOWN_QUALIFIER.search(qualifier):
                    combined = _combined_results(comma_lead)
                    if combined:
                        claim("t3.sum:" + "+".join(combined), fig)
                    else:
                        claim(results[0], fig)
                continue
            if not about_applications:
                continue
            forward_after = totals is None and bool(_TRAILING_FORWARD.match(trailing))
            if forward_after:
                totals = ("t3.carried_forward", len(comma_lead))
            # A total needs 申请 in its own clause (「共收到政府信息公开申请84件」) or a bare keyword
            # continuing the list (「已办结82件」); 「依申请公开方面，全年受理各类事项300件」 is not one.
            comma_clause = text[_clause_start(text, start, _COMMA):start]
            in_brackets = _in_brackets(text, start)
            if _NOT_APPLICATIONS.search(comma_lead):
                other_subject = True
            if other_subject and "申请" not in comma_clause:
                continue
            # 「办结37件（含上年结转2件）」: the carried-over part of a total, in brackets, is read.
            if totals and (not after_breakdown or totals[0] == "t3.carried_over" and in_brackets) \
                    and not _NOT_APPLICATIONS.search(comma_lead) \
                    and ("申请" in comma_clause or _bare(comma_lead, _T3_TOTALS_RE) or forward_after):
                claim(totals[0], fig)
                continue
        if not after_breakdown and not any(p < _clause_span(text, start)[1] for p in t2_excluded):
            types = [m for m in _DOC_TYPE.finditer(text, 0, start)]
            if types:
                clause = text[_clause_start(text, types[-1].start()):start]
                if "规章" in clause and "规范性文件" in clause:
                    continue  # 「规章和规范性文件」: whose figure?
                row = "regulations" if types[-1].group() == "规章" else "normative_documents"
                table = _T2_2019_RE if report.template == "2019" else _T2_2021_RE
                found = _nearest(lead, table)
                # The document type named in an earlier clause carries over only to a bare 「废止2件」;
                # 「全年发布通知公告300件」 is about something else.
                if found and (types[-1].start() >= _clause_start(text, start) or _bare(lead, table)):
                    claim(f"t2.{row}.{found[0]}", fig)
                    continue
            decision = _T2_DECISIONS.search(lead)
            if decision and report.template != "2019":
                kind = re.search(r"行政许可|行政处罚|行政强制", decision.group(0)).group(0)
                claim(f"t2.{_T2_DECISION_ROWS[kind]}.decisions", fig)
    out.extend(_zero_claims(passage, sentence, text, [a for a, _ in scopes], about_t4))
    # The same quantity twice in one sentence with different values is a breakdown we did not
    # recognise (「市政府制发5件，市政府办公室制发3件」): neither figure is read.
    values: dict[str, set[int]] = {}
    for c in out:
        values.setdefault(c.quantity, set()).add(c.value)
    return [c for c in out if len(values[c.quantity]) == 1]


_CLOSING = re.compile(r"[）)]")


def _in_brackets(text: str, pos: int) -> bool:
    opened = max(text.rfind("（", 0, pos), text.rfind("(", 0, pos))
    closed = max(text.rfind("）", 0, pos), text.rfind(")", 0, pos))
    return opened > closed


# 「作出行政许可决定1200件」「行政处罚决定300件」: T2's decision counts, only when 决定 is said.
_T2_DECISIONS = re.compile(r"(行政许可|行政处罚|行政强制)(处理)?决定(书)?(数量|数|共|共计)?(为)?\s*$"
                           r"|作出[^，。；]{0,6}?(行政许可|行政处罚|行政强制)[^，。；]{0,4}?决定[^，。；]{0,4}$")
_T2_DECISION_ROWS = {"行政许可": "licensing", "行政处罚": "punishment", "行政强制": "coercion"}


def _zero_claims(passage, sentence, text, other_scope, about_t4):
    """「未收到政府信息公开申请」, 「未发生…行政复议、行政诉讼」: claims that a count is zero."""
    out: list[Claim] = []
    for m in _ZERO_APPLICATIONS.finditer(text):
        if not any(p < m.start() for p in other_scope):
            out.append(Claim("t3.received", 0, sentence, passage, f"0（「{sentence.text[m.start():m.end()]}」）"))
    if about_t4:
        for m in _ZERO_T4.finditer(text):
            span = m.group(0)
            if _ZERO_T4_SUBSET.search(span) or any(p < m.start() for p in other_scope):
                continue
            if re.search(r"\d|[一二三四五六七八九十]件", span):
                continue
            clause_end = re.search(r"[，。；,;]|$", text[m.end():]).start() + m.end()
            if _ZERO_T4_SUBSET.search(text[m.start():clause_end]):
                continue
            written = f"0（「{sentence.text[m.start():m.end()]}」）"
            if "复议" in span:
                out.append(Claim("t4.review.total", 0, sentence, passage, written))
            if "诉讼" in span:
                out.append(Claim("t4.litigation.total", 0, sentence, passage, written))
    return out


# -- naming quantities -------------------------------------------------------------------------------

T3_TOTAL_NAMES = {
    "t3.received": Text("收到的申请数", "applications received"),
    "t3.new_received": Text("本年新收申请数", "new applications"),
    "t3.carried_over": Text("上年结转申请数", "applications carried over"),
    "t3.results_total": Text("办结数", "applications handled"),
    "t3.carried_forward": Text("结转下年度办理数", "applications carried forward"),
}


def _t3_label(row: str, lang: str) -> str:
    from checker import labels

    for r in labels.T3_ROWS_2021 + (labels.T3_OTHER_2019,):
        if r.id == row:
            return r.place if lang == "zh" else r.en
    return row


def expected_values(report: Report, quantity: str) -> list[tuple[Sum, Text]]:
    """The table values a claim may equal (alternatives), each with the cells' name; [] when the
    quantity has no cell in this report's template."""
    from checker import labels

    parts = quantity.split(".")
    if parts[0] == "t3":
        if not report.has_table("t3"):
            return []
        col = "total"
        if quantity == "t3.received":
            new, old = report.t3("new_received", col), report.t3("carried_over", col)
            return [(total((new,)), Text("表三 · 总计 · 一、本年新收申请", "Table 3 · total · I. new applications")),
                    (total((new, old)), Text("表三 · 总计 · 一 + 二（含上年结转）", "Table 3 · total · I + II"))]
        if quantity.startswith("t3.sum:"):
            found = [expected_values(report, q) for q in quantity[len("t3.sum:"):].split("+")]
            if any(not f for f in found):
                return []
            cells = tuple(c for f in found for c in f[0][0].cells)
            zh = " + ".join(f[0][1].zh.split(" · ")[-1] for f in found)
            en = " + ".join(f[0][1].en.split(" · ")[-1] for f in found)
            return [(total(cells), Text(f"表三 · 总计 · {zh}", f"Table 3 · total · {en}"))]
        if parts[1] == "group":
            rows = labels.t3_group_rows(report.template)[parts[2]]
            zh, en = labels.T3_GROUPS[parts[2]]
            return [(total(report.t3(r, col) for r in rows), Text(f"表三 · 总计 · 三{zh}（各项之和）",
                                                                   f"Table 3 · total · {en} (sum of its rows)"))]
        row = parts[2] if parts[1] == "row" else parts[1]
        if row not in {r.id for r in report.t3_rows()}:
            return []
        return [(total((report.t3(row, col),)), Text(f"表三 · 总计 · {_t3_label(row, 'zh')}",
                                                     f"Table 3 · total · {_t3_label(row, 'en')}"))]
    if parts[0] == "t4":
        if not report.has_table("t4"):
            return []
        block, col = parts[1], parts[2]
        cname = next(c for c in labels.T4_COLUMNS if c.id == col)
        if block == "litigation":
            cells = (report.t4("litigation_direct", col), report.t4("litigation_after_review", col))
            return [(total(cells), Text(f"表四 · 行政诉讼（直接起诉 + 复议后起诉）· {cname.zh}",
                                        f"Table 4 · litigation (direct + after reconsideration) · {cname.en}"))]
        b = next(x for x in labels.T4_BLOCKS if x.id == block)
        return [(total((report.t4(block, col),)), Text(f"表四 · {b.zh} · {cname.zh}", f"Table 4 · {b.en} · {cname.en}"))]
    if parts[0] == "t2":
        table = "t2_2019" if report.template == "2019" else "t2"
        if not report.has_table(table):
            return []
        cell = report.t2(parts[1], parts[2])
        return [(total((cell,)), Text(labels.describe(cell.pointer), labels.describe(cell.pointer, "en")))]
    return []


def _summary_cell(report: Report, quantity: str):
    parts = quantity.split(".")
    if parts[0] == "t4":
        return report.t4(parts[1], parts[2]) if report.has_table("t4") else None
    return report.t3(parts[1], "total") if report.has_table("t3") else None


def compare_summaries(rule, report: Report, summaries) -> tuple[int, list]:
    """「均获维持」 while 表四 has 纠正 or 尚未审结 cases: (how many compared, findings and skips)."""
    from checker import labels
    from rules.common import fmt, insufficient

    compared, out = 0, []
    for s in summaries:
        cells = [c for c in (_summary_cell(report, q) for q in s.zero) if c is not None]
        if not cells:
            continue
        compared += 1
        unknown = [c for c in cells if not c.is_number]
        if unknown:
            out.append(insufficient(rule, Text(f"文中「{s.written}」", f"the text “{s.written}”"), unknown))
            continue
        wrong = [c for c in cells if c.value]
        if wrong:
            out.append(rule.finding(
                "summary", s.passage.pointer, *(c.pointer for c in wrong), quote=s.sentence.text,
                stated=s.written, expected=0, actual=sum(c.value for c in wrong),
                cells=Text("、".join(f"{labels.describe(c.pointer)}为 {fmt(c.value)}" for c in wrong),
                           ", ".join(f"{labels.describe(c.pointer, 'en')} is {fmt(c.value)}" for c in wrong))))
    return compared, out


SUMMARY_MESSAGE = ("{place}：正文说「{stated}」，但{cells}", "{place}: the text says “{stated}”, but {cells}")


def compare_claims(rule, report: Report, claims: list[Claim], what: dict[str, Text] | None = None,
                   regional: bool = True, summaries=()):
    """GC401/402/403/405: each claim against its cell(s), and each summary (「均获维持」) against the
    cells it says are 0.  Yields a finding per contradiction, an insufficient-data skip naming a cell
    that is not a number, or not-applicable — naming, for ``-v``, the sentences looked at — when the
    prose states nothing comparable."""
    from rules.common import fmt, insufficient

    compared, found = compare_summaries(rule, report, summaries)
    yield from found
    for c in claims:
        if c.regional and not regional:
            continue
        alternatives = expected_values(report, c.quantity)
        if not alternatives:
            continue
        compared += 1
        known = [(s, name) for s, name in alternatives if s.known]
        if not known:
            yield insufficient(rule, Text(f"文中「{short_quote(c.quote, 30)}」", f"the text “{short_quote(c.quote, 30)}”"),
                               alternatives[0][0].unknown)
            continue
        if any(s.value == c.value for s, _ in known):
            continue
        s, name = known[0]
        also = known[1:]
        table_zh = fmt(s.value) + "".join(f"（{n.zh}为 {fmt(x.value)}）" for x, n in also)
        table_en = fmt(s.value) + "".join(f" ({n.en}: {fmt(x.value)})" for x, n in also)
        yield rule.finding(
            "mismatch", c.passage.pointer, *(cell.pointer for cell in s.cells),
            quote=c.quote, expected=s.value, actual=c.value, difference=abs(c.value - s.value),
            stated=c.written, cell=name, table=Text(table_zh, table_en),
            what=(what or {}).get(c.quantity, name),
        )
    if not compared:
        prefixes = tuple({c.quantity.split(".")[0] for c in claims}) or _RULE_TOPICS.get(rule.code, ("t3",))
        seen = looked_at(report, prefixes)
        if seen:
            listed = "；".join(f"「{q}」" for q in seen[:5]) + ("等" if len(seen) > 5 else "")
            yield rule.not_applicable(f"正文没有本规则可与表格核对的数字；读过的 {len(seen)} 句相关句子：{listed}",
                                      f"the text states no figure this rule compares with the tables; {len(seen)} "
                                      f"sentences on the subject read: {listed}")
        else:
            yield rule.not_applicable("正文没有可与表格核对的相关数字（没有谈及相关事项并带有件数的句子）",
                                      "the text states no figure to compare with the tables (no sentence on the "
                                      "subject states a count)")


_RULE_TOPICS = {"GC401": ("t3",), "GC402": ("t3",), "GC403": ("t4",), "GC405": ("t2",)}


# -- summaries: sentences that state a whole outcome without a figure ---------------------------------

@dataclass(frozen=True, slots=True)
class Summary:
    """「均获维持」「全部胜诉」「所有申请均已按期办结」: a statement about the tables without a figure.

    ``zero`` lists the cells (as quantities) the statement says are 0."""

    kind: str  # upheld_all, won_all, none_lost, all_handled
    zero: tuple[str, ...]
    sentence: Sentence
    passage: Passage
    written: str


_ALL_UPHELD = re.compile(r"(均|全部|都)(获|被|予以|得到|依法)?(维持|确认)")
_WON_ALL = re.compile(r"(均|全部|都)(胜诉|获胜诉)")
_NONE_LOST = re.compile(r"(无|没有|未|未出现|未发生)(一起|一件|任何)?(被)?(败诉|被纠错|被纠正|纠错|纠正)(的)?(情况|情形|案件)?(?![^，。；]{0,3}\d)")
_ALL_HANDLED = re.compile(r"(所有|全部)(政府信息公开)?申请(均|都|全部)?(已|已经)?(按期|按时|在法定期限内)?(办结|办理完毕)"
                          r"|(均|全部)(已|已经)?(按期|按时|在法定期限内)?(答复[及并和])?(办结|办理完毕)")


def _t4_blocks_named(text: str) -> tuple[str, ...]:
    review = "复议" in text
    litigation = bool(re.search(r"诉讼|起诉|胜诉|败诉", text))
    if review and not litigation:
        return ("review",)
    if litigation and not review:
        return ("litigation_direct", "litigation_after_review")
    return ("review", "litigation_direct", "litigation_after_review")


def read_summaries(report: Report) -> tuple[Summary, ...]:
    return report.derived("text.summaries", _read_summaries)


def _read_summaries(report: Report) -> tuple[Summary, ...]:
    out: list[Summary] = []
    for passage in passages(report):
        previous = ""
        for sentence in split_sentences(passage.text):
            text = mask_titles(normalise(sentence.text))
            own = own_name_spans(text, report.organ_name)
            scopes = _other_scope_spans(text, report.year, own)

            def in_scope(m: re.Match[str]) -> bool:
                return not any(a < m.start() < b for a, b in scopes) and not _SENTENCE_EXCLUDED.search(text)

            about_t4 = (passage.section == 4 or bool(_DISCLOSURE_TOPIC.search(text))) and not _REVIEW_BODY.search(text)
            subject = text if re.search(r"复议|诉讼|起诉", text) else previous
            if about_t4 and re.search(r"复议|诉讼|起诉", subject):
                blocks = _t4_blocks_named(subject)
                for pattern, kind, columns in ((_ALL_UPHELD, "upheld_all", ("corrected", "other", "pending")),
                                               (_WON_ALL, "won_all", ("corrected", "pending")),
                                               (_NONE_LOST, "none_lost", ("corrected",))):
                    m = pattern.search(text)
                    if m and in_scope(m):
                        if kind != "upheld_all":
                            blocks = tuple(b for b in blocks if b != "review") or \
                                ("litigation_direct", "litigation_after_review")
                        if kind == "none_lost" and "复议" in subject:
                            blocks = ("review", "litigation_direct", "litigation_after_review")
                        out.append(Summary(kind, tuple(f"t4.{b}.{c}" for b in blocks for c in columns),
                                           sentence, passage, sentence.text[m.start():m.end()]))
                        break
            m = _ALL_HANDLED.search(text)
            if m and in_scope(m) and _APPLICATION_TOPIC.search(text + previous) \
                    and not _NOT_APPLICATIONS.search(text[:m.start()]):
                out.append(Summary("all_handled", ("t3.carried_forward",), sentence, passage,
                                   sentence.text[m.start():m.end()]))
            previous = text
    return tuple(out)
