"""Team work between project files: File ▸ Merge Coding from Project…, File ▸ Export Coder
Package… (issue 17, item 2)."""
