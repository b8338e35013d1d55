"""Rules on required content (GC5xx)."""
