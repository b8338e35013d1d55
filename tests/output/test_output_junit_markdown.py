"""JUnit XML (validated against tests/data/junit.xsd) and the Markdown summary."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
import xmlschema

from checker.findings import ReportResult
from checker.output import junit, markdown
from tests.conftest import ROOT
from tests.output.support import ctx, rich_result, sample_result

XSD = xmlschema.XMLSchema(str(ROOT / "tests" / "data" / "junit.xsd"))


def cases(xml: str) -> dict[str, ET.Element]:
    return {c.get("name").split()[0]: c for c in ET.fromstring(xml).iter("testcase")}


def test_sample_validates_and_counts_passes_too():
    result = sample_result()
    xml = junit.render([result], ctx())
    XSD.validate(xml)
    root = ET.fromstring(xml)
    outcomes = [o.outcome.value for o in result.outcomes]
    assert {k: root.get(k) for k in ("tests", "failures", "errors", "skipped")} == {
        "tests": str(len(outcomes)), "failures": str(outcomes.count("fail")), "errors": "0",
        "skipped": str(outcomes.count("not_applicable") + outcomes.count("insufficient_data"))}
    assert outcomes.count("fail") >= 2
    by_code = cases(xml)
    assert len(by_code) == len(outcomes)  # one per rule evaluated
    assert list(by_code["GC204"]) == []  # a pass is an empty test case
    (failure,) = by_code["GC011"]
    assert failure.tag == "failure" and failure.get("type") == "warning"
    assert failure.text.count("标题缺少序号") == 3 and "/sections/3" in failure.text
    (skipped,) = by_code["GC202"]
    assert skipped.tag == "skipped" and skipped.get("type") == "insufficient_data"
    assert "（五）4 无正当理由大量反复申请" in skipped.get("message")


def test_crash_is_an_error_waived_findings_do_not_fail():
    failed = ReportResult(file="bad.json", document=None, findings=[], outcomes=[], load_error="bad.json: 文件不存在")
    xml = junit.render([rich_result(), failed], ctx())
    XSD.validate(xml)
    by_code = cases(xml)
    (error,) = by_code["GC302"]
    assert error.tag == "error" and "ZeroDivisionError" in error.text
    (failure,) = by_code["GC204"]
    assert failure.get("type") == "error" and "相差 1" in failure.get("message")
    suites = ET.fromstring(xml).findall("testsuite")
    assert suites[1].get("errors") == "1" and "文件不存在" in suites[1].find("testcase/error").text
    assert ET.fromstring(xml).get("errors") == "2"


def test_the_xsd_really_checks():
    with pytest.raises(xmlschema.XMLSchemaValidationError):
        XSD.validate('<testsuites><testsuite name="x" tests="many" failures="0" errors="0"/></testsuites>')
    with pytest.raises(xmlschema.XMLSchemaValidationError):
        XSD.validate('<testsuites><testsuite name="x" tests="1" failures="0" errors="0"><testcase/></testsuite></testsuites>')


def test_markdown_summary():
    out = markdown.render([sample_result()], ctx(statistics=True))
    lines = out.splitlines()
    assert lines[0] == "## 阳泉市人民政府2023年政府信息公开工作年度报告"
    assert "- 共 0 个错误、5 个警告、0 个提示（10 条规则：6 通过、2 未通过、0 不适用、2 数据不足、0 出错）" in lines
    assert "### 三、收到和处理政府信息公开申请情况" in lines
    row = next(l for l in lines if "`GC201`" in l and l.startswith("| 2 "))
    assert row == ("| 2 | 警告 | `GC201` | 表三 · 科研机构 · （五）4 无正当理由大量反复申请 | "
                   "空白。空白不等于 0，请填写数字（没有发生的填 0） | 国办公开办函〔2021〕30号 表三 | "  # no place repeated
                   "空白处填写数字，没有发生的填 0；件数为非负整数，不要填「/」「—」或文字 |")
    assert "| `GC011` | 部分标题编号与措辞规范 | 4 |" in lines
    assert sum(1 for l in lines if l.startswith("| ") and l[2].isdigit()) == 5


def test_markdown_escapes_report_text_and_keeps_rows_whole():
    out = markdown.render([rich_result()], ctx(verbose=True))
    assert "<script>" not in out and "\\<script\\>" in out
    assert "\\|管道\\|" in out
    for line in out.splitlines():
        if line.startswith("| ") and line[2].isdigit():
            assert line.replace("\\|", "").count("|") == 8, line
    assert "~~" in out and "已豁免：市局已核实：该格确为空白" in out
    assert "引文：「全市共收到政府信息公开申请84件」" in out
