"""The plugin host: one pluggy manager, the built-ins registered like any plugin, and installed
plugins loaded one by one so that a broken one is reported and the run goes on."""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterator

import pluggy

from checker import hookspecs

ENTRY_POINT_GROUP = "gov_check"
ENV_DISABLE_AUTOLOAD = "GOV_CHECK_DISABLE_PLUGIN_AUTOLOAD"
ENV_TRACE = "GOV_CHECK_TRACE_HOOKS"
BUILTINS = ("rules", "checker.loaders", "checker.output")
IMPORT_SECONDS = 30.0  # time limit of importing one plugin (a plugin that hangs at import is left out)


@dataclass(frozen=True, slots=True)
class PluginInfo:
    name: str
    version: str
    source: str  # "builtin", "entry point", or the path given with --plugin


@dataclass(frozen=True, slots=True)
class PluginProblem:
    """A plugin that could not be used: its name, version, and what is wrong."""

    name: str
    version: str
    error: str

    def __str__(self) -> str:
        return f"插件 {self.name} {self.version} 未加载：{self.error}"


@dataclass(frozen=True, slots=True)
class InstalledEntryPoint:
    """One ``gov_check`` entry point of an installed distribution, as kept in the cache."""

    name: str
    value: str  # "package.module:attribute"
    dist: str
    version: str
    requires: tuple[str, ...] = ()

    def load(self) -> Any:
        """The object the entry point names (as importlib.metadata's EntryPoint.load, without
        importing importlib.metadata for it)."""
        import importlib

        module, _, attrs = self.value.partition(":")
        found = importlib.import_module(module.strip())
        for attr in attrs.split("[")[0].strip().split("."):
            if attr:
                found = getattr(found, attr)
        return found


def installed_entry_points() -> list[InstalledEntryPoint]:
    """The installed plugins' entry points.  Scanning every installed distribution's metadata takes
    30 ms (importlib.metadata and the email parser it imports), a sixth of a single check, so the
    list is kept in the cache (checker.cache), stamped with this interpreter's import path and each
    folder's modification time: installing or removing a distribution changes its folder's time, and
    the next run scans again."""
    import json

    from checker import cache

    def mtime(entry: str) -> int:
        try:
            return os.stat(entry or ".").st_mtime_ns
        except OSError:
            return 0

    stamp = [[entry, mtime(entry)] for entry in sys.path]
    name = f"entry-points-{cache.key(sys.prefix, sys.executable, ENTRY_POINT_GROUP)}.json"
    raw = cache.read(name)
    try:
        kept = json.loads(raw) if raw else None
        if isinstance(kept, dict) and kept.get("stamp") == stamp:
            return [InstalledEntryPoint(e["name"], e["value"], e["dist"], e["version"], tuple(e["requires"]))
                    for e in kept["entry_points"]]
    except (ValueError, KeyError, TypeError):  # a damaged entry: scanned again below
        pass
    from importlib.metadata import entry_points

    found = [InstalledEntryPoint(ep.name, ep.value, ep.dist.name if ep.dist else ep.name,
                                 ep.dist.version if ep.dist else "?",
                                 tuple((ep.dist.requires if ep.dist else None) or ()))
             for ep in entry_points(group=ENTRY_POINT_GROUP)]
    cache.write(name, json.dumps({"stamp": stamp, "entry_points": [
        {"name": e.name, "value": e.value, "dist": e.dist, "version": e.version, "requires": list(e.requires)}
        for e in found]}, ensure_ascii=False).encode("utf-8"))
    return found


