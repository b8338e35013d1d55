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
