"""Honest statuses: a rule that crashed (GC900) or a plugin that failed makes a report 「检查不完整」 in
every output and the exit code 2 — a tool failure is not the unit's error (未通过, exit 1)."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import openpyxl

from benchmarks.generate import generate
from tests.conftest import EXAMPLES

CRASHING = '''
from checker import hookimpl
from checker.rule import Rule

class Crashing(Rule):
    """Divides by zero on every report."""
    code = "ZZ901"
    name = "zz-crashing"
    title_zh = title_en = clause = "x"
    messages = {"m": ("m", "m")}
    def check(self, ctx):
        return 1 / 0
        yield

@hookimpl
def gov_check_rules():
    return [Crashing]
'''


def _plugin(tmp_path: Path, text: str = CRASHING) -> Path:
    path = tmp_path / "crashing.py"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_crashed_rule_is_an_incomplete_check_in_every_output_and_exit_2(tmp_path, gov_check):
    plugin = _plugin(tmp_path)
    report = EXAMPLES / "clean-2023.json"
    text = gov_check(report, "--plugin", plugin)
    assert text.exit_code == 2, text.output
    assert "检查不完整" in text.stdout and "检查不完整" in text.stderr
    result = gov_check(report, "--plugin", plugin, "-o", tmp_path / "r.json", "--summary-csv", tmp_path / "s.csv")
    assert result.exit_code == 2
    (got,) = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["reports"]
    assert got["status"] == "incomplete" and [f["code"] for f in got["findings"]] == ["GC900"]
    (row,) = csv.DictReader(io.StringIO((tmp_path / "s.csv").read_text(encoding="utf-8-sig")))
    assert row["结论"] == "检查不完整" and "ZZ901" in row["说明"]
    assert gov_check(report, "--plugin", plugin, "-o", tmp_path / "l.xlsx").exit_code == 2
    summary = list(openpyxl.load_workbook(tmp_path / "l.xlsx")["汇总"].iter_rows(values_only=True))
    assert summary[1][6] == "检查不完整"
    assert gov_check(report, "--plugin", plugin, "--output-dir", tmp_path / "out").exit_code == 2
    assert '<span class="s-incomplete">检查不完整</span>' in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_a_plugin_that_fails_to_load_makes_every_report_incomplete(tmp_path, gov_check):
    plugin = _plugin(tmp_path, "import no_such_module_xyz\n")
    result = gov_check(EXAMPLES / "clean-2023.json", "--plugin", plugin, "-o", tmp_path / "s.csv")
    assert result.exit_code == 2
    (row,) = csv.DictReader(io.StringIO((tmp_path / "s.csv").read_text(encoding="utf-8-sig")))
    assert row["结论"] == "检查不完整" and "插件未能加载" in row["说明"]


def test_without_the_crash_the_same_report_passes_with_exit_0(gov_check):
    assert gov_check(EXAMPLES / "clean-2023.json").exit_code == 0


def test_a_batch_of_300_reports_with_a_crashing_plugin_rule_says_incomplete_for_each(tmp_path, gov_check):
    folder = tmp_path / "reports"
    generate(folder, 300, seed=5, defect_rate=0.5)
    start = time.perf_counter()
    result = gov_check(folder, "--plugin", _plugin(tmp_path), "-j", "2", "--summary-csv", tmp_path / "s.csv",
                       "--summary-only")
    seconds = time.perf_counter() - start
    assert result.exit_code == 2
    rows = list(csv.DictReader(io.StringIO((tmp_path / "s.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == 300 and {r["结论"] for r in rows} == {"检查不完整"}  # never 未通过, though half have defects
    assert "300 份报告：0 份未通过、0 份通过、300 份检查不完整、0 份无法检查" in result.stdout
    assert seconds < 120
