"""The statistics ledger (issue 14): figures grouped by indicator, place and period."""
