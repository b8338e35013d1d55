"""Comparing a whole folder with last year's: every unit paired by organ name (normalised, or
through the renamed-organs map) and year − 1 — the batch runner's own pairing — one comparison per
pair, and an index of the pairs and of the units that have no partner."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
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


def compare_loaded(engine: Any, options: Any, last: Loaded, this: Loaded, forced: list[str]) -> dict[str, Any]:
    """Check both years with the engine (this year with last year's report as --previous, so the
    GC7xx rules run) and compare them."""
    from checker.compare import build

    last_result = engine.check(last.document, file=last.file, source_map=last.source_map,
                               extra_findings=last.findings, fmt=last.format)
    this_result = engine.check(this.document, file=this.file, source_map=this.source_map, previous=last.document,
                               extra_findings=this.findings, fmt=this.format)
    return build(last_result, this_result, engine.rule_classes(), options, forced=forced)


# -- the batch, in this process or a pool of forked workers that inherit the engine ---------------

_worker: dict[str, Any] = {}


def _read_file(path: str) -> Loaded:
    engine = _worker["engine"]
    return read(path, engine.host.loaders, _worker["load"])


def _compare_pair(task: tuple[Loaded, Loaded, str]) -> dict[str, Any]:
    """One pair, read already → its comparison written to ``name`` in the output folder; the
    index's row, or the reason it could not be written."""
    from checker.compare import check_pair
    from checker.output import write_atomic
    from checker.output.compare import render_comparison

    last, this, name = task
    engine, options = _worker["engine"], _worker["options"]
    try:
        if last.error or this.error:
            return {"error": last.error or this.error}
        problems = check_pair(Report(last.document), Report(this.document), _worker["names"], options.lang)
        comparison = compare_loaded(engine, options, last, this, problems)
        write_atomic(Path(_worker["out"]) / name, render_comparison(comparison, _worker["fmt"]))
    except OSError as exc:
        return {"error": f"{Path(_worker['out']) / name}: 无法写入：{exc.strerror or exc}"}
    except Exception as exc:  # one pair's failure never stops the others
        return {"error": f"{this.file}: 内部错误：{type(exc).__name__}: {exc}"}
    return {"file": name, "this": comparison["this"], "last": comparison["last"], "summary": comparison["summary"]}


def _map(func: Callable[[Any], Any], items: list[Any], jobs: int) -> list[Any]:
    if jobs <= 1 or len(items) <= 1:
        return [func(item) for item in items]
    import multiprocessing

    # Forked workers inherit the engine built here (plugins, rules, schema validators): built once.
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    if context.get_start_method() != "fork":
        return [func(item) for item in items]
    with context.Pool(min(jobs, len(items))) as pool:
        return pool.map(func, items, chunksize=max(1, len(items) // (jobs * 8)))


def run_batch(engine: Any, options: Any, this_files: Sequence[str], last_files: Sequence[str], out: Path, fmt: str,
              names: Mapping[str, str], jobs: int | None = None) -> dict[str, Any]:
    """Pair, compare and write every pair into ``out``; the index (without writing it)."""
    from checker.compare import SUFFIXES
    from checker.loaders import LoadOptions

    jobs = jobs or max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    load = LoadOptions(template=engine.host.template_extensions, **engine.config.limits)
    _worker.update(engine=engine, options=options, load=load, names=names, out=str(out), fmt=fmt)
    engine.rules
    engine.host.loaders
    # Each file is read once, by the workers; the parent keeps what was read (some 20 kB a report)
    # until the pairs are handed out, so pairing and comparing never read a file twice.
    files = list(this_files) + list(last_files)
    loaded = dict(zip(files, _map(_read_file, files, jobs)))
    identities = {f: identify(item) for f, item in loaded.items()}
    planned = plan(this_files, last_files, identities.__getitem__, names)
    taken = {"index.html", "index.json"}
    tasks = [(loaded[a], loaded[b], output_name(identities[b], SUFFIXES[fmt], taken)) for a, b in planned.pairs]
    loaded.clear()
    rows = _map(_compare_pair, tasks, jobs)
    return {"schema_version": "1.0", "lang": options.lang, "pairs": [r for r in rows if "error" not in r],
            "without_last_year": [{"file": i.file, "organ_name": i.organ_name, "year": i.year} for i in planned.alone_this],
            "without_this_year": [{"file": i.file, "organ_name": i.organ_name, "year": i.year} for i in planned.alone_last],
            "unreadable": planned.unreadable + [r["error"] for r in rows if "error" in r],
            "notes": planned.notes, "jobs": jobs}
