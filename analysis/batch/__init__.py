"""Many articles at once: flat rows, output sinks, streamed inputs, engines.

Nothing here prints or decides an exit code (the CLI does); nothing here runs
an analyser (the pipeline does). :mod:`~analysis.batch.rows` builds the flat
row of an article (Parquet, Spark) from the figures table,
:mod:`~analysis.batch.sinks` writes JSONL and Parquet,
:mod:`~analysis.batch.inputs` reads folders and tables for streaming,
:mod:`~analysis.batch.engines` map work over processes or a Dask cluster, and
:mod:`~analysis.batch.spark` is the entry point Spark's ``mapInPandas`` calls.
"""
