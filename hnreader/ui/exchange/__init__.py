"""REFI-QDA exchange in the app: File ▸ Export ▸ REFI-QDA Project/Codebook and File ▸
Import REFI-QDA…, with the import's report."""
