"""Reports as they are published rather than as we render them: Markdown as converters write it
(no outer pipes, a trailing empty cell, short headers, labels split from their numbers, T4 as one
row of 15), text with a title over two lines and a wrapped preface, web pages inside a portal's
site chrome, empty cells that are layout.  Every cell read back; nothing wrong, nothing silently lost."""

from __future__ import annotations

import json

import pytest

from checker.loaders import LoadError, LoadOptions, load
from checker.loaders.layout import Cell, Para, Row, assemble, heading_number
from checker.loaders.spare_cells import fit
from tests.loaders.render import Style
from tests.loaders.render_published import Markdown, portal_page, to_markdown, wrapped_text
from tests.loaders.test_loader_formats import LOADERS, documents, expected_document

MARKDOWN = {
    "pipes": Markdown(split_title=False),
    "no-lead": Markdown(edges="no_lead"),
    "no-trail": Markdown(edges="no_trail", short_header=True),
    "no-outer": Markdown(edges="none"),
    "trailing-empty": Markdown(trailing_empty=True),
    "split-labels": Markdown(split_labels=True),
    "split-labels-no-trail": Markdown(split_labels=True, edges="no_trail", short_header=True),
    "t4-short-header": Markdown(t4_short_header=True, edges="no_lead"),
}


def _same_report(loaded, doc, fmt="text", style=Style(title_lines=1), **metadata):
    expected = expected_document(doc, fmt, style)
    assert loaded.document["tables"] == expected["tables"]
    assert loaded.document["metadata"] == {**expected["metadata"], **metadata}
    assert [s["heading"] for s in loaded.document["sections"]] == [s["heading"] for s in expected["sections"]]
    assert loaded.document["signature"] == expected["signature"]


@pytest.mark.parametrize("variant", sorted(MARKDOWN))
@pytest.mark.parametrize("name", ["yangquan", "clean", "clean-2019"])
def test_markdown_as_converters_write_it_reads_back_cell_for_cell(name, variant, tmp_path):
    doc = documents()[name]
    path = to_markdown(doc, tmp_path / "report.md", MARKDOWN[variant])
    loaded = load(path, LOADERS, LoadOptions())
    assert loaded.format == "text"
    assert loaded.findings == []
    _same_report(loaded, doc)
    assert loaded.document["sections"] == expected_document(doc, "text", Style())["sections"]


@pytest.mark.parametrize("name", ["yangquan", "clean", "clean-2019"])
def test_text_with_split_title_and_wrapped_preface(name, tmp_path):
    doc = documents()[name]
    doc["preface"] = ("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、"
                      "行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。")
    path = wrapped_text(doc, tmp_path / "report.txt", width=doc["preface"].index("处理"))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert any(line.startswith("处理政府信息公开申请情况") for line in lines)  # the wrap this test is about
    loaded = load(path, LOADERS, LoadOptions())
    assert loaded.findings == []
    _same_report(loaded, doc)
    assert loaded.document["preface"].replace("\n", "") == doc["preface"]
    assert len(loaded.document["sections"]) == 6


@pytest.mark.parametrize("name", ["yangquan", "clean", "clean-2019"])
def test_portal_page_with_site_chrome_reads_as_the_article(name, tmp_path):
    doc = documents()[name]
    path = portal_page(doc, tmp_path / "page.html")
    loaded = load(path, LOADERS, LoadOptions())
    assert loaded.format == "html"
    assert loaded.findings == []
    # the portal's 「来源：… 时间：2024-01-20 09:28」 line is the page's date, not text of the report
    _same_report(loaded, doc, "html", Style(), publication_date="2024-01-20")
    assert loaded.source_map["/metadata/publication_date"]["source"] == "page:时间"
    assert loaded.source_map["/metadata/title"]["source"] == "title"  # the page's own title line, not <meta>
    assert loaded.document["sections"] == expected_document(doc, "html", Style())["sections"]
    assert loaded.document.get("preface") == doc.get("preface")


def test_layout_empty_cells_are_dropped_only_when_unambiguous():
    c = lambda *texts: [Cell(t, {}) for t in texts]  # noqa: E731
    assert [x.text for x in fit(c("", "1", "2"), 2)] == ["1", "2"]  # the second half of a merged label
    assert [x.text for x in fit(c("1", "", "2", ""), 3)] == ["1", "", "2"]  # a trailing empty cell; the blank kept
    assert fit(c("", "1", ""), 2) is None  # which end is the blank? not guessed
    assert fit(c("1", "2", "3"), 2) is None  # a surplus cell with a value
    # two empty cells after a label merged over three columns, one value missing: which empty cell
    # is the blank? Dropping one would move every number a column to the right.
    assert fit(c("", "", "30", "0"), 3) is None
    assert [x.text for x in fit(c("", "", "30", "0", "1"), 3)] == ["30", "0", "1"]
    assert [x.text for x in fit(c("5", "", "", ""), 3, wider_grid=True)] == ["5", "", ""]  # T2's shared grid
    assert fit(c("1"), 2) is None


def _rows(*rows):
    return [Row(tuple(Cell(t, {"line": i}) for t in r), {"line": i}) if isinstance(r, tuple) else Para(r, {"line": i})
            for i, r in enumerate(rows, 1)]


def test_pdf_total_row_whose_label_sits_in_the_merged_cell_above():
    blocks = _rows("示例县人民政府2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
                   ("", "（七）总计", "", "", "", "", "", "", ""),
                   ("", "", "15", "0", "0", "0", "0", "0", "15"),
                   ("四、结转下年度继续办理", "0", "0", "0", "0", "0", "0", "0", ""))
    loaded = assemble(blocks, fmt="pdf", options=LoadOptions())
    t3 = loaded.document["tables"]["t3"]
    assert t3["results_total"] == {"natural_person": 15, "commercial": 0, "research": 0, "social_welfare": 0,
                                   "legal_services": 0, "other": 0, "total": 15}
    assert t3["carried_forward"]["total"] == 0
    assert loaded.source_map["/tables/t3/results_total/total"] == {"line": 4}


