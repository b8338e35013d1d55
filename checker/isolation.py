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
    """Whatever a rule prints goes here, not into the user's report or JSON output."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
        yield buf


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

