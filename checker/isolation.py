"""Running untrusted rule code: a time limit, captured prints, and a sanity check of what it yields."""

from __future__ import annotations

import contextlib
import io
import signal
import threading
from typing import Any, Iterator

from checker.findings import Finding, Severity

DEFAULT_RULE_SECONDS = 10.0
MAX_RULE_SECONDS = 86400.0  # the config schema's bound; a longer limit given in code is this one
MAX_FINDINGS_PER_RULE = 5000


class RuleTimeout(Exception):
    """A rule ran past its time limit."""


class RuleClock:
    """The time limit of each rule on one report (POSIX main thread; elsewhere no limit).

    The SIGALRM handler is installed once for the report (``with RuleClock(s) as clock``) and
    restored afterwards; each rule then only arms and disarms the timer (``with clock:``), so the
    limit costs two system calls a rule.  A rule stuck in pure-Python code (a loop) is
    interrupted; one blocked inside C code is interrupted when that call returns.
    """

    def __init__(self, seconds: float | None):
        self.seconds = min(seconds, MAX_RULE_SECONDS) if seconds and seconds == seconds else None  # NaN: none
        self.usable = bool(self.seconds and self.seconds > 0 and hasattr(signal, "setitimer")
                           and threading.current_thread() is threading.main_thread())
        self._previous: Any = None
        self._installed = False

    def _expire(self, signum: int, frame: Any) -> None:
        raise RuleTimeout(f"运行超过 {self.seconds:g} 秒")

    def install(self) -> RuleClock:
        if self.usable:
            self._previous = signal.signal(signal.SIGALRM, self._expire)
            self._installed = True
        return self

    def uninstall(self) -> None:
        if self._installed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)
            self._installed = False

    def __enter__(self) -> None:  # one rule
        if self._installed:
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc: Any) -> None:
        if self._installed:
            signal.setitimer(signal.ITIMER_REAL, 0)


@contextlib.contextmanager
def captured_output() -> Iterator[io.StringIO]:
    """Whatever a rule prints goes here, not into the user's report or JSON output.

    Not contextlib.redirect_stdout/redirect_stderr: a Ctrl-C that lands inside their __enter__, after
    the stream was swapped, leaves it swapped for good (their __exit__ never runs), and 「已中断」 is then
    written into this buffer.  Here the swap happens inside the try, so the finally always undoes it."""
    import sys

    buf = io.StringIO()
    saved = sys.stdout, sys.stderr
    try:
        sys.stdout = sys.stderr = buf
        yield buf
    finally:
        sys.stdout, sys.stderr = saved


def malformed(finding: Finding) -> str | None:
    """Why a finding a rule yielded cannot be shown, or None when it is well formed."""
    if not isinstance(finding.code, str) or not finding.code:
        return "finding without a code"
    if not isinstance(finding.severity, Severity):
        return f"severity {finding.severity!r} is not a Severity"
    if not isinstance(finding.pointers, tuple) or not all(isinstance(p, str) and (p == "" or p.startswith("/"))
                                                          for p in finding.pointers):
        return f"pointers {finding.pointers!r} are not JSON Pointers"
    if not isinstance(finding.message, str):
        return "message key is not a string"
    if not hasattr(finding.args, "items"):
        return "args is not a mapping"
    return None



# -- plugin rules in a child process ---------------------------------------------------------------

PLUGIN_RULE_MB = 1024  # address space a plugin rule may add to the process before it is stopped


class RuleFailed(Exception):
    """What a rule raised in its child process, carried back as its type's name, message, place and
    the full stack as text (for --traceback)."""

    def __init__(self, type_name: str, message: str, where: str, stack: str = ""):
        super().__init__(message)
        self.type_name, self.where, self.stack = type_name, where, stack


def crash_place(exc: BaseException) -> str:
    """Where a rule's exception comes from, as its author looks for it: 「rules.py:88」, the innermost
    frame outside gov-check's own checker package (else the innermost)."""
    import traceback
    from pathlib import Path

    tb = traceback.extract_tb(exc.__traceback__)
    ours = str(Path(__file__).resolve().parent)
    own = [f for f in tb if not str(Path(f.filename).resolve()).startswith(ours)]
    frame = (own or tb)[-1] if tb else None
    return f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" if frame else ""


def crash_stack(exc: BaseException) -> str:
    """The exception's full stack as Python prints it (the end of it, at most 8,000 characters)."""
    import traceback

    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))[-8000:]

    def __str__(self) -> str:
        return self.args[0]


def can_fork() -> bool:
    """A plugin rule runs in a forked child only where that is safe: POSIX, and no other thread
    (a child forked beside a thread may inherit a lock that thread held)."""
    import os

    return hasattr(os, "fork") and threading.active_count() == 1


def in_child(check: Any, ctx: Any, memory_mb: int = PLUGIN_RULE_MB) -> Iterator[Any]:
    """``check(ctx)`` run in a forked child with its address space bounded; yields what it yielded
    and then raises what it raised (RuleFailed).  The child gets the parent's memory copy-on-write:
    whatever the rule changes stays in the child.  A rule stuck inside C code (a regex, a native
    loop) is stopped with the child when the rule clock expires (the clock's RuleTimeout arrives
    here while this process waits); one that allocates past ``memory_mb`` fails with MemoryError."""
    import os
    import pickle
    import select

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        status = 0
        try:
            os.close(read_end)
            _child(check, ctx, write_end, memory_mb)
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    chunks: list[bytes] = []
    try:
        while True:
            select.select([read_end], [], [])  # the rule clock's SIGALRM interrupts this wait
            chunk = os.read(read_end, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read_end)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        _, status = os.waitpid(pid, 0)
    try:
        items, failure = pickle.loads(b"".join(chunks))
    except Exception:
        sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
        raise RuleFailed("RuleProcessDied", f"规则进程异常结束（{'信号 ' + str(sig) if sig else '未返回结果'}）", "") from None
    yield from items
    if failure is not None:
        raise RuleFailed(*failure)


def _child(check: Any, ctx: Any, fd: int, memory_mb: int) -> None:
    import os
    import pickle
    import resource

    signal.setitimer(signal.ITIMER_REAL, 0)  # the parent's clock: the parent keeps time
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # what native code writes, too, stays out of the user's output
    os.dup2(devnull, 2)
    try:
        with open("/proc/self/statm") as fh:
            used = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = used + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
    except (OSError, ValueError):  # not Linux: no bound on memory
        pass
    items: list[Any] = []
    failure = None
    try:
        with captured_output():
            for item in check(ctx) or ():
                items.append(item)
                if len(items) > MAX_FINDINGS_PER_RULE + 1:
                    break
    except BaseException as exc:  # noqa: BLE001 - everything a rule does is reported
        failure = (type(exc).__name__, str(exc)[:300], crash_place(exc), crash_stack(exc))
    try:
        payload = pickle.dumps((items, failure))
    except Exception as exc:  # a finding holding something that cannot leave the process
        payload = pickle.dumps(([], ("TypeError", f"check() yielded a finding that cannot be passed on: {exc}"[:300], "")))
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view):]
