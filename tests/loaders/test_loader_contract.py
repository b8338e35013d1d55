"""What the loaders promise beyond reading cells: no guessing (GC003), the KIROGOVCOMPARE import,
the convert command, and clear errors."""

from __future__ import annotations

import json
import sys

from checker.config import Config
from checker.engine import Engine
from checker.loaders import LoadOptions, load
from checker.loaders.layout import Cell, Para, Row, assemble
from checker.plugins import PluginHost
from checker.run import check_file
from tests.conftest import EXAMPLES

LOADERS = PluginHost(autoload=False).loaders


def clean() -> dict:
    return json.loads((EXAMPLES / "clean-2023.json").read_text(encoding="utf-8"))


def _rows(*rows: list[str]) -> list:
    return [Row(tuple(Cell(t, {"line": n}) for t in r), {"line": n}) for n, r in enumerate(rows, 1)]


def test_a_row_with_a_value_missing_is_left_out_with_gc003_not_shifted():
    blocks = [Para("三、收到和处理政府信息公开申请情况", {"line": 1}), *_rows(
        ["一、本年新收政府信息公开申请数量", "3", "1", "0", "0", "0", "7"],  # six values for seven columns
        ["二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"],
    )]
    loaded = assemble(blocks, fmt="text", options=LoadOptions())
    t3 = loaded.document["tables"]["t3"]
    assert "new_received" not in t3  # not one of its cells is guessed
    assert t3["carried_over"]["total"] == 1
    first = loaded.findings[0]
    assert (first.code, first.severity.value, first.pointers) == ("GC003", "warning", ("/tables/t3/new_received",))
    assert "应有 7 个数值，原文有 6 个" in first.args["reason"].zh and first.args["where"].zh == "第1行"
    # the rows never found are reported too, so nobody reads the gap as zero
    assert "/tables/t3/granted" in {f.pointers[0] for f in loaded.findings}


def test_gc003_reaches_the_user_and_obeys_select(tmp_path):
    lines = (EXAMPLES / "yangquan-2023.txt").read_text(encoding="utf-8").split("\n")
    at = lines.index("\t一、本年新收政府信息公开申请数量")
    assert lines[at + 7] == "\t84"
    del lines[at + 7]  # the copy lost the row's last cell
    path = tmp_path / "r.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    engine = Engine(config=Config())
    result = check_file(engine, str(path), LoadOptions())
    gc003 = [f for f in result.findings if f.code == "GC003"]
    assert [f.pointer for f in gc003] == ["/tables/t3/new_received"]
    assert "new_received" not in result.document["tables"]["t3"]
    from checker.messages import render

    text = render(gc003[0], engine.rule_classes(), "zh", result.document)
    assert text.startswith(f"表三 · 一、本年新收申请：原文第{at + 1}行：应有 7 个数值，原文有 6 个"), text
    assert next(o for o in result.outcomes if o.code == "GC003").outcome.value == "fail"
    only_t3 = check_file(Engine(config=Config(select=("GC2",))), str(path), LoadOptions())
    assert not [f for f in only_t3.findings if f.code == "GC003"]


def test_unrecognised_row_label_is_reported_not_placed():
    blocks = _rows(["申请人情况"], ["一、本年新收政府信息公开申请数量", *"1234567"], ["某种新情形", *"1000001"])
    loaded = assemble(blocks, fmt="text", options=LoadOptions())
    reasons = [f.args["reason"].zh for f in loaded.findings]
    assert any("行名称「某种新情形」无法识别" in r for r in reasons)


