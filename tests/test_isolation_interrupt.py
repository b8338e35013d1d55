"""Ctrl-C can arrive between any two lines of the engine: wherever it lands inside the capture of a
rule's prints, the user's stdout and stderr are given back (else 「已中断」 would be printed into the
capture buffer and lost — the cause of the flaky real-SIGINT batch test)."""

from __future__ import annotations

import sys

from checker.isolation import captured_output


def _interrupt_at(n: int) -> bool:
    """Run captured_output() with a KeyboardInterrupt raised at the n-th traced line of entering it
    (in it or in the context managers it uses, up to the rule's first print); True when entering
    has that many lines.  The lines of leaving are not probed: no code can protect its own finally."""
    seen = [0]
    entered = [False]

    def tracer(frame, event, arg):
        if event == "call":
            entered[0] = entered[0] or frame.f_code is _rule_prints.__code__
            return tracer
        if event == "line" and not entered[0] and frame.f_code is not _interrupt_at.__code__:
            seen[0] += 1
            if seen[0] == n:
                raise KeyboardInterrupt
        return tracer

    sys.settrace(tracer)
    try:
        with captured_output():
            _rule_prints()
    except KeyboardInterrupt:
        pass
    finally:
        sys.settrace(None)
    return seen[0] >= n


def _rule_prints() -> None:
    print("a rule's print")


def test_an_interrupt_anywhere_in_the_capture_gives_the_streams_back():
    out, err = sys.stdout, sys.stderr
    n = 1
    while _interrupt_at(n):
        assert (sys.stdout, sys.stderr) == (out, err), f"streams left redirected by an interrupt at traced line {n}"
        n += 1
    assert n > 5  # the capture's own lines were all visited
