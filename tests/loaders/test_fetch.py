"""Reports published as a URL, fetched from a local HTTP server on 127.0.0.1 (no other network):
loopback refused unless --allow-private, a wrapper page followed to its attachment, redirects
checked, no cookies, the size limit and the time-out, every network error said in one line."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from checker.loaders import LoadError
from checker.loaders.fetch import FetchOptions, fetch
from tests.loaders.render import Style, layout, to_docx, to_html
from tests.loaders.test_loader_formats import documents, expected_document

CLEAN_TABLES = expected_document(documents()["clean"], "html", Style())["tables"]


class Site:
    """Pages by path: (status, headers, body); a body that is a float is a delay before answering."""

    def __init__(self):
        self.pages: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.requests: list[dict[str, str]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the stdlib's name
                site.requests.append({"path": self.path, **{k.lower(): v for k, v in self.headers.items()}})
                status, headers, body = site.pages.get(self.path, (404, {}, b"not here"))
                if isinstance(body, float):
                    time.sleep(body)
                    body = b"late"
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def add(self, path: str, body, kind: str = "text/html; charset=utf-8", status: int = 200, **headers: str) -> str:
        self.pages[path] = (status, {"Content-Type": kind, **headers}, body)
        return self.url + path


@pytest.fixture
def site():
    s = Site()
    yield s
    s.server.shutdown()
    s.server.server_close()


@pytest.fixture(scope="module")
def clean_page(tmp_path_factory):
    path = to_html(layout(documents()["clean"], Style()), tmp_path_factory.mktemp("page") / "page.html")
    return path.read_bytes()


def test_loopback_is_refused_without_allow_private(site, clean_page, gov_check):
    url = site.add("/nb/2023.html", clean_page)
    result = gov_check(url)
    assert result.exit_code == 2
    assert "非公网地址 127.0.0.1" in result.output and "--allow-private" in result.output
    assert site.requests == []  # refused before connecting


def test_convert_a_url_with_allow_private_reads_every_cell(site, clean_page, gov_check, tmp_path):
    url = site.add("/nb/2023.html", clean_page, **{"Set-Cookie": "session=1; Path=/"})
    out = tmp_path / "report.json"
    result = gov_check("convert", url, "-o", out, "--allow-private", "--save-source", tmp_path / "src")
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["tables"] == CLEAN_TABLES
    assert (tmp_path / "src" / "2023.html").read_bytes() == clean_page  # what was fetched, kept
    assert all("cookie" not in r for r in site.requests)


def test_check_a_url_runs_the_rules_on_it(site, clean_page, gov_check):
    url = site.add("/nb/2023.html", clean_page)
    result = gov_check(url, "--allow-private", "--format", "json", "--no-config")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["reports"][0]["findings"] == []


def test_a_wrapper_page_is_followed_to_its_word_attachment(site, gov_check, tmp_path):
    docx = to_docx(layout(documents()["clean"], Style()), tmp_path / "r.docx").read_bytes()
    site.add("/files/2023%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.docx", docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    wrapper = ('<html><body><div class="nav">首页 政务公开</div><h1>示例县人民政府2023年政府信息公开工作年度报告</h1>'
               '<p>附件：<a href="/files/2023%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.docx">2023年度报告.docx</a></p>'
               '<p><a href="/other.htm">相关链接</a></p></body></html>').encode()
    url = site.add("/nb/t2024.htm", wrapper)
    got = fetch(url, FetchOptions(allow_private=True, save_dir=tmp_path / "src"))
    assert got.path.suffix == ".docx" and got.path.read_bytes() == docx
    assert [p.name for p in got.saved] == ["t2024.htm", "2023年度报告.docx"]
    result = gov_check("convert", url, "-o", tmp_path / "r.json", "--allow-private")
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["tables"] == CLEAN_TABLES


def test_redirects_are_followed_and_checked_again(site, clean_page, tmp_path):
    site.add("/new.html", clean_page)
    url = site.add("/old.html", b"", status=301, Location="/new.html")
    got = fetch(url, FetchOptions(allow_private=True, save_dir=tmp_path))
    assert got.final_url.endswith("/new.html") and got.path.read_bytes() == clean_page
    loop = site.add("/loop", b"", status=302, Location="/loop")
    with pytest.raises(LoadError, match="重定向超过 5 次"):
        fetch(loop, FetchOptions(allow_private=True, save_dir=tmp_path))


@pytest.mark.parametrize("case, message", [
    ("missing", "HTTP 404"),
    ("large", "文件过大"),
    ("slow", "超时"),
    ("refused", "连接被拒绝"),
    ("scheme", "只能读取 http/https"),
])
def test_every_network_error_is_one_clear_line(case, message, site, tmp_path, gov_check):
    options = FetchOptions(allow_private=True, save_dir=tmp_path, timeout=0.5, max_bytes=1000)
    url = {"missing": site.url + "/none.html",
           "large": site.add("/big.html", b"<p>" + b"x" * 5000 + b"</p>"),
           "slow": site.add("/slow.html", 2.0),
           "refused": "http://127.0.0.1:9/x.html",
           "scheme": site.add("/to-ftp", b"", status=302, Location="ftp://example.org/x.pdf")}[case]
    with pytest.raises(LoadError, match=message) as err:
        fetch(url, options)
    assert str(err.value).startswith(url + ": ")
    if case == "missing":
        result = gov_check("convert", url, "--allow-private")
        assert result.exit_code == 2 and "HTTP 404" in result.output and "Traceback" not in result.output


def test_other_schemes_are_refused_with_a_reason(gov_check):
    result = gov_check("ftp://example.org/2023.pdf")
    assert result.exit_code == 2 and "只能读取 http/https 网址" in result.stderr


def test_private_address_names_resolved_are_refused(tmp_path):
    with pytest.raises(LoadError, match="非公网地址"):
        fetch("http://localhost:1/x.html", FetchOptions(save_dir=tmp_path))
    with pytest.raises(LoadError, match="非公网地址"):
        fetch("http://10.0.0.1/x.html", FetchOptions(save_dir=tmp_path))


def test_a_fetched_report_is_named_by_its_url_and_nothing_is_left_behind(site, clean_page, gov_check, tmp_path,
                                                                        monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where the temporary copy goes
    url = site.add("/nb/2023.html", clean_page)
    result = gov_check(url, "--allow-private", "--format", "json", "--no-config")
    assert json.loads(result.stdout)["reports"][0]["file"] == url
    assert list(tmp_path.iterdir()) == []
    notice = site.add("/nb/notice.html", "<html><body><p>会议通知</p><p>请准时参加。</p></body></html>".encode())
    result = gov_check("convert", notice, "--allow-private")
    assert result.exit_code == 2 and f"{notice}: 没有找到年度报告的标题" in result.stderr
    assert list(tmp_path.iterdir()) == []
