"""Dialogs of the review desk; each has an ``ask(...)`` class method that tests replace."""
