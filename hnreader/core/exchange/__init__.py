"""REFI-QDA exchange (issue 17): a project as `.qdpx`, its codebook as `.qdc`, and both read
back from other tools (QualCoder, MAXQDA, NVivo, ATLAS.ti) with a report of what was left out."""

from hnreader.core.exchange.document import (
    EXCHANGE_SUFFIXES,
    ExchangeReport,
    ExportSummary,
    LeftOut,
)

__all__ = ["EXCHANGE_SUFFIXES", "ExchangeReport", "ExportSummary", "LeftOut"]
