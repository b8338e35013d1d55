"""The issue's acceptance test, in a fresh virtual environment: installing the example province
plugin makes its rules appear and fire, uninstalling removes them, and a broken plugin leaves the
national rules working and is named in the output.

The venv is made with `python -m venv --without-pip`; a .pth file makes this environment's
installed dependencies (pluggy, jsonschema, …) visible in it, as --system-site-packages would, and
pip runs from this environment with `--python` (pip ≥ 22.3).  gov-check itself is installed in the
new venv with `pip install --no-deps -e .`; the plugins are built from copies of their folders
(so no build files are left in the repository) with the local wheel cache, without dependencies.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT


def pyproject(dist: str, package: str) -> str:
    """A minimal pyproject.toml of a plugin package with one `gov_check` entry point."""
    return f'''
[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"
[project]
name = "{dist}"
version = "0.0.1"
[project.entry-points.gov_check]
{package.removeprefix("gov_check_")} = "{package}"
[tool.setuptools]
packages = ["{package}"]
'''


BROKEN_PYPROJECT = pyproject("gov-check-broken", "gov_check_broken")


@pytest.fixture(scope="module")
def venv(tmp_path_factory):
    if subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True).returncode != 0:
        pytest.skip("pip is not available in this environment")
    root = tmp_path_factory.mktemp("venv")
    env_dir = root / "v"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True)
    py = env_dir / "bin" / "python"
    purelib = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    Path(purelib, "gov_check_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    pip(py, "install", "--no-deps", "--no-build-isolation", "-e", str(ROOT))
    return root, py


def pip(py: Path, *args: str) -> None:
    proc = subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "--disable-pip-version-check", "-q",
                           *args], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def gov_check(py: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOV_CHECK_")}
    return subprocess.run([str(py.parent / "gov-check"), *map(str, args)], capture_output=True, text=True, env=env)


def findings(proc: subprocess.CompletedProcess) -> list[tuple[str, str]]:
    return sorted((f["code"], "|".join(f["pointers"])) for r in json.loads(proc.stdout)["reports"] for f in r["findings"])


def rule_codes(py: Path) -> set[str]:
    result = gov_check(py, "rules", "--format", "json")
    assert result.returncode == 0, result.stderr
    return {r["code"] for r in json.loads(result.stdout)}


@pytest.mark.slow  # about 30 s: three pip builds and an uninstall
def test_install_fire_break_uninstall(venv, clean_doc):
    root, py = venv
    clean_doc["metadata"].update(organ_name="示例省示例厅", organ_kind="department", publication_date="2024-01-30")
    clean_doc["tables"]["t4"]["review"]["total"] = 3  # a national error (GC302)
    report = root / "report.json"
    report.write_text(json.dumps(clean_doc, ensure_ascii=False), encoding="utf-8")

    before = rule_codes(py)
    assert "GC302" in before and not any(c.startswith("SL") for c in before)
    sample = EXAMPLES / "yangquan-2023.txt"  # the national sample
    national = gov_check(py, sample, "--format", "json")

    shutil.copytree(EXAMPLES / "plugins" / "gov-check-shili", root / "shili",
                    ignore=shutil.ignore_patterns("*.egg-info", "build", "__pycache__"))
    pip(py, "install", "--no-deps", "--no-build-isolation", str(root / "shili"))
    assert {"SL201", "SL601", "SL801"} <= rule_codes(py)
    checked = gov_check(py, report, "--profile", "shili", "--format", "json")
    assert checked.returncode == 1, checked.stderr
    codes = {f["code"] for f in json.loads(checked.stdout)["reports"][0]["findings"]}
    assert {"SL601", "SL201", "SL801", "GC302"} <= codes
    # Installing a plugin does not change what "national" means: the default profile gives exactly
    # the national findings, and `plugins` says which profile is in force and why.
    again = gov_check(py, sample, "--format", "json")
    assert (again.returncode, findings(again)) == (national.returncode, findings(national))
    assert not any(code.startswith("SL") for code, _ in findings(gov_check(py, report, "--format", "json")))
    listing = gov_check(py, "plugins")
    assert "national" in listing.stdout and "--profile shili" in listing.stdout, listing.stdout

    broken = root / "broken"
    (broken / "gov_check_broken").mkdir(parents=True)
    (broken / "pyproject.toml").write_text(BROKEN_PYPROJECT, encoding="utf-8")
    (broken / "gov_check_broken" / "__init__.py").write_text("raise ImportError('needs gov-check 9')\n",
                                                            encoding="utf-8")
    pip(py, "install", "--no-deps", "--no-build-isolation", str(broken))
    with_broken = gov_check(py, report, "--format", "json")
    assert with_broken.returncode == 2  # the check ran, but not with every plugin
    assert "gov-check-broken 0.0.1" in with_broken.stderr and "needs gov-check 9" in with_broken.stderr
    codes = {f["code"] for f in json.loads(with_broken.stdout)["reports"][0]["findings"]}
    assert "GC302" in codes and not any(c.startswith("SL") for c in codes)  # national rules still ran
    still = gov_check(py, report, "--format", "json", "--profile", "shili")
    assert still.returncode == 2 and "SL601" in {code for code, _ in findings(still)}  # so did the working plugin's
    listing = gov_check(py, "plugins")
    assert listing.returncode == 2 and "gov-check-broken 0.0.1" in listing.stdout

    pip(py, "uninstall", "-y", "gov-check-shili", "gov-check-broken")
    after = rule_codes(py)
    assert after == before
    assert gov_check(py, report).returncode == 1  # GC302 only, no plugin problems


@pytest.mark.slow  # about 10 s: one pip build and the skeleton's own tests
def test_new_plugin_skeleton_installs_and_passes_its_tests(venv):
    root, py = venv
    made = gov_check(py, "new-plugin", "hunan", "--dir", root)
    assert made.returncode == 0, made.stderr
    pip(py, "install", "--no-deps", "--no-build-isolation", str(root / "gov-check-hunan"))
    try:
        assert "HU801" in rule_codes(py)
        env = {k: v for k, v in os.environ.items() if not k.startswith("GOV_CHECK_") and k != "PYTHONPATH"}
        proc = subprocess.run([str(py), "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=root / "gov-check-hunan",
                              capture_output=True, text=True, env=env)
        assert proc.returncode == 0 and "4 passed" in proc.stdout, proc.stdout + proc.stderr
    finally:
        pip(py, "uninstall", "-y", "gov-check-hunan")


THROWAWAY_PYPROJECT = pyproject("gov-check-zz", "gov_check_zz")

THROWAWAY_PLUGIN = '''
from checker import hookimpl
from checker.config import Profile
from checker.findings import Severity
from checker.rule import Rule
from checker.template_extensions import ExtraRow, ExtraStatement


@hookimpl
def gov_check_template_extensions():
    return [ExtraRow("zz", "t3", "overdue_answers", "（八）逾期答复", "III.(8) Answered late", after="results_total"),
            ExtraStatement("zz", "contact", "联系方式", "contact", ("联系电话",))]


class Overdue(Rule):
    """逾期答复须为零。"""

    code, name, title_zh, title_en, clause = "ZZ301", "zz-overdue", "没有逾期答复", "No late answers", "某省"
    messages = {"late": ("{count} 件申请逾期答复", "{count} answered late")}

    def check(self, ctx):
        cell = ctx.report.extension_cell("zz", "t3", "overdue_answers", "total")
        if cell.is_count and cell.value > 0:
            yield self.finding("late", cell.pointer, count=cell.value)


class Contact(Rule):
    """报告写明的联系方式。"""

    code, name, title_zh, title_en, clause = "ZZ801", "zz-contact", "联系方式", "Contact", "某省"
    severity = Severity.INFO
    messages = {"said": ("报告写明：{quote}", "the report says: {quote}")}

    def check(self, ctx):
        said = ctx.report.extension("zz", "statements").get("contact")
        if said:
            yield self.finding("said", "/extensions/zz/statements/contact", quote=said)


@hookimpl
def gov_check_rules():
    return [Overdue, Contact]


@hookimpl
def gov_check_profiles():
    return [Profile("zz", "某省", extends="national-2021")]
'''


@pytest.mark.slow  # about 10 s: one pip build
def test_a_throwaway_plugins_row_and_statement_from_word_html_and_text(venv, clean_doc):
    from tests.loaders import render

    root, py = venv
    src = root / "zz"
    (src / "gov_check_zz").mkdir(parents=True)
    (src / "pyproject.toml").write_text(THROWAWAY_PYPROJECT, encoding="utf-8")
    (src / "gov_check_zz" / "__init__.py").write_text(THROWAWAY_PLUGIN, encoding="utf-8")
    pip(py, "install", "--no-deps", "--no-build-isolation", "-e", str(src))
    try:
        clean_doc["sections"][5]["text"] += "\n咨询请拨打联系电话：0000-1234567。"
        items = render.layout(clean_doc)
        for kind, grid in items:
            if kind == "table" and any(r and "（七）总计" in r for r in grid):
                at = next(i for i, r in enumerate(grid) if "（七）总计" in r)
                label = grid[at].index("（七）总计")
                grid.insert(at + 1, ["^"] * label + ["（八）逾期答复"] + [None] * (len(grid[at]) - label - 8)
                            + ["2", "0", "0", "0", "0", "0", "2"])
        reports = [render.to_docx(items, root / "r.docx"), render.to_html(items, root / "r.html"),
                   render.to_text(items, root / "r.txt")]
        for report in reports:
            converted = gov_check(py, "convert", report)
            assert converted.returncode == 0, converted.stderr
            zz = json.loads(converted.stdout)["extensions"]["zz"]
            assert zz["t3"]["overdue_answers"]["total"] == 2 and zz["statements"]["contact"] == "咨询请拨打联系电话：0000-1234567。"
            checked = gov_check(py, report, "--profile", "zz", "--format", "json")
            assert checked.returncode == 1, checked.stderr
            found = {f["code"]: f for f in json.loads(checked.stdout)["reports"][0]["findings"]}
            assert set(found) == {"ZZ301", "ZZ801"}, (report, found)  # no GC003: the row was read
            assert found["ZZ301"]["pointers"] == ["/extensions/zz/t3/overdue_answers/total"]
            assert found["ZZ301"]["place"] == "表三 · （八）逾期答复 · 总计"
            assert found["ZZ301"]["source"] and found["ZZ801"]["source"], found  # where it was printed
            national = gov_check(py, report, "--format", "json")  # the default profile: national rules only
            codes = {f["code"] for f in json.loads(national.stdout)["reports"][0]["findings"]}
            assert not any(c.startswith("ZZ") for c in codes) and "GC003" not in codes, codes
    finally:
        pip(py, "uninstall", "-y", "gov-check-zz")
