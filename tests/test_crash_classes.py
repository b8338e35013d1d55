"""Issue 17: each crash class the fuzzer found, from a minimal input of its own.  Every case must end
in a result or a one-line message naming the file (exit 0, 1 or 2), never a Python exception."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from checker.config import Config, ConfigError, load_config
from checker.engine import Engine
from checker.findings import Outcome
from checker.hookspecs import hookimpl
from checker.loaders import LoadError, LoadOptions, load, read_bytes
from checker.plugins import PluginHost
from checker.rule import Rule
from tests.conftest import write_json

EXAMPLES = Path(__file__).parent.parent / "examples"


# -- configuration ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, key", [
    ("[limits]\nfile_mb = 1e400\n", "limits.file_mb"),
    ("[limits]\nfile_mb = inf\n", "limits.file_mb"),
    ("[limits]\nunpacked_mb = nan\n", "limits.unpacked_mb"),
    ("[limits]\nblocks = 99999999999999999999\n", "limits.blocks"),
    ("[limits]\npdf_pages = 9223372036854775807\n", "limits.pdf_pages"),
    ("[limits]\njson_depth = 1000000\n", "limits.json_depth"),
    ("[limits]\nrule_seconds = 1e30\n", "limits.rule_seconds"),
    ("[rules.GC206]\nthreshold = nan\n", "rules.GC206.threshold"),
])
def test_config_numbers_out_of_range_name_file_and_key(tmp_path, text, key):
    cfg = tmp_path / "gov-check.toml"
    cfg.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    assert str(cfg) in str(err.value) and key in str(err.value), err.value


def test_config_too_deep_is_a_config_error(tmp_path):
    cfg = tmp_path / "gov-check.toml"
    cfg.write_text("a = " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="gov-check.toml"):
        load_config(cfg)


@pytest.mark.parametrize("body, hint", [
    ('[rules.GC011]\nseverity = "error"\nwaivers = "w.toml"\n', "顶层设置"),
    ('[rules.GC011]\nfail_on = "warning"\n', "顶层设置"),
    ('[rules.GC011]\nplugins = ["p.py"]\n', "顶层设置"),
    ('[rules.GC011]\nfile_mb = 3\n', "[limits]"),
    ('[rules.GC011]\nngram = 3\n', "[rules.GC703]"),
    ('[rules.GC011]\ncolour = 1\n', "只能设置 severity"),
])
def test_misplaced_rule_key_names_the_file_and_where_it_belongs(gov_check, tmp_path, body, hint):
    cfg = tmp_path / "c.toml"
    cfg.write_text(body, encoding="utf-8")
    result = gov_check(EXAMPLES / "clean-2023.json", "--config", cfg)
    assert result.exit_code == 2
    assert str(cfg) in result.stderr and "rules.GC011." in result.stderr and hint in result.stderr, result.stderr
    assert "可用：无" not in result.stderr


def test_huge_rule_seconds_in_code_is_bounded(clean_doc):
    result = Engine(config=Config(rule_seconds=1e30)).check(clean_doc)
    assert not [f for f in result.findings if f.code == "GC900"]


# -- special files wherever gov-check reads one ----------------------------------------------------

@pytest.mark.parametrize("option", ["--config", "--waivers", "--baseline", "--organ-map", "--hierarchy", "extends"])
@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_special_files_are_refused_everywhere(gov_check, tmp_path, option, special):
    target = "/dev/zero"
    if special == "fifo":
        target = str(tmp_path / "pipe.toml")
        os.mkfifo(target)
    report = EXAMPLES / "clean-2023.json"
    if option == "extends":
        cfg = tmp_path / "c.toml"
        cfg.write_text(f'extends = "{target}"\n', encoding="utf-8")
        args = [report, "--config", cfg]
    elif option in ("--organ-map", "--hierarchy"):
        args = [report, "--no-config", "--previous-dir", str(EXAMPLES), option, target]
    elif option == "--config":
        args = [report, option, target]
    else:
        args = [report, "--no-config", option, target]
    result = gov_check(*args)
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    assert target in result.stderr and "不是普通文件" in result.stderr, result.stderr


def test_read_bytes_with_a_huge_limit(tmp_path):
    report = write_json(tmp_path / "r.json", json.loads((EXAMPLES / "clean-2023.json").read_text(encoding="utf-8")))
    assert read_bytes(report, LoadOptions(max_bytes=10 ** 30)).startswith(b"{")


def test_output_onto_a_named_pipe_is_refused(gov_check, tmp_path):
    pipe = tmp_path / "out.json"
    os.mkfifo(pipe)
    result = gov_check(EXAMPLES / "clean-2023.json", "--no-config", "-o", pipe)
    assert result.exit_code == 2 and "拒绝写入" in result.stderr and str(pipe) in result.stderr
    assert pipe.is_fifo()


def test_output_onto_a_symlink_writes_through_and_says_so(gov_check, tmp_path):
    target = tmp_path / "real.txt"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    result = gov_check(EXAMPLES / "clean-2023.json", "--no-config", "-o", link)
    assert result.exit_code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8") != "old"
    assert "符号链接" in result.stderr and str(target) in result.stderr


# -- baseline --------------------------------------------------------------------------------------

@pytest.mark.parametrize("content", [
    '{"gov_check_baseline": 1, "findings": [' + "[" * 100_000 + "]" * 100_000 + "]}",
    '{"gov_check_baseline": 1, "findings": [{"report": ' + "[" * 500 + "]" * 500 + "}]}",
])
def test_deeply_nested_baseline(gov_check, tmp_path, content):
    baseline = tmp_path / "b.json"
    baseline.write_text(content, encoding="utf-8")
    result = gov_check(EXAMPLES / "clean-2023.json", "--no-config", "--baseline", baseline)
    assert result.exit_code in (0, 2) and "Traceback" not in result.output
    if result.exit_code == 2:
        assert str(baseline) in result.stderr


def test_baseline_entry_with_fields_of_the_wrong_type_matches_nothing(gov_check, tmp_path):
    """Found by the long fuzz run: an entry naming the report but with ``pointers`` a number was listed
    as unused and crashed the listing (内部错误: TypeError)."""
    report = tmp_path / "yangquan-2023.json"
    report.write_bytes((EXAMPLES / "yangquan-2023.json").read_bytes())
    baseline = tmp_path / "b.json"
    write_json(baseline, {"gov_check_baseline": 1, "findings": [
        {"report": "yangquan-2023.json", "code": "GC201", "pointers": 8},
        {"report": "yangquan-2023.json", "code": "GC201", "pointers": [1, 2], "place": ["表三"]}]})
    result = gov_check(report, "--no-config", "--baseline", baseline, "--format", "json")
    assert result.exit_code == 0, result.output
    assert "内部错误" not in result.stderr and "基线" not in result.stderr  # neither entry is gov-check's
    codes = [f["code"] for f in json.loads(result.stdout)["reports"][0]["findings"]]
    assert "GC201" in codes  # not hidden by a malformed entry


# -- loaders ---------------------------------------------------------------------------------------

def test_digit_strings_past_the_int_limit_are_text(tmp_path):
    digits = "9" * 5000
    text = (EXAMPLES / "yangquan-2023.txt").read_text(encoding="utf-8")
    text = text.replace("政府信息", f"政府信息{digits}件", 3) + f"\n三、收到和处理政府信息公开申请情况 {digits} {digits}\n"
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    loaded = load(path, PluginHost().loaders)
    result = Engine().check(loaded.document)
    assert not [f for f in result.findings if f.code == "GC900"], [f.args for f in result.findings if f.code == "GC900"]


def test_cell_of_unicode_digits_is_text(tmp_path):
    from checker.loaders.layout import cell_value

    assert cell_value("²") == "²" and cell_value("9" * 5000) == "9" * 5000 and cell_value("12") == 12


@pytest.mark.parametrize("section", [{"type": ["table_3"]}, {"type": {"a": 1}, "tableData": {}},
                                     {"type": "table_3", "tableData": {"naturalPerson": [1]}}])
def test_peer_json_with_wrong_value_types(tmp_path, section):
    path = write_json(tmp_path / "peer.json", {"title": "某县2023年报告", "sections": [section]})
    loaded = load(path, PluginHost().loaders)
    Engine().check(loaded.document)


def _docx(document_xml: str) -> bytes:
    from fuzz.mutators import docx_package  # tests/fuzz: the fuzzer's own Word package builder

    return docx_package(document_xml)


def test_word_huge_spans_are_bounded(tmp_path):
    import resource
    import time

    cell = '<w:tc><w:tcPr><w:gridSpan w:val="2000000000"/><w:vMerge/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>'
    row = f'<w:tr><w:trPr><w:gridBefore w:val="2000000000"/></w:trPr>{cell * 3}</w:tr>'
    path = tmp_path / "spans.docx"
    path.write_bytes(_docx(f"<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p><w:tbl>{row * 200}</w:tbl>"))
    assert path.stat().st_size < 20_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    load(path, PluginHost().loaders)
    assert time.perf_counter() - start < 5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200_000  # kB


def test_word_damaged_deflate_and_encrypted_entry_name_the_file(tmp_path):
    good = _docx("<w:p><w:r><w:t>" + "政府信息公开" * 200 + "</w:t></w:r></w:p>")
    # Damage the deflate stream of word/document.xml (the last entry) without touching its header.
    at = good.rindex(b"word/document.xml", 0, good.index(b"PK\x01\x02")) + len(b"word/document.xml")
    damaged = good[:at + 10] + bytes(b ^ 0xFF for b in good[at + 10:at + 40]) + good[at + 40:]
    # The encrypted flag (bit 0 of the general-purpose flags) on every entry.
    encrypted = bytearray(good)
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = encrypted.find(sig)
        while i != -1:
            encrypted[i + offset] |= 1
            i = encrypted.find(sig, i + 4)
    for name, data in (("damaged.docx", damaged), ("encrypted.docx", bytes(encrypted))):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(LoadError) as err:
            load(path, PluginHost().loaders)
        message = str(err.value)
        assert message.startswith(str(path)) and "\n" not in message and "内部错误" not in message, message


# -- plugin rules ----------------------------------------------------------------------------------

def _host_with(cls: type) -> PluginHost:
    class Plugin:
        @hookimpl
        def gov_check_rules(self):
            return [cls]

    host = PluginHost(autoload=False)
    host.register(Plugin(), name="p")
    return host


def _rule(code: str, body, **attrs):
    return type(f"Rule{code}", (Rule,), {"code": code, "name": code.lower(), "title_zh": code, "title_en": code,
                                        "clause": "test", "messages": {"m": ("m", "m")}, "check": body,
                                        "__doc__": "test", **attrs})


def test_a_rule_calling_sys_exit_is_a_crashed_rule(clean_doc):
    def body(self, ctx):
        sys.exit(0)
        yield  # pragma: no cover

    result = Engine(_host_with(_rule("ZZ901", body)), Config()).check(clean_doc)
    outcomes = {o.code: o.outcome for o in result.outcomes}
    assert outcomes["ZZ901"] is Outcome.ERROR and outcomes["GC204"] is Outcome.PASS
    assert [f.args["rule"] for f in result.findings if f.code == "GC900"] == ["ZZ901"]


def test_a_rule_mutating_the_report_cannot_reach_the_others(clean_doc):
    def body(self, ctx):
        doc = ctx.report.doc
        doc["metadata"].clear()
        doc["sections"].clear()
        doc["tables"]["t3"]["new_received"]["natural_person"] = 10 ** 9
        yield from ()

    before = Engine(config=Config()).check(json.loads(json.dumps(clean_doc)))
    after = Engine(_host_with(_rule("AA001", body)), Config()).check(json.loads(json.dumps(clean_doc)))
    assert [f.code for f in after.findings] == [f.code for f in before.findings]


def test_plugin_rule_with_a_plain_string_severity_is_that_plugins_load_error(gov_check, tmp_path):
    plugin = tmp_path / "bad_rules.py"
    plugin.write_text(
        "from checker.hookspecs import hookimpl\nfrom checker.rule import Rule\n"
        "class R(Rule):\n    '''doc'''\n    code = 'ZZ101'\n    name = 'zz'\n    title_zh = title_en = clause = 'x'\n"
        "    severity = 'error'\n    def check(self, ctx):\n        yield from ()\n"
        "@hookimpl\ndef gov_check_rules():\n    return [R]\n", encoding="utf-8")
    for args in (["rules"], ["explain", "GC204"], ["check", EXAMPLES / "clean-2023.json", "--no-config", "-f", "sarif"]):
        result = gov_check(*args[:1], "--plugin", plugin, *args[1:])
        assert "内部错误" not in result.output + result.stderr, result.stderr
        assert "severity" in result.stderr and "bad_rules" in result.stderr, result.stderr


def test_a_rule_stuck_in_c_code_is_stopped(clean_doc):
    import re
    import time

    from checker.isolation import can_fork

    if not can_fork():
        pytest.skip("plugin rules run in a child process only where os.fork is safe")

    def body(self, ctx):
        re.match(r"(a+)+$", "a" * 64 + "b")  # exponential backtracking inside the C regex engine
        yield from ()

    start = time.perf_counter()
    result = Engine(_host_with(_rule("ZZ902", body)), Config(rule_seconds=1.0)).check(clean_doc)
    assert time.perf_counter() - start < 10
    (crash,) = [f for f in result.findings if f.code == "GC900"]
    assert crash.args["rule"] == "ZZ902" and "超过 1 秒" in crash.args["error"]
    assert {o.code: o.outcome for o in result.outcomes}["GC204"] is Outcome.PASS


def test_a_rule_allocating_gigabytes_is_stopped(clean_doc):
    import resource

    from checker.isolation import can_fork

    if not can_fork():
        pytest.skip("plugin rules run in a child process only where os.fork is safe")

    def body(self, ctx):
        hoard = []
        while True:
            hoard.append(bytearray(64 << 20))
        yield  # pragma: no cover

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = Engine(_host_with(_rule("ZZ903", body)), Config(rule_seconds=30.0)).check(clean_doc)
    (crash,) = [f for f in result.findings if f.code == "GC900"]
    assert crash.args["rule"] == "ZZ903" and "MemoryError" in crash.args["error"], crash.args
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # this process did not grow (kB)


def test_word_millions_of_empty_rows_are_refused_before_parsing(tmp_path):
    import time

    path = tmp_path / "rows.docx"
    path.write_bytes(_docx("<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p><w:tbl>" + "<w:tr/>" * 3_000_000 + "</w:tbl>"))
    assert path.stat().st_size < 50_000
    start = time.perf_counter()
    with pytest.raises(LoadError) as err:
        load(path, PluginHost().loaders)
    assert time.perf_counter() - start < 5
    assert "XML 元素超过 500,000 个" in str(err.value) and "blocks" in str(err.value)
