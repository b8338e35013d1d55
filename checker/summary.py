"""The batch summary: per report (organ, year, status, counts per severity, top problems) and per
rule (how many reports fail it), computed once from the results so that every output shows the
same numbers."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from checker.findings import CRASH_CODE, STATUSES, Outcome, ReportResult
from checker.model import Report

TOP_PROBLEMS = 3


@dataclass(frozen=True, slots=True)
class ReportLine:
    file: str
    organ_name: str | None
    organ_kind: str | None
    report_year: int | None
    status: str  # a key of checker.findings.STATUSES: pass, fail, incomplete (the tool failed), not_checked, not_report
    error: int
    warning: int
    info: int
    waived: int
    top: tuple[tuple[str, int], ...]  # the rules with the most findings, most severe first
    previous_file: str | None = None
    problem: str | None = None  # why the file could not be checked, or why its check is incomplete
    region: str = ""  # 地区: the hierarchy file's region, else the report's metadata
    parent: str = ""  # 上级: the organ whose summary report this one is a unit of (hierarchy file)


@dataclass(frozen=True, slots=True)
class RuleLine:
    code: str
    name: str
    title_zh: str
    title_en: str
    failed: int  # reports for which the rule's outcome is fail
    findings: int  # its findings, all reports (waived ones not counted)
    insufficient_data: int
    not_applicable: int
    errored: int


@dataclass(frozen=True, slots=True)
class BatchSummary:
    reports: tuple[ReportLine, ...]
    rules: tuple[RuleLine, ...]
    fail_on: str

    @property
    def totals(self) -> dict[str, int]:
        out = {"reports": len(self.reports)}
        for status in STATUSES:
            out[status] = sum(1 for r in self.reports if r.status == status)
        for sev in ("error", "warning", "info", "waived"):
            out[sev] = sum(getattr(r, sev) for r in self.reports)
        return out


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a report stands in the hierarchy file: its region, its 上级, and its rank in the file."""

    region: str
    parent: str
    order: tuple[int, int]  # (region's index, 0 for the summary report, 1 + the unit's index)


def placements(units: Mapping[str, Mapping[str, Any]], results: Sequence[ReportResult]) -> dict[str, Placement]:
    """file → Placement, from a batch plan's roll-ups (summary file → {region, units}); the 上级 of a
    unit is the organ that publishes its region's summary report."""
    organ = {r.file: Report(r.document or {}).organ_name for r in results if not r.load_error}
    out: dict[str, Placement] = {}
    for i, (summary, rollup) in enumerate(units.items()):
        region = str(rollup.get("region") or "")
        out.setdefault(summary, Placement(region, "", (i, 0)))
        for j, unit in enumerate(rollup.get("units") or ()):
            out.setdefault(unit, Placement(region, organ.get(summary) or region, (i, j + 1)))
    return out


def _incomplete_reason(r: ReportResult) -> str | None:
    crashed = sorted({str(f.args.get("rule") or "") for f in r.findings if f.code == CRASH_CODE} - {""})
    crashed += sorted({o.code for o in r.outcomes if o.outcome is Outcome.ERROR} - set(crashed))
    parts = [f"规则出错：{'、'.join(crashed)}"] if crashed else []
    parts += [f"插件未能加载：{p}" for p in r.tool_problems]
    return "；".join(parts) or None


def summarise(results: Sequence[ReportResult], rules: Mapping[str, type], fail_on: str = "error",
              previous: Mapping[str, str] | None = None,
              hierarchy: Mapping[str, Placement] | None = None) -> BatchSummary:
    """Per report and per rule.  Lines follow the hierarchy file when one is given (each region's
    summary report, then its units, as listed), then region and organ."""
    lines = []
    hierarchy = hierarchy or {}
    for r in results:
        where = hierarchy.get(r.file)
        if r.load_error:
            lines.append(ReportLine(r.file, None, None, None, r.status(fail_on), 0, 0, 0, 0, (), None, r.load_error,
                                    where.region if where else "", where.parent if where else ""))
            continue
        report = Report(r.document or {})
        counts = r.counts()
        live = [f for f in r.findings if not f.waived]
        worst: dict[str, int] = {}
        for f in live:
            worst[f.code] = max(worst.get(f.code, 0), f.severity.rank)
        per_rule = Counter(f.code for f in live)
        top = tuple(sorted(per_rule.items(), key=lambda kv: (-worst[kv[0]], -kv[1], kv[0]))[:TOP_PROBLEMS])
        region = report.meta("region")  # the hierarchy file's region first: the grouping its user declared
        region = where.region if where else region.strip() if isinstance(region, str) else ""
        lines.append(ReportLine(r.file, report.organ_name or None, report.organ_kind, report.year, r.status(fail_on),
                                counts["error"], counts["warning"], counts["info"], counts["waived"], top,
                                (previous or {}).get(r.file), _incomplete_reason(r), region,
                                where.parent if where else ""))
    far = (len(hierarchy) + 1, 0)
    lines.sort(key=lambda line: (hierarchy[line.file].order if line.file in hierarchy else far,
                                 line.region, line.organ_name or "\uffff", line.report_year or 0))
    outcome_counts: dict[str, Counter[Outcome]] = {}
    finding_counts: Counter[str] = Counter()
    for r in results:
        for o in r.outcomes:
            outcome_counts.setdefault(o.code, Counter())[o.outcome] += 1
        finding_counts.update(f.code for f in r.findings if not f.waived)
    rule_lines = []
    for code in sorted(set(outcome_counts) | set(finding_counts)):
        cls = rules.get(code)
        oc = outcome_counts.get(code, Counter())
        rule_lines.append(RuleLine(code, getattr(cls, "name", ""), getattr(cls, "title_zh", ""),
                                   getattr(cls, "title_en", ""), oc[Outcome.FAIL], finding_counts[code],
                                   oc[Outcome.INSUFFICIENT_DATA], oc[Outcome.NOT_APPLICABLE], oc[Outcome.ERROR]))
    return BatchSummary(tuple(lines), tuple(rule_lines), fail_on)


def as_dict(summary: BatchSummary) -> dict[str, Any]:
    return {
        "totals": summary.totals,
        "fail_on": summary.fail_on,
        "reports": [{
            "file": r.file, "organ_name": r.organ_name, "organ_kind": r.organ_kind, "report_year": r.report_year,
            "status": r.status, "error": r.error, "warning": r.warning, "info": r.info, "waived": r.waived,
            "top_problems": [{"code": c, "findings": n} for c, n in r.top], "previous_file": r.previous_file,
            "problem": r.problem, "region": r.region, "parent": r.parent,
        } for r in summary.reports],
        "rules": [{
            "code": r.code, "name": r.name, "title_zh": r.title_zh, "title_en": r.title_en,
            "reports_failed": r.failed, "findings": r.findings, "insufficient_data": r.insufficient_data,
            "not_applicable": r.not_applicable, "errored": r.errored,
        } for r in summary.rules],
    }
