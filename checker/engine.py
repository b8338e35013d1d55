"""The engine: validate, resolve the rules for the configuration, run each rule isolated, and
return one ReportResult per report (outcomes + findings), never raising for a report's content."""

from __future__ import annotations

import datetime as dt
import time
from functools import cached_property
from typing import Any, Iterable, Mapping

from checker.config import Config, ConfigError, Profile, matches
from checker.findings import CRASH_CODE, Finding, Outcome, ReportResult, RuleOutcome, Severity, Skip, Text
from checker.isolation import MAX_FINDINGS_PER_RULE, RuleClock, RuleFailed, can_fork, captured_output, in_child, malformed
from checker.model import Report
from checker.plugins import PluginHost
from checker.rule import Context, Rule



__all__ = ["ConfigError", "Engine"]  # ConfigError lives in checker.config; re-exported here


class Engine:
    def __init__(self, host: PluginHost | None = None, config: Config | None = None,
                 waivers: Iterable[Any] = (), today: dt.date | None = None):
        self.host = host or PluginHost()
        self.config = config or Config()
        self.waivers = tuple(waivers)  # checker.waivers.Waiver
        self.today = today or dt.date.today()

    @cached_property
    def profiles(self) -> dict[str, Profile]:
        out: dict[str, Profile] = {"national": Profile("national", "全国通用规则（默认）")}
        for plugin, result in self.host._collect("gov_check_profiles"):
            for p in result or ():
                if not isinstance(p, Profile):
                    self.host._problem(plugin, f"gov_check_profiles 返回的 {p!r:.80} 不是 checker.config.Profile，已略去")
                elif p.name in out and plugin != "rules":
                    self.host._problem(plugin, f"规则配置名「{p.name}」已被使用，本插件的这个规则配置未采用；请换一个名称")
                else:
                    out[p.name] = p
                    self.profile_owners[p.name] = plugin
        return out

    @cached_property
    def profile_owners(self) -> dict[str, str]:
        """Profile name → the registration key of the plugin that added it (filled with ``profiles``)."""
        return {}

    def installed_plugin_turned_on(self, key: str) -> bool:
        """Whether an installed (entry-point) plugin's rules run under this configuration: under a
        profile it provides (itself or one extended), never merely because it is installed, so that
        ``national`` keeps meaning the national rules."""
        self.profiles  # fills profile_owners
        return any(self.profile_owners.get(p.name) == key for p in self._profile_chain(self.config.profile))

    def _profile_chain(self, name: str) -> list[Profile]:
        chain: list[Profile] = []
        while name:
            if name not in self.profiles:
                raise ConfigError(f"没有名为「{name}」的规则配置（profile）；可用：{', '.join(self.profiles)}")
            p = self.profiles[name]
            if p in chain:
                raise ConfigError(f"规则配置「{name}」循环继承")
            chain.insert(0, p)
            name = p.extends or ""
        return chain

    @cached_property
    def rules(self) -> list[Rule]:
        """The rule instances this configuration runs, in code order, with severities and options."""
        registry = self.host.rules
        severities: dict[str, Severity] = {}
        options: dict[str, dict[str, Any]] = {}
        select: tuple[str, ...] = ()
        ignore: tuple[str, ...] = ()
        for p in self._profile_chain(self.config.profile):
            select = p.select or select
            ignore = ignore + p.ignore
            severities.update(p.severities)
            for code, opts in p.options.items():
                options.setdefault(code, {}).update(opts)
        select = self.config.select or select
        ignore = ignore + self.config.ignore
        severities.update(self.config.severities)
        for code, opts in self.config.options.items():
            options.setdefault(code, {}).update(opts)
        for code in list(severities) + list(options):
            if code not in registry:
                raise ConfigError(f"{self._where(code)}没有规则 {code}（配置中的严重程度或选项指向了不存在的规则）")
        # Installed plugins' rules run under their own profile, or when the user names them (select,
        # a severity or options); a plugin loaded with --plugin or the config's `plugins` was named.
        named = tuple(self.config.select) + tuple(p for prof in self._profile_chain(self.config.profile) for p in prof.select)
        out = []
        for code, cls in registry.items():
            owner = self.host.rule_owners.get(code, "")
            if self.host.autoloaded(owner) and not self.installed_plugin_turned_on(owner) \
                    and not matches(code, cls.name, named) and code not in self.config.severities \
                    and code not in self.config.options:
                continue
            if select and not matches(code, cls.name, select):
                continue
            if matches(code, cls.name, ignore):
                continue
            unknown = set(options.get(code, {})) - set(cls.options)
            if unknown:
                key = sorted(unknown)[0]
                raise ConfigError(f"{self._where(code, key)}规则 {code} 没有选项「{key}」；"
                                  + _belongs(key, code, registry))
            for key, value in options.get(code, {}).items():
                wrong = _wrong_type(value, cls.options[key].type)
                if wrong:
                    where = f"{self.config.files[0]}: rules.{code}.{key}" if self.config.files else f"规则 {code} 的选项 {key}"
                    raise ConfigError(f"{where}: 应为 {wrong}，实为 {value!r}（{type(value).__name__}）")
            out.append(cls(options.get(code), severities.get(code)))
        return out

    def _where(self, code: str, key: str | None = None) -> str:
        """「FILE: rules.CODE.KEY: 」 when a config file set this rule's settings, else ""."""
        file = self.config.origins.get(f"rules.{code}")
        return f"{file}: rules.{code}{'.' + key if key else ''}: " if file else ""

    @cached_property
    def selected_codes(self) -> frozenset[str]:
        return frozenset(rule.code for rule in self.rules)

    def rule_classes(self) -> dict[str, type]:
        return self.host.rules

    def check(self, document: Any, *, file: str = "", source_map: Mapping[str, Any] | None = None,
              previous: Any = None, extra_findings: Iterable[Finding] = (), fmt: str = "json",
              extra: Mapping[str, Any] | None = None) -> ReportResult:
        from checker.schema import validate, validate_extensions

        document = self._configured_kind(document)
        report = Report(document)
        errors = validate(document) + validate_extensions(document, self.host.extension_schemas)
        # What the loader left out (GC003) is not the report's own gap: GC001 says so instead of an error.
        extra_findings = list(extra_findings)
        gaps = tuple(f.pointer for f in extra_findings if f.code == "GC003" and f.severity is not Severity.INFO)
        ctx = Context(report=report, options={}, previous=Report(previous) if previous is not None else None,
                      schema_errors=tuple(errors), extra={**(extra or {}), "import_gaps": gaps} if gaps else extra or {})
        # Loader findings (GC003) are kept only when their rule is selected, like every other finding.
        findings: list[Finding] = [f for f in extra_findings if f.code in self.selected_codes]
        loaded_codes = {f.code for f in findings}
        outcomes: list[RuleOutcome] = []
        clock = RuleClock(self.config.rule_seconds).install()
        forking = can_fork()  # plugin rules run in a child process that can be stopped (checker.isolation)
        try:
            for rule in self.rules:
                seen = Context(ctx.report, rule.config, ctx.previous, ctx.schema_errors, ctx.extra)
                isolated = self.host.rule_owners.get(rule.code, "rules") != "rules"  # a plugin's rule
                if isolated and not forking:  # its own copy: what it changes cannot reach the other rules
                    seen = Context(Report(_copy(document)), rule.config,
                                   Report(_copy(previous)) if previous is not None else None, ctx.schema_errors, ctx.extra)
                outcome, found = self._run(rule, seen, clock, forked=isolated and forking)
                if outcome.outcome is Outcome.PASS and rule.code in loaded_codes:
                    outcome = RuleOutcome(rule.code, Outcome.FAIL, seconds=outcome.seconds)  # the loader found it
                outcomes.append(outcome)
                for f in found:
                    try:
                        adjusted = self.host.adjust_severity(f, rule, report)
                    except Exception as exc:  # a plugin's hook must not stop the check
                        findings.append(_crash(f"gov_check_adjust_severity ({rule.code})", exc, self._owner(rule)))
                        adjusted = None
                    if isinstance(adjusted, Severity) and adjusted != f.severity:
                        f = _replace(f, severity=adjusted)
                    findings.append(f)
        finally:
            clock.uninstall()
        if loaded_codes:
            from checker.loaders.evidence import mark_import_gaps

            findings = mark_import_gaps(findings, list(findings))
        if self.waivers:
            from checker.waivers import apply_waivers

            findings = apply_waivers(findings, self.waivers, file, self.today, document)
        return ReportResult(file=file, document=document, findings=findings, outcomes=outcomes,
                            source_map=source_map or {}, format=fmt)

    def _configured_kind(self, document: Any) -> Any:
        """The document with the organ kind the configuration imposes (organ_kind / organ_kinds)."""
        meta = document.get("metadata") if isinstance(document, dict) else None
        if not isinstance(meta, dict) or not (self.config.organ_kind or self.config.organ_kinds):
            return document
        kind = self.config.kind_for(meta.get("organ_name") if isinstance(meta.get("organ_name"), str) else "")
        if not kind or meta.get("organ_kind") == kind:
            return document
        return {**document, "metadata": {**meta, "organ_kind": kind}}

    def finish(self, results: list[ReportResult]) -> list[ReportResult]:
        """What is judged once the run's reports are all checked: stale waivers (GC901, made by
        the engine like GC900), each listed with the first report its waiver applies to."""
        from checker.waivers import STALE_CODE, stale_waivers

        rule = next((r for r in self.rules if r.code == STALE_CODE), None)
        if not self.waivers or rule is None:
            return results
        for result, finding in stale_waivers(self.waivers, results, self.today, rule.effective_severity):
            result.findings.append(finding)
            result.outcomes = [RuleOutcome(o.code, Outcome.FAIL, o.reasons) if o.code == STALE_CODE else o
                               for o in result.outcomes]
        return results

    def _owner(self, rule: Rule) -> Text:
        """Whose rule this is, as a crash names it: 「插件 gov-check-shili 0.1.0 的」 or 「全国」."""
        key = self.host.rule_owners.get(rule.code, "rules")
        if key == "rules":
            return Text("全国", "national ")
        name, version = self.host.info(key)
        return Text(f"插件 {name} {version} 的", f"plugin {name} {version}: ")

    def _run(self, rule: Rule, ctx: Context, clock: RuleClock, forked: bool = False) -> tuple[RuleOutcome, list[Finding]]:
        start = time.perf_counter()
        reason = rule.not_applicable_reason(ctx)
        if reason is not None:
            return RuleOutcome(rule.code, Outcome.NOT_APPLICABLE, (reason,)), []
        found: list[Finding] = []
        skips: list[Skip] = []
        try:
            with clock, captured_output():
                for item in (in_child(rule.check, ctx) if forked else rule.check(ctx)) or ():
                    if isinstance(item, Finding):
                        problem = malformed(item)
                        if problem:
                            raise TypeError(f"check() yielded a malformed finding: {problem}")
                        found.append(item)
                    elif isinstance(item, Skip):
                        skips.append(item)
                    else:
                        raise TypeError(f"check() yielded {type(item).__name__}, not a Finding or Skip")
                    if len(found) > MAX_FINDINGS_PER_RULE:
                        raise RuntimeError(f"more than {MAX_FINDINGS_PER_RULE} findings")
        except (Exception, SystemExit) as exc:  # a rule's crash (or its sys.exit()) is a finding, never the end of the run
            return RuleOutcome(rule.code, Outcome.ERROR, (Text(str(exc)[:300], str(exc)[:300]),),
                               seconds=time.perf_counter() - start), [_crash(rule.code, exc, self._owner(rule))]
        seconds = time.perf_counter() - start
        if found:
            outcome = Outcome.FAIL
        elif any(s.outcome is Outcome.INSUFFICIENT_DATA for s in skips):
            outcome = Outcome.INSUFFICIENT_DATA
        elif skips:
            outcome = skips[0].outcome
        else:
            outcome = Outcome.PASS
        pointers = tuple(p for s in skips for p in s.pointers)
        return RuleOutcome(rule.code, outcome, tuple(s.reason for s in skips), pointers, seconds), found


