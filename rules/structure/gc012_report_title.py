"""GC012 report-title."""

from __future__ import annotations

import re

from checker.dates import normalise
from checker.findings import Severity
from checker.organs import is_place_of, is_short_form
from checker.rule import Rule

PHRASE = "政府信息公开工作年度报告"
_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年")
_YEAR_CN = re.compile(r"([〇○零一二三四五六七八九]{4})\s*年")
_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0"}


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", normalise(text or ""))


def title_years(title: str) -> list[int]:
    """The years a title names, 「2023年」 or 「二〇二三年」 (GC012, GC013)."""
    text = _compact(title)
    years = [int(m.group(1)) for m in _YEAR.finditer(text)]
    years += [int("".join(_CN_DIGITS[c] for c in m.group(1))) for m in _YEAR_CN.finditer(text)]
    return years


def organ_short_names(name: str) -> tuple[str, ...]:
    """The organ's name and the forms a title may shorten it to (「阳泉市人民政府」 → 「阳泉市」)."""
    name = _compact(name)
    out = [name]
    # A title may leave out the province the metadata names (「山西省阳泉市教育局」 → 「阳泉市教育局」).
    m = re.match(r"^.{2,7}?(省|自治区)(?=.{3,})", name)
    if m and not name.endswith(("省人民政府", "自治区人民政府")):
        out.append(name[m.end():])
    for full in list(out):
        for suffix in ("人民政府", "政府"):
            if full.endswith(suffix) and len(full) > len(suffix) + 1:
                out.append(full[: -len(suffix)])
    return tuple(out)


def organ_part(title: str) -> str:
    """Where a title names the organ: what it says before its year, or, when the year comes first,
    between the year and 「政府信息公开工作年度报告」 (「市科委2023年政府信息公开工作年度报告」 → 「市科委」)."""
    text = _compact(title)
    years = [m for m in (_YEAR.search(text), _YEAR_CN.search(text)) if m]
    year = min(years, key=lambda m: m.start()) if years else None
    phrase = text.find(PHRASE)
    head = text[:year.start()] if year else text[:phrase] if phrase >= 0 else text
    if not _trim(head) and year and phrase > year.end():
        head = text[year.end():phrase]
    return _trim(head)


def _trim(text: str) -> str:
    text = re.sub(r"^(关于|度)|度$", "", text)
    return text.strip("《》〈〉「」“”\"':：,，、·()（）")


def names_organ(title: str, organ: str) -> bool:
    """Whether the title names the organ: its name (or a shortened form that drops 「人民政府」 or the
    province) anywhere, or one of its usual short forms where a title names the organ."""
    compact = _compact(title)
    if any(n in compact for n in organ_short_names(organ)):
        return True
    return is_short_form(organ_part(title), _compact(organ))


