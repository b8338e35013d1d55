"""Rules on dates and deadlines (GC6xx)."""
