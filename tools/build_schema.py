"""Writes schemas/report.schema.json from the label table (checker/labels.py).

The label table is the single source of the template's rows and columns; the schema is generated so
the two never disagree.  `python tools/build_schema.py --check` exits 1 when the file is stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker import labels  # noqa: E402

OUT = ROOT / "schemas" / "report.schema.json"


def count_cell(title: str) -> dict:
    return {"title": title, "$ref": "#/$defs/count"}


def amount_cell(title: str) -> dict:
    return {"title": title, "$ref": "#/$defs/amount"}


def obj(title: str, props: dict, required: bool = True, description: str | None = None) -> dict:
    out = {"title": title, "type": "object", "additionalProperties": False, "properties": props}
    if description:
        out["description"] = description
    if required:
        out["required"] = list(props)
    return out


def t2(blocks, title: str, description: str) -> dict:
    rows = {}
    for blk in blocks:
        for r in blk.rows:
            cols = {c.id: (amount_cell if blk.number or c.id == "amount" else count_cell)(f"{r.zh} · {c.zh}")
                    for c in blk.columns}
            rows[r.id] = obj(f"{blk.item} · {r.zh}", cols)
    return obj(title, rows, description=description)


def t3(rows_, title: str, description: str) -> dict:
    rows = {
        r.id: obj(r.zh, {c.id: count_cell(f"{r.place} · {c.zh}") for c in labels.T3_COLUMNS})
        for r in rows_
    }
    return obj(title, rows, description=description)


def t3_table() -> dict:
    """One T3 shape for both templates: a 2019 report has （六）其他处理 as one row instead of 1–3."""
    all_rows = labels.T3_ROWS_2021 + (labels.T3_OTHER_2019,)
    table = t3(all_rows, "表三 收到和处理政府信息公开申请情况",
               "25 rows × 7 columns (2021 template); the 2019 template has the single row other_handling "
               "（六）其他处理 in place of other_overdue_correction, other_overdue_fee and other_other.")
    del table["required"]
    rows_2019 = [r.id for r in labels.T3_ROWS_2019]
    rows_2021 = [r.id for r in labels.T3_ROWS_2021]
    table["if"] = {"required": ["other_handling"]}
    table["then"] = {"required": rows_2019,
                     "not": {"anyOf": [{"required": [r]} for r in rows_2021 if r not in rows_2019]}}
    table["else"] = {"required": rows_2021}
    return table


def build() -> dict:
    t4 = obj("表四 政府信息公开行政复议、行政诉讼情况", {
        b.id: obj(b.zh, {c.id: count_cell(f"{b.zh} · {c.zh}") for c in labels.T4_COLUMNS}) for b in labels.T4_BLOCKS
    })
    meta = {
        "organ_name": {"title": "机关名称", "type": "string", "minLength": 1},
        "organ_kind": {"title": "机关类别", "enum": list(labels.ORGAN_KINDS),
                       "description": "; ".join(f"{k}: {v[0]}" for k, v in labels.ORGAN_KINDS.items())},
        "region": {"title": "行政区划", "type": "string"},
        "report_year": {"title": "报告年度", "type": "integer", "minimum": 2000, "maximum": 2100},
        "template_version": {"title": "模板版本", "enum": ["2021", "2019", "legacy"],
                             "description": "2021: 国办公开办函〔2021〕30号; 2019: 国办公开办函〔2019〕60号; legacy: before 2019, no fixed tables"},
        "publication_date": {"title": "发布日期", "$ref": "#/$defs/date"},
        "signing_date": {"title": "落款日期", "$ref": "#/$defs/date"},
        "title": {"title": "报告标题", "type": "string"},
        "url": {"title": "发布网址", "type": "string"},
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://gov-check.invalid/schemas/report.schema.json",
        "title": "政府信息公开工作年度报告",
        "description": "One annual report on government information disclosure (政府信息公开工作年度报告), "
                       "as published: metadata, the six sections' texts, and the three fixed tables. A table "
                       "cell holds an integer, null (blank in the source) or the source's own string "
                       "(「/」, 「—」, 「无」, 「3022　」); rules judge them. Generated from checker/labels.py.",
        "type": "object",
        "additionalProperties": False,
        "required": ["metadata", "sections", "tables"],
        "properties": {
            "$schema": {"title": "所用模式", "type": "string"},
            "schema_version": {"title": "文档格式版本", "const": "1"},
            "metadata": {
                "title": "报告信息", "type": "object", "additionalProperties": False,
                "required": ["organ_name", "report_year"], "properties": meta,
            },
            "preface": {"title": "前言", "type": "string",
                        "description": "Text printed between the title and section 一, verbatim."},
            "sections": {
                "title": "正文各部分", "type": "array",
                "description": "The report's parts in printed order, headings verbatim (numbering as printed).",
                "items": {
                    "title": "部分", "type": "object", "additionalProperties": False, "required": ["heading", "text"],
                    "properties": {
                        "heading": {"title": "标题（照录）", "type": "string"},
                        "text": {"title": "正文（照录）", "type": "string"},
                    },
                },
            },
            "tables": {
                "title": "表格", "type": "object", "additionalProperties": False,
                "properties": {
                    "t2": t2(labels.T2_2021, "表二 主动公开政府信息情况（2021年模板）",
                             "10 cells; 行政事业性收费 in 万元."),
                    "t2_2019": t2(labels.T2_2019, "表二 主动公开政府信息情况（2019年模板）",
                                  "Reports for 2019 and 2020 (国办公开办函〔2019〕60号)."),
                    "t3": t3_table(),
                    "t4": t4,
                },
            },
            "signature": {"title": "落款", "type": "string",
                          "description": "The signature block after section 六 (organ and date), verbatim."},
            "extensions": {
                "title": "扩展（省级插件）", "type": "object",
                "description": "Data a province adds to the national template (an extra row, a statement), one "
                               "object per plugin namespace. Each namespace is validated against the JSON Schema "
                               "its plugin contributes through the gov_check_report_extensions hook; a namespace "
                               "no loaded plugin claims is reported (GC001).",
                "propertyNames": {"pattern": "^[a-z][a-z0-9_]*$"},
                "additionalProperties": {"type": "object"},
            },
        },
        "$defs": {
            "count": {
                "title": "件数", "description": "An integer; null for a blank cell; the source's own text otherwise.",
                "type": ["integer", "null", "string"], "maxLength": 200,
            },
            "amount": {
                "title": "金额", "description": "A number; null for a blank cell; the source's own text otherwise.",
                "type": ["number", "null", "string"], "maxLength": 200,
            },
            "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "description": "YYYY-MM-DD"},
        },
    }


def render() -> str:
    return json.dumps(build(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    text = render()
    if "--check" in sys.argv:
        sys.exit(0 if OUT.read_text(encoding="utf-8") == text else 1)
    OUT.write_text(text, encoding="utf-8")
