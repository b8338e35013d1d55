"""The two years' prose side by side: sections paired by meaning, a sentence-level diff inside each
pair (difflib's SequenceMatcher, on sentences normalised the way GC703 measures copying), the
changed characters inside a changed sentence, sentences moved within or between sections, and the
share of this year's text that repeats last year's."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from checker import labels
from checker.model import Report
from checker.textnum import split_sentences
from checker.textreuse import is_boilerplate, neutralise, normalise, shingles

# A changed sentence: the two normalised sentences are at least this similar (difflib's ratio);
# below it, the one was removed and the other added.
CHANGED_RATIO = 0.5
# A changed section of more than this many sentences on each side pairs sentences within this
# distance of each other's position (see diff_sentences).
PAIRING_WINDOW = 60
# Candidates for a changed sentence: those sharing at least this share of character pairs (Dice),
# the best CANDIDATES of them compared exactly.
CANDIDATE_DICE = 0.3
CANDIDATES = 3
# A sentence shorter than this (normalised) is not reported as moved: 「加强培训」 recurs by chance.
MOVED_MIN_CHARS = 6


@dataclass(frozen=True, slots=True)
class Part:
    """A piece of one year's prose: the preface or one printed section."""

    key: str  # 「preface」, 「s1」…「s6」 (matched by meaning), or 「x<index>」 for an unmatched section
    number: int | None
    heading: str
    text: str
    pointer: str


def parts(report: Report) -> list[Part]:
    out = []
    if report.preface.strip():
        out.append(Part("preface", None, "", report.preface, "/preface"))
    for s in report.sections:
        out.append(Part(f"s{s.number}" if s.number else f"x{s.index}", s.number, s.heading, s.text, s.pointer))
    return out


def pair_parts(last: list[Part], this: list[Part]) -> list[tuple[Part | None, Part | None]]:
    """Pairs in this year's order: the preface with the preface, each canonical section with the same
    section (whatever its printed number), the sections whose heading says nothing known with the
    most similar leftover of the other year; a part with no partner is paired with None."""
    by_key = {p.key: p for p in last if not p.key.startswith("x")}
    used: set[int] = set()
    pairs: list[tuple[Part | None, Part | None]] = []
    for p in this:
        other = by_key.get(p.key) if not p.key.startswith("x") else None
        if other is not None:
            used.add(id(other))
        pairs.append((other, p))
    leftovers = [p for p in last if id(p) not in used]
    for i, (other, p) in enumerate(pairs):
        if other is not None or not leftovers:
            continue
        best = max(leftovers, key=lambda q: _similar(q.text, p.text))
        if _similar(best.text, p.text) >= 0.3 and (p.key.startswith("x") or best.key.startswith("x")):
            pairs[i] = (best, p)
            leftovers.remove(best)
    # last year's parts with no partner, each after the pair that held its predecessor
    for q in leftovers:
        at = 0
        for i, (o, _) in enumerate(pairs):
            if o is not None and last.index(o) < last.index(q):
                at = i + 1
        pairs.insert(at, (q, None))
    return pairs


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, _fold(a)[:2000], _fold(b)[:2000], autojunk=False).ratio() if a and b else 0.0


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@dataclass(slots=True)
class Sentence:
    text: str
    key: str  # what copying shows (GC703's normalisation); boilerplate keeps its own folded text
    boilerplate: bool


def sentences(text: str, year: int | None) -> list[Sentence]:
    out = []
    for line in text.splitlines():
        for s in split_sentences(line):
            # GC703's normalisation, except that the year before is a number like any other: a
            # sentence that only moved its dates on a year (「2021—2025年」 seen from 2022 and 2023)
            # is the same sentence.
            key = normalise(s.text, year).replace("Ｐ", "#")
            boiler = is_boilerplate(s.text) or not key
            out.append(Sentence(s.text, "≡" + neutralise(s.text, year).replace("Ｐ", "#") if boiler else key, boiler))
    return out


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} or {text}


