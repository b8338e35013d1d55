"""The Rule base class: a rule's metadata, its options, and helpers to yield findings."""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterator, Mapping

from checker.findings import Finding, Outcome, Severity, Skip, Text
from checker.model import Report


@dataclass(frozen=True, slots=True)
class Option:
    """A setting of a rule that a config or a province plugin may change."""

    default: Any
    description: str
    type: type | tuple[type, ...] = object
    en: str = ""  # the description in English (gov-check explain --lang en, docs/rules)


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule sees: the report, last year's report when given, and its own options."""

    report: Report
    options: Mapping[str, Any]
    previous: Report | None = None
    schema_errors: tuple[Any, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)


class Rule:
    """Base of every rule, national or province.

    Subclasses set the class attributes below and implement :meth:`check`, a generator that yields
    :class:`Finding` objects (through :meth:`finding`) or one :class:`Skip` (through
    :meth:`not_applicable` / :meth:`insufficient`).  The docstring is the rule's documentation, in
    Chinese, with the sections 「检查什么」「为什么」「依据」「错误示例」「正确示例」.
    """

    code: ClassVar[str]
    name: ClassVar[str]  # kebab-case, stable
    title_zh: ClassVar[str]
    title_en: ClassVar[str]
    clause: ClassVar[str]
    fix: ClassVar[tuple[str, str]] = ("", "")  # 修改建议: what to write instead (zh, en), shown by every output
    severity: ClassVar[Severity] = Severity.ERROR
    templates: ClassVar[frozenset[str]] = frozenset({"2021", "2019"})
    organ_kinds: ClassVar[frozenset[str] | None] = None  # None: every kind
    needs_previous: ClassVar[bool] = False
    options: ClassVar[Mapping[str, Option]] = {}
    messages: ClassVar[Mapping[str, tuple[str, str]]] = {}  # key → (zh, en) templates
    # The documentation in English: the docstring's summary and sections under the headings
    # "What it checks", "Why", "Basis", "Wrong", "Right" (and "Notes"), for `explain --lang en`.
    doc_en: ClassVar[str] = ""

    def __init__(self, options: Mapping[str, Any] | None = None, severity: Severity | None = None):
        self.config = {k: o.default for k, o in self.options.items()}
        self.config.update(options or {})
        self.effective_severity = severity or self.severity
        self.severity_configured = severity is not None  # a configured severity applies to every finding

    # -- applicability -------------------------------------------------------------------------
    def not_applicable_reason(self, ctx: Context) -> Text | None:
        report = ctx.report
        if report.template not in self.templates:
            return Text(f"本规则不适用于{_TEMPLATE_ZH.get(report.template, report.template)}的报告",
                        f"does not apply to a report in the {report.template} template")
        if self.organ_kinds is not None and report.organ_kind not in self.organ_kinds:
            return Text("本规则不适用于此类机关", "does not apply to this kind of organ")
        if self.needs_previous and ctx.previous is None:
            return Text("未提供上一年度报告（--previous）", "no previous year's report given (--previous)")
        if self.needs_previous and report.year is not None and ctx.previous.year is not None \
                and ctx.previous.year != report.year - 1:
            return Text(f"--previous 给出的是{ctx.previous.year}年度报告，不是上一年度（{report.year - 1}年）的报告",
                        f"the --previous report is for {ctx.previous.year}, not {report.year - 1}")
        return None

    def check(self, ctx: Context) -> Iterator[Finding | Skip]:
        raise NotImplementedError

    # -- helpers for check() -------------------------------------------------------------------
    def finding(self, message: str, *pointers: str, severity: Severity | None = None, expected: Any = None,
                actual: Any = None, difference: Any = None, quote: str | None = None, **args: Any) -> Finding:
        """A finding of this rule: the key of one of its ``messages``, the places (JSON Pointers, the
        first the main one), and the values its message names (``expected``, ``actual``,
        ``difference``, ``quote`` and any ``args``).  Yield it from ``check()``."""
        if message not in self.messages:
            raise KeyError(f"{self.code} has no message {message!r}")
        sev = self.effective_severity if self.severity_configured or severity is None else severity
        difference = _difference(self.code, difference)
        return Finding(code=self.code, severity=sev, message=message, pointers=tuple(pointers), args=args,
                       expected=expected, actual=actual, difference=difference, quote=quote)

    @staticmethod
    def not_applicable(zh: str, en: str) -> Skip:
        """Yield it (once, alone) when the rule does not apply to this report, saying why in zh and en."""
        return Skip(Outcome.NOT_APPLICABLE, Text(zh, en))

    @staticmethod
    def insufficient(zh: str, en: str, *pointers: str) -> Skip:
        """Yield it when the report lacks what the rule needs (a blank, a missing cell): never guess."""
        return Skip(Outcome.INSUFFICIENT_DATA, Text(zh, en), tuple(pointers))

    # -- documentation -------------------------------------------------------------------------
    @classmethod
    def doc_sections(cls, lang: str = "zh") -> dict[str, str]:
        """The docstring split at its 「…」 headings: {'': summary, '检查什么': …, …}.  With
        ``lang="en"``, ``doc_en`` split the same way, keyed by the same Chinese headings (empty when
        the rule has no English documentation)."""
        text = inspect.cleandoc((cls.doc_en if lang == "en" else cls.__doc__) or "")
        out: dict[str, str] = {}
        current = ""
        buf: list[str] = []
        for line in text.splitlines():
            head = line.strip().rstrip(":：")
            m = re.match(r"^(检查什么|为什么|依据|错误示例|正确示例|选项|说明)\s*$", head)
            key = m.group(1) if m else _EN_HEADINGS.get(head) if lang == "en" else None
            if key:
                out[current] = "\n".join(buf).strip()
                current, buf = key, []
            else:
                buf.append(line)
        out[current] = "\n".join(buf).strip()
        return out if any(out.values()) else {}


