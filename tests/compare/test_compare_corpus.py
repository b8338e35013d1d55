"""The comparison on real multi-year material: the pingtan corpus (../shared/corpus), where five organs
appear in two years.  The first tests cut the prose into sections here, by the headings' words (the
comparison's text logic on real prose, whatever the loader makes of the flattened tables); the last
ones go through the loader, as a user runs `gov-check compare` on the crawler files, and skip, saying
why, if the loader finds no sections in them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.compare import build
from checker.compare.sections import compare_text
from checker.engine import Engine
from checker.model import Report, match_section
from tests.conftest import SHARED

CORPUS = SHARED / "corpus"
PAIRS = [("pingtan-jjf-2021", "pingtan-jjf-2022"), ("pingtan-czj-2023", "pingtan-czj-2025"),
         ("pingtan-gaj-2022", "pingtan-gaj-2024"), ("pingtan-shs-2019", "pingtan-shs-2023"),
         ("pingtan-jsp-2019", "pingtan-jsp-2024")]

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the corpus is not here ({CORPUS})")

_CANDIDATE = re.compile(r"([一二三四五六])、\s*([^。；]{2,40}?(?:情况|事项|计划))")


def prose_document(name: str) -> dict:
    """The report's prose as a report document: organ and year from the crawler's title line, the
    sections cut at their headings (the first heading of each canonical section, in order)."""
    raw = (CORPUS / name / "page.txt").read_text(encoding="utf-8")
    header, body = raw.split("==================== 正文 ====================", 1)
    title = re.search(r"^标题:\s*(.+?)(\d{4})年", header, re.M)
    assert title, name
    cuts: list[tuple[int, int, str]] = []  # (start, end of heading, heading)
    for m in _CANDIDATE.finditer(body):
        number = match_section(m.group(0))
        if number and number == len(cuts) + 1:
            cuts.append((m.start(), m.end(), m.group(0)))
    sections = []
    for i, (start, end, heading) in enumerate(cuts):
        stop = cuts[i + 1][0] if i + 1 < len(cuts) else len(body)
        sections.append({"heading": heading.strip(), "text": body[end:stop].strip()})
    return {"schema_version": "1", "metadata": {"organ_name": title.group(1).strip(), "report_year": int(title.group(2))},
            "preface": body[:cuts[0][0]].strip() if cuts else body, "sections": sections}


@pytest.mark.parametrize("last,this", PAIRS)
def test_real_pairs_pair_all_six_sections(last, this):
    before, now = Report(prose_document(last)), Report(prose_document(this))
    assert before.organ_name == now.organ_name and now.year > before.year
    pairs, reuse = compare_text(before, now)
    paired = [p.this.number for p in pairs if p.last is not None and p.this is not None and p.this.number]
    assert paired == [1, 2, 3, 4, 5, 6]
    assert reuse is not None and 0 < reuse < 1


def test_a_heading_variant_still_pairs():
    """jjf-2022 prints section 四 as 「…行政复议与行政诉讼情况」, gaj-2024 section 五 as 「…及明年工作计划」."""
    for last, this, number, words in (("pingtan-jjf-2021", "pingtan-jjf-2022", 4, "行政复议与行政诉讼"),
                                      ("pingtan-gaj-2022", "pingtan-gaj-2024", 5, "明年工作计划")):
        pairs, _ = compare_text(Report(prose_document(last)), Report(prose_document(this)))
        pair = next(p for p in pairs if p.this and p.this.number == number)
        assert words in pair.this.heading and pair.last is not None and pair.last.number == number


def test_real_reports_reuse_and_sentences():
    """jjf 2021 → 2022 (consecutive years): the measured share, and sentences of each kind."""
    last, this = prose_document("pingtan-jjf-2021"), prose_document("pingtan-jjf-2022")
    engine = Engine()
    c = build(engine.check(last), engine.check(this, previous=last), engine.rule_classes())
    counts = c["summary"]["sentences"]
    assert counts["copied"] > 0 and counts["added"] > 0 and counts["removed"] > 0
    assert 0.05 < c["summary"]["reuse"] < 0.95
    gc703 = [f for f in engine.check(this, previous=last).findings if f.code == "GC703"]
    if gc703:  # the same measure as the rule's
        assert round(c["summary"]["reuse"], 3) == gc703[0].args["share"]


@pytest.mark.parametrize("name", ["pingtan-jjf-2022", "pingtan-czj-2025"])
def test_a_real_report_with_itself(name):
    doc = prose_document(name)
    pairs, reuse = compare_text(Report(doc), Report(doc))
    assert reuse == 1.0
    assert {r.status for p in pairs for r in p.rows} <= {"copied", "boilerplate"}


@pytest.mark.parametrize("last,this", PAIRS)
def test_compare_reads_the_corpus_files_themselves(gov_check, tmp_path, last, this):
    """Through the loader, as a user runs it; skipped while the loader finds no sections in these files."""
    from checker.loaders import load
    from checker.plugins import PluginHost

    loaders = PluginHost().loaders
    docs = [load(CORPUS / name / "page.txt", loaders).document for name in (last, this)]
    if not all(Report(d).section(1) and Report(d).section(5) for d in docs):
        pytest.skip("the text loader finds no sections in these pingtan crawler files")
    out = tmp_path / "compare.json"
    args = ["compare", CORPUS / last / "page.txt", CORPUS / this / "page.txt", "-o", out]
    if Report(docs[1]).year != (Report(docs[0]).year or 0) + 1:
        assert gov_check(*args).exit_code == 2  # not consecutive years: said, then forced
        args.append("--force")
    result = gov_check(*args)
    assert result.exit_code == 0, result.output
    import json

    c = json.loads(out.read_text(encoding="utf-8"))
    assert [s["number"] for s in c["sections"] if s["last"] and s["this"] and s["number"]] == [1, 2, 3, 4, 5, 6]
    assert len(c["identities"]) >= 7


def test_a_real_section_copied_word_for_word_is_marked():
    """czj 2025's section 五 (problems and improvements) repeats its 2023 report's: found and marked."""
    pairs, reuse = compare_text(Report(prose_document("pingtan-czj-2023")), Report(prose_document("pingtan-czj-2025")))
    five = next(p for p in pairs if p.this and p.this.number == 5)
    assert five.reuse == 1.0 and five.over
    assert all(r.status in ("copied", "boilerplate") for r in five.rows)
    assert reuse > 0.5


def test_real_pair_through_the_loader_carry_over_and_roll_forward(gov_check, tmp_path):
    """jjf 2021 → 2022 read from the crawler files: the identities with both sides, as printed."""
    import json

    out = tmp_path / "jjf.json"
    result = gov_check("compare", CORPUS / "pingtan-jjf-2021" / "page.txt", CORPUS / "pingtan-jjf-2022" / "page.txt", "-o", out)
    if result.exit_code != 0:
        pytest.skip(f"the loader does not read this pair yet: {result.output.strip()[:200]}")
    c = json.loads(out.read_text(encoding="utf-8"))
    assert (c["last"]["year"], c["this"]["year"]) == (2021, 2022)
    carry = [i for i in c["identities"] if i["kind"] == "carry_over"]
    assert len(carry) == 7 and all(i["left"]["expression"] and i["right"]["expression"] for i in carry)
    rolls = [i for i in c["identities"] if i["kind"] == "roll_forward"]
    assert len(rolls) == 2 and all(" + " in i["left"]["expression"] or i["holds"] is None for i in rolls)
    assert 0 < c["summary"]["reuse"] < 0.6


def test_the_electronic_version_line_is_boilerplate_on_both_sides():
    """jjf 2021 prints 「本报告的电子版…」, 2022 「报告的电子版…」: both are the standard line (not one
    removed and another added), shown as one pair with 「本」 dropped."""
    pairs, _ = compare_text(Report(prose_document("pingtan-jjf-2021")), Report(prose_document("pingtan-jjf-2022")))
    rows = [r for r in pairs[0].rows if "电子版" in (r.this or r.last or "")]
    assert [(r.status, r.last[:7], r.this[:6]) for r in rows] == [("changed", "本报告的电子版", "报告的电子版")]
    assert rows[0].diff[0] == ["delete", "本"]
