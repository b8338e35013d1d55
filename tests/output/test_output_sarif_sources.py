"""SARIF as code-scanning tools read it, for every input format: the place in the file as a real
region (the line of a text or HTML report), the page / paragraph / table cell of a PDF or Word report
as a logical location and a property, and artifact URIs relative to --sarif-root."""

from __future__ import annotations

import json
import os

import jsonschema
import pytest

from tests.conftest import EXAMPLES, ROOT
from tests.loaders import render

SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def sarif(gov_check, *args) -> dict:
    result = gov_check(*args, "--format", "sarif", "--no-config")
    assert result.exit_code in (0, 1), result.output
    doc = json.loads(result.stdout)
    cls = jsonschema.validators.validator_for(SCHEMA)
    cls(SCHEMA, format_checker=cls.FORMAT_CHECKER).validate(doc)
    return doc


def broken_doc() -> dict:
    doc = json.loads((EXAMPLES / "clean-2023.json").read_text(encoding="utf-8"))
    doc["tables"]["t3"]["carried_forward"]["total"] = 5  # breaks 一 + 二 = 三（七）+ 四 (GC204)
    return doc


def fails(doc: dict) -> list[dict]:
    return [r for r in doc["runs"][0]["results"] if r["kind"] == "fail"]


def test_text_report_lines_are_regions(gov_check, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    doc = sarif(gov_check, "examples/yangquan-2023.txt")
    run = doc["runs"][0]
    assert run["artifacts"][0]["location"] == {"uri": "examples/yangquan-2023.txt", "uriBaseId": "SRCROOT"}
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == ROOT.as_uri() + "/"
    lines = (EXAMPLES / "yangquan-2023.txt").read_text(encoding="utf-8").splitlines()
    located = [r for r in fails(doc) if "region" in r["locations"][0]["physicalLocation"]]
    assert len(located) >= 3
    for r in located:
        region = r["locations"][0]["physicalLocation"]["region"]
        assert 1 <= region["startLine"] <= len(lines)
    heading = next(r for r in located if r["ruleId"] == "GC011")  # the heading is on the line SARIF names
    line = lines[heading["locations"][0]["physicalLocation"]["region"]["startLine"] - 1]
    assert "收到和处理政府信息公开申请" in line


def test_sarif_root_makes_uris_relative_to_it(gov_check, tmp_path, monkeypatch):
    reports = tmp_path / "省" / "2023"
    reports.mkdir(parents=True)
    path = reports / "报告 1.json"
    path.write_text(json.dumps(broken_doc(), ensure_ascii=False), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    doc = sarif(gov_check, path)  # an absolute path under the current folder
    assert doc["runs"][0]["artifacts"][0]["location"]["uri"] == "%E7%9C%81/2023/%E6%8A%A5%E5%91%8A%201.json"
    doc = sarif(gov_check, path, "--sarif-root", tmp_path / "省")
    location = doc["runs"][0]["artifacts"][0]["location"]
    assert location == {"uri": "2023/%E6%8A%A5%E5%91%8A%201.json", "uriBaseId": "SRCROOT"}
    assert doc["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"] == (tmp_path / "省").as_uri() + "/"
    # a report outside the root cannot be named relative to it: an absolute file URI, said as such
    doc = sarif(gov_check, path, "--sarif-root", tmp_path / "别处")
    assert doc["runs"][0]["artifacts"][0]["location"] == {"uri": path.as_uri()}
    assert not any("file://" in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                   for r in fails(sarif(gov_check, path)))


def test_word_report_cells_are_logical_locations(gov_check, tmp_path, monkeypatch):
    path = render.to_docx(render.layout(broken_doc()), tmp_path / "report.docx")
    monkeypatch.chdir(tmp_path)
    doc = sarif(gov_check, "report.docx")
    gc204 = next(r for r in fails(doc) if r["ruleId"] == "GC204")
    (loc,) = gc204["locations"]
    assert loc["physicalLocation"]["artifactLocation"]["uri"] == "report.docx"
    assert "region" not in loc["physicalLocation"]  # a Word file has no lines
    pointer, where = loc["logicalLocations"]
    assert pointer["fullyQualifiedName"].startswith("/tables/t3/")
    assert where["kind"] == "element" and where["name"].startswith("第") and "个表格" in where["name"]
    assert set(loc["properties"]["source"]) >= {"table", "row", "col"}
    assert path.exists()


def test_pdf_report_pages(gov_check, tmp_path, monkeypatch):
    pytest.importorskip("pdfplumber", reason="PDF reading is the optional [pdf] extra")
    pytest.importorskip("reportlab", reason="the test prints its PDF with reportlab")
    render.to_pdf(render.layout(broken_doc()), tmp_path / "report.pdf")
    monkeypatch.chdir(tmp_path)
    doc = sarif(gov_check, "report.pdf")
    paged = [loc for r in fails(doc) for loc in [*r["locations"], *r.get("relatedLocations", [])]
             if "page" in loc.get("properties", {})]
    assert paged, "no finding names its page"
    for loc in paged:
        assert isinstance(loc["properties"]["page"], int) and loc["properties"]["page"] >= 1
        assert loc["logicalLocations"][1]["name"].startswith(f"第{loc['properties']['page']}页")


def test_html_report_lines(gov_check, tmp_path, monkeypatch):
    render.to_html(render.layout(broken_doc()), tmp_path / "report.html")
    monkeypatch.chdir(tmp_path)
    doc = sarif(gov_check, "report.html")
    assert doc["runs"][0]["artifacts"][0]["location"]["uri"] == "report.html"
    regions = [r["locations"][0]["physicalLocation"].get("region") for r in doc["runs"][0]["results"]]
    logical = [r["locations"][0]["logicalLocations"] for r in doc["runs"][0]["results"]]
    assert any(regions) or any(len(x) > 1 for x in logical)
    assert os.path.sep not in doc["runs"][0]["artifacts"][0]["location"]["uri"].replace("/", "")
