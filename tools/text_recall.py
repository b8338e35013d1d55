"""Measure how many of the figures the real reports' prose restates from their tables the text rules
read, match and flag (issue 13).  The figures are listed by a reader in
tests/data/text-recall/figures.yaml; the corpus reports' tables, which the loaders cannot read yet,
are transcribed next to it (one JSON per report, cited by its source file).

    python tools/text_recall.py [--shared ../shared] [--markdown]

Prints one line per figure (read / matched / flagged) and the totals; exits 1 when a rule raised a
finding on a figure that agrees with its table or on a sentence that restates nothing (a false alarm).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "text-recall"
TEXT_RULES = ("GC401", "GC402", "GC403", "GC404", "GC405", "GC406")


@dataclass
class Row:
    report: str
    quote: str
    written: str | None
    quantity: str
    read: bool = False
    matched: bool = False
    flagged: bool = False
    read_as: str = ""


@dataclass
class Measured:
    rows: list[Row] = field(default_factory=list)
    false_alarms: list[tuple[str, str, str]] = field(default_factory=list)  # report, code, quote
    true_positives: list[tuple[str, str, str]] = field(default_factory=list)  # confirmed defects
    silent_read: list[tuple[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # reports whose file is not on this machine


def _document(entry: dict, shared: Path, imported: bool = False) -> dict | None:
    from checker.engine import Engine
    from checker.loaders import LoadOptions, load

    if "fixture" in entry:
        fixture = json.loads((DATA / entry["fixture"]).read_text(encoding="utf-8"))
        path = shared / fixture["source"]
    else:
        fixture, path = None, shared / entry["source"]
    if not path.exists():
        return None
    doc = load(path, Engine().host.loaders, LoadOptions()).document
    if fixture is None or imported:
        return doc
    return overlay(doc, fixture)


def overlay(doc: dict, fixture: dict) -> dict:
    """The loaded document with the fixture's metadata and transcribed tables."""
    from checker import labels

    doc = dict(doc)
    doc["metadata"] = {**(doc.get("metadata") or {}), **fixture["metadata"]}
    template = fixture["metadata"]["template_version"]
    tables: dict = {}
    rows = [r.id for r in labels.t3_rows(template)]
    if len(rows) != len(fixture["t3_total"]):
        raise ValueError(f"{fixture['source']}: {len(fixture['t3_total'])} T3 values for {len(rows)} rows")
    tables["t3"] = {r: {"total": v} for r, v in zip(rows, fixture["t3_total"])}
    if "t4" in fixture:
        cols = [c.id for c in labels.T4_COLUMNS]
        tables["t4"] = {b.id: dict(zip(cols, fixture["t4"][5 * i:5 * i + 5])) for i, b in enumerate(labels.T4_BLOCKS)}
    if "t2" in fixture:
        t2 = fixture["t2"]
        tables["t2"] = {
            "regulations": dict(zip(("issued", "repealed", "in_force"), t2["regulations"])),
            "normative_documents": dict(zip(("issued", "repealed", "in_force"), t2["normative_documents"])),
            "licensing": {"decisions": t2["licensing"]}, "punishment": {"decisions": t2["punishment"]},
            "coercion": {"decisions": t2["coercion"]},
        }
    doc["tables"] = tables
    return doc


def _compact(s: str) -> str:
    return "".join(s.split())


def _at(claim, quote: str, written: str | None) -> bool:
    """The claim is the figure ``written`` inside ``quote`` (or, for ``None``, a claim without a
    figure in the sentence that has the quote)."""
    sentence = _compact(claim.sentence.text)
    where = sentence.find(quote)
    if where < 0:
        return False
    if written is None or claim.figure is None:
        return written is None and claim.figure is None
    if _compact(claim.figure.written) != _compact(written):
        return False
    offset = len(_compact(claim.sentence.text[:claim.figure.start]))
    return where <= offset < where + len(quote)


def measure(shared: Path, imported: bool = False) -> Measured:
    """``imported``: the corpus tables as the loaders read them, instead of the transcriptions."""
    import yaml

    from checker.model import Report
    from checker.testing import Case
    from rules.text.claims import read_claims

    try:
        from rules.text.claims import read_summaries
    except ImportError:  # the rules before issue 13 read no summaries
        def read_summaries(report):
            return ()

    spec = yaml.safe_load((DATA / "figures.yaml").read_text(encoding="utf-8"))
    out = Measured()
    for entry in spec["reports"]:
        doc = _document(entry, shared, imported)
        if doc is None:
            out.missing.append(entry["id"])
            continue
        report = Report(doc)
        claims = read_claims(report)
        summaries = read_summaries(report)
        findings = []
        for code in TEXT_RULES:
            result = Case(rule=code, name="recall", file="-", document=doc, outcome=None, findings=None).run()
            findings += [f for f in result.findings if f.code in TEXT_RULES]
        flagged_findings: set[int] = set()
        for fig in entry.get("figures") or []:
            row = Row(entry["id"], fig["quote"], fig["written"], fig["quantity"])
            quote = _compact(fig["quote"])
            if fig["quantity"] == "share":
                # A percentage: read when GC404 compared it (a finding names it, or its part was read).
                part = _compact(fig["quote"].split("，")[0])
                row.read = any(c.figure is not None and part.endswith(_compact(c.figure.written))
                               and part in _compact(c.sentence.text) for c in claims)
            else:
                for c in claims:
                    if not _at(c, quote, fig["written"]):
                        continue
                    row.read_as = c.quantity
                    row.read = c.quantity == fig["quantity"]
                    if row.read:
                        break
                if not row.read and fig["written"] is None:
                    row.read = any(quote in _compact(s.sentence.text) and fig["quantity"] in s.zero for s in summaries)
            for i, f in enumerate(findings):
                if f.quote and quote in _compact(f.quote) and (fig["written"] is None or fig["quantity"] == "share"
                                                               or _compact(str(f.args.get("stated", ""))) == _compact(fig["written"])):
                    row.flagged = True
                    flagged_findings.add(i)
            row.matched = row.read and not row.flagged
            out.rows.append(row)
        confirmed = entry.get("findings") or []
        for i, f in enumerate(findings):
            if any(f.code == t["code"] and _compact(t["quote"]) in _compact(f.quote or "") for t in confirmed):
                out.true_positives.append((entry["id"], f.code, f.quote or ""))
            elif i not in flagged_findings:
                out.false_alarms.append((entry["id"], f.code, f.quote or ""))
        for silent in entry.get("silent") or []:
            s = _compact(silent)
            if any(c.figure is not None and s in _compact(c.sentence.text) and s.endswith(_compact(c.figure.written))
                   for c in claims):
                out.silent_read.append((entry["id"], silent))
    return out


