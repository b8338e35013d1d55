"""Codes of the run itself (GC9xx): produced by the engine, documented here."""
