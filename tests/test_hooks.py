"""Every hook of checker.hookspecs: documented in docs/plugins.md (zh and en) with an example that
runs, and tested here — the examples are loaded as local plugins and used through the engine."""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path

from checker import hookspecs
from checker.config import Config
from checker.engine import Engine
from checker.findings import Severity
from checker.plugins import PluginHost
from checker.run import check_file
from checker.loaders import LoadOptions
from tests.conftest import ROOT, write_json

DOC = ROOT / "docs" / "plugins.md"
HOOKS = sorted(name for name, fn in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("gov_check_"))


def sections() -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    parts = re.split(r"^### `(gov_check_\w+)`\s*$", text, flags=re.M)
    return {parts[i]: re.split(r"^## ", parts[i + 1], flags=re.M)[0] for i in range(1, len(parts), 2)}


def example(hook: str) -> str:
    m = re.search(r"```python\n(.*?)```", sections()[hook], flags=re.S)
    assert m, f"{hook}: no python example in docs/plugins.md"
    return m.group(1)


def example_host(hook: str, tmp_path: Path) -> PluginHost:
    path = tmp_path / f"{hook}_example.py"
    path.write_text(example(hook), encoding="utf-8")
    host = PluginHost(autoload=False, paths=(str(path),))
    assert not host.problems, host.problems
    return host


def test_every_hook_is_documented_in_both_languages_and_tested():
    assert HOOKS, "no hooks found in checker.hookspecs"
    docs = sections()
    this_file = Path(__file__).read_text(encoding="utf-8")
    for hook in HOOKS:
        assert hook in docs, f"docs/plugins.md has no section ### `{hook}`"
        body = docs[hook]
        assert re.search(r"[\u4e00-\u9fff]{4,}", body), f"{hook}: no Chinese text in its section"
        assert re.search(r"[A-Za-z]+ [a-z]+ [a-z]+", body.split("```")[0]), f"{hook}: no English text"
        assert "示例 · Example" in body and "```python" in body, f"{hook}: no runnable example"
        assert f"def test_{hook}(" in this_file, f"{hook}: no test_{hook} in tests/test_hooks.py"
        assert (inspect.getdoc(getattr(hookspecs, hook)) or "").strip(), f"{hook}: hookspec has no docstring"


def test_meta_test_would_catch_an_undocumented_hook(monkeypatch):
    def gov_check_new_thing():
        """A hook nobody documented."""

    monkeypatch.setattr(hookspecs, "gov_check_new_thing", gov_check_new_thing, raising=False)
    names = [n for n, fn in inspect.getmembers(hookspecs, inspect.isfunction) if n.startswith("gov_check_")]
    assert "gov_check_new_thing" in names and "gov_check_new_thing" not in sections()


def test_gov_check_rules(tmp_path):
    host = example_host("gov_check_rules", tmp_path)
    assert "XX801" in host.rules
    engine = Engine(host, Config(select=("XX801",)))
    doc = json.loads((ROOT / "examples" / "clean-2023.json").read_text(encoding="utf-8"))
    (finding,) = engine.check(doc).findings
    assert (finding.code, finding.severity, finding.pointer) == ("XX801", Severity.WARNING, "/signature")


def test_gov_check_profiles(tmp_path):
    host = example_host("gov_check_profiles", tmp_path)
    engine = Engine(host, Config(profile="xx-province"))
    codes = {r.code: r for r in engine.rules}
    assert "GC302" not in codes and codes["GC011"].effective_severity is Severity.ERROR
    assert {"national", "national-2021", "national-2019", "xx-province"} <= set(engine.profiles)


def test_gov_check_loaders(tmp_path):
    host = example_host("gov_check_loaders", tmp_path)
    doc = json.loads((ROOT / "examples" / "clean-2023.json").read_text(encoding="utf-8"))
    path = tmp_path / "r.gcr"
    path.write_text(json.dumps({"gov_check_report": doc}, ensure_ascii=False), encoding="utf-8")
    result = check_file(Engine(host), str(path), LoadOptions())
    assert result.load_error is None and result.format == "gcr" and result.findings == []
    (tmp_path / "bad.gcr").write_text("{}", encoding="utf-8")
    assert "不是某省平台导出的报告" in check_file(Engine(host), str(tmp_path / "bad.gcr"), LoadOptions()).load_error


