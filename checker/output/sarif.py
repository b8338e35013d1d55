"""SARIF 2.1.0: the results for code-scanning tools — rules with their documentation, one result per
finding at the report file (artifact, relative to the SARIF root), its place in the file (a region
with the line for text and HTML; the page, paragraph or table cell of a PDF or Word file as a
logical location and a property) and its JSON Pointer (logical location)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path, PurePath
from typing import Any, Mapping
from urllib.parse import quote

from checker import __version__
from checker.docs import rule_markdown
from checker.findings import Outcome, ReportResult, Severity
from checker.labels import describe
from checker.messages import Shown, plain, present, where_text
from checker.output.safe import no_surrogates

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
DOCS_PATH = "docs/rules/"  # each rule's page, as the repository keeps it (docs/rules/GC204.md)
# SARIF's helpUri must be an absolute URI: it is written when the address where docs/rules/ is
# published is known (GOV_CHECK_DOCS_URL, e.g. https://example.org/gov-check/docs/rules/); the
# page's path in the repository is always in the rule's properties ("docs").
DOCS_URL_ENV = "GOV_CHECK_DOCS_URL"
_MIME = {"json": "application/json", "text": "text/plain", "docx":
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "html": "text/html",
         "pdf": "application/pdf"}


ROOT_ID = "SRCROOT"  # the uriBaseId artifact URIs are relative to (SARIF §3.4.4)


def file_uri(path: str, root: str | None = None) -> tuple[str, str | None]:
    """A report's path as a URI and the base it is relative to: relative to ``root`` (default the
    current folder) when the file is inside it, percent-encoded; otherwise an absolute file:// URI."""
    root_path = os.path.abspath(root or os.curdir)
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, root_path)
    except ValueError:  # another drive
        relative = os.pardir
    if relative == os.pardir or relative.startswith(os.pardir + os.sep) or os.path.isabs(relative):
        return Path(absolute).as_uri(), None
    return quote(PurePath(relative).as_posix(), safe="/-._~"), ROOT_ID


def root_uri(root: str | None = None) -> str:
    return Path(os.path.abspath(root or os.curdir)).as_uri().rstrip("/") + "/"


def _rule(cls: Any, code: str, docs_url: str | None) -> dict[str, Any]:
    if cls is None:  # a finding from a rule that is no longer registered: keep its code
        return {"id": code, "shortDescription": {"text": code}}
    summary = cls.doc_sections().get("", "") or cls.title_zh
    markdown = rule_markdown(cls)
    out = {
        "id": cls.code,
        "name": cls.name,
        "shortDescription": {"text": f"{cls.title_zh} — {cls.title_en}"},
        "fullDescription": {"text": summary},
        "help": {"text": markdown, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[cls.severity]},
        "properties": {"clause": cls.clause, "title_en": cls.title_en, "templates": sorted(cls.templates),
                       "docs": f"{DOCS_PATH}{cls.code}.md", "tags": [cls.name]},
    }
    if docs_url:
        out["helpUri"] = f"{docs_url.rstrip('/')}/{cls.code}.md"
    return out


def _artifact_location(uri: tuple[str, str | None], artifact: int) -> dict[str, Any]:
    out: dict[str, Any] = {"uri": uri[0], "index": artifact}
    if uri[1]:
        out["uriBaseId"] = uri[1]
    return out


def _location(result: ReportResult, artifact: int, pointer: str, place: str, uri: tuple[str, str | None],
              lang: str = "zh") -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": _artifact_location(uri, artifact)}
    logical = [{"name": place, "fullyQualifiedName": pointer, "kind": "value"}]
    loc: dict[str, Any] = {"physicalLocation": physical, "logicalLocations": logical, "message": {"text": place}}
    source = result.source_map.get(pointer)
    if isinstance(source, Mapping):
        line = source.get("line")
        if isinstance(line, int) and line >= 1:  # a line of a text or HTML file
            region: dict[str, Any] = {"startLine": line}
            for key, name in (("column", "startColumn"), ("end_line", "endLine"), ("end_column", "endColumn")):
                if isinstance(source.get(key), int) and source[key] >= 1:
                    region[name] = source[key]
            physical["region"] = region
        # A page, paragraph or table cell of a PDF or Word file is no line of the file: SARIF has no
        # region for it, so it is a logical location a reader can follow (「第4页第2个表格第25行第8列」),
        # and the numbers stay in the properties (``page`` on its own, for viewers that show pages).
        rest = {k: v for k, v in source.items() if k not in ("line", "column", "end_line", "end_column")}
        if rest:
            props: dict[str, Any] = {"source": dict(rest)}
            if isinstance(rest.get("page"), int):
                props["page"] = rest["page"]
            loc["properties"] = props
            if not physical.get("region"):
                where = where_text(rest)
                logical.append({"name": where.get(lang), "kind": "element",
                                "fullyQualifiedName": "/".join(f"{k}[{v}]" for k, v in rest.items())})
    return loc


