"""Property-based tests: mutations of real reports never crash the engine, every finding points to a
place that exists, the JSON output always validates, and the same input gives the same output."""

from __future__ import annotations

import copy
import json
from functools import lru_cache

import jsonschema
from hypothesis import HealthCheck, given, settings, strategies as st

from checker import labels
from checker.config import Config
from checker.engine import Engine
from checker.output import RenderContext
from checker.output.json_format import render as render_json
from checker.plugins import PluginHost
from checker.schema import load_schema
from tests.conftest import EXAMPLES

BASES = [json.loads((EXAMPLES / n).read_text(encoding="utf-8")) for n in ("clean-2023.json", "yangquan-2023.json")]
CELLS = [("t3", r.id, c.id) for r in labels.T3_ROWS_2021 for c in labels.T3_COLUMNS] + \
        [("t4", b.id, c.id) for b in labels.T4_BLOCKS for c in labels.T4_COLUMNS] + \
        [("t2", r.id, c.id) for blk in labels.T2_2021 for r in blk.rows for c in blk.columns]

values = st.one_of(
    st.integers(min_value=-10**6, max_value=10**12), st.none(),
    st.sampled_from(["/", "—", "-", "无", "不适用", "详见附表", "3022　", "\u00a00", "１２", "1,234", "", " ", "12.5"]),
    st.text(max_size=20), st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
texts = st.text(alphabet=st.sampled_from(list("一二三四五六、，。（）0123456789件年月日共收到申请予以公开情况总体问题改进其他事项 ")),
                max_size=60)

mutation = st.one_of(
    st.tuples(st.just("cell"), st.sampled_from(CELLS), values),
    st.tuples(st.just("drop"), st.sampled_from(["metadata", "sections", "tables", "preface", "signature",
                                               "tables/t2", "tables/t3", "tables/t4", "metadata/report_year",
                                               "metadata/organ_kind", "tables/t3/carried_forward"]), st.none()),
    st.tuples(st.just("heading"), st.integers(min_value=0, max_value=5), texts),
    st.tuples(st.just("text"), st.integers(min_value=0, max_value=5), texts),
    st.tuples(st.just("meta"), st.sampled_from(["report_year", "organ_kind", "template_version", "signing_date",
                                               "organ_name"]), values),
)


def mutate(doc: dict, changes: list) -> dict:
    doc = copy.deepcopy(doc)
    for kind, where, value in changes:
        if kind == "cell":
            table, row, col = where
            t = doc.get("tables", {}).get(table)
            if isinstance(t, dict) and isinstance(t.get(row), dict):
                t[row][col] = value
        elif kind == "drop":
            *parents, last = where.split("/")
            node = doc
            for p in parents:
                node = node.get(p) if isinstance(node, dict) else None
            if isinstance(node, dict):
                node.pop(last, None)
        elif kind in ("heading", "text"):
            sections = doc.get("sections")
            if isinstance(sections, list) and where < len(sections):
                sections[where][kind] = value
        elif kind == "meta" and isinstance(doc.get("metadata"), dict):
            doc["metadata"][where] = value
    return doc


@lru_cache(maxsize=None)
def engine() -> Engine:
    return Engine(PluginHost(autoload=False), Config())


def resolves(doc, pointer: str) -> bool:
    """The pointer names an existing place, or a missing member of an existing object."""
    if pointer in ("", "/"):
        return True
    parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]
    node = doc
    for i, p in enumerate(parts):
        if isinstance(node, dict) and p in node:
            node = node[p]
        elif isinstance(node, list) and p.isdigit() and int(p) < len(node):
            node = node[int(p)]
        else:
            return i == len(parts) - 1  # only the last member may be missing (GC001 names it)
    return True



@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=st.sampled_from(range(len(BASES))), changes=st.lists(mutation, max_size=6))
def test_mutated_reports_never_crash_and_always_validate(base, changes):
    doc = mutate(BASES[base], changes)
    result = engine().check(doc, file="r.json")
    assert not [f for f in result.findings if f.code == "GC900"], [f.args for f in result.findings if f.code == "GC900"]
    for f in result.findings:
        for p in f.pointers:
            assert resolves(doc, p), (f.code, p)
    ctx = RenderContext(rules=engine().rule_classes())
    out = render_json([result], ctx)
    jsonschema.Draft202012Validator(load_schema("result")).validate(json.loads(out))
    again = render_json([engine().check(copy.deepcopy(doc), file="r.json")], ctx)
    assert out == again


@settings(max_examples=60, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children,
                                                                                       max_size=3), max_leaves=20))
def test_any_json_value_is_answered_not_raised(value):
    result = engine().check(value, file="r.json")
    assert not [f for f in result.findings if f.code == "GC900"]
