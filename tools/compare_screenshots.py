"""Regenerate the comparison's pictures in docs/: the sample report (阳泉 2023) compared with a
constructed 2022 report (checker/testing/pairs.py) — the HTML page in headless Chromium
(docs/compare-html.png) and the Word document rendered by LibreOffice and pdftoppm
(docs/compare-word-1.png, the first page, and docs/compare-word-tables.png, the page with 表三); and a
real pair, 平潭 经济发展局 2021 → 2022 from ../shared/corpus (docs/compare-real-jjf.png)."""

from __future__ import annotations

import json
import re
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.testing.browser import find_chromium, screenshot  # noqa: E402
from checker.testing.pairs import constructed_last_year  # noqa: E402


def main() -> int:
    if find_chromium() is None or not shutil.which("soffice") or not shutil.which("pdftoppm"):
        print("needs chromium, LibreOffice (soffice) and pdftoppm: "
              "apt-get install chromium fonts-noto-cjk libreoffice-writer-nogui poppler-utils", file=sys.stderr)
        return 2
    docs = ROOT / "docs"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sample = json.loads((ROOT / "examples" / "yangquan-2023.json").read_text(encoding="utf-8"))
        (folder / "yangquan-2022.json").write_text(json.dumps(constructed_last_year(sample), ensure_ascii=False),
                                                   encoding="utf-8")
        shutil.copy(ROOT / "examples" / "yangquan-2023.json", folder)
        for suffix in (".html", ".docx"):  # run in the folder: the pages name the files as a user would see them
            subprocess.run([sys.executable, "-m", "checker", "compare", "yangquan-2022.json", "yangquan-2023.json",
                            "-o", f"compare{suffix}"], cwd=folder, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        print(screenshot(folder / "compare.html", docs / "compare-html.png", width=1400, height=2000).relative_to(ROOT))
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to", "pdf",
                        "--outdir", str(folder), str(folder / "compare.docx")], check=True, capture_output=True)
        pdf = folder / "compare.pdf"
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout if shutil.which("pdftotext") else ""
        pages = text.split("\f")
        # the page where the tables part begins: 表三's caption on a line of its own (「本年新收」 also
        # stands in the findings on page 1)
        tables = next((i + 1 for i, page in enumerate(pages) if re.search(r"^表三\s*收到和处理", page, re.M)), 5)
        for name, page in (("compare-word-1", 1), ("compare-word-tables", tables)):
            subprocess.run(["pdftoppm", "-r", "90", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf),
                            str(docs / name)], check=True)
            print(f"docs/{name}.png")
        corpus = ROOT.parent / "shared" / "corpus"
        if (corpus / "pingtan-jjf-2021").is_dir():
            for year in ("2021", "2022"):
                shutil.copy(corpus / f"pingtan-jjf-{year}" / "page.txt", folder / f"jjf-{year}.txt")
            subprocess.run([sys.executable, "-m", "checker", "compare", "jjf-2021.txt", "jjf-2022.txt", "-o", "jjf.html"],
                           cwd=folder, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
            print(screenshot(folder / "jjf.html", docs / "compare-real-jjf.png", width=1400, height=1400).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
