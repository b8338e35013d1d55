"""Checking files: find the reports, load each one, run the engine (in a pool of workers for a
batch), pair reports with last year's and summaries with their units, and keep going when one
cannot be read."""

from __future__ import annotations

import glob
import os
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from checker.config import Config
from checker.engine import Engine
from checker.findings import ReportResult
from checker.loaders import LoadError, LoadOptions, NotAReport, load
from checker.model import NOT_A_REPORT, looks_like_report

# A batch at least this large builds the fast schema check (about half a second) even when the cache
# cannot keep it; smaller runs use it only from the cache (checker.schema).
FAST_SCHEMA_MIN_FILES = 48


# -- one file -------------------------------------------------------------------------------------

def check_file(engine: Engine, path: str, options: LoadOptions, previous: Any = None,
               extra: Mapping[str, Any] | None = None) -> ReportResult:
    """One file → its result; a file that cannot be read is a result with ``load_error`` set."""
    try:
        loaded = load(path, engine.host.loaders, options)
    except LoadError as exc:  # NotAReport: read, and not an annual report (a status of its own)
        return ReportResult(file=path, document=None, findings=[], outcomes=[], load_error=str(exc),
                            not_report=isinstance(exc, NotAReport))
    if not looks_like_report(loaded.document, loaded.format):
        return ReportResult(file=path, document=None, findings=[], outcomes=[], format=loaded.format, not_report=True,
                            load_error=f"{path}: {NOT_A_REPORT}")
    # --organ-kind reaches the document through the engine's configuration (Engine._configured_kind)
    return engine.check(loaded.document, file=path, source_map=loaded.source_map, previous=previous,
                        extra_findings=loaded.findings, fmt=loaded.format, extra=extra)


def check_files(engine: Engine, paths: Iterable[str], options: LoadOptions, previous: Any = None) -> list[ReportResult]:
    return [check_file(engine, p, options, previous) for p in paths]


# -- finding the files ----------------------------------------------------------------------------

def report_suffixes(loaders: Iterable[Any]) -> tuple[str, ...]:
    """Every suffix a registered loader claims (.json today; .txt .docx .html .pdf when their loaders
    are installed; whatever a plugin adds)."""
    return tuple(sorted({s.lower() for loader in loaders for s in getattr(loader, "suffixes", ())}))


@dataclass(frozen=True, slots=True)
class Discovered:
    files: list[str]
    problems: list[tuple[str, str]]  # (argument, why it named no report) — each becomes a not-checked result
    skipped: list[str] = field(default_factory=list)  # Word lock files and temporary files met in folders and patterns


# Word's lock file of an open document (~$报告.docx), editors' and downloads' temporary files: never reports.
_TEMPORARY = re.compile(r"^(~\$|~WRL\d|\.~lock\.)|(\.(tmp|temp|crdownload|part|swp|bak)|~)$", re.I)


def is_temporary(name: str) -> bool:
    return bool(_TEMPORARY.search(name))


def discover(arguments: Sequence[str], suffixes: Iterable[str]) -> Discovered:
    """Files named, folders walked (recursively, hidden entries skipped) and glob patterns expanded,
    in a stable order: arguments in the order given, each folder's and pattern's files sorted.
    Folders and patterns yield only files with a report suffix; a file named outright is always taken."""
    wanted = {s.lower() for s in suffixes}
    files: list[str] = []
    seen: set[str] = set()
    problems: list[tuple[str, str]] = []
    skipped: list[str] = []

    def add(path: str) -> None:
        # The real path: a file reached again through a symlinked folder (``**`` follows them, and a
        # link such as ``a → .`` would list every report forty times over) is checked once.
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            files.append(path)

    def walk(folder: str) -> int:
        found = 0
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if name.startswith(".") or Path(name).suffix.lower() not in wanted:
                    continue
                if is_temporary(name):
                    skipped.append(os.path.join(root, name))
                    continue
                add(os.path.join(root, name))
                found += 1
        return found

    for arg in arguments:
        if os.path.isdir(arg):
            if not walk(arg):
                problems.append((arg, f"文件夹中没有可检查的报告文件（支持 {'、'.join(sorted(wanted))}）"))
        elif glob.has_magic(arg) and not os.path.exists(arg):
            found = 0
            for match in sorted(glob.glob(arg, recursive=True)):
                if os.path.isdir(match):
                    found += walk(match)
                elif Path(match).suffix.lower() in wanted:
                    if is_temporary(os.path.basename(match)):
                        skipped.append(match)
                        continue
                    add(match)
                    found += 1
            if not found:
                problems.append((arg, "没有与之匹配的报告文件"))
        else:
            add(arg)
    return Discovered(files, problems, skipped)


