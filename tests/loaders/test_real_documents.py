"""Real published reports (tests/data/real, cited in its README), read as published: every value
below was checked by eye against the original page."""

from __future__ import annotations

from pathlib import Path

from checker.loaders import LoadOptions, load
from tests.loaders.test_corpus import CORPUS
from tests.loaders.test_loader_formats import LOADERS

REAL = Path(__file__).resolve().parent.parent / "data" / "real"


def test_pingtan_portal_page_reads_as_the_article_inside_the_site():
    loaded = load(REAL / "pingtan-jjf-2021.html", LOADERS, LoadOptions())
    doc = loaded.document
    assert loaded.format == "html"
    assert loaded.findings == []
    assert doc["metadata"] == {"organ_name": "平潭综合实验区经济发展局", "organ_kind": "department", "report_year": 2021,
                               "template_version": "2021", "publication_date": "2022-01-19", "signing_date": "2022-01-13",
                               "title": "平潭综合实验区经济发展局2021年政府信息公开工作年度报告",
                               "url": "https://www.pingtan.gov.cn/zwgk/zfxxgk/dfbmptlj/ptzhsyqbm/ptzhsyqjjf/zfxxgknb/"
                                      "202201/t20220119_80608.htm"}
    assert [s["heading"] for s in doc["sections"]] == [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议与行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    # Nothing of the portal around the article is text of the report.
    text = doc["preface"] + "".join(s["text"] for s in doc["sections"])
    for chrome in ("首页", "全真版", "文件下载", "相关链接", "QQ空间", "时间：2022-01-19", "扫一扫", "友情链接", "日印发"):
        assert chrome not in text
    assert doc["preface"].startswith("岚经发〔2022〕12号\n根据《中华人民共和国政府信息公开条例》")
    assert doc["sections"][5]["text"] == "2021年，无收取信息处理费情况。"
    assert doc["signature"] == "平潭综合实验区经济发展局\n2022年1月13 日"
    t = doc["tables"]
    assert t["t2"] == {"regulations": {"issued": 0, "repealed": 0, "in_force": 0},
                       "normative_documents": {"issued": 5, "repealed": 0, "in_force": 5},
                       "licensing": {"decisions": 0}, "punishment": {"decisions": 0}, "coercion": {"decisions": 0},
                       "fees": {"amount": 0}}
    # The page prints 总计 of （一） and （二） as &nbsp;: blank, never 0.  Every other T3 cell is 0.
    blanks = {(r, c) for r, cols in t["t3"].items() for c, v in cols.items() if v is None}
    assert blanks == {("granted", "total"), ("partly_granted", "total")}
    assert len(t["t3"]) == 25 and all(v in (0, None) for cols in t["t3"].values() for v in cols.values())
    assert sum(len(cols) for cols in t["t3"].values()) == 175
    assert t["t4"] == {b: dict.fromkeys(("upheld", "corrected", "other", "pending", "total"), 0)
                       for b in ("review", "litigation_direct", "litigation_after_review")}
    assert loaded.source_map["/tables/t3/granted/total"] == {"table": 2, "row": 6, "col": 9}


def test_pingtan_police_page_every_cell_as_printed_and_as_the_crawler_text_decodes():
    loaded = load(REAL / "pingtan-gaj-2022.html", LOADERS, LoadOptions())
    doc = loaded.document
    assert loaded.findings == []
    assert doc["metadata"]["title"] == "平潭综合实验区公安局2022年政府信息公开工作年度报告"
    assert doc["metadata"]["publication_date"] == "2023-01-09"
    assert "signing_date" not in doc["metadata"] and "signature" not in doc  # the page prints none
    assert len(doc["sections"]) == 6 and doc["sections"][5]["text"] == "2022年，无收取信息处理费情况。"
    t = doc["tables"]
    assert t["t2"]["normative_documents"] == {"issued": 4, "repealed": 1, "in_force": 7}
    assert t["t2"]["punishment"] == {"decisions": 157}
    one = {"natural_person": 1, "commercial": 0, "research": 0, "social_welfare": 0, "legal_services": 0, "other": 0,
           "total": 1}
    nonzero = {"new_received": one, "carried_over": one, "partly_granted": one, "other_overdue_correction": one,
               "results_total": {**one, "natural_person": 2, "total": 2}}
    for row, cols in t["t3"].items():
        assert cols == nonzero.get(row, dict.fromkeys(one, 0)), row
    assert len(t["t3"]) == 25
    assert all(v == 0 for block in t["t4"].values() for v in block.values())
    # The same report as the archive's crawler text (every cell run together, 「1000001」) decodes to
    # the same cells wherever it decodes at all.
    crawled = load(CORPUS / "pingtan-gaj-2022" / "page.txt", LOADERS, LoadOptions()).document["tables"]
    compared = [(name, row, col) for name, rows in crawled.items() for row, cols in rows.items() for col in cols]
    assert len(compared) == 200
    for name, row, col in compared:
        assert t[name][row][col] == crawled[name][row][col], (name, row, col)
