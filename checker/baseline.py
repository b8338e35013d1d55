"""The baseline: today's findings written to a file, so that later runs show only new ones.

A finding is known when the baseline holds one with the same report, rule, places and values
(message key, arguments, expected, actual, difference) — never by position, so findings that move
up or down the list, or rules that run in another order, still match.
"""

from __future__ import annotations

import json
from collections import Counter
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


def entry(file_key: str, f: Finding) -> dict[str, Any]:
    return {"report": file_key, "code": f.code, "message": f.message, "pointers": list(f.pointers),
            "args": {k: _plain(v) for k, v in sorted(f.args.items())}, "expected": _plain(f.expected),
            "actual": _plain(f.actual), "difference": _plain(f.difference)}


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
    entries = [entry(_report_key(r.file, root), f) for r in results for f in r.findings]
    entries.sort(key=_key)
    from checker.output.safe import no_surrogates  # a lone surrogate from a report cannot be written as UTF-8

    write_atomic(path, no_surrogates(json.dumps({"gov_check_baseline": VERSION, "findings": entries},
                                                ensure_ascii=False, indent=1) + "\n"))
    return len(entries)


def apply_baseline(path: str | Path, results: list[ReportResult]) -> int:
    """Drop the findings the baseline already holds (each baseline entry hides one finding);
    returns how many were hidden.  A baseline that cannot be read is a ConfigError."""
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
    # An entry is a flat record (its values at most a list of plain values); anything nested deeper was
    # not written by gov-check and matches no finding.
    known = Counter(_key(e) for e in data["findings"] if isinstance(e, dict) and _shallow(e))
    root = path.resolve().parent
    hidden = 0
    for r in results:
        file_key = _report_key(r.file, root)
        kept = []
        for f in r.findings:
            k = _key(entry(file_key, f))
            if known[k] > 0:
                known[k] -= 1
                hidden += 1
            else:
                kept.append(f)
        r.findings = kept
    return hidden
