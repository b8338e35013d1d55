"""gov-check compare on pairs built from the examples: a report with itself, and the real sample
(阳泉 2023) with a constructed 2022 report whose every difference is known (checker/testing/pairs.py)."""

from __future__ import annotations

import json

import jsonschema
import pytest

from checker.compare import build
from checker.engine import Engine
from checker.testing.pairs import CHANGES, constructed_last_year
from tests.conftest import EXAMPLES, write_json


def _compare(last: dict, this: dict, **kwargs) -> dict:
    engine = Engine()
    last_result = engine.check(last, file="last.json")
    this_result = engine.check(this, file="this.json", previous=last)
    return build(last_result, this_result, engine.rule_classes(), **kwargs)


@pytest.fixture(scope="module")
def sample() -> dict:
    return json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pair(sample) -> dict:
    return _compare(constructed_last_year(sample), sample)


def _rows(comparison: dict, status: str) -> list[tuple[str, dict]]:
    return [(s["title"], r) for s in comparison["sections"] for r in s["rows"] if r["status"] == status]


def _section(comparison: dict, number: int) -> dict:
    return next(s for s in comparison["sections"] if s["number"] == number)


def test_a_report_compared_with_itself_is_all_reuse_and_no_change(sample):
    c = _compare(sample, sample)
    assert c["summary"]["reuse"] == 1.0
    assert {k: v for k, v in c["summary"]["sentences"].items() if v} == {"copied": 44, "boilerplate": 2}
    assert all(r["diff"] is None for s in c["sections"] for r in s["rows"])
    assert c["summary"]["cells"] == 200 and c["summary"]["cells_changed"] == 0 and c["summary"]["large_changes"] == 0
    assert all(f["change"] in (0, None) for f in c["figures"])
    assert {f["status"] for f in c["findings"]} == {"persisting"}  # every problem is still there, none fixed
    assert all(s["reuse"] in (None, 1.0) for s in c["sections"])


def test_sections_pair_by_meaning_even_when_a_heading_is_misnumbered(pair):
    five = _section(pair, 5)
    assert five["last"]["heading"] == CHANGES["misnumbered_heading"]  # 「四、」 printed for section 五
    assert five["this"]["heading"] == "存在的主要问题及改进情况"  # no numeral at all
    four = _section(pair, 4)
    assert four["last"]["heading"] == four["this"]["heading"] == "政府信息公开行政复议、行政诉讼情况"
    assert [s["number"] for s in pair["sections"]] == [None, 1, 2, 3, 4, 5, 6]
    assert pair["sections"][0]["key"] == "preface"


def test_a_changed_sentence_shows_the_changed_characters(pair):
    changed = [r for _, r in _rows(pair, "changed")]
    assert len(changed) == 1
    row = changed[0]
    assert (row["last"], row["this"]) == (CHANGES["changed_from"], CHANGES["changed"])
    deleted = "".join(t for op, t in row["diff"] if op == "delete")
    inserted = "".join(t for op, t in row["diff"] if op == "insert")
    assert "推" in deleted and "发" in inserted
    # the diff rebuilds both sentences
    assert "".join(t for op, t in row["diff"] if op != "insert") == row["last"]
    assert "".join(t for op, t in row["diff"] if op != "delete") == row["this"]


def test_added_removed_and_moved_sentences(pair):
    assert [(t, r["this"]) for t, r in _rows(pair, "added")] == [("一、总体情况", CHANGES["added"])]
    assert [(t, r["last"]) for t, r in _rows(pair, "removed")] == [("一、总体情况", CHANGES["removed"])]
    moved = _rows(pair, "moved")
    assert [(t, r["this"], r["moved"]) for t, r in moved] == [("一、总体情况", CHANGES["moved"], "五、存在的主要问题及改进情况")]
    away = _rows(pair, "moved_away")
    assert [(t, r["last"], r["moved"]) for t, r in away] == [("五、存在的主要问题及改进情况", CHANGES["moved"], "一、总体情况")]


def test_a_sentence_copied_with_new_figures_is_a_copy_with_the_figures_marked(pair):
    row = next(r for _, r in _rows(pair, "copied") if r["this"] and CHANGES["figures"] in r["this"])
    assert CHANGES["figures_from"] in row["last"]
    assert ("insert", "84") in [tuple(x) for x in row["diff"]] or any(op == "insert" and "8" in t for op, t in row["diff"])


