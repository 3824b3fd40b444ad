"""hnreader: a reader and annotation workbench for Chinese news corpora."""

__version__ = "0.1.0"
