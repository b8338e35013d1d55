"""The example province's own rules (codes SLnnn): deadline, extra T2 row, approval statement."""

from __future__ import annotations

import datetime as dt
import re

from checker.findings import Severity, Text
from checker.model import Kind, parse_value, pointer
from checker.rule import Option, Rule

COLUMNS = (("issued", "本年制发件数", "issued this year"), ("repealed", "本年废止件数", "repealed this year"),
           ("in_force", "现行有效件数", "in force"))
ROW = "other_documents"
ROW_ZH, ROW_EN = "其他主动公开文件", "other proactively published documents"

# The schema of /extensions/shili, validated with the rest of the report (GC001 reports its errors).
# Cells follow the national convention: an integer, null for a blank, or the report's own text.
EXTENSION_SCHEMA = {
    "title": "示例省扩展",
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "t2": {
            "title": "表二（示例省增加的行）",
            "type": "object",
            "additionalProperties": False,
            "properties": {
                ROW: {
                    "title": f"第二十条 · {ROW_ZH}",
                    "type": "object",
                    "additionalProperties": False,
                    "required": [c[0] for c in COLUMNS],
                    "properties": {c[0]: {"title": c[1], "type": ["integer", "null", "string"], "maxLength": 200}
                                   for c in COLUMNS},
                },
            },
        },
    },
}


def _mmdd(value: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})", str(value).strip())
    if not m:
        raise ValueError(f"deadline option must be MM-DD, got {value!r}")
    return int(m.group(1)), int(m.group(2))


class DepartmentDeadline(Rule):
    """部门报告须在次年 1 月 28 日前发布（示例省要求，早于全国的 1 月 31 日）。

    检查什么
    政府部门（organ_kind 为 department）的年度报告，其发布日期（没有发布日期时用落款日期）须不晚于报告
    年度次年的截止日期，默认 1 月 28 日（选项 deadline，格式 MM-DD）。没有任何日期时为「数据不足」。

    为什么
    示例省要求部门先于本级政府发布年度报告，以便本级政府汇总；全国的截止日期（部门 1 月 31 日）
    由国家规则检查，本规则只检查本省更早的日期。

    依据
    示例省政务公开办公室关于做好年度报告工作的通知（示例）。

    错误示例
    示例省示例厅 2023 年度报告，发布日期 2024-01-30。

    正确示例
    发布日期 2024-01-26。
    """

    doc_en = """A department's report is published by 28 January of the next year (the example province's rule, earlier than the national 31 January).

    What it checks
    The annual report of a government department (organ_kind department) is published (or, without a
    publication date, signed) no later than the province's deadline in the year after the report year,
    28 January by default (option deadline, MM-DD). Without any date: insufficient data.

    Why
    The example province has departments publish before their government, so that the government can
    collect them; the national deadline (31 January for departments) is the national rules' business, this
    rule checks only the province's earlier date.

    Basis
    The example province's disclosure office's notice on annual reports (an example).

    Wrong
    The example province's example department, 2023 report, published 2024-01-30.

    Right
    Published 2024-01-26.
    """

    code = "SL601"
    name = "shili-department-deadline"
    title_zh = "部门报告在本省截止日期前发布"
    title_en = "A department's report is published by the province's deadline"
    clause = "示例省通知（示例）"
    severity = Severity.ERROR
    organ_kinds = frozenset({"department"})
    options = {"deadline": Option("01-28", "截止日期（报告年度次年的 MM-DD）", str, en="the deadline (MM-DD of the year after the report year)")}
    messages = {
        "late": ("{place}为 {date}，晚于本省部门报告的截止日期 {deadline}（晚 {days} 天）",
                 "{place} is {date}, after the province's deadline for departments, {deadline} ({days} days late)"),
    }

    def check(self, ctx):
        report = ctx.report
        if report.year is None:
            yield self.insufficient("报告年度缺失或不是年份，无法确定截止日期",
                                    "no report year, cannot tell the deadline", "/metadata/report_year")
            return
        month, day = _mmdd(ctx.options["deadline"])
        deadline = dt.date(report.year + 1, month, day)
        for key in ("publication_date", "signing_date"):
            raw = report.meta(key)
            if isinstance(raw, str):
                try:
                    date = dt.date.fromisoformat(raw)
                except ValueError:
                    continue  # GC001 reports a malformed date
                if date > deadline:
                    yield self.finding("late", pointer("metadata", key), date=raw, deadline=deadline.isoformat(),
                                       days=(date - deadline).days)
                return
        yield self.insufficient("报告没有发布日期或落款日期，无法核对截止日期",
                                "the report has no publication or signing date", "/metadata/publication_date")


