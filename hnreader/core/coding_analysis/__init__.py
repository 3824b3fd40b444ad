"""Questions asked of the codes: coded-segment retrieval, code matrices, co-occurrence."""
