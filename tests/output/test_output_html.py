"""The HTML review page, read as a browser would lay it out: the template's tables, the marked cells
and sentences, the problem list and its links, escaping, and nothing fetched from the network."""

from __future__ import annotations

import json
import re

import pytest

from checker.output import html
from checker.testing import base_document
from tests.conftest import EXAMPLES
from tests.output.support import engine, Dom, QUOTE, ctx, rich_result, sample_result


@pytest.fixture(scope="module")
def sample() -> Dom:
    return Dom(html.render([sample_result()], ctx()))


@pytest.fixture(scope="module")
def rich_page() -> str:
    return html.render([rich_result()], ctx())


def test_the_blank_cell_is_highlighted_numbered_and_linked(sample):
    cell = sample.by_id["r1-tables-t3-not_processed_excessive-research"]
    assert {"blank", "hit", "sev-warning"} <= Dom.classes(cell)
    assert cell["text"].strip() == "2"  # no value, only the problem's number
    assert Dom.links(cell) == ["#r1-f2"]
    problem = sample.by_id["r1-f2"]
    assert "表三 · 科研机构 · （五）4 无正当理由大量反复申请：空白" in problem["text"]
    assert "#r1-tables-t3-not_processed_excessive-research" in Dom.links(problem)
    assert "#r1-part3" in Dom.links(problem)  # and to its section
    # the neighbours are not marked
    assert "hit" not in Dom.classes(sample.by_id["r1-tables-t3-not_processed_excessive-commercial"])


def test_the_heading_problems_are_listed_and_their_headings_marked(sample):
    listed = [sample.by_id[f"r1-f{n}"]["text"] for n in (1, 3, 4, 5)]
    assert all("GC011" in t for t in listed)
    for n, heading in ((3, "政府信息公开行政复议、行政诉讼情况"), (4, "存在的主要问题及改进情况"), (5, "其他需要报告的事项")):
        assert f"「{heading}」部分：标题缺少序号" in sample.by_id[f"r1-f{n}"]["text"]
        section = sample.by_id[f"r1-sections-{n}"]
        (h3,) = [c for c in section["children"] if c["tag"] == "h3"]
        assert {"hit", "sev-warning"} <= Dom.classes(h3) and f"#r1-f{n}" in Dom.links(h3)
        assert f"#r1-sections-{n}" in Dom.links(sample.by_id[f"r1-f{n}"])


def test_counts_per_severity_at_the_top(sample):
    (counts,) = sample.find("ul", **{"class": "counts"})
    assert re.sub(r"\s+", " ", counts["text"]).strip() == "错误0警告5提示0已豁免0"


