"""The command line as a user meets it: findings, exit codes, one-line errors, JSON output."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema

from checker.plugins import PluginHost
from checker.schema import load_schema
from tests.conftest import EXAMPLES, write_json


def test_sample_findings_name_the_blank_cell_and_the_unnumbered_headings(gov_check):
    result = gov_check(EXAMPLES / "yangquan-2023.json")
    out = result.output
    assert result.exit_code == 0  # only warnings: the default fail level is error
    assert "表三 · 科研机构 · （五）4 无正当理由大量反复申请：空白" in out
    for heading in ("政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"):
        assert f"「{heading}」部分：标题缺少序号" in out
    assert "数据不足" in out  # the blank cell stops GC202/GC203 instead of being read as 0


def test_clean_example_passes_every_rule(gov_check):
    result = gov_check(EXAMPLES / "clean-2023.json", "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)["reports"][0]
    assert report["findings"] == []
    # Rules that need more than the report (last year's report, a hierarchy of reports) cannot run alone.
    needs_more = {"GC701", "GC702", "GC703", "GC704", "GC801"}
    assert {o["outcome"] for o in report["outcomes"] if o["code"] not in needs_more} == {"pass"}
    assert {o["outcome"] for o in report["outcomes"] if o["code"] in needs_more} == {"not_applicable"}


def test_clean_example_passes_every_rule_with_last_years_report(gov_check, clean_doc, tmp_path):
    previous = json.loads(json.dumps(clean_doc))
    previous["metadata"].update(report_year=2022, signing_date="2023-01-18",
                                title="示例县人民政府2022年政府信息公开工作年度报告")
    t2, t3, t4 = previous["tables"]["t2"], previous["tables"]["t3"], previous["tables"]["t4"]
    t2["normative_documents"]["in_force"] = 37  # 37 + 5 − 2 = 40 this year
    t2["licensing"]["decisions"] = 1150
    t3["carried_forward"]["natural_person"] = t3["carried_forward"]["total"] = 2  # this year's 二
    t3["new_received"]["natural_person"] = 27
    t3["new_received"]["total"] = 33
    t4["review"]["upheld"], t4["review"]["total"] = 0, 1
    last_year = ["2022年，本县围绕优化营商环境推进政务公开，集中公开涉企政策清单并开展解读。",
                 "", "", "", "上一年度主要问题是政策解读形式单一，计划通过图解、问答等方式改进，并加强基层培训。",
                 "本年度未收取信息处理费；按要求落实2022年政务公开工作要点。"]
    for section, text in zip(previous["sections"], last_year):
        section["text"] = text
    path = write_json(tmp_path / "clean.json", clean_doc)
    prev = write_json(tmp_path / "previous.json", previous)
    result = gov_check(path, "--previous", prev, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)["reports"][0]
    assert report["findings"] == []
    # with last year's report, only the roll-up rule (it needs a region's units) does not apply
    assert {o["outcome"] for o in report["outcomes"] if o["code"] != "GC801"} == {"pass"}


def test_one_changed_number_breaks_the_right_identity_with_both_sides(gov_check, clean_doc, tmp_path):
    clean_doc["tables"]["t3"]["carried_forward"]["total"] = 2
    path = write_json(tmp_path / "r.json", clean_doc)
    result = gov_check(path, "--format", "json", "--select", "GC204")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    jsonschema.Draft202012Validator(load_schema("result")).validate(doc)
    (finding,) = doc["reports"][0]["findings"]
    assert finding["code"] == "GC204"
    assert finding["place"] == "表三 · 总计 · 一、本年新收申请"
    assert finding["message"] == "表三 · 总计：一 + 二 = 36 + 2 = 38，三（七）+ 四 = 37 + 2 = 39，相差 1"
    assert (finding["expected"], finding["actual"], finding["difference"]) == (38, 39, 1)


def test_json_output_of_the_sample_validates(gov_check):
    result = gov_check(EXAMPLES / "yangquan-2023.json", EXAMPLES / "clean-2023.json", "--format", "json")
    doc = json.loads(result.stdout)
    jsonschema.Draft202012Validator(load_schema("result")).validate(doc)
    assert doc["summary"]["reports"] == 2


def test_english_on_request(gov_check, clean_doc, tmp_path):
    clean_doc["tables"]["t4"]["review"]["total"] = 3
    result = gov_check(write_json(tmp_path / "r.json", clean_doc), "--lang", "en")
    assert "Table 4 · Administrative reconsideration: total is 3" in result.output
    assert result.exit_code == 1


def test_truncated_json_is_exit_2_with_line_and_column(gov_check, tmp_path):
    text = (EXAMPLES / "clean-2023.json").read_text(encoding="utf-8")
    path = tmp_path / "cut.json"
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    result = gov_check(path)
    assert result.exit_code == 2
    lines = [l for l in result.stderr.splitlines() if l.strip()]
    assert len(lines) == 1 and str(path) in lines[0] and "JSON 格式错误" in lines[0]
    assert lines[0].split(str(path))[1].split(":")[1].isdigit()  # :LINE:COL
    assert "Traceback" not in result.output


def test_missing_file_is_exit_2_and_one_line(gov_check, tmp_path):
    result = gov_check(tmp_path / "nope.json")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"gov-check: {tmp_path / 'nope.json'}: 文件不存在"


def test_json_that_is_not_an_object(gov_check, tmp_path):
    path = tmp_path / "a.json"
    path.write_text("[1, 2]", encoding="utf-8")
    result = gov_check(path)
    assert result.exit_code == 2 and "实为数组" in result.stderr


def test_select_ignore_and_fail_on(gov_check):
    sample = EXAMPLES / "yangquan-2023.json"
    assert gov_check(sample, "--fail-on", "warning").exit_code == 1
    assert gov_check(sample, "--fail-on", "warning", "--ignore", "GC011,GC201,GC506").exit_code == 0
    only = gov_check(sample, "--select", "GC2", "--format", "json")
    codes = {o["code"] for o in json.loads(only.stdout)["reports"][0]["outcomes"]}
    assert codes and all(c.startswith("GC2") for c in codes)
    assert gov_check(sample, "--select", "t3-balance", "--format", "json").exit_code == 0


def test_bad_option_is_exit_2(gov_check):
    assert gov_check(EXAMPLES / "clean-2023.json", "--fail-on", "sometimes").exit_code == 2
    assert gov_check(EXAMPLES / "clean-2023.json", "--select", "GC999").exit_code == 2


def test_output_file_written(gov_check, tmp_path):
    out = tmp_path / "result.json"
    gov_check(EXAMPLES / "yangquan-2023.json", "--format", "json", "-o", out)
    assert json.loads(out.read_text(encoding="utf-8"))["reports"][0]["file"].endswith("yangquan-2023.json")


def test_rules_explain_schema(gov_check):
    listing = gov_check("rules").output
    assert "GC204" in listing and "t3-balance" in listing
    explained = gov_check("explain", "GC204", "--markdown").output
    for part in ("## 检查什么", "## 为什么", "## 依据", "## 错误示例", "## 正确示例"):
        assert part in explained
    assert gov_check("explain", "t3-balance", "--markdown").output == explained
    assert gov_check("explain", "GC999").exit_code == 2
    assert json.loads(gov_check("schema").output)["title"] == "政府信息公开工作年度报告"
    assert json.loads(gov_check("schema", "result").output)["title"] == "gov-check 检查结果"


def test_python_dash_m_works_like_gov_check():
    proc = subprocess.run([sys.executable, "-m", "checker", str(EXAMPLES / "yangquan-2023.json")],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 0 and "GC201" in proc.stdout
    assert subprocess.run([sys.executable, "-m", "checker", "check", "/nonexistent.json"],
                          capture_output=True).returncode == 2
