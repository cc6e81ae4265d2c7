"""Measures: the analysers, each ``analyse(doc) -> frozen result``."""
