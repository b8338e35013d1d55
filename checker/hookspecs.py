"""The plugin contract of gov-check: every hook a plugin may implement.

Built-in rules, loaders and formats register through these same hooks.  A plugin is a module (or
object) with functions decorated by ``checker.hookimpl``; installed packages announce theirs in the
``gov_check`` entry-point group.
"""

from __future__ import annotations

from typing import Any

import pluggy

hookspec = pluggy.HookspecMarker("gov_check")
hookimpl = pluggy.HookimplMarker("gov_check")


@hookspec
def gov_check_rules() -> list[type]:
    """Called once when the rule registry is built.

    Return a list of :class:`checker.rule.Rule` subclasses.  Every implementation's list is used;
    two rules with the same code are an error reported against the later plugin.
    """


@hookspec
def gov_check_profiles() -> list[Any]:
    """Called once when profiles are resolved.

    Return a list of :class:`checker.config.Profile` objects (a named rule set with severities and
    options, optionally extending another profile by name).  Every implementation's list is used.
    """


@hookspec
def gov_check_loaders() -> list[Any]:
    """Called once when the loader registry is built.

    Return a list of :class:`checker.loaders.Loader` objects (a format name, the suffixes it claims,
    a content sniffer and a load function).  Loaders are tried in registration order, plugins'
    before the built-ins', so a plugin may handle a layout the built-ins do not.
    """


@hookspec
def gov_check_formats() -> dict[str, Any]:
    """Called once when output formats are resolved.

    Return a mapping of format name → formatter (an object with ``render(results, ctx) -> str``).
    A later plugin may not replace a built-in format; choose a new name.
    """


@hookspec(firstresult=True)
def gov_check_adjust_severity(finding: Any, rule: Any, report: Any) -> Any:
    """Called for every finding after the configured severities are applied.

    ``finding`` is the :class:`checker.findings.Finding`, ``rule`` the rule instance, ``report``
    the :class:`checker.model.Report`.  Return a :class:`checker.findings.Severity` to change the
    finding's severity, or None to leave it.  The first non-None result wins.
    """


@hookspec
def gov_check_report_extensions() -> dict[str, Any]:
    """Called once when a report is validated.

    Return a mapping of namespace → JSON Schema (draft 2020-12) for the object a report may carry
    at ``/extensions/<namespace>``: the data a province adds to the national template (an extra
    table row, a statement).  The national schema accepts ``extensions`` as an object of objects;
    each namespace is validated against the schema its plugin contributes, and its errors are
    GC001 findings like any other.  A namespace no plugin claims is itself a GC001 finding (the
    plugin is not installed).  Two plugins claiming one namespace is a plugin problem.
    """


@hookspec
def gov_check_template_extensions() -> list[Any]:
    """Called once when the plugins are loaded, before any report is read.

    Return a list of :class:`checker.template_extensions.ExtraRow` (a row a province adds to table
    T2, T3 or T4: its namespace, table, id, printed label and variants, the national row it follows,
    its columns and cell kind), :class:`checker.template_extensions.ExtraColumn` (a column printed
    after T3's 「总计」) and :class:`checker.template_extensions.ExtraStatement` (a statement
    the text must carry: its namespace, id, the printed phrases that mark it, the section it sits
    in).  Every implementation's list is used.  The assembler then reads these rows and statements
    from text, Word, web pages and PDF into ``/extensions/<namespace>`` with a source map, and a row
    it cannot place is a GC003 finding like any national row.  A namespace without a schema of its
    own (``gov_check_report_extensions``) is validated against one built from the declarations.  A
    declaration that is malformed or collides with a national label or another plugin's is a plugin
    problem and is left out.
    """
