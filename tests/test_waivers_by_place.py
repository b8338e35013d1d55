"""Waivers and baselines by what a reader sees: organ + year + rule + place label, as well as by
pointer; a renamed file keeps its baseline; unused baseline entries are reported; `gov-check waive`
appends a waiver from a finding; -v prints the ready-to-paste command for each finding."""

from __future__ import annotations

import json
import shlex

import pytest

from tests.conftest import EXAMPLES, write_json


@pytest.fixture
def draft(clean_doc, tmp_path):
    """示例县人民政府 2023: GC302 at 表四 · 行政复议 · 总计 (error), GC011 at a heading (warning)."""
    clean_doc["tables"]["t4"]["review"]["total"] = 3
    clean_doc["sections"][3]["text"] = clean_doc["sections"][3]["text"].replace("行政复议2件", "行政复议3件")
    clean_doc["sections"][4]["heading"] = "存在的主要问题及改进情况"
    return write_json(tmp_path / "初稿.json", clean_doc)


def codes(result, waived: bool | None = None) -> list[str]:
    found = json.loads(result.stdout)["reports"][0]["findings"]
    return sorted(f["code"] for f in found if waived is None or bool(f["waived"]) == waived)


def test_a_waiver_by_organ_year_and_the_place_a_reader_sees(gov_check, draft, tmp_path):
    w = tmp_path / "w.toml"
    w.write_text('[[waivers]]\nrule = "GC302"\nplace = "表四 · 行政复议 · 总计"\norgan = "示例县人民政府"\nyear = 2023\n'
                 'reason = "原表如此，已核实"\n', encoding="utf-8")
    result = gov_check(draft, "--waivers", w, "--format", "json", "--select", "GC302,GC901")
    assert result.exit_code == 0 and codes(result, waived=True) == ["GC302"] and codes(result) == ["GC302"]
    # spacing and dots as typed by hand still match; a glob over labels works
    w.write_text('[[waivers]]\nrule = "GC302"\nplace = "表四・行政复议*"\nreason = "r"\n', encoding="utf-8")
    assert codes(gov_check(draft, "--waivers", w, "--format", "json", "--select", "GC302"), waived=True) == ["GC302"]
    # another year's waiver does not apply to this report (and is not judged stale on it)
    w.write_text('[[waivers]]\nrule = "GC302"\nplace = "表四 · 行政复议 · 总计"\nyear = 2022\nreason = "r"\n',
                 encoding="utf-8")
    result = gov_check(draft, "--waivers", w, "--format", "json", "--select", "GC302,GC901")
    assert result.exit_code == 1 and codes(result, waived=False) == ["GC302"]
    # a pointer still works, and a pointer without its slash is still refused
    w.write_text('[[waivers]]\nrule = "GC302"\nplace = "tables/t4/review/total"\nreason = "r"\n', encoding="utf-8")
    refused = gov_check(draft, "--waivers", w)
    assert refused.exit_code == 2 and "不是 JSON Pointer" in refused.stderr


def test_a_renamed_file_keeps_its_baseline_and_unused_entries_are_reported(gov_check, draft, tmp_path):
    baseline = tmp_path / "baseline.json"
    assert gov_check(draft, "--write-baseline", baseline).exit_code == 1
    final = draft.rename(tmp_path / "定稿.json")
    kept = gov_check(final, "--baseline", baseline, "--format", "json")
    assert kept.exit_code == 0 and codes(kept) == [], kept.stdout
    assert "已不再出现" not in kept.stderr
    # the heading is fixed in the final version: its baseline entry is said to be unused
    doc = json.loads(final.read_text(encoding="utf-8"))
    doc["sections"][4]["heading"] = json.loads((EXAMPLES / "clean-2023.json").read_text(encoding="utf-8"))["sections"][4]["heading"]
    write_json(final, doc)
    fixed = gov_check(final, "--baseline", baseline, "--format", "json")
    assert fixed.exit_code == 0 and "1 项记录在本次检查的报告中已不再出现" in fixed.stderr
    assert "示例县人民政府2023年度 GC011" in fixed.stderr
    # another organ's report with the same problem is not hidden by this baseline
    doc["metadata"]["organ_name"] = "示例市人民政府"
    doc["sections"][4]["heading"] = "存在的主要问题及改进情况"
    other = write_json(tmp_path / "other.json", doc)
    assert "GC011" in codes(gov_check(other, "--baseline", baseline, "--format", "json"))


def test_waive_appends_a_waiver_that_then_holds(gov_check, draft, tmp_path):
    w = tmp_path / "waivers.toml"
    w.write_text('# 市政务公开办审核\n', encoding="utf-8")
    made = gov_check("waive", draft, "GC302", "--reason", "原表如此", "--until", "2999-12-31", "--approved-by", "王五",
                     "--waivers", w)
    assert made.exit_code == 0, made.output
    text = w.read_text(encoding="utf-8")
    assert text.startswith("# 市政务公开办审核\n") and 'place = "表四 · 行政复议 · 总计"' in text
    assert 'organ = "示例县人民政府"' in text and "year = 2023" in text and "until = 2999-12-31" in text
    renamed = draft.rename(tmp_path / "定稿.json")
    result = gov_check(renamed, "--waivers", w, "--format", "json", "--select", "GC302,GC901")
    assert result.exit_code == 0 and codes(result, waived=True) == ["GC302"]


def test_waive_refuses_what_it_cannot_tie_to_one_place(gov_check, draft, tmp_path):
    w = tmp_path / "waivers.toml"
    none = gov_check("waive", draft, "GC204", "--reason", "r", "--waivers", w)
    assert none.exit_code == 2 and "没有的 GC204 问题" in none.stderr and not w.exists()
    wrong = gov_check("waive", draft, "GC302", "--place", "表三 · 自然人 · （七）总计", "--reason", "r", "--waivers", w)
    assert wrong.exit_code == 2 and "GC302 的问题在：表四 · 行政复议 · 总计" in wrong.stderr
    assert gov_check("waive", draft, "GC302", "--reason", "r", "--until", "明年", "--waivers", w).exit_code == 2


def test_verbose_prints_a_ready_to_paste_waive_command_for_each_finding(gov_check, draft, tmp_path):
    shown = gov_check(draft, "-v", "--select", "GC302,GC011")
    lines = [ln.strip() for ln in shown.output.splitlines() if "gov-check waive" in ln]
    assert len(lines) == 2, shown.output
    command = next(ln for ln in lines if ln.startswith("GC302")).split("：", 1)[1]
    args = shlex.split(command)[1:]
    args[args.index("--reason") + 1], args[args.index("--until") + 1] = "已核实", "2999-12-31"
    w = tmp_path / "pasted.toml"
    assert gov_check(*args, "--waivers", w).exit_code == 0
    assert gov_check(draft, "--waivers", w, "--select", "GC302").exit_code == 0
