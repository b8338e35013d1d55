"""gov-check: a compliance checker for government information-disclosure annual reports."""

__version__ = "0.2.0"


def __getattr__(name: str):  # `from checker import hookimpl` for plugin authors, imported on demand
    if name == "hookimpl":
        from checker.hookspecs import hookimpl

        return hookimpl
    raise AttributeError(f"module 'checker' has no attribute {name!r}")
