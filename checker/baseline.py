"""The baseline: today's findings written to a file, so that later runs show only new ones.

A finding is known when the baseline holds one with the same rule and values (message key,
arguments, expected, actual, difference) and either the same report file and places (JSON
Pointers) or the same organ, report year and place as a reader sees it — never by position, so
findings that move up or down the list, rules that run in another order, and a report renamed
from 初稿 to 定稿 still match.  Entries of the reports checked that match nothing are reported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from checker.config import ConfigError
from checker.findings import Finding, ReportResult

VERSION = 1


def _plain(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if value is None or isinstance(value, (int, float, str, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "zh"):
        return value.zh
    return str(value)


def _report_key(file: str, root: Path) -> str:
    try:
        return Path(file).resolve().relative_to(root).as_posix()
    except ValueError:
        return Path(file).resolve().as_posix()


def _identity(document: Any) -> tuple[str, int | None]:
    meta = document.get("metadata") if isinstance(document, dict) else None
    meta = meta if isinstance(meta, dict) else {}
    organ = meta.get("organ_name") if isinstance(meta.get("organ_name"), str) else ""
    year = meta.get("report_year") if isinstance(meta.get("report_year"), int) else None
    return organ.strip(), year


def entry(file_key: str, f: Finding, document: Any = None) -> dict[str, Any]:
    """One finding as the baseline records it: by file and pointers, and by what a reader sees
    (organ, year and the place as printed), so either one finds it again."""
    from checker.messages import place

    organ, year = _identity(document)
    return {"report": file_key, "organ": organ, "year": year, "code": f.code, "message": f.message,
            "pointers": list(f.pointers), "place": place(f, document, "zh"),
            "args": {k: _plain(v) for k, v in sorted(f.args.items())}, "expected": _plain(f.expected),
            "actual": _plain(f.actual), "difference": _plain(f.difference)}


_VALUES = ("code", "message", "args", "expected", "actual", "difference")


def _by_file(e: dict[str, Any]) -> str:
    return json.dumps([e.get("report"), e.get("pointers"), *(e.get(k) for k in _VALUES)], ensure_ascii=False,
                      sort_keys=True)


def _by_reader(e: dict[str, Any]) -> str | None:
    """The key by organ, year and place label; None when the report names no organ or year."""
    if not e.get("organ") or not isinstance(e.get("year"), int) or not e.get("place"):
        return None
    return json.dumps([e["organ"], e["year"], e["place"], *(e.get(k) for k in _VALUES)], ensure_ascii=False,
                      sort_keys=True)


def _key(e: dict[str, Any]) -> str:
    if isinstance(e.get("difference"), str):  # baselines written before 1.1 hold it as text ("1")
        try:
            e = {**e, "difference": _plain(float(e["difference"]))}
        except ValueError:
            pass
    return json.dumps(e, ensure_ascii=False, sort_keys=True)


def _shallow(value: Any, depth: int = 0) -> bool:
    if isinstance(value, dict):
        return depth < 8 and all(_shallow(v, depth + 1) for v in value.values())
    if isinstance(value, list):
        return depth < 8 and all(_shallow(v, depth + 1) for v in value)
    return True


def write_baseline(path: str | Path, results: Iterable[ReportResult]) -> int:
    """Record every finding of these results; returns how many.  Report paths are kept relative
    to the baseline file's folder, so the baseline moves with the reports."""
    from checker.output import write_atomic

    path = Path(path)
    root = path.resolve().parent
    entries = [entry(_report_key(r.file, root), f, r.document) for r in results for f in r.findings]
    entries.sort(key=_key)
    from checker.output.safe import no_surrogates  # a lone surrogate from a report cannot be written as UTF-8

    write_atomic(path, no_surrogates(json.dumps({"gov_check_baseline": VERSION, "findings": entries},
                                                ensure_ascii=False, indent=1) + "\n"))
    return len(entries)


@dataclass
class Applied:
    hidden: int  # findings the baseline already held, not shown
    unused: list[dict[str, Any]]  # entries of the reports checked that matched no finding (fixed since?)


_TYPES: dict[str, tuple[type, ...]] = {"report": (str,), "code": (str,), "organ": (str, type(None)),
                                       "year": (int, type(None)), "place": (str, type(None)), "pointers": (list,)}


def _typed(e: dict[str, Any]) -> bool:
    """The fields gov-check writes have the types it writes (pointers: a list of strings)."""
    return all(isinstance(e[k], t) for k, t in _TYPES.items() if k in e) and \
        all(isinstance(p, str) for p in e.get("pointers") or ())


def apply_baseline(path: str | Path, results: list[ReportResult]) -> Applied:
    """Drop the findings the baseline already holds (each baseline entry hides one finding), matched
    by report file and pointers or by organ, year and place label (a renamed file keeps its
    baseline); returns how many were hidden and which entries of the reports checked were not used.
    A baseline that cannot be read is a ConfigError."""
    from checker.config import read_text

    path = Path(path)
    if not path.exists() and not path.is_symlink():
        raise ConfigError(f"{path}: 基线文件不存在（用 --write-baseline 生成）")
    text = read_text(path)  # a FIFO, a device or an oversized file: ConfigError naming it
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ConfigError(f"{path}: 无法读取基线文件：{exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: 基线文件嵌套层数过深，不是 gov-check 基线文件") from None
    if not isinstance(data, dict) or data.get("gov_check_baseline") != VERSION or not isinstance(data.get("findings"), list):
        raise ConfigError(f"{path}: 不是 gov-check 基线文件（版本 {VERSION}）")
    # An entry is a flat record (its values at most a list of plain values) with the field types
    # gov-check writes; anything else was not written by gov-check and matches no finding.
    entries = [e for e in data["findings"] if isinstance(e, dict) and _shallow(e) and _typed(e)]
    by_file: dict[str, list[int]] = {}
    by_reader: dict[str, list[int]] = {}
    for i, e in enumerate(entries):
        by_file.setdefault(_by_file(e), []).append(i)
        reader = _by_reader(e)
        if reader is not None:
            by_reader.setdefault(reader, []).append(i)
    used: set[int] = set()
    root = path.resolve().parent
    hidden = 0
    checked_files: set[str] = set()
    checked_reports: set[tuple[str, Any]] = set()
    for r in results:
        file_key = _report_key(r.file, root)
        checked_files.add(file_key)
        checked_reports.add(_identity(r.document))
        kept = []
        for f in r.findings:
            e = entry(file_key, f, r.document)
            reader = _by_reader(e)
            candidates = by_file.get(_by_file(e), []) + (by_reader.get(reader, []) if reader else [])
            hit = next((i for i in candidates if i not in used), None)
            if hit is not None:
                used.add(hit)
                hidden += 1
            else:
                kept.append(f)
        r.findings = kept
    unused = [e for i, e in enumerate(entries) if i not in used and (
        e.get("report") in checked_files or (e.get("organ"), e.get("year")) in checked_reports and e.get("organ"))]
    return Applied(hidden, unused)
