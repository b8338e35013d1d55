"""gov-check.toml: found next to or above the report, validated with clear errors, extended,
and applied (profile, selection, severities, options, organ kinds, plugins); `gov-check init`."""

from __future__ import annotations

import json
import tomllib

import pytest

from checker.config import STARTER, Config, ConfigError, find_config, load_config
from tests.conftest import EXAMPLES, write_json

SHILI_PKG = EXAMPLES / "plugins" / "gov-check-shili" / "gov_check_shili"


def findings(result) -> list[dict]:
    return json.loads(result.stdout)["reports"][0]["findings"]


@pytest.fixture
def broken_heading(clean_doc, tmp_path):
    """A report whose only problem is GC011 (warning by default), in tmp/reports/2023/."""
    clean_doc["sections"][4]["heading"] = "存在的主要问题及改进情况"
    folder = tmp_path / "reports" / "2023"
    folder.mkdir(parents=True)
    return write_json(folder / "r.json", clean_doc)


def test_config_found_above_the_report_and_applied(gov_check, broken_heading, tmp_path):
    assert gov_check(broken_heading).exit_code == 0  # a warning only
    (tmp_path / "reports" / "gov-check.toml").write_text('[rules.GC011]\nseverity = "error"\n', encoding="utf-8")
    result = gov_check(broken_heading, "--format", "json")
    assert result.exit_code == 1 and findings(result)[0]["severity"] == "error"
    assert gov_check(broken_heading, "--no-config").exit_code == 0


def test_a_config_saved_by_a_windows_editor_is_read_and_a_gbk_one_is_named(gov_check, broken_heading, tmp_path):
    config = tmp_path / "reports" / "gov-check.toml"
    config.write_bytes("\ufeff# 省级配置\n[rules.GC011]\nseverity = \"error\"\n".encode("utf-8"))  # Notepad's BOM
    assert gov_check(broken_heading).exit_code == 1
    config.write_bytes("# 省级配置\n[rules.GC011]\nseverity = \"error\"\n".encode("gbk"))
    result = gov_check(broken_heading)
    assert result.exit_code == 2
    assert f"{config}: 不是 UTF-8 文本（请另存为 UTF-8 编码）" in result.stderr


def test_search_stops_at_a_vcs_root(tmp_path):
    (tmp_path / "gov-check.toml").write_text("", encoding="utf-8")
    repo = tmp_path / "repo" / "sub"
    repo.mkdir(parents=True)
    assert find_config(repo) == tmp_path / "gov-check.toml"
    (tmp_path / "repo" / ".git").mkdir()
    assert find_config(repo) is None
    (tmp_path / "repo" / "gov-check.toml").write_text("", encoding="utf-8")
    assert find_config(repo / "x.json") == tmp_path / "repo" / "gov-check.toml"


def test_command_line_wins_over_the_config(gov_check, broken_heading, tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('fail_on = "warning"\nselect = ["GC2"]\n', encoding="utf-8")
    assert gov_check(broken_heading, "--config", cfg).exit_code == 0  # GC011 not selected
    assert gov_check(broken_heading, "--config", cfg, "--select", "GC011").exit_code == 1  # fail_on warning
    assert gov_check(broken_heading, "--config", cfg, "--select", "GC011", "--fail-on", "error").exit_code == 0


@pytest.mark.parametrize("text, where, what", [
    ('profle = "national"\n', "profle", "未知的键「profle」"),
    ('fail_on = "sometimes"\n', "fail_on", "不在允许范围"),
    ('select = "GC2"\n', "select", "应为 array"),
    ('[rules.GC011]\nseverity = "fatal"\n', "rules.GC011.severity", "fatal"),
    ('[rules."GC 11"]\nseverity = "error"\n', "rules", "GC 11"),
    ('organ_kind = "ministry"\n', "organ_kind", "ministry"),
    ('[limits]\npdf_pages = "many"\n', "limits.pdf_pages", "应为 integer"),
    ('[limits]\npages = 200\n', "limits", "未知的键「pages」"),
    ("profile = \n", "", "TOML 格式错误"),
])
def test_invalid_config_names_file_key_and_problem(gov_check, broken_heading, tmp_path, text, where, what):
    cfg = tmp_path / "c.toml"
    cfg.write_text(text, encoding="utf-8")
    result = gov_check(broken_heading, "--config", cfg)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"gov-check: {cfg.resolve()}: {where}")
    assert what in result.stderr and "Traceback" not in result.stderr


def test_limits_are_set_in_the_config_and_named_when_reached(gov_check, clean_doc, tmp_path):
    report = write_json(tmp_path / "r.json", clean_doc)
    config = tmp_path / "gov-check.toml"
    config.write_text("[limits]\njson_depth = 3\n", encoding="utf-8")
    result = gov_check(report)
    assert result.exit_code == 2
    assert "JSON 嵌套超过 3 层，不是一份报告（确属报告时可在 gov-check.toml 的 [limits] 中调高 json_depth）" in result.stderr
    config.write_text("[limits]\njson_depth = 64\nfile_mb = 0.5\nrule_seconds = 0\n", encoding="utf-8")
    assert gov_check(report).exit_code == 0
    loaded = load_config(config)
    assert loaded.limits == {"max_depth": 64, "max_bytes": 512 * 1024} and loaded.rule_seconds is None


