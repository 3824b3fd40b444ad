"""The import dialog: options and a live preview (issue 13)."""
