"""Rules on table T3, applications (GC2xx)."""
