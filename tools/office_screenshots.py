"""Regenerate the pictures of the Word and Excel outputs in docs/ (needs LibreOffice and poppler):
the yangquan report printed as Word, checked, and each output converted to PDF by LibreOffice as an
office machine would print it, one page rendered to PNG; and the --output-dir index page of a small
generated batch with a hierarchy file (needs Chromium).

    python tools/office_screenshots.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402
from checker.testing.browser import screenshot  # noqa: E402
from checker.testing.office import page_png, pdf_comments, to_pdf  # noqa: E402
from tests.loaders.render import layout, to_docx  # noqa: E402

DOCS = ROOT / "docs"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        doc = json.loads((ROOT / "examples" / "yangquan-2023.json").read_text(encoding="utf-8"))
        draft = to_docx(layout(doc), work / "阳泉市2023年报告.docx")
        gov_check = [sys.executable, "-m", "checker"]
        for args in ((str(draft), "-o", str(work / "problem-list.docx")),
                     (str(draft), str(ROOT / "examples" / "clean-2023.json"), "-o", str(work / "ledger.xlsx")),
                     ("annotate", str(draft), "-o", str(work / "annotated.docx"))):
            subprocess.run([*gov_check, *args], check=False, cwd=ROOT)
        page_png(to_pdf(work / "problem-list.docx", work), DOCS / "problem-list-yangquan-2023.png", 1, 80)
        page_png(to_pdf(work / "ledger.xlsx", work), DOCS / "ledger-yangquan-2023.png", 1, 130, height=480)
        annotated = to_pdf(work / "annotated.docx", work, comments=True)
        page = next(p for p, _, text in pdf_comments(annotated) if "科研机构" in text)
        page_png(annotated, DOCS / "annotate-yangquan-2023.png", page, 80)
        generate(work / "batch", 6, seed=3, defect_rate=0.5, year=2023)
        (work / "h.toml").write_text('[[region]]\nname = "连云港市"\nsummary = "连云港市应急管理局"\n'
                                     'units = ["连云港市涟水县人民政府", "德阳市财政局"]\n', encoding="utf-8")
        subprocess.run([*gov_check, str(work / "batch"), "--hierarchy", str(work / "h.toml"),
                        "--output-dir", str(work / "out")], check=False, cwd=ROOT)
        screenshot(work / "out" / "index.html", DOCS / "index-page.png", 1300, 480)
    for name in ("problem-list-yangquan-2023", "ledger-yangquan-2023", "annotate-yangquan-2023", "index-page"):
        print(DOCS / f"{name}.png")


if __name__ == "__main__":
    main()
