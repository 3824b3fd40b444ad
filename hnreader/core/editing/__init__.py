"""Correcting articles (split, merge) and the undo/redo history."""
