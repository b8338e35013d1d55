"""The report JSON of KIROGOVCOMPARE (its ``parsed_json``) → the report document, so its users can
bring their data over.  Detected by shape inside the JSON loader; values are kept as that tool
stored them (numbers, numeric strings, null, "", 「/」…), never imputed."""

from __future__ import annotations

import json
import re
from typing import Any, Callable, Mapping

from checker import labels
from checker.loaders import Loaded, LoadOptions, apply_options
from checker.model import pointer

_TABLE_TYPES = {"table_2", "table_3", "table_4"}

T2_ROWS = {"regulations": "regulations", "normativeDocuments": "normative_documents", "licensing": "licensing",
           "punishment": "punishment", "coercion": "coercion", "fees": "fees"}
T2_COLS = {"made": "issued", "repealed": "repealed", "valid": "in_force", "processed": "decisions", "amount": "amount"}
T3_COLS = (("naturalPerson",), ("legalPerson", "commercial"), ("legalPerson", "research"), ("legalPerson", "social"),
           ("legalPerson", "legal"), ("legalPerson", "other"), ("total",))
T3_ROWS: dict[str, tuple[str, ...]] = {
    "new_received": ("newReceived",), "carried_over": ("carriedOver",),
    "granted": ("results", "granted"), "partly_granted": ("results", "partialGrant"),
    "denied_state_secret": ("results", "denied", "stateSecret"),
    "denied_prohibited_by_law": ("results", "denied", "lawForbidden"),
    "denied_security_stability": ("results", "denied", "safetyStability"),
    "denied_third_party": ("results", "denied", "thirdPartyRights"),
    "denied_internal_affairs": ("results", "denied", "internalAffairs"),
    "denied_process_information": ("results", "denied", "processInfo"),
    "denied_enforcement_files": ("results", "denied", "enforcementCase"),
    "denied_query_matters": ("results", "denied", "adminQuery"),
    "unavailable_not_held": ("results", "unableToProvide", "noInfo"),
    "unavailable_needs_creation": ("results", "unableToProvide", "needCreation"),
    "unavailable_still_unclear": ("results", "unableToProvide", "unclear"),
    "not_processed_complaint": ("results", "notProcessed", "complaint"),
    "not_processed_repeated": ("results", "notProcessed", "repeat"),
    "not_processed_publication": ("results", "notProcessed", "publication"),
    "not_processed_excessive": ("results", "notProcessed", "massiveRequests"),
    "not_processed_confirmation": ("results", "notProcessed", "confirmInfo"),
    "other_overdue_correction": ("results", "other", "overdueCorrection"),
    "other_overdue_fee": ("results", "other", "overdueFee"),
    "other_other": ("results", "other", "otherReasons"),
    "results_total": ("results", "totalProcessed"),
    "carried_forward": ("results", "carriedForward"),
}
T4_BLOCKS = {"review": "review", "litigationDirect": "litigation_direct", "litigationPostReview": "litigation_after_review"}
T4_COLS = {"maintain": "upheld", "correct": "corrected", "other": "other", "unfinished": "pending", "total": "total"}


def unwrap(doc: Any, parse: Callable[[str], Any] = json.loads, depth: int = 0) -> Any:
    """The document inside a ``parsed_json`` wrapper or a JSON string, however often wrapped
    (``parse`` reads an inner string with the same limits as the file itself)."""
    if depth > 5:
        return doc
    if isinstance(doc, str) and doc.strip()[:1] in ("{", '"'):
        return unwrap(parse(doc), parse, depth + 1)
    if isinstance(doc, dict) and "parsed_json" in doc and "metadata" not in doc:
        return unwrap(doc["parsed_json"], parse, depth + 1)
    return doc


def is_peer(doc: Any) -> bool:
    sections = doc.get("sections") if isinstance(doc, dict) else None
    return "tables" not in doc and isinstance(sections, list) and any(
        isinstance(s, dict) and (_str(s.get("type")) in _TABLE_TYPES or "tableData" in s or "activeDisclosureData" in s)
        for s in sections)


