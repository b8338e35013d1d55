"""Helpers of the required-content rules: where a section is, and which of its sentences say what."""

from __future__ import annotations

import re

from checker import labels
from checker.findings import Text
from checker.model import Report
from checker.textnum import split_sentences


def section_place(number: int) -> Text:
    return Text(f"「{labels.section_place(number)}」", labels.section_place(number, "en"))


def section_pointer(report: Report, number: int) -> str:
    s = report.section(number)
    return s.pointer if s else "/sections"


def sentences_matching(text: str, pattern: re.Pattern[str], exclude: re.Pattern[str] | None = None) -> list[str]:
    return [s.text for s in split_sentences(text) if pattern.search(s.text) and not (exclude and exclude.search(s.text))]


def all_prose(report: Report) -> str:
    return "\n".join([report.preface, *(s.text for s in report.sections)])
