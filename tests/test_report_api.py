"""docs/plugins.md's Report API reference is generated from the docstrings and cannot go stale; it
covers every public member a rule may read; its profile example with rule options runs."""

from __future__ import annotations

import re

import pytest

from checker import model, report_api
from checker.config import Config
from checker.engine import Engine
from checker.plugins import PluginHost
from tests.conftest import ROOT

PAGE = ROOT / "docs" / "plugins.md"


def test_the_reference_in_the_page_is_the_generated_one():
    page = PAGE.read_text(encoding="utf-8")
    assert report_api.markdown() in page, "docs/plugins.md's Report API is stale: run `make docs`"


def test_a_changed_docstring_makes_the_page_stale(monkeypatch):
    page = PAGE.read_text(encoding="utf-8")
    monkeypatch.setattr(model.Report.meta, "__doc__", "Something else entirely.")
    assert report_api.replace_in(page) != page


def test_a_member_without_a_docstring_stops_the_generation(monkeypatch):
    monkeypatch.setattr(model.Report.meta, "__doc__", None)
    with pytest.raises(ValueError, match="has no docstring"):
        report_api.markdown()


def test_every_public_member_a_rule_may_read_is_listed():
    listed = "\n".join(shown for _zh, _en, entries in report_api.GROUPS for shown, _t, _text in entries)
    words = set(re.findall(r"[A-Za-z_]\w*", listed))
    for cls in (model.Report, model.Section, model.Cell, model.Sum):
        public = {n for n in dir(cls) if not n.startswith("_")}
        public |= set(getattr(cls, "__dataclass_fields__", {}))
        missing = sorted(public - words)
        assert not missing, f"{cls.__name__}: not in the Report API reference: {missing}"
    for entry in report_api.GROUPS:
        for _shown, _target, zh in entry[2]:
            assert re.search(r"[\u4e00-\u9fff]", zh), _shown


def test_the_profile_example_with_rule_options_runs(tmp_path, clean_doc):
    section = PAGE.read_text(encoding="utf-8").split("## 10. ")[1]
    code = re.search(r"```python\n(.*?)```", section, flags=re.S).group(1)
    (tmp_path / "prov.py").write_text(code, encoding="utf-8")
    host = PluginHost(autoload=False, paths=(str(tmp_path / "prov.py"),))
    engine = Engine(host, Config(profile="xx-province", select=("GC601",)))
    (rule,) = engine.rules
    assert rule.config["department_deadline"] == "01-25" and rule.effective_severity.value == "error"
    clean_doc["metadata"].update(organ_name="示例市教育局", organ_kind="department", report_year=2023,
                                 publication_date="2024-01-27")
    (late,) = engine.check(clean_doc).findings
    assert late.code == "GC601"
