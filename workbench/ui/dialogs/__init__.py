"""Dialogs of the review desk; each has an ``ask`` class method that tests can replace.

Each lives in its own module, imported only when it is first needed.
"""
