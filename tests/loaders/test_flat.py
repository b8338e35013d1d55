"""Flattened crawler text read back: digit runs split into cells (by the digits alone, or by the
template's relations), headings found inline, misprinted labels matched by position and edit
distance — and never a wrong cell: what cannot be decoded is a GC003 with its candidates."""

from __future__ import annotations

import json

import pytest

from checker.loaders import LoadOptions
from checker.loaders.digits import Relation, RowRun, decode, pieces, splits
from checker.loaders.flat import distance, find_headings, is_flat
from checker.loaders.text_loader import load
from tests.conftest import EXAMPLES
from tests.loaders.render import _clean, crawler_text


def _total(cells):
    return cells[-1] == sum(cells[:-1])


# -- splitting one run ---------------------------------------------------------------------------

@pytest.mark.parametrize("run,width,expected", [
    ("0 0 0 0 0 00", 7, [("0",) * 7]),  # a space is a boundary; 「00」 can only be 0, 0
    ("20 0 0 0 02", 7, [("2", "0", "0", "0", "0", "0", "2")]),  # seven cells need 「20」 split
    ("0011", 3, [("0", "0", "11")]),  # no leading zeros
    ("1000001", 7, [("1", "0", "0", "0", "0", "0", "1")]),
    ("2120", 3, [("2", "1", "20"), ("2", "12", "0"), ("21", "2", "0")]),
    ("0 0 0 0 0 0", 7, []),  # six numbers for seven cells: a blank went missing
    ("5949.09", 1, [("5949.09",)]),
])
def test_splits(run, width, expected):
    assert splits(pieces(run), width) == (expected, False)


def test_a_decimal_point_stays_inside_one_cell():
    found, _ = splits(pieces("12.5"), 2)
    assert found == [("1", "2.5")]


def test_a_long_run_is_capped_and_says_so():
    found, capped = splits(pieces("1234567891234567891234"), 7, limit=50)
    assert len(found) == 50 and capped


# -- choosing by relations -----------------------------------------------------------------------

def test_a_row_total_chooses_the_split_and_marks_it_inferred():
    result = decode([RowRun("r", 7, pieces("110000011"), _total)])
    assert result.rows["r"].cells is None and len(result.rows["r"].candidates) == 2  # 1,10,…,11 and 11,0,…,11
    # a second row printed with spaces and a column relation (a = b per column) leave one split of the table
    rows = [RowRun("a", 7, pieces("110000011"), _total), RowRun("b", 7, pieces("1 10 0 0 0 0 11"), _total)]
    rel = [Relation((("a", c),), (("b", c),)) for c in range(7)]
    result = decode(rows, rel)
    assert result.rows["a"].cells == ("1", "10", "0", "0", "0", "0", "11") and result.rows["a"].inferred
    assert result.rows["b"].cells == ("1", "10", "0", "0", "0", "0", "11") and not result.rows["b"].inferred


def test_rows_stay_out_when_several_tables_fit():
    rows = [RowRun("a", 7, pieces("110000011"), _total)]
    result = decode(rows, [])
    assert result.rows["a"].cells is None and result.rows["a"].reason == "ambiguous"


def test_a_table_no_split_fits_leaves_its_open_rows_out():
    rows = [RowRun("a", 7, pieces("110000011"), _total), RowRun("b", 7, pieces("2000002"), _total)]
    result = decode(rows, [Relation((("a", 6),), (("b", 6),))])
    assert result.rows["b"].cells == ("2", "0", "0", "0", "0", "0", "2") and not result.rows["b"].inferred
    assert result.rows["a"].cells is None and result.rows["a"].reason == "inconsistent"


# -- headings and labels -------------------------------------------------------------------------