def _fingerprint(s: Shown) -> str:
    """Stable across runs and message wording: the rule, the message key and the places."""
    f = s.finding
    key = "\x1f".join([f.code, f.message, *f.pointers])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def build(results: list[ReportResult], rules: Mapping[str, type], lang: str = "zh",
          docs_url: str | None = None, root: str | None = None) -> dict[str, Any]:
    codes = sorted({o.code for r in results for o in r.outcomes} | {f.code for r in results for f in r.findings})
    rule_index = {code: i for i, code in enumerate(codes)}
    artifacts, sarif_results, notifications = [], [], []
    for artifact, result in enumerate(results):
        uri = file_uri(result.file, root)
        artifacts.append({"location": {k: v for k, v in _artifact_location(uri, artifact).items() if k != "index"},
                          "mimeType": _MIME.get(result.format, "application/octet-stream"),
                          "properties": {"format": result.format}})
        if result.load_error:
            notifications.append({"level": "error", "message": {"text": result.load_error},
                                  "locations": [{"physicalLocation": {"artifactLocation": _artifact_location(uri, artifact)}}]})
            continue
        for s in present(result, rules, lang):
            f = s.finding
            pointers = f.pointers or ("",)
            item: dict[str, Any] = {
                "ruleId": f.code,
                "ruleIndex": rule_index[f.code],
                "kind": "fail",
                "level": LEVELS[f.severity],
                "message": {"text": s.message},
                "locations": [_location(result, artifact, pointers[0], s.place, uri, lang)],
                "partialFingerprints": {"govCheckFinding/v1": _fingerprint(s)},
                "properties": {k: v for k, v in {
                    "place": s.place, "expected": plain(f.expected, lang), "actual": plain(f.actual, lang),
                    "difference": plain(f.difference, lang), "quote": f.quote, "numbers": s.numbers or None,
                }.items() if v is not None},
            }
            if len(f.pointers) > 1:
                item["relatedLocations"] = [{"id": i, **_location(result, artifact, p, place, uri, lang)}
                                            for i, (p, place) in enumerate(zip(f.pointers[1:], s.related), start=1)]
            if f.waived:
                item["suppressions"] = [{"kind": "external", "status": "accepted", "justification": f.waived}]
            sarif_results.append(item)
        for o in result.outcomes:  # a rule that lacked evidence: neither pass nor fail
            if o.outcome is Outcome.INSUFFICIENT_DATA:
                reasons = ("；" if lang != "en" else "; ").join(r.get(lang) for r in o.reasons)
                where = o.pointers or ("",)
                sarif_results.append({
                    "ruleId": o.code, "ruleIndex": rule_index[o.code], "kind": "open", "level": "none",
                    "message": {"text": reasons or ("数据不足，无法核对" if lang != "en" else "insufficient data")},
                    "locations": [_location(result, artifact, where[0], describe(where[0], lang), uri, lang)],
                })
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "gov-check", "version": __version__, "semanticVersion": __version__,
            "rules": [_rule(rules.get(code), code, docs_url) for code in codes],
        }},
        "invocations": [{"executionSuccessful": not notifications,
                         **({"toolExecutionNotifications": notifications} if notifications else {})}],
        "originalUriBaseIds": {ROOT_ID: {"uri": root_uri(root)}},
        "artifacts": artifacts,
        "results": sarif_results,
        "columnKind": "unicodeCodePoints",
        "language": "zh-CN" if lang != "en" else "en-US",
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render(results: list[ReportResult], ctx: Any) -> str:
    extra = getattr(ctx, "extra", None) or {}
    docs_url = extra.get("docs_url") or os.environ.get(DOCS_URL_ENV) or None
    text = json.dumps(build(results, dict(ctx.rules), ctx.lang, docs_url, extra.get("sarif_root")),
                      ensure_ascii=False, indent=2) + "\n"
    return no_surrogates(text)  # a lone surrogate from the report cannot be written as UTF-8
