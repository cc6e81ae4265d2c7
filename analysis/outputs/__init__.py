"""Outputs: JSON, CSV, Parquet rows and the text report, read from results only."""
