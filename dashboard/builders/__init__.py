"""Pure builders: HTML, chart specs and tables from analysed results.

Nothing in this package imports Streamlit, so the pages and the printable
handout share them and tests call them directly. They import only
:mod:`analysis` and each other.
"""
