"""The reader: an article's text with its highlights, figures and word boundaries."""