# -- pairing with last year's report and summaries with their units --------------------------------

def organ_key(name: Any) -> str:
    """An organ's name as a matching key: full-width forms folded, all white space removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name)) if isinstance(name, str) else ""


@dataclass(frozen=True, slots=True)
class Identity:
    """Who published a report and for which year, read from its metadata (or why it could not be)."""

    file: str
    organ_name: str
    year: int | None
    error: str | None = None


def load_mapping_file(path: str) -> Any:
    """A TOML or JSON file (by suffix; TOML otherwise) → its data; ConfigError (a ValueError) with a
    one-line reason."""
    from checker.config import ConfigError, read_text, read_toml

    p = Path(path)
    if p.suffix.lower() != ".json":
        return read_toml(p)
    import json

    try:
        return json.loads(read_text(p))
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}:{exc.lineno}:{exc.colno}: JSON 格式错误：{exc.msg}") from None
    except RecursionError:
        raise ConfigError(f"{path}: JSON 嵌套层数过深，不是对照表或层级文件") from None


def load_organ_map(path: str) -> dict[str, str]:
    """The renamed-organs file: this year's name → last year's name.

    TOML ``[organs]`` table (or the same at the top level, or JSON ``{"organs": {…}}``)::

        [organs]
        "示例市数据局" = "示例市大数据发展管理局"
    """
    data = load_mapping_file(path)
    table = data.get("organs", data) if isinstance(data, dict) else None
    if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
        raise ValueError(f"{path}: 应为「新名称 = 旧名称」的对照表（[organs] 表）")
    return {organ_key(k): organ_key(v) for k, v in table.items()}


@dataclass(frozen=True, slots=True)
class Region:
    """One summary report and the units whose reports it adds up (from the hierarchy file)."""

    name: str
    summary: str  # organ name, or a file path
    units: tuple[str, ...]  # organ names and/or file paths
    tables: tuple[str, ...] | None = None


def load_hierarchy(path: str) -> list[Region]:
    """The hierarchy file (TOML or JSON)::

        [[region]]
        name = "示例市"                     # how messages name the region (default: the summary's name)
        summary = "示例市人民政府"           # the summary report: organ name, or a path
        units = ["示例市甲区人民政府", "示例市乙区人民政府", "units/丙县.json"]
        tables = ["t3", "t4"]               # optional: which tables add up (default t2, t3, t4)

    An entry with a report suffix or a slash is a file path, relative to the hierarchy file;
    otherwise it is an organ name, matched against the reports being checked, of the summary's year.
    """
    data = load_mapping_file(path)
    raw = data.get("region", data.get("regions")) if isinstance(data, dict) else data
    if not isinstance(raw, list) or not raw:
        raise ValueError(f"{path}: 应包含至少一个 [[region]]（汇总报告 summary 与下级报告 units）")
    base = Path(path).parent
    out = []
    for i, item in enumerate(raw, 1):
        units = item.get("units") if isinstance(item, dict) else None
        if not (isinstance(item, dict) and isinstance(item.get("summary"), str) and isinstance(units, list) and units
                and all(isinstance(u, str) for u in units)):
            raise ValueError(f"{path}: 第 {i} 个 region 须有 summary（字符串）和 units（非空的字符串列表）")
        tables = item.get("tables")
        if tables is not None and not (isinstance(tables, list) and all(t in ("t2", "t3", "t4") for t in tables)):
            raise ValueError(f"{path}: 第 {i} 个 region 的 tables 只能列出 t2、t3、t4")

        def resolve(entry: str) -> str:
            return str(base / entry) if _is_path(entry) else entry

        out.append(Region(str(item.get("name") or item["summary"]), resolve(item["summary"]),
                          tuple(resolve(u) for u in units), tuple(tables) if tables else None))
    return out


def _is_path(entry: str) -> bool:
    return "/" in entry or "\\" in entry or bool(re.search(r"\.(json|txt|docx?|html?|pdf)$", entry, re.I))


def _same_file(a: str, b: str) -> bool:
    return os.path.normpath(os.path.abspath(a)) == os.path.normpath(os.path.abspath(b))


@dataclass
class Plan:
    """What each report is checked with besides itself: last year's report, and for a region's
    summary report its units' files.  Built in the parent process, handed to every worker."""

    previous: dict[str, str] = field(default_factory=dict)  # file → last year's file
    units: dict[str, dict[str, Any]] = field(default_factory=dict)  # summary file → {region, units, missing, tables}
    notes: list[str] = field(default_factory=list)  # pairing problems worth telling (never fatal)
    previous_document: Any = None  # one last-year report for every report (--previous)
    keep_text: bool = True  # results keep the reports' prose (the review page and quotes show it)
    previous_dir_given: bool = False  # --previous-dir: reports left without last year's are listed


