"""The benchmark: gov-check side by side with check-jsonschema (and python-docx) on the same files.

    make bench                          # or: python benchmarks/run.py [-n 2000] [--jobs N]

It generates the reports once (benchmarks/.data/, kept between runs), then prints wall-clock
times and ratios (gov-check ÷ the other tool; below 1.0 is faster):

1. N JSON reports: gov-check with every national rule (all its workers) vs
   ``check-jsonschema --schemafile schemas/report.schema.json FILES…`` — and it checks that
   gov-check found every injected defect at its pointer and counted the summary right;
2. one report, cold start (best of several runs of each command), and gov-check's first run on a
   machine, which fills its cache (checker.cache; the runs here use their own cache folder);
3. a Word report: ``gov-check report.docx`` vs opening it with python-docx — the real sample
   printed as Word prints it, with its three tables (read back cell for cell before it is timed);
4. memory: the largest worker's peak RSS for N/10 and for N reports.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate import MANIFEST, RULES_INJECTED, generate  # noqa: E402

SCHEMA = ROOT / "schemas" / "report.schema.json"
DATA = ROOT / "benchmarks" / ".data"
CACHE = DATA / "cache"  # gov-check's cache (checker.cache) for these runs, not the user's


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor() or model
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = " ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (f"nproc {cores}, {model}, Python {platform.python_version()} ({platform.system()} {platform.machine()}), "
            f"load average {load} at start")


def tool(name: str) -> str | None:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else shutil.which(name)




def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Seconds(float):
    """Wall-clock seconds, carrying the CPU seconds too (on a shared machine wall time depends on
    the neighbours; CPU time much less)."""

    cpu: float = 0.0


def timed(cmd: list[str], **kwargs) -> tuple[Seconds, subprocess.CompletedProcess]:
    cpu, start = _cpu(), time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kwargs)
    wall = Seconds(time.perf_counter() - start)
    wall.cpu = _cpu() - cpu
    return wall, proc


def best_pair(ours: list[str], theirs: list[str] | None, runs: int) -> tuple[Seconds, Seconds | None]:
    """The best of ``runs`` runs of each command, taken in turns so that both meet the same
    moments of a shared machine."""
    mine: list[Seconds] = []
    other: list[Seconds] = []
    for _ in range(runs):
        mine.append(timed(ours)[0])
        if theirs:
            other.append(timed(theirs)[0])
    return min(mine, key=float), min(other, key=float) if other else None


def folder(n: int, seed: int = 7) -> Path:
    out = DATA / f"reports-{n}"
    manifest = out / MANIFEST
    if not (manifest.exists() and json.loads(manifest.read_text(encoding="utf-8")).get("n") == n):
        shutil.rmtree(out, ignore_errors=True)
        generate(out, n, seed=seed, defect_rate=0.5)
    return out


def verify(out: Path, result_file: Path, summary_file: Path) -> str:
    """Every injected defect found by its rule at its pointer, and the summary's per-rule counts right."""
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    reports = {Path(r["file"]).name: r for r in json.loads(result_file.read_text(encoding="utf-8"))["reports"]}
    summary = json.loads(summary_file.read_text(encoding="utf-8"))
    wanted = found = wrong = 0
    failing: dict[str, int] = {}
    for entry in manifest["reports"]:
        got = {(f["code"], f["pointers"][0]) for f in reports[entry["file"]]["findings"] if f["code"] in RULES_INJECTED}
        want = {(d["rule"], d["pointer"]) for d in entry["defects"]}
        wanted += len(want)
        found += len(want & got)
        wrong += len(got - want)
        for code in {d["rule"] for d in entry["defects"]}:
            failing[code] = failing.get(code, 0) + 1
    counted = {r["code"]: r["reports_failed"] for r in summary["rules"] if r["code"] in RULES_INJECTED and r["reports_failed"]}
    ok = found == wanted and not wrong and counted == failing
    return (f"{'OK' if ok else 'MISMATCH'}: {found}/{wanted} injected defects found at their pointers, {wrong} unexpected; "
            f"summary per-rule counts {'right' if counted == failing else 'WRONG'} "
            f"({sum(1 for e in manifest['reports'] if e['defects'])} of {len(manifest['reports'])} reports defective)")