@dataclass
class PluginHost:
    autoload: bool = True
    paths: tuple[str, ...] = ()  # local plugin files or folders (--plugin, config `plugins`)
    problems: list[PluginProblem] = field(default_factory=list)
    plugins: list[PluginInfo] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.pm = pluggy.PluginManager("gov_check")
        self.pm.add_hookspecs(hookspecs)
        if os.environ.get(ENV_TRACE):
            self.pm.trace.root.setwriter(lambda msg: sys.stderr.write(msg))
            self.pm.enable_tracing()
        import importlib

        from checker import __version__

        for name in BUILTINS:
            self.pm.register(importlib.import_module(name), name=name)
            self.plugins.append(PluginInfo(name, __version__, "builtin"))
            self._versions[name] = (name, __version__)
        if self.autoload and not os.environ.get(ENV_DISABLE_AUTOLOAD):
            self._load_entry_points()
        for path in self.paths:
            self.load_path(path)

    def _load_entry_points(self) -> None:
        for ep in installed_entry_points():
            name, version = ep.dist, ep.version
            if self.pm.has_plugin(ep.name):
                continue
            wrong = _unmet_requirement(ep.requires)
            if wrong:
                self.problems.append(PluginProblem(name, version, f"不兼容：{wrong}；请升级 gov-check，或安装适合本版本的插件版本"))
                continue
            try:
                with _quiet():
                    plugin = ep.load()
            except (Exception, SystemExit) as exc:  # a broken plugin must not stop the check
                self.problems.append(PluginProblem(name, version, _failure(exc)))
                continue
            self._add(plugin, ep.name, name, version, "entry point")

    def _add(self, plugin: Any, key: str, name: str, version: str, source: str) -> bool:
        """Register one plugin; an incompatible one (a hook this gov-check does not know, a wrong
        signature) is recorded as a problem and left out."""
        if self.pm.is_registered(plugin):  # the same module twice (installed and --plugin): once is enough
            if source != "entry point":  # but named by the user now, so its rules run as a named plugin's
                known = self.info(self.pm.get_name(plugin) or key)[0]
                self.plugins = [PluginInfo(p.name, p.version, source) if p.name == known and p.source == "entry point"
                                else p for p in self.plugins]
            return True
        try:
            self.pm.register(plugin, name=key)
        except Exception as exc:  # pluggy's PluginValidationError, ValueError for a duplicate
            self.problems.append(PluginProblem(name, version, _incompatible(exc)))
            return False
        unknown = [impl.function.__name__ for caller in self.pm.get_hookcallers(plugin) or ()
                   for impl in caller.get_hookimpls() if impl.plugin is plugin and not caller.has_spec()]
        if unknown:
            self.pm.unregister(plugin)
            self.problems.append(PluginProblem(name, version, f"不兼容：本版本 gov-check 没有钩子 {', '.join(unknown)}；"
                                               "请对照 docs/plugins.md 改正函数名，或升级 gov-check"))
            return False
        self._versions[key] = (name, version)
        self.plugins.append(PluginInfo(name, version, source))
        return True

    def register(self, plugin: Any, name: str, version: str = "?", source: str = "") -> None:
        self._add(plugin, name, name, version, source or name)

    def load_path(self, path: str) -> None:
        """Load a local plugin: a .py file, a package folder (with __init__.py), or a folder whose
        every .py file is a plugin.  Each file is loaded on its own; a broken one is a problem."""
        from pathlib import Path

        p = Path(path)
        if p.is_dir() and not (p / "__init__.py").exists():
            files = sorted(f for f in p.glob("*.py") if not f.name.startswith("_"))
            if not files:
                packages = sorted(d.name for d in p.iterdir() if (d / "__init__.py").exists()) if p.is_dir() else []
                hint = f"（这是软件包的项目文件夹？请指向其中的软件包文件夹：{p / packages[0]}）" if packages else ""
                self.problems.append(PluginProblem(str(p), "local", "文件夹中没有 .py 插件文件" + hint))
            for f in files:
                self.load_path(str(f))
            return
        module = _import_local(p, self.problems)
        if module is not None:
            self._add(module, f"local:{p.resolve()}", p.stem if p.suffix else p.name,
                      str(getattr(module, "__version__", "local")), str(p))

    @cached_property
    def _versions(self) -> dict[str, tuple[str, str]]:
        return {}

    def info(self, key: str) -> tuple[str, str]:
        """(name, version) of a registered plugin by its registration key."""
        return self._versions.get(key, (key, "builtin" if key in BUILTINS else "?"))

    def autoloaded(self, key: str) -> bool:
        """Whether the plugin came in only by being installed (entry point), not named by the user."""
        name, _version = self.info(key)
        return any(p.name == name and p.source == "entry point" for p in self.plugins)

    def hooks_of(self, key: str) -> list[str]:
        plugin = self.pm.get_plugin(key)
        return sorted({c.name for c in self.pm.get_hookcallers(plugin) or ()}) if plugin is not None else []

    def rules_of(self, key: str) -> list[str]:
        self.rules  # fills rule_owners
        return sorted(code for code, owner in self.rule_owners.items() if owner == key)

    def _collect(self, hook: str) -> list[tuple[str, Any]]:
        """Each implementation's result with the plugin's name, in registration order (built-ins
        first, so a plugin can never take a built-in's rule code or format name); a hook that
        raises is a problem."""
        out = []
        trace = os.environ.get(ENV_TRACE)
        for impl in getattr(self.pm.hook, hook).get_hookimpls():
            name = self.pm.get_name(impl.plugin) or "?"
            try:
                with _quiet():
                    value = impl.function()
                out.append((name, value))
                if trace:  # these calls bypass pluggy's caller (to isolate plugins), so trace here
                    sys.stderr.write(f"[gov_check] {hook} [{name}] -> {_summary(out[-1][1])}\n")
            except Exception as exc:
                plugin, version = self.info(name)
                self.problems.append(PluginProblem(plugin, version, f"钩子 {hook} 运行出错，其结果未被采用；请插件作者改正"
                                                                    f"（{_failure(exc)}）"))
        return out

    def _problem(self, key: str, error: str) -> None:
        plugin, version = self.info(key)
        self.problems.append(PluginProblem(plugin, version, error))

    @cached_property
    def rules(self) -> dict[str, type]:
        from checker.rule import Rule, metadata_problem

        found: dict[str, type] = {}
        owners = self.rule_owners
        for plugin, result in self._collect("gov_check_rules"):
            for cls in result or ():
                if not (isinstance(cls, type) and issubclass(cls, Rule) and isinstance(getattr(cls, "code", None), str)):
                    self._problem(plugin, f"gov_check_rules 返回的 {cls!r:.80} 不是 checker.rule.Rule 的子类（或没有 code），"
                                             "已略去；请只返回规则类")
                elif (problem := metadata_problem(cls)) is not None:
                    self._problem(plugin, f"规则的元数据不完整或有误，这条规则未加载；请对照 docs/plugins.md 改正（{problem}）")
                elif cls.code in found and found[cls.code] is not cls:
                    self._problem(plugin, f"规则代码 {cls.code} 已被 {self.info(owners[cls.code])[0]} 使用，本插件的这条规则未加载；"
                                             "请改用本省的两个字母前缀（GC 留给全国规则）")
                else:
                    found[cls.code] = cls
                    owners[cls.code] = plugin
        return dict(sorted(found.items()))

    @cached_property
    def rule_owners(self) -> dict[str, str]:
        """Rule code → the registration key of the plugin that added it (filled with ``rules``)."""
        return {}

    @cached_property
    def extension_schemas(self) -> dict[str, Any]:
        """Report extension namespace → its JSON Schema (gov_check_report_extensions)."""
        out: dict[str, Any] = {}
        for plugin, result in self._collect("gov_check_report_extensions"):
            for ns, schema in (result or {}).items():
                if ns in out:
                    self._problem(plugin, f"报告扩展的命名空间「{ns}」已被另一个插件使用，未采用本插件的模式；请换一个命名空间")
                elif not isinstance(schema, dict):
                    self._problem(plugin, f"报告扩展「{ns}」的模式是 {type(schema).__name__}，应为 JSON Schema 对象（dict），未采用")
                else:
                    out[ns] = schema
        declared = self.template_extensions
        for ns in declared.namespaces():
            out.setdefault(ns, declared.schema(ns))  # declared rows without a schema of the plugin's own
        return out

    @cached_property
    def template_extensions(self) -> Any:
        """The rows and statements plugins add to the template (gov_check_template_extensions), as a
        :class:`checker.template_extensions.TemplateExtensions` the loaders read with."""
        from checker.template_extensions import collect

        return collect(self._collect("gov_check_template_extensions"), self._problem)

    @cached_property
    def formats(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for plugin, result in self._collect("gov_check_formats"):
            for name, fmt in (result or {}).items():
                if name in out:
                    self._problem(plugin, f"输出格式名「{name}」已被使用（内置格式不能替换），未采用；请换一个名称")
                else:
                    out[name] = fmt
        return out

    @cached_property
    def loaders(self) -> list[Any]:
        builtin, others = [], []
        for plugin, result in self._collect("gov_check_loaders"):
            (builtin if plugin == "checker.loaders" else others).extend(result or ())
        return others + builtin

    def adjust_severity(self, finding: Any, rule: Any, report: Any) -> Any:
        """The first non-None adjustment, in pluggy's call order; an implementation that raises is a
        plugin problem (reported once) and is skipped, so one plugin cannot end the run."""
        for impl in reversed(self.pm.hook.gov_check_adjust_severity.get_hookimpls()):
            key = self.pm.get_name(impl.plugin) or "?"
            if key in self._failed_adjusters:
                continue
            try:
                result = impl.function(finding=finding, rule=rule, report=report)
            except Exception as exc:
                self._failed_adjusters.add(key)
                self._problem(key, f"钩子 gov_check_adjust_severity 运行出错，本次检查不再调用它；请插件作者改正"
                                  f"（{type(exc).__name__}: {exc}）")
                continue
            if os.environ.get(ENV_TRACE):
                sys.stderr.write(f"[gov_check] gov_check_adjust_severity [{key}] {finding.code} -> {result!r}\n")
            if result is not None:
                return result
        return None

    @cached_property
    def _failed_adjusters(self) -> set[str]:
        return set()


def _import_local(path: Any, problems: list[PluginProblem]) -> Any:
    """Import a plugin file or package folder under a private module name; a failure is a problem."""
    import hashlib
    import importlib.util

    name = path.stem if path.suffix else path.name
    if not path.exists():
        problems.append(PluginProblem(str(path), "local", "文件不存在；请检查 --plugin 或配置文件 plugins 中的路径"))
        return None
    module_name = "gov_check_local_" + hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:10] + "_" + \
        "".join(c if c.isalnum() else "_" for c in name)
    if path.is_dir() and name.isidentifier():
        return _import_package(path, problems)
    try:
        if path.is_dir():
            spec = importlib.util.spec_from_file_location(module_name, path / "__init__.py",
                                                          submodule_search_locations=[str(path)])
        elif path.suffix == ".py":
            spec = importlib.util.spec_from_file_location(module_name, path)
        else:
            problems.append(PluginProblem(str(path), "local", "不是 .py 文件或插件文件夹；请指向一个 .py 文件，"
                                                              "或含 __init__.py 的软件包文件夹"))
            return None
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        sys.modules[module_name] = module
        with _quiet():  # what a plugin prints while importing must not get into the user's output
            spec.loader.exec_module(module)  # type: ignore[union-attr]
    except (Exception, SystemExit) as exc:  # a broken local plugin must not stop the check
        sys.modules.pop(module_name, None)
        problems.append(PluginProblem(str(path), "local", _failure(exc)))
        return None
    return module


