"""Searching the corpus: the query language and the search engine (pages, exact hits, totals)."""
