"""One case → one run of the command line, in this process, and the properties every run must keep:

- no exception escapes (a Python exception, a MemoryError, a RecursionError);
- the exit code is 0, 1 or 2;
- no built-in rule crashes (a GC900 from a national rule is a bug, even though it is reported);
- the output parses with its own reader: JSON against ``schemas/result.schema.json``, SARIF against
  the SARIF 2.1.0 schema, JUnit as XML, HTML as HTML with no character XML forbids, text and Markdown
  with no terminal control sequences;
- time under ``CPU_SECONDS`` of CPU and memory under ``MEMORY_MB`` more than the harness itself
  (the process's address space is bounded while the case runs);
- the same input gives the same output (checked when asked: it doubles the cost).

``failure(case)`` returns None when every property holds, else a :class:`Failure` whose ``klass`` is
the crash class: what failed and where (an exception's type and innermost frame in gov-check).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import os
import re
import resource
import signal
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .mutators import ROOT, Case

CPU_SECONDS = 5.0
MEMORY_MB = 500
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x9b]")


class Hang(BaseException):
    """The case used more than CPU_SECONDS of CPU time (BaseException: no ``except Exception`` in
    gov-check may swallow it)."""


@dataclass
class Failure:
    klass: str  # the crash class: what failed and where (stable across inputs that fail the same way)
    detail: str  # the message, the traceback's end


@dataclass
class Run:
    exit_code: int | None
    stdout: str
    stderr: str
    output: str  # what the output format produced (stdout, or the -o file)
    exception: BaseException | None
    tb: Any
    seconds: float
    cpu_seconds: float


# -- running ---------------------------------------------------------------------------------------

@contextlib.contextmanager
def cpu_bound(seconds: float) -> Iterator[None]:
    """Hang raised once the process has used ``seconds`` more CPU time (ITIMER_VIRTUAL: the rule clock
    of gov-check uses ITIMER_REAL and SIGALRM, which this leaves alone)."""
    def expire(signum: int, frame: Any) -> None:
        raise Hang(f"more than {seconds:g} s of CPU time")

    previous = signal.signal(signal.SIGVTALRM, expire)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


def _vm_bytes() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # pragma: no cover - not Linux
        return 0


@contextlib.contextmanager
def memory_bound(megabytes: int | None) -> Iterator[None]:
    """The address space bounded at what the process uses now plus ``megabytes`` (RLIMIT_AS): an
    allocation past it is a MemoryError, which is a failure of the case."""
    if not megabytes or not _vm_bytes():
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = _vm_bytes() + megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


_ENTRY_POINTS: list[Any] = []


@contextlib.contextmanager
def _kept() -> Iterator[None]:
    """While a case runs, what a long-lived process would keep between runs is kept: the installed
    plugins' entry points (scanned once; nothing is installed while the fuzzer runs) and the compiled
    report schema.  Put back afterwards, so that tests run after the fuzzer see the real ones."""
    import checker.plugins
    import checker.schema

    scan = checker.plugins.installed_entry_points
    if not _ENTRY_POINTS:
        _ENTRY_POINTS.append(scan())
    checker.plugins.installed_entry_points = lambda: list(_ENTRY_POINTS[0])
    batch = checker.schema._batch
    checker.schema.prepare(batch=True)
    try:
        yield
    finally:
        checker.plugins.installed_entry_points = scan
        checker.schema._batch = batch
        # The check command freezes what is alive before its batch (gc.freeze: right for a process that
        # ends after one run); run after run in one process that would keep every run's leftovers.
        gc.unfreeze()


def run(case: Case, folder: Path, cpu_seconds: float = CPU_SECONDS, memory_mb: int | None = MEMORY_MB,
        use_output_file: bool = False) -> Run:
    from click.testing import CliRunner

    from checker.cli import main

    for name, data in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    args = [str(folder / a[1:]) if a.startswith("@") else a for a in case.args]
    out_file = folder / f"out.{case.output}"
    if use_output_file:
        args += ["-o", str(out_file)]
    runner = CliRunner()
    start, cpu = time.perf_counter(), time.process_time()
    exception, tb = None, None
    result = None
    with _kept(), _crash_log() as crashes:
        try:
            with memory_bound(memory_mb), cpu_bound(cpu_seconds):
                result = runner.invoke(main, args, catch_exceptions=True)
        except (Hang, MemoryError, RecursionError) as exc:  # raised outside click's own catch
            exception, tb = exc, exc.__traceback__
    seconds, cpu_used = time.perf_counter() - start, time.process_time() - cpu
    if result is not None and result.exception is not None and not isinstance(result.exception, SystemExit):
        exception, tb = result.exception, result.exc_info[2] if result.exc_info else None
    stdout = result.stdout if result is not None else ""
    stderr = result.stderr if result is not None else ""
    output = stdout
    if use_output_file:
        output = out_file.read_text(encoding="utf-8") if out_file.exists() else ""
    r = Run(result.exit_code if result is not None else None, stdout, stderr, output, exception, tb, seconds, cpu_used)
    r.crashes = list(crashes)  # type: ignore[attr-defined]
    return r


@contextlib.contextmanager
def _crash_log() -> Iterator[list[tuple[str, BaseException]]]:
    """Every rule crash the engine turns into GC900 while the case runs (the rule and its exception)."""
    import checker.engine as engine

    seen: list[tuple[str, BaseException]] = []
    original = engine._crash

    def recording(rule: str, exc: BaseException) -> Any:
        seen.append((rule, exc))
        return original(rule, exc)

    engine._crash = recording
    try:
        yield seen
    finally:
        engine._crash = original


# -- the properties --------------------------------------------------------------------------------

def where(tb: Any) -> str:
    """The innermost frame of gov-check's own code (checker/, rules/) in a traceback."""
    frames = traceback.extract_tb(tb) if tb is not None else []
    ours = [f for f in frames if "/checker/" in f.filename or "/rules/" in f.filename]
    frame = (ours or frames or [None])[-1]
    if frame is None:
        return "?"
    path = frame.filename.split("/checker/")[-1] if "/checker/" in frame.filename else frame.filename.split("/rules/")[-1]
    return f"{path}:{frame.name}"


