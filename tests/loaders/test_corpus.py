"""The real crawler-text reports in ../shared/corpus (see its README.md) read right: title, year, organ,
dates, the six headings and every table cell, each value checked by eye against the original file.

Cells that cannot be decoded with certainty are not in the tables; each such row is a GC003 warning
listing its candidate splits, and each misprinted label a GC003 info.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker import labels
from checker.loaders import LoadOptions
from checker.loaders.text_loader import load
from tests.conftest import SHARED

CORPUS = Path(os.environ.get("GOV_CHECK_SHARED", SHARED)) / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the real-report corpus is not at {CORPUS} "
                                                            "(CI lays shared/ beside the clone; set GOV_CHECK_SHARED)")

HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
ONE = [1, 0, 0, 0, 0, 0, 1]


def _t3(template: str, **rows: list[int]) -> dict:
    cols = [c.id for c in labels.T3_COLUMNS]
    out = {r.id: dict.fromkeys(cols, 0) for r in labels.t3_rows(template)}
    for row, values in rows.items():
        out[row] = dict(zip(cols, values))
    return out


def _t4(**blocks: list[int]) -> dict:
    cols = [c.id for c in labels.T4_COLUMNS]
    out = {b.id: dict.fromkeys(cols, 0) for b in labels.T4_BLOCKS}
    for block, values in blocks.items():
        out[block] = dict(zip(cols, values))
    return out


def _t2(regulations, normative, licensing, punishment, coercion, fees) -> dict:
    out = {"regulations": dict(zip(("issued", "repealed", "in_force"), regulations or ())),
           "normative_documents": dict(zip(("issued", "repealed", "in_force"), normative or ())),
           "licensing": {"decisions": licensing}, "punishment": {"decisions": punishment},
           "coercion": {"decisions": coercion}, "fees": {"amount": fees}}
    return {k: v for k, v in out.items() if v}


def _t2_2019(regulations, normative, licensing, other_services, punishment, coercion, fees, procurement=None) -> dict:
    made = ("new_made", "new_published", "total_published")
    items = ("previous_count", "change", "decisions")
    out = {"regulations": dict(zip(made, regulations)), "normative_documents": dict(zip(made, normative)),
           "licensing": dict(zip(items, licensing)), "other_services": dict(zip(items, other_services)),
           "punishment": dict(zip(items, punishment)), "coercion": dict(zip(items, coercion)),
           "fees": dict(zip(items[:2], fees))}
    if procurement:
        out["procurement"] = dict(zip(("projects", "amount"), procurement))
    return out


ZERO3 = [0, 0, 0]
CASES = {
    "pingtan-czj-2023": dict(
        title="平潭综合实验区财政金融局2023年度政府信息公开工作年度报告", organ="平潭综合实验区财政金融局", year=2023,
        published="2024-01-31", signed="2024-01-29", headings=HEADINGS, template="2021",
        tables={"t2": _t2(ZERO3, [0, 0, 8], 1, 0, 0, "5949.09"), "t3": _t3("2021"), "t4": _t4()}, gc003=[]),
    "pingtan-czj-2025": dict(
        title="平潭综合实验区财政金融局2025年度政府信息公开工作年度报告", organ="平潭综合实验区财政金融局", year=2025,
        published="2026-01-16", signed="2026-01-14", headings=HEADINGS, template="2021",
        tables={"t2": _t2(ZERO3, [0, 1, 0], 0, 1, 0, "4166.214619"),
                "t3": _t3("2021", new_received=[2, 0, 0, 0, 0, 0, 2], granted=ONE, unavailable_not_held=ONE,
                          results_total=[2, 0, 0, 0, 0, 0, 2]), "t4": _t4()}, gc003=[]),
    "pingtan-gaj-2022": dict(
        title="平潭综合实验区公安局2022年政府信息公开工作年度报告", organ="平潭综合实验区公安局", year=2022,
        published="2023-01-09", signed=None, headings=HEADINGS, template="2021",
        tables={"t2": _t2(ZERO3, [4, 1, 7], 0, 157, 0, 0),
                "t3": _t3("2021", new_received=ONE, carried_over=ONE, partly_granted=ONE, other_overdue_correction=ONE,
                          results_total=[2, 0, 0, 0, 0, 0, 2]), "t4": _t4()}, gc003=[]),
    "pingtan-gaj-2024": dict(
        title="平潭综合实验区公安局2024年政府信息公开工作年度报告", organ="平潭综合实验区公安局", year=2024,
        published="2025-01-20", signed=None, headings=HEADINGS[:4] + ["五、存在的主要问题及明年工作计划", HEADINGS[5]],
        template="2021",
        tables={"t2": _t2(ZERO3, [0, 0, 5], 52, 19, 7, 0),
                "t3": _t3("2021", new_received=[8, 0, 0, 0, 0, 0, 8], granted=[3, 0, 0, 0, 0, 0, 3], partly_granted=ONE,
                          unavailable_not_held=[4, 0, 0, 0, 0, 0, 4], results_total=[8, 0, 0, 0, 0, 0, 8]),
                "t4": _t4()}, gc003=[]),
    "pingtan-htp-2020": dict(
        title="平潭综合实验区海坛片区管理局2020年度政府信息公开工作年度报告", organ="平潭综合实验区海坛片区管理局", year=2020,
        published="2021-01-27", signed="2021-01-26", headings=HEADINGS, template="2019",
        tables={"t2_2019": _t2_2019(ZERO3, [1, 1, 1], ZERO3, [2, 0, 3], ZERO3, ZERO3, [0, 0]), "t3": _t3("2019"),
                "t4": _t4()},
        gc003=[("warning", "left_out", "/tables/t2_2019/procurement",
                "3 922533.2；39 22533.2；392 2533.2；3922 533.2；39225 33.2；392253 3.2"),
               ("info", "label_variant", "/tables/t3", "（本列数据的钩稽关系为")]),
    "pingtan-jjf-2021": dict(
        title="平潭综合实验区经济发展局2021年政府信息公开工作年度报告", organ="平潭综合实验区经济发展局", year=2021,
        published="2022-01-19", signed="2022-01-13",
        headings=HEADINGS[:3] + ["四、政府信息公开行政复议与行政诉讼情况"] + HEADINGS[4:], template="2021",
        tables={"t2": _t2(ZERO3, [5, 0, 5], 0, 0, 0, 0),
                "t3": {k: v for k, v in _t3("2021").items() if k not in ("granted", "partly_granted")}, "t4": _t4()},
        gc003=[("warning", "left_out", "/tables/t3/granted", "「0 0 0 0 0 0」不够拆成本行应有的栏数"),
               ("warning", "left_out", "/tables/t3/partly_granted", "「0 0 0 0 0 0」不够拆成本行应有的栏数")]),
    "pingtan-jjf-2022": dict(
        title="平潭综合实验区经济发展局2022年度政府信息公开工作年度报告", organ="平潭综合实验区经济发展局", year=2022,
        published="2023-01-05", signed="2023-01-05",
        headings=HEADINGS[:3] + ["四、政府信息公开行政复议与行政诉讼情况"] + HEADINGS[4:], template="2021",
        tables={"t2": _t2(ZERO3, [5, 0, 5], 0, 0, 0, 0),
                "t3": _t3("2021", new_received=[3, 0, 0, 0, 0, 0, 3], partly_granted=[3, 0, 0, 0, 0, 0, 3],
                          results_total=[3, 0, 0, 0, 0, 0, 3]), "t4": _t4()}, gc003=[]),
    "pingtan-jsp-2019": dict(
        title="平潭综合实验区君山片区管理局2019年政府信息公开工作年度报告", organ="平潭综合实验区君山片区管理局", year=2019,
        published="2020-01-08", signed="2020-01-02",
        headings=HEADINGS[:3] + ["四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
                                 "五、政府信息公开工作存在的主要问题及改进情况", HEADINGS[5]], template="2019",
        tables={"t2_2019": _t2_2019(ZERO3, [9, 9, 9], ZERO3, ZERO3, ZERO3, ZERO3, [0, 0]), "t3": _t3("2019"),
                "t4": _t4()},
        gc003=[("warning", "left_out", "/tables/t2_2019/procurement", "9 78407；97 8407；978 407；97840 7")]),
    "pingtan-jsp-2024": dict(
        title="平潭综合实验区君山片区管理局2024年政府信息公开工作年度报告", organ="平潭综合实验区君山片区管理局", year=2024,
        published="2025-01-24", signed="2025-01-23", headings=HEADINGS, template="2021",
        tables={"t2": _t2(ZERO3, [0, 0, 11], 0, 0, 0, 0),
                "t3": _t3("2021", new_received=[5, 0, 0, 0, 0, 0, 5], granted=ONE, partly_granted=[2, 0, 0, 0, 0, 0, 2],
                          unavailable_not_held=[2, 0, 0, 0, 0, 0, 2], results_total=[5, 0, 0, 0, 0, 0, 5]),
                "t4": _t4(review=[0, 1, 0, 0, 1])},
        gc003=[("info", "label_variant", "/tables/t3/denied_prohibited_by_law", "2.其他法律和行政法规禁止公开"),
               ("info", "label_variant", "/tables/t3/other_overdue_correction", "行政机关不再受理其政府信息公开申请"),
               ("info", "label_variant", "/tables/t3/other_overdue_fee", "行政机关不再受理其政府信息公开申请")]),
    "pingtan-shs-2019": dict(
        title="平潭综合实验区社会事业局2019年政府信息公开工作年度报告", organ="平潭综合实验区社会事业局", year=2019,
        published="2020-01-17", signed="2020-01-02", headings=HEADINGS, template="2019",
        tables={"t2_2019": _t2_2019(ZERO3, [0, 3, 3], [72, 0, 0], ZERO3, [95, 0, 0], [1, 0, 0], [0, 0], [2, "45.82万元"]),
                "t3": _t3("2019", new_received=ONE, granted=ONE, results_total=ONE), "t4": _t4()}, gc003=[]),
    "pingtan-shs-2023": dict(
        title="平潭综合实验区社会事业局2023年政府信息公开工作年度报告", organ="平潭综合实验区社会事业局", year=2023,
        published="2024-01-26", signed="2024-01-26",
        headings=HEADINGS[:3] + ["四、政府信息公开行政法复议、行政诉讼情况"] + HEADINGS[4:], template="2021",
        tables={"t2": _t2(None, None, 1396, 14, 0, 0),
                "t3": _t3("2021", new_received=ONE, unavailable_not_held=ONE, results_total=ONE),
                "t4": _t4(litigation_direct=[3, 0, 0, 1, 4], litigation_after_review=[1, 0, 0, 0, 1])},
        gc003=[("info", "label_variant", "/tables/t2/normative_documents", "「规范性文件」"),
               ("warning", "left_out", "/tables/t2/normative_documents", "2 1 20；2 12 0；21 2 0"),
               ("info", "label_variant", "/tables/t3", "（本列数据的钩稽关系为"),
               ("warning", "left_out", "/tables/t2/regulations", "没有找到这一行")]),
}


@pytest.fixture(scope="module")
def loaded():
    cache = {}

    def get(name: str):
        if name not in cache:
            path = CORPUS / name / "page.txt"
            cache[name] = load(path, path.read_bytes(), LoadOptions())
        return cache[name]
    return get


@pytest.mark.parametrize("name", sorted(CASES))
def test_metadata_and_sections(loaded, name):
    case, doc = CASES[name], loaded(name).document
    meta = doc["metadata"]
    assert meta["title"] == case["title"]
    assert meta["organ_name"] == case["organ"]
    assert meta["report_year"] == case["year"]
    assert meta["publication_date"] == case["published"]
    assert meta.get("signing_date") == case["signed"]
    assert meta["template_version"] == case["template"]
    assert [s["heading"] for s in doc["sections"]] == case["headings"]
    assert all(s["text"] or n in (1, 2, 3) for n, s in enumerate(doc["sections"]))  # 二/三/四 may be tables only
    sm = loaded(name).source_map
    assert sm["/metadata/publication_date"]["source"] == "header:发布时间"


@pytest.mark.parametrize("name", sorted(CASES))
def test_tables(loaded, name):
    assert loaded(name).document["tables"] == CASES[name]["tables"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_left_out_and_misprints(loaded, name):
    found = [(f.severity.value, f.message, f.pointers[0], f.args.get("reason") or f.args.get("printed"))
             for f in loaded(name).findings]
    assert len(found) == len(CASES[name]["gc003"]), found
    for (sev, msg, ptr, text), (fsev, fmsg, fptr, farg) in zip(CASES[name]["gc003"], found):
        assert (fsev, fmsg, fptr) == (sev, msg, ptr)
        shown = getattr(farg, "zh", farg)
        assert text.strip("「」") in shown


def test_the_body_keeps_its_narrative_out_of_the_tables(loaded):
    doc = loaded("pingtan-czj-2023").document
    second = doc["sections"][1]["text"]
    assert second.startswith("(一)主动公开政府信息的数量") and "(二)主动公开政府信息的主要类别" in second
    assert doc["signature"] == "平潭综合实验区财政金融局\n2024年1月29日"
    assert loaded("pingtan-czj-2023").source_map["/metadata/signing_date"]["source"] == "signature"
    assert loaded("pingtan-czj-2023").source_map["/metadata/organ_name"]["source"] == "header:标题"
    assert doc["sections"][5]["text"] == "2023年，无收取信息处理费情况。"


def test_page_chrome_is_not_the_preface(loaded):
    doc = loaded("pingtan-jjf-2021").document
    assert "微信" not in doc["preface"] and "09:28" not in doc["preface"]
    assert doc["preface"].endswith("电子邮箱：jfjzhc＠163.com）。")
    assert loaded("pingtan-jjf-2021").source_map["/metadata/publication_date"]["source"] == "header:发布时间"