def _peer(doc: dict) -> dict:
    """The clean example as KIROGOVCOMPARE stores it."""
    from checker.loaders import peer

    t3 = doc["tables"]["t3"]
    columns = {"naturalPerson": "natural_person", "total": "total"}
    legal = {"commercial": "commercial", "research": "research", "social": "social_welfare", "legal": "legal_services",
             "other": "other"}

    def column(col: str) -> dict:
        out: dict = {}
        for row, path in peer.T3_ROWS.items():
            node = out
            for key in path[:-1]:
                node = node.setdefault(key, {})
            node[path[-1]] = t3[row][col]
        return out

    table_data = {k: column(v) for k, v in columns.items()}
    table_data["legalPerson"] = {k: column(v) for k, v in legal.items()}
    t2 = doc["tables"]["t2"]
    inv2 = {v: k for k, v in peer.T2_COLS.items()}
    t4 = doc["tables"]["t4"]
    inv4 = {v: k for k, v in peer.T4_COLS.items()}
    s = doc["sections"]
    return {"id": 17, "title": "示例县人民政府2023年政府信息公开工作年度报告.pdf", "sections": [
        {"title": s[0]["heading"], "type": "text", "content": s[0]["text"]},
        {"title": s[1]["heading"], "type": "table_2", "activeDisclosureData": {
            src: {inv2[c]: v for c, v in t2[row].items()} for src, row in peer.T2_ROWS.items()}},
        {"title": s[2]["heading"], "type": "table_3", "tableData": table_data},
        {"title": s[3]["heading"], "type": "table_4", "reviewLitigationData": {
            src: {inv4[c]: v for c, v in t4[block].items()} for src, block in peer.T4_BLOCKS.items()}},
        {"title": s[4]["heading"], "type": "text", "content": s[4]["text"]},
        {"title": s[5]["heading"], "type": "text", "content": s[5]["text"]},
    ]}


def test_kirogovcompare_json_in_a_wrapper_as_a_string(tmp_path):
    doc = clean()
    wrapped = {"parsed_json": json.dumps(_peer(doc), ensure_ascii=False), "hash": "abc"}
    path = tmp_path / "peer.json"
    path.write_text(json.dumps(wrapped, ensure_ascii=False), encoding="utf-8")
    loaded = load(path, LOADERS, LoadOptions())
    assert loaded.format == "kirogovcompare"
    assert loaded.document["tables"] == doc["tables"]
    assert loaded.document["metadata"]["organ_name"] == "示例县人民政府"
    assert loaded.document["metadata"]["report_year"] == 2023
    assert loaded.document["metadata"]["organ_kind"] == "county_government"
    assert [s["heading"] for s in loaded.document["sections"]] == [s["heading"] for s in doc["sections"]]
    assert loaded.document["sections"][4]["text"] == doc["sections"][4]["text"]
    assert loaded.source_map["/tables/t3/new_received/commercial"] == {
        "json": "/sections/2/tableData/legalPerson/commercial/newReceived"}
    assert loaded.findings == []


def test_kirogovcompare_values_kept_as_given_and_gaps_reported(tmp_path):
    peer_doc = _peer(clean())
    peer_doc["sections"][2]["tableData"]["naturalPerson"]["newReceived"] = "12"
    peer_doc["sections"][2]["tableData"]["total"]["carriedOver"] = ""
    peer_doc["sections"][3]["reviewLitigationData"]["review"]["other"] = "/"
    del peer_doc["sections"][1]["activeDisclosureData"]["fees"]
    path = tmp_path / "peer.json"
    path.write_text(json.dumps(json.dumps(peer_doc, ensure_ascii=False)), encoding="utf-8")  # JSON inside JSON
    loaded = load(path, LOADERS, LoadOptions(organ_name="示例市人民政府", report_year=2023))
    t = loaded.document["tables"]
    assert t["t3"]["new_received"]["natural_person"] == "12"
    assert t["t3"]["carried_over"]["total"] == ""
    assert t["t4"]["review"]["other"] == "/"
    assert "fees" not in t["t2"]
    assert [f.pointer for f in loaded.findings] == ["/tables/t2/fees"]
    assert loaded.document["metadata"]["organ_kind"] == "city_government"


def test_convert_writes_atomically_and_never_overwrites_without_force(gov_check, tmp_path):
    out = tmp_path / "report.json"
    result = gov_check("convert", EXAMPLES / "yangquan-2023.txt", "-o", out)
    assert result.exit_code == 0, result.output
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["tables"]["t3"]["new_received"]["total"] == 84
    out.write_text("keep me", encoding="utf-8")
    again = gov_check("convert", EXAMPLES / "yangquan-2023.txt", "-o", out)
    assert again.exit_code == 2 and "--force" in again.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    forced = gov_check("convert", EXAMPLES / "yangquan-2023.txt", "-o", out, "--force")
    assert forced.exit_code == 0 and json.loads(out.read_text(encoding="utf-8")) == written
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left behind


