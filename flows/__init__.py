"""Prefect flows: thin wrappers over :mod:`pipeline` (see the flows issue)."""