def test_gov_check_formats(tmp_path, gov_check, clean_doc):
    host = example_host("gov_check_formats", tmp_path)
    assert "lines" in host.formats and "text" in host.formats
    clean_doc["tables"]["t4"]["review"]["total"] = 3
    report = write_json(tmp_path / "r.json", clean_doc)
    result = gov_check(report, "--plugin", tmp_path / "gov_check_formats_example.py", "--format", "lines")
    assert result.exit_code == 1
    assert f"{report}:GC302:/tables/t4/review/total:" in result.output


def test_gov_check_adjust_severity(tmp_path, clean_doc):
    host = example_host("gov_check_adjust_severity", tmp_path)
    clean_doc["sections"][4]["heading"] = "存在的主要问题及改进情况"
    engine = Engine(host, Config(select=("GC011",)))
    assert [f.severity for f in engine.check(clean_doc).findings] == [Severity.WARNING]
    clean_doc["metadata"].update(organ_name="示例镇人民政府", organ_kind="township_government")
    assert [f.severity for f in engine.check(clean_doc).findings] == [Severity.INFO]


def test_gov_check_report_extensions(tmp_path, clean_doc):
    host = example_host("gov_check_report_extensions", tmp_path)
    engine = Engine(host, Config(select=("GC001",)))
    clean_doc["extensions"] = {"xx": {"approved_by": "李四"}}
    assert engine.check(clean_doc).findings == []
    clean_doc["extensions"] = {"xx": {"approved_by": ""}, "yy": {}}
    found = engine.check(clean_doc).findings
    assert sorted(f.pointer for f in found) == ["/extensions/xx/approved_by", "/extensions/yy"]
    # without the plugin, the national schema still accepts the object but names the namespace
    bare = Engine(PluginHost(autoload=False), Config(select=("GC001",)))
    assert [f.pointer for f in bare.check(clean_doc).findings] == ["/extensions/xx", "/extensions/yy"]
    clean_doc["extensions"] = {"Bad-Name": {}}
    assert bare.check(clean_doc).findings, "a namespace that is not lower-case is a schema error"


def _with_overdue_row(doc: dict) -> list:
    """The clean report printed with the example's T3 row 「（八）逾期答复」 and its statement."""
    from tests.loaders import render

    doc["sections"][5]["text"] += "\n本报告已经本机关负责人审核签发，并加盖公章。"
    items = render.layout(doc)
    for kind, grid in items:
        if kind == "table" and any(r and "（七）总计" in r for r in grid):
            at = next(i for i, r in enumerate(grid) if "（七）总计" in r)
            label = next(i for i, c in enumerate(grid[at]) if c == "（七）总计")
            grid.insert(at + 1, ["^"] * label + ["（八）逾期答复"] + [None] * (len(grid[at]) - label - 8)
                        + ["2", "0", "0", "0", "0", "0", "2"])
    return items


def test_gov_check_template_extensions(tmp_path, clean_doc):
    from tests.loaders import render

    host = example_host("gov_check_template_extensions", tmp_path)
    engine = Engine(host, Config(select=("GC001", "GC003", "XX301")))
    options = LoadOptions(template=host.template_extensions)
    items = _with_overdue_row(clean_doc)
    for path in (render.to_text(items, tmp_path / "r.txt"), render.to_docx(items, tmp_path / "r.docx"),
                 render.to_html(items, tmp_path / "r.html")):
        result = check_file(engine, str(path), options)
        assert result.load_error is None, result.load_error
        xx = result.document["extensions"]["xx"]
        assert xx["t3"]["overdue_answers"] == {"natural_person": 2, "commercial": 0, "research": 0, "social_welfare": 0,
                                               "legal_services": 0, "other": 0, "total": 2}, path
        assert xx["statements"]["seal"] == "本报告已经本机关负责人审核签发，并加盖公章。"
        assert result.source_map["/extensions/xx/t3/overdue_answers/total"], path
        assert "/extensions/xx/statements/seal" in result.source_map
        assert [(f.code, f.pointer) for f in result.findings] == [("XX301", "/extensions/xx/t3/overdue_answers/total")], \
            (path, [(f.code, f.pointer, f.args) for f in result.findings])
    # the place is named as a reader sees it
    from checker.labels import describe

    assert describe("/extensions/xx/t3/overdue_answers/total") == "表三 · （八）逾期答复 · 总计"
    # without the plugin the row is a GC003 gap, never a national row
    bare = Engine(PluginHost(autoload=False), Config(select=("GC003",)))
    result = check_file(bare, str(tmp_path / "r.txt"), LoadOptions())
    assert "extensions" not in result.document
    assert any(f.code == "GC003" and "逾期答复" in str(f.args["reason"].zh) for f in result.findings)
