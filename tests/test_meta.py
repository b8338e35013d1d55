"""Meta-tests: generated files are fresh, every rule has documentation and cases."""

from __future__ import annotations

import re
import subprocess
import sys

import yaml

from checker.plugins import PluginHost
from tests.conftest import ROOT

CASES = ROOT / "tests" / "rules" / "cases"


def test_generated_schema_is_fresh():
    assert subprocess.run([sys.executable, "tools/build_schema.py", "--check"], cwd=ROOT).returncode == 0, \
        "schemas/report.schema.json is stale: run `make docs`"


def test_generated_rule_docs_are_fresh():
    proc = subprocess.run([sys.executable, "tools/build_docs.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout


def test_every_rule_is_documented_and_has_cases():
    for code, cls in PluginHost(autoload=False).rules.items():
        assert re.fullmatch(r"GC\d{3}", code)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", cls.name), code
        assert cls.title_zh and cls.title_en and cls.clause, code
        assert all(cls.fix), f"{code} has no 修改建议 (fix) in both languages"
        sections = cls.doc_sections()
        for head in ("检查什么", "为什么", "依据", "错误示例", "正确示例"):
            assert sections.get(head), f"{code} docstring lacks 「{head}」"
        path = CASES / f"{code}.yaml"
        assert path.exists(), f"{code} has no cases file"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["rule"] == code
        outcomes = {c.get("outcome") for c in data["cases"]}
        if code not in ("GC900", "GC901", "GC003"):  # GC003: findings come from loaders
            assert "pass" in outcomes and "fail" in outcomes, f"{code} needs a passing and a failing case"


def test_every_message_template_has_both_languages():
    for code, cls in PluginHost(autoload=False).rules.items():
        for key, pair in cls.messages.items():
            assert isinstance(pair, tuple) and len(pair) == 2 and all(pair), (code, key)


# The national catalogue (../shared/domain/CHECKS.md): codes and names are stable public identifiers
# that users put in configs, waivers and scripts.  Severities are the catalogue's defaults.
CATALOGUE = {
    "GC001": ("schema-valid", "error"), "GC002": ("template-version", "error"),
    "GC010": ("sections-present", "error"), "GC011": ("section-headings", "warning"),
    "GC012": ("report-title", "warning"), "GC013": ("statistical-period", "warning"),
    "GC014": ("template-leftovers", "warning"), "GC101": ("t2-cell-values", "error"),
    "GC102": ("t2-issued-within-stock", "error"), "GC103": ("t2-fee-unit", "info"),
    "GC104": ("t2-rules-maker", "warning"), "GC201": ("t3-cell-values", "error"),
    "GC202": ("t3-row-total", "error"), "GC203": ("t3-results-total", "error"), "GC204": ("t3-balance", "error"),
    "GC205": ("t3-offsetting-errors", "info"), "GC206": ("t3-other-share", "info"),
    "GC301": ("t4-cell-values", "error"), "GC302": ("t4-block-total", "error"),
    "GC401": ("text-application-counts", "warning"), "GC402": ("text-result-counts", "warning"),
    "GC403": ("text-review-litigation", "warning"), "GC404": ("text-percentages", "warning"),
    "GC405": ("text-disclosure-counts", "warning"), "GC406": ("text-wrong-year", "warning"),
    "GC501": ("problems-substance", "error"), "GC502": ("fee-statement", "warning"),
    "GC503": ("fee-consistency", "warning"), "GC504": ("work-points", "info"),
    "GC505": ("proposals-disclosure", "info"), "GC506": ("government-accountability", "warning"),
    "GC507": ("overview-areas", "info"), "GC601": ("publication-deadline", "error"),
    "GC602": ("date-present", "warning"), "GC701": ("carry-over-continuity", "warning"),
    "GC702": ("stock-continuity", "warning"), "GC703": ("text-reuse", "warning"),
    "GC704": ("identical-tables", "warning"), "GC801": ("rollup-sum", "warning"),
    "GC900": ("rule-crashed", "error"), "GC901": ("waiver-stale", "warning"),
}


def test_every_catalogue_rule_is_listed_with_its_code_name_and_severity(gov_check):
    import json

    listed = {r["code"]: (r["name"], r["severity"]) for r in json.loads(gov_check("rules", "--format", "json").stdout)}
    for code, (name, severity) in CATALOGUE.items():
        assert code in listed, f"{code} {name} is missing from `gov-check rules`"
        assert listed[code][0] == name, code
        assert listed[code][1] == severity, code
    # the codes added beyond the catalogue: GC003 (import gaps), GC015 (a report body pasted twice, issue 17)
    assert set(listed) - set(CATALOGUE) == {"GC003", "GC015"}