def test_convert_to_stdout_and_then_check_the_result(gov_check, tmp_path):
    result = gov_check("convert", EXAMPLES / "huaian-2024.pdf")
    doc = json.loads(result.stdout)
    assert doc["tables"]["t4"]["review"]["total"] == 351
    path = tmp_path / "h.json"
    path.write_text(result.stdout, encoding="utf-8")
    assert gov_check(path).exit_code == 0


def test_check_reads_text_and_pdf_directly(gov_check):
    result = gov_check(EXAMPLES / "yangquan-2023.txt")
    assert "表三 · 科研机构 · （五）4 无正当理由大量反复申请：空白" in result.output
    assert gov_check(EXAMPLES / "huaian-2024.pdf").exit_code == 0


def test_pdf_without_pdfplumber_says_how_to_install(monkeypatch, gov_check):
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    result = gov_check("convert", EXAMPLES / "huaian-2024.pdf")
    assert result.exit_code == 2
    assert "gov-check[pdf]" in result.stderr and "Traceback" not in result.output


def test_damaged_files_are_one_line_errors(gov_check, tmp_path):
    for name, data in (("bad.docx", b"PK\x03\x04garbage"), ("bad.pdf", b"%PDF-1.4\ngarbage"),
                       ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100),
                       ("saved-as.doc", b"{\\rtf1\\ansi \\u38451?}")):
        path = tmp_path / name
        path.write_bytes(data)
        result = gov_check("convert", path)
        assert result.exit_code == 2, name
        assert result.stderr.startswith(f"gov-check: {path}: ") and "Traceback" not in result.output


def test_columns_printed_in_another_order():
    blocks = _rows(
        ["第二十条第（一）项"], ["信息内容", "现行有效件数", "本年制发件数", "本年废止件数"], ["规章", "11", "1", "0"],
        ["申请人情况"], ["自然人", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
        ["一、本年新收政府信息公开申请数量", *"1234567"],
    )
    loaded = assemble(blocks, fmt="text", options=LoadOptions())
    # T2's header names each column, so its order is followed; T3's order cannot be trusted.
    assert loaded.document["tables"]["t2"]["regulations"] == {"issued": 1, "repealed": 0, "in_force": 11}
    assert "t3" not in loaded.document["tables"]
    reasons = {f.pointer: f.args["reason"].zh for f in loaded.findings}
    assert "栏目顺序与模板不同" in reasons["/tables/t3/new_received"]


def test_t4_blocks_with_their_own_labels_and_a_row_that_does_not_fit():
    blocks = [Para("四、政府信息公开行政复议、行政诉讼情况", {"line": 1}), *_rows(
        ["行政复议", "1", "0", "0", "0", "1"],
        ["复议后起诉", "0", "0", "0", "0", "0"],
        ["未经复议直接起诉"], ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], ["2", "0", "0", "1", "3"],
        ["7", "7", "7"],
    )]
    loaded = assemble(blocks, fmt="text", options=LoadOptions())
    t4 = loaded.document["tables"]["t4"]
    assert t4["review"]["total"] == 1 and t4["litigation_after_review"]["total"] == 0
    assert t4["litigation_direct"] == {"upheld": 2, "corrected": 0, "other": 0, "pending": 1, "total": 3}
    assert [f.pointer for f in loaded.findings] == ["/tables/t4"]  # the three stray numbers


def test_markdown_tables_and_a_web_page_laid_out_in_a_table(tmp_path):
    from tests.loaders.render import layout, to_html

    md = tmp_path / "r.md"
    md.write_text("# 示例县人民政府2023年政府信息公开工作年度报告\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n"
                  "| 行政复议 | | | | | 行政诉讼 |\n|---|---|---|---|---|---|\n"
                  "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |\n"
                  "| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 2 |\n", encoding="utf-8")
    loaded = load(md, LOADERS, LoadOptions())
    assert loaded.document["metadata"]["organ_name"] == "示例县人民政府"
    assert loaded.document["tables"]["t4"]["litigation_after_review"]["upheld"] == 2
    assert loaded.source_map["/tables/t4/review/upheld"] == {"line": 8}

    doc = clean()
    page = to_html(layout(doc), tmp_path / "p.html").read_text(encoding="utf-8")
    page = page.replace("<body>", '<body><table class="layout"><tr><td>').replace("</body>", "</td></tr></table></body>")
    framed = tmp_path / "framed.html"
    framed.write_text(page, encoding="utf-8")
    loaded = load(framed, LOADERS, LoadOptions())
    assert loaded.document["tables"]["t3"] == doc["tables"]["t3"]
    assert loaded.document["sections"][0]["heading"] == "一、总体情况"


