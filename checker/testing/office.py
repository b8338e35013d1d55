"""LibreOffice and poppler for testing the Word and Excel outputs: convert a .docx/.xlsx to PDF the
way an office machine would print it, and render a page to PNG to look at.  Used by the tests and
tools/office_screenshots.py; the outputs never need them."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

CANDIDATES = ("soffice", "libreoffice")
_NOTES = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


def find_soffice() -> str | None:
    """LibreOffice's path: $SOFFICE if set, else the first of the usual names on PATH."""
    if os.environ.get("SOFFICE"):
        return shutil.which(os.environ["SOFFICE"])
    return next((p for p in map(shutil.which, CANDIDATES) if p), None)


def find_pdftoppm() -> str | None:
    return shutil.which("pdftoppm")


def to_pdf(document: Path, folder: Path, timeout: float = 120, comments: bool = False) -> Path:
    """``document`` converted to ``folder/<stem>.pdf`` by headless LibreOffice, in a throw-away
    profile (a second LibreOffice running at the same time would otherwise refuse to start).
    ``comments``: a Word document's comments become PDF notes at their anchors (LibreOffice 7.4
    cannot print them in the margin)."""
    soffice = find_soffice()
    if soffice is None:
        raise FileNotFoundError("LibreOffice (soffice) not found")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gov-check-soffice-") as profile:
        subprocess.run([soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                        "--convert-to", _NOTES if comments else "pdf", "--outdir", str(folder), str(document)],
                       capture_output=True, text=True, timeout=timeout, check=True)
    pdf = folder / (document.stem + ".pdf")
    if not pdf.exists():
        raise RuntimeError(f"LibreOffice wrote no PDF for {document}")
    return pdf


def page_png(pdf: Path, png: Path, page: int = 1, dpi: int = 80, height: int | None = None) -> Path:
    """One page of ``pdf`` as ``png`` (pdftoppm); ``height``: only the top so many pixels."""
    tool = find_pdftoppm()
    if tool is None:
        raise FileNotFoundError("pdftoppm (poppler-utils) not found")
    stem = png.with_suffix("")
    crop = ["-x", "0", "-y", "0", "-W", "100000", "-H", str(height)] if height else []
    subprocess.run([tool, "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), *crop, "-singlefile", str(pdf),
                    str(stem)],
                   capture_output=True, text=True, timeout=60, check=True)
    return stem.with_suffix(".png")


def pdf_comments(pdf: Path) -> list[tuple[int, str, str]]:
    """The comments LibreOffice carried into a PDF (text annotations): (page number, author, text)."""
    from pdfminer.pdftypes import resolve1
    import pdfplumber

    out = []
    with pdfplumber.open(pdf) as doc:
        for number, page in enumerate(doc.pages, 1):
            for annot in resolve1(page.page_obj.annots) or ():
                annot = resolve1(annot)
                if getattr(annot.get("Subtype"), "name", "") != "Text":
                    continue
                out.append((number, _pdf_text(annot.get("T")), _pdf_text(annot.get("Contents"))))
    return out


def _pdf_text(value: object) -> str:
    if isinstance(value, bytes):
        return value[2:].decode("utf-16-be") if value.startswith(b"\xfe\xff") else value.decode("latin-1")
    return str(value or "")
