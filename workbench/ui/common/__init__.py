"""Shared by every room: the worker thread, error messages, the theme, undo, dialog pieces."""
