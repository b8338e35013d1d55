"""Start-up cost is paid once: `gov-check --help` and a single small JSON check import only what
they need.  Each run is a fresh interpreter; the modules it loaded are read from sys.modules."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import EXAMPLES, ROOT

PROBE = """
import json, sys
from checker.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
sys.stdout.flush()
sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
"""


def loaded_modules(*args: str) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8")
    line = next(l for l in proc.stderr.splitlines() if l.startswith("MODULES "))
    return set(json.loads(line[len("MODULES "):]))


def _top(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def test_help_imports_neither_rich_nor_jsonschema_nor_any_rule():
    modules = loaded_modules("--help")
    assert "checker.cli" in modules  # the probe did run the command line
    assert not _top(modules) & {"rich", "jsonschema", "fastjsonschema", "rules", "pluggy", "multiprocessing",
                                "concurrent", "charset_normalizer", "yaml"}
    assert not {m for m in modules if m.startswith("checker.") and m != "checker.cli"}


def test_a_single_json_check_loads_no_batch_machinery():
    args = (str(EXAMPLES / "clean-2023.json"), "--format", "json")
    loaded_modules(*args)  # the first check with this cache fills it (tests/test_cache.py)
    modules = loaded_modules(*args)
    assert {"rules.t3.gc204_t3_balance", "checker.engine"} <= modules  # it did check the report
    # a valid report passes the cached compiled schema check, so jsonschema (90 ms) is not imported,
    # nor importlib.metadata (the installed plugins are listed from the cache); no pool, no progress
    # bar, no encoding detector for a UTF-8 file, no config-file parser, and for JSON output no rich
    assert not _top(modules) & {"rich", "jsonschema", "multiprocessing", "concurrent", "charset_normalizer",
                                "tomllib", "yaml"}
    assert "importlib.metadata" not in modules
    assert "checker.summary" not in modules and "checker.output.summary" not in modules
    # the other formats' parsers are imported only when a file of that format is read
    assert not {"checker.loaders.layout", "checker.loaders.docx_loader", "checker.loaders.pdf_loader"} & modules
    # nor the modules the text, HTML and PDF readers share, the URL fetcher, or the comparison
    assert not {f"checker.loaders.{m}" for m in ("flat", "digits", "pagemeta", "article", "evidence", "spare_cells",
                                                 "fetch", "html_loader", "text_loader")} & modules
    assert not {m for m in modules if m.startswith("checker.compare")}
    assert not _top(modules) & {"ssl", "http", "zipfile", "pdfminer"}
    assert not _top(modules) & {"docx", "lxml", "pdfplumber"}


def test_a_single_check_with_terminal_output_loads_rich_but_no_progress_bar():
    modules = loaded_modules(str(EXAMPLES / "clean-2023.json"))
    assert "rich.console" in modules
    assert not {"rich.progress", "rich.live", "multiprocessing"} & modules


def test_a_word_check_reads_the_package_with_lxml_not_python_docx(tmp_path):
    # python-docx costs ~55 ms to import and ~20 ms to open a file: an intact package is read with
    # lxml alone (checker/loaders/docx_loader.py); python-docx is imported only for an unusual one.
    import json as _json

    from tests.loaders.render import layout, to_docx

    report = _json.loads((EXAMPLES / "yangquan-2023.json").read_text(encoding="utf-8"))
    sample = to_docx(layout(report), tmp_path / "report.docx")
    modules = loaded_modules(str(sample), "--format", "json")
    assert "checker.loaders.docx_loader" in modules and "rules.t3.gc204_t3_balance" in modules  # it did check it
    assert "docx" not in _top(modules)
    # nor the other formats' readers, the comparison, the URL fetcher or the summary outputs
    assert not {"checker.loaders.pdf_loader", "checker.loaders.html_loader", "checker.loaders.fetch",
                "checker.summary", "checker.output.summary"} & modules
    assert not {m for m in modules if m.startswith("checker.compare")}
    assert not _top(modules) & {"pdfplumber", "pdfminer", "ssl", "http", "multiprocessing", "jsonschema"}
