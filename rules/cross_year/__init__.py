"""Rules against last year's report (GC7xx)."""
