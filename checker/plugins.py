"""The plugin host: one pluggy manager, the built-ins registered like any plugin, and installed
plugins loaded one by one so that a broken one is reported and the run goes on."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pluggy

from checker import hookspecs

ENTRY_POINT_GROUP = "gov_check"
ENV_DISABLE_AUTOLOAD = "GOV_CHECK_DISABLE_PLUGIN_AUTOLOAD"
ENV_TRACE = "GOV_CHECK_TRACE_HOOKS"
BUILTINS = ("rules", "checker.loaders", "checker.output")


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


@dataclass
class PluginHost:
    autoload: bool = True
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
        if self.autoload and not os.environ.get(ENV_DISABLE_AUTOLOAD):
            self._load_entry_points()

    def _load_entry_points(self) -> None:
        from importlib.metadata import entry_points

        for ep in entry_points(group=ENTRY_POINT_GROUP):
            version = ep.dist.version if ep.dist else "?"
            name = ep.dist.name if ep.dist else ep.name
            if self.pm.has_plugin(ep.name):
                continue
            try:
                plugin = ep.load()
                self.pm.register(plugin, name=ep.name)
            except Exception as exc:  # a broken plugin must not stop the check
                self.problems.append(PluginProblem(name, version, f"{type(exc).__name__}: {exc}"))
                continue
            self.plugins.append(PluginInfo(name, version, "entry point"))

    def register(self, plugin: Any, name: str, version: str = "?", source: str = "") -> None:
        self.pm.register(plugin, name=name)
        self.plugins.append(PluginInfo(name, version, source or name))

    def _collect(self, hook: str) -> list[tuple[str, Any]]:
        """Each implementation's result with the plugin's name; a hook that raises is a problem."""
        out = []
        for impl in reversed(getattr(self.pm.hook, hook).get_hookimpls()):
            name = self.pm.get_name(impl.plugin) or "?"
            try:
                out.append((name, impl.function()))
            except Exception as exc:
                self.problems.append(PluginProblem(name, "?", f"{hook}: {type(exc).__name__}: {exc}"))
        return out

    @cached_property
    def rules(self) -> dict[str, type]:
        from checker.rule import Rule

        found: dict[str, type] = {}
        for plugin, result in self._collect("gov_check_rules"):
            for cls in result or ():
                if not (isinstance(cls, type) and issubclass(cls, Rule) and isinstance(getattr(cls, "code", None), str)):
                    self.problems.append(PluginProblem(plugin, "?", f"gov_check_rules returned {cls!r}, not a Rule"))
                elif cls.code in found and found[cls.code] is not cls:
                    self.problems.append(PluginProblem(plugin, "?", f"rule code {cls.code} is already taken"))
                else:
                    found[cls.code] = cls
        return dict(sorted(found.items()))

    @cached_property
    def formats(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for plugin, result in self._collect("gov_check_formats"):
            for name, fmt in (result or {}).items():
                if name in out:
                    self.problems.append(PluginProblem(plugin, "?", f"output format {name!r} is already taken"))
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
        return self.pm.hook.gov_check_adjust_severity(finding=finding, rule=rule, report=report)
