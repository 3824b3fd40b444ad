"""The library: the article list, its filter and sort, and article details."""