def test_a_file_without_text_is_a_one_line_error(gov_check, tmp_path):
    for name, data in (("empty.txt", b""), ("blank.html", b"<html><body><img src='scan.png'></body></html>")):
        path = tmp_path / name
        path.write_bytes(data)
        result = gov_check(path)
        assert result.exit_code == 2 and "没有文字内容" in result.stderr, name


def test_web_page_entities_are_never_expanded_nor_files_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    laughs = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10 if i else "ha" * 10}">' for i in range(8))
    page = (f'<!DOCTYPE html [{laughs}<!ENTITY x SYSTEM "file://{secret}">]>\n'
            "<html><body><h1>示例县人民政府2023年政府信息公开工作年度报告</h1><p>&l7;&x;</p></body></html>")
    path = tmp_path / "r.html"
    path.write_text(page, encoding="utf-8")
    loaded = load(path, LOADERS, LoadOptions())
    text = json.dumps(loaded.document, ensure_ascii=False)
    assert "TOP-SECRET" not in text and "haha" not in text
    assert loaded.document["metadata"]["report_year"] == 2023


def test_web_page_furniture_around_the_report_is_not_report_text(tmp_path):
    from tests.loaders.render import layout, to_html

    doc = clean()
    page = to_html(layout(doc), tmp_path / "p.html").read_text(encoding="utf-8")
    page = page.replace("<body>", "<body><div class='nav'><a>首页</a> &gt; <a>政务公开</a></div>"
                        "<div>首页 > 政府信息公开年报 > 示例县人民政府2023年政府信息公开工作年度报告</div>"
                        "<div>发布时间：2024-01-21 来源：县政府办公室</div>")
    page = page.replace("</body>", "<div class='footer'>打印本页 关闭窗口</div><div>主办：示例县人民政府办公室</div></body>")
    path = tmp_path / "site.html"
    path.write_text(page, encoding="utf-8")
    loaded = load(path, LOADERS, LoadOptions())
    expected = {k: v for k, v in doc["metadata"].items() if k != "region"}
    assert loaded.document["metadata"] == expected
    assert loaded.document["preface"] == doc["preface"]
    assert loaded.document["signature"] == doc["signature"]
    assert loaded.document["sections"] == doc["sections"]


def test_a_row_printed_twice_with_different_numbers_keeps_neither():
    row = ["二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"]
    changed = row[:-1] + ["2"]
    loaded = assemble(_rows(row, changed, row), fmt="text", options=LoadOptions())
    carried = loaded.document["tables"]["t3"]["carried_over"]
    assert "total" not in carried and carried["natural_person"] == 1
    assert "/tables/t3/carried_over/total" in {f.pointer for f in loaded.findings}


def test_word_report_framed_in_a_one_cell_table(tmp_path):
    import docx

    from tests.loaders.render import layout, to_docx

    doc = clean()
    inner = docx.Document(str(to_docx(layout(doc), tmp_path / "inner.docx")))
    framed = docx.Document()
    frame = framed.add_table(rows=1, cols=1).cell(0, 0)._tc
    for element in list(inner.element.body):
        if not element.tag.endswith("sectPr"):
            frame.append(element)
    framed.save(str(tmp_path / "framed.docx"))
    loaded = load(tmp_path / "framed.docx", LOADERS, LoadOptions())
    doc["tables"]["t2"]["fees"]["amount"] = "35.6"  # as printed
    assert loaded.document["tables"] == doc["tables"]
    assert [s["heading"] for s in loaded.document["sections"]] == [s["heading"] for s in doc["sections"]]