def plan_previous(current: Sequence[Identity], previous: Sequence[Identity], organ_map: Mapping[str, str],
                  plan: Plan) -> None:
    """Pair each report (organ O, year Y) with the previous folder's report of (O, Y−1), where O is
    first looked up in the renamed-organs map.  Two candidates are ambiguous: no pairing, a note."""
    by_key: dict[tuple[str, int], list[str]] = {}
    for ident in previous:
        if ident.error:
            plan.notes.append(f"上一年度报告无法读取，未参与配对：{ident.error}")
        elif ident.organ_name and ident.year is not None:
            by_key.setdefault((organ_key(ident.organ_name), ident.year), []).append(ident.file)
    for ident in current:
        if ident.error or ident.year is None or not ident.organ_name:
            continue
        key = organ_key(ident.organ_name)
        for name in dict.fromkeys((organ_map.get(key, key), key)):
            found = by_key.get((name, ident.year - 1))
            if not found:
                continue
            if len(found) > 1:
                plan.notes.append(f"{ident.file}：上一年度有 {len(found)} 份「{name}」的报告（{'、'.join(found)}），未配对")
            else:
                plan.previous[ident.file] = found[0]
            break


def plan_rollups(current: Sequence[Identity], regions: Sequence[Region], plan: Plan) -> None:
    """For each region, find its summary report(s) among the reports checked and, per summary, the
    files of its units of the same year; units that cannot be found are listed, never imputed."""
    by_key: dict[tuple[str, int | None], list[str]] = {}
    for ident in current:
        if not ident.error:
            by_key.setdefault((organ_key(ident.organ_name), ident.year), []).append(ident.file)
    year_of = {i.file: i.year for i in current}
    for region in regions:
        if _is_path(region.summary):
            summaries = [f for f in year_of if _same_file(f, region.summary)]
        else:
            summaries = [f for (name, _), files in by_key.items() if name == organ_key(region.summary) for f in files]
        for summary in summaries:
            year = year_of.get(summary)
            units, missing = [], []
            for unit in region.units:
                if _is_path(unit):
                    files = [f for f in year_of if _same_file(f, unit)] or ([unit] if os.path.exists(unit) else [])
                else:
                    files = by_key.get((organ_key(unit), year), [])
                if len(files) == 1:
                    units.append(files[0])
                else:
                    missing.append(unit if not files else f"{unit}（{len(files)} 份，无法确定）")
            plan.units[summary] = {"region": region.name, "units": units, "missing": missing,
                                   "tables": list(region.tables) if region.tables else None}


# -- the batch ------------------------------------------------------------------------------------

KEEP_TEXT_UP_TO = 200  # reports; a larger batch returns results without their prose


@dataclass(frozen=True)
class BatchOptions:
    config: Config = field(default_factory=Config)
    load: LoadOptions = field(default_factory=LoadOptions)
    jobs: int | None = None  # None: the machine's cores
    progress: bool = False  # a rich progress bar on stderr
    fast_schema: bool | None = None  # None: decided by the batch's size
    keep_text: bool | None = None  # None: keep the prose for up to KEEP_TEXT_UP_TO reports


@dataclass
class BatchRun:
    results: list[ReportResult]
    plan: Plan
    jobs: int
    seconds: float
    worker_peak_rss_kb: int | None = None  # the largest worker's peak resident memory (pool runs only)
    skipped: list[str] = field(default_factory=list)  # lock and temporary files left aside (see discover)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# Per-process state: the engine (plugin host, rule registry, validators) is built once and reused for
