"""The Analyse window: coded-segment retrieval, the code matrix and co-occurrence (issue 16)."""
