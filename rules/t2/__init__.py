"""Rules on table T2, proactive disclosure (GC1xx)."""