# every report — in this process, in forked workers that inherit it, or in each spawned worker.
_worker: dict[str, Any] = {}


def _init_worker(config: Config, options: LoadOptions, plan: Plan, fast_schema: bool) -> None:
    engine = Engine(config=config)
    engine.rules  # resolve the rules and their options now, not on the first report
    engine.host.loaders
    from checker.schema import prepare

    prepare(batch=fast_schema)
    _worker.update(engine=engine, options=options, plan=plan)


def _identify(path: str) -> Identity:
    """Read a report's organ and year (for pairing); a file that cannot be read says why."""
    engine: Engine = _worker["engine"]
    try:
        doc = load(path, engine.host.loaders, _worker["options"]).document
    except LoadError as exc:
        return Identity(path, "", None, str(exc))
    except Exception as exc:  # a loader's bug must not stop the batch
        return Identity(path, "", None, f"{path}: 内部错误：{type(exc).__name__}: {exc}")
    from checker.model import Report

    report = Report(doc)
    return Identity(path, report.organ_name, report.year)


def _unit_document(path: str) -> dict[str, Any]:
    """What a roll-up needs of a unit's report: who it is and its tables (its text is not needed)."""
    engine: Engine = _worker["engine"]
    try:
        doc = load(path, engine.host.loaders, _worker["options"]).document
    except LoadError as exc:
        return {"file": path, "error": str(exc)}
    doc = doc if isinstance(doc, dict) else {}
    return {"file": path, "document": {"metadata": doc.get("metadata"), "tables": doc.get("tables")}}


def _check(path: str) -> ReportResult:
    engine: Engine = _worker["engine"]
    plan: Plan = _worker["plan"]
    options: LoadOptions = _worker["options"]
    try:
        previous = plan.previous_document
        previous_file = plan.previous.get(path)
        if previous_file:
            try:
                previous = load(previous_file, engine.host.loaders, options).document
            except LoadError:
                previous = None  # told as a note when the pairing was made
        extra = None
        rollup = plan.units.get(path)
        if rollup is not None:
            units = [_unit_document(u) for u in rollup["units"]]
            extra = {"rollup": {**rollup, "units": [u for u in units if "document" in u],
                                "missing": rollup["missing"] + [u["error"] for u in units if "error" in u]}}
        result = check_file(engine, path, options, previous, extra)
        return result if plan.keep_text else _slim(result)
    except Exception as exc:  # one report's failure never stops the others
        return ReportResult(file=path, document=None, findings=[], outcomes=[],
                            load_error=f"{path}: 内部错误：{type(exc).__name__}: {exc}")


def _slim(result: ReportResult) -> ReportResult:
    """Keep the metadata, tables and section headings and drop the long texts, so that a batch of
    thousands does not hold every report's prose in the parent process (the review page of such a
    batch then shows the tables and the problem list, not the texts)."""
    doc = result.document
    if isinstance(doc, dict):
        sections = doc.get("sections")
        slim = {k: v for k, v in doc.items() if k not in ("preface", "signature", "sections")}
        if isinstance(sections, list):
            slim["sections"] = [{"heading": s.get("heading")} if isinstance(s, dict) else s for s in sections]
        result.document = slim
        result.text_left_out = KEEP_TEXT_UP_TO  # every output that would show the text says so
    return result


def _peak_rss_kb() -> int | None:
    try:
        import resource
    except ImportError:  # not on a POSIX system
        return None
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def _prepare(config: Config, options: LoadOptions, plan: Plan, fast: bool, engine: Engine | None) -> None:
    """Make this process ready to check: the caller's engine or one built for ``config``, once."""
    key = (id(engine) if engine is not None else None, config, options)
    if _worker.get("key") != key:  # built for another engine or configuration (or not yet)
        _worker.clear()
        if engine is not None:  # the caller's engine, already built: no second plugin host
            _worker.update(engine=engine, options=options)
        else:
            _init_worker(config, options, plan, False)
        _worker["key"] = key
    _worker["plan"] = plan
    from checker.schema import prepare

    prepare(batch=fast)


def _init_pool_worker(config: Config, options: LoadOptions, plan: Plan, fast: bool, inherited: bool) -> None:
    if not inherited:  # spawned, not forked: nothing came from the parent, build it all here
        _init_worker(config, options, plan, fast)