def test_unknown_profile_rule_or_option_is_exit_2(gov_check, broken_heading, tmp_path):
    cfg = tmp_path / "c.toml"
    for text, what in (('profile = "nowhere"\n', "nowhere"), ('[rules.GC999]\nseverity = "error"\n', "GC999"),
                       ('[rules.GC011]\ncolour = 1\n', "没有选项「colour」")):
        cfg.write_text(text, encoding="utf-8")
        result = gov_check(broken_heading, "--config", cfg)
        assert result.exit_code == 2 and what in result.stderr, result.stderr
    assert "missing.toml" in gov_check(broken_heading, "--config", tmp_path / "missing.toml").stderr


def test_extends_merges_and_paths_are_relative_to_each_file(tmp_path):
    (tmp_path / "province").mkdir()
    (tmp_path / "city").mkdir()
    (tmp_path / "province" / "base.toml").write_text(
        'profile = "national-2021"\nignore = ["GC302"]\nplugins = ["rules.py"]\nwaivers = "w.toml"\n'
        '[rules.GC011]\nseverity = "error"\n[rules.GC204]\nseverity = "warning"\n', encoding="utf-8")
    (tmp_path / "city" / "gov-check.toml").write_text(
        'extends = "../province/base.toml"\nignore = ["GC301"]\n[rules.GC204]\nseverity = "info"\n'
        '[organ_kinds]\n"*街道办事处" = "subdistrict_office"\n', encoding="utf-8")
    cfg = load_config(tmp_path / "city" / "gov-check.toml")
    assert cfg.profile == "national-2021" and cfg.ignore == ("GC302", "GC301")
    assert cfg.severities == {"GC011": "error", "GC204": "info"}
    assert cfg.plugins == (str(tmp_path / "province" / "rules.py"),)
    assert cfg.waivers == str(tmp_path / "province" / "w.toml")
    assert cfg.kind_for("某某街道办事处") == "subdistrict_office" and cfg.kind_for("某县人民政府") is None
    assert cfg.files[0].endswith("city/gov-check.toml")


def test_extends_cycle_is_an_error(tmp_path):
    (tmp_path / "a.toml").write_text('extends = "b.toml"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('extends = "a.toml"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="循环"):
        load_config(tmp_path / "a.toml")


def test_rule_options_and_plugins_from_the_config(gov_check, clean_doc, tmp_path):
    clean_doc["metadata"].update(organ_name="示例省示例厅", organ_kind="department", publication_date="2024-01-27")
    report = write_json(tmp_path / "r.json", clean_doc)
    (tmp_path / "gov-check.toml").write_text(
        f'plugins = ["{SHILI_PKG}"]\nselect = ["SL601"]\n[rules.SL601]\ndeadline = "01-25"\n', encoding="utf-8")
    result = gov_check(report, "--format", "json")
    (f,) = findings(result)
    assert f["code"] == "SL601" and "截止日期 2024-01-25" in f["message"]


def test_organ_kind_overrides(gov_check, clean_doc, tmp_path):
    clean_doc["metadata"].update(organ_name="示例省大数据集团", publication_date="2024-01-30")
    clean_doc["metadata"].pop("organ_kind")
    report = write_json(tmp_path / "r.json", clean_doc)
    args = (report, "--plugin", SHILI_PKG, "--select", "SL601", "--format", "json")
    assert findings(gov_check(*args)) == []  # the name implies no kind: SL601 does not apply
    (tmp_path / "gov-check.toml").write_text('[organ_kinds]\n"*集团" = "department"\n', encoding="utf-8")
    assert [f["code"] for f in findings(gov_check(*args))] == ["SL601"]
    assert findings(gov_check(*args, "--organ-kind", "province_government")) == []  # the command line wins


def test_init_writes_a_commented_starter_and_never_overwrites(gov_check, tmp_path):
    result = gov_check("init", tmp_path)
    assert result.exit_code == 0
    path = tmp_path / "gov-check.toml"
    text = path.read_text(encoding="utf-8")
    assert text == STARTER and text.count("#") > 20
    load_config(path)  # the starter is valid as written
    assert tomllib.loads(STARTER)["profile"] == "national"
    path.write_text("# mine\n", encoding="utf-8")
    again = gov_check("init", tmp_path)
    assert again.exit_code == 2 and "已存在" in again.stderr
    assert path.read_text(encoding="utf-8") == "# mine\n"


def test_every_commented_setting_of_the_starter_is_valid(tmp_path):
    """Uncommenting the starter's example settings gives a valid config (the docs do not lie)."""
    lines = [l[2:] if l.startswith("# ") and ("=" in l or l.startswith("# [")) and not l.startswith("# gov-check")
             else l for l in STARTER.splitlines()]
    (tmp_path / "city").mkdir()
    path = tmp_path / "city" / "full.toml"
    (tmp_path / "province").mkdir()
    (tmp_path / "province" / "gov-check.toml").write_text("", encoding="utf-8")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cfg = load_config(path)
    assert cfg.select == ("GC2", "GC3") and cfg.organ_kind == "department" and cfg.severities["GC011"] == "error"
    assert isinstance(cfg, Config)


def test_config_schema_is_printed_and_is_valid_json_schema(gov_check):
    from jsonschema import Draft202012Validator

    result = gov_check("schema", "config")
    assert result.exit_code == 0
    Draft202012Validator.check_schema(json.loads(result.stdout))
