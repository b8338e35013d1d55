"""The engine: isolation of rules, outcomes, no imputed zeros, severities."""

from __future__ import annotations

from checker.config import Config
from checker.engine import Engine
from checker.findings import Outcome, Severity
from checker.hookspecs import hookimpl
from checker.plugins import PluginHost
from checker.rule import Rule


class Exploding(Rule):
    """Raises."""

    code = "ZZ001"
    name = "exploding"
    title_zh = title_en = "explodes"
    clause = "test"
    messages = {"x": ("x", "x")}

    def check(self, ctx):
        yield self.finding("x", "/metadata")
        raise ZeroDivisionError("boom")


class Plugin:
    @hookimpl
    def gov_check_rules(self):
        return [Exploding]


def _engine(**config) -> Engine:
    host = PluginHost(autoload=False)
    host.register(Plugin(), name="explode")
    return Engine(host, Config(**config))


def test_a_crashing_rule_becomes_gc900_and_the_others_still_run(clean_doc):
    result = _engine().check(clean_doc)
    outcomes = {o.code: o.outcome for o in result.outcomes}
    assert outcomes["ZZ001"] is Outcome.ERROR
    assert outcomes["GC204"] is Outcome.PASS
    (crash,) = [f for f in result.findings if f.code == "GC900"]
    assert crash.args["rule"] == "ZZ001" and "boom" in crash.args["error"]
    assert not [f for f in result.findings if f.code == "ZZ001"]  # a crashed rule's partial findings are dropped


def test_configured_severity_applies_to_every_finding_of_the_rule(sample_doc):
    result = _engine(select=("GC201",), severities={"GC201": Severity.ERROR}).check(sample_doc)
    assert [f.severity for f in result.findings] == [Severity.ERROR]


def test_rules_run_on_a_malformed_document_without_crashing():
    for doc in ({}, {"tables": "x"}, {"tables": {"t3": {"new_received": 5}}}, {"sections": [1, None, {"heading": 3}]}):
        result = Engine(PluginHost(autoload=False)).check(doc)
        assert not [f for f in result.findings if f.code == "GC900"], doc
        assert any(f.code == "GC001" for f in result.findings)


def test_2019_report_uses_2019_rows(clean_doc):
    from checker.testing import base_document

    result = Engine(PluginHost(autoload=False)).check(base_document("clean-2019"))
    assert result.findings == []
