"""Report text is data in every output: hostile strings (control characters, lone surrogates, escape
sequences, bidi overrides, markup, very long lines) in the title, headings, section text, cells,
waiver reasons and file names never make an output unreadable by its own reader, and never reach
the terminal as commands."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import jsonschema
import pytest

from checker.engine import Engine
from checker.findings import Finding, Severity
from checker.output import RenderContext
from checker.output.safe import terminal_text, xml_text
from checker.schema import load_schema
from tests.conftest import EXAMPLES, ROOT

CONTROLS = "".join(chr(c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)) + "\x7f\x85\x9b\x9d"
ESCAPES = ("\x1b]0;pwned\x07\x1b[2J\x1b[1;31mRED\x1b[0m\x1b]8;;http://evil.invalid\x1b\\link\x1b]8;;\x1b\\"
           "\x1bP1$r\x1b\\\x9b2J\x1bc")
BIDI = "\u202e\u2066evil\u2069\u202c"
SURROGATES = "\ud800半\udfff"
MARKUP = "]]></failure><script>alert(1)</script>&amp;<!-- |管道| `code` *em*"
NONCHARACTERS = "\ufffe\uffff"
HOSTILE = f"标题{CONTROLS}{ESCAPES}{BIDI}{SURROGATES}{MARKUP}{NONCHARACTERS}\r\n第二行"
LONG = "长" * 3000 + "x" * 3000  # a very long line
FILE = f"reports/恶意{ESCAPES[:12]}{BIDI}\u0007 报告.json"

# What a terminal would obey: any C0/C1 control but newline, and bidi controls.
TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
SGR = re.compile(r"\x1b\[[0-9;]*m")  # the colours rich itself writes


def hostile_result():
    doc = json.loads((EXAMPLES / "clean-2023.json").read_text(encoding="utf-8"))
    doc["metadata"]["title"] = HOSTILE
    doc["sections"][0]["heading"] = "一、" + HOSTILE
    doc["sections"][1]["text"] += HOSTILE + LONG
    doc["sections"][4]["text"] = "无" + HOSTILE
    doc["tables"]["t3"]["granted"]["research"] = HOSTILE
    doc["tables"]["t3"]["carried_forward"]["total"] = 2  # a broken identity, with numbers
    result = Engine().check(doc, file=FILE)
    extra = Finding(code="GC201", severity=Severity.WARNING, message="blank", pointers=("/tables/t3/denied_other/research",),
                    args={"raw": HOSTILE}, quote=HOSTILE + LONG, waived=HOSTILE)
    source_map = {"/metadata/title": {"line": 1}, "/tables/t3/granted/research": {"page": 2, "table": 1, "row": 3, "col": 4}}
    return replace(result, findings=[*result.findings, extra], source_map=source_map)


@pytest.fixture(scope="module")
def results():
    result = hostile_result()
    assert len(result.findings) >= 5  # the hostile text is quoted by several rules
    return [result]


def render(fmt: str, results, **kw) -> str:
    engine = Engine()
    ctx = RenderContext(rules=engine.rule_classes(), lang=kw.pop("lang", "zh"), width=80, **kw)
    return engine.host.formats[fmt].render(results, ctx)


def assert_utf8(text: str) -> None:
    text.encode("utf-8")  # no lone surrogate: the output can be written at all


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_json_parses_and_validates(results, lang):
    out = render("json", results, lang=lang)
    assert_utf8(out)
    doc = json.loads(out)
    jsonschema.Draft202012Validator(load_schema("result")).validate(doc)
    assert doc["reports"][0]["file"].startswith("reports/恶意")


def test_sarif_parses_and_validates(results):
    out = render("sarif", results)
    assert_utf8(out)
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls(schema, format_checker=cls.FORMAT_CHECKER).validate(json.loads(out))


def test_junit_is_well_formed_xml(results):
    from lxml import etree

    out = render("junit", results)
    assert_utf8(out)
    root = ET.fromstring(out.encode("utf-8"))
    etree.fromstring(out.encode("utf-8"))  # lxml is stricter about characters
    assert root.tag == "testsuites" and int(root.get("failures")) >= 3
    texts = [e.text or "" for e in root.iter()] + [v for e in root.iter() for v in e.attrib.values()]
    assert any("</failure><script>" in t for t in texts)  # the markup is kept as text, not as XML


def test_junit_against_its_schema(results):
    import xmlschema

    xmlschema.XMLSchema(str(ROOT / "tests" / "data" / "junit.xsd")).validate(render("junit", results))


def test_html_parses_without_a_single_error(results):
    html5lib = pytest.importorskip("html5lib", reason="html5lib (a test dependency) parses the page as a browser does")
    out = render("html", results)
    assert_utf8(out)
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(out)
    assert parser.errors == []
    assert "<script>alert(1)" not in out and "&lt;script&gt;alert(1)" in out


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("color", [False, True])
def test_text_outputs_carry_nothing_a_terminal_obeys(results, fmt, color):
    out = render(fmt, results, color=color)
    assert_utf8(out)
    rest = SGR.sub("", out) if color and fmt == "text" else out
    bad = sorted({f"U+{ord(c):04X}" for c in TERMINAL_UNSAFE.findall(rest)})
    assert not bad, bad
    assert "pwned" in out or "]0;" not in out  # the text may stay; the sequence may not
    assert "标题" in out and "第二行" in out


def test_every_registered_format_renders(results):
    """Every format, the Word and Excel files included, renders the hostile report, and what it
    writes parses: text as UTF-8, an Office file's every XML part with lxml."""
    import io
    import zipfile

    from lxml import etree

    formats = list(Engine().host.formats)
    assert {"text", "json", "html", "markdown", "sarif", "junit"} <= set(formats)
    for fmt in formats:
        out = render(fmt, results)
        if isinstance(out, str):
            assert_utf8(out)
            continue
        with zipfile.ZipFile(io.BytesIO(out)) as package:
            parts = [n for n in package.namelist() if n.endswith((".xml", ".rels"))]
            assert parts, fmt
            for name in parts:
                etree.fromstring(package.read(name))
        if fmt == "docx":
            import docx

            document = docx.Document(io.BytesIO(out))
            cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
            assert any("标题" in c for c in cells)  # the findings quoting the hostile title are there
        if fmt == "xlsx":
            import openpyxl

            assert openpyxl.load_workbook(io.BytesIO(out)).sheetnames