class BatchInterrupted(Exception):
    """Ctrl-C during a batch: ``done`` of ``total`` reports were checked; nothing has been written."""

    def __init__(self, done: int, total: int):
        self.done, self.total = done, total
        super().__init__(f"已检查 {done}/{total} 份报告")


def _map(func: Callable[[str], Any], items: Sequence[str], jobs: int, initargs: tuple, progress: Any = None,
         label: str = "", engine: Engine | None = None, done: list[int] | None = None) -> tuple[list[Any], int | None]:
    """func over items, in order, in this process (jobs == 1) or in a pool of ``jobs`` workers.
    ``done[0]`` counts the items finished, so that an interrupted run can say how far it got."""
    done = done if done is not None else [0]
    if not items:
        return [], None
    task = progress.add_task(label, total=len(items)) if progress is not None else None
    if jobs <= 1:
        _prepare(*initargs, engine)
        out = []
        for item in items:
            out.append(func(item))
            done[0] += 1
            if progress is not None:
                progress.advance(task)
        return out, None
    import multiprocessing

    context = multiprocessing.get_context()
    # Forked workers inherit a ready engine and compiled validators from this process: built once
    # for the whole pool instead of once per worker.  Spawned workers build their own.
    inherited = context.get_start_method() == "fork"
    if inherited:
        _prepare(*initargs, engine)
    results: list[Any] = [None] * len(items)
    chunk = max(1, min(16, len(items) // (jobs * 8)))
    with context.Pool(jobs, _init_pool_worker, (*initargs, inherited)) as pool:
        for i, value in pool.imap_unordered(_indexed, [(func, i, item) for i, item in enumerate(items)], chunk):
            results[i] = value
            done[0] += 1
            if progress is not None:
                progress.advance(task)
        pool.close()
        pool.join()
    return results, _peak_rss_kb()


def _indexed(args: tuple[Callable[[str], Any], int, str]) -> tuple[int, Any]:
    func, i, item = args
    return i, func(item)


def run_batch(files: Sequence[str], options: BatchOptions, previous_files: Sequence[str] = (),
              organ_map: Mapping[str, str] | None = None, regions: Sequence[Region] = (),
              engine: Engine | None = None, previous_document: Any = None) -> BatchRun:
    """Check ``files`` (already discovered) and return their results in the same order.

    With ``previous_files`` each report is paired with last year's of the same organ; with
    ``regions`` each region's summary report is checked against its units' tables (GC801).
    ``engine`` (built for ``options.config``) is used when the batch runs in this process."""
    start = time.perf_counter()
    jobs = max(1, min(options.jobs or default_jobs(), len(files) or 1))
    fast = options.fast_schema if options.fast_schema is not None else len(files) >= FAST_SCHEMA_MIN_FILES
    keep_text = options.keep_text if options.keep_text is not None else len(files) <= KEEP_TEXT_UP_TO
    plan = Plan(previous_document=previous_document, keep_text=keep_text, previous_dir_given=bool(previous_files))
    progress = _progress() if options.progress and len(files) > 1 else None
    peak: list[int] = []
    checked = [0]
    try:
        if progress is not None:
            progress.start()
        if previous_files or regions:
            init = (options.config, options.load, plan, False)
            current, rss = _map(_identify, list(files), jobs, init, progress, "读取机关与年度", engine)
            peak.extend([rss] if rss else [])
            if previous_files:
                before, rss = _map(_identify, list(previous_files), jobs, init, progress, "读取上一年度报告", engine)
                peak.extend([rss] if rss else [])
                plan_previous(current, before, organ_map or {}, plan)
            if regions:
                plan_rollups(current, regions, plan)
        results, rss = _map(_check, list(files), jobs, (options.config, options.load, plan, fast), progress, "检查",
                            engine, checked)
        peak.extend([rss] if rss else [])
    except KeyboardInterrupt:  # Ctrl-C: the pool is stopped on the way out; the caller writes nothing
        raise BatchInterrupted(checked[0], len(files)) from None
    finally:
        if progress is not None:
            progress.stop()
    return BatchRun(results, plan, jobs, time.perf_counter() - start, max(peak) if peak else None)


def _progress() -> Any:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    console = Console(file=sys.stderr)
    # On a terminal the bar is redrawn in place and vanishes at the end; asked for elsewhere
    # (--progress into a log), it is written once, finished.
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    TextColumn("剩余"), TimeRemainingColumn(), console=console, transient=console.is_terminal)
