"""Plugins as a user meets them: entry points, --plugin paths, broken and incompatible plugins,
the environment switches, `gov-check plugins`, `new-plugin`, and the example province plugin."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
import types
from pathlib import Path


import pytest

from checker.plugins import ENV_DISABLE_AUTOLOAD, ENV_TRACE, PluginHost
from tests.conftest import EXAMPLES, ROOT, write_json

SHILI = EXAMPLES / "plugins" / "gov-check-shili"
SHILI_PKG = SHILI / "gov_check_shili"


@pytest.fixture(autouse=True)
def no_cache(monkeypatch):
    """These tests fake importlib.metadata's entry points; the kept list must not answer for it."""
    monkeypatch.setenv("GOV_CHECK_CACHE_DIR", "off")

GOOD = '''
from checker import hookimpl
from checker.rule import Rule

class Hello(Rule):
    """x"""
    code = "ZZ001"
    name = "zz-hello"
    title_zh = title_en = clause = "x"
    messages = {"m": ("你好", "hello")}
    def check(self, ctx):
        yield self.finding("m", "/metadata")

@hookimpl
def gov_check_rules():
    return [Hello]
'''


def fake_entry_points(monkeypatch, **modules):
    """Entry points in the gov_check group that load the given module objects."""
    eps = []
    for name, module in modules.items():
        sys.modules[f"fake_plugin_{name}"] = module
        eps.append(importlib.metadata.EntryPoint(name, f"fake_plugin_{name}", "gov_check"))

    def entry_points(group=None, **kw):
        return [e for e in eps if group == "gov_check"]

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)


def module(name: str, source: str) -> types.ModuleType:
    m = types.ModuleType(name)
    exec(compile(source, name, "exec"), m.__dict__)
    return m


def test_entry_point_plugin_is_loaded(monkeypatch):
    fake_entry_points(monkeypatch, hello=module("hello", GOOD))
    host = PluginHost()
    assert "ZZ001" in host.rules and not host.problems
    assert any(p.name == "hello" and p.source == "entry point" for p in host.plugins)


def test_autoload_can_be_disabled_by_environment(monkeypatch):
    fake_entry_points(monkeypatch, hello=module("hello", GOOD))
    monkeypatch.setenv(ENV_DISABLE_AUTOLOAD, "1")
    assert "ZZ001" not in PluginHost().rules


def test_broken_entry_point_is_reported_and_the_rest_load(monkeypatch):
    eps = [importlib.metadata.EntryPoint("broken", "no_such_module_xyz", "gov_check"),
           importlib.metadata.EntryPoint("hello", "fake_plugin_hello", "gov_check")]
    sys.modules["fake_plugin_hello"] = module("hello", GOOD)
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group=None, **kw: eps)
    host = PluginHost()
    (problem,) = host.problems
    assert problem.name == "broken" and "ModuleNotFoundError" in problem.error
    assert "ZZ001" in host.rules and "GC204" in host.rules


def test_hook_calls_are_traced_by_environment(monkeypatch, capsys):
    monkeypatch.setenv(ENV_TRACE, "1")
    PluginHost(autoload=False).rules
    err = capsys.readouterr().err
    assert "gov_check_rules [rules] -> " in err


def test_local_file_folder_and_package(tmp_path):
    (tmp_path / "one.py").write_text(GOOD, encoding="utf-8")
    folder = tmp_path / "many"
    folder.mkdir()
    (folder / "two.py").write_text(GOOD.replace("ZZ001", "ZZ002").replace("zz-hello", "zz-two"), encoding="utf-8")
    host = PluginHost(autoload=False, paths=(str(tmp_path / "one.py"), str(folder), str(SHILI_PKG)))
    assert not host.problems
    assert {"ZZ001", "ZZ002", "SL601", "SL201", "SL801"} <= set(host.rules)
    info = {p.name: p for p in host.plugins}
    assert info["gov_check_shili"].version == "0.1.0" and info["one"].source == str(tmp_path / "one.py")


def test_broken_and_incompatible_local_plugins_are_named(tmp_path):
    (tmp_path / "syntax.py").write_text("def (:\n", encoding="utf-8")
    (tmp_path / "future.py").write_text(
        "from checker import hookimpl\n__version__ = '9.0'\n@hookimpl\ndef gov_check_from_the_future():\n    return 1\n",
        encoding="utf-8")
    (tmp_path / "wrongargs.py").write_text(
        "from checker import hookimpl\n@hookimpl\ndef gov_check_adjust_severity(finding, colour):\n    return None\n",
        encoding="utf-8")
    (tmp_path / "raises.py").write_text(
        "from checker import hookimpl\n@hookimpl\ndef gov_check_rules():\n    raise RuntimeError('boom')\n",
        encoding="utf-8")
    host = PluginHost(autoload=False, paths=tuple(str(tmp_path / f) for f in
                                                  ("syntax.py", "future.py", "wrongargs.py", "raises.py", "nope.py")))
    host.rules
    errors = {p.name.rsplit("/", 1)[-1]: (p.version, p.error) for p in host.problems}
    assert "SyntaxError" in errors["syntax.py"][1]
    assert errors["future"][0] == "9.0" and errors["future"][1].startswith("不兼容：本版本 gov-check 没有钩子 gov_check_from_the_future；")
    assert "不兼容" in errors["wrongargs"][1] and "colour" in errors["wrongargs"][1]
    assert "RuntimeError: boom" in errors["raises"][1]
    assert "文件不存在" in errors["nope.py"][1]
    assert "GC204" in host.rules  # the national rules are untouched


