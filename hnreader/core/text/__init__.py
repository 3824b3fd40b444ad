"""Pure text functions: normalising stored text, the length-preserving folded view, decoding files,
making typed text storable, the FTS document of a text.
"""
