"""Work done once and kept on disk for later runs: the compiled report validator and the list of
installed plugins.

Each entry is one file in the user's cache folder.  Its name (or its content's stamp) carries
everything it was made from, so a stale entry is never used, only replaced.  The cache is an
optimisation and nothing more: an unwritable folder, a damaged file or ``GOV_CHECK_CACHE_DIR=off``
make a run slower, never different.  Deleting the folder is always safe.
"""

from __future__ import annotations

import contextlib
import os
import sys
from functools import lru_cache
from pathlib import Path

ENV = "GOV_CHECK_CACHE_DIR"  # a folder, or "off"
_OFF = {"", "0", "off", "no", "false", "none"}


def directory() -> Path | None:
    """The cache folder: $GOV_CHECK_CACHE_DIR, else the user's cache folder as platformdirs names it
    (~/.cache/gov-check, ~/Library/Caches/gov-check, %LOCALAPPDATA%\\gov-check).  platformdirs is not
    imported for this: with the tempfile module it pulls in it costs 10 ms, a twentieth of a whole
    single-report check.  None when switched off or there is no home folder."""
    value = os.environ.get(ENV)
    if value is not None:
        return None if value.strip().lower() in _OFF else Path(value)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
    elif sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return Path(base, "gov-check") if base and not base.startswith("~") else None


def writable() -> bool:
    """Whether entries can be written (the folder is created if need be)."""
    folder = directory()
    return folder is not None and _can_write(folder)


@lru_cache(maxsize=None)
def _can_write(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def key(*parts: str | bytes) -> str:
    """A short digest of what an entry is made from, for its file name: two checksums and the
    length, enough to tell one version of our own files from another (nothing here is adversarial;
    hashlib would load OpenSSL, 4 ms at every start)."""
    import zlib

    data = b"\0".join(part.encode("utf-8") if isinstance(part, str) else part for part in parts)
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


def read(name: str) -> bytes | None:
    folder = directory()
    if folder is None:
        return None
    try:
        return (folder / name).read_bytes()
    except OSError:
        return None


def write(name: str, data: bytes, replaces: str = "") -> bool:
    """Store an entry atomically (a reader sees the old file or the new one, never half of one),
    and remove the entries it ``replaces`` (other files whose names start so: made from older
    versions).  False when it could not be written."""
    if not writable():
        return False
    from checker.output import write_atomic

    folder: Path = directory()  # type: ignore[assignment]
    try:
        write_atomic(folder / name, data)
    except OSError:
        return False
    if replaces:
        for old in folder.glob(f"{replaces}*"):
            if old.name != name:
                with contextlib.suppress(OSError):
                    old.unlink()
    return True
