"""The results layer: every type Slant produces, and nothing else.

Modules here import only the standard library and one another, never an
analyser, a loader or a third-party package, so reading, writing or
displaying results costs no analyser's start-up. Analysers, the comparison
and every output import their types from here; the reverse never happens
(``tests/test_layers.py`` holds the rule).
"""
