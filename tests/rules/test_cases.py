"""Every rule's cases file, one test per case (the same kit plugin authors use)."""

from pathlib import Path

from checker.testing import cases_test

test_rule_cases = cases_test(Path(__file__).parent / "cases")
