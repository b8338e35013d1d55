"""Loaders: any input format → the report document + a source map.

Each format is a :class:`Loader` registered through the ``gov_check_loaders`` hook.  The format is
detected from the content (the suffix only breaks ties).  Loaders know labels and layouts; they
never judge a report: what they cannot read is a :class:`LoadError` (exit 2), what they cannot
place with certainty is left out with a loader finding.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from checker.hookspecs import hookimpl

DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # a real report is well under 5 MB, even as a PDF with images
DEFAULT_MAX_DEPTH = 64  # a report document nests 5 levels deep; anything far deeper is not a report
DEFAULT_MAX_DECOMPRESSED = 100 * 1024 * 1024  # a Word report unpacks to a few MB (its images aside)
DEFAULT_MAX_BLOCKS = 20_000  # paragraphs + table cells: a report has a few hundred of each
DEFAULT_MAX_PAGES = 100  # a report is 5–30 pages; reading a page of a PDF takes ~0.2 s


class LoadError(Exception):
    """The file could not be read as a report.  ``str()`` is the one line the user sees."""

    def __init__(self, file: str | Path, message: str, line: int | None = None, column: int | None = None):
        self.file, self.message, self.line, self.column = str(file), message, line, column
        where = str(file) + (f":{line}" if line else "") + (f":{column}" if line and column else "")
        super().__init__(f"{where}: {message}")


class NotAReport(LoadError):
    """The file was read, and holds no annual report (no title, none of the six parts, no table): in a
    batch it is 「不是年度报告」, not a file that could not be read."""


@dataclass
class LoadOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    max_depth: int = DEFAULT_MAX_DEPTH
    max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED  # all parts of a .docx together, unpacked
    max_blocks: int = DEFAULT_MAX_BLOCKS  # paragraphs and table cells of a Word or web page
    max_pages: int = DEFAULT_MAX_PAGES  # pages of a PDF
    organ_kind: str | None = None  # overrides the kind inferred from the organ's name
    report_year: int | None = None
    organ_name: str | None = None
    template: Any = None  # checker.template_extensions.TemplateExtensions: rows and statements plugins add


def raise_with(key: str) -> str:
    """The end of a message about a limit: the gov-check.toml key that raises it."""
    return f"（确属报告时可在 gov-check.toml 的 [limits] 中调高 {key}）"


@dataclass
class Loaded:
    document: Any
    format: str
    source_map: dict[str, Any] = field(default_factory=dict)  # JSON Pointer → {"line":…, "page":…, …}
    findings: list[Any] = field(default_factory=list)  # loader findings (cells left out, guesses refused)


@dataclass(frozen=True)
class Loader:
    name: str
    suffixes: tuple[str, ...]
    sniff: Callable[[bytes, str], bool]  # (first bytes, lower-case suffix) → is this mine?
    load: Callable[[Path, bytes, LoadOptions], Loaded]


def apply_options(metadata: dict[str, Any], options: LoadOptions) -> None:
    """What the user stated (organ name, year, kind) overrides what the document says; the kind is
    otherwise inferred from the organ's name.  Every loader that builds metadata calls this."""
    from checker.organs import infer_kind

    if options.organ_name:
        metadata["organ_name"] = options.organ_name
    if options.report_year:
        metadata["report_year"] = options.report_year
    kind = options.organ_kind or infer_kind(metadata.get("organ_name"))
    if kind:
        metadata["organ_kind"] = kind


def read_bytes(path: Path, options: LoadOptions) -> bytes:
    """A report file's bytes, with the checks every file gov-check reads goes through."""
    return read_regular(path, options.max_bytes, raise_with("file_mb"))


def read_regular(path: Path, max_bytes: int, hint: str = "") -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; anything else (a folder, a FIFO or a
    device such as /dev/zero, a file too large, one that cannot be read) is a LoadError naming it.
    Every file gov-check reads comes through here: reports, configs, waivers, baselines, maps."""
    path = Path(path)
    try:
        if path.is_dir():
            raise LoadError(path, "这是一个文件夹，不是报告文件")
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device: opening or reading it could wait forever
            raise LoadError(path, "不是普通文件（管道、设备或套接字），不读取")
        size = info.st_size
        if size > max_bytes:
            raise LoadError(path, f"文件过大（{size / 1048576:.1f} MB），超过上限 {max_bytes / 1048576:.0f} MB" + hint)
        with path.open("rb") as fh:  # in steps: the file may have grown since stat(), and read(n) reserves n bytes
            chunks, total = [], 0
            while total <= max_bytes and (chunk := fh.read(min(max_bytes + 1 - total, max(size, 1) + (1 << 20)))):
                chunks.append(chunk)
                total += len(chunk)
            data = b"".join(chunks)
        if len(data) > max_bytes:
            raise LoadError(path, f"文件过大，超过上限 {max_bytes / 1048576:.0f} MB" + hint)
        return data
    except FileNotFoundError:
        if path.is_symlink():
            raise LoadError(path, f"符号链接指向的文件不存在（{os.readlink(path)}）") from None
        raise LoadError(path, "文件不存在") from None
    except PermissionError:
        raise LoadError(path, "没有读取该文件的权限") from None
    except IsADirectoryError:
        raise LoadError(path, "这是一个文件夹，不是报告文件") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise LoadError(path, "符号链接循环（链接最终指向它自己），无法读取") from None
        raise LoadError(path, f"无法读取：{exc.strerror or exc}") from None


def load(path: str | Path, loaders: list[Loader], options: LoadOptions | None = None) -> Loaded:
    """Read one file with the loader its content calls for."""
    options = options or LoadOptions()
    path = Path(path)
    data = read_bytes(path, options)
    suffix = path.suffix.lower()
    head = data[:4096]
    for loader in loaders:
        if loader.sniff(head, suffix):
            return loader.load(path, data, options)
    for loader in loaders:
        if suffix in loader.suffixes:
            return loader.load(path, data, options)
    raise LoadError(path, "无法识别的文件格式（支持 " + "、".join(sorted({s for l in loaders for s in l.suffixes})) + "）")


@hookimpl
def gov_check_loaders() -> list[Loader]:
    from checker.loaders.formats import builtin_loaders

    return builtin_loaders()