def row(label: str, ours: float | None, theirs: float | None, target: str) -> str:
    """Wall-clock seconds (CPU seconds) of each, and the ratios of both."""
    def fmt(v: float | None) -> str:
        return "—" if v is None else f"{v:.2f} s ({getattr(v, 'cpu', 0):.2f} s CPU)"

    ratio = "—"
    if ours is not None and theirs:
        ratio = f"{ours / theirs:.2f}×"
        if getattr(ours, "cpu", 0) and getattr(theirs, "cpu", 0):
            ratio += f" ({ours.cpu / theirs.cpu:.2f}× CPU)"
    return f"| {label} | {fmt(ours)} | {fmt(theirs)} | {ratio} | {target} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="gov-check benchmarks")
    parser.add_argument("-n", type=int, default=2000, help="reports in the batch (default 2000)")
    parser.add_argument("--jobs", type=int, help="gov-check workers (default: the machine's cores)")
    parser.add_argument("--runs", type=int, default=9, help="runs of each cold-start command (best is kept)")
    args = parser.parse_args(argv)
    gov, cjs = tool("gov-check"), tool("check-jsonschema")
    if gov is None:
        print("gov-check is not installed (pip install -e .)")
        return 2
    print(f"machine: {machine()}\n")
    os.environ["GOV_CHECK_CACHE_DIR"] = str(CACHE)
    # pip byte-compiles a package it installs; an editable install (make) leaves that to the first
    # import, which cannot write it where PYTHONDONTWRITEBYTECODE is set.  Measure installed code.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "checker"), str(ROOT / "rules")],
                   stdout=subprocess.DEVNULL, check=False)
    big, small = folder(args.n), folder(max(1, args.n // 10))
    files = sorted(str(p) for p in big.glob("*.json"))
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    lines = ["| benchmark | gov-check: wall (CPU) | other tool: wall (CPU) | ratio | target |", "|---|---|---|---|---|"]
    work = DATA / "out"
    work.mkdir(parents=True, exist_ok=True)

    # 1. the batch, then the same files through check-jsonschema.  gov-check's cache is filled first,
    # as any earlier run leaves it (the first run on a machine is row 2's business): a run that fills
    # it compiles the schema check in the parent, and its forked workers would start larger.
    subprocess.run([gov, str(ROOT / "examples" / "clean-2023.json")], stdout=subprocess.DEVNULL, check=False)
    result, summary = work / f"result-{args.n}.json", work / f"summary-{args.n}.json"
    ours, proc = timed([gov, str(big), "--summary-only", "--format", "json", "-o", str(result), "--summary-json",
                        str(summary), "--no-progress", *jobs])
    if proc.returncode not in (0, 1):
        print(f"gov-check failed ({proc.returncode}): {proc.stderr.decode()[:500]}")
        return 2
    serial, _ = timed([gov, str(big), "--summary-only", "--format", "json", "-o", str(work / "result-serial.json"),
                       "--summary-json", str(work / "summary-serial.json"), "--no-progress", "--jobs", "1"])
    theirs = timed([cjs, "--schemafile", str(SCHEMA), *files])[0] if cjs else None
    run = json.loads(summary.read_text(encoding="utf-8"))["run"]
    lines.append(row(f"{args.n:,} JSON reports, every national rule, {run['jobs']} workers vs check-jsonschema",
                     ours, theirs, "≤ 1.0× (aim 0.5×)"))
    lines.append(row(f"{args.n:,} JSON reports, one worker (`--jobs 1`) vs check-jsonschema", serial, theirs, "—"))
    checked = verify(big, result, summary)

    # 2. cold start, one report: the first run on a machine fills the cache, the others use it
    one = str(ROOT / "examples" / "clean-2023.json")
    shutil.rmtree(CACHE, ignore_errors=True)
    first = timed([gov, one])[0]
    ours, theirs = best_pair([gov, one], [cjs, "--schemafile", str(SCHEMA), one] if cjs else None, args.runs)
    lines.append(row("one report, cold start (`gov-check report.json`) vs check-jsonschema", ours, theirs, "≤ 1.0×"))
    lines.append(row("one report, the first run on a machine (empty cache) vs check-jsonschema", first, theirs, "—"))

    # 3. a Word report
    docx_line = docx_benchmark(gov, args.runs)
    if isinstance(docx_line, str):
        lines.append(f"| a Word report vs opening it with python-docx | {docx_line} | | | ≤ 2× |")
    else:
        lines.append(row("a Word report (`gov-check report.docx`) vs `docx.Document(path)`", *docx_line, "≤ 2×"))

    # 3b. two years of a Word report compared, against checking one of them
    compare_line = compare_benchmark(gov, args.runs)
    if isinstance(compare_line, str):
        lines.append(f"| two Word reports compared vs checking one | {compare_line} | | | ≤ 2× |")
    else:
        lines.append(row("two Word reports compared (`gov-check compare last.docx this.docx -o c.html`) vs "
                         "`gov-check this.docx --format json`", *compare_line, "≤ 2×"))

    # 3c. a real PDF report
    pdf_line = pdf_benchmark(gov, args.runs)
    if isinstance(pdf_line, str):
        lines.append(f"| a PDF report vs pdfplumber's open + extract_tables | {pdf_line} | | | ≤ 1.0× |")
    else:
        lines.append(row("a real PDF report (`gov-check huaian-2024.pdf`) vs pdfplumber open + `extract_tables`, every page",
                         *pdf_line, "≤ 1.0×"))

    # 4. memory per worker as the batch grows tenfold
    small_summary = work / "summary-small.json"
    timed([gov, str(small), "--summary-only", "--summary-json", str(small_summary), "--no-progress", *jobs])
    small_rss = json.loads(small_summary.read_text(encoding="utf-8"))["run"]["worker_peak_rss_kb"]
    big_rss = run["worker_peak_rss_kb"]
    lines.append(f"| peak RSS of the largest worker: {args.n // 10:,} → {args.n:,} reports | "
                 f"{small_rss / 1024:.0f} MB → {big_rss / 1024:.0f} MB | | {big_rss / small_rss:.2f}× | flat (≈ 1.0×) |"
                 if small_rss and big_rss else "| peak RSS per worker | — (one worker: in-process) | | | |")
    lines.append(f"| peak RSS of the main process, {args.n:,} reports | {run['main_peak_rss_kb'] / 1024:.0f} MB | | | |")
    print("\n".join(lines))
    print(f"\n{args.n:,}-report batch: {checked}")
    if not cjs:
        print("check-jsonschema is not installed: pip install -e '.[bench]'")
    return 0 if checked.startswith("OK") else 1


def docx_benchmark(gov: str, runs: int) -> tuple[Seconds, Seconds] | str:
    # The real sample printed as Word prints it: paragraphs, and the three tables with their merged
    # header cells (the layout the loader tests read back cell for cell).
    from tests.loaders.render import layout, to_docx

    report = json.loads((ROOT / "examples" / "yangquan-2023.json").read_text(encoding="utf-8"))
    sample = to_docx(layout(report), DATA / "yangquan-2023.docx")
    read = subprocess.run([gov, "convert", str(sample)], capture_output=True)
    if read.returncode != 0 or json.loads(read.stdout).get("tables") != report["tables"]:
        return f"not run: gov-check did not read every cell of {sample.name} back ({read.stderr.decode()[:120]})"
    return best_pair([gov, str(sample), "--format", "json"],
                     [sys.executable, "-c", "import sys, docx; docx.Document(sys.argv[1])", str(sample)], runs)


def compare_benchmark(gov: str, runs: int) -> tuple[Seconds, Seconds] | str:
    """The sample and a constructed last year (checker/testing/pairs.py), both printed as Word: the
    comparison (both loaded, both checked, compared, rendered as HTML) against checking one."""
    from checker.testing.pairs import constructed_last_year
    from tests.loaders.render import layout, to_docx

    report = json.loads((ROOT / "examples" / "yangquan-2023.json").read_text(encoding="utf-8"))
    this = to_docx(layout(report), DATA / "yangquan-2023.docx")
    last = to_docx(layout(constructed_last_year(report)), DATA / "yangquan-2022-constructed.docx")
    out = DATA / "compare.html"
    probe = subprocess.run([gov, "compare", str(last), str(this), "-o", str(out)], capture_output=True)
    if probe.returncode != 0:
        return f"not run: the comparison failed ({probe.stderr.decode()[:120]})"
    return best_pair([gov, "compare", str(last), str(this), "-o", str(out)], [gov, str(this), "--format", "json"], runs)

def pdf_benchmark(gov: str, runs: int) -> tuple[Seconds, Seconds] | str:
    # The real published PDF (examples/huaian-2024.pdf: 6 pages, ruled tables, page numbers in the
    # text flow), read back whole first: all 200 cells, or the row says why it was not run.
    sample = ROOT / "examples" / "huaian-2024.pdf"
    read = subprocess.run([gov, "convert", str(sample)], capture_output=True)
    tables = json.loads(read.stdout).get("tables", {}) if read.returncode == 0 else {}
    if sum(len(r) for t in tables.values() for r in t.values()) != 200:
        return f"not run: gov-check did not read the 200 cells of {sample.name} ({read.stderr.decode()[:120]})"
    return best_pair([gov, str(sample), "--format", "json"],
                     [sys.executable, "-c", "import sys, pdfplumber\nwith pdfplumber.open(sys.argv[1]) as pdf:\n"
                      "    [page.extract_tables() for page in pdf.pages]", str(sample)], runs)


if __name__ == "__main__":
    sys.exit(main())