def _str(value: Any) -> str:
    """A value the file says is a name; anything else (a list, a number) names nothing."""
    return value if isinstance(value, str) else ""


def _get(node: Any, path: tuple[str, ...]) -> tuple[bool, Any]:
    for key in path:
        if not isinstance(node, Mapping) or key not in node:
            return False, None
        node = node[key]
    return True, node


def _cell(value: Any) -> Any:
    return value if value is None or isinstance(value, (int, float, str)) and not isinstance(value, bool) else str(value)


def convert(doc: Mapping[str, Any], options: LoadOptions) -> Loaded:
    sm: dict[str, Any] = {}
    tables: dict[str, dict[str, dict[str, Any]]] = {}
    sections = []
    for i, s in enumerate(doc.get("sections") or []):
        if not isinstance(s, Mapping):
            continue
        base = f"/sections/{i}"
        title = str(s.get("title") or "")
        sm[f"/sections/{len(sections)}"] = {"json": base}
        sections.append({"heading": title, "text": str(s.get("content") or "") if s.get("type") == "text" or
                         isinstance(s.get("content"), str) else ""})
        t2 = s.get("activeDisclosureData")
        if isinstance(t2, Mapping):
            for src_row, row in T2_ROWS.items():
                for src_col, col in T2_COLS.items():
                    found, value = _get(t2, (src_row, src_col))
                    if found:
                        tables.setdefault("t2", {}).setdefault(row, {})[col] = _cell(value)
                        sm[pointer("tables", "t2", row, col)] = {"json": f"{base}/activeDisclosureData/{src_row}/{src_col}"}
        t3 = s.get("tableData")
        if isinstance(t3, Mapping):
            for row, path in T3_ROWS.items():
                for label, col_path in zip(labels.T3_COLUMNS, T3_COLS):
                    found, value = _get(t3, col_path + path)
                    if not found and path[0] == "results" and path[-1] == "carriedForward":
                        found, value = _get(t3, col_path + ("carriedForward",))
                    if found:
                        tables.setdefault("t3", {}).setdefault(row, {})[label.id] = _cell(value)
                        sm[pointer("tables", "t3", row, label.id)] = {"json": f"{base}/tableData/" + "/".join(col_path + path)}
        t4 = s.get("reviewLitigationData")
        if isinstance(t4, Mapping):
            for src_block, block in T4_BLOCKS.items():
                for src_col, col in T4_COLS.items():
                    found, value = _get(t4, (src_block, src_col))
                    if found:
                        tables.setdefault("t4", {}).setdefault(block, {})[col] = _cell(value)
                        sm[pointer("tables", "t4", block, col)] = {"json": f"{base}/reviewLitigationData/{src_block}/{src_col}"}
    metadata: dict[str, Any] = {}
    title = next((doc[k] for k in ("title", "report_title", "reportTitle", "name", "fileName", "filename")
                  if isinstance(doc.get(k), str)), "")
    if title:
        metadata["title"] = title
        m = re.search(r"(\d{4})\s*年", title)
        if m:
            metadata["report_year"] = int(m.group(1))
            organ = re.sub(r"^.*[/\\]", "", title[:m.start()]).strip()
            if organ:
                metadata["organ_name"] = organ
    apply_options(metadata, options)
    if tables:
        metadata["template_version"] = "2021"
    order = ["organ_name", "organ_kind", "report_year", "template_version", "title"]
    out = {"schema_version": "1", "metadata": {k: metadata[k] for k in order if k in metadata}, "sections": sections,
           "tables": {k: tables[k] for k in ("t2", "t3", "t4") if k in tables}}
    from checker.loaders.layout import incomplete  # only for a KIROGOVCOMPARE file: the assembler's row checks

    findings = incomplete(out["tables"], sm, [])
    return Loaded(document=out, format="kirogovcompare", source_map=sm, findings=findings)
