"""Benchmarks and the report generator they (and the batch tests) use."""
