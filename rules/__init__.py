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


@hookimpl
def gov_check_profiles() -> list:
    """The national profiles.  Every rule already knows which template it applies to, so the two
    template profiles run the same rules; they exist so a province's profile can say which national
    edition it extends, and so a config can pin one."""
    from checker.config import Profile

    return [
        Profile("national", "全国通用规则（默认）：全部已注册的规则，默认严重程度"),
        Profile("national-2021", "国办公开办函〔2021〕30号格式（2021年度起的报告）", extends="national"),
        Profile("national-2019", "国办公开办函〔2019〕60号格式（2019、2020年度的报告）", extends="national"),
    ]
