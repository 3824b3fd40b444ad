"""Corrections after import in the app: exclude, line corrections, re-import, orphans (issue 13)."""
