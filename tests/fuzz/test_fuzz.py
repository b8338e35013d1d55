"""The short, deterministic fuzz pass of every `make test` (issue 17), and the corpus replayed.

Hypothesis draws (kind, seed) pairs with a fixed derandomised stream; each seed is turned into a case
by the same mutators the long run uses (``make fuzz``), and every property of ``harness`` is checked.
About 30 s in all; ``make fuzz FUZZ_SECONDS=1800`` runs the same for as long as asked.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from . import harness
from .mutators import KINDS, make_case
from .runner import CORPUS, load_saved

EXAMPLES_PER_KIND = {"pdf": 3}  # a PDF costs as much as fifty text inputs


def _no_failure(case) -> None:
    found = harness.failure(case, twice=bool(case.seed and case.seed % 7 == 0))
    if found is not None:
        pytest.fail(f"{found.klass} (kind {case.kind}, seed {case.seed}, output {case.output})\n{found.detail}")


@pytest.mark.parametrize("kind", list(KINDS))
def test_mutated_inputs_keep_every_property(kind):
    @settings(max_examples=EXAMPLES_PER_KIND.get(kind, 24), derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(seed=st.integers(min_value=0, max_value=2 ** 32))
    def run(seed):
        _no_failure(make_case(seed, kind))

    run()


@pytest.mark.parametrize("folder", sorted(p for p in CORPUS.iterdir() if (p / "case.json").is_file()) if CORPUS.is_dir()
                         else [], ids=lambda p: p.name)
def test_corpus_case_is_fixed(folder: Path):
    case = load_saved(folder)
    found = harness.failure(case)
    assert found is None, f"{found.klass}\n{found.detail}"


def test_the_harness_catches_what_it_should(tmp_path):
    """The properties can fail: an exception, a hang, malformed output are each caught."""
    from .mutators import Case

    assert harness.output_problem("json", "{") is not None
    assert harness.output_problem("json", "{}") is not None  # not a result document
    assert harness.output_problem("junit", "<a>\x01</a>") is not None
    assert harness.output_problem("html", "<p>\x0b</p>") is not None
    assert harness.output_problem("text", "ok\x1b[2J") is not None
    with pytest.raises(harness.Hang):
        with harness.cpu_bound(0.2):
            while True:
                pass
    case = Case("json", {"r.json": b"{}"}, ["check", "@r.json", "--no-config", "--select", "GC0", "-f", "json"], "json")
    assert harness.failure(case, tmp_path) is None
    import checker.cli

    original = checker.cli.check.callback
    checker.cli.check.callback = lambda *a, **k: 1 / 0
    try:
        found = harness.failure(case, tmp_path / "b")
    finally:
        checker.cli.check.callback = original
    assert found is not None and found.klass.startswith("ZeroDivisionError")
