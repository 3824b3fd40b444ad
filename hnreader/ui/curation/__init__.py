"""Analyse ▸ Resolve Disagreements…: two coders' differing units, curated into a consensus
coder (issue 17, item 4)."""
