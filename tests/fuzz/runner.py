"""The long run: cases from a seeded stream, for as long as asked; each new crash class minimised and
saved to the corpus; one line of figures at the end.

    python -m tests.fuzz --seconds 1800 [--seed N] [--corpus tests/fuzz/corpus] [--kinds json,text]

(``make fuzz FUZZ_SECONDS=1800``.)  Case ``i`` of a run with seed ``S`` is ``make_case(S * 10**9 + i)``:
a failure is reproduced from the number printed beside it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from . import harness
from .mutators import KINDS, Case, make_case

CORPUS = Path(__file__).parent / "corpus"
SUFFIX = {"json": ".json", "peer": ".json", "text": ".txt", "markdown": ".md", "html": ".html", "docx": ".docx",
          "pdf": ".pdf"}


def minimise(case: Case, klass: str, seconds: float = 30.0) -> Case:
    """The smallest case (by deleting slices of each file, halving first) that still fails with the
    same crash class, within ``seconds``."""
    deadline = time.monotonic() + seconds

    def fails(candidate: Case) -> bool:
        found = harness.failure(candidate)
        return found is not None and found.klass == klass

    best = case
    for name in sorted(case.files, key=lambda n: -len(case.files[n])):
        data = best.files[name]
        chunk = max(1, len(data) // 2)
        while chunk >= 1 and time.monotonic() < deadline:
            i, shrunk = 0, False
            while i < len(data) and time.monotonic() < deadline:
                trial = data[:i] + data[i + chunk:]
                candidate = Case(best.kind, {**best.files, name: trial}, best.args, best.output, best.seed)
                if fails(candidate):
                    data, best, shrunk = trial, candidate, True
                else:
                    i += chunk
            if not shrunk:
                chunk //= 2
    return best


def save(case: Case, failure: harness.Failure, corpus: Path) -> Path:
    """Write the case's files and a ``case.json`` (kind, command line, crash class) into its own folder."""
    digest = hashlib.sha1(failure.klass.encode()).hexdigest()[:10]
    folder = corpus / f"{case.kind}-{digest}"
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in case.files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    (folder / "case.json").write_text(json.dumps(
        {"kind": case.kind, "args": case.args, "output": case.output, "seed": case.seed, "class": failure.klass,
         "detail": failure.detail[-2000:]}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return folder


def load_saved(folder: Path) -> Case:
    meta = json.loads((folder / "case.json").read_text(encoding="utf-8"))
    files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
             if p.is_file() and p.name != "case.json"}
    return Case(meta["kind"], files, meta["args"], meta["output"], meta.get("seed"))


def fuzz(seconds: float, seed: int = 0, corpus: Path | None = CORPUS, kinds: list[str] | None = None,
         log=sys.stderr, minimise_seconds: float = 30.0, every_twice: int = 20) -> dict:
    """Run cases until ``seconds`` have passed; returns the figures (and prints one line at the end)."""
    start = time.monotonic()
    per_kind: Counter[str] = Counter()
    classes: dict[str, dict] = {}
    hangs = 0
    slowest = (0.0, None)
    i = 0
    with tempfile.TemporaryDirectory(prefix="gov-check-fuzz-") as tmp:
        while time.monotonic() - start < seconds:
            number = seed * 10 ** 9 + i
            kind = kinds[i % len(kinds)] if kinds else None
            i += 1
            case = make_case(number, kind)
            folder = Path(tmp) / str(i % 4)
            began = time.perf_counter()
            try:
                found = harness.failure(case, folder / "run", twice=every_twice > 0 and i % every_twice == 0)
            finally:
                _clear(folder)
            took = time.perf_counter() - began
            per_kind[case.kind] += 1
            if took > slowest[0]:
                slowest = (took, number)
            if found is None:
                continue
            if found.klass.startswith("hang"):
                hangs += 1
            entry = classes.setdefault(found.klass, {"count": 0, "first": number, "kind": case.kind})
            entry["count"] += 1
            if entry["count"] == 1:
                print(f"[fuzz] new class after {i} inputs: {found.klass} (case {number}, {case.kind})", file=log,
                      flush=True)
                if corpus is not None:
                    small = minimise(case, found.klass, minimise_seconds) if minimise_seconds else case
                    entry["saved"] = str(save(small, found, corpus))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total = sum(per_kind.values())
    figures = {"inputs": total, "per_kind": dict(sorted(per_kind.items())), "crash_classes": len(classes),
               "hangs": hangs, "peak_mb": round(peak_mb), "seconds": round(time.monotonic() - start),
               "slowest": {"seconds": round(slowest[0], 2), "case": slowest[1]}, "classes": classes}
    kinds_text = ", ".join(f"{k} {n:,}" for k, n in sorted(per_kind.items()))
    print(f"fuzz: {total:,} inputs in {figures['seconds']} s ({kinds_text}); crash classes: {len(classes)}; "
          f"hangs: {hangs}; peak memory: {figures['peak_mb']} MB", file=log, flush=True)
    return figures


def _clear(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="where failing inputs are saved (minimised)")
    parser.add_argument("--kinds", default="", help=f"comma-separated, of: {', '.join(KINDS)}")
    parser.add_argument("--no-minimise", action="store_true")
    parser.add_argument("--report", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    kinds = [k for k in args.kinds.split(",") if k] or None
    if kinds and set(kinds) - set(KINDS):
        parser.error(f"unknown kinds: {', '.join(sorted(set(kinds) - set(KINDS)))}")
    figures = fuzz(args.seconds, args.seed, args.corpus, kinds, minimise_seconds=0 if args.no_minimise else 30.0)
    if args.report:
        args.report.write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for klass, entry in figures["classes"].items():
        print(f"  {entry['count']:6,} × {klass}  (first: case {entry['first']}, {entry['kind']})", file=sys.stderr)
    return 1 if figures["crash_classes"] else 0
