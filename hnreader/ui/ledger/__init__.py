"""The Statistics Ledger window (issue 14)."""
