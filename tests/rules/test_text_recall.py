"""The text rules on the real reports (issue 13): every figure a reader lists as restating a table
cell (tests/data/text-recall/figures.yaml) is read and matched, and no finding is a false alarm."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import ROOT, SHARED

sys.path.insert(0, str(ROOT / "tools"))


@pytest.fixture(scope="module")
def measured():
    if not (SHARED / "corpus").is_dir() or not (SHARED / "samples").is_dir():
        pytest.skip(f"the real reports are not on this machine ({SHARED})")
    pytest.importorskip("pdfplumber", reason="the PDF sample needs gov-check[pdf]")
    import text_recall

    return text_recall.measure(SHARED)


def test_no_false_alarm_and_no_non_restatement_read(measured):
    assert measured.false_alarms == []
    assert measured.silent_read == []


def test_figures_read_and_matched(measured):
    unread = [(r.report, r.quote) for r in measured.rows if not r.read]
    # Two figures a reader can place but the rules leave, on purpose, unread: 「公开答复1件」 (公开答复
    # may include 部分公开) and 「回应依申请公开信息1条（本机关不掌握相关政府信息）」 (the figure counts
    # information items; the bracket names the row).
    assert sorted(unread) == [("pingtan-czj-2025", "其中公开答复1件"),
                              ("pingtan-shs-2023", "回应依申请公开信息1条（本机关不掌握相关政府信息）")]
    assert all(r.matched for r in measured.rows if r.read)
    assert len(measured.rows) == 42


def test_a_confirmed_defect_is_found(measured):
    assert [(r, c) for r, c, _ in measured.true_positives] == [("pingtan-czj-2025", "GC406")]


def test_transcribed_tables_are_complete():
    """A fixture lists every T3 row of its template: nothing is imputed."""
    import json

    import text_recall
    from checker import labels

    for path in sorted((ROOT / "tests" / "data" / "text-recall").glob("*.json")):
        fixture = json.loads(path.read_text(encoding="utf-8"))
        rows = labels.t3_rows(fixture["metadata"]["template_version"])
        assert len(fixture["t3_total"]) == len(rows), path.name
        assert all(v is None or isinstance(v, int) for v in fixture["t3_total"]), path.name  # null: blank
        doc = text_recall.overlay({"preface": ""}, fixture)
        assert set(doc["tables"]["t3"]) == {r.id for r in rows}


def test_the_same_with_the_tables_the_loaders_read():
    """The corpus tables as the loaders read them give the same measurement as the transcriptions."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"the real reports are not on this machine ({SHARED})")
    pytest.importorskip("pdfplumber", reason="the PDF sample needs gov-check[pdf]")
    import text_recall

    imported = text_recall.measure(SHARED, imported=True)
    assert imported.false_alarms == [] and imported.silent_read == []
    assert sum(r.read for r in imported.rows) == 40
