"""The JSON contract says exactly what it carries: every rule case rendered through the JSON format
validates against schemas/result.schema.json, carries no Python repr, and its numbers are numbers."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import jsonschema
import pytest

from checker.output import RenderContext, json_format
from checker.schema import load_schema
from checker.testing import collect
from tests.conftest import EXAMPLES

CASES = collect(Path(__file__).parent.parent / "rules" / "cases")
# What a Python object looks like when it is printed instead of rendered.
REPR = re.compile(r"Text\(|\bzh=|<[\w.]+ object at 0x|\b(?:Decimal|Fraction|datetime\.date|Severity|Outcome)\("
                  r"|^\[.*['\"].*\]$|^\{['\"]|^\(.*,.*\)$|^(?:nan|inf|None)$", re.S)


def validator() -> jsonschema.protocols.Validator:
    return jsonschema.Draft202012Validator(load_schema("result"))


def strings(value, path="$"):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from strings(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from strings(v, f"{path}[{i}]")


@pytest.fixture(scope="module")
def rendered() -> dict[str, dict]:
    """Every rule case's result as `--format json` writes it, in Chinese and in English."""
    from checker.engine import Engine

    rules = Engine().rule_classes()
    out = {}
    for case in CASES:
        result = case.run()
        for lang in ("zh", "en"):
            text = json_format.render([result], RenderContext(rules=rules, lang=lang))
            out[f"{case.id}/{lang}"] = json.loads(text)
    return out


def test_the_cases_cover_every_rule_and_produce_findings(rendered):
    codes = {case.rule for case in CASES}
    assert len(codes) >= 40 and len(CASES) >= 250
    findings = sum(len(r["findings"]) for doc in rendered.values() for r in doc["reports"])
    assert findings > 300


def test_every_case_validates_against_the_result_schema(rendered):
    v = validator()
    for name, doc in rendered.items():
        errors = list(v.iter_errors(doc))
        assert not errors, f"{name}: {errors[0].message} at {errors[0].json_path}"
        assert doc["format_version"] == "1.1"


def test_no_python_repr_anywhere(rendered):
    bad = [(name, path, text) for name, doc in rendered.items() for path, text in strings(doc)
           if REPR.search(text)]
    assert not bad, bad[:5]


def test_numbers_are_numbers(rendered):
    seen = 0
    for name, doc in rendered.items():
        for f in (f for r in doc["reports"] for f in r["findings"]):
            d = f["difference"]
            assert d is None or (isinstance(d, (int, float)) and not isinstance(d, bool)), (name, f)
            seen += d is not None
            for key in ("expected", "actual"):  # a count is never a numeric string
                value = f[key]
                assert not (isinstance(value, str) and re.fullmatch(r"-?\d+(\.\d+)?", value)), (name, key, value)
    assert seen >= 20


def test_arguments_in_the_output_language(rendered):
    """A list argument arrives as an array of text in the output's language (GC506's ``missing``),
    and English output joins lists with commas, not 「、」."""
    gc506 = [f for name, doc in rendered.items() if name.startswith("GC506:") and name.endswith("/en")
             for r in doc["reports"] for f in r["findings"] if "missing" in f["args"]]
    assert gc506
    for f in gc506:
        assert isinstance(f["args"]["missing"], list) and all(isinstance(m, str) for m in f["args"]["missing"])
        assert all(re.fullmatch(r"[ -~]+", m) for m in f["args"]["missing"]), f["args"]["missing"]
        assert "、" not in f["message"]
    zh = [f for name, doc in rendered.items() if name.startswith("GC506:") and name.endswith("/zh")
          for r in doc["reports"] for f in r["findings"] if len(f["args"].get("missing", [])) > 1]
    assert zh and all("、".join(f["args"]["missing"]) in f["message"] for f in zh)


def test_the_schema_rejects_a_string_difference(rendered):
    doc = copy.deepcopy(next(d for d in rendered.values()
                             if any(f["difference"] is not None for r in d["reports"] for f in r["findings"])))
    finding = next(f for r in doc["reports"] for f in r["findings"] if f["difference"] is not None)
    validator().validate(doc)
    finding["difference"] = str(finding["difference"])
    with pytest.raises(jsonschema.ValidationError, match="is not of type"):
        validator().validate(doc)
    finding["difference"] = None
    finding["args"]["nested"] = {"zh": "一", "en": "one"}  # an object is no message argument
    with pytest.raises(jsonschema.ValidationError):
        validator().validate(doc)


def test_the_command_line_json_of_the_example(gov_check):
    result = gov_check(EXAMPLES / "yangquan-2023.json", "--format", "json")
    doc = json.loads(result.stdout)
    validator().validate(doc)
    (gc506,) = [f for f in doc["reports"][0]["findings"] if f["code"] == "GC506"]
    assert gc506["args"]["missing"] == ["社会评议", "责任追究"]
    assert "Text(" not in result.stdout
    en = json.loads(gov_check(EXAMPLES / "yangquan-2023.json", "--format", "json", "--lang", "en").stdout)
    (gc506,) = [f for f in en["reports"][0]["findings"] if f["code"] == "GC506"]
    assert gc506["args"]["missing"] == ["public appraisal", "accountability"]
