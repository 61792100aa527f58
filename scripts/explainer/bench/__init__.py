"""The performance benchmark: measured, reported, never a timed test."""
