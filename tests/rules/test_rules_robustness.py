"""Bad input is normal input: rules never crash on a document with odd values in odd places."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.config import Config
from checker.engine import Engine
from checker.plugins import PluginHost
from checker.testing import base_document

# The rules of the national pack added with checker/dates.py; each one must survive any document.
CODES = ("GC002", "GC012", "GC013", "GC014", "GC101", "GC102", "GC103", "GC104", "GC205", "GC206", "GC601", "GC602",
         "GC701", "GC702", "GC704")
ODD = st.one_of(st.none(), st.booleans(), st.integers(min_value=-10**20, max_value=10**20), st.floats(allow_nan=False),
                st.text(max_size=12), st.sampled_from(["/", "—", "无", "二〇二四年三月七日", "2024-02-30", "３０"]),
                st.just([]), st.just({}))


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    out = []
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        out.append(prefix + (key,))
        out.extend(_paths(value, prefix + (key,)))
    return out


_ENGINE = Engine(PluginHost(autoload=False), Config(select=CODES))
_BASES = {name: base_document(name) for name in ("clean-2021", "clean-2019")}
_PATHS = {name: _paths(doc) for name, doc in _BASES.items()}


def _mutate(doc: dict, path: tuple, value: Any) -> dict:
    doc = copy.deepcopy(doc)
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = copy.deepcopy(value)
    return doc


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(_BASES)), st.data())
def test_rules_never_crash(base, data):
    doc = _BASES[base]
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        path = data.draw(st.sampled_from(_paths(doc) or _PATHS[base]))
        doc = _mutate(doc, path, data.draw(ODD))
    previous = _mutate(_BASES[base], ("metadata", "report_year"), _BASES[base]["metadata"]["report_year"] - 1)
    result = _ENGINE.check(doc, previous=data.draw(st.sampled_from([previous, doc])))
    crashes = [f.args for f in result.findings if f.code == "GC900"]
    assert not crashes, crashes