def test_headings_by_numeral_position_and_words():
    body = ("本报告包括总体情况、主动公开政府信息情况等六个部分。一、总体情况2023年，…二、主动公开政府信息情况…"
            "三、收到和处理政府信息公开申请情况…四、结转下年度继续办理0 0 0 0 0 00四、政府信息公开行政复议、行政诉讼情况…"
            "五、存在的主要问题及明年工作计划…六、其他需要报告的事项无")
    found = [(n, body[s:e]) for n, s, e in find_headings(body)]
    assert found == [(1, "一、总体情况"), (2, "二、主动公开政府信息情况"), (3, "三、收到和处理政府信息公开申请情况"),
                     (4, "四、政府信息公开行政复议、行政诉讼情况"), (5, "五、存在的主要问题及明年工作计划"),
                     (6, "六、其他需要报告的事项")]


def test_distance():
    assert distance("不再处理", "不再受理") == 1 and distance("", "ab") == 2


def _sample_flat(tmp_path, printed: str, misprint: str):
    """The sample as crawler text (cells separated by spaces) with one label misprinted."""
    doc = json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8"))
    path = tmp_path / "page.txt"
    path.write_text(crawler_text(doc, "single").replace(printed, misprint), encoding="utf-8")
    return load(path, path.read_bytes(), LoadOptions())


def test_a_misprinted_label_is_read_by_position_and_named(tmp_path):
    loaded = _sample_flat(tmp_path, "2.其他法律行政法规禁止公开", "2.其他法律和行政法规禁止公开")
    notes = [f for f in loaded.findings if f.message == "label_variant"]
    assert [(f.severity.value, f.pointers[0], f.args["printed"]) for f in notes] == [
        ("info", "/tables/t3/denied_prohibited_by_law", "2.其他法律和行政法规禁止公开")]
    assert loaded.document["tables"]["t3"]["denied_prohibited_by_law"]["total"] == 1


def test_a_2019_label_in_a_2021_table_does_not_make_it_2019(tmp_path):
    loaded = _sample_flat(tmp_path, "行政规范性文件18", "规范性文件18")
    assert loaded.document["metadata"]["template_version"] == "2021"
    assert loaded.document["tables"]["t2"]["normative_documents"] == {"issued": 18, "repealed": 12, "in_force": 38}
    assert any(f.message == "label_variant" and f.args["printed"] == "规范性文件" for f in loaded.findings)


# -- round trip: the sample printed flat in every spacing style, read back -----------------------

def _expected(value):
    text = _clean(value)
    return int(text) if text.isdigit() else (text or None)


@pytest.mark.parametrize("spacing,seed", [("none", 0), ("single", 0), ("spaced", 0), ("irregular", 1), ("irregular", 2),
                                          ("irregular", 3)])
def test_round_trip_no_wrong_cell_and_every_gap_reported(tmp_path, spacing, seed):
    doc = json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8"))
    path = tmp_path / "page.txt"
    path.write_text(crawler_text(doc, spacing, seed), encoding="utf-8")
    assert is_flat(path.read_text(encoding="utf-8"))
    loaded = load(path, path.read_bytes(), LoadOptions())
    got = loaded.document["tables"]
    reported = {f.pointers[0] for f in loaded.findings if f.code == "GC003" and f.message == "left_out"}
    read = left = 0
    for table, rows in doc["tables"].items():
        for row, cells in rows.items():
            ptr = "/tables/t4" if table == "t4" else f"/tables/{table}/{row}"
            for col, value in cells.items():
                have = got.get(table, {}).get(row, {})
                if col in have:
                    assert have[col] == _expected(value), (table, row, col)  # never a wrong cell
                    read += 1
                else:
                    assert ptr in reported, (table, row, col)  # every cell left out is reported
                    left += 1
    for table, rows in got.items():  # nothing read that the report does not print
        for row, cells in rows.items():
            assert set(cells) <= set(doc["tables"][table][row])
    assert read + left == 200
    # the one blank cell (表三 （五）4 科研机构) makes its row unreadable in every style
    assert "/tables/t3/not_processed_excessive" in reported
    if spacing in ("single", "spaced"):
        assert left == 7
    meta = loaded.document["metadata"]
    assert (meta["title"], meta["report_year"], meta["organ_name"], meta["publication_date"], meta["signing_date"]) == (
        "阳泉市人民政府2023年政府信息公开工作年度报告", 2023, "阳泉市人民政府", "2024-03-10", "2024-03-07")
    assert len(loaded.document["sections"]) == 6


