"""Renderers of a year-over-year comparison (checker/compare): HTML, Word, Markdown and JSON, each
laying out the same comparison dict; nothing is computed here."""

from __future__ import annotations

from typing import Any

FORMATS = ("html", "docx", "markdown", "json")


def render_comparison(comparison: dict[str, Any], fmt: str) -> str | bytes:
    """One comparison in ``fmt``: text for html, markdown and json; the bytes of a .docx for docx."""
    if fmt == "html":
        from checker.output.compare.html import render
    elif fmt == "docx":
        from checker.output.compare.docx import render
    elif fmt == "markdown":
        from checker.output.compare.markdown import render
    elif fmt == "json":
        from checker.output.compare.json_format import render
    else:
        raise ValueError(f"unknown comparison format {fmt!r}")
    return render(comparison)


def render_index(index: dict[str, Any], fmt: str) -> str:
    """The batch's index: html (a page linking every comparison) or json."""
    if fmt == "json":
        import json

        return json.dumps(index, ensure_ascii=False, indent=2) + "\n"
    from checker.output.compare.html import render_index as html_index

    return html_index(index)
