"""Checking many reports at once: discovery, the pool, the summary, pairing with last year's
reports, roll-ups (GC801), and a generated folder whose every injected defect must be found."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from benchmarks.generate import RULES_INJECTED, clean_report, generate
from checker.config import Config
from checker.engine import Engine
from checker.findings import Outcome
from checker.hookspecs import hookimpl
from checker.loaders import Loaded, Loader
from checker.plugins import PluginHost
from checker.rule import Rule
from checker.run import BatchOptions, discover, load_hierarchy, load_organ_map, report_suffixes, run_batch
from tests.conftest import EXAMPLES, write_json


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """60 generated reports (about half with known defects) and two truncated files."""
    out = tmp_path_factory.mktemp("reports")
    manifest = generate(out, 60, seed=11, defect_rate=0.6, broken=2)
    return out, manifest


def test_every_injected_defect_is_found_by_its_rule_at_its_pointer_and_the_summary_counts_are_right(folder, gov_check,
                                                                                                      tmp_path):
    out, manifest = folder
    result = gov_check(out, "--jobs", "2", "--format", "json", "-o", tmp_path / "r.json",
                       "--summary-json", tmp_path / "s.json", "--summary-csv", tmp_path / "s.csv")
    assert result.exit_code == 2  # two files could not be read; the other 60 were checked all the same
    reports = {Path(r["file"]).name: r for r in json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["reports"]}
    assert list(reports) == sorted(reports)  # a stable order: the folder's files, sorted
    assert len(reports) == 62
    expected_failures: dict[str, int] = {}
    for entry in manifest["reports"]:
        got = reports[entry["file"]]
        if entry.get("broken"):
            assert got["status"] == "not_checked" and "JSON 格式错误" in got["error"]
            continue
        assert got["status"] == "checked"
        found = {(f["code"], f["pointers"][0], f["severity"]) for f in got["findings"] if f["code"] in RULES_INJECTED}
        want = {(d["rule"], d["pointer"], d["severity"]) for d in entry["defects"]}
        assert found == want, (entry["file"], [d["kind"] for d in entry["defects"]])
        for code in {d["rule"] for d in entry["defects"]}:
            expected_failures[code] = expected_failures.get(code, 0) + 1
    assert expected_failures.keys() >= {"GC201", "GC204", "GC302", "GC011"}  # the seed exercises most defect kinds

    summary = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert summary["totals"]["reports"] == 62 and summary["totals"]["not_checked"] == 2
    failed = {r["code"]: r["reports_failed"] for r in summary["rules"] if r["code"] in RULES_INJECTED and r["reports_failed"]}
    assert failed == expected_failures
    assert summary["run"]["jobs"] == 2 and summary["run"]["worker_peak_rss_kb"] > 0
    by_file = {Path(r["file"]).name: r for r in summary["reports"]}
    for entry in manifest["reports"]:
        line = by_file[entry["file"]]
        if not entry.get("broken"):
            errors = sum(1 for d in entry["defects"] if d["severity"] == "error")
            warnings = sum(1 for d in entry["defects"] if d["severity"] == "warning")
            assert (line["error"], line["warning"]) == (errors, warnings), entry["file"]
            assert line["status"] == ("fail" if errors else "pass")
            assert {p["code"] for p in line["top_problems"]} <= {d["rule"] for d in entry["defects"]}

    with open(tmp_path / "s.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert (tmp_path / "s.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # Excel needs the BOM for Chinese
    assert len(rows) == 62
    by_name = {Path(r["文件"]).name: r for r in rows}
    assert all(by_name[e["file"]]["机关名称"] == e["organ_name"] for e in manifest["reports"] if not e.get("broken"))
    checked = [r for r in rows if r["结论"] != "无法检查"]  # the summary's order: region, then organ
    assert [(r["地区"], r["机关名称"]) for r in checked] == sorted((r["地区"], r["机关名称"]) for r in checked)
    assert all(r["主要问题"] == "" or "处）" in r["主要问题"] for r in rows)  # in words: 「表三…（GC204，1 处）」


def test_the_same_results_in_the_same_order_with_one_worker_or_two(folder):
    out, _ = folder
    files = discover([str(out)], (".json",)).files
    one = run_batch(files, BatchOptions(jobs=1))
    two = run_batch(files, BatchOptions(jobs=2, fast_schema=True))
    assert [r.file for r in one.results] == [r.file for r in two.results] == files
    key = lambda r: (r.load_error, [(f.code, f.pointers, f.severity) for f in r.findings])  # noqa: E731
    assert [key(r) for r in one.results] == [key(r) for r in two.results]


def test_fast_schema_check_never_passes_what_jsonschema_rejects(folder):
    from checker import schema
    from checker.testing import collect

    assert schema.enable_fast_path()
    fast, full = schema._compiled(True), schema._validator()
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder[0].glob("0*.json"))]
    docs += [c.document for c in collect(Path(__file__).parent / "rules" / "cases")]
    docs += [{}, {"metadata": []}, {"tables": {"t3": {"new_received": {"total": 1.5}}}}]
    invalid = 0
    for doc in docs:
        if not full.is_valid(doc):
            invalid += 1
            assert not fast(doc), doc.get("metadata")
    assert invalid >= 5


def test_discovery_walks_folders_expands_globs_and_uses_the_loaders_suffixes(tmp_path):
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for name in ("a/2.json", "a/1.JSON", "a/deep/3.json", "a/notes.md", ".hidden/x.json", "a/r.fake"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    found = discover([str(tmp_path / "a"), str(tmp_path / "a" / "2.json"), str(tmp_path / "*" / "nothing*.json"),
                      str(tmp_path / "missing.json")], (".json",))
    names = [Path(f).relative_to(tmp_path).as_posix() if f.startswith(str(tmp_path)) else f for f in found.files]
    assert names == ["a/1.JSON", "a/2.json", "a/deep/3.json", "missing.json"]  # named files are kept (to say they are missing)
    assert [why for _, why in found.problems] == ["没有与之匹配的报告文件"]
    recursive = discover([str(tmp_path / "a" / "**" / "*.json")], (".json",)).files
    assert sorted(Path(f).name for f in recursive) == ["2.json", "3.json"]  # ** matches zero or more folders; case counts

    class FakeLoaderPlugin:
        @hookimpl
        def gov_check_loaders(self):
            return [Loader("fake", (".fake",), lambda head, suffix: suffix == ".fake",
                           lambda path, data, options: Loaded({}, "fake"))]

    host = PluginHost(autoload=False)
    host.register(FakeLoaderPlugin(), name="fake")
    suffixes = report_suffixes(host.loaders)
    assert ".fake" in suffixes and ".json" in suffixes
    assert "a/r.fake" in [Path(f).relative_to(tmp_path).as_posix() for f in discover([str(tmp_path / "a")], suffixes).files]


def test_a_folder_with_no_reports_and_a_loader_that_crashes_do_not_stop_the_rest(tmp_path, gov_check):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = gov_check(empty, EXAMPLES / "clean-2023.json", "--format", "json")
    assert result.exit_code == 2
    reports = json.loads(result.stdout)["reports"]
    assert [r["status"] for r in reports] == ["checked", "not_checked"]
    assert "没有可检查的报告文件" in reports[1]["error"]

    class Crashing:
        @hookimpl
        def gov_check_loaders(self):
            def boom(path, data, options):
                raise RuntimeError("loader bug")
            return [Loader("crash", (".crash",), lambda head, suffix: suffix == ".crash", boom)]

    (tmp_path / "x.crash").write_text("?", encoding="utf-8")
    host = PluginHost(autoload=False)
    host.register(Crashing(), name="crash")
    run = run_batch([str(tmp_path / "x.crash"), str(EXAMPLES / "clean-2023.json")], BatchOptions(jobs=1),
                    engine=Engine(host))
    assert "内部错误：RuntimeError: loader bug" in run.results[0].load_error
    assert run.results[1].load_error is None and run.results[1].outcomes


class PreviousEcho(Rule):
    """Test rule: reports which previous report it was given.

    检查什么
    x
    """

    code = "ZZ701"
    name = "previous-echo"
    title_zh = title_en = "previous echo"
    clause = "test"
    needs_previous = True
    messages = {"echo": ("{organ} {year}", "{organ} {year}")}

    def check(self, ctx):
        yield self.finding("echo", "/metadata", organ=ctx.previous.organ_name, year=ctx.previous.year)


class EchoPlugin:
    @hookimpl
    def gov_check_rules(self):
        return [PreviousEcho]


def test_previous_dir_pairs_by_organ_and_year_and_follows_renamed_organs(tmp_path):
    now, before = tmp_path / "2023", tmp_path / "2022"
    generate(now, 6, seed=5, defect_rate=0, year=2023)
    generate(before, 6, seed=5, defect_rate=0, year=2022)
    renamed = now / "00002.json"
    doc = json.loads(renamed.read_text(encoding="utf-8"))
    old_name = doc["metadata"]["organ_name"]
    doc["metadata"]["organ_name"] = "示例市数据局"
    write_json(renamed, doc)
    orphan = write_json(now / "99999.json", clean_report(__import__("random").Random(1), "无前任县人民政府",
                                                         "county_government", "", 2023))
    mapping = tmp_path / "organs.toml"
    mapping.write_text(f'[organs]\n"示例市数据局" = "{old_name}"\n', encoding="utf-8")

    host = PluginHost(autoload=False)
    host.register(EchoPlugin(), name="echo")
    engine = Engine(host, Config(select=("ZZ701",)))
    files = discover([str(now)], (".json",)).files
    run = run_batch(files, BatchOptions(config=engine.config, jobs=1), discover([str(before)], (".json",)).files,
                    load_organ_map(str(mapping)), engine=engine)
    pairs = {Path(k).name: Path(v).name for k, v in run.plan.previous.items()}
    assert pairs == {f"0000{i}.json": f"0000{i}.json" for i in range(6)}  # the renamed organ too
    for r in run.results:
        outcome = r.outcomes[0].outcome
        if r.file == str(orphan):
            assert outcome is Outcome.NOT_APPLICABLE
        else:
            assert outcome is Outcome.FAIL and r.findings[0].args["year"] == 2022
    assert next(r for r in run.results if r.file == str(renamed)).findings[0].args["organ"] == old_name


def _sum_tables(docs: list[dict]) -> dict:
    out = json.loads(json.dumps(docs[0]["tables"]))
    for table, rows in out.items():
        for row, cells in rows.items():
            for col in cells:
                total = sum(d["tables"][table][row][col] for d in docs)
                cells[col] = round(total, 2) if isinstance(total, float) else total
    return out


def test_hierarchy_rollup_finds_the_summary_cell_that_is_not_the_sum_of_its_units(tmp_path, gov_check):
    import random

    rng = random.Random(3)
    units = [clean_report(rng, f"示例市{n}区人民政府", "county_government", "示例市", 2023) for n in ("甲", "乙", "丙")]
    for i, u in enumerate(units):
        write_json(tmp_path / f"unit-{i}.json", u)
    summary = clean_report(rng, "示例市人民政府", "city_government", "示例市", 2023)
    summary["tables"] = _sum_tables(units)
    summary["tables"]["t3"]["granted"]["natural_person"] += 1  # one more than the units' sum …
    summary["tables"]["t3"]["granted"]["total"] += 1  # … carried through the summary's own totals
    summary["tables"]["t3"]["results_total"]["natural_person"] += 1
    summary["tables"]["t3"]["results_total"]["total"] += 1
    summary["tables"]["t3"]["new_received"]["natural_person"] += 1
    summary["tables"]["t3"]["new_received"]["total"] += 1
    write_json(tmp_path / "summary.json", summary)
    hierarchy = tmp_path / "hierarchy.toml"
    hierarchy.write_text('[[region]]\nname = "示例市"\nsummary = "示例市人民政府"\n'
                         'units = ["示例市甲区人民政府", "示例市乙区人民政府", "unit-2.json"]\n', encoding="utf-8")
    result = gov_check(tmp_path, "--hierarchy", hierarchy, "--format", "json", "--select", "GC801,GC2", "-j", "2")
    reports = {Path(r["file"]).name: r for r in json.loads(result.stdout)["reports"]}
    assert [f["code"] for f in reports["unit-0.json"]["findings"]] == []
    assert {o["code"]: o["outcome"] for o in reports["unit-0.json"]["outcomes"]}["GC801"] == "not_applicable"
    found = reports["summary.json"]["findings"]
    assert {f["code"] for f in found} == {"GC801"}  # the summary is consistent in itself
    assert sorted(f["pointers"][0] for f in found) == sorted(
        f"/tables/t3/{row}/{col}" for row in ("granted", "results_total", "new_received")
        for col in ("natural_person", "total"))
    assert all(f["severity"] == "warning" and f["difference"] == 1 for f in found)  # a number (format 1.1)

    hierarchy.write_text('[[region]]\nsummary = "示例市人民政府"\nunits = ["示例市甲区人民政府", "示例市丁区人民政府"]\n',
                         encoding="utf-8")
    result = gov_check(tmp_path / "summary.json", tmp_path / "unit-0.json", "--hierarchy", hierarchy, "--format",
                       "json", "--select", "GC801")
    outcome = json.loads(result.stdout)["reports"][0]["outcomes"][0]
    assert outcome["outcome"] == "insufficient_data" and "示例市丁区人民政府" in outcome["reasons"][0]


def test_bad_hierarchy_and_organ_map_files_are_one_line_exit_2(tmp_path, gov_check):
    bad = tmp_path / "h.toml"
    bad.write_text("[[region]]\nsummary = 3\n", encoding="utf-8")
    result = gov_check(EXAMPLES / "clean-2023.json", "--hierarchy", bad)
    assert result.exit_code == 2 and "summary" in result.stderr and "Traceback" not in result.output
    bad.write_text("not = [toml", encoding="utf-8")
    assert gov_check(EXAMPLES / "clean-2023.json", "--organ-map", bad, "--previous-dir", tmp_path).exit_code == 2
    with pytest.raises(ValueError):
        load_hierarchy(str(tmp_path / "nope.toml"))


def test_the_terminal_summary_table_names_each_report_and_the_failing_rules(folder, gov_check):
    out, manifest = folder
    result = gov_check(out, "--summary-only", "-j", "2")
    text = result.output
    assert "批量检查汇总" in text and "按规则统计" in text
    defective = [e["organ_name"] for e in manifest["reports"] if e["defects"]]
    clean = [e["organ_name"] for e in manifest["reports"] if not e["defects"] and not e.get("broken")]
    assert all(name in text for name in defective)  # every report that needs fixing is listed …
    assert not any(name in text for name in clean)  # … and the ones that passed are only counted
    assert "62 份报告" in text and "2 份无法检查" in text
    assert "\x1b[" not in text  # not a terminal: no colours and no progress bar


def test_progress_bar_only_when_asked_or_on_a_terminal(folder, gov_check):
    out, _ = folder
    assert "检查" not in gov_check(out, "--summary-only", "-j", "1").stderr.replace("无法检查", "")
    shown = gov_check(out, "--summary-only", "-j", "1", "--progress").stderr
    assert "检查" in shown and "62/62" in shown


def test_previous_dir_from_the_command_line_with_workers(tmp_path, gov_check):
    now, before = tmp_path / "2023", tmp_path / "2022"
    generate(now, 4, seed=9, defect_rate=0, year=2023)
    generate(before, 4, seed=9, defect_rate=0, year=2022)
    (before / "bad.json").write_text("{", encoding="utf-8")
    result = gov_check(now, "--previous-dir", before, "-j", "2", "--summary-only", "--summary-json", tmp_path / "s.json")
    assert result.exit_code == 0  # an unreadable last-year file is told, not fatal
    assert "上一年度报告无法读取" in result.stderr and "bad.json" in result.stderr
    lines = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["reports"]
    assert {Path(r["file"]).name: Path(r["previous_file"]).relative_to(tmp_path).as_posix() for r in lines} == {
        f"0000{i}.json": f"2022/0000{i}.json" for i in range(4)}


def test_hierarchy_and_organ_map_may_be_json(tmp_path):
    hierarchy = tmp_path / "h.json"
    hierarchy.write_text(json.dumps({"region": [{"summary": "示例市人民政府", "units": ["甲区人民政府", "sub/乙区.json"],
                                                 "tables": ["t3"]}]}, ensure_ascii=False), encoding="utf-8")
    (region,) = load_hierarchy(str(hierarchy))
    assert region.name == "示例市人民政府" and region.tables == ("t3",)
    assert region.units == ("甲区人民政府", str(tmp_path / "sub" / "乙区.json"))  # paths are relative to the file
    names = tmp_path / "m.json"
    names.write_text(json.dumps({"organs": {"示例市 数据局": "示例市大数据局"}}, ensure_ascii=False), encoding="utf-8")
    assert load_organ_map(str(names)) == {"示例市数据局": "示例市大数据局"}  # white space does not matter