def test_the_safety_functions():
    assert terminal_text("a\x1b]0;title\x07b\x1b[2Jc\x1b[31md\u202ee\x00f\tg\nh") == "abcdef\tg\nh"
    assert terminal_text("\x9b31mx\x1bcY") == "xY"
    assert xml_text("a\x00b\x0bc\ud800d\ufffee\tf\ng\rh") == "abc\ufffdde\tf\ng\rh"


def test_on_the_command_line(gov_check, tmp_path):
    doc = json.loads((EXAMPLES / "clean-2023.json").read_text(encoding="utf-8"))
    doc["metadata"]["title"] = HOSTILE
    doc["metadata"]["organ_name"] = "示例县人民政府" + HOSTILE
    doc["sections"][0]["heading"] = "一、" + HOSTILE
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("恶意\x1b[2J报告.json", "another.json"):  # JSON escapes carry the lone surrogates
        (folder / name).write_text(json.dumps(doc, ensure_ascii=True), encoding="utf-8")
    result = gov_check(folder, "--no-color", "--summary-csv", tmp_path / "s.csv", "--summary-json", tmp_path / "s.json",
                       "--write-baseline", tmp_path / "baseline.json")
    assert result.exit_code in (0, 1), result.output[-500:]
    assert not TERMINAL_UNSAFE.search(result.output), result.output[:300]
    json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert "示例县人民政府" in (tmp_path / "s.csv").read_text(encoding="utf-8-sig")
    json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    for fmt, parse in (("junit", ET.parse), ("html", lambda p: p.read_text(encoding="utf-8")),
                       ("json", lambda p: json.loads(p.read_text(encoding="utf-8"))),
                       ("sarif", lambda p: json.loads(p.read_text(encoding="utf-8"))),
                       ("markdown", lambda p: p.read_text(encoding="utf-8")), ("text", lambda p: p.read_text(encoding="utf-8"))):
        out = tmp_path / f"out.{fmt}"
        written = gov_check(folder, "--format", fmt, "-o", out)
        assert written.exit_code in (0, 1), (fmt, written.output[-300:])
        parse(out)
    missing = gov_check(tmp_path / "没有\x1b]0;pwned\x07.json")
    assert missing.exit_code == 2 and "\x1b" not in missing.output


@pytest.mark.parametrize("fmt", ["html", "docx", "markdown", "json"])
def test_year_over_year_comparison(fmt):
    """`gov-check compare` lays out both years' text and cells: the same rules hold for its formats."""
    import io

    from checker.compare import build
    from checker.output.compare import render_comparison

    engine = Engine()
    this = hostile_result()
    last_doc = json.loads(json.dumps(this.document))
    last_doc["metadata"]["report_year"] = 2022
    last_doc["sections"][2]["text"] = "上年" + HOSTILE
    last = engine.check(last_doc, file=FILE)
    comparison = build(last, replace(this, findings=list(this.findings)), engine.rule_classes())
    out = render_comparison(comparison, fmt)
    if fmt == "docx":
        import docx

        text = "\n".join(p.text for p in docx.Document(io.BytesIO(out)).paragraphs)
        assert "标题" in text
        return
    assert_utf8(out)
    if fmt == "json":
        json.loads(out)
    elif fmt == "markdown":
        assert not TERMINAL_UNSAFE.search(out)
    else:
        html5lib = pytest.importorskip("html5lib")
        parser = html5lib.HTMLParser(strict=False)
        parser.parse(out)
        assert [e for e in parser.errors if "invalid-codepoint" in str(e) or "control" in str(e)] == []
        assert "<script>alert(1)" not in out
