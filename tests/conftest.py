"""Shared fixtures: the repository's examples and a CLI runner that never hides a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True, scope="session")
def cache_folder(tmp_path_factory) -> Path:
    """gov-check's cache (checker.cache) in a folder of this run's own, for this process and every
    gov-check it starts: the suite neither reads nor fills the user's cache."""
    folder = tmp_path_factory.mktemp("gov-check-cache")
    os.environ["GOV_CHECK_CACHE_DIR"] = str(folder)
    return folder


@pytest.fixture
def clean_doc() -> dict:
    return json.loads((EXAMPLES / "clean-2023.json").read_text(encoding="utf-8"))


@pytest.fixture
def sample_doc() -> dict:
    return json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8"))


@pytest.fixture
def gov_check():
    """Run `gov-check ARGS…` in-process; returns the click Result."""
    from checker.cli import main

    def run(*args: str, input: str | None = None):
        return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)

    return run


def write_json(path: Path, doc: dict) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return path
