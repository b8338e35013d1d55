"""The prose reader: sentences, figures, numerals, approximations, years; and the text rules on the
real sample report."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, strategies as st

from checker.config import Config
from checker.engine import Engine
from checker.model import Report
from checker.plugins import PluginHost
from checker.textnum import find_figures, find_years, parse_chinese_number, split_sentences
from rules.text.claims import read_claims
from tests.conftest import EXAMPLES

_DIGITS = "零一二三四五六七八九"


def _to_chinese(n: int) -> str:
    """How a report writes n < 10000 in Chinese numerals (「一百零五」, 「十二」, 「两千」 is not used)."""
    if n == 0:
        return "零"
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d:
            if zero and out:
                out += "零"
            out += ("" if (unit == "十" and d == 1 and not out) else _DIGITS[d]) + unit
            zero = False
        else:
            zero = bool(out)
    return out


@given(st.integers(min_value=0, max_value=9999))
def test_chinese_numerals_round_trip(n):
    assert parse_chinese_number(_to_chinese(n)) == n


@pytest.mark.parametrize("written, value", [("十二", 12), ("一百零五", 105), ("两", 2), ("二十", 20), ("十", 10),
                                            ("三万五千", 35000), ("二〇二三", 2023)])
def test_chinese_numerals(written, value):
    assert parse_chinese_number(written) == value


def _figs(sentence):
    return [(f.value, f.unit, f.approximate) for f in find_figures(sentence)]


def test_figures_in_the_sample_sentence():
    assert _figs("2023年，全市共收到政府信息公开申请数84件，已办结82件，结转下年办理2件") == [
        (84, "件", False), (82, "件", False), (2, "件", False)]


def test_chinese_and_fullwidth_figures():
    assert _figs("共收到申请十二件，其中予以公开两件、不予公开一百零五件，办结３６件") == [
        (12, "件", False), (2, "件", False), (105, "件", False), (36, "件", False)]


def test_approximations_are_flagged():
    assert _figs("发布信息6574余条，近40件，约30件，100多件，20件左右，十余件，超过50条") == [
        (6574, "条", True), (40, "件", True), (30, "件", True), (100, "件", True), (20, "件", True), (10, "件", True),
        (50, "条", True)]


def test_percentages_and_multipliers():
    assert _figs("占比２３．８％，发布信息3.2万条，1,234件") == [(23.8, "%", False), (32000, "条", True), (1234, "件", False)]


def test_words_with_numerals_are_not_figures():
    assert _figs("党的二十大和二十届二中全会精神，一是加强领导，一定程度，第十二件，国办公开办函〔2021〕30号，2023年12月31日") == []


def test_full_width_comma_separates_figures():
    assert _figs("收到84，820件") == [(84, "", False), (820, "件", False)]


def test_sentences_split_at_stops_and_line_breaks():
    parts = split_sentences("甲收到1件。乙；丙\n丁！戊？")
    assert [s.text for s in parts] == ["甲收到1件", "乙", "丙", "丁", "戊"]
    assert [s.continues for s in parts] == [False, False, True, False, False]


def test_years_outside_titles_and_ranges():
    years = find_years("按照《法治政府建设实施纲要（2021—2025年）》，2022年共收到，二〇二二年度，2021—2025年规划")
    assert [y.year for y in years] == [2022, 2022]


def test_sample_claims_are_the_three_application_totals():
    report = Report(json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8")))
    assert [(c.quantity, c.value) for c in read_claims(report)] == [
        ("t3.received", 84), ("t3.results_total", 82), ("t3.carried_forward", 2)]


def test_text_rules_on_the_sample_report():
    """The sample's text agrees with its tables; what remains is what a reviewer would also note: no
    社会评议/责任追究 statement (a government), no 工作要点 and no 建议提案 statement."""
    doc = json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8"))
    engine = Engine(PluginHost(autoload=False), Config(select=("GC4", "GC5", "GC703")))
    result = engine.check(doc)
    assert sorted((f.code, f.severity.value) for f in result.findings) == [
        ("GC504", "info"), ("GC505", "info"), ("GC506", "warning")]
    outcomes = {o.code: o.outcome.value for o in result.outcomes}
    assert outcomes["GC401"] == "pass" and outcomes["GC406"] == "pass" and outcomes["GC502"] == "pass"


_MALFORMED = [
    {}, {"sections": "x"}, {"sections": [{"heading": 1, "text": None}]}, {"metadata": {"report_year": "2023"}},
    {"tables": {"t3": "x", "t4": [], "t2": None},
     "sections": [{"heading": "一、总体情况", "text": "共收到政府信息公开申请5件，被申请行政复议2件，现行有效规范性文件3件。"}]},
    {"tables": {"t3": {"new_received": {"total": "abc"}}, "t4": {"review": "x"}},
     "sections": [{"heading": "一、总体情况", "text": "共收到政府信息公开申请5件，被申请行政复议2件，占40%。"}]},
]


@pytest.mark.parametrize("doc", _MALFORMED)
@pytest.mark.parametrize("previous", [None, {}, {"sections": [{"heading": "五、存在的主要问题及改进情况", "text": "问题" * 20}]}])
def test_text_rules_never_crash_on_malformed_documents(doc, previous):
    engine = Engine(PluginHost(autoload=False), Config(select=("GC4", "GC5", "GC703")))
    result = engine.check(doc, previous=previous)
    assert not [f for f in result.findings if f.code == "GC900"]
    assert all(o.outcome.value != "error" for o in result.outcomes)