def test_reuse_per_section_and_over_the_threshold(pair):
    assert 0.9 < pair["summary"]["reuse"] < 1.0
    assert pair["summary"]["sections_over_threshold"] == ["一、总体情况", "五、存在的主要问题及改进情况"]
    six = _section(pair, 6)  # one short sentence: its share is shown, not marked (GC703's min_chars)
    assert six["reuse"] == 1.0 and not six["over_threshold"]


def test_reuse_equals_gc703(sample):
    last = constructed_last_year(sample)
    c = _compare(last, sample)
    engine = Engine()
    gc703 = next(f for f in engine.check(sample, previous=last).findings if f.code == "GC703")
    assert round(c["summary"]["reuse"], 3) == gc703.args["share"]


def test_cells_side_by_side_blanks_as_printed_and_large_changes(pair):
    t2 = next(t for t in pair["tables"] if t["id"] == "t2")
    cells = {(r["id"], i): c for g in t2["grids"] for r in g["rows"] for i, c in enumerate(r["cells"])}
    licensing = cells[("licensing", 0)]
    assert (licensing["last"]["value"], licensing["this"]["value"], licensing["change"]) == (5000, 39907, 34907)
    assert licensing["percent"] == 698.1 and licensing["large"]
    punishment = cells[("punishment", 0)]
    assert punishment["last"]["kind"] == "blank" and punishment["last"]["shown"] == "（空白）"
    assert punishment["this"]["raw"] == "3022\u3000" and punishment["this"]["shown"] == "3022\u3000".strip()
    assert punishment["change"] is None and punishment["percent"] is None and not punishment["large"]
    assert punishment["changed"]
    t3 = next(t for t in pair["tables"] if t["id"] == "t3")
    excessive = next(r for r in t3["grids"][0]["rows"] if r["id"] == "not_processed_excessive")["cells"][2]
    assert excessive["last"]["shown"] == excessive["this"]["shown"] == "（空白）" and not excessive["changed"]
    assert pair["summary"]["large_changes"] == 1


def test_large_change_thresholds_are_configurable(sample):
    from checker.compare import CompareOptions, Thresholds

    c = _compare(constructed_last_year(sample), sample, options=CompareOptions(large=Thresholds(ratio=10, minimum=10)))
    assert c["summary"]["large_changes"] == 0  # 5000 → 39907 is under 10×
    c = _compare(constructed_last_year(sample), sample, options=CompareOptions(large=Thresholds(ratio=1.1, minimum=1)))
    assert c["summary"]["large_changes"] > 1


def test_carry_over_and_roll_forward_shown_with_both_sides(pair):
    ids = {(i["kind"], i["label"].split("：")[0]): i for i in pair["identities"]}
    total = ids[("carry_over", "表三 · 总计")]
    assert (total["left"]["expression"], total["right"]["expression"], total["holds"], total["difference"]) == ("3", "0", False, -3)
    research = ids[("carry_over", "表三 · 科研机构")]
    assert research["holds"] is True and research["left"]["value"] == research["right"]["value"] == 0
    documents = ids[("roll_forward", "表二 · 行政规范性文件")]
    assert documents["left"]["expression"] == "32 + 18 − 12 = 38" and documents["right"]["expression"] == "38"
    assert documents["holds"] is True
    rules = ids[("roll_forward", "表二 · 规章")]
    assert rules["holds"] is False and rules["difference"] == -1
    assert pair["summary"]["identities_broken"] == 4  # 自然人, 商业企业, 总计, 规章


def test_an_identity_with_a_blank_side_says_why_it_cannot_be_checked(sample):
    last = constructed_last_year(sample)
    last["tables"]["t3"]["carried_forward"]["total"] = None
    c = _compare(last, sample)
    total = next(i for i in c["identities"] if i["label"].startswith("表三 · 总计"))
    assert total["holds"] is None and total["left"]["expression"] == "（空白）"
    assert "表三 · 总计 · 四、结转下年度继续办理（空白） 不是数字" in total["reason"]


def test_figures_in_the_text_aligned_with_their_change(pair):
    figures = {f["quantity"]: f for f in pair["figures"]}
    received = figures["t3.received"]
    assert (received["last"]["value"], received["this"]["value"], received["change"], received["percent"]) == (70, 84, 14, 20.0)
    assert figures["t3.results_total"]["change"] == 15
    assert figures["text.interpretations"]["this"]["value"] is None  # 87 and 75 in one sentence: not guessed
    assert figures["text.interpretations"]["this"]["values"] == [75, 87]


