"""Seeds and structure-aware mutators, one per input kind gov-check reads.

Every mutator takes a ``random.Random`` and returns a :class:`Case`: the files to write into a fresh
folder and the command line to run on them (``@name`` stands for the file ``name`` in that folder).
The same seed gives the same case, so a failure found in a long run is reproduced by its seed alone;
Hypothesis drives the same functions through ``random.Random(seed)``.

Mutations follow the structure of each kind (the keys and cells of a report document, the lines and
headings of a text, the rows and spans of an HTML or Word table, the keys and types of a TOML file)
and add a little byte-level damage on top, so that both the deep paths (a rule meeting a strange
cell) and the shallow ones (a loader meeting a broken file) are reached.
"""

from __future__ import annotations

import copy
import functools
import io
import json
import random
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
MAX_CASE_BYTES = 1 << 20  # inputs stay under 1 MB: the properties (5 s, 500 MB) are promised for those

OUTPUT_FORMATS = ("text", "json", "html", "markdown", "sarif", "junit")


@dataclass
class Case:
    kind: str
    files: dict[str, bytes]
    args: list[str]
    output: str = "text"  # the output format asked for
    seed: int | None = None
    notes: list[str] = field(default_factory=list)

    def size(self) -> int:
        return sum(len(v) for v in self.files.values())


# -- hostile values --------------------------------------------------------------------------------

HOSTILE_STRINGS = [
    "", " ", "　", "—", "/", "-", "无", "0", "-0", "+5", "12,345", "1，234", "3.5", "1e400", "NaN", "Infinity", "²",
    "１２３", "〇", "二〇二三", "十二", "三万五千", "两", "9" * 25, "9" * 5000, "一" * 30, "〇" * 5000, "1" * 4301,
    "\x00", "\x07", "\x1b]0;pwned\x07", "\x1b[2J", "\x1b[31m红\x1b[0m", "\x0b\x0c", "\ufffe", "\uffff", "\u202e",
    "\u200b", "\r\n", "\r", "\t", "<script>alert(1)</script>", "]]>", "&amp;", "&#0;", "<", "\"'", "{0}", "{}", "%s",
    "${x}", "\\", "/tables/t3", "#", "政府信息公开" * 300, "（七）总计", "一、总体情况", "六、其他需要报告的事项",
    "2023年", "2023年1月1日至2023年12月31日", "〔2021〕30号", "第十二条", "本年新收政府信息公开申请数量",
]
HOSTILE_NUMBERS: list[Any] = [0, 1, -1, 7, 99, 2 ** 31, 2 ** 53 + 1, 2 ** 63, 10 ** 30, -10 ** 20, 10 ** 400, 1.5, -0.5,
                              1e308, -0.0, 0.1, 3.0]


def hostile_value(rng: random.Random, depth: int = 0) -> Any:
    roll = rng.random()
    if roll < 0.35:
        return rng.choice(HOSTILE_STRINGS)
    if roll < 0.65:
        return rng.choice(HOSTILE_NUMBERS)
    if roll < 0.75:
        return rng.choice([None, True, False])
    if roll < 0.85 or depth > 2:
        return rng.choice([[], {}, [1, "2", None], {"a": 1}, {"value": 3}])
    if roll < 0.9:
        return nested(rng.choice([10, 60, 70, 150]), rng.random() < 0.5)  # deeper: written as text (deep_json)
    return {rng.choice(["x", "metadata", "t3", "text", "0"]): hostile_value(rng, depth + 1)}


def nested(depth: int, arrays: bool) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value] if arrays else {"a": value}
    return value


def deep_json(depth: int, rng: random.Random) -> str:
    """A JSON value nested ``depth`` levels, written as text (json.dumps would recurse that deep)."""
    if rng.random() < 0.5:
        return "[" * depth + "1" + "]" * depth
    return '{"a": ' * depth + "1" + "}" * depth


def mutate_string(s: str, rng: random.Random) -> str:
    ops = [
        lambda: s + rng.choice(HOSTILE_STRINGS),
        lambda: rng.choice(HOSTILE_STRINGS) + s,
        lambda: _insert(s, rng.choice(HOSTILE_STRINGS), rng),
        lambda: s[: rng.randint(0, len(s))],
        lambda: s * rng.randint(2, 5),
        lambda: re.sub(r"\d+", lambda m: str(rng.choice(HOSTILE_NUMBERS)), s),
        lambda: s.replace("、", rng.choice(["．", ".", " ", "、、", ""])),
        lambda: "".join(ch for ch in s if rng.random() > 0.1),
        lambda: s.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"}),  # full-width digits
    ]
    return rng.choice(ops)()


