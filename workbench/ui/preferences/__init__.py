"""Preferences, the reviewer, and what the window remembers between runs."""
