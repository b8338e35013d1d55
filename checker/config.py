"""What the user chose: profile, selection, severities, options, fail level, language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from checker.findings import Severity


@dataclass(frozen=True)
class Profile:
    """A named rule set: which rules, at what severity, with what options.

    ``select`` lists codes, code prefixes or rule names (empty: every rule); ``extends`` names a
    profile whose settings this one starts from.
    """

    name: str
    description: str = ""
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severities: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    extends: str | None = None


@dataclass
class Config:
    profile: str = "national"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severities: dict[str, Severity] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    fail_on: str = "error"  # error | warning | info | never
    lang: str = "zh"
    rule_seconds: float | None = 10.0  # time limit of one rule on one report (None: no limit)


def matches(rule_code: str, rule_name: str, selectors: Iterable[str]) -> bool:
    """A selector is a code (GC203), a code prefix (GC2, GC) or a rule name (t3-balance)."""
    for s in selectors:
        s = s.strip()
        if s and (rule_code.upper().startswith(s.upper()) or s == rule_name or s.upper() == "ALL"):
            return True
    return False
