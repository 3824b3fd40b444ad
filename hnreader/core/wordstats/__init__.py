"""Word lists, n-grams, keyness and collocates over the segmented corpus (issue 16)."""
