"""Rules on table T4, reconsideration and litigation (GC3xx)."""
