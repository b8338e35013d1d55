"""The Word problem list (--format docx), the Excel ledger (--format xlsx), Word comments (annotate),
--output-dir with its index page, formats from -o's suffix — each opened with the library that reads
it and checked for content."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from lxml import etree

from tests.conftest import EXAMPLES
from tests.loaders.render import layout, to_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CELL_WHERE = "第2个表格第22行第6列"  # 表三 · 科研机构 · （五）4 in the printed yangquan report


@pytest.fixture(scope="module")
def draft(tmp_path_factory) -> Path:
    """The yangquan report (a blank cell, three headings without numerals …) printed as Word."""
    doc = json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8"))
    return to_docx(layout(doc), tmp_path_factory.mktemp("draft") / "阳泉市 2023.docx")


def _rows(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_the_problem_list_is_a_word_document_an_office_can_forward(draft, gov_check, tmp_path):
    out = tmp_path / "审阅意见.docx"
    result = gov_check(draft, "-o", out)  # the format from the suffix
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "关于阳泉市人民政府2023年政府信息公开工作年度报告的审阅意见"
    assert "报告机关：阳泉市人民政府" in texts and "报告年度：2023年" in texts
    assert "文件：阳泉市 2023.docx" in texts  # the file's name, not the absolute path
    assert any(t.startswith("检查结论：通过") for t in texts)
    assert any(t.startswith("共 0 个错误、6 个警告") for t in texts)
    assert any(t.startswith("审核人：") for t in texts) and any(t.startswith("日期：") for t in texts)
    (table,) = document.tables
    rows = _rows(table)
    assert rows[0] == ["序号", "位置", "问题", "依据", "修改建议", "严重程度"]
    blank = next(r for r in rows if "科研机构" in r[1])
    assert blank[1] == f"表三 · 科研机构 · （五）4 无正当理由大量反复申请（{CELL_WHERE}）"
    assert "空白" in blank[2] and blank[3] == "国办公开办函〔2021〕30号 表三"
    assert blank[4].startswith("空白处填写数字，没有发生的填 0") and blank[5] == "警告"
    heading = next(r for r in rows if "「三、收到和处理政府信息公开申请」部分" in r[1])
    assert heading[1].endswith("（第12段）")
    assert [r[0] for r in rows[1:]] == [str(i) for i in range(1, len(rows))]
    # Typesetting: A4, 仿宋 for the Chinese of every run, a header row repeated on every page, ruled.
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
    assert table.style.name == "Table Grid"
    fonts = {r._r.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") for p in document.paragraphs for r in p.runs}
    assert fonts == {"仿宋", "黑体"}


def test_the_problem_list_in_english_and_for_a_file_that_cannot_be_read(tmp_path, gov_check, draft):
    broken = tmp_path / "坏.json"
    broken.write_text("{", encoding="utf-8")
    out = tmp_path / "review.docx"
    result = gov_check(draft, broken, "--format", "docx", "-o", out, "--lang", "en")
    assert result.exit_code == 2
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[0].startswith("Review of the 2023 government information disclosure annual report")
    assert any(t.startswith("Not checked: ") and "坏.json" in t for t in texts)
    assert "Result: not checked" in texts


def test_the_ledger_has_one_row_per_finding_a_drop_down_for_the_fix_status_and_a_summary(draft, gov_check, tmp_path):
    out = tmp_path / "台账.xlsx"
    clean = EXAMPLES / "clean-2023.json"
    assert gov_check(draft, clean, "-o", out).exit_code == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["问题台账", "汇总", "规则"]
    ledger = wb["问题台账"]
    rows = list(ledger.iter_rows(values_only=True))
    assert rows[0] == ("地区", "上级", "单位", "年度", "文件", "规则", "严重程度", "位置", "问题", "依据", "修改建议", "整改状态")
    assert len(rows) == 1 + 8  # the yangquan report's eight findings; the clean report has none
    blank = next(r for r in rows if r[5] == "GC201")
    assert blank[2:5] == ("阳泉市人民政府", 2023, "阳泉市 2023.docx")
    assert blank[7].endswith(f"（{CELL_WHERE}）") and blank[10].startswith("空白处填写数字") and blank[11] is None
    assert ledger.freeze_panes == "A2" and ledger.auto_filter.ref == f"A1:L{len(rows)}"
    (states,) = ledger.data_validations.dataValidation
    assert states.formula1 == '"未整改,已整改,不予整改"' and str(states.sqref) == f"L2:L{len(rows)}"
    assert ledger.column_dimensions["I"].width >= 40  # 问题: wide enough for a Chinese sentence
    summary = list(wb["汇总"].iter_rows(values_only=True))
    assert summary[0][:7] == ("地区", "上级", "单位", "机关类别", "年度", "文件", "结论")
    by_file = {r[5]: r for r in summary[1:]}
    assert by_file["阳泉市 2023.docx"][6:10] == ("通过", 0, 6, 2)
    assert "部分标题编号与措辞规范（GC011，4 处）" in by_file["阳泉市 2023.docx"][11]
    assert by_file["clean-2023.json"][6:10] == ("通过", 0, 0, 0)
    per_rule = {r[0]: r for r in wb["规则"].iter_rows(min_row=2, values_only=True)}
    assert per_rule["GC011"][2:4] == (1, 4)


def test_a_suffix_chooses_the_format_and_one_that_contradicts_format_is_an_error(gov_check, tmp_path):
    report = EXAMPLES / "clean-2023.json"
    assert gov_check(report, "-o", tmp_path / "r.html").exit_code == 0
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert gov_check(report, "-o", tmp_path / "r.md").exit_code == 0
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("## ")
    assert gov_check(report, "--format", "sarif", "-o", tmp_path / "r.json").exit_code == 0  # SARIF is JSON
    result = gov_check(report, "--format", "json", "-o", tmp_path / "review.html")
    assert result.exit_code == 2 and "与 --format json 矛盾" in result.stderr
    assert not (tmp_path / "review.html").exists()
    result = gov_check(report, "--format", "xlsx")
    assert result.exit_code == 2 and "不能输出到终端" in result.stderr
    assert gov_check(report, "-o", tmp_path / "汇总.csv").exit_code == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "汇总.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0]["结论"] == "通过" and rows[0]["机关名称"] == "示例县人民政府"


def _without_comment_marks(xml: bytes) -> bytes:
    """The document XML without comment marks, and with a run split for a comment on a sentence
    joined again (neighbouring runs of the same properties read and look as one run)."""
    root = etree.fromstring(xml)
    for el in list(root.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd")):
        el.getparent().remove(el)
    for run in list(root.iter(f"{W}r")):
        if run.find(f"{W}commentReference") is not None or len(run) == 0:
            run.getparent().remove(run)
    for t in root.iter(f"{W}t"):
        t.attrib.pop("{http://www.w3.org/XML/1998/namespace}space", None)
    for run in list(root.iter(f"{W}r")):
        after = run.getnext()
        while after is not None and after.tag == f"{W}r" and _props(after) == _props(run) \
                and all(c.tag in (f"{W}rPr", f"{W}t") for c in (*run, *after)):
            run.findall(f"{W}t")[-1].text = "".join(t.text or "" for t in (*run.findall(f"{W}t"), *after.findall(f"{W}t")))
            for t in run.findall(f"{W}t")[:-1]:
                run.remove(t)
            after.getparent().remove(after)
            after = run.getnext()
    return etree.tostring(root, method="c14n")


def _props(run) -> bytes:
    rpr = run.find(f"{W}rPr")
    return etree.tostring(rpr, method="c14n") if rpr is not None else b""


def test_annotate_marks_the_very_sentence_a_text_rule_quotes(tmp_path, gov_check):
    doc = json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8"))
    doc["sections"][0]["text"] = doc["sections"][0]["text"].replace("申请数84件", "申请数90件")  # 表三 says 84
    draft = to_docx(layout(doc), tmp_path / "q.docx")
    out = tmp_path / "q-审阅.docx"
    assert gov_check("annotate", draft, "-o", out).exit_code == 0  # GC401 is a warning
    document = docx.Document(str(out))
    (comment,) = [c for c in document.comments if "GC" not in c.text and "90" in c.text]
    body = document.element.body
    start = next(e for e in body.iter(f"{W}commentRangeStart") if e.get(f"{W}id") == str(comment.comment_id))
    marked = []
    for el in start.itersiblings():
        if el.tag == f"{W}commentRangeEnd":
            break
        marked += [t.text for t in el.iter(f"{W}t")]
    assert "".join(marked) == "2023年，全市共收到政府信息公开申请数90件，已办结82件，结转下年办理2件"
    assert "依据：" in comment.text and "修改建议：使正文中的申请件数与表三一致" in comment.text
    with zipfile.ZipFile(draft) as a, zipfile.ZipFile(out) as b:
        assert _without_comment_marks(b.read("word/document.xml")) == _without_comment_marks(a.read("word/document.xml"))


def test_annotate_puts_a_comment_at_each_finding_and_changes_nothing_else(draft, gov_check, tmp_path):
    before = draft.read_bytes()
    out = tmp_path / "阳泉-审阅.docx"
    result = gov_check("annotate", draft, "-o", out)
    assert result.exit_code == 0, result.output
    assert "7 条批注加在问题所在处" in result.stderr and "1 项不对应具体位置" in result.stderr
    assert draft.read_bytes() == before  # the original is never modified
    document = docx.Document(str(out))
    comments = list(document.comments)
    assert len(comments) == 8 and {c.author for c in comments} == {"gov-check"}
    texts = [c.text for c in comments]
    cell = next(t for t in texts if "科研机构" in t)
    assert "依据：国办公开办函〔2021〕30号 表三" in cell and "修改建议：空白处填写数字，没有发生的填 0" in cell
    # the comment on the blank cell is in that cell: table 2, row 22, grid column 6
    from checker.loaders.docx_loader import body_items, table_grid

    tables = {n: el for kind, n, el in body_items(document.element.body) if kind == "table"}
    grid = next(g for r, g, _ in table_grid(tables[2]) if r == 22)
    marked = grid[5].find(f".//{W}commentRangeStart")
    assert marked is not None and cell == next(c.text for c in comments if str(c.comment_id) == marked.get(f"{W}id"))
    # the placeless finding (GC506) is in the one comment at the title
    title = document.paragraphs[0]
    assert title._p.find(f"{W}commentRangeStart") is not None
    assert any("不对应文中具体位置" in t and "社会评议" in t for t in texts)
    # every paragraph, table and style survives: the XML differs only by the comment marks
    with zipfile.ZipFile(draft) as a, zipfile.ZipFile(out) as b:
        assert _without_comment_marks(b.read("word/document.xml")) == _without_comment_marks(a.read("word/document.xml"))
        assert b.read("word/styles.xml") == a.read("word/styles.xml")
        assert set(a.namelist()) < set(b.namelist()) and "word/comments.xml" in b.namelist()


def test_annotate_refuses_what_it_cannot_do(draft, gov_check, tmp_path):
    result = gov_check("annotate", draft, "-o", draft)
    assert result.exit_code == 2 and "原文件" in result.stderr
    result = gov_check("annotate", EXAMPLES / "clean-2023.json", "-o", tmp_path / "x.docx")
    assert result.exit_code == 2 and "不是 Word" in result.stderr
    result = gov_check("annotate", draft, "-o", tmp_path / "x.pdf")
    assert result.exit_code == 2 and not (tmp_path / "x.pdf").exists()


def test_output_dir_writes_one_page_per_report_and_an_index(draft, gov_check, tmp_path):
    broken = tmp_path / "in" / "坏.json"
    broken.parent.mkdir()
    broken.write_text("{", encoding="utf-8")
    (tmp_path / "in" / "~$阳泉.docx").write_bytes(b"lock")  # Word's lock file: skipped, and said so
    out = tmp_path / "out"
    result = gov_check(draft, EXAMPLES / "clean-2023.json", tmp_path / "in", "--output-dir", out)
    assert result.exit_code == 2  # 坏.json could not be read
    assert "跳过 1 个 Word 锁定文件或临时文件" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["clean-2023.html", "index.html", "坏.html", "阳泉市 2023.html"]
    page = (out / "阳泉市 2023.html").read_text(encoding="utf-8")
    assert "阳泉市人民政府" in page and str(draft.parent) not in page
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="阳泉市 2023.html">阳泉市人民政府</a>' in index and '<a href="clean-2023.html">示例县人民政府</a>' in index
    assert index.count('<tr class="r">') == 3 and "无法检查" in index and str(tmp_path) not in index
    assert gov_check(draft, "--output-dir", tmp_path / "w", "--format", "docx").exit_code == 0
    assert docx.Document(str(tmp_path / "w" / "阳泉市 2023.docx")).paragraphs[0].text.startswith("关于阳泉市人民政府")


# -- as an office machine prints them: LibreOffice → PDF → PNG ----------------------------------------

from checker.testing.office import find_pdftoppm, find_soffice, page_png, pdf_comments, to_pdf  # noqa: E402

office = pytest.mark.skipif(find_soffice() is None or find_pdftoppm() is None,
                            reason="LibreOffice (soffice) or poppler (pdftoppm) is not installed "
                                   "(apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils; "
                                   ".ci/run does this on CI)")


def _pdf_text(pdf: Path, page: int = 1) -> str:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return re.sub(r"\s+", "", doc.pages[page - 1].extract_text() or "")


@office
def test_libreoffice_prints_the_problem_list_on_a4_with_every_column_whole(draft, gov_check, tmp_path):
    out = tmp_path / "审阅意见.docx"
    assert gov_check(draft, "-o", out).exit_code == 0
    pdf = to_pdf(out, tmp_path / "pdf")
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        first = doc.pages[0]
        assert (round(first.width), round(first.height)) == (595, 842)  # A4 in points
        fonts = {c["fontname"] for c in first.chars if "\u4e00" <= c["text"] <= "\u9fff"}
        pages = len(doc.pages)
    assert fonts and all("CJK" in f or "Song" in f or "Fang" in f or "Hei" in f for f in fonts), fonts
    text = "".join(_pdf_text(pdf, p) for p in range(1, pages + 1))
    assert "关于阳泉市人民政府2023年政府信息公开工作年度报告的审阅意见" in text and "审核人" in text
    with pdfplumber.open(pdf) as doc:  # the ruled table as LibreOffice laid it out, page by page
        tables = [[[re.sub(r"\s+", "", c or "") for c in row] for row in page.extract_tables()[0]] for page in doc.pages
                  if page.extract_tables()]
    assert [t[0] for t in tables] == [["序号", "位置", "问题", "依据", "修改建议", "严重程度"]] * len(tables)
    assert len(tables) == pages >= 2  # the header row is repeated on the second page
    rows = [row for t in tables for row in t[1:]]
    assert [r[0] for r in rows] == [str(i) for i in range(1, 9)]  # no row lost or split over two pages
    blank = next(r for r in rows if "科研机构" in r[1])  # every column whole, nothing cut off
    assert blank[1].endswith(f"（{CELL_WHERE}）") and blank[4].startswith("空白处填写数字，没有发生的填0") and blank[5] == "警告"
    png = page_png(pdf, tmp_path / "page.png")
    assert png.stat().st_size > 20_000


@office
def test_libreoffice_opens_the_ledger_and_prints_its_heading_row(draft, gov_check, tmp_path):
    out = tmp_path / "台账.xlsx"
    assert gov_check(draft, "-o", out).exit_code == 0
    pdf = to_pdf(out, tmp_path / "pdf")
    text = _pdf_text(pdf)
    assert "地区上级单位年度文件规则严重程度位置问题依据修改建议整改状态" in text
    assert "空白处填写数字" in text
    assert page_png(pdf, tmp_path / "ledger.png").stat().st_size > 10_000


@office
def test_libreoffice_reads_the_comments_where_annotate_put_them(draft, gov_check, tmp_path):
    out = tmp_path / "批注.docx"
    assert gov_check("annotate", draft, "-o", out).exit_code == 0
    pdf = to_pdf(out, tmp_path / "pdf", comments=True)
    comments = pdf_comments(pdf)
    assert len(comments) == 8 and all(a.split(",")[0] == "gov-check" for _, a, _ in comments)  # author, date
    (cell_page,) = [p for p, _, t in comments if "科研机构" in t]
    assert "正当理由大量反复申请" in _pdf_text(pdf, cell_page)  # on the page of 表三 row (五)4
    (title_page,) = [p for p, _, t in comments if "不对应文中具体位置" in t]
    assert title_page == 1


def test_hostile_report_text_stays_text_in_word_and_excel(tmp_path, gov_check):
    doc = json.loads((EXAMPLES / "clean-2023.json").read_text(encoding="utf-8"))
    doc["sections"][5]["heading"] = '=HYPERLINK("http://x")\x07其他需要报告的事项'  # a formula, a bell
    report = tmp_path / "hostile.json"
    report.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert gov_check(report, "-o", tmp_path / "l.xlsx").exit_code in (0, 1)
    cells = [c for row in openpyxl.load_workbook(tmp_path / "l.xlsx")["问题台账"].iter_rows(min_row=2) for c in row]
    hostile = [c for c in cells if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert hostile and all(c.data_type == "s" and "\x07" not in c.value for c in hostile)
    assert gov_check(report, "-o", tmp_path / "r.docx").exit_code in (0, 1)
    text = "\n".join(c.text for t in docx.Document(str(tmp_path / "r.docx")).tables for r in t.rows for c in r.cells)
    assert "HYPERLINK" in text and "\x07" not in text


def test_the_review_page_says_where_the_problem_list_is_on_screen_and_on_paper_and_what_it_left_out():
    from checker.output import html
    from checker.run import BatchOptions, run_batch
    from tests.output.support import ctx

    # keep_text=False: what a batch of more than 200 reports returns
    results = run_batch([str(EXAMPLES / "clean-2023.json")], BatchOptions(jobs=1, keep_text=False)).results
    page = html.render(results, ctx())
    assert '<span class="on-screen">每个标出的格子和句子旁的编号对应右侧问题清单' in page
    assert '<span class="on-paper">每个标出的格子和句子旁的编号对应正文之后的问题清单。</span>' in page
    assert ".on-screen { display: none; } .on-paper { display: inline; }" in page  # inside @media print
    assert "本页面未包含这份报告的正文：一次检查超过 200 份报告时" in page  # never a silent truncation
    assert "clean-2023.json" in page and str(EXAMPLES) not in page  # the file's name, not its path
