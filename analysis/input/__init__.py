"""Input: reading files, tables and manifests into raw articles, with their encodings."""