def test_t3_is_laid_out_as_the_template(sample):
    assert sample.th("申请人情况")["attrs"] == {"colspan": "7"}
    assert sample.th("法人或其他组织")["attrs"] == {"colspan": "5"}
    assert sample.th("自然人")["attrs"]["rowspan"] == "2"
    assert [e["attrs"] for e in sample.elements if e["tag"] == "th" and e["text"] == "总计"][0] == {"rowspan": "2"}
    corner = sample.th("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
    assert (corner["attrs"]["colspan"], corner["attrs"]["rowspan"]) == ("3", "3")
    assert sample.th("三、本年度办理结果")["attrs"]["rowspan"] == "22"
    for group, rows in (("（三）不予公开", "8"), ("（四）无法提供", "3"), ("（五）不予处理", "5"), ("（六）其他处理", "3")):
        assert sample.th(group)["attrs"]["rowspan"] == rows
    assert sample.by_id["r1-tables-t3-new_received"]["attrs"]["colspan"] == "3"
    assert sample.by_id["r1-tables-t3-results_total"]["attrs"]["colspan"] == "2"
    (t3,) = sample.find("table", id="r1-tables-t3")
    body = [c for c in t3["children"] if c["tag"] == "tbody"][0]
    assert len(body["children"]) == 25  # 25 data rows
    assert all(len([c for c in tr["children"] if c["tag"] == "td"]) == 7 for tr in body["children"])


def test_t2_four_blocks_and_t4_three_blocks_of_five(sample):
    for item in ("第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"):
        assert sample.th(item)["attrs"]["colspan"] == "4"
    assert sample.by_id["r1-tables-t2-punishment-decisions"]["text"] == "3022　"  # as printed
    assert sample.th("行政复议")["attrs"] == {"colspan": "5", "rowspan": "2"}
    assert sample.th("行政诉讼")["attrs"] == {"colspan": "10"}
    assert sample.th("未经复议直接起诉")["attrs"] == {"colspan": "5"}
    (t4,) = sample.find("table", id="r1-tables-t4")
    assert len([e for e in sample.elements if e["tag"] == "td" and e["attrs"].get("id", "").startswith("r1-tables-t4-")]) == 15


def test_the_2019_template_is_laid_out_as_2019():
    doc = base_document("clean-2019")
    doc["tables"]["t3"]["other_handling"]["total"] = "x"
    page = Dom(html.render([engine().check(doc, file="r.json")], ctx()))
    assert page.th("第二十条第（九）项")
    assert page.th("本年新制作数量") and page.th("其他对外管理服务事项")
    assert page.by_id["r1-tables-t3-other_handling"]["attrs"]["colspan"] == "2"  # （六） without sub-rows
    assert page.th("三、本年度办理结果")["attrs"]["rowspan"] == "20"
    assert "hit" in Dom.classes(page.by_id["r1-tables-t3-other_handling-total"])


def test_every_cell_of_a_broken_identity_is_marked_with_the_same_number(rich_page):
    page = Dom(rich_page)
    (problem,) = [e for e in page.elements if e["tag"] == "li" and "GC204" in e["text"]]
    number = problem["attrs"]["id"]
    for row in ("new_received", "carried_over", "results_total", "carried_forward"):
        cell = page.by_id[f"r1-tables-t3-{row}-total"]
        assert "#" + number in Dom.links(cell) and "sev-error" in Dom.classes(cell)
        assert f"#r1-tables-t3-{row}-total" in Dom.links(problem)
    assert "应为 38 · 实为 39 · 相差 1" in problem["text"]


def test_the_quoted_sentence_is_marked_and_linked(rich_page):
    page = Dom(rich_page)
    (mark,) = page.find("mark")
    assert mark["text"] == QUOTE and mark["attrs"]["id"].startswith("r1-q")
    (problem,) = [e for e in page.elements if e["tag"] == "li" and "GC998" in e["text"]]
    assert "#" + mark["attrs"]["id"] in Dom.links(problem)
    assert "<b>培训</b>" not in rich_page and "&lt;b&gt;培训&lt;/b&gt;" in rich_page  # report text is text


def test_waived_and_crashed_findings_are_listed(rich_page):
    page = Dom(rich_page)
    waived = [e for e in page.elements if e["tag"] == "li" and "市局已核实" in e["text"]]
    assert waived and "sev-waived" in Dom.classes(waived[0])
    assert "sev-waived" in Dom.classes(page.by_id["r1-tables-t3-granted-research"])
    assert any("GC900" in e["text"] and "ZeroDivisionError" in e["text"] for e in page.elements if e["tag"] == "li")


def test_everything_from_the_report_is_escaped(rich_page):
    assert "<script" not in rich_page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; |管道|" in rich_page


def test_self_contained_no_network_no_scripts(rich_page):
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", rich_page)
    assert "@import" not in rich_page and "url(" not in rich_page
    assert "<link" not in rich_page and "<script" not in rich_page and "<iframe" not in rich_page
    assert "@media print" in rich_page and "size: A4" in rich_page


def test_every_link_lands_on_the_page(rich_page, sample):
    for page in (Dom(rich_page), sample):
        targets = {href[1:] for e in page.elements for href in Dom.links(e) if href.startswith("#")}
        assert targets and targets <= set(page.by_id)


def test_a_report_that_could_not_be_read_and_english(sample_doc):
    from checker.findings import ReportResult

    failed = ReportResult(file="bad.json", document=None, findings=[], outcomes=[], load_error="bad.json: 文件不存在")
    page = html.render([failed, sample_result()], ctx(lang="en"))
    assert "bad.json: 文件不存在" in page and 'lang="en"' in page
    assert "Applicants" in page and "Problems (5)" in page
    json.dumps(sample_doc)  # the fixture is untouched


def test_the_sample_screenshot_is_kept_in_docs():
    from tests.conftest import ROOT

    png = (ROOT / "docs" / "review-yangquan-2023.png").read_bytes()  # tools/review_screenshot.py makes it
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 100_000


def test_a_finding_about_the_metadata_marks_it():
    from checker.findings import Finding, Severity

    result = sample_result()
    date = Finding(code="GC201", severity=Severity.ERROR, message="blank", pointers=("/metadata/signing_date",))
    result.findings.append(date)
    page = Dom(html.render([result], ctx()))
    el = page.by_id["r1-metadata-signing_date"]
    assert "hit" in Dom.classes(el) and "2024-03-07" in el["text"]
    (problem,) = [e for e in page.elements if e["tag"] == "li" and "落款与日期" in e["text"]]
    assert "#r1-metadata-signing_date" in Dom.links(problem)


def test_the_review_page_from_the_command_line_shows_the_section_texts(gov_check, tmp_path):
    out = tmp_path / "review.html"
    assert gov_check(EXAMPLES / "yangquan-2023.json", "--format", "html", "-o", out).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "全市共收到政府信息公开申请数84件" in page  # section 一's text, not only its heading
    assert "统计期限自2023年1月1日起" in page  # the preface
