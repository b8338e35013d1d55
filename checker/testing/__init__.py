"""The rule-testing kit, shipped in the package for national and province rule authors.

A cases file (YAML) lists report fragments and what a rule must say about them::

    rule: GC204
    cases:
      - name: balanced
        outcome: pass
      - name: carried_forward_one_too_many
        patch:                                   # JSON Pointer → value, applied to the base report
          /tables/t3/carried_forward/total: 3
        outcome: fail
        findings:
          - pointer: /tables/t3/new_received/total    # the finding's first pointer
            severity: error
            message_contains: 相差 1

Each case starts from a clean base report (``base: clean-2021`` by default; ``clean-2019``, or
``document:`` for a whole document of its own), applies ``patch`` and ``remove``, optionally sets
``previous`` (a patch of the base, or a document) and rule ``options``, runs the one rule, and
compares its outcome and findings.  More keys, all optional:

- ``profile: NAME`` runs the rule with a profile's severities and options (e.g. a province's);
- ``severity: error`` sets the rule's severity as a config would;
- ``waivers: [{rule, place, reason, until}, …]`` and ``today: 2026-01-15`` apply waivers (GC901);
- ``extra:`` values passed to the rule's context.

A file may set ``base``, ``profile`` and ``today`` at the top for all its cases.  One line of test
code runs a folder of cases files (a plugin passes its own module, by name or as a module)::

    from checker.testing import cases_test
    test_rules = cases_test(__file__, plugins=["gov_check_myprovince"])   # runs ./cases/*.yaml

``cases_test(path)`` takes the cases folder, or a test file whose sibling ``cases`` folder it runs.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

BASES = ("clean-2021", "clean-2019")


def base_document(name: str = "clean-2021") -> dict[str, Any]:
    if name not in BASES:
        raise ValueError(f"unknown base {name!r}; choose one of {', '.join(BASES)}")
    return json.loads(resources.files(__name__).joinpath(f"{name}.json").read_text(encoding="utf-8"))


def _parts(pointer: str) -> list[str]:
    if not pointer.startswith("/"):
        raise ValueError(f"not a JSON Pointer: {pointer!r}")
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]


def apply_patch(doc: Any, patch: dict[str, Any] | None = None, remove: Iterable[str] = ()) -> Any:
    """Set each pointer to its value (creating objects on the way) and delete each removed pointer."""
    doc = copy.deepcopy(doc)
    for pointer, value in (patch or {}).items():
        *parents, last = _parts(pointer)
        node = doc
        for p in parents:
            node = node[int(p)] if isinstance(node, list) else node.setdefault(p, {})
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    for pointer in remove:
        *parents, last = _parts(pointer)
        node = doc
        for p in parents:
            node = node[int(p)] if isinstance(node, list) else node[p]
        del node[int(last) if isinstance(node, list) else last]
    return doc


@dataclass
class Case:
    rule: str
    name: str
    file: str
    document: Any
    outcome: str | None
    findings: list[dict[str, Any]] | None
    options: dict[str, Any] = field(default_factory=dict)
    previous: Any = None
    extra: dict[str, Any] = field(default_factory=dict)
    profile: str | None = None
    severity: str | None = None
    waivers: list[dict[str, Any]] | None = None
    today: Any = None

    @property
    def id(self) -> str:
        return f"{self.rule}:{self.name}"

    def run(self, plugins: Iterable[Any] = ()) -> Any:
        import datetime as dt

        from checker.config import Config
        from checker.engine import Engine
        from checker.findings import Severity
        from checker.waivers import parse_waivers

        host = _host(plugins)
        if host.problems:
            raise AssertionError(f"{self.id}: plugin problems: {'; '.join(map(str, host.problems))}")
        config = Config(select=(self.rule,), options={self.rule: self.options} if self.options else {},
                        severities={self.rule: Severity(self.severity)} if self.severity else {})
        if self.profile:
            config.profile = self.profile
        waivers = parse_waivers({"waivers": self.waivers}, self.file) if self.waivers is not None else ()
        today = self.today if isinstance(self.today, dt.date) else dt.date.fromisoformat(self.today) if self.today else None
        engine = Engine(host, config, waivers=waivers, today=today)
        result = engine.check(self.document, file=self.file, previous=self.previous, extra=self.extra)
        return engine.finish([result])[0]

    def check(self, plugins: Iterable[Any] = ()) -> None:
        """Run the case and raise AssertionError, naming the case, when the rule says otherwise."""
        from checker.messages import render

        result = self.run(plugins)
        result_rules = _registry(plugins)
        mine = [f for f in result.findings if f.code == self.rule]
        outcome = next((o for o in result.outcomes if o.code == self.rule), None)
        if outcome is None:
            raise AssertionError(f"{self.id}: rule {self.rule} did not run (is it registered?)")
        crashed = [f for f in result.findings if f.code == "GC900"]
        if crashed:
            raise AssertionError(f"{self.id}: the rule crashed: {crashed[0].args}")
        rendered = [render(f, result_rules, "zh", self.document) for f in mine]
        got = "\n".join(f"  - {f.severity.value} {f.pointer}: {m}" for f, m in zip(mine, rendered)) or "  (none)"
        if self.outcome and outcome.outcome.value != self.outcome:
            reasons = "; ".join(r.zh for r in outcome.reasons)
            raise AssertionError(f"{self.id}: outcome {outcome.outcome.value!r}, expected {self.outcome!r}"
                                 f" {reasons}\nfindings:\n{got}")
        if self.findings is None:
            return
        unmatched = list(zip(mine, rendered))
        for want in self.findings:
            hit = next((pair for pair in unmatched if _matches(pair[0], pair[1], want)), None)
            if hit is None:
                raise AssertionError(f"{self.id}: no finding matches {want}\nfindings:\n{got}")
            unmatched.remove(hit)
        if unmatched:
            raise AssertionError(f"{self.id}: {len(unmatched)} unexpected finding(s)\nfindings:\n{got}")


def _host(plugins: Iterable[Any]) -> Any:
    """A host with the built-ins and exactly these plugins (modules, objects or module names)."""
    import importlib

    from checker.plugins import PluginHost

    host = PluginHost(autoload=False)
    for i, plugin in enumerate(plugins):
        if isinstance(plugin, str):
            plugin = importlib.import_module(plugin)
        host.register(plugin, name=getattr(plugin, "__name__", f"test-plugin-{i}"))
    return host


def _registry(plugins: Iterable[Any]) -> dict[str, type]:
    return _host(plugins).rules


def _matches(finding: Any, message: str, want: dict[str, Any]) -> bool:
    if "pointer" in want and finding.pointer != want["pointer"]:
        return False
    if "pointers" in want and list(finding.pointers) != list(want["pointers"]):
        return False
    if "severity" in want and finding.severity.value != want["severity"]:
        return False
    if "message" in want and finding.message != want["message"]:
        return False
    for text in _as_list(want.get("message_contains")):
        if str(text) not in message:
            return False
    for key in ("expected", "actual", "difference"):
        if key in want and str(getattr(finding, key)) != str(want[key]):
            return False
    if "waived" in want and bool(finding.waived) != bool(want["waived"]):
        return False
    if "quote_contains" in want and want["quote_contains"] not in (finding.quote or ""):
        return False
    return True


def _as_list(value: Any) -> list[Any]:
    return [] if value is None else value if isinstance(value, list) else [value]


def load_cases(path: str | Path) -> list[Case]:
    import yaml

    path = Path(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rule = data["rule"]
    out = []
    for raw in data.get("cases", []):
        base = raw.get("base", data.get("base", "clean-2021"))
        doc = raw["document"] if "document" in raw else apply_patch(base_document(base), raw.get("patch"),
                                                                    raw.get("remove", ()))
        previous = raw.get("previous")
        if isinstance(previous, dict) and "document" not in previous and ("patch" in previous or "remove" in previous
                                                                           or "base" in previous):
            previous = apply_patch(base_document(previous.get("base", "clean-2021")), previous.get("patch"),
                                   previous.get("remove", ()))
        elif isinstance(previous, dict) and "document" in previous:
            previous = previous["document"]
        out.append(Case(rule=rule, name=str(raw["name"]), file=str(path), document=doc, outcome=raw.get("outcome"),
                        findings=raw.get("findings"), options=raw.get("options") or {}, previous=previous,
                        extra=raw.get("extra") or {}, profile=raw.get("profile", data.get("profile")),
                        severity=raw.get("severity"), waivers=raw.get("waivers"),
                        today=raw.get("today", data.get("today"))))
    return out


def collect(directory: str | Path) -> list[Case]:
    cases: list[Case] = []
    for path in sorted(Path(directory).glob("*.y*ml")):
        cases.extend(load_cases(path))
    return cases


def cases_test(directory: str | Path, plugins: Iterable[Any] = ()) -> Any:
    """A pytest test function that runs every case in ``directory``, one test per case."""
    import pytest

    directory = Path(directory)
    if directory.is_file():
        directory = directory.parent / "cases"
    cases = collect(directory)
    if not cases:
        raise FileNotFoundError(f"no cases files (*.yaml) in {directory}")
    plugins = tuple(plugins)

    @pytest.mark.parametrize("case", cases, ids=[c.id for c in cases])
    def test_rule_case(case: Case) -> None:
        case.check(plugins)

    return test_rule_case