def _belongs(key: str, code: str, registry: Mapping[str, type]) -> str:
    """Where a key found under [rules.CODE] belongs, or the options the rule has."""
    from checker.schema import load_schema

    schema = load_schema("config")
    if key in schema["properties"]:
        return (f"「{key}」是顶层设置，须写在所有 [表] 之前（TOML 中写在 [rules.{code}] 表头之后的键都属于该表）")
    if key in schema["properties"]["limits"]["properties"]:
        return f"「{key}」是上限设置，应写在 [limits] 表中"
    owners = [other for other, cls in registry.items() if key in getattr(cls, "options", {})]
    if owners:
        return f"「{key}」是规则 {'、'.join(owners[:5])} 的选项，应写在 [rules.{owners[0]}] 表中"
    have = ", ".join(registry[code].options)
    return f"可用选项：{have}" if have else f"规则 {code} 没有任何选项（只能设置 severity）"


_TYPE_NAMES = {int: "整数", float: "数字", str: "字符串", bool: "true/false", list: "列表", tuple: "列表", dict: "表"}


def _wrong_type(value: Any, expected: type | tuple[type, ...]) -> str | None:
    """The expected type's name when ``value`` is not of it (a TOML true is not a number), else None."""
    types = expected if isinstance(expected, tuple) else (expected,)
    if object in types:
        return None
    if isinstance(value, bool) and bool not in types:
        ok = False
    else:
        ok = isinstance(value, types)
    if ok:
        return None
    return "或".join(dict.fromkeys(_TYPE_NAMES.get(t, t.__name__) for t in types))


