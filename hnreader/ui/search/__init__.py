"""The search panel: query, keyword-in-context table, tagging hits."""
