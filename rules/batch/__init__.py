"""Rules across many reports (GC8xx): they read what the batch layer hands them in ``ctx.extra``."""
