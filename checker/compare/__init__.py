"""A comparison of two years of one unit's report: its prose (sections paired by meaning, a
sentence diff, the share reused), its tables (cell by cell, change and 同比, the cross-year
identities), the figures its text states, and the engine's findings of both years.

Built from what the rest of gov-check already made — the loaders' documents, the model, the
engine's results — and returned as one plain JSON-ready dict (``schemas/compare.schema.json``) that
the renderers in ``checker/output/compare_*.py`` lay out without computing anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from checker.compare.tables import Thresholds
from checker.findings import ReportResult
from checker.model import Report

SCHEMA_VERSION = "1.0"
FORMATS = ("html", "docx", "markdown", "json")
SUFFIXES = {"html": ".html", "docx": ".docx", "markdown": ".md", "json": ".json"}


@dataclass(frozen=True)
class CompareOptions:
    threshold: float = 0.5  # reuse share marked (GC703's default; its config option when set)
    ngram: int = 8
    min_chars: int = 100
    large: Thresholds = field(default_factory=Thresholds)
    lang: str = "zh"


class NotAPair(ValueError):
    """The two reports are not last year's and this year's of one organ; ``str()`` says why."""


def organ_matches(last: Report, this: Report, organ_map: Mapping[str, str] | None = None) -> bool:
    from checker.run import organ_key

    a, b = organ_key(last.organ_name), organ_key(this.organ_name)
    return bool(a) and (a == b or (organ_map or {}).get(b) == a)


def check_pair(last: Report, this: Report, organ_map: Mapping[str, str] | None = None, lang: str = "zh") -> list[str]:
    """Why the two are not a pair (same organ, consecutive years), as sentences; [] when they are."""
    en = lang == "en"
    problems = []
    if not organ_matches(last, this, organ_map):
        unnamed = "(not stated)" if en else "（未写明）"
        a, b = last.organ_name or unnamed, this.organ_name or unnamed
        problems.append(f"different organs: last year's report is by “{a}”, this year's by “{b}” (renamed organs: --organ-map)"
                        if en else f"机关不同：上年报告为「{a}」，本年报告为「{b}」（机关更名请用 --organ-map）")
    if last.year is None or this.year is None:
        problems.append("a report year is not stated: cannot tell that the years are consecutive" if en else
                        "报告年度未写明，无法确认是相邻两年")
    elif this.year != last.year + 1:
        problems.append(f"not consecutive years: last year's report is for {last.year}, this year's for {this.year}" if en else
                        f"年度不相邻：上年报告为 {last.year} 年度，本年报告为 {this.year} 年度")
    return problems


def _side(result: ReportResult, report: Report) -> dict[str, Any]:
    return {"file": result.file, "format": result.format, "organ_name": report.organ_name or None,
            "year": report.year, "template": report.template, "title": report.meta("title")}


def build(last: ReportResult, this: ReportResult, rules: Mapping[str, type], options: CompareOptions | None = None,
          *, forced: list[str] | None = None) -> dict[str, Any]:
    """The comparison of last year's and this year's checked reports (``forced``: the pairing
    problems the user chose to override with --force, shown at the top)."""
    from checker.compare.figures import compare_figures
    from checker.compare.findings import compare_findings
    from checker.compare.sections import compare_text
    from checker.compare.tables import compare_tables, identities

    options = options or CompareOptions()
    lang = options.lang
    before, now = Report(last.document or {}), Report(this.document or {})
    pairs, reuse = compare_text(before, now, threshold=options.threshold, ngram=options.ngram,
                                min_chars=options.min_chars, lang=lang)
    sections = [{"key": (p.this or p.last).key, "number": (p.this or p.last).number,  # type: ignore[union-attr]
                 "title": p.title(lang),
                 "last": {"heading": p.last.heading, "pointer": p.last.pointer} if p.last else None,
                 "this": {"heading": p.this.heading, "pointer": p.this.pointer} if p.this else None,
                 "reuse": None if p.reuse is None else round(p.reuse, 4), "chars": p.chars, "over_threshold": p.over,
                 "rows": [r.as_dict() for r in p.rows]} for p in pairs]
    tables = compare_tables(before, now, options.large, lang)
    ids = identities(before, now, lang)
    figures = compare_figures(before, now, lang)
    found = compare_findings(last, this, rules, lang)
    statuses = ("copied", "changed", "moved", "added", "removed", "boilerplate")
    counts = {s: sum(1 for sec in sections for r in sec["rows"] if r["status"] == s) for s in statuses}
    cells = [c for t in tables for g in t["grids"] for r in g["rows"] for c in r["cells"]]
    return {
        "schema_version": SCHEMA_VERSION,
        "lang": lang,
        "last": _side(last, before),
        "this": _side(this, now),
        "forced": forced or [],
        "options": {"threshold": options.threshold, "ngram": options.ngram, "min_chars": options.min_chars,
                    "large_ratio": options.large.ratio, "large_min": options.large.minimum},
        "summary": {
            "reuse": None if reuse is None else round(reuse, 4),
            "over_threshold": reuse is not None and reuse >= options.threshold,
            "sections_over_threshold": [s["title"] for s in sections if s["over_threshold"]],
            "sentences": counts,
            "cells": len(cells),
            "cells_changed": sum(1 for c in cells if c["changed"]),
            "large_changes": sum(1 for c in cells if c["large"]),
            "identities_broken": sum(1 for i in ids if i["holds"] is False),
            "identities_unknown": sum(1 for i in ids if i["holds"] is None),
            "findings": {k: sum(1 for f in found if f["status"] == k)
                         for k in ("persisting", "new", "cross_year", "fixed")},
            "findings_this": sum(1 for f in found if f["year"] == "this" and not f["waived"]),
            "findings_last": len([f for f in (last.findings or []) if not f.waived]),
        },
        "sections": sections,
        "tables": tables,
        "identities": ids,
        "figures": figures,
        "findings": found,
    }