def test_decoded_cells_are_marked_and_the_note_says_arithmetic_cannot_fail(tmp_path):
    doc = json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8"))
    doc["tables"]["t3"]["not_processed_excessive"]["research"] = 0  # no blank: every relation is usable
    path = tmp_path / "page.txt"
    path.write_text(crawler_text(doc, "none"), encoding="utf-8")
    loaded = load(path, path.read_bytes(), LoadOptions())
    inferred = [p for p, w in loaded.source_map.items() if isinstance(w, dict) and w.get("inferred") == "relations"]
    assert inferred and all(p.startswith("/tables/") for p in inferred)
    notes = [f for f in loaded.findings if f.message == "decoded"]
    assert notes and all(f.severity.value == "info" for f in notes)
    assert {f.pointers[0] for f in notes} <= {"/tables/t3", "/tables/t4"}


def test_a_row_left_out_on_import_is_not_also_a_schema_error(tmp_path, gov_check):
    doc = json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8"))
    path = tmp_path / "page.txt"
    path.write_text(crawler_text(doc, "single"), encoding="utf-8")  # the blank in （五）4 leaves that row out
    result = gov_check("check", str(path), "--format", "json", "--no-config")
    report = json.loads(result.output)["reports"][0]
    pointers = {(f["code"], f["pointers"][0]) for f in report["findings"]}
    assert ("GC003", "/tables/t3/not_processed_excessive") in pointers
    assert not any(code == "GC001" for code, _ in pointers)
    gc001 = next(o for o in report["outcomes"] if o["code"] == "GC001")
    assert gc001["outcome"] == "insufficient_data" and "/tables/t3/not_processed_excessive" in gc001["pointers"]


def test_the_table_search_is_bounded_and_says_so():
    import time

    rows = [RowRun(f"r{i}", 7, pieces("110000011"), _total) for i in range(25)]  # 2**25 readings
    rel = [Relation((("r0", c),), tuple((f"r{i}", c) for i in range(1, 25))) for c in range(7)]
    start = time.perf_counter()
    result = decode(rows, rel)
    assert time.perf_counter() - start < 5
    assert all(r.cells is None and r.capped for r in result.rows.values())


def test_a_table_whose_labels_are_printed_but_not_its_rows_is_reported(tmp_path):
    text = ("标题: 某某局2023年度政府信息公开工作年度报告\n发布时间: 2024-01-10 09:00\n==================== 正文 ====================\n"
            "根据条例编制本报告。一、总体情况正文。二、主动公开政府信息情况《条例》第二十条第（一）项规定的信息均已公开。"
            "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）见附件。"
            "四、政府信息公开行政复议、行政诉讼情况无。五、存在的主要问题及改进情况问题。六、其他需要报告的事项无。")
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    loaded = load(path, path.read_bytes(), LoadOptions())
    assert loaded.document["tables"] == {}
    assert [(f.severity.value, f.pointers[0]) for f in loaded.findings] == [("warning", "/tables/t2"), ("warning", "/tables/t3")]
    assert len(loaded.document["sections"]) == 6
    assert loaded.document["sections"][1]["text"] == "《条例》第二十条第（一）项规定的信息均已公开。"


def test_a_one_line_body_without_the_crawler_header(tmp_path):
    doc = json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8"))
    text = crawler_text(doc, "single").split("==================== 正文 ====================\n", 1)[1]
    path = tmp_path / "report.txt"
    path.write_text(doc["metadata"]["title"] + "\n" + text, encoding="utf-8")
    loaded = load(path, path.read_bytes(), LoadOptions())
    assert loaded.document["metadata"]["report_year"] == 2023
    assert loaded.document["metadata"]["organ_name"] == "阳泉市人民政府"
    assert len(loaded.document["sections"]) == 6
    assert loaded.document["tables"]["t4"]["review"] == {"upheld": 0, "corrected": 8, "other": 7, "pending": 0, "total": 15}


