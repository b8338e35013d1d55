"""Checking files: load each one, run the engine, and keep going when one cannot be read."""

from __future__ import annotations

from typing import Any, Iterable

from checker.engine import Engine
from checker.findings import ReportResult
from checker.loaders import LoadError, LoadOptions, load


def check_file(engine: Engine, path: str, options: LoadOptions, previous: Any = None) -> ReportResult:
    """One file → its result; a file that cannot be read is a result with ``load_error`` set."""
    try:
        loaded = load(path, engine.host.loaders, options)
    except LoadError as exc:
        return ReportResult(file=path, document=None, findings=[], outcomes=[], load_error=str(exc))
    doc = loaded.document
    if options.organ_kind and isinstance(doc, dict) and isinstance(doc.get("metadata"), dict):
        doc["metadata"]["organ_kind"] = options.organ_kind
    return engine.check(doc, file=path, source_map=loaded.source_map, previous=previous,
                        extra_findings=loaded.findings, fmt=loaded.format)


def check_files(engine: Engine, paths: Iterable[str], options: LoadOptions, previous: Any = None) -> list[ReportResult]:
    return [check_file(engine, p, options, previous) for p in paths]
