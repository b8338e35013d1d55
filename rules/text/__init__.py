"""Rules comparing the text with the tables (GC4xx)."""
