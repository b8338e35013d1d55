"""Reading the statements a province plugin declared (``ExtraStatement``) out of the assembled text.

The assembler (:mod:`checker.loaders.layout`) calls this once the preface, sections and signature
are known; declared table rows are read by the assembler's own row reading.  The sentence is stored
as printed, with the paragraph it came from in the source map; whether it says enough is the
plugin's rules' business.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from checker.model import match_section, pointer

_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")


def sentence_with(text: str, phrases: Sequence[str]) -> str | None:
    """The first sentence of ``text`` that contains one of ``phrases``, or None."""
    for sentence in _SENTENCE_END.split(text):
        if any(p in sentence for p in phrases):
            return sentence.strip()
    return None


def read_statements(builder: Any, extensions: Any, preface: Sequence[Any], sections: Sequence[tuple[Any, Sequence[Any]]],
                    signature: Sequence[Any]) -> None:
    """Put each declared statement's sentence at /extensions/<namespace>/statements/<id>."""
    for statement in extensions.statements:
        places: list[Any] = []
        if statement.section is None:
            places += list(preface)
        for head, body in sections:
            if statement.section is None or match_section(head.text) == statement.section:
                places += list(body)
        if statement.section is None:
            places += list(signature)
        for para in places:
            found = sentence_with(para.text, statement.phrases)
            if found:
                ns = builder.extensions.setdefault(statement.namespace, {})
                ns.setdefault("statements", {})[statement.id] = found
                builder.source_map[pointer(*statement.path)] = dict(para.where)
                break