class OtherDocumentsRow(Rule):
    """表二须有示例省增加的「其他主动公开文件」一行，且每格为非负整数。

    检查什么
    2021 年格式的报告，在 ``/extensions/shili/t2/other_documents`` 中填写「其他主动公开文件」的
    本年制发件数、本年废止件数、现行有效件数。缺少该行是错误；空白或「/」是警告（空白不等于 0）；
    文字、负数、小数是错误。

    为什么
    示例省要求在表二第二十条第（一）项下增加「其他主动公开文件」一行，统计规章和规范性文件以外主动
    公开的文件。

    依据
    示例省年度报告格式补充说明（示例）。

    错误示例
    报告没有该行；或「现行有效件数」一格为空白。

    正确示例
    ``"extensions": {"shili": {"t2": {"other_documents": {"issued": 12, "repealed": 0, "in_force": 40}}}}``
    """

    doc_en = """Table 2 has the example province's row 「其他主动公开文件」, each cell a non-negative whole number.

    What it checks
    A report in the 2021 template fills in, at ``/extensions/shili/t2/other_documents``, the row
    「其他主动公开文件」 with issued this year, repealed this year and in force. A missing row is an error; a blank
    or 「/」 is a warning (a blank is not a zero); text, a negative number or a decimal is an error. Word, web,
    PDF and text reports that print the row have it read there (the plugin declares it through
    ``gov_check_template_extensions``).

    Why
    The example province adds the row 「其他主动公开文件」 under T2 item 第二十条第（一）项, counting the documents
    proactively published besides rules and normative documents.

    Basis
    The example province's supplementary notes on the report format (an example).

    Wrong
    The report has no such row, or its 「现行有效件数」 cell is blank.

    Right
    ``"extensions": {"shili": {"t2": {"other_documents": {"issued": 12, "repealed": 0, "in_force": 40}}}}``
    """

    code = "SL201"
    name = "shili-t2-other-documents"
    title_zh = "表二「其他主动公开文件」行"
    title_en = "Table 2 row “other proactively published documents”"
    clause = "示例省格式补充说明（示例）"
    severity = Severity.ERROR
    templates = frozenset({"2021"})
    messages = {
        "missing": ("表二缺少本省增加的「其他主动公开文件」行", "Table 2 lacks the province's row “other documents”"),
        "blank": ("{place}：空白。空白不等于 0，请填写数字（没有发生的填 0）",
                  "{place}: blank. A blank is not a zero; fill in the number (0 if none)"),
        "mark": ("{place}：填写了「{raw}」，应填写数字", "{place}: reads “{raw}”; a number is required"),
        "not_count": ("{place}：「{raw}」不是非负整数", "{place}: “{raw}” is not a non-negative whole number"),
    }

    def check(self, ctx):
        ext = ctx.report.doc.get("extensions")
        row = (((ext or {}).get("shili") or {}).get("t2") or {}).get(ROW) if isinstance(ext, dict) else None
        base = ("extensions", "shili", "t2", ROW)
        if not isinstance(row, dict):
            yield self.finding("missing", pointer(*base[:3]), place=Text("表二", "Table 2"))
            return
        for col, zh, en in COLUMNS:
            if col not in row:
                continue  # GC001 names a missing cell
            kind, value = parse_value(row[col])
            place = Text(f"表二 · {ROW_ZH} · {zh}", f"Table 2 · {ROW_EN} · {en}")
            ptr = pointer(*base, col)
            if kind is Kind.BLANK:
                yield self.finding("blank", ptr, severity=Severity.WARNING, place=place)
            elif kind is Kind.MARK:
                yield self.finding("mark", ptr, severity=Severity.WARNING, place=place, raw=str(row[col]).strip())
            elif kind is Kind.TEXT or value < 0 or not float(value).is_integer():
                yield self.finding("not_count", ptr, place=place, raw=str(row[col]).strip()[:40])


class ApprovalAndSeal(Rule):
    """报告须声明已经审核签发并加盖公章。

    检查什么
    报告的正文或落款中须写明报告已经「审核签发」，并已「加盖公章」（也接受「签发」与「盖章」「印章」
    的写法）。缺少其中任何一项是一条发现。

    为什么
    示例省要求年度报告经本机关负责人审核签发、加盖公章后发布，并在报告中写明，以示报告是本机关的
    正式文件。

    依据
    示例省政务公开办公室关于做好年度报告工作的通知（示例）。

    错误示例
    落款只有「示例厅 2024年1月20日」。

    正确示例
    第六部分写明「本报告已经本机关主要负责人审核签发，并加盖公章。」
    """

    doc_en = """The report states that it was approved and signed off, and sealed.

    What it checks
    The text or signature states that the report was 「审核签发」 (approved and signed off) and 「加盖公章」
    (sealed with the official seal); 「签发」 and 「盖章」「印章」 are accepted too. Each missing one is a finding.

    Why
    The example province has annual reports approved by the organ's head and sealed before publication, and
    says so in the report, to show the report is the organ's official document.

    Basis
    The example province's disclosure office's notice on annual reports (an example).

    Wrong
    The signature is only 「示例厅 2024年1月20日」.

    Right
    Part 六 says 「本报告已经本机关主要负责人审核签发，并加盖公章。」
    """

    code = "SL801"
    name = "shili-approval-and-seal"
    title_zh = "声明审核签发并加盖公章"
    title_en = "States that the report was approved and sealed"
    clause = "示例省通知（示例）"
    severity = Severity.ERROR
    templates = frozenset({"2021", "2019", "legacy"})
    messages = {
        "missing": ("报告没有写明已经{what}", "the report does not state that it was {what_en}"),
    }
    _NEEDS = (("审核签发", "approved and signed off", ("审核签发", "审签", "签发")),
              ("加盖公章", "sealed", ("加盖公章", "盖章", "加盖印章", "公章")))

    def check(self, ctx):
        text = ctx.report.full_text
        for what, what_en, words in self._NEEDS:
            if not any(w in text for w in words):
                yield self.finding("missing", "/signature", what=what, what_en=what_en)
