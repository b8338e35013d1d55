"""The fuzzer (issue 17): structure-aware mutators for every input gov-check reads, a harness that runs
each input in-process through the command line with a time and memory bound and checks the
properties every run must keep, and a long runner (``python -m tests.fuzz``, ``make fuzz``).

``mutators``  seeds made from the examples, and one mutator per input kind
``harness``   one case → the CLI run, the properties checked, a crash class or None
``runner``    the long run: cases from a seeded random stream, minimise and save failures
``corpus/``   every failing input found, minimised; replayed by ``test_fuzz.py``
"""
