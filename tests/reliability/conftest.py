"""The reliability suite: guarantees about never losing or corrupting a project.

Slow modes (more trials) run with ``HNREADER_SLOW=1``; see docs/RELIABILITY.md.
"""
