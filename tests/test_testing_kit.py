"""The rule-testing kit names the case (file:line, case name) for every malformed case, one bad case
never hides the others, and a plugin that is not installed is said so, not a traceback."""

from __future__ import annotations

import pytest

from checker.testing import cases_test, load_cases

CASES = """\
rule: GC302
cases:
  - name: balanced
    outcome: pass
  - name: bad_pointer
    patch: {/sections/99/text: "x"}
    outcome: pass
  - name: typo_key
    outcom: pass
  - just a string
  - name: total_wrong
    patch: {/tables/t4/review/total: 3}
    outcome: fail
"""


def test_a_malformed_case_names_its_file_line_and_name_and_the_others_still_run(tmp_path):
    path = tmp_path / "cases" / "GC302.yaml"
    path.parent.mkdir()
    path.write_text(CASES, encoding="utf-8")
    cases = load_cases(path)
    assert [c.name for c in cases] == ["balanced", "bad_pointer", "typo_key", "#4", "total_wrong"]
    assert [c.line for c in cases] == [3, 5, 8, 10, 11]
    test = cases_test(path.parent)
    test(cases[0])
    test(cases[4])
    for case, says in ((cases[1], "patch '/sections/99/text': IndexError"), (cases[2], "unknown key(s) outcom"),
                       (cases[3], "a case is a mapping")):
        with pytest.raises(pytest.fail.Exception) as failed:
            test(case)
        assert str(failed.value).startswith(f"{path}:{case.line}: case {case.name!r}: malformed case:"), str(failed.value)
        assert says in str(failed.value)


def test_a_case_whose_rule_disagrees_is_named_by_file_and_line(tmp_path):
    path = tmp_path / "GC302.yaml"
    path.write_text("rule: GC302\ncases:\n  - name: wrong\n    outcome: fail\n", encoding="utf-8")
    (case,) = load_cases(path)
    with pytest.raises(pytest.fail.Exception) as failed:
        cases_test(tmp_path)(case)
    assert str(failed.value).startswith(f"{path}:3: GC302:wrong: outcome 'pass', expected 'fail'")


def test_a_file_that_is_not_a_cases_file_names_the_file(tmp_path):
    path = tmp_path / "X.yaml"
    path.write_text("rule: GC302\ncases:\n  - name: a\n   bad: indent\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"^{path}:4: not valid YAML"):
        load_cases(path)
    path.write_text("- 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="needs `rule: CODE`"):
        load_cases(path)


def test_a_plugin_that_is_not_installed_is_said_so(tmp_path):
    path = tmp_path / "GC302.yaml"
    path.write_text("rule: GC302\ncases:\n  - name: a\n    outcome: pass\n", encoding="utf-8")
    test = cases_test(tmp_path, plugins=["gov_check_not_installed_anywhere"])
    with pytest.raises(pytest.fail.Exception) as failed:
        test(load_cases(path)[0])
    assert "the plugin is not installed: run `pip install -e .`" in str(failed.value)
    assert "Traceback" not in str(failed.value) and "ModuleNotFoundError" not in str(failed.value)
