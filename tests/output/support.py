"""Results the output tests render: the sample's real result, and one that exercises every field
(a broken identity with both sides, a quoted sentence, a waiver, source positions, a crash)."""

from __future__ import annotations

import json
from dataclasses import replace

from checker.engine import Engine
from checker.findings import Finding, Outcome, ReportResult, RuleOutcome, Severity
from checker.output import RenderContext
from checker.rule import Rule
from tests.conftest import EXAMPLES


class QuotedSentence(Rule):
    """A test rule whose findings quote a sentence of the report, as the text rules (GC4xx) will.

    检查什么
    测试用。
    """

    code = "GC998"
    name = "test-quoted-sentence"
    title_zh = "测试：引用正文句子"
    title_en = "Test: quotes a sentence"
    clause = "测试"
    severity = Severity.WARNING
    messages = {"quoted": ("{place}：正文所述「{quote}」与表三不符", "{place}: the text “{quote}” disagrees with table 3")}

    def check(self, ctx):
        return iter(())


def rules() -> dict[str, type]:
    return {**Engine().rule_classes(), QuotedSentence.code: QuotedSentence}


def ctx(**kw) -> RenderContext:
    kw.setdefault("rules", rules())
    kw.setdefault("width", 100)
    return RenderContext(**kw)


def sample_result() -> ReportResult:
    path = EXAMPLES / "yangquan-2023.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    return Engine().check(doc, file="examples/yangquan-2023.json")


QUOTE = "全市共收到政府信息公开申请84件"


def rich_result() -> ReportResult:
    """The clean report with one broken identity, a quoted sentence, a waived finding, a crashed
    rule and source positions for some pointers, as the text/Word/PDF loaders will give them."""
    doc = json.loads((EXAMPLES / "clean-2023.json").read_text(encoding="utf-8"))
    doc["tables"]["t3"]["carried_forward"]["total"] = 2
    doc["sections"][4]["text"] = "一是<b>培训</b>不足。" + QUOTE + "，已全部办结。"
    doc["sections"][5]["heading"] = "六、其他需要报告的事项 <script>alert('x')</script> & |管道|"
    result = Engine().check(doc, file="reports/清洁 2023.json")
    quoted = Finding(code="GC998", severity=Severity.WARNING, message="quoted", pointers=("/sections/4/text",),
                     args={"quote": QUOTE}, quote=QUOTE)
    waived = Finding(code="GC201", severity=Severity.WARNING, message="blank",
                     pointers=("/tables/t3/granted/research",), args={"raw": None}, waived="市局已核实：该格确为空白")
    crash = Finding(code="GC900", severity=Severity.ERROR, message="crashed", pointers=(),
                    args={"rule": "GC302", "error": "ZeroDivisionError: division by zero", "where": "x.py:1"})
    outcomes = [o if o.code != "GC302" else RuleOutcome("GC302", Outcome.ERROR, ()) for o in result.outcomes]
    outcomes.append(RuleOutcome("GC998", Outcome.FAIL, ()))
    source_map = {"/tables/t3/new_received/total": {"line": 120, "column": 5},
                  "/tables/t3/carried_forward/total": {"page": 4, "table": 2, "row": 25, "col": 8},
                  "/sections/4/text": {"paragraph": 31}}
    return replace(result, findings=[*result.findings, quoted, waived, crash], outcomes=outcomes,
                   source_map=source_map)


class Dom:
    """A parsed HTML page, enough to ask what it shows: elements by id, links, table header cells."""

    def __init__(self, html: str):
        from html.parser import HTMLParser

        self.by_id: dict[str, dict] = {}
        self.elements: list[dict] = []
        stack: list[dict] = []
        void = {"meta", "br", "img", "link", "input", "hr", "col", "wbr"}
        dom = self

        class Parser(HTMLParser):
            def handle_starttag(self, tag, attrs):
                el = {"tag": tag, "attrs": dict(attrs), "text": "", "children": []}
                if stack:
                    stack[-1]["children"].append(el)
                dom.elements.append(el)
                if "id" in el["attrs"]:
                    dom.by_id[el["attrs"]["id"]] = el
                if tag not in void:
                    stack.append(el)

            def handle_endtag(self, tag):
                while stack:
                    if stack.pop()["tag"] == tag:
                        break

            def handle_data(self, data):
                for el in stack:
                    el["text"] += data

        Parser(convert_charrefs=True).feed(html)

    def find(self, tag: str, **attrs: str) -> list[dict]:
        return [e for e in self.elements if e["tag"] == tag and all(e["attrs"].get(k) == v for k, v in attrs.items())]

    def th(self, text: str) -> dict:
        (el,) = [e for e in self.elements if e["tag"] == "th" and e["text"].strip() == text]
        return el

    @staticmethod
    def classes(el: dict) -> set[str]:
        return set(el["attrs"].get("class", "").split())

    @staticmethod
    def links(el: dict) -> list[str]:
        out, todo = [], [el]
        while todo:
            e = todo.pop()
            if e["tag"] == "a" and "href" in e["attrs"]:
                out.append(e["attrs"]["href"])
            todo += e["children"]
        return out