def failure(case: Case, folder: Path | None = None, *, twice: bool = False, cpu_seconds: float = CPU_SECONDS,
            memory_mb: int | None = MEMORY_MB) -> Failure | None:
    with _folder(folder) as where_to:
        use_file = bool(case.seed is not None and case.seed % 5 == 0)
        r = run(case, where_to / "a", cpu_seconds, memory_mb, use_file)
        found = check(case, r)
        if found is None and twice:
            again = run(case, where_to / "a", cpu_seconds, memory_mb, use_file)
            if again.exception is None and _stable(again.output, case) != _stable(r.output, case):
                return Failure(f"nondeterministic output ({case.kind}, {case.output})",
                               _first_difference(_stable(r.output, case), _stable(again.output, case)))
        return found


@contextlib.contextmanager
def _folder(folder: Path | None) -> Iterator[Path]:
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        yield folder
        return
    with tempfile.TemporaryDirectory(prefix="gov-check-fuzz-") as tmp:
        yield Path(tmp)


def check(case: Case, r: Run) -> Failure | None:
    if isinstance(r.exception, Hang):
        return Failure(f"hang ({case.kind})", f"{r.exception} at {where(r.tb)}")
    if r.exception is not None:
        exc = r.exception
        return Failure(f"{type(exc).__name__} at {where(r.tb)}",
                       "".join(traceback.format_exception(type(exc), exc, r.tb))[-3000:])
    for rule, exc in getattr(r, "crashes", []):
        return Failure(f"GC900 {rule}: {type(exc).__name__} at {where(exc.__traceback__)}",
                       "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))[-3000:])
    if r.exit_code not in (0, 1, 2):
        return Failure(f"exit code {r.exit_code}", r.stderr[-1000:])
    if "Traceback (most recent call last)" in r.stderr or "内部错误" in r.stderr:
        return Failure(f"traceback or internal error on stderr ({case.kind})", r.stderr[-1500:])
    if r.exit_code == 2 and not r.stderr.strip():
        return Failure(f"exit 2 without a message ({case.kind})", r.stdout[-500:])
    if r.exit_code in (0, 1):
        problem = output_problem(case.output, r.output)
        if problem:
            return Failure(f"malformed {case.output} output: {problem.split(':')[0]}", problem)
    if TERMINAL_CONTROL.search(r.stderr):
        return Failure("control characters on stderr", repr(r.stderr[:500]))
    return None


def output_problem(fmt: str, text: str) -> str | None:
    """Why ``text`` is not a well-formed output of format ``fmt``, or None."""
    try:
        if fmt in ("json", "sarif"):
            doc = json.loads(text)
            name = "result" if fmt == "json" else "sarif"
            if _fast(name)(doc):
                return None
            errors = sorted(_validator(name).iter_errors(doc), key=str)
            return f"{name} schema: {errors[0].message[:300]} at {list(errors[0].absolute_path)}" if errors else None
        if fmt == "junit":
            from lxml import etree

            etree.fromstring(text.encode("utf-8"))
            return None
        if fmt == "html":
            if XML_FORBIDDEN.search(text):
                return f"forbidden character: {XML_FORBIDDEN.search(text).group(0)!r}"
            import html.parser

            import lxml.html

            html.parser.HTMLParser().feed(text)
            lxml.html.document_fromstring(text)
            return None
        if fmt in ("text", "markdown"):
            m = TERMINAL_CONTROL.search(text)
            return f"control character: {m.group(0)!r}" if m else None
    except Exception as exc:  # the reader refused it
        return f"{type(exc).__name__}: {str(exc)[:300]}"
    return None


@functools.lru_cache(maxsize=None)
def _fast(name: str) -> Any:
    """True when the document is valid (fastjsonschema, compiled once); False sends it to jsonschema,
    which says why."""
    import fastjsonschema

    try:
        compiled = fastjsonschema.compile(_validator(name).schema)
    except Exception:  # a schema fastjsonschema cannot compile: jsonschema alone
        return lambda doc: False

    def valid(doc: Any) -> bool:
        try:
            compiled(doc)
            return True
        except Exception:
            return False
    return valid


@functools.lru_cache(maxsize=None)
def _validator(name: str) -> Any:
    from jsonschema import Draft4Validator, Draft202012Validator

    if name == "sarif":
        schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
        return Draft4Validator(schema)
    schema = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


_VARYING = [re.compile(r'(time|seconds|duration|elapsed)"?\s*[=:]\s*"?[0-9.e-]+"?'), re.compile(r"\d+(\.\d+)? ?(ms|s|秒)\b"),
            re.compile(r"gov-check-fuzz-[^/\s\"]+")]


def _stable(text: str, case: Case) -> str:
    for pattern in _VARYING:
        text = pattern.sub("~", text)
    return text


def _first_difference(a: str, b: str) -> str:
    i = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"at {i}: {a[max(0, i - 80):i + 80]!r} vs {b[max(0, i - 80):i + 80]!r}"
