"""A rule's documentation as Markdown, generated from its metadata and docstring (one source for
`gov-check explain` and docs/rules/), in Chinese or English (the rule's ``doc_en``)."""

from __future__ import annotations

from typing import Any

from checker.labels import ORGAN_KINDS

_TEMPLATES = {"2021": ("2021年模板", "2021 template"), "2019": ("2019年模板", "2019 template"),
              "legacy": ("2019年以前（无表格）", "before 2019 (no tables)")}
_HEADS = {"检查什么": "What it checks", "为什么": "Why", "依据": "Basis", "错误示例": "Wrong", "正确示例": "Right",
          "说明": "Notes"}


def rule_markdown(cls: Any, lang: str = "zh") -> str:
    en = lang == "en"
    parts = cls.doc_sections("en") if en else cls.doc_sections()
    missing_en = en and not parts
    if missing_en:
        parts = cls.doc_sections()
    title = f"**{cls.title_en}** — {cls.title_zh}" if en else f"**{cls.title_zh}** — {cls.title_en}"
    lines = [f"# {cls.code} {cls.name}", "", title, ""]
    if missing_en:
        lines += ["*(This rule has no English documentation yet; the Chinese text follows.)*", ""]
    if parts.get(""):
        lines += [parts[""], ""]
    i = 1 if en else 0
    sep = ", " if en else "、"
    kinds = ("全部机关", "every organ")[i] if cls.organ_kinds is None else \
        sep.join(ORGAN_KINDS[k][i] for k in sorted(cls.organ_kinds))
    rows = [(("项目", "Item"), ("内容", "Value")), (("代码 / 名称", "Code / name"), f"`{cls.code}` / `{cls.name}`"),
            (("默认级别", "Default severity"), cls.severity.value), (("依据", "Basis"), cls.clause),
            (("适用模板", "Templates"), sep.join(_TEMPLATES[t][i] for t in sorted(cls.templates, reverse=True))),
            (("适用机关", "Organs"), kinds)]
    fix = getattr(cls, "fix", ("", ""))
    if fix[0]:
        rows.insert(4, (("修改建议", "How to fix"), (fix[0], fix[1] or fix[0])))
    if cls.needs_previous:
        rows.append((("需要", "Needs"), ("上一年度报告（`--previous`）", "last year's report (`--previous`)")))
    for n, (label, value) in enumerate(rows):
        lines.append(f"| {label[i]} | {value[i] if isinstance(value, tuple) else value} |")
        if n == 0:
            lines.append("|---|---|")
    lines.append("")
    for head in ("检查什么", "为什么", "依据", "错误示例", "正确示例", "说明"):
        if parts.get(head):
            lines += [f"## {_HEADS[head] if en and not missing_en else head}", "", parts[head], ""]
    if cls.options:
        if en:
            lines += ["## Options", "", "| Option | Default | Description |", "|---|---|---|"]
            lines += [f"| `{k}` | `{o.default!r}` | {o.en or o.description} |" for k, o in cls.options.items()]
        else:
            lines += ["## 选项", "", "| 选项 | 默认值 | 说明 |", "|---|---|---|"]
            lines += [f"| `{k}` | `{o.default!r}` | {o.description} |" for k, o in cls.options.items()]
        lines.append("")
    if cls.messages:
        if en:
            lines += ["## Messages", "", "| Key | English | 中文 |", "|---|---|---|"]
            lines += [f"| `{k}` | {en_text} | {zh} |" for k, (zh, en_text) in cls.messages.items()]
        else:
            lines += ["## 提示信息", "", "| 键 | 中文 | English |", "|---|---|---|"]
            lines += [f"| `{k}` | {zh} | {en_text} |" for k, (zh, en_text) in cls.messages.items()]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