class ReportedElsewhere(Rule):
    """A code whose findings the engine or a loader produces (GC003 import gaps, GC900 crashes,
    GC901 stale waivers).  Its module documents it, and lets users select, ignore or re-level it
    like any rule; on the report document itself it has nothing to check."""

    def check(self, ctx: Context) -> Iterator[Finding | Skip]:
        return iter(())


_EN_HEADINGS = {"What it checks": "检查什么", "Why": "为什么", "Basis": "依据", "Wrong": "错误示例",
                "Right": "正确示例", "Options": "选项", "Notes": "说明"}

_TEMPLATE_ZH = {"2021": "2021年模板", "2019": "2019年模板", "legacy": "2019年以前（无统一表格）"}


def metadata_problem(cls: type) -> str | None:
    """Why a rule class's metadata cannot be used (checked when a plugin is loaded, so that
    ``gov-check rules``, ``explain`` and every output can trust it), or None."""
    import re

    def strs(value: Any) -> bool:
        return isinstance(value, (set, frozenset, tuple, list)) and all(isinstance(v, str) for v in value)

    for attr in ("code", "name", "title_zh", "title_en", "clause"):
        value = getattr(cls, attr, None)
        if not isinstance(value, str) or not value.strip():
            return f"rule {getattr(cls, '__name__', cls)!r}: {attr} is {value!r}, not a non-empty string"
    code = cls.code  # type: ignore[attr-defined]
    if not re.fullmatch(r"[A-Za-z]{1,4}[0-9]{3}", code):
        return f"rule {code!r}: the code must be 1–4 letters and 3 digits (like GC203 or SX101)"
    if not isinstance(getattr(cls, "severity", None), Severity):
        return (f"rule {code}: severity is {getattr(cls, 'severity', None)!r}, not a Severity "
                "(write Severity.ERROR, Severity.WARNING or Severity.INFO)")
    if not strs(getattr(cls, "templates", None)):
        return f"rule {code}: templates is {getattr(cls, 'templates', None)!r}, not a set of template versions"
    kinds = getattr(cls, "organ_kinds", None)
    if kinds is not None and not strs(kinds):
        return f"rule {code}: organ_kinds is {kinds!r}, not None or a set of organ kinds"
    options = getattr(cls, "options", None)
    if not isinstance(options, Mapping) or not all(isinstance(k, str) and isinstance(o, Option) for k, o in options.items()):
        return f"rule {code}: options must map option names to Option(...)"
    messages = getattr(cls, "messages", None)
    if not isinstance(messages, Mapping) or not all(
            isinstance(k, str) and isinstance(v, tuple) and len(v) == 2 and all(isinstance(t, str) for t in v)
            for k, v in messages.items()):
        return f"rule {code}: messages must map keys to (zh, en) pairs of strings"
    if not callable(getattr(cls, "check", None)):
        return f"rule {code}: check is not callable"
    return None


def _difference(code: str, value: Any) -> int | float | None:
    """A finding's ``difference`` is a number (the JSON contract says so): a numeric string a rule
    formatted is read back; anything else is the rule's mistake, said with its code."""
    if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return value
    try:
        number = float(str(value).replace(",", "").strip())
    except ValueError:
        raise TypeError(f"{code}: difference must be a number, not {value!r}") from None
    return int(number) if number.is_integer() else number