def _crash(rule: str, exc: BaseException, owner: Text | None = None) -> Finding:
    """GC900 for a rule that raised: whose rule, which, what, and the line of the plugin's own code
    (the innermost frame outside gov-check, else the innermost); the full stack rides along in
    ``args["traceback"]`` for ``--traceback`` and the JSON output."""
    from checker.isolation import crash_place, crash_stack  # traceback: only for a rule that crashed

    name, where, stack = type(exc).__name__, crash_place(exc), crash_stack(exc)
    if isinstance(exc, RuleFailed):  # raised in the rule's child process: its own type, place and stack
        name, where, stack = exc.type_name, exc.where, exc.stack
    return Finding(code=CRASH_CODE, severity=Severity.ERROR, message="crashed", pointers=(),
                   args={"owner": owner or Text("", ""), "rule": rule, "error": f"{name}: {exc}"[:300], "where": where,
                         "traceback": stack})


def _copy(document: Any) -> Any:
    """A deep copy of a report document (plain JSON data: dicts, lists, strings, numbers)."""
    if isinstance(document, dict):
        return {k: _copy(v) for k, v in document.items()}
    if isinstance(document, list):
        return [_copy(v) for v in document]
    return document


def _replace(f: Finding, **changes: Any) -> Finding:
    from dataclasses import replace

    return replace(f, **changes)
