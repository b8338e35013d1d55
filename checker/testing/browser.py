"""Headless Chromium for testing HTML outputs: find it, dump what a page shows, take a screenshot,
print to PDF.  Used by the tests and tools/review_screenshot.py; the review page never needs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars")


def find_chromium() -> str | None:
    """The browser's path: $CHROMIUM if set, else the first of the usual names on PATH."""
    if os.environ.get("CHROMIUM"):
        return shutil.which(os.environ["CHROMIUM"])
    return next((p for p in map(shutil.which, CANDIDATES) if p), None)


def run(page: Path, *args: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    """Open a local page in a throw-away profile with the given extra arguments."""
    browser = find_chromium()
    if browser is None:
        raise FileNotFoundError("chromium not found")
    with tempfile.TemporaryDirectory(prefix="gov-check-chromium-") as profile:
        return subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()],
                              capture_output=True, text=True, timeout=timeout, check=True)


def dump_dom(page: Path) -> str:
    return run(page, "--dump-dom").stdout


def screenshot(page: Path, png: Path, width: int = 1400, height: int = 2000) -> Path:
    run(page, f"--screenshot={png.resolve()}", f"--window-size={width},{height}")
    return png


def print_pdf(page: Path, pdf: Path) -> Path:
    run(page, f"--print-to-pdf={pdf.resolve()}", "--no-pdf-header-footer")
    return pdf
