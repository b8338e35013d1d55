"""Rules on the document and its structure (GC0xx)."""
