"""The cache (checker.cache) makes a check faster and never different: the compiled schema check and
the list of installed plugins are kept between runs, a damaged or stale entry is made again, and
without a cache folder everything still works."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from checker import cache
from checker.plugins import installed_entry_points
from tests.conftest import EXAMPLES, ROOT, write_json


def check(report: Path, cache_dir: str | Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "GOV_CHECK_CACHE_DIR": str(cache_dir)}
    return subprocess.run([sys.executable, "-m", "checker", str(report), "--format", "json", "--no-config"],
                          cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8")


def findings(proc: subprocess.CompletedProcess) -> list:
    (report,) = json.loads(proc.stdout)["reports"]
    return [(f["code"], f["pointers"], f["message"]) for f in report["findings"]]


@pytest.fixture
def invalid(tmp_path, clean_doc) -> Path:
    clean_doc["metadata"]["report_yaer"] = clean_doc["metadata"].pop("report_year")
    return write_json(tmp_path / "invalid.json", clean_doc)


def test_the_first_check_fills_the_cache_and_the_next_gives_the_same_result(tmp_path):
    folder = tmp_path / "cache"
    first = check(EXAMPLES / "yangquan-2023.json", folder)
    names = sorted(p.name.split("-")[0] + "-" + p.name.split("-")[1] for p in folder.iterdir())
    assert names == ["entry-points", "report-validator"]
    second = check(EXAMPLES / "yangquan-2023.json", folder)
    assert first.returncode == second.returncode == 0
    assert findings(first) == findings(second) and findings(first)  # the sample's warnings, both times


def test_an_invalid_report_is_still_explained_in_full_with_the_cache_warm(tmp_path, invalid):
    folder = tmp_path / "cache"
    check(EXAMPLES / "clean-2023.json", folder)  # warm
    proc = check(invalid, folder)
    assert proc.returncode == 1
    messages = [m for code, _, m in findings(proc) if code == "GC001"]
    assert any("未知字段「report_yaer」" in m for m in messages)
    assert any("缺少必填项「report_year」" in m for m in messages), messages


def test_a_damaged_entry_is_made_again(tmp_path, invalid):
    folder = tmp_path / "cache"
    expected = findings(check(invalid, folder))
    for entry in folder.iterdir():
        entry.write_bytes(entry.read_bytes()[:100])  # cut short, as by a full disk
    assert findings(check(invalid, folder)) == expected
    assert findings(check(EXAMPLES / "clean-2023.json", folder)) == []
    assert all(entry.stat().st_size > 100 for entry in folder.iterdir())  # written anew


def test_without_a_usable_cache_the_check_is_the_same(tmp_path, invalid):
    expected = findings(check(invalid, tmp_path / "cache"))
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")
    for setting in ("off", not_a_folder):
        proc = check(invalid, setting)
        assert proc.returncode == 1 and proc.stderr == ""
        assert findings(proc) == expected
    assert not_a_folder.read_text(encoding="utf-8") == "x"


def test_an_entry_of_an_older_version_is_removed_when_the_new_one_is_written(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / "report-validator-0000older.marshal").write_bytes(b"old")
    check(EXAMPLES / "clean-2023.json", folder)
    (validator,) = folder.glob("report-validator-*")
    assert validator.name != "report-validator-0000older.marshal"


def test_the_whole_output_arrives_although_the_process_ends_without_teardown(tmp_path, clean_doc):
    # gov-check ends with os._exit once its output is flushed; 60 reports make far more than a pipe holds
    reports = tmp_path / "reports"
    reports.mkdir()
    for i in range(60):
        write_json(reports / f"r{i:02d}.json", clean_doc)
    env = {**os.environ, "GOV_CHECK_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.run([sys.executable, "-m", "checker", str(reports), "--format", "json", "--no-config", "-j", "1"],
                          cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8")
    assert len(proc.stdout) > 256 * 1024 and proc.returncode == 0
    assert len(json.loads(proc.stdout)["reports"]) == 60


def test_installing_or_removing_a_plugin_is_seen_at_the_next_run(tmp_path, monkeypatch):
    """The plugin list is kept with the modification times of the import path's folders: installing
    a distribution adds a folder there, which changes its time."""
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    site = tmp_path / "site"
    site.mkdir()
    (site / "gov_check_zz.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    before = installed_entry_points()
    assert not any(ep.name == "zz" for ep in before)
    assert installed_entry_points() == before  # from the cache now
    dist = site / "gov_check_zz-1.0.dist-info"
    dist.mkdir()  # "pip install"
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: gov-check-zz\nVersion: 1.0\n"
                                   "Requires-Dist: gov-check>=0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(textwrap.dedent("""\
        [gov_check]
        zz = gov_check_zz
        """), encoding="utf-8")
    os.utime(site, ns=(os.stat(site).st_atime_ns, os.stat(site).st_mtime_ns + 1_000_000))  # a coarse clock
    (found,) = [ep for ep in installed_entry_points() if ep.name == "zz"]
    assert (found.dist, found.version, found.requires) == ("gov-check-zz", "1.0", ("gov-check>=0.1",))
    assert found.load().VALUE == 1
    for f in dist.iterdir():
        f.unlink()
    dist.rmdir()  # "pip uninstall"
    os.utime(site, ns=(os.stat(site).st_atime_ns, os.stat(site).st_mtime_ns + 2_000_000))
    assert not any(ep.name == "zz" for ep in installed_entry_points())
