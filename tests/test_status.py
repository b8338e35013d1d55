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


def test_a_file_that_is_not_a_report_is_a_status_line_not_a_report_with_findings(tmp_path, gov_check):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "通知.txt").write_text("会议通知：请各单位于周五下午三点参会。\n", encoding="utf-8")
    (folder / "config.json").write_text('{"name": "x", "items": [1, 2]}', encoding="utf-8")
    (folder / "clean.json").write_text((EXAMPLES / "clean-2023.json").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "~$clean.docx").write_bytes(b"\x00lock")
    (folder / "draft.docx.tmp").write_bytes(b"x")  # not a report suffix: never looked at
    result = gov_check(folder, "--summary-csv", tmp_path / "s.csv", "--summary-only")
    assert result.exit_code == 2  # two files were not checked
    assert "跳过 1 个 Word 锁定文件或临时文件" in result.stderr
    rows = {r["文件"].rsplit("/", 1)[-1]: r for r in
            csv.DictReader(io.StringIO((tmp_path / "s.csv").read_text(encoding="utf-8-sig")))}
    assert sorted(rows) == ["clean.json", "config.json", "通知.txt"]
    assert rows["通知.txt"]["结论"] == rows["config.json"]["结论"] == "不是年度报告"
    assert rows["通知.txt"]["错误"] == "0" and "不像一份政府信息公开工作年度报告" in rows["通知.txt"]["说明"]
    assert rows["clean.json"]["结论"] == "通过"
    assert "2 个文件不是年度报告" in result.stdout


def test_hierarchy_order_region_and_parent_and_reports_without_last_years(tmp_path, gov_check):
    now, before = tmp_path / "2023", tmp_path / "2022"
    generate(now, 6, seed=3, defect_rate=0, year=2023)
    generate(before, 4, seed=3, defect_rate=0, year=2022)
    organs = {p.name: json.loads(p.read_text(encoding="utf-8"))["metadata"]["organ_name"] for p in sorted(now.glob("[0-9]*.json"))}
    summary, *units = organs["00002.json"], organs["00001.json"], organs["00003.json"]
    (tmp_path / "h.toml").write_text(f'[[region]]\nname = "示例区域"\nsummary = "{summary}"\n'
                                     f'units = ["{units[0]}", "{units[1]}"]\n', encoding="utf-8")
    result = gov_check(now, "--previous-dir", before, "--hierarchy", tmp_path / "h.toml", "-o", tmp_path / "l.xlsx")
    assert "2 份报告在 --previous-dir 中没有找到上一年度报告" in result.stderr
    assert organs["00004.json"] in result.stderr and organs["00005.json"] in result.stderr
    rows = list(openpyxl.load_workbook(tmp_path / "l.xlsx")["汇总"].iter_rows(min_row=2, values_only=True))
    assert [r[:3] for r in rows[:3]] == [("示例区域", None, summary), ("示例区域", summary, units[0]),
                                         ("示例区域", summary, units[1])]  # the hierarchy file's order first
    rest = [(r[0], r[2]) for r in rows[3:]]
    assert rest == sorted(rest)  # then region and organ
