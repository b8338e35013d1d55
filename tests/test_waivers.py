"""Waivers (waived findings stay, marked; stale waivers are GC901) and the baseline (only new
findings, matched by rule, place and values, not by order)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from checker.config import ConfigError
from checker.findings import Finding, ReportResult, Severity
from checker.waivers import Waiver, apply_waivers, load_waivers, stale_waivers
from tests.conftest import EXAMPLES, write_json

TODAY = dt.date.today()


def report_json(result) -> dict:
    return json.loads(result.stdout)["reports"][0]


@pytest.fixture
def two_problems(clean_doc, tmp_path):
    """GC302 (T4 review total) is an error; GC011 (heading) a warning."""
    clean_doc["tables"]["t4"]["review"]["total"] = 3
    clean_doc["sections"][3]["text"] = clean_doc["sections"][3]["text"].replace("行政复议2件", "行政复议3件")  # text agrees
    clean_doc["sections"][4]["heading"] = "存在的主要问题及改进情况"
    return write_json(tmp_path / "r.json", clean_doc)


def waivers_file(tmp_path, text: str):
    path = tmp_path / "waivers.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_waived_finding_stays_marked_and_does_not_fail_the_check(gov_check, two_problems, tmp_path):
    assert gov_check(two_problems).exit_code == 1
    w = waivers_file(tmp_path, '[[waivers]]\nrule = "GC302"\nplace = "/tables/t4/review/*"\n'
                               'reason = "原表如此，已核实"\napproved_by = "王五"\nuntil = 2999-12-31\n')
    result = gov_check(two_problems, "--waivers", w, "--format", "json")
    assert result.exit_code == 0
    report = report_json(result)
    waived = {f["code"]: f["waived"] for f in report["findings"]}
    assert waived == {"GC302": "原表如此，已核实；批准：王五", "GC011": None}
    assert report["summary"]["waived"] == 1 and report["summary"]["error"] == 0
    from jsonschema import Draft202012Validator

    from checker.schema import load_schema

    Draft202012Validator(load_schema("result")).validate(json.loads(result.stdout))
    text = gov_check(two_problems, "--waivers", w, "--verbose")
    assert "已豁免" in text.stdout and "原表如此" in text.stdout


def test_unused_and_expired_waivers_are_gc901(gov_check, two_problems, tmp_path):
    w = waivers_file(tmp_path, '[[waivers]]\nrule = "GC302"\nplace = "/tables/t4/review/total"\nreason = "a"\n'
                               'until = 2020-01-01\n\n'
                               '[[waivers]]\nrule = "GC204"\nplace = "*"\nreason = "b"\n')
    result = gov_check(two_problems, "--waivers", w, "--format", "json")
    report = report_json(result)
    assert result.exit_code == 1  # the expired waiver waives nothing: GC302 still fails the check
    assert [f["waived"] for f in report["findings"] if f["code"] == "GC302"] == [None]
    stale = [f["message"] for f in report["findings"] if f["code"] == "GC901"]
    assert len(stale) == 2
    assert "waivers.toml#1" in stale[0] and "已于 2020-01-01 过期" in stale[0]
    assert "waivers.toml#2" in stale[1] and "没有匹配任何问题" in stale[1]
    assert {"code": "GC901", "outcome": "fail"}.items() <= next(
        o for o in report["outcomes"] if o["code"] == "GC901").items()


def test_waivers_from_the_config_and_scoped_to_a_report(gov_check, two_problems, tmp_path):
    waivers_file(tmp_path, '[[waivers]]\nrule = "GC302"\nplace = "/tables/t4/review/total"\nreason = "x"\n'
                           'report = "other-*.json"\n')
    (tmp_path / "gov-check.toml").write_text('waivers = "waivers.toml"\n', encoding="utf-8")
    report = report_json(gov_check(two_problems, "--format", "json"))
    assert not any(f["waived"] for f in report["findings"]) and "GC901" not in {f["code"] for f in report["findings"]}


def test_waivers_are_judged_once_per_run(gov_check, two_problems, tmp_path):
    """A waiver for every report is used when any report needs it; a stale one is listed once,
    with the first report it applies to — a province's thousands of reports get no flood."""
    clean = EXAMPLES / "clean-2023.json"
    w = waivers_file(tmp_path, '[[waivers]]\nrule = "GC011"\nplace = "*"\nreason = "旧标题"\n\n'
                               '[[waivers]]\nrule = "GC204"\nplace = "*"\nreason = "不再需要"\n\n'
                               '[[waivers]]\nrule = "GC302"\nplace = "*"\nreason = "只给 r.json"\nreport = "r.json"\n')
    doc = json.loads(gov_check(clean, two_problems, "--waivers", w, "--format", "json").stdout)
    first, second = doc["reports"]
    assert [f["message"] for f in first["findings"]] == [
        "豁免 waivers.toml#2（GC204，位置 *）没有匹配任何问题：问题已改正或位置写错，请删除或更正"]
    assert {f["code"]: bool(f["waived"]) for f in second["findings"]} == {"GC011": True, "GC302": True}


