"""The sample's HTML review page opened in a real headless Chromium: what it shows, its screenshot,
and its print on A4.  Runs wherever Chromium is installed (`.ci/run` installs it on CI)."""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest

from checker.testing.browser import dump_dom, find_chromium, print_pdf, screenshot
from tests.conftest import EXAMPLES
from tests.output.support import Dom

pytestmark = pytest.mark.skipif(
    find_chromium() is None,
    reason="headless Chromium is not installed (apt-get install chromium; .ci/run does this on CI)")


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    from click.testing import CliRunner

    from checker.cli import main

    path = tmp_path_factory.mktemp("review") / "review.html"
    result = CliRunner().invoke(main, [str(EXAMPLES / "yangquan-2023.json"), "--format", "html", "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_chromium_shows_the_blank_cell_highlighted_and_the_heading_problems_listed(page):
    dom = Dom(dump_dom(page))
    cell = dom.by_id["r1-tables-t3-not_processed_excessive-research"]
    assert {"blank", "hit", "sev-warning"} <= Dom.classes(cell)
    assert cell["attrs"]["title"] == "表三 · 科研机构 · （五）4 无正当理由大量反复申请"
    assert Dom.links(cell) == ["#r1-f2"]
    problems = [e for e in dom.elements if e["tag"] == "li" and e["attrs"].get("id", "").startswith("r1-f")]
    assert len(problems) == 5
    headings = [p["text"] for p in problems if "GC011" in p["text"]]
    assert len(headings) == 4
    for heading in ("政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"):
        assert any(f"「{heading}」部分：标题缺少序号" in t for t in headings)
    assert "表三 · 科研机构 · （五）4 无正当理由大量反复申请：空白" in dom.by_id["r1-f2"]["text"]


def test_screenshot_is_a_real_picture(page, tmp_path):
    png = screenshot(page, tmp_path / "review.png", width=1200, height=1600)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 1600)
    assert len(data) > 50_000  # a blank page compresses to a few kilobytes; text and tables do not


def test_prints_on_a4(page, tmp_path):
    pdf = print_pdf(page, tmp_path / "review.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    boxes = {tuple(round(float(v)) for v in m.groups())
             for m in re.finditer(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)}
    assert boxes == {(595, 842)}  # A4 in points, every page
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 2  # the problem list starts on its own page

