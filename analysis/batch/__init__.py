"""Batch: many articles through the pipeline on a process pool or a Dask cluster."""
