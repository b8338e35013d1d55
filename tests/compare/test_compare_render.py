"""The comparison as a reader gets it: the HTML page opened in headless Chromium and printed, the
Word document rendered by LibreOffice and rasterised by pdftoppm.  Each part runs where its tool is
installed (`.ci/run` installs Chromium and LibreOffice on CI) and says so when it is skipped."""

from __future__ import annotations

import shutil
import struct
import subprocess
import unicodedata
from pathlib import Path

import pytest

from checker.testing.browser import dump_dom, find_chromium, print_pdf
from checker.testing.pairs import CHANGES, constructed_last_year
from tests.conftest import EXAMPLES, write_json
from tests.output.support import Dom

needs_chromium = pytest.mark.skipif(
    find_chromium() is None,
    reason="headless Chromium is not installed (apt-get install chromium; .ci/run does this on CI)")
needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
    reason="LibreOffice (soffice) or poppler (pdftoppm) is not installed "
           "(apt-get install libreoffice-writer-nogui poppler-utils; .ci/run does this on CI)")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> Path:
    import json

    from click.testing import CliRunner

    from checker.cli import main

    folder = tmp_path_factory.mktemp("compare")
    sample = json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8"))
    last = write_json(folder / "yangquan-2022.json", constructed_last_year(sample))
    for suffix in (".html", ".docx"):
        result = CliRunner().invoke(main, ["compare", str(last), str(EXAMPLES / "yangquan-2023.json"), "-o",
                                           str(folder / f"compare{suffix}")])
        assert result.exit_code == 0, result.output
    return folder


@needs_chromium
def test_chromium_shows_both_years_side_by_side_section_by_section(outputs):
    dom = Dom(dump_dom(outputs / "compare.html"))
    assert not dom.find("script") and not [e for e in dom.elements if e["attrs"].get("src", "").startswith("http")]
    pairs = [e for e in dom.elements if e["tag"] == "section" and "pair" in Dom.classes(e)]
    assert len(pairs) == 7  # the preface and the six sections, each one two-column table
    five = dom.by_id["sec-5"]
    assert "五、存在的主要问题及改进情况" in five["text"] and "上年：四、存在的主要问题及改进情况" in five["text"]
    moved = [e for e in dom.elements if e["tag"] == "tr" and "moved" in Dom.classes(e)]
    assert len(moved) == 1 and CHANGES["moved"] in moved[0]["text"] and "自上年「五、存在的主要问题及改进情况」移来" in moved[0]["text"]
    changed = next(e for e in dom.elements if e["tag"] == "tr" and "changed" in Dom.classes(e))
    assert [e["text"] for e in dom.elements if e["tag"] == "del" and e in _descendants(changed)][0] == "推"
    large = dom.by_id["c-tables-t2-licensing-decisions"]
    assert "large" in Dom.classes(large) and large["attrs"]["title"] == "大幅变化，请说明"
    assert "5000 → 39907" in large["text"] and "+698.1%" in large["text"]
    blank = dom.by_id["c-tables-t2-punishment-decisions"]
    assert "（空白） → 3022" in blank["text"]
    assert "表三 · 总计：上年「四、结转下年度继续办理」= 本年「二、上年结转」" in dom.by_id["identities"]["text"] or \
        any("不成立，相差 −3" in e["text"] for e in dom.elements if e["tag"] == "tr")
    persisting = [e for e in dom.elements if e["tag"] == "tr" and "persisting" in Dom.classes(e)]
    assert persisting and all("连续两年" in e["text"] for e in persisting)


def _descendants(el: dict) -> list[dict]:
    out, todo = [], list(el["children"])
    while todo:
        e = todo.pop()
        out.append(e)
        todo += e["children"]
    return out


@needs_chromium
def test_prints_on_a4_landscape(outputs, tmp_path):
    import pdfplumber

    pdf = print_pdf(outputs / "compare.html", tmp_path / "compare.pdf")
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        assert (round(page.width), round(page.height)) == (842, 595)  # A4 landscape, in points
        assert len(doc.pages) >= 3
        # NFKC: the PDF's text layer maps some characters to their Kangxi radicals (⽐ for 比)
        assert "年度报告两年比对" in unicodedata.normalize("NFKC", page.extract_text())


@needs_libreoffice
def test_word_document_renders_through_libreoffice(outputs, tmp_path):
    import pdfplumber

    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(outputs / "compare.docx")], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "compare.pdf"
    with pdfplumber.open(pdf) as doc:
        assert (round(doc.pages[0].width), round(doc.pages[0].height)) == (842, 595)
        text = "".join(p.extract_text() or "" for p in doc.pages)
    squeezed = unicodedata.normalize("NFKC", "".join(text.split()))
    for expected in ("年度报告两年比对", "连续两年", "32+18−12=38", "大幅变化"):
        assert expected in squeezed, expected
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True,
                   timeout=60)
    png = next(tmp_path.glob("page*.png")).read_bytes()
    width, height = struct.unpack(">II", png[16:24])
    assert width > height  # landscape
