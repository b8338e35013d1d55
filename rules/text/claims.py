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
    True, "「全市」「全县」「各级各部门」等全地区数字也与表格核对（表格只统计本机关的，设为 false）", bool)}

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
_REVIEW_BODY = re.compile(r"复议机关|复议机构|受理[^，。]{0,6}复议申请|办理[^，。]{0,6}复议案件|复议委员会")
_OTHER_SCOPE = re.compile(
    r"(上一?年度?|去年|前年|往年)(?!度?结转|度?遗留|未办结)|同比|环比|较上|比上|较去|比去|与上|相比|历年|以来|累计"
    r"|县级|乡镇|乡（镇）|街道|本级|市直|县直|区直|各县|县区|区县|县（市、区）|各区|下辖|所属|直属|分别"
    r"|季度|上半年|下半年|(?<![\d日])\d{1,2}\s*月(?!\s*\d{1,2}\s*日)|[一二三四五六七八九十]{1,2}月份"
    r"|同意公开|其中[，,]?[^，,。；]{0,12}?(局|委|办公室|中心|政府|街道|乡|镇|县|区|公司|医院|学校|单位)"
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
    (r"(结转|转入|转至)(到|至)?下一?年度?|转下年|下年度继续办理|结转.{0,4}继续办理", "t3.carried_forward"),
    (r"上一?年度?结转|往年结转|上年度?遗留|上年未办结", "t3.carried_over"),
    (r"尚未办结|未办结|仍在办理|正在办理", "t3.carried_forward"),
    (r"新收|新受理|新接收|本年度?收到", "t3.new_received"),
    (r"收到|受理|接收|接到|申请(总数|总量|数量|数|量)", "t3.received"),
    (r"办结|办理完毕|答复完毕|已答复|作出答复|办理完成|完成[^，,。；]{0,14}答复", "t3.results_total"),
)
_T3_RESULTS = (
    (r"予以公开|全部公开", "t3.row.granted"),
    (r"部分公开", "t3.row.partly_granted"),
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
    (r"制发|印发|出台|新制定|制定|发布", "issued"),
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
    words = re.sub(r"^(同时|另|并|已经|已|共计|共|其余|全部|均|按期|按时|依法|在法定期限内)+|(继续办理|办理|答复|了|的|为)$",
                   "", lead.strip())
    return any(p.fullmatch(words) for p, _ in table)


def _clause_start(text: str, pos: int, breaks: re.Pattern[str] | None = None) -> int:
    starts = [m.end() for m in (breaks or _CLAUSE_BREAK).finditer(text, 0, pos)]
    return starts[-1] if starts else 0


def _other_scope_positions(text: str, year: int | None) -> list[int]:
    out = [m.start() for m in _OTHER_SCOPE.finditer(text)]
    if year is not None:
        out += [y.start for y in find_years(text, outside_titles=False) if y.year != year]
    return out


def read_claims(report: Report) -> tuple[Claim, ...]:
    """Every claim the prose makes about T2/T3/T4, in reading order (read once per report)."""
    return report.derived("text.claims", _read_claims)


def _read_claims(report: Report) -> tuple[Claim, ...]:
    claims: list[Claim] = []
    year = report.year
    for passage in passages(report):
        previous = ""
        for sentence in split_sentences(passage.text):
            text = mask_titles(normalise(sentence.text))
            # A sentence that opens with 「其中」 continues the one before it: same subject.
            context = (previous + "。" + text) if text.startswith("其中") or sentence.continues else text
            previous = context
            if _SENTENCE_EXCLUDED.search(text):
                continue
            claims.extend(_sentence_claims(report, passage, sentence, text, context, year))
    return tuple(claims)


def _sentence_claims(report, passage, sentence, text, context, year):
    other_scope = _other_scope_positions(text, year)
    breakdowns = [m.start() for m in _BREAKDOWN.finditer(text)]
    about_applications = bool(_APPLICATION_TOPIC.search(context))
    about_t4 = (passage.section == 4 or bool(_DISCLOSURE_TOPIC.search(context))) and not _REVIEW_BODY.search(text)
    t2_ok = not _T2_EXCLUDED.search(text)
    t4_block = None  # the T4 block the sentence is talking about, for 「其中维持1件」
    prev_end = 0
    out: list[Claim] = []

    def claim(q, fig):
        regional = bool(_REGIONAL.search(text[:fig.start]))
        out.append(Claim(q, int(fig.value), sentence, passage, fig.written, fig, regional))

    for fig in find_figures(sentence.text):
        start = fig.start
        lead_start = max(prev_end, _clause_start(text, start))
        lead = text[lead_start:start]
        prev_end_before, prev_end = prev_end, fig.end
        if not fig.exact_count or fig.unit not in _COUNT_UNITS:
            continue
        if any(p < start for p in other_scope):
            continue
        after_breakdown = [b for b in breakdowns if b < start]
        # T4 first: 「被申请行政复议2件」 also mentions 申请.
        t4 = _nearest(lead, _T4_RE)
        # Outside section 四 the disclosure subject must come before the figure (「因政府信息公开被申请
        # 行政复议2件」), not after it (「办理行政诉讼案件15件（信息公开类2件）」).
        if t4 and about_t4 and (passage.section == 4 or _DISCLOSURE_TOPIC.search(text[:start])):
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
        if about_applications:
            totals = _nearest(lead, _T3_TOTALS_RE)
            results = _nearest(lead, _T3_RESULTS_RE)
            if results and (not totals or results[1] >= totals[1]):
                qualifier = text[after_breakdown[-1]:start] if after_breakdown else ""
                if not _BREAKDOWN_QUALIFIER.search(qualifier):
                    claim(results[0], fig)
                continue
            # A total needs 申请 in its own clause (「共收到政府信息公开申请84件」) or a bare keyword
            # continuing the list (「已办结82件」); 「依申请公开方面，全年受理各类事项300件」 is not one.
            comma_clause = text[_clause_start(text, start, _COMMA):start]
            if totals and not after_breakdown and not _NOT_APPLICATIONS.search(lead) \
                    and ("申请" in comma_clause or _bare(lead, _T3_TOTALS_RE)):
                claim(totals[0], fig)
                continue
        if t2_ok and not after_breakdown:
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
    out.extend(_zero_claims(passage, sentence, text, other_scope, about_t4))
    # The same quantity twice in one sentence with different values is a breakdown we did not
    # recognise (「市政府制发5件，市政府办公室制发3件」): neither figure is read.
    values: dict[str, set[int]] = {}
    for c in out:
        values.setdefault(c.quantity, set()).add(c.value)
    return [c for c in out if len(values[c.quantity]) == 1]


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


def compare_claims(rule, report: Report, claims: list[Claim], what: dict[str, Text] | None = None,
                   regional: bool = True):
    """GC401/402/403/405: each claim against its cell(s).  Yields a finding per contradiction, an
    insufficient-data skip naming a cell that is not a number, or not-applicable when the prose
    states no comparable figure."""
    from rules.common import fmt, insufficient

    compared = 0
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
        yield rule.not_applicable("正文没有可与表格核对的相关数字", "the text states no figure to compare with the tables")
