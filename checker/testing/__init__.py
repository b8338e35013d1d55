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
    """Set each pointer to its value (creating objects on the way) and delete each removed pointer.
    A pointer that does not fit the document is a ValueError naming the pointer."""
    doc = copy.deepcopy(doc)
    for pointer, value in (patch or {}).items():
        try:
            *parents, last = _parts(pointer)
            node = doc
            for p in parents:
                node = node[int(p)] if isinstance(node, list) else node.setdefault(p, {})
            if isinstance(node, list):
                node[int(last)] = value
            else:
                node[last] = value
        except (IndexError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"patch {pointer!r}: {type(exc).__name__}: {exc}") from None
    for pointer in remove:
        try:
            *parents, last = _parts(pointer)
            node = doc
            for p in parents:
                node = node[int(p)] if isinstance(node, list) else node[p]
            del node[int(last) if isinstance(node, list) else last]
        except (IndexError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"remove {pointer!r}: {type(exc).__name__}: {exc}") from None
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
    line: int = 0  # where the case starts in its file
    error: str | None = None  # what is wrong with the case itself (it then fails, naming file:line and name)

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

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

        if self.error:
            raise AssertionError(f"{self.where}: case {self.name!r}: {self.error}")
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


class PluginNotInstalled(AssertionError):
    """A plugin named by module name cannot be imported because it is not installed."""


def _import(name: str) -> Any:
    import importlib

    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name and (exc.name == name or name.startswith(exc.name + ".")):
            raise PluginNotInstalled(
                f"{name}: the plugin is not installed: run `pip install -e .` in the plugin's folder"
                f"（插件 {name} 未安装：请在插件文件夹中运行 pip install -e .）") from None
        raise


def _host(plugins: Iterable[Any]) -> Any:
    """A host with the built-ins and exactly these plugins (modules, objects or module names)."""
    from checker.plugins import PluginHost

    host = PluginHost(autoload=False)
    for i, plugin in enumerate(plugins):
        if isinstance(plugin, str):
            plugin = _import(plugin)
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


def _case_lines(text: str) -> list[int]:
    """The line each entry of the file's ``cases`` list starts on (1-based), in order."""
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if getattr(key, "value", None) == "cases" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def load_cases(path: str | Path) -> list[Case]:
    """The cases of one file.  A malformed case is kept as a Case with ``error`` set (its test fails,
    naming file:line and the case), so one bad case never hides the others; a file that is not a
    cases file at all is a ValueError naming the file (and line)."""
    import yaml

    path = Path(path)
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ValueError(f"{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict) or not isinstance(data.get("rule"), str) or not isinstance(data.get("cases", []), list):
        raise ValueError(f"{path}:1: a cases file needs `rule: CODE` and a list `cases:`")
    rule = data["rule"]
    lines = _case_lines(text)
    out = []
    for i, raw in enumerate(data.get("cases", [])):
        line = lines[i] if i < len(lines) else 0
        name = str(raw.get("name", f"#{i + 1}")) if isinstance(raw, dict) else f"#{i + 1}"
        try:
            out.append(_case(path, data, rule, raw, line))
        except Exception as exc:  # a malformed case: reported by its own test, not by collection
            out.append(Case(rule=rule, name=name, file=str(path), document=None, outcome=None, findings=None,
                            line=line, error=f"malformed case: {type(exc).__name__}: {exc}"))
    return out


def _case(path: Path, data: dict[str, Any], rule: str, raw: Any, line: int) -> Case:
    if not isinstance(raw, dict):
        raise TypeError(f"a case is a mapping with `name:`, got {type(raw).__name__}")
    if "name" not in raw:
        raise KeyError("the case has no `name:`")
    unknown = set(raw) - {"name", "base", "document", "patch", "remove", "previous", "outcome", "findings", "options",
                          "extra", "profile", "severity", "waivers", "today"}
    if unknown:
        raise KeyError(f"unknown key(s) {', '.join(sorted(unknown))}")
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
    return Case(rule=rule, name=str(raw["name"]), file=str(path), document=doc, outcome=raw.get("outcome"),
                findings=raw.get("findings"), options=raw.get("options") or {}, previous=previous,
                extra=raw.get("extra") or {}, profile=raw.get("profile", data.get("profile")),
                severity=raw.get("severity"), waivers=raw.get("waivers"),
                today=raw.get("today", data.get("today")), line=line)


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
        try:
            case.check(plugins)
        except PluginNotInstalled as exc:
            pytest.fail(str(exc), pytrace=False)
        except AssertionError as exc:
            message = str(exc)
            pytest.fail(message if message.startswith(case.where) else f"{case.where}: {message}", pytrace=False)

    return test_rule_case
