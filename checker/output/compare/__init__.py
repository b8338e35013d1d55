"""Renderers of a year-over-year comparison (checker/compare): HTML, Word, Markdown and JSON, each
laying out the same comparison dict; nothing is computed here."""

from __future__ import annotations

from typing import Any

from checker.output.safe import no_surrogates, terminal_text, xml_text

FORMATS = ("html", "docx", "markdown", "json")


def _xml_safe(value: Any) -> Any:
    """The comparison with every text made XML-safe: python-docx refuses control characters."""
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, dict):
        return {k: _xml_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_xml_safe(v) for v in value]
    return value


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
    # Report text is data in every format (see checker/output/safe.py): XML-safe in HTML and Word,
    # inert for a terminal in Markdown, no lone surrogate in JSON.
    if fmt == "docx":
        return render(_xml_safe(comparison))
    out = render(comparison)
    return xml_text(out) if fmt == "html" else terminal_text(out) if fmt == "markdown" else no_surrogates(out)


def render_index(index: dict[str, Any], fmt: str) -> str:
    """The batch's index: html (a page linking every comparison) or json."""
    if fmt == "json":
        import json

        return no_surrogates(json.dumps(index, ensure_ascii=False, indent=2) + "\n")
    from checker.output.compare.html import render_index as html_index

    return xml_text(html_index(index))
