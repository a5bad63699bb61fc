"""Readers (one per format) and extractors (claims, table facts) for gouji."""