def test_the_decoded_note_names_only_the_relations_that_were_used(tmp_path):
    # （五）4 has a blank, so that row is left out and （七）总计 = Σ results cannot take part in the search:
    # the note must not claim it (nor GC203, which can still find an error in this table).
    doc = json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8"))
    path = tmp_path / "page.txt"
    path.write_text(crawler_text(doc, "none"), encoding="utf-8")
    loaded = load(path, path.read_bytes(), LoadOptions())
    assert any(f.message == "left_out" and f.pointers == ("/tables/t3/not_processed_excessive",) for f in loaded.findings)
    note = next(f for f in loaded.findings if f.message == "decoded" and f.pointers == ("/tables/t3",))
    assert "每行总计 = 各类申请人之和" in str(note.args["relations"])
    assert "各项办理结果之和" not in str(note.args["relations"]) and "GC203" not in note.args["rules"]
    # with every row readable, all three relations take part and the note says so
    doc["tables"]["t3"]["not_processed_excessive"]["research"] = 0
    path.write_text(crawler_text(doc, "none"), encoding="utf-8")
    loaded = load(path, path.read_bytes(), LoadOptions())
    note = next(f for f in loaded.findings if f.message == "decoded" and f.pointers == ("/tables/t3",))
    assert str(note.args["relations"]).count("=") == 3 and "GC203" in note.args["rules"]


def test_decode_records_which_relations_chose():
    from checker.loaders.digits import ROW_RELATION

    assert decode([RowRun("r", 7, pieces("0 0 0 0 0 0 0"), _total)]).used == set()  # the digits alone
    rows = [RowRun("a", 7, pieces("110000011"), _total), RowRun("b", 7, pieces("1 10 0 0 0 0 11"), _total)]
    rel = [Relation((("a", c),), (("b", c),), "same") for c in range(7)]
    # 「110000011」 has more splits than its total allows (110,0,…,1,1); the column relation chose among the rest
    assert decode(rows, rel).used == {ROW_RELATION, "same"}
    rel_missing = [Relation((("a", c),), (("missing", c),), "gone") for c in range(7)]
    assert decode(rows, rel_missing).used == set()
    # the row's own total leaves two splits: it took part, but read nothing, so it is not named
    assert decode([RowRun("r", 7, pieces("110 0 0 0 0 11"), _total)]).used == set()



@pytest.mark.parametrize("spacing", ["none", "single", "spaced", "irregular"])
@pytest.mark.parametrize("labels_as", ["short", "long"])
def test_t4_printed_as_three_labelled_block_rows(tmp_path, spacing, labels_as):
    doc = json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8"))
    t4 = doc["tables"]["t4"]
    t4["review"] = dict(upheld=1, corrected=10, other=0, pending=0, total=11)  # two-digit cells next to a label
    t4["litigation_direct"] = dict(upheld=12, corrected=0, other=1, pending=3, total=16)
    t4["litigation_after_review"] = dict(upheld=0, corrected=0, other=2, pending=0, total=2)
    path = tmp_path / "page.txt"
    path.write_text(crawler_text(doc, spacing, 1, t4_rows=labels_as), encoding="utf-8")
    loaded = load(path, path.read_bytes(), LoadOptions())
    t4 = loaded.document["tables"].get("t4")
    expected = {b: dict(doc["tables"]["t4"][b]) for b in ("review", "litigation_direct", "litigation_after_review")}
    if t4 is None or any(f.message == "left_out" and "/tables/t4" in f.pointers[0] for f in loaded.findings):
        # never a wrong cell: what is not read is reported
        assert any(f.pointers and f.pointers[0].startswith("/tables/t4") for f in loaded.findings)
        assert spacing == "none", "only runs with no separator at all may stay ambiguous"
    else:
        assert {b: {c: t4[b][c] for c in expected[b]} for b in expected} == expected
