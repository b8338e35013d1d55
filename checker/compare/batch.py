"""Comparing a whole folder with last year's: every unit paired by organ name (normalised, or
through the renamed-organs map) and year − 1 — the batch runner's own pairing — one comparison per
pair, and an index of the pairs and of the units that have no partner."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

from checker.loaders import LoadError, LoadOptions, load
from checker.model import Report
from checker.run import Identity, Plan, plan_previous


@dataclass
class Loaded:
    file: str
    document: Any = None
    format: str = ""
    source_map: Mapping[str, Any] = field(default_factory=dict)
    findings: list[Any] = field(default_factory=list)
    error: str | None = None


def read(path: str, loaders: list[Any], options: LoadOptions) -> Loaded:
    try:
        loaded = load(path, loaders, options)
    except LoadError as exc:
        return Loaded(path, error=str(exc))
    except Exception as exc:  # a loader's bug must not stop a batch
        return Loaded(path, error=f"{path}: 内部错误：{type(exc).__name__}: {exc}")
    return Loaded(path, loaded.document, loaded.format, loaded.source_map, list(loaded.findings))


def identify(item: Loaded) -> Identity:
    if item.error:
        return Identity(item.file, "", None, item.error)
    report = Report(item.document if isinstance(item.document, Mapping) else {})
    return Identity(item.file, report.organ_name, report.year)


@dataclass
class BatchPlan:
    pairs: list[tuple[str, str]]  # (last year's file, this year's file)
    alone_this: list[Identity]  # this year's reports with no report of last year
    alone_last: list[Identity]  # last year's reports no report of this year pairs with
    unreadable: list[str]  # one line each: the file and why
    notes: list[str]


def plan(this_files: Sequence[str], last_files: Sequence[str], identify_file: Callable[[str], Identity],
         organ_map: Mapping[str, str]) -> BatchPlan:
    current = [identify_file(f) for f in this_files]
    previous = [identify_file(f) for f in last_files]
    paired = Plan()
    plan_previous(current, previous, organ_map, paired)
    pairs = [(paired.previous[i.file], i.file) for i in current if i.file in paired.previous]
    used = {a for a, _ in pairs}
    unreadable = [i.error for i in current + previous if i.error]
    return BatchPlan(
        pairs=pairs,
        alone_this=[i for i in current if not i.error and i.file not in paired.previous],
        alone_last=[i for i in previous if not i.error and i.file not in used],
        unreadable=[u for u in unreadable if u],
        notes=[n for n in paired.notes if not n.startswith("上一年度报告无法读取")])


def output_name(identity: Identity, suffix: str, taken: set[str]) -> str:
    """A file name for one comparison: the organ and the year, safe on every file system, unique."""
    base = re.sub(r'[\\/:*?"<>|\s]+', "_", identity.organ_name).strip("._") or "报告"
    name = f"{base}-{identity.year}{suffix}"
    n = 2
    while name in taken:
        name, n = f"{base}-{identity.year}-{n}{suffix}", n + 1
    taken.add(name)
    return name
