"""The JSON output: the versioned contract described by schemas/result.schema.json."""

from __future__ import annotations

import json
from typing import Any

from checker import __version__
from checker.findings import Outcome, ReportResult, Severity
from checker.messages import plain, present, rule_clause, rule_fix, rule_title
from checker.model import Report
from checker.output.safe import no_surrogates

# 1.1: status "incomplete", summary.incomplete, a finding's clause and fix; message arguments in the
# output's language (a list as a JSON array, never a Python repr) and ``difference`` a number or
# null.  Each adds a field or narrows what 1.0's schema allowed, so a reader written for 1.0 reads
# 1.1 unchanged: a minor version (CHANGELOG).
FORMAT_VERSION = "1.1"
COMPACT_FROM = 50  # reports


def _number(value: Any) -> int | float | None:
    """A finding's ``difference``: a number, or null when the rule gave none."""
    value = plain(value)
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def report_info(result: ReportResult) -> dict[str, Any]:
    r = Report(result.document or {})
    return {"organ_name": r.organ_name or None, "report_year": r.year, "organ_kind": r.organ_kind,
            "template": r.template if result.document is not None else None}


def result_dict(result: ReportResult, rules: dict, lang: str) -> dict[str, Any]:
    findings = []
    for shown in present(result, rules, lang):  # the order every output lists findings in
        f = shown.finding
        cls = rules.get(f.code)
        findings.append({
            "code": f.code,
            "name": getattr(cls, "name", None),
            "severity": f.severity.value,
            "message": shown.message,
            "place": shown.place,
            "pointers": list(f.pointers),
            "source": [result.source_map[p] for p in f.pointers if p in result.source_map],
            "expected": plain(f.expected, lang),
            "actual": plain(f.actual, lang),
            "difference": _number(f.difference),
            "quote": f.quote,
            "args": {k: plain(v, lang) for k, v in f.args.items()},
            "waived": f.waived,
            "clause": rule_clause(cls),
            "fix": rule_fix(cls, lang),
        })
    outcomes = [{
        "code": o.code,
        "name": getattr(rules.get(o.code), "name", None),
        "title": rule_title(rules.get(o.code), lang),
        "outcome": o.outcome.value,
        "reasons": [r.get(lang) for r in o.reasons],
        "pointers": list(o.pointers),
    } for o in result.outcomes]
    counts = result.counts()
    return {
        "file": result.file,
        "format": result.format,
        "status": "not_checked" if result.load_error else "incomplete" if result.incomplete else "checked",
        "error": result.load_error,
        "report": report_info(result),
        "summary": {**counts, "outcomes": {o.value: sum(1 for x in result.outcomes if x.outcome is o) for o in Outcome}},
        "outcomes": outcomes,
        "findings": findings,
    }


def build(results: list[ReportResult], rules: dict, lang: str = "zh") -> dict[str, Any]:
    reports = [result_dict(r, rules, lang) for r in results]
    totals = {s.value: sum(r["summary"][s.value] for r in reports) for s in Severity}
    return {
        "tool": {"name": "gov-check", "version": __version__},
        "format_version": FORMAT_VERSION,
        "lang": lang,
        "summary": {"reports": len(reports), "not_checked": sum(1 for r in reports if r["status"] == "not_checked"),
                    "incomplete": sum(1 for r in reports if r["status"] == "incomplete"),
                    **totals},
        "reports": reports,
    }


def render(results: list[ReportResult], ctx: Any) -> str:
    # Indented for a person reading a few reports; compact (C encoder, ~5× faster) for a batch.
    indent = 2 if len(results) <= COMPACT_FROM else None
    text = json.dumps(build(results, dict(ctx.rules), ctx.lang), ensure_ascii=False, indent=indent) + "\n"
    return no_surrogates(text)  # a lone surrogate from the report cannot be written as UTF-8