def test_work_figures_of_the_text():
    from checker.compare.figures import compare_figures
    from checker.model import Report

    def doc(year: int, text: str) -> Report:
        return Report({"metadata": {"organ_name": "示例市数据局", "report_year": year},
                       "sections": [{"heading": "一、总体情况", "text": text}]})

    last = doc(2022, "全年共召开新闻发布会12场，主动公开政府信息1500条。")
    this = doc(2023, "全年主动公开政府信息1800条，召开新闻发布会9场，开展业务培训约10次。")
    figures = {f["quantity"]: f for f in compare_figures(last, this)}
    assert (figures["text.press_conferences"]["last"]["value"], figures["text.press_conferences"]["this"]["value"]) == (12, 9)
    assert figures["text.press_conferences"]["change"] == -3
    assert figures["text.published"]["change"] == 300 and figures["text.published"]["percent"] == 20.0
    assert "text.training" not in figures  # 「约10次」 is approximate


def test_findings_of_both_years_persisting_and_fixed(pair):
    by = {(f["status"], f["code"], f["place"]) for f in pair["findings"]}
    assert ("persisting", "GC201", "表三 · 科研机构 · （五）4 无正当理由大量反复申请") in by
    assert ("fixed", "GC101", "表二 · 行政处罚 · 本年处理决定数量") in by  # last year's blank is filled
    assert ("cross_year", "GC701", "表三 · 总计 · 二、上年结转申请") in by
    assert not any(f["status"] == "fixed" and f["code"].startswith("GC7") for f in pair["findings"])