def _insert(s: str, piece: str, rng: random.Random) -> str:
    at = rng.randint(0, len(s))
    return s[:at] + piece + s[at:]


def damage_bytes(data: bytes, rng: random.Random) -> bytes:
    """Byte-level damage: flips, a cut, a repeated or deleted slice."""
    if not data:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 64)))
    b = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.random()
        at = rng.randrange(len(b)) if b else 0
        if op < 0.4 and b:
            b[at] = rng.randrange(256)
        elif op < 0.55:
            del b[at:]
        elif op < 0.75 and b:
            end = min(len(b), at + rng.randint(1, 512))
            piece = b[at:end] * rng.randint(1, 8)
            b[at:at] = piece
        elif op < 0.9:
            del b[at:at + rng.randint(1, 512)]
        else:
            b[at:at] = rng.choice([b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\x1b[2J", b"\r", "\ud800".encode("utf-8", "surrogatepass")])
        if not b:
            break
    return bytes(b[:MAX_CASE_BYTES])


# -- seeds -----------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def seed_documents() -> tuple[dict[str, Any], ...]:
    return tuple(json.loads((EXAMPLES / n).read_text(encoding="utf-8")) for n in ("clean-2023.json", "yangquan-2023.json"))


@functools.lru_cache(maxsize=None)
def seed_lines() -> tuple[str, ...]:
    return tuple((EXAMPLES / "yangquan-2023.txt").read_text(encoding="utf-8").splitlines())


@functools.lru_cache(maxsize=None)
def seed_pdf() -> bytes:
    return (EXAMPLES / "huaian-2024.pdf").read_bytes()


@functools.lru_cache(maxsize=None)
def rule_options() -> dict[str, dict[str, Any]]:
    from checker.plugins import PluginHost

    return {code: {k: o.default for k, o in cls.options.items()} for code, cls in PluginHost().rules.items()}


_NUMBER_TOKEN = re.compile(r"^[\d,，.]+$|^[—/-]$")


def _is_row(line: str) -> bool:
    tokens = line.split()
    return len(tokens) >= 3 and sum(bool(_NUMBER_TOKEN.match(t)) for t in tokens) >= 2


HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


# -- report kinds ----------------------------------------------------------------------------------

def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out.extend(_paths(v, prefix + (k,)))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out.extend(_paths(v, prefix + (i,)))
    return out


def _get(node: Any, path: tuple) -> Any:
    for key in path:
        node = node[key]
    return node


def mutate_document(doc: Any, rng: random.Random, ops: int | None = None) -> Any:
    """Structure-aware changes to a JSON document: values replaced by hostile ones, keys deleted,
    renamed or added, list items repeated or dropped, containers swapped for other types."""
    doc = copy.deepcopy(doc)
    for _ in range(ops or rng.randint(1, 8)):
        paths = _paths(doc)
        path = rng.choice(paths)
        if not path:
            if rng.random() < 0.05:
                doc = hostile_value(rng)
            continue
        parent, key = _get(doc, path[:-1]), path[-1]
        value = parent[key]
        op = rng.random()
        if op < 0.4:
            parent[key] = hostile_value(rng)
        elif op < 0.55 and isinstance(value, str):
            parent[key] = mutate_string(value, rng)
        elif op < 0.65:
            del parent[key]
        elif op < 0.72 and isinstance(parent, list):
            parent.insert(key, copy.deepcopy(value))
        elif op < 0.8 and isinstance(parent, dict):
            parent[rng.choice([str(key) + "_", "extra", "", "tables", "metadata", "sections", "parsed_json",
                               "natural_person", "total"])] = hostile_value(rng)
        elif op < 0.87 and isinstance(value, list) and value:
            value[:] = value * rng.randint(2, 20) if len(json.dumps(value, default=str)) < 20_000 else value[:1]
        elif op < 0.93:
            other = _get(doc, rng.choice(paths))
            if other is not value:
                parent[key] = copy.deepcopy(other) if len(json.dumps(other, default=str)) < 200_000 else None
        else:
            parent[key] = {"x": value} if rng.random() < 0.5 else [value]
    return doc


def encode_json(doc: Any, rng: random.Random) -> bytes:
    text = json.dumps(doc, ensure_ascii=rng.random() < 0.3, indent=rng.choice([None, 1, 2]))
    if rng.random() < 0.03:  # a value nested past any limit, where a value was
        at = text.find(":", rng.randrange(len(text))) + 1
        if at:
            text = text[:at] + deep_json(rng.choice([65, 500, 5000, 100_000]), rng) + "," + text[at:]
    roll = rng.random()
    if roll < 0.05:
        return text.encode("utf-16")
    if roll < 0.1:
        return text.encode("gb18030", errors="replace")
    if roll < 0.13:
        return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    data = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.12:
        data = damage_bytes(data, rng)
    return data


def _report_args(name: str, rng: random.Random, output: str) -> list[str]:
    args = ["check", f"@{name}", "--no-config", "-f", output]
    if rng.random() < 0.2:
        args += ["--lang", "en"]
    if rng.random() < 0.15:
        args.append(rng.choice(["-v", "--statistics", "-q"]))
    if rng.random() < 0.1:
        args += ["--fail-on", rng.choice(["warning", "info", "never"])]
    if rng.random() < 0.1:
        args += ["--organ-kind", rng.choice(["department", "county_government", "subdistrict_office"])]
    return args


def json_case(rng: random.Random, output: str) -> Case:
    doc = mutate_document(rng.choice(seed_documents()), rng)
    return Case("json", {"report.json": encode_json(doc, rng)}, _report_args("report.json", rng, output), output)


def peer_case(rng: random.Random, output: str) -> Case:
    """The KIROGOVCOMPARE shape (read by checker/loaders/peer.py), mutated."""
    doc = {"title": rng.choice(["示例县人民政府2023年政府信息公开工作年度报告", "2023年", "", "x/y\\示例局2023 年报告"]),
           "sections": [
               {"type": "text", "title": "一、总体情况", "content": "本年度主动公开信息15条。"},
               {"type": "table_2", "activeDisclosureData": {"regulations": {"made": 1, "repealed": 0, "valid": 3}}},
               {"type": "table_3", "tableData": {"naturalPerson": {"newReceived": 5, "carriedOver": 1,
                                                                  "results": {"granted": 3, "totalProcessed": 6},
                                                                  "carriedForward": 0},
                                                 "total": {"newReceived": 5}}},
               {"type": "table_4", "reviewLitigationData": {"review": {"maintain": 1, "total": 1}}}]}
    doc = mutate_document(doc, rng)
    if rng.random() < 0.2:
        doc = {"parsed_json": json.dumps(doc) if rng.random() < 0.5 else doc}
    return Case("peer", {"peer.json": encode_json(doc, rng)}, _report_args("peer.json", rng, output), output)


def mutate_lines(lines: list[str], rng: random.Random) -> list[str]:
    lines = list(lines)
    for _ in range(rng.randint(1, 10)):
        if not lines:
            lines = [rng.choice(HOSTILE_STRINGS)]
        i = rng.randrange(len(lines))
        op = rng.random()
        if op < 0.15:
            del lines[i]
        elif op < 0.25:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op < 0.35:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op < 0.6:
            lines[i] = mutate_string(lines[i], rng)
        elif op < 0.7:
            lines.insert(i, rng.choice(HEADINGS + HOSTILE_STRINGS))
        elif op < 0.78:
            tokens = lines[i].split()
            if tokens:
                tokens[rng.randrange(len(tokens))] = str(rng.choice(HOSTILE_NUMBERS + HOSTILE_STRINGS[:30]))
                lines[i] = rng.choice([" ", "\t", "　", "  "]).join(tokens)
        elif op < 0.83:
            k = rng.randint(2, 60)
            body = lines * k
            lines = body[: max(1, MAX_CASE_BYTES // 64)]  # a repeated report body, kept under 1 MB
        elif op < 0.9:
            lines[i:i + 2] = [" ".join(lines[i:i + 2])]
        elif op < 0.95:
            at = rng.randint(0, len(lines[i]))
            lines[i:i + 1] = [lines[i][:at], lines[i][at:]]
        else:
            del lines[rng.randrange(len(lines)):]
    return lines


def _text_bytes(text: str, rng: random.Random) -> bytes:
    roll = rng.random()
    if roll < 0.05:
        data = text.encode("gb18030", errors="replace")
    elif roll < 0.08:
        data = text.encode("utf-16")
    else:
        data = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.1:
        data = damage_bytes(data, rng)
    return data[:MAX_CASE_BYTES]


def text_case(rng: random.Random, output: str) -> Case:
    lines = mutate_lines(list(seed_lines()), rng)
    name = rng.choice(["report.txt", "report.text", "report"])
    return Case("text", {name: _text_bytes("\n".join(lines), rng)}, _report_args(name, rng, output), output)


def markdown_lines(lines: list[str]) -> list[str]:
    out: list[str] = []
    in_table = False
    for line in lines:
        if _is_row(line):
            cells = line.split()
            if not in_table:
                out.append("| " + " | ".join(cells) + " |")
                out.append("|" + "---|" * len(cells))
                in_table = True
            else:
                out.append("| " + " | ".join(cells) + " |")
            continue
        in_table = False
        out.append(("## " + line) if any(line.startswith(h[:2]) for h in HEADINGS) else line)
    return out


def markdown_case(rng: random.Random, output: str) -> Case:
    lines = mutate_lines(markdown_lines(list(seed_lines())), rng)
    if rng.random() < 0.3:
        lines = [ln.replace("|", rng.choice(["||", "", "｜", "|\\|"])) if rng.random() < 0.2 else ln for ln in lines]
    return Case("markdown", {"report.md": _text_bytes("\n".join(lines), rng)}, _report_args("report.md", rng, output),
                output)


# Body elements shared by the HTML and Word builders: ("p", text) or ("row", [cells], {attrs per cell}).
def body_elements(rng: random.Random) -> list[tuple]:
    lines = mutate_lines(list(seed_lines()), rng) if rng.random() < 0.6 else list(seed_lines())
    out: list[tuple] = []
    for line in lines:
        if _is_row(line):
            out.append(("row", line.split()))
        elif line.strip():
            out.append(("p", line))
    return out


_SPAN_VALUES = ["0", "1", "2", "3", "-1", "63", "64", "1000", "2000000000", "99999999999999999999999", "x", "", "1.5",
                " 2", "9" * 5000]


def html_case(rng: random.Random, output: str) -> Case:
    parts = []
    in_table = False
    for el in body_elements(rng):
        if el[0] == "row":
            if not in_table:
                parts.append("<table>" if rng.random() < 0.95 else "<table><table>")
                in_table = True
            cells = []
            for c in el[1]:
                attrs = ""
                if rng.random() < 0.03:
                    attrs = f' {rng.choice(["colspan", "rowspan"])}="{rng.choice(_SPAN_VALUES)}"'
                tag = "th" if rng.random() < 0.05 else "td"
                text = c if rng.random() > 0.02 else mutate_string(c, rng)
                cells.append(f"<{tag}{attrs}>{_html_text(text, rng)}</{tag}>")
            parts.append("<tr>" + "".join(cells) + ("</tr>" if rng.random() > 0.02 else ""))
        else:
            if in_table:
                parts.append("</table>" if rng.random() > 0.02 else "")
                in_table = False
            tag = "h2" if any(el[1].startswith(h[:2]) for h in HEADINGS) else rng.choice(["p", "p", "div", "span", "li"])
            parts.append(f"<{tag}>{_html_text(el[1], rng)}</{tag}>")
    for _ in range(rng.randint(0, 3)):
        parts.insert(rng.randint(0, len(parts)), rng.choice([
            "<script>document.write('一、总体情况')</script>", "<style>p{}</style>", "<!-- 一、总体情况 -->", "&#0;",
            "&#x1b;[2J", "&#xD800;", "&nbsp;" * 50, "<br>" * 20, "<td colspan=99999999>1</td>", "<![CDATA[x]]>",
            "<table>" * 30, "</table>" * 5, "<p>" * 200, "<table>" + "<tr></tr>" * 50_000 + "</table>"]))
    charset = rng.choice(["utf-8", "utf-8", "gbk", "gb2312", "big5", "latin-1", "bogus"])
    html = (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>示例</title></head><body>'
            + "\n".join(parts) + "</body></html>")
    data = _text_bytes(html, rng)
    return Case("html", {"report.html": data}, _report_args("report.html", rng, output), output)


def _html_text(text: str, rng: random.Random) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return text if rng.random() > 0.05 else text + rng.choice(["&#12;", "&#x0;", "&bogus;", "&#99999999;", "&lt"])


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_package(body_xml: str, rng: random.Random | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml",
                    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                    '<Default Extension="xml" ContentType="application/xml"/>'
                    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                    'officedocument.wordprocessingml.document.main+xml"/></Types>')
        zf.writestr("_rels/.rels",
                    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                    '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        doctype = '<!DOCTYPE x [<!ENTITY a "aaaa">]>' if rng is not None and rng.random() < 0.02 else ""
        zf.writestr("word/document.xml", f'<?xml version="1.0"?>{doctype}<w:document xmlns:w="{_W_NS}"><w:body>'
                                         f"{body_xml}</w:body></w:document>")
    return buf.getvalue()


def _xml_text(text: str) -> str:
    text = "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20 and not 0xD800 <= ord(ch) <= 0xDFFF
                   and ch not in "\ufffe\uffff")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _w_p(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{_xml_text(text)}</w:t></w:r></w:p>"


def docx_case(rng: random.Random, output: str) -> Case:
    parts = []
    rows: list[str] = []

    def flush() -> None:
        if rows:
            wrap = rng.random()
            empty = "<w:tr/>" * rng.choice([1000, 100_000, 1_000_000]) if rng.random() < 0.01 else ""
            table = "<w:tbl>" + "".join(rows) + empty + "</w:tbl>"
            if wrap < 0.03:
                table = f"<w:tbl><w:tr><w:tc>{table}<w:p/></w:tc></w:tr></w:tbl>"  # a table inside a cell
            elif wrap < 0.05:
                table = f"<w:sdt><w:sdtContent>{table}</w:sdtContent></w:sdt>"
            parts.append(table)
            rows.clear()

    for el in body_elements(rng):
        if el[0] == "row":
            tr_pr = ""
            if rng.random() < 0.03:
                tr_pr = f'<w:trPr><w:gridBefore w:val="{rng.choice(_SPAN_VALUES)}"/></w:trPr>'
            cells = []
            for c in el[1]:
                pr = ""
                if rng.random() < 0.05:
                    pr = f'<w:gridSpan w:val="{rng.choice(_SPAN_VALUES)}"/>'
                if rng.random() < 0.05:
                    pr += rng.choice(['<w:vMerge/>', '<w:vMerge w:val="restart"/>', '<w:vMerge w:val="continue"/>',
                                      '<w:vMerge w:val="bogus"/>'])
                cells.append(f"<w:tc>{'<w:tcPr>' + pr + '</w:tcPr>' if pr else ''}{_w_p(c)}</w:tc>")
            rows.append(f"<w:tr>{tr_pr}{''.join(cells)}</w:tr>" * (rng.randint(2, 500) if rng.random() < 0.01 else 1))
        else:
            flush()
            parts.append(_w_p(el[1]))
    flush()
    data = docx_package("".join(parts), rng)
    roll = rng.random()
    if roll < 0.08:
        data = damage_bytes(data, rng)
    elif roll < 0.12:  # the encrypted flag on every entry
        b = bytearray(data)
        for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            i = b.find(sig)
            while i != -1 and i + off < len(b):
                b[i + off] |= 1
                i = b.find(sig, i + 4)
        data = bytes(b)
    elif roll < 0.16:  # damage inside the deflate stream of the last entry only
        start = data.rfind(b"word/document.xml", 0, data.find(b"PK\x01\x02")) + 30
        end = min(len(data), start + 50)
        data = data[:start] + bytes(rng.randrange(256) for _ in range(end - start)) + data[end:]
    return Case("docx", {"report.docx": data}, _report_args("report.docx", rng, output), output)


def pdf_case(rng: random.Random, output: str) -> Case:
    """The example PDF, damaged (cheap mutations only: a PDF takes ~0.2 s a page to read)."""
    data = seed_pdf()
    roll = rng.random()
    if roll < 0.4:
        data = damage_bytes(data, rng)
    elif roll < 0.7:
        data = re.sub(rb"/Length \d+", lambda m: b"/Length " + str(rng.choice([0, 1, 10 ** 12, 99999])).encode(), data,
                      count=rng.randint(1, 5))
    elif roll < 0.85:
        data = data.replace(b"/Count ", b"/Count 9999999", 1)
    else:
        data = data[: rng.randint(0, len(data))]
    return Case("pdf", {"report.pdf": data}, _report_args("report.pdf", rng, output), output)


# -- settings files --------------------------------------------------------------------------------

def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        text = repr(value)
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(text, text)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).replace("\\u", "\\u")  # JSON escapes are TOML's
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k))} = {toml_value(v)}" for k, v in value.items()) + "}"
    return '""'


TOML_NUMBERS = ["0", "1", "-1", "0.5", "1e400", "-1e400", "inf", "nan", "-0.0", "99999999999999999999999999", "1e30",
                "86400", "3", "64", "1_000", "0x10", "2023-01-01", "true", '"10"', "[]", "{}"]


def _toml_any(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.5:
        return rng.choice(TOML_NUMBERS)
    if roll < 0.8:
        return toml_value(rng.choice(HOSTILE_STRINGS)[:200])
    return toml_value(rng.choice([[1, 2], ["GC2"], [], {"a": 1}, ["a", "b"]]))


def config_text(rng: random.Random, extends: list[str] | None = None) -> str:
    top = {
        "profile": lambda: toml_value(rng.choice(["national", "national-2021", "national-2019", "nowhere", ""])),
        "select": lambda: toml_value(rng.sample(["GC2", "GC3", "GC0", "ALL", "", "t3-balance", "ZZ", "GC9"], rng.randint(0, 3))),
        "ignore": lambda: toml_value(rng.sample(["GC011", "GC2", "", "GC900", "GC001"], rng.randint(0, 2))),
        "fail_on": lambda: toml_value(rng.choice(["error", "warning", "info", "never", "fatal"])),
        "lang": lambda: toml_value(rng.choice(["zh", "en", "fr"])),
        "organ_kind": lambda: toml_value(rng.choice(["department", "county_government", "cat"])),
        "plugins": lambda: toml_value(rng.choice([[], ["missing.py"], ["."], ["/dev/null"]])),
        "waivers": lambda: toml_value(rng.choice(["waivers.toml", "missing.toml", "/dev/zero", ".", ""])),
        "extends": lambda: toml_value(rng.choice(extends or ["gov-check.toml", "base.toml", "/dev/zero", "missing.toml",
                                                             ".", "/dev/null"])),
    }
    lines = []
    for key in rng.sample(sorted(top), rng.randint(0, 4)):
        lines.append(f"{key} = {top[key]() if rng.random() > 0.2 else _toml_any(rng)}")
    if rng.random() < 0.5:
        lines.append("[limits]")
        for key in rng.sample(["file_mb", "unpacked_mb", "blocks", "pdf_pages", "json_depth", "rule_seconds", "bogus"],
                              rng.randint(1, 3)):
            lines.append(f"{key} = {rng.choice(TOML_NUMBERS)}")
    options = rule_options()
    for _ in range(rng.randint(0, 3)):
        code = rng.choice(list(options) + ["GC999", "gc204", "ZZ001", "XYZ", "GC2"])
        lines.append(f"[rules.{code}]")
        if rng.random() < 0.6:
            lines.append(f"severity = {toml_value(rng.choice(['error', 'warning', 'info', 'fatal', 1]))}")
        keys = list(options.get(code, {})) + ["waivers", "fail_on", "plugins", "file_mb", "ngram", "colour"]
        for key in rng.sample(keys, rng.randint(0, 2)):
            default = options.get(code, {}).get(key)
            value = toml_value(default) if default is not None and rng.random() < 0.3 else _toml_any(rng)
            lines.append(f"{key} = {value}")
    if rng.random() < 0.2:
        lines.append("[organ_kinds]")
        lines.append(f'{toml_value(rng.choice(["*局", "*", "[", "示例*"]))} = {toml_value(rng.choice(["department", "x"]))}')
    text = "\n".join(lines) + "\n"
    if rng.random() < 0.15:
        text = mutate_string(text, rng)
    return text


def _example_report(rng: random.Random) -> tuple[str, bytes]:
    name = rng.choice(["yangquan-2023.json", "clean-2023.json", "yangquan-2023.txt"])
    return name, (EXAMPLES / name).read_bytes()


def config_case(rng: random.Random, output: str) -> Case:
    name, report = _example_report(rng)
    files = {name: report, "gov-check.toml": _text_bytes(config_text(rng), rng)}
    if rng.random() < 0.5:
        files["base.toml"] = _text_bytes(config_text(rng, ["gov-check.toml", "base.toml", "/dev/zero"]), rng)
    if rng.random() < 0.3:
        files["waivers.toml"] = waivers_text(rng).encode("utf-8", "surrogatepass")
    args = ["check", f"@{name}", "--config", "@gov-check.toml", "-f", output]
    return Case("config", files, args, output)


def waivers_text(rng: random.Random) -> str:
    codes = list(rule_options())
    lines = []
    for _ in range(rng.randint(0, 4)):
        lines.append("[[waivers]]")
        fields = {
            "rule": lambda: toml_value(rng.choice(codes + ["GC999", "", "gc204", "*"])),
            "place": lambda: toml_value(rng.choice(["/tables/t3/new_received/total", "表三 · 自然人 · 一、本年新收政府信息公开申请数量",
                                                    "", "/", "#", "/sections/999", "表九"])),
            "reason": lambda: toml_value(rng.choice(["核实无误", "", " ", "x" * 3000])),
            "approved_by": lambda: toml_value(rng.choice(["张三", "", 5])),
            "until": lambda: rng.choice(["2030-01-01", "2000-01-01", '"2030-01-01"', "1979-05-27T07:32:00Z", "0",
                                         '"明年"', "9999-12-31"]),
        }
        for key in rng.sample(sorted(fields), rng.randint(1, 5)):
            lines.append(f"{key} = {fields[key]() if rng.random() > 0.15 else _toml_any(rng)}")
        if rng.random() < 0.1:
            lines.append(f"bogus = {_toml_any(rng)}")
    if rng.random() < 0.1:
        lines.insert(0, f"extra = {_toml_any(rng)}")
    text = "\n".join(lines) + "\n"
    return mutate_string(text, rng) if rng.random() < 0.1 else text


def waivers_case(rng: random.Random, output: str) -> Case:
    name, report = _example_report(rng)
    return Case("waivers", {name: report, "waivers.toml": _text_bytes(waivers_text(rng), rng)},
                ["check", f"@{name}", "--no-config", "--waivers", "@waivers.toml", "-f", output], output)


@functools.lru_cache(maxsize=None)
def seed_baseline() -> dict[str, Any]:
    entry = {"report": "yangquan-2023.json", "code": "GC204", "message": "balance",
             "pointers": ["/tables/t3/new_received/total"], "args": {"column": "合计", "left": 5, "right": [1, 2]},
             "expected": 5, "actual": 4, "difference": 1}
    return {"gov_check_baseline": 1, "findings": [entry, dict(entry, code="GC011", pointers=[])]}


def baseline_case(rng: random.Random, output: str) -> Case:
    doc = mutate_document(seed_baseline(), rng)
    data = encode_json(doc, rng)
    if rng.random() < 0.05:
        data = ('{"gov_check_baseline": 1, "findings": [' + deep_json(rng.choice([50, 900, 5000, 100_000]), rng)
                + "]}").encode()
    elif rng.random() < 0.02:
        data = b"[" * 200_000
    name, report = _example_report(rng)
    return Case("baseline", {name: report, "baseline.json": data},
                ["check", f"@{name}", "--no-config", "--baseline", "@baseline.json", "-f", output], output)


def _organ_table(rng: random.Random) -> dict[str, Any]:
    names = ["阳泉市人民政府", "示例市人民政府", "", " ", "阳泉市", "x" * 300, "\x1b[2J"]
    return {rng.choice(names): (rng.choice(names) if rng.random() > 0.1 else hostile_value(rng))
            for _ in range(rng.randint(0, 4))}


def _mapping_file(data: Any, rng: random.Random) -> tuple[str, bytes]:
    if rng.random() < 0.4:
        return "map.json", encode_json(data, rng)
    if isinstance(data, dict):
        lines = []
        for k, v in data.items():
            if isinstance(v, dict):
                lines.append(f"[{json.dumps(str(k), ensure_ascii=False)}]")
                lines += [f"{json.dumps(str(kk), ensure_ascii=False)} = {toml_value(vv)}" for kk, vv in v.items()]
            elif isinstance(v, list) and all(isinstance(x, dict) for x in v):
                for item in v:
                    lines.append(f"[[{k}]]")
                    lines += [f"{json.dumps(str(kk), ensure_ascii=False)} = {toml_value(vv)}" for kk, vv in item.items()]
            else:
                lines.insert(0, f"{json.dumps(str(k), ensure_ascii=False)} = {toml_value(v)}")
        text = "\n".join(lines) + "\n"
    else:
        text = toml_value(data)
    return "map.toml", _text_bytes(mutate_string(text, rng) if rng.random() < 0.1 else text, rng)


def _batch_reports(rng: random.Random) -> dict[str, bytes]:
    yq = json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8"))
    prev = copy.deepcopy(yq)
    prev["metadata"]["report_year"] = 2022
    if rng.random() < 0.3:
        prev = mutate_document(prev, rng, 2)
    return {"now/yangquan-2023.json": json.dumps(yq, ensure_ascii=False).encode("utf-8"),
            "prev/yangquan-2022.json": json.dumps(prev, ensure_ascii=False).encode("utf-8", "surrogatepass")}


def organ_map_case(rng: random.Random, output: str) -> Case:
    data: Any = {"organs": _organ_table(rng)} if rng.random() < 0.7 else _organ_table(rng)
    if rng.random() < 0.15:
        data = mutate_document(data, rng)
    name, content = _mapping_file(data, rng)
    files = {**_batch_reports(rng), name: content}
    return Case("organ_map", files, ["check", "@now", "--no-config", "--jobs", "1", "--previous-dir", "@prev",
                                     "--organ-map", f"@{name}", "-f", output], output)


def hierarchy_case(rng: random.Random, output: str) -> Case:
    entries = ["阳泉市人民政府", "now/yangquan-2023.json", "units/丙县.json", "../../../etc/passwd", "/dev/zero", "", "now",
               "prev/yangquan-2022.json", "x" * 300]
    regions = []
    for _ in range(rng.randint(0, 3)):
        region: dict[str, Any] = {"summary": rng.choice(entries), "units": rng.sample(entries, rng.randint(0, 3))}
        if rng.random() < 0.4:
            region["name"] = rng.choice(["示例市", "", 5])
        if rng.random() < 0.3:
            region["tables"] = rng.choice([["t3"], ["t2", "t4"], ["t9"], [], "t3"])
        regions.append(region)
    data: Any = {"region": regions}
    if rng.random() < 0.2:
        data = mutate_document(data, rng)
    name, content = _mapping_file(data, rng)
    files = {**_batch_reports(rng), name: content}
    return Case("hierarchy", files, ["check", "@now", "--no-config", "--jobs", "1", "--hierarchy", f"@{name}",
                                     "-f", output], output)


def previous_case(rng: random.Random, output: str) -> Case:
    """Last year's report (--previous), mutated, beside this year's example."""
    yq = json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8"))
    prev = copy.deepcopy(yq)
    prev["metadata"]["report_year"] = rng.choice([2022, 2022, 2023, 1900, "2022"])
    prev = mutate_document(prev, rng)
    if rng.random() < 0.2:
        prev_name, prev_data = "prev.txt", _text_bytes("\n".join(mutate_lines(list(seed_lines()), rng)), rng)
    else:
        prev_name, prev_data = "prev.json", encode_json(prev, rng)
    return Case("previous", {"yangquan-2023.json": json.dumps(yq, ensure_ascii=False).encode(), prev_name: prev_data},
                ["check", "@yangquan-2023.json", "--no-config", "--previous", f"@{prev_name}", "-f", output], output)


# Kind → (mutator, weight in a long run).  PDF is rare: one costs as much as fifty text inputs.
KINDS: dict[str, tuple[Callable[[random.Random, str], Case], float]] = {
    "json": (json_case, 3.0), "peer": (peer_case, 1.0), "text": (text_case, 3.0), "markdown": (markdown_case, 1.5),
    "html": (html_case, 2.0), "docx": (docx_case, 2.0), "pdf": (pdf_case, 0.08), "config": (config_case, 1.5),
    "waivers": (waivers_case, 1.0), "baseline": (baseline_case, 1.0), "organ_map": (organ_map_case, 0.7),
    "hierarchy": (hierarchy_case, 0.7), "previous": (previous_case, 1.0),
}


def make_case(seed: int, kind: str | None = None) -> Case:
    """The case for ``seed`` (and, when given, of this kind); the same seed always gives the same case."""
    rng = random.Random(seed)
    if kind is None:
        names = list(KINDS)
        kind = rng.choices(names, weights=[KINDS[k][1] for k in names])[0]
    output = rng.choice(OUTPUT_FORMATS)
    case = KINDS[kind][0](rng, output)
    case.seed = seed
    for name, data in case.files.items():
        if len(data) > MAX_CASE_BYTES:
            case.files[name] = data[:MAX_CASE_BYTES]
    return case
