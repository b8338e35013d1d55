"""A rule's documentation as Markdown, generated from its metadata and docstring (one source for
`gov-check explain` and docs/rules/)."""

from __future__ import annotations

from typing import Any

from checker.labels import ORGAN_KINDS

_TEMPLATES = {"2021": "2021年模板", "2019": "2019年模板", "legacy": "2019年以前（无表格）"}


def rule_markdown(cls: Any) -> str:
    parts = cls.doc_sections()
    lines = [f"# {cls.code} {cls.name}", "", f"**{cls.title_zh}** — {cls.title_en}", ""]
    if parts.get(""):
        lines += [parts[""], ""]
    kinds = "全部机关" if cls.organ_kinds is None else "、".join(ORGAN_KINDS[k][0] for k in sorted(cls.organ_kinds))
    lines += [
        "| 项目 | 内容 |", "|---|---|",
        f"| 代码 / 名称 | `{cls.code}` / `{cls.name}` |",
        f"| 默认级别 | {cls.severity.value} |",
        f"| 依据 | {cls.clause} |",
        *([f"| 修改建议 | {cls.fix[0]} |"] if getattr(cls, "fix", ("", ""))[0] else []),
        f"| 适用模板 | {'、'.join(_TEMPLATES[t] for t in sorted(cls.templates, reverse=True))} |",
        f"| 适用机关 | {kinds} |",
    ]
    if cls.needs_previous:
        lines.append("| 需要 | 上一年度报告（`--previous`） |")
    lines.append("")
    for head in ("检查什么", "为什么", "依据", "错误示例", "正确示例", "说明"):
        if parts.get(head):
            lines += [f"## {head}", "", parts[head], ""]
    if cls.options:
        lines += ["## 选项", "", "| 选项 | 默认值 | 说明 |", "|---|---|---|"]
        lines += [f"| `{k}` | `{o.default!r}` | {o.description} |" for k, o in cls.options.items()]
        lines.append("")
    if cls.messages:
        lines += ["## 提示信息", "", "| 键 | 中文 | English |", "|---|---|---|"]
        lines += [f"| `{k}` | {zh} | {en} |" for k, (zh, en) in cls.messages.items()]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
