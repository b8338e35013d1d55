"""Every format from the same results through the CLI; files written atomically as UTF-8."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET

import pytest

from checker.messages import without_place
from checker.output import write_atomic
from tests.conftest import EXAMPLES

FORMATS = ("text", "json", "html", "markdown", "sarif", "junit")


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_to_a_file_as_utf8(gov_check, tmp_path, fmt):
    out = tmp_path / f"中文 结果.{fmt}"
    result = gov_check(EXAMPLES / "yangquan-2023.json", "--format", fmt, "-o", out)
    assert result.exit_code == 0 and result.output == ""
    text = out.read_bytes().decode("utf-8")
    assert "科研机构" in text
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left behind


def test_every_format_reports_the_same_findings(gov_check, tmp_path):
    def run(fmt: str) -> str:
        return gov_check(EXAMPLES / "yangquan-2023.json", "--format", fmt).output

    findings = json.loads(run("json"))["reports"][0]["findings"]
    sarif = [r for r in json.loads(run("sarif"))["runs"][0]["results"] if r["kind"] == "fail"]
    assert [(f["code"], f["pointers"][0], f["message"]) for f in findings] == sorted(
        [(r["ruleId"], r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], r["message"]["text"])
         for r in sarif], key=lambda t: [f["pointers"][0] for f in findings].index(t[1]))
    junit = ET.fromstring(run("junit"))
    failures = "\n".join(f.text for f in junit.iter("failure"))
    html, md, text = run("html"), run("markdown"), run("text")
    for f in findings:
        assert f["message"] in failures
        assert without_place(f["message"], f["place"]) in md and f["place"] in md  # the place in its own column
        assert re.sub(r"\s+", "", f["message"]) in re.sub(r"\s+", "", text)
        assert f["code"] in html


def test_the_format_help_lists_every_format(gov_check):
    help_text = gov_check("check", "--help").output
    for fmt in FORMATS:
        assert fmt in help_text


def test_unknown_format_is_exit_2(gov_check):
    result = gov_check(EXAMPLES / "yangquan-2023.json", "--format", "pdf")
    assert result.exit_code == 2 and "sarif" in result.stderr


def test_output_replaces_an_existing_file_only_when_complete(tmp_path, monkeypatch):
    target = tmp_path / "review.html"
    target.write_text("the old review", encoding="utf-8")
    os.chmod(target, 0o600)

    def broken_fsync(fd):  # the disk fails after the new content was written, before it is in place
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        write_atomic(target, "新的审阅页面" * 1000)
    assert target.read_text(encoding="utf-8") == "the old review"
    assert [p.name for p in tmp_path.iterdir()] == ["review.html"]
    monkeypatch.undo()
    write_atomic(target, "新的审阅页面")
    assert target.read_bytes() == "新的审阅页面".encode("utf-8")
    assert target.stat().st_mode & 0o777 == 0o600  # the file keeps its permissions


def test_cli_unwritable_output_is_exit_2_and_keeps_nothing(gov_check, tmp_path):
    result = gov_check(EXAMPLES / "yangquan-2023.json", "--format", "html", "-o", tmp_path / "nope" / "r.html")
    assert result.exit_code == 2 and "无法写入" in result.stderr


MALFORMED = [
    {},
    {"tables": {"t3": {"new_received": "x", "granted": {"total": [1]}}, "t4": [], "t2": {"fees": None}}, "sections": "x"},
    {"metadata": {"title": None, "template_version": "2019", "report_year": "abc"}, "sections": [None, {"heading": 3}],
     "tables": {"t2_2019": {}, "t3": {}}},
    {"sections": [{"heading": "一、总体情况", "text": None}], "preface": 5, "signature": {"a": 1}},
]


@pytest.mark.parametrize("doc", MALFORMED, ids=range(len(MALFORMED)))
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_malformed_report_still_renders(fmt, doc):
    from checker.plugins import PluginHost
    from tests.output.support import engine, ctx

    result = engine().check(doc, file="x.json")
    out = PluginHost().formats[fmt].render([result], ctx())
    assert "GC001" in out or fmt == "text" and "格式" in out