def test_broken_plugin_is_named_and_exit_2_but_the_check_runs(gov_check, tmp_path, clean_doc):
    (tmp_path / "bad.py").write_text("import no_such_module_xyz\n", encoding="utf-8")
    clean_doc["tables"]["t4"]["review"]["total"] = 3
    report = write_json(tmp_path / "r.json", clean_doc)
    result = gov_check(report, "--plugin", tmp_path / "bad.py")
    assert result.exit_code == 2
    assert f"插件 {tmp_path / 'bad.py'} local 未加载" in result.stderr and "no_such_module_xyz" in result.stderr
    assert "GC302" in result.stdout


def test_plugins_command_lists_rules_profiles_hooks_and_problems(gov_check, tmp_path):
    result = gov_check("plugins", "--plugin", SHILI_PKG, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    shili = next(p for p in doc["plugins"] if p["name"] == "gov_check_shili")
    assert shili["version"] == "0.1.0" and shili["rules"] == ["SL201", "SL601", "SL801"]
    assert shili["profiles"] == ["shili"]
    assert "gov_check_report_extensions" in shili["hooks"]
    national = next(p for p in doc["plugins"] if p["name"] == "rules")
    assert "GC204" in national["rules"] and "national-2019" in national["profiles"]
    (tmp_path / "bad.py").write_text("raise ImportError('needs gov-check 9')\n", encoding="utf-8")
    text = gov_check("plugins", "--plugin", tmp_path / "bad.py")
    assert text.exit_code == 2 and "needs gov-check 9" in text.output
    assert "gov_check_shili" not in text.output


def test_example_province_plugin_on_the_command_line(gov_check, tmp_path, clean_doc):
    clean_doc["metadata"].update(organ_name="示例省示例厅", organ_kind="department", publication_date="2024-01-30",
                                 title="示例省示例厅2023年政府信息公开工作年度报告")
    clean_doc["sections"][4]["heading"] = "存在的主要问题及改进情况"  # GC011: warning nationally
    report = write_json(tmp_path / "r.json", clean_doc)
    national = json.loads(gov_check(report, "--format", "json").stdout)["reports"][0]["findings"]
    assert [f["code"] for f in national] == ["GC011"] and national[0]["severity"] == "warning"
    result = gov_check(report, "--plugin", SHILI_PKG, "--profile", "shili", "--format", "json")
    assert result.exit_code == 1
    found = {(f["code"], f["severity"]) for f in json.loads(result.stdout)["reports"][0]["findings"]}
    assert found == {("GC011", "error"), ("SL601", "error"), ("SL201", "error"), ("SL801", "error")}


def test_example_plugin_own_tests_pass():
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"], cwd=SHILI,
                          capture_output=True, text=True, env=_env(SHILI))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_new_plugin_skeleton_passes_its_own_tests(gov_check, tmp_path):
    result = gov_check("new-plugin", "sichuan", "--dir", tmp_path)
    assert result.exit_code == 0, result.output
    root = tmp_path / "gov-check-sichuan"
    assert (root / "pyproject.toml").exists() and (root / "tests" / "cases" / "SI801.yaml").exists()
    assert 'sichuan = "gov_check_sichuan"' in (root / "pyproject.toml").read_text(encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=root,
                          capture_output=True, text=True, env=_env(root))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "4 passed" in proc.stdout
    again = gov_check("new-plugin", "sichuan", "--dir", tmp_path)
    assert again.exit_code == 2 and "已存在" in again.stderr
    assert gov_check("new-plugin", "四川", "--dir", tmp_path).exit_code == 2
    assert gov_check("new-plugin", "gc", "--dir", tmp_path).exit_code == 2


def _env(path: Path) -> dict:
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(path), str(ROOT)])
    env[ENV_DISABLE_AUTOLOAD] = "1"  # only the plugin under test, whatever else is installed
    return env


