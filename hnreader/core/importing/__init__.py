"""Files to articles: decoding, splitting a news file into articles, the news-layout line rules,
captions, and the import run (progress, cancel, workers).
"""
