"""Bad input is normal input: each kind of damaged or hostile input gets a clear answer and the right
exit code, never a traceback.  docs/robustness.md lists every case of this file (a test checks)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

CLEAN = (EXAMPLES / "clean-2023.json").read_text(encoding="utf-8")


def _doc(**changes) -> dict:
    doc = json.loads(CLEAN)
    for pointer, value in changes.items():
        *parents, last = pointer.split("__")
        node = doc
        for p in parents:
            node = node[int(p)] if isinstance(node, list) else node[p]
        node[last] = value
    return doc


# name → (file name, bytes, expected exit code, text that must appear on stderr or stdout)
CASES: dict[str, tuple[str, bytes, int, str]] = {
    "empty-file": ("r.json", b"", 2, "文件是空的"),
    "only-whitespace": ("r.json", b" \n\t\r\n  ", 2, "文件是空的"),
    "utf8-bom": ("r.json", b"\xef\xbb\xbf" + CLEAN.encode(), 0, ""),
    "utf16-with-bom": ("r.json", CLEAN.encode("utf-16"), 0, ""),
    "gbk-json-without-declaration": ("r.json", CLEAN.encode("gbk"), 0, ""),
    "gb18030-json": ("r.json", CLEAN.encode("gb18030"), 0, ""),
    "binary-garbage-named-json": ("r.json", bytes(range(256)) * 20, 2, "不是文本文件"),
    "json-array": ("r.json", b"[1, 2, 3]", 2, "实为数组"),
    "json-number": ("r.json", b"42", 2, "实为数字"),
    "json-null": ("r.json", b"null", 2, "实为null"),
    "json-string": ("r.json", b'"report"', 2, "实为字符串"),
    "truncated-json": ("r.json", CLEAN[: len(CLEAN) // 3].encode(), 2, "JSON 格式错误"),
    "duplicate-keys": ("r.json", b'{"metadata": {}, "metadata": {}}', 2, "重复的键「metadata」"),
    "nan": ("r.json", CLEAN.replace('"issued": 5', '"issued": NaN').encode(), 2, "不允许 NaN"),
    "infinity": ("r.json", CLEAN.replace('"issued": 5', '"issued": -Infinity').encode(), 2, "不允许 -Infinity"),
    "number-1e400": ("r.json", CLEAN.replace('"amount": 35.6', '"amount": 1e400').encode(), 2, "超出范围"),
    "minus-zero": ("r.json", CLEAN.replace('"in_force": 0', '"in_force": -0').encode(), 0, ""),
    "numbers-as-strings": ("r.json", json.dumps(_doc(tables__t3__granted__natural_person="15")).encode(), 0, ""),
    "deeply-nested-100000": ("r.json", b"[" * 100_000 + b"]" * 100_000, 2, "嵌套"),
    "nested-beyond-limit": ("r.json", b'{"a":' * 100 + b"1" + b"}" * 100, 2, "嵌套超过 64 层"),
    "json-with-comments": ("r.json", b"// report\n" + CLEAN.encode(), 2, "JSON 格式错误"),
    "lone-surrogate": ("r.json", CLEAN.replace("示例县人民政府", "\\ud800示例县人民政府", 1).encode(), 0, ""),
    "control-characters-in-text": ("r.json", json.dumps(_doc(preface="\x00\x07\x1b[31m")).encode(), 0, ""),
    "all-cells-blank": ("r.json", json.dumps({**_doc(), "tables": {"t3": {k: {c: None for c in v} for k, v in
                                                                           _doc()["tables"]["t3"].items()}}}).encode(),
                        0, "空白"),
    "wrong-types-everywhere": ("r.json", b'{"metadata": [], "sections": "none", "tables": {"t3": 5}}', 1, "GC001"),
    "a-dash-in-a-cell": ("r.json", json.dumps(_doc(tables__t4__review__pending="—")).encode(), 0, "「—」"),
    "text-in-a-cell": ("r.json", json.dumps(_doc(tables__t4__review__pending="无")).encode(), 1, "「无」"),
    "huge-section-text": ("r.json", json.dumps(_doc(sections__0__text="总" * 1_000_000)).encode(), 0, ""),
    "ten-thousand-sections": ("r.json", json.dumps({**_doc(), "sections": _doc()["sections"] +
                                                    [{"heading": "附", "text": "x"}] * 10_000}).encode(), 0, ""),
    "unknown-suffix-binary": ("r.bin", b"\x89PNG\r\n\x1a\n" + bytes(100), 2, "无法识别的文件格式"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input(name, tmp_path, gov_check):
    filename, data, code, text = CASES[name]
    path = tmp_path / filename
    path.write_bytes(data)
    result = gov_check(path, "--fail-on", "error")
    assert result.exit_code == code, (result.output, result.stderr)
    both = result.output + result.stderr
    assert "Traceback" not in both
    assert text in both
    if code == 2:
        lines = [l for l in result.stderr.splitlines() if l.strip()]
        assert len(lines) == 1 and lines[0].startswith(f"gov-check: {path}"), lines
    assert path.read_bytes() == data  # nothing the user gave is modified


def test_file_over_the_size_limit(tmp_path, gov_check):
    big = tmp_path / "big.json"
    with big.open("wb") as fh:  # a sparse 200 MB file: refused before it is read
        fh.truncate(200 * 1024 * 1024)
    result = gov_check(big)
    assert result.exit_code == 2 and "文件过大（200.0 MB）" in result.stderr


def test_unreadable_file(tmp_path, gov_check, monkeypatch):
    path = tmp_path / "r.json"
    path.write_text(CLEAN, encoding="utf-8")

    def deny(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)  # as root chmod 000 would not stop the read
    result = gov_check(path)
    assert result.exit_code == 2 and "没有读取该文件的权限" in result.stderr


def test_missing_file_among_good_ones_keeps_checking_the_rest(tmp_path, gov_check):
    result = gov_check(tmp_path / "missing.json", EXAMPLES / "clean-2023.json", "--format", "json")
    assert result.exit_code == 2
    reports = json.loads(result.stdout)["reports"]
    assert [r["status"] for r in reports] == ["not_checked", "checked"]


def test_output_may_not_overwrite_the_input(tmp_path, gov_check):
    path = tmp_path / "r.json"
    path.write_text(CLEAN, encoding="utf-8")
    result = gov_check(path, "-o", path)
    assert result.exit_code == 2 and "拒绝覆盖" in result.stderr
    assert path.read_text(encoding="utf-8") == CLEAN


def test_output_into_a_missing_folder(tmp_path, gov_check):
    result = gov_check(EXAMPLES / "clean-2023.json", "-o", tmp_path / "no" / "such" / "dir" / "out.txt")
    assert result.exit_code == 2 and "无法写入" in result.stderr


def test_failed_write_leaves_the_old_output_intact(tmp_path, monkeypatch):
    from checker.output import write_atomic

    out = tmp_path / "out.json"
    out.write_text("old", encoding="utf-8")

    def boom(*a, **k):
        raise KeyboardInterrupt  # Ctrl-C in the middle of writing

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(out, "new content")
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no half-written temporary left


def test_docs_list_every_case():
    doc = (ROOT / "docs" / "robustness.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| `([a-z0-9-]+)` \|", doc, flags=re.M))
    tested = set(CASES) | {"file-over-200-mb", "unreadable-file", "missing-file", "output-overwrites-input",
                           "output-into-missing-folder", "interrupted-write"} | set(PLUGIN_CASES)
    assert tested <= rows, sorted(tested - rows)
    assert len(rows) >= 40


# -- plugins that misbehave ----------------------------------------------------------------------

from checker.config import Config  # noqa: E402
from checker.engine import Engine  # noqa: E402
from checker.findings import Finding, Outcome  # noqa: E402
from checker.hookspecs import hookimpl  # noqa: E402
from checker.plugins import PluginHost  # noqa: E402
from checker.rule import Rule  # noqa: E402


def _rule(code: str, body):
    return type(f"Rule{code}", (Rule,), {"code": code, "name": code.lower(), "title_zh": code, "title_en": code,
                                        "clause": "test", "messages": {"m": ("m", "m")}, "check": body,
                                        "__doc__": "test"})


def _loops(self, ctx):
    while True:
        pass
    yield  # pragma: no cover


def _garbage(self, ctx):
    yield Finding(code="ZZ1", severity="high", message="m")  # type: ignore[arg-type]


def _not_a_finding(self, ctx):
    yield {"code": "ZZ", "message": "dict"}


def _prints(self, ctx):
    print("hello from a plugin")
    import sys
    print("and stderr", file=sys.stderr)
    yield self.finding("m", "/metadata")


def _raises(self, ctx):
    raise KeyError("cell")
    yield  # pragma: no cover


def _floods(self, ctx):
    while True:
        yield self.finding("m", "/metadata")


PLUGIN_CASES = {
    "plugin-rule-raises": _raises,
    "plugin-rule-loops-forever": _loops,
    "plugin-returns-garbage-finding": _garbage,
    "plugin-yields-not-a-finding": _not_a_finding,
    "plugin-floods-findings": _floods,
    "plugin-prints": _prints,
}


@pytest.mark.parametrize("name", sorted(PLUGIN_CASES))
def test_misbehaving_plugin_rule(name, clean_doc, capsys):
    cls = _rule("ZZ900", PLUGIN_CASES[name])

    class Plugin:
        @hookimpl
        def gov_check_rules(self):
            return [cls]

    host = PluginHost(autoload=False)
    host.register(Plugin(), name=name)
    result = Engine(host, Config(rule_seconds=1.0)).check(clean_doc)
    outcomes = {o.code: o.outcome for o in result.outcomes}
    assert outcomes["GC204"] is Outcome.PASS  # the national rules ran
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""  # nothing printed into the user's output
    if name == "plugin-prints":
        assert outcomes["ZZ900"] is Outcome.FAIL
    else:
        assert outcomes["ZZ900"] is Outcome.ERROR
        (crash,) = [f for f in result.findings if f.code == "GC900"]
        assert crash.args["rule"] == "ZZ900"
        if name == "plugin-rule-loops-forever":
            assert "超过 1 秒" in crash.args["error"]
