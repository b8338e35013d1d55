from checker.testing import cases_test

test_shili_rules = cases_test(__file__, plugins=["gov_check_shili"])  # runs tests/cases/*.yaml
