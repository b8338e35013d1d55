"""A plugin's failure is the plugin's: a crashing rule names the plugin, the rule and its own line;
--traceback and -vv show the full stack; every load error is a Chinese sentence that names the
plugin and says what to do, with the library's text after it."""

from __future__ import annotations

import json

from checker.plugins import PluginHost
from tests.conftest import write_json

CRASHING = '''
from checker import hookimpl
from checker.rule import Rule


def helper(row):
    return int(row["blank"])   # line 7: the plugin's own mistake


class Crashes(Rule):
    """会出错的规则。"""

    code = "ZZ101"
    name = "zz-crashes"
    title_zh = "出错"
    title_en = "Crashes"
    clause = "测试"
    messages = {"x": ("x", "x")}

    def check(self, ctx):
        yield from ()
        helper({"blank": None})


@hookimpl
def gov_check_rules():
    return [Crashes]
'''


def test_a_crash_names_the_plugin_the_rule_and_the_plugins_line(tmp_path, gov_check, clean_doc):
    plugin = tmp_path / "zz_prov.py"
    plugin.write_text(CRASHING, encoding="utf-8")
    report = write_json(tmp_path / "r.json", clean_doc)
    result = gov_check(report, "--plugin", plugin, "--format", "json")
    (crash,) = [f for f in json.loads(result.stdout)["reports"][0]["findings"] if f["code"] == "GC900"]
    assert "插件 zz_prov local 的规则 ZZ101 运行出错" in crash["message"]
    assert "TypeError" in crash["message"] and "zz_prov.py:7" in crash["message"]
    assert "Traceback (most recent call last)" in crash["args"]["traceback"]
    plain = gov_check(report, "--plugin", plugin)
    assert "Traceback" not in plain.output  # only on request
    for flags in (["--traceback"], ["-vv"]):
        shown = gov_check(report, "--plugin", plugin, *flags)
        assert "规则 ZZ101 出错的完整经过" in shown.output and 'int(row["blank"])' in shown.output, flags
        assert "line 7" in shown.output


def test_a_national_rules_crash_is_said_to_be_national(tmp_path, clean_doc, monkeypatch):
    from checker.config import Config
    from checker.engine import Engine

    engine = Engine(PluginHost(autoload=False), Config(select=("GC302",)))
    monkeypatch.setattr(type(engine.rules[0]), "check", lambda self, ctx: iter([1 / 0]))
    (crash,) = engine.check(clean_doc).findings
    assert crash.args["owner"].zh == "全国" and crash.args["rule"] == "GC302"


def _problems(tmp_path, source: str) -> list[str]:
    path = tmp_path / "prov_x.py"
    path.write_text(source, encoding="utf-8")
    host = PluginHost(autoload=False, paths=(str(path),))
    host.rules
    return [str(p) for p in host.problems]


def test_a_wrong_hook_argument_is_a_chinese_sentence_with_pluggys_text_after_it(tmp_path):
    (problem,) = _problems(tmp_path, "from checker import hookimpl\n\n@hookimpl\ndef gov_check_rules(config):\n    return []\n")
    assert problem.startswith("插件 prov_x local 未加载：不兼容：钩子函数的参数 {'config'} 不在该钩子的参数中；请对照 docs/plugins.md")
    assert "（pluggy：" in problem and "can not be found in the hookspec" in problem


def test_a_taken_rule_code_names_its_owner_and_what_to_do(tmp_path):
    source = CRASHING.replace('"ZZ101"', '"GC504"')
    (problem,) = _problems(tmp_path, source)
    assert "规则代码 GC504 已被 rules 使用" in problem and "两个字母前缀" in problem


def test_an_import_error_says_what_to_do(tmp_path):
    (problem,) = _problems(tmp_path, "import gov_check_no_such_dependency\n")
    assert "prov_x" in problem and "找不到模块 gov_check_no_such_dependency" in problem and "pip install" in problem
    assert problem.endswith("（ModuleNotFoundError: No module named 'gov_check_no_such_dependency'）")


def test_a_crash_makes_the_check_incomplete_exit_2(tmp_path, gov_check, clean_doc):
    plugin = tmp_path / "zz_prov.py"
    plugin.write_text(CRASHING, encoding="utf-8")
    result = gov_check(write_json(tmp_path / "r.json", clean_doc), "--plugin", plugin)
    assert result.exit_code == 2 and "检查不完整" in result.output
