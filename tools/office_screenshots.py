"""Regenerate the pictures of the Word and Excel outputs in docs/ (needs LibreOffice and poppler):
the yangquan report printed as Word, checked, and each output converted to PDF by LibreOffice as an
office machine would print it, one page rendered to PNG.

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
        page_png(to_pdf(work / "ledger.xlsx", work), DOCS / "ledger-yangquan-2023.png", 1, 80)
        annotated = to_pdf(work / "annotated.docx", work, comments=True)
        page = next(p for p, _, text in pdf_comments(annotated) if "科研机构" in text)
        page_png(annotated, DOCS / "annotate-yangquan-2023.png", page, 80)
    for name in ("problem-list", "ledger", "annotate"):
        print(DOCS / f"{name}-yangquan-2023.png")


if __name__ == "__main__":
    main()
