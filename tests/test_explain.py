"""`gov-check explain` renders the rule's Markdown in the terminal (rich) and, with --lang en,
translates the whole body: every national rule has English documentation and English option
descriptions, with the same sections as its Chinese docstring."""

from __future__ import annotations

import re

import pytest

from checker.plugins import PluginHost

RULES = PluginHost(autoload=False).rules
CJK_HEADINGS = ("检查什么", "为什么", "依据", "错误示例", "正确示例")


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_national_rule_has_the_same_sections_in_english(code):
    cls = RULES[code]
    zh = {k for k, v in cls.doc_sections().items() if v}
    en = {k for k, v in cls.doc_sections("en").items() if v}
    assert zh == en, f"{code}: doc_en sections {sorted(en)} differ from the docstring's {sorted(zh)}"
    for name, option in cls.options.items():
        assert option.en and not re.search(r"[\u4e00-\u9fff]{6,}", option.en), f"{code}.{name}: no English description"


def test_explain_renders_markdown_in_the_terminal(gov_check):
    shown = gov_check("explain", "GC204").output
    assert "## " not in shown and "| 项目 |" not in shown  # rendered, not the source
    assert "检查什么" in shown and "二、上年结转" in shown
    # a docstring's line break inside a Chinese sentence is not rendered as a space
    assert "， 并指明" not in gov_check("explain", "GC102").output


def test_explain_in_english_translates_the_whole_body(gov_check):
    shown = gov_check("explain", "GC204", "--lang", "en").output
    for heading in ("What it checks", "Why", "Basis", "Wrong", "Right"):
        assert heading in shown
    assert not any(h in shown for h in CJK_HEADINGS)
    assert "corner note" in shown and "Default severity" in shown
    raw = gov_check("explain", "GC601", "--lang", "en", "--markdown").output
    assert "| `department_deadline` | `'01-31'` | deadline for government departments" in raw


def test_a_plugin_rule_without_english_says_so_and_shows_its_chinese(tmp_path, gov_check):
    plugin = tmp_path / "prov.py"
    plugin.write_text('''
from checker import hookimpl
from checker.rule import Rule


class R(Rule):
    """只有中文说明。

    检查什么
    某事。
    """

    code, name, title_zh, title_en, clause = "XX101", "xx-r", "某事", "Something", "某省"

    def check(self, ctx):
        return iter(())


@hookimpl
def gov_check_rules():
    return [R]
''', encoding="utf-8")
    raw = gov_check("explain", "XX101", "--lang", "en", "--markdown", "--plugin", plugin).output
    assert "no English documentation yet" in raw and "## 检查什么" in raw
