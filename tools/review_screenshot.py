"""Regenerate docs/review-yangquan-2023.png: the sample report's HTML review page in headless Chromium."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.testing.browser import find_chromium, screenshot  # noqa: E402


def main() -> int:
    if find_chromium() is None:
        print("chromium not found: apt-get install chromium fonts-noto-cjk", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "review.html"
        subprocess.run([sys.executable, "-m", "checker", "examples/yangquan-2023.json", "--format", "html",
                        "-o", str(page)], cwd=ROOT, check=False)
        out = screenshot(page, ROOT / "docs" / "review-yangquan-2023.png", width=1400, height=2600)
    print(out.relative_to(ROOT), out.stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