@pytest.mark.parametrize("text, what", [
    ('[[waivers]]\nrule = "GC302"\nplace = "/x"\n', "waivers[1].reason: 缺少"),
    ('[[waivers]]\nrule = "GC302"\nplace = "/x"\nreason = "  "\n', "waivers[1].reason: 应为非空文本"),
    ('[[waivers]]\nrule = "GC302"\nplace = "tables/t4"\nreason = "r"\n', "不是 JSON Pointer"),
    ('[[waivers]]\nrule = "GC302"\nplace = "/x"\nreason = "r"\nuntil = "soon"\n', "until: 应为日期"),
    ('[[waivers]]\nrule = "GC302"\nplace = "/x"\nreason = "r"\napprover = "x"\n', "未知的键「approver」"),
    ('[[waiver]]\nrule = "GC302"\n', "未知的键「waiver」"),
])
def test_invalid_waivers_file_is_exit_2_naming_the_entry(gov_check, two_problems, tmp_path, text, what):
    w = waivers_file(tmp_path, text)
    result = gov_check(two_problems, "--waivers", w)
    assert result.exit_code == 2 and what in result.stderr and str(w) in result.stderr, result.stderr


def test_waiver_matching_by_pointer_glob_and_rule():
    f = Finding("GC202", Severity.ERROR, "m", ("/tables/t3/research/total", "/tables/t3/research/granted"))
    exact = Waiver("GC202", "/tables/t3/research/granted", "r")  # any of the finding's pointers
    glob = Waiver("GC202", "/tables/t3/*/total", "r")
    other_rule = Waiver("GC203", "*", "r")
    assert exact.matches(f) and glob.matches(f) and not other_rule.matches(f)
    assert not Waiver("GC202", "/tables/t3/research", "r").matches(f)  # a pointer is exact, not a prefix
    (out,) = apply_waivers([f], [other_rule, glob], "r.json", TODAY)
    assert out.waived == "r"
    result = ReportResult("r.json", {}, [out], [])
    assert [(r.file, s.message) for r, s in stale_waivers([other_rule, glob], [result], TODAY)] == [("r.json", "unused")]
    assert Waiver("GC202", "*", "r", until=TODAY).expired(TODAY) is False  # valid through its last day


def test_until_as_text_date_is_accepted(tmp_path):
    (w,) = load_waivers(waivers_file(tmp_path, '[[waivers]]\nrule = "gc302"\nplace = "*"\nreason = "r"\n'
                                               'until = "2030-01-31"\n'))
    assert w.until == dt.date(2030, 1, 31) and w.rule == "GC302"
    with pytest.raises(ConfigError, match="文件不存在"):
        load_waivers(tmp_path / "missing.toml")


# -- baseline ----------------------------------------------------------------------------------

def test_baseline_shows_only_new_findings(gov_check, two_problems, tmp_path, clean_doc):
    base = tmp_path / "baseline.json"
    first = gov_check(two_problems, "--write-baseline", base, "--format", "json")
    assert first.exit_code == 1 and "已把 2 项问题写入基线" in first.stderr
    recorded = json.loads(base.read_text(encoding="utf-8"))
    assert {e["report"] for e in recorded["findings"]} == {"r.json"}  # relative to the baseline's folder
    again = gov_check(two_problems, "--baseline", base, "--format", "json")
    assert again.exit_code == 0 and report_json(again)["findings"] == [] and "2 项问题未显示" in again.stderr
    # a new problem shows; the known ones stay hidden although the list order changed
    doc = json.loads(two_problems.read_text(encoding="utf-8"))
    doc["tables"]["t4"]["litigation_direct"]["total"] = 5
    doc["sections"] = list(reversed(doc["sections"]))
    write_json(two_problems, doc)
    new = report_json(gov_check(two_problems, "--baseline", base, "--select", "GC302", "--format", "json"))
    assert [f["pointers"][0] for f in new["findings"]] == ["/tables/t4/litigation_direct/total"]


def test_baseline_matches_values_not_just_the_place(gov_check, two_problems, tmp_path):
    base = tmp_path / "baseline.json"
    gov_check(two_problems, "--write-baseline", base, "--select", "GC302")
    doc = json.loads(two_problems.read_text(encoding="utf-8"))
    doc["tables"]["t4"]["review"]["total"] = 4  # same rule, same place, a different number: new
    write_json(two_problems, doc)
    result = gov_check(two_problems, "--baseline", base, "--select", "GC302", "--format", "json")
    assert result.exit_code == 1 and len(report_json(result)["findings"]) == 1


def test_bad_baseline_is_exit_2(gov_check, two_problems, tmp_path):
    assert "基线文件不存在" in gov_check(two_problems, "--baseline", tmp_path / "none.json").stderr
    (tmp_path / "b.json").write_text('{"x": 1}', encoding="utf-8")
    result = gov_check(two_problems, "--baseline", tmp_path / "b.json")
    assert result.exit_code == 2 and "不是 gov-check 基线文件" in result.stderr
