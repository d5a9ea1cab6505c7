"""Factcheck Workbench: check the claims in a news article, offline."""

__version__ = "0.1.0"
