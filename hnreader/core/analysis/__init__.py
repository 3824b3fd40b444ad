"""Text to what is derived from it, given a segmenter: word segmentation (jieba), the search index
row (word-boundary flags), figures, snapping to words.
"""