def test_a_label_with_blank_values_and_no_numbers_after_it_keeps_its_blanks():
    blocks = _rows("三、收到和处理政府信息公开申请情况", ("（七）总计", "", "", "", "", "", "", ""),
                   ("四、结转下年度继续办理", "0", "0", "0", "0", "0", "0", "0"))
    t3 = assemble(blocks, fmt="pdf", options=LoadOptions()).document["tables"]["t3"]
    assert t3["results_total"] == dict.fromkeys(t3["results_total"], None) and len(t3["results_total"]) == 7
    assert t3["carried_forward"]["total"] == 0


@pytest.mark.parametrize("line", ["其他对外管理服务事项", "行政复议", "行政许可", "规范性文件",
                                  "处理政府信息公开申请情况、政府信息公开行政复议、"])
def test_table_labels_and_run_on_lines_are_not_headings(line):
    assert heading_number(line) is None


@pytest.mark.parametrize("line", ["四、政府信息公开行政复议、行政诉讼情况", "其他需要报告的事项",
                                  "政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况"])
def test_headings_are_still_headings(line):
    assert heading_number(line) is not None


# -- never a silent loss ------------------------------------------------------------------------

GAP_REPORT = """**示例县人民政府2023年政府信息公开工作年度报告**

## 一、总体情况

本年度工作正常开展。

## 二、主动公开政府信息情况

## 三、收到和处理政府信息公开申请情况

| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 |
| 申请人情况 | 自然人 | 法律服务机构 |

## 四、政府信息公开行政复议、行政诉讼情况

行政复议 结果维持 结果纠正 尚未审结 0 0 0

五、存在的主要问题及改进情况。问题是人手不足，改进是增加人手。

## 六、其他需要报告的事项

无。

示例县人民政府
2024年1月20日
"""


def test_a_printed_table_not_imported_and_an_unrecognised_heading_are_reported(tmp_path):
    path = tmp_path / "gap.md"
    path.write_text(GAP_REPORT, encoding="utf-8")
    loaded = load(path, LOADERS, LoadOptions())
    by = {(f.message, f.pointers[0]): f for f in loaded.findings}
    assert set(by) == {("left_out", "/tables/t3/new_received"), ("table_lost", "/tables/t4"),
                       ("heading_unrecognised", "/sections")}
    assert by[("table_lost", "/tables/t4")].severity.value == "warning"
    assert str(by[("table_lost", "/tables/t4")].args["where"]) == "第16行"
    assert by[("heading_unrecognised", "/sections")].args["scope"] == {"number": 5}
    assert loaded.document["tables"] == {}


def test_findings_that_follow_from_an_import_gap_are_named_so(tmp_path, gov_check):
    path = tmp_path / "gap.md"
    path.write_text(GAP_REPORT, encoding="utf-8")
    result = gov_check(path, "--no-config", "--format", "json")
    findings = json.loads(result.stdout)["reports"][0]["findings"]
    gc010 = [f for f in findings if f["code"] == "GC010"]
    assert len(gc010) == 1 and "导入缺口" in gc010[0]["message"] and gc010[0]["severity"] == "warning"
    gc002 = [f for f in findings if f["code"] == "GC002"]
    assert gc002 and all("导入缺口" in f["message"] for f in gc002)
    # a finding with nothing to do with the gap is the unit's own
    assert all("导入缺口" not in f["message"] for f in findings if f["code"] in ("GC506",))


def test_convert_says_how_many_cells_it_left_out(tmp_path, gov_check):
    path = tmp_path / "gap.md"
    path.write_text(GAP_REPORT, encoding="utf-8")
    result = gov_check("convert", path, "-o", tmp_path / "gap.json")
    assert result.exit_code == 0
    assert "读出表格单元格 0 个，未能读出 22 个" in result.stderr  # a T3 row of 7 and T4's 15


@pytest.mark.parametrize("text", ["这是一份会议通知。\n请各单位于下周一参加。\n", "| a | b |\n| 1 | 2 |\n会议纪要\n"])
def test_a_file_that_is_no_report_is_refused(text, tmp_path, gov_check):
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError, match="不像一份政府信息公开工作年度报告"):
        load(path, LOADERS, LoadOptions())
    result = gov_check(path, "--no-config")
    assert result.exit_code == 2 and "不像一份政府信息公开工作年度报告" in result.stderr


def test_a_row_one_value_short_is_left_out_never_shifted(tmp_path):
    """The published Markdown of a merged label prints empty cells after it; a row that also lost a
    value must not have its numbers moved into the empty cells."""
    path = to_markdown(documents()["clean"], tmp_path / "report.md", Markdown())
    lines = path.read_text(encoding="utf-8").split("\n")
    i = next(i for i, line in enumerate(lines) if line.startswith("| 一、本年新收"))
    cells = lines[i].split(" | ")
    del cells[4]  # the 商业企业 value
    lines[i] = " | ".join(cells)
    path.write_text("\n".join(lines), encoding="utf-8")
    loaded = load(path, LOADERS, LoadOptions())
    assert "new_received" not in loaded.document["tables"]["t3"]
    assert [(f.message, f.pointers[0]) for f in loaded.findings] == [("left_out", "/tables/t3/new_received")]
    expected = expected_document(documents()["clean"], "text", Style())["tables"]
    del expected["t3"]["new_received"]
    assert loaded.document["tables"] == expected  # every other cell, as printed
