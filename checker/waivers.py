"""Waivers: findings a supervisor has reviewed and accepted, read from a TOML file, matched to
findings by rule and place, and the stale ones (unused, expired) reported as GC901.

A place is either what the reader sees (「表三 · 科研机构 · （五）4」, the place every output prints)
or a JSON Pointer; either may be a glob.  ``organ`` and ``year`` tie a waiver to a report by what it
is, not by its file name, so a renamed file (初稿 → 定稿) keeps its waivers."""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable

from checker.config import ConfigError, read_toml
from checker.findings import Finding, ReportResult, Severity

STALE_CODE = "GC901"
_KEYS = {"rule", "place", "reason", "approved_by", "until", "report", "organ", "year"}


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
    organ: str = ""  # glob over the report's organ name; empty: any organ
    year: int | None = None  # the report year; None: any year

    @property
    def label(self) -> str:
        return f"{Path(self.file).name}#{self.index}" if self.file else f"#{self.index}"

    @property
    def by_label(self) -> bool:
        """Whether the place is written as a reader sees it rather than as a JSON Pointer."""
        return not (self.place in ("", "*") or self.place.startswith(("/", "*")))

    def applies_to(self, report_file: str, document: Any = None) -> bool:
        if self.organ or self.year is not None:
            meta = document.get("metadata") if isinstance(document, dict) else None
            meta = meta if isinstance(meta, dict) else {}
            organ = meta.get("organ_name") if isinstance(meta.get("organ_name"), str) else ""
            if self.organ and not fnmatch.fnmatchcase(organ, self.organ):
                return False
            if self.year is not None and meta.get("report_year") != self.year:
                return False
        if not self.report:
            return True
        return fnmatch.fnmatchcase(report_file, self.report) or fnmatch.fnmatchcase(Path(report_file).name, self.report)

    def matches(self, finding: Finding, document: Any = None) -> bool:
        if finding.code != self.rule:
            return False
        if self.place == "*":
            return True
        if self.by_label:
            from checker.messages import place

            return fnmatch.fnmatchcase(label_key(place(finding, document, "zh")), label_key(self.place))
        pointers = finding.pointers or ("",)
        if any(c in self.place for c in "*?["):
            return any(fnmatch.fnmatchcase(p, self.place) for p in pointers)
        return self.place in pointers

    def expired(self, today: dt.date) -> bool:
        return self.until is not None and self.until < today


def label_key(label: str) -> str:
    """A place label's comparable form: no spaces, one kind of middle dot, no quotes."""
    import unicodedata

    text = unicodedata.normalize("NFKC", label)
    return re.sub(r"[\s「」“”\"]", "", text).replace("・", "·").replace("•", "·").replace("‧", "·")


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
        if re.fullmatch(r"[A-Za-z0-9_/~*?\[\]-]+", place) and not place.startswith(("/", "*")):
            raise ConfigError(f"{where}.place: {place!r} 不是 JSON Pointer（以 / 开头）或通配模式，"
                              "也不是读者看到的位置（如「表三 · 科研机构 · （五）4」）")
        year = raw.get("year")
        if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
            raise ConfigError(f"{where}.year: 应为报告年度（整数，如 2023），实为 {year!r}")
        if "organ" in raw and not isinstance(raw["organ"], str):
            raise ConfigError(f"{where}.organ: 应为机关名称（文本，可用通配符）")
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
                          file=str(path), index=i, organ=raw.get("organ", "").strip(), year=year))
    return out


def apply_waivers(findings: Iterable[Finding], waivers: Iterable[Waiver], report_file: str,
                  today: dt.date, document: Any = None) -> list[Finding]:
    """The findings with those a live waiver covers marked (``waived`` = its reason and approver);
    the first matching waiver wins.  A pure function of one report, so reports may be checked in
    any order or in parallel."""
    mine = [w for w in waivers if w.applies_to(report_file, document) and not w.expired(today)]
    out = []
    for f in findings:
        hit = next((w for w in mine if w.matches(f, document)), None)
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
        applicable = [r for r in results if r.load_error is None and w.applies_to(r.file, r.document)]
        if not applicable:
            continue
        args: dict[str, Any] = {"waiver": w.label, "rule": w.rule, "target": w.place or "/", "until": w.until.isoformat() if w.until else None}
        if w.expired(today):
            out.append((applicable[0], Finding(STALE_CODE, severity, "expired", (), args)))
        elif not any(w.matches(f, r.document) for r in applicable for f in r.findings):
            out.append((applicable[0], Finding(STALE_CODE, severity, "unused", (), args)))
    return out


def waiver_command(report_file: str, finding: Finding, document: Any) -> str:
    """The `gov-check waive …` command that waives this finding by what a reader sees (ready to
    paste; the reason and date are left for the reviewer to fill in)."""
    import shlex

    from checker.messages import place

    return " ".join(["gov-check", "waive", shlex.quote(report_file), finding.code, "--place",
                     shlex.quote(place(finding, document, "zh")), "--reason", "'…'", "--until", "YYYY-MM-DD"])


def waiver_toml(waiver: dict[str, Any]) -> str:
    """One ``[[waivers]]`` table, in the key order of the docs (strings as TOML basic strings)."""
    import json

    lines = ["[[waivers]]"]
    for key in ("rule", "place", "organ", "year", "reason", "approved_by", "until", "report"):
        value = waiver.get(key)
        if value in (None, ""):
            continue
        if isinstance(value, (int, dt.date)) and not isinstance(value, bool):
            lines.append(f"{key} = {value.isoformat() if isinstance(value, dt.date) else value}")
        else:
            lines.append(f"{key} = {json.dumps(str(value), ensure_ascii=False)}")
    return "\n".join(lines) + "\n"