def char_diff(a: str, b: str) -> list[list[str]]:
    """[[op, text]…] with op 「equal」, 「delete」 (last year's characters) or 「insert」 (this year's)."""
    out: list[list[str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(["equal", a[i1:i2]])
        else:
            if i2 > i1:
                out.append(["delete", a[i1:i2]])
            if j2 > j1:
                out.append(["insert", b[j1:j2]])
    return out


@dataclass(slots=True)
class Row:
    """One line of the side-by-side text: a sentence of last year, of this year, or both."""

    status: str  # copied · changed · moved · moved_away · added · removed · boilerplate
    last: str | None
    this: str | None
    diff: list[list[str]] | None = None
    moved: str | None = None  # where a moved sentence came from / went to (a section's title)
    _key: str = field(default="", repr=False)  # this year's sentence normalised (last year's for removed)
    _last_key: str = field(default="", repr=False)

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "last": self.last, "this": self.this, "diff": self.diff, "moved": self.moved}


def diff_sentences(last: list[Sentence], this: list[Sentence]) -> list[Row]:
    matcher = SequenceMatcher(None, [s.key for s in last], [s.key for s in this], autojunk=False)
    rows: list[Row] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for a, b in zip(last[i1:i2], this[j1:j2]):
                status = "boilerplate" if b.boilerplate else "copied"
                rows.append(Row(status, a.text, b.text, char_diff(a.text, b.text) if a.text != b.text else None,
                                _key=b.key, _last_key=a.key))
            continue
        olds, news = list(last[i1:i2]), list(this[j1:j2])
        paired: dict[int, Sentence] = {}
        taken: set[int] = set()
        # a rewritten section is a block of m × n candidates: beyond PAIRING_WINDOW each sentence is
        # tried against last year's sentences near its own relative position only; character pairs
        # shared (cheap) choose the few candidates whose exact ratio (dear) is computed
        window = len(olds) if len(olds) * len(news) <= PAIRING_WINDOW ** 2 else PAIRING_WINDOW
        old_pairs = [_bigrams(a.key) for a in olds]
        for bi, b in enumerate(news):
            mine = _bigrams(b.key)
            centre = bi * len(olds) // max(1, len(news))
            candidates = []
            for ai in range(max(0, centre - window), min(len(olds), centre + window + 1)):
                if ai in taken or olds[ai].boilerplate != b.boilerplate:
                    continue
                theirs = old_pairs[ai]
                dice = 2 * len(mine & theirs) / (len(mine) + len(theirs) or 1)
                if dice >= CANDIDATE_DICE:
                    candidates.append((dice, ai))
            best, score, best_index = None, CHANGED_RATIO, -1
            for _, ai in sorted(candidates, reverse=True)[:CANDIDATES]:
                ratio = SequenceMatcher(None, olds[ai].key, b.key, autojunk=False).ratio()
                if ratio >= score:
                    best, score, best_index = olds[ai], ratio, ai
            if best is not None:
                paired[bi] = best
                taken.add(best_index)
        done: set[int] = set()
        for bi, b in enumerate(news):
            a = paired.get(bi)
            if a is not None:  # last year's sentences before it that found no partner go first
                for old in olds[:olds.index(a)]:
                    if id(old) not in done and not any(old is p for p in paired.values()):
                        rows.append(Row("removed", old.text, None, _key=old.key, _last_key=old.key))
                        done.add(id(old))
                rows.append(Row("changed", a.text, b.text, char_diff(a.text, b.text), _key=b.key, _last_key=a.key))
                done.add(id(a))
            else:
                rows.append(Row("added", None, b.text, _key=b.key))
        for old in olds:
            if id(old) not in done:
                rows.append(Row("removed", old.text, None, _key=old.key, _last_key=old.key))
    return rows


@dataclass(slots=True)
class SectionPair:
    last: Part | None
    this: Part | None
    rows: list[Row]
    reuse: float | None = None  # share of this part's text found in last year's report
    chars: int = 0  # this part's normalised length
    over: bool = False

    def title(self, lang: str) -> str:
        part = self.this or self.last
        assert part is not None
        if part.key == "preface":
            return "前言" if lang != "en" else "Preface"
        if part.number:
            s = labels.SECTIONS[part.number - 1]
            return f"{s.numeral}、{s.heading}" if lang != "en" else f"{part.number}. {s.en}"
        return part.heading or ("（无标题部分）" if lang != "en" else "(untitled part)")


def compare_text(last: Report, this: Report, *, threshold: float = 0.5, ngram: int = 8, min_chars: int = 100,
                 lang: str = "zh") -> tuple[list[SectionPair], float | None]:
    """The section pairs with their rows and reuse shares, and the overall reuse share (None when
    this year's report has no prose)."""
    pairs = [SectionPair(a, b, diff_sentences(sentences(a.text, last.year) if a else [],
                                              sentences(b.text, this.year) if b else []))
             for a, b in pair_parts(parts(last), parts(this))]
    _find_moves(pairs, lang)
    # GC703's measure exactly: last year's six sections' text; the overall share over this year's six
    # sections (a part whose heading names no known section gets its own share, outside the total)
    before: set[str] = set()
    for p in parts(last):
        if p.number:
            before |= shingles(normalise(p.text, last.year), ngram)
    hit_total = all_total = 0
    for pair in pairs:
        if pair.this is None or pair.this.key == "preface":
            continue
        norm = normalise(pair.this.text, this.year)
        mine = shingles(norm, ngram)
        pair.chars = len(norm)
        if not mine:
            continue
        hit = len(mine & before)
        if pair.this.number:
            hit_total, all_total = hit_total + hit, all_total + len(mine)
        pair.reuse = hit / len(mine)
        pair.over = pair.reuse >= threshold and len(norm) >= min_chars
    return pairs, (hit_total / all_total if all_total else None)


def _find_moves(pairs: list[SectionPair], lang: str) -> None:
    """An added sentence that last year's report has elsewhere (a removed sentence of this section,
    or any sentence of another section) was moved; its counterpart says where it went."""
    removed: dict[str, list[tuple[Row, SectionPair]]] = {}
    anywhere: dict[str, SectionPair] = {}
    for pair in pairs:
        for row in pair.rows:
            if row.last is not None and len(row._last_key) >= MOVED_MIN_CHARS and not row._last_key.startswith("≡"):
                anywhere.setdefault(row._last_key, pair)
            if row.status == "removed":
                removed.setdefault(row._key, []).append((row, pair))
    for pair in pairs:
        for row in pair.rows:
            if row.status != "added" or len(row._key) < MOVED_MIN_CHARS or row._key.startswith("≡"):
                continue
            candidates = removed.get(row._key)
            if candidates:
                old, where = candidates.pop(0)
                old.status, old.moved = "moved_away", pair.title(lang)
                row.status, row.moved = "moved", where.title(lang)
                if old.last != row.this:
                    row.diff = char_diff(old.last or "", row.this or "")
                continue
            source = anywhere.get(row._key)
            if source is not None and source is not pair:  # last year's sentence is still there too: a copy
                row.status, row.moved = "copied", source.title(lang)
