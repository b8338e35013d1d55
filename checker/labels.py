"""The one label table: every row, column and section of the template, with its printed labels.

Loaders use it to recognise what they read; rules and outputs use it to name places the way a
reader sees them (「表三 · 商业企业 · （七）总计」).  Keys are stable English ids that also appear in
the report document and its JSON Pointers.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Label:
    """One row or column: its id, the printed Chinese label, a short form, and English."""

    id: str
    zh: str
    en: str
    short: str = ""  # how a finding names it, e.g. 「（五）4」; defaults to zh
    variants: tuple[str, ...] = field(default=())  # other spellings seen in real reports

    @property
    def place(self) -> str:
        return self.short or self.zh


def _l(id: str, zh: str, en: str, short: str = "", *variants: str) -> Label:
    return Label(id, zh, en, short, tuple(variants))


# ---------------------------------------------------------------------------------------------
# Table T3 — 收到和处理政府信息公开申请情况
# ---------------------------------------------------------------------------------------------

T3_COLUMNS: tuple[Label, ...] = (
    _l("natural_person", "自然人", "Natural persons"),
    _l("commercial", "商业企业", "Commercial enterprises"),
    _l("research", "科研机构", "Research institutions"),
    _l("social_welfare", "社会公益组织", "Social welfare organisations"),
    _l("legal_services", "法律服务机构", "Legal service agencies"),
    _l("other", "其他", "Other organisations"),
    _l("total", "总计", "Total"),
)
T3_APPLICANT_COLUMNS: tuple[str, ...] = tuple(c.id for c in T3_COLUMNS[:-1])

T3_ROWS_2021: tuple[Label, ...] = (
    _l("new_received", "一、本年新收政府信息公开申请数量", "I. New applications received this year", "一、本年新收申请"),
    _l("carried_over", "二、上年结转政府信息公开申请数量", "II. Applications carried over from last year", "二、上年结转申请"),
    _l("granted", "（一）予以公开", "III.(1) Disclosed", "（一）予以公开"),
    _l("partly_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "III.(2) Partly disclosed", "（二）部分公开"),
    _l("denied_state_secret", "1.属于国家秘密", "III.(3)1 Denied: state secret", "（三）1 属于国家秘密"),
    _l("denied_prohibited_by_law", "2.其他法律行政法规禁止公开", "III.(3)2 Denied: prohibited by other laws", "（三）2 其他法律行政法规禁止公开"),
    _l("denied_security_stability", "3.危及“三安全一稳定”", "III.(3)3 Denied: endangers security or stability", "（三）3 危及“三安全一稳定”"),
    _l("denied_third_party", "4.保护第三方合法权益", "III.(3)4 Denied: third-party rights", "（三）4 保护第三方合法权益"),
    _l("denied_internal_affairs", "5.属于三类内部事务信息", "III.(3)5 Denied: internal affairs", "（三）5 属于三类内部事务信息"),
    _l("denied_process_information", "6.属于四类过程性信息", "III.(3)6 Denied: process information", "（三）6 属于四类过程性信息"),
    _l("denied_enforcement_files", "7.属于行政执法案卷", "III.(3)7 Denied: enforcement files", "（三）7 属于行政执法案卷"),
    _l("denied_query_matters", "8.属于行政查询事项", "III.(3)8 Denied: administrative query matters", "（三）8 属于行政查询事项"),
    _l("unavailable_not_held", "1.本机关不掌握相关政府信息", "III.(4)1 Unavailable: not held", "（四）1 本机关不掌握相关政府信息"),
    _l("unavailable_needs_creation", "2.没有现成信息需要另行制作", "III.(4)2 Unavailable: would need creating", "（四）2 没有现成信息需要另行制作"),
    _l("unavailable_still_unclear", "3.补正后申请内容仍不明确", "III.(4)3 Unavailable: still unclear after correction", "（四）3 补正后申请内容仍不明确"),
    _l("not_processed_complaint", "1.信访举报投诉类申请", "III.(5)1 Not processed: petitions and complaints", "（五）1 信访举报投诉类申请"),
    _l("not_processed_repeated", "2.重复申请", "III.(5)2 Not processed: repeated", "（五）2 重复申请"),
    _l("not_processed_publication", "3.要求提供公开出版物", "III.(5)3 Not processed: published material", "（五）3 要求提供公开出版物"),
    _l("not_processed_excessive", "4.无正当理由大量反复申请", "III.(5)4 Not processed: excessive without reason", "（五）4 无正当理由大量反复申请"),
    _l("not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息", "III.(5)5 Not processed: confirm or reissue", "（五）5 要求行政机关确认或重新出具已获取信息"),
    _l("other_overdue_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "III.(6)1 Other: not corrected in time", "（六）1 逾期不补正"),
    _l("other_overdue_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "III.(6)2 Other: fee not paid in time", "（六）2 逾期未缴纳费用"),
    _l("other_other", "3.其他", "III.(6)3 Other: other", "（六）3 其他"),
    _l("results_total", "（七）总计", "III.(7) Total results", "（七）总计"),
    _l("carried_forward", "四、结转下年度继续办理", "IV. Carried forward to next year", "四、结转下年度继续办理"),
)

# The 2019 template: the same rows, except （六）其他处理 is one row without sub-rows.
T3_OTHER_2019 = _l("other_handling", "（六）其他处理", "III.(6) Other handling", "（六）其他处理")
T3_ROWS_2019: tuple[Label, ...] = tuple(
    r for r in T3_ROWS_2021 if not r.id.startswith("other_")
)
T3_ROWS_2019 = T3_ROWS_2019[:-2] + (T3_OTHER_2019,) + T3_ROWS_2019[-2:]

# Result groups of row 三 (R2): group id → (printed group label, member rows per template).
T3_GROUPS: dict[str, tuple[str, str]] = {
    "denied": ("（三）不予公开", "III.(3) Denied"),
    "unavailable": ("（四）无法提供", "III.(4) Unable to provide"),
    "not_processed": ("（五）不予处理", "III.(5) Not processed"),
    "other": ("（六）其他处理", "III.(6) Other handling"),
}

# ---------------------------------------------------------------------------------------------
# Table T4 — 政府信息公开行政复议、行政诉讼情况
# ---------------------------------------------------------------------------------------------

T4_BLOCKS: tuple[Label, ...] = (
    _l("review", "行政复议", "Administrative reconsideration"),
    _l("litigation_direct", "行政诉讼 · 未经复议直接起诉", "Litigation without prior reconsideration", "未经复议直接起诉"),
    _l("litigation_after_review", "行政诉讼 · 复议后起诉", "Litigation after reconsideration", "复议后起诉"),
)
T4_COLUMNS: tuple[Label, ...] = (
    _l("upheld", "结果维持", "Upheld"),
    _l("corrected", "结果纠正", "Corrected"),
    _l("other", "其他结果", "Other result"),
    _l("pending", "尚未审结", "Pending"),
    _l("total", "总计", "Total"),
)

# ---------------------------------------------------------------------------------------------
# Table T2 — 主动公开政府信息情况
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class T2Block:
    item: str  # the Regulation item printed above the block: 「第二十条第（一）项」
    rows: tuple[Label, ...]
    columns: tuple[Label, ...]
    number: bool = False  # cells are amounts (may be decimal), not counts


T2_2021: tuple[T2Block, ...] = (
    T2Block(
        "第二十条第（一）项",
        (_l("regulations", "规章", "Rules (规章)"), _l("normative_documents", "行政规范性文件", "Normative documents")),
        (
            _l("issued", "本年制发件数", "Issued this year"),
            _l("repealed", "本年废止件数", "Repealed this year"),
            _l("in_force", "现行有效件数", "In force"),
        ),
    ),
    T2Block("第二十条第（五）项", (_l("licensing", "行政许可", "Administrative licensing"),),
            (_l("decisions", "本年处理决定数量", "Decisions this year"),)),
    T2Block(
        "第二十条第（六）项",
        (_l("punishment", "行政处罚", "Administrative penalties"), _l("coercion", "行政强制", "Administrative coercion")),
        (_l("decisions", "本年处理决定数量", "Decisions this year"),),
    ),
    T2Block("第二十条第（八）项", (_l("fees", "行政事业性收费", "Administrative fees"),),
            (_l("amount", "本年收费金额（单位：万元）", "Amount collected (10,000 yuan)", "本年收费金额"),), number=True),
)

_2019_ITEM5_COLUMNS = (
    _l("previous_count", "上一年项目数量", "Items last year"),
    _l("change", "本年增/减", "Change this year"),
    _l("decisions", "处理决定数量", "Decisions"),
)
T2_2019: tuple[T2Block, ...] = (
    T2Block(
        "第二十条第（一）项",
        (_l("regulations", "规章", "Rules (规章)"), _l("normative_documents", "规范性文件", "Normative documents")),
        (
            _l("new_made", "本年新制作数量", "Newly made this year"),
            _l("new_published", "本年新公开数量", "Newly published this year"),
            _l("total_published", "对外公开总数量", "Total published"),
        ),
    ),
    T2Block("第二十条第（五）项",
            (_l("licensing", "行政许可", "Administrative licensing"), _l("other_services", "其他对外管理服务事项", "Other public services")),
            _2019_ITEM5_COLUMNS),
    T2Block("第二十条第（六）项",
            (_l("punishment", "行政处罚", "Administrative penalties"), _l("coercion", "行政强制", "Administrative coercion")),
            _2019_ITEM5_COLUMNS),
    T2Block("第二十条第（八）项", (_l("fees", "行政事业性收费", "Administrative fees"),), _2019_ITEM5_COLUMNS[:2]),
    T2Block("第二十条第（九）项", (_l("procurement", "政府集中采购", "Central government procurement"),),
            (_l("projects", "采购项目数量", "Procurement projects"), _l("amount", "采购总金额", "Total procurement amount")),
            number=True),
)

# ---------------------------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SectionLabel:
    number: int  # 1..6
    numeral: str  # 一 … 六
    heading: str  # canonical wording without the numeral
    en: str
    keywords: tuple[tuple[str, ...], ...]  # any group whose words all occur identifies the section


SECTIONS: tuple[SectionLabel, ...] = (
    SectionLabel(1, "一", "总体情况", "Overview", (("总体情况",), ("总体",))),
    SectionLabel(2, "二", "主动公开政府信息情况", "Proactive disclosure", (("主动公开",),)),
    SectionLabel(3, "三", "收到和处理政府信息公开申请情况", "Applications received and handled",
                 (("收到", "申请"), ("处理", "申请"), ("依申请",))),
    SectionLabel(4, "四", "政府信息公开行政复议、行政诉讼情况", "Reconsideration and litigation",
                 (("行政复议",), ("行政诉讼",))),
    SectionLabel(5, "五", "存在的主要问题及改进情况", "Main problems and improvements",
                 (("问题", "改进"), ("主要问题",), ("存在", "问题"))),
    SectionLabel(6, "六", "其他需要报告的事项", "Other matters to report", (("其他", "事项"), ("其他需要报告",))),
)
NUMERALS = "一二三四五六七八九十"
TABLE_NAMES = {"t2": ("表二", "Table 2"), "t2_2019": ("表二", "Table 2"), "t3": ("表三", "Table 3"), "t4": ("表四", "Table 4")}
TABLE_SECTION = {"t2": 2, "t2_2019": 2, "t3": 3, "t4": 4}

METADATA: dict[str, tuple[str, str]] = {
    "organ_name": ("机关名称", "organ name"),
    "organ_kind": ("机关类别", "organ kind"),
    "region": ("行政区划", "region"),
    "report_year": ("报告年度", "report year"),
    "template_version": ("模板版本", "template version"),
    "publication_date": ("发布日期", "publication date"),
    "signing_date": ("落款日期", "signing date"),
    "title": ("报告标题", "report title"),
    "url": ("发布网址", "web address"),
}

ORGAN_KINDS: dict[str, tuple[str, str]] = {
    "province_government": ("省级人民政府", "provincial government"),
    "city_government": ("市级人民政府", "city government"),
    "county_government": ("县级人民政府", "county-level government"),
    "township_government": ("乡镇人民政府", "township government"),
    "subdistrict_office": ("街道办事处", "sub-district office"),
    "department": ("政府部门", "government department"),
    "authorised_organisation": ("法律法规授权组织", "authorised organisation"),
}
GOVERNMENT_KINDS = frozenset({"province_government", "city_government", "county_government", "township_government",
                              "subdistrict_office"})


def t2_blocks(template: str) -> tuple[T2Block, ...]:
    return T2_2019 if template == "2019" else T2_2021


def t3_rows(template: str) -> tuple[Label, ...]:
    return T3_ROWS_2019 if template == "2019" else T3_ROWS_2021


def t3_group_rows(template: str) -> dict[str, tuple[str, ...]]:
    """Result group → its member row ids, for the given template."""
    rows = [r.id for r in t3_rows(template)]
    groups = {g: tuple(r for r in rows if r.startswith(g + "_")) for g in ("denied", "unavailable", "not_processed")}
    groups["other"] = ("other_handling",) if template == "2019" else tuple(r for r in rows if r.startswith("other_"))
    return groups


def t3_result_rows(template: str) -> tuple[str, ...]:
    """Every row that 三（七）总计 adds up (R2), in printed order."""
    return tuple(r.id for r in t3_rows(template) if r.id not in ("new_received", "carried_over", "results_total",
                                                                 "carried_forward"))


def _find(labels: tuple[Label, ...], id: str) -> Label | None:
    return next((x for x in labels if x.id == id), None)


def describe(pointer: str, lang: str = "zh", sections: list[dict] | None = None) -> str:
    """The place a JSON Pointer names, as a reader sees it: 「表三 · 商业企业 · （七）总计」.

    ``sections`` (the report's section list) lets section pointers quote the printed heading.
    Unknown pointers are returned as they are.
    """
    zh = lang != "en"
    parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]
    if not parts:
        return "整份报告" if zh else "whole report"
    head, rest = parts[0], parts[1:]
    if head == "tables" and rest:
        table, rest = rest[0], rest[1:]
        name = TABLE_NAMES.get(table, (table, table))[0 if zh else 1]
        if not rest:
            return name
        row, col = rest[0], rest[1] if len(rest) > 1 else None
        if table == "t3":
            r = _find(T3_ROWS_2021 + (T3_OTHER_2019,), row)
            c = _find(T3_COLUMNS, col) if col else None
            out = [name, (c.zh if zh else c.en) if c else col, (r.place if zh else r.en) if r else row]
            return " · ".join(x for x in out if x)
        if table == "t4":
            b, c = _find(T4_BLOCKS, row), _find(T4_COLUMNS, col) if col else None
            out = [name, (b.zh if zh else b.en) if b else row, ((c.zh if zh else c.en) if c else col)]
            return " · ".join(x for x in out if x)
        blocks = T2_2019 if table == "t2_2019" else T2_2021
        for blk in blocks:
            r = _find(blk.rows, row)
            if r:
                c = _find(blk.columns, col) if col else None
                out = [name, r.zh if zh else r.en, ((c.place if zh else c.en) if c else col)]
                return " · ".join(x for x in out if x)
        return " · ".join([name] + rest)
    if head == "sections":
        if rest and rest[0].isdigit():
            i = int(rest[0])
            heading = ""
            if sections and i < len(sections) and isinstance(sections[i], dict):
                heading = str(sections[i].get("heading") or "")
            if zh:
                return f"「{heading}」部分" if heading else f"第{i + 1}个部分"
            return f"part “{heading}”" if heading else f"part {i + 1}"
        return "各部分" if zh else "sections"
    if head == "metadata":
        if rest:
            m = METADATA.get(rest[0])
            return ("报告信息 · " + m[0]) if zh and m else ("metadata · " + m[1]) if m else "报告信息 · " + rest[0]
        return "报告信息" if zh else "metadata"
    if head == "preface":
        return "报告前言" if zh else "preface"
    if head == "signature":
        return "落款" if zh else "signature"
    if head == "extensions":
        from checker.template_extensions import describe as describe_extension  # the plugins' own rows

        return describe_extension(pointer, zh) or pointer
    return pointer


def section_place(number: int, lang: str = "zh") -> str:
    """A canonical section as a reader names it: 「第五部分 存在的主要问题及改进情况」."""
    s = SECTIONS[number - 1]
    return f"第{s.numeral}部分 {s.heading}" if lang != "en" else f"section {number} ({s.en})"

# Headings accepted as canonical besides SECTIONS' wording (after numbering is removed and 和 is read
# as 及): older and fuller official wordings.
ACCEPTED_HEADINGS: dict[int, tuple[str, ...]] = {
    1: ("总体情况",),
    2: ("主动公开政府信息情况",),
    3: ("收到和处理政府信息公开申请情况",),
    4: ("政府信息公开行政复议、行政诉讼情况", "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "政府信息公开行政复议和行政诉讼情况", "政府信息公开行政复议与行政诉讼情况"),  # 与 as printed in real reports
    5: ("存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况"),
    6: ("其他需要报告的事项",),
}

# Printed headers of the tables that are not rows or columns (the HTML review page lays the tables
# out as the template prints them): (zh, en).
T3_CORNER_NOTE = ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                  "(In this column: item I plus item II equals item III plus item IV)")
T3_APPLICANTS_HEADER = ("申请人情况", "Applicants")
T3_ORGANISATIONS_HEADER = ("法人或其他组织", "Legal persons or other organisations")
T3_RESULTS_HEADER = ("三、本年度办理结果", "III. Results this year")
T2_CONTENT_HEADER = ("信息内容", "Information")
T4_LITIGATION_HEADER = ("行政诉讼", "Administrative litigation")
TABLE_TITLES = {"t2": ("主动公开政府信息情况", "Proactive disclosure"),
                "t2_2019": ("主动公开政府信息情况", "Proactive disclosure"),
                "t3": ("收到和处理政府信息公开申请情况", "Applications received and handled"),
                "t4": ("政府信息公开行政复议、行政诉讼情况", "Reconsideration and litigation")}
