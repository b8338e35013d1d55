"""Metadata where pages put it, and the source map says which place each value came from."""

from __future__ import annotations

from checker.loaders import load
from checker.loaders.formats import builtin_loaders
from checker.loaders.pagemeta import page_date, sentence_parts, title_parts


def _load(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load(path, builtin_loaders())


def test_title_forms():
    assert title_parts("平潭综合实验区财政金融局2023年度政府信息公开工作年度报告") == (2023, "平潭综合实验区财政金融局")
    assert title_parts("2019年某某市人民政府办公厅政府信息公开工作年度报告") == (2019, "某某市人民政府办公厅")
    assert title_parts("平潭综合实验区社会事业局 2019年政府信息公开工作年度报告") == (2019, "平潭综合实验区社会事业局")
    assert title_parts("政府信息公开工作年度报告") == (None, "")


def test_page_dates():
    assert page_date("发布日期：2021-02-05") == ("发布日期", "2021-02-05")
    assert page_date("时间：2020-01-08 10:32") == ("时间", "2020-01-08")
    assert page_date("发布时间：2021年2月5日") == ("发布时间", "2021-02-05")
    assert page_date("发布日期：2021-13-05") is None
    assert page_date("2021年，我局发布日期：2021-02-05 的文件") is None


def test_first_sentence():
    assert sentence_parts("现将某某县人民政府2022年度政府信息公开工作年度报告公布如下。其余") == (2022, "某某县人民政府")
    assert sentence_parts("结合我局工作实际，现编制完成2022年度政府信息公开工作年度报告。") == (2022, "")
    assert sentence_parts("根据条例编制。现将2022年度政府信息公开工作年度报告公布如下。") == (None, "")


def test_a_date_under_the_title_is_the_publication_date(tmp_path):
    loaded = _load(tmp_path, "r.txt", "某某县人民政府2022年度政府信息公开工作年度报告\n发布日期：2023-02-05\n"
                                      "根据条例，现将报告公布如下。\n一、总体情况\n正文。\n")
    assert loaded.document["metadata"]["publication_date"] == "2023-02-05"
    assert loaded.source_map["/metadata/publication_date"] == {"line": 2, "source": "page:发布日期"}
    assert loaded.source_map["/metadata/organ_name"]["source"] == "title"
    assert "发布日期" not in loaded.document["preface"]


def test_html_meta_tags(tmp_path):
    page = ('<html><head><meta name="PubDate" content="2023-01-30 09:12">'
            '<meta name="ArticleTitle" content="2022年某某市人民政府办公室政府信息公开工作年度报告"></head>'
            "<body><p>根据条例，现将本年度报告公布如下。</p><p>一、总体情况</p><p>正文。</p></body></html>")
    loaded = _load(tmp_path, "r.html", page)
    meta = loaded.document["metadata"]
    assert (meta["publication_date"], meta["report_year"], meta["organ_name"]) == ("2023-01-30", 2022, "某某市人民政府办公室")
    assert loaded.source_map["/metadata/publication_date"]["source"] == "meta:PubDate"
    assert loaded.source_map["/metadata/title"]["source"] == "meta:ArticleTitle"


def test_year_and_organ_from_the_first_sentence(tmp_path):
    loaded = _load(tmp_path, "r.txt", "根据条例要求，现将某某县人民政府2022年度政府信息公开工作年度报告公布如下。\n一、总体情况\n正文。\n")
    meta = loaded.document["metadata"]
    assert (meta["report_year"], meta["organ_name"]) == (2022, "某某县人民政府")
    assert loaded.source_map["/metadata/report_year"]["source"] == "first_sentence"


def test_one_2019_row_label_does_not_make_a_2021_table_2019(tmp_path):
    """Item 6 for tables with cells: the columns decide the template; 「规范性文件」 under 2021 columns is
    read as 「行政规范性文件」 with an info note, and a 2019-only row is left out, named."""
    import json

    from tests.conftest import EXAMPLES
    from tests.loaders.render import layout, to_html

    doc = json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8"))
    items = layout(doc)
    for kind, grid in items:
        if kind == "table":
            for row in grid:
                if row and row[0] == "行政规范性文件":
                    row[0] = "规范性文件"
    path = to_html(items, tmp_path / "r.html")
    loaded = load(path, builtin_loaders())
    assert loaded.document["metadata"]["template_version"] == "2021"
    assert loaded.document["tables"]["t2"]["normative_documents"] == {"issued": 18, "repealed": 12, "in_force": 38}
    notes = [f for f in loaded.findings if f.message == "label_variant"]
    assert [(f.severity.value, f.pointers[0], f.args["printed"], f.args["read_as"]) for f in notes] == [
        ("info", "/tables/t2/normative_documents", "规范性文件", "行政规范性文件")]
