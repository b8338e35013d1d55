"""SARIF 2.1.0, validated against the official schema (tests/data/sarif-schema-2.1.0.json, from
https://docs.oasis-open.org/sarif/sarif/v2.1.0/ via the project's reference copy)."""

from __future__ import annotations

import json

import jsonschema
import pytest

from checker.docs import rule_markdown
from checker.findings import ReportResult
from checker.output import sarif
from tests.conftest import ROOT
from tests.output.support import ctx, rich_result, rules, sample_result

SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def validate(doc: dict) -> None:
    cls = jsonschema.validators.validator_for(SCHEMA)
    cls(SCHEMA, format_checker=cls.FORMAT_CHECKER).validate(doc)


@pytest.fixture(scope="module")
def sample() -> dict:
    return json.loads(sarif.render([sample_result()], ctx()))


@pytest.fixture(scope="module")
def rich() -> dict:
    return json.loads(sarif.render([rich_result()], ctx()))


def test_sample_validates_against_the_official_schema(sample):
    validate(sample)
    assert sample["version"] == "2.1.0"


def test_all_fields_validate(rich):
    validate(rich)
    failed = ReportResult(file="/tmp/坏 报告.json", document=None, findings=[], outcomes=[], load_error="坏了")
    validate(json.loads(sarif.render([failed, rich_result()], ctx())))


def test_the_schema_really_checks():
    with pytest.raises(jsonschema.ValidationError):
        validate({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "gov-check"}}, "results": [
            {"message": {"text": "x"}, "level": "fatal"}]}]})


def test_rules_carry_their_documentation(sample):
    driver = sample["runs"][0]["tool"]["driver"]
    by_id = {r["id"]: r for r in driver["rules"]}
    assert set(by_id) == {"GC001", "GC010", "GC011", "GC201", "GC202", "GC203", "GC204", "GC301", "GC302", "GC900"}
    gc204 = by_id["GC204"]
    assert gc204["name"] == "t3-balance"
    assert gc204["shortDescription"]["text"] == "表三勾稽关系：一 + 二 = 三（七）+ 四 — T3 balance: I + II = III(7) + IV"
    assert gc204["fullDescription"]["text"] == "表三每一列：第一项加第二项之和，等于第三项加第四项之和。"
    assert gc204["help"]["markdown"] == rule_markdown(rules()["GC204"])
    assert gc204["properties"]["docs"] == "docs/rules/GC204.md" and (ROOT / "docs/rules/GC204.md").exists()
    assert "helpUri" not in gc204  # SARIF wants an absolute URI: only when the docs' address is known
    assert gc204["defaultConfiguration"]["level"] == "error"


def test_help_uri_when_the_docs_address_is_known(monkeypatch):
    monkeypatch.setenv("GOV_CHECK_DOCS_URL", "https://docs.example.org/gov-check/rules/")
    doc = json.loads(sarif.render([sample_result()], ctx()))
    validate(doc)
    (gc204,) = [r for r in doc["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "GC204"]
    assert gc204["helpUri"] == "https://docs.example.org/gov-check/rules/GC204.md"


def test_results_level_kind_artifact_and_logical_location(sample):
    run = sample["runs"][0]
    assert run["artifacts"] == [{"location": {"uri": "examples/yangquan-2023.json", "uriBaseId": "SRCROOT"},
                                 "mimeType": "application/json", "properties": {"format": "json"}}]
    fails = [r for r in run["results"] if r["kind"] == "fail"]
    assert len(fails) == 5 and {r["level"] for r in fails} == {"warning"}
    blank = next(r for r in fails if r["ruleId"] == "GC201")
    (loc,) = blank["locations"]
    assert loc["physicalLocation"]["artifactLocation"] == {"uri": "examples/yangquan-2023.json", "index": 0,
                                                          "uriBaseId": "SRCROOT"}
    assert loc["logicalLocations"] == [{"name": "表三 · 科研机构 · （五）4 无正当理由大量反复申请",
                                        "fullyQualifiedName": "/tables/t3/not_processed_excessive/research",
                                        "kind": "value"}]
    assert run["tool"]["driver"]["rules"][blank["ruleIndex"]]["id"] == "GC201"
    # the rules that lacked evidence are "open", neither pass nor fail
    opened = [r for r in run["results"] if r["kind"] == "open"]
    assert {r["ruleId"] for r in opened} == {"GC202", "GC203"} and {r["level"] for r in opened} == {"none"}


def test_source_positions_related_locations_and_suppressions(rich):
    results = rich["runs"][0]["results"]
    assert rich["runs"][0]["artifacts"][0]["location"]["uri"] == "reports/%E6%B8%85%E6%B4%81%202023.json"
    gc204 = next(r for r in results if r["ruleId"] == "GC204")
    assert gc204["level"] == "error"
    assert gc204["locations"][0]["physicalLocation"]["region"] == {"startLine": 120, "startColumn": 5}
    related = gc204["relatedLocations"]
    assert [r["logicalLocations"][0]["fullyQualifiedName"] for r in related] == [
        "/tables/t3/carried_over/total", "/tables/t3/results_total/total", "/tables/t3/carried_forward/total"]
    assert [r["id"] for r in related] == [1, 2, 3]
    # a page of a PDF is no region of the file: a logical location a reader follows, and the page a property
    assert related[2]["properties"] == {"source": {"page": 4, "table": 2, "row": 25, "col": 8}, "page": 4}
    assert "region" not in related[2]["physicalLocation"]
    assert related[2]["logicalLocations"][1] == {"name": "第4页第2个表格第25行第8列", "kind": "element",
                                                 "fullyQualifiedName": "page[4]/table[2]/row[25]/col[8]"}
    assert gc204["properties"]["expected"] == 38 and gc204["properties"]["actual"] == 39
    quoted = next(r for r in results if r["ruleId"] == "GC998")
    assert quoted["locations"][0]["properties"] == {"source": {"paragraph": 31}}
    assert quoted["properties"]["quote"] == "全市共收到政府信息公开申请84件"
    waived = next(r for r in results if r["ruleId"] == "GC201")
    assert waived["suppressions"] == [{"kind": "external", "status": "accepted", "justification": "市局已核实：该格确为空白"}]
    assert "suppressions" not in gc204
    assert len({r["partialFingerprints"]["govCheckFinding/v1"] for r in results if r["kind"] == "fail"}) == \
        len([r for r in results if r["kind"] == "fail"])


def test_an_unreadable_report_is_a_notification():
    failed = ReportResult(file="/tmp/坏 报告.json", document=None, findings=[], outcomes=[], load_error="坏了")
    run = json.loads(sarif.render([failed], ctx()))["runs"][0]
    assert run["invocations"][0]["executionSuccessful"] is False
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["message"]["text"] == "坏了"
    assert run["artifacts"][0]["location"]["uri"] == "file:///tmp/%E5%9D%8F%20%E6%8A%A5%E5%91%8A.json"
