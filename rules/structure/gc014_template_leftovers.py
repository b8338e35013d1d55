"""GC014 template-leftovers."""

from __future__ import annotations

import re

from checker.findings import Severity
from checker.rule import Option, Rule

# Instructions of the template itself (国办公开办函〔2021〕30号 explains each item with 「这一项报告本机关…」)
# and placeholders that a writer forgot to fill in.  Latin X's only count as a placeholder when no
# other Latin letter touches them (「XX市」, not 「XXL」 or a model number).
DEFAULT_PATTERNS = (
    r"编写说明",
    r"填写说明",
    r"这一项报告本机关",
    r"不能遗漏，也不宜泛化",
    r"(?<![A-Za-z])[XxＸｘ]{2,}(?![A-Za-z])",
    r"[×✕✖]{2,}",
    r"(?<![○〇])[○〇]{2,}(?=[市县区省局委办乡镇街])",  # starts only where a run starts: linear on 「〇〇〇…」
    r"【[^】]{0,20}(填写|请|此处)[^】]{0,20}】",
    r"[（(]此处[^）)]{0,30}[）)]",
    r"[（(]请(填写|根据|按照|结合)[^）)]{0,40}[）)]",
)


class TemplateLeftovers(Rule):
    """报告中不得留有模板的编写说明或未替换的占位符。

    检查什么
    在标题、前言、各部分标题与正文和落款中查找：「编写说明」「填写说明」、年度报告格式里解释各部分写法的句子
    （「这一项报告本机关……」「不能遗漏，也不宜泛化」）、占位符「XX」「××」「○○市」、「【请填写……】」
    「（此处……）」之类的提示。每处引用原文。可用选项增加或替换查找的式样。

    为什么
    照抄模板说明或留下占位符，说明报告未经认真编写、审核，属于年度报告格式所批评的敷衍塞责。

    依据
    国办公开办函〔2021〕30号（年度报告格式的编写要求）。

    错误示例
    「一、总体情况　这一项报告本机关政府信息公开工作总体情况……」；「XX局2023年度共收到申请X件」。

    正确示例
    写明本机关的实际情况：「2023年，本局共收到政府信息公开申请12件……」。
    """

    doc_en = """The report keeps no drafting notes of the template and no unreplaced placeholders.

    What it checks
    The title, preface, headings, text and signature are searched for 「编写说明」「填写说明」, the format's own
    sentences that explain how to write a part (「这一项报告本机关……」「不能遗漏，也不宜泛化」), placeholders 「XX」「××」
    「○○市」, and prompts such as 「【请填写……】」「（此处……）」. Each place is quoted. Options add to or replace the
    patterns searched for.

    Why
    Copied template notes or placeholders show the report was not really written or reviewed: the perfunctory
    reporting the format criticises.

    Basis
    国办公开办函〔2021〕30号 (the format's drafting requirements).

    Wrong
    「一、总体情况　这一项报告本机关政府信息公开工作总体情况……」; 「XX局2023年度共收到申请X件」.

    Right
    The organ's actual situation: 「2023年，本局共收到政府信息公开申请12件……」.
    """

    code = "GC014"
    name = "template-leftovers"
    title_zh = "没有残留的模板说明或占位符"
    title_en = "No template instructions or placeholders left in"
    clause = "国办公开办函〔2021〕30号（敷衍塞责）"
    fix = ("删除模板中的填写说明、示例文字和占位符（如「××」），填写本单位的实际内容",
           "Delete the template's instructions, sample text and placeholders (such as ××) and write the unit's own content")
    severity = Severity.WARNING
    templates = frozenset({"2021", "2019", "legacy"})
    options = {
        "patterns": Option(list(DEFAULT_PATTERNS), "查找的正则表达式式样（替换默认值）", (list, tuple), en="regular expressions to look for (replace the defaults)"),
        "extra_patterns": Option([], "在默认式样之外增加的式样", (list, tuple), en="patterns to look for besides the defaults"),
    }
    messages = {
        "leftover": ("{place}：疑似残留模板说明或占位符「{match}」",
                     "{place}: looks like a template instruction or placeholder “{match}”"),
    }

    def check(self, ctx):
        report = ctx.report
        patterns = [re.compile(p) for p in [*self.config["patterns"], *self.config["extra_patterns"]]]
        title = report.meta("title")
        places = [("/metadata/title", title if isinstance(title, str) else ""), ("/preface", report.preface)]
        for s in report.sections:
            places += [(s.pointer, s.heading), (s.pointer, s.text)]
        places.append(("/signature", report.signature))
        for pointer, text in places:
            covered: set[int] = set()  # positions inside a match already reported (a set: a long text may hold thousands)
            for pattern in patterns:
                for m in pattern.finditer(text or ""):
                    if m.start() in covered:
                        continue
                    covered.update(range(m.start(), max(m.end(), m.start() + 1)))
                    yield self.finding("leftover", pointer, match=m.group(0),
                                       quote=_sentence(text, m.start(), m.end()))


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around a match, at most about 60 characters."""
    # Looked for only within 30 characters of the match: a 1,000,000-character text costs no more.
    left = max(text.rfind(ch, max(0, start - 30), start) for ch in "。；;！？\n") + 1
    right_candidates = [i for i in (text.find(ch, end, end + 30) for ch in "。；;！？\n") if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    left = max(left, start - 30)
    right = min(right, end + 30)
    return text[left:right].strip()
