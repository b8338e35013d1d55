"""GC001 schema-valid."""

from __future__ import annotations

from checker.findings import Severity
from checker.rule import Rule


class SchemaValid(Rule):
    """报告文件须符合报告文档的 JSON Schema（schemas/report.schema.json）。

    检查什么
    报告文档的每一处都符合格式约定：必填项齐全，没有未知字段，表格每一格是整数、空白（null）或原文文字。
    每处不符合都是一条发现，指向出错的位置；其他规则照常对格式正确的部分运行。
    从 Word、网页、PDF 或文本读入时，读取程序无法确定而略去的行和单元格已由 GC003 指出：它们造成的缺项
    不再作为错误重复报告，本规则的结果为“数据不足”并列出这些位置。

    为什么
    字段拼错（如 ``tabels``）会让整张表“消失”，其他规则便无从核对；逐处指出比整份拒收更有用。

    依据
    国办公开办函〔2021〕30号 年度报告格式。

    错误示例
    ``{"metadata": {"organ_name": "某县人民政府", "report_yaer": 2023}, …}``（报告年度拼错，且缺少 report_year）

    正确示例
    ``{"metadata": {"organ_name": "某县人民政府", "report_year": 2023}, …}``
    """

    doc_en = """The report file follows the report document's JSON Schema (schemas/report.schema.json).

    What it checks
    Every part of the report document follows the format: required items are present, there are no unknown
    fields, and each table cell is an integer, a blank (null) or the text as printed. Each place that does not
    is one finding, pointing at it; the other rules still run on the well-formed parts.

    Why
    A misspelt field (``tabels``) makes a whole table "disappear", so no other rule can check it; naming each
    place is more useful than rejecting the whole file.

    Basis
    The annual report format of 国办公开办函〔2021〕30号.

    Wrong
    ``{"metadata": {"organ_name": "某县人民政府", "report_yaer": 2023}, …}`` (the report year misspelt, so report_year is missing)

    Right
    ``{"metadata": {"organ_name": "某县人民政府", "report_year": 2023}, …}``
    """

    code = "GC001"
    name = "schema-valid"
    title_zh = "报告文档符合格式约定"
    title_en = "The report document matches the JSON Schema"
    clause = "国办公开办函〔2021〕30号"
    fix = ("按提示改正报告文档中的字段名或取值类型（见 gov-check schema report）",
           "Correct the field names or value types the message names (see gov-check schema report)")
    severity = Severity.ERROR
    templates = frozenset({"2021", "2019", "legacy"})
    messages = {"schema": ("{place}：{detail}", "{place}: {detail}")}

    def check(self, ctx):
        gaps = tuple(ctx.extra.get("import_gaps") or ())
        left_out = []
        for error in ctx.schema_errors:
            if any(error.pointer == g or error.pointer.startswith(g + "/") for g in gaps):
                left_out.append(error.pointer)  # the loader could not read it and said so (GC003)
                continue
            yield self.finding("schema", error.pointer, detail=error.message)
        if left_out:
            yield self.insufficient(f"{len(left_out)} 处缺项是读入时略去的内容（见 GC003），不计为报告本身的错误",
                                    f"{len(left_out)} missing item(s) were left out on import (see GC003), "
                                    "not counted as the report's own errors", *left_out)
