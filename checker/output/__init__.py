"""Output formats: one module per format, each rendering the same results; registered through the
``gov_check_formats`` hook so a plugin can add one.  Outputs present; they compute nothing."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from checker.hookspecs import hookimpl


@dataclass
class RenderContext:
    rules: Mapping[str, type]  # code → Rule class, for titles and message templates
    lang: str = "zh"
    verbose: bool = False
    quiet: bool = False
    statistics: bool = False
    color: bool | None = None  # None: decide from the terminal
    width: int | None = None
    encoding: str | None = None  # the terminal's encoding when writing to it (None: a UTF-8 file)
    extra: dict[str, Any] = field(default_factory=dict)


class _Lazy:
    """A format whose module is imported only when it renders."""

    def __init__(self, module: str, attr: str = "render"):
        self.module, self.attr = module, attr

    def render(self, results: list, ctx: RenderContext) -> str:
        import importlib

        return getattr(importlib.import_module(self.module), self.attr)(results, ctx)


@hookimpl
def gov_check_formats() -> dict[str, Any]:
    return {"text": _Lazy("checker.output.text"), "json": _Lazy("checker.output.json_format"),
            "html": _Lazy("checker.output.html"), "markdown": _Lazy("checker.output.markdown"),
            "sarif": _Lazy("checker.output.sarif"), "junit": _Lazy("checker.output.junit"),
            "docx": _Lazy("checker.output.docx_format"), "xlsx": _Lazy("checker.output.xlsx_format"),
            "csv": _Lazy("checker.output.summary", "render_summary_csv")}


# What `-o FILE` implies when --format is not given, and the suffixes each format may be written to.
SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".json": "json", ".md": "markdown", ".markdown": "markdown",
                  ".sarif": "sarif", ".xml": "junit", ".docx": "docx", ".xlsx": "xlsx", ".csv": "csv",
                  ".txt": "text", ".log": "text"}
_ALSO = {".json": {"sarif"}}  # SARIF is JSON: results.json may hold it
BINARY_FORMATS = frozenset({"docx", "xlsx"})


def format_for(output: str | None, fmt: str | None) -> tuple[str, str | None]:
    """(format, problem): the format --format names, else the one -o's suffix implies, else text;
    the problem says when the suffix contradicts --format (``-o review.html --format json``)."""
    suffix = Path(output).suffix.lower() if output else ""
    implied = SUFFIX_FORMATS.get(suffix)
    if fmt is None:
        return implied or "text", None
    if implied and fmt != implied and fmt not in _ALSO.get(suffix, ()):
        return fmt, f"输出文件 {output} 的后缀 {suffix} 表示 {implied} 格式，与 --format {fmt} 矛盾"
    return fmt, None


def write_atomic(path: str | Path, content: str | bytes) -> Path:
    """Write ``content`` (text as UTF-8) to ``path`` so that it is replaced only once the new content
    is complete.  A symlink is written through (its target is replaced, the link kept); a path that
    is not a regular file (a named pipe, a device, a socket) is refused with an OSError — replacing it
    would silently turn it into a file.  Returns the path written."""
    import stat
    import tempfile

    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        what = "文件夹" if stat.S_ISDIR(mode) else "管道、设备或套接字"
        raise OSError(errno.EINVAL, f"这是{what}，不是普通文件，拒绝写入")

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or Path("."))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content.encode("utf-8") if isinstance(content, str) else content)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path