def test_a_raising_severity_adjuster_is_a_problem_not_a_crash(tmp_path, clean_doc):
    from checker.config import Config
    from checker.engine import Engine

    (tmp_path / "adj.py").write_text(
        "from checker import hookimpl\n@hookimpl\ndef gov_check_adjust_severity(finding, rule, report):\n"
        "    raise KeyError('organ')\n", encoding="utf-8")
    host = PluginHost(autoload=False, paths=(str(tmp_path / "adj.py"),))
    clean_doc["tables"]["t4"]["review"]["total"] = 3
    clean_doc["tables"]["t4"]["litigation_direct"]["total"] = 3
    result = Engine(host, Config(select=("GC302",))).check(clean_doc)
    assert [f.code for f in result.findings] == ["GC302", "GC302"]
    (problem,) = host.problems
    assert "钩子 gov_check_adjust_severity 运行出错" in problem.error and "（KeyError: " in problem.error


def test_problems_found_while_resolving_rules_are_named_too(gov_check, tmp_path, clean_doc):
    (tmp_path / "dup.py").write_text(GOOD.replace("ZZ001", "GC204"), encoding="utf-8")  # a taken code
    result = gov_check(write_json(tmp_path / "r.json", clean_doc), "--plugin", tmp_path / "dup.py")
    assert result.exit_code == 2
    assert "插件 dup local 未加载：规则代码 GC204 已被 rules 使用" in result.stderr


def test_a_plugin_requiring_another_gov_check_is_incompatible_and_not_loaded(monkeypatch):
    from checker import __version__

    class Dist:
        name, version = "gov-check-future", "2.0"
        requires = ["gov-check>=99.0", 'pytest; extra == "test"']

    class EP:  # its module is not importable yet: loading it would be a second problem
        name, group, value, dist = "future", "gov_check", "fake_plugin_future", Dist()

    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group=None, **kw: [EP()])
    host = PluginHost()
    (problem,) = host.problems
    assert (problem.name, problem.version) == ("gov-check-future", "2.0")
    assert problem.error.startswith(f"不兼容：需要 gov-check>=99.0，本版本为 {__version__}；")
    assert "ZZ001" not in host.rules
    Dist.requires = ["gov-check>=0.1,<99", "gov_check (>=0.0.1)"]
    monkeypatch.setitem(sys.modules, "fake_plugin_future", module("future", GOOD))
    host = PluginHost()
    assert not host.problems and "ZZ001" in host.rules


def test_pointing_at_a_project_folder_says_where_the_package_is():
    host = PluginHost(autoload=False, paths=(str(SHILI),))
    (problem,) = host.problems
    assert str(SHILI_PKG) in problem.error


def test_an_installed_plugins_rules_run_only_under_its_profile_or_when_selected(clean_doc):
    """Installing a plugin does not change what "national" means (issue 16)."""
    from checker import hookimpl
    from checker.config import Config, Profile
    from checker.engine import Engine
    from checker.findings import Severity
    from checker.rule import Rule

    class Extra(Rule):
        """总是报告。"""

        code, name, title_zh, title_en, clause = "ZZ001", "zz-always", "总是", "Always", "某省"
        messages = {"x": ("x", "x")}

        def check(self, ctx):
            yield self.finding("x", "/signature")

    class Installed:
        gov_check_rules = staticmethod(hookimpl(lambda: [Extra]))
        gov_check_profiles = staticmethod(hookimpl(lambda: [Profile("zz", "某省", extends="national-2021")]))

    host = PluginHost(autoload=False)
    host.register(Installed, "gov_check_zz", "1.0", source="entry point")
    codes = lambda config: {r.code for r in Engine(host, config).rules}  # noqa: E731
    for national in ("national", "national-2021", "national-2019"):
        assert "ZZ001" not in codes(Config(profile=national)) and "GC204" in codes(Config(profile=national))
    assert "ZZ001" in codes(Config(profile="zz"))
    assert "ZZ001" in codes(Config(select=("GC", "ZZ")))
    assert "ZZ001" in codes(Config(severities={"ZZ001": Severity.WARNING}))
    assert Engine(host, Config()).installed_plugin_turned_on("gov_check_zz") is False
    # the same plugin named by the user (--plugin, config `plugins`) runs as loaded
    named = PluginHost(autoload=False)
    named.register(Installed, "gov_check_zz", "1.0")
    assert "ZZ001" in {r.code for r in Engine(named, Config()).rules}


def test_plugins_says_which_profile_is_in_force_and_why(gov_check, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert gov_check("plugins").output.startswith("当前规则配置：national（默认：没有 --profile，配置文件也没有指定）")
    (tmp_path / "gov-check.toml").write_text('profile = "national-2019"\n', encoding="utf-8")
    assert gov_check("plugins").output.startswith("当前规则配置：national-2019（配置文件 ")
    listed = json.loads(gov_check("plugins", "--profile", "national-2021", "--format", "json").output)
    assert (listed["profile"], listed["profile_reason"]) == ("national-2021", "--profile")
    assert gov_check("plugins", "--profile", "nope").exit_code == 2
