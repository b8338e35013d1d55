"""Value objects of a check: severities, outcomes, findings, and the result of one report."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Mapping


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    @property
    def zh(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


CRASH_CODE = "GC900"  # a rule or a plugin's hook crashed: the tool failed, not the report

# A report's status, as every output names it (zh, en); all but pass and fail exit 2.
STATUSES = {"pass": ("通过", "pass"), "fail": ("未通过", "fail"), "incomplete": ("检查不完整", "incomplete"),
            "not_checked": ("无法检查", "not checked"), "not_report": ("不是年度报告", "not a report")}


class Outcome(str, Enum):
    PASS = "pass"
    FAIL = "fail"
    NOT_APPLICABLE = "not_applicable"
    INSUFFICIENT_DATA = "insufficient_data"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Text:
    """A message argument that reads differently per language (a row label, a formula)."""

    zh: str
    en: str

    def __str__(self) -> str:
        return self.zh

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in one report.

    ``pointers`` are JSON Pointers into the report document, the first being the primary place;
    ``message`` is the key of one of the rule's message templates, filled from ``args`` when the
    finding is rendered.  ``expected``/``actual``/``difference`` carry the numbers of a broken
    identity; ``quote`` the sentence a text rule read.
    """

    code: str
    severity: Severity
    message: str
    pointers: tuple[str, ...] = ()
    args: Mapping[str, Any] = field(default_factory=dict)
    expected: Any = None
    actual: Any = None
    difference: Any = None
    quote: str | None = None
    waived: str | None = None  # the waiver's reason when a waiver matched

    @property
    def pointer(self) -> str:
        return self.pointers[0] if self.pointers else ""


@dataclass(frozen=True, slots=True)
class Skip:
    """Yielded by a rule instead of findings: the rule does not apply, or lacks evidence."""

    outcome: Outcome  # NOT_APPLICABLE or INSUFFICIENT_DATA
    reason: Text
    pointers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleOutcome:
    code: str
    outcome: Outcome
    reasons: tuple[Text, ...] = ()
    pointers: tuple[str, ...] = ()
    seconds: float = 0.0


@dataclass(slots=True)
class ReportResult:
    """Everything the outputs need for one report; outputs render it and compute nothing."""

    file: str
    document: Mapping[str, Any] | None
    findings: list[Finding]
    outcomes: list[RuleOutcome]
    source_map: Mapping[str, Any] = field(default_factory=dict)
    load_error: str | None = None  # set when the file could not be read at all
    format: str = "json"
    tool_problems: tuple[str, ...] = ()  # plugins that failed in this run: the check is incomplete
    text_left_out: int = 0  # > 0: the batch was larger than this, and the report's prose was not kept
    not_report: bool = False  # with load_error: the file was read, and is not an annual report

    @property
    def incomplete(self) -> bool:
        """The tool, not the report, failed: a rule crashed (GC900) or a plugin could not be loaded.
        Such a report is 「检查不完整」, never 「未通过」."""
        return bool(self.tool_problems) or any(o.outcome is Outcome.ERROR for o in self.outcomes) \
            or any(f.code == CRASH_CODE for f in self.findings)

    def status(self, fail_on: str = "error") -> str:
        """One of STATUSES: what a report's line says in every output."""
        if self.load_error:
            return "not_report" if self.not_report else "not_checked"
        if self.incomplete:
            return "incomplete"
        level = Severity(fail_on).rank if fail_on != "never" else 99
        return "fail" if any(f.severity.rank >= level and not f.waived for f in self.findings) else "pass"

    def counts(self) -> dict[str, int]:
        out = {s.value: 0 for s in Severity}
        for f in self.findings:
            if not f.waived:
                out[f.severity.value] += 1
        out["waived"] = sum(1 for f in self.findings if f.waived)
        return out
