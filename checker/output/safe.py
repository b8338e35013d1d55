"""What each output may carry of text that came from a report: the characters XML forbids dropped,
lone surrogates replaced, and nothing a terminal would obey (escape sequences, control characters,
bidi overrides) printed raw.  Report text is data; in no output may it become markup or commands."""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
# A lone surrogate cannot be encoded as UTF-8 at all (a pair was joined when the text was decoded).
_SURROGATE = re.compile("[\ud800-\udfff]")
# XML 1.0 allows TAB, LF, CR and everything from U+0020 except surrogates, U+FFFE and U+FFFF; HTML
# also counts C1 controls and U+007F as errors.  Lone surrogates become U+FFFD (a place stays
# visible); the control characters carry nothing a reader can see and are dropped.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# What a terminal would act on: ESC sequences (CSI ``ESC [ … final``, OSC ``ESC ] … BEL|ESC \\``,
# other two-character ESC codes), the single-character C1 forms of CSI/OSC, and every other C0/C1
# control except newline and tab.
_ESCAPE = re.compile(
    r"\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"   # OSC: title changes, hyperlinks
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b\[[0-?]*[ -/]*[@-~]?"                    # CSI: cursor moves, screen clears, colours
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?"      # DCS, SOS, PM, APC strings
    r"|\x1b.?"                                      # any other escape
)
_TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides and isolates reorder what follows them on screen ("Trojan source");
# a finding must read in the order the report wrote it.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def no_surrogates(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD, so that it can be written as UTF-8."""
    return _SURROGATE.sub(REPLACEMENT, text)


def xml_text(text: str) -> str:
    """``text`` with only characters XML 1.0 (and HTML) allows."""
    return _XML_FORBIDDEN.sub("", no_surrogates(text))


def terminal_text(text: str) -> str:
    """``text`` made inert for a terminal: escape sequences and control characters (but newline
    and tab) removed, bidi controls removed, lone surrogates replaced."""
    text = _ESCAPE.sub("", no_surrogates(text))
    return _BIDI.sub("", _TERMINAL_CONTROLS.sub("", text))
