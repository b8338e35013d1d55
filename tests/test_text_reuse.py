"""GC703 through the command line: `gov-check REPORT --previous LAST_YEAR`."""

from __future__ import annotations

import json

from rules.cross_year.gc703_text_reuse import normalise, shingles
from tests.conftest import write_json


def test_previous_report_on_the_command_line(gov_check, clean_doc, tmp_path):
    last_year = json.loads(json.dumps(clean_doc, ensure_ascii=False).replace("2023", "2022").replace("2024", "2023"))
    report, previous = write_json(tmp_path / "r.json", clean_doc), write_json(tmp_path / "p.json", last_year)
    result = gov_check(report, "--previous", previous, "--select", "GC703", "--format", "json")
    (finding,) = json.loads(result.output)["reports"][0]["findings"]
    assert finding["code"] == "GC703" and finding["severity"] == "warning"
    assert "重复 100%" in finding["message"] and "第五部分 100%" in finding["message"]
    english = gov_check(report, "--previous", previous, "--select", "GC703", "--lang", "en")
    assert "100% of the text repeats last year's report" in english.output


def test_year_numbers_do_not_hide_copying_and_boilerplate_does_not_count():
    this = normalise("本报告根据《条例》要求编制。\n（一）主动公开。2023年发布信息2100条。", 2023)
    last = normalise("本报告根据《条例》要求编制。\n（一）主动公开方面。2022年发布信息1800条。", 2022)
    assert this == last == "Ｙ年发布信息#条"
    assert shingles("abcdefghij", 8) == {"abcdefgh", "bcdefghi", "cdefghij"}


def test_the_electronic_version_sentence_is_boilerplate_with_or_without_its_ben():
    """pingtan-jjf 2021 prints 「本报告的电子版…」, 2022 「报告的电子版…」: both are the standard line."""
    from checker.textreuse import is_boilerplate

    for sentence in ("本报告的电子版在平潭综合实验区门户网站（www.pingtan.gov.cn）公布。",
                     "报告的电子版在平潭综合实验区门户网站（www.pingtan.gov.cn）公布。",
                     "本年度报告电子版可在本机关门户网站下载。"):
        assert is_boilerplate(sentence), sentence
    assert normalise("报告的电子版在平潭综合实验区门户网站（www.pingtan.gov.cn）公布。", 2022) == ""
    assert not is_boilerplate("推进电子证照应用，发布版本说明12条。")
