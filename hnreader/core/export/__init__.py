"""Annotations and figures to spreadsheet rows, and spreadsheet-safe CSV writing."""
