"""The progress bar follows stderr, where it is drawn: shown when stderr is a terminal even if the
results go to a file (`gov-check reports/ > results.txt`), hidden under CI and when stderr is not a
terminal."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys

import pytest

from checker.cli import progress_wanted
from tests.conftest import EXAMPLES


class Stream(io.StringIO):
    def __init__(self, tty: bool):
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        super().isatty()  # raises ValueError once closed, as a real stream does
        return self.tty


@pytest.mark.parametrize(("tty", "env", "shown"), [
    (True, {}, True),
    (False, {}, False),
    (True, {"CI": "true"}, False),
    (True, {"CI": "1"}, False),
    (True, {"CI": "false"}, True),
    (True, {"CI": ""}, True),
])
def test_progress_wanted(tty, env, shown):
    assert progress_wanted(Stream(tty), env) is shown


def test_a_closed_stderr_shows_no_bar():
    stream = Stream(True)
    stream.close()
    assert progress_wanted(stream, {}) is False


def run_with_terminal_stderr(args: list[str], env: dict[str, str], stdout_path) -> str:
    """Run gov-check with stderr on a pseudo-terminal and stdout into a file; return what the
    terminal showed."""
    main, secondary = pty.openpty()
    with open(stdout_path, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "checker", *args], stdout=out, stderr=secondary,
                                stdin=subprocess.DEVNULL, env=env)
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # the other end closed
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_bar_on_the_terminal_while_results_go_to_a_file(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    doc = json.loads((EXAMPLES / "clean-2023.json").read_text(encoding="utf-8"))
    for i in range(3):
        (reports / f"{i}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR")} | {"TERM": "xterm", "COLUMNS": "100"}
    shown = run_with_terminal_stderr([str(reports), "-j", "1"], env, tmp_path / "results.txt")
    assert "3/3" in shown  # the bar was drawn on the terminal
    results = (tmp_path / "results.txt").read_text(encoding="utf-8")
    assert "3 份报告" in results and "3/3" not in results and "\x1b" not in results
    hidden = run_with_terminal_stderr([str(reports), "-j", "1"], env | {"CI": "true"}, tmp_path / "ci.txt")
    assert "3/3" not in hidden