def _import_package(path: Any, problems: list[PluginProblem]) -> Any:
    """Import a package folder under its own name (so its absolute imports of itself work), with
    its parent folder appended to sys.path; refuse when another package of that name is loaded."""
    import importlib

    name, parent = path.name, str(path.resolve().parent)
    loaded = sys.modules.get(name)
    if loaded is not None:
        where = getattr(loaded, "__file__", "") or ""
        if not where.startswith(str(path.resolve())):
            problems.append(PluginProblem(str(path), "local", f"已有同名模块 {name}（{where}），未加载此文件夹"))
            return None
        return loaded
    if parent not in sys.path:
        sys.path.append(parent)
    try:
        with _quiet():
            module = importlib.import_module(name)
    except (Exception, SystemExit) as exc:  # a broken local plugin must not stop the check
        problems.append(PluginProblem(str(path), "local", _failure(exc)))
        return None
    if not (getattr(module, "__file__", "") or "").startswith(str(path.resolve())):
        problems.append(PluginProblem(str(path), "local", f"导入的 {name} 来自 {module.__file__}，不是此文件夹"))
        return None
    return module


def _failure(exc: BaseException) -> str:
    """What went wrong in a plugin's import or hook, for the user: a time-out said as such; else a
    Chinese sentence with what to do, and the library's own text after it."""
    from checker.isolation import RuleTimeout

    if isinstance(exc, RuleTimeout):
        return f"超过 {IMPORT_SECONDS:g} 秒仍未完成（死循环，或在等待网络、文件），已跳过"
    if isinstance(exc, ModuleNotFoundError):
        return (f"导入时找不到模块 {exc.name}：请安装插件需要的软件包（pip install …），或改正插件中的导入"
                f"（{type(exc).__name__}: {exc}）")
    if isinstance(exc, SystemExit):
        return f"导入时调用了 sys.exit，已跳过；插件不应在导入时退出（SystemExit: {exc}）"
    return f"导入或运行时出错，已跳过；请插件作者改正（{type(exc).__name__}: {exc}）"


