"""Waivers: findings a supervisor has reviewed and accepted, read from a TOML file, matched to
findings by rule and place, and the stale ones (unused, expired) reported as GC901."""

from __future__ import annotations

import datetime as dt
import fnmatch
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable

from checker.config import ConfigError, read_toml
from checker.findings import Finding, ReportResult, Severity

STALE_CODE = "GC901"
_KEYS = {"rule", "place", "reason", "approved_by", "until", "report"}


@dataclass(frozen=True, slots=True)
class Waiver:
    """One accepted finding: its rule, its place (a JSON Pointer, or a glob over pointers), why,
    who approved it, until when it holds, and optionally which report files it is for."""

    rule: str
    place: str
    reason: str
    approved_by: str = ""
    until: dt.date | None = None
    report: str = ""  # glob over the report file's path or name; empty: every report
    file: str = ""
    index: int = 0  # 1-based position in its file

    @property
    def label(self) -> str:
        return f"{Path(self.file).name}#{self.index}" if self.file else f"#{self.index}"

    def applies_to(self, report_file: str) -> bool:
        if not self.report:
            return True
        return fnmatch.fnmatchcase(report_file, self.report) or fnmatch.fnmatchcase(Path(report_file).name, self.report)

    def matches(self, finding: Finding) -> bool:
        if finding.code != self.rule:
            return False
        if self.place == "*":
            return True
        pointers = finding.pointers or ("",)
        if any(c in self.place for c in "*?["):
            return any(fnmatch.fnmatchcase(p, self.place) for p in pointers)
        return self.place in pointers

    def expired(self, today: dt.date) -> bool:
        return self.until is not None and self.until < today


def load_waivers(path: str | Path) -> list[Waiver]:
    """Read and check a waivers file: ``[[waivers]]`` tables with rule, place, reason (required),
    approved_by and until (a TOML date).  Anything wrong is a ConfigError naming file and entry."""
    path = Path(path)
    return parse_waivers(read_toml(path), str(path))


def parse_waivers(data: Any, path: str = "waivers") -> list[Waiver]:
    """Check the content of a waivers file (as read from TOML) and build its waivers."""
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: 应为 [[waivers]] 表")
    extra = set(data) - {"waivers"}
    if extra:
        raise ConfigError(f"{path}: 未知的键「{'、'.join(sorted(extra))}」；豁免清单只有 [[waivers]] 表")
    entries = data.get("waivers", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: waivers 应为 [[waivers]] 表的列表")
    out = []
    for i, raw in enumerate(entries, 1):
        where = f"{path}: waivers[{i}]"
        if not isinstance(raw, dict):
            raise ConfigError(f"{where}: 应为表")
        unknown = set(raw) - _KEYS
        if unknown:
            raise ConfigError(f"{where}: 未知的键「{'、'.join(sorted(unknown))}」（可用：{'、'.join(sorted(_KEYS))}）")
        for key in ("rule", "place", "reason"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                what = "缺少" if key not in raw else "应为非空文本："
                raise ConfigError(f"{where}.{key}: {what}{'' if key not in raw else repr(raw[key])}"
                                  + ("（每项豁免必须写明理由）" if key == "reason" else ""))
        place = raw["place"].strip()
        if place not in ("", "*") and not place.startswith("/") and not place.startswith("*"):
            raise ConfigError(f"{where}.place: {place!r} 不是 JSON Pointer（以 / 开头）或通配模式")
        until = raw.get("until")
        if until is not None:
            if isinstance(until, str):
                try:
                    until = dt.date.fromisoformat(until)
                except ValueError:
                    until = None
            if isinstance(until, dt.datetime):
                until = until.date()
            if not isinstance(until, dt.date):
                raise ConfigError(f"{where}.until: 应为日期（如 2027-03-31），实为 {raw['until']!r}")
        for key in ("approved_by", "report"):
            if key in raw and not isinstance(raw[key], str):
                raise ConfigError(f"{where}.{key}: 应为文本")
        out.append(Waiver(rule=raw["rule"].strip().upper(), place=place, reason=raw["reason"].strip(),
                          approved_by=raw.get("approved_by", ""), until=until, report=raw.get("report", ""),
                          file=str(path), index=i))
    return out


def apply_waivers(findings: Iterable[Finding], waivers: Iterable[Waiver], report_file: str,
                  today: dt.date) -> list[Finding]:
    """The findings with those a live waiver covers marked (``waived`` = its reason and approver);
    the first matching waiver wins.  A pure function of one report, so reports may be checked in
    any order or in parallel."""
    mine = [w for w in waivers if w.applies_to(report_file) and not w.expired(today)]
    out = []
    for f in findings:
        hit = next((w for w in mine if w.matches(f)), None)
        if hit is not None and not f.waived:
            who = f"；批准：{hit.approved_by}" if hit.approved_by else ""
            f = replace(f, waived=hit.reason + who)
        out.append(f)
    return out


def stale_waivers(waivers: Iterable[Waiver], results: list[ReportResult], today: dt.date,
                  severity: Severity = Severity.WARNING) -> list[tuple[ReportResult, Finding]]:
    """GC901, judged once per run: each waiver that has expired, or that matches no finding in any
    report it applies to, with the first such report (where its finding is listed).  A waiver
    that applies to none of the reports checked is not judged: the run did not include them."""
    out = []
    for w in waivers:
        applicable = [r for r in results if r.load_error is None and w.applies_to(r.file)]
        if not applicable:
            continue
        args: dict[str, Any] = {"waiver": w.label, "rule": w.rule, "target": w.place or "/", "until": w.until.isoformat() if w.until else None}
        if w.expired(today):
            out.append((applicable[0], Finding(STALE_CODE, severity, "expired", (), args)))
        elif not any(w.matches(f) for r in applicable for f in r.findings):
            out.append((applicable[0], Finding(STALE_CODE, severity, "unused", (), args)))
    return out
