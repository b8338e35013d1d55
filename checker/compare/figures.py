"""Figures the two texts state for the same thing, aligned: what GC4xx reads as claims about the
tables (「新收…件」「办结…件」「予以公开…件」), plus the work figures reports repeat every year and no
table holds (「发布信息…条」「召开新闻发布会…场」).  Only exact figures whose words say what they count
are taken; a quantity stated with two values in one report is shown as ambiguous, not guessed."""

from __future__ import annotations

import re
from typing import Any

from checker.model import Report
from checker.textnum import find_figures, normalise, split_sentences

# (key, zh, en, words right before the figure in its clause, units)
WORK_FIGURES: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    ("text.published", "主动公开（发布）政府信息", "government information published",
     r"(主动公开|发布|公开|更新)[^，,。；;]{0,10}(政府)?信息(共计?|总数|数量)?[^，,。；;]{0,4}$", ("条",)),
    ("text.press_conferences", "召开新闻发布会", "press conferences held", r"新闻发布会[^，,。；;]{0,6}$", ("场", "次")),
    ("text.interpretations", "政策解读", "policy interpretations", r"解读[^，,。；;]{0,10}$", ("篇", "条", "次", "件")),
    ("text.open_days", "政府开放日活动", "government open days", r"开放日[^，,。；;]{0,8}$", ("场", "次", "期")),
    ("text.training", "业务培训", "training sessions", r"培训[^，,。；;]{0,8}$", ("场", "次", "期")),
    ("text.online_replies", "回应关切、答复留言", "public messages answered", r"(留言|关切|咨询)[^，,。；;]{0,8}$", ("条", "件")),
)
_WORK = [(k, zh, en, re.compile(p), units) for k, zh, en, p, units in WORK_FIGURES]
_CLAUSE = re.compile(r"[，,。；;：:]")


def _work_figures(report: Report) -> dict[str, list[tuple[int | float, str, str]]]:
    found: dict[str, list[tuple[int | float, str, str]]] = {}
    texts = [report.preface] + [s.text for s in report.sections]
    for text in texts:
        for sentence in split_sentences(text):
            plain = normalise(sentence.text)
            for fig in find_figures(sentence.text):
                if fig.approximate or fig.percent:
                    continue
                lead = plain[:fig.start]
                cut = max((m.end() for m in _CLAUSE.finditer(lead)), default=0)
                lead = lead[max(cut, len(lead) - 24):]
                for key, _, _, pattern, units in _WORK:
                    if fig.unit in units and pattern.search(lead):
                        found.setdefault(key, []).append((fig.value, fig.written, sentence.text))
                        break
    return found


def _claims(report: Report, lang: str) -> dict[str, tuple[str, list[tuple[int | float, str, str]]]]:
    from rules.text.claims import expected_values, read_claims

    out: dict[str, tuple[str, list[tuple[int | float, str, str]]]] = {}
    for claim in read_claims(report):  # a whole region's figures (「全市」) included: both years say them alike
        if claim.quantity not in out:
            alternatives = expected_values(report, claim.quantity)
            if claim.quantity == "t3.received":
                label = "收到信息公开申请" if lang != "en" else "applications received"
            elif alternatives:
                label = alternatives[0][1].get(lang)
            else:
                label = claim.quantity
            out[claim.quantity] = (label, [])
        out[claim.quantity][1].append((claim.value, claim.written, claim.quote))
    return out


def compare_figures(last: Report, this: Report, lang: str = "zh") -> list[dict[str, Any]]:
    """One entry per quantity either text states: both years' values (or null), the change and 同比 %."""
    en = lang == "en"
    sides: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    for year, report in (("last", last), ("this", this)):
        stated: dict[str, tuple[str, list[tuple[int | float, str, str]]]] = dict(_claims(report, lang))
        work = _work_figures(report)
        for key, zh, en_label, _, _ in WORK_FIGURES:
            values = work.get(key) if key not in stated else None
            if values:
                stated[key] = (en_label if en else zh, values)
        for key, (label, values) in stated.items():
            if key not in sides:
                sides[key] = {"quantity": key, "label": label, "last": None, "this": None}
                order.append(key)
            distinct = sorted({v for v, _, _ in values})
            first = values[0]
            sides[key][year] = {"value": first[0] if len(distinct) == 1 else None, "values": distinct,
                                "written": first[1], "quote": first[2]}
    out = []
    for key in order:
        entry = sides[key]
        a, b = entry["last"], entry["this"]
        entry["change"] = entry["percent"] = None
        if a and b and a["value"] is not None and b["value"] is not None:
            entry["change"] = b["value"] - a["value"]
            if a["value"]:
                entry["percent"] = round(100 * entry["change"] / a["value"], 1)
        out.append(entry)
    return out
