"""Reports published as a URL: fetch the page — and the PDF or Word attachment a page links to when
it is only a wrapper around it — into a local file that the loaders then read like any other.

Fetching is deliberately narrow: http and https only, a time-out on every step and on the whole,
the [limits] file size (checked against Content-Length and while reading), at most five redirects,
each checked again; no cookies are kept or sent, no compression is asked for (so the size limit is
the size read).  Addresses that are private, loopback, link-local or otherwise not public are
refused unless the user allows them (``--allow-private``, for an intranet or a test server): the
connection goes to the very address that was checked, so a second DNS answer cannot redirect it.
Every network failure is a :class:`~checker.loaders.LoadError` naming the URL and what went wrong.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.loaders import DEFAULT_MAX_BYTES, LoadError, raise_with

if TYPE_CHECKING:  # the network modules (ssl above all) are imported only when a URL is fetched
    import http.client

DEFAULT_TIMEOUT = 30.0  # seconds for the whole download of one file
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "application/pdf": ".pdf",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
          "application/msword": ".doc", "text/plain": ".txt", "application/json": ".json"}
_ATTACHMENT = re.compile(r"\.(pdf|docx|doc|wps)$", re.I)


@dataclass(frozen=True)
class FetchOptions:
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    allow_private: bool = False  # loopback, private and link-local addresses (an intranet, a test server)
    save_dir: Path | None = None  # keep what was fetched there (default: a temporary folder)


@dataclass(frozen=True)
class Fetched:
    url: str  # the URL asked for
    final_url: str  # after redirects
    path: Path  # the local copy the loaders read (the attachment when the page wrapped one)
    saved: tuple[Path, ...]  # every file written, in order (the page, then its attachment)


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")


def is_url(arg: str) -> bool:
    """A URL rather than a file (any scheme: one other than http/https is refused with a reason)."""
    return bool(_SCHEME.match(arg))


def _refused(ip: Any) -> bool:
    return not ip.is_global or ip.is_multicast


def _address(url: str, host: str, port: int, options: FetchOptions) -> str:
    """The address to connect to: the first the name resolves to, once every one is checked."""
    import ipaddress
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise LoadError(url, f"无法解析域名「{host}」（{exc.strerror or exc}），请检查网址和网络连接") from None
    except UnicodeError:
        raise LoadError(url, f"域名「{host}」无效") from None
    addresses = [info[4][0] for info in infos]
    if not options.allow_private:
        for a in addresses:
            if _refused(ipaddress.ip_address(a.split("%")[0])):
                raise LoadError(url, f"「{host}」指向非公网地址 {a}（本机、内网或保留地址），出于安全考虑不访问；"
                                     "确需检查内网上的报告时请加 --allow-private")
    return addresses[0]


def _connection(scheme: str, host: str, port: int, address: str, timeout: float) -> http.client.HTTPConnection:
    """A connection to ``address`` that still speaks to ``host`` (Host header, TLS name and certificate)."""
    import http.client
    import socket
    import ssl

    if scheme == "https":
        context = ssl.create_default_context()

        class Pinned(http.client.HTTPSConnection):
            def connect(self) -> None:
                sock = socket.create_connection((address, self.port), self.timeout)
                self.sock = context.wrap_socket(sock, server_hostname=host)

        return Pinned(host, port, timeout=timeout, context=context)

    class PinnedPlain(http.client.HTTPConnection):
        def connect(self) -> None:
            self.sock = socket.create_connection((address, self.port), self.timeout)

    return PinnedPlain(host, port, timeout=timeout)


def _get(url: str, options: FetchOptions, deadline: float) -> tuple[str, str, bytes]:
    """(final URL, content type, body) of one GET, redirects followed and every hop checked."""
    import http.client
    import socket
    import ssl
    from urllib.parse import urljoin, urlsplit

    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        parts = urlsplit(current)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise LoadError(url, f"只能读取 http/https 网址（得到「{current}」）")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = _address(url, parts.hostname, port, options)
        left = deadline - time.monotonic()
        if left <= 0:
            raise LoadError(url, f"下载超时（超过 {options.timeout:g} 秒）")
        conn = _connection(parts.scheme, parts.hostname, port, address, left)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            conn.request("GET", target, headers={"User-Agent": "gov-check (report checker)", "Accept": "*/*",
                                                 "Accept-Encoding": "identity", "Connection": "close"})
            response = conn.getresponse()
            if response.status in (301, 302, 303, 307, 308):
                location = response.getheader("Location")
                if not location:
                    raise LoadError(url, f"服务器返回重定向（HTTP {response.status}）但没有给出新地址")
                current = urljoin(current, location)
                continue
            if response.status != 200:
                raise LoadError(url, f"服务器返回 HTTP {response.status}（{response.reason or '错误'}），未能取得报告")
            length = response.getheader("Content-Length")
            if length and length.isdigit() and int(length) > options.max_bytes:
                raise LoadError(url, f"文件过大（{int(length) / 1048576:.1f} MB），超过上限 "
                                     f"{options.max_bytes / 1048576:.0f} MB" + raise_with("file_mb"))
            body = bytearray()
            while True:
                if time.monotonic() > deadline:
                    raise LoadError(url, f"下载超时（超过 {options.timeout:g} 秒）")
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                body += chunk
                if len(body) > options.max_bytes:
                    raise LoadError(url, f"文件过大，超过上限 {options.max_bytes / 1048576:.0f} MB" + raise_with("file_mb"))
            kind = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
            return current, kind, bytes(body)
        except LoadError:
            raise
        except (socket.timeout, TimeoutError):
            raise LoadError(url, f"连接或下载超时（超过 {options.timeout:g} 秒）") from None
        except ConnectionRefusedError:
            raise LoadError(url, f"连接被拒绝（{parts.hostname}:{port} 没有在提供网页服务）") from None
        except ssl.SSLError as exc:
            raise LoadError(url, f"HTTPS 安全连接失败（{exc.reason or exc}），未能取得报告") from None
        except http.client.HTTPException as exc:
            raise LoadError(url, f"服务器的应答不完整或无法理解（{type(exc).__name__}）") from None
        except OSError as exc:
            raise LoadError(url, f"网络错误：{exc.strerror or exc}") from None
        finally:
            conn.close()
    raise LoadError(url, f"重定向超过 {MAX_REDIRECTS} 次，未能取得报告")


def _file_name(url: str, kind: str, taken: set[str]) -> str:
    import unicodedata
    from urllib.parse import unquote, urlsplit

    name = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]) or "page"
    name = "".join(c if c.isalnum() or c in "._-" or unicodedata.category(c).startswith("L") else "_" for c in name)[:80]
    stem, dot, suffix = name.rpartition(".")
    wanted = _TYPES.get(kind)
    if wanted and ("." + suffix.lower() if dot else "") not in (wanted, ".htm" if wanted == ".html" else wanted):
        name = name + wanted
    base, n = name, 1
    while name in taken:
        n += 1
        name = f"{n}-{base}"
    taken.add(name)
    return name


def _attachment(page: bytes, base_url: str) -> str | None:
    """The PDF/Word file a page that is only a wrapper links to: the page holds no report (no
    numbered headings or report tables) and links to one attachment, or to one named as the report."""
    from urllib.parse import unquote, urljoin, urlsplit

    import lxml.etree
    import lxml.html

    from checker.loaders.article import find_article
    from checker.loaders.encoding import decode

    try:
        root = lxml.html.document_fromstring(decode(Path("page.html"), page).lstrip("\ufeff"))
    except (ValueError, LoadError, lxml.etree.LxmlError):
        return None
    body = root.find("body")
    if body is None or find_article(body) is not None:
        return None
    links = [(a.get("href") or "", a.text_content().strip()) for a in root.iter("a")]
    files = [(href, text) for href, text in links if _ATTACHMENT.search(urlsplit(href).path)]
    if not files:
        return None
    named = [f for f in files if "报告" in f[1] or "报告" in unquote(f[0])]
    chosen = named[0] if named else files[0] if len({h for h, _ in files}) == 1 else None
    return urljoin(base_url, chosen[0]) if chosen else None


def fetch(url: str, options: FetchOptions = FetchOptions()) -> Fetched:
    """Download a published report to a local file (following a wrapper page to its attachment)."""
    import tempfile

    deadline = time.monotonic() + options.timeout
    folder = options.save_dir or Path(tempfile.mkdtemp(prefix="gov-check-"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LoadError(folder, f"无法创建保存文件夹：{exc.strerror or exc}") from None
    taken = {p.name for p in folder.iterdir()} if options.save_dir else set()
    final, kind, body = _get(url, options, deadline)
    saved = [folder / _file_name(final, kind, taken)]
    _write(saved[0], body)
    if kind in ("text/html", "application/xhtml+xml") or body.lstrip()[:1] == b"<":
        attached = _attachment(body, final)
        if attached:
            a_final, a_kind, a_body = _get(attached, options, deadline)
            saved.append(folder / _file_name(a_final, a_kind, taken))
            _write(saved[-1], a_body)
    return Fetched(url=url, final_url=final, path=saved[-1], saved=tuple(saved))


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise LoadError(path, f"无法保存下载的文件：{exc.strerror or exc}") from None
