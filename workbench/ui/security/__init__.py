"""Encrypted databases in the window: unlocking, creating, converting and locking when idle."""