def test_json_output_matches_its_schema(pair):
    import schemas
    from checker.output.compare import render_comparison

    schema = json.loads(schemas.text("compare"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(json.loads(render_comparison(pair, "json")))


def test_english(sample):
    from checker.compare import CompareOptions
    from checker.output.compare import render_comparison

    c = _compare(constructed_last_year(sample), sample, options=CompareOptions(lang="en"))
    md = render_comparison(c, "markdown")
    assert "Year-over-year comparison" in md and "moved from last year's “5. Main problems and improvements”" in md
    assert any(i["label"].startswith("Table 3 · Total") for i in c["identities"])


# -- the command ---------------------------------------------------------------------------------


@pytest.fixture
def last_file(tmp_path, sample):
    return write_json(tmp_path / "阳泉-2022.json", constructed_last_year(sample))


def test_cli_writes_each_format(gov_check, tmp_path, last_file):
    this = EXAMPLES / "yangquan-2023.json"
    for suffix, marker in ((".html", b"<!DOCTYPE html>"), (".md", "# 年度报告两年比对".encode()), (".json", b'"schema_version"'),
                           (".docx", b"PK")):
        out = tmp_path / f"比对{suffix}"
        result = gov_check("compare", last_file, this, "-o", out)
        assert result.exit_code == 0, result.output
        assert marker in out.read_bytes()[:200]
    import docx

    text = "\n".join(c.text for t in docx.Document(str(tmp_path / "比对.docx")).tables for r in t.rows for c in r.cells)
    assert CHANGES["added"] in text and "32 + 18 − 12 = 38" in text and "连续两年" in text


def test_cli_markdown_on_stdout(gov_check, last_file):
    result = gov_check("compare", last_file, EXAMPLES / "yangquan-2023.json")
    assert result.exit_code == 0
    assert "| 移来 |" in result.output and "连续两年" in result.output


def test_cli_refuses_another_organ_or_year_unless_forced(gov_check, tmp_path, sample):
    other = dict(sample, metadata=dict(sample["metadata"], organ_name="大同市人民政府", report_year=2022))
    path = write_json(tmp_path / "other.json", other)
    result = gov_check("compare", path, EXAMPLES / "yangquan-2023.json")
    assert result.exit_code == 2
    assert "机关不同：上年报告为「大同市人民政府」，本年报告为「阳泉市人民政府」" in result.output
    assert "--force" in result.output
    result = gov_check("compare", EXAMPLES / "yangquan-2023.json", EXAMPLES / "yangquan-2023.json")
    assert result.exit_code == 2 and "年度不相邻：上年报告为 2023 年度，本年报告为 2023 年度" in result.output
    out = tmp_path / "forced.json"
    result = gov_check("compare", path, EXAMPLES / "yangquan-2023.json", "--force", "-o", out)
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["forced"][0].startswith("机关不同")


def test_cli_organ_map_pairs_a_renamed_organ(gov_check, tmp_path, sample):
    last = constructed_last_year(sample)
    last["metadata"]["organ_name"] = "阳泉市政府"
    path = write_json(tmp_path / "renamed.json", last)
    names = tmp_path / "renamed.toml"
    names.write_text('[organs]\n"阳泉市人民政府" = "阳泉市政府"\n', encoding="utf-8")
    assert gov_check("compare", path, EXAMPLES / "yangquan-2023.json").exit_code == 2
    assert gov_check("compare", path, EXAMPLES / "yangquan-2023.json", "--organ-map", names).exit_code == 0


def test_cli_bad_input_is_a_clear_message(gov_check, tmp_path, last_file):
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    result = gov_check("compare", last_file, broken)
    assert result.exit_code == 2 and "本年度报告：" in result.output and "broken.json" in result.output
    assert gov_check("compare", last_file).exit_code == 2
    result = gov_check("compare", last_file, EXAMPLES / "yangquan-2023.json", "-f", "docx")
    assert result.exit_code == 2 and "-o" in result.output
    result = gov_check("compare", last_file, EXAMPLES / "yangquan-2023.json", "--output-dir", tmp_path / "x")
    assert result.exit_code == 2 and "--previous-dir" in result.output


def test_cli_any_input_format(gov_check, tmp_path, last_file):
    """The text sample against the constructed JSON: formats may differ between the years."""
    out = tmp_path / "mixed.json"
    result = gov_check("compare", last_file, EXAMPLES / "yangquan-2023.txt", "-o", out)
    assert result.exit_code == 0, result.output
    c = json.loads(out.read_text(encoding="utf-8"))
    assert c["this"]["format"] == "text" and c["summary"]["reuse"] > 0.8
    assert [s["number"] for s in c["sections"] if s["last"] and s["this"]] == [None, 1, 2, 3, 4, 5, 6]


def test_batch_pairs_every_unit_and_lists_the_lonely(gov_check, tmp_path, sample, clean_doc):
    this_dir, last_dir, out = tmp_path / "2023", tmp_path / "2022", tmp_path / "比对"
    this_dir.mkdir(), last_dir.mkdir()
    write_json(this_dir / "阳泉.json", sample)
    write_json(this_dir / "clean.json", clean_doc)  # no report of last year
    last = constructed_last_year(sample)
    last["metadata"]["organ_name"] = " 阳泉市人民政府 "  # names are normalised
    write_json(last_dir / "阳泉.json", last)
    write_json(last_dir / "gone.json", dict(clean_doc, metadata=dict(clean_doc["metadata"], organ_name="已撤销局", report_year=2022)))
    (last_dir / "broken.json").write_text("[", encoding="utf-8")
    result = gov_check("compare", "--previous-dir", last_dir, this_dir, "--output-dir", out)
    assert result.exit_code == 2, result.output  # one file could not be read: said, the rest compared
    assert "已比较 1 对报告" in result.output and "broken.json" in result.output
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert [p["file"] for p in index["pairs"]] == ["阳泉市人民政府-2023.html"]
    assert index["pairs"][0]["summary"]["reuse"] > 0.9
    assert [i["organ_name"] for i in index["without_last_year"]] == [clean_doc["metadata"]["organ_name"]]
    assert [i["organ_name"] for i in index["without_this_year"]] == ["已撤销局"]
    assert (out / "阳泉市人民政府-2023.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    page = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="阳泉市人民政府-2023.html"' in page and "已撤销局" in page


def test_two_word_reports_compare_as_their_json(gov_check, tmp_path, sample):
    from tests.loaders.render import layout, to_docx

    this = to_docx(layout(sample), tmp_path / "this.docx")
    last = to_docx(layout(constructed_last_year(sample)), tmp_path / "last.docx")
    out = tmp_path / "word.json"
    assert gov_check("compare", last, this, "-o", out).exit_code == 0
    word = json.loads(out.read_text(encoding="utf-8"))
    assert word["last"]["format"] == word["this"]["format"] == "docx"
    reference = _compare(constructed_last_year(sample), sample)
    assert word["summary"]["sentences"] == reference["summary"]["sentences"]
    assert word["summary"]["cells_changed"] == reference["summary"]["cells_changed"]
    assert word["identities"] == reference["identities"]


def _doc(year: int, sections: list[tuple[str, str]], **tables) -> dict:
    return {"schema_version": "1", "metadata": {"organ_name": "示例市数据局", "report_year": year},
            "sections": [{"heading": h, "text": t} for h, t in sections], "tables": tables}


def test_a_sentence_moved_within_a_section():
    a = "全年组织政务公开业务培训两次，覆盖各科室工作人员"
    b = "完善政府信息公开保密审查制度，明确审查责任和流程"
    c = "依托门户网站集中公开行政规范性文件并动态更新"
    last = _doc(2022, [("一、总体情况", f"{a}。{b}。{c}。")])
    this = _doc(2023, [("一、总体情况", f"{b}。{c}。{a}。")])
    rows = _compare(last, this)["sections"][0]["rows"]
    assert [(r["status"], r["this"] or r["last"]) for r in rows] == [("moved_away", a), ("copied", b), ("copied", c), ("moved", a)]
    assert rows[-1]["moved"] == rows[0]["moved"] == "一、总体情况"


def test_a_section_whose_heading_names_nothing_known_pairs_by_its_text():
    problems = ("部分单位对政务公开工作重视不够，信息发布不及时，政策解读形式单一。"
                "下一步将加强业务培训，完善考核机制，提升公开质量。")
    last = _doc(2022, [("一、总体情况", "本年度主动公开信息。"), ("五、存在的主要问题及改进情况", problems)])
    this = _doc(2023, [("一、总体情况", "本年度主动公开信息。"), ("五、工作中的不足与下一步打算", problems.replace("单一", "较少"))])
    c = _compare(last, this)
    pair = c["sections"][1]
    assert pair["number"] is None and pair["this"]["heading"] == "五、工作中的不足与下一步打算"
    assert pair["last"]["heading"] == "五、存在的主要问题及改进情况"
    assert [r["status"] for r in pair["rows"]] == ["changed", "copied"]


def test_malformed_documents_compare_without_a_crash():
    engine = Engine()
    for last, this in (([], {}), ({"sections": "x", "tables": {"t3": "y"}}, {"sections": [None, {"heading": 3}],
                                                                            "tables": {"t2": {"fees": []}}})):
        c = build(engine.check(last), engine.check(this, previous=last), engine.rule_classes())
        assert c["summary"]["reuse"] is None and c["summary"]["cells_changed"] == 0
        assert all(i["holds"] is None for i in c["identities"])


def test_cli_english_pairing_message(gov_check, tmp_path, sample):
    path = write_json(tmp_path / "same.json", sample)
    result = gov_check("compare", path, EXAMPLES / "yangquan-2023.json", "--lang", "en")
    assert result.exit_code == 2 and "not consecutive years: last year's report is for 2023" in result.output


def test_batch_in_a_pool_of_workers_writes_the_same(gov_check, tmp_path, sample):
    this_dir, last_dir = tmp_path / "2023", tmp_path / "2022"
    this_dir.mkdir(), last_dir.mkdir()
    for i in range(3):  # three units, each with its last year
        name = f"示例{i}市人民政府"
        write_json(this_dir / f"{i}.json", dict(sample, metadata=dict(sample["metadata"], organ_name=name)))
        last = constructed_last_year(sample)
        write_json(last_dir / f"{i}.json", dict(last, metadata=dict(last["metadata"], organ_name=name)))
    indexes = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        result = gov_check("compare", "--previous-dir", last_dir, this_dir, "--output-dir", out, "--jobs", jobs, "-f", "json")
        assert result.exit_code == 0, result.output
        index = json.loads((out / "index.json").read_text(encoding="utf-8"))
        assert [p["file"] for p in index["pairs"]] == [f"示例{i}市人民政府-2023.json" for i in range(3)]
        indexes.append([p["summary"] for p in index["pairs"]])
        assert (out / "示例2市人民政府-2023.json").exists()
    assert indexes[0] == indexes[1]


def test_a_2019_template_last_year_against_a_2021_template_this_year():
    from checker.testing import __file__ as testing

    folder = __import__("pathlib").Path(testing).parent
    last = json.loads((folder / "clean-2019.json").read_text(encoding="utf-8"))  # the report for 2020
    this = json.loads((folder / "clean-2021.json").read_text(encoding="utf-8"))
    this["metadata"] = dict(this["metadata"], report_year=2021)
    c = _compare(last, this)
    t2 = next(t for t in c["tables"] if t["id"] == "t2")
    assert t2["grids"] == [] and "模板不同" in t2["note"]
    t3 = next(t for t in c["tables"] if t["id"] == "t3")
    rows = {r["id"]: r for r in t3["grids"][0]["rows"]}
    other = rows["other_handling"]["cells"][6]  # last year's single （六）其他处理 row is shown
    assert other["this"]["shown"] == "（无此格）" and other["last"]["kind"] == "number" and not other["changed"]
    overdue = rows["other_overdue_correction"]["cells"][6]
    assert overdue["last"]["shown"] == "（无此格）" and not overdue["changed"]
    assert not [i for i in c["identities"] if i["kind"] == "roll_forward"]  # 对外公开总数量 is not 现行有效
    assert [i["holds"] for i in c["identities"] if i["kind"] == "carry_over"].count(None) == 0


def test_a_long_rewritten_text_is_compared_quickly():
    import random
    import time

    from checker.compare.sections import compare_text
    from checker.model import Report

    rng = random.Random(7)
    words = "公开信息平台政务申请办理制度培训考核监督网站新媒体解读回应保障规范目录更新服务"

    def text() -> str:
        return "。".join("".join(rng.choice(words) for _ in range(rng.randint(20, 60))) for _ in range(1500)) + "。"

    last = Report({"metadata": {"report_year": 2022}, "sections": [{"heading": "一、总体情况", "text": text()}]})
    this = Report({"metadata": {"report_year": 2023}, "sections": [{"heading": "一、总体情况", "text": text()}]})
    start = time.perf_counter()
    pairs, reuse = compare_text(last, this)
    assert time.perf_counter() - start < 10  # under 1 s on the development machine (2 shared cores)
    assert len(pairs[0].rows) >= 1500


def test_cli_select_limits_the_findings(gov_check, tmp_path, last_file):
    out = tmp_path / "selected.json"
    assert gov_check("compare", last_file, EXAMPLES / "yangquan-2023.json", "--select", "GC2,GC7", "-o", out).exit_code == 0
    codes = {f["code"][:3] for f in json.loads(out.read_text(encoding="utf-8"))["findings"]}
    assert codes == {"GC2", "GC7"}


def test_batch_reads_each_file_once(gov_check, tmp_path, sample, monkeypatch):
    import checker.compare.batch as batch

    this_dir, last_dir = tmp_path / "2023", tmp_path / "2022"
    this_dir.mkdir(), last_dir.mkdir()
    write_json(this_dir / "阳泉.json", sample)
    write_json(last_dir / "阳泉.json", constructed_last_year(sample))
    reads: list[str] = []
    real = batch.load

    def counting(path, *args, **kwargs):
        reads.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(batch, "load", counting)
    result = gov_check("compare", "--previous-dir", last_dir, this_dir, "--output-dir", tmp_path / "out", "-j", "1")
    assert result.exit_code == 0, result.output
    assert sorted(reads) == sorted([str(this_dir / "阳泉.json"), str(last_dir / "阳泉.json")])


@pytest.mark.parametrize("last, this, large", [
    (0, 50, True),  # something new: 同比 cannot be computed, still worth explaining
    (50, 0, True),
    (3, 30, True), (30, 3, True),  # a rise and the matching fall alike
    (5000, 39907, True),
    (1, 6, False), (8, 1, False), (0, 9, False),  # small numbers moving
    (100, 450, False), (100, 22, False),  # under 5× either way
    (10, 51, True), (51, 10, True),
    (0, 0, False), (12, 12, False),
])
def test_a_large_change_is_judged_on_the_larger_of_the_two_years(last, this, large):
    from checker.compare.tables import Thresholds

    assert Thresholds(ratio=5, minimum=10).is_large(last, this) is large


def test_cli_large_change_options_name_what_they_mean(gov_check, last_file):
    this = EXAMPLES / "yangquan-2023.json"
    result = gov_check("compare", last_file, this, "-f", "json", "--large-ratio", "10", "--large-min", "40000")
    assert result.exit_code == 0, result.output
    c = json.loads(result.output)
    assert c["options"]["large_ratio"] == 10 and c["options"]["large_min"] == 40000
    assert c["summary"]["large_changes"] == 0  # 5000 → 39907: under 10×, and the larger is under 40000
    assert "较大的数" in gov_check("compare", "--help").output