class ReportTitle(Rule):
    """报告标题写明机关名称、报告年度和「政府信息公开工作年度报告」。

    检查什么
    报告信息中的标题（metadata.title）：含机关名称或其通用简称（政府可省略「人民政府」，如「阳泉市2023年政府
    信息公开工作年度报告」；街道办事处可写「××街道」；部门可用简称，如「市科委」之于「××市科学技术委员会」、
    「××县住建局」之于「××县住房和城乡建设局」：简称按原名的字序取字，保留首字和表明机关类别的末字，地名可省去
    上级地名或只写「市」「县」），含报告年度（阿拉伯数字或「二〇二三年」）、含「政府信息公开工作年度报告」。标题中的年份与报告
    年度不一致也在此指出（统计期限的年份由 GC013 核对）。没有记录标题时，本规则无法核对。

    为什么
    标题是公众和监管部门检索、归档年度报告的依据；缺少机关名称或年度的报告无法辨认是谁哪一年的报告。

    依据
    国办公开办函〔2021〕30号 年度报告格式。

    错误示例
    「2023年度工作报告」；「阳泉市人民政府政府信息公开工作年度报告」（缺年度）；「阳泉市人民政府2022年政府信息
    公开工作年度报告」（2023年度报告写成了2022年）。

    正确示例
    「阳泉市人民政府2023年政府信息公开工作年度报告」。
    """

    doc_en = """The report's title names the organ, the report year and 「政府信息公开工作年度报告」.

    What it checks
    The title in the metadata (metadata.title) contains the organ's name (a government may omit 「人民政府」:
    「阳泉市2023年政府信息公开工作年度报告」), the report year (in Arabic digits or as 「二〇二三年」) and
    「政府信息公开工作年度报告」. A year in the title that differs from the report year is also reported here (the
    statistical period's year is GC013's). Without a recorded title the rule cannot check.

    Why
    The title is how the public and supervisors find and file annual reports; a report without the organ or the
    year cannot be told apart.

    Basis
    The annual report format of 国办公开办函〔2021〕30号.

    Wrong
    「2023年度工作报告」; 「阳泉市人民政府政府信息公开工作年度报告」 (no year); 「阳泉市人民政府2022年政府信息公开工作年度报告」
    (a 2023 report titled 2022).

    Right
    「阳泉市人民政府2023年政府信息公开工作年度报告」.
    """

    code = "GC012"
    name = "report-title"
    title_zh = "报告标题含机关、年度和规范名称"
    title_en = "The title names the organ, the year and the report"
    clause = "国办公开办函〔2021〕30号"
    fix = ("标题写作「××（机关全称）××年政府信息公开工作年度报告」",
           "Title the report 「<organ's full name><year>年政府信息公开工作年度报告」")
    severity = Severity.WARNING
    templates = frozenset({"2021", "2019", "legacy"})
    messages = {
        "no_organ": ("标题「{title}」没有写明机关名称「{organ}」", "the title “{title}” does not name the organ “{organ}”"),
        "place_only": ("标题「{title}」只写了地名「{named}」，没有写明是哪个机关（应为「{organ}」或其通用简称）",
                       "the title “{title}” names the place “{named}” but not the organ “{organ}”"),
        "other_organ": ("标题「{title}」写的机关「{named}」与报告的机关「{organ}」不一致，也不是它的通用简称",
                        "the title “{title}” names “{named}”, which is not the organ “{organ}” nor its usual short form"),
        "no_year": ("标题「{title}」没有写明报告年度（应为「{year}年」）", "the title “{title}” does not state the year ({year})"),
        "wrong_year": ("标题「{title}」写的是{found}年，报告年度为{year}年", "the title “{title}” says {found}, the report year is {year}"),
        "no_phrase": ("标题「{title}」没有「政府信息公开工作年度报告」字样", "the title “{title}” lacks “政府信息公开工作年度报告”"),
    }

    def check(self, ctx):
        report = ctx.report
        title = report.meta("title")
        if not isinstance(title, str) or not title.strip():
            yield self.insufficient("报告信息中没有标题（metadata.title），无法核对", "no title in the metadata, cannot check",
                                    "/metadata/title")
            return
        compact = _compact(title)
        shown = title.strip()
        where = "/metadata/title"
        if report.organ_name and not names_organ(title, report.organ_name):
            named = organ_part(title)
            if not named:  # say what is missing only when it is: nothing names an organ here
                yield self.finding("no_organ", where, title=shown, organ=report.organ_name)
            elif is_place_of(named, _compact(report.organ_name)):  # 「示例县」 of 「示例县教育局」
                yield self.finding("place_only", where, title=shown, named=named, organ=report.organ_name)
            else:
                yield self.finding("other_organ", where, title=shown, named=named, organ=report.organ_name)
        years = title_years(title)
        if report.year is not None:
            if not years:
                yield self.finding("no_year", where, title=shown, year=report.year)
            elif report.year not in years:
                yield self.finding("wrong_year", where, title=shown, found=years[0], year=report.year,
                                   expected=report.year, actual=years[0])
        if PHRASE not in compact:
            yield self.finding("no_phrase", where, title=shown)
