"""Charts of trends, dispersion and tag frequencies drawn with matplotlib (no Qt here, so the
CLI draws them headless; the UI puts the same figures on a QtAgg canvas)."""