def _incompatible(exc: BaseException) -> str:
    """pluggy's refusal of a plugin, said in Chinese with what to do (pluggy's text after it)."""
    import re

    text = str(exc)
    m = re.search(r"Argument\(s\) (\{.*?\}) are declared in the hookimpl but can not be found in the hookspec", text)
    if m:
        return (f"不兼容：钩子函数的参数 {m.group(1)} 不在该钩子的参数中；请对照 docs/plugins.md 改正函数参数"
                f"（pluggy：{text}）")
    if "already registered" in text:
        return f"不兼容：同名插件已经加载过，未再次加载；请检查是否重复安装或重复 --plugin（pluggy：{text}）"
    return f"不兼容：无法登记为插件；请对照 docs/plugins.md 检查钩子函数（{type(exc).__name__}: {text}）"


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Plugin code run outside the engine (its import, its hooks) is isolated as a rule is: its
    prints are captured, and it is stopped after IMPORT_SECONDS."""
    import signal

    from checker.isolation import RuleClock, captured_output

    clock = RuleClock(IMPORT_SECONDS)
    # Inside a running limit (plugin code called while a rule runs) the outer one governs: arming
    # this clock would disarm it.
    if clock.usable and signal.getitimer(signal.ITIMER_REAL)[0] == 0:
        clock.install()
    try:
        with clock, captured_output():
            yield
    finally:
        clock.uninstall()


def _summary(result: Any) -> str:
    if isinstance(result, dict):
        return "{" + ", ".join(map(str, result)) + "}"
    if isinstance(result, (list, tuple)):
        return f"{len(result)} item(s)"
    return repr(result)[:80]


def _version_tuple(text: str) -> tuple[int, ...]:
    import re

    return tuple(int(p) for p in re.findall(r"\d+", text.split("+")[0])[:4])


def _unmet_requirement(requires: Any) -> str | None:
    """What a plugin's own requirement on gov-check says this version lacks, or None.

    Only the plain comparison operators are understood; anything fancier is left to pip.
    """
    import re

    from checker import __version__

    mine = _version_tuple(__version__)
    for line in requires:
        req = str(line).split(";")[0].strip()
        m = re.match(r"^gov[-_.]check\s*(\[[^\]]*\])?\s*(\(?)(.*?)\)?$", req, flags=re.I)
        if not m or not m.group(3):
            continue
        for spec in m.group(3).split(","):
            sm = re.match(r"^\s*(~=|==|!=|>=|<=|>|<)\s*([\w.*+-]+)\s*$", spec)
            if not sm or "*" in sm.group(2):
                continue
            op, want = sm.group(1), _version_tuple(sm.group(2))
            n = max(len(mine), len(want))
            a, b = mine + (0,) * (n - len(mine)), want + (0,) * (n - len(want))
            ok = {"~=": a >= b, ">=": a >= b, ">": a > b, "<=": a <= b, "<": a < b, "==": a == b, "!=": a != b}[op]
            if not ok:
                return f"需要 gov-check{op}{sm.group(2)}，本版本为 {__version__}"
    return None
