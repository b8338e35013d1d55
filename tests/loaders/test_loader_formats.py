"""Word, HTML and PDF versions of the example reports, printed in the layouts real reports use, read
back cell for cell; plus the real samples (the Yangquan text, the Huai'an PDF)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from checker.loaders import LoadOptions, load
from checker.plugins import PluginHost
from checker.testing import base_document
from tests.conftest import EXAMPLES
from tests.loaders.render import Style, layout, to_docx, to_html, to_pdf

LOADERS = PluginHost(autoload=False).loaders
STANDARD = Style()
# T4 as three blocks, T3 split over two pages, half-width brackets and 「1、」, headings without
# numerals, the title on one line, labels not broken.
VARIANT = Style(t4="blocks", split_t3=True, half_width=True, numerals=False, title_lines=1, break_labels=False)
WRITERS = {"docx": to_docx, "html": to_html, "pdf": to_pdf}


def documents() -> dict[str, dict]:
    return {
        "yangquan": json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8")),
        "clean": json.loads((EXAMPLES / "clean-2023.json").read_text(encoding="utf-8")),
        "clean-2019": base_document("clean-2019"),
    }


def printed(value, fmt: str):
    """What a reader of the printed file sees in a cell, as the loader must keep it."""
    if value is None or (isinstance(value, int) and value >= 0):
        return value
    s = str(value)
    if fmt in ("html", "pdf"):  # markup and PDF text layers do not keep spaces at a cell's ends
        s = s.strip(" \t\n")
    if fmt == "pdf":
        s = s.strip("\u3000\u00a0")
    if s.isascii() and s.isdigit():
        return int(s)
    return s or None


def expected_document(doc: dict, fmt: str, style: Style) -> dict:
    from checker.model import strip_numbering

    exp = copy.deepcopy(doc)
    exp["metadata"].pop("region", None)
    for table in exp["tables"].values():
        for row in table.values():
            for col, value in row.items():
                row[col] = printed(value, fmt)
    if not style.numerals:
        for s in exp["sections"]:
            s["heading"] = strip_numbering(s["heading"])
    return exp


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("style", [STANDARD, VARIANT], ids=["standard", "variant"])
@pytest.mark.parametrize("name", ["yangquan", "clean", "clean-2019"])
def test_printed_report_reads_back_cell_for_cell(name, style, fmt, tmp_path):
    doc = documents()[name]
    path = WRITERS[fmt](layout(doc, style), tmp_path / f"report.{fmt}")
    loaded = load(path, LOADERS, LoadOptions())
    assert loaded.format == fmt
    assert loaded.findings == []
    expected = expected_document(doc, fmt, style)
    assert loaded.document["tables"] == expected["tables"]
    assert loaded.document["metadata"] == expected["metadata"]
    assert [s["heading"] for s in loaded.document["sections"]] == [s["heading"] for s in expected["sections"]]
    if fmt != "pdf":  # PDF re-flows paragraphs; its text is compared without line breaks
        assert loaded.document["sections"] == expected["sections"]
        assert loaded.document.get("preface") == expected.get("preface")
    else:
        # and without 「·」, a glyph the test PDFs' built-in font lacks
        flat = lambda s: s.replace("\n", "").replace("·", "")  # noqa: E731
        assert [flat(s["text"]) for s in loaded.document["sections"]] == [flat(s["text"]) for s in expected["sections"]]
    assert loaded.document["signature"] == expected["signature"]


def test_word_keeps_cells_exactly_as_typed(tmp_path):
    doc = documents()["yangquan"]
    loaded = load(to_docx(layout(doc), tmp_path / "r.docx"), LOADERS, LoadOptions())
    t = loaded.document["tables"]
    assert t["t2"]["punishment"]["decisions"] == "3022\u3000"
    assert t["t3"]["carried_forward"]["natural_person"] == doc["tables"]["t3"]["carried_forward"]["natural_person"] == "\u00a00"
    assert t["t3"]["not_processed_excessive"]["research"] is None  # blank stays blank
    assert loaded.source_map["/tables/t3/new_received/total"] == {"table": 2, "row": 4, "col": 10}
    assert "paragraph" in loaded.source_map["/sections/3"]


def test_marks_text_and_separators_are_kept_as_printed(tmp_path):
    doc = documents()["clean"]
    t3 = doc["tables"]["t3"]
    t3["denied_state_secret"]["research"] = "/"
    t3["denied_state_secret"]["social_welfare"] = "—"
    t3["denied_state_secret"]["legal_services"] = "-"
    t3["denied_state_secret"]["other"] = "无"
    doc["tables"]["t2"]["licensing"]["decisions"] = "1,234"
    doc["tables"]["t2"]["punishment"]["decisions"] = "\u00a00"
    doc["tables"]["t2"]["coercion"]["decisions"] = "１２"  # full-width digits
    loaded = load(to_html(layout(doc), tmp_path / "r.html"), LOADERS, LoadOptions())
    got = loaded.document["tables"]
    assert got["t3"]["denied_state_secret"] == {**t3["denied_state_secret"]}
    assert got["t2"]["licensing"]["decisions"] == "1,234"
    assert got["t2"]["punishment"]["decisions"] == "\u00a00"
    assert got["t2"]["coercion"]["decisions"] == "１２"
    assert loaded.source_map["/tables/t2/licensing/decisions"] == {"table": 1, "row": 7, "col": 2}


def test_gbk_web_page(tmp_path):
    doc = documents()["clean"]
    path = to_html(layout(doc), tmp_path / "r.htm", encoding="gb18030")
    loaded = load(path, LOADERS, LoadOptions())
    assert loaded.document["tables"] == expected_document(doc, "html", STANDARD)["tables"]
    assert loaded.document["metadata"]["organ_name"] == "示例县人民政府"


def test_format_is_detected_from_the_content(tmp_path):
    doc = documents()["clean"]
    items = layout(doc)
    for fmt, writer in WRITERS.items():
        path = writer(items, tmp_path / f"report-{fmt}.bin")
        assert load(path, LOADERS, LoadOptions()).format == fmt
    html_as_txt = to_html(items, tmp_path / "page.txt")
    assert load(html_as_txt, LOADERS, LoadOptions()).format == "html"


def test_organ_kind_is_inferred_and_overridable(tmp_path):
    path = to_docx(layout(documents()["clean"]), tmp_path / "r.docx")
    assert load(path, LOADERS, LoadOptions()).document["metadata"]["organ_kind"] == "county_government"
    assert load(path, LOADERS, LoadOptions(organ_kind="city_government")).document["metadata"]["organ_kind"] \
        == "city_government"


# -- the real samples ----------------------------------------------------------------------------


def test_yangquan_text_sample_reads_as_the_transcribed_document():
    expected = json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8"))
    expected["metadata"].pop("region")  # the text does not say which province
    loaded = load(EXAMPLES / "yangquan-2023.txt", LOADERS, LoadOptions())
    assert loaded.format == "text"
    assert loaded.findings == []
    assert loaded.document == expected


def test_yangquan_text_source_map_points_at_the_lines():
    lines = (EXAMPLES / "yangquan-2023.txt").read_text(encoding="utf-8").split("\n")
    loaded = load(EXAMPLES / "yangquan-2023.txt", LOADERS, LoadOptions())
    sm = loaded.source_map
    assert lines[sm["/tables/t3/new_received/total"]["line"] - 1] == "\t84"
    assert lines[sm["/tables/t2/punishment/decisions"]["line"] - 1] == "\t3022\u3000"
    assert lines[sm["/sections/3"]["line"] - 1] == "政府信息公开行政复议、行政诉讼情况"
    assert lines[sm["/metadata/signing_date"]["line"] - 1] == "2024年3月7日"


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig", "utf-16"])
def test_yangquan_text_in_other_encodings(encoding, tmp_path):
    text = (EXAMPLES / "yangquan-2023.txt").read_text(encoding="utf-8")
    if encoding == "gbk":  # GBK has no en space or no-break space; the rest of the sample is GBK-safe
        text = text.replace("\u2002", " ").replace("\u00a0", " ")
    utf8, other = tmp_path / "u.txt", tmp_path / "r.txt"
    utf8.write_text(text, encoding="utf-8")
    other.write_bytes(text.encode(encoding))
    assert load(other, LOADERS, LoadOptions()).document == load(utf8, LOADERS, LoadOptions()).document


# Read off the published PDF by eye (pages 3–5 rendered with pdftoppm), not from the loader.
HUAIAN_T2 = {"regulations": {"issued": 1, "repealed": 0, "in_force": 11},
             "normative_documents": {"issued": 8, "repealed": 26, "in_force": 66},
             "licensing": {"decisions": 447228}, "punishment": {"decisions": 3985758},
             "coercion": {"decisions": 88283}, "fees": {"amount": "96171.6"}}
HUAIAN_T3 = {  # natural_person, commercial, research, social_welfare, legal_services, other, total
    "new_received": (3001, 53, 0, 0, 61, 4, 3119), "carried_over": (34, 0, 0, 0, 0, 0, 34),
    "granted": (1288, 21, 0, 0, 50, 3, 1362), "partly_granted": (447, 7, 0, 0, 0, 0, 454),
    "denied_state_secret": (2, 0, 0, 0, 0, 0, 2), "denied_prohibited_by_law": (30, 1, 0, 0, 0, 0, 31),
    "denied_security_stability": (5, 0, 0, 0, 0, 0, 5), "denied_third_party": (6, 0, 0, 0, 0, 0, 6),
    "denied_internal_affairs": (7, 1, 0, 0, 0, 0, 8), "denied_process_information": (12, 0, 0, 0, 0, 0, 12),
    "denied_enforcement_files": (9, 0, 0, 0, 0, 0, 9), "denied_query_matters": (105, 0, 0, 0, 0, 0, 105),
    "unavailable_not_held": (746, 12, 0, 0, 10, 1, 769), "unavailable_needs_creation": (11, 0, 0, 0, 0, 0, 11),
    "unavailable_still_unclear": (1, 0, 0, 0, 0, 0, 1), "not_processed_complaint": (56, 6, 0, 0, 0, 0, 62),
    "not_processed_repeated": (25, 0, 0, 0, 0, 0, 25), "not_processed_publication": (0, 0, 0, 0, 0, 0, 0),
    "not_processed_excessive": (0, 0, 0, 0, 0, 0, 0), "not_processed_confirmation": (1, 0, 0, 0, 0, 0, 1),
    "other_overdue_correction": (67, 3, 0, 0, 1, 0, 71), "other_overdue_fee": (6, 0, 0, 0, 0, 0, 6),
    "other_other": (108, 2, 0, 0, 0, 0, 110), "results_total": (2932, 53, 0, 0, 61, 4, 3050),
    "carried_forward": (103, 0, 0, 0, 0, 0, 103),
}
HUAIAN_T4 = {"review": (72, 64, 178, 37, 351), "litigation_direct": (13, 4, 8, 1, 26),
             "litigation_after_review": (12, 1, 1, 6, 20)}


def test_huaian_pdf_every_cell_right():
    from checker import labels

    loaded = load(EXAMPLES / "huaian-2024.pdf", LOADERS, LoadOptions())
    doc = loaded.document
    assert loaded.format == "pdf" and loaded.findings == []
    t3_cols = [c.id for c in labels.T3_COLUMNS]
    t4_cols = [c.id for c in labels.T4_COLUMNS]
    assert doc["tables"] == {
        "t2": HUAIAN_T2,
        "t3": {row: dict(zip(t3_cols, values)) for row, values in HUAIAN_T3.items()},
        "t4": {block: dict(zip(t4_cols, values)) for block, values in HUAIAN_T4.items()},
    }
    assert doc["metadata"] == {"organ_name": "淮安市人民政府", "organ_kind": "city_government", "report_year": 2024,
                               "template_version": "2021", "title": "淮安市人民政府2024 年政府信息公开工作年度报告"}
    assert [s["heading"] for s in doc["sections"]] == [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    assert doc["preface"].startswith("本报告由淮安市人民政府办公室根据") and "- 1 -" not in json.dumps(doc, ensure_ascii=False)
    assert doc["sections"][4]["text"].startswith("对照上级新要求和公众新期待，还有一些需要加强和改进的地方。")  # over a page break
    assert loaded.source_map["/tables/t3/carried_forward/total"] == {"page": 5, "table": 1, "row": 12, "col": 10}
    assert loaded.source_map["/tables/t4/review/upheld"]["page"] == 5


def test_text_copied_out_of_the_huaian_pdf_is_never_silently_wrong(tmp_path):
    """pdfplumber's plain text interleaves T3's three label columns with the numbers: the rows whose
    label and numbers share a line are read; the others are left out, each with a GC003 finding."""
    import pdfplumber

    from checker import labels

    with pdfplumber.open(EXAMPLES / "huaian-2024.pdf") as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
    path = tmp_path / "copied.txt"
    path.write_text(text, encoding="utf-8")
    loaded = load(path, LOADERS, LoadOptions())
    t3_cols = [c.id for c in labels.T3_COLUMNS]
    truth = {"t2": HUAIAN_T2, "t3": {r: dict(zip(t3_cols, v)) for r, v in HUAIAN_T3.items()},
             "t4": {b: dict(zip([c.id for c in labels.T4_COLUMNS], v)) for b, v in HUAIAN_T4.items()}}
    flagged = {f.pointer for f in loaded.findings}
    placed = 0
    for table, rows in truth.items():
        for row, cols in rows.items():
            got = loaded.document["tables"].get(table, {}).get(row)
            if got is None:
                assert f"/tables/{table}/{row}" in flagged, row  # left out, and said so
                continue
            assert got == cols, row
            placed += len(cols)
    assert placed >= 140  # T2, T4 and most of T3


def test_pdf_table_printed_without_rules_is_never_silently_wrong(tmp_path):
    """Without ruling lines there are no cells, only lines of words: rows whose label and numbers share
    a line are read, rows whose label wraps are left out with GC003."""
    doc = documents()["clean"]
    path = to_pdf(layout(doc, Style(break_labels=False)), tmp_path / "unruled.pdf", ruled=False)
    loaded = load(path, LOADERS, LoadOptions())
    flagged = {f.pointer for f in loaded.findings}
    placed = 0
    for table, rows in doc["tables"].items():
        for row, cols in rows.items():
            got = loaded.document["tables"].get(table, {}).get(row)
            if got is None:
                assert f"/tables/{table}/{row}" in flagged or f"/tables/{table}" in flagged, row
                continue
            assert got == {c: printed(v, "pdf") for c, v in cols.items()}, row
            placed += len(cols)
    assert placed >= 170


def test_pdf_running_header_and_page_numbers_are_not_text(tmp_path):
    doc = documents()["yangquan"]
    plain = load(to_pdf(layout(doc), tmp_path / "a.pdf"), LOADERS, LoadOptions()).document
    headed = load(to_pdf(layout(doc), tmp_path / "b.pdf", running_header="阳泉市人民政府办公室 政务公开专栏"),
                  LOADERS, LoadOptions()).document
    assert headed == plain
    assert "政务公开专栏" not in json.dumps(headed, ensure_ascii=False)
