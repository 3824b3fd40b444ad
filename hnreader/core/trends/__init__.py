"""Trends over time, dispersion across the corpus and tag frequencies (issue 16, item 7)."""