_RULE_OF = {"t2": "GC405", "t4": "GC403"}
_T3_TOTALS = ("t3.received", "t3.new_received", "t3.carried_over", "t3.results_total", "t3.carried_forward")


def perturbed(shared: Path, imported: bool = False) -> tuple[int, int, list[tuple[str, str]]]:
    """Each listed figure's cell set one higher than printed: how many the rule then flags (a figure
    read but never flaggable would be a silent agreement).  Returns (flagged, tried, not flagged)."""
    import copy

    import yaml

    from checker.model import Report
    from checker.testing import Case
    from rules.text.claims import expected_values

    spec = yaml.safe_load((DATA / "figures.yaml").read_text(encoding="utf-8"))
    flagged, tried, missed = 0, 0, []
    for entry in spec["reports"]:
        doc = _document(entry, shared, imported)
        if doc is None:
            continue
        for fig in entry.get("figures") or []:
            quantity = fig["quantity"]
            if quantity == "share":
                continue
            alternatives = expected_values(Report(doc), quantity)
            tried += 1
            if not alternatives:
                missed.append((entry["id"], fig["quote"]))
                continue
            changed = copy.deepcopy(doc)
            *path, last = alternatives[-1][0].cells[0].pointer.split("/")[2:]
            node = changed["tables"]
            for key in path:
                node = node[key]
            node[last] = node[last] + 1
            code = _RULE_OF.get(quantity[:2], "GC401" if quantity in _T3_TOTALS else "GC402")
            result = Case(rule=code, name="perturbed", file="-", document=changed, outcome=None, findings=None).run()
            quote = _compact(fig["quote"])
            if any(f.code == code and f.quote and quote in _compact(f.quote) for f in result.findings):
                flagged += 1
            else:
                missed.append((entry["id"], fig["quote"]))
    return flagged, tried, missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the folder with samples/ and corpus/ (default: ../shared beside the checkout)")
    parser.add_argument("--markdown", action="store_true", help="a Markdown table")
    parser.add_argument("--imported", action="store_true",
                        help="read the corpus tables with the loaders instead of the transcriptions")
    args = parser.parse_args(argv)
    m = measure(args.shared, args.imported)
    if args.markdown:
        print("| report | text | cell | read | matched | flagged |\n|---|---|---|---|---|---|")
    for r in m.rows:
        mark = lambda b: "yes" if b else "—"  # noqa: E731
        if args.markdown:
            extra = f" (read as {r.read_as})" if r.read_as and not r.read else ""
            print(f"| {r.report} | 「{r.quote}」 | {r.quantity}{extra} | {mark(r.read)} | {mark(r.matched)} | {mark(r.flagged)} |")
        else:
            print(f"{r.report:18} {'R' if r.read else '-'}{'M' if r.matched else '-'}{'F' if r.flagged else '-'} "
                  f"{r.quantity:34} {r.quote}" + (f"  (read as {r.read_as})" if r.read_as and not r.read else ""))
    total = len(m.rows)
    read = sum(r.read for r in m.rows)
    print(f"\nfigures {total}, read {read}, matched {sum(r.matched for r in m.rows)}, "
          f"flagged {sum(r.flagged for r in m.rows)}, false alarms {len(m.false_alarms)}, "
          f"non-restatements read {len(m.silent_read)}, confirmed defects found {len(m.true_positives)}")
    for report, code, quote in m.true_positives:
        print(f"  confirmed defect: {report} {code}: {quote[:80]}")
    for report, code, quote in m.false_alarms:
        print(f"  false alarm? {report} {code}: {quote[:80]}")
    for report, quote in m.silent_read:
        print(f"  read but not a restatement: {report}: {quote}")
    if m.missing:
        print("  not on this machine: " + ", ".join(m.missing))
    flagged, tried, missed = perturbed(args.shared, args.imported)
    print(f"with the cell one higher than printed, flagged {flagged} of {tried}")
    for report, quote in missed:
        print(f"  not flagged: {report}: {quote}")
    return 1 if m.false_alarms or m.silent_read else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
