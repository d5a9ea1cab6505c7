"""Dialogs with an ``ask(...)`` class method that tests can replace."""
