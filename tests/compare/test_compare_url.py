"""`gov-check compare URL1 URL2`: the two years fetched the way `gov-check check URL` fetches one
(a local HTTP server on 127.0.0.1; loopback refused unless --allow-private, --save-source,
--fetch-timeout and the [limits] file size), and compared exactly as the same files would be."""

from __future__ import annotations

import json

import pytest

from checker.testing.pairs import constructed_last_year
from tests.conftest import EXAMPLES, write_json
from tests.loaders.test_fetch import site  # noqa: F401 - the local HTTP server fixture, shared


@pytest.fixture(scope="module")
def sample() -> dict:
    return json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8"))


@pytest.fixture
def urls(site, sample) -> tuple[str, str]:
    last = json.dumps(constructed_last_year(sample), ensure_ascii=False).encode()
    this = (EXAMPLES / "yangquan-2023.txt").read_bytes()
    return (site.add("/2022/report.json", last, "application/json"),
            site.add("/2023/report.txt", this, "text/plain; charset=utf-8"))


def _without_files(comparison: dict) -> dict:
    return {k: v for k, v in comparison.items() if k not in ("last", "this")}


def test_two_urls_compare_as_the_same_files(gov_check, tmp_path, sample, urls, site):
    saved = tmp_path / "来源"
    out = tmp_path / "比对.json"
    result = gov_check("compare", *urls, "-o", out, "--allow-private", "--save-source", saved, "--no-config")
    assert result.exit_code == 0, result.output
    by_url = json.loads(out.read_text(encoding="utf-8"))
    assert (by_url["last"]["file"], by_url["this"]["file"]) == urls  # named as given, not by the download
    assert by_url["this"]["format"] == "text" and by_url["last"]["format"] == "json"
    assert sorted(p.name for p in saved.rglob("*") if p.is_file()) == ["report.json", "report.txt"]
    last_file = write_json(tmp_path / "2022.json", constructed_last_year(sample))
    local = tmp_path / "本地.json"
    assert gov_check("compare", last_file, EXAMPLES / "yangquan-2023.txt", "-o", local, "--no-config").exit_code == 0
    assert _without_files(by_url) == _without_files(json.loads(local.read_text(encoding="utf-8")))
    assert len(site.requests) == 2


def test_a_loopback_url_is_refused_without_allow_private(gov_check, urls, site):
    result = gov_check("compare", *urls, "--no-config")
    assert result.exit_code == 2
    assert "上一年度报告" in result.output and "本年度报告" in result.output
    assert "非公网地址 127.0.0.1" in result.output and "--allow-private" in result.output
    assert "Traceback" not in result.output and site.requests == []


def test_a_url_and_a_file_mixed(gov_check, tmp_path, sample, urls):
    result = gov_check("compare", urls[0], EXAMPLES / "yangquan-2023.txt", "-f", "json", "--allow-private", "--no-config")
    assert result.exit_code == 0, result.output
    assert '"file": "' + urls[0] + '"' in result.output


def test_time_out_and_size_limit_say_which_report(gov_check, tmp_path, site, urls):
    slow = site.add("/2023/slow.txt", 1.5, "text/plain")
    result = gov_check("compare", urls[0], slow, "--allow-private", "--fetch-timeout", "0.5", "--no-config")
    assert result.exit_code == 2 and "本年度报告：" + slow in result.output and "超时" in result.output
    config = tmp_path / "gov-check.toml"
    config.write_text("[limits]\nfile_mb = 0.001\n", encoding="utf-8")  # about 1 kB
    result = gov_check("compare", *urls, "--allow-private", "--config", config)
    assert result.exit_code == 2 and "上一年度报告：" + urls[0] in result.output and "文件过大" in result.output
    assert "Traceback" not in result.output


def test_a_batch_takes_this_years_reports_by_url(gov_check, tmp_path, sample, urls, site):
    last_dir, out = tmp_path / "2022", tmp_path / "比对"
    last_dir.mkdir()
    write_json(last_dir / "阳泉.json", constructed_last_year(sample))
    missing = site.url + "/2023/none.txt"
    result = gov_check("compare", "--previous-dir", last_dir, urls[1], missing, "--output-dir", out, "--allow-private",
                       "--no-config")
    assert result.exit_code == 2, result.output  # one URL could not be fetched: said, the other compared
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert [p["file"] for p in index["pairs"]] == ["阳泉市人民政府-2023.html"]
    assert any(line.startswith(missing) and "HTTP 404" in line for line in index["unreadable"])
