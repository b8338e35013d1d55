"""The engine's findings of both years next to each other: this year's problems that last year's
report already had (「连续两年」), last year's that are gone (「已整改」), and the new ones.

A problem is the same in both years when the same rule reports it, with the same message, at the
same place: the same table cell, or the same section as matched by meaning (section pointers are
positions in each document, which differ between years)."""

from __future__ import annotations

from typing import Any, Mapping

from checker.findings import Finding, ReportResult
from checker.messages import numbers, place, render, severity_label

CROSS_YEAR_PREFIX = "GC7"  # rules that read last year's report: they exist only for this year's check


def _place_key(finding: Finding, document: Any) -> str:
    from checker.messages import section_of

    p = finding.pointer
    if p.startswith("/sections/"):
        return f"section:{section_of(finding, document)}"
    return p


def _key(finding: Finding, document: Any) -> tuple[str, str, str]:
    return finding.code, finding.message, _place_key(finding, document)


def _entry(finding: Finding, result: ReportResult, rules: Mapping[str, type], lang: str, year: str,
           status: str) -> dict[str, Any]:
    from checker.messages import section_of

    return {"year": year, "status": status, "section": section_of(finding, result.document), "code": finding.code, "severity": finding.severity.value,
            "severity_label": severity_label(finding.severity, lang), "place": place(finding, result.document, lang),
            "message": render(finding, rules, lang, result.document), "numbers": numbers(finding, lang) or None,
            "pointer": finding.pointer, "waived": finding.waived}


def compare_findings(last: ReportResult, this: ReportResult, rules: Mapping[str, type], lang: str = "zh") -> list[dict[str, Any]]:
    """This year's findings (status persisting · new · cross_year), then last year's that are gone
    (status fixed).  Waived findings are kept with their waiver's reason."""
    before = {_key(f, last.document) for f in last.findings}
    now = {_key(f, this.document) for f in this.findings}
    out = []
    for f in this.findings:
        if f.code.startswith(CROSS_YEAR_PREFIX):
            status = "cross_year"
        else:
            status = "persisting" if _key(f, this.document) in before else "new"
        out.append(_entry(f, this, rules, lang, "this", status))
    for f in last.findings:
        if not f.code.startswith(CROSS_YEAR_PREFIX) and _key(f, last.document) not in now:
            out.append(_entry(f, last, rules, lang, "last", "fixed"))
    return out
