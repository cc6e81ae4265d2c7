"""Evaluations: each detector measured against human annotations.

Each kind is a module ``analysis.evaluate.KIND`` with ``evaluate(path) -> dict``
of figures, run by ``slant evaluate KIND FILE`` (``analysis/cli.py`` lists the
kinds and imports the module by name only when asked, so a kind whose module
is not installed gives a clear message instead of a traceback). An evaluator
raises ``ValueError`` with a message from :mod:`analysis.messages` for a file
it cannot evaluate, and ``OSError`` when the file cannot be read; the CLI
turns either into one line on stderr and exit code 2.
"""
