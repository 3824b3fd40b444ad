"""The figures panel: the figures of an article or of the corpus."""
