"""The cross-year identities (checker/identities.py): one computation behind GC701/GC702 and the
comparison's identities, so that the two can never disagree."""

from __future__ import annotations

import json
from pathlib import Path

from checker.compare import build
from checker.engine import Engine
from checker.identities import carry_over, roll_forward
from checker.model import Report
from checker.testing.pairs import constructed_last_year
from tests.conftest import EXAMPLES


def _sample() -> dict:
    return json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8"))


def test_a_blank_side_is_unknown_never_zero():
    this = _sample()
    last = constructed_last_year(this)
    last["tables"]["t3"]["carried_forward"]["total"] = None
    total = next(i for i in carry_over(Report(last), Report(this)) if i.label.id == "total")
    assert total.expected is None and total.holds is None and total.difference is None
    assert [c.pointer for c in total.unknown] == ["/tables/t3/carried_forward/total"]


def test_roll_forward_sums_with_signs_and_needs_the_2021_template_both_years():
    this = _sample()
    last = constructed_last_year(this)
    documents = next(i for i in roll_forward(Report(last), Report(this)) if i.label.id == "normative_documents")
    assert [c.value for c in documents.left] == [32, 18, 12] and documents.expected == 38 and documents.holds is True
    from checker.testing import __file__ as testing

    older = json.loads((Path(testing).parent / "clean-2019.json").read_text(encoding="utf-8"))
    assert Report(older).template == "2019" and roll_forward(Report(older), Report(this)) == ()


def test_the_rules_and_the_comparison_report_the_same_broken_identities():
    this = _sample()
    last = constructed_last_year(this)
    engine = Engine()
    last_result, this_result = engine.check(last, file="last.json"), engine.check(this, file="this.json", previous=last)
    comparison = build(last_result, this_result, engine.rule_classes())
    from_rules = sorted((f.code, f.pointer, str(f.difference)) for f in this_result.findings
                        if f.code in ("GC701", "GC702") and f.message == "mismatch")
    broken = [i for i in carry_over(Report(last), Report(this)) + roll_forward(Report(last), Report(this)) if i.holds is False]
    assert sorted((i.rule, i.right.pointer, str(i.difference)) for i in broken) == from_rules
    assert [i["difference"] for i in comparison["identities"] if i["holds"] is False] == [i.difference for i in broken]
    assert len(from_rules) == 4
