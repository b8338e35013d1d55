"""The national rule pack: one module per rule, grouped by the part of the report it checks.

This bundle is the one place that knows its rules: it finds every ``gcNNN_*.py`` module in its
sub-packages, so adding a rule is adding one module (and its cases file).  Modules are imported
only when the registry is built, not when gov-check starts.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

from checker.hookspecs import hookimpl

_MODULE = re.compile(r"^gc\d{3}_\w+$")


def discover() -> list[type]:
    from checker.rule import Rule

    found: list[type] = []
    root = Path(__file__).parent
    for group in sorted(p.name for p in root.iterdir() if (p / "__init__.py").exists()):
        for info in sorted(pkgutil.iter_modules([str(root / group)]), key=lambda m: m.name):
            if not _MODULE.match(info.name):
                continue
            module = importlib.import_module(f"{__name__}.{group}.{info.name}")
            found.extend(
                obj for obj in vars(module).values()
                if isinstance(obj, type) and issubclass(obj, Rule) and obj.__module__ == module.__name__
                and getattr(obj, "code", None)
            )
    return found


@hookimpl
def gov_check_rules() -> list[type]:
    return discover()
