"""The JSON Schemas gov-check ships: report (the report document), result (the JSON output) and
config (gov-check.toml)."""

from pathlib import Path


def text(name: str) -> str:
    """The text of ``<name>.schema.json``, read from this package's folder (importlib.resources
    would also read a zipped install, which pip never makes, and imports tempfile, shutil and the
    compression modules for it: 9 ms at every start)."""
    return Path(__file__).with_name(f"{name}.schema.json").read_text(encoding="utf-8")
