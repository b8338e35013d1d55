"""JUnit XML: one test case per rule evaluated per report, so passes are counted too; a rule's
findings are its failure, a rule that did not apply or lacked evidence is skipped, a crash an error."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any, Mapping

from checker.findings import Outcome, ReportResult
from checker.messages import colon, outcome_label, present, report_title, rule_title, severity_label
from checker.model import Report
from checker.output.safe import xml_text

_CRASH = "GC900"


def _seconds(value: float) -> str:
    return f"{value:.6f}"


def _suite(result: ReportResult, rules: Mapping[str, type], lang: str) -> ET.Element:
    suite = ET.Element("testsuite", name=result.file)
    if result.load_error:
        case = ET.SubElement(suite, "testcase", name="load" if lang == "en" else "读取报告", classname=result.file,
                             time=_seconds(0))
        ET.SubElement(case, "error", message=result.load_error, type="load_error").text = result.load_error
        suite.attrib.update(tests="1", failures="0", errors="1", skipped="0", time=_seconds(0))
        return suite
    report = Report(result.document or {})
    props = ET.SubElement(suite, "properties")
    for name, value in (("title", report_title(result)), ("organ_name", report.organ_name),
                        ("organ_kind", report.organ_kind), ("report_year", report.year),
                        ("template", report.template), ("format", result.format)):
        if value not in (None, ""):
            ET.SubElement(props, "property", name=name, value=str(value))
    shown = present(result, rules, lang)
    by_code: dict[str, list] = {}
    for s in shown:
        by_code.setdefault(s.finding.code, []).append(s)
    crashes = {str(s.finding.args.get("rule")): s for s in by_code.get(_CRASH, ())}
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    total = 0.0
    sep = "；" if lang != "en" else "; "
    for o in result.outcomes:
        cls = rules.get(o.code)
        name = f"{o.code} {getattr(cls, 'name', '')}{colon(lang)}{rule_title(cls, lang)}" if cls else o.code
        case = ET.SubElement(suite, "testcase", name=name, classname=result.file, time=_seconds(o.seconds))
        counts["tests"] += 1
        total += o.seconds
        live = [s for s in by_code.get(o.code, ()) if not s.finding.waived]
        waived = [s for s in by_code.get(o.code, ()) if s.finding.waived]
        if o.outcome is Outcome.ERROR:
            crash = crashes.get(o.code)
            text = crash.message if crash else sep.join(r.get(lang) for r in o.reasons)
            ET.SubElement(case, "error", message=text, type="rule_crashed").text = text
            counts["errors"] += 1
        elif o.outcome is Outcome.FAIL and live:
            worst = max(live, key=lambda s: s.finding.severity.rank).finding.severity
            lines = [f"[{severity_label(s.finding.severity, lang)}] {s.message}"
                     + ((f"（{s.numbers}）" if lang != "en" else f" ({s.numbers})")
                        if s.numbers and s.numbers not in s.message else "")
                     + (f"\n    「{s.finding.quote}」" if s.finding.quote else "")
                     + (f"\n    {' '.join(s.finding.pointers)}" if s.finding.pointers else "") for s in live]
            first = live[0].message + (f"（共 {len(live)} 项）" if lang != "en" and len(live) > 1 else
                                       f" ({len(live)} findings)" if len(live) > 1 else "")
            ET.SubElement(case, "failure", message=first, type=worst.value).text = "\n".join(lines)
            counts["failures"] += 1
        elif o.outcome in (Outcome.NOT_APPLICABLE, Outcome.INSUFFICIENT_DATA):
            reason = sep.join(r.get(lang) for r in o.reasons) or outcome_label(o.outcome, lang)
            ET.SubElement(case, "skipped", message=f"{outcome_label(o.outcome, lang)}{colon(lang)}{reason}", type=o.outcome.value)
            counts["skipped"] += 1
        if waived:  # waived findings do not fail the case, but a reader of the log should see them
            ET.SubElement(case, "system-out").text = "\n".join(
                f"[{'已豁免' if lang != 'en' else 'waived'}{colon(lang)}{s.finding.waived}] {s.message}" for s in waived)
    suite.attrib.update({k: str(v) for k, v in counts.items()}, time=_seconds(total))
    return suite


def render(results: list[ReportResult], ctx: Any) -> str:
    rules = dict(ctx.rules)
    root = ET.Element("testsuites", name="gov-check")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    seconds = 0.0
    for result in results:
        suite = _suite(result, rules, ctx.lang)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
        seconds += float(suite.get("time", "0"))
    root.attrib.update({k: str(v) for k, v in totals.items()}, time=_seconds(seconds))
    ET.indent(root)
    # Text from the report may hold characters XML forbids (control characters, lone surrogates):
    # ElementTree writes them as they are, and no XML reader would read the file.
    return xml_text('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n")
